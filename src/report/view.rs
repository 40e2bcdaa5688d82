//! The report's view model: everything the HTML, Markdown and JSON reports show,
//! prepared once.
//!
//! [`View::build`] reads the model, its sources, the [`Analysis`] and the
//! reference data, and decides every word, count, order and anchor the report
//! shows. Templates then only loop, branch and escape: they never look anything
//! up, count or sort (style.md, "templates stay dumb"). Every list is sorted
//! here, by id or by the findings' own order, so the same model gives the same
//! view and byte-identical output.
//!
//! The parts that need more than a few lines live beside this module:
//! [`super::sheets`] (duty sheets), [`super::notify`] (who notifies whom),
//! [`super::ropa`] (the Art. 30 record) and [`super::diagram`] (the chain).

use serde::Serialize;

use crate::Analysis;
use crate::model::{ActivityId, Country, Model, PartyId};
use crate::reference::{Jurisdiction, Reference};
use crate::roles::Role;
use crate::rules::{Finding, Severity};
use crate::source::SourceMap;

use super::diagram::Diagram;
use super::notify::SystemNotifications;
use super::ropa::Records;
use super::sheets::PartySheet;

/// How many open findings "what needs action first" lists.
pub const ACTION_FIRST: usize = 5;

/// What a report is built from.
#[derive(Clone, Copy)]
pub struct Input<'a> {
    /// The model's name as the user gave it (its path).
    pub name: &'a str,
    /// The model.
    pub model: &'a Model,
    /// Its source files, for `file:line:column`.
    pub sources: &'a SourceMap,
    /// Its roles and findings as of a date.
    pub analysis: &'a Analysis<'a>,
    /// Reference data: countries, the EU/EEA, adequacy decisions, regimes.
    pub reference: &'a Reference,
}

impl Input<'_> {
    /// A reference to a party by id, with its name.
    pub(super) fn party(&self, id: &PartyId) -> PartyRef {
        PartyRef::new(self.model, id)
    }

    /// A reference to an activity by id, with its name and whether it runs.
    pub(super) fn activity(&self, id: &ActivityId) -> ActivityRef {
        let activity = self.model.activities.get(id);
        ActivityRef {
            id: id.to_string(),
            name: activity.map(|a| a.name.clone()).unwrap_or_else(|| id.to_string()),
            anchor: format!("activity-{id}"),
            running: activity.is_some_and(|a| a.runs_on(self.analysis.as_of)),
        }
    }

    /// A country in words with its standing on the evaluation date:
    /// `Thailand (TH), a third country`.
    pub(super) fn country(&self, country: &Country) -> String {
        let name = self.reference.country_name(country);
        match self.reference.jurisdiction(country, self.analysis.as_of) {
            Jurisdiction::Eea => format!("{name} ({country}), EU/EEA"),
            Jurisdiction::Adequate(decision) => {
                format!("{name} ({country}), third country with an adequacy decision ({})", decision.instrument)
            }
            Jurisdiction::ThirdCountry => {
                format!("{name} ({country}), third country with no adequacy decision in force")
            }
        }
    }

    /// The country's name and code only: `Thailand (TH)`.
    pub(super) fn country_short(&self, country: &Country) -> String {
        format!("{} ({country})", self.reference.country_name(country))
    }
}

/// The whole report, ready to render.
#[derive(Debug, Serialize)]
pub struct View {
    /// The model's name (its path as given).
    pub model: String,
    /// The evaluation date, `YYYY-MM-DD`.
    pub as_of: String,
    /// The tool and version that produced the report.
    pub generator: String,
    /// The opening summary.
    pub summary: Summary,
    /// The processing activities, sorted by id.
    pub activities: Vec<ActivityView>,
    /// The party × activity role matrix.
    pub matrix: Matrix,
    /// The chain as a diagram.
    pub diagram: Diagram,
    /// The chain drawn as inline SVG (our own markup, every model string escaped).
    #[serde(skip)]
    pub svg: String,
    /// The chain as a Mermaid flowchart, for the Markdown report.
    #[serde(skip)]
    pub mermaid: String,
    /// One duty sheet per party with a role or a finding, sorted by name.
    pub sheets: Vec<PartySheet>,
    /// Parties with no role and no finding, sorted by name.
    pub bystanders: Vec<PartyRef>,
    /// Who notifies whom, per system, if it is breached.
    pub notifications: Vec<SystemNotifications>,
    /// The Art. 30 records.
    pub records: Records,
    /// Processing in third countries.
    pub abroad: Vec<AbroadView>,
    /// Accepted risks.
    pub accepted: Vec<AcceptedView>,
    /// Every finding, most serious first, numbered.
    pub findings: Vec<FindingView>,
    /// The findings that name no party, shown in full in the index (every
    /// other finding is shown in its party's duty sheet).
    #[serde(skip)]
    pub unassigned: Vec<FindingView>,
}

impl View {
    /// Prepares the whole report.
    pub fn build(input: &Input<'_>) -> Self {
        let findings: Vec<FindingView> = input
            .analysis
            .findings
            .iter()
            .enumerate()
            .map(|(index, finding)| FindingView::new(input, index, finding))
            .collect();
        let diagram = Diagram::build(input);
        let svg = super::svg::render(&diagram);
        let mermaid = super::diagram::mermaid(&diagram);
        let sheets = super::sheets::build(input, &findings);
        let bystanders = {
            let mut list: Vec<PartyRef> = input
                .model
                .parties
                .keys()
                .filter(|id| !sheets.iter().any(|s| s.party.id == id.as_str()))
                .map(|id| input.party(id))
                .collect();
            list.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
            list
        };
        let abroad = abroad(input);
        Self {
            model: input.name.to_owned(),
            as_of: input.analysis.as_of.to_string(),
            generator: format!("ansvar {}", env!("CARGO_PKG_VERSION")),
            summary: Summary::new(input, &findings, &sheets, &bystanders, abroad.len()),
            activities: activities(input),
            matrix: Matrix::new(input),
            svg,
            mermaid,
            diagram,
            notifications: super::notify::build(input),
            records: super::ropa::build(input),
            accepted: accepted(input, &findings),
            sheets,
            bystanders,
            abroad,
            unassigned: findings.iter().filter(|f| f.party.is_none()).cloned().collect(),
            findings,
        }
    }
}

/// A party, named.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PartyRef {
    /// Its id.
    pub id: String,
    /// Its legal name.
    pub name: String,
    /// The HTML anchor of its duty sheet.
    #[serde(skip)]
    pub anchor: String,
}

impl PartyRef {
    /// The party `id`, named from the model (its id if the model lacks it).
    pub fn new(model: &Model, id: &PartyId) -> Self {
        let name = model.parties.get(id).map(|p| p.name.clone()).unwrap_or_else(|| id.to_string());
        Self { id: id.to_string(), name, anchor: format!("party-{id}") }
    }
}

/// An activity, named.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ActivityRef {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The HTML anchor of its entry in the activity list.
    #[serde(skip)]
    pub anchor: String,
    /// Whether it runs on the evaluation date.
    pub running: bool,
}

/// A piece of a sentence: plain text, or an id the sentence quotes (written in
/// backticks by the rules), shown as code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// The text.
    pub text: String,
    /// Whether it is quoted code (an id).
    pub code: bool,
}

/// Splits a sentence at its backticks: `` `medhelp` notified `imy` `` becomes
/// code, text, code. A sentence with an odd number of backticks is kept whole,
/// as text, rather than guessed at.
pub fn segments(text: &str) -> Vec<Segment> {
    let parts: Vec<&str> = text.split('`').collect();
    if parts.len().is_multiple_of(2) {
        return vec![Segment { text: text.to_owned(), code: false }];
    }
    parts
        .iter()
        .enumerate()
        .filter(|(_, part)| !part.is_empty())
        .map(|(index, part)| Segment { text: (*part).to_owned(), code: index % 2 == 1 })
        .collect()
}

/// A clause as a sentence: a capital first letter and a final full stop. The
/// rules write remediations as clauses ("encrypt the stored data …") because
/// the terminal prints them after `help:`; a report prints them on their own.
pub fn sentence(text: &str) -> String {
    let mut chars = text.trim().chars();
    let Some(first) = chars.next() else { return String::new() };
    let mut out: String = first.to_uppercase().chain(chars).collect();
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

/// A severity in words, for headings and chips.
pub fn severity_label(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "Critical",
        Severity::High => "High",
        Severity::Medium => "Medium",
        Severity::Low => "Low",
        Severity::Info => "Info",
    }
}

/// `1 finding`, `2 findings`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A secondary place a finding points at.
#[derive(Clone, Debug, Serialize)]
pub struct PlaceView {
    /// What is there.
    pub message: String,
    /// The message split for display.
    #[serde(skip)]
    pub segments: Vec<Segment>,
    /// `file:line:column`.
    pub location: String,
}

/// An accepted risk as it covers one finding.
#[derive(Clone, Debug, Serialize)]
pub struct AcceptanceView {
    /// Why it is accepted.
    pub justification: String,
    /// Who accepted it.
    pub accepted_by: String,
    /// Last day it holds.
    pub expires: String,
    /// Where the acceptance is written.
    pub location: String,
}

/// One finding, ready to show.
#[derive(Clone, Debug, Serialize)]
pub struct FindingView {
    /// Its number in this report, `F1`, `F2`, … in the findings' order.
    pub number: String,
    /// The HTML anchor.
    #[serde(skip)]
    pub anchor: String,
    /// The rule code.
    pub code: String,
    /// `critical`, `high`, `medium`, `low` or `info` (also the CSS class).
    pub severity: String,
    /// The severity in words.
    #[serde(skip)]
    pub severity_label: String,
    /// What was found.
    pub message: String,
    /// The message split for display.
    #[serde(skip)]
    pub message_segments: Vec<Segment>,
    /// The party that must act.
    pub party: Option<PartyRef>,
    /// The activity it concerns.
    pub activity: Option<ActivityRef>,
    /// The provisions it rests on, joined.
    pub provisions: String,
    /// Where in the YAML it shows.
    pub location: String,
    /// Other places that explain it.
    pub also: Vec<PlaceView>,
    /// The chain that brought the party in, by name, from the top down.
    pub chain: String,
    /// Why it matters (the rule's explanation).
    pub explanation: String,
    /// The explanation split for display.
    #[serde(skip)]
    pub explanation_segments: Vec<Segment>,
    /// What to do (the rule's remediation).
    pub remediation: String,
    /// The remediation split for display.
    #[serde(skip)]
    pub remediation_segments: Vec<Segment>,
    /// The acceptance, when an accepted risk covers it.
    pub accepted: Option<AcceptanceView>,
}

impl FindingView {
    fn new(input: &Input<'_>, index: usize, finding: &Finding) -> Self {
        let number = format!("F{}", index + 1);
        let rule = finding.rule();
        let chain: Vec<String> = finding.chain.iter().map(|p| input.party(p).name).collect();
        Self {
            anchor: format!("finding-{number}"),
            number,
            code: finding.code.to_owned(),
            severity: finding.severity.as_str().to_owned(),
            severity_label: severity_label(finding.severity).to_owned(),
            message: finding.message.clone(),
            message_segments: segments(&finding.message),
            party: finding.party.as_ref().map(|p| input.party(p)),
            activity: finding.activity.as_ref().map(|a| input.activity(a)),
            provisions: finding.provisions.join("; "),
            location: input.sources.location(finding.primary.span).to_string(),
            also: finding
                .labels
                .iter()
                .map(|l| PlaceView {
                    message: l.message.clone(),
                    segments: segments(&l.message),
                    location: input.sources.location(l.span).to_string(),
                })
                .collect(),
            chain: chain.join(" → "),
            explanation: rule.map(|r| r.explanation.to_owned()).unwrap_or_default(),
            explanation_segments: segments(rule.map(|r| r.explanation).unwrap_or_default()),
            remediation: rule.map(|r| sentence(r.remediation)).unwrap_or_default(),
            remediation_segments: segments(&rule.map(|r| sentence(r.remediation)).unwrap_or_default()),
            accepted: finding.accepted.as_ref().map(|a| AcceptanceView {
                justification: a.justification.clone(),
                accepted_by: a.accepted_by.clone(),
                expires: a.expires.to_string(),
                location: input.sources.location(a.span).to_string(),
            }),
        }
    }

    /// Whether no accepted risk covers it.
    pub fn is_open(&self) -> bool {
        self.accepted.is_none()
    }
}

/// How many open findings of one severity.
#[derive(Clone, Debug, Serialize)]
pub struct SeverityCount {
    /// `critical`, …, also the CSS class.
    pub severity: String,
    /// The severity in words.
    pub label: String,
    /// The count.
    pub count: usize,
}

/// The parties holding one kind of role somewhere.
#[derive(Clone, Debug, Serialize)]
pub struct RoleGroup {
    /// `Controllers`, `Joint controllers`, `Processors`, `Sub-processors`.
    pub title: String,
    /// The parties, sorted by name.
    pub parties: Vec<PartyRef>,
}

/// The opening summary.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    /// `9 processing activities`.
    pub activities: String,
    /// `8 of them run on 2019-02-18`.
    pub activities_running: String,
    /// `12 parties`.
    pub parties: String,
    /// The parties by the roles they hold (a party may appear under several).
    pub by_role: Vec<RoleGroup>,
    /// Parties with no role, by name.
    pub without_role: Vec<PartyRef>,
    /// Open findings by severity, most serious first, zero counts included.
    pub counts: Vec<SeverityCount>,
    /// `17 open findings`.
    pub open: String,
    /// The number of open findings.
    pub open_count: usize,
    /// `open finding` or `open findings`, to go with the number.
    pub open_noun: String,
    /// `No finding is covered by an accepted risk.`
    pub accepted: String,
    /// `3 performers process personal data in a third country.`, or empty.
    pub abroad: String,
    /// The open findings to act on first (the most serious).
    pub first: Vec<FindingView>,
    /// `12 more open findings are in the duty sheets`, or empty.
    pub more: String,
}

impl Summary {
    fn new(
        input: &Input<'_>,
        findings: &[FindingView],
        sheets: &[PartySheet],
        bystanders: &[PartyRef],
        abroad: usize,
    ) -> Self {
        let model = input.model;
        let as_of = input.analysis.as_of;
        let running = model.activities.values().filter(|a| a.runs_on(as_of)).count();
        let open: Vec<&FindingView> = findings.iter().filter(|f| f.is_open()).collect();
        let counts = Severity::ALL
            .iter()
            .map(|&severity| SeverityCount {
                severity: severity.as_str().to_owned(),
                label: severity_label(severity).to_owned(),
                count: open.iter().filter(|f| f.severity == severity.as_str()).count(),
            })
            .collect();
        let accepted = findings.len() - open.len();
        let first: Vec<FindingView> = open.iter().take(ACTION_FIRST).map(|f| (*f).clone()).collect();
        let rest = open.len() - first.len();
        let roles = &input.analysis.roles;
        let groups = [
            ("Controllers", Role::Controller),
            ("Joint controllers", Role::JointController),
            ("Processors", Role::Processor),
            ("Sub-processors", Role::SubProcessor),
        ];
        let by_role = groups
            .iter()
            .filter_map(|(title, role)| {
                let mut parties: Vec<PartyRef> = sheets
                    .iter()
                    .filter(|s| roles.assignments.iter().any(|a| a.role == *role && a.party.as_str() == s.party.id))
                    .map(|s| s.party.clone())
                    .collect();
                parties.dedup();
                (!parties.is_empty()).then(|| RoleGroup { title: (*title).to_owned(), parties })
            })
            .collect();
        let mut without_role = bystanders.to_vec();
        without_role.extend(sheets.iter().filter(|s| s.roles.is_empty()).map(|s| s.party.clone()).collect::<Vec<_>>());
        without_role.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
        Self {
            activities: count(model.activities.len(), "processing activity", "processing activities"),
            activities_running: match running {
                n if n == model.activities.len() => format!("all run on {as_of}"),
                1 => format!("1 of them runs on {as_of}"),
                n => format!("{n} of them run on {as_of}"),
            },
            parties: count(model.parties.len(), "party", "parties"),
            by_role,
            without_role,
            counts,
            open: count(open.len(), "open finding", "open findings"),
            open_count: open.len(),
            open_noun: if open.len() == 1 { "open finding" } else { "open findings" }.to_owned(),
            accepted: match accepted {
                0 => "No finding is covered by an accepted risk.".to_owned(),
                1 => "1 finding is covered by an accepted risk.".to_owned(),
                n => format!("{n} findings are covered by an accepted risk."),
            },
            abroad: match abroad {
                0 => String::new(),
                1 => "1 performer processes personal data in a third country.".to_owned(),
                n => format!("{n} performers process personal data in a third country."),
            },
            first,
            more: match rest {
                0 => String::new(),
                n => format!(
                    "{} {} listed in the duty sheets and the index of findings.",
                    count(n, "more open finding", "more open findings"),
                    if n == 1 { "is" } else { "are" }
                ),
            },
        }
    }
}

/// One processing activity.
#[derive(Clone, Debug, Serialize)]
pub struct ActivityView {
    /// The activity.
    pub activity: ActivityRef,
    /// Why it takes place; `not recorded` if the model does not say.
    pub purpose: String,
    /// `runs on 2019-02-18`, `ended on 2017-08-31`, `starts on …`.
    pub status: String,
    /// The data it processes, in words.
    pub data: String,
    /// Its data subjects.
    pub subjects: String,
    /// Its controllers (sole or joint), by name.
    pub controllers: Vec<PartyRef>,
    /// `Medicall Co Ltd (processor for MedHelp AB)`, one per processing role.
    pub processors: Vec<String>,
    /// Who informs the data subjects, in words.
    pub informs: String,
    /// Free text from the model.
    pub notes: String,
}

fn activities(input: &Input<'_>) -> Vec<ActivityView> {
    let as_of = input.analysis.as_of;
    let roles = &input.analysis.roles;
    input
        .model
        .activities
        .values()
        .map(|activity| {
            let status = if activity.runs_on(as_of) {
                format!("runs on {as_of}")
            } else {
                match (&activity.active_from, &activity.active_until) {
                    (Some(from), _) if from.value > as_of => format!("starts on {}", from.value),
                    (_, Some(until)) => format!("ended on {}", until.value),
                    _ => format!("does not run on {as_of}"),
                }
            };
            let mut controllers: Vec<PartyRef> = roles.controllers(&activity.id).map(|p| input.party(p)).collect();
            controllers.dedup();
            let processors = roles
                .in_activity(&activity.id)
                .iter()
                .filter_map(|a| {
                    let principal = a.on_behalf_of.as_ref()?;
                    Some(format!("{} ({} for {})", input.party(&a.party).name, a.role, input.party(principal).name))
                })
                .collect();
            let informs = match &activity.informs_subjects {
                None => "not recorded".to_owned(),
                Some(list) if list.value.is_empty() => "nobody".to_owned(),
                Some(list) => list.value.iter().map(|p| input.party(&p.value).name).collect::<Vec<_>>().join(", "),
            };
            ActivityView {
                activity: input.activity(&activity.id),
                purpose: activity.purpose.clone().unwrap_or_else(|| "not recorded".to_owned()),
                status,
                data: super::ropa::data_in_words(input, activity),
                subjects: super::ropa::subjects_of(input, activity).join(", "),
                controllers,
                processors,
                informs,
                notes: activity.notes.clone().unwrap_or_default(),
            }
        })
        .collect()
}

/// One role in one cell of the matrix.
#[derive(Clone, Debug, Serialize)]
pub struct CellRole {
    /// `C`, `JC`, `P`, `SP`, `C*`.
    pub code: String,
    /// The CSS class: `controller`, `joint`, `processor`, `sub`, `own`.
    #[serde(skip)]
    pub class: String,
    /// In words: `processor for MedHelp AB`.
    pub title: String,
}

/// One cell of the matrix.
#[derive(Clone, Debug, Serialize)]
pub struct Cell {
    /// The roles the party holds in the activity; empty for none.
    pub roles: Vec<CellRole>,
    /// Whether the activity does not run on the evaluation date.
    #[serde(skip)]
    pub ended: bool,
}

/// One row of the matrix: a party and its roles in each activity.
#[derive(Clone, Debug, Serialize)]
pub struct MatrixRow {
    /// The party.
    pub party: PartyRef,
    /// One cell per column.
    pub cells: Vec<Cell>,
}

/// The party × activity role matrix.
#[derive(Clone, Debug, Serialize)]
pub struct Matrix {
    /// The activities, by id.
    pub columns: Vec<ActivityRef>,
    /// The parties with a role in some activity, by name.
    pub rows: Vec<MatrixRow>,
}

impl Matrix {
    fn new(input: &Input<'_>) -> Self {
        let roles = &input.analysis.roles;
        let columns: Vec<ActivityRef> = input.model.activities.keys().map(|a| input.activity(a)).collect();
        let mut rows: Vec<MatrixRow> = input
            .model
            .parties
            .keys()
            .filter(|p| roles.of_party(p).next().is_some())
            .map(|party| MatrixRow {
                party: input.party(party),
                cells: input
                    .model
                    .activities
                    .keys()
                    .map(|activity| Cell {
                        roles: roles.of(party, activity).iter().map(|a| cell_role(input, a)).collect(),
                        ended: !input.activity(activity).running,
                    })
                    .collect(),
            })
            .collect();
        rows.sort_by(|a, b| (&a.party.name, &a.party.id).cmp(&(&b.party.name, &b.party.id)));
        Self { columns, rows }
    }
}

fn cell_role(input: &Input<'_>, assignment: &crate::roles::Assignment) -> CellRole {
    let own = !assignment.own_purposes.is_empty();
    let (code, class) = match (assignment.role, own) {
        (Role::Controller, true) => ("C*", "own"),
        (Role::Controller, false) => ("C", "controller"),
        (Role::JointController, _) => ("JC", "joint"),
        (Role::Processor, _) => ("P", "processor"),
        (Role::SubProcessor, _) => ("SP", "sub"),
    };
    let title = match (&assignment.on_behalf_of, own) {
        (Some(principal), _) => format!("{} for {}", assignment.role, input.party(principal).name),
        (None, true) => format!("controller for its own purposes: {}", assignment.own_purposes.join("; ")),
        (None, false) => assignment.role.to_string(),
    };
    CellRole { code: code.to_owned(), class: class.to_owned(), title }
}

/// A performer processing in a third country.
#[derive(Clone, Debug, Serialize)]
pub struct AbroadView {
    /// The performer (the importer).
    pub party: PartyRef,
    /// The activity.
    pub activity: ActivityRef,
    /// The country and its standing.
    pub country: String,
    /// The party it processes for (the exporter), if any.
    pub exporter: Option<PartyRef>,
    /// `adequacy decision …` or `no adequacy decision`.
    pub adequacy: String,
    /// Transfer tools in agreements in force, or `none recorded`.
    pub tools: String,
}

fn abroad(input: &Input<'_>) -> Vec<AbroadView> {
    let found =
        crate::abroad::processing_abroad(input.model, &input.analysis.graph, input.reference, input.analysis.as_of);
    found
        .iter()
        .map(|item| AbroadView {
            party: input.party(&item.party),
            activity: input.activity(&item.activity),
            country: input.country_short(&item.country),
            exporter: item.exporter.as_ref().map(|e| input.party(e)),
            adequacy: match &item.adequacy {
                Some(instrument) => format!("adequacy decision: {instrument}"),
                None => format!("no adequacy decision in force on {}", input.analysis.as_of),
            },
            tools: if item.tools.is_empty() { "none recorded".to_owned() } else { item.tools.join(", ") },
        })
        .collect()
}

/// An accepted risk, with the findings it covers.
#[derive(Clone, Debug, Serialize)]
pub struct AcceptedView {
    /// The rule code it accepts.
    pub rule: String,
    /// The party it is limited to; `None` for every party.
    pub party: Option<PartyRef>,
    /// The activity it is limited to; `None` for every activity.
    pub activity: Option<ActivityRef>,
    /// Why the risk is accepted.
    pub justification: String,
    /// Who accepted it.
    pub accepted_by: String,
    /// Last day it holds.
    pub expires: String,
    /// Whether it has expired on the evaluation date.
    pub expired: bool,
    /// The numbers of the findings it covers (`F3`).
    pub covers: Vec<String>,
    /// Where it is written.
    pub location: String,
}

fn accepted(input: &Input<'_>, findings: &[FindingView]) -> Vec<AcceptedView> {
    input
        .model
        .accepted_risks
        .iter()
        .map(|risk| {
            let covers = input
                .analysis
                .findings
                .iter()
                .zip(findings)
                .filter(|(finding, _)| finding.accepted.as_ref().is_some_and(|a| a.span == risk.span))
                .map(|(_, view)| view.number.clone())
                .collect();
            AcceptedView {
                rule: risk.rule.value.clone(),
                party: risk.party.as_ref().map(|p| input.party(&p.value)),
                activity: risk.activity.as_ref().map(|a| input.activity(&a.value)),
                justification: risk.justification.clone(),
                accepted_by: risk.accepted_by.clone(),
                expires: risk.expires.value.to_string(),
                expired: risk.expires.value < input.analysis.as_of,
                covers,
                location: input.sources.location(risk.span).to_string(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backticks_become_code_segments() {
        let parts = segments("`medhelp` notified `imy` late");
        assert_eq!(
            parts,
            vec![
                Segment { text: "medhelp".into(), code: true },
                Segment { text: " notified ".into(), code: false },
                Segment { text: "imy".into(), code: true },
                Segment { text: " late".into(), code: false },
            ]
        );
    }

    #[test]
    fn clauses_become_sentences() {
        assert_eq!(sentence("encrypt the data"), "Encrypt the data.");
        assert_eq!(sentence("Done."), "Done.");
        assert_eq!(sentence(""), "");
    }

    #[test]
    fn an_unbalanced_backtick_keeps_the_sentence_whole() {
        assert_eq!(segments("a ` b"), vec![Segment { text: "a ` b".into(), code: false }]);
    }
}
