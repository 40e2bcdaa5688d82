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
//! Scope is checked as far as the model can: a public body falls outside Canada's
//! decision (PIPEDA reaches commercial organisations), and a US importer must hold a
//! DPF certification valid on the date for every kind of data the activity
//! processes (HR and non-HR are certified separately). Where a decision's scope
//! depends on facts the model does not hold (Japan, Korea, Israel), the transfer is
//! reported for verification, unless a transfer tool that fits carries it anyway.

use std::collections::BTreeSet;

use super::{Area, Arg, Context, Findings, Message, Rule, Severity};
use crate::finding::Join;
use crate::graph::{Place, PlaceReason};
use crate::law;
use crate::model::{Activity, Agreement, CertifiedData, Party, PartyId, TransferTool};
use crate::msg;
use crate::reference::{AdequacyScope, Jurisdiction};
use crate::source::Span;

/// Processing in a third country with no adequacy and no transfer tool.
pub const WITHOUT_SAFEGUARD: Rule = Rule {
    code: "transfer-without-safeguard",
    area: Area::Transfers,
    severity: Severity::High,
    provisions: &[law::ART_44, law::ART_45, law::ART_46, law::ART_49],
    summary: "Personal data processed in a third country with no adequacy decision and no transfer tool",
    explanation: "Personal data may go to a country outside the EU/EEA only under an adequacy decision of the Commission that covers that recipient on that date (Art. 45; a decision may cover a whole country, a territory, specified sectors or an international organisation), under appropriate safeguards such as standard contractual clauses (Art. 46), or, exceptionally, under a derogation for a specific situation (Art. 49). Processing in, or remote access from, such a country by a processor or sub-processor is a transfer by the party it works for, and onward transfers count too (Art. 44). The 1177 case adds a warning: a transfer tool does not cure a lack of legal basis under sector law.",
    remediation: "stop the processing abroad, or add a transfer tool that fits the direction (e.g. `transfer: { tool: scc, module: 2 }` controller→processor) to an agreement in force between the exporter and the importer, with a transfer impact assessment",
    check: |ctx, out| check_transfers(ctx, out, Outcome::Missing),
};

/// A transfer tool that does not fit the transfer.
pub const TOOL_MISMATCH: Rule = Rule {
    code: "transfer-tool-mismatch",
    area: Area::Transfers,
    severity: Severity::High,
    provisions: &[law::ART_46, law::ART_46_2_A, law::ART_47, law::ART_4_20, law::ART_49],
    summary: "A transfer tool that does not fit the direction or the parties of the transfer",
    explanation: "Standard contractual clauses come in four modules, one for each direction: 1 controller→controller, 2 controller→processor, 3 processor→processor, 4 processor→controller (Implementing Decision (EU) 2021/914). Binding corporate rules bind a group of undertakings, or a group of enterprises engaged in a joint economic activity (Art. 4(20), 47(1)); the rule reads group membership from `owned_by` only, so a transfer within a joint-activity group that is not an ownership group is flagged and must be checked by hand. An instrument between public authorities needs public bodies on both sides (Art. 46(2)(a)). Derogations (Art. 49) are exceptions to be read restrictively: the contract and legal-claims derogations are limited to occasional transfers (recital 111), the last resort of Art. 49(1) second subparagraph to transfers that are not repetitive, and in the EDPB's reading even the others should not become a large-scale, systematic route (EDPB Guidelines 2/2018). The rule flags a derogation used for a standing outsourcing flow as a misfit. A tool that does not fit the transfer gives it no protection.",
    remediation: "use the SCC module that matches the roles of exporter and importer, name them as `exporter` and `importer`, or replace the derogation or BCR with SCCs",
    check: |ctx, out| check_transfers(ctx, out, Outcome::Mismatch),
};

/// An adequacy decision limited to sectors the model cannot check.
pub const SCOPE_UNVERIFIED: Rule = Rule {
    code: "transfer-adequacy-scope",
    area: Area::Transfers,
    severity: Severity::Info,
    provisions: &[law::ART_45],
    summary: "A transfer relying on an adequacy decision limited to some sectors or kinds of processing",
    explanation: "Some adequacy decisions cover only part of a country's processing (Japan: businesses under the APPI; Korea: entities under PIPA with exclusions; Israel: automated transfers). The model cannot tell whether the importer falls inside that scope, so the transfer relies on a fact to verify. When an agreement in force carries a transfer tool that fits, the transfer rests on that tool instead (Art. 46) and there is nothing to verify.",
    remediation: "verify that the importer and the processing fall within the decision's scope, and record the check",
    check: |ctx, out| check_transfers(ctx, out, Outcome::ScopeToVerify),
};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Missing,
    Mismatch,
    ScopeToVerify,
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
        Jurisdiction::Adequate(decision) => match &decision.scope {
            AdequacyScope::Whole => Coverage::Covered,
            AdequacyScope::CommercialOnly if importer.public_body => Coverage::NotCovered(msg!(
                "why-commercial-only",
                country = ctx.country(&place.country),
                instrument = Arg::verbatim(&decision.instrument),
                importer = &importer.id,
            )),
            AdequacyScope::CommercialOnly => Coverage::Covered,
            AdequacyScope::CertifiedOnly { certification } => {
                // The DPF certifies HR and non-HR data separately: an activity that
                // processes both needs both, from certifications valid on the date.
                let mut needed = Vec::new();
                for data in ctx.data_of(activity) {
                    let kind = if data.employment { CertifiedData::Hr } else { CertifiedData::NonHr };
                    if !needed.contains(&kind) {
                        needed.push(kind);
                    }
                }
                let covers = |kind: &CertifiedData| {
                    importer.certifications.iter().any(|c| {
                        &c.scheme.value == certification
                            && c.valid_on(ctx.as_of)
                            && (c.covers.is_empty() || c.covers.contains(kind))
                    })
                };
                // Sorted: the message must not depend on the order of the activity's `data`.
                let mut missing: Vec<&'static str> = needed.iter().filter(|k| !covers(k)).map(|k| k.as_str()).collect();
                missing.sort_unstable();
                if missing.is_empty() {
                    Coverage::Covered
                } else {
                    Coverage::NotCovered(msg!(
                        "why-certified-only",
                        country = ctx.country(&place.country),
                        instrument = Arg::verbatim(&decision.instrument),
                        certification = Arg::code(certification),
                        importer = &importer.id,
                        missing = Arg::List(missing.into_iter().map(Arg::Word).collect(), Join::And),
                        date = ctx.as_of,
                    ))
                }
            }
            AdequacyScope::SectorLimited => Coverage::ToVerify(msg!(
                "why-sector-limited",
                country = ctx.country(&place.country),
                instrument = Arg::verbatim(&decision.instrument),
                note = match decision.scope_note.as_deref() {
                    Some(note) => Arg::verbatim(note),
                    None => Message::new("why-sector-limited-see-decision").into(),
                },
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
    /// At least one tool fits.
    Fit,
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
            None => return Tools::Fit,
            Some(problem) => mismatches.push((agreement, clause.span, problem)),
        }
    }
    if mismatches.is_empty() { Tools::Absent } else { Tools::Mismatched(mismatches) }
}

fn check_transfers(ctx: &Context<'_>, out: &mut Findings, wanted: Outcome) {
    for activity in ctx.running() {
        let mut seen = BTreeSet::new();
        for performer in ctx.graph.performers(&activity.id) {
            let Some(exporter) = &performer.on_behalf_of else { continue };
            let Some(importer) = ctx.model.parties.get(&performer.party.value) else { continue };
            for place in ctx.graph.places(performer) {
                // Most processing stays in the EU/EEA: nothing to check, and no
                // need to remember it (its duplicates are in the EU/EEA too).
                if matches!(ctx.reference.jurisdiction(&place.country, ctx.as_of), Jurisdiction::Eea) {
                    continue;
                }
                if !seen.insert((importer.id.clone(), exporter.value.clone(), place.country.clone())) {
                    continue;
                }
                let why = match coverage(ctx, &place, importer, activity) {
                    Coverage::Covered => continue,
                    Coverage::ToVerify(why) => {
                        // With a tool that fits, the transfer rests on Art. 46 and the
                        // decision's scope does not matter. With none, or only tools
                        // that do not fit, it rests on the limited decision.
                        let fits = matches!(tools(ctx, activity, &exporter.value, &importer.id), Tools::Fit);
                        if wanted == Outcome::ScopeToVerify && !fits {
                            out.at(
                                place.span,
                                place_label(&place),
                                msg!(
                                    "transfer-adequacy-scope",
                                    importer = &importer.id,
                                    activity = &activity.id,
                                    why = why
                                ),
                            )
                            .party(&exporter.value)
                            .activity(&activity.id)
                            .subject("importer", &importer.id)
                            .subject("country", &place.country)
                            .chain(ctx.chain_down(&activity.id, &importer.id));
                        }
                        continue;
                    }
                    Coverage::NotCovered(why) => why,
                };
                let chain = ctx.chain_down(&activity.id, &importer.id);
                match (tools(ctx, activity, &exporter.value, &importer.id), wanted) {
                    (Tools::Absent, Outcome::Missing) => {
                        out.at(
                            place.span,
                            place_label(&place),
                            msg!(
                                "transfer-without-safeguard",
                                importer = &importer.id,
                                activity = &activity.id,
                                country = ctx.country(&place.country),
                                why = why,
                                exporter = &exporter.value,
                            ),
                        )
                        .party(&exporter.value)
                        .activity(&activity.id)
                        .subject("importer", &importer.id)
                        .subject("country", &place.country)
                        .chain(chain)
                        .label(exporter.span, Message::new("label-exporter"));
                    }
                    (Tools::Mismatched(mismatches), Outcome::Mismatch) => {
                        for (agreement, span, problem) in mismatches {
                            out.at(
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
                            )
                            .party(&exporter.value)
                            .activity(&activity.id)
                            .subject("importer", &importer.id)
                            .subject("country", &place.country)
                            .subject("agreement", &agreement.id)
                            .chain(chain.clone())
                            .label(place.span, place_label(&place));
                        }
                    }
                    _ => {}
                }
            }
        }
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
