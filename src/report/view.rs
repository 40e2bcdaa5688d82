//! The report's view model: everything the HTML, Markdown and JSON reports show,
//! prepared once.
//!
//! [`View::build`] reads the model, its sources, the [`Analysis`](crate::Analysis) and the
//! reference data, and decides every word, count, order and anchor the report
//! shows. Templates then only loop, branch and escape: they never look anything
//! up, count or sort (style.md, "templates stay dumb"). Every list is sorted
//! here, by id or by the findings' own order, so the same model gives the same
//! view and byte-identical output.
//!
//! The view costs what it shows. Model-wide lookups are made once
//! (`index`, `Names`); the duty sheets, the breach paths and the
//! records, the bulk of a big report, are planned here (which items, in which
//! order) and drawn up item by item as a template or the JSON writer takes them
//! ([`View::sheets`], [`View::notifications`], the record jobs).
//!
//! The parts live beside this module: [`super::finding`] (findings as shown),
//! [`super::overview`] (summary, activities, matrix, abroad, accepted risks),
//! [`super::sheets`] (duty sheets), [`super::notify`] (who notifies whom),
//! [`super::ropa`] (the Art. 30 record) and [`super::diagram`] (the chain).

use std::collections::HashMap;
use std::fmt;

use serde::Serialize;

use crate::model::PartyId;

use super::diagram::Diagram;
pub use super::finding::{AcceptanceView, FindingView, PlaceView, Segment, segments, sentence, severity_label};
use super::index::Index;
pub use super::memo::MemoView;
use super::notify::NotifyPlan;
use super::notify::SystemNotifications;
pub use super::overview::{
    AbroadView, AcceptedView, ActivityView, Cell, CellRole, MATRIX_MAX_ACTIVITIES, Matrix, MatrixRow, RoleGroup,
    SeverityCount, Summary,
};
use super::overview::{abroad, accepted, activities};
use super::ropa::{ControllerKey, RecordPlan, RecordRow};
use super::sheets::PartySheet;
use crate::par::Jobs;

pub use super::overview::ACTION_FIRST;
pub(crate) use super::refs::DRAW_BATCH;
pub(crate) use super::refs::Names;
pub use super::refs::{ActivityRef, Input, PartyRef, Phrase, Shared, count};

/// The whole report, ready to render.
///
/// The three biggest parts, the duty sheets, who notifies whom and the records,
/// are not held: [`View::sheets`], [`View::notifications`] and
/// the record jobs draw them up item by item as the report is written, each
/// the same every time. On a national model they hold gigabytes; built whole
/// they had to sit in memory beside the report's own text.
#[derive(Debug, Serialize)]
pub struct View<'a> {
    /// The model's name (its path as given).
    pub model: String,
    /// The evaluation date, `YYYY-MM-DD`.
    pub as_of: String,
    /// The tool and version that produced the report.
    pub generator: String,
    /// The language the report is written in (`--lang`).
    #[serde(skip)]
    pub lang: crate::render::Lang,
    /// When it was produced, from which revision of the model, and who signs
    /// it.
    #[serde(skip)]
    pub memo: MemoView,
    /// The opening summary.
    pub summary: Summary,
    /// The processing activities, sorted by id.
    pub activities: Vec<ActivityView>,
    /// The party × activity role matrix: sparse rows, and the full grid up to
    /// [`MATRIX_MAX_ACTIVITIES`] activities.
    pub matrix: Matrix,
    /// The chain as a diagram.
    pub diagram: Diagram,
    /// Parties with no role and no finding, sorted by name.
    pub bystanders: Vec<PartyRef>,
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
    /// What the parts drawn up on demand need.
    #[serde(skip)]
    parts: Parts<'a>,
}

/// What [`View::sheets`], [`View::notifications`] and the record jobs draw
/// their items up from.
struct Parts<'a> {
    names: Names<'a>,
    index: Index<'a>,
    /// The parties with a duty sheet, in the sheets' order.
    sheets: Vec<&'a PartyId>,
    notify: NotifyPlan<'a>,
    records: RecordPlan<'a>,
}

impl fmt::Debug for Parts<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Parts").field("sheets", &self.sheets.len()).finish_non_exhaustive()
    }
}

impl<'a> View<'a> {
    /// Prepares the whole report.
    ///
    /// The activity list, the diagram and the plans of the notifications and
    /// records are made beside the rest ([`crate::par::join`]). Each part is
    /// built whole by one thread, so the view is the same either way.
    pub fn build(input: &Input<'a>) -> Self {
        // It needs no index, so it runs beside the rest.
        let side = move || {
            (activities(&Names::new(input)), NotifyPlan::new(input), RecordPlan::new(input), Diagram::build(input))
        };
        let ((activities, notify, records, diagram), (index, view)) = crate::par::join(side, || {
            let index = Index::build(input);
            let view = Self::build_main(input, &index);
            (index, view)
        });
        let (main, names, sheets) = view;
        Self {
            model: main.model,
            as_of: main.as_of,
            generator: main.generator,
            lang: input.lang,
            memo: MemoView::new(input),
            summary: main.summary,
            activities,
            matrix: main.matrix,
            diagram,
            bystanders: main.bystanders,
            abroad: main.abroad,
            accepted: main.accepted,
            findings: main.findings,
            unassigned: main.unassigned,
            parts: Parts { names, index, sheets, notify, records },
        }
    }

    /// Every eager part but the activity list and the diagram, with the names
    /// it made and the parties that get a duty sheet.
    fn build_main(input: &Input<'a>, index: &Index<'_>) -> (Main, Names<'a>, Vec<&'a PartyId>) {
        let names = Names::new(input);
        let sheets = super::sheets::parties(input, index);
        let input = &names;
        let findings: Vec<FindingView> = input
            .analysis
            .findings
            .iter()
            .enumerate()
            .map(|(index, finding)| FindingView::new(input, index, finding))
            .collect();
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
        let abroad = abroad(input, index);
        let main = Main {
            model: input.name.to_owned(),
            as_of: input.analysis.as_of.to_string(),
            generator: format!("ansvar {}", env!("CARGO_PKG_VERSION")),
            summary: Summary::new(input, &findings, &sheets, index, &bystanders, abroad.len()),
            matrix: Matrix::new(input, index),
            accepted: accepted(input, &findings),
            bystanders,
            abroad,
            unassigned: findings.iter().filter(|f| f.party.is_none()).cloned().collect(),
            findings,
        };
        (main, names, sheets)
    }

    /// One of the report's own texts in the report's language: the message
    /// `key` of `locales/<lang>/report.ftl`, given the evaluation date as
    /// `$as-of` and the tool as `$generator`. This is how a template writes a
    /// heading, a label or a sentence of its own (`{{ view.t("h-summary") }}`);
    /// the text is ours, so the HTML templates may mark it `|safe` where the
    /// message holds markup of its own (a link, `<strong>`).
    pub fn t(&self, key: &str) -> String {
        crate::render::fixed(key, self.lang, &self.standard_args())
    }

    /// Whether an activity's name links to its entry (`#activity-ID`): the
    /// full report lists every activity, so it does.
    pub fn links_activities(&self) -> bool {
        true
    }

    /// [`View::t`] with one more argument, `$arg`: model text (a name) or a
    /// date. The result holds model text, so the HTML templates escape it
    /// (no `|safe`).
    pub fn t1(&self, key: &str, arg: impl fmt::Display) -> String {
        let mut args = self.standard_args();
        args.push(("arg", arg.to_string().into()));
        crate::render::fixed(key, self.lang, &args)
    }

    /// The language's tag, for `<html lang="…">`.
    pub fn lang_tag(&self) -> &'static str {
        self.lang.tag()
    }

    fn standard_args(&self) -> Vec<(&'static str, fluent_bundle::FluentValue<'static>)> {
        vec![("as-of", self.as_of.clone().into()), ("generator", self.generator.clone().into())]
    }

    /// The chain drawn as inline SVG (our own markup, every model string
    /// escaped), for the HTML report. Drawn when asked: the JSON report does
    /// not need it.
    pub fn svg(&self) -> String {
        super::svg::render(&self.diagram)
    }

    /// The chain as a Mermaid flowchart, for the Markdown report; drawn when
    /// asked.
    pub fn mermaid(&self) -> String {
        super::diagram::mermaid(&self.diagram)
    }

    /// One duty sheet per party with a role or a finding, sorted by name,
    /// drawn up a batch at a time, on every core, as they are taken.
    pub fn sheets(&self) -> impl Iterator<Item = PartySheet> + '_ {
        self.sheet_jobs(true).batched(DRAW_BATCH)
    }

    /// The duty sheets as jobs: the JSON report streams them (`text`, the
    /// reasons as plain text too), the HTML and Markdown templates pull them.
    pub(crate) fn sheet_jobs<'s>(
        &'s self,
        text: bool,
    ) -> Jobs<'s, &'a PartyId, impl Fn(&'s &'a PartyId) -> PartySheet + Sync + 's> {
        let parts = &self.parts;
        Jobs::new(&parts.sheets, move |party| {
            super::sheets::sheet_of(&parts.names, &parts.index, party, text, |i| self.findings.get(i).cloned())
        })
    }

    /// Who notifies whom, per system, if it is breached, drawn up a batch of
    /// systems at a time as they are taken.
    pub fn notifications(&self) -> impl Iterator<Item = SystemNotifications> + '_ {
        self.notification_jobs().batched(DRAW_BATCH).flatten()
    }

    /// The notification plans as jobs, one per system; a system not used on
    /// the evaluation date has none. The JSON report streams them.
    pub(crate) fn notification_jobs<'s>(
        &'s self,
    ) -> Jobs<
        's,
        &'a crate::model::System,
        impl Fn(&'s &'a crate::model::System) -> Option<SystemNotifications> + Sync + 's,
    > {
        self.parts.notify.systems(&self.parts.names)
    }

    /// The controller records (Art. 30(1)) as jobs: the JSON report streams
    /// them.
    pub(crate) fn controller_record_jobs<'s>(
        &'s self,
    ) -> Jobs<'s, ControllerKey<'a>, impl Fn(&'s ControllerKey<'a>) -> RecordRow + Sync + 's> {
        self.parts.records.controller_rows(&self.parts.names, &self.parts.index)
    }

    /// The processor records (Art. 30(2)) as jobs: the JSON report streams
    /// them.
    pub(crate) fn processor_record_jobs<'s>(
        &'s self,
    ) -> Jobs<'s, super::ropa::ProcessorKey, impl Fn(&'s super::ropa::ProcessorKey) -> RecordRow + Sync + 's> {
        self.parts.records.processor_rows(&self.parts.names, &self.parts.index)
    }

    /// Why each processor the GDPR does not reach has no Art. 30(2) record.
    pub(crate) fn outside_gdpr_notes(&self) -> Vec<String> {
        self.parts.records.outside_gdpr_notes(&self.parts.names)
    }
}

/// Marks, in the sheets' order, each duty whose text an earlier sheet shows
/// (`same_as`) and each finding whose rule an earlier finding explains
/// (`explained_at`), so that the templates show the text once and refer to it
/// after: on paper the same paragraph twelve times is most of the duty
/// sheets. Only exact repeats: a duty worded for its party is shown in full.
///
/// Given the sheets one by one as they are written ([`ReferBack::mark`]), it
/// keeps each distinct duty text and rule once, not the sheets.
#[derive(Debug, Default)]
pub(crate) struct ReferBack {
    /// Each duty text shown so far, and the sheet that shows it.
    duties: HashMap<String, PartyRef>,
    /// Each rule explained so far, and the finding that explains it.
    rules: HashMap<String, String>,
}

impl ReferBack {
    /// Marks what `sheet`, the next in order, repeats of the sheets before it.
    pub(crate) fn mark(&mut self, sheet: &mut PartySheet) {
        for duty in &mut sheet.duties {
            match self.duties.get(duty.text.as_ref()) {
                Some(first) => duty.same_as = Some(first.clone()),
                None => {
                    self.duties.insert(duty.text.to_string(), sheet.party.clone());
                }
            }
        }
        for finding in &mut sheet.findings {
            if finding.explanation.is_empty() {
                continue;
            }
            match self.rules.get(&finding.code) {
                Some(first) => finding.explained_at = first.clone(),
                None => {
                    self.rules.insert(finding.code.clone(), finding.number.clone());
                }
            }
        }
    }
}

/// The eager parts [`View::build_main`] makes, to go into a [`View`].
struct Main {
    model: String,
    as_of: String,
    generator: String,
    summary: Summary,
    matrix: Matrix,
    bystanders: Vec<PartyRef>,
    abroad: Vec<AbroadView>,
    accepted: Vec<AcceptedView>,
    findings: Vec<FindingView>,
    unassigned: Vec<FindingView>,
}
