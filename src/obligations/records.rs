//! The records of processing activities (Art. 30), as the model lets us draw
//! them up: one controller record (Art. 30(1)) per running activity and
//! controller, and one processor record (Art. 30(2)) per processor, the
//! controller at the top of its chain and the party it acts for directly.
//! Only activities running on the evaluation date are recorded: the record
//! describes processing as it stands. A processor the GDPR does not reach
//! (Art. 3) keeps no Art. 30(2) record: [`RecordPlan::outside_gdpr`] lists it.
//!
//! [`plan`] lists which records there are, cheaply; [`controller_record`] and
//! [`processor_record`] draw one up, so that a report can draw a big model's
//! records up one at a time. The records hold ids; the report words them.

use serde::Serialize;

use crate::Analysis;
use crate::law;
use crate::model::{Activity, ActivityId, DataId, PartyId, SystemId};
use crate::roles::{Assignment, Role};
use crate::rules::duties::{self, Reach};

use super::abroad::{AbroadIndex, ProcessingAbroad};

/// A recipient of an activity's data: a party acting on a controller's behalf.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RecordRecipient {
    /// The party.
    pub party: PartyId,
    /// Its role in the activity.
    pub role: Role,
}

/// A controller's record of one activity (Art. 30(1)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ControllerRecord {
    /// The controller who keeps it.
    pub controller: PartyId,
    /// The activity.
    pub activity: ActivityId,
    /// Its purposes of its own under Art. 28(10); empty: the activity's purpose.
    pub own_purposes: Vec<String>,
    /// The other controllers of the activity (30(1)(a)).
    pub joint_controllers: Vec<PartyId>,
    /// The parties acting on a controller's behalf (30(1)(d)).
    pub recipients: Vec<RecordRecipient>,
    /// Processing in third countries in the activity (30(1)(e)).
    pub transfers: Vec<ProcessingAbroad>,
    /// The activity's data categories, in its order (30(1)(c), (f)).
    pub data: Vec<DataId>,
    /// The systems used in the activity, by id (30(1)(g)).
    pub systems: Vec<SystemId>,
}

/// A processor's record of what it does for one controller (Art. 30(2)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProcessorRecord {
    /// The processor who keeps it.
    pub processor: PartyId,
    /// The controller at the top of its chain.
    pub controller: PartyId,
    /// The party it acts for directly, when that is not the controller.
    pub acts_for: Option<PartyId>,
    /// The running activities, by id; never empty (30(2)(b)).
    pub activities: Vec<ActivityId>,
    /// Its own processing in third countries in them (30(2)(c)).
    pub transfers: Vec<ProcessingAbroad>,
    /// The systems it uses in them, by id (30(2)(d)).
    pub systems: Vec<SystemId>,
}

/// A controller record to draw up: a running activity and one of its
/// controllers.
#[derive(Clone, Copy, Debug)]
pub struct ControllerKey<'a> {
    /// The activity.
    pub activity: &'a Activity,
    /// The controller's role in it.
    pub assignment: &'a Assignment,
}

/// A processor record to draw up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProcessorKey {
    /// The processor.
    pub processor: PartyId,
    /// The controller at the top of its chain.
    pub controller: PartyId,
    /// The party it acts for directly, when that is not the controller.
    pub acts_for: Option<PartyId>,
    /// Its running activities for them, sorted by id; never empty.
    pub activities: Vec<ActivityId>,
}

/// Which records there are, before any is drawn up.
#[derive(Clone, Debug, Default)]
pub struct RecordPlan<'a> {
    /// One per running activity and controller the GDPR may reach (Art. 3),
    /// by activity, then controller.
    pub controller: Vec<ControllerKey<'a>>,
    /// One per processor, top controller and direct principal, sorted by them.
    pub processor: Vec<ProcessorKey>,
    /// Processors the GDPR does not reach (Art. 3), by id: they keep no
    /// Art. 30(2) record of their own; their controllers' records list them as
    /// recipients in a third country.
    pub outside_gdpr: Vec<PartyId>,
}

/// Lists the records of every activity running on the evaluation date.
pub fn plan<'a>(analysis: &'a Analysis<'_>) -> RecordPlan<'a> {
    let model = analysis.graph.model();
    let as_of = analysis.as_of;
    let roles = &analysis.roles;
    // Art. 30 binds only those the GDPR reaches (Art. 3): a controller recorded
    // as not reached keeps no Art. 30(1) record, a processor no Art. 30(2) one.
    let not_reached = |party: &PartyId| duties::recorded_not_reached(model, analysis.reference, party, as_of);
    let mut controller = Vec::new();
    for activity in model.activities.values().filter(|a| a.runs_on(as_of)) {
        let controllers = roles.in_activity(&activity.id).iter().filter(|a| a.role.is_controller());
        for assignment in controllers.filter(|a| !not_reached(&a.party)) {
            controller.push(ControllerKey { activity, assignment });
        }
    }
    // 30(2): group each processor's activities by the controller at the top of its chain.
    let mut pairs: Vec<(PartyId, PartyId, Option<PartyId>, ActivityId)> = roles
        .assignments()
        .iter()
        .filter(|a| matches!(a.role, Role::Processor | Role::SubProcessor))
        .filter(|a| model.activities.get(&a.activity).is_some_and(|x| x.runs_on(as_of)))
        .map(|a| {
            let direct = a.on_behalf_of.clone().filter(|p| p != a.top());
            (a.party.clone(), a.top().clone(), direct, a.activity.clone())
        })
        .collect();
    pairs.sort();
    pairs.dedup();
    // Art. 30(2) binds only a processor the GDPR reaches (Art. 3), itself or,
    // for what it processes for a controller Art. 3(2) reaches, through it.
    let reach_of = |party: &PartyId| model.parties.get(party).map(|p| duties::reach(analysis.reference, p, as_of));
    let pair_not_reached = |(processor, top, ..): &(PartyId, PartyId, Option<PartyId>, ActivityId)| match (
        reach_of(processor),
        reach_of(top),
    ) {
        (Some(own), Some(controller)) => own.through(controller) == Reach::NotReached,
        _ => not_reached(processor),
    };
    // Listed as outside only when no controller it processes for brings it in.
    let mut outside_gdpr: Vec<PartyId> = Vec::new();
    for group in pairs.chunk_by(|a, b| a.0 == b.0) {
        if group.iter().all(pair_not_reached) {
            outside_gdpr.push(group[0].0.clone());
        }
    }
    pairs.retain(|pair| !pair_not_reached(pair));
    let mut processor = Vec::new();
    let mut index = 0;
    while index < pairs.len() {
        let (party, top, direct, _) = pairs[index].clone();
        let activities: Vec<ActivityId> = pairs[index..]
            .iter()
            .take_while(|(p, c, d, _)| p == &party && c == &top && d == &direct)
            .map(|(_, _, _, a)| a.clone())
            .collect();
        index += activities.len();
        processor.push(ProcessorKey { processor: party, controller: top, acts_for: direct, activities });
    }
    RecordPlan { controller, processor, outside_gdpr }
}

impl ControllerRecord {
    /// The provision that requires the record.
    pub const PROVISION: &'static str = law::ART_30_1;
}

impl ProcessorRecord {
    /// The provision that requires the record.
    pub const PROVISION: &'static str = law::ART_30_2;
}

/// Draws up one controller record; `abroad` holds the model's processing abroad.
pub fn controller_record(analysis: &Analysis<'_>, abroad: &AbroadIndex, key: &ControllerKey<'_>) -> ControllerRecord {
    let model = analysis.graph.model();
    let roles = &analysis.roles;
    let (activity, party) = (key.activity, &key.assignment.party);
    ControllerRecord {
        controller: party.clone(),
        activity: activity.id.clone(),
        own_purposes: key.assignment.own_purposes().map(str::to_owned).collect(),
        joint_controllers: roles.controllers(&activity.id).filter(|p| *p != party).cloned().collect(),
        recipients: roles
            .in_activity(&activity.id)
            .iter()
            .filter(|a| a.on_behalf_of.is_some())
            .map(|a| RecordRecipient { party: a.party.clone(), role: a.role })
            .collect(),
        transfers: abroad.in_activity(&activity.id).to_vec(),
        data: activity.data.iter().filter(|d| model.data.contains_key(&d.value)).map(|d| d.value.clone()).collect(),
        systems: systems(analysis, &[&activity.id], None),
    }
}

/// Draws up one processor record; `abroad` holds the model's processing abroad.
pub fn processor_record(analysis: &Analysis<'_>, abroad: &AbroadIndex, key: &ProcessorKey) -> ProcessorRecord {
    let ids: Vec<&ActivityId> = key.activities.iter().collect();
    ProcessorRecord {
        processor: key.processor.clone(),
        controller: key.controller.clone(),
        acts_for: key.acts_for.clone(),
        activities: key.activities.clone(),
        // The activities come sorted by id, as the processing abroad is.
        transfers: key.activities.iter().flat_map(|a| abroad.by(&key.processor, a)).cloned().collect(),
        systems: systems(analysis, &ids, Some(&key.processor)),
    }
}

/// Every record of the model, drawn up.
#[derive(Clone, Debug, Serialize)]
pub struct AllRecords {
    /// Controller records (Art. 30(1)), by activity, then controller.
    pub controller: Vec<ControllerRecord>,
    /// Processor records (Art. 30(2)), by processor, controller and direct principal.
    pub processor: Vec<ProcessorRecord>,
    /// Processors the GDPR does not reach (Art. 3), which keep no record of their own.
    pub outside_gdpr: Vec<PartyId>,
}

/// Every record of the model, drawn up: controller records by activity and
/// controller, processor records by processor, controller and direct principal.
pub fn all_records(analysis: &Analysis<'_>, abroad: &AbroadIndex) -> AllRecords {
    let plan = plan(analysis);
    AllRecords {
        controller: crate::par::map(&plan.controller, |key| controller_record(analysis, abroad, key)),
        processor: crate::par::map(&plan.processor, |key| processor_record(analysis, abroad, key)),
        outside_gdpr: plan.outside_gdpr,
    }
}

/// The systems used in `activities` (by `party` only, when given), by id.
fn systems(analysis: &Analysis<'_>, activities: &[&ActivityId], party: Option<&PartyId>) -> Vec<SystemId> {
    let model = analysis.graph.model();
    let mut found: Vec<SystemId> = activities
        .iter()
        .filter_map(|id| model.activities.get(*id))
        .flat_map(|a| a.performers.iter())
        .filter(|p| party.is_none_or(|party| &p.party.value == party))
        .flat_map(|p| p.systems.iter())
        .filter(|s| model.systems.contains_key(&s.value))
        .map(|s| s.value.clone())
        .collect();
    found.sort();
    found.dedup();
    found
}
