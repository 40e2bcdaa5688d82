//! Sector law and territoriality: data that requires a legal regime handled by a
//! party the regime does not reach, and care given under a processor contract.
//!
//! This is the Medicall finding of the 1177 case (IMY, DI-2019-3375): Swedish
//! healthcare law is the legal basis that makes care processing lawful (Art. 6(3),
//! 9(2)(h)) and the secrecy that Art. 9(3) requires. IMY held that it does not
//! reach care given by a company in Thailand, and that a contractual
//! confidentiality clause cannot replace statutory secrecy. Art. 9(3) asks that
//! the processing be done "by or under the responsibility of" a professional bound
//! by secrecy; nothing in it turns on where a technical processor sits, and
//! Art. 1(3) forbids restricting flows within the Union. So `regime-not-bound`
//! proves two things only: care given by a party the regime does not bind, and data
//! handled by a party with nobody bound by the regime above it. Where a technical
//! processor stores or routes the data is left to Chapter V (`transfer-*`).

use super::{Area, Arg, Message, Rule, Severity};
use crate::finding::Join;
use crate::law;
use crate::model::{Country, DataCategory, DataId, Located, PartyId, RegimeId};
use crate::msg;
use crate::reference::{ReachActivities, Regime};
use crate::roles::Role;

/// Why a regime the data require does not reach a performer.
enum Unmet<'a> {
    /// It gives care from a country outside the regime's: the country and the
    /// regime's name.
    CareAbroad(Country, &'a Regime),
    /// It gives care, where the regime applies, without being bound by it.
    CareUnbound(&'a Regime),
    /// It gives no care, and neither it nor any party it acts for is bound by
    /// the regime, so nobody bound by it is responsible for the processing.
    NobodyBound(&'a Regime),
    /// The regime must bind every party that handles the data (its reach is
    /// `all`), and this one is not bound.
    HandlesUnbound(&'a Regime),
    /// The model lists it as subject to the regime, but the regime cannot bind
    /// a party of its sector (public or private).
    OutsideSector(&'a Regime),
}

impl Unmet<'_> {
    /// The message key of a reason that is not about a country.
    fn key(&self) -> Option<&'static str> {
        match self {
            Unmet::CareAbroad(..) => None,
            Unmet::CareUnbound(_) => Some("regime-care-unbound"),
            Unmet::NobodyBound(_) => Some("regime-nobody-bound"),
            Unmet::HandlesUnbound(_) => Some("regime-handles-unbound"),
            Unmet::OutsideSector(_) => Some("regime-outside-sector"),
        }
    }

    /// The regime.
    fn regime(&self) -> &Regime {
        match self {
            Unmet::CareAbroad(_, name)
            | Unmet::CareUnbound(name)
            | Unmet::NobodyBound(name)
            | Unmet::HandlesUnbound(name)
            | Unmet::OutsideSector(name) => name,
        }
    }
}

/// Data requiring a regime handled by a party the regime does not reach.
pub const REGIME_NOT_BOUND: Rule = Rule {
    code: "regime-not-bound",
    area: Area::SectorLaw,
    severity: Severity::High,
    provisions: &[law::ART_5_1, law::ART_6_3, law::ART_9_1, law::ART_9_2_H, law::ART_9_3, law::PSL_6_12, law::OSL_25_1],
    check: |ctx, out| {
        for activity in ctx.running() {
            let required: Vec<_> = ctx.data_of(activity).flat_map(|d| d.requires.iter().map(move |r| (d, r))).collect();
            if required.is_empty() {
                continue;
            }
            for performer in ctx.graph.performers_of(activity) {
                let Some(party) = ctx.model.parties.get(&performer.party.value) else { continue };
                let chain = ctx.chain_down(&activity.id, &party.id);
                // Bound: listed as subject to the regime, and of a sector it can bind.
                let bound = |id: &PartyId, regime: &RegimeId| {
                    ctx.model.parties.get(id).is_some_and(|p| {
                        p.subject_to.iter().any(|r| &r.value == regime)
                            && ctx.reference.regime(regime).is_none_or(|g| g.reach.binds_sector(p.public_body))
                    })
                };
                // One finding per performer: which data need which regime, and why it does not reach.
                let mut unmet: Vec<(&DataCategory, &Located<RegimeId>, Unmet<'_>)> = Vec::new();
                let mut primary = None;
                for (data, regime_id) in &required {
                    let Some(regime) = ctx.reference.regime(&regime_id.value) else { continue };
                    // The regime's reach is data (reference `regimes[].reach`): where it
                    // applies, whose parties it can bind, and whom it must bind.
                    let reach = &regime.reach;
                    let listed = party.subject_to.iter().any(|r| r.value == regime_id.value);
                    if bound(&party.id, &regime_id.value) {
                        continue;
                    }
                    let why = if performer.gives_care() {
                        // The first country by code, not the first listed: the message must
                        // not depend on the order of `systems` or `access_from`.
                        let abroad = ctx
                            .graph
                            .places(performer)
                            .into_iter()
                            .filter(|p| !reach.covers_country(&p.country))
                            .min_by(|a, b| a.country.cmp(&b.country));
                        match abroad {
                            Some(place) => {
                                primary.get_or_insert((place.span, msg!("label-care-from", country = &place.country)));
                                Unmet::CareAbroad(place.country, regime)
                            }
                            None if listed => Unmet::OutsideSector(regime),
                            None => Unmet::CareUnbound(regime),
                        }
                    } else if reach.activities == ReachActivities::All {
                        // The regime must bind every party that handles the data.
                        if listed { Unmet::OutsideSector(regime) } else { Unmet::HandlesUnbound(regime) }
                    } else if chain.iter().any(|id| bound(id, &regime_id.value)) {
                        // Art. 9(3): processing under the responsibility of a bound
                        // party, wherever the processor is.
                        continue;
                    } else if listed {
                        Unmet::OutsideSector(regime)
                    } else {
                        Unmet::NobodyBound(regime)
                    };
                    unmet.push((data, regime_id, why));
                }
                if unmet.is_empty() {
                    continue;
                }
                // The message reads them by regime, then data id: reordering `data` or
                // `requires` in the model leaves the message, and so the finding
                // `ansvar diff` matches, unchanged.
                let mut ordered: Vec<_> = unmet.iter().collect();
                ordered.sort_by(|a, b| (&a.1.value, &a.0.id).cmp(&(&b.1.value, &b.0.id)));
                let mut data_ids = unique(ordered.iter().map(|(d, _, _)| d.id.as_str()));
                data_ids.sort_unstable();
                let regimes = unique(ordered.iter().map(|(_, r, _)| r.value.as_str()));
                // One reason per country care is given from (and one each for care
                // given unbound and for nobody bound), naming every regime concerned.
                let mut reasons = Vec::new();
                let countries = unique(ordered.iter().filter_map(|(_, _, why)| match why {
                    Unmet::CareAbroad(country, _) => Some(country.as_str()),
                    _ => None,
                }));
                for country in countries {
                    let names = unique(ordered.iter().filter_map(|(_, _, why)| match why {
                        Unmet::CareAbroad(c, name) if c.as_str() == country => Some(*name),
                        _ => None,
                    }));
                    reasons.push(Arg::from(msg!(
                        "regime-care-abroad",
                        country = ctx.country(&Country::new(country)),
                        regimes = Arg::list(names.iter().map(|r| r.name_arg()), Join::And),
                        count = names.len(),
                    )));
                }
                // Then one reason per other kind, in a fixed order.
                for key in
                    ["regime-care-unbound", "regime-nobody-bound", "regime-handles-unbound", "regime-outside-sector"]
                {
                    let names = unique(
                        ordered.iter().filter(|(_, _, why)| why.key() == Some(key)).map(|(_, _, why)| why.regime()),
                    );
                    if !names.is_empty() {
                        let sector = if party.public_body { "sector-public" } else { "sector-private" };
                        reasons.push(Arg::from(msg!(
                            key,
                            regimes = Arg::list(names.iter().map(|r| r.name_arg()), Join::And),
                            sector = Message::new(sector),
                        )));
                    }
                }
                let (span, label) = primary
                    .or(performer
                        .gives_care
                        .as_ref()
                        .filter(|g| g.value)
                        .map(|g| (g.span, Message::new("label-gives-care"))))
                    .unwrap_or((performer.span, Message::new("label-performer")));
                let accountable = chain.first().cloned().unwrap_or_else(|| party.id.clone());
                let finding = out.at(
                    span,
                    label,
                    msg!(
                        "regime-not-bound",
                        performer = &party.id,
                        data = Arg::list(data_ids.iter().map(|d| Arg::from(&DataId::new(*d))), Join::Comma),
                        activity = &activity.id,
                        regimes = Arg::list(regimes.iter().map(|r| Arg::from(&RegimeId::new(*r))), Join::Comma),
                        count = regimes.len(),
                        reasons = Arg::List(reasons.into_boxed_slice(), Join::Semicolon),
                    ),
                );
                finding.party(&accountable).activity(&activity.id).subject("performer", &party.id).chain(chain);
                // The Swedish secrecy provisions are cited where a Swedish regime does
                // not reach; another country's regime names its own in the message.
                let swedish = unmet.iter().any(|(_, regime_id, _)| {
                    ctx.reference.regime(&regime_id.value).is_some_and(|r| r.country.as_str() == "SE")
                });
                if swedish {
                    cite_secrecy(ctx, finding, &accountable);
                } else {
                    finding.without_provision(law::PSL_6_12).without_provision(law::OSL_25_1);
                }
                let mut labelled = Vec::new();
                for (_, regime_id, _) in &unmet {
                    if !labelled.contains(&regime_id.span) {
                        labelled.push(regime_id.span);
                        finding.label(regime_id.span, Message::new("label-data-require-regime"));
                    }
                }
            }
        }
    },
};

/// A party that gives care under a processor role.
pub const CARE_GIVER_AS_PROCESSOR: Rule = Rule {
    code: "care-giver-as-processor",
    area: Area::SectorLaw,
    severity: Severity::High,
    provisions: &[law::PDL_2_6, law::ART_5_1, law::ART_6_3, law::ART_9_1, law::ART_9_3, law::PSL_6_12],
    check: |ctx, out| {
        for activity in ctx.running() {
            for performer in ctx.graph.performers_of(activity) {
                if !performer.gives_care() {
                    continue;
                }
                let party = &performer.party.value;
                let processing_role = ctx
                    .roles
                    .of(party, &activity.id)
                    .iter()
                    .find(|a| matches!(a.role, Role::Processor | Role::SubProcessor));
                let Some(assignment) = processing_role else { continue };
                let chain = ctx.chain_down(&activity.id, party);
                let accountable = chain.first().cloned().unwrap_or_else(|| party.clone());
                let span = performer.gives_care.as_ref().map(|g| g.span).unwrap_or(performer.span);
                let finding = out.at(
                    span,
                    Message::new("label-gives-care"),
                    msg!(
                        "care-giver-as-processor",
                        performer = party,
                        activity = &activity.id,
                        role = assignment.role,
                        accountable = &accountable,
                    ),
                );
                finding.party(&accountable).activity(&activity.id).subject("performer", party).chain(chain);
                cite_secrecy(ctx, finding, &accountable);
                for agreement in ctx.graph.agreements_covering(&activity.id) {
                    for claimed in agreement.parties.iter().filter(|p| &p.party.value == party) {
                        if let Some(role) = claimed.role.as_ref().filter(|r| {
                            matches!(
                                r.value,
                                crate::model::ClaimedRole::Processor | crate::model::ClaimedRole::SubProcessor
                            )
                        }) {
                            finding.label(
                                role.span,
                                msg!(
                                    "label-calls-it",
                                    agreement = &agreement.id,
                                    role = Arg::Word(role.value.as_str())
                                ),
                            );
                        }
                    }
                }
            }
        }
    },
};

/// The distinct items, in the order they first appear.
fn unique<T: PartialEq>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut seen = Vec::new();
    for item in items {
        if !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen
}

/// Keeps the secrecy provision that binds the accountable party: public care is
/// under OSL 25 kap. 1 §, private care under PSL 6 kap. 12 §.
fn cite_secrecy(ctx: &super::Context<'_>, finding: &mut super::Finding, accountable: &crate::model::PartyId) {
    let public = ctx.model.parties.get(accountable).is_some_and(|p| p.public_body);
    if public {
        finding.without_provision(law::PSL_6_12).provision(law::OSL_25_1);
    } else {
        finding.without_provision(law::OSL_25_1).provision(law::PSL_6_12);
    }
}
