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
use crate::obligations::notification::{
    BreachPath, BreachPlanner, ControllerNotice, Due, IncidentDuties, Relay, Subjects,
};
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
    /// What the controller's recorded risk assessment required, in words
    /// ([`IncidentDuties`]).
    pub assessment: String,
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
            subjects: input.t("notify-the-subjects").into(),
            competent: input.t("notify-competent-authority").into(),
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
    let subjects = input.t(match judgement.outcome {
        Subjects::Required => "notify-subjects-required",
        Subjects::LikelyExempt => "notify-subjects-exempt",
        Subjects::IfHighRisk if judgement.encrypted_at_rest.is_none() => "notify-subjects-unknown",
        Subjects::IfHighRisk => "notify-subjects-if-high-risk",
    });
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
            .map(|d| super::ropa::data_item(input, d))
            .collect::<Vec<_>>()
            .join("; "),
        at_rest: input.t(match judgement.encrypted_at_rest {
            Some(true) => "yes",
            Some(false) => "no",
            None => "not-recorded",
        }),
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
                when: Phrase::Owned(match relay.within_hours {
                    Some(hours) => input.tr("notify-within-agreed", &[("hours", hours.into())]),
                    None => input.t("notify-no-deadline"),
                }),
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
            when: Phrase::Owned(input.t("notify-authority-when")),
            provision: ControllerNotice::TO_AUTHORITY,
            condition: Phrase::Owned(input.t("notify-authority-unless")),
            required: true,
        });
        let (condition, required) = match outcome {
            Subjects::Required => (Phrase::Owned(input.t("notify-step-required")), false),
            Subjects::LikelyExempt => {
                let provision = crate::render::provision(outcome.provision(), input.lang);
                (Phrase::Owned(input.tr("notify-step-exempt", &[("provision", provision.into())])), false)
            }
            Subjects::IfHighRisk => (Phrase::Owned(input.t("notify-step-if-high-risk")), false),
        };
        subject_steps.push(Step {
            from: input.party(&notice.controller),
            to: lookups.subjects.clone(),
            to_party: None,
            when: Phrase::Owned(input.t("notify-without-undue-delay")),
            provision: ControllerNotice::TO_SUBJECTS,
            condition,
            required,
        });
    }
    let stranded: Vec<&str> = path.stranded.iter().map(|p| input.party_name(p)).collect();
    let mut gap = match stranded.as_slice() {
        [] => String::new(),
        names => input.tr("notify-gap-stranded", &[("names", names.join(", ").into())]),
    };
    if let Some(operator) = &path.operator_without_role {
        // The operator may be the first to see a breach, yet no role binds it here.
        if !gap.is_empty() {
            gap.push(' ');
        }
        gap.push_str(&input.tr("notify-gap-operator", &[("operator", input.party_name(operator).into())]));
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
                (Some(date), Some(by)) => input.tr(
                    "incident-discovered-on-by",
                    &[("date", date.value.to_string().into()), ("by", input.party_name(&by.value).into())],
                ),
                (Some(date), None) => input.tr("incident-discovered-on", &[("date", date.value.to_string().into())]),
                (None, Some(by)) => input.tr("incident-discovered-by", &[("by", input.party_name(&by.value).into())]),
                (None, None) => input.t("incident-discovery-unknown"),
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
                                input.tr("incident-on", &[("date", at.value.date().to_string().into())])
                            }
                            Some(at) => input.tr("incident-on", &[("date", at.value.to_string().into())]),
                            None => input.t("incident-date-unknown"),
                        };
                        let args = [
                            ("from", input.party_name(&n.from.value).into()),
                            ("to", input.party_name(&n.to.value).into()),
                            ("at", at.into()),
                        ];
                        input.tr("incident-notified", &args)
                    })
                    .collect(),
                subjects_informed: input.t(match incident.subjects_informed {
                    Some(true) => "incident-told",
                    Some(false) => "incident-not-told",
                    None => "incident-told-unknown",
                }),
                assessment: assessment(input, IncidentDuties::assessed(incident.risk.as_ref().map(|r| r.value))),
            }
        })
        .collect()
}

/// What a breach required, as its controller's recorded risk assessment
/// decides it (Art. 33(1), 33(5), 34(1)), in words.
fn assessment(input: &Names<'_>, duties: IncidentDuties) -> String {
    let cite = |provision| crate::render::provision(provision, input.lang);
    let key = match (duties.authority, duties.subjects) {
        (Due::Required, Due::Required) => "incident-risk-high",
        (Due::Required, _) => "incident-risk-likely",
        (Due::NotRequired, _) => "incident-risk-unlikely",
        (Due::Unassessed, _) => "incident-risk-unknown",
    };
    input.tr(
        key,
        &[
            ("authority", cite(IncidentDuties::TO_AUTHORITY).into()),
            ("subjects", cite(IncidentDuties::TO_SUBJECTS).into()),
            ("exemptions", cite(IncidentDuties::SUBJECTS_EXEMPTIONS).into()),
            ("document", cite(IncidentDuties::DOCUMENT).into()),
        ],
    )
}
