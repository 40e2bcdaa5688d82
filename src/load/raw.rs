//! Serde types that mirror the YAML exactly, with a span on every value a
//! diagnostic or a finding may point at.
//!
//! These types are deliberately permissive: ids, references, enum spellings,
//! countries and dates are `Spanned<String>` so that one bad value does not stop
//! the whole file. [`super::validate`] checks them all and reports every problem.
//! Only YAML syntax errors and a wrong shape (a list where a mapping belongs, an
//! unknown field) stop a file. Nothing outside `load` sees these types.

use serde::Deserialize;
use serde_saphyr::Spanned;

/// A spanned string: ids, references, enum values, countries, dates.
pub type S = Spanned<String>;

/// One YAML file of a model: any of the sections, all optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    #[serde(default)]
    pub parties: Vec<Spanned<RawParty>>,
    #[serde(default)]
    pub data: Vec<Spanned<RawData>>,
    #[serde(default)]
    pub systems: Vec<Spanned<RawSystem>>,
    #[serde(default)]
    pub processing: Vec<Spanned<RawActivity>>,
    #[serde(default)]
    pub agreements: Vec<Spanned<RawAgreement>>,
    #[serde(default)]
    pub incidents: Vec<Spanned<RawIncident>>,
    #[serde(default)]
    pub accepted_risks: Vec<Spanned<RawAcceptedRisk>>,
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
    pub public_body: Option<Spanned<bool>>,
    #[serde(default)]
    pub certifications: Vec<Spanned<RawCertification>>,
    pub keeps_records: Option<Spanned<bool>>,
    pub employees: Option<Spanned<u64>>,
    pub dpo: Option<Spanned<bool>>,
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
    pub criminal_offences: Option<Spanned<bool>>,
    pub patient_record: Option<Spanned<bool>>,
    pub employment: Option<Spanned<bool>>,
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
    pub encryption: Option<Spanned<RawEncryption>>,
    pub authentication: Option<S>,
    pub access_logging: Option<Spanned<bool>>,
    pub backups: Option<Spanned<bool>>,
    pub notes: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEncryption {
    pub in_transit: Option<Spanned<bool>>,
    pub at_rest: Option<Spanned<bool>>,
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
    pub controller_by_law: Option<Spanned<RawLegalDesignation>>,
    #[serde(default)]
    pub purposes_decided_by: Vec<S>,
    #[serde(default)]
    pub means_decided_by: Vec<S>,
    pub informs_subjects: Option<Spanned<Vec<S>>>,
    pub large_scale: Option<Spanned<bool>>,
    pub active_from: Option<S>,
    pub active_until: Option<S>,
    #[serde(default)]
    pub performers: Vec<Spanned<RawPerformer>>,
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
    pub gives_care: Option<Spanned<bool>>,
    pub task: Option<S>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAgreement {
    pub id: Option<S>,
    pub name: Option<S>,
    pub kind: Option<S>,
    #[serde(default)]
    pub parties: Vec<Spanned<RawAgreementParty>>,
    #[serde(default)]
    pub covers: Vec<S>,
    pub effective: Option<S>,
    pub expires: Option<S>,
    pub sub_processing: Option<Spanned<RawSubProcessing>>,
    pub residency: Option<Spanned<Vec<S>>>,
    pub breach_notification_hours: Option<Spanned<u32>>,
    pub transfer: Option<Spanned<RawTransfer>>,
    pub terms: Option<Spanned<Vec<S>>>,
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
    pub module: Option<Spanned<u8>>,
    pub exporter: Option<S>,
    pub importer: Option<S>,
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
    pub notifications: Vec<Spanned<RawNotification>>,
    pub subjects_informed: Option<Spanned<bool>>,
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
