//! Processors and sub-processors (Art. 28): the contract, the controller's
//! authorisation of sub-processors, the flow-down, and the required terms.

use super::{Area, Arg, Message, Rule, Severity};
use crate::finding::Join;
use crate::law;
use crate::model::{
    Agreement, AgreementKind, Art28Term, Authorisation, ClaimedRole, PartyId, TransferTool, Vocabulary,
};
use crate::msg;
use crate::roles::Role;

/// Whether `agreement` puts `processor` under contract with `principal`: a
/// data-processing agreement, or standard contractual clauses of the module
/// for that link (2 controller → processor, 3 processor → sub-processor),
/// whose clauses carry the terms of Art. 28(3) and (4) (Implementing Decision
/// (EU) 2021/914, recital 9 and Art. 1). SCCs naming other parties as
/// exporter and importer do not count.
fn is_processor_contract(agreement: &Agreement, principal: &PartyId, processor: &PartyId, module: u8) -> bool {
    if agreement.kind.value == AgreementKind::DataProcessing {
        return true;
    }
    let Some(transfer) = &agreement.transfer else { return false };
    let names = |side: &Option<crate::model::Located<PartyId>>, party: &PartyId| {
        side.as_ref().is_none_or(|recorded| &recorded.value == party)
    };
    transfer.value.tool.value == TransferTool::Scc
        && transfer.value.module.as_ref().is_some_and(|m| m.value == module)
        && names(&transfer.value.exporter, principal)
        && names(&transfer.value.importer, processor)
}

/// The SCC module that binds a processor to its controller (Art. 28(3)).
const CONTROLLER_TO_PROCESSOR: u8 = 2;
/// The SCC module that binds a sub-processor to its processor (Art. 28(4)).
const PROCESSOR_TO_PROCESSOR: u8 = 3;

/// A processor with no data-processing agreement with the controller it acts for.
pub const PROCESSOR_WITHOUT_AGREEMENT: Rule = Rule {
    code: "processor-without-agreement",
    area: Area::Processors,
    severity: Severity::High,
    provisions: &[law::ART_28_3, law::ART_28_1],
    check: |ctx, out| {
        for activity in ctx.running() {
            for assignment in ctx.roles.in_activity(&activity.id) {
                let (Role::Processor, Some(principal)) = (assignment.role, &assignment.on_behalf_of) else { continue };
                let contracts = ctx.agreements_in_force(principal, &assignment.party, &activity.id);
                if contracts
                    .iter()
                    .any(|g| is_processor_contract(g, principal, &assignment.party, CONTROLLER_TO_PROCESSOR))
                {
                    continue;
                }
                let span = assignment.first_span().unwrap_or(activity.span);
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
                for other in &contracts {
                    finding.label(
                        other.kind.span,
                        msg!("label-not-art-28", agreement = &other.id, kind = Arg::Word(other.kind.value.as_str())),
                    );
                }
                // The contract binds the processor too: it may process only on the
                // controller's instructions (Art. 29), and Art. 83(4)(a) fines it
                // (CNIL SAN-2022-009). Only where the GDPR binds it directly.
                if ctx.established_in_eea(&assignment.party) {
                    out.at(
                        span,
                        msg!("label-acts-on-behalf-of", principal = principal),
                        msg!(
                            "processor-without-agreement-own",
                            processor = &assignment.party,
                            activity = &activity.id,
                            principal = principal,
                        ),
                    )
                    .party(&assignment.party)
                    .activity(&activity.id)
                    .subject("controller", principal)
                    .chain(ctx.chain_down(&activity.id, &assignment.party))
                    .without_provision(law::ART_28_1)
                    .provision(law::ART_29)
                    .provision(law::ART_83_4_A);
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
                // Any agreement in force between the controller and its processor
                // that carries the authorisation counts: the data-processing
                // agreement, or a separate `subprocessor_authorisation` one.
                let terms: Vec<_> = ctx
                    .agreements_in_force(controller, first_processor, &activity.id)
                    .into_iter()
                    .filter(|g| g.sub_processing.is_some())
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
                let span = assignment.first_span().unwrap_or(activity.span);
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
    check: |ctx, out| {
        for activity in ctx.running() {
            for assignment in ctx.roles.in_activity(&activity.id) {
                let (Role::SubProcessor, Some(engaging)) = (assignment.role, &assignment.on_behalf_of) else {
                    continue;
                };
                let contracts = ctx.agreements_in_force(engaging, &assignment.party, &activity.id);
                if contracts
                    .iter()
                    .any(|g| is_processor_contract(g, engaging, &assignment.party, PROCESSOR_TO_PROCESSOR))
                {
                    continue;
                }
                let span = assignment.first_span().unwrap_or(activity.span);
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
                // The sub-processor processes with no contract binding it either
                // (Art. 28(4), 29); only where the GDPR binds it directly.
                if ctx.established_in_eea(&assignment.party) {
                    out.at(
                        span,
                        msg!("label-engaged-by", engaging = engaging),
                        msg!(
                            "no-flow-down-contract-own",
                            engaging = engaging,
                            sub_processor = &assignment.party,
                            activity = &activity.id,
                        ),
                    )
                    .party(&assignment.party)
                    .activity(&activity.id)
                    .subject("processor", engaging)
                    .chain(ctx.chain_down(&activity.id, &assignment.party))
                    .provision(law::ART_29)
                    .provision(law::ART_83_4_A);
                }
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
            let listed = Arg::List(
                missing
                    .iter()
                    .map(|t| {
                        Arg::from(msg!(
                            "missing-term",
                            term = Arg::Word(t.as_str()),
                            provision = Arg::Provision(t.provision())
                        ))
                    })
                    .collect(),
                Join::Comma,
            );
            let finding = out.at(
                terms.span,
                Message::new("label-recorded-terms"),
                msg!("agreement-missing-terms", agreement = &agreement.id, terms = listed.clone()),
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
            for term in &missing {
                finding.provision(term.provision());
            }
            // The Art. 28(3) obligation is addressed to the processor as well
            // (CNIL SAN-2022-009): the party that accepted the terms as processor
            // or sub-processor, where the GDPR binds it directly.
            let accepter = agreement.parties_claimed(ClaimedRole::SubProcessor).next().or_else(|| {
                imposer.and_then(|_| agreement.parties_claimed(ClaimedRole::Processor).find(|p| Some(*p) != imposer))
            });
            if let Some(processor) = accepter.filter(|p| ctx.established_in_eea(p)) {
                let finding = out.at(
                    terms.span,
                    Message::new("label-recorded-terms"),
                    msg!(
                        "agreement-missing-terms-own",
                        processor = processor,
                        agreement = &agreement.id,
                        terms = listed
                    ),
                );
                finding.party(processor).subject("agreement", &agreement.id).provision(law::ART_83_4_A);
                for term in &missing {
                    finding.provision(term.provision());
                }
            }
        }
    },
};

/// A performer's purposes of its own, as written in the model.
fn own_purposes(performer: &crate::model::Performer) -> Arg {
    Arg::list(performer.own_purposes.iter().map(|p| Arg::verbatim(&p.value)), Join::Semicolon)
}

/// A processor that went beyond its instructions: for purposes of its own, or otherwise.
pub const PROCESSOR_BEYOND_INSTRUCTIONS: Rule = Rule {
    code: "processor-beyond-instructions",
    area: Area::Processors,
    severity: Severity::High,
    provisions: &[law::ART_28_10, law::ART_29, law::ART_28_3_A],
    check: |ctx, out| {
        for activity in ctx.running() {
            for performer in &activity.performers {
                let Some(principal) = &performer.on_behalf_of else { continue };
                let party = &performer.party.value;
                let beyond = performer.beyond_instructions.as_ref().filter(|b| b.value);
                let (span, label, message) = match (performer.own_purposes.first(), beyond) {
                    (Some(first), _) => {
                        let purposes = own_purposes(performer);
                        (
                            first.span,
                            msg!("label-purpose-of-its-own"),
                            msg!(
                                "processor-own-purposes",
                                processor = party,
                                activity = &activity.id,
                                principal = &principal.value,
                                purposes = purposes,
                            ),
                        )
                    }
                    (None, Some(beyond)) => (
                        beyond.span,
                        msg!("label-beyond-instructions"),
                        msg!(
                            "processor-beyond-instructions",
                            processor = party,
                            activity = &activity.id,
                            principal = &principal.value,
                        ),
                    ),
                    (None, None) => continue,
                };
                let finding = out
                    .at(span, label, message)
                    .party(party)
                    .activity(&activity.id)
                    .chain(ctx.chain_down(&activity.id, party))
                    .label(principal.span, msg!("label-acts-on-behalf-of", principal = &principal.value));
                if performer.own_purposes.is_empty() {
                    // It decided no purpose, so it stays a processor.
                    finding.without_provision(law::ART_28_10);
                }
            }
        }
    },
};

/// A controller whose processor uses the data for purposes of its own.
pub const DISCLOSURE_FOR_RECIPIENT_PURPOSES: Rule = Rule {
    code: "disclosure-for-recipient-purposes",
    area: Area::Processors,
    severity: Severity::High,
    provisions: &[law::ART_5_1_B, law::ART_6_1, law::ART_13_1_E],
    check: |ctx, out| {
        for activity in ctx.running() {
            for performer in &activity.performers {
                let (Some(_), Some(first)) = (&performer.on_behalf_of, performer.own_purposes.first()) else {
                    continue;
                };
                let recipient = &performer.party.value;
                let chain = ctx.chain_down(&activity.id, recipient);
                let Some(controller) = chain.first().filter(|c| *c != recipient).cloned() else { continue };
                let purposes = own_purposes(performer);
                out.at(
                    first.span,
                    msg!("label-purpose-of-its-own"),
                    msg!(
                        "disclosure-for-recipient-purposes",
                        controller = &controller,
                        activity = &activity.id,
                        recipient = recipient,
                        purposes = purposes,
                    ),
                )
                .party(&controller)
                .activity(&activity.id)
                .subject("recipient", recipient)
                .chain(chain);
            }
        }
    },
};
