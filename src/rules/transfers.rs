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

use std::collections::BTreeSet;

use super::{Area, Context, Findings, Rule, Severity};
use crate::graph::{Place, PlaceReason};
use crate::law;
use crate::model::{Activity, CertifiedData, Party, PartyId, Performer, TransferTool};
use crate::reference::{AdequacyScope, Jurisdiction};

/// Processing in a third country with no adequacy and no transfer tool.
pub const WITHOUT_SAFEGUARD: Rule = Rule {
    code: "transfer-without-safeguard",
    area: Area::Transfers,
    severity: Severity::High,
    provisions: &[law::ART_44, law::ART_45, law::ART_46],
    summary: "Personal data processed in a third country with no adequacy decision and no transfer tool",
    explanation: "Personal data may go to a country outside the EU/EEA only if the Commission has found its protection adequate for that recipient on that date (Art. 45) or the parties put appropriate safeguards in place, such as standard contractual clauses (Art. 46). Processing in, or remote access from, such a country by a processor or sub-processor is a transfer by the party it works for, and onward transfers count too (Art. 44). The 1177 case adds a warning: a transfer tool does not cure a lack of legal basis under sector law.",
    remediation: "stop the processing abroad, or add a transfer tool that fits the direction (e.g. `transfer: { tool: scc, module: 2 }` controller→processor) to an agreement in force between the exporter and the importer, with a transfer impact assessment",
    check: |ctx, out| check_transfers(ctx, out, Outcome::Missing),
};

/// A transfer tool that does not fit the transfer.
pub const TOOL_MISMATCH: Rule = Rule {
    code: "transfer-tool-mismatch",
    area: Area::Transfers,
    severity: Severity::High,
    provisions: &[law::ART_46],
    summary: "A transfer tool that does not fit the direction or the parties of the transfer",
    explanation: "Standard contractual clauses come in four modules, one for each direction: 1 controller→controller, 2 controller→processor, 3 processor→processor, 4 processor→controller (Implementing Decision (EU) 2021/914). Binding corporate rules cover transfers within one group only (Art. 47). Derogations (Art. 49) are for occasional transfers and cannot carry a systematic outsourcing flow (EDPB Guidelines 2/2018). A tool that does not fit the transfer gives it no protection.",
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
    explanation: "Some adequacy decisions cover only part of a country's processing (Japan: businesses under the APPI; Korea: entities under PIPA with exclusions; Israel: automated transfers). The model cannot tell whether the importer falls inside that scope, so the transfer relies on a fact to verify.",
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
    NotCovered(String),
    ToVerify(String),
}

fn coverage(ctx: &Context<'_>, place: &Place, importer: &Party, activity: &Activity) -> Coverage {
    match ctx.reference.jurisdiction(&place.country, ctx.as_of) {
        Jurisdiction::Eea => Coverage::Covered,
        Jurisdiction::ThirdCountry => Coverage::NotCovered(format!(
            "{} is a third country with no adequacy decision in force on {}",
            ctx.country_name(&place.country),
            ctx.as_of
        )),
        Jurisdiction::Adequate(decision) => match &decision.scope {
            AdequacyScope::Whole => Coverage::Covered,
            AdequacyScope::CommercialOnly if importer.public_body => Coverage::NotCovered(format!(
                "the adequacy decision for {} ({}) covers commercial organisations only, and `{}` is a public body",
                ctx.country_name(&place.country),
                decision.instrument,
                importer.id
            )),
            AdequacyScope::CommercialOnly => Coverage::Covered,
            AdequacyScope::CertifiedOnly { certification } => {
                let hr = ctx.data_of(activity).any(|d| d.employment);
                let needed = if hr { CertifiedData::Hr } else { CertifiedData::NonHr };
                let certified = importer.certifications.iter().any(|c| {
                    &c.scheme.value == certification
                        && c.valid_on(ctx.as_of)
                        && (c.covers.is_empty() || c.covers.contains(&needed))
                });
                if certified {
                    Coverage::Covered
                } else {
                    Coverage::NotCovered(format!(
                        "the adequacy decision for {} ({}) covers only organisations certified under `{certification}` for {} data, and `{}` is not",
                        ctx.country_name(&place.country),
                        decision.instrument,
                        needed.as_str(),
                        importer.id
                    ))
                }
            }
            AdequacyScope::SectorLimited => Coverage::ToVerify(format!(
                "the adequacy decision for {} ({}) is limited: {}",
                ctx.country_name(&place.country),
                decision.instrument,
                decision.scope_note.as_deref().unwrap_or("see the decision")
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

fn check_transfers(ctx: &Context<'_>, out: &mut Findings, wanted: Outcome) {
    for activity in ctx.running() {
        let mut seen = BTreeSet::new();
        for performer in ctx.graph.performers(&activity.id) {
            let Some(exporter) = &performer.on_behalf_of else { continue };
            let Some(importer) = ctx.model.parties.get(&performer.party.value) else { continue };
            for place in ctx.graph.places(performer) {
                if !seen.insert((importer.id.clone(), exporter.value.clone(), place.country.clone())) {
                    continue;
                }
                match coverage(ctx, &place, importer, activity) {
                    Coverage::Covered => {}
                    Coverage::ToVerify(why) => {
                        if wanted == Outcome::ScopeToVerify {
                            out.at(
                                place.span,
                                place_label(&place),
                                format!(
                                    "`{}` processes `{}` data under an adequacy decision of limited scope: {why}",
                                    importer.id, activity.id
                                ),
                            )
                            .party(&exporter.value)
                            .activity(&activity.id)
                            .chain(ctx.chain_down(&activity.id, &importer.id));
                        }
                    }
                    Coverage::NotCovered(why) => {
                        check_tool(ctx, out, wanted, activity, performer, &exporter.value, &place, &why);
                    }
                }
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn check_tool(
    ctx: &Context<'_>,
    out: &mut Findings,
    wanted: Outcome,
    activity: &Activity,
    performer: &Performer,
    exporter: &PartyId,
    place: &Place,
    why: &str,
) {
    let importer = &performer.party.value;
    let agreements = ctx.agreements_in_force(exporter, importer, &activity.id);
    let tools: Vec<_> = agreements.iter().filter_map(|g| g.transfer.as_ref().map(|t| (*g, t))).collect();
    let controls = |party: &PartyId| ctx.roles.of(party, &activity.id).iter().any(|a| a.role.is_controller());
    let module = expected_module(controls(exporter), controls(importer));
    let mut mismatches = Vec::new();
    for (agreement, clause) in &tools {
        let wrong_party = clause.exporter.as_ref().is_some_and(|e| &e.value != exporter)
            || clause.importer.as_ref().is_some_and(|i| &i.value != importer);
        let problem = match clause.tool.value {
            _ if wrong_party => Some(format!("its exporter and importer are not `{exporter}` and `{importer}`")),
            TransferTool::Scc => match &clause.module {
                Some(m) if m.value != module => {
                    Some(format!("SCC module {} does not fit; this transfer needs module {module}", m.value))
                }
                _ => None,
            },
            TransferTool::Derogation => {
                Some("a derogation (Art. 49) cannot carry a systematic outsourcing flow".to_owned())
            }
            TransferTool::Bcr if !same_group(ctx, exporter, importer) => Some(
                "binding corporate rules cover transfers within one group, and these parties are not in one".to_owned(),
            ),
            _ => None,
        };
        match problem {
            None => return,
            Some(problem) => mismatches.push((*agreement, clause.span, problem)),
        }
    }
    let chain = ctx.chain_down(&activity.id, importer);
    if mismatches.is_empty() {
        if wanted == Outcome::Missing {
            let finding = out.at(
                place.span,
                place_label(place),
                format!(
                    "`{importer}` processes `{}` data in {}: {why}, and no agreement in force between `{exporter}` and `{importer}` carries a transfer tool",
                    activity.id,
                    ctx.country_name(&place.country)
                ),
            );
            finding.party(exporter).activity(&activity.id).chain(chain);
            if let Some(principal) = &performer.on_behalf_of {
                finding.label(principal.span, "exporter");
            }
        }
    } else if wanted == Outcome::Mismatch {
        for (agreement, span, problem) in mismatches {
            out.at(
                span,
                "transfer tool",
                format!(
                    "the transfer tool in `{}` does not cover `{importer}` processing `{}` in {}: {problem}",
                    agreement.id,
                    activity.id,
                    ctx.country_name(&place.country)
                ),
            )
            .party(exporter)
            .activity(&activity.id)
            .chain(chain.clone())
            .label(place.span, place_label(place));
        }
    }
}

fn place_label(place: &Place) -> String {
    match &place.reason {
        PlaceReason::PerformerLocation => format!("processes in {}", place.country),
        PlaceReason::PartyCountry => format!("established in {}", place.country),
        PlaceReason::System(system) => format!("uses `{system}` in {}", place.country),
        PlaceReason::AccessFrom => format!("accesses the data from {}", place.country),
    }
}
