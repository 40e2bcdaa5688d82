//! Reference data: countries, the EU/EEA, the Commission's adequacy decisions and
//! named legal regimes.
//!
//! The data ship as `models/reference.yaml`, embedded in the binary; a user can
//! replace them with `--reference FILE` (adequacy decisions come and go). Every
//! entry in the file cites its source. Lookups are by date: an adequacy decision
//! covers a transfer only between the day it entered into force and its end date.

use indexmap::IndexMap;
use jiff::civil::Date;

use crate::model::{CertifiedData, Country, DataCategory, Party, RegimeId, SupplementaryMeasure, TransferTool};

/// The reference data embedded in the binary.
pub const BUILTIN_YAML: &str = include_str!("../models/reference.yaml");

/// Where a country stands for Chapter V on a given date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Jurisdiction<'a> {
    /// An EU member state or an EEA-EFTA state: the GDPR applies; no transfer.
    Eea,
    /// A third country with an adequacy decision in force (Art. 45), within the
    /// decision's scope, which the caller must still check.
    Adequate(&'a AdequacyDecision),
    /// A third country with no adequacy decision in force.
    ThirdCountry,
}

/// A sector an adequacy decision can be limited to, or a regime can bind parties of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sector {
    /// Public bodies (a party's `public_body`).
    Public,
    /// Everyone else: companies, associations, private care providers.
    Private,
}

impl Sector {
    /// The sector as written in the reference data.
    pub fn as_str(self) -> &'static str {
        match self {
            Sector::Public => "public",
            Sector::Private => "private",
        }
    }

    /// The sector of a party.
    pub fn of(party: &Party) -> Self {
        if party.public_body { Sector::Public } else { Sector::Private }
    }
}

/// What an adequacy decision covers, as data: each limit is checked against the
/// importer and the activity by [`AdequacyScope::check`], the one mechanism for
/// every decision.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AdequacyScope {
    /// The sectors it covers; empty: every sector.
    pub sectors: Vec<Sector>,
    /// A certification scheme the importer must hold (USA: `eu-us-dpf`), for every
    /// kind of data it receives (HR and non-HR are certified separately).
    pub certification: Option<String>,
    /// What the decision leaves out that a model cannot check.
    pub to_verify: Option<String>,
}

/// How an adequacy decision's scope applies to one importer and activity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScopeCheck<'a> {
    /// Within the scope.
    Covered,
    /// The importer is in a sector the decision does not cover.
    OutsideSectors {
        /// The importer's sector.
        sector: Sector,
    },
    /// The importer lacks the certification for some kinds of data, on the date.
    NotCertified {
        /// The scheme.
        scheme: &'a str,
        /// The kinds of data it is not certified for, sorted.
        missing: Vec<CertifiedData>,
    },
    /// Within every limit the model can check; the rest is to verify.
    ToVerify(&'a str),
}

impl ScopeCheck<'_> {
    /// Whether the decision covers the importer as far as a model can tell:
    /// within its scope, or within every limit a model records with the rest
    /// left to verify. The transfer rules report what is to verify on its own
    /// (an info finding); every other reader counts it as covered, so that the
    /// decision is named as the transfer's ground.
    pub fn covers(&self) -> bool {
        matches!(self, ScopeCheck::Covered | ScopeCheck::ToVerify(_))
    }
}

impl AdequacyScope {
    /// Whether the scope has no limit at all.
    pub fn is_whole(&self) -> bool {
        self.sectors.is_empty() && self.certification.is_none() && self.to_verify.is_none()
    }

    /// Checks the scope against an importer receiving `data` on `date`: the sector
    /// first, then the certification for every kind of data, then what is left to
    /// verify.
    pub fn check<'a, 'd>(
        &'a self,
        importer: &Party,
        data: impl IntoIterator<Item = &'d DataCategory>,
        date: Date,
    ) -> ScopeCheck<'a> {
        let sector = Sector::of(importer);
        if !self.sectors.is_empty() && !self.sectors.contains(&sector) {
            return ScopeCheck::OutsideSectors { sector };
        }
        if let Some(scheme) = &self.certification {
            let mut missing: Vec<CertifiedData> = Vec::new();
            for data in data {
                let kind = if data.employment { CertifiedData::Hr } else { CertifiedData::NonHr };
                let certified = importer.certifications.iter().any(|c| {
                    &c.scheme.value == scheme && c.valid_on(date) && (c.covers.is_empty() || c.covers.contains(&kind))
                });
                if !certified && !missing.contains(&kind) {
                    missing.push(kind);
                }
            }
            // Sorted: the result must not depend on the order of the activity's data.
            missing.sort();
            if !missing.is_empty() {
                return ScopeCheck::NotCertified { scheme, missing };
            }
        }
        match &self.to_verify {
            Some(what) => ScopeCheck::ToVerify(what),
            None => ScopeCheck::Covered,
        }
    }
}

/// A Commission adequacy decision (Art. 45).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdequacyDecision {
    /// The country or territory.
    pub country: Country,
    /// The instrument, e.g. `Commission Implementing Decision (EU) 2023/1795`.
    pub instrument: String,
    /// First day in force.
    pub in_force: Date,
    /// Last day in force, if it has one.
    pub ends: Option<Date>,
    /// What it covers.
    pub scope: AdequacyScope,
    /// The scope in words.
    pub scope_note: Option<String>,
    /// How sure the entry is (`verified`, `secondary`, `memory`, `inference`).
    pub certainty: String,
    /// Where the entry comes from.
    pub source: String,
    /// Anything a reader should know (a pending challenge).
    pub notes: Option<String>,
}

impl AdequacyDecision {
    /// Whether the decision is in force on `date`.
    pub fn in_force_on(&self, date: Date) -> bool {
        self.in_force <= date && self.ends.is_none_or(|ends| date <= ends)
    }
}

/// A period in which the law of a destination was found to undermine Art. 46
/// transfer tools (C-311/18 *Schrems II*): a tool alone did not protect a transfer
/// there, only with a supplementary measure counted as effective.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ToolUndermined {
    /// The destination.
    pub country: Country,
    /// First day, if the period has one.
    pub from: Option<Date>,
    /// Last day, if the period has ended.
    pub until: Option<Date>,
    /// Only importers subject to this regime (`us-fisa-702`); `None`: every importer.
    pub importers_subject_to: Option<RegimeId>,
    /// The tools it concerns; empty: every Art. 46 tool.
    pub tools: Vec<TransferTool>,
    /// The supplementary measures that count as effective there and then.
    pub effective_measures: Vec<SupplementaryMeasure>,
    /// How sure the entry is.
    pub certainty: String,
    /// Where the entry comes from.
    pub source: String,
    /// Anything a reader should know.
    pub notes: Option<String>,
}

impl ToolUndermined {
    /// Whether the period covers `date`.
    pub fn covers(&self, date: Date) -> bool {
        self.from.is_none_or(|from| from <= date) && self.until.is_none_or(|until| date <= until)
    }

    /// Whether it concerns `tool`.
    pub fn concerns(&self, tool: TransferTool) -> bool {
        tool != TransferTool::Derogation && (self.tools.is_empty() || self.tools.contains(&tool))
    }
}

/// A named legal regime a party can be bound by and data can require.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Regime {
    /// The id used in models (`subject_to`, `requires`).
    pub id: RegimeId,
    /// Human name, in English.
    pub name: String,
    /// Its name in Swedish, where the reference data gives one (`name_sv`).
    pub name_sv: Option<String>,
    /// The country whose law it is.
    pub country: Country,
    /// Where it applies, which parties it can bind and whom it must bind.
    pub reach: Reach,
    /// The provisions it consists of.
    pub provisions: Vec<String>,
    /// What it requires, in words.
    pub description: String,
    /// Where the entry comes from.
    pub source: String,
}

impl Regime {
    /// Its name in `lang`: the Swedish name where there is one, else the English.
    pub fn name_in(&self, lang: crate::render::Lang) -> &str {
        match (lang, &self.name_sv) {
            (crate::render::Lang::Sv, Some(name)) => name,
            _ => &self.name,
        }
    }

    /// Its name as a fact of a message, rendered in the output's language.
    pub fn name_arg(&self) -> crate::finding::Arg {
        crate::finding::Arg::Translated(Box::new(crate::finding::Translation {
            en: self.name.as_str().into(),
            sv: self.name_sv.as_deref().map(Into::into),
        }))
    }
}

/// How far a regime reaches: written in the reference data, so that a user can
/// add a regime of their own country without a change to the code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reach {
    /// The countries where it applies: data handled elsewhere are beyond it
    /// (Swedish healthcare law reaches care given in Sweden only). Defaults to
    /// the regime's country.
    pub countries: Vec<Country>,
    /// The sectors whose parties it can bind; a party outside them is not bound
    /// by it whatever the model says. Defaults to both.
    pub sectors: Vec<Sector>,
    /// Which of the parties that handle data requiring it must be bound by it.
    pub activities: ReachActivities,
}

impl Reach {
    /// Whether the regime applies in `country`.
    pub fn covers_country(&self, country: &Country) -> bool {
        self.countries.contains(country)
    }

    /// Whether the regime can bind a party of the public sector (`public`) or
    /// the private sector.
    pub fn binds_sector(&self, public: bool) -> bool {
        self.sectors.contains(if public { &Sector::Public } else { &Sector::Private })
    }
}

/// Which parties handling data that require a regime must be bound by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReachActivities {
    /// A regime of care: a party that gives care must be bound by it, and any
    /// party that handles the data outside its countries is beyond it; a
    /// processor in its countries that only stores or routes the data works
    /// under the bound controller's responsibility (Art. 9(3)).
    Care,
    /// Every party that handles the data must be bound by it.
    All,
}

/// The loaded reference data.
#[derive(Clone, Debug)]
pub struct Reference {
    // Filled in by the reader (`crate::load`, `reference_file.rs`); read
    // through the lookups below.
    /// Country names by ISO 3166-1 alpha-2 code.
    pub(crate) countries: IndexMap<String, String>,
    /// The EU/EEA members' codes, sorted and without repeats (the reader
    /// sorts them). Held as countries, which compare by number: the rules and
    /// obligations ask [`Reference::is_eea`] for every performer of every
    /// activity, and a scan of thirty numbers is cheaper than a binary search
    /// that compares texts.
    pub(crate) eea: Vec<Country>,
    /// Former members and the last day they counted as members.
    pub(crate) former_members: Vec<(Country, Date)>,
    /// Notes on territories, by code.
    pub(crate) territory_notes: IndexMap<String, String>,
    /// The adequacy decisions.
    pub(crate) adequacy: Vec<AdequacyDecision>,
    /// Periods in which a transfer tool was undermined.
    pub(crate) tool_undermined: Vec<ToolUndermined>,
    /// The legal regimes, by id.
    pub(crate) regimes: IndexMap<RegimeId, Regime>,
}

impl Reference {
    /// No data at all: the fallback should the embedded file ever fail to load.
    pub(crate) fn empty() -> Self {
        Self {
            countries: IndexMap::new(),
            eea: Vec::new(),
            former_members: Vec::new(),
            territory_notes: IndexMap::new(),
            adequacy: Vec::new(),
            tool_undermined: Vec::new(),
            regimes: IndexMap::new(),
        }
    }

    /// Whether `code` is an ISO 3166-1 alpha-2 code.
    pub fn is_country(&self, code: &str) -> bool {
        self.countries.contains_key(code)
    }

    /// Every country code, for suggestions.
    pub fn country_codes(&self) -> impl Iterator<Item = &str> {
        self.countries.keys().map(String::as_str)
    }

    /// The English name of a country.
    pub fn country_name<'a>(&'a self, country: &'a Country) -> &'a str {
        self.countries.get(country.as_str()).map(String::as_str).unwrap_or(country.as_str())
    }

    /// Whether a country is an EU member state or an EEA-EFTA state today.
    pub fn is_eea(&self, country: &Country) -> bool {
        self.eea.contains(country)
    }

    /// Whether a country counts as EU/EEA on `date`: a member today, or a former
    /// member on a day up to which transfers to it were not yet transfers to a
    /// third country (the United Kingdom until 27 June 2021).
    pub fn is_eea_on(&self, country: &Country, date: Date) -> bool {
        self.is_eea(country) || self.former_members.iter().any(|(code, until)| code == country && date <= *until)
    }

    /// Whether every one of `countries` is in the EU/EEA on `date`
    /// ([`Reference::is_eea_on`]): the question the transfer rules and the
    /// processing abroad ask of a performer's countries before they make
    /// any of its places, since most performers process only there.
    pub fn all_eea_on<'a>(&self, countries: impl IntoIterator<Item = &'a Country>, date: Date) -> bool {
        countries.into_iter().all(|country| self.is_eea_on(country, date))
    }

    /// A warning about a territory whose status is easy to get wrong (Åland, Greenland).
    pub fn territory_note(&self, country: &Country) -> Option<&str> {
        self.territory_notes.get(country.as_str()).map(String::as_str)
    }

    /// Every adequacy decision, in file order.
    pub fn adequacy_decisions(&self) -> &[AdequacyDecision] {
        &self.adequacy
    }

    /// The adequacy decision for `country` in force on `date`, if any.
    pub fn adequacy_on(&self, country: &Country, date: Date) -> Option<&AdequacyDecision> {
        self.adequacy.iter().find(|d| &d.country == country && d.in_force_on(date))
    }

    /// Where `country` stands on `date`.
    pub fn jurisdiction(&self, country: &Country, date: Date) -> Jurisdiction<'_> {
        if self.is_eea_on(country, date) {
            Jurisdiction::Eea
        } else if let Some(decision) = self.adequacy_on(country, date) {
            Jurisdiction::Adequate(decision)
        } else {
            Jurisdiction::ThirdCountry
        }
    }

    /// The period in which the law of `country` undermined `tool` on `date`, if any.
    pub fn tool_undermined(&self, country: &Country, tool: TransferTool, date: Date) -> Option<&ToolUndermined> {
        self.tool_undermined.iter().find(|p| &p.country == country && p.covers(date) && p.concerns(tool))
    }

    /// The regime with this id.
    pub fn regime(&self, id: &RegimeId) -> Option<&Regime> {
        self.regimes.get(id)
    }

    /// Every regime, in file order.
    pub fn regimes(&self) -> impl Iterator<Item = &Regime> {
        self.regimes.values()
    }
}
