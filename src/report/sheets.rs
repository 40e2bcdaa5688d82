//! Duty sheets: for each party, the roles it holds, the duties those roles bring
//! with the provisions they rest on, and the findings against it.
//!
//! Duties follow from roles, not from the party's kind: a controller answers for
//! accountability (Art. 5(2), 24), information (Art. 13/14), records (Art. 30(1)),
//! security (Art. 32) and breach notification (Art. 33(1), 34); a processor for
//! working on instructions (Art. 28(3)(a), 29), sub-processing (Art. 28(2), 28(4)),
//! its own record (Art. 30(2)), security and telling its principal of a breach
//! (Art. 33(2)). Some duties need a fact as well: a DPIA where special-category
//! data are processed on a large scale (Art. 35(3)(b)), a DPO for public bodies
//! and large-scale special-category processing (Art. 37(1)), and the Swedish
//! patient-data duties where the party is a care provider processing patient
//! records (patientdatalagen, HSLF-FS 2016:40). Where the model records a fact
//! that bears on a duty (who informs, whether records are kept, a DPO, logging
//! and backups), the sheet says what it records; judging it is the rules' job.

use serde::Serialize;

use crate::law;
use crate::model::{Activity, ActivityId, PartyId, PartyKind};
use crate::roles::{Assignment, Role};

use super::index::Index;
use super::view::{ActivityRef, FindingView, Input, Names, PartyRef, Phrase, Segment, segments};

/// A fact about a party, as a label and a value.
#[derive(Clone, Debug, Serialize)]
pub struct Fact {
    /// What the fact is about.
    pub label: &'static str,
    /// The fact.
    pub value: String,
}

/// A reason for a role, ready to show.
#[derive(Clone, Debug, Serialize)]
pub struct ReasonView {
    /// The fact and its consequence.
    pub text: String,
    /// The text split for display.
    #[serde(skip)]
    pub segments: Vec<Segment>,
    /// The provisions it rests on, joined.
    pub provisions: String,
    /// Where the fact is written, or empty.
    pub location: String,
}

/// A role the party holds in one activity.
#[derive(Clone, Debug, Serialize)]
pub struct RoleHeld {
    /// `Controller`, `Processor`, …
    pub role: &'static str,
    /// The activity.
    pub activity: ActivityRef,
    /// `for MedHelp AB`, `for its own purposes: …`, or empty.
    pub qualifier: String,
    /// The facts that make it so.
    pub reasons: Vec<ReasonView>,
}

/// One duty the party's roles bring.
#[derive(Clone, Debug, Serialize)]
pub struct Duty {
    /// The provisions, e.g. `Art. 33(1)`.
    pub provisions: String,
    /// A short title.
    pub title: &'static str,
    /// What it requires of this party.
    pub text: Phrase,
    /// The activities it applies to.
    pub activities: Vec<ActivityRef>,
    /// What the model records that bears on it, or empty.
    pub recorded: Phrase,
}

/// Everything one party must know.
#[derive(Clone, Debug, Serialize)]
pub struct PartySheet {
    /// The party.
    pub party: PartyRef,
    /// Facts about it: kind, country, regimes, DPO, records.
    pub facts: Vec<Fact>,
    /// Free text from the model.
    pub notes: String,
    /// Its roles, by activity.
    pub roles: Vec<RoleHeld>,
    /// The duties they bring.
    pub duties: Vec<Duty>,
    /// The findings against it, in the findings' order.
    #[serde(skip)]
    pub findings: Vec<FindingView>,
    /// Their numbers, for JSON.
    pub finding_numbers: Vec<String>,
    /// `3 open findings`, `no findings`.
    pub findings_line: String,
}

/// The parties that get a duty sheet, those with a role or a finding, in the
/// sheets' order: by name, then id.
pub(crate) fn parties<'a>(input: &Input<'a>, index: &Index<'_>) -> Vec<&'a PartyId> {
    let mut parties: Vec<&PartyId> = input
        .model
        .parties
        .keys()
        .filter(|party| index.has_role(party) || !index.findings_of(party).is_empty())
        .collect();
    parties.sort_by(|a, b| (input.party_name(a), a.as_str()).cmp(&(input.party_name(b), b.as_str())));
    parties
}

/// The duty sheet of one party.
///
/// `findings` are the report's findings, in the order of
/// [`crate::Analysis::findings`]; `index` finds the party's roles and findings,
/// so a sheet costs what it shows.
pub(crate) fn sheet_of(input: &Names<'_>, findings: &[FindingView], index: &Index<'_>, party: &PartyId) -> PartySheet {
    let against: Vec<FindingView> = index.findings_of(party).iter().filter_map(|&i| findings.get(i)).cloned().collect();
    sheet(input, party, index.roles_of(party), against)
}

fn sheet(input: &Names<'_>, id: &PartyId, held: &[&Assignment], findings: Vec<FindingView>) -> PartySheet {
    let open = findings.iter().filter(|f| f.is_open()).count();
    let accepted = findings.len() - open;
    let findings_line = match (open, accepted) {
        (0, 0) => "No findings against this party.".to_owned(),
        (open, 0) => format!("{} against this party.", super::view::count(open, "open finding", "open findings")),
        (open, accepted) => format!(
            "{} and {} against this party.",
            super::view::count(open, "open finding", "open findings"),
            super::view::count(accepted, "accepted finding", "accepted findings")
        ),
    };
    PartySheet {
        party: input.party(id),
        facts: facts(input, id),
        notes: input.model.parties.get(id).and_then(|p| p.notes.clone()).unwrap_or_default(),
        roles: held.iter().map(|a| role_held(input, a)).collect(),
        duties: duties(input, id, held),
        finding_numbers: findings.iter().map(|f| f.number.clone()).collect(),
        findings,
        findings_line,
    }
}

fn yes_no_unknown(value: Option<bool>, yes: &str, no: &str) -> String {
    match value {
        Some(true) => yes.to_owned(),
        Some(false) => no.to_owned(),
        None => "not recorded".to_owned(),
    }
}

fn facts(input: &Names<'_>, id: &PartyId) -> Vec<Fact> {
    let Some(party) = input.model.parties.get(id) else { return Vec::new() };
    let fact = |label: &'static str, value: String| Fact { label, value };
    let mut facts = vec![
        fact("Kind", party.kind.value.as_str().replace('_', " ")),
        fact("Established in", input.country(&party.country.value)),
    ];
    if let Some(number) = &party.org_number {
        facts.push(fact("Organisation number", number.clone()));
    }
    if let Some(owner) = &party.owned_by {
        facts.push(fact("Owned by", input.party_name(&owner.value).to_owned()));
    }
    facts.push(fact("Public body", if party.public_body { "yes" } else { "no" }.to_owned()));
    let regimes: Vec<String> = party
        .subject_to
        .iter()
        .map(|r| {
            input.reference.regime(r.value.as_str()).map(|g| g.name.clone()).unwrap_or_else(|| r.value.to_string())
        })
        .collect();
    facts.push(fact("Bound by", if regimes.is_empty() { "no regime recorded".to_owned() } else { regimes.join("; ") }));
    facts.push(fact(
        "Data protection officer",
        yes_no_unknown(party.dpo.as_ref().map(|d| d.value), "designated", "none designated"),
    ));
    facts.push(fact(
        "Records of processing",
        yes_no_unknown(party.keeps_records.as_ref().map(|k| k.value), "kept", "not kept"),
    ));
    if let Some(employees) = party.employees {
        facts.push(fact("Employees", employees.to_string()));
    }
    facts
}

fn role_held(input: &Names<'_>, assignment: &Assignment) -> RoleHeld {
    let qualifier = match (&assignment.on_behalf_of, assignment.own_purposes.is_empty()) {
        (Some(principal), _) => {
            let mut text = format!("for {}", input.party_name(principal));
            // A sub-processor's chain runs on to the controller it ultimately serves.
            if assignment.chain.len() > 1 {
                let rest: Vec<String> =
                    assignment.chain.iter().skip(1).map(|p| input.party_name(p).to_owned()).collect();
                text.push_str(&format!(", which acts for {}", rest.join(" → ")));
            }
            text
        }
        (None, false) => format!("for its own purposes: {}", assignment.own_purposes.join("; ")),
        (None, true) => String::new(),
    };
    RoleHeld {
        role: role_heading(assignment.role),
        activity: input.activity(&assignment.activity),
        qualifier,
        reasons: assignment
            .reasons
            .iter()
            .map(|r| ReasonView {
                text: r.text.clone(),
                segments: segments(&r.text),
                provisions: r.provisions.join("; "),
                location: r.span.map(|s| input.sources.location(s).to_string()).unwrap_or_default(),
            })
            .collect(),
    }
}

/// A role in words with a capital, as a heading: `Joint controller`.
fn role_heading(role: Role) -> &'static str {
    match role {
        Role::Controller => "Controller",
        Role::JointController => "Joint controller",
        Role::Processor => "Processor",
        Role::SubProcessor => "Sub-processor",
    }
}

/// Collects duties in a fixed order.
struct Duties<'i, 'a> {
    input: &'i Names<'a>,
    list: Vec<Duty>,
}

impl Duties<'_, '_> {
    fn add(
        &mut self,
        provisions: &[&str],
        title: &'static str,
        text: impl Into<Phrase>,
        activities: &[&ActivityId],
        recorded: impl Into<Phrase>,
    ) {
        if activities.is_empty() {
            return;
        }
        let mut refs: Vec<ActivityRef> = activities.iter().map(|a| self.input.activity(a)).collect();
        refs.dedup_by(|a, b| a.id == b.id);
        self.list.push(Duty {
            provisions: provisions.join(", "),
            title,
            text: text.into(),
            activities: refs,
            recorded: recorded.into(),
        });
    }
}

fn names(input: &Names<'_>, parties: &[&PartyId]) -> String {
    let mut names: Vec<String> = parties.iter().map(|p| input.party_name(p).to_owned()).collect();
    names.sort();
    names.dedup();
    names.join(", ")
}

/// Whether an activity processes special-category data on a large scale: the
/// judgement `check` makes for Art. 35(3)(b) and 37(1)(c).
fn large_scale_sensitive(input: &Names<'_>, activity: &Activity) -> bool {
    crate::rules::duties::large_scale_sensitive(input.model, activity)
}

fn patient_records(input: &Names<'_>, activity: &Activity) -> bool {
    activity.data.iter().filter_map(|d| input.model.data.get(&d.value)).any(|d| d.patient_record)
}

/// Whether `party` is the care provider (vårdgivare) of an activity: its
/// controller that is a care provider by kind, is designated by law, or gives
/// the care itself (patientdatalagen 2 kap. 6 §).
fn care_provider_of(input: &Names<'_>, party: &PartyId, activity: &Activity) -> bool {
    let kind = input.model.parties.get(party).map(|p| p.kind.value);
    let designated = activity.controller_by_law.as_ref().is_some_and(|d| &d.party.value == party);
    let gives_care = activity.performers.iter().any(|p| &p.party.value == party && p.gives_care());
    kind == Some(PartyKind::CareProvider) || designated || gives_care
}

fn duties(input: &Names<'_>, party: &PartyId, held: &[&Assignment]) -> Vec<Duty> {
    let model = input.model;
    // Duties as of the evaluation date: roles in activities that do not run
    // that day are shown with their reasons, but bring no current duty.
    let held: Vec<&Assignment> = held
        .iter()
        .copied()
        .filter(|a| model.activities.get(&a.activity).is_some_and(|x| x.runs_on(input.analysis.as_of)))
        .collect();
    let held = held.as_slice();
    let graph = &input.analysis.graph;
    let roles = &input.analysis.roles;
    let mut d = Duties { input, list: Vec::new() };
    let is = |roles: &[Role]| -> Vec<&ActivityId> {
        let mut found: Vec<&ActivityId> =
            held.iter().filter(|a| roles.contains(&a.role)).map(|a| &a.activity).collect();
        found.dedup();
        found
    };
    let controlled = is(&[Role::Controller, Role::JointController]);
    let joint = is(&[Role::JointController]);
    let processing = is(&[Role::Processor, Role::SubProcessor]);
    let any_role: Vec<&ActivityId> = {
        let mut all: Vec<&ActivityId> = held.iter().map(|a| &a.activity).collect();
        all.dedup();
        all
    };
    let activity = |id: &ActivityId| model.activities.get(id);
    let this = model.parties.get(party);

    // ---- as controller -----------------------------------------------------
    d.add(
        &[law::ART_5_2, law::ART_24],
        "Accountability",
        "Be responsible for, and able to demonstrate, compliance with the principles of Art. 5(1), through appropriate technical and organisational measures that are reviewed and kept up to date.",
        &controlled,
        String::new(),
    );
    let informs = |id: &&ActivityId| {
        activity(id).and_then(|a| a.informs_subjects.as_ref()).map(|list| list.value.iter().any(|p| &p.value == party))
    };
    let pick = |want: Option<bool>| -> Vec<String> {
        controlled.iter().filter(|a| informs(a) == want).map(|a| a.to_string()).collect()
    };
    let mut recorded = Vec::new();
    for (want, words) in [
        (Some(true), "Recorded as informing the data subjects of"),
        (Some(false), "Recorded as not informing the data subjects of"),
        (None, "Who informs is not recorded for"),
    ] {
        let found = pick(want);
        if !found.is_empty() {
            recorded.push(format!("{words}: {}.", found.join(", ")));
        }
    }
    d.add(
        &[law::ART_13, law::ART_14],
        "Information to data subjects",
        "Tell the data subjects, when the data are collected (Art. 13) or within a month when they come from elsewhere (Art. 14), who the controller is, the purposes and legal basis, the recipients, any transfer to a third country, how long the data are kept, and their rights.",
        &controlled,
        recorded.join(" "),
    );
    for id in &joint {
        let others: Vec<&PartyId> = roles.controllers(id).filter(|p| *p != party).collect();
        d.add(
            &[law::ART_26],
            "Arrangement between joint controllers",
            format!(
                "Set out with {} in an arrangement who meets which duty, in particular towards the data subjects, and make its essence available to them.",
                names(input, &others)
            ),
            &[id],
            String::new(),
        );
    }
    let processors: Vec<&PartyId> = controlled
        .iter()
        .flat_map(|id| roles.in_activity(id).iter())
        .filter(|a| a.on_behalf_of.as_ref() == Some(party))
        .map(|a| &a.party)
        .collect();
    let with_processors: Vec<&ActivityId> = controlled
        .iter()
        .copied()
        .filter(|id| roles.in_activity(id).iter().any(|a| a.on_behalf_of.as_ref() == Some(party)))
        .collect();
    d.add(
        &[law::ART_28_1, law::ART_28_3],
        "Choice of processors",
        format!(
            "Use only processors that give sufficient guarantees, each bound by a written contract with the terms of Art. 28(3). Its processors: {}.",
            names(input, &processors)
        ),
        &with_processors,
        String::new(),
    );
    let keeps = this.and_then(|p| p.keeps_records.as_ref()).map(|k| k.value);
    d.add(
        &[law::ART_30_1],
        "Record of processing (controller)",
        "Keep a written record of the processing under its responsibility: purposes, categories of data subjects and data, recipients, third-country transfers, time limits for erasure and a description of the security measures (see the record below).",
        &controlled,
        records_line(keeps),
    );
    d.add(
        &[law::ART_32],
        "Security of processing",
        "Ensure security appropriate to the risk, on its own systems and on those of its processors: encryption where appropriate, confidentiality, integrity, availability and resilience, the ability to restore data after an incident, and regular testing.",
        &any_role,
        String::new(),
    );
    d.add(
        &[law::ART_33_1],
        "Breach notification to the supervisory authority",
        "Notify the supervisory authority of a personal-data breach without undue delay and, where feasible, within 72 hours of becoming aware of it, unless it is unlikely to result in a risk; document every breach (Art. 33(5)).",
        &controlled,
        String::new(),
    );
    d.add(
        &[law::ART_34],
        "Communication of a breach to data subjects",
        "Tell the data subjects without undue delay when a breach is likely to result in a high risk to them; not required where the data were unintelligible to others, for example encrypted (Art. 34(3)(a)).",
        &controlled,
        String::new(),
    );
    let dpia: Vec<&ActivityId> =
        controlled.iter().copied().filter(|id| activity(id).is_some_and(|a| large_scale_sensitive(input, a))).collect();
    d.add(
        &[law::ART_35, law::ART_35_3_B],
        "Data protection impact assessment",
        "Assess the impact of the processing on the protection of personal data before it starts: it processes special categories of data on a large scale.",
        &dpia,
        String::new(),
    );

    // ---- as processor or sub-processor ---------------------------------------
    let principals: Vec<&PartyId> = held.iter().filter_map(|a| a.on_behalf_of.as_ref()).collect();
    d.add(
        &[law::ART_28_3_A, law::ART_29],
        "Processing on instructions",
        format!(
            "Process the data only on the documented instructions of {}, including on transfers to third countries, and keep the staff who handle them bound to confidentiality.",
            names(input, &principals)
        ),
        &processing,
        String::new(),
    );
    let engaged: Vec<&PartyId> = processing
        .iter()
        .flat_map(|id| roles.in_activity(id).iter())
        .filter(|a| a.on_behalf_of.as_ref() == Some(party))
        .map(|a| &a.party)
        .collect();
    let engaging = if engaged.is_empty() {
        "It engages no sub-processor in the model.".to_owned()
    } else {
        format!("It engages {}.", names(input, &engaged))
    };
    d.add(
        &[law::ART_28_2, law::ART_28_4],
        "Sub-processors",
        format!(
            "Engage another processor only with the controller's prior written authorisation, and bind it by contract to the same data-protection obligations; it remains liable for the sub-processor. {engaging}"
        ),
        &processing,
        String::new(),
    );
    d.add(
        &[law::ART_30_2],
        "Record of processing (processor)",
        "Keep a written record of the processing carried out for each controller: the controllers, the categories of processing, third-country transfers and a description of the security measures (see the record below).",
        &processing,
        records_line(keeps),
    );
    // The duties of this party's own running roles, in the order of
    // `notification_duties` (sorted, without repeats): every duty from this
    // party comes from one of its roles, so the model-wide list is not needed.
    let mut own_duties: Vec<crate::duties::NotificationDuty> =
        held.iter().flat_map(|a| crate::duties::duties_of(graph, a)).collect();
    own_duties.sort();
    own_duties.dedup();
    let deadlines: Vec<String> = own_duties
        .into_iter()
        .filter_map(|duty| match duty.to {
            crate::duties::Recipient::Principal(principal) => Some(match duty.within_hours {
                Some(hours) => format!("{} within {hours} hours ({})", input.party_name(&principal), duty.activity),
                None => format!("{} ({}, no deadline agreed)", input.party_name(&principal), duty.activity),
            }),
            _ => None,
        })
        .collect();
    d.add(
        &[law::ART_33_2],
        "Breach notification to the principal",
        "Tell the party it acts for of a personal-data breach without undue delay after becoming aware of it; notifying the supervisory authority is the controller's duty, not the processor's.",
        &processing,
        if deadlines.is_empty() { String::new() } else { format!("Must notify {}.", deadlines.join("; ")) },
    );

    // ---- either role: a data protection officer --------------------------------
    let public = this.is_some_and(|p| p.public_body);
    let large_sensitive: Vec<&ActivityId> =
        any_role.iter().copied().filter(|id| activity(id).is_some_and(|a| large_scale_sensitive(input, a))).collect();
    let (dpo_provisions, dpo_activities, why) = if public {
        (vec![law::ART_37, law::ART_37_1_A], any_role.clone(), "it is a public body")
    } else {
        (
            vec![law::ART_37, law::ART_37_1_C],
            large_sensitive,
            "its core activities include processing special categories of data on a large scale",
        )
    };
    let dpo = this.and_then(|p| p.dpo.as_ref()).map(|d| d.value);
    d.add(
        &dpo_provisions,
        "Data protection officer",
        format!("Designate a data protection officer and publish the contact details: {why}."),
        &dpo_activities,
        match dpo {
            Some(true) => "The model records a designated DPO.",
            Some(false) => "The model records that no DPO is designated.",
            None => "The model does not record whether a DPO is designated.",
        },
    );

    // ---- Swedish patient data: the care provider's duties -----------------------
    let care: Vec<&ActivityId> = controlled
        .iter()
        .copied()
        .filter(|id| activity(id).is_some_and(|a| patient_records(input, a) && care_provider_of(input, party, a)))
        .collect();
    d.add(
        &[law::PDL_2_6],
        "Controller as care provider",
        "As care provider (vårdgivare) it is controller of the processing of patient data it carries out; a contract cannot move that responsibility to another party.",
        &care,
        String::new(),
    );
    d.add(
        &[law::PDL_4_3],
        "Access logs",
        "Ensure that access to patient data is logged, and that the logs are reviewed systematically and regularly.",
        &care,
        systems_line(input, &care, |s| s.access_logging.as_ref().map(|l| l.value), "log access", "do not log access"),
    );
    d.add(
        &[law::PDL_8_6],
        "Information to the patient",
        "Inform the patient about the processing of patient data, in addition to the information of Art. 13.",
        &care,
        String::new(),
    );
    d.add(
        &[law::HSLF_FS_2016_40_BACKUP, law::ART_32_1_C],
        "Backups of patient data",
        "Back up patient data at set intervals, keep the copies apart from the originals, and decide how long they are kept and how restoring is tested.",
        &care,
        systems_line(input, &care, |s| s.backups.as_ref().map(|b| b.value), "are backed up", "are not backed up"),
    );
    d.list
}

fn records_line(keeps: Option<bool>) -> &'static str {
    match keeps {
        Some(true) => "The model records that it keeps records of processing.",
        Some(false) => "The model records that it keeps no records of processing.",
        None => "The model does not record whether it keeps records of processing.",
    }
}

/// What the model records about one property of the systems used in
/// `activities`: `Systems that log access: Princess. Not recorded for: …`.
fn systems_line(
    input: &Names<'_>,
    activities: &[&ActivityId],
    property: impl Fn(&crate::model::System) -> Option<bool>,
    yes: &str,
    no: &str,
) -> String {
    let mut systems: Vec<&crate::model::System> = activities
        .iter()
        .filter_map(|id| input.model.activities.get(*id))
        .flat_map(|a| a.performers.iter().flat_map(|p| p.systems.iter()))
        .filter_map(|s| input.model.systems.get(&s.value))
        .collect();
    systems.sort_by(|a, b| a.id.cmp(&b.id));
    systems.dedup_by(|a, b| a.id == b.id);
    if systems.is_empty() {
        return String::new();
    }
    let pick = |want: Option<bool>| -> Vec<String> {
        systems.iter().filter(|s| property(s) == want).map(|s| s.name.clone()).collect()
    };
    let mut parts = Vec::new();
    for (want, words) in [(Some(false), no), (Some(true), yes)] {
        let found = pick(want);
        if !found.is_empty() {
            parts.push(format!("Systems that {words}: {}.", found.join("; ")));
        }
    }
    let unknown = pick(None);
    if !unknown.is_empty() {
        parts.push(format!("Not recorded for: {}.", unknown.join("; ")));
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_headings_are_the_roles_in_words_with_a_capital() {
        for role in [Role::Controller, Role::JointController, Role::Processor, Role::SubProcessor] {
            let words = role.in_words();
            let capital = format!("{}{}", words[..1].to_uppercase(), &words[1..]);
            assert_eq!(role_heading(role), capital);
        }
    }
}
