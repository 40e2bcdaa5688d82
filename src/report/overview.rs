//! The overview parts of the report: the opening summary, the list of
//! processing activities, the party × activity role matrix, processing in third
//! countries and the accepted risks.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::roles::Role;
use crate::rules::Severity;
use crate::source::Span;

use super::finding::{FindingView, severity_label};
use super::index::Index;
use super::refs::{ActivityRef, Names, PartyRef, Shared};

/// How many open findings "what needs action first" lists.
pub const ACTION_FIRST: usize = 5;
use crate::model::PartyId;

/// How many open findings of one severity.
#[derive(Clone, Debug, Serialize)]
pub struct SeverityCount {
    /// `critical`, …, also the CSS class.
    pub severity: String,
    /// The severity in words.
    pub label: String,
    /// The count.
    pub count: usize,
    /// The count and the severity in words of the report's language (`2
    /// critical`, `2 kritiska`).
    #[serde(skip)]
    pub counted: String,
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
    pub(super) fn new(
        input: &Names<'_>,
        findings: &[FindingView],
        sheets: &[&PartyId],
        index: &Index<'_>,
        bystanders: &[PartyRef],
        abroad: usize,
    ) -> Self {
        let model = input.model;
        let as_of = input.analysis.as_of;
        let running = model.activities.values().filter(|a| a.runs_on(as_of)).count();
        let open: Vec<&FindingView> = findings.iter().filter(|f| f.is_open()).collect();
        let counts = Severity::ALL
            .iter()
            .map(|&severity| {
                let count = open.iter().filter(|f| f.severity == severity.as_str()).count();
                let key = format!("summary-count-{}", severity.as_str());
                SeverityCount {
                    severity: severity.as_str().to_owned(),
                    label: severity_label(severity, input.lang),
                    counted: input.tr(&key, &[("count", count.into())]),
                    count,
                }
            })
            .collect();
        let accepted = findings.len() - open.len();
        let first: Vec<FindingView> = open.iter().take(ACTION_FIRST).map(|f| (*f).clone()).collect();
        let rest = open.len() - first.len();
        let roles = &input.analysis.roles;
        let groups = [
            ("summary-controllers", Role::Controller),
            ("summary-joint-controllers", Role::JointController),
            ("summary-processors", Role::Processor),
            ("summary-sub-processors", Role::SubProcessor),
        ];
        let by_role = groups
            .iter()
            .filter_map(|(title, role)| {
                // One pass over the roles per group, not one per sheet.
                let holders: BTreeSet<&str> =
                    roles.assignments().iter().filter(|a| a.role == *role).map(|a| a.party.as_str()).collect();
                let mut parties: Vec<PartyRef> =
                    sheets.iter().filter(|p| holders.contains(p.as_str())).map(|p| input.party(p)).collect();
                parties.dedup();
                (!parties.is_empty()).then(|| RoleGroup { title: input.t(title), parties })
            })
            .collect();
        let mut without_role = bystanders.to_vec();
        // A sheet without roles is that of a party with findings only.
        without_role.extend(sheets.iter().filter(|p| !index.has_role(p)).map(|p| input.party(p)));
        without_role.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
        Self {
            activities: input.tr("report-summary-activities", &[("count", model.activities.len().into())]),
            activities_running: if running == model.activities.len() {
                input.tr("summary-running-all", &[("date", as_of.to_string().into())])
            } else {
                input.tr("summary-running", &[("count", running.into()), ("date", as_of.to_string().into())])
            },
            parties: input.tr("report-summary-parties", &[("count", model.parties.len().into())]),
            by_role,
            without_role,
            counts,
            open: input.tr("summary-open", &[("count", open.len().into())]),
            open_count: open.len(),
            open_noun: input.tr("summary-open-noun", &[("count", open.len().into())]),
            accepted: input.tr("report-summary-accepted", &[("count", accepted.into())]),
            abroad: match abroad {
                0 => String::new(),
                n => input.tr("summary-abroad", &[("count", n.into())]),
            },
            first,
            more: match rest {
                0 => String::new(),
                n => input.tr("summary-more", &[("count", n.into())]),
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

pub(super) fn activities(input: &Names<'_>) -> Vec<ActivityView> {
    let as_of = input.analysis.as_of;
    let roles = &input.analysis.roles;
    input
        .model
        .activities
        .values()
        .map(|activity| {
            let date = |key: &str, date: jiff::civil::Date| input.tr(key, &[("date", date.to_string().into())]);
            let status = if activity.runs_on(as_of) {
                date("activity-runs", as_of)
            } else {
                match (&activity.active_from, &activity.active_until) {
                    (Some(from), _) if from.value > as_of => date("activity-starts", from.value),
                    (_, Some(until)) => date("activity-ended", until.value),
                    _ => date("activity-not-running", as_of),
                }
            };
            let mut controllers: Vec<PartyRef> = roles.controllers(&activity.id).map(|p| input.party(p)).collect();
            controllers.dedup();
            let processors = roles
                .in_activity(&activity.id)
                .iter()
                .filter_map(|a| {
                    let principal = a.on_behalf_of.as_ref()?;
                    let args = [
                        ("party", input.party_name(&a.party).into()),
                        ("role", crate::render::roles::role(a.role, input.lang).into()),
                        ("principal", input.party_name(principal).into()),
                    ];
                    Some(input.tr("activity-processor", &args))
                })
                .collect();
            let informs = match &activity.informs_subjects {
                None => input.t("not-recorded"),
                Some(list) if list.value.is_empty() => input.t("nobody"),
                Some(list) => {
                    list.value.iter().map(|p| input.party_name(&p.value).to_owned()).collect::<Vec<_>>().join(", ")
                }
            };
            ActivityView {
                activity: input.activity(&activity.id),
                purpose: activity.purpose.clone().unwrap_or_else(|| input.t("not-recorded")),
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

/// The most activities for which the HTML and Markdown reports draw the
/// party × activity grid. A grid is read across and down; past about sixty
/// columns nobody can, and its size grows with parties × activities (hundreds of
/// megabytes on a regional model). Above it the report says so in a sentence
/// and leaves each party's roles to its duty sheet, which lists them activity by
/// activity. The JSON matrix is sparse whatever the size.
pub const MATRIX_MAX_ACTIVITIES: usize = 60;

/// One cell of the matrix: the roles a party holds in one activity.
#[derive(Clone, Debug, Serialize)]
pub struct Cell {
    /// The activity's id.
    pub activity: Shared,
    /// Whether the activity does not run on the evaluation date.
    pub ended: bool,
    /// The roles the party holds in the activity; empty only in the grid's
    /// cells for activities in which it holds none.
    pub roles: Vec<CellRole>,
}

/// One row of the matrix: a party and its roles.
#[derive(Clone, Debug, Serialize)]
pub struct MatrixRow {
    /// The party.
    pub party: PartyRef,
    /// In [`Matrix::rows`], one cell per activity in which the party holds a
    /// role, in the columns' order; in [`Matrix::grid`], one per column.
    pub cells: Vec<Cell>,
}

/// The party × activity role matrix.
#[derive(Clone, Debug, Serialize)]
pub struct Matrix {
    /// The activities, by id.
    pub columns: Vec<ActivityRef>,
    /// The parties with a role in some activity, by name, each with only the
    /// cells that hold a role: its size follows the roles, not parties ×
    /// activities.
    pub rows: Vec<MatrixRow>,
    /// The same rows with a cell for every column, for the HTML and Markdown
    /// grid; `None` above [`MATRIX_MAX_ACTIVITIES`] activities.
    #[serde(skip)]
    pub grid: Option<Vec<MatrixRow>>,
    /// Where there is no grid, the sentence that says why and where the roles
    /// are instead; empty where there is one.
    #[serde(skip)]
    pub instead: String,
}

impl Matrix {
    pub(super) fn new(input: &Names<'_>, index: &Index<'_>) -> Self {
        let activities = &input.model.activities;
        let columns: Vec<ActivityRef> = activities.keys().map(|a| input.activity(a)).collect();
        let mut rows: Vec<MatrixRow> = sparse_rows(input, index, &columns);
        rows.sort_by(|a, b| (&a.party.name, &a.party.id).cmp(&(&b.party.name, &b.party.id)));
        let (grid, instead) = if columns.len() <= MATRIX_MAX_ACTIVITIES {
            let column_of: std::collections::HashMap<&str, usize> =
                columns.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
            let grid = rows
                .iter()
                .map(|row| {
                    let mut cells: Vec<Cell> = columns
                        .iter()
                        .map(|c| Cell { activity: c.id.clone(), ended: !c.running, roles: Vec::new() })
                        .collect();
                    for cell in &row.cells {
                        if let Some(slot) = column_of.get(cell.activity.as_str()).and_then(|&i| cells.get_mut(i)) {
                            slot.roles.clone_from(&cell.roles);
                        }
                    }
                    MatrixRow { party: row.party.clone(), cells }
                })
                .collect();
            (Some(grid), String::new())
        } else {
            let instead = input.tr("matrix-instead", &[("count", columns.len().into())]);
            (None, instead)
        };
        Self { columns, rows, grid, instead }
    }
}

/// One row per party with a role, in the model's order, holding only the cells
/// with a role: each party's roles are grouped by activity in one pass over them.
fn sparse_rows(input: &Names<'_>, index: &Index<'_>, columns: &[ActivityRef]) -> Vec<MatrixRow> {
    let activities = &input.model.activities;
    input
        .model
        .parties
        .keys()
        .filter(|party| index.has_role(party))
        .map(|party| {
            let mut cells: Vec<(usize, Cell)> = Vec::new();
            for assignment in index.roles_of(party) {
                let role = cell_role(input, assignment);
                match cells.last_mut() {
                    Some((_, cell)) if cell.activity == assignment.activity.as_str() => cell.roles.push(role),
                    _ => {
                        let column = activities.get_index_of(&assignment.activity).unwrap_or(usize::MAX);
                        let (activity, ended) = match columns.get(column) {
                            Some(c) => (c.id.clone(), !c.running),
                            None => (assignment.activity.as_str().into(), true),
                        };
                        let cell = Cell { activity, ended, roles: vec![role] };
                        cells.push((column, cell));
                    }
                }
            }
            // The roles come by activity id; the columns are in the model's order.
            cells.sort_by_key(|(column, _)| *column);
            MatrixRow { party: input.party(party), cells: cells.into_iter().map(|(_, cell)| cell).collect() }
        })
        .collect()
}

fn cell_role(input: &Names<'_>, assignment: &crate::roles::Assignment) -> CellRole {
    let own = assignment.has_own_purposes();
    let class = match (assignment.role, own) {
        (Role::Controller, true) => "own",
        (Role::Controller, false) => "controller",
        (Role::JointController, _) => "joint",
        (Role::Processor, _) => "processor",
        (Role::SubProcessor, _) => "sub",
    };
    let code = crate::render::roles::code(assignment.role, own, input.lang);
    let role = crate::render::roles::role(assignment.role, input.lang);
    let title = match (&assignment.on_behalf_of, own) {
        (Some(principal), _) => {
            input.tr("cell-for", &[("role", role.into()), ("principal", input.party_name(principal).into())])
        }
        (None, true) => {
            input.tr("cell-own", &[("purposes", assignment.own_purposes().collect::<Vec<_>>().join("; ").into())])
        }
        (None, false) => role,
    };
    CellRole { code, class: class.to_owned(), title }
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

pub(super) fn abroad(input: &Names<'_>, index: &Index<'_>) -> Vec<AbroadView> {
    index
        .abroad()
        .all()
        .iter()
        .map(|item| AbroadView {
            party: input.party(&item.party),
            activity: input.activity(&item.activity),
            country: input.country_short(&item.country),
            exporter: item.exporter.as_ref().map(|e| input.party(e)),
            adequacy: match (&item.adequacy, &item.adequacy_not_covering) {
                (Some(instrument), _) => input.tr("abroad-adequacy", &[("instrument", instrument.to_string().into())]),
                (None, Some(instrument)) => {
                    input.tr("adequacy-not-covering", &[("instrument", instrument.to_string().into())])
                }
                (None, None) => input.tr("abroad-no-adequacy", &[("date", input.analysis.as_of.to_string().into())]),
            },
            tools: if item.tools.is_empty() { input.t("none-recorded") } else { item.tools.join(", ") },
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

pub(super) fn accepted(input: &Names<'_>, findings: &[FindingView]) -> Vec<AcceptedView> {
    // The findings each acceptance covers, found in one pass over the findings
    // rather than one per accepted risk; each list keeps the findings' order.
    let mut covered: BTreeMap<Span, Vec<String>> = BTreeMap::new();
    for (finding, view) in input.analysis.findings.iter().zip(findings) {
        if let Some(acceptance) = &finding.accepted {
            covered.entry(acceptance.span).or_default().push(view.number.clone());
        }
    }
    input
        .model
        .accepted_risks
        .iter()
        .map(|risk| {
            let covers = covered.get(&risk.span).cloned().unwrap_or_default();
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
