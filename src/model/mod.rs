//! The validated model: what the rest of `ansvar` reasons about.
//!
//! These types are built only by [`crate::load`] and are valid by construction:
//! every reference resolves, every enum is one of its spellings, every country is
//! an ISO 3166-1 alpha-2 code and every date is a real date. Entities are kept
//! sorted by id, so the model is the same whatever the order of files and entries.
//! Spans point back into the YAML; they are not part of the facts and are skipped
//! when a model is serialised (which is how `diff` compares two models).

pub mod ids;
pub mod map;
pub mod vocabulary;

use std::fmt;
use std::ops::Deref;

use jiff::civil::{Date, DateTime};
use serde::Serialize;

pub use ids::{ActivityId, AgreementId, DataId, IncidentId, Interned, PartyId, RegimeId, SystemId};
pub use map::IdMap;
pub use vocabulary::{
    AgreementKind, Art28Term, Authentication, Authorisation, BreachNotice, BreachRisk, CertifiedData, ClaimedRole,
    Exposure, PartyKind, SpecialCategory, SupplementaryMeasure, TransferTool, Vocabulary,
};

use crate::source::Span;

/// A value with the place in the YAML it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

impl<T> Located<T> {
    /// Wraps a value with its span.
    pub fn new(value: T, span: Span) -> Self {
        Self { value, span }
    }
}

impl<T> Deref for Located<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: Serialize> Serialize for Located<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

/// An ISO 3166-1 alpha-2 country code, upper case (`SE`, `TH`).
///
/// The code is [`Interned`], like ids: a model names a few dozen countries
/// millions of times.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Country(Interned);

impl Country {
    /// A country from a code already checked against the reference data.
    pub fn new(code: impl AsRef<str>) -> Self {
        Self(Interned::new(code.as_ref()))
    }

    /// A country of a code already interned, as the loader does.
    pub fn from_interned(code: Interned) -> Self {
        Self(code)
    }

    /// The two-letter code.
    pub fn as_str(&self) -> &'static str {
        self.0.as_str()
    }
}

impl Serialize for Country {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A whole model: every entity of every file, merged and sorted by id.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Model {
    /// Organisations that can hold a role.
    pub parties: IdMap<PartyId, Party>,
    /// Categories of personal data.
    pub data: IdMap<DataId, DataCategory>,
    /// IT systems and storage.
    pub systems: IdMap<SystemId, System>,
    /// Processing activities: the unit every role is derived for.
    pub activities: IdMap<ActivityId, Activity>,
    /// Contracts as signed.
    pub agreements: IdMap<AgreementId, Agreement>,
    /// Personal-data breaches that happened.
    pub incidents: IdMap<IncidentId, Incident>,
    /// Findings the model's owners accept, with a justification and an expiry.
    pub accepted_risks: Vec<AcceptedRisk>,
}

/// The places an agreement allows processing in.
pub type Places = Box<[Located<Residency>]>;

/// An organisation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Party {
    /// Unique id.
    pub id: PartyId,
    /// Where the id is written.
    #[serde(skip)]
    pub span: Span,
    /// Legal name.
    pub name: String,
    /// What kind of organisation it is.
    pub kind: Located<PartyKind>,
    /// Country of establishment.
    pub country: Located<Country>,
    /// Organisation number, e.g. a Swedish organisationsnummer.
    pub org_number: Option<String>,
    /// The party that owns it, if the model records one.
    pub owned_by: Option<Located<PartyId>>,
    /// Legal regimes it is bound by (e.g. Swedish healthcare secrecy).
    pub subject_to: Box<[Located<RegimeId>]>,
    /// Whether it is a public body (an authority); defaults from its kind.
    pub public_body: bool,
    /// Certifications it holds (e.g. the EU-US Data Privacy Framework).
    pub certifications: Box<[Certification]>,
    /// Whether it keeps records of processing activities (Art. 30); `None` if unknown.
    pub keeps_records: Option<Located<bool>>,
    /// Number of employees, for the Art. 30(5) exemption; `None` if unknown.
    pub employees: Option<u64>,
    /// Whether it has designated a data protection officer (Art. 37); `None` if unknown.
    pub dpo: Option<Located<bool>>,
    /// Whether it has an establishment in the EU/EEA (Art. 3(1)); `None` if not
    /// recorded. An EU/EEA `country` counts as one whatever this says.
    pub eu_establishment: Option<bool>,
    /// Whether it offers goods or services to people in the Union (Art. 3(2)(a));
    /// `None` if unknown.
    pub targets_eu_subjects: Option<bool>,
    /// Whether it monitors people in the Union (Art. 3(2)(b)); `None` if unknown.
    pub monitors_eu_subjects: Option<bool>,
    /// Whether it has designated in writing a representative in the Union
    /// (Art. 27(1)); `None` if unknown.
    pub eu_representative: Option<Located<bool>>,
    /// Whether its core activities consist of large-scale special-category
    /// processing (Art. 37(1)(c)); `None` if unknown.
    pub core_activities_special_categories: Option<bool>,
    /// Free text for readers of the model.
    pub notes: Option<String>,
}

/// A certification held by a party, valid for a period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Certification {
    /// Where the certification is written.
    #[serde(skip)]
    pub span: Span,
    /// The scheme, e.g. `eu-us-dpf`.
    pub scheme: Located<String>,
    /// Which data it covers; empty means all data.
    pub covers: Box<[CertifiedData]>,
    /// First day it is valid.
    pub from: Option<Date>,
    /// Last day it is valid.
    pub until: Option<Date>,
}

impl Certification {
    /// Whether the certification is valid on `date`.
    pub fn valid_on(&self, date: Date) -> bool {
        self.from.is_none_or(|from| from <= date) && self.until.is_none_or(|until| date <= until)
    }
}

/// A category of personal data.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DataCategory {
    /// Unique id.
    pub id: DataId,
    /// Where the id is written.
    #[serde(skip)]
    pub span: Span,
    /// Human name.
    pub name: String,
    /// Special categories of Art. 9(1); empty if none.
    pub special_categories: Box<[SpecialCategory]>,
    /// Whether it is data on criminal convictions and offences (Art. 10).
    pub criminal_offences: bool,
    /// Whether it is a patient record under the Swedish Patient Data Act.
    pub patient_record: bool,
    /// Whether it is employment (HR) data, which the US DPF certifies separately.
    pub employment: bool,
    /// Categories of data subjects (`callers`, `patients`).
    pub subjects: Box<[String]>,
    /// How long it is kept, as an ISO 8601 duration (`P10Y`).
    pub retention: Option<Located<Retention>>,
    /// Legal regimes whoever handles it must be bound by.
    pub requires: Box<[Located<RegimeId>]>,
    /// Free text for readers of the model.
    pub notes: Option<String>,
}

impl DataCategory {
    /// Whether it is special-category (Art. 9) or criminal (Art. 10) data.
    pub fn is_sensitive(&self) -> bool {
        !self.special_categories.is_empty() || self.criminal_offences
    }
}

/// A retention period: an ISO 8601 duration of years, months, weeks and days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Retention {
    /// Years.
    pub years: u32,
    /// Months.
    pub months: u32,
    /// Weeks.
    pub weeks: u32,
    /// Days.
    pub days: u32,
}

impl Retention {
    /// Parses `P10Y`, `P6M`, `P1Y6M`, `P2W`, `P30D`; `None` if malformed.
    pub fn parse(text: &str) -> Option<Self> {
        let mut rest = text.strip_prefix('P')?;
        if rest.is_empty() {
            return None;
        }
        let mut retention = Self { years: 0, months: 0, weeks: 0, days: 0 };
        let mut last_unit = 0;
        while !rest.is_empty() {
            let digits = rest.find(|c: char| !c.is_ascii_digit())?;
            if digits == 0 {
                return None;
            }
            let number: u32 = rest[..digits].parse().ok()?;
            let unit = rest[digits..].chars().next()?;
            let (order, slot) = match unit {
                'Y' => (1, &mut retention.years),
                'M' => (2, &mut retention.months),
                'W' => (3, &mut retention.weeks),
                'D' => (4, &mut retention.days),
                _ => return None,
            };
            if order <= last_unit {
                return None;
            }
            last_unit = order;
            *slot = number;
            rest = &rest[digits + 1..];
        }
        Some(retention)
    }

    /// Whether the period is at least `years` years: by its years and months,
    /// or by its length in days as [`Retention::approximate_days`] counts them.
    pub fn at_least_years(&self, years: u32) -> bool {
        u64::from(self.years) * 12 + u64::from(self.months) >= u64::from(years) * 12
            || self.approximate_days() >= u64::from(years) * 365
    }

    /// The period in days, counting a year as 365 and a month as 30 days.
    pub fn approximate_days(&self) -> u64 {
        u64::from(self.years) * 365 + u64::from(self.months) * 30 + u64::from(self.weeks) * 7 + u64::from(self.days)
    }
}

impl fmt::Display for Retention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("P")?;
        for (n, unit) in [(self.years, 'Y'), (self.months, 'M'), (self.weeks, 'W'), (self.days, 'D')] {
            if n > 0 {
                write!(f, "{n}{unit}")?;
            }
        }
        if self.approximate_days() == 0 {
            f.write_str("0D")?;
        }
        Ok(())
    }
}

/// An IT system: a platform, a server, a storage device.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct System {
    /// Unique id.
    pub id: SystemId,
    /// Where the id is written.
    #[serde(skip)]
    pub span: Span,
    /// Human name.
    pub name: String,
    /// The party that runs it.
    pub operator: Located<PartyId>,
    /// The country it stands in.
    pub location: Located<Country>,
    /// How it can be reached; `None` if unknown.
    pub exposure: Option<Located<Exposure>>,
    /// Whether traffic to it is encrypted; `None` if unknown.
    pub encrypted_in_transit: Option<Located<bool>>,
    /// Whether its stored data are encrypted; `None` if unknown.
    pub encrypted_at_rest: Option<Located<bool>>,
    /// How users log in; `None` if unknown.
    pub authentication: Option<Located<Authentication>>,
    /// Whether access is logged; `None` if unknown.
    pub access_logging: Option<Located<bool>>,
    /// Whether the access logs are reviewed systematically and regularly
    /// (patientdatalagen 4 kap. 3 §); `None` if unknown.
    pub log_review: Option<Located<bool>>,
    /// Whether access rights were assigned from a documented analysis of users'
    /// needs and the risks (behovs- och riskanalys, HSLF-FS 2016:40 4 kap. 2 §);
    /// `None` if unknown.
    pub needs_and_risk_analysis: Option<Located<bool>>,
    /// Whether it is backed up; `None` if unknown.
    pub backups: Option<Located<bool>>,
    /// Free text for readers of the model.
    pub notes: Option<String>,
}

/// A processing activity: one purpose, its data, who decides and who performs it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Activity {
    /// Unique id.
    pub id: ActivityId,
    /// Where the id is written.
    #[serde(skip)]
    pub span: Span,
    /// Human name.
    pub name: String,
    /// Why the processing takes place.
    pub purpose: Option<String>,
    /// The data it processes.
    pub data: Box<[Located<DataId>]>,
    /// Categories of data subjects; when empty, those of its data.
    pub subjects: Box<[String]>,
    /// A controller designated by law (Art. 4(7), second sentence).
    pub controller_by_law: Option<LegalDesignation>,
    /// Parties that decide why the processing takes place.
    pub purposes_decided_by: Box<[Located<PartyId>]>,
    /// Parties that decide its essential means: which data, how long, who has access, whose data.
    pub means_decided_by: Box<[Located<PartyId>]>,
    /// Parties that inform data subjects (Art. 13/14); `None` when the model does not say.
    pub informs_subjects: Option<Located<Box<[Located<PartyId>]>>>,
    /// Whether it processes data on a large scale (Art. 35(3)(b)); `None` if unknown.
    pub large_scale: Option<bool>,
    /// Whether a data protection impact assessment was carried out (Art. 35);
    /// `None` if unknown.
    pub dpia: Option<Located<bool>>,
    /// First day it runs, if it has one.
    pub active_from: Option<Located<Date>>,
    /// Last day it runs, if it has ended or will end.
    pub active_until: Option<Located<Date>>,
    /// Who carries it out.
    pub performers: Box<[Performer]>,
    /// Free text for readers of the model.
    pub notes: Option<String>,
}

impl Activity {
    /// Whether the activity runs on `date`.
    pub fn runs_on(&self, date: Date) -> bool {
        self.active_from.as_ref().is_none_or(|from| from.value <= date)
            && self.active_until.as_ref().is_none_or(|until| date <= until.value)
    }
}

/// A controller designated by law, with the provision that designates it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LegalDesignation {
    /// The designated controller.
    pub party: Located<PartyId>,
    /// The provision, e.g. `patientdatalagen 2 kap. 6 §`.
    pub law: Option<String>,
}

/// A party that carries out (part of) an activity.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Performer {
    /// Where the performer entry is written.
    #[serde(skip)]
    pub span: Span,
    /// Who performs.
    pub party: Located<PartyId>,
    /// On whose behalf; `None` for a controller's own staff, or for nobody.
    pub on_behalf_of: Option<Located<PartyId>>,
    /// Where it processes; defaults to its own country.
    pub location: Option<Located<Country>>,
    /// Countries from which it accesses the data remotely.
    pub access_from: Box<[Located<Country>]>,
    /// Systems it uses.
    pub systems: Box<[Located<SystemId>]>,
    /// Purposes of its own beyond its instructions (Art. 28(10)).
    pub own_purposes: Box<[Located<String>]>,
    /// Whether it processed the data beyond its principal's instructions in some
    /// way without purposes of its own, so staying a processor (Art. 29);
    /// `None` if unknown.
    pub beyond_instructions: Option<Located<bool>>,
    /// Whether it gives care (answers patients as a nurse or doctor).
    pub gives_care: Option<Located<bool>>,
    /// What it does, in words.
    pub task: Option<String>,
}

impl Performer {
    /// Whether the performer gives care.
    pub fn gives_care(&self) -> bool {
        self.gives_care.as_ref().is_some_and(|g| g.value)
    }
}

/// A contract as signed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Agreement {
    /// Unique id.
    pub id: AgreementId,
    /// Where the id is written.
    #[serde(skip)]
    pub span: Span,
    /// Human name.
    pub name: Option<String>,
    /// What kind of contract it is.
    pub kind: Located<AgreementKind>,
    /// The parties, each with the role the contract claims for it.
    pub parties: Box<[AgreementParty]>,
    /// The activities it covers.
    pub covers: Box<[Located<ActivityId>]>,
    /// First day in force.
    pub effective: Option<Located<Date>>,
    /// Last day in force.
    pub expires: Option<Located<Date>>,
    /// Whether and how sub-processors may be engaged (Art. 28(2)).
    pub sub_processing: Option<Located<SubProcessing>>,
    /// Where processing is allowed; `None` if the agreement does not restrict it.
    /// Boxed, as the transfer clause is: few agreements have one, and a big
    /// model has a hundred thousand agreements or more.
    pub residency: Option<Box<Located<Places>>>,
    /// Hours within which the processor must tell the controller of a breach (Art. 33(2)).
    pub breach_notification_hours: Option<Located<u32>>,
    /// The breach-notification duty stated without a number; `None` if not recorded.
    pub breach_notification: Option<Located<BreachNotice>>,
    /// The Chapter V transfer tool it carries; boxed, for few agreements
    /// carry one and the clause is larger than the rest of an agreement's
    /// optional terms together.
    pub transfer: Option<Box<Located<TransferClause>>>,
    /// The Art. 28(3) terms it contains; `None` when the model does not record its terms.
    pub terms: Option<Located<Box<[Art28Term]>>>,
    /// Free text for readers of the model.
    pub notes: Option<String>,
}

impl Agreement {
    /// Whether the agreement is in force on `date`.
    pub fn in_force_on(&self, date: Date) -> bool {
        self.effective.as_ref().is_none_or(|from| from.value <= date)
            && self.expires.as_ref().is_none_or(|until| date <= until.value)
    }

    /// The parties the agreement claims hold `role`.
    pub fn parties_claimed(&self, role: ClaimedRole) -> impl Iterator<Item = &PartyId> {
        self.parties.iter().filter(move |p| p.role.as_ref().is_some_and(|r| r.value == role)).map(|p| &p.party.value)
    }

    /// Whether `party` is a party to the agreement.
    pub fn binds(&self, party: &PartyId) -> bool {
        self.parties.iter().any(|p| &p.party.value == party)
    }
}

/// A party to an agreement with the role the agreement claims for it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AgreementParty {
    /// The party.
    pub party: Located<PartyId>,
    /// The claimed role; `None` if the agreement does not name one.
    pub role: Option<Located<ClaimedRole>>,
}

/// Sub-processing terms (Art. 28(2)).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SubProcessing {
    /// How sub-processors are authorised.
    pub authorisation: Located<Authorisation>,
    /// Under `specific`: the authorised sub-processors. Under `general`: the
    /// added sub-processors the controller was told of.
    pub parties: Box<[Located<PartyId>]>,
}

/// A place where an agreement allows processing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Residency {
    /// One country.
    Country(Country),
    /// Any EU/EEA member state, written `EEA`.
    Eea,
}

/// A Chapter V transfer tool in an agreement.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TransferClause {
    /// The tool.
    pub tool: Located<TransferTool>,
    /// The SCC module (1 controller→controller, 2 controller→processor,
    /// 3 processor→processor, 4 processor→controller).
    pub module: Option<Located<u8>>,
    /// The party exporting the data.
    pub exporter: Option<Located<PartyId>>,
    /// The party importing the data.
    pub importer: Option<Located<PartyId>>,
    /// Whether the exporter assessed the destination's law and practice (SCC
    /// Clause 14); `None` if unknown.
    pub impact_assessment: Option<Located<bool>>,
    /// Measures added to the tool; `None` if unknown, empty if there are none.
    pub supplementary_measures: Option<Located<Box<[SupplementaryMeasure]>>>,
}

/// A personal-data breach that happened.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Incident {
    /// Unique id.
    pub id: IncidentId,
    /// Where the id is written.
    #[serde(skip)]
    pub span: Span,
    /// Human name.
    pub name: String,
    /// Systems breached.
    pub systems: Box<[Located<SystemId>]>,
    /// When the breach was discovered.
    pub discovered: Option<Located<Date>>,
    /// The time of day of the discovery, when the model gives one.
    pub discovered_time: Option<jiff::civil::Time>,
    /// Who discovered it.
    pub discovered_by: Option<Located<PartyId>>,
    /// Notifications sent.
    pub notifications: Box<[Notification]>,
    /// Whether data subjects were told (Art. 34); `None` if unknown.
    pub subjects_informed: Option<bool>,
    /// The controller's risk assessment (Art. 33(1), 34(1)); `None` if unknown.
    pub risk: Option<Located<BreachRisk>>,
    /// Free text for readers of the model.
    pub notes: Option<String>,
}

/// A breach notification as sent.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Notification {
    /// Where the notification is written.
    #[serde(skip)]
    pub span: Span,
    /// Who notified.
    pub from: Located<PartyId>,
    /// Whom (a controller, or a supervisory authority).
    pub to: Located<PartyId>,
    /// When; a date, or a date and time.
    pub at: Option<Located<DateTime>>,
    /// Whether `at` gives a time of day (a date alone is taken at midnight).
    pub time_known: bool,
}

/// A finding the model's owners accept.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AcceptedRisk {
    /// Where the acceptance is written.
    #[serde(skip)]
    pub span: Span,
    /// The rule code it accepts.
    pub rule: Located<String>,
    /// The party the finding concerns; `None` accepts it for every party.
    pub party: Option<Located<PartyId>>,
    /// The activity the finding concerns; `None` accepts it for every activity.
    pub activity: Option<Located<ActivityId>>,
    /// Why the risk is accepted.
    pub justification: String,
    /// Who accepted it.
    pub accepted_by: String,
    /// Last day the acceptance holds.
    pub expires: Located<Date>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retention_parses_iso_8601_date_durations() {
        let ten = Retention::parse("P10Y").unwrap();
        assert_eq!(ten.years, 10);
        assert_eq!(ten.to_string(), "P10Y");
        assert_eq!(Retention::parse("P1Y6M").unwrap().approximate_days(), 365 + 180);
        assert_eq!(Retention::parse("P2W3D").unwrap().approximate_days(), 17);
        for (text, ten) in
            [("P10Y", true), ("P9Y12M", true), ("P120M", true), ("P3650D", true), ("P9Y11M", false), ("P5Y", false)]
        {
            assert_eq!(Retention::parse(text).unwrap().at_least_years(10), ten, "{text}");
        }
    }

    #[test]
    fn malformed_retention_is_refused() {
        for bad in ["", "P", "10Y", "P10", "PY", "P6M1Y", "P1Y1Y", "P1.5Y", "P-1Y", "PT1H"] {
            assert_eq!(Retention::parse(bad), None, "{bad}");
        }
    }
}
