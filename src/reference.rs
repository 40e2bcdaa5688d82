//! Reference data: countries, the EU/EEA, the Commission's adequacy decisions and
//! named legal regimes.
//!
//! The data ship as `models/reference.yaml`, embedded in the binary; a user can
//! replace them with `--reference FILE` (adequacy decisions come and go). Every
//! entry in the file cites its source. Lookups are by date: an adequacy decision
//! covers a transfer only between the day it entered into force and its end date.

use std::path::Path;

use indexmap::IndexMap;
use jiff::civil::Date;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diag::{Diagnostic, DiagnosticCode};
use crate::model::{Country, RegimeId};
use crate::source::SourceMap;

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

/// What an adequacy decision covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AdequacyScope {
    /// The whole country or territory.
    Whole,
    /// Only private-sector organisations in commercial activity (Canada, PIPEDA).
    CommercialOnly,
    /// Only organisations certified under a named scheme (USA: `eu-us-dpf`).
    CertifiedOnly {
        /// The certification scheme id.
        certification: String,
    },
    /// Only some sectors or kinds of processing; the note says which.
    SectorLimited,
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

/// A named legal regime a party can be bound by and data can require.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Regime {
    /// The id used in models (`subject_to`, `requires`).
    pub id: RegimeId,
    /// Human name.
    pub name: String,
    /// The country whose law it is.
    pub country: Country,
    /// The provisions it consists of.
    pub provisions: Vec<String>,
    /// What it requires, in words.
    pub description: String,
    /// Where the entry comes from.
    pub source: String,
}

/// The loaded reference data.
#[derive(Clone, Debug)]
pub struct Reference {
    countries: IndexMap<String, String>,
    eea: Vec<String>,
    former_members: Vec<(String, Date)>,
    territory_notes: IndexMap<String, String>,
    adequacy: Vec<AdequacyDecision>,
    regimes: IndexMap<RegimeId, Regime>,
}

impl Reference {
    /// The reference data shipped with `ansvar`.
    pub fn builtin() -> Self {
        let mut sources = SourceMap::new();
        // The embedded file is checked by a unit test, so a failure here is a
        // build defect, not a user error; fall back to an empty set rather than panic.
        Self::load(&mut sources, Path::new("models/reference.yaml"), BUILTIN_YAML).unwrap_or_else(|_| Self::empty())
    }

    fn empty() -> Self {
        Self {
            countries: IndexMap::new(),
            eea: Vec::new(),
            former_members: Vec::new(),
            territory_notes: IndexMap::new(),
            adequacy: Vec::new(),
            regimes: IndexMap::new(),
        }
    }

    /// Reads reference data from a file (`--reference`), with the same limits as
    /// a model file: a regular file, at most 256 MiB, links only within their
    /// directory. A file that is not UTF-8 is refused at its bad byte.
    pub fn read(sources: &mut SourceMap, path: &Path) -> Result<Self, Vec<Diagnostic>> {
        crate::output::protect(path);
        match crate::load::files::read_text(path) {
            Ok(crate::load::files::Text::Utf8(text)) => Self::load(sources, path, &text),
            Ok(crate::load::files::Text::NotUtf8 { lossy, offset }) => {
                let file = sources.add(path.to_path_buf(), lossy);
                let shown = sources.file(file).display_path().to_owned();
                Err(vec![crate::load::not_utf8(&shown, file, sources.file(file).text(), offset)])
            }
            Err(error) => Err(vec![crate::load::read_error_diagnostic(path, &error)]),
        }
    }

    /// Loads reference data from YAML text, reporting every problem with its place.
    pub fn load(sources: &mut SourceMap, path: &Path, text: &str) -> Result<Self, Vec<Diagnostic>> {
        let file = sources.add(path.to_path_buf(), text.to_owned());
        let raw: RawReference = crate::load::parse_yaml(text, file).map_err(|d| vec![*d])?;
        let span = |s: &Spanned<String>| crate::load::span_of(file, &s.referenced, text);
        let mut diagnostics = Vec::new();
        let mut reference = Self::empty();

        for entry in raw.countries {
            let code = entry.code.value.clone();
            if code.len() != 2 || !code.chars().all(|c| c.is_ascii_uppercase()) {
                diagnostics.push(
                    Diagnostic::error(
                        DiagnosticCode::BadReference,
                        format!("`{code}` is not an ISO 3166-1 alpha-2 code"),
                    )
                    .at(span(&entry.code), "expected two upper-case letters"),
                );
            }
            if reference.countries.insert(code.clone(), entry.name).is_some() {
                diagnostics.push(
                    Diagnostic::error(DiagnosticCode::BadReference, format!("country `{code}` is listed twice"))
                        .at(span(&entry.code), "second entry"),
                );
            }
        }
        let check_country = |code: &Spanned<String>, diagnostics: &mut Vec<Diagnostic>| {
            let known = reference.countries.contains_key(&code.value);
            if !known {
                diagnostics.push(
                    Diagnostic::error(DiagnosticCode::BadReference, format!("unknown country `{}`", code.value))
                        .at(span(code), "not in `countries`"),
                );
            }
            known
        };
        for code in raw.eea.eu.iter().chain(&raw.eea.efta) {
            if check_country(code, &mut diagnostics) {
                reference.eea.push(code.value.clone());
            }
        }
        for former in raw.former_members {
            check_country(&former.code, &mut diagnostics);
            match former.until.value.parse::<Date>() {
                Ok(until) => reference.former_members.push((former.code.value, until)),
                Err(_) => diagnostics.push(
                    Diagnostic::error(DiagnosticCode::BadReference, format!("`{}` is not a date", former.until.value))
                        .at(span(&former.until), "expected YYYY-MM-DD"),
                ),
            }
        }
        for note in raw.territory_notes {
            check_country(&note.code, &mut diagnostics);
            reference.territory_notes.insert(note.code.value, note.note);
        }
        for decision in raw.adequacy {
            check_country(&decision.country, &mut diagnostics);
            let date = |text: &Spanned<String>, diagnostics: &mut Vec<Diagnostic>| match text.value.parse::<Date>() {
                Ok(date) => Some(date),
                Err(_) => {
                    diagnostics.push(
                        Diagnostic::error(DiagnosticCode::BadReference, format!("`{}` is not a date", text.value))
                            .at(span(text), "expected YYYY-MM-DD"),
                    );
                    None
                }
            };
            let in_force = date(&decision.in_force, &mut diagnostics);
            let ends = decision.ends.as_ref().and_then(|e| date(e, &mut diagnostics));
            let scope = match (decision.scope.value.as_str(), decision.certification) {
                ("whole", _) => Some(AdequacyScope::Whole),
                ("commercial_only", _) => Some(AdequacyScope::CommercialOnly),
                ("sector_limited", _) => Some(AdequacyScope::SectorLimited),
                ("certified_only", Some(certification)) => Some(AdequacyScope::CertifiedOnly { certification }),
                ("certified_only", None) => {
                    diagnostics.push(
                        Diagnostic::error(DiagnosticCode::BadReference, "`certified_only` needs a `certification`")
                            .at(span(&decision.scope), "name the certification scheme"),
                    );
                    None
                }
                (other, _) => {
                    diagnostics.push(
                        Diagnostic::error(DiagnosticCode::BadReference, format!("unknown adequacy scope `{other}`"))
                            .at(
                                span(&decision.scope),
                                "expected one of: whole, commercial_only, certified_only, sector_limited",
                            ),
                    );
                    None
                }
            };
            if let (Some(in_force), Some(scope)) = (in_force, scope) {
                reference.adequacy.push(AdequacyDecision {
                    country: Country::new(decision.country.value),
                    instrument: decision.instrument,
                    in_force,
                    ends,
                    scope,
                    scope_note: decision.scope_note,
                    certainty: decision.certainty,
                    source: decision.source,
                    notes: decision.notes,
                });
            }
        }
        for regime in raw.regimes {
            if let Err(error) = crate::model::ids::check_id(&regime.id.value) {
                diagnostics.push(
                    Diagnostic::error(DiagnosticCode::BadReference, error.to_string())
                        .at(span(&regime.id), "regime id"),
                );
            }
            check_country(&regime.country, &mut diagnostics);
            let id = RegimeId::new(regime.id.value.clone());
            let entry = Regime {
                id: id.clone(),
                name: regime.name,
                country: Country::new(regime.country.value),
                provisions: regime.provisions,
                description: regime.description,
                source: regime.source,
            };
            if reference.regimes.insert(id, entry).is_some() {
                diagnostics.push(
                    Diagnostic::error(
                        DiagnosticCode::BadReference,
                        format!("regime `{}` is listed twice", regime.id.value),
                    )
                    .at(span(&regime.id), "second entry"),
                );
            }
        }
        if diagnostics.is_empty() { Ok(reference) } else { Err(diagnostics) }
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
        self.eea.iter().any(|c| c == country.as_str())
    }

    /// Whether a country counts as EU/EEA on `date`: a member today, or a former
    /// member on a day up to which transfers to it were not yet transfers to a
    /// third country (the United Kingdom until 27 June 2021).
    pub fn is_eea_on(&self, country: &Country, date: Date) -> bool {
        self.is_eea(country)
            || self.former_members.iter().any(|(code, until)| code == country.as_str() && date <= *until)
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

    /// The regime with this id.
    pub fn regime(&self, id: &str) -> Option<&Regime> {
        self.regimes.get(id)
    }

    /// Every regime, in file order.
    pub fn regimes(&self) -> impl Iterator<Item = &Regime> {
        self.regimes.values()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReference {
    countries: Vec<RawCountry>,
    eea: RawEea,
    #[serde(default)]
    former_members: Vec<RawFormerMember>,
    #[serde(default)]
    territory_notes: Vec<RawTerritoryNote>,
    #[serde(default)]
    adequacy: Vec<RawAdequacy>,
    #[serde(default)]
    regimes: Vec<RawRegime>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCountry {
    code: Spanned<String>,
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEea {
    eu: Vec<Spanned<String>>,
    efta: Vec<Spanned<String>>,
    #[serde(default)]
    #[allow(dead_code)]
    source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFormerMember {
    code: Spanned<String>,
    until: Spanned<String>,
    #[allow(dead_code)]
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerritoryNote {
    code: Spanned<String>,
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAdequacy {
    country: Spanned<String>,
    instrument: String,
    in_force: Spanned<String>,
    ends: Option<Spanned<String>>,
    scope: Spanned<String>,
    certification: Option<String>,
    scope_note: Option<String>,
    certainty: String,
    source: String,
    notes: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRegime {
    id: Spanned<String>,
    name: String,
    country: Spanned<String>,
    provisions: Vec<String>,
    description: String,
    source: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn the_builtin_file_loads_without_problems() {
        let mut sources = SourceMap::new();
        let reference = Reference::load(&mut sources, Path::new("models/reference.yaml"), BUILTIN_YAML);
        let reference = match reference {
            Ok(r) => r,
            Err(d) => panic!("{}", crate::diag::render(&d, &sources, crate::diag::Color::Never)),
        };
        assert!(reference.countries.len() >= 249);
        assert_eq!(reference.eea.len(), 30);
        assert!(reference.regime("se-healthcare-secrecy").is_some());
    }

    #[test]
    fn sweden_and_norway_are_eea_thailand_is_a_third_country() {
        let reference = Reference::builtin();
        let on = date("2019-02-18");
        assert_eq!(reference.jurisdiction(&Country::new("SE"), on), Jurisdiction::Eea);
        assert_eq!(reference.jurisdiction(&Country::new("NO"), on), Jurisdiction::Eea);
        assert_eq!(reference.jurisdiction(&Country::new("TH"), on), Jurisdiction::ThirdCountry);
    }

    #[test]
    fn us_adequacy_starts_on_2023_07_10_and_needs_dpf_certification() {
        let reference = Reference::builtin();
        let us = Country::new("US");
        assert_eq!(reference.jurisdiction(&us, date("2023-07-09")), Jurisdiction::ThirdCountry);
        match reference.jurisdiction(&us, date("2023-07-10")) {
            Jurisdiction::Adequate(decision) => {
                assert_eq!(decision.scope, AdequacyScope::CertifiedOnly { certification: "eu-us-dpf".into() })
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn uk_adequacy_ends_after_2031_12_27() {
        let reference = Reference::builtin();
        let gb = Country::new("GB");
        assert!(matches!(reference.jurisdiction(&gb, date("2031-12-27")), Jurisdiction::Adequate(_)));
        assert_eq!(reference.jurisdiction(&gb, date("2031-12-28")), Jurisdiction::ThirdCountry);
    }

    #[test]
    fn the_uk_counts_as_eea_until_its_adequacy_decision() {
        let reference = Reference::builtin();
        let gb = Country::new("GB");
        assert_eq!(reference.jurisdiction(&gb, date("2019-02-18")), Jurisdiction::Eea);
        assert_eq!(reference.jurisdiction(&gb, date("2021-06-27")), Jurisdiction::Eea);
        assert!(matches!(reference.jurisdiction(&gb, date("2021-06-28")), Jurisdiction::Adequate(_)));
    }

    #[test]
    fn certified_us_importers_had_privacy_shield_from_2016_to_2020() {
        let reference = Reference::builtin();
        let us = Country::new("US");
        let scheme = |d: &str| match reference.jurisdiction(&us, date(d)) {
            Jurisdiction::Adequate(AdequacyDecision {
                scope: AdequacyScope::CertifiedOnly { certification }, ..
            }) => Some(certification.clone()),
            _ => None,
        };
        assert_eq!(scheme("2019-02-18").as_deref(), Some("eu-us-privacy-shield"));
        assert_eq!(scheme("2020-07-16"), None);
        assert_eq!(scheme("2010-01-01").as_deref(), Some("us-safe-harbour"));
        assert_eq!(scheme("2016-01-01"), None);
    }

    #[test]
    fn brazil_adequacy_starts_on_2026_01_26() {
        let reference = Reference::builtin();
        let br = Country::new("BR");
        assert_eq!(reference.jurisdiction(&br, date("2026-01-25")), Jurisdiction::ThirdCountry);
        assert!(matches!(reference.jurisdiction(&br, date("2026-01-26")), Jurisdiction::Adequate(_)));
    }

    #[test]
    fn canada_is_limited_to_commercial_organisations() {
        let reference = Reference::builtin();
        let decision = reference.adequacy_on(&Country::new("CA"), date("2024-01-01")).unwrap();
        assert_eq!(decision.scope, AdequacyScope::CommercialOnly);
    }

    #[test]
    fn a_broken_override_reports_every_problem_with_its_line() {
        let text = "countries:\n  - { code: SE, name: Sweden }\neea:\n  eu: [SE, XX]\n  efta: []\nadequacy:\n  - { country: US, instrument: x, in_force: 2023-13-01, scope: partly, certainty: m, source: s }\n";
        let mut sources = SourceMap::new();
        let Err(problems) = Reference::load(&mut sources, Path::new("ref.yaml"), text) else {
            panic!("expected errors");
        };
        let messages: Vec<_> = problems.iter().map(|d| d.message.clone()).collect();
        assert!(messages.iter().any(|m| m.contains("`XX`")), "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("`US`")), "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("2023-13-01")), "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("partly")), "{messages:?}");
        assert_eq!(problems[0].location(&sources).unwrap().line, 4);
    }
}
