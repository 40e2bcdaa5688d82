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
use jiff::civil::{DateTime, Time};

use super::{Area, Arg, Context, Message, Rule, Severity};
use crate::finding::Join;
use crate::law;
use crate::model::{AgreementKind, Art28Term, BreachNotice, BreachRisk, Incident, Notification, PartyId, PartyKind};
use crate::msg;
use crate::obligations::notification::{Subjects, subjects_judgement};
use crate::roles::Role;

/// A processor agreement with no breach-notification duty.
pub const NO_BREACH_DUTY: Rule = Rule {
    code: "no-breach-notification-duty",
    area: Area::Breaches,
    severity: Severity::Medium,
    provisions: &[law::ART_33_2, law::ART_28_3],
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
                // A number of hours is good practice, not a requirement: with one,
                // nothing to say.
                if contracts.iter().any(|g| g.breach_notification_hours.is_some()) {
                    continue;
                }
                // The duty is there when an agreement states it without a number,
                // or records the Art. 28(3)(f) assistance term: then only advice.
                let stated = contracts.iter().any(|g| {
                    g.breach_notification.as_ref().is_some_and(|b| b.value == BreachNotice::WithoutUndueDelay)
                        || g.terms.as_ref().is_some_and(|t| t.value.contains(&Art28Term::Assistance))
                });
                // It is proved missing only where an agreement says it has none, or
                // records its terms without `assistance`; otherwise it is unknown.
                let missing = !stated
                    && contracts.iter().any(|g| {
                        g.terms.is_some()
                            || g.breach_notification.as_ref().is_some_and(|b| b.value == BreachNotice::None)
                    });
                if !stated && !missing {
                    continue;
                }
                for contract in contracts {
                    let (key, label) = if stated {
                        ("no-breach-notification-deadline", "label-no-breach-notification-hours")
                    } else {
                        ("no-breach-notification-duty", "label-no-breach-notification-duty")
                    };
                    let finding = out.at(
                        contract.span,
                        Message::new(label),
                        msg!(
                            key,
                            agreement = &contract.id,
                            processor = &assignment.party,
                            principal = principal,
                            activity = &activity.id,
                        ),
                    );
                    finding
                        .party(principal)
                        .activity(&activity.id)
                        .subject("agreement", &contract.id)
                        .subject("processor", &assignment.party)
                        .chain(ctx.chain_down(&activity.id, &assignment.party))
                        .provision(law::ART_28_3_F);
                    if stated {
                        // Advice only: the law asks for no number (Art. 33(2)).
                        finding.severity(Severity::Info);
                    }
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
            for controller in ctx.bound_controllers(&activity_id) {
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

/// A moment in an incident's timeline: a date, with the time of day when known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Moment {
    at: DateTime,
    time_known: bool,
}

impl Moment {
    /// Whether `later` is more than `hours` after this moment: counted in hours
    /// when both have a time of day, otherwise by whole days (a date alone could
    /// be any time that day, so only a later day than the last one allowed is late).
    fn exceeded_by(self, later: Moment, hours: i64) -> bool {
        if self.time_known && later.time_known {
            return later.at.duration_since(self.at).as_secs() > hours * 3600;
        }
        let days = (hours + 23) / 24;
        self.at.date().checked_add(days.days()).is_ok_and(|last| later.at.date() > last)
    }
}

/// When the incident was discovered.
fn discovered(incident: &Incident) -> Option<Moment> {
    let date = incident.discovered.as_ref()?.value;
    Some(match incident.discovered_time {
        Some(time) => Moment { at: date.to_datetime(time), time_known: true },
        None => Moment { at: date.to_datetime(Time::midnight()), time_known: false },
    })
}

fn moment(notification: &Notification) -> Option<Moment> {
    notification.at.as_ref().map(|at| Moment { at: at.value, time_known: notification.time_known })
}

/// Whether `party` performs one of the incident's affected activities as a
/// processor or sub-processor of `controller`.
fn processor_of(ctx: &Context<'_>, incident: &Incident, party: &PartyId, controller: &PartyId) -> bool {
    affected(ctx, incident).iter().any(|activity| {
        ctx.roles
            .of(party, activity)
            .iter()
            .any(|a| matches!(a.role, Role::Processor | Role::SubProcessor) && a.top() == controller)
    })
}

/// The activities running on the incident's systems when it was discovered.
fn affected(ctx: &Context<'_>, incident: &Incident) -> Vec<crate::model::ActivityId> {
    let date = incident.discovered.as_ref().map(|d| d.value).unwrap_or(ctx.as_of);
    let mut found: Vec<_> = incident
        .systems
        .iter()
        .flat_map(|s| ctx.graph.users_of(&s.value))
        .map(|(activity, _)| activity)
        .filter(|a| ctx.model.activities.get(a).is_some_and(|x| x.runs_on(date)))
        .collect();
    found.sort();
    found.dedup();
    found
}

/// When `controller` became aware of the breach (Art. 33(1)): when it discovered
/// it, or an outsider did; when one of its processors discovered it, when that
/// processor told it (EDPB Guidelines 9/2022). `None` when the model cannot say.
fn aware(ctx: &Context<'_>, incident: &Incident, controller: &PartyId) -> Option<Moment> {
    let by_processor = incident
        .discovered_by
        .as_ref()
        .is_some_and(|by| &by.value != controller && processor_of(ctx, incident, &by.value, controller));
    if !by_processor {
        return discovered(incident);
    }
    incident.notifications.iter().filter(|n| &n.to.value == controller).filter_map(moment).min_by_key(|m| m.at)
}

/// Whether the controller assessed the breach as unlikely to result in a risk,
/// so that no notification to the authority is due (Art. 33(1)).
fn no_risk(incident: &Incident) -> bool {
    incident.risk.as_ref().is_some_and(|r| r.value == BreachRisk::Unlikely)
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
    check: |ctx, out| {
        // The controller assessed the breach as unlikely to result in a risk: no
        // notification is due, though it documents the breach (Art. 33(5)).
        for incident in incidents(ctx).filter(|i| !no_risk(i)) {
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
    check: |ctx, out| {
        for incident in incidents(ctx).filter(|i| !no_risk(i)) {
            let controllers = controllers_of(ctx, incident);
            for notification in &incident.notifications {
                let Some(at) = moment(notification) else { continue };
                // Art. 33(1) times the controller; others are `breach-notified-by-non-controller`.
                let Some((controller, activity)) = controllers.iter().find(|(c, _)| c == &notification.from.value)
                else {
                    continue;
                };
                if !is_authority(ctx, &notification.to.value) {
                    continue;
                }
                // The 72 hours run from the controller's own awareness.
                let Some(aware) = aware(ctx, incident, controller) else { continue };
                if !aware.exceeded_by(at, 72) {
                    continue;
                }
                let Some(located) = &notification.at else { continue };
                let finding = out.at(
                    located.span,
                    Message::new("label-notified-here"),
                    msg!(
                        "breach-notified-late",
                        from = &notification.from.value,
                        incident = &incident.id,
                        at = at.at.date(),
                        discovered = aware.at.date(),
                    ),
                );
                finding
                    .party(&notification.from.value)
                    .activity(activity)
                    .subject("incident", &incident.id)
                    .subject("to", &notification.to.value);
                if let Some(discovered) = &incident.discovered {
                    finding.label(discovered.span, Message::new("label-discovered"));
                }
                if aware != discovered(incident).unwrap_or(aware) {
                    finding.provision(law::EDPB_9_2022_AWARENESS);
                }
            }
        }
    },
};

/// A processor that told its controller of a breach late, or not at all.
pub const PROCESSOR_TOLD_LATE: Rule = Rule {
    code: "breach-processor-told-late",
    area: Area::Breaches,
    severity: Severity::Medium,
    provisions: &[law::ART_33_2, law::ART_28_3_F],
    check: |ctx, out| {
        for incident in incidents(ctx) {
            let Some(by) = &incident.discovered_by else { continue };
            let Some(found) = discovered(incident) else { continue };
            for (controller, activity) in controllers_of(ctx, incident) {
                if !processor_of(ctx, incident, &by.value, &controller) {
                    continue;
                }
                let processor = &by.value;
                let told = incident
                    .notifications
                    .iter()
                    .filter(|n| &n.from.value == processor && n.to.value == controller)
                    .min_by_key(|n| n.at.as_ref().map(|a| a.value));
                let hours = ctx
                    .agreements_in_force(&controller, processor, &activity)
                    .iter()
                    .filter_map(|g| g.breach_notification_hours.as_ref().map(|h| h.value))
                    .min();
                let (key, severity, span, at) = match told {
                    None => ("breach-processor-did-not-tell", Severity::Medium, by.span, None),
                    Some(n) => {
                        let Some(at) = moment(n) else { continue };
                        let limit = hours.map_or(72, i64::from);
                        if !found.exceeded_by(at, limit) {
                            continue;
                        }
                        let key = if hours.is_some() {
                            "breach-processor-told-late"
                        } else {
                            "breach-processor-told-late-no-deadline"
                        };
                        let severity = if hours.is_some() { Severity::Medium } else { Severity::Low };
                        (key, severity, n.at.as_ref().map_or(n.span, |a| a.span), Some(at.at.date()))
                    }
                };
                let finding = out.at(
                    span,
                    Message::new(if at.is_some() { "label-told-controller-here" } else { "label-discovered-by" }),
                    msg!(
                        key,
                        processor = processor,
                        controller = &controller,
                        incident = &incident.id,
                        discovered = found.at.date(),
                        at = at.unwrap_or(found.at.date()),
                        hours = i64::from(hours.unwrap_or(72)),
                    ),
                );
                finding
                    .party(processor)
                    .activity(&activity)
                    .subject("incident", &incident.id)
                    .subject("controller", &controller)
                    .chain(ctx.chain_down(&activity, processor))
                    .severity(severity);
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
    check: |ctx, out| {
        for incident in incidents(ctx) {
            if incident.subjects_informed != Some(false) {
                continue;
            }
            let date = incident.discovered.as_ref().map(|d| d.value).unwrap_or(ctx.as_of);
            let mut told: Vec<PartyId> = Vec::new();
            // The controller's own assessment decides where the model records it:
            // high risk obliges it to tell (Art. 34(1)); a lower one does not.
            match incident.risk.as_ref().map(|r| r.value) {
                Some(BreachRisk::High) => {
                    for (controller, activity) in controllers_of(ctx, incident) {
                        out.at(
                            incident.span,
                            Message::new("label-breach"),
                            msg!(
                                "breach-subjects-not-told-high-risk",
                                controller = &controller,
                                incident = &incident.id
                            ),
                        )
                        .party(&controller)
                        .activity(&activity)
                        .subject("incident", &incident.id)
                        .without_provision(law::ART_34_3_A);
                    }
                    continue;
                }
                Some(_) => continue,
                None => {}
            }
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
                    for controller in ctx.bound_controllers(&activity_id) {
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
