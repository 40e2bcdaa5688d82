//! Stable, versioned JSON documents.
//!
//! The shapes here are a public interface: CI jobs and other tools read them.
//! Locations are resolved to `file:line:column` through the [`SourceMap`].

use crate::finding::{Fingerprint, Message};
use crate::render::{self, Lang};
use serde::Serialize;

use crate::model::{ActivityId, PartyId};
use crate::roles::{Assignment, Gap, Roles};
use crate::source::{Location, SourceMap};

/// A reason with its location resolved.
#[derive(Debug, Serialize)]
pub struct JsonReason<'a> {
    /// The fact and its consequence, in the document's language.
    pub text: String,
    /// The provisions it rests on.
    pub provisions: &'a [&'static str],
    /// Where the fact is written.
    pub location: Option<Location>,
}

/// One role of one party in one activity.
#[derive(Debug, Serialize)]
pub struct JsonRole<'a> {
    /// The party id.
    pub party: &'a str,
    /// The activity id.
    pub activity: &'a str,
    /// `controller`, `joint_controller`, `processor` or `sub_processor`.
    pub role: &'static str,
    /// For processors, the party they act for.
    pub on_behalf_of: Option<&'a str>,
    /// The chain above a processor up to the top; of a chain longer than
    /// [`crate::diag::MAX_CHAIN_SHOWN`], its first and last links only.
    pub chain: Vec<&'a str>,
    /// How many links of a long chain are left out between its first and last
    /// ones in `chain` (absent when `chain` is whole).
    #[serde(skip_serializing_if = "is_zero")]
    pub chain_left_out: usize,
    /// For an Art. 28(10) controller, its own purposes.
    pub own_purposes: Vec<&'a str>,
    /// The reasons.
    pub reasons: Vec<JsonReason<'a>>,
}

impl<'a> JsonRole<'a> {
    /// The JSON view of an assignment, its reasons in `lang`.
    pub fn new(assignment: &'a Assignment, sources: &SourceMap, lang: Lang) -> Self {
        Self {
            party: assignment.party.as_str(),
            activity: assignment.activity.as_str(),
            role: assignment.role.as_str(),
            on_behalf_of: assignment.on_behalf_of.as_ref().map(|p| p.as_str()),
            chain: chain_ends(&assignment.chain),
            chain_left_out: crate::diag::chain_ends(&assignment.chain).1,
            own_purposes: assignment.own_purposes().collect(),
            reasons: assignment
                .reasons()
                .map(|r| JsonReason {
                    text: render::message(&r.message, lang),
                    provisions: r.provisions,
                    location: r.span.map(|s| sources.location(s)),
                })
                .collect(),
        }
    }
}

/// A gap with its location resolved.
#[derive(Debug, Serialize)]
pub struct JsonGap<'a> {
    /// The gap.
    #[serde(flatten)]
    pub gap: &'a Gap,
    /// Where it shows in the YAML.
    pub location: Location,
}

impl<'a> JsonGap<'a> {
    /// The JSON view of a gap.
    pub fn new(gap: &'a Gap, sources: &SourceMap) -> Self {
        Self { gap, location: sources.location(gap.span()) }
    }
}

/// The document `ansvar roles --format json` prints.
///
/// `R` is the list of roles: built whole by [`RolesDocument::new`]; in the
/// report, [`AllRoles`], drawn up on every core as it is written.
#[derive(Debug, Serialize)]
pub struct RolesDocument<'a, R = Vec<JsonRole<'a>>> {
    /// The JSON schema version.
    pub schema_version: u32,
    /// Every role, sorted by activity, party and role.
    pub roles: R,
    /// What the facts leave unresolved.
    pub gaps: Vec<JsonGap<'a>>,
    /// With `--obligations`: the shown parties' obligations and records.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub obligations: Option<ObligationsPart>,
}

impl<'a> RolesDocument<'a> {
    /// The document for a set of roles, optionally filtered.
    ///
    /// `keep` decides, from a party and an activity, what is shown; a gap with
    /// no party is shown when its activity is.
    pub fn new(roles: &'a Roles, sources: &SourceMap, keep: impl Fn(Option<&PartyId>, &ActivityId) -> bool) -> Self {
        Self::new_in(roles, sources, keep, Lang::En)
    }

    /// [`RolesDocument::new`], its reasons in `lang`.
    pub fn new_in(
        roles: &'a Roles,
        sources: &SourceMap,
        keep: impl Fn(Option<&PartyId>, &ActivityId) -> bool,
        lang: Lang,
    ) -> Self {
        Self {
            schema_version: super::SCHEMA_VERSION,
            roles: roles
                .assignments()
                .iter()
                .filter(|a| keep(Some(&a.party), &a.activity))
                .map(|a| JsonRole::new(a, sources, lang))
                .collect(),
            gaps: roles
                .gaps
                .iter()
                .filter(|g| keep(g.party(), g.activity()))
                .map(|g| JsonGap::new(g, sources))
                .collect(),
            obligations: None,
        }
    }

    /// The document with the obligations part (`--obligations`), if given.
    pub fn with_obligations(self, obligations: Option<ObligationsPart>) -> Self {
        Self { obligations, ..self }
    }
}

impl<'a> RolesDocument<'a, AllRoles<'a>> {
    /// The whole document, its roles drawn up as they are written, for the
    /// report. Pre-rendered: see [`write_report_to`].
    pub fn all(roles: &'a Roles, sources: &'a SourceMap, lang: Lang) -> Self {
        Self {
            schema_version: super::SCHEMA_VERSION,
            roles: AllRoles { roles, sources, lang },
            gaps: roles.gaps.iter().map(|g| JsonGap::new(g, sources)).collect(),
            obligations: None,
        }
    }
}

/// Every role of a model, each turned into its [`JsonRole`] and serialised a
/// on every core, as it is written. Pre-rendered: see
/// [`write_report_to`].
#[derive(Debug)]
pub struct AllRoles<'a> {
    roles: &'a Roles,
    sources: &'a SourceMap,
    lang: Lang,
}

impl Serialize for AllRoles<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let jobs = crate::par::Jobs::new(self.roles.assignments(), |assignment| {
            JsonRole::new(assignment, self.sources, self.lang)
        });
        stream_array(serializer, &jobs, |role| Some(pre_rendered(role)))
    }
}

/// Writes a document as [`to_string`] would render it, without holding the
/// whole text in memory: a big model's report runs to tens of megabytes.
pub fn write_to<T: Serialize, W: std::io::Write>(document: &T, writer: W) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut writer = std::io::BufWriter::with_capacity(1 << 16, writer);
    serde_json::to_writer_pretty(&mut writer, document)?;
    writer.write_all(b"\n")?;
    writer.flush()
}

/// Serialises a document as pretty JSON with a final newline.
pub fn to_string<T: Serialize>(document: &T) -> String {
    let mut text = serde_json::to_string_pretty(document).unwrap_or_else(|error| {
        // Our documents hold only strings, numbers and lists; serialisation cannot fail.
        format!("{{\"error\": \"{error}\"}}")
    });
    text.push('\n');
    text
}

/// A secondary label with its location resolved.
#[derive(Debug, Serialize)]
pub struct JsonLabel {
    /// What the label says.
    pub message: String,
    /// Where it points.
    pub location: Location,
}

/// An acceptance of a finding.
#[derive(Debug, Serialize)]
pub struct JsonAcceptance<'a> {
    /// Why it is accepted.
    pub justification: &'a str,
    /// Who accepted it.
    pub accepted_by: &'a str,
    /// The last day it holds.
    pub expires: String,
    /// Where the acceptance is written.
    pub location: Location,
}

/// One finding.
#[derive(Debug, Serialize)]
pub struct JsonFinding<'a> {
    /// The rule code.
    pub code: &'static str,
    /// A stable id of the finding, from its rule code and subjects: the same
    /// finding has the same fingerprint in every run and every version of the
    /// model, whatever its wording or its place in the YAML.
    pub fingerprint: Fingerprint,
    /// `critical`, `high`, `medium`, `low` or `info`.
    pub severity: &'static str,
    /// What was found, rendered in English.
    pub message: String,
    /// The message key and the typed facts the message is rendered from.
    pub facts: &'a Message,
    /// The party that must act.
    pub party: Option<&'a str>,
    /// The activity.
    pub activity: Option<&'a str>,
    /// Everything the finding is about, the party and the activity first.
    pub subjects: Vec<JsonSubject>,
    /// The provisions it rests on.
    pub provisions: &'a [&'static str],
    /// Whether an accepted risk covers it.
    pub accepted: bool,
    /// The acceptance, when accepted.
    pub acceptance: Option<JsonAcceptance<'a>>,
    /// Where it shows in the YAML.
    pub location: Location,
    /// Other places that explain it.
    pub labels: Vec<JsonLabel>,
    /// How the party came in, from the top of the chain down; of a chain
    /// longer than [`crate::diag::MAX_CHAIN_SHOWN`], its first and last links only.
    pub chain: Vec<&'a str>,
    /// How many links of a long chain are left out between its first and last
    /// ones in `chain` (absent when `chain` is whole).
    #[serde(skip_serializing_if = "is_zero")]
    pub chain_left_out: usize,
    /// What to do about it: the rule's remediation.
    pub remediation: String,
}

/// A thing a finding is about.
#[derive(Debug, Serialize)]
pub struct JsonSubject {
    /// Its part in the finding: `party`, `activity`, `importer`, `system`, …
    pub part: &'static str,
    /// The kind of thing: `party`, `activity`, `system`, `agreement`, …
    pub kind: &'static str,
    /// Its id in the model.
    pub id: String,
}

impl<'a> JsonFinding<'a> {
    /// The JSON view of a finding, its texts in `lang`.
    pub fn new(finding: &'a crate::rules::Finding, sources: &SourceMap, lang: Lang) -> Self {
        Self {
            code: finding.code,
            fingerprint: finding.fingerprint(),
            severity: finding.severity.as_str(),
            message: render::message(&finding.message, lang),
            facts: &finding.message,
            party: finding.party.as_ref().map(|p| p.as_str()),
            activity: finding.activity.as_ref().map(|a| a.as_str()),
            subjects: finding
                .all_subjects()
                .map(|(part, subject)| JsonSubject { part, kind: subject.kind(), id: subject.id().to_owned() })
                .collect(),
            provisions: &finding.provisions,
            accepted: finding.accepted.is_some(),
            acceptance: finding.accepted.as_ref().map(|a| JsonAcceptance {
                justification: &a.justification,
                accepted_by: &a.accepted_by,
                expires: a.expires.to_string(),
                location: sources.location(a.span),
            }),
            location: sources.location(finding.primary.span),
            labels: finding
                .labels
                .iter()
                .map(|l| JsonLabel { message: render::message(&l.message, lang), location: sources.location(l.span) })
                .collect(),
            chain: chain_ends(&finding.chain),
            chain_left_out: crate::diag::chain_ends(&finding.chain).1,
            remediation: finding.rule().map(|r| render::catalogue::remediation(r, lang)).unwrap_or_default(),
        }
    }
}

/// Every finding of a [`CheckDocument`], each drawn up as a [`JsonFinding`]
/// as it is written: the views of a national model's 55 000 findings, with
/// their rendered messages and locations, would otherwise all be held at
/// once, beside the findings, at the end of `check`.
#[derive(Debug)]
pub struct AllFindings<'a> {
    findings: &'a [crate::rules::Finding],
    sources: &'a SourceMap,
    lang: Lang,
}

impl Serialize for AllFindings<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.findings.iter().map(|f| JsonFinding::new(f, self.sources, self.lang)))
    }
}

/// Counts of findings by severity, not counting accepted ones.
#[derive(Debug, Default, Serialize)]
pub struct JsonCounts {
    /// Critical findings.
    pub critical: usize,
    /// High findings.
    pub high: usize,
    /// Medium findings.
    pub medium: usize,
    /// Low findings.
    pub low: usize,
    /// Informational findings.
    pub info: usize,
    /// Findings covered by an accepted risk.
    pub accepted: usize,
}

impl JsonCounts {
    /// Counts a set of findings.
    pub fn new(findings: &[crate::rules::Finding]) -> Self {
        use crate::rules::Severity;
        let mut counts = Self::default();
        for finding in findings {
            if finding.accepted.is_some() {
                counts.accepted += 1;
                continue;
            }
            match finding.severity {
                Severity::Critical => counts.critical += 1,
                Severity::High => counts.high += 1,
                Severity::Medium => counts.medium += 1,
                Severity::Low => counts.low += 1,
                Severity::Info => counts.info += 1,
            }
        }
        counts
    }
}

/// The document `ansvar check --format json` prints.
#[derive(Debug, Serialize)]
pub struct CheckDocument<'a> {
    /// The JSON schema version.
    pub schema_version: u32,
    /// The evaluation date.
    pub as_of: String,
    /// The parties given to `--scope`, sorted by id; absent without
    /// `--scope` (docs/scope.md).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub scope: Vec<String>,
    /// Counts by severity.
    pub counts: JsonCounts,
    /// Every finding, most serious first.
    pub findings: AllFindings<'a>,
    /// With `--obligations`: every party's obligations and the Art. 30 records.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub obligations: Option<ObligationsPart>,
}

/// The obligations part of the `check` and `roles` documents (`--obligations`):
/// what the obligations stage ([`crate::obligations`]) derives, as it derives
/// it, with ids for parties, activities and systems.
#[derive(Debug, Serialize)]
pub struct ObligationsPart {
    /// Every party's obligations, by party id (parties with none left out).
    pub obligations: Vec<crate::obligations::PartyObligations>,
    /// The Art. 30 records.
    pub records: RecordsPart,
}

/// The Art. 30 records as the obligations stage draws them up.
pub type RecordsPart = crate::obligations::records::AllRecords;

impl ObligationsPart {
    /// Derives the obligations and records of an analysed model.
    pub fn new(analysis: &crate::Analysis<'_>) -> Self {
        let abroad = crate::obligations::abroad::AbroadIndex::build(
            analysis.model(),
            &analysis.graph,
            analysis.reference,
            analysis.as_of,
        );
        Self {
            obligations: analysis.obligations(),
            records: crate::obligations::records::all_records(analysis, &abroad),
        }
    }

    /// Keeps what `keep` (from a party and an activity) lets through: an
    /// obligation's activities, and the records of kept parties and activities.
    pub fn filtered(mut self, keep: impl Fn(&PartyId, &ActivityId) -> bool) -> Self {
        for party in &mut self.obligations {
            for obligation in &mut party.obligations {
                obligation.activities.retain(|a| keep(&party.party, a));
            }
            party.obligations.retain(|o| !o.activities.is_empty());
        }
        self.obligations.retain(|p| !p.obligations.is_empty());
        self.records.controller.retain(|r| keep(&r.controller, &r.activity));
        for record in &mut self.records.processor {
            record.activities.retain(|a| keep(&record.processor, a));
            record.transfers.retain(|t| record.activities.contains(&t.activity));
        }
        self.records.processor.retain(|r| !r.activities.is_empty());
        // A processor without a record is kept while one of its activities is.
        let analysis_keeps = |party: &PartyId| self.obligations.iter().any(|p| &p.party == party);
        let outside: Vec<PartyId> = self.records.outside_gdpr.iter().filter(|p| analysis_keeps(p)).cloned().collect();
        self.records.outside_gdpr = outside;
        self
    }
}

impl<'a> CheckDocument<'a> {
    /// The document for a set of findings, in English.
    pub fn new(findings: &'a [crate::rules::Finding], as_of: jiff::civil::Date, sources: &'a SourceMap) -> Self {
        Self::new_in(findings, as_of, sources, Lang::En)
    }

    /// The document for a set of findings, its messages in `lang`; codes,
    /// fingerprints and facts are the same in every language.
    pub fn new_in(
        findings: &'a [crate::rules::Finding],
        as_of: jiff::civil::Date,
        sources: &'a SourceMap,
        lang: Lang,
    ) -> Self {
        Self {
            schema_version: super::SCHEMA_VERSION,
            as_of: as_of.to_string(),
            scope: Vec::new(),
            counts: JsonCounts::new(findings),
            findings: AllFindings { findings, sources, lang },
            obligations: None,
        }
    }

    /// The document with the obligations part (`--obligations`), if given.
    pub fn with_obligations(self, obligations: Option<ObligationsPart>) -> Self {
        Self { obligations, ..self }
    }

    /// The document of a run narrowed by `--scope` to these parties.
    pub fn with_scope(self, scope: &[PartyId]) -> Self {
        Self { scope: scope_ids(scope), ..self }
    }
}

/// The ids given to `--scope`, as JSON lists them.
fn scope_ids(scope: &[PartyId]) -> Vec<String> {
    scope.iter().map(|p| p.as_str().to_owned()).collect()
}

/// The document `ansvar diff --format json` prints.
#[derive(Debug, Serialize)]
pub struct DiffDocument<'a> {
    /// The JSON schema version.
    pub schema_version: u32,
    /// The evaluation date of both sides.
    pub as_of: String,
    /// The parties given to `--scope`; absent without `--scope`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub scope: Vec<String>,
    /// The changes.
    #[serde(flatten)]
    pub diff: &'a crate::diff::ModelDiff,
}

impl<'a> DiffDocument<'a> {
    /// The document for a diff.
    pub fn new(diff: &'a crate::diff::ModelDiff, as_of: jiff::civil::Date) -> Self {
        Self { schema_version: super::SCHEMA_VERSION, as_of: as_of.to_string(), scope: Vec::new(), diff }
    }

    /// The document of a diff narrowed by `--scope` to these parties.
    pub fn with_scope(self, scope: &[PartyId]) -> Self {
        Self { scope: scope_ids(scope), ..self }
    }
}

/// The document `ansvar report --format json` prints: the whole report.
///
/// `roles` and `check` are exactly the documents `ansvar roles --format json`
/// and `ansvar check --format json --as-of DATE` print, so a tool that reads
/// those reads these parts too. Everything else is the report's view model.
#[derive(Debug, Serialize)]
pub struct ReportDocument<'a> {
    /// The report's schema version, [`super::REPORT_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// What the document is: always `ansvar-report`.
    pub kind: &'static str,
    /// The model's name (its path as given).
    pub model: &'a str,
    /// The evaluation date.
    pub as_of: &'a str,
    /// The tool and version that produced it.
    pub generator: &'a str,
    /// Counts and what needs action first.
    pub summary: &'a super::view::Summary,
    /// The processing activities.
    pub activities: &'a [super::view::ActivityView],
    /// The party × activity role matrix, sparse: each row lists only the
    /// activities in which the party holds a role.
    pub matrix: &'a super::view::Matrix,
    /// The chain: nodes, edges, columns.
    pub diagram: &'a super::diagram::Diagram,
    /// One duty sheet per party with a role or a finding.
    pub duty_sheets: DutySheets<'a>,
    /// Parties with no role and no finding.
    pub parties_without_role: &'a [super::view::PartyRef],
    /// Who notifies whom if a system is breached.
    pub breach_notification: BreachNotification<'a>,
    /// The Art. 30 records.
    pub records: Records<'a>,
    /// Processing in third countries.
    pub third_country_processing: &'a [super::view::AbroadView],
    /// Accepted risks.
    pub accepted_risks: &'a [super::view::AcceptedView],
    /// The roles, as `ansvar roles --format json` prints them.
    pub roles: RolesDocument<'a, AllRoles<'a>>,
    /// The findings, as `ansvar check --format json` prints them; the report
    /// numbers them F1, F2, … in this order.
    pub check: CheckDocument<'a>,
}

impl<'a> ReportDocument<'a> {
    /// The document for a prepared view and the analysis it was built from.
    pub fn new(view: &'a super::view::View<'a>, analysis: &'a crate::Analysis<'_>, sources: &'a SourceMap) -> Self {
        Self::new_in(view, analysis, sources, Lang::En)
    }

    /// [`ReportDocument::new`], its messages in `lang`.
    pub fn new_in(
        view: &'a super::view::View<'a>,
        analysis: &'a crate::Analysis<'_>,
        sources: &'a SourceMap,
        lang: Lang,
    ) -> Self {
        Self {
            schema_version: super::REPORT_SCHEMA_VERSION,
            kind: "ansvar-report",
            model: &view.model,
            as_of: &view.as_of,
            generator: &view.generator,
            summary: &view.summary,
            activities: &view.activities,
            matrix: &view.matrix,
            diagram: &view.diagram,
            duty_sheets: DutySheets(view),
            parties_without_role: &view.bystanders,
            breach_notification: BreachNotification(view),
            records: Records(view),
            third_country_processing: &view.abroad,
            accepted_risks: &view.accepted,
            roles: RolesDocument::all(&analysis.roles, sources, lang),
            check: CheckDocument::new_in(&analysis.findings, analysis.as_of, sources, lang),
        }
    }
}

/// Writes a report document: compact, not pretty (whitespace was two fifths
/// of a national report's 2.3 GB), streamed, with a final newline.
///
/// Its big parts are drawn up and serialised on every core, streamed in order
/// ([`DutySheets`], [`BreachNotification`], [`Records`], [`AllRoles`]), so a report is
/// written only with `serde_json`'s compact formatter, which copies those
/// pre-rendered items verbatim: the bytes are the same as if each item were
/// serialised in place.
pub fn write_report_to<W: std::io::Write>(document: &ReportDocument<'_>, writer: W) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut writer = std::io::BufWriter::with_capacity(1 << 16, writer);
    serde_json::to_writer(&mut writer, document)?;
    writer.write_all(b"\n")?;
    writer.flush()
}

/// A report document as [`write_report_to`] writes it.
pub fn report_to_string(document: &ReportDocument<'_>) -> String {
    let mut bytes = Vec::new();
    // Writing into memory cannot fail, and serde_json writes UTF-8.
    match write_report_to(document, &mut bytes) {
        Ok(()) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(error) => format!("{{\"error\": \"{error}\"}}"),
    }
}

/// An item serialised as compact JSON on the thread that drew it.
fn pre_rendered<T: Serialize>(item: T) -> serde_json::Result<Box<serde_json::value::RawValue>> {
    serde_json::value::to_raw_value(&item)
}

/// How many results of a report's part may wait, drawn up and serialised,
/// for the writer: enough to keep every core busy, few enough that a national
/// report holds only a sliver of itself.
const STREAM_AHEAD: usize = 512;

/// Streams jobs as a JSON array, each result serialised by `render` on the
/// thread that drew it up (`None`: left out).
fn stream_array<'s, S: serde::Serializer, T: Sync, R: Send, F: Fn(&'s T) -> R + Sync + 's>(
    serializer: S,
    jobs: &crate::par::Jobs<'s, T, F>,
    render: impl Fn(R) -> Option<serde_json::Result<Box<serde_json::value::RawValue>>> + Sync,
) -> Result<S::Ok, S::Error> {
    use serde::ser::{Error as _, SerializeSeq as _};
    let mut list = serializer.serialize_seq(None)?;
    jobs.stream(STREAM_AHEAD, render, |item| match item {
        Some(raw) => list.serialize_element(&raw.map_err(S::Error::custom)?),
        None => Ok(()),
    })?;
    list.end()
}

/// Jobs serialised as a JSON array by [`stream_array`].
struct Streamed<'s, T, F, G> {
    jobs: crate::par::Jobs<'s, T, F>,
    render: G,
}

impl<'s, T, R, F, G> Serialize for Streamed<'s, T, F, G>
where
    T: Sync,
    R: Send,
    F: Fn(&'s T) -> R + Sync + 's,
    G: Fn(R) -> Option<serde_json::Result<Box<serde_json::value::RawValue>>> + Sync,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        stream_array(serializer, &self.jobs, &self.render)
    }
}

/// The duty sheets of a report, drawn up and serialised on every core as
/// they are written. Pre-rendered: see [`write_report_to`].
#[derive(Debug)]
pub struct DutySheets<'a>(pub &'a super::view::View<'a>);

impl Serialize for DutySheets<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        stream_array(serializer, &self.0.sheet_jobs(true), |sheet| Some(pre_rendered(sheet)))
    }
}

/// Who notifies whom in a report, drawn up and serialised on every core,
/// system by system, as it is written. Pre-rendered: see [`write_report_to`].
#[derive(Debug)]
pub struct BreachNotification<'a>(pub &'a super::view::View<'a>);

impl Serialize for BreachNotification<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        stream_array(serializer, &self.0.notification_jobs(), |plan| plan.map(pre_rendered))
    }
}

/// The Art. 30 records of a report, shaped as [`super::ropa::Records`],
/// drawn up and serialised on every core as they are written.
/// Pre-rendered: see [`write_report_to`].
#[derive(Debug)]
pub struct Records<'a>(pub &'a super::view::View<'a>);

impl Serialize for Records<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let row = |row| Some(pre_rendered(row));
        // As `Records` serialises: the same fields in the same order.
        let mut state = serializer.serialize_struct("Records", 3)?;
        state.serialize_field("controller", &Streamed { jobs: self.0.controller_record_jobs(), render: row })?;
        state.serialize_field("processor", &Streamed { jobs: self.0.processor_record_jobs(), render: row })?;
        state.serialize_field("outside_gdpr", &self.0.outside_gdpr_notes())?;
        state.end()
    }
}

/// The document `ansvar ropa --format json` prints.
#[derive(Debug, Serialize)]
pub struct RopaDocument<'a> {
    /// The JSON schema version.
    pub schema_version: u32,
    /// The model's name.
    pub model: &'a str,
    /// The evaluation date.
    pub as_of: String,
    /// The records.
    #[serde(flatten)]
    pub records: &'a super::ropa::Records,
}

/// The ids of a chain as shown in JSON: the whole chain, or the ends of a long one.
fn chain_ends(chain: &[PartyId]) -> Vec<&str> {
    let (head, _, tail) = crate::diag::chain_ends(chain);
    head.iter().chain(tail).map(|p| p.as_str()).collect()
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}
