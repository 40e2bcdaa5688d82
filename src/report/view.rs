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
//! The parts live beside this module: [`super::finding`] (findings as shown),
//! [`super::overview`] (summary, activities, matrix, abroad, accepted risks),
//! [`super::sheets`] (duty sheets), [`super::notify`] (who notifies whom),
//! [`super::ropa`] (the Art. 30 record) and [`super::diagram`] (the chain).

use serde::Serialize;

use crate::Analysis;
use crate::model::{ActivityId, Country, Model, PartyId};
use crate::reference::{Jurisdiction, Reference};
use crate::source::SourceMap;

use super::diagram::Diagram;
pub use super::finding::{AcceptanceView, FindingView, PlaceView, Segment, segments, sentence, severity_label};
use super::index::Index;
use super::notify::SystemNotifications;
pub use super::overview::{
    AbroadView, AcceptedView, ActivityView, Cell, CellRole, MATRIX_MAX_ACTIVITIES, Matrix, MatrixRow, RoleGroup,
    SeverityCount, Summary,
};
use super::overview::{abroad, accepted, activities};
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
    /// The party × activity role matrix: sparse rows, and the full grid up to
    /// [`MATRIX_MAX_ACTIVITIES`] activities.
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
        let index = Index::build(input);
        let diagram = Diagram::build(input);
        let svg = super::svg::render(&diagram);
        let mermaid = super::diagram::mermaid(&diagram);
        let sheets = super::sheets::build(input, &findings, &index);
        let bystanders = {
            // A party has a sheet exactly when it holds a role or a finding names it.
            let mut list: Vec<PartyRef> = input
                .model
                .parties
                .keys()
                .filter(|id| !index.has_role(id) && index.findings_of(id).is_empty())
                .map(|id| input.party(id))
                .collect();
            list.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
            list
        };
        let abroad = abroad(input, &index);
        Self {
            model: input.name.to_owned(),
            as_of: input.analysis.as_of.to_string(),
            generator: format!("ansvar {}", env!("CARGO_PKG_VERSION")),
            summary: Summary::new(input, &findings, &sheets, &bystanders, abroad.len()),
            activities: activities(input),
            matrix: Matrix::new(input, &index),
            svg,
            mermaid,
            diagram,
            notifications: super::notify::build(input),
            records: super::ropa::build_with(input, &index),
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
/// `1 finding`, `2 findings`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
