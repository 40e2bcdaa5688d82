//! The model's types as written in YAML, with a span on every value a
//! diagnostic or a finding may point at, read from the [`yaml`](super::yaml)
//! tree field by field.
//!
//! One table per type, in [`raw!`], gives each field's name, Rust type, words
//! and description. The same table reads the YAML and writes the JSON Schema
//! (`ansvar schema`), so the schema cannot drift from what the loader accepts.
//!
//! These types are deliberately permissive: ids, references, enum spellings,
//! countries and dates are spanned text ([`I`]), checked in
//! [`super::validate`]. Here
//! only the shape is checked: a mapping with known keys, each written once; a
//! list where a list belongs; `true`/`false` exactly; whole numbers. A field
//! that fails is reported, left out and named in the entity's [`Failed`] set,
//! so validation neither reports it again as missing nor loses the entity, and
//! every other field and entity of the file is still read. Nothing outside
//! `load` sees these types.

use serde_json::{Map, Value as Json, json};

use super::yaml::{Node, Value};
use crate::diag::{Bounded, Diagnostic, DiagnosticCode};
use crate::model::Interned;
use crate::model::vocabulary::*;
use crate::source::{FileId, Span};
use crate::suggest::did_you_mean;

/// A spanned string of free text: names, purposes, notes.
pub type S = At<String>;

/// A spanned short text a model repeats (ids, references, enum values,
/// countries, dates), [`Interned`] as it is read: a reference then takes 12
/// bytes and no allocation of its own while the whole model's raw values are
/// held, and the text is the one its id will share.
pub type I = At<Interned>;

/// A value with the byte span where it is written.
#[derive(Clone, Debug)]
pub struct At<T> {
    /// The value.
    pub value: T,
    /// Byte offset of the value's start.
    start: u32,
    /// Byte offset of its end.
    end: u32,
}

impl<T> At<T> {
    /// The value's byte span in `file`, whose text is `len` bytes long.
    pub fn span(&self, file: FileId, len: usize) -> Span {
        let start = (self.start as usize).min(len);
        Span::new(file, start..(self.end as usize).clamp(start, len))
    }
}

/// The fields of an entry that were written but could not be read; each has
/// had its diagnostic already.
#[derive(Clone, Debug, Default)]
pub struct Failed(Vec<&'static str>);

impl Failed {
    /// Whether `field` was written but not read.
    pub fn contains(&self, field: &str) -> bool {
        self.0.contains(&field)
    }
}

/// A raw type with the set of its fields that failed.
pub trait Entry {
    /// The fields written but not read.
    fn failed(&self) -> &Failed;
}

/// Reading state: the file and the diagnostics so far.
pub struct Cx {
    file: FileId,
    /// Every problem found in the file, in reading order (errors past
    /// [`crate::diag::MAX_ERRORS_KEPT_PER_FILE`] only counted).
    pub diagnostics: Bounded,
    /// The texts of the file interned so far: interning takes the store's
    /// lock, and a file names the same few hundred ids and words many times.
    interned: std::collections::HashSet<Interned, foldhash::fast::RandomState>,
}

impl Cx {
    /// A reader for `file`.
    pub fn new(file: FileId) -> Self {
        Self { file, diagnostics: Bounded::new(), interned: Default::default() }
    }

    /// `text`, interned.
    fn intern(&mut self, text: &str) -> Interned {
        if let Some(&interned) = self.interned.get(text) {
            return interned;
        }
        let interned = Interned::new(text);
        self.interned.insert(interned);
        interned
    }

    fn error(&mut self, node: Node, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic::error(DiagnosticCode::Yaml, message).at(node.span(self.file), ""));
    }

    fn scalar<'n>(&mut self, node: Node<'n, '_>) -> Option<(&'n str, bool)> {
        match node.value() {
            Value::Scalar { text, plain } => Some((text, plain)),
            _ => {
                self.error(node, "expected a single value here, not a list or a mapping");
                None
            }
        }
    }
}

/// A type read from one YAML node.
pub trait FromNode: Sized {
    /// The value of `node`, or `None` after pushing a diagnostic.
    fn from_node(node: Node, cx: &mut Cx) -> Option<Self>;
    /// The JSON Schema of the value.
    fn schema() -> Json;
}

impl FromNode for String {
    fn from_node(node: Node, cx: &mut Cx) -> Option<Self> {
        if node.is_null() {
            cx.error(node, "expected a value here, found nothing");
            return None;
        }
        cx.scalar(node).map(|(text, _)| text.to_owned())
    }
    fn schema() -> Json {
        json!({ "type": "string" })
    }
}

impl FromNode for Interned {
    fn from_node(node: Node, cx: &mut Cx) -> Option<Self> {
        if node.is_null() {
            cx.error(node, "expected a value here, found nothing");
            return None;
        }
        cx.scalar(node).map(|(text, _)| cx.intern(text))
    }
    fn schema() -> Json {
        json!({ "type": "string" })
    }
}

impl FromNode for bool {
    fn from_node(node: Node, cx: &mut Cx) -> Option<Self> {
        let (text, plain) = cx.scalar(node)?;
        match (text, plain) {
            ("true", true) => return Some(true),
            ("false", true) => return Some(false),
            _ => {}
        }
        let lower = text.to_ascii_lowercase();
        let help = if matches!(lower.as_str(), "true" | "false") {
            "write `true` or `false` exactly: lower case, without quotes"
        } else {
            "write `true` or `false`: `yes`, `no`, `on` and `off` are not booleans in ansvar models"
        };
        cx.diagnostics.push(
            Diagnostic::error(DiagnosticCode::Yaml, "expected `true` or `false`").at(node.span(cx.file), "").help(help),
        );
        None
    }
    fn schema() -> Json {
        json!({ "type": "boolean" })
    }
}

macro_rules! whole_number {
    ($($ty:ty),*) => {$(
        impl FromNode for $ty {
            fn from_node(node: Node, cx: &mut Cx) -> Option<Self> {
                let (text, plain) = cx.scalar(node)?;
                let number = (plain && !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| text.parse::<$ty>().ok())
                    .flatten();
                if number.is_none() {
                    let largest = <$ty>::MAX;
                    cx.error(node, format!("expected a whole number, 0 or more (at most {largest})"));
                }
                number
            }
            fn schema() -> Json {
                json!({ "type": "integer", "minimum": 0, "maximum": <$ty>::MAX })
            }
        }
    )*};
}
whole_number!(u8, u32, u64);

impl<T: FromNode> FromNode for At<T> {
    fn from_node(node: Node, cx: &mut Cx) -> Option<Self> {
        T::from_node(node, cx).map(|value| At { value, start: node.start(), end: node.end() })
    }
    fn schema() -> Json {
        T::schema()
    }
}

impl<T: FromNode> FromNode for Vec<T> {
    fn from_node(node: Node, cx: &mut Cx) -> Option<Self> {
        // A list with a bad item counts as failed, so that nothing is
        // concluded from what it lacks.
        let (items, whole) = read_list(node, cx);
        whole.then_some(items)
    }
    fn schema() -> Json {
        json!({ "type": "array", "items": T::schema() })
    }
}

/// The items of a list that could be read, and whether all could.
fn read_list<T: FromNode>(node: Node, cx: &mut Cx) -> (Vec<T>, bool) {
    let Value::Seq(items) = node.value() else {
        cx.error(node, "expected a list here");
        return (Vec::new(), false);
    };
    let mut out = Vec::with_capacity(items.len());
    let mut whole = true;
    for item in items {
        match T::from_node(item, cx) {
            Some(value) => out.push(value),
            None => whole = false,
        }
    }
    (out, whole)
}

/// A field of a raw type: optional, or a list that defaults to empty. Null
/// (`field:` with nothing after it, `~`) is the same as leaving it out.
pub trait Field: Default {
    /// The field's value, and whether it was read without a problem.
    fn read(node: Node, cx: &mut Cx) -> (Self, bool);
    /// The JSON Schema of the field's value.
    fn schema() -> Json;
}

impl<T: FromNode> Field for Option<T> {
    fn read(node: Node, cx: &mut Cx) -> (Self, bool) {
        if node.is_null() {
            return (None, true);
        }
        let value = T::from_node(node, cx);
        let ok = value.is_some();
        (value, ok)
    }
    fn schema() -> Json {
        T::schema()
    }
}

impl<T: FromNode> Field for Vec<T> {
    fn read(node: Node, cx: &mut Cx) -> (Self, bool) {
        if node.is_null() {
            return (Vec::new(), true);
        }
        read_list(node, cx)
    }
    fn schema() -> Json {
        <Vec<T> as FromNode>::schema()
    }
}

/// Reads the entries of a mapping into the fields named `fields`, calling
/// `set(index, value node)` for each known one. Reports keys that are unknown,
/// repeated or not words; returns the fields to count as failed because a key
/// that is a near miss of theirs was written instead (`locaton:`), so that
/// they are not reported again as missing.
fn read_mapping(
    node: Node,
    cx: &mut Cx,
    fields: &'static [&'static str],
    mut set: impl FnMut(usize, Node, &mut Cx),
) -> Option<Vec<&'static str>> {
    let Value::Map(entries) = node.value() else {
        cx.error(node, "expected a mapping (`key: value` entries) here");
        return None;
    };
    let mut seen = 0u64;
    let mut near_misses = Vec::new();
    for (key, value) in entries {
        let name = match key.value() {
            Value::Scalar { text, .. } => text,
            _ => {
                cx.error(key, "expected a field name here, not a list or a mapping");
                continue;
            }
        };
        match fields.iter().position(|field| *field == name) {
            Some(index) if seen & (1 << index) != 0 => cx.diagnostics.push(
                Diagnostic::error(DiagnosticCode::Yaml, format!("duplicate key `{name}`"))
                    .at(key.span(cx.file), "")
                    .help("each key may appear once in a mapping"),
            ),
            Some(index) => {
                seen |= 1 << index;
                set(index, value, cx);
            }
            None => {
                let mut diagnostic = Diagnostic::error(DiagnosticCode::UnknownField, format!("unknown field `{name}`"))
                    .at(key.span(cx.file), format!("expected one of: {}", fields.join(", ")));
                if let Some(suggestion) = did_you_mean(name, fields.iter().copied()) {
                    diagnostic = diagnostic.help(format!("did you mean `{suggestion}`?"));
                    if let Some(field) = fields.iter().find(|f| **f == suggestion) {
                        near_misses.push(*field);
                    }
                }
                cx.diagnostics.push(diagnostic);
            }
        }
    }
    // A near miss of a field that is written anyway is only unknown.
    near_misses.retain(|miss| fields.iter().position(|f| f == miss).is_some_and(|index| seen & (1 << index) == 0));
    Some(near_misses)
}

/// The description of a field or type from its doc comment lines.
fn describe(lines: &[&str]) -> String {
    lines.iter().map(|line| line.trim()).collect::<Vec<_>>().join(" ").trim().to_owned()
}

/// Defines raw types: each a struct, its [`FromNode`] reading (refusing
/// unknown and repeated keys) and its JSON Schema, from one table. A field may
/// give its schema after `=>`; otherwise it comes from its type.
macro_rules! raw {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident $title:literal required($($required:ident),*) {
            $( $(#[doc = $fdoc:literal])* $field:ident : $ty:ty $(=> $schema:expr)? ),* $(,)?
        }
    )*) => {$(
        $(#[doc = $doc])*
        #[derive(Clone, Debug, Default)]
        pub struct $name {
            $( $(#[doc = $fdoc])* pub $field: $ty, )*
            /// The fields written but not read.
            pub failed: Failed,
        }

        impl $name {
            /// The field names, in the order the docs list them.
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];

            /// The type's name in the schema's definitions.
            #[allow(dead_code)]
            pub const TITLE: &'static str = $title;

            /// The JSON Schema of each field, by name, in order.
            fn field_schemas() -> Vec<(&'static str, Json)> {
                vec![$({
                    #[allow(unused_mut, unused_assignments)]
                    let mut schema = <$ty as Field>::schema();
                    $( schema = $schema; )?
                    if let Json::Object(map) = &mut schema {
                        map.insert("description".into(), Json::String(describe(&[$($fdoc),*])));
                    }
                    (stringify!($field), schema)
                }),*]
            }

            /// The schema of the type, with its description.
            fn definition() -> Json {
                object(&describe(&[$($doc),*]), Self::field_schemas(), &[$(stringify!($required)),*])
            }
        }

        impl Entry for $name {
            fn failed(&self) -> &Failed {
                &self.failed
            }
        }

        impl FromNode for $name {
            fn from_node(node: Node, cx: &mut Cx) -> Option<Self> {
                let mut out = Self::default();
                let mut failed = Vec::new();
                let near_misses = read_mapping(node, cx, Self::FIELDS, |index, value, cx| {
                    match Self::FIELDS[index] {
                        $( stringify!($field) => {
                            let (read, ok) = <$ty as Field>::read(value, cx);
                            out.$field = read;
                            if !ok {
                                failed.push(stringify!($field));
                            }
                        } )*
                        _ => {}
                    }
                })?;
                failed.extend(near_misses);
                out.failed = Failed(failed);
                Some(out)
            }
            fn schema() -> Json {
                json!({ "$ref": format!("#/definitions/{}", $title) })
            }
        }
    )*};
}

/// An object schema: the fields, those required, no others.
fn object(description: &str, fields: Vec<(&'static str, Json)>, required: &[&str]) -> Json {
    let properties: Map<String, Json> = fields.into_iter().map(|(name, schema)| (name.to_owned(), schema)).collect();
    let mut schema = json!({
        "type": "object",
        "description": description,
        "properties": properties,
        "additionalProperties": false,
    });
    if !required.is_empty() {
        schema["required"] = json!(required);
    }
    schema
}

/// A string that is one of a closed vocabulary's words.
/// Editors that read `markdownEnumDescriptions` (yaml-language-server, VS Code)
/// show each word's meaning beside it.
fn words<T: Vocabulary>() -> Json {
    json!({ "type": "string", "enum": T::spellings(), "markdownEnumDescriptions": T::MEANINGS })
}

/// A list of a schema.
fn list(items: Json) -> Json {
    json!({ "type": "array", "items": items })
}

/// An id or a reference to one.
fn id() -> Json {
    json!({ "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$" })
}

/// An ISO 3166-1 alpha-2 country code.
fn country() -> Json {
    json!({ "type": "string", "pattern": "^[A-Z]{2}$" })
}

/// A calendar date.
fn date() -> Json {
    json!({ "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" })
}

raw! {
    /// One file of a model: any of the seven sections, all optional. The
    /// sections of every file of the model directory are merged.
    RawFile "file" required() {
        /// Organisations that can hold a role: regions, care providers,
        /// subcontractors, vendors, authorities.
        parties: Vec<At<RawParty>>,
        /// Categories of personal data.
        data: Vec<At<RawData>>,
        /// IT systems, servers and storage. Every security property left out is unknown.
        systems: Vec<At<RawSystem>>,
        /// Processing activities: one purpose, its data, who decides and who carries it
        /// out. Roles are derived per activity.
        processing: Vec<At<RawActivity>>,
        /// Contracts as signed, with the roles they claim for each party.
        agreements: Vec<At<RawAgreement>>,
        /// Personal-data breaches that happened (Art. 4(12)), with the notifications sent.
        incidents: Vec<At<RawIncident>>,
        /// Findings accepted by the model's owners, each with a justification, who
        /// accepted it and an end date.
        accepted_risks: Vec<At<RawAcceptedRisk>>,
    }

    /// A party: an organisation that can hold a role.
    RawParty "party" required(id, name, kind, country) {
        /// Unique lowercase kebab-case id, e.g. `medhelp`.
        id: Option<I> => id(),
        /// Legal name, printed in reports as the controller's identity (Art. 13(1)(a)).
        name: Option<S>,
        /// What the organisation is. `region`, `municipality` and `authority` are public
        /// bodies by default; `authority` also models a supervisory authority.
        kind: Option<I> => words::<PartyKind>(),
        /// Country of establishment, ISO 3166-1 alpha-2 (`SE`, `TH`, `GB`). Decides
        /// Art. 3(1), Chapter V and whether Swedish sector law reaches the party.
        country: Option<I> => country(),
        /// Organisation number, for identification only.
        org_number: Option<S>,
        /// Party id of the owner. Informational: group structure does not change roles.
        owned_by: Option<I> => id(),
        /// Legal regimes (reference data ids, e.g. `se-healthcare-secrecy`) the party is
        /// bound by; compared with the `requires` of the data it handles.
        subject_to: Vec<I> => list(id()),
        /// Whether it is a public authority (Art. 37(1)(a), 83(7)). Default: from `kind`.
        public_body: Option<At<bool>>,
        /// Certifications held, e.g. the EU-US Data Privacy Framework (Art. 45).
        certifications: Vec<At<RawCertification>>,
        /// Whether it keeps records of processing activities (Art. 30). Left out: unknown.
        keeps_records: Option<At<bool>>,
        /// Head count; under 250 the Art. 30(5) exemption may apply. Left out: unknown.
        employees: Option<At<u64>>,
        /// Whether it has designated a data protection officer (Art. 37). Left out: unknown.
        dpo: Option<At<bool>>,
        /// Whether it has an establishment in the EU/EEA: a branch, office or other stable
        /// arrangement with real activity (Art. 3(1), recital 22). Left out: unknown, unless
        /// `country` is in the EU/EEA, which counts as one.
        eu_establishment: Option<At<bool>>,
        /// Whether it offers goods or services to people in the Union in its own right
        /// (Art. 3(2)(a)). Left out: unknown.
        targets_eu_subjects: Option<At<bool>>,
        /// Whether it monitors the behaviour of people in the Union (Art. 3(2)(b)).
        /// Left out: unknown.
        monitors_eu_subjects: Option<At<bool>>,
        /// Whether it has designated in writing a representative in the Union (Art. 27(1)),
        /// which a party reached only by Art. 3(2) must, unless Art. 27(2) exempts it.
        /// Left out: unknown.
        eu_representative: Option<At<bool>>,
        /// Whether its core activities consist of processing special categories of data
        /// on a large scale (Art. 37(1)(c)): a test of its own main business. Left out:
        /// unknown (a care provider controlling such processing is presumed to).
        core_activities_special_categories: Option<At<bool>>,
        /// Free text for readers of reports.
        notes: Option<String>,
    }

    /// A certification held by a party.
    RawCertification "certification" required(scheme) {
        /// The scheme's id, matching the reference data's adequacy scope (`eu-us-dpf`).
        scheme: Option<S>,
        /// Which data it covers (`hr`, `non_hr`); left out or `[]`: all data.
        covers: Vec<I> => list(words::<CertifiedData>()),
        /// First day valid, YYYY-MM-DD, inclusive.
        from: Option<I> => date(),
        /// Last day valid, YYYY-MM-DD, inclusive.
        until: Option<I> => date(),
    }

    /// A category of personal data.
    RawData "data" required(id, name) {
        /// Unique lowercase kebab-case id, e.g. `call-recordings`.
        id: Option<I> => id(),
        /// What the data are.
        name: Option<S>,
        /// Special categories of Art. 9(1); any of them raises the Art. 32 bar and points
        /// towards a DPIA.
        special_categories: Vec<I> => list(words::<SpecialCategory>()),
        /// Data on criminal convictions and offences (Art. 10). Default `false`.
        criminal_offences: Option<At<bool>>,
        /// Part of a patient record under patientdatalagen: access logging, backups and
        /// ten years' retention. Default `false`.
        patient_record: Option<At<bool>>,
        /// Human-resources data, which the US DPF certifies separately. Default `false`.
        employment: Option<At<bool>>,
        /// Categories of data subjects, free words (`callers`, `patients`).
        subjects: Vec<S>,
        /// How long the data are kept: an ISO 8601 duration `PnYnMnWnD` (`P10Y`).
        /// Left out: unknown.
        retention: Option<I> => json!({ "type": "string", "pattern": "^P([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?$" }),
        /// Regimes whoever handles the data must be bound by (reference data ids).
        requires: Vec<I> => list(id()),
        /// Free text for readers of reports.
        notes: Option<String>,
    }

    /// An IT system, server or storage.
    RawSystem "system" required(id, name, operator, location) {
        /// Unique lowercase kebab-case id, e.g. `vi-nas`.
        id: Option<I> => id(),
        /// What the system is.
        name: Option<S>,
        /// Party id of who runs the system and must take the Art. 32 measures.
        operator: Option<I> => id(),
        /// Country where it stands, ISO 3166-1 alpha-2.
        location: Option<I> => country(),
        /// How it can be reached: `internet`, `private` (a closed shared network such as
        /// Sjunet) or `internal`. Left out: unknown.
        exposure: Option<I> => words::<Exposure>(),
        /// Encryption in transit and at rest (Art. 32(1)(a)). Left out: unknown.
        encryption: Option<At<RawEncryption>>,
        /// How users log in. Left out: unknown.
        authentication: Option<I> => words::<Authentication>(),
        /// Access is logged (PDL 4 kap. 3 §; Art. 32). Left out: unknown.
        access_logging: Option<At<bool>>,
        /// The access logs are reviewed systematically and regularly (PDL 4 kap. 3 §).
        /// Left out: unknown.
        log_review: Option<At<bool>>,
        /// Access rights were assigned from a needs-and-risk analysis (HSLF-FS 2016:40
        /// 4 kap. 2 §). Left out: unknown.
        needs_and_risk_analysis: Option<At<bool>>,
        /// The data are backed up (Art. 32(1)(c)); RAID is not a backup. Left out: unknown.
        backups: Option<At<bool>>,
        /// Free text for readers of reports.
        notes: Option<String>,
    }

    /// A system's encryption.
    RawEncryption "encryption" required() {
        /// Traffic is encrypted. Left out: unknown.
        in_transit: Option<At<bool>>,
        /// Stored data are encrypted (also Art. 34(3)(a)). Left out: unknown.
        at_rest: Option<At<bool>>,
    }

    /// A processing activity.
    RawActivity "activity" required(id, name) {
        /// Unique lowercase kebab-case id, e.g. `advice-medhelp`.
        id: Option<I> => id(),
        /// What the activity is.
        name: Option<S>,
        /// Why the processing takes place (Art. 5(1)(b), 13(1)(c), 30(1)(b)).
        purpose: Option<S>,
        /// Data ids of the data it processes.
        data: Vec<I> => list(id()),
        /// Categories of data subjects, if narrower or other than the data's.
        subjects: Vec<S>,
        /// A controller designated by law (Art. 4(7)), e.g. patientdatalagen 2 kap. 6 §.
        controller_by_law: Option<At<RawLegalDesignation>>,
        /// Party ids of those who decide why: each is a controller (Art. 4(7)).
        purposes_decided_by: Vec<I> => list(id()),
        /// Party ids of those who decide the essential means: each is a controller.
        means_decided_by: Vec<I> => list(id()),
        /// Party ids of those who inform data subjects (Art. 13/14). `[]`: nobody does.
        /// Left out: unknown.
        informs_subjects: Option<At<Vec<I>>> => list(id()),
        /// Large-scale processing: a DPIA and DPO trigger (Art. 35(3)(b), 37(1)(c)).
        large_scale: Option<At<bool>>,
        /// A data protection impact assessment was carried out (Art. 35). Left out: unknown.
        dpia: Option<At<bool>>,
        /// First day the activity runs, YYYY-MM-DD, inclusive.
        active_from: Option<I> => date(),
        /// Last day the activity runs, YYYY-MM-DD, inclusive.
        active_until: Option<I> => date(),
        /// Who carries the activity out.
        performers: Vec<At<RawPerformer>>,
        /// Free text for readers of reports.
        notes: Option<String>,
    }

    /// A controller designated by law.
    RawLegalDesignation "legal-designation" required(party) {
        /// Party id of the controller.
        party: Option<I> => id(),
        /// The provision, e.g. `patientdatalagen (2008:355) 2 kap. 6 §`; reports cite it.
        law: Option<S>,
    }

    /// A party carrying out an activity.
    RawPerformer "performer" required(party) {
        /// Party id of who performs.
        party: Option<I> => id(),
        /// Party id of whom it acts for: a processor (Art. 28) or sub-processor. Left
        /// out: the party acts for itself.
        on_behalf_of: Option<I> => id(),
        /// Country where it processes, ISO 3166-1 alpha-2. Default: the party's country.
        location: Option<I> => country(),
        /// Countries from which it reaches the data remotely: a transfer even without copying.
        access_from: Vec<I> => list(country()),
        /// System ids of the systems it uses.
        systems: Vec<I> => list(id()),
        /// Purposes of its own beyond its instructions: a controller for them (Art. 28(10)).
        own_purposes: Vec<S>,
        /// It processed the data beyond its principal's instructions without purposes of
        /// its own, and stays a processor (Art. 29). Left out: unknown.
        beyond_instructions: Option<At<bool>>,
        /// It gives care as a nurse or doctor, so it must be a vårdgivare and a controller
        /// (PDL 2 kap. 6 §).
        gives_care: Option<At<bool>>,
        /// What it does, in words, for reports.
        task: Option<S>,
    }

    /// A contract as signed.
    RawAgreement "agreement" required(id, kind, parties) {
        /// Unique lowercase kebab-case id, e.g. `medhelp-medicall`.
        id: Option<I> => id(),
        /// The contract's name.
        name: Option<S>,
        /// What kind of contract it is.
        kind: Option<I> => words::<AgreementKind>(),
        /// The parties, with the role the contract claims for each (at least one).
        parties: Vec<At<RawAgreementParty>>,
        /// Activity ids of the activities it governs (Art. 28(3)).
        covers: Vec<I> => list(id()),
        /// First day in force, YYYY-MM-DD, inclusive.
        effective: Option<I> => date(),
        /// Last day in force, YYYY-MM-DD, inclusive.
        expires: Option<I> => date(),
        /// Whether and how sub-processors may be engaged (Art. 28(2), 28(3)(d)). Left out:
        /// not recorded.
        sub_processing: Option<At<RawSubProcessing>>,
        /// Where the contract allows processing: country codes and/or `EEA`. `[]`:
        /// nowhere. Left out: no restriction.
        residency: Option<At<Vec<I>>> => list(json!({ "type": "string", "pattern": "^([A-Z]{2}|EEA)$" })),
        /// Hours within which the processor must report a breach to the controller
        /// (Art. 33(2)).
        breach_notification_hours: Option<At<u32>>,
        /// The breach-notification duty stated without a number: `without_undue_delay`
        /// (Art. 33(2)) or `none`. Left out: not recorded.
        breach_notification: Option<I> => words::<BreachNotice>(),
        /// The Chapter V transfer tool the contract carries.
        transfer: Option<At<RawTransfer>>,
        /// The Art. 28(3) terms it contains. `[]`: none. Left out: not recorded.
        terms: Option<At<Vec<I>>> => list(words::<Art28Term>()),
        /// Free text for readers of reports.
        notes: Option<String>,
    }

    /// A party to an agreement.
    RawAgreementParty "agreement-party" required(party) {
        /// Party id.
        party: Option<I> => id(),
        /// The role the contract claims for it; left out if it names none.
        role: Option<I> => words::<ClaimedRole>(),
    }

    /// Sub-processing terms (Art. 28(2)).
    RawSubProcessing "sub-processing" required(authorisation) {
        /// `prohibited`, `specific` (only those listed) or `general` (any, the controller
        /// told of each).
        authorisation: Option<I> => words::<Authorisation>(),
        /// Party ids: the authorised sub-processors (`specific`) or those the controller
        /// was told of (`general`).
        parties: Vec<I> => list(id()),
    }

    /// A transfer tool (Chapter V).
    RawTransfer "transfer" required(tool) {
        /// The Art. 46 tool, or an Art. 49 derogation.
        tool: Option<I> => words::<TransferTool>(),
        /// SCC module, required for `scc`: 1 controller→controller, 2 controller→processor,
        /// 3 processor→processor, 4 processor→controller.
        module: Option<At<u8>> => json!({ "type": "integer", "enum": [1, 2, 3, 4] }),
        /// Party id of the party sending the data.
        exporter: Option<I> => id(),
        /// Party id of the party receiving it in the third country.
        importer: Option<I> => id(),
        /// Whether the exporter assessed the destination's law and practice (SCC
        /// Clause 14). Left out: unknown.
        impact_assessment: Option<At<bool>>,
        /// Measures added to the tool (EDPB Recommendations 01/2020). `[]`: none. Left
        /// out: unknown.
        supplementary_measures: Option<At<Vec<I>>> => list(words::<SupplementaryMeasure>()),
    }

    /// A personal-data breach.
    RawIncident "incident" required(id, name) {
        /// Unique lowercase kebab-case id, e.g. `nas-exposure-2019`.
        id: Option<I> => id(),
        /// What happened.
        name: Option<S>,
        /// System ids of the systems breached.
        systems: Vec<I> => list(id()),
        /// When the breach was discovered: YYYY-MM-DD or YYYY-MM-DDTHH:MM, local time.
        /// Left out: unknown.
        discovered: Option<I> => json!({ "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?)?$" }),
        /// Party id of who discovered it. Left out: unknown.
        discovered_by: Option<I> => id(),
        /// Each notification sent.
        notifications: Vec<At<RawNotification>>,
        /// Whether data subjects were told (Art. 34). Left out: unknown.
        subjects_informed: Option<At<bool>>,
        /// The controller's risk assessment: `unlikely` (no notification due, Art. 33(1)),
        /// `likely`, or `high` (tell the data subjects, Art. 34(1)). Left out: unknown.
        risk: Option<I> => words::<BreachRisk>(),
        /// Free text for readers of reports.
        notes: Option<String>,
    }

    /// A breach notification sent.
    RawNotification "notification" required(from, to) {
        /// Party id of the sender.
        from: Option<I> => id(),
        /// Party id of the recipient: a controller or a supervisory authority.
        to: Option<I> => id(),
        /// When: YYYY-MM-DD or YYYY-MM-DDTHH:MM, local time.
        at: Option<I> => json!({ "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?)?$" }),
    }

    /// A finding accepted by the model's owners.
    RawAcceptedRisk "accepted-risk" required(rule, justification, accepted_by, expires) {
        /// The finding's rule code, as printed by `ansvar check` (`docs/rules.md`).
        rule: Option<I> => id(),
        /// Party id: only findings about this party. Left out: every party.
        party: Option<I> => id(),
        /// Activity id: only findings about this activity. Left out: every activity.
        activity: Option<I> => id(),
        /// Why the risk is accepted.
        justification: Option<S>,
        /// Who accepted it: a name and function.
        accepted_by: Option<S>,
        /// The last day the acceptance holds, YYYY-MM-DD.
        expires: Option<I> => date(),
    }
}

/// Reads one file's tree; every problem is in `cx`, and whatever could be read
/// is returned. A file with no document is empty.
pub fn read_file(root: Option<Node>, cx: &mut Cx) -> RawFile {
    root.filter(|root| !root.is_null()).and_then(|root| RawFile::from_node(root, cx)).unwrap_or_default()
}

/// The JSON Schema (draft-07, the draft yaml-language-server reads) of one
/// model file.
pub fn schema() -> Json {
    let definitions: Map<String, Json> = [
        (RawParty::TITLE, RawParty::definition()),
        (RawCertification::TITLE, RawCertification::definition()),
        (RawData::TITLE, RawData::definition()),
        (RawSystem::TITLE, RawSystem::definition()),
        (RawEncryption::TITLE, RawEncryption::definition()),
        (RawActivity::TITLE, RawActivity::definition()),
        (RawLegalDesignation::TITLE, RawLegalDesignation::definition()),
        (RawPerformer::TITLE, RawPerformer::definition()),
        (RawAgreement::TITLE, RawAgreement::definition()),
        (RawAgreementParty::TITLE, RawAgreementParty::definition()),
        (RawSubProcessing::TITLE, RawSubProcessing::definition()),
        (RawTransfer::TITLE, RawTransfer::definition()),
        (RawIncident::TITLE, RawIncident::definition()),
        (RawNotification::TITLE, RawNotification::definition()),
        (RawAcceptedRisk::TITLE, RawAcceptedRisk::definition()),
    ]
    .into_iter()
    .map(|(name, schema)| (name.to_owned(), schema))
    .collect();
    let mut file = RawFile::definition();
    file["$schema"] = json!("http://json-schema.org/draft-07/schema#");
    file["title"] = json!("ansvar model file");
    file["definitions"] = Json::Object(definitions);
    file
}
