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
use super::refs::{ActivityRef, Input, Names, PartyRef, Phrase, Shared};

/// A fact about a party, as a label and a value.
#[derive(Clone, Debug, Serialize)]
pub struct Fact {
    /// What the fact is about.
    pub label: String,
    /// The fact.
    pub value: String,
}

/// A reason for a role, ready to show.
#[derive(Clone, Debug, Serialize)]
pub struct ReasonView {
    /// The fact and its consequence, for JSON; empty in a sheet drawn for
    /// HTML or Markdown, which show the [`ReasonView::segments`].
    pub text: String,
    /// The text split for display.
    #[serde(skip)]
    pub segments: Vec<Segment>,
    /// The provisions it rests on, joined.
    pub provisions: Shared,
    /// Where the fact is written, or empty.
    pub location: String,
}

/// A role the party holds in one activity.
#[derive(Clone, Debug, Serialize)]
pub struct RoleHeld {
    /// `Controller`, `Processor`, …
    pub role: String,
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
    /// it there and refers to it here (`ReferBack` in the view).
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
/// `view` gives the report's view of the finding at a position of
/// [`crate::Analysis::findings`] (the full report has them all drawn up; a
/// split page draws up its own); `index` finds the party's roles and findings,
/// so a sheet costs what it shows. `text` says whether the roles' reasons are
/// also rendered as plain text ([`ReasonView::text`]): JSON shows it, HTML
/// and Markdown show the segments only, and a reason is the costliest part
/// of a sheet to word.
pub(crate) fn sheet_of(
    input: &Names<'_>,
    index: &Index<'_>,
    party: &PartyId,
    text: bool,
    view: impl Fn(usize) -> Option<FindingView>,
) -> PartySheet {
    let against: Vec<FindingView> = index.findings_of(party).iter().filter_map(|&i| view(i)).collect();
    let about = index.findings_about(party);
    let held: Vec<&Assignment> = index.roles_of(party).collect();
    let mut sheet = sheet(input, party, &held, text, against);
    if !about.is_empty() {
        sheet.findings_line.push(' ');
        sheet.findings_line.push_str(&about_line(input, about));
    }
    sheet
}

/// "3 about its processing, for which MedHelp AB must act (F3, F5, F7)", of
/// the findings at these positions (numbered as [`FindingView`] numbers them).
fn about_line(input: &Names<'_>, about: &[usize]) -> String {
    let findings = &input.analysis.findings;
    let mut actors: Vec<&str> =
        about.iter().filter_map(|&i| findings.get(i)?.party.as_ref()).map(|p| input.party_name(p)).collect();
    actors.sort_unstable();
    actors.dedup();
    // At most a few numbers and names: a party deep in a long chain has a
    // finding about it from every link, and the sheet must stay small.
    const SHOWN: usize = 8;
    let shown = |total: usize, first: &[&str]| -> String {
        let more = total.saturating_sub(SHOWN);
        let text = first.iter().take(SHOWN).copied().collect::<Vec<_>>().join(", ");
        if more > 0 { input.tr("list-and-more", &[("list", text.into()), ("more", more.into())]) } else { text }
    };
    let numbers: Vec<String> = about.iter().take(SHOWN).map(|i| format!("F{}", i + 1)).collect();
    let numbers = shown(about.len(), &numbers.iter().map(String::as_str).collect::<Vec<_>>());
    let count = about.len().into();
    if actors.is_empty() {
        input.tr("sheet-about", &[("count", count), ("numbers", numbers.into())])
    } else {
        input.tr(
            "sheet-about-actors",
            &[("count", count), ("actors", shown(actors.len(), &actors).into()), ("numbers", numbers.into())],
        )
    }
}

fn sheet(input: &Names<'_>, id: &PartyId, held: &[&Assignment], text: bool, findings: Vec<FindingView>) -> PartySheet {
    let open = findings.iter().filter(|f| f.is_open()).count();
    let accepted = findings.len() - open;
    let findings_line = match (open, accepted) {
        (0, 0) => input.t("sheet-findings-none"),
        (open, 0) => input.tr("sheet-findings-open", &[("open", open.into())]),
        (open, accepted) => {
            input.tr("sheet-findings-open-accepted", &[("open", open.into()), ("accepted", accepted.into())])
        }
    };
    PartySheet {
        party: input.party(id),
        facts: facts(input, id),
        notes: input.model.parties.get(id).and_then(|p| p.notes.clone()).unwrap_or_default(),
        roles: held.iter().map(|a| role_held(input, a, text)).collect(),
        duties: duties(input, id),
        finding_numbers: findings.iter().map(|f| f.number.clone()).collect(),
        findings,
        findings_line,
    }
}

fn yes_no_unknown(input: &Names<'_>, value: Option<bool>, yes: &str, no: &str) -> String {
    input.t(match value {
        Some(true) => yes,
        Some(false) => no,
        None => "not-recorded",
    })
}

fn facts(input: &Names<'_>, id: &PartyId) -> Vec<Fact> {
    let Some(party) = input.model.parties.get(id) else { return Vec::new() };
    let fact = |label: &str, value: String| Fact { label: input.t(label), value };
    let mut facts = vec![
        fact("fact-kind", input.t(&format!("party-kind-{}", party.kind.value.as_str()))),
        fact("fact-established", input.country(&party.country.value)),
    ];
    if let Some(number) = &party.org_number {
        facts.push(fact("fact-org-number", number.clone()));
    }
    if let Some(owner) = &party.owned_by {
        facts.push(fact("fact-owned-by", input.party_name(&owner.value).to_owned()));
    }
    facts.push(fact("fact-public-body", input.t(if party.public_body { "yes" } else { "no" })));
    let regimes: Vec<String> = party
        .subject_to
        .iter()
        .map(|r| {
            input.reference.regime(&r.value).map_or_else(|| r.value.to_string(), |g| g.name_in(input.lang).to_owned())
        })
        .collect();
    let bound = if regimes.is_empty() { input.t("fact-no-regime") } else { regimes.join("; ") };
    facts.push(fact("fact-bound-by", bound));
    facts.push(fact(
        "fact-dpo",
        yes_no_unknown(input, party.dpo.as_ref().map(|d| d.value), "dpo-designated", "dpo-none"),
    ));
    facts.push(fact(
        "fact-records",
        yes_no_unknown(input, party.keeps_records.as_ref().map(|k| k.value), "records-kept", "records-not-kept"),
    ));
    if let Some(employees) = party.employees {
        facts.push(fact("fact-employees", employees.to_string()));
    }
    // The Art. 3 and Art. 37(1)(c) facts, where the model records them.
    for (label, value, yes, no) in [
        ("fact-eu-establishment", party.eu_establishment, "yes", "none"),
        ("fact-targets-eu", party.targets_eu_subjects, "yes", "no"),
        ("fact-monitors-eu", party.monitors_eu_subjects, "yes", "no"),
        ("fact-core-special", party.core_activities_special_categories, "yes", "no"),
    ] {
        if let Some(value) = value {
            facts.push(fact(label, input.t(if value { yes } else { no })));
        }
    }
    facts
}

fn role_held(input: &Names<'_>, assignment: &Assignment, text: bool) -> RoleHeld {
    let qualifier = match (&assignment.on_behalf_of, !assignment.has_own_purposes()) {
        (Some(principal), _) => {
            let principal = input.party_name(principal);
            // A sub-processor's chain runs on to the controller it ultimately serves.
            if assignment.chain.len() > 1 {
                let rest = crate::diag::elided_chain_by(&assignment.chain[1..], |p| input.party_name(p).to_owned());
                input.tr("qualifier-for-chain", &[("principal", principal.into()), ("chain", rest.into())])
            } else {
                input.tr("qualifier-for", &[("principal", principal.into())])
            }
        }
        (None, false) => {
            input.tr("qualifier-own", &[("purposes", assignment.own_purposes().collect::<Vec<_>>().join("; ").into())])
        }
        (None, true) => String::new(),
    };
    RoleHeld {
        role: role_heading(assignment.role, input.lang),
        activity: input.activity(&assignment.activity),
        qualifier,
        reasons: assignment
            .reasons()
            .map(|r| ReasonView {
                text: if text { crate::render::message(&r.message, input.lang) } else { String::new() },
                segments: named_message(input, &r.message),
                provisions: reason_provisions(r.provisions, input.lang),
                location: r.span.map(|s| input.sources.location_text(s)).unwrap_or_default(),
            })
            .collect(),
    }
}

/// A role in words with a capital, as a heading: `Joint controller`. Every
/// role a sheet shows has one, so the four of each language are worded once.
fn role_heading(role: Role, lang: crate::render::Lang) -> String {
    use std::sync::OnceLock;
    static HEADINGS: [OnceLock<[String; 4]>; 2] = [OnceLock::new(), OnceLock::new()];
    let headings = HEADINGS[lang as usize]
        .get_or_init(|| Role::ALL.map(|role| super::finding::capitalised(&crate::render::roles::role(role, lang))));
    headings[role.index()].clone()
}

/// The provisions a role's reason rests on, joined ([`crate::render::provisions`]).
/// They are one of a few lists written into the code ([`crate::roles::Reason::provisions`]),
/// so a list is known by where it lies: each is joined once per thread and
/// language, then shared.
fn reason_provisions(list: &'static [&'static str], lang: crate::render::Lang) -> Shared {
    use std::cell::RefCell;
    /// A list by its address and length, and the language.
    type Key = (usize, usize, crate::render::Lang);
    thread_local! {
        static JOINED: RefCell<Vec<(Key, Shared)>> = const { RefCell::new(Vec::new()) };
    }
    let key: Key = (list.as_ptr() as usize, list.len(), lang);
    JOINED.with(|joined| {
        let mut joined = joined.borrow_mut();
        if let Some((_, text)) = joined.iter().find(|(k, _)| *k == key) {
            return text.clone();
        }
        let text = Shared::from(crate::render::provisions(list, lang));
        joined.push((key, text.clone()));
        text
    })
}

/// The words of one obligation: its title and what it requires of this party,
/// the messages `duty-<kind>-title` and `duty-<kind>` of `report.ftl`.
fn words(input: &Names<'_>, obligation: &Obligation, names: String) -> (String, Phrase) {
    let key = match obligation.kind {
        Kind::ControllerNotReached => "controller-not-reached",
        Kind::Accountability => "accountability",
        Kind::InformationToDataSubjects => "information-to-data-subjects",
        Kind::JointControllerArrangement => "joint-controller-arrangement",
        Kind::ChoiceOfProcessors => "choice-of-processors",
        Kind::ControllerRecord => "controller-record",
        Kind::Security => "security",
        Kind::BreachToAuthority => "breach-to-authority",
        Kind::BreachToDataSubjects => "breach-to-data-subjects",
        Kind::ImpactAssessment => "impact-assessment",
        Kind::ProcessingOnInstructions => "processing-on-instructions",
        Kind::SubProcessors => "sub-processors",
        Kind::ProcessorRecord => "processor-record",
        Kind::BreachToPrincipal => "breach-to-principal",
        Kind::DataProtectionOfficer => "data-protection-officer",
        Kind::EuRepresentative => "eu-representative",
        Kind::CareProviderAsController => "care-provider-as-controller",
        Kind::AccessLogs => "access-logs",
        Kind::InformationToPatient => "information-to-patient",
        Kind::PatientDataBackups => "patient-data-backups",
        Kind::AccessAnalysis => "access-analysis",
        Kind::LogReview => "log-review",
        Kind::StrongAuthentication => "strong-authentication",
    };
    let title = input.t(&format!("duty-{key}-title"));
    let text = match obligation.kind {
        Kind::SubProcessors => {
            let engaging = if obligation.counterparts.is_empty() {
                input.t("duty-sub-processors-none")
            } else {
                input.tr("duty-sub-processors-some", &[("names", names.into())])
            };
            input.tr("duty-sub-processors", &[("engaging", engaging.into())])
        }
        Kind::EuRepresentative => {
            let why = if obligation.certainty == Certainty::Inferred {
                "duty-eu-representative-unless-exempt"
            } else {
                "duty-eu-representative-large-scale"
            };
            input.tr("duty-eu-representative", &[("why", input.t(why).into())])
        }
        Kind::DataProtectionOfficer => {
            let why = if obligation.triggers.contains(&Trigger::PublicBody) {
                "duty-data-protection-officer-public"
            } else if obligation.certainty == Certainty::Inferred {
                "duty-data-protection-officer-likely"
            } else {
                "duty-data-protection-officer-core"
            };
            input.tr("duty-data-protection-officer", &[("why", input.t(why).into())])
        }
        _ => input.tr(&format!("duty-{key}"), &[("names", names.into())]),
    };
    (title, Phrase::Owned(text))
}

/// What the model records that bears on an obligation, in words, or empty.
fn recorded(input: &Names<'_>, obligation: &Obligation) -> Phrase {
    match &obligation.recorded {
        Recorded::Nothing => Phrase::Borrowed(""),
        Recorded::Informs { yes, no, unknown } => {
            let mut parts = Vec::new();
            for (found, key) in
                [(yes, "recorded-informs-yes"), (no, "recorded-informs-no"), (unknown, "recorded-informs-unknown")]
            {
                if !found.is_empty() {
                    let names: Vec<&str> = found.iter().map(|a| input.activity_name(a)).collect();
                    parts.push(input.tr(key, &[("activities", names.join("; ").into())]));
                }
            }
            Phrase::Owned(parts.join(" "))
        }
        Recorded::KeepsRecords { value } => Phrase::Owned(input.t(match value {
            Some(true) => "recorded-records-kept",
            Some(false) => "recorded-records-not-kept",
            None => "recorded-records-unknown",
        })),
        Recorded::Dpo { value } => Phrase::Owned(input.t(match value {
            Some(true) => "recorded-dpo-yes",
            Some(false) => "recorded-dpo-no",
            None => "recorded-dpo-unknown",
        })),
        Recorded::EuRepresentative { value } => Phrase::Owned(input.t(match value {
            Some(true) => "recorded-eu-representative-yes",
            Some(false) => "recorded-eu-representative-no",
            None => "recorded-eu-representative-unknown",
        })),
        Recorded::Deadlines { duties } => {
            let deadlines: Vec<String> = duties
                .iter()
                .filter_map(|duty| match &duty.to {
                    Recipient::Principal(principal) => {
                        let principal = input.party_name(principal).into();
                        let activity = input.activity_name(&duty.activity).into();
                        Some(match duty.within_hours {
                            Some(hours) => input.tr(
                                "recorded-deadline",
                                &[("principal", principal), ("hours", hours.into()), ("activity", activity)],
                            ),
                            None => {
                                input.tr("recorded-deadline-none", &[("principal", principal), ("activity", activity)])
                            }
                        })
                    }
                    _ => None,
                })
                .collect();
            if deadlines.is_empty() {
                Phrase::Borrowed("")
            } else {
                Phrase::Owned(input.tr("recorded-must-notify", &[("deadlines", deadlines.join("; ").into())]))
            }
        }
        Recorded::ProcessorsOutsideUnion { not_reached, unknown } => {
            let mut parts = Vec::new();
            for (found, key) in
                [(not_reached, "recorded-processors-not-reached"), (unknown, "recorded-processors-reach-unknown")]
            {
                if !found.is_empty() {
                    let names: Vec<&str> = found.iter().map(|id| input.party_name(id)).collect();
                    parts.push(input.tr(key, &[("names", names.join("; ").into())]));
                }
            }
            Phrase::Owned(parts.join(" "))
        }
        Recorded::Systems { yes, no, unknown } => {
            let which = match obligation.kind {
                Kind::AccessLogs => "log",
                Kind::AccessAnalysis => "analysis",
                Kind::LogReview => "review",
                Kind::StrongAuthentication => "authentication",
                _ => "backup",
            };
            let system_names = |ids: &[crate::model::SystemId]| -> String {
                let names: Vec<&str> =
                    ids.iter().map(|id| input.model.systems.get(id).map_or(id.as_str(), |s| s.name.as_str())).collect();
                names.join("; ")
            };
            let mut parts = Vec::new();
            for (found, answer) in [(no, "no"), (yes, "yes")] {
                if !found.is_empty() {
                    let key = format!("recorded-systems-{which}-{answer}");
                    parts.push(input.tr(&key, &[("systems", system_names(found).into())]));
                }
            }
            if !unknown.is_empty() {
                parts.push(input.tr("recorded-systems-unknown", &[("systems", system_names(unknown).into())]));
            }
            Phrase::Owned(parts.join(" "))
        }
    }
}

/// The keys of a title suffix and a sentence for an obligation that does not
/// bind the party by law itself, or `None` when it does.
fn basis_words(obligation: &Obligation) -> Option<(&'static str, &'static str)> {
    match obligation.basis {
        Basis::Statutory => None,
        Basis::ContractOnly => Some(("basis-contract-only", "basis-contract-only-why")),
        Basis::IfReached => Some(("basis-if-reached", "basis-if-reached-why")),
    }
}

/// The key of the caveat of a record of processing the Art. 30(5) exemption
/// may lift.
fn exemption_words(obligation: &Obligation) -> Option<&'static str> {
    let record = matches!(obligation.kind, Kind::ControllerRecord | Kind::ProcessorRecord);
    (record && obligation.certainty == Certainty::Inferred).then_some("record-exemption-caveat")
}

fn names(input: &Names<'_>, parties: &[PartyId]) -> String {
    let mut names: Vec<String> = parties.iter().map(|p| input.party_name(p).to_owned()).collect();
    names.sort();
    names.dedup();
    names.join(", ")
}

/// What a duty's title and text are worded from: the same key, the same
/// words, whichever party holds the duty ([`worded`]).
#[derive(Clone, PartialEq, Eq, Hash)]
struct Wording {
    lang: crate::render::Lang,
    kind: Kind,
    basis: Basis,
    certainty: Certainty,
    public_body: bool,
    no_counterpart: bool,
    /// The counterparts' names, as [`names`] joins them.
    names: String,
}

/// The most wordings a thread keeps: past it, it starts again.
const WORDINGS: usize = 4_096;

/// A duty's title and text ([`words`], with its basis and exemption
/// caveats). Most parties of a kind share them (a care provider's
/// accountability, a processor's duty to act on instructions), so each
/// distinct wording is made once per thread and then copied. The key holds
/// everything the words are made from, so a copy is what wording it again
/// would give.
fn worded(input: &Names<'_>, obligation: &Obligation) -> (Phrase, Phrase) {
    use foldhash::HashMap;
    use std::cell::RefCell;
    thread_local! {
        static WORDED: RefCell<HashMap<Wording, (Phrase, Phrase)>> = RefCell::new(HashMap::default());
    }
    let key = Wording {
        lang: input.lang,
        kind: obligation.kind,
        basis: obligation.basis,
        certainty: obligation.certainty,
        public_body: obligation.triggers.contains(&Trigger::PublicBody),
        no_counterpart: obligation.counterparts.is_empty(),
        names: names(input, &obligation.counterparts),
    };
    if let Some(found) = WORDED.with(|worded| worded.borrow().get(&key).cloned()) {
        return found;
    }
    let (title, text) = words(input, obligation, key.names.clone());
    let (title, text) = match basis_words(obligation) {
        Some((suffix, why)) => {
            (Phrase::Owned(format!("{title} ({})", input.t(suffix))), Phrase::Owned(format!("{text} {}", input.t(why))))
        }
        None => (Phrase::Owned(title), text),
    };
    let text = match exemption_words(obligation) {
        Some(caveat) => Phrase::Owned(format!("{text} {}", input.t(caveat))),
        None => text,
    };
    WORDED.with(|worded| {
        let mut worded = worded.borrow_mut();
        if worded.len() >= WORDINGS {
            worded.clear();
        }
        worded.insert(key, (title.clone(), text.clone()));
    });
    (title, text)
}

/// The party's obligations ([`crate::obligations::party`]), in words.
fn duties(input: &Names<'_>, party: &PartyId) -> Vec<Duty> {
    input
        .analysis
        .obligations_of(party)
        .iter()
        .map(|obligation| {
            let (title, text) = worded(input, obligation);
            let provisions: Vec<String> =
                obligation.provisions.iter().map(|p| crate::render::provision(p, input.lang)).collect();
            Duty {
                provisions: provisions.join(", "),
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
            assert_eq!(role_heading(role, crate::render::Lang::En), capital);
        }
    }
}
