//! Serde types that mirror the YAML exactly, with a span on every value a
//! diagnostic or a finding may point at.
//!
//! These types are deliberately permissive: ids, references, enum spellings,
//! countries and dates are `At<String>` so that one bad value does not stop
//! the whole file. [`super::validate`] checks them all and reports every problem.
//! Only YAML syntax errors and a wrong shape (a list where a mapping belongs, an
//! unknown field) stop a file. Nothing outside `load` sees these types.

use serde::{Deserialize, Deserializer};

use crate::source::{FileId, Span};

/// A spanned string: ids, references, enum values, countries, dates.
pub type S = At<String>;

/// A value with the place in the file where it is written.
///
/// serde-saphyr's `At<T>` carries two full locations (where a value is
/// used and, for an alias, where it is defined), about 100 bytes per value. A
/// model has millions of values and validation only ever uses where each is
/// used, so this keeps that position in 16 bytes: the raw types of a big model
/// take a third of the memory and parse faster.
#[derive(Clone, Debug)]
pub struct At<T> {
    /// The value.
    pub value: T,
    /// Byte offset of the value, or `u32::MAX` if the parser gave none.
    start: u32,
    /// Length in bytes (0 if the parser gave none).
    len: u32,
    /// 1-based line, for the fallback when no byte offset is known.
    line: u32,
    /// 1-based column, in characters, for the same fallback.
    column: u32,
}

impl<T> At<T> {
    /// The value's byte span in `text`, the text of `file`; what
    /// [`super::span_of`] gives for the full location.
    pub fn span(&self, file: FileId, text: &str) -> Span {
        let start = if self.start == u32::MAX {
            super::byte_offset_of(text, u64::from(self.line), u64::from(self.column))
        } else {
            self.start as usize
        };
        let start = start.min(text.len());
        Span::new(file, start..(start + self.len as usize).min(text.len()))
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for At<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = serde_saphyr::Spanned::<T>::deserialize(deserializer)?;
        let location = spanned.referenced;
        let span = location.span();
        // Model files are at most `MAX_FILE_BYTES` (256 MiB), so offsets fit;
        // anything larger is clamped to the end of the text, as `span_of` does.
        let start = span.byte_offset().map_or(u32::MAX, |offset| u32::try_from(offset).unwrap_or(u32::MAX - 1));
        let len = span.byte_len().map_or(0, |len| u32::try_from(len).unwrap_or(u32::MAX));
        Ok(Self {
            value: spanned.value,
            start,
            len,
            line: u32::try_from(location.line()).unwrap_or(u32::MAX),
            column: u32::try_from(location.column()).unwrap_or(u32::MAX),
        })
    }
}

/// One YAML file of a model: any of the sections, all optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    #[serde(default)]
    pub parties: Vec<At<RawParty>>,
    #[serde(default)]
    pub data: Vec<At<RawData>>,
    #[serde(default)]
    pub systems: Vec<At<RawSystem>>,
    #[serde(default)]
    pub processing: Vec<At<RawActivity>>,
    #[serde(default)]
    pub agreements: Vec<At<RawAgreement>>,
    #[serde(default)]
    pub incidents: Vec<At<RawIncident>>,
    #[serde(default)]
    pub accepted_risks: Vec<At<RawAcceptedRisk>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawParty {
    pub id: Option<S>,
    pub name: Option<S>,
    pub kind: Option<S>,
    pub country: Option<S>,
    pub org_number: Option<S>,
    pub owned_by: Option<S>,
    #[serde(default)]
    pub subject_to: Vec<S>,
    pub public_body: Option<At<bool>>,
    #[serde(default)]
    pub certifications: Vec<At<RawCertification>>,
    pub keeps_records: Option<At<bool>>,
    pub employees: Option<At<u64>>,
    pub dpo: Option<At<bool>>,
    pub notes: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCertification {
    pub scheme: Option<S>,
    #[serde(default)]
    pub covers: Vec<S>,
    pub from: Option<S>,
    pub until: Option<S>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawData {
    pub id: Option<S>,
    pub name: Option<S>,
    #[serde(default)]
    pub special_categories: Vec<S>,
    pub criminal_offences: Option<At<bool>>,
    pub patient_record: Option<At<bool>>,
    pub employment: Option<At<bool>>,
    #[serde(default)]
    pub subjects: Vec<S>,
    pub retention: Option<S>,
    #[serde(default)]
    pub requires: Vec<S>,
    pub notes: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSystem {
    pub id: Option<S>,
    pub name: Option<S>,
    pub operator: Option<S>,
    pub location: Option<S>,
    pub exposure: Option<S>,
    pub encryption: Option<At<RawEncryption>>,
    pub authentication: Option<S>,
    pub access_logging: Option<At<bool>>,
    pub backups: Option<At<bool>>,
    pub notes: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEncryption {
    pub in_transit: Option<At<bool>>,
    pub at_rest: Option<At<bool>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawActivity {
    pub id: Option<S>,
    pub name: Option<S>,
    pub purpose: Option<S>,
    #[serde(default)]
    pub data: Vec<S>,
    #[serde(default)]
    pub subjects: Vec<S>,
    pub controller_by_law: Option<At<RawLegalDesignation>>,
    #[serde(default)]
    pub purposes_decided_by: Vec<S>,
    #[serde(default)]
    pub means_decided_by: Vec<S>,
    pub informs_subjects: Option<At<Vec<S>>>,
    pub large_scale: Option<At<bool>>,
    pub active_from: Option<S>,
    pub active_until: Option<S>,
    #[serde(default)]
    pub performers: Vec<At<RawPerformer>>,
    pub notes: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLegalDesignation {
    pub party: Option<S>,
    pub law: Option<S>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPerformer {
    pub party: Option<S>,
    pub on_behalf_of: Option<S>,
    pub location: Option<S>,
    #[serde(default)]
    pub access_from: Vec<S>,
    #[serde(default)]
    pub systems: Vec<S>,
    #[serde(default)]
    pub own_purposes: Vec<S>,
    pub gives_care: Option<At<bool>>,
    pub task: Option<S>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAgreement {
    pub id: Option<S>,
    pub name: Option<S>,
    pub kind: Option<S>,
    #[serde(default)]
    pub parties: Vec<At<RawAgreementParty>>,
    #[serde(default)]
    pub covers: Vec<S>,
    pub effective: Option<S>,
    pub expires: Option<S>,
    pub sub_processing: Option<At<RawSubProcessing>>,
    pub residency: Option<At<Vec<S>>>,
    pub breach_notification_hours: Option<At<u32>>,
    pub breach_notification: Option<S>,
    pub transfer: Option<At<RawTransfer>>,
    pub terms: Option<At<Vec<S>>>,
    pub notes: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAgreementParty {
    pub party: Option<S>,
    pub role: Option<S>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSubProcessing {
    pub authorisation: Option<S>,
    #[serde(default)]
    pub parties: Vec<S>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTransfer {
    pub tool: Option<S>,
    pub module: Option<At<u8>>,
    pub exporter: Option<S>,
    pub importer: Option<S>,
    pub impact_assessment: Option<At<bool>>,
    pub supplementary_measures: Option<At<Vec<S>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIncident {
    pub id: Option<S>,
    pub name: Option<S>,
    #[serde(default)]
    pub systems: Vec<S>,
    pub discovered: Option<S>,
    pub discovered_by: Option<S>,
    #[serde(default)]
    pub notifications: Vec<At<RawNotification>>,
    pub subjects_informed: Option<At<bool>>,
    pub risk: Option<S>,
    pub notes: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNotification {
    pub from: Option<S>,
    pub to: Option<S>,
    pub at: Option<S>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAcceptedRisk {
    pub rule: Option<S>,
    pub party: Option<S>,
    pub activity: Option<S>,
    pub justification: Option<S>,
    pub accepted_by: Option<S>,
    pub expires: Option<S>,
}
