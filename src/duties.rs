//! Who must notify whom when a personal-data breach happens (Art. 33/34).
//!
//! Derived from the roles, per activity: each processor and sub-processor tells
//! the party it acts for, without undue delay and within the hours its agreement
//! sets (Art. 33(2)); each controller notifies the supervisory authority within
//! 72 hours (Art. 33(1)) and tells the data subjects when the risk is high
//! (Art. 34). The report draws these chains; `diff` compares them.

use serde::Serialize;

use crate::graph::Graph;
use crate::law;
use crate::model::{ActivityId, AgreementKind, PartyId};
use crate::roles::{Assignment, Role, Roles};

/// Whom a party must notify.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(tag = "kind", content = "party", rename_all = "snake_case")]
pub enum Recipient {
    /// The party it acts for (a controller or a processor).
    Principal(PartyId),
    /// The competent supervisory authority (in Sweden: IMY).
    SupervisoryAuthority,
    /// The data subjects, when the breach is likely to result in a high risk.
    DataSubjects,
}

/// One duty to notify.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct NotificationDuty {
    /// The activity whose data are breached.
    pub activity: ActivityId,
    /// Who must notify.
    pub from: PartyId,
    /// Whom.
    pub to: Recipient,
    /// The deadline in hours, where the law or an agreement sets one.
    pub within_hours: Option<u32>,
    /// The provision the duty rests on.
    pub provision: &'static str,
}

/// Every notification duty of every activity, sorted by activity, notifier and recipient.
pub fn notification_duties(graph: &Graph<'_>, roles: &Roles) -> Vec<NotificationDuty> {
    let mut duties: Vec<NotificationDuty> =
        roles.assignments.iter().flat_map(|assignment| duties_of(graph, assignment)).collect();
    duties.sort();
    duties.dedup();
    duties
}

/// The notification duties one role brings, unsorted: a controller's two
/// (authority and data subjects), a processor's one (its principal), none for a
/// processor that acts for nobody.
///
/// Separate from [`notification_duties`] so that a report can ask about one
/// party's roles at the cost of those roles, not of the whole model.
pub fn duties_of(graph: &Graph<'_>, assignment: &Assignment) -> Vec<NotificationDuty> {
    let activity = &assignment.activity;
    match (assignment.role, &assignment.on_behalf_of) {
        (Role::Controller | Role::JointController, _) => vec![
            NotificationDuty {
                activity: activity.clone(),
                from: assignment.party.clone(),
                to: Recipient::SupervisoryAuthority,
                within_hours: Some(72),
                provision: law::ART_33_1,
            },
            NotificationDuty {
                activity: activity.clone(),
                from: assignment.party.clone(),
                to: Recipient::DataSubjects,
                within_hours: None,
                provision: law::ART_34,
            },
        ],
        (Role::Processor | Role::SubProcessor, Some(principal)) => {
            let within_hours = graph
                .agreements_between(principal, &assignment.party, activity)
                .into_iter()
                .filter(|g| g.kind.value == AgreementKind::DataProcessing)
                .filter_map(|g| g.breach_notification_hours.as_ref().map(|h| h.value))
                .min();
            vec![NotificationDuty {
                activity: activity.clone(),
                from: assignment.party.clone(),
                to: Recipient::Principal(principal.clone()),
                within_hours,
                provision: law::ART_33_2,
            }]
        }
        _ => Vec::new(),
    }
}
