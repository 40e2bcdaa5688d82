//! Reading reference data (`models/reference.yaml`, `--reference FILE`) into
//! [`Reference`]: the loader's file limits and YAML parsing, each problem
//! reported with its place.
//!
//! It lives in `load` so that the reference data's types and lookups
//! (`crate::reference`) depend on nothing of the loader's, while the loader's
//! validation reads them: the two modules import each other in one direction
//! only.

use std::path::Path;

use jiff::civil::Date;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diag::{Bounded, Diagnostic, DiagnosticCode};
use crate::model::{Country, RegimeId, SupplementaryMeasure, TransferTool, Vocabulary};
use crate::reference::{
    AdequacyDecision, AdequacyScope, BUILTIN_YAML, Reach, ReachActivities, Reference, Regime, Sector, ToolUndermined,
};
use crate::source::SourceMap;

impl Reference {
    /// The reference data shipped with `ansvar`.
    pub fn builtin() -> Self {
        let mut sources = SourceMap::new();
        // The embedded file is checked by a unit test, so a failure here is a
        // build defect, not a user error; fall back to an empty set rather than panic.
        Self::load(&mut sources, Path::new("models/reference.yaml"), BUILTIN_YAML).unwrap_or_else(|_| Self::empty())
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
        // Past a thousand errors the rest are counted, as in a model file.
        let mut diagnostics = Bounded::new();
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
        let check_country = |code: &Spanned<String>, diagnostics: &mut Bounded| {
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
                reference.eea.push(Country::new(&code.value));
            }
        }
        // Sorted, so that the reference reads the same whatever the file's order.
        reference.eea.sort_unstable();
        reference.eea.dedup();
        for former in raw.former_members {
            check_country(&former.code, &mut diagnostics);
            match former.until.value.parse::<Date>() {
                Ok(until) => reference.former_members.push((Country::new(&former.code.value), until)),
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
            let date = |text: &Spanned<String>, diagnostics: &mut Bounded| match text.value.parse::<Date>() {
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
            let mut sectors = Vec::new();
            for text in &decision.sectors {
                match text.value.as_str() {
                    "public" => sectors.push(Sector::Public),
                    "private" => sectors.push(Sector::Private),
                    other => diagnostics.push(
                        Diagnostic::error(DiagnosticCode::BadReference, format!("unknown sector `{other}`"))
                            .at(span(text), "expected `public` or `private`"),
                    ),
                }
            }
            sectors.sort();
            sectors.dedup();
            let scope =
                Some(AdequacyScope { sectors, certification: decision.certification, to_verify: decision.to_verify });
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
        let regime_refs: Vec<Option<Spanned<String>>> =
            raw.tool_undermined.iter().map(|p| p.importers_subject_to.clone()).collect();
        for period in raw.tool_undermined {
            check_country(&period.country, &mut diagnostics);
            let mut date = |text: &Option<Spanned<String>>| {
                let text = text.as_ref()?;
                match text.value.parse::<Date>() {
                    Ok(date) => Some(date),
                    Err(_) => {
                        diagnostics.push(
                            Diagnostic::error(DiagnosticCode::BadReference, format!("`{}` is not a date", text.value))
                                .at(span(text), "expected YYYY-MM-DD"),
                        );
                        None
                    }
                }
            };
            let (from, until) = (date(&period.from), date(&period.until));
            let tools = words::<TransferTool>(&period.tools, &span, &mut diagnostics);
            let effective_measures = words::<SupplementaryMeasure>(&period.effective_measures, &span, &mut diagnostics);
            reference.tool_undermined.push(ToolUndermined {
                country: Country::new(period.country.value),
                from,
                until,
                importers_subject_to: period.importers_subject_to.map(|r| RegimeId::new(r.value)),
                tools,
                effective_measures,
                certainty: period.certainty,
                source: period.source,
                notes: period.notes,
            });
        }
        for regime in raw.regimes {
            if let Err(error) = crate::model::ids::check_id(&regime.id.value) {
                diagnostics.push(
                    Diagnostic::error(DiagnosticCode::BadReference, error.to_string())
                        .at(span(&regime.id), "regime id"),
                );
            }
            check_country(&regime.country, &mut diagnostics);
            let country = Country::new(regime.country.value.clone());
            let reach = match regime.reach {
                None => Reach {
                    countries: vec![country.clone()],
                    sectors: vec![Sector::Public, Sector::Private],
                    activities: ReachActivities::Care,
                },
                Some(raw) => {
                    let mut countries = Vec::new();
                    for code in raw.countries.as_deref().unwrap_or_default() {
                        if check_country(code, &mut diagnostics) {
                            countries.push(Country::new(code.value.clone()));
                        }
                    }
                    if raw.countries.is_none() {
                        countries.push(country.clone());
                    }
                    let mut sectors = Vec::new();
                    for sector in raw.sectors.as_deref().unwrap_or_default() {
                        match sector.value.as_str() {
                            "public" => sectors.push(Sector::Public),
                            "private" => sectors.push(Sector::Private),
                            other => diagnostics.push(
                                Diagnostic::error(DiagnosticCode::BadReference, format!("unknown sector `{other}`"))
                                    .at(span(sector), "expected `public` or `private`"),
                            ),
                        }
                    }
                    if raw.sectors.is_none() {
                        sectors = vec![Sector::Public, Sector::Private];
                    }
                    let activities = match &raw.activities {
                        None => ReachActivities::Care,
                        Some(word) if word.value == "care" => ReachActivities::Care,
                        Some(word) if word.value == "all" => ReachActivities::All,
                        Some(word) => {
                            diagnostics.push(
                                Diagnostic::error(
                                    DiagnosticCode::BadReference,
                                    format!("unknown reach `{}`", word.value),
                                )
                                .at(span(word), "expected `care` or `all`"),
                            );
                            ReachActivities::Care
                        }
                    };
                    Reach { countries, sectors, activities }
                }
            };
            let id = RegimeId::new(regime.id.value.clone());
            let entry = Regime {
                id: id.clone(),
                name: regime.name,
                name_sv: regime.name_sv,
                country,
                reach,
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
        // A period names a regime the file itself defines.
        for (period, raw_regime) in reference.tool_undermined.iter().zip(&regime_refs) {
            if let (Some(regime), Some(text)) = (&period.importers_subject_to, raw_regime)
                && !reference.regimes.contains_key(regime)
            {
                diagnostics.push(
                    Diagnostic::error(DiagnosticCode::BadReference, format!("unknown regime `{regime}`"))
                        .at(span(text), "not in `regimes`"),
                );
            }
        }
        if diagnostics.is_empty() {
            return Ok(reference);
        }
        let (diagnostics, left_out) = diagnostics.into_parts();
        for (file, count) in left_out {
            sources.count_left_out(file, count);
        }
        Err(diagnostics)
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
    tool_undermined: Vec<RawToolUndermined>,
    #[serde(default)]
    regimes: Vec<RawRegime>,
}

/// The words of a closed vocabulary in a reference list, each checked.
fn words<T: Vocabulary>(
    texts: &[Spanned<String>],
    span: &impl Fn(&Spanned<String>) -> crate::source::Span,
    diagnostics: &mut Bounded,
) -> Vec<T> {
    let mut found = Vec::new();
    for text in texts {
        match T::parse(&text.value) {
            Some(word) => found.push(word),
            None => diagnostics.push(
                Diagnostic::error(DiagnosticCode::BadReference, format!("unknown {} `{}`", T::WHAT, text.value))
                    .at(span(text), format!("expected one of: {}", T::spellings().join(", "))),
            ),
        }
    }
    found
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawToolUndermined {
    country: Spanned<String>,
    from: Option<Spanned<String>>,
    until: Option<Spanned<String>>,
    importers_subject_to: Option<Spanned<String>>,
    #[serde(default)]
    tools: Vec<Spanned<String>>,
    #[serde(default)]
    effective_measures: Vec<Spanned<String>>,
    certainty: String,
    source: String,
    notes: Option<String>,
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
    #[serde(default)]
    sectors: Vec<Spanned<String>>,
    certification: Option<String>,
    to_verify: Option<String>,
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
    name_sv: Option<String>,
    country: Spanned<String>,
    reach: Option<RawReach>,
    provisions: Vec<String>,
    description: String,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReach {
    countries: Option<Vec<Spanned<String>>>,
    sectors: Option<Vec<Spanned<String>>>,
    activities: Option<Spanned<String>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CertifiedData, Party};
    use crate::reference::{Jurisdiction, ScopeCheck};

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    /// The jurisdiction of `country` on `day` under the built-in reference data.
    fn on(country: &str, day: &str) -> Jurisdiction<'static> {
        static BUILTIN: std::sync::OnceLock<Reference> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(Reference::builtin).jurisdiction(&Country::new(country), date(day))
    }

    /// The problems of a reference file that must be refused, and its sources.
    fn refused(text: &str) -> (Vec<Diagnostic>, SourceMap) {
        let mut sources = SourceMap::new();
        match Reference::load(&mut sources, Path::new("ref.yaml"), text) {
            Ok(_) => panic!("accepted: {text}"),
            Err(problems) => (problems, sources),
        }
    }

    /// The messages of a reference file's problems.
    fn messages(problems: &[Diagnostic]) -> Vec<&str> {
        problems.iter().map(|d| d.message.as_str()).collect()
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
        assert!(reference.regime(&RegimeId::new("se-healthcare-secrecy")).is_some());
    }

    #[test]
    fn every_member_is_found_whatever_the_file_order() {
        // Written out of order, EFTA before the EU's, one code twice: the
        // reader sorts them and drops the repeat.
        let text = "countries: [{ code: SE, name: Sweden }, { code: AT, name: Austria }, { code: NO, name: Norway }, { code: IN, name: India }]\neea: { eu: [SE, AT, SE], efta: [NO] }\n";
        let mut sources = SourceMap::new();
        let reference = Reference::load(&mut sources, Path::new("r.yaml"), text).unwrap();
        for code in ["SE", "AT", "NO"] {
            assert!(reference.is_eea(&Country::new(code)), "{code}");
        }
        assert!(!reference.is_eea(&Country::new("IN")));
        assert_eq!(reference.eea.iter().map(Country::as_str).collect::<Vec<_>>(), ["AT", "NO", "SE"]);
    }

    #[test]
    fn a_regime_s_reach_is_data_and_defaults_to_its_country() {
        let text = r#"
countries: [{ code: FI, name: Finland }, { code: SE, name: Sweden }, { code: AX, name: Åland }]
eea: { eu: [FI, SE], efta: [] }
regimes:
  - { id: plain, name: Plain, country: SE, provisions: [], description: d, source: s }
  - id: wide
    name: Wide
    country: FI
    reach: { countries: [FI, AX], sectors: [public], activities: all }
    provisions: []
    description: d
    source: s
"#;
        let mut sources = SourceMap::new();
        let reference = Reference::load(&mut sources, Path::new("r.yaml"), text).unwrap();
        let plain = &reference.regime(&RegimeId::new("plain")).unwrap().reach;
        assert_eq!(plain.countries, [Country::new("SE")]);
        assert!(plain.binds_sector(true) && plain.binds_sector(false));
        assert_eq!(plain.activities, ReachActivities::Care);
        let wide = &reference.regime(&RegimeId::new("wide")).unwrap().reach;
        assert!(wide.covers_country(&Country::new("AX")) && !wide.covers_country(&Country::new("SE")));
        assert!(wide.binds_sector(true) && !wide.binds_sector(false));
        assert_eq!(wide.activities, ReachActivities::All);
    }

    #[test]
    fn a_reach_with_unknown_words_is_refused_with_its_place() {
        let text = "countries: [{ code: SE, name: Sweden }]\neea: { eu: [SE], efta: [] }\nregimes:\n  - { id: r, name: R, country: SE, reach: { countries: [XX], sectors: [state], activities: some }, provisions: [], description: d, source: s }\n";
        let (problems, _) = refused(text);
        assert_eq!(messages(&problems), ["unknown country `XX`", "unknown sector `state`", "unknown reach `some`"]);
    }

    #[test]
    fn errors_past_a_thousand_are_counted_not_kept() {
        use std::fmt::Write as _;
        let mut text = String::from("eea: { eu: [], efta: [] }\ncountries:\n");
        for _ in 0..crate::diag::MAX_ERRORS_KEPT_PER_FILE + 5 {
            let _ = writeln!(text, "  - {{ code: se, name: S }}");
        }
        let (problems, sources) = refused(&text);
        assert_eq!(problems.len(), crate::diag::MAX_ERRORS_KEPT_PER_FILE);
        // The first is malformed only; every later one is malformed and listed twice.
        assert_eq!(sources.errors_left_out(), 2 * (crate::diag::MAX_ERRORS_KEPT_PER_FILE + 5) - 1 - problems.len());
    }

    #[test]
    fn sweden_and_norway_are_eea_thailand_is_a_third_country() {
        assert_eq!(on("SE", "2019-02-18"), Jurisdiction::Eea);
        assert_eq!(on("NO", "2019-02-18"), Jurisdiction::Eea);
        assert_eq!(on("TH", "2019-02-18"), Jurisdiction::ThirdCountry);
    }

    #[test]
    fn us_adequacy_starts_on_2023_07_10_and_needs_dpf_certification() {
        assert_eq!(on("US", "2023-07-09"), Jurisdiction::ThirdCountry);
        match on("US", "2023-07-10") {
            Jurisdiction::Adequate(decision) => {
                assert_eq!(decision.scope.certification.as_deref(), Some("eu-us-dpf"))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn uk_adequacy_ends_after_2031_12_27() {
        assert!(matches!(on("GB", "2031-12-27"), Jurisdiction::Adequate(_)));
        assert_eq!(on("GB", "2031-12-28"), Jurisdiction::ThirdCountry);
    }

    #[test]
    fn the_uk_counts_as_eea_until_its_adequacy_decision() {
        assert_eq!(on("GB", "2019-02-18"), Jurisdiction::Eea);
        assert_eq!(on("GB", "2021-06-27"), Jurisdiction::Eea);
        assert!(matches!(on("GB", "2021-06-28"), Jurisdiction::Adequate(_)));
    }

    #[test]
    fn certified_us_importers_had_privacy_shield_from_2016_to_2020() {
        let scheme = |d: &str| match on("US", d) {
            Jurisdiction::Adequate(decision) => decision.scope.certification.clone(),
            _ => None,
        };
        assert_eq!(scheme("2019-02-18").as_deref(), Some("eu-us-privacy-shield"));
        assert_eq!(scheme("2020-07-16"), None);
        assert_eq!(scheme("2010-01-01").as_deref(), Some("us-safe-harbour"));
        assert_eq!(scheme("2016-01-01"), None);
    }

    #[test]
    fn brazil_adequacy_starts_on_2026_01_26() {
        assert_eq!(on("BR", "2026-01-25"), Jurisdiction::ThirdCountry);
        assert!(matches!(on("BR", "2026-01-26"), Jurisdiction::Adequate(_)));
    }

    #[test]
    fn sccs_to_the_us_were_undermined_from_schrems_ii_to_the_day_before_the_dpf() {
        let reference = Reference::builtin();
        let us = Country::new("US");
        let on = |d: &str, tool| reference.tool_undermined(&us, tool, date(d));
        assert!(on("2020-07-15", TransferTool::Scc).is_none());
        let period = on("2020-07-16", TransferTool::Scc).unwrap();
        assert_eq!(period.importers_subject_to.as_ref().map(|r| r.as_str()), Some("us-fisa-702"));
        assert!(period.effective_measures.contains(&SupplementaryMeasure::EncryptionKeysInEea));
        assert!(!period.effective_measures.contains(&SupplementaryMeasure::Contractual));
        assert!(on("2023-07-09", TransferTool::Scc).is_some());
        assert!(on("2023-07-10", TransferTool::Scc).is_none());
        // A derogation is not an Art. 46 tool.
        assert!(on("2021-01-01", TransferTool::Derogation).is_none());
        assert!(reference.tool_undermined(&Country::new("TH"), TransferTool::Scc, date("2021-01-01")).is_none());
        assert!(reference.regime(&RegimeId::new("us-fisa-702")).is_some());
    }

    #[test]
    fn a_period_naming_an_unknown_regime_or_measure_is_refused() {
        let text = "countries:\n  - { code: US, name: United States }\neea:\n  eu: []\n  efta: []\ntool_undermined:\n  - { country: US, from: 2020-07-16, importers_subject_to: nsa, effective_measures: [prayer], certainty: m, source: s }\n";
        let (problems, _) = refused(text);
        let messages = messages(&problems);
        assert!(messages.iter().any(|m| m.contains("`nsa`")), "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("`prayer`")), "{messages:?}");
    }

    fn party(public_body: bool, certifications: &str) -> Party {
        let text = format!(
            "parties:\n  - {{ id: importer, name: I, kind: other, country: JP, public_body: {public_body}{certifications} }}\ndata:\n  - {{ id: staff, name: S, employment: true }}\n  - {{ id: customers, name: C }}\n"
        );
        let loaded = crate::load::load_texts(vec![("m.yaml".into(), text)], &Reference::builtin())
            .unwrap_or_else(|invalid| panic!("{:?}", invalid.diagnostics));
        loaded.model.parties.values().next().unwrap().clone()
    }

    #[test]
    fn canada_and_japan_cover_the_private_sector_only() {
        let reference = Reference::builtin();
        for country in ["CA", "JP"] {
            let decision = reference.adequacy_on(&Country::new(country), date("2024-01-01")).unwrap();
            assert_eq!(decision.scope.sectors, vec![Sector::Private], "{country}");
            assert_eq!(
                decision.scope.check(&party(true, ""), [], date("2024-01-01")),
                ScopeCheck::OutsideSectors { sector: Sector::Public }
            );
        }
        let japan = reference.adequacy_on(&Country::new("JP"), date("2024-01-01")).unwrap();
        assert!(matches!(japan.scope.check(&party(false, ""), [], date("2024-01-01")), ScopeCheck::ToVerify(_)));
        let canada = reference.adequacy_on(&Country::new("CA"), date("2024-01-01")).unwrap();
        assert_eq!(canada.scope.check(&party(false, ""), [], date("2024-01-01")), ScopeCheck::Covered);
        // What is left to verify still covers; a sector outside does not.
        assert!(japan.scope.check(&party(false, ""), [], date("2024-01-01")).covers());
        assert!(!japan.scope.check(&party(true, ""), [], date("2024-01-01")).covers());
    }

    #[test]
    fn a_certification_must_cover_every_kind_of_data_on_the_date() {
        let reference = Reference::builtin();
        let on = date("2024-01-01");
        let dpf = &reference.adequacy_on(&Country::new("US"), on).unwrap().scope;
        let loaded = party(false, ", certifications: [{ scheme: eu-us-dpf, covers: [non_hr], from: 2023-09-01 }]");
        let data = crate::load::load_texts(
            vec![(
                "d.yaml".into(),
                "data:\n  - { id: staff, name: S, employment: true }\n  - { id: customers, name: C }\n".to_owned(),
            )],
            &Reference::builtin(),
        )
        .unwrap_or_else(|invalid| panic!("{:?}", invalid.diagnostics))
        .model;
        let by_id = |id: &str| data.data.values().find(|d| d.id.as_str() == id).unwrap();
        let (staff, customers) = (by_id("staff"), by_id("customers"));
        assert_eq!(dpf.check(&loaded, [customers], on), ScopeCheck::Covered);
        assert_eq!(
            dpf.check(&loaded, [customers, staff], on),
            ScopeCheck::NotCertified { scheme: "eu-us-dpf", missing: vec![CertifiedData::Hr] }
        );
        assert_eq!(
            dpf.check(&loaded, [customers], date("2023-08-01")),
            ScopeCheck::NotCertified { scheme: "eu-us-dpf", missing: vec![CertifiedData::NonHr] }
        );
    }

    #[test]
    fn an_unknown_sector_is_refused() {
        let text = "countries:\n  - { code: JP, name: Japan }\neea:\n  eu: []\n  efta: []\nadequacy:\n  - { country: JP, instrument: x, in_force: 2019-01-23, sectors: [commercial], certainty: m, source: s }\n";
        let (problems, _) = refused(text);
        assert!(messages(&problems).iter().any(|m| m.contains("`commercial`")), "{problems:?}");
    }

    #[test]
    fn a_broken_override_reports_every_problem_with_its_line() {
        let text = "countries:\n  - { code: SE, name: Sweden }\neea:\n  eu: [SE, XX]\n  efta: []\nadequacy:\n  - { country: US, instrument: x, in_force: 2023-13-01, sectors: [partly], certainty: m, source: s }\n";
        let (problems, sources) = refused(text);
        let messages = messages(&problems);
        assert!(messages.iter().any(|m| m.contains("`XX`")), "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("`US`")), "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("2023-13-01")), "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("partly")), "{messages:?}");
        assert_eq!(problems[0].location(&sources).unwrap().line, 4);
    }
}
