//! Duty sheets: for each party, the roles it holds, the obligations those roles
//! bring with the provisions they rest on, and the findings against it.
//!
//! Which obligations apply, to which activities and why, is decided by the
//! obligations stage ([`crate::obligations::party`]); this module only says
//! them in words: a title, what each requires of this party, and what the
//! model records that bears on it.

use serde::Serialize;

use crate::model::PartyId;
use crate::obligations::notification::Recipient;
use crate::obligations::{Basis, Certainty, Kind, Obligation, Recorded, Trigger};
use crate::roles::{Assignment, Role};

use super::finding::{FindingView, Segment, named_message};
use super::index::Index;
use super::refs::{ActivityRef, Input, Names, PartyRef, Phrase};

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
    pub title: Phrase,
    /// What it requires of this party.
    pub text: Phrase,
    /// The activities it applies to.
    pub activities: Vec<ActivityRef>,
    /// What the model records that bears on it, or empty.
    pub recorded: Phrase,
    /// The earlier sheet that sets out the same text, when the report shows
    /// it there and refers to it here ([`super::view::View::draw`]).
    #[serde(skip)]
    pub same_as: Option<PartyRef>,
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
    let about: Vec<&FindingView> = index.findings_about(party).iter().filter_map(|&i| findings.get(i)).collect();
    let held: Vec<&Assignment> = index.roles_of(party).collect();
    let mut sheet = sheet(input, party, &held, against);
    if !about.is_empty() {
        sheet.findings_line.push(' ');
        sheet.findings_line.push_str(&about_line(&about));
    }
    sheet
}

/// "3 about its processing, for which MedHelp AB must act (F3, F5, F7)."
fn about_line(about: &[&FindingView]) -> String {
    let mut actors: Vec<&str> = about.iter().filter_map(|f| f.party.as_ref()).map(|p| p.name.as_str()).collect();
    actors.sort_unstable();
    actors.dedup();
    // At most a few numbers and names: a party deep in a long chain has a
    // finding about it from every link, and the sheet must stay small.
    const SHOWN: usize = 8;
    let shown = |items: Vec<&str>| -> String {
        let more = items.len().saturating_sub(SHOWN);
        let mut text = items.into_iter().take(SHOWN).collect::<Vec<_>>().join(", ");
        if more > 0 {
            text.push_str(&format!(" and {more} more"));
        }
        text
    };
    let numbers = shown(about.iter().map(|f| f.number.as_str()).collect());
    let who = if actors.is_empty() { String::new() } else { format!(", for which {} must act", shown(actors)) };
    format!("{} about its processing{who} ({numbers}).", about.len())
}

fn sheet(input: &Names<'_>, id: &PartyId, held: &[&Assignment], findings: Vec<FindingView>) -> PartySheet {
    let open = findings.iter().filter(|f| f.is_open()).count();
    let accepted = findings.len() - open;
    let findings_line = match (open, accepted) {
        (0, 0) => "No findings against this party.".to_owned(),
        (open, 0) => format!("{} against this party.", super::refs::count(open, "open finding", "open findings")),
        (open, accepted) => format!(
            "{} and {} against this party.",
            super::refs::count(open, "open finding", "open findings"),
            super::refs::count(accepted, "accepted finding", "accepted findings")
        ),
    };
    PartySheet {
        party: input.party(id),
        facts: facts(input, id),
        notes: input.model.parties.get(id).and_then(|p| p.notes.clone()).unwrap_or_default(),
        roles: held.iter().map(|a| role_held(input, a)).collect(),
        duties: duties(input, id),
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
    // The Art. 3 and Art. 37(1)(c) facts, where the model records them.
    for (label, value, yes, no) in [
        ("Establishment in the EU/EEA", party.eu_establishment, "yes", "none"),
        ("Offers goods or services to people in the Union", party.targets_eu_subjects, "yes", "no"),
        ("Monitors people in the Union", party.monitors_eu_subjects, "yes", "no"),
        (
            "Core activities: large-scale special-category processing",
            party.core_activities_special_categories,
            "yes",
            "no",
        ),
    ] {
        if let Some(value) = value {
            facts.push(fact(label, if value { yes } else { no }.to_owned()));
        }
    }
    facts
}

fn role_held(input: &Names<'_>, assignment: &Assignment) -> RoleHeld {
    let qualifier = match (&assignment.on_behalf_of, assignment.own_purposes.is_empty()) {
        (Some(principal), _) => {
            let mut text = format!("for {}", input.party_name(principal));
            // A sub-processor's chain runs on to the controller it ultimately serves.
            if assignment.chain.len() > 1 {
                let rest = crate::diag::elided_chain_by(&assignment.chain[1..], |p| input.party_name(p).to_owned());
                text.push_str(&format!(", which acts for {rest}"));
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
                text: crate::render::message(&r.message, input.lang),
                segments: named_message(input, &r.message),
                provisions: crate::render::provisions(r.provisions, input.lang),
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

/// The words of one obligation: its title and what it requires of this party.
fn words(input: &Names<'_>, obligation: &Obligation) -> (&'static str, Phrase) {
    let names = || names(input, &obligation.counterparts);
    match obligation.kind {
        Kind::Accountability => (
            "Accountability",
            Phrase::Borrowed(
                "Be responsible for, and able to demonstrate, compliance with the principles of Art. 5(1), through appropriate technical and organisational measures that are reviewed and kept up to date.",
            ),
        ),
        Kind::InformationToDataSubjects => (
            "Information to data subjects",
            Phrase::Borrowed(
                "Tell the data subjects who the controller is, the purposes and legal basis, the recipients, any transfer to a third country, how long the data are kept, and their rights: when the data are collected (Art. 13), or, when they come from elsewhere, within a reasonable period and at the latest within one month, or earlier at the first communication with the data subject or the first disclosure to another recipient (Art. 14(3)).",
            ),
        ),
        Kind::JointControllerArrangement => (
            "Arrangement between joint controllers",
            Phrase::Owned(format!(
                "Set out with {} in an arrangement who meets which duty, in particular towards the data subjects, and make its essence available to them.",
                names()
            )),
        ),
        Kind::ChoiceOfProcessors => (
            "Choice of processors",
            Phrase::Owned(format!(
                "Use only processors that give sufficient guarantees, each bound by a written contract with the terms of Art. 28(3). Its processors: {}.",
                names()
            )),
        ),
        Kind::ControllerRecord => (
            "Record of processing (controller)",
            Phrase::Borrowed(
                "Keep a written record of the processing under its responsibility: purposes, categories of data subjects and data, recipients, third-country transfers, time limits for erasure and a description of the security measures (see the record below).",
            ),
        ),
        Kind::Security => (
            "Security of processing",
            Phrase::Borrowed(
                "Ensure security appropriate to the risk, on its own systems and on those of its processors: encryption where appropriate, confidentiality, integrity, availability and resilience, the ability to restore data after an incident, and regular testing.",
            ),
        ),
        Kind::BreachToAuthority => (
            "Breach notification to the supervisory authority",
            Phrase::Borrowed(
                "Notify the supervisory authority of a personal-data breach without undue delay and, where feasible, within 72 hours of becoming aware of it, unless it is unlikely to result in a risk; document every breach (Art. 33(5)).",
            ),
        ),
        Kind::BreachToDataSubjects => (
            "Communication of a breach to data subjects",
            Phrase::Borrowed(
                "Tell the data subjects without undue delay when a breach is likely to result in a high risk to them; not required where the data were unintelligible to others, for example encrypted (Art. 34(3)(a)).",
            ),
        ),
        Kind::ImpactAssessment => (
            "Data protection impact assessment",
            Phrase::Borrowed(
                "Assess the impact of the processing on the protection of personal data before it starts: it processes special categories of data on a large scale.",
            ),
        ),
        Kind::ProcessingOnInstructions => (
            "Processing on instructions",
            Phrase::Owned(format!(
                "Process the data only on the documented instructions of {}, including on transfers to third countries, and keep the staff who handle them bound to confidentiality.",
                names()
            )),
        ),
        Kind::SubProcessors => {
            let engaging = if obligation.counterparts.is_empty() {
                "It engages no sub-processor in the model.".to_owned()
            } else {
                format!("It engages {}.", names())
            };
            (
                "Sub-processors",
                Phrase::Owned(format!(
                    "Engage another processor only with the controller's prior written authorisation, and bind it by contract to the same data-protection obligations; it remains liable for the sub-processor. {engaging}"
                )),
            )
        }
        Kind::ProcessorRecord => (
            "Record of processing (processor)",
            Phrase::Borrowed(
                "Keep a written record of the processing carried out for each controller: the controllers, the categories of processing, third-country transfers and a description of the security measures (see the record below).",
            ),
        ),
        Kind::BreachToPrincipal => (
            "Breach notification to the principal",
            Phrase::Borrowed(
                "Tell the party it acts for of a personal-data breach without undue delay after becoming aware of it; notifying the supervisory authority is the controller's duty, not the processor's.",
            ),
        ),
        Kind::DataProtectionOfficer => {
            let why = if obligation.triggers.contains(&Trigger::PublicBody) {
                "it is a public body"
            } else if obligation.certainty == Certainty::Inferred {
                "likely, as a care provider controlling large-scale processing of special categories of data; assess whether its core activities consist of such processing (Art. 37(1)(c)), a test of its own main business, not of every activity it takes part in"
            } else {
                "its core activities consist of processing special categories of data on a large scale, as the model records"
            };
            (
                "Data protection officer",
                Phrase::Owned(format!("Designate a data protection officer and publish the contact details: {why}.")),
            )
        }
        Kind::CareProviderAsController => (
            "Controller as care provider",
            Phrase::Borrowed(
                "As care provider (vårdgivare) it is controller of the processing of patient data it carries out; a contract cannot move that responsibility to another party.",
            ),
        ),
        Kind::AccessLogs => (
            "Access logs",
            Phrase::Borrowed(
                "Ensure that access to patient data is logged, and that the logs are reviewed systematically and regularly.",
            ),
        ),
        Kind::InformationToPatient => (
            "Information to the patient",
            Phrase::Borrowed(
                "Inform the patient about the processing of patient data, in addition to the information of Art. 13.",
            ),
        ),
        Kind::PatientDataBackups => (
            "Backups of patient data",
            Phrase::Borrowed(
                "Back up patient data at set intervals, keep the copies apart from the originals, and decide how long they are kept and how restoring is tested.",
            ),
        ),
        Kind::AccessAnalysis => (
            "Needs-and-risk analysis",
            Phrase::Borrowed(
                "Limit each user's access to patient data to what their work needs, from a documented analysis of the users' needs and the risks made before access rights are assigned (behovs- och riskanalys).",
            ),
        ),
        Kind::LogReview => (
            "Review of access logs",
            Phrase::Borrowed(
                "Check the access logs systematically and regularly, so that unauthorised access is found and followed up.",
            ),
        ),
        Kind::StrongAuthentication => (
            "Strong authentication",
            Phrase::Borrowed(
                "Where patient data are reached over a network the operator does not control, check each user's identity in at least two ways before access (for example a smart card such as SITHS, or multi-factor authentication); a password alone is not enough.",
            ),
        ),
    }
}

/// What the model records that bears on an obligation, in words, or empty.
fn recorded(input: &Names<'_>, obligation: &Obligation) -> Phrase {
    match &obligation.recorded {
        Recorded::Nothing => Phrase::Borrowed(""),
        Recorded::Informs { yes, no, unknown } => {
            let mut parts = Vec::new();
            for (found, words) in [
                (yes, "Recorded as informing the data subjects of"),
                (no, "Recorded as not informing the data subjects of"),
                (unknown, "Who informs is not recorded for"),
            ] {
                if !found.is_empty() {
                    let names: Vec<&str> = found.iter().map(|a| input.activity_name(a)).collect();
                    parts.push(format!("{words}: {}.", names.join("; ")));
                }
            }
            Phrase::Owned(parts.join(" "))
        }
        Recorded::KeepsRecords { value } => Phrase::Borrowed(match value {
            Some(true) => "The model records that it keeps records of processing.",
            Some(false) => "The model records that it keeps no records of processing.",
            None => "The model does not record whether it keeps records of processing.",
        }),
        Recorded::Dpo { value } => Phrase::Borrowed(match value {
            Some(true) => "The model records a designated DPO.",
            Some(false) => "The model records that no DPO is designated.",
            None => "The model does not record whether a DPO is designated.",
        }),
        Recorded::Deadlines { duties } => {
            let deadlines: Vec<String> = duties
                .iter()
                .filter_map(|duty| match &duty.to {
                    Recipient::Principal(principal) => Some(match duty.within_hours {
                        Some(hours) => {
                            format!(
                                "{} within {hours} hours ({})",
                                input.party_name(principal),
                                input.activity_name(&duty.activity)
                            )
                        }
                        None => format!(
                            "{} ({}, no deadline agreed)",
                            input.party_name(principal),
                            input.activity_name(&duty.activity)
                        ),
                    }),
                    _ => None,
                })
                .collect();
            if deadlines.is_empty() {
                Phrase::Borrowed("")
            } else {
                Phrase::Owned(format!("Must notify {}.", deadlines.join("; ")))
            }
        }
        Recorded::ProcessorsOutsideUnion { not_reached, unknown } => {
            let names = |ids: &[PartyId]| -> String {
                ids.iter().map(|id| input.party_name(id)).collect::<Vec<_>>().join("; ")
            };
            let mut parts = Vec::new();
            if !not_reached.is_empty() {
                parts.push(format!(
                    "Processors established outside the EU/EEA that the model records the GDPR does not reach (Art. 3): {}. The GDPR's processor duties bind them only through the contract you impose (Art. 28(3)); sending them data is a transfer that needs a ground in Chapter V (Art. 44); you answer for their processing.",
                    names(not_reached)
                ));
            }
            if !unknown.is_empty() {
                parts.push(format!(
                    "Processors established outside the EU/EEA, whether the GDPR reaches them not recorded (Art. 3): {}. Bind them by the Art. 28(3) contract either way; sending them data is a transfer (Art. 44).",
                    names(unknown)
                ));
            }
            Phrase::Owned(parts.join(" "))
        }
        Recorded::Systems { yes, no, unknown } => {
            let (yes_words, no_words) = match obligation.kind {
                Kind::AccessLogs => ("log access", "do not log access"),
                Kind::AccessAnalysis => ("assign access from such an analysis", "assign access without one"),
                Kind::LogReview => ("have their logs reviewed", "do not have their logs reviewed"),
                Kind::StrongAuthentication => {
                    ("require strong authentication", "are reached with a password alone or no authentication")
                }
                _ => ("are backed up", "are not backed up"),
            };
            let system_names = |ids: &[crate::model::SystemId]| -> String {
                let names: Vec<&str> =
                    ids.iter().map(|id| input.model.systems.get(id).map_or(id.as_str(), |s| s.name.as_str())).collect();
                names.join("; ")
            };
            let mut parts = Vec::new();
            for (found, words) in [(no, no_words), (yes, yes_words)] {
                if !found.is_empty() {
                    parts.push(format!("Systems that {words}: {}.", system_names(found)));
                }
            }
            if !unknown.is_empty() {
                parts.push(format!("Not recorded for: {}.", system_names(unknown)));
            }
            Phrase::Owned(parts.join(" "))
        }
    }
}

/// A title suffix and a sentence for an obligation that does not bind the
/// party by law itself, or `None` when it does.
fn basis_words(obligation: &Obligation) -> Option<(&'static str, &'static str)> {
    match obligation.basis {
        Basis::Statutory => None,
        Basis::ContractOnly => Some((
            "by contract only",
            "Binds it only through the contract its controller must impose (Art. 28(3)) and the transfer terms (Chapter V): the model records no establishment in the Union and no offering of services to, or monitoring of, people there, so the GDPR does not bind it directly (Art. 3(1), 3(2)); the controller answers for it.",
        )),
        Basis::IfReached => Some((
            "by contract; by law if the GDPR reaches it",
            "Binds it through the contract its controller must impose (Art. 28(3)); the GDPR binds it directly only if it has an establishment in the Union or offers services to, or monitors, people there (Art. 3(1), 3(2)), which the model does not record.",
        )),
    }
}

/// The caveat of a record of processing the Art. 30(5) exemption may lift.
fn exemption_words(obligation: &Obligation) -> Option<&'static str> {
    let record = matches!(obligation.kind, Kind::ControllerRecord | Kind::ProcessorRecord);
    (record && obligation.certainty == Certainty::Inferred).then_some(
        "Unless the Art. 30(5) exemption applies (fewer than 250 employees, processing that is occasional, not likely to result in a risk and of no special-category or criminal data), which the model cannot rule out.",
    )
}

fn names(input: &Names<'_>, parties: &[PartyId]) -> String {
    let mut names: Vec<String> = parties.iter().map(|p| input.party_name(p).to_owned()).collect();
    names.sort();
    names.dedup();
    names.join(", ")
}

/// The party's obligations ([`crate::obligations::party`]), in words.
fn duties(input: &Names<'_>, party: &PartyId) -> Vec<Duty> {
    input
        .analysis
        .obligations_of(party)
        .iter()
        .map(|obligation| {
            let (title, text) = words(input, obligation);
            let (title, text) = match basis_words(obligation) {
                Some((suffix, why)) => {
                    (Phrase::Owned(format!("{title} ({suffix})")), Phrase::Owned(format!("{text} {why}")))
                }
                None => (Phrase::Borrowed(title), text),
            };
            let text = match exemption_words(obligation) {
                Some(caveat) => Phrase::Owned(format!("{text} {caveat}")),
                None => text,
            };
            Duty {
                provisions: obligation.provisions.join(", "),
                title,
                text,
                activities: obligation.activities.iter().map(|a| input.activity(a)).collect(),
                recorded: recorded(input, obligation),
                same_as: None,
            }
        })
        .collect()
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
