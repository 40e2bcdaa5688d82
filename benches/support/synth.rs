//! Seeded, deterministic synthetic models for benchmarks and scale tests.
//!
//! [`generate`] writes a model directory that looks like a real healthcare
//! supply chain, at a chosen [`Size`]: regions with their municipalities, care
//! providers, care-giving subcontractors and tech vendors in EU/EEA, adequate
//! (GB, CH, JP, US with and without the DPF) and third countries (IN, TH, PH);
//! processor → sub-processor → sub-sub-processor chains, some running through a
//! few global cloud vendors that thousands of chains share; joint controllers
//! with and without arrangements; agreements with and without the clauses that
//! matter (Art. 28(3) terms, breach-notification hours, transfer tools with the
//! right or the wrong SCC module, residency); systems with mixed security;
//! incidents and accepted risks.
//!
//! Every care-provider "unit" may carry deliberate [`Defect`]s. The first units
//! carry one defect kind each, in order, so even the smallest size makes every
//! rule of the catalogue fire somewhere; after that defects are rare and random.
//!
//! The YAML is written directly as text, which keeps generation much faster than
//! the parse it is there to measure. The same size and seed always give the same
//! bytes.
//!
//! This file is shared by `examples/generate.rs`, `benches/scale.rs` and the
//! tests (through `#[path]`); it is not part of the library.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::io;
use std::path::Path;

/// The evaluation date the generated models are written for (`--as-of`).
pub const AS_OF: &str = "2025-06-01";

/// A date inside a period that has ended, for the rules about it: between the
/// Schrems II judgment (2020-07-16) and the EU-US Data Privacy Framework
/// (2023-07-10), when SCCs alone did not protect a transfer to a US importer
/// subject to FISA 702 (`transfer-tool-undermined`). Every agreement of the unit
/// that plants [`Defect::ToolUndermined`] is in force on it.
pub const PAST_AS_OF: &str = "2022-06-01";

/// How big a model to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    /// The size's name: `small`, `regional`, `national`, `10x`.
    pub name: &'static str,
    /// Care-provider units; each brings about three parties, ten activities and
    /// fifteen agreements.
    pub units: usize,
    /// Regions; each brings its municipalities, data categories and a few
    /// region-wide activities.
    pub regions: usize,
    /// Municipalities per region.
    pub municipalities: usize,
    /// Units per file.
    pub units_per_file: usize,
}

/// About 100 parties in a handful of files.
pub const SMALL: Size = Size { name: "small", units: 34, regions: 1, municipalities: 4, units_per_file: 12 };
/// About 2 000 parties: one region.
pub const REGIONAL: Size = Size { name: "regional", units: 620, regions: 1, municipalities: 30, units_per_file: 20 };
/// About 30 000 parties, 100 000 activities and 150 000 agreements in about 500 files.
pub const NATIONAL: Size = Size { name: "national", units: 9_700, regions: 21, municipalities: 14, units_per_file: 20 };
/// Ten times national, for the scaling check.
pub const TEN_X: Size = Size { name: "10x", units: 97_000, regions: 210, municipalities: 14, units_per_file: 20 };

/// Every size, smallest first.
pub const SIZES: [Size; 4] = [SMALL, REGIONAL, NATIONAL, TEN_X];

/// The size with this name.
pub fn size(name: &str) -> Option<Size> {
    SIZES.iter().copied().find(|s| s.name == name)
}

/// What [`generate`] wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files written.
    pub files: usize,
    /// Bytes of YAML written.
    pub bytes: u64,
    /// Parties.
    pub parties: usize,
    /// Data categories.
    pub data: usize,
    /// Systems.
    pub systems: usize,
    /// Processing activities.
    pub activities: usize,
    /// Agreements.
    pub agreements: usize,
    /// Incidents.
    pub incidents: usize,
}

/// Writes a model of `size` into `dir` (which must exist), from `seed`.
pub fn generate(size: &Size, seed: u64, dir: &Path) -> io::Result<Summary> {
    let mut generator = Generator { rng: Rng(seed ^ 0x9e37_79b9_7f4a_7c15), summary: Summary::default() };
    let mut files = Vec::new();
    files.push(("global.yaml".to_owned(), generator.global()));
    let units_per_region = size.units.div_ceil(size.regions.max(1));
    let mut unit = 0;
    for r in 0..size.regions.max(1) {
        let region = Region::new(r);
        files.push((format!("{}.yaml", region.id), generator.region(&region, size.municipalities)));
        let end = (unit + units_per_region).min(size.units);
        let mut chunk = 0;
        while unit < end {
            let last = (unit + size.units_per_file.max(1)).min(end);
            let mut file = File::default();
            for k in unit..last {
                generator.unit(k, &region, &mut file);
            }
            files.push((format!("{}-units-{chunk:03}.yaml", region.id), file.finish()));
            unit = last;
            chunk += 1;
        }
    }
    files.push(("accepted-risks.yaml".to_owned(), accepted_risks()));
    for (name, text) in &files {
        std::fs::write(dir.join(name), text)?;
        generator.summary.bytes += text.len() as u64;
    }
    generator.summary.files = files.len();
    Ok(generator.summary)
}

// ---- randomness -------------------------------------------------------------

/// SplitMix64: tiny, fast and plenty for picking test data; no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// True with probability `percent` / 100.
    fn percent(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Picks from `(weight, item)` pairs.
    fn weighted<'a, T>(&mut self, items: &'a [(u32, T)]) -> &'a T {
        let total: u32 = items.iter().map(|(w, _)| w).sum();
        let mut roll = self.below(total as usize) as u32;
        for (weight, item) in items {
            if roll < *weight {
                return item;
            }
            roll -= weight;
        }
        &items[items.len() - 1].1
    }
}

// ---- output -----------------------------------------------------------------

macro_rules! out {
    ($buf:expr, $($arg:tt)*) => {{
        let _ = writeln!($buf, $($arg)*);
    }};
}

/// One file's sections, written out in the usual order.
#[derive(Default)]
struct File {
    parties: String,
    data: String,
    systems: String,
    processing: String,
    agreements: String,
    incidents: String,
}

impl File {
    fn finish(self) -> String {
        let mut text = String::with_capacity(
            self.parties.len()
                + self.data.len()
                + self.systems.len()
                + self.processing.len()
                + self.agreements.len()
                + self.incidents.len()
                + 200,
        );
        text.push_str("# Synthetic model written by ansvar's benchmark generator. Not real organisations.\n");
        for (key, body) in [
            ("parties", self.parties),
            ("data", self.data),
            ("systems", self.systems),
            ("processing", self.processing),
            ("agreements", self.agreements),
            ("incidents", self.incidents),
        ] {
            if !body.is_empty() {
                text.push('\n');
                text.push_str(key);
                text.push_str(":\n");
                text.push_str(&body);
            }
        }
        text
    }
}

// ---- vocabulary ---------------------------------------------------------------

const PLACES: &[&str] = &[
    "Norrby",
    "Söderhamn",
    "Västerås",
    "Åkersberga",
    "Gävle",
    "Luleå",
    "Umeå",
    "Örebro",
    "Kalmar",
    "Visby",
    "Borås",
    "Falun",
    "Karlstad",
    "Växjö",
    "Halmstad",
    "Sundsvall",
    "Östersund",
    "Nyköping",
    "Jönköping",
    "Skövde",
    "Lund",
    "Kiruna",
    "Ystad",
    "Motala",
];
const WORDS: &[&str] = &[
    "Nordlig", "Helix", "Aurora", "Fjäll", "Kvarts", "Lumen", "Polar", "Cirrus", "Vega", "Delta", "Orion", "Saga",
    "Tundra", "Nimbus", "Stratus", "Granit", "Meridian", "Kompass",
];

/// A country a vendor can be established in, with its legal-form suffix.
#[derive(Clone, Copy)]
struct Place {
    code: &'static str,
    suffix: &'static str,
    /// US vendors: certified under the EU-US DPF (non-HR data only).
    dpf: bool,
}

const fn place(code: &'static str, suffix: &'static str) -> Place {
    Place { code, suffix, dpf: false }
}

const SE: Place = place("SE", "AB");
const IE: Place = place("IE", "Ltd");
const GB: Place = place("GB", "Ltd");
const DE: Place = place("DE", "GmbH");
const IN: Place = place("IN", "Pvt Ltd");
const TH: Place = place("TH", "Co Ltd");
const PH: Place = place("PH", "Inc.");
const JP: Place = place("JP", "K.K.");
const US_DPF: Place = Place { code: "US", suffix: "Inc.", dpf: true };
const US: Place = place("US", "Inc.");
const PL: Place = place("PL", "Sp. z o.o.");

/// Where a unit's own tech vendor is established.
const VENDOR_PLACES: &[(u32, Place)] = &[
    (85, SE),
    (4, place("NO", "AS")),
    (4, place("DK", "A/S")),
    (4, place("FI", "Oy")),
    (3, DE),
    (2, place("NL", "B.V.")),
    (2, IE),
    (3, GB),
    (1, place("CH", "AG")),
    (3, US_DPF),
    (1, US),
    (1, JP),
    (1, IN),
];

/// Where a unit's own hosting provider is established.
const HOSTING_PLACES: &[(u32, Place)] = &[
    (75, SE),
    (8, IE),
    (8, DE),
    (4, place("NL", "B.V.")),
    (4, place("FI", "Oy")),
    (6, US_DPF),
    (2, US),
    (4, GB),
    (2, place("CH", "AG")),
    (1, JP),
    (1, place("KR", "Co Ltd")),
];

/// A global vendor that many chains share: hosting (cloud) or support.
struct Global {
    id: &'static str,
    name: &'static str,
    place: Place,
    /// Its follow-the-sun support, a sub-processor for every chain it hosts.
    support: Option<&'static str>,
}

const GLOBAL_CLOUDS: &[Global] = &[
    Global { id: "g-nordcloud", name: "Nordcloud Hosting AB", place: SE, support: None },
    Global { id: "g-eucloud", name: "EU Cloud Services Ltd", place: IE, support: Some("g-support-in") },
    Global { id: "g-hyperscale", name: "Hyperscale Cloud Inc.", place: US_DPF, support: Some("g-support-ph") },
    Global { id: "g-datacenter-de", name: "Rechenzentrum Mitte GmbH", place: DE, support: None },
];

const GLOBAL_SUPPORT: &[Global] = &[
    Global { id: "g-support-in", name: "Follow the Sun Support Pvt Ltd", place: IN, support: None },
    Global { id: "g-support-ph", name: "Island Helpdesk Inc.", place: PH, support: None },
];

/// A supervisory authority per country with regions.
const AUTHORITIES: &[(&str, &str, &str)] = &[
    ("imy", "Integritetsskyddsmyndigheten", "SE"),
    ("datatilsynet-no", "Datatilsynet", "NO"),
    ("datatilsynet-dk", "Datatilsynet", "DK"),
    ("tietosuoja-fi", "Tietosuojavaltuutetun toimisto", "FI"),
];

/// The national platform every region's call intake runs on (as Inera's in 1177).
const PLATFORM: &str = "g-national-platform";

/// Data categories each region defines: slug, name, special categories, patient
/// record, employment, retention, whether Swedish healthcare secrecy is required.
struct DataKind {
    slug: &'static str,
    name: &'static str,
    special: &'static str,
    patient_record: bool,
    employment: bool,
    retention: &'static str,
    secrecy: bool,
    subjects: &'static str,
}

const DATA_KINDS: &[DataKind] = &[
    DataKind {
        slug: "patient-records",
        name: "Patient records",
        special: "[health]",
        patient_record: true,
        employment: false,
        retention: "P10Y",
        secrecy: true,
        subjects: "[patients]",
    },
    DataKind {
        slug: "call-recordings",
        name: "Recorded advice calls",
        special: "[health]",
        patient_record: true,
        employment: false,
        retention: "P3Y",
        secrecy: true,
        subjects: "[callers]",
    },
    DataKind {
        slug: "lab-results",
        name: "Laboratory results",
        special: "[health, genetic]",
        patient_record: true,
        employment: false,
        retention: "P10Y",
        secrecy: true,
        subjects: "[patients]",
    },
    DataKind {
        slug: "imaging",
        name: "Radiology images",
        special: "[health, biometric]",
        patient_record: true,
        employment: false,
        retention: "P10Y",
        secrecy: true,
        subjects: "[patients]",
    },
    DataKind {
        slug: "bookings",
        name: "Appointment bookings",
        special: "[]",
        patient_record: false,
        employment: false,
        retention: "P2Y",
        secrecy: false,
        subjects: "[patients, relatives]",
    },
    DataKind {
        slug: "billing",
        name: "Invoices and patient fees",
        special: "[]",
        patient_record: false,
        employment: false,
        retention: "P7Y",
        secrecy: false,
        subjects: "[patients]",
    },
    DataKind {
        slug: "prescriptions",
        name: "Electronic prescriptions",
        special: "[health]",
        patient_record: true,
        employment: false,
        retention: "P5Y",
        secrecy: true,
        subjects: "[patients]",
    },
    DataKind {
        slug: "staff",
        name: "Staff and payroll records",
        special: "[trade_union_membership]",
        patient_record: false,
        employment: true,
        retention: "P7Y",
        secrecy: false,
        subjects: "[staff]",
    },
    DataKind {
        slug: "research",
        name: "Pseudonymised research extracts",
        special: "[health, genetic]",
        patient_record: false,
        employment: false,
        retention: "P20Y",
        secrecy: true,
        subjects: "[patients]",
    },
    DataKind {
        slug: "home-care",
        name: "Home-care journals",
        special: "[health]",
        patient_record: true,
        employment: false,
        retention: "P10Y",
        secrecy: true,
        subjects: "[residents]",
    },
];

/// A care provider's activity: slug, name, purpose and the data it uses
/// (indices into [`DATA_KINDS`]).
struct Template {
    slug: &'static str,
    name: &'static str,
    purpose: &'static str,
    data: &'static [usize],
}

const TEMPLATES: &[Template] = &[
    Template {
        slug: "records",
        name: "Patient records",
        purpose: "Documenting care in the patient record",
        data: &[0],
    },
    Template { slug: "advice", name: "Telephone advice", purpose: "Health advice by telephone", data: &[1, 0] },
    Template { slug: "lab", name: "Laboratory services", purpose: "Ordering and answering lab tests", data: &[2] },
    Template { slug: "imaging", name: "Radiology", purpose: "Taking and reviewing images", data: &[3, 0] },
    Template { slug: "booking", name: "Online booking", purpose: "Booking and reminders", data: &[4] },
    Template { slug: "billing", name: "Patient fees", purpose: "Invoicing patient fees", data: &[5] },
    Template {
        slug: "prescribing",
        name: "E-prescriptions",
        purpose: "Prescribing and dispensing medicines",
        data: &[6],
    },
    Template { slug: "payroll", name: "Payroll", purpose: "Paying staff", data: &[7] },
    Template { slug: "video", name: "Video visits", purpose: "Consultations by video", data: &[0, 4] },
    Template {
        slug: "registry",
        name: "Quality registry reporting",
        purpose: "Reporting to national quality registries",
        data: &[0],
    },
    Template { slug: "research", name: "Research extracts", purpose: "Extracts for approved research", data: &[8] },
    Template { slug: "portal", name: "Patient portal", purpose: "Patients reading their records", data: &[4, 0] },
    Template { slug: "dental", name: "Dental care", purpose: "Dental examinations and treatment", data: &[0, 3] },
    Template { slug: "vaccination", name: "Vaccinations", purpose: "Vaccination and reminders", data: &[0, 4] },
    Template { slug: "rehab", name: "Physiotherapy", purpose: "Rehabilitation after injury or surgery", data: &[0] },
];

/// Deliberate defects a unit may carry. The first units carry them one each, in
/// this order, so a small model shows every rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Defect {
    /// One activity's processor has no data-processing agreement.
    NoDpa,
    /// The controller's agreement prohibits sub-processors, yet there is one.
    SubProhibited,
    /// A general authorisation that does not list the sub-processor.
    SubUnlisted,
    /// No flow-down contract between the processor and its sub-processor.
    NoFlowDown,
    /// Art. 28(3) terms recorded, some missing.
    PartialTerms,
    /// Terms recorded but no breach-notification hours.
    NoBreachHours,
    /// The processor agreement has expired.
    Expired,
    /// Hosting in India with no transfer tool.
    TransferMissing,
    /// Hosting in the US without the DPF under SCC module 2 where 3 fits.
    TransferWrongModule,
    /// Hosting in Japan: a sector-limited adequacy decision (an info finding).
    AdequacyScope,
    /// Residency limited to Sweden while the hosting is in Germany.
    Residency,
    /// A Thai subcontractor gives care as a processor (the Medicall pattern).
    CareAbroad,
    /// The vendor decides essential means but is called processor.
    VendorDecidesMeans,
    /// A joint activity with the region without an arrangement.
    NoJointArrangement,
    /// An activity nobody decides.
    NoController,
    /// A vendor performing for nobody.
    PerformerForNobody,
    /// A vendor acting for the region, which has no part in the activity.
    PrincipalWithoutRole,
    /// The controller informs nobody.
    NotInformed,
    /// The vendor's platform on the internet with no authentication.
    InternetNoAuth,
    /// The vendor's platform sends data unencrypted.
    UnencryptedTransit,
    /// The hosting stores data unencrypted.
    UnencryptedRest,
    /// The provider's record system keeps no access log.
    NoAccessLog,
    /// The provider's record system has no backups.
    NoBackups,
    /// A breach notified by the processor to the authority and told to its
    /// controller late, the controller late, data subjects not told.
    MessyBreach,
    /// A breach the controller never notified.
    UnreportedBreach,
    /// Access rights to the provider's record system assigned without a
    /// needs-and-risk analysis.
    NoAccessAnalysis,
    /// The provider's record system logs access but nobody reviews the logs.
    LogsNotReviewed,
    /// The care provider keeps no records of processing.
    NoRecords,
    /// Hosting in India under SCCs whose impact assessment was not made.
    NoImpactAssessment,
    /// Hosting in the US by a provider subject to FISA 702, under SCCs with
    /// contractual and organisational measures only, in force since 2020: a
    /// transfer the US law undermined until the DPF ([`PAST_AS_OF`]).
    ToolUndermined,
    /// The vendor's platform on the internet behind a password alone.
    PasswordOnInternet,
    /// The patient-record activity is large-scale and no DPIA was made.
    NoDpia,
    /// The care provider runs a large-scale patient-record activity and has
    /// designated no DPO.
    NoDpo,
    /// The vendor, in the United Kingdom with no establishment in the Union,
    /// offers its service to patients in the Union, takes part in a large-scale
    /// patient-record activity and has designated no representative (Art. 27).
    NoEuRepresentative,
}

const DEFECTS: &[Defect] = &[
    Defect::NoDpa,
    Defect::SubProhibited,
    Defect::SubUnlisted,
    Defect::NoFlowDown,
    Defect::PartialTerms,
    Defect::NoBreachHours,
    Defect::Expired,
    Defect::TransferMissing,
    Defect::TransferWrongModule,
    Defect::AdequacyScope,
    Defect::Residency,
    Defect::CareAbroad,
    Defect::VendorDecidesMeans,
    Defect::NoJointArrangement,
    Defect::NoController,
    Defect::PerformerForNobody,
    Defect::PrincipalWithoutRole,
    Defect::NotInformed,
    Defect::InternetNoAuth,
    Defect::UnencryptedTransit,
    Defect::UnencryptedRest,
    Defect::NoAccessLog,
    Defect::NoBackups,
    Defect::MessyBreach,
    Defect::UnreportedBreach,
    Defect::NoAccessAnalysis,
    Defect::LogsNotReviewed,
    Defect::NoRecords,
    Defect::NoImpactAssessment,
    Defect::ToolUndermined,
    Defect::PasswordOnInternet,
    Defect::NoDpia,
    Defect::NoDpo,
    Defect::NoEuRepresentative,
];

/// The defects of one unit.
#[derive(Default)]
struct Defects(Vec<Defect>);

impl Defects {
    fn has(&self, defect: Defect) -> bool {
        self.0.contains(&defect)
    }
}

// ---- regions --------------------------------------------------------------------

struct Region {
    index: usize,
    id: String,
    country: &'static str,
    authority: &'static str,
    /// Swedish: bound by Swedish healthcare secrecy and the Patient Data Act.
    swedish: bool,
}

impl Region {
    fn new(index: usize) -> Self {
        // Most regions are Swedish; every seventh is a Nordic neighbour's.
        let (country, authority) = match index % 7 {
            3 if index > 0 => ("NO", "datatilsynet-no"),
            5 => ("DK", "datatilsynet-dk"),
            6 => ("FI", "tietosuoja-fi"),
            _ => ("SE", "imy"),
        };
        Self { index, id: format!("r-{:03}", index + 1), country, authority, swedish: country == "SE" }
    }

    fn data(&self, kind: usize) -> String {
        format!("{}-{}", self.id, DATA_KINDS[kind].slug)
    }

    fn municipality(&self, m: usize) -> String {
        format!("{}-m{:02}", self.id, m + 1)
    }
}

// ---- the generator ------------------------------------------------------------------

struct Generator {
    rng: Rng,
    summary: Summary,
}

/// A security profile for a system.
#[derive(Clone, Copy)]
struct Security {
    exposure: Option<&'static str>,
    in_transit: Option<bool>,
    at_rest: Option<bool>,
    authentication: Option<&'static str>,
    access_logging: Option<bool>,
    backups: Option<bool>,
    needs_and_risk_analysis: Option<bool>,
    log_review: Option<bool>,
}

const GOOD: Security = Security {
    exposure: Some("private"),
    in_transit: Some(true),
    at_rest: Some(true),
    authentication: Some("smartcard"),
    access_logging: Some(true),
    backups: Some(true),
    needs_and_risk_analysis: None,
    log_review: None,
};

/// A performer entry to write.
struct Performer<'a> {
    party: &'a str,
    on_behalf_of: Option<&'a str>,
    systems: Vec<&'a str>,
    location: Option<&'static str>,
    access_from: Option<&'static str>,
    gives_care: bool,
    own_purposes: Option<&'static str>,
}

impl<'a> Performer<'a> {
    fn new(party: &'a str, on_behalf_of: Option<&'a str>, systems: Vec<&'a str>) -> Self {
        Self { party, on_behalf_of, systems, location: None, access_from: None, gives_care: false, own_purposes: None }
    }
}

/// An activity's scale and impact assessment, written when known.
#[derive(Clone, Copy, Default)]
struct Scale {
    large_scale: Option<bool>,
    dpia: Option<bool>,
}

/// An agreement to write.
#[derive(Default)]
struct Agreement<'a> {
    id: String,
    name: String,
    kind: &'static str,
    parties: Vec<(&'a str, &'static str)>,
    covers: Vec<String>,
    effective: Option<&'static str>,
    expires: Option<&'static str>,
    sub_processing: Option<(&'static str, Vec<&'a str>)>,
    residency: Option<&'static str>,
    breach_hours: Option<u32>,
    transfer: Option<String>,
    terms: Option<&'static str>,
}

const ALL_TERMS: &str = "[instructions, confidentiality, security, sub_processors, data_subject_rights, assistance, deletion_or_return, audits]";
const SOME_TERMS: &str = "[instructions, confidentiality, security]";

impl Generator {
    fn party(&mut self, buf: &mut String, id: &str, name: &str, kind: &str, country: &str, extra: &[(&str, String)]) {
        self.summary.parties += 1;
        out!(buf, "  - id: {id}");
        out!(buf, "    name: {name}");
        out!(buf, "    kind: {kind}");
        out!(buf, "    country: {country}");
        for (key, value) in extra {
            out!(buf, "    {key}: {value}");
        }
    }

    fn system(&mut self, buf: &mut String, id: &str, name: &str, operator: &str, location: &str, s: Security) {
        self.summary.systems += 1;
        out!(buf, "  - id: {id}");
        out!(buf, "    name: {name}");
        out!(buf, "    operator: {operator}");
        out!(buf, "    location: {location}");
        if let Some(exposure) = s.exposure {
            out!(buf, "    exposure: {exposure}");
        }
        match (s.in_transit, s.at_rest) {
            (None, None) => {}
            (Some(t), None) => out!(buf, "    encryption: {{ in_transit: {t} }}"),
            (None, Some(r)) => out!(buf, "    encryption: {{ at_rest: {r} }}"),
            (Some(t), Some(r)) => {
                out!(buf, "    encryption:");
                out!(buf, "      in_transit: {t}");
                out!(buf, "      at_rest: {r}");
            }
        }
        if let Some(authentication) = s.authentication {
            out!(buf, "    authentication: {authentication}");
        }
        if let Some(logging) = s.access_logging {
            out!(buf, "    access_logging: {logging}");
        }
        if let Some(backups) = s.backups {
            out!(buf, "    backups: {backups}");
        }
        if let Some(analysis) = s.needs_and_risk_analysis {
            out!(buf, "    needs_and_risk_analysis: {analysis}");
        }
        if let Some(review) = s.log_review {
            out!(buf, "    log_review: {review}");
        }
    }

    /// A security profile: mostly good, some properties unknown.
    fn security(&mut self) -> Security {
        let mut s = GOOD;
        if self.rng.percent(30) {
            s.authentication = Some(if self.rng.percent(50) { "mfa" } else { "password" });
        }
        if self.rng.percent(15) {
            s.exposure = Some("internal");
        }
        if self.rng.percent(10) {
            s.backups = None;
        }
        if self.rng.percent(10) {
            s.at_rest = None;
        }
        s
    }

    #[allow(clippy::too_many_arguments)]
    fn activity(
        &mut self,
        buf: &mut String,
        id: &str,
        name: &str,
        purpose: &str,
        data: &[String],
        by_law: Option<(&str, &str)>,
        purposes: &[&str],
        means: &[&str],
        informs: Option<&[&str]>,
        performers: &[Performer<'_>],
        scale: Scale,
    ) {
        self.summary.activities += 1;
        out!(buf, "  - id: {id}");
        out!(buf, "    name: {name}");
        out!(buf, "    purpose: {purpose}");
        out!(buf, "    data: [{}]", data.join(", "));
        if let Some((party, law)) = by_law {
            out!(buf, "    controller_by_law: {{ party: {party}, law: {law} }}");
        }
        if !purposes.is_empty() {
            out!(buf, "    purposes_decided_by: [{}]", purposes.join(", "));
        }
        if !means.is_empty() {
            out!(buf, "    means_decided_by: [{}]", means.join(", "));
        }
        if let Some(informs) = informs {
            out!(buf, "    informs_subjects: [{}]", informs.join(", "));
        }
        if let Some(large) = scale.large_scale {
            out!(buf, "    large_scale: {large}");
        }
        if let Some(dpia) = scale.dpia {
            out!(buf, "    dpia: {dpia}");
        }
        out!(buf, "    performers:");
        for p in performers {
            let mut fields = format!("party: {}", p.party);
            if let Some(principal) = p.on_behalf_of {
                let _ = write!(fields, ", on_behalf_of: {principal}");
            }
            if let Some(location) = p.location {
                let _ = write!(fields, ", location: {location}");
            }
            if let Some(country) = p.access_from {
                let _ = write!(fields, ", access_from: [{country}]");
            }
            if !p.systems.is_empty() {
                let _ = write!(fields, ", systems: [{}]", p.systems.join(", "));
            }
            if p.gives_care {
                fields.push_str(", gives_care: true");
            }
            if let Some(purpose) = p.own_purposes {
                let _ = write!(fields, ", own_purposes: [{purpose}]");
            }
            out!(buf, "      - {{ {fields} }}");
        }
    }

    fn agreement(&mut self, buf: &mut String, a: &Agreement<'_>) {
        self.summary.agreements += 1;
        out!(buf, "  - id: {}", a.id);
        if !a.name.is_empty() {
            out!(buf, "    name: {}", a.name);
        }
        out!(buf, "    kind: {}", a.kind);
        if a.parties.len() == 2 {
            // The compact style many hand-written models use for a pair.
            let [(a0, r0), (a1, r1)] = [a.parties[0], a.parties[1]];
            out!(buf, "    parties: [{{ party: {a0}, role: {r0} }}, {{ party: {a1}, role: {r1} }}]");
        } else {
            out!(buf, "    parties:");
            for (party, role) in &a.parties {
                out!(buf, "      - {{ party: {party}, role: {role} }}");
            }
        }
        if !a.covers.is_empty() {
            out!(buf, "    covers: [{}]", a.covers.join(", "));
        }
        if let Some(effective) = a.effective {
            out!(buf, "    effective: {effective}");
        }
        if let Some(expires) = a.expires {
            out!(buf, "    expires: {expires}");
        }
        if let Some((authorisation, parties)) = &a.sub_processing {
            out!(buf, "    sub_processing: {{ authorisation: {authorisation}, parties: [{}] }}", parties.join(", "));
        }
        if let Some(residency) = a.residency {
            out!(buf, "    residency: {residency}");
        }
        if let Some(hours) = a.breach_hours {
            out!(buf, "    breach_notification_hours: {hours}");
        }
        if let Some(transfer) = &a.transfer {
            out!(buf, "    transfer: {transfer}");
        }
        if let Some(terms) = a.terms {
            out!(buf, "    terms: {terms}");
        }
    }

    fn date(&mut self) -> &'static str {
        const DATES: &[&str] =
            &["2018-05-25", "2019-01-01", "2019-09-01", "2020-03-15", "2021-01-01", "2022-06-01", "2023-02-01"];
        DATES[self.rng.below(DATES.len())]
    }

    /// Authorities, the global vendors and the national platform.
    fn global(&mut self) -> String {
        let mut file = File::default();
        for (id, name, country) in AUTHORITIES {
            self.party(&mut file.parties, id, name, "authority", country, &[]);
        }
        self.party(
            &mut file.parties,
            PLATFORM,
            "Nationell Vårdplattform AB",
            "tech_vendor",
            "SE",
            &[("owned_by", "r-001".to_owned()), ("public_body", "false".to_owned())],
        );
        self.system(
            &mut file.systems,
            "g-national-platform-telephony",
            "National telephony and call-recording platform",
            PLATFORM,
            "SE",
            GOOD,
        );
        for global in GLOBAL_CLOUDS.iter().chain(GLOBAL_SUPPORT) {
            let mut extra = vec![("keeps_records", "true".to_owned())];
            if global.place.dpf {
                extra
                    .push(("certifications", "[{ scheme: eu-us-dpf, covers: [non_hr], from: 2023-07-10 }]".to_owned()));
            }
            self.party(&mut file.parties, global.id, global.name, "tech_vendor", global.place.code, &extra);
            if global.support.is_some() || GLOBAL_CLOUDS.iter().any(|c| c.id == global.id) {
                self.system(
                    &mut file.systems,
                    &format!("{}-storage", global.id),
                    &format!("{} object storage", global.name),
                    global.id,
                    global.place.code,
                    GOOD,
                );
            }
        }
        // The global clouds' contracts with their support sub-processors cover
        // every customer's data (no `covers`: all activities).
        for cloud in GLOBAL_CLOUDS {
            let Some(support) = cloud.support else { continue };
            self.agreement(
                &mut file.agreements,
                &Agreement {
                    id: format!("{}-{}-dpa", cloud.id, support),
                    name: format!("Support sub-processing, {} and {}", cloud.id, support),
                    kind: "data_processing",
                    parties: vec![(cloud.id, "processor"), (support, "sub_processor")],
                    effective: Some("2020-01-01"),
                    breach_hours: Some(24),
                    transfer: Some("{ tool: scc, module: 3 }".to_owned()),
                    terms: Some(ALL_TERMS),
                    ..Agreement::default()
                },
            );
        }
        file.finish()
    }

    /// A region: the region, its municipalities, its data categories, the call
    /// intake on the national platform, and home care run jointly with each
    /// municipality.
    fn region(&mut self, region: &Region, municipalities: usize) -> String {
        let mut file = File::default();
        let place = PLACES[region.index % PLACES.len()];
        let secrecy = if region.swedish { "[se-healthcare-secrecy, se-patient-data-act]" } else { "[]" };
        self.party(
            &mut file.parties,
            &region.id,
            &format!("Region {place} {}", region.index + 1),
            "region",
            region.country,
            &[("subject_to", secrecy.to_owned()), ("keeps_records", "true".to_owned()), ("dpo", "true".to_owned())],
        );
        for m in 0..municipalities {
            let place = PLACES[(region.index + m) % PLACES.len()];
            self.party(
                &mut file.parties,
                &region.municipality(m),
                &format!("{place} kommun {}", m + 1),
                "municipality",
                region.country,
                &[("subject_to", secrecy.to_owned())],
            );
        }
        for (k, kind) in DATA_KINDS.iter().enumerate() {
            self.summary.data += 1;
            let buf = &mut file.data;
            out!(buf, "  - id: {}", region.data(k));
            out!(buf, "    name: {} ({})", kind.name, region.id);
            out!(buf, "    special_categories: {}", kind.special);
            if kind.patient_record {
                out!(buf, "    patient_record: true");
            }
            if kind.employment {
                out!(buf, "    employment: true");
            }
            out!(buf, "    subjects: {}", kind.subjects);
            out!(buf, "    retention: {}", kind.retention);
            if kind.secrecy && region.swedish {
                out!(buf, "    requires: [se-healthcare-secrecy]");
            }
        }
        // The 1177-style call intake: the region decides, the platform processes.
        let intake = format!("{}-intake", region.id);
        let recordings = [region.data(1)];
        let region_id = region.id.as_str();
        self.activity(
            &mut file.processing,
            &intake,
            "Call intake and routing for health advice",
            "Answering, routing and recording calls to the health advice line",
            &recordings,
            None,
            &[region_id],
            &[region_id],
            Some(&[region_id]),
            &[Performer::new(PLATFORM, Some(region_id), vec!["g-national-platform-telephony"])],
            Scale::default(),
        );
        self.agreement(
            &mut file.agreements,
            &Agreement {
                id: format!("{}-platform-dpa", region.id),
                name: format!("Platform agreement, {} and the national platform", region.id),
                kind: "data_processing",
                parties: vec![(region_id, "controller"), (PLATFORM, "processor")],
                covers: vec![intake.clone()],
                effective: Some("2018-05-25"),
                breach_hours: Some(24),
                terms: Some(ALL_TERMS),
                residency: Some("[SE]"),
                ..Agreement::default()
            },
        );
        // Home care: each municipality with the region, joint controllers.
        for m in 0..municipalities {
            let municipality = region.municipality(m);
            let activity = format!("{municipality}-home-care");
            let system = format!("{municipality}-journal");
            let security = self.security_for_municipality();
            self.system(
                &mut file.systems,
                &system,
                "Home-care journal system",
                &municipality,
                region.country,
                security,
            );
            self.activity(
                &mut file.processing,
                &activity,
                "Coordinated home care",
                "Home health care under the joint agreement of region and municipality",
                &[region.data(9), region.data(0)],
                None,
                &[region_id, &municipality],
                &[&municipality],
                Some(&[&municipality, region_id]),
                &[Performer::new(&municipality, None, vec![&system]), Performer::new(region_id, None, vec![])],
                Scale::default(),
            );
            // One municipality in twelve has not signed its arrangement yet.
            if m % 12 != 11 {
                self.agreement(
                    &mut file.agreements,
                    &Agreement {
                        id: format!("{municipality}-home-care-jc"),
                        name: "Joint-controller arrangement for home care".to_owned(),
                        kind: "joint_controllers",
                        parties: vec![(region_id, "joint_controller"), (&municipality, "joint_controller")],
                        covers: vec![activity.clone()],
                        effective: Some("2019-01-01"),
                        ..Agreement::default()
                    },
                );
            }
        }
        file.finish()
    }

    fn security_for_municipality(&mut self) -> Security {
        let mut s = self.security();
        if self.rng.percent(5) {
            s.access_logging = Some(false);
        }
        s
    }

    /// One care provider with its vendors, activities, agreements and, rarely,
    /// an incident.
    fn unit(&mut self, k: usize, region: &Region, file: &mut File) {
        let mut defects = Defects::default();
        if k < DEFECTS.len() {
            defects.0.push(DEFECTS[k]);
        } else if self.rng.percent(12) {
            defects.0.push(*self.rng.pick(DEFECTS));
        }
        let d = |defect| defects.has(defect);
        let region_id = region.id.as_str();
        let n = k + 1;

        // ---- parties ----
        let provider = format!("cp-{n}");
        let place = *self.rng.pick(PLACES);
        let secrecy = if region.swedish { "[se-healthcare-secrecy, se-patient-data-act]" } else { "[]" };
        let employees = 20 + self.rng.below(900);
        self.party(
            &mut file.parties,
            &provider,
            &format!("{place} vårdcentral {n} AB"),
            "care_provider",
            region.country,
            &[
                ("org_number", format!("\"559{:03}-{:04}\"", n % 1000, (n * 7919) % 10_000)),
                ("subject_to", secrecy.to_owned()),
                ("keeps_records", (!d(Defect::NoRecords)).to_string()),
                ("employees", employees.to_string()),
            ]
            .into_iter()
            .chain(d(Defect::NoDpo).then(|| ("dpo", "false".to_owned())))
            .collect::<Vec<_>>(),
        );
        let vendor = format!("tv-{n}");
        let vendor_place = *self.rng.weighted(VENDOR_PLACES);
        let vendor_place = if d(Defect::InternetNoAuth) || d(Defect::CareAbroad) || d(Defect::ToolUndermined) {
            SE
        } else if d(Defect::NoEuRepresentative) {
            GB
        } else {
            vendor_place
        };
        let mut extra = vec![("keeps_records", "true".to_owned())];
        if d(Defect::NoEuRepresentative) {
            extra.push(("eu_establishment", "false".to_owned()));
            extra.push(("targets_eu_subjects", "true".to_owned()));
            extra.push(("eu_representative", "false".to_owned()));
        }
        if vendor_place.dpf {
            extra.push(("certifications", "[{ scheme: eu-us-dpf, covers: [non_hr], from: 2023-07-10 }]".to_owned()));
        }
        let word = *self.rng.pick(WORDS);
        self.party(
            &mut file.parties,
            &vendor,
            &format!("{} Health IT {n} {}", word, vendor_place.suffix),
            "tech_vendor",
            vendor_place.code,
            &extra,
        );
        // Hosting: the unit's own provider, or one of the global clouds.
        let forced_hosting = if d(Defect::TransferMissing) || d(Defect::NoImpactAssessment) {
            Some(IN)
        } else if d(Defect::TransferWrongModule) || d(Defect::ToolUndermined) {
            Some(US)
        } else if d(Defect::AdequacyScope) {
            Some(JP)
        } else if d(Defect::Residency) {
            Some(DE)
        } else {
            None
        };
        let own_hosting =
            forced_hosting.is_some() || d(Defect::UnencryptedRest) || d(Defect::MessyBreach) || self.rng.percent(65);
        let hosting_id = format!("hs-{n}");
        let (hosting, hosting_place, hosting_system, cloud_support): (String, Place, String, Option<&'static str>) =
            if own_hosting {
                let place = forced_hosting.unwrap_or(*self.rng.weighted(HOSTING_PLACES));
                let mut extra = Vec::new();
                if place.dpf {
                    extra.push((
                        "certifications",
                        "[{ scheme: eu-us-dpf, covers: [non_hr], from: 2023-07-10 }]".to_owned(),
                    ));
                }
                if d(Defect::ToolUndermined) {
                    extra.push(("subject_to", "[us-fisa-702]".to_owned()));
                }
                let word = *self.rng.pick(WORDS);
                self.party(
                    &mut file.parties,
                    &hosting_id,
                    &format!("{} Hosting {n} {}", word, place.suffix),
                    "tech_vendor",
                    place.code,
                    &extra,
                );
                let mut security = self.security();
                if d(Defect::UnencryptedRest) {
                    security.at_rest = Some(false);
                }
                if d(Defect::MessyBreach) {
                    security.at_rest = Some(false);
                }
                let system = format!("{hosting_id}-dc");
                self.system(&mut file.systems, &system, "Hosting and storage", &hosting_id, place.code, security);
                (hosting_id, place, system, None)
            } else {
                // The Swedish cloud is the common choice.
                let cloud = if self.rng.percent(50) { &GLOBAL_CLOUDS[0] } else { self.rng.pick(GLOBAL_CLOUDS) };
                (cloud.id.to_owned(), cloud.place, format!("{}-storage", cloud.id), cloud.support)
            };
        // A sub-sub-processor: the hosting's remote support.
        let support_id = format!("sp-{n}");
        let own_support = own_hosting && self.rng.percent(20);
        let support: Option<(String, Place)> = if own_support {
            let place = *self.rng.pick(&[SE, PL, IN, PH]);
            let word = *self.rng.pick(WORDS);
            self.party(
                &mut file.parties,
                &support_id,
                &format!("{} Support {n} {}", word, place.suffix),
                "tech_vendor",
                place.code,
                &[],
            );
            Some((support_id.clone(), place))
        } else {
            cloud_support.map(|id| {
                let global = GLOBAL_SUPPORT.iter().find(|g| g.id == id).map_or(IN, |g| g.place);
                (id.to_owned(), global)
            })
        };
        // A subcontractor that gives telephone advice: a care provider in its
        // own right (joint controller with the unit) or, the Medicall pattern, a
        // processor.
        let subcontractor_id = format!("sc-{n}");
        let care_abroad = d(Defect::CareAbroad);
        let subcontractor = care_abroad || self.rng.percent(30);
        let subcontractor_place = if care_abroad { TH } else { SE };
        let medicall_style = care_abroad || self.rng.percent(10);
        if subcontractor {
            let subject_to =
                if subcontractor_place.code == "SE" && region.swedish { secrecy.to_owned() } else { "[]".to_owned() };
            let word = *self.rng.pick(WORDS);
            self.party(
                &mut file.parties,
                &subcontractor_id,
                &format!("{} Sjukvårdsrådgivning {n} {}", word, subcontractor_place.suffix),
                "subcontractor",
                subcontractor_place.code,
                &[("subject_to", subject_to)],
            );
        }

        // ---- systems ----
        let ehr = format!("{provider}-ehr");
        let mut ehr_security = GOOD;
        if d(Defect::NoAccessLog) {
            ehr_security.access_logging = Some(false);
        }
        if d(Defect::NoBackups) {
            ehr_security.backups = Some(false);
        }
        if d(Defect::NoAccessAnalysis) {
            ehr_security.needs_and_risk_analysis = Some(false);
        }
        if d(Defect::LogsNotReviewed) {
            ehr_security.log_review = Some(false);
        }
        self.system(&mut file.systems, &ehr, "Patient record system", &provider, region.country, ehr_security);
        let app = format!("{vendor}-app");
        let mut app_security = self.security();
        if d(Defect::InternetNoAuth) {
            app_security = Security {
                exposure: Some("internet"),
                in_transit: Some(false),
                at_rest: Some(false),
                authentication: Some("none"),
                access_logging: Some(false),
                backups: None,
                needs_and_risk_analysis: None,
                log_review: None,
            };
        }
        if d(Defect::UnencryptedTransit) {
            app_security.in_transit = Some(false);
            app_security.exposure = Some("private");
        }
        if d(Defect::PasswordOnInternet) {
            app_security.exposure = Some("internet");
            app_security.authentication = Some("password");
        }
        self.system(&mut file.systems, &app, "Clinical application platform", &vendor, vendor_place.code, app_security);
        let phone = format!("{subcontractor_id}-phone");
        if subcontractor {
            let security = self.security();
            self.system(
                &mut file.systems,
                &phone,
                "Advice telephony",
                &subcontractor_id,
                subcontractor_place.code,
                security,
            );
        }

        // ---- activities ----
        let count = 7 + self.rng.below(7);
        let mut chosen: Vec<usize> = (0..TEMPLATES.len()).collect();
        // A partial shuffle: the first `count` are the unit's activities.
        for i in 0..count {
            let j = i + self.rng.below(chosen.len() - i);
            chosen.swap(i, j);
        }
        chosen.truncate(count);
        // Defects that need a particular activity bring it in.
        let advice = TEMPLATES.iter().position(|t| t.slug == "advice").unwrap_or(0);
        let registry = TEMPLATES.iter().position(|t| t.slug == "registry").unwrap_or(0);
        // Patient records come first (the templates are in order): the vendor
        // performs the first activity, so its platform holds health data.
        let records = TEMPLATES.iter().position(|t| t.slug == "records").unwrap_or(0);
        let large_records = d(Defect::NoDpia) || d(Defect::NoDpo) || d(Defect::NoEuRepresentative);
        if (d(Defect::PasswordOnInternet) || large_records) && !chosen.contains(&records) {
            chosen.push(records);
        }
        if subcontractor && !chosen.contains(&advice) {
            chosen.push(advice);
        }
        if d(Defect::NoJointArrangement) && !chosen.contains(&registry) {
            chosen.push(registry);
        }
        chosen.sort_unstable();
        // Activities with their role in the chains, for the agreements below.
        struct Made {
            id: String,
            vendor: bool,
            hosting: bool,
            support: bool,
            subcontractor: bool,
            hr: bool,
            joint_with: Option<String>,
            decides_means: bool,
        }
        let mut made: Vec<Made> = Vec::new();
        for (position, &t) in chosen.iter().enumerate() {
            let template = &TEMPLATES[t];
            let id = format!("{provider}-{}", template.slug);
            let data: Vec<String> = template.data.iter().map(|&kind| region.data(kind)).collect();
            let hr = template.data.iter().any(|&kind| DATA_KINDS[kind].employment);
            let care = !hr && template.slug != "billing" && template.slug != "booking";
            let first = position == 0;
            let mut performers = vec![Performer::new(&provider, None, if care { vec![&ehr] } else { vec![] })];
            let mut vendor_principal = Some(provider.as_str());
            if first && d(Defect::PerformerForNobody) {
                vendor_principal = None;
            }
            if first && d(Defect::PrincipalWithoutRole) {
                vendor_principal = Some(region_id);
            }
            let uses_vendor = first || !(template.slug == "advice" && subcontractor) || self.rng.percent(50);
            let mut vendor_performer = Performer::new(&vendor, vendor_principal, vec![&app]);
            if self.rng.percent(1) {
                vendor_performer.own_purposes = Some("product-improvement");
            }
            let uses_hosting = uses_vendor && (self.rng.percent(85) || (first && d(Defect::ToolUndermined)));
            if uses_vendor {
                performers.push(vendor_performer);
            }
            if uses_hosting {
                performers.push(Performer::new(&hosting, Some(&vendor), vec![&hosting_system]));
            }
            let uses_support = uses_hosting && support.is_some() && self.rng.percent(70);
            if let (true, Some((support, place))) = (uses_support, &support) {
                let mut p = Performer::new(support, Some(&hosting), vec![]);
                if place.code != "SE" {
                    p.access_from = Some(place.code);
                }
                performers.push(p);
            }
            let uses_subcontractor = subcontractor && template.slug == "advice";
            let mut joint_with = None;
            let mut by_law = if care && region.swedish { Some((provider.as_str(), "PDL 2 kap. 6 §")) } else { None };
            let mut purposes = vec![provider.as_str()];
            let mut means = vec![provider.as_str()];
            if uses_subcontractor {
                let mut p = Performer::new(
                    &subcontractor_id,
                    if medicall_style { Some(provider.as_str()) } else { None },
                    vec![&phone],
                );
                p.gives_care = true;
                if care_abroad {
                    p.location = Some("TH");
                }
                performers.push(p);
                if !medicall_style {
                    // A care provider in its own right: designated by law for its
                    // part, so joint controller with the unit.
                    by_law = Some((subcontractor_id.as_str(), "PDL 2 kap. 6 §"));
                    joint_with = Some(subcontractor_id.clone());
                }
            }
            if template.slug == "registry" {
                purposes.push(region_id);
                joint_with = Some(region.id.clone());
            }
            let decides_means = first && d(Defect::VendorDecidesMeans) && uses_vendor;
            if decides_means {
                means.push(&vendor);
            }
            if first && d(Defect::NoController) {
                by_law = None;
                purposes.clear();
                means.clear();
            }
            let informs: Option<Vec<&str>> = if first && d(Defect::NotInformed) {
                Some(vec![])
            } else if self.rng.percent(4) {
                None
            } else {
                Some(vec![provider.as_str()])
            };
            // Large-scale patient records, with or without an impact assessment.
            let scale = if template.slug == "records" && large_records {
                Scale { large_scale: Some(true), dpia: Some(!d(Defect::NoDpia)) }
            } else {
                Scale::default()
            };
            self.activity(
                &mut file.processing,
                &id,
                &format!("{}, vårdcentral {n}", template.name),
                template.purpose,
                &data,
                by_law,
                &purposes,
                &means,
                informs.as_deref(),
                &performers,
                scale,
            );
            made.push(Made {
                id,
                vendor: uses_vendor,
                hosting: uses_hosting,
                support: uses_support,
                subcontractor: uses_subcontractor,
                hr,
                joint_with,
                decides_means,
            });
        }

        // ---- agreements ----
        let care_covers: Vec<String> = made.iter().filter(|m| !m.hr).map(|m| m.id.clone()).collect();
        let effective = self.date();
        let effective = if d(Defect::ToolUndermined) { "2020-01-01" } else { effective };
        self.agreement(
            &mut file.agreements,
            &Agreement {
                id: format!("{provider}-care"),
                name: format!("Care agreement, {region_id} and {provider}"),
                kind: "care_agreement",
                parties: vec![(region_id, "principal"), (&provider, "provider")],
                covers: care_covers,
                effective: Some(effective),
                ..Agreement::default()
            },
        );
        // The commercial contract with the vendor: no GDPR roles.
        self.agreement(
            &mut file.agreements,
            &Agreement {
                id: format!("{provider}-{vendor}-service"),
                name: format!("Service agreement, {provider} and {vendor}"),
                kind: "service",
                parties: vec![(&provider, "principal"), (&vendor, "provider")],
                effective: Some(effective),
                ..Agreement::default()
            },
        );
        // The controller's processor agreements with the vendor: one framework
        // agreement, or one per activity.
        let framework = self.rng.percent(35);
        let vendor_third = matches!(vendor_place.code, "IN" | "TH" | "PH") || (vendor_place.code == "US");
        let hosting_third = matches!(hosting_place.code, "IN" | "TH" | "PH" | "US");
        let vendor_acts: Vec<&Made> = made.iter().filter(|m| m.vendor).collect();
        let mut skipped_dpa = !d(Defect::NoDpa);
        let mut groups: Vec<Vec<&Made>> = Vec::new();
        if framework {
            groups.push(vendor_acts.clone());
        } else {
            groups.extend(vendor_acts.iter().map(|m| vec![*m]));
        }
        for (g, group) in groups.iter().enumerate() {
            let mut covers: Vec<String> = group.iter().map(|m| m.id.clone()).collect();
            if !skipped_dpa {
                // Leave the first activity uncovered.
                skipped_dpa = true;
                covers.remove(0);
                if covers.is_empty() {
                    continue;
                }
            }
            let sub_processing = if d(Defect::SubProhibited) {
                Some(("prohibited", vec![]))
            } else if d(Defect::SubUnlisted) {
                Some(("general", vec![]))
            } else {
                // The sub-processors the controller knows of: the hosting, and
                // the hosting's support.
                let mut known = vec![hosting.as_str()];
                known.extend(support.as_ref().map(|(id, _)| id.as_str()));
                Some((if self.rng.percent(50) { "general" } else { "specific" }, known))
            };
            let terms = if d(Defect::PartialTerms) {
                Some(SOME_TERMS)
            } else if d(Defect::NoBreachHours) || self.rng.percent(85) {
                Some(ALL_TERMS)
            } else {
                None
            };
            let transfer = if vendor_third {
                Some(if group.iter().any(|m| m.hr) || !vendor_place.dpf {
                    "{ tool: scc, module: 2 }".to_owned()
                } else {
                    format!("{{ tool: scc, module: 2, exporter: {provider}, importer: {vendor} }}")
                })
            } else {
                None
            };
            let eea_residency = self.rng.percent(30);
            // Also where the vendor decides essential means: the contract's label
            // stays "processor" (a claimed-role mismatch).
            let claimed = "processor";
            self.agreement(
                &mut file.agreements,
                &Agreement {
                    id: if framework { format!("{provider}-dpa") } else { format!("{provider}-dpa-{g}") },
                    name: if framework {
                        format!("Data processing agreement, {provider} and {vendor}")
                    } else {
                        String::new()
                    },
                    kind: "data_processing",
                    parties: vec![(&provider, "controller"), (&vendor, claimed)],
                    covers,
                    effective: Some(effective),
                    expires: if d(Defect::Expired) { Some("2024-12-31") } else { None },
                    sub_processing,
                    residency: if d(Defect::Residency) {
                        Some("[SE]")
                    } else if hosting_place.code == "SE" && eea_residency {
                        Some("[EEA]")
                    } else {
                        None
                    },
                    breach_hours: if d(Defect::NoBreachHours) || terms.is_none() { None } else { Some(24) },
                    transfer,
                    terms,
                },
            );
        }
        // Specific authorisations of the sub-processor by the controller, as
        // separate documents, for some units.
        if !d(Defect::SubProhibited) && !d(Defect::SubUnlisted) && self.rng.percent(25) {
            let covers: Vec<String> = made.iter().filter(|m| m.hosting).map(|m| m.id.clone()).collect();
            if !covers.is_empty() {
                self.agreement(
                    &mut file.agreements,
                    &Agreement {
                        id: format!("{provider}-subproc-auth"),
                        name: format!("Authorisation of {hosting} as sub-processor"),
                        kind: "subprocessor_authorisation",
                        parties: vec![(&provider, "controller"), (&hosting, "sub_processor")],
                        covers,
                        effective: Some(effective),
                        ..Agreement::default()
                    },
                );
            }
        }
        // Flow-down contracts between the vendor and its hosting, and between
        // the hosting and its support.
        let hosting_acts: Vec<&Made> = made.iter().filter(|m| m.hosting).collect();
        if !hosting_acts.is_empty() && !d(Defect::NoFlowDown) {
            let per_activity = !framework && self.rng.percent(80);
            let groups: Vec<Vec<&Made>> =
                if per_activity { hosting_acts.iter().map(|m| vec![*m]).collect() } else { vec![hosting_acts.clone()] };
            for (g, group) in groups.iter().enumerate() {
                let terms = if self.rng.percent(70) { Some(ALL_TERMS) } else { None };
                let transfer = if hosting_third {
                    let hr = group.iter().any(|m| m.hr);
                    if d(Defect::TransferMissing) || (hosting_place.dpf && !hr) {
                        None
                    } else if d(Defect::TransferWrongModule) {
                        Some("{ tool: scc, module: 2 }".to_owned())
                    } else if d(Defect::NoImpactAssessment) {
                        Some("{ tool: scc, module: 3, impact_assessment: false }".to_owned())
                    } else if d(Defect::ToolUndermined) {
                        Some(
                            "{ tool: scc, module: 3, impact_assessment: true, supplementary_measures: [contractual, organisational] }"
                                .to_owned(),
                        )
                    } else {
                        Some("{ tool: scc, module: 3 }".to_owned())
                    }
                } else {
                    None
                };
                self.agreement(
                    &mut file.agreements,
                    &Agreement {
                        id: format!("{vendor}-hosting-{g}"),
                        name: if per_activity {
                            String::new()
                        } else {
                            format!("Hosting sub-processing agreement, {vendor} and {hosting}")
                        },
                        kind: "data_processing",
                        parties: vec![(&vendor, "processor"), (&hosting, "sub_processor")],
                        covers: group.iter().map(|m| m.id.clone()).collect(),
                        effective: Some(effective),
                        breach_hours: Some(48),
                        transfer,
                        terms,
                        ..Agreement::default()
                    },
                );
            }
        }
        if let (true, Some((support, place))) = (own_support, &support) {
            let covers: Vec<String> = made.iter().filter(|m| m.support).map(|m| m.id.clone()).collect();
            if !covers.is_empty() {
                let third = matches!(place.code, "IN" | "PH");
                self.agreement(
                    &mut file.agreements,
                    &Agreement {
                        id: format!("{hosting}-support"),
                        name: format!("Support agreement, {hosting} and {support}"),
                        kind: "data_processing",
                        parties: vec![(&hosting, "processor"), (support, "sub_processor")],
                        covers,
                        effective: Some(effective),
                        breach_hours: Some(24),
                        transfer: third.then(|| "{ tool: scc, module: 3 }".to_owned()),
                        ..Agreement::default()
                    },
                );
            }
        }
        // Joint-controller arrangements.
        for m in &made {
            let Some(partner) = &m.joint_with else { continue };
            if d(Defect::NoJointArrangement) {
                continue;
            }
            self.agreement(
                &mut file.agreements,
                &Agreement {
                    id: format!("{}-jc", m.id),
                    name: "Joint-controller arrangement".to_owned(),
                    kind: "joint_controllers",
                    parties: vec![(&provider, "joint_controller"), (partner, "joint_controller")],
                    covers: vec![m.id.clone()],
                    effective: Some(effective),
                    ..Agreement::default()
                },
            );
        }
        // The Medicall pattern: a processor agreement with a care giver.
        if let Some(m) = made.iter().find(|m| m.subcontractor) {
            if medicall_style {
                self.agreement(
                    &mut file.agreements,
                    &Agreement {
                        id: format!("{subcontractor_id}-dpa"),
                        name: format!("Advice outsourcing, {provider} and {subcontractor_id}"),
                        kind: "data_processing",
                        parties: vec![(&provider, "controller"), (&subcontractor_id, "processor")],
                        covers: vec![m.id.clone()],
                        effective: Some(effective),
                        breach_hours: Some(72),
                        ..Agreement::default()
                    },
                );
            } else {
                self.agreement(
                    &mut file.agreements,
                    &Agreement {
                        id: format!("{subcontractor_id}-care"),
                        name: format!("Care subcontract, {provider} and {subcontractor_id}"),
                        kind: "care_agreement",
                        parties: vec![(&provider, "principal"), (&subcontractor_id, "provider")],
                        covers: vec![m.id.clone()],
                        effective: Some(effective),
                        ..Agreement::default()
                    },
                );
            }
        }

        // ---- incidents ----
        let messy = d(Defect::MessyBreach);
        let unreported = d(Defect::UnreportedBreach);
        if messy || unreported || self.rng.percent(3) {
            self.summary.incidents += 1;
            let system = if messy { hosting_system.as_str() } else { app.as_str() };
            let operator = if messy { hosting.as_str() } else { vendor.as_str() };
            let buf = &mut file.incidents;
            out!(buf, "  - id: {provider}-breach");
            out!(buf, "    name: Unauthorised access to {system}");
            out!(buf, "    systems: [{system}]");
            out!(buf, "    discovered: 2024-10-07");
            out!(buf, "    discovered_by: {operator}");
            out!(buf, "    notifications:");
            // In the messy breach the processor also tells its controller four
            // days late (Art. 33(2)).
            let told = if messy { "2024-10-11T15:30" } else { "2024-10-07T15:30" };
            out!(buf, "      - {{ from: {operator}, to: {provider}, at: {told} }}");
            if messy {
                out!(buf, "      - {{ from: {operator}, to: {}, at: 2024-10-08 }}", region.authority);
                out!(buf, "      - {{ from: {provider}, to: {}, at: 2024-10-21 }}", region.authority);
                out!(buf, "    subjects_informed: false");
            } else if !unreported {
                out!(buf, "      - {{ from: {provider}, to: {}, at: 2024-10-09T09:00 }}", region.authority);
                out!(buf, "    subjects_informed: true");
            }
        }
    }
}

/// The model's accepted risks: one that holds, one expired, one that matches
/// nothing, and one with a misspelt rule code.
fn accepted_risks() -> String {
    "# Synthetic model written by ansvar's benchmark generator. Not real organisations.

accepted_risks:
  - rule: transfer-adequacy-scope
    justification: Transfer impact assessments on file for every adequacy-limited importer
    accepted_by: Regional DPO council
    expires: 2026-12-31
  - rule: agreement-missing-terms
    justification: Renegotiation planned for the next contract period
    accepted_by: Procurement
    expires: 2024-12-31
  - rule: no-controller
    activity: r-001-intake
    justification: Kept from an earlier review
    accepted_by: DPO
    expires: 2026-06-30
  - rule: transfer-without-safeguards
    justification: Misspelt code
    accepted_by: DPO
    expires: 2026-06-30
"
    .to_owned()
}
