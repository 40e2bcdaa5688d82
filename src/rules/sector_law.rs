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
use crate::roles::Role;

/// Why a regime the data require does not reach a performer.
enum Unmet<'a> {
    /// It gives care from a country outside the regime's: the country and the
    /// regime's name.
    CareAbroad(Country, &'a str),
    /// It gives care, in the regime's country, without being bound by it.
    CareUnbound(&'a str),
    /// It gives no care, and neither it nor any party it acts for is bound by
    /// the regime, so nobody bound by it is responsible for the processing.
    NobodyBound(&'a str),
}

/// Data requiring a regime handled by a party the regime does not reach.
pub const REGIME_NOT_BOUND: Rule = Rule {
    code: "regime-not-bound",
    area: Area::SectorLaw,
    severity: Severity::High,
    provisions: &[law::ART_5_1, law::ART_6_3, law::ART_9_1, law::ART_9_2_H, law::ART_9_3, law::PSL_6_12, law::OSL_25_1],
    summary: "Care given by a party the data's legal regime (e.g. Swedish healthcare secrecy) does not bind, or data handled with nobody bound by it responsible",
    explanation: "Health data may be processed for care only on the basis of law and by or under the responsibility of a professional bound by secrecy under that law (Art. 6(3), 9(2)(h), 9(3)). Swedish healthcare law and its secrecy (OSL 25 kap. 1 §, PSL 6 kap. 12 §) bind care providers and their staff; a contract clause cannot replace them. In the 1177 case IMY held that they did not reach care given by a company in Thailand, and found Medhelp's disclosure of calls to it unlawful (Art. 5(1), 6(3), 9(1), 9(3); IMY DI-2019-3375, 2021 [V]). The rule fires for a party not bound by the regime that gives care itself (anywhere), and for one that handles the data when neither it nor any party it acts for is bound by the regime (then nobody bound is responsible, Art. 9(3) [I]). It does not fire for a processor that only stores, transcribes or routes data for a bound controller, wherever it is: Art. 9(3) is met through the controller's responsibility, and Art. 1(3) forbids restricting flows within the Union for data-protection reasons. Outside the EU/EEA such a processor is a Chapter V matter (rules transfer-*). Unsettled, and not checked: whether Swedish secrecy reaches the staff of a technical processor abroad (lag (2020:914); for authorities OSL 10 kap. 2 a § asks case by case whether disclosure is unsuitable, \"olämpligt\").",
    remediation: "have the care given by a care provider bound by the regime (for Swedish care: a Swedish vårdgivare, under a caregiver-to-caregiver arrangement) or by the controller's own staff; make sure a party bound by the regime is responsible for every processor that handles the data",
    check: |ctx, out| {
        for activity in ctx.running() {
            let required: Vec<_> = ctx.data_of(activity).flat_map(|d| d.requires.iter().map(move |r| (d, r))).collect();
            if required.is_empty() {
                continue;
            }
            for performer in ctx.graph.performers(&activity.id) {
                let Some(party) = ctx.model.parties.get(&performer.party.value) else { continue };
                let chain = ctx.chain_down(&activity.id, &party.id);
                let bound = |id: &PartyId, regime: &RegimeId| {
                    ctx.model.parties.get(id).is_some_and(|p| p.subject_to.iter().any(|r| &r.value == regime))
                };
                // One finding per performer: which data need which regime, and why it does not reach.
                let mut unmet: Vec<(&DataCategory, &Located<RegimeId>, Unmet<'_>)> = Vec::new();
                let mut primary = None;
                for (data, regime_id) in &required {
                    if bound(&party.id, &regime_id.value) {
                        continue;
                    }
                    let Some(regime) = ctx.reference.regime(regime_id.value.as_str()) else { continue };
                    let why = if performer.gives_care() {
                        // The first country by code, not the first listed: the message must
                        // not depend on the order of `systems` or `access_from`.
                        let abroad = ctx
                            .graph
                            .places(performer)
                            .into_iter()
                            .filter(|p| p.country != regime.country)
                            .min_by(|a, b| a.country.cmp(&b.country));
                        match abroad {
                            Some(place) => {
                                primary.get_or_insert((place.span, msg!("label-care-from", country = &place.country)));
                                Unmet::CareAbroad(place.country, &regime.name)
                            }
                            None => Unmet::CareUnbound(&regime.name),
                        }
                    } else if chain.iter().any(|id| bound(id, &regime_id.value)) {
                        // Art. 9(3): processing under the responsibility of a bound
                        // party, wherever the processor is.
                        continue;
                    } else {
                        Unmet::NobodyBound(&regime.name)
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
                        regimes = Arg::list(names.iter().map(Arg::verbatim), Join::And),
                        count = names.len(),
                    )));
                }
                let unbound = unique(ordered.iter().filter_map(|(_, _, why)| match why {
                    Unmet::CareUnbound(name) => Some(*name),
                    _ => None,
                }));
                if !unbound.is_empty() {
                    reasons.push(Arg::from(msg!(
                        "regime-care-unbound",
                        regimes = Arg::list(unbound.iter().map(Arg::verbatim), Join::And),
                    )));
                }
                let nobody = unique(ordered.iter().filter_map(|(_, _, why)| match why {
                    Unmet::NobodyBound(name) => Some(*name),
                    _ => None,
                }));
                if !nobody.is_empty() {
                    reasons.push(Arg::from(msg!(
                        "regime-nobody-bound",
                        regimes = Arg::list(nobody.iter().map(Arg::verbatim), Join::And),
                    )));
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
                        reasons = Arg::List(reasons, Join::Semicolon),
                    ),
                );
                finding.party(&accountable).activity(&activity.id).subject("performer", &party.id).chain(chain);
                cite_secrecy(ctx, finding, &accountable);
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
    summary: "A party that gives care while acting as a processor",
    explanation: "Under Swedish sector law every care provider (vårdgivare) is controller of the processing it carries out (patientdatalagen 2 kap. 6 §), and care given by another care provider is a caregiver-to-caregiver collaboration (patientdatalagen 6 kap.), not processing on someone's behalf. On that reading, a party that answers patients as nurse or doctor under a processor contract is doing what only a care provider bound by healthcare law and secrecy may do [I]. IMY held so for Medicall, a company in Thailand, in the 1177 case (DI-2019-3375, 2021). The courts divided: Förvaltningsrätten i Stockholm (2022) did not share IMY's view on this point; Kammarrätten i Stockholm (12 Feb 2024, case 4058-22) restored it, on the ground that Swedish healthcare is a national matter within Sweden's borders and Swedish law gave no support for routing the calls to a Thai company [S: Lov&Data 1/2024]. No court has held in general that a care-giving subcontractor can never be a processor, so for a party in Sweden the finding states a reading of the law that is not settled.",
    remediation: "have the care given by a care provider in its own right, bound by Swedish healthcare law, under a caregiver-to-caregiver arrangement, or by the controller's own staff; keep processor contracts for processing that is not care (storage, telephony, transcription)",
    check: |ctx, out| {
        for activity in ctx.running() {
            for performer in ctx.graph.performers(&activity.id) {
                if !performer.gives_care() {
                    continue;
                }
                let party = &performer.party.value;
                let processing_role = ctx
                    .roles
                    .of(party, &activity.id)
                    .into_iter()
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
fn unique<'a>(items: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
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
