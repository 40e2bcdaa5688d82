//! Processors and sub-processors (Art. 28): the contract, the controller's
//! authorisation of sub-processors, the flow-down, and the required terms.

use super::{Area, Arg, Message, Rule, Severity};
use crate::finding::Join;
use crate::law;
use crate::model::{AgreementKind, Art28Term, Authorisation, ClaimedRole, Vocabulary};
use crate::msg;
use crate::roles::Role;

/// Agreements that put a processor under contract.
fn is_processor_contract(kind: AgreementKind) -> bool {
    matches!(kind, AgreementKind::DataProcessing)
}

/// A processor with no data-processing agreement with the controller it acts for.
pub const PROCESSOR_WITHOUT_AGREEMENT: Rule = Rule {
    code: "processor-without-agreement",
    area: Area::Processors,
    severity: Severity::High,
    provisions: &[law::ART_28_3, law::ART_28_1],
    summary: "A processor with no data-processing agreement with the controller it acts for",
    explanation: "Processing by a processor must be governed by a contract or other legal act that binds the processor to the controller and sets out the subject-matter, duration, nature and purpose of the processing and the terms of Art. 28(3)(a)–(h). Without it the processor has no documented instructions and the controller cannot show it chose a processor with sufficient guarantees (Art. 28(1)).",
    remediation: "sign a `data_processing` agreement between the controller and the processor covering the activity",
    check: |ctx, out| {
        for activity in ctx.running() {
            for assignment in ctx.roles.in_activity(&activity.id) {
                let (Role::Processor, Some(principal)) = (assignment.role, &assignment.on_behalf_of) else { continue };
                let contracts = ctx.agreements_in_force(principal, &assignment.party, &activity.id);
                if contracts.iter().any(|g| is_processor_contract(g.kind.value)) {
                    continue;
                }
                let span = assignment.reasons.iter().find_map(|r| r.span).unwrap_or(activity.span);
                let finding = out.at(
                    span,
                    msg!("label-acts-on-behalf-of", principal = principal),
                    msg!(
                        "processor-without-agreement",
                        processor = &assignment.party,
                        activity = &activity.id,
                        principal = principal,
                    ),
                );
                finding
                    .party(principal)
                    .activity(&activity.id)
                    .subject("processor", &assignment.party)
                    .chain(ctx.chain_down(&activity.id, &assignment.party));
                for other in contracts {
                    finding.label(
                        other.kind.span,
                        msg!("label-not-art-28", agreement = &other.id, kind = Arg::Word(other.kind.value.as_str())),
                    );
                }
            }
        }
    },
};

/// A sub-processor the controller has not authorised.
pub const SUB_PROCESSOR_NOT_AUTHORISED: Rule = Rule {
    code: "sub-processor-not-authorised",
    area: Area::Processors,
    severity: Severity::High,
    provisions: &[law::ART_28_2],
    summary: "A sub-processor engaged without the controller's prior written authorisation",
    explanation: "A processor may not engage another processor without the controller's prior specific or general written authorisation. Under a general authorisation the processor must tell the controller of each addition, giving it the chance to object (Art. 28(2)). An unauthorised sub-processor handles the controller's data outside its control.",
    remediation: "obtain the controller's specific authorisation (a `subprocessor_authorisation` agreement, or the sub-processor listed under `sub_processing: { authorisation: specific }`), or under a general authorisation record that the controller was told (`sub_processing: { authorisation: general, parties: [...] }`)",
    check: |ctx, out| {
        for activity in ctx.running() {
            for assignment in ctx.roles.in_activity(&activity.id) {
                let (Role::SubProcessor, Some(engaging)) = (assignment.role, &assignment.on_behalf_of) else {
                    continue;
                };
                let controller = assignment.top();
                // The processor directly under the controller signed the terms that govern sub-processing.
                let first_processor = assignment.chain.iter().rev().nth(1).unwrap_or(engaging);
                let specific = ctx
                    .agreements_in_force(controller, &assignment.party, &activity.id)
                    .into_iter()
                    .any(|g| g.kind.value == AgreementKind::SubprocessorAuthorisation);
                if specific {
                    continue;
                }
                let terms: Vec<_> = ctx
                    .agreements_in_force(controller, first_processor, &activity.id)
                    .into_iter()
                    .filter(|g| is_processor_contract(g.kind.value))
                    .collect();
                let mut problem = None;
                let mut clause_span = None;
                for agreement in &terms {
                    let Some(clause) = &agreement.sub_processing else { continue };
                    clause_span = Some(clause.span);
                    let listed = clause.parties.iter().any(|p| p.value == assignment.party);
                    problem = match clause.authorisation.value {
                        Authorisation::Prohibited => Some(Message::new("unauthorised-prohibited")),
                        Authorisation::Specific if !listed => Some(Message::new("unauthorised-not-named")),
                        Authorisation::General if !listed => Some(Message::new("unauthorised-not-told")),
                        _ => None,
                    };
                    if problem.is_none() {
                        break;
                    }
                }
                let problem = match (problem, clause_span) {
                    (Some(problem), _) => problem,
                    (None, Some(_)) => continue,
                    (None, None) => Message::new("unauthorised-no-record"),
                };
                let span = assignment.reasons.iter().find_map(|r| r.span).unwrap_or(activity.span);
                let finding = out.at(
                    span,
                    msg!("label-engaged-by", engaging = engaging),
                    msg!(
                        "sub-processor-not-authorised",
                        sub_processor = &assignment.party,
                        activity = &activity.id,
                        controller = controller,
                        problem = problem,
                    ),
                );
                finding
                    .party(engaging)
                    .activity(&activity.id)
                    .subject("sub-processor", &assignment.party)
                    .chain(ctx.chain_down(&activity.id, &assignment.party));
                if let Some(span) = clause_span {
                    finding.label(span, Message::new("label-sub-processing-terms"));
                }
            }
        }
    },
};

/// A sub-processor with no contract with the processor that engaged it.
pub const NO_FLOW_DOWN: Rule = Rule {
    code: "no-flow-down-contract",
    area: Area::Processors,
    severity: Severity::High,
    provisions: &[law::ART_28_4],
    summary: "A sub-processor with no contract with the processor that engaged it",
    explanation: "When a processor engages a sub-processor, the same data-protection obligations as in the controller–processor contract must be imposed on it by contract (Art. 28(4)). Without that flow-down the sub-processor is bound by nothing, and the initial processor remains fully liable to the controller for it.",
    remediation: "sign a `data_processing` agreement between the processor and its sub-processor that flows down the controller's terms",
    check: |ctx, out| {
        for activity in ctx.running() {
            for assignment in ctx.roles.in_activity(&activity.id) {
                let (Role::SubProcessor, Some(engaging)) = (assignment.role, &assignment.on_behalf_of) else {
                    continue;
                };
                let contracts = ctx.agreements_in_force(engaging, &assignment.party, &activity.id);
                if contracts.iter().any(|g| is_processor_contract(g.kind.value)) {
                    continue;
                }
                let span = assignment.reasons.iter().find_map(|r| r.span).unwrap_or(activity.span);
                out.at(
                    span,
                    msg!("label-engaged-by", engaging = engaging),
                    msg!(
                        "no-flow-down-contract",
                        engaging = engaging,
                        sub_processor = &assignment.party,
                        activity = &activity.id,
                    ),
                )
                .party(engaging)
                .activity(&activity.id)
                .subject("sub-processor", &assignment.party)
                .chain(ctx.chain_down(&activity.id, &assignment.party));
            }
        }
    },
};

/// A data-processing agreement missing terms Art. 28(3) requires.
pub const MISSING_TERMS: Rule = Rule {
    code: "agreement-missing-terms",
    area: Area::Processors,
    severity: Severity::Medium,
    provisions: &[law::ART_28_3],
    summary: "A data-processing agreement without all the terms of Art. 28(3)(a)–(h)",
    explanation: "Art. 28(3) lists what a processor contract must stipulate: documented instructions, confidentiality, security, the conditions for sub-processors, help with data subjects' rights and with Art. 32–36, deletion or return at the end, and audits. When the model records an agreement's terms, every missing one is a gap in what the controller can enforce.",
    remediation: "add the missing terms to the agreement",
    check: |ctx, out| {
        for agreement in ctx.model.agreements.values() {
            if agreement.kind.value != AgreementKind::DataProcessing || !agreement.in_force_on(ctx.as_of) {
                continue;
            }
            let Some(terms) = &agreement.terms else { continue };
            let missing: Vec<Art28Term> =
                Art28Term::ALL.iter().map(|(_, term)| *term).filter(|term| !terms.value.contains(term)).collect();
            if missing.is_empty() {
                continue;
            }
            let listed = missing
                .iter()
                .map(|t| {
                    Arg::from(msg!(
                        "missing-term",
                        term = Arg::Word(t.as_str()),
                        provision = Arg::verbatim(t.provision())
                    ))
                })
                .collect();
            let finding = out.at(
                terms.span,
                Message::new("label-recorded-terms"),
                msg!("agreement-missing-terms", agreement = &agreement.id, terms = Arg::List(listed, Join::Comma)),
            );
            finding.subject("agreement", &agreement.id);
            // The party that imposes the terms: the controller, or in a flow-down
            // contract with a sub-processor the processor, which stays fully liable
            // for it (Art. 28(4)).
            let imposer = agreement
                .parties_claimed(ClaimedRole::Controller)
                .next()
                .or_else(|| agreement.parties_claimed(ClaimedRole::Processor).next());
            if let Some(party) = imposer {
                finding.party(party);
            }
            for term in missing {
                finding.provision(term.provision());
            }
        }
    },
};
