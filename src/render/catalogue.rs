//! The rule catalogue as text: `ansvar rules` and `ansvar explain CODE`.

use std::fmt::Write;

use crate::rules::{CATALOGUE, Rule};

/// Every rule, grouped by area: code, severity and provisions.
pub fn list() -> String {
    let mut out = String::new();
    let width = CATALOGUE.iter().map(|r| r.code.len()).max().unwrap_or(0);
    let mut area = None;
    for rule in CATALOGUE {
        if area != Some(rule.area) {
            if area.is_some() {
                out.push('\n');
            }
            let _ = writeln!(out, "{}", rule.area.title());
            area = Some(rule.area);
        }
        let _ = writeln!(out, "  {:width$}  {:8}  {}", rule.code, rule.severity.as_str(), rule.summary);
    }
    let _ = writeln!(out, "\n`ansvar explain CODE` prints a rule's reasoning and the provisions it rests on.");
    out
}

/// One rule in full, or `None` for an unknown code.
pub fn explain(code: &str) -> Option<String> {
    let rule: &Rule = crate::rules::rule(code)?;
    let mut out = String::new();
    let _ = writeln!(out, "{}  ({}, default severity {})", rule.code, rule.area.title(), rule.severity);
    let _ = writeln!(out, "\n{}\n", rule.summary);
    let _ = writeln!(out, "Why: {}\n", rule.explanation);
    let _ = writeln!(out, "Rests on: {}\n", rule.provisions.join("; "));
    let _ = writeln!(out, "What to do: {}", rule.remediation);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_names_every_rule_under_its_area() {
        let list = list();
        for rule in CATALOGUE {
            let line = list.lines().find(|l| l.trim_start().starts_with(&format!("{} ", rule.code)));
            let line = line.unwrap_or_else(|| panic!("`{}` is not listed", rule.code));
            assert!(line.contains(rule.severity.as_str()) && line.contains(rule.summary), "{line}");
            assert!(list.contains(rule.area.title()));
        }
    }

    #[test]
    fn explain_gives_the_reasoning_and_the_provisions() {
        let text = explain("subjects-not-informed").unwrap();
        assert!(
            text.starts_with(
                "subjects-not-informed  (Information to data subjects (Art. 13/14), default severity high)"
            )
        );
        assert!(
            text.contains("Why: ")
                && text.contains("Rests on: Art. 5(1)(a); Art. 12; Art. 13")
                && text.contains("What to do: ")
        );
    }

    #[test]
    fn explain_knows_no_other_codes() {
        assert_eq!(explain("subjects-not-informd"), None);
    }
}
