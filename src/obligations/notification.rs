//! Who must notify whom when a personal-data breach happens (Art. 33/34).
//!
//! Derived from the roles, per activity: each processor and sub-processor tells
//! the party it acts for, without undue delay and within the hours its agreement
//! sets (Art. 33(2)); each controller notifies the supervisory authority without
//! undue delay and, where feasible, within 72 hours of becoming aware
//! (Art. 33(1)), and tells the data subjects when the risk to them is high
//! (Art. 34(1)). [`BreachPlanner`] arranges them per system: from every party that
//! uses the system up its chain of delegation, with the one Art. 34(3)(a)
//! judgement ([`subjects_judgement`]) that the `breach-subjects-not-told` rule
//! uses too. The report words these paths; `diff` compares the duties.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::Analysis;
use crate::graph::Graph;
use crate::law;
use crate::model::{ActivityId, AgreementKind, BreachRisk, Country, DataId, PartyId, PartyKind, System, SystemId};
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

impl Recipient {
    /// The provision a duty to notify this recipient rests on: Art. 33(2)
    /// for a principal, Art. 33(1) for the authority, Art. 34 for the data
    /// subjects.
    pub fn provision(&self) -> &'static str {
        match self {
            Recipient::Principal(_) => law::ART_33_2,
            Recipient::SupervisoryAuthority => law::ART_33_1,
            Recipient::DataSubjects => law::ART_34,
        }
    }
}

/// One duty to notify.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NotificationDuty {
    /// The activity whose data are breached.
    pub activity: ActivityId,
    /// Who must notify.
    pub from: PartyId,
    /// Whom.
    pub to: Recipient,
    /// The deadline in hours, where the law or an agreement sets one.
    pub within_hours: Option<u32>,
}

impl NotificationDuty {
    /// The provision the duty rests on, which its recipient settles
    /// ([`Recipient::provision`]). Not a field: a national model has about
    /// 400 000 duties, each 16 bytes smaller without it (issue 19).
    pub fn provision(&self) -> &'static str {
        self.to.provision()
    }
}

/// A duty serialises with its provision, as when the provision was a field.
impl Serialize for NotificationDuty {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("NotificationDuty", 5)?;
        s.serialize_field("activity", &self.activity)?;
        s.serialize_field("from", &self.from)?;
        s.serialize_field("to", &self.to)?;
        s.serialize_field("within_hours", &self.within_hours)?;
        s.serialize_field("provision", self.provision())?;
        s.end()
    }
}

/// Every notification duty of every activity, sorted by activity, notifier and recipient.
///
/// Drawn up on every core, a batch of roles at a time, each batch sorted on
/// its own: the duties sorted and rid of repeats as a whole are the same
/// whatever the batches (equal duties are alike in every field). A batch
/// ends only between one party's roles in an activity and the next, so
/// roles kept by activity and party give batches whose duties follow on,
/// and the last sort ([`crate::par::sorted_unique`]) only checks them.
pub fn notification_duties(graph: &Graph<'_>, roles: &Roles) -> Vec<NotificationDuty> {
    duties_of_roles(graph, [roles.assignments()])
}

/// [`notification_duties`] of the roles in `lists`, sorted and without
/// repeats whatever their order; lists sorted by activity and party (as
/// [`Roles::assignments`] and the roles as derived,
/// [`crate::roles::Derived::lists`], are) cost no sort of the whole. A duty
/// follows from one role and the graph's agreements, so `diff` draws them
/// up as soon as the roles are derived, before they are indexed.
pub fn duties_of_roles<'a>(
    graph: &Graph<'_>,
    lists: impl IntoIterator<Item = &'a [Assignment]>,
) -> Vec<NotificationDuty> {
    /// Roles per job: enough that a job outweighs taking it.
    const BATCH: usize = 2048;
    // A party's roles in an activity are its duties there: kept in one
    // batch, the batches' duties follow on from each other.
    let batches: Vec<&[Assignment]> = lists
        .into_iter()
        .flat_map(|list| crate::par::batches_by(list, BATCH, |a, b| (&a.activity, &a.party) == (&b.activity, &b.party)))
        .collect();
    crate::par::sorted_unique(&batches, |batch| {
        batch.iter().flat_map(|assignment| duties_of(graph, assignment)).collect()
    })
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
            },
            NotificationDuty {
                activity: activity.clone(),
                from: assignment.party.clone(),
                to: Recipient::DataSubjects,
                within_hours: None,
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
            }]
        }
        _ => Vec::new(),
    }
}

/// Whether the data subjects must be told of a breach of a system (Art. 34),
/// as far as what the system holds and its encryption at rest decide it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Subjects {
    /// Special categories stored unencrypted: a high risk is very likely, so
    /// they very likely must be told (Art. 34(1)); the exemption of
    /// Art. 34(3)(a) does not apply, though 34(3)(b) or (c) may. The risk is
    /// still the controller's to assess case by case.
    Required,
    /// Encrypted at rest: if the keys were not compromised, the data are
    /// unintelligible to others and Art. 34(3)(a) likely exempts.
    LikelyExempt,
    /// Neither: it depends on whether the risk to them is high. This is also
    /// the answer when encryption at rest is not recorded: an unknown fact
    /// neither grants nor refuses the exemption.
    IfHighRisk,
}

/// The Art. 34 judgement for one system, with the facts it rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct SubjectsJudgement {
    /// The outcome.
    pub outcome: Subjects,
    /// Whether the data concerned include special categories (Art. 9) or
    /// criminal-offence data (Art. 10).
    pub special_categories: bool,
    /// Whether the data are encrypted at rest; `None` when not recorded.
    pub encrypted_at_rest: Option<bool>,
}

/// The one Art. 34(3)(a) judgement: whether data subjects must be told of a
/// breach of data held with encryption at rest `encrypted_at_rest` (`None`:
/// not recorded), `special_categories` saying whether the data are sensitive.
///
/// Encrypted data are taken to be unintelligible to whoever got them
/// (Art. 34(3)(a)); sensitive data stored unencrypted are the standard
/// high-risk case (Art. 34(1)). Where encryption is not recorded the answer
/// stays open ([`Subjects::IfHighRisk`]): the model convention is that a fact
/// left out is unknown, never "no".
pub fn subjects_judgement(special_categories: bool, encrypted_at_rest: Option<bool>) -> SubjectsJudgement {
    let outcome = match (special_categories, encrypted_at_rest) {
        (_, Some(true)) => Subjects::LikelyExempt,
        (true, Some(false)) => Subjects::Required,
        _ => Subjects::IfHighRisk,
    };
    SubjectsJudgement { outcome, special_categories, encrypted_at_rest }
}

impl Subjects {
    /// The provision the outcome rests on: the exemption where it likely
    /// applies, else the duty to tell (Art. 34(1)).
    pub fn provision(self) -> &'static str {
        match self {
            Subjects::LikelyExempt => law::ART_34_3_A,
            Subjects::Required | Subjects::IfHighRisk => law::ART_34_1,
        }
    }
}

/// Whether a duty was due for a breach that happened, as the controller's
/// recorded risk assessment decides it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Due {
    /// The controller's assessment makes it due.
    Required,
    /// The controller's assessment makes it not due.
    NotRequired,
    /// The assessment is not recorded: it depends on the risk, and for the
    /// data subjects the system's [`SubjectsJudgement`] is all the model says.
    Unassessed,
}

/// What a recorded breach required of its controllers, read from the risk
/// they assessed (Art. 33(1): no notification when the breach is "unlikely to
/// result in a risk"; Art. 34(1): the data subjects are told when it is
/// "likely to result in a high risk"). Every breach is documented whatever the
/// risk (Art. 33(5)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct IncidentDuties {
    /// The recorded assessment; `None` when the model does not record it.
    pub risk: Option<BreachRisk>,
    /// Whether the supervisory authority had to be notified (Art. 33(1)).
    pub authority: Due,
    /// Whether the data subjects had to be told (Art. 34(1)); when required,
    /// the exemptions of Art. 34(3) may still apply.
    pub subjects: Due,
}

impl IncidentDuties {
    /// The provision that binds the controller to document every breach.
    pub const DOCUMENT: &'static str = law::ART_33_5;
    /// The provision deciding the notification to the authority.
    pub const TO_AUTHORITY: &'static str = law::ART_33_1;
    /// The provision deciding whether the data subjects are told.
    pub const TO_SUBJECTS: &'static str = law::ART_34_1;
    /// The exemptions that may lift a required communication to the data subjects.
    pub const SUBJECTS_EXEMPTIONS: &'static str = law::ART_34_3;

    /// The duties that follow from the controller's assessment `risk`.
    pub fn assessed(risk: Option<BreachRisk>) -> Self {
        let (authority, subjects) = match risk {
            Some(BreachRisk::Unlikely) => (Due::NotRequired, Due::NotRequired),
            Some(BreachRisk::Likely) => (Due::Required, Due::NotRequired),
            Some(BreachRisk::High) => (Due::Required, Due::Required),
            None => (Due::Unassessed, Due::Unassessed),
        };
        IncidentDuties { risk, authority, subjects }
    }
}

impl Relay {
    /// The provision that binds a processor to tell the party it acts for.
    pub const PROVISION: &'static str = law::ART_33_2;
}

impl ControllerNotice {
    /// The provision that binds the controller to notify the authority.
    pub const TO_AUTHORITY: &'static str = law::ART_33_1;
    /// The provision that binds the controller to tell the data subjects.
    pub const TO_SUBJECTS: &'static str = law::ART_34_1;
}

/// One processor telling the party it acts for (Art. 33(2)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Relay {
    /// Who tells.
    pub from: PartyId,
    /// Whom: the party it acts for.
    pub to: PartyId,
    /// The deadline its agreement sets, in hours; `None`: without undue delay.
    pub within_hours: Option<u32>,
}

/// A controller of the breached activity: it notifies the supervisory
/// authority (Art. 33(1)) and, as [`SubjectsJudgement`] says, the data subjects.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ControllerNotice {
    /// The controller.
    pub controller: PartyId,
    /// The authority party of the model established in the controller's
    /// country, when there is exactly one; `None`: the competent supervisory
    /// authority, which the model does not name.
    pub authority: Option<PartyId>,
}

/// Who notifies whom after a breach of one system, for one activity that uses it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BreachPath {
    /// The activity.
    pub activity: ActivityId,
    /// Each processor telling the party it acts for, from the system's users
    /// (the operator first) up their chains, each pair once.
    pub relays: Vec<Relay>,
    /// The activity's controllers, in the roles' order.
    pub controllers: Vec<ControllerNotice>,
    /// Users whose chain reaches no controller of the activity: no one is bound
    /// to pass a breach on from them.
    pub stranded: Vec<PartyId>,
    /// The system's operator when it holds no role in the activity (and does
    /// not use the system in it): no duty to notify follows from the roles.
    pub operator_without_role: Option<PartyId>,
}

/// Who notifies whom if one system is breached.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SystemBreach {
    /// The system.
    pub system: SystemId,
    /// The data the running activities that use it process, sorted by id.
    pub data: Vec<DataId>,
    /// Whether the data subjects must be told.
    pub subjects: SubjectsJudgement,
    /// One path per running activity that uses it, by activity id.
    pub paths: Vec<BreachPath>,
}

/// What every system's breach paths look up, worked out once: asking it per
/// system or per path made a big model quadratic.
pub struct BreachPlanner<'a> {
    analysis: &'a Analysis<'a>,
    /// Every notification duty, sorted by activity, notifier and recipient.
    duties: Vec<NotificationDuty>,
    /// The authority parties of each country, in the model's order.
    authorities: BTreeMap<&'a Country, Vec<&'a PartyId>>,
}

impl<'a> BreachPlanner<'a> {
    /// Works out the duties and the authorities once.
    pub fn new(analysis: &'a Analysis<'a>) -> Self {
        let model = analysis.graph.model();
        let mut authorities: BTreeMap<&Country, Vec<&PartyId>> = BTreeMap::new();
        for party in model.parties.values().filter(|p| p.kind.value == PartyKind::Authority) {
            authorities.entry(&party.country.value).or_default().push(&party.id);
        }
        Self { duties: notification_duties(&analysis.graph, &analysis.roles), authorities, analysis }
    }

    /// Every notification duty of the model, sorted.
    pub fn duties(&self) -> &[NotificationDuty] {
        &self.duties
    }

    /// The breach paths of `system`; `None` when no activity running on the
    /// evaluation date uses it.
    pub fn system(&self, system: &System) -> Option<SystemBreach> {
        let graph = &self.analysis.graph;
        let model = graph.model();
        let as_of = self.analysis.as_of;
        // Who uses the system, asked once: each path takes its activity's part.
        let users: Vec<(ActivityId, PartyId)> = graph
            .users_of(&system.id)
            .into_iter()
            .filter(|(a, _)| model.activities.get(a).is_some_and(|a| a.runs_on(as_of)))
            .collect();
        let mut activities: Vec<&ActivityId> = users.iter().map(|(activity, _)| activity).collect();
        activities.dedup();
        if activities.is_empty() {
            return None;
        }
        let mut data: Vec<&crate::model::DataCategory> = activities
            .iter()
            .filter_map(|a| model.activities.get(*a))
            .flat_map(|a| a.data.iter())
            .filter_map(|d| model.data.get(&d.value))
            .collect();
        data.sort_by(|a, b| a.id.cmp(&b.id));
        data.dedup_by(|a, b| a.id == b.id);
        let special = data.iter().any(|d| d.is_sensitive());
        let subjects = subjects_judgement(special, system.encrypted_at_rest.as_ref().map(|e| e.value));
        let paths = activities
            .iter()
            .map(|activity| {
                // `users` is sorted by activity, then party.
                let start = users.partition_point(|(a, _)| a < *activity);
                let end = start + users[start..].partition_point(|(a, _)| a == *activity);
                let users: Vec<PartyId> = users[start..end].iter().map(|(_, p)| p.clone()).collect();
                self.path(system, activity, users)
            })
            .collect();
        Some(SystemBreach {
            system: system.id.clone(),
            data: data.iter().map(|d| d.id.clone()).collect(),
            subjects,
            paths,
        })
    }

    /// The path for one activity; `users` are the parties that use the system in it.
    fn path(&self, system: &System, activity: &ActivityId, mut users: Vec<PartyId>) -> BreachPath {
        let graph = &self.analysis.graph;
        let roles = &self.analysis.roles;
        let duties = self.duties.as_slice();
        // The operator first: it is the one most likely to discover the breach.
        users.sort_by_key(|p| (p != &system.operator.value, p.clone()));
        let controllers: Vec<&PartyId> = roles.controllers(activity).collect();
        let mut relays: Vec<Relay> = Vec::new();
        let mut stranded = Vec::new();
        for user in &users {
            let chain = graph.chain_up(activity, user);
            for pair in chain.windows(2) {
                let (from, to) = (&pair[0], &pair[1]);
                if relays.iter().any(|r| &r.from == from && &r.to == to) {
                    continue;
                }
                // The first duty of `from` to `to` in the sorted list: a binary
                // search where a scan of every duty made the section quadratic.
                let to_principal = Recipient::Principal(to.clone());
                let first = duties.partition_point(|d| (&d.activity, &d.from, &d.to) < (activity, from, &to_principal));
                let within_hours = duties
                    .get(first)
                    .filter(|d| &d.activity == activity && &d.from == from && d.to == to_principal)
                    .and_then(|d| d.within_hours);
                relays.push(Relay { from: from.clone(), to: to.clone(), within_hours });
            }
            let top = chain.last().unwrap_or(user);
            if !controllers.contains(&top) {
                stranded.push(user.clone());
            }
        }
        let model = graph.model();
        let controllers = controllers
            .iter()
            .map(|controller| {
                let found: &[&PartyId] = model
                    .parties
                    .get(*controller)
                    .and_then(|p| self.authorities.get(&p.country.value))
                    .map_or(&[], Vec::as_slice);
                let authority = match found {
                    [one] => Some((*one).clone()),
                    _ => None,
                };
                ControllerNotice { controller: (*controller).clone(), authority }
            })
            .collect();
        let operator = &system.operator.value;
        let operator_without_role =
            (!users.contains(operator) && roles.of(operator, activity).is_empty()).then(|| operator.clone());
        BreachPath { activity: activity.clone(), relays, controllers, stranded, operator_without_role }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_duties_of_roles_in_lists_are_those_of_the_roles_whole_in_any_order() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("models/1177");
        let reference = crate::reference::Reference::builtin();
        let loaded = crate::load::load_path(&path, &reference).unwrap();
        let analysis = crate::Analysis::new(&loaded.model, &reference, jiff::civil::date(2025, 1, 1));
        let whole = notification_duties(&analysis.graph, &analysis.roles);
        assert!(whole.len() > 20, "{}", whole.len());
        let roles = analysis.roles.assignments();
        assert_eq!(duties_of_roles(&analysis.graph, roles.chunks(3)), whole);
        // Lists out of order (the second half first) give the same duties.
        let (first, second) = roles.split_at(roles.len() / 2);
        assert_eq!(duties_of_roles(&analysis.graph, [second, first]), whole);
        let mut reversed: Vec<Assignment> = roles.to_vec();
        reversed.reverse();
        assert_eq!(duties_of_roles(&analysis.graph, [&reversed[..]]), whole);
    }

    #[test]
    fn a_duty_rests_on_its_recipients_provision_and_serialises_it() {
        let duty = |to| NotificationDuty {
            activity: ActivityId::new("triage"),
            from: PartyId::new("clinic"),
            to,
            within_hours: Some(72),
        };
        let provisions: Vec<_> =
            [Recipient::Principal(PartyId::new("region")), Recipient::SupervisoryAuthority, Recipient::DataSubjects]
                .into_iter()
                .map(|to| duty(to).provision())
                .collect();
        assert_eq!(provisions, [law::ART_33_2, law::ART_33_1, law::ART_34]);
        let json = serde_json::to_value(duty(Recipient::SupervisoryAuthority)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "activity": "triage", "from": "clinic", "to": {"kind": "supervisory_authority"},
                "within_hours": 72, "provision": law::ART_33_1
            })
        );
    }

    #[test]
    fn the_controllers_risk_assessment_decides_what_a_recorded_breach_required() {
        let due = |risk| {
            let d = IncidentDuties::assessed(risk);
            (d.authority, d.subjects)
        };
        // "Unlikely to result in a risk": neither notification (Art. 33(1), 34(1)).
        assert_eq!(due(Some(BreachRisk::Unlikely)), (Due::NotRequired, Due::NotRequired));
        // A risk, not high: the authority only.
        assert_eq!(due(Some(BreachRisk::Likely)), (Due::Required, Due::NotRequired));
        // A high risk: both.
        assert_eq!(due(Some(BreachRisk::High)), (Due::Required, Due::Required));
        // Not recorded: the tool does not guess.
        assert_eq!(due(None), (Due::Unassessed, Due::Unassessed));
    }

    #[test]
    fn encryption_left_out_neither_grants_nor_refuses_the_exemption() {
        assert_eq!(subjects_judgement(true, None).outcome, Subjects::IfHighRisk);
        assert_eq!(subjects_judgement(true, Some(false)).outcome, Subjects::Required);
        assert_eq!(subjects_judgement(true, Some(true)).outcome, Subjects::LikelyExempt);
        assert_eq!(subjects_judgement(false, Some(false)).outcome, Subjects::IfHighRisk);
        assert_eq!(subjects_judgement(false, Some(true)).outcome, Subjects::LikelyExempt);
    }
}
