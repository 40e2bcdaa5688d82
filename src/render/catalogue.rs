//! The rule catalogue as text: `ansvar rules` and `ansvar explain CODE`, and
//! each rule's texts (`rule-CODE` in `locales/<lang>/rules.ftl`) for the other
//! outputs.

use std::fmt::Write;

use fluent_bundle::FluentValue;

use super::{Lang, attribute, fixed, provisions, severity};
use crate::rules::{Area, CATALOGUE, Rule};

fn key(rule: &Rule) -> String {
    format!("rule-{}", rule.code)
}

/// One line: what the rule finds.
pub fn summary(rule: &Rule, lang: Lang) -> String {
    fixed(&key(rule), lang, &[])
}

/// Why the rule matters, in plain words, citing the law.
pub fn explanation(rule: &Rule, lang: Lang) -> String {
    attribute(&key(rule), "explanation", lang)
}

/// What to do about a finding of the rule.
pub fn remediation(rule: &Rule, lang: Lang) -> String {
    attribute(&key(rule), "remediation", lang)
}

/// The heading of an area of the catalogue.
pub fn area_title(area: Area, lang: Lang) -> String {
    fixed(&format!("area-{}", area.key()), lang, &[])
}

/// Every rule, grouped by area: code, severity and provisions.
pub fn list(lang: Lang) -> String {
    let mut out = String::new();
    let width = CATALOGUE.iter().map(|r| r.code.len()).max().unwrap_or(0);
    let severity_width =
        crate::rules::Severity::ALL.iter().map(|s| severity(*s, lang).chars().count()).max().unwrap_or(0);
    let mut area = None;
    for rule in CATALOGUE {
        if area != Some(rule.area) {
            if area.is_some() {
                out.push('\n');
            }
            let _ = writeln!(out, "{}", area_title(rule.area, lang));
            area = Some(rule.area);
        }
        let severity = severity(rule.severity, lang);
        let _ = writeln!(out, "  {:width$}  {severity:severity_width$}  {}", rule.code, summary(rule, lang));
    }
    let _ = writeln!(out, "\n{}", fixed("catalogue-explain-hint", lang, &[]));
    out
}

/// One rule in full, or `None` for an unknown code.
pub fn explain(code: &str, lang: Lang) -> Option<String> {
    let rule: &Rule = crate::rules::rule(code)?;
    let heading = fixed(
        "catalogue-heading",
        lang,
        &[
            ("code", FluentValue::from(rule.code)),
            ("area", FluentValue::from(area_title(rule.area, lang))),
            ("severity", FluentValue::from(severity(rule.severity, lang))),
        ],
    );
    let field = |key: &str, text: String| fixed(key, lang, &[("text", FluentValue::from(text))]);
    let mut out = String::new();
    let _ = writeln!(out, "{heading}");
    let _ = writeln!(out, "\n{}\n", summary(rule, lang));
    let _ = writeln!(out, "{}\n", field("catalogue-why", explanation(rule, lang)));
    let _ = writeln!(out, "{}\n", field("catalogue-rests-on", provisions(rule.provisions, lang)));
    let _ = writeln!(out, "{}", field("catalogue-what-to-do", remediation(rule, lang)));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_names_every_rule_under_its_area() {
        for lang in Lang::ALL {
            let list = list(lang);
            for rule in CATALOGUE {
                let line = list.lines().find(|l| l.trim_start().starts_with(&format!("{} ", rule.code)));
                let line = line.unwrap_or_else(|| panic!("`{}` is not listed", rule.code));
                assert!(line.contains(&severity(rule.severity, lang)) && line.contains(&summary(rule, lang)), "{line}");
                assert!(list.contains(&area_title(rule.area, lang)));
            }
        }
    }

    #[test]
    fn explain_gives_the_reasoning_and_the_provisions() {
        let text = explain("subjects-not-informed", Lang::En).unwrap();
        assert!(
            text.starts_with(
                "subjects-not-informed  (Information to data subjects (Art. 13/14), default severity high)"
            ),
            "{text}"
        );
        assert!(
            text.contains("Why: ")
                && text.contains("Rests on: Art. 5(1)(a); Art. 12; Art. 13")
                && text.contains("What to do: ")
        );
        let text = explain("subjects-not-informed", Lang::Sv).unwrap();
        assert!(text.contains("standardallvarlighet hög"), "{text}");
        assert!(text.contains("Stöds av: artikel 5.1 a; artikel 12; artikel 13"), "{text}");
    }

    #[test]
    fn every_rule_has_its_texts_in_every_language_and_they_differ() {
        for rule in CATALOGUE {
            let english = (summary(rule, Lang::En), explanation(rule, Lang::En), remediation(rule, Lang::En));
            let swedish = (summary(rule, Lang::Sv), explanation(rule, Lang::Sv), remediation(rule, Lang::Sv));
            for text in [&english.0, &english.1, &english.2, &swedish.0, &swedish.1, &swedish.2] {
                assert!(!text.is_empty() && !text.starts_with("rule-"), "`{}`: {text}", rule.code);
            }
            assert_ne!(english.0, swedish.0, "`{}` has no Swedish summary", rule.code);
            assert_ne!(english.1, swedish.1, "`{}` has no Swedish explanation", rule.code);
        }
    }

    #[test]
    fn explain_knows_no_other_codes() {
        assert_eq!(explain("subjects-not-informd", Lang::En), None);
    }
}
