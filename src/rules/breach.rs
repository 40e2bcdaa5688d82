//! Breach notification (Art. 33/34): the duty in the processor contract, and what
//! was actually done when a breach happened.
//!
//! The controller notifies the supervisory authority within 72 hours of becoming
//! aware (Art. 33(1)); a processor notifies its controller, not the authority
//! (Art. 33(2)). In the 1177 case the controller *and* several processors
//! notified IMY, which IMY read as a sign that nobody knew who the controller was.
//!
//! An incident is judged on its own timeline: the controllers are those of the
//! activities running on its breached systems on the day it was discovered, and
//! every notification the model records counts, whatever its date. The
//! evaluation date only decides whether the incident has happened yet: one
//! discovered after it is not checked.

use jiff::ToSpan;

use super::{Area, Arg, Context, Message, Rule, Severity};
use crate::finding::Join;
use crate::law;
use crate::model::{AgreementKind, Incident, PartyId, PartyKind};
use crate::msg;
use crate::obligations::notification::{Subjects, subjects_judgement};
use crate::roles::Role;

/// A processor agreement with no breach-notification duty.
pub const NO_BREACH_DUTY: Rule = Rule {
    code: "no-breach-notification-duty",
    area: Area::Breaches,
    severity: Severity::Medium,
    provisions: &[law::ART_33_2, law::ART_28_3],
    summary: "A processor agreement that sets no deadline for the processor to report breaches to its controller",
    explanation: "The law obliges a processor to notify its controller without undue delay after becoming aware of a breach (Art. 33(2)), and the contract must oblige it to help the controller meet Art. 33–34 (Art. 28(3)(f)). The controller's 72-hour clock runs from its own awareness, which in practice is when the processor tells it; an agreement that fixes no deadline for that leaves the controller unable to plan for its own, and leaves the processor to decide what \"without undue delay\" means. The rule looks only at agreements whose terms the model records (`terms`); for others the duty is unknown, not missing.",
    remediation: "add `breach_notification_hours` (e.g. 24) to the data-processing agreement",
    check: |ctx, out| {
        for activity in ctx.running() {
            for assignment in ctx.roles.in_activity(&activity.id) {
                let Some(principal) = &assignment.on_behalf_of else { continue };
                if !matches!(assignment.role, Role::Processor | Role::SubProcessor) {
                    continue;
                }
                let contracts: Vec<_> = ctx
                    .agreements_in_force(principal, &assignment.party, &activity.id)
                    .into_iter()
                    .filter(|g| g.kind.value == AgreementKind::DataProcessing)
                    .collect();
                // Only agreements whose terms the model records can prove the duty missing.
                let recorded = contracts.iter().any(|g| g.terms.is_some());
                if !recorded || contracts.iter().any(|g| g.breach_notification_hours.is_some()) {
                    continue;
                }
                for contract in contracts {
                    out.at(
                        contract.span,
                        Message::new("label-no-breach-notification-hours"),
                        msg!(
                            "no-breach-notification-duty",
                            agreement = &contract.id,
                            processor = &assignment.party,
                            principal = principal,
                            activity = &activity.id,
                        ),
                    )
                    .party(principal)
                    .activity(&activity.id)
                    .subject("agreement", &contract.id)
                    .subject("processor", &assignment.party)
                    .chain(ctx.chain_down(&activity.id, &assignment.party));
                }
            }
        }
    },
};

/// The controllers of the activities running on an incident's systems when it
/// was discovered.
fn controllers_of(ctx: &Context<'_>, incident: &Incident) -> Vec<(PartyId, crate::model::ActivityId)> {
    let date = incident.discovered.as_ref().map(|d| d.value).unwrap_or(ctx.as_of);
    let mut found = Vec::new();
    // A set beside the list: a breached shared platform may have thousands of controllers.
    let mut seen = std::collections::HashSet::new();
    for system in &incident.systems {
        for (activity_id, _) in ctx.graph.users_of(&system.value) {
            let Some(activity) = ctx.model.activities.get(&activity_id) else { continue };
            if !activity.runs_on(date) {
                continue;
            }
            for controller in ctx.roles.controllers(&activity_id) {
                if seen.insert(controller.clone()) {
                    found.push((controller.clone(), activity_id.clone()));
                }
            }
        }
    }
    found.sort();
    found
}

fn is_authority(ctx: &Context<'_>, party: &PartyId) -> bool {
    ctx.model.parties.get(party).is_some_and(|p| p.kind.value == PartyKind::Authority)
}

/// The incidents discovered on or before the evaluation date (or on an unknown
/// date): a breach discovered later had not happened as of that date.
fn incidents<'a>(ctx: &Context<'a>) -> impl Iterator<Item = &'a Incident> + 'a {
    let as_of = ctx.as_of;
    ctx.model.incidents.values().filter(move |i| i.discovered.as_ref().is_none_or(|d| d.value <= as_of))
}

/// A notification to the authority by a party that is not the controller.
pub const NOTIFIED_BY_NON_CONTROLLER: Rule = Rule {
    code: "breach-notified-by-non-controller",
    area: Area::Breaches,
    severity: Severity::Low,
    provisions: &[law::ART_33_1, law::ART_33_2],
    summary: "A breach notified to the supervisory authority by a party that is not the controller",
    explanation: "The duty to notify the supervisory authority is the controller's (Art. 33(1)); a processor's duty is to notify its controller (Art. 33(2)). A processor may notify on the controller's behalf where the controller has authorised it and the contract provides for it, the responsibility staying with the controller (EDPB Guidelines 9/2022) [M]: the model cannot tell such a notification apart, so the finding is low and means \"check who was to notify\". A notification from a processor, or from a party with no role in the breached processing, is not unlawful in itself, but it may show that the parties did not know who was responsible. In the 1177 case IMY noted that it received notifications from the controller and several processors although the duty to notify lies with the controller (DI-2019-3375); that this shows nobody knew who was responsible is an inference [I].",
    remediation: "agree in advance who notifies: processors tell their controller within the contract's deadline; the controller notifies the authority",
    check: |ctx, out| {
        for incident in incidents(ctx) {
            let controllers = controllers_of(ctx, incident);
            let date = incident.discovered.as_ref().map(|d| d.value).unwrap_or(ctx.as_of);
            for notification in &incident.notifications {
                let from = &notification.from.value;
                if !is_authority(ctx, &notification.to.value) || controllers.iter().any(|(c, _)| c == from) {
                    continue;
                }
                let role = incident
                    .systems
                    .iter()
                    .flat_map(|s| ctx.graph.users_of(&s.value))
                    .filter(|(activity, _)| ctx.model.activities.get(activity).is_some_and(|a| a.runs_on(date)))
                    .find_map(|(activity, user)| (&user == from).then_some(activity));
                let roles_there = role.as_ref().map(|activity| ctx.roles.of(from, activity)).unwrap_or_default();
                // A processor that also uses the data for its own purposes is their
                // controller (Art. 28(10)) and owes its own notification (Art. 33(1)).
                if roles_there.iter().any(|a| a.role.is_controller()) {
                    continue;
                }
                let what = match role.as_ref().zip(roles_there.first()) {
                    Some((activity, a)) => msg!("notifier-role-in", role = a.role, activity = activity),
                    None => Message::new("notifier-no-controller"),
                };
                let controller_ids = controllers.iter().map(|(c, _)| Arg::from(c));
                let finding = out.at(
                    notification.from.span,
                    Message::new("label-notified-the-authority"),
                    msg!(
                        "breach-notified-by-non-controller",
                        from = from,
                        to = &notification.to.value,
                        incident = &incident.id,
                        what = what,
                        count = controllers.len(),
                        controllers = if controllers.is_empty() {
                            Arg::from(Message::new("controllers-none-in-model"))
                        } else {
                            Arg::List(controller_ids.collect(), Join::Comma)
                        },
                    ),
                );
                finding.party(from).subject("incident", &incident.id).subject("to", &notification.to.value);
                if let Some(activity) = role {
                    finding.activity(&activity);
                }
            }
        }
    },
};

/// A controller that did not notify the authority of a breach.
pub const CONTROLLER_DID_NOT_NOTIFY: Rule = Rule {
    code: "breach-not-notified",
    area: Area::Breaches,
    severity: Severity::High,
    provisions: &[law::ART_33_1],
    summary: "A controller that did not notify the supervisory authority of a breach of its processing",
    explanation: "The controller must notify the competent supervisory authority of a personal-data breach without undue delay and, where feasible, not later than 72 hours after becoming aware of it, with reasons for any delay, unless the breach is unlikely to result in a risk to people (Art. 33(1)); it must document every breach either way (Art. 33(5)). A breach of a system its processing runs on is its breach, even when the system is its processor's.",
    remediation: "notify the supervisory authority (in Sweden IMY), and record the notification in the model",
    check: |ctx, out| {
        for incident in incidents(ctx) {
            for (controller, activity) in controllers_of(ctx, incident) {
                let notified =
                    incident.notifications.iter().any(|n| n.from.value == controller && is_authority(ctx, &n.to.value));
                if notified {
                    continue;
                }
                out.at(
                    incident.span,
                    Message::new("label-breach"),
                    msg!("breach-not-notified", controller = &controller, incident = &incident.id),
                )
                .party(&controller)
                .activity(&activity)
                .subject("incident", &incident.id);
            }
        }
    },
};

/// A notification to the authority later than 72 hours after discovery.
pub const NOTIFIED_LATE: Rule = Rule {
    code: "breach-notified-late",
    area: Area::Breaches,
    severity: Severity::Medium,
    provisions: &[law::ART_33_1],
    summary: "A breach notified to the supervisory authority more than 72 hours after it was discovered",
    explanation: "The controller notifies without undue delay and, where feasible, within 72 hours of becoming aware (Art. 33(1)); a later notification must give the reasons for the delay. The clock is taken to start on the discovery date, and dates without a time are compared by day: a controller's notification more than three days after the discovery date is late. Only controllers' notifications are judged: a processor's duty is to tell its controller (Art. 33(2)).",
    remediation: "notify within 72 hours, or record the reasons for the delay with the notification",
    check: |ctx, out| {
        for incident in incidents(ctx) {
            let Some(discovered) = &incident.discovered else { continue };
            let Ok(deadline) = discovered.value.checked_add(3.days()) else { continue };
            let controllers = controllers_of(ctx, incident);
            for notification in &incident.notifications {
                let Some(at) = &notification.at else { continue };
                // Art. 33(1) times the controller; others are `breach-notified-by-non-controller`.
                let Some((_, activity)) = controllers.iter().find(|(c, _)| c == &notification.from.value) else {
                    continue;
                };
                if !is_authority(ctx, &notification.to.value) || at.value.date() <= deadline {
                    continue;
                }
                out.at(
                    at.span,
                    Message::new("label-notified-here"),
                    msg!(
                        "breach-notified-late",
                        from = &notification.from.value,
                        incident = &incident.id,
                        at = at.value.date(),
                        discovered = discovered.value,
                    ),
                )
                .party(&notification.from.value)
                .activity(activity)
                .subject("incident", &incident.id)
                .subject("to", &notification.to.value)
                .label(discovered.span, Message::new("label-discovered"));
            }
        }
    },
};

/// A high-risk breach that data subjects were not told of.
pub const SUBJECTS_NOT_TOLD: Rule = Rule {
    code: "breach-subjects-not-told",
    area: Area::Breaches,
    severity: Severity::High,
    provisions: &[law::ART_34_1, law::ART_34_3_A],
    summary: "A high-risk breach of unencrypted special-category data that data subjects were not told of",
    explanation: "When a breach is likely to result in a high risk, the controller must tell the data subjects without undue delay (Art. 34(1)); whether it is, is a case-by-case assessment of likelihood and severity. A breach of special-category data that were not encrypted is very likely high-risk, a presumption the rule makes, not a rule of law: the exemption for data unintelligible to others (Art. 34(3)(a)) does not apply. Later measures that make the high risk no longer likely (Art. 34(3)(b)), or a public communication where telling each would take disproportionate effort (Art. 34(3)(c)), also exempt; the model records neither. The rule needs `subjects_informed: false` and the breached system recorded as `encrypted_at_rest: false`; left out, either keeps it silent: encryption not recorded neither grants nor refuses the exemption.",
    remediation: "tell the data subjects in clear language what happened, what it means for them and what they can do, or publish a notice where telling each is disproportionate (Art. 34(3)(c))",
    check: |ctx, out| {
        for incident in incidents(ctx) {
            if incident.subjects_informed != Some(false) {
                continue;
            }
            let date = incident.discovered.as_ref().map(|d| d.value).unwrap_or(ctx.as_of);
            let mut told: Vec<PartyId> = Vec::new();
            for breached in &incident.systems {
                let Some(system) = ctx.model.systems.get(&breached.value) else { continue };
                let encryption = system.encrypted_at_rest.as_ref().map(|e| e.value);
                for (activity_id, _) in ctx.graph.users_of(&system.id) {
                    let Some(activity) = ctx.model.activities.get(&activity_id) else { continue };
                    // Art. 34(3)(a), judged once for this rule and the report: encrypted
                    // data are unintelligible to whoever got them, and encryption left
                    // out is unknown, so the rule stays silent on it.
                    let sensitive = ctx.data_of(activity).any(|d| d.is_sensitive());
                    if !activity.runs_on(date)
                        || subjects_judgement(sensitive, encryption).outcome != Subjects::Required
                    {
                        continue;
                    }
                    for controller in ctx.roles.controllers(&activity_id) {
                        if told.contains(controller) {
                            continue;
                        }
                        told.push(controller.clone());
                        out.at(
                            incident.span,
                            Message::new("label-breach"),
                            msg!(
                                "breach-subjects-not-told",
                                controller = controller,
                                incident = &incident.id,
                                system = &system.id,
                            ),
                        )
                        .party(controller)
                        .activity(&activity_id)
                        .subject("incident", &incident.id)
                        .subject("system", &system.id)
                        .label(breached.span, Message::new("label-breached-system"));
                    }
                }
            }
        }
    },
};
