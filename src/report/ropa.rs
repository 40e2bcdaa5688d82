//! The records of processing activities (Art. 30), as the model lets us draw
//! them up: one controller record (Art. 30(1)) per activity and controller, and
//! one processor record (Art. 30(2)) per processor and the controller it
//! ultimately acts for. Only activities running on the evaluation date are
//! recorded: the record describes processing as it stands.
//!
//! Which records there are and what each holds is decided by the obligations
//! stage ([`crate::obligations::records`]); this module words them.
//!
//! Every field says where the model is silent ("not recorded") rather than
//! leaving a blank a reader could take for "none". The same rows feed the
//! report, `ansvar ropa --format md|json`, and [`to_csv`].

use serde::Serialize;

use std::collections::HashMap;

use crate::model::{Activity, DataCategory, PartyId, Retention, System, SystemId};
use crate::obligations::records::{self, ControllerRecord, ProcessorRecord};
use crate::par::Jobs;

use super::index::Index;
use super::refs::{ActivityRef, Input, Names, PartyRef};

/// One field of a record with the point of Art. 30 that requires it.
#[derive(Clone, Debug, Serialize)]
pub struct RecordField {
    /// The field's key: its CSV column and JSON name.
    pub key: &'static str,
    /// The field's name.
    pub label: &'static str,
    /// The point of Art. 30, e.g. `30(1)(b)`.
    pub point: &'static str,
    /// The entries; one line each.
    pub values: Vec<String>,
}

/// One record: a controller's for one activity, or a processor's for one controller.
#[derive(Clone, Debug, Serialize)]
pub struct RecordRow {
    /// `Art. 30(1)` or `Art. 30(2)`.
    pub record: String,
    /// Who keeps the record.
    pub party: PartyRef,
    /// The controller: the party itself for 30(1), the one it acts for under 30(2).
    pub controller: PartyRef,
    /// Under 30(2), the party it acts for directly when that is not the controller.
    pub acts_for: Option<PartyRef>,
    /// The activities the record covers.
    pub activities: Vec<ActivityRef>,
    /// A heading: `MedHelp AB: 1177 health advice …`, `Inera AB for Region Dalarna`.
    pub title: String,
    /// The fields, in the order of Art. 30.
    pub fields: Vec<RecordField>,
}

/// All records.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Records {
    /// Controller records, by controller name and activity.
    pub controller: Vec<RecordRow>,
    /// Processor records, by processor name and controller name.
    pub processor: Vec<RecordRow>,
    /// Why a processor has no record of its own, one sentence each, by name.
    pub outside_gdpr: Vec<String>,
}

impl Records {
    /// Every row, controller records first.
    pub fn rows(&self) -> impl Iterator<Item = &RecordRow> {
        self.controller.iter().chain(&self.processor)
    }
}

/// Draws up the records of every activity running on the evaluation date.
pub fn build(input: &Input<'_>) -> Records {
    build_with(&Names::new(input), &Index::build(input))
}

/// [`build`], with the model-wide facts already worked out.
pub(crate) fn build_with(input: &Names<'_>, index: &Index<'_>) -> Records {
    let plan = RecordPlan::new(input);
    Records {
        controller: plan.controller_rows(input, index).batched(super::refs::DRAW_BATCH).collect(),
        processor: plan.processor_rows(input, index).batched(super::refs::DRAW_BATCH).collect(),
        outside_gdpr: plan.outside_gdpr_notes(input),
    }
}

/// A controller record to draw up.
pub(crate) type ControllerKey<'a> = records::ControllerKey<'a>;

/// A processor record to draw up.
pub(crate) type ProcessorKey = records::ProcessorKey;

/// Which records there are ([`records::plan`]), in the order the report shows
/// them, before any is drawn up: the report draws each up as it writes it, so
/// that a big model's records need not all be held at once.
pub(crate) struct RecordPlan<'a> {
    /// By controller name and activity.
    controller: Vec<ControllerKey<'a>>,
    /// By processor name and controller name.
    processor: Vec<ProcessorKey>,
    /// Processors without a record of their own, by name.
    outside_gdpr: Vec<PartyId>,
}

impl<'a> RecordPlan<'a> {
    /// Lists the records of every activity running on the evaluation date.
    pub(crate) fn new(input: &Input<'a>) -> Self {
        let records::RecordPlan { mut controller, mut processor, mut outside_gdpr } = records::plan(input.analysis);
        outside_gdpr.sort_by(|a, b| input.party_name(a).cmp(input.party_name(b)));
        // By the names the rows will show (stable: ties keep the order of the plan).
        controller.sort_by(|x, y| {
            (input.party_name(&x.assignment.party), x.activity.id.as_str())
                .cmp(&(input.party_name(&y.assignment.party), y.activity.id.as_str()))
        });
        fn key<'k>(input: &'k Input<'_>, k: &'k ProcessorKey) -> (&'k str, &'k str, Option<&'k str>) {
            (input.party_name(&k.processor), input.party_name(&k.controller), k.activities.first().map(|a| a.as_str()))
        }
        processor.sort_by(|a, b| key(input, a).cmp(&key(input, b)));
        Self { controller, processor, outside_gdpr }
    }

    /// Why each processor without a record has none, by name.
    pub(crate) fn outside_gdpr_notes(&self, input: &Names<'_>) -> Vec<String> {
        self.outside_gdpr.iter().map(|p| outside_gdpr(input, p)).collect()
    }

    /// The controller records, as jobs.
    pub(crate) fn controller_rows<'s>(
        &'s self,
        input: &'s Names<'a>,
        index: &'s Index<'a>,
    ) -> Jobs<'s, ControllerKey<'a>, impl Fn(&'s ControllerKey<'a>) -> RecordRow + Sync + 's> {
        Jobs::new(&self.controller, move |key| {
            controller_row(input, key.activity, &records::controller_record(input.analysis, index.abroad(), key))
        })
    }

    /// Per party, the positions of the controller records and the processor
    /// records that name it as controller or processor (`report --split`).
    pub(crate) fn positions_by_party(&self) -> HashMap<PartyId, (Vec<usize>, Vec<usize>)> {
        let mut positions: HashMap<PartyId, (Vec<usize>, Vec<usize>)> = HashMap::new();
        for (i, key) in self.controller.iter().enumerate() {
            positions.entry(key.assignment.party.clone()).or_default().0.push(i);
        }
        for (i, key) in self.processor.iter().enumerate() {
            positions.entry(key.processor.clone()).or_default().1.push(i);
        }
        positions
    }

    /// The records at these positions, drawn up: controller records first.
    pub(crate) fn rows_at(
        &self,
        input: &Names<'_>,
        index: &Index<'a>,
        controller: &[usize],
        processor: &[usize],
    ) -> Vec<RecordRow> {
        let controller = controller.iter().filter_map(|&i| self.controller.get(i)).map(|key| {
            controller_row(input, key.activity, &records::controller_record(input.analysis, index.abroad(), key))
        });
        let processor = processor
            .iter()
            .filter_map(|&i| self.processor.get(i))
            .map(|key| processor_row(input, &records::processor_record(input.analysis, index.abroad(), key)));
        controller.chain(processor).collect()
    }

    /// The processor records, as jobs.
    pub(crate) fn processor_rows<'s>(
        &'s self,
        input: &'s Names<'a>,
        index: &'s Index<'a>,
    ) -> Jobs<'s, ProcessorKey, impl Fn(&'s ProcessorKey) -> RecordRow + Sync + 's> {
        Jobs::new(&self.processor, move |key| {
            processor_row(input, &records::processor_record(input.analysis, index.abroad(), key))
        })
    }
}

/// Why a processor the GDPR does not reach has no Art. 30(2) record.
fn outside_gdpr(input: &Names<'_>, party: &PartyId) -> String {
    format!(
        "No Art. 30(2) record for {}: the model records that the GDPR does not reach it (Art. 3(1), 3(2)); its controllers' records list it as a recipient, in a third country where it is one.",
        input.party_name(party)
    )
}

fn field(key: &'static str, label: &'static str, point: &'static str, values: Vec<String>) -> RecordField {
    let values = if values.is_empty() { vec!["none".to_owned()] } else { values };
    RecordField { key, label, point, values }
}

fn dpo(input: &Names<'_>, party: &PartyId) -> String {
    match input.model.parties.get(party).and_then(|p| p.dpo.as_ref()).map(|d| d.value) {
        Some(true) => "designated".to_owned(),
        Some(false) => "none designated".to_owned(),
        None => "not recorded".to_owned(),
    }
}

/// A controller record (Art. 30(1)) in words.
fn controller_row(input: &Names<'_>, activity: &Activity, record: &ControllerRecord) -> RecordRow {
    let party = &record.controller;
    let joint: Vec<String> = record.joint_controllers.iter().map(|p| input.party_name(p).to_owned()).collect();
    let purposes = if record.own_purposes.is_empty() {
        vec![activity.purpose.clone().unwrap_or_else(|| "not recorded".to_owned())]
    } else {
        record.own_purposes.clone()
    };
    let recipients: Vec<String> = record
        .recipients
        .iter()
        .map(|r| {
            let country = input.model.parties.get(&r.party).map(|p| input.country_short(&p.country.value));
            format!(
                "{}, {}{}",
                input.party_name(&r.party).to_owned(),
                r.role,
                country.map(|c| format!(", {c}")).unwrap_or_default()
            )
        })
        .collect();
    let data: Vec<&DataCategory> = record.data.iter().filter_map(|d| input.model.data.get(d)).collect();
    let retention = data
        .iter()
        .map(|d| {
            let period =
                d.retention.as_ref().map(|r| retention_words(&r.value)).unwrap_or_else(|| "not recorded".to_owned());
            format!("{}: {period}", d.name)
        })
        .collect();
    let fields = vec![
        field(
            "parties",
            "Controller",
            "30(1)(a)",
            vec![
                input.party_name(party).to_owned(),
                format!("Joint controllers: {}", if joint.is_empty() { "none".to_owned() } else { joint.join(", ") }),
                format!("Data protection officer: {}", dpo(input, party)),
            ],
        ),
        field("purposes", "Purposes", "30(1)(b)", purposes),
        field("data_subjects", "Categories of data subjects", "30(1)(c)", subjects_of(input, activity)),
        field("personal_data", "Categories of personal data", "30(1)(c)", data.iter().map(|d| data_item(d)).collect()),
        field("recipients", "Recipients", "30(1)(d)", recipients),
        field("transfers", "Transfers to third countries", "30(1)(e)", transfers(input, &record.transfers)),
        field("erasure", "Time limits for erasure", "30(1)(f)", retention),
        field("security", "Security measures", "30(1)(g)", security(input, &record.systems)),
    ];
    // A caveat the model's author wrote about this processing belongs beside it.
    let mut fields = fields;
    if let Some(note) = activity.notes.as_ref().filter(|n| !n.trim().is_empty()) {
        fields.push(field("notes", "Model note", "", vec![note.clone()]));
    }
    RecordRow {
        record: ControllerRecord::PROVISION.to_owned(),
        title: format!("{}: {}", input.party_name(party), activity.name),
        party: input.party(party),
        controller: input.party(party),
        acts_for: None,
        activities: vec![input.activity(&activity.id)],
        fields,
    }
}

/// A processor record (Art. 30(2)) in words.
fn processor_row(input: &Names<'_>, record: &ProcessorRecord) -> RecordRow {
    let (processor, controller) = (&record.processor, &record.controller);
    let mut parties = vec![
        input.party_name(processor).to_owned(),
        format!("On behalf of the controller {}", input.party_name(controller)),
    ];
    if let Some(direct) = &record.acts_for {
        parties.push(format!("Engaged by the processor {}", input.party_name(direct)));
    }
    parties.push(format!("Data protection officer: {}", dpo(input, processor)));
    let processing = record
        .activities
        .iter()
        .filter_map(|id| input.model.activities.get(id))
        .map(|activity| {
            let tasks: Vec<String> = activity
                .performers
                .iter()
                .filter(|p| &p.party.value == processor)
                .filter_map(|p| p.task.clone())
                .collect();
            match tasks.as_slice() {
                [] => activity.name.clone(),
                tasks => format!("{}: {}", activity.name, tasks.join("; ")),
            }
        })
        .collect();
    let fields = vec![
        field("parties", "Processor and controller", "30(2)(a)", parties),
        field("processing", "Categories of processing", "30(2)(b)", processing),
        field("transfers", "Transfers to third countries", "30(2)(c)", transfers(input, &record.transfers)),
        field("security", "Security measures", "30(2)(d)", security(input, &record.systems)),
    ];
    RecordRow {
        record: ProcessorRecord::PROVISION.to_owned(),
        title: match &record.acts_for {
            Some(direct) => format!(
                "{} for {}, engaged by {}",
                input.party_name(processor).to_owned(),
                input.party_name(controller).to_owned(),
                input.party_name(direct).to_owned()
            ),
            None => format!("{} for {}", input.party_name(processor), input.party_name(controller)),
        },
        party: input.party(processor),
        controller: input.party(controller),
        acts_for: record.acts_for.as_ref().map(|d| input.party(d)),
        activities: record.activities.iter().map(|a| input.activity(a)).collect(),
        fields,
    }
}

/// Third-country processing, in words.
fn transfers<'p>(
    input: &Names<'_>,
    items: impl IntoIterator<Item = &'p crate::obligations::abroad::ProcessingAbroad>,
) -> Vec<String> {
    items
        .into_iter()
        .map(|item| {
            let exporter = item.exporter.as_ref().map(|e| format!(" for {}", input.party_name(e))).unwrap_or_default();
            let adequacy = match &item.adequacy {
                Some(instrument) => format!("adequacy decision {instrument}"),
                None => "no adequacy decision".to_owned(),
            };
            let tools =
                if item.tools.is_empty() { "no transfer tool recorded".to_owned() } else { item.tools.join(", ") };
            format!(
                "{} processes in {}{exporter} ({}): {adequacy}; {tools}",
                input.party_name(&item.party).to_owned(),
                input.country_short(&item.country),
                input.activity_name(&item.activity)
            )
        })
        .collect()
}

/// The security measures of `systems` (sorted by id), one line per system.
fn security(input: &Names<'_>, systems: &[SystemId]) -> Vec<String> {
    let systems: Vec<&System> = systems.iter().filter_map(|s| input.model.systems.get(s)).collect();
    if systems.is_empty() {
        return vec!["no system recorded".to_owned()];
    }
    systems.iter().map(|s| measures(input, s)).collect()
}

/// One system's measures in words: what the model records, then what it
/// leaves unrecorded, so that a gap in the record is visible as a gap.
pub fn measures(input: &Input<'_>, system: &System) -> String {
    use crate::model::{Authentication, Exposure};
    let mut known: Vec<&str> = Vec::new();
    let mut unknown: Vec<&str> = Vec::new();
    match system.exposure.as_ref().map(|e| e.value) {
        Some(Exposure::Internet) => known.push("reachable from the internet"),
        Some(Exposure::Private) => known.push("on a closed network"),
        Some(Exposure::Internal) => known.push("on the operator's internal network only"),
        None => unknown.push("network exposure"),
    }
    match system.authentication.as_ref().map(|a| a.value) {
        Some(Authentication::None) => known.push("no authentication"),
        Some(Authentication::Password) => known.push("password login"),
        Some(Authentication::Mfa) => known.push("multi-factor login"),
        Some(Authentication::Smartcard) => known.push("smart-card login"),
        None => unknown.push("authentication"),
    }
    let facts = [
        (&system.encrypted_in_transit, "encrypted in transit", "not encrypted in transit", "encryption in transit"),
        (&system.encrypted_at_rest, "encrypted at rest", "not encrypted at rest", "encryption at rest"),
        (&system.access_logging, "access logged", "access not logged", "access logging"),
        (&system.backups, "backed up", "not backed up", "backups"),
    ];
    for (value, yes, no, what) in facts {
        match value.as_ref().map(|v| v.value) {
            Some(true) => known.push(yes),
            Some(false) => known.push(no),
            None => unknown.push(what),
        }
    }
    let mut text = format!("{} ({})", system.name, input.country_short(&system.location.value));
    match (known.is_empty(), unknown.is_empty()) {
        (true, _) => text.push_str(": no measure recorded"),
        (false, true) => text.push_str(&format!(": {}", known.join(", "))),
        (false, false) => text.push_str(&format!(": {}; not recorded: {}", known.join(", "), unknown.join(", "))),
    }
    text
}

/// The data categories of an activity.
pub fn data_of<'m>(input: &Input<'m>, activity: &Activity) -> Vec<&'m DataCategory> {
    activity.data.iter().filter_map(|d| input.model.data.get(&d.value)).collect()
}

/// One data category in words: `Recorded calls to 1177 (special categories: health, sex life; patient record)`.
pub fn data_item(data: &DataCategory) -> String {
    let mut marks = Vec::new();
    if !data.special_categories.is_empty() {
        let names: Vec<String> = data.special_categories.iter().map(|c| c.as_str().replace('_', " ")).collect();
        marks.push(format!("special categories, Art. 9: {}", names.join(", ")));
    }
    if data.criminal_offences {
        marks.push("criminal offences, Art. 10".to_owned());
    }
    if data.patient_record {
        marks.push("patient record".to_owned());
    }
    if marks.is_empty() { data.name.clone() } else { format!("{} ({})", data.name, marks.join("; ")) }
}

/// An activity's data categories in words, joined.
pub fn data_in_words(input: &Input<'_>, activity: &Activity) -> String {
    let items: Vec<String> = data_of(input, activity).iter().map(|d| data_item(d)).collect();
    if items.is_empty() { "none recorded".to_owned() } else { items.join("; ") }
}

/// An activity's data subjects: its own list, or those of its data.
pub fn subjects_of(input: &Input<'_>, activity: &Activity) -> Vec<String> {
    let mut subjects = activity.subjects.clone();
    if subjects.is_empty() {
        subjects = data_of(input, activity).iter().flat_map(|d| d.subjects.iter().cloned()).collect();
        subjects.sort();
        subjects.dedup();
    }
    if subjects.is_empty() {
        subjects.push("not recorded".to_owned());
    }
    subjects
}

/// A retention period in words: `10 years (P10Y)`.
pub fn retention_words(retention: &Retention) -> String {
    let mut parts = Vec::new();
    for (n, one, many) in [
        (retention.years, "year", "years"),
        (retention.months, "month", "months"),
        (retention.weeks, "week", "weeks"),
        (retention.days, "day", "days"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {}", if n == 1 { one } else { many }));
        }
    }
    if parts.is_empty() {
        parts.push("0 days".to_owned());
    }
    format!("{} ({retention})", parts.join(" "))
}

/// The CSV columns, in order: who and what the record is about, then one
/// column per Art. 30 field (empty where the record has no such field: a
/// processor's record has no purposes of its own).
pub const CSV_COLUMNS: [&str; 16] = [
    "record",
    "party_id",
    "party",
    "controller_id",
    "controller",
    "acts_for_id",
    "activities",
    "parties",
    "purposes",
    "data_subjects",
    "personal_data",
    "recipients",
    "processing",
    "transfers",
    "erasure",
    "security",
];

/// The records as CSV (RFC 4180, CRLF line ends): a header, then one row per
/// record. A field with several entries keeps them on separate lines inside one
/// quoted cell.
pub fn to_csv(records: &Records) -> String {
    let mut out = String::new();
    let header: Vec<String> = CSV_COLUMNS.iter().map(|h| (*h).to_owned()).collect();
    push_row(&mut out, &header);
    for row in records.rows() {
        let activities: Vec<&str> = row.activities.iter().map(|a| a.id.as_str()).collect();
        let mut cells = vec![
            row.record.clone(),
            row.party.id.to_string(),
            row.party.name.to_string(),
            row.controller.id.to_string(),
            row.controller.name.to_string(),
            row.acts_for.as_ref().map(|p| p.id.to_string()).unwrap_or_default(),
            activities.join(" "),
        ];
        for column in &CSV_COLUMNS[7..] {
            let value = row.fields.iter().find(|f| f.key == *column).map(|f| f.values.join("\n")).unwrap_or_default();
            cells.push(value);
        }
        push_row(&mut out, &cells);
    }
    out
}

fn push_row(out: &mut String, cells: &[String]) {
    let quoted: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
    out.push_str(&quoted.join(","));
    out.push_str("\r\n");
}

/// One CSV cell: quoted when it holds a comma, quote or line break (RFC 4180),
/// and defused when a spreadsheet would read it as a formula (a leading `=`,
/// `+`, `-`, `@`, tab or carriage return gets a `'` in front, the OWASP advice).
pub fn csv_cell(text: &str) -> String {
    let defused = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    };
    if defused.contains([',', '"', '\n', '\r']) { format!("\"{}\"", defused.replace('"', "\"\"")) } else { defused }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_when_needed_and_formulas_defused() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("@sum"), "'@sum");
    }

    #[test]
    fn retention_reads_as_words() {
        let ten = Retention::parse("P10Y").unwrap();
        assert_eq!(retention_words(&ten), "10 years (P10Y)");
        let mixed = Retention::parse("P1Y6M").unwrap();
        assert_eq!(retention_words(&mixed), "1 year 6 months (P1Y6M)");
    }
}
