//! Every rule of the catalogue has its fixtures: `tests/fixtures/rules/<code>/`
//! holds a `fires/` model on which the rule fires and a `passes/` model, differing
//! from it minimally, on which it does not; further cases are named `fires-…`
//! and `passes-…` and are held to the same. The test is driven by
//! [`ansvar::rules::CATALOGUE`]: a new rule without fixtures fails it, and so does
//! a fixture that no longer shows what its name says.
//!
//! The exact findings of each fixture are asserted in `tests/rules_a.rs` and
//! `tests/rules_b.rs`; this test holds the catalogue and the fixture folders
//! together.

use std::path::{Path, PathBuf};

use ansvar::load::load_path;
use ansvar::reference::Reference;
use ansvar::render::{Lang, message};
use ansvar::rules::CATALOGUE;
use jiff::civil::{Date, date};

/// The evaluation date of the rule fixtures.
const AS_OF: Date = date(2024, 6, 1);

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

/// The fixture cases of a rule: `(name, path)` of each sub-folder.
fn cases(code: &str) -> Vec<(String, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(root().join(code)) else { return Vec::new() };
    let mut cases: Vec<(String, PathBuf)> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    cases.sort();
    cases
}

/// How many findings of `code` the fixture at `dir` gives.
fn count(code: &str, dir: &Path) -> usize {
    let reference = Reference::builtin();
    let loaded = match load_path(dir, &reference) {
        Ok(loaded) => loaded,
        Err(invalid) => panic!("{} is invalid: {:#?}", dir.display(), invalid.diagnostics),
    };
    let findings = ansvar::Analysis::new(&loaded.model, &reference, AS_OF).findings;
    // Every message renders: in a debug build a missing or malformed message in
    // `locales/en/findings.ftl` panics here.
    for finding in &findings {
        let text = message(&finding.message, Lang::En);
        assert!(!text.is_empty() && !text.contains('{'), "{}: {text}", dir.display());
        for mark in std::iter::once(&finding.primary).chain(&finding.labels) {
            message(&mark.message, Lang::En);
        }
    }
    findings.iter().filter(|f| f.code == code).count()
}

#[test]
fn every_rule_has_a_fixture_that_fires_it_and_one_that_does_not() {
    let mut problems = Vec::new();
    for rule in CATALOGUE {
        let cases = cases(rule.code);
        for needed in ["fires", "passes"] {
            if !cases.iter().any(|(name, _)| name == needed) {
                problems
                    .push(format!("{}: no fixture tests/fixtures/rules/{}/{needed}/model.yaml", rule.code, rule.code));
            }
        }
        for (name, dir) in &cases {
            let found = count(rule.code, dir);
            if name.starts_with("fires") && found == 0 {
                problems.push(format!("{}: `{name}` does not fire it", rule.code));
            } else if name.starts_with("passes") && found > 0 {
                problems.push(format!("{}: `{name}` fires it {found} times", rule.code));
            } else if !name.starts_with("fires") && !name.starts_with("passes") {
                problems.push(format!("{}: `{name}` is neither `fires…` nor `passes…`", rule.code));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_fixture_folder_belongs_to_a_rule_and_names_it_first() {
    for entry in std::fs::read_dir(root()).unwrap() {
        let path = entry.unwrap().path();
        let code = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(ansvar::rules::rule(&code).is_some(), "{}: no rule `{code}` in the catalogue", path.display());
        for (name, dir) in cases(&code) {
            let text = std::fs::read_to_string(dir.join("model.yaml")).unwrap();
            let first = text.lines().next().unwrap_or_default();
            assert!(
                first.starts_with(&format!("# {code} ")) || first.starts_with(&format!("# {code},")),
                "{code}/{name}/model.yaml must open with a comment naming `{code}`: {first}"
            );
        }
    }
}
