//! The rule catalogue and its documentation stay in step.
//!
//! `docs/rules.md` is written by hand, for readers; these tests hold it to the
//! catalogue: every rule has a section headed `` ### `code` ``, no section names a
//! code the catalogue does not have, and each section states the rule's
//! severity, area and provisions. The codes themselves are stable: unique,
//! kebab-case, and snapshotted, so a renamed or dropped code shows up in review
//! (as cargo-deny's `codes_unique`).

use std::collections::BTreeMap;

use ansvar::catalogue;
use ansvar::render::Lang;
use ansvar::rules::{CATALOGUE, Rule};

/// The sections of docs/rules.md headed by a rule code: code → section text.
fn sections() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md")).unwrap();
    let mut sections = BTreeMap::new();
    let mut current: Option<(String, String)> = None;
    for line in text.lines() {
        if line.starts_with('#') {
            if let Some((code, body)) = current.take() {
                assert!(sections.insert(code.clone(), body).is_none(), "`{code}` has two sections");
            }
            if let Some(code) = line.strip_prefix("### `").and_then(|rest| rest.strip_suffix('`')) {
                current = Some((code.to_owned(), String::new()));
            }
            continue;
        }
        if let Some((_, body)) = &mut current {
            body.push_str(line);
            body.push('\n');
        }
    }
    if let Some((code, body)) = current {
        assert!(sections.insert(code.clone(), body).is_none(), "`{code}` has two sections");
    }
    sections
}

/// The value of a `| key | value |` row in a section.
fn row<'a>(section: &'a str, key: &str) -> Option<&'a str> {
    section.lines().find_map(|line| {
        let cells: Vec<&str> = line.trim().trim_matches('|').split('|').map(str::trim).collect();
        (cells.len() == 2 && cells[0] == key).then(|| cells[1])
    })
}

#[test]
fn every_rule_has_a_section() {
    let sections = sections();
    let missing: Vec<&str> = CATALOGUE.iter().map(|r| r.code).filter(|c| !sections.contains_key(*c)).collect();
    assert!(missing.is_empty(), "docs/rules.md has no `### `code`` section for {missing:?}");
}

#[test]
fn no_section_names_an_unknown_code() {
    let unknown: Vec<String> = sections().into_keys().filter(|code| ansvar::rules::rule(code).is_none()).collect();
    assert!(unknown.is_empty(), "docs/rules.md documents codes the catalogue does not have: {unknown:?}");
}

#[test]
fn each_section_states_the_rules_severity_area_and_provisions() {
    let sections = sections();
    for rule in CATALOGUE {
        let Some(section) = sections.get(rule.code) else { continue };
        assert_eq!(row(section, "severity"), Some(rule.severity.as_str()), "severity of `{}`", rule.code);
        assert_eq!(
            row(section, "area"),
            Some(catalogue::area_title(rule.area, Lang::En).as_str()),
            "area of `{}`",
            rule.code
        );
        // The rule's own provisions first; a section may add what a finding adds.
        let provisions = rule.provisions.join("; ");
        assert!(
            row(section, "provisions").is_some_and(|p| p.starts_with(&provisions)),
            "provisions of `{}`: the section must list `{provisions}`",
            rule.code
        );
    }
}

#[test]
fn each_section_says_what_it_finds_why_what_to_do_and_its_limits() {
    for (code, section) in sections() {
        for part in ["**Finds.**", "**Why.**", "**Remediation.**", "**Limits.**"] {
            assert!(section.contains(part), "`{code}` has no {part} paragraph");
        }
    }
}

#[test]
fn codes_are_unique() {
    let mut seen = BTreeMap::new();
    for rule in CATALOGUE {
        if let Some(previous) = seen.insert(rule.code, rule) {
            panic!("`{}` is used by two rules: {previous:?} and {rule:?}", rule.code);
        }
    }
}

fn is_kebab_case(code: &str) -> bool {
    !code.is_empty() && code.split('-').all(|word| !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase()))
}

#[test]
fn codes_are_kebab_case() {
    let bad: Vec<&str> = CATALOGUE.iter().map(|r| r.code).filter(|c| !is_kebab_case(c)).collect();
    assert!(bad.is_empty(), "not kebab-case: {bad:?}");
    assert!(is_kebab_case("subjects-not-informed"));
    assert!(!is_kebab_case("Subjects-not-informed") && !is_kebab_case("a--b") && !is_kebab_case("a_b"));
}

#[test]
fn every_rule_says_what_it_rests_on_and_what_to_do() {
    for rule @ Rule { code, provisions, .. } in CATALOGUE {
        assert!(!provisions.is_empty(), "`{code}` rests on nothing");
        for lang in Lang::ALL {
            let texts = [
                ("summary", catalogue::summary(rule, lang)),
                ("explanation", catalogue::explanation(rule, lang)),
                ("remediation", catalogue::remediation(rule, lang)),
            ];
            for (what, text) in texts {
                assert!(!text.trim().is_empty(), "`{code}` has no {what} in {lang:?}");
            }
        }
    }
}

#[test]
fn the_codes_are_stable() {
    let mut codes: Vec<&str> = CATALOGUE.iter().map(|r| r.code).collect();
    codes.sort_unstable();
    insta::assert_snapshot!(codes.join("\n"));
}
