//! Transfers to third countries (Chapter V).
//!
//! A transfer is a disclosure by a party subject to the GDPR (the exporter) to
//! another party in a third country (the importer), EDPB Guidelines 05/2021. Here
//! the exporter is the party a performer acts for and the importer is the
//! performer; each hop of a chain is checked, so onward transfers count (Art. 44).
//! A country is fine when it is in the EU/EEA or has an adequacy decision in force
//! on the evaluation date whose scope covers the importer (Art. 45); otherwise an
//! agreement in force between the two must carry a transfer tool that fits the
//! direction of the transfer (Art. 46).
//!
//! Scope is data in the reference file, checked by one mechanism
//! ([`crate::reference::AdequacyScope::check`]): the sectors a decision covers
//! against the importer's `public_body` (Japan and Canada: private only), a
//! certification the importer must hold on the date for every kind of data the
//! activity processes (the US DPF, HR and non-HR separately), and what is left to
//! verify (Japan's excluded categories, Korea, Israel), which is reported for
//! verification unless a transfer tool that fits carries the transfer anyway.

use std::collections::BTreeSet;

use super::{Area, Arg, Context, Finding, Findings, Message, Rule, Severity};
use crate::finding::Join;
use crate::graph::{Place, PlaceReason};
use crate::law;
use crate::model::{Activity, Agreement, Party, PartyId, TransferTool};
use crate::msg;
use crate::reference::{Jurisdiction, ScopeCheck, Sector};
use crate::source::Span;

/// Processing in a third country with no adequacy and no transfer tool.
pub const WITHOUT_SAFEGUARD: Rule = Rule {
    code: "transfer-without-safeguard",
    area: Area::Transfers,
    severity: Severity::High,
    provisions: &[law::ART_44, law::ART_45, law::ART_46, law::ART_49],
    check: alone,
};

/// A transfer tool that does not fit the transfer.
pub const TOOL_MISMATCH: Rule = Rule {
    code: "transfer-tool-mismatch",
    area: Area::Transfers,
    severity: Severity::High,
    provisions: &[law::ART_46, law::ART_46_2_A, law::ART_47, law::ART_4_20, law::ART_49],
    check: alone,
};

/// An adequacy decision limited to sectors the model cannot check.
pub const SCOPE_UNVERIFIED: Rule = Rule {
    code: "transfer-adequacy-scope",
    area: Area::Transfers,
    severity: Severity::Info,
    provisions: &[law::ART_45],
    check: alone,
};

/// A transfer tool relied on where and when the destination's law undermined it.
pub const TOOL_UNDERMINED: Rule = Rule {
    code: "transfer-tool-undermined",
    area: Area::Transfers,
    severity: Severity::High,
    provisions: &[law::ART_44, law::ART_46, law::CJEU_SCHREMS_II, law::EDPB_REC_01_2020],
    check: alone,
};

/// A transfer tool relied on without a transfer impact assessment.
pub const NO_IMPACT_ASSESSMENT: Rule = Rule {
    code: "transfer-without-impact-assessment",
    area: Area::Transfers,
    severity: Severity::Medium,
    provisions: &[law::ART_46, law::SCC_CLAUSE_14, law::EDPB_REC_01_2020],
    check: alone,
};

/// The five rules share one walk over every performer's places ([`walk`]):
/// the rules stage runs it once for all of them (`--timings` shows it as one
/// part, [`WALK_NAME`]), where each rule used to repeat it.
pub(super) const CODES: [&str; 5] = [
    WITHOUT_SAFEGUARD.code,
    TOOL_MISMATCH.code,
    SCOPE_UNVERIFIED.code,
    TOOL_UNDERMINED.code,
    NO_IMPACT_ASSESSMENT.code,
];

/// The name `--timings` gives the shared walk.
pub(super) const WALK_NAME: &str = "transfer-* (5 rules, one walk)";

/// One transfer rule run on its own: the shared walk, keeping its findings.
fn alone(ctx: &Context<'_>, out: &mut Findings) {
    let mut all: Vec<Findings> = CODES.iter().filter_map(|code| super::rule(code)).map(super::collector).collect();
    walk(ctx, &mut all);
    if let Some(mine) = all.into_iter().find(|found| found.rule.code == out.rule.code) {
        out.found.extend(mine.found);
    }
}

/// Whether the importer is covered by the adequacy decision for its country.
enum Coverage {
    Covered,
    NotCovered(Message),
    ToVerify(Message),
}

fn coverage(ctx: &Context<'_>, place: &Place, importer: &Party, activity: &Activity) -> Coverage {
    match ctx.reference.jurisdiction(&place.country, ctx.as_of) {
        Jurisdiction::Eea => Coverage::Covered,
        Jurisdiction::ThirdCountry => {
            Coverage::NotCovered(msg!("why-third-country", country = ctx.country(&place.country), date = ctx.as_of))
        }
        Jurisdiction::Adequate(decision) => match decision.scope.check(importer, ctx.data_of(activity), ctx.as_of) {
            ScopeCheck::Covered => Coverage::Covered,
            ScopeCheck::OutsideSectors { sector } => Coverage::NotCovered(msg!(
                if sector == Sector::Public { "why-public-sector-outside" } else { "why-private-sector-outside" },
                country = ctx.country(&place.country),
                instrument = Arg::verbatim(&decision.instrument),
                importer = &importer.id,
            )),
            ScopeCheck::NotCertified { scheme, missing } => Coverage::NotCovered(msg!(
                "why-certified-only",
                country = ctx.country(&place.country),
                instrument = Arg::verbatim(&decision.instrument),
                certification = Arg::code(scheme),
                importer = &importer.id,
                missing = Arg::List(missing.iter().map(|k| Arg::Word(k.as_str())).collect(), Join::And),
                date = ctx.as_of,
            )),
            ScopeCheck::ToVerify(what) => Coverage::ToVerify(msg!(
                "why-sector-limited",
                country = ctx.country(&place.country),
                instrument = Arg::verbatim(&decision.instrument),
                note = Arg::verbatim(what),
            )),
        },
    }
}

/// The SCC module for a transfer between parties of these kinds.
fn expected_module(exporter_controls: bool, importer_controls: bool) -> u8 {
    match (exporter_controls, importer_controls) {
        (true, true) => 1,
        (true, false) => 2,
        (false, false) => 3,
        (false, true) => 4,
    }
}

fn same_group(ctx: &Context<'_>, a: &PartyId, b: &PartyId) -> bool {
    let root = |start: &PartyId| {
        let mut party = start.clone();
        let mut seen = BTreeSet::new();
        while let Some(owner) = ctx.model.parties.get(&party).and_then(|p| p.owned_by.as_ref()) {
            if !seen.insert(party.clone()) {
                break;
            }
            party = owner.value.clone();
        }
        party
    };
    root(a) == root(b)
}

fn is_public_body(ctx: &Context<'_>, party: &PartyId) -> bool {
    ctx.model.parties.get(party).is_some_and(|p| p.public_body)
}

/// What the agreements in force between exporter and importer offer for a transfer.
enum Tools<'a> {
    /// At least one tool fits: the first such agreement.
    Fit(&'a Agreement),
    /// None is there.
    Absent,
    /// Every tool there fails: the agreement, where its clause is written, and why.
    Mismatched(Vec<(&'a Agreement, Span, Message)>),
}

fn tools<'a>(ctx: &Context<'a>, activity: &Activity, exporter: &PartyId, importer: &PartyId) -> Tools<'a> {
    let agreements = ctx.agreements_in_force(exporter, importer, &activity.id);
    // A processor that also has purposes of its own (Art. 28(10)) still sends and
    // receives the controller's data as a processor: `Context::controls`.
    let module = expected_module(ctx.controls(exporter, &activity.id), ctx.controls(importer, &activity.id));
    let mut mismatches = Vec::new();
    for agreement in agreements {
        let Some(clause) = &agreement.transfer else { continue };
        let wrong_party = clause.value.exporter.as_ref().is_some_and(|e| &e.value != exporter)
            || clause.value.importer.as_ref().is_some_and(|i| &i.value != importer);
        let problem = match clause.value.tool.value {
            _ if wrong_party => Some(msg!("tool-wrong-parties", exporter = exporter, importer = importer)),
            TransferTool::Scc => match &clause.value.module {
                Some(m) if m.value != module => {
                    Some(msg!("tool-wrong-module", module = i64::from(m.value), needed = i64::from(module)))
                }
                _ => None,
            },
            TransferTool::Derogation => Some(Message::new("tool-derogation")),
            TransferTool::Bcr if !same_group(ctx, exporter, importer) => Some(Message::new("tool-bcr-other-group")),
            // Art. 46(2)(a): "a legally binding and enforceable instrument between
            // public authorities or bodies"; it cannot carry a transfer to or from
            // a private party.
            TransferTool::PublicAuthorityInstrument
                if !(is_public_body(ctx, exporter) && is_public_body(ctx, importer)) =>
            {
                Some(Message::new("tool-public-instrument"))
            }
            _ => None,
        };
        match problem {
            None => return Tools::Fit(agreement),
            Some(problem) => mismatches.push((agreement, clause.span, problem)),
        }
    }
    if mismatches.is_empty() { Tools::Absent } else { Tools::Mismatched(mismatches) }
}

/// The findings of the five transfer rules, into one collector per rule in
/// the order of [`CODES`], each in the order its rule alone would push them:
/// every transfer is visited once and offered to each rule in turn.
pub(super) fn walk(ctx: &Context<'_>, outs: &mut [Findings]) {
    let [missing, mismatch, scope, undermined_out, no_assessment_out] = outs else { return };
    for activity in ctx.running() {
        let mut seen = BTreeSet::new();
        for performer in ctx.graph.performers_of(activity) {
            let Some(exporter) = &performer.on_behalf_of else { continue };
            let Some(importer) = ctx.model.parties.get(&performer.party.value) else { continue };
            // Most processing stays in the EU/EEA: nothing to check, and no
            // need to build its places (or remember them: their duplicates are
            // in the EU/EEA too).
            if ctx.reference.all_eea_on(ctx.graph.countries(performer), ctx.as_of) {
                continue;
            }
            for place in ctx.graph.places(performer) {
                if ctx.reference.is_eea_on(&place.country, ctx.as_of) {
                    continue;
                }
                if !seen.insert((importer.id.clone(), exporter.value.clone(), place.country.clone())) {
                    continue;
                }
                let why = match coverage(ctx, &place, importer, activity) {
                    Coverage::Covered => continue,
                    Coverage::ToVerify(why) => Err(why),
                    Coverage::NotCovered(why) => Ok(why),
                };
                let chain = ctx.chain_down(&activity.id, &importer.id);
                // Art. 44 binds the controller for onward transfers, and its
                // instructions must cover transfers (Art. 28(3)(a)): a transfer by
                // its processor is answered for by the controller at the top too.
                let onward =
                    chain.first().filter(|top| *top != &exporter.value && ctx.controls(top, &activity.id)).cloned();
                let transfer = Transfer { activity, importer, exporter: &exporter.value, place: &place, chain, onward };
                match (tools(ctx, activity, &exporter.value, &importer.id), why) {
                    // With a tool that fits, the transfer rests on Art. 46 and a
                    // decision's scope does not matter; the tool must work there and
                    // then, after an assessment.
                    (Tools::Fit(agreement), _) => {
                        undermined(ctx, undermined_out, &transfer, agreement);
                        no_assessment(no_assessment_out, &transfer, agreement);
                    }
                    // With none, or only tools that do not fit, it rests on the
                    // limited decision.
                    (_, Err(why)) => {
                        transfer.push(
                            scope,
                            place.span,
                            place_label(&place),
                            msg!(
                                "transfer-adequacy-scope",
                                importer = &importer.id,
                                activity = &activity.id,
                                why = why
                            ),
                        );
                    }
                    (Tools::Absent, Ok(why)) => {
                        let module = expected_module(
                            ctx.controls(&exporter.value, &activity.id),
                            ctx.controls(&importer.id, &activity.id),
                        );
                        transfer
                            .push(
                                missing,
                                place.span,
                                place_label(&place),
                                msg!(
                                    "transfer-without-safeguard",
                                    importer = &importer.id,
                                    activity = &activity.id,
                                    country = ctx.country(&place.country),
                                    why = why,
                                    exporter = &exporter.value,
                                    module = i64::from(module),
                                ),
                            )
                            .into_iter()
                            .for_each(|f| {
                                f.label(exporter.span, Message::new("label-exporter"));
                            });
                    }
                    (Tools::Mismatched(mismatches), Ok(_)) => {
                        for (agreement, span, problem) in mismatches {
                            for finding in transfer.push(
                                mismatch,
                                span,
                                Message::new("label-transfer-tool"),
                                msg!(
                                    "transfer-tool-mismatch",
                                    agreement = &agreement.id,
                                    importer = &importer.id,
                                    activity = &activity.id,
                                    country = ctx.country(&place.country),
                                    problem = problem,
                                ),
                            ) {
                                finding.subject("agreement", &agreement.id).label(place.span, place_label(&place));
                            }
                        }
                    }
                }
            }
        }
    }
}

/// One transfer: an importer processing an activity's data in a third country
/// for an exporter, and the chain that brought it in.
struct Transfer<'a> {
    activity: &'a Activity,
    importer: &'a Party,
    exporter: &'a PartyId,
    place: &'a Place,
    chain: Vec<PartyId>,
    /// The controller at the top of the chain, when the exporter is its processor.
    onward: Option<PartyId>,
}

impl Transfer<'_> {
    /// Pushes the finding against the exporter and, for an onward transfer, the
    /// same finding against the controller at the top of the chain; returns both
    /// for further labels.
    fn push<'o>(&self, out: &'o mut Findings, span: Span, label: Message, message: Message) -> Vec<&'o mut Finding> {
        let mut parties = vec![(self.exporter.clone(), None)];
        if let Some(controller) = &self.onward {
            parties.push((controller.clone(), Some(controller.clone())));
        }
        let first = out.len();
        for (party, onward) in parties {
            let message = match &onward {
                None => message.clone(),
                Some(controller) => msg!(
                    "transfer-onward",
                    controller = controller,
                    exporter = self.exporter,
                    finding = message.clone()
                ),
            };
            let finding = out.at(span, label.clone(), message);
            finding
                .party(&party)
                .activity(&self.activity.id)
                .subject("importer", &self.importer.id)
                .subject("country", &self.place.country)
                .chain(self.chain.clone());
            if onward.is_some() {
                finding.subject("exporter", self.exporter).provision(law::ART_44).provision(law::ART_28_3_A);
            }
        }
        out.last_from(first)
    }
}

/// A tool that fits, to a destination whose law undermined such tools on the
/// date (`tool_undermined` in the reference data), without a supplementary
/// measure counted as effective there.
fn undermined(ctx: &Context<'_>, out: &mut Findings, transfer: &Transfer<'_>, agreement: &Agreement) {
    let Some(clause) = &agreement.transfer else { return };
    let tool = clause.value.tool.value;
    let Some(period) = ctx.reference.tool_undermined(&transfer.place.country, tool, ctx.as_of) else { return };
    // Whether the importer is one the period concerns: known, or to verify.
    let subject = match &period.importers_subject_to {
        None => true,
        Some(regime) => transfer.importer.subject_to.iter().any(|r| &r.value == regime),
    };
    let measures = clause.value.supplementary_measures.as_ref();
    if measures.is_some_and(|m| m.value.iter().any(|m| period.effective_measures.contains(m))) {
        return;
    }
    let state = match measures {
        None => Message::new("undermined-measures-unknown"),
        Some(_) => Message::new("undermined-measures-ineffective"),
    };
    let regime = period.importers_subject_to.as_ref();
    let message = msg!(
        if subject { "transfer-tool-undermined" } else { "transfer-tool-undermined-verify" },
        agreement = &agreement.id,
        tool = Arg::Word(tool.as_str()),
        importer = &transfer.importer.id,
        activity = &transfer.activity.id,
        country = ctx.country(&transfer.place.country),
        regime = Arg::code(regime.map_or("", |r| r.as_str())),
        state = state,
    );
    let span = clause.value.supplementary_measures.as_ref().map_or(clause.span, |m| m.span);
    for finding in transfer.push(out, span, Message::new("label-transfer-tool"), message) {
        finding.subject("agreement", &agreement.id).label(transfer.place.span, place_label(transfer.place));
        // Unknown measures, or an importer not known to be subject to the law
        // that undermines the tool: a fact to verify, not an infringement shown.
        if !subject || measures.is_none() {
            finding.severity(Severity::Info);
        }
    }
}

/// A tool that fits, relied on without an assessment of the destination's law
/// and practice (SCC Clause 14; EDPB Recommendations 01/2020).
fn no_assessment(out: &mut Findings, transfer: &Transfer<'_>, agreement: &Agreement) {
    let Some(clause) = &agreement.transfer else { return };
    let (key, severity, span) = match &clause.value.impact_assessment {
        Some(done) if done.value => return,
        Some(not) => ("transfer-without-impact-assessment", Severity::Medium, not.span),
        // Left out, the assessment is unknown: the rule stays silent.
        None => return,
    };
    let message = msg!(
        key,
        agreement = &agreement.id,
        tool = Arg::Word(clause.value.tool.value.as_str()),
        importer = &transfer.importer.id,
        activity = &transfer.activity.id,
    );
    for finding in transfer.push(out, span, Message::new("label-transfer-tool"), message) {
        finding.subject("agreement", &agreement.id).severity(severity);
    }
}

pub(super) fn place_label(place: &Place) -> Message {
    match &place.reason {
        PlaceReason::PerformerLocation => msg!("label-processes-in", country = &place.country),
        PlaceReason::PartyCountry => msg!("label-established-in", country = &place.country),
        PlaceReason::System(system) => msg!("label-uses-system-in", system = system, country = &place.country),
        PlaceReason::AccessFrom => msg!("label-accesses-from", country = &place.country),
    }
}
