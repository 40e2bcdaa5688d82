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

use foldhash::HashMap;

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
    pub label: String,
    /// The point of Art. 30, e.g. `30(1)(b)`.
    pub point: &'static str,
    /// The point as the report's language cites it (`30.1 a` in Swedish).
    #[serde(skip)]
    pub cited: String,
    /// The entries; one line each.
    pub values: Vec<String>,
}

/// One record: a controller's for one activity, or a processor's for one controller.
#[derive(Clone, Debug, Serialize)]
pub struct RecordRow {
    /// `Art. 30(1)` or `Art. 30(2)`.
    pub record: String,
    /// The same as the report's language cites it (`artikel 30.1`).
    #[serde(skip)]
    pub record_cited: String,
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
        let mut positions: HashMap<PartyId, (Vec<usize>, Vec<usize>)> = HashMap::default();
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
    input.tr("record-outside-gdpr", &[("party", input.party_name(party).into())])
}

/// A field of a record: `key` names it in CSV and JSON, and `label` is the
/// message of its label.
fn field(
    input: &Names<'_>,
    key: &'static str,
    label: &'static str,
    point: &'static str,
    values: Vec<String>,
) -> RecordField {
    let values = if values.is_empty() { vec![input.t("none")] } else { values };
    let (label, cited) = field_words(input, label, point);
    RecordField { key, label, point, cited, values }
}

/// A field's label (the message `label`) and its point as the report's
/// language cites it, without the word "article": `30(1)(a)`, `30.1 a`
/// (empty for no point). A record shows the same dozen fields every time, so
/// each is worded once per thread and language and then copied.
fn field_words(input: &Names<'_>, label: &'static str, point: &'static str) -> (String, String) {
    use std::cell::RefCell;
    /// A field's label and point, known by where they lie (they are this
    /// module's literals: one text, one place), and its words.
    struct Worded {
        label: &'static str,
        point: &'static str,
        lang: crate::render::Lang,
        words: (String, String),
    }
    thread_local! {
        static WORDED: RefCell<Vec<Worded>> = const { RefCell::new(Vec::new()) };
    }
    let lang = input.lang;
    WORDED.with(|worded| {
        let mut worded = worded.borrow_mut();
        let found =
            worded.iter().find(|w| std::ptr::eq(w.label, label) && std::ptr::eq(w.point, point) && w.lang == lang);
        if let Some(found) = found {
            return found.words.clone();
        }
        let words = (input.t(label), cite(lang, point));
        worded.push(Worded { label, point, lang, words: words.clone() });
        words
    })
}

/// An article's point as `lang` cites it, without the word "article":
/// `30(1)(a)`, `30.1 a`; empty for no point.
fn cite(lang: crate::render::Lang, point: &str) -> String {
    if point.is_empty() {
        return String::new();
    }
    let provision = crate::render::provision(&format!("Art. {point}"), lang);
    provision.strip_prefix("Art. ").or_else(|| provision.strip_prefix("artikel ")).unwrap_or(&provision).to_owned()
}

fn dpo(input: &Names<'_>, party: &PartyId) -> String {
    input.t(match input.model.parties.get(party).and_then(|p| p.dpo.as_ref()).map(|d| d.value) {
        Some(true) => "dpo-designated",
        Some(false) => "dpo-none",
        None => "not-recorded",
    })
}

/// A controller record (Art. 30(1)) in words.
fn controller_row(input: &Names<'_>, activity: &Activity, record: &ControllerRecord) -> RecordRow {
    let party = &record.controller;
    let joint: Vec<String> = record.joint_controllers.iter().map(|p| input.party_name(p).to_owned()).collect();
    let purposes = if record.own_purposes.is_empty() {
        vec![activity.purpose.clone().unwrap_or_else(|| input.t("not-recorded"))]
    } else {
        record.own_purposes.clone()
    };
    let recipients: Vec<String> = record
        .recipients
        .iter()
        .map(|r| {
            // `Name, role, Country (CC)`, the country where the model has the party.
            let role = crate::render::roles::role(r.role, input.lang);
            let name = input.party_name(&r.party);
            let country = input.party_country(&r.party);
            let mut line = String::with_capacity(name.len() + role.len() + country.map_or(0, str::len) + 4);
            line.push_str(name);
            line.push_str(", ");
            line.push_str(&role);
            if let Some(country) = country {
                line.push_str(", ");
                line.push_str(country);
            }
            line
        })
        .collect();
    // A category's words are the same in every record: worded once.
    let data: Vec<&[String; 2]> =
        record.data.iter().filter_map(|d| input.data_words(d, |data| data_words(input, data))).collect();
    let retention = data.iter().map(|[_, erasure]| erasure.clone()).collect();
    let fields = vec![
        field(
            input,
            "parties",
            "record-field-parties",
            "30(1)(a)",
            vec![
                input.party_name(party).to_owned(),
                input.tr(
                    "record-joint-controllers",
                    &[("names", if joint.is_empty() { input.t("none") } else { joint.join(", ") }.into())],
                ),
                input.tr("record-dpo", &[("dpo", dpo(input, party).into())]),
            ],
        ),
        field(input, "purposes", "record-field-purposes", "30(1)(b)", purposes),
        field(input, "data_subjects", "record-field-data-subjects", "30(1)(c)", subjects_of(input, activity)),
        field(
            input,
            "personal_data",
            "record-field-personal-data",
            "30(1)(c)",
            data.iter().map(|[item, _]| item.clone()).collect(),
        ),
        field(input, "recipients", "record-field-recipients", "30(1)(d)", recipients),
        field(input, "transfers", "record-field-transfers", "30(1)(e)", transfers(input, &record.transfers)),
        field(input, "erasure", "record-field-erasure", "30(1)(f)", retention),
        field(input, "security", "record-field-security", "30(1)(g)", security(input, &record.systems)),
    ];
    // A caveat the model's author wrote about this processing belongs beside it.
    let mut fields = fields;
    if let Some(note) = activity.notes.as_ref().filter(|n| !n.trim().is_empty()) {
        fields.push(field(input, "notes", "record-field-notes", "", vec![note.clone()]));
    }
    RecordRow {
        record: ControllerRecord::PROVISION.to_owned(),
        record_cited: crate::render::provision(ControllerRecord::PROVISION, input.lang),
        title: format!("{}: {}", input.party_name(party), activity.name),
        party: input.party(party),
        controller: input.party(party),
        acts_for: None,
        activities: vec![input.activity(&activity.id)],
        fields,
    }
}

/// A data category in a controller record: the personal data (30(1)(c)) and
/// its erasure line (30(1)(f)).
fn data_words(input: &Names<'_>, data: &DataCategory) -> [String; 2] {
    let period = data
        .retention
        .as_ref()
        .map(|r| retention_words(input.lang, &r.value))
        .unwrap_or_else(|| input.t("not-recorded"));
    [data_item(input, data), format!("{}: {period}", data.name)]
}

/// A processor record (Art. 30(2)) in words.
fn processor_row(input: &Names<'_>, record: &ProcessorRecord) -> RecordRow {
    let (processor, controller) = (&record.processor, &record.controller);
    let mut parties = vec![
        input.party_name(processor).to_owned(),
        input.tr("record-on-behalf-of", &[("controller", input.party_name(controller).into())]),
    ];
    if let Some(direct) = &record.acts_for {
        parties.push(input.tr("record-engaged-by", &[("processor", input.party_name(direct).into())]));
    }
    parties.push(input.tr("record-dpo", &[("dpo", dpo(input, processor).into())]));
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
        field(input, "parties", "record-field-processor-parties", "30(2)(a)", parties),
        field(input, "processing", "record-field-processing", "30(2)(b)", processing),
        field(input, "transfers", "record-field-transfers", "30(2)(c)", transfers(input, &record.transfers)),
        field(input, "security", "record-field-security", "30(2)(d)", security(input, &record.systems)),
    ];
    RecordRow {
        record: ProcessorRecord::PROVISION.to_owned(),
        record_cited: crate::render::provision(ProcessorRecord::PROVISION, input.lang),
        title: match &record.acts_for {
            Some(direct) => input.tr(
                "record-title-engaged",
                &[
                    ("processor", input.party_name(processor).into()),
                    ("controller", input.party_name(controller).into()),
                    ("direct", input.party_name(direct).into()),
                ],
            ),
            None => input.tr(
                "record-title",
                &[
                    ("processor", input.party_name(processor).into()),
                    ("controller", input.party_name(controller).into()),
                ],
            ),
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
            let adequacy = match (&item.adequacy, &item.adequacy_not_covering) {
                (Some(instrument), _) => {
                    input.tr("transfer-adequacy", &[("instrument", instrument.to_string().into())])
                }
                (None, Some(instrument)) => {
                    input.tr("adequacy-not-covering", &[("instrument", instrument.to_string().into())])
                }
                (None, None) => input.t("transfer-no-adequacy"),
            };
            let tools = if item.tools.is_empty() { input.t("transfer-no-tool") } else { item.tools.join(", ") };
            let mut args = vec![
                ("party", input.party_name(&item.party).into()),
                ("country", input.country_short(&item.country).into()),
                ("activity", input.activity_name(&item.activity).into()),
                ("adequacy", adequacy.into()),
                ("tools", tools.into()),
            ];
            match &item.exporter {
                Some(exporter) => {
                    args.push(("exporter", input.party_name(exporter).into()));
                    input.tr("transfer-for", &args)
                }
                None => input.tr("transfer", &args),
            }
        })
        .collect()
}

/// The security measures of `systems` (sorted by id), one line per system.
fn security(input: &Names<'_>, systems: &[SystemId]) -> Vec<String> {
    let measures: Vec<String> =
        systems.iter().filter_map(|id| input.measures(id, |system| measures(input, system))).collect();
    if measures.is_empty() {
        return vec![input.t("security-no-system")];
    }
    measures
}

/// One system's measures in words: what the model records, then what it
/// leaves unrecorded, so that a gap in the record is visible as a gap.
pub fn measures(input: &Input<'_>, system: &System) -> String {
    use crate::model::{Authentication, Exposure};
    let mut known: Vec<&str> = Vec::new();
    let mut unknown: Vec<&str> = Vec::new();
    match system.exposure.as_ref().map(|e| e.value) {
        Some(Exposure::Internet) => known.push("measure-internet"),
        Some(Exposure::Private) => known.push("measure-private"),
        Some(Exposure::Internal) => known.push("measure-internal"),
        None => unknown.push("measure-exposure"),
    }
    match system.authentication.as_ref().map(|a| a.value) {
        Some(Authentication::None) => known.push("measure-no-authentication"),
        Some(Authentication::Password) => known.push("measure-password"),
        Some(Authentication::Mfa) => known.push("measure-mfa"),
        Some(Authentication::Smartcard) => known.push("measure-smartcard"),
        None => unknown.push("measure-authentication"),
    }
    let facts = [
        (&system.encrypted_in_transit, "measure-in-transit"),
        (&system.encrypted_at_rest, "measure-at-rest"),
        (&system.access_logging, "measure-logging"),
        (&system.backups, "measure-backups"),
    ];
    let mut keys: Vec<String> = Vec::new();
    for (value, key) in facts {
        match value.as_ref().map(|v| v.value) {
            Some(true) => keys.push(format!("{key}-yes")),
            Some(false) => keys.push(format!("{key}-no")),
            None => keys.push(format!("{key}-unknown")),
        }
    }
    let words = |list: &[&str]| list.iter().map(|key| input.t(key)).collect::<Vec<_>>().join(", ");
    let mut known = words(&known);
    let mut unknown = words(&unknown);
    for key in &keys {
        let list = if key.ends_with("-unknown") { &mut unknown } else { &mut known };
        if !list.is_empty() {
            list.push_str(", ");
        }
        list.push_str(&input.t(key));
    }
    let place = format!("{} ({})", system.name, input.country_short(&system.location.value));
    let args =
        [("system", place.as_str().into()), ("known", known.as_str().into()), ("unknown", unknown.as_str().into())];
    match (known.is_empty(), unknown.is_empty()) {
        (true, _) => input.tr("measures-none", &args),
        (false, true) => input.tr("measures", &args),
        (false, false) => input.tr("measures-partly", &args),
    }
}

/// The data categories of an activity.
pub fn data_of<'m>(input: &Input<'m>, activity: &Activity) -> Vec<&'m DataCategory> {
    activity.data.iter().filter_map(|d| input.model.data.get(&d.value)).collect()
}

/// One data category in words: `Recorded calls to 1177 (special categories: health, sex life; patient record)`.
pub fn data_item(input: &Input<'_>, data: &DataCategory) -> String {
    let mut marks = Vec::new();
    if !data.special_categories.is_empty() {
        let names: Vec<String> =
            data.special_categories.iter().map(|c| input.t(&format!("special-{}", c.as_str()))).collect();
        marks.push(input.tr("data-special", &[("categories", names.join(", ").into())]));
    }
    if data.criminal_offences {
        marks.push(input.t("data-criminal"));
    }
    if data.patient_record {
        marks.push(input.t("data-patient-record"));
    }
    if marks.is_empty() { data.name.clone() } else { format!("{} ({})", data.name, marks.join("; ")) }
}

/// An activity's data categories in words, joined.
pub fn data_in_words(input: &Input<'_>, activity: &Activity) -> String {
    let items: Vec<String> = data_of(input, activity).iter().map(|d| data_item(input, d)).collect();
    if items.is_empty() { input.t("none-recorded") } else { items.join("; ") }
}

/// An activity's data subjects: its own list, or those of its data.
pub fn subjects_of(input: &Input<'_>, activity: &Activity) -> Vec<String> {
    let mut subjects = activity.subjects.to_vec();
    if subjects.is_empty() {
        subjects = data_of(input, activity).iter().flat_map(|d| d.subjects.iter().cloned()).collect();
        subjects.sort();
        subjects.dedup();
    }
    if subjects.is_empty() {
        subjects.push(input.t("not-recorded"));
    }
    subjects
}

/// A retention period in words: `10 years (P10Y)`.
pub fn retention_words(lang: crate::render::Lang, retention: &Retention) -> String {
    let period = |key: &str, count: u32| crate::render::fixed(key, lang, &[("count", count.into())]);
    let mut parts = Vec::new();
    for (n, key) in [
        (retention.years, "period-years"),
        (retention.months, "period-months"),
        (retention.weeks, "period-weeks"),
        (retention.days, "period-days"),
    ] {
        if n > 0 {
            parts.push(period(key, n));
        }
    }
    if parts.is_empty() {
        parts.push(period("period-days", 0));
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
        assert_eq!(retention_words(crate::render::Lang::En, &ten), "10 years (P10Y)");
        let mixed = Retention::parse("P1Y6M").unwrap();
        assert_eq!(retention_words(crate::render::Lang::En, &mixed), "1 year 6 months (P1Y6M)");
    }
}
