//! Who notifies whom if a system is breached (Art. 33, 34), per system, in words.
//!
//! The paths and the Art. 34(3)(a) judgement come from the obligations stage
//! ([`crate::obligations::notification::BreachPlanner`]): for each system an
//! activity running on the evaluation date uses, from every party that uses it
//! up its chain of delegation, each processor telling the party it acts for
//! (Art. 33(2)), each controller notifying the supervisory authority (Art. 33(1))
//! and, as the judgement says, the data subjects (Art. 34). This module only
//! says them in words. Breaches that happened are listed beside the derived
//! path, so a reader can compare the two.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{System, SystemId};
use crate::obligations::notification::{BreachPath, BreachPlanner, ControllerNotice, Relay, Subjects};
use crate::par::Jobs;

use super::refs::{ActivityRef, Input, Names, PartyRef, Phrase, Shared};

/// One notification on the path.
#[derive(Clone, Debug, Serialize)]
pub struct Step {
    /// Who notifies.
    pub from: PartyRef,
    /// Whom, in words.
    pub to: Shared,
    /// Whom, when it is a party of the model (a principal, or the authority).
    pub to_party: Option<PartyRef>,
    /// When: `within 24 hours (agreement)`, `within 72 hours`, `without undue delay`.
    pub when: Phrase,
    /// The provision.
    pub provision: &'static str,
    /// A condition or comment, or empty.
    pub condition: Phrase,
    /// Whether the step is required whatever the risk (Art. 34 steps may not be).
    pub required: bool,
}

/// The path for one activity that uses the system, in three stages.
#[derive(Clone, Debug, Serialize)]
pub struct Path {
    /// The activity.
    pub activity: ActivityRef,
    /// First, each processor tells the party it acts for (Art. 33(2)), from the
    /// system's users up their chains.
    pub processors: Vec<Step>,
    /// Then each controller notifies the supervisory authority (Art. 33(1)).
    pub authority: Vec<Step>,
    /// And tells the data subjects when the risk is high (Art. 34).
    pub subjects: Vec<Step>,
    /// Users whose chain reaches no controller, in words, or empty.
    pub gap: String,
}

/// A breach that happened on the system, as the model records it.
#[derive(Clone, Debug, Serialize)]
pub struct IncidentView {
    /// The incident id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// `discovered on 2019-02-18 by Computer Sweden`.
    pub discovered: String,
    /// The notifications sent: `MedHelp AB → Integritetsskyddsmyndigheten (IMY), date not recorded`.
    pub notifications: Vec<String>,
    /// Whether data subjects were told, in words.
    pub subjects_informed: String,
}

/// Everything about one system.
#[derive(Clone, Debug, Serialize)]
pub struct SystemNotifications {
    /// The system id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its operator.
    pub operator: PartyRef,
    /// Where it stands.
    pub location: String,
    /// The data on it, in words.
    pub data: String,
    /// Whether the data are encrypted at rest: `yes`, `no`, `not recorded`.
    pub at_rest: String,
    /// Art. 34 for this system, in one sentence.
    pub subjects: String,
    /// One path per activity that uses it.
    pub paths: Vec<Path>,
    /// Breaches that happened on it.
    pub incidents: Vec<IncidentView>,
}

/// The model-wide facts every system's paths look up, worked out once: asking
/// them per system or per path made the section quadratic in a big model.
struct Lookups<'a> {
    /// The breach paths, from the obligations stage.
    planner: BreachPlanner<'a>,
    /// The incidents that name each system, in the model's order.
    incidents: BTreeMap<&'a SystemId, Vec<&'a crate::model::Incident>>,
    /// `the data subjects`, made once for every step that names them.
    subjects: Shared,
    /// `the competent supervisory authority`, likewise.
    competent: Shared,
}

/// The notification paths of every system used on the evaluation date, by id.
pub fn build(input: &Input<'_>) -> Vec<SystemNotifications> {
    let names = Names::new(input);
    NotifyPlan::new(input).systems(&names).batched(super::refs::DRAW_BATCH).flatten().collect()
}

/// What every system's paths look up, worked out once; the report draws each
/// system's paths up as it writes them, so that a big model's are not all held
/// at once.
pub(crate) struct NotifyPlan<'a> {
    lookups: Lookups<'a>,
    /// The model's systems, in its order: the plans are drawn up in batches.
    systems: Vec<&'a System>,
}

impl<'a> NotifyPlan<'a> {
    /// Works out the duties, authorities and incidents once.
    pub(crate) fn new(input: &Input<'a>) -> Self {
        let model = input.model;
        let mut incidents: BTreeMap<&SystemId, Vec<&crate::model::Incident>> = BTreeMap::new();
        for incident in model.incidents.values() {
            for system in &incident.systems {
                let list = incidents.entry(&system.value).or_default();
                // An incident that names a system twice is still one incident on it.
                if list.last().is_none_or(|last| last.id != incident.id) {
                    list.push(incident);
                }
            }
        }
        let lookups = Lookups {
            planner: BreachPlanner::new(input.analysis),
            incidents,
            subjects: "the data subjects".into(),
            competent: "the competent supervisory authority".into(),
        };
        Self { lookups, systems: model.systems.values().collect() }
    }

    /// Every system's plan, by id, as jobs: a system not used on the
    /// evaluation date has none.
    pub(crate) fn systems<'s>(
        &'s self,
        input: &'s Names<'a>,
    ) -> Jobs<'s, &'a System, impl Fn(&'s &'a System) -> Option<SystemNotifications> + Sync + 's> {
        Jobs::new(&self.systems, move |system| for_system(input, system, &self.lookups))
    }
}

fn for_system(input: &Names<'_>, system: &System, lookups: &Lookups<'_>) -> Option<SystemNotifications> {
    let breach = lookups.planner.system(system)?;
    let judgement = breach.subjects;
    let subjects = match judgement.outcome {
        Subjects::Required => "It holds special categories of data stored unencrypted: a breach is very likely to result in a high risk to the data subjects, in which case they must be told without undue delay (Art. 34(1)); assess the risk case by case. The encryption exemption of Art. 34(3)(a) does not apply; later measures that remove the high risk (Art. 34(3)(b)), or a public communication where telling each would take disproportionate effort (Art. 34(3)(c)), may.".to_owned(),
        Subjects::LikelyExempt => "Its data are encrypted at rest: if the keys were not compromised, the data are unintelligible to others and Art. 34(3)(a) exempts the controller from telling the data subjects.".to_owned(),
        Subjects::IfHighRisk if judgement.encrypted_at_rest.is_none() => "Whether its data are encrypted at rest is not recorded: the data subjects must be told if the breach is likely to result in a high risk to them.".to_owned(),
        Subjects::IfHighRisk => "The data subjects must be told if the breach is likely to result in a high risk to them.".to_owned(),
    };
    let paths = breach.paths.iter().map(|path| path_view(input, path, lookups, judgement.outcome)).collect();
    Some(SystemNotifications {
        id: system.id.to_string(),
        name: system.name.clone(),
        operator: input.party(&system.operator.value),
        location: input.country_short(&system.location.value),
        data: breach
            .data
            .iter()
            .filter_map(|d| input.model.data.get(d))
            .map(super::ropa::data_item)
            .collect::<Vec<_>>()
            .join("; "),
        at_rest: match judgement.encrypted_at_rest {
            Some(true) => "yes".to_owned(),
            Some(false) => "no".to_owned(),
            None => "not recorded".to_owned(),
        },
        subjects,
        paths,
        incidents: incidents(input, lookups.incidents.get(&system.id).map_or(&[], Vec::as_slice)),
    })
}

/// One activity's path in words.
fn path_view(input: &Names<'_>, path: &BreachPath, lookups: &Lookups<'_>, outcome: Subjects) -> Path {
    let processors = path
        .relays
        .iter()
        .map(|relay| {
            let to_party = input.party(&relay.to);
            Step {
                from: input.party(&relay.from),
                to: to_party.name.clone(),
                to_party: Some(to_party),
                when: match relay.within_hours {
                    Some(hours) => Phrase::Owned(format!("within {hours} hours (agreement)")),
                    None => Phrase::Borrowed("without undue delay; no deadline agreed"),
                },
                provision: Relay::PROVISION,
                condition: Phrase::Borrowed(""),
                required: true,
            }
        })
        .collect();
    let mut authority_steps = Vec::new();
    let mut subject_steps = Vec::new();
    for notice in &path.controllers {
        let (to, to_party) = match &notice.authority {
            Some(authority) => {
                let party = input.party(authority);
                (party.name.clone(), Some(party))
            }
            None => (lookups.competent.clone(), None),
        };
        authority_steps.push(Step {
            from: input.party(&notice.controller),
            to,
            to_party,
            when: Phrase::Borrowed("without undue delay and, where feasible, within 72 hours of becoming aware"),
            provision: ControllerNotice::TO_AUTHORITY,
            condition: Phrase::Borrowed("unless the breach is unlikely to result in a risk"),
            required: true,
        });
        let (condition, required) = match outcome {
            Subjects::Required => {
                (Phrase::Borrowed("very likely required (special-category data, unencrypted): assess the risk"), false)
            }
            Subjects::LikelyExempt => {
                (Phrase::Owned(format!("likely exempt: encrypted at rest, {}", outcome.provision())), false)
            }
            Subjects::IfHighRisk => (Phrase::Borrowed("if the risk to them is high"), false),
        };
        subject_steps.push(Step {
            from: input.party(&notice.controller),
            to: lookups.subjects.clone(),
            to_party: None,
            when: Phrase::Borrowed("without undue delay"),
            provision: ControllerNotice::TO_SUBJECTS,
            condition,
            required,
        });
    }
    let stranded: Vec<&str> = path.stranded.iter().map(|p| input.party_name(p)).collect();
    let mut gap = match stranded.as_slice() {
        [] => String::new(),
        names => format!(
            "{} reach no controller of this activity through the roles the facts give: no one is bound to pass a breach on. Agree the duty in a contract.",
            names.join(", ")
        ),
    };
    if let Some(operator) = &path.operator_without_role {
        // The operator may be the first to see a breach, yet no role binds it here.
        if !gap.is_empty() {
            gap.push(' ');
        }
        gap.push_str(&format!(
            "The system's operator, {}, has no role in this activity: no duty to notify follows from the roles; agree one in a contract.",
            input.party_name(operator)
        ));
    }
    Path {
        activity: input.activity(&path.activity),
        processors,
        authority: authority_steps,
        subjects: subject_steps,
        gap,
    }
}

/// The breaches recorded on one system (`found`, in the model's order), in words.
fn incidents(input: &Names<'_>, found: &[&crate::model::Incident]) -> Vec<IncidentView> {
    found
        .iter()
        .map(|incident| {
            let discovered = match (&incident.discovered, &incident.discovered_by) {
                (Some(date), Some(by)) => format!("discovered on {} by {}", date.value, input.party_name(&by.value)),
                (Some(date), None) => format!("discovered on {}", date.value),
                (None, Some(by)) => format!("discovered by {} (date not recorded)", input.party_name(&by.value)),
                (None, None) => "discovery not recorded".to_owned(),
            };
            IncidentView {
                id: incident.id.to_string(),
                name: incident.name.clone(),
                discovered,
                notifications: incident
                    .notifications
                    .iter()
                    .map(|n| {
                        let at = match &n.at {
                            Some(at) if at.value.time() == jiff::civil::Time::midnight() => {
                                format!("on {}", at.value.date())
                            }
                            Some(at) => format!("on {}", at.value),
                            None => "date not recorded".to_owned(),
                        };
                        format!("{} notified {}, {at}", input.party_name(&n.from.value), input.party_name(&n.to.value))
                    })
                    .collect(),
                subjects_informed: match incident.subjects_informed {
                    Some(true) => "The data subjects were told.".to_owned(),
                    Some(false) => "The data subjects were not told.".to_owned(),
                    None => "Whether the data subjects were told is not recorded.".to_owned(),
                },
            }
        })
        .collect()
}
