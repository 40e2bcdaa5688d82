//! Findings keep their identity when their wording or their place changes: the
//! fingerprint comes from the rule code and the subjects only, so `ansvar diff`
//! of a model against itself reworded, or with its YAML lines moved, shows no
//! finding introduced or resolved.

use std::path::{Path, PathBuf};

use ansvar::diff::{Side, compare_findings};
use ansvar::finding::{Message, Subject};
use ansvar::load::{Loaded, load_path};
use ansvar::model::PartyId;
use ansvar::reference::Reference;
use assert_cmd::Command;
use jiff::civil::date;

fn load(dir: &Path) -> Loaded {
    match load_path(dir, &Reference::builtin()) {
        Ok(loaded) => loaded,
        Err(invalid) => panic!("{} is invalid: {:#?}", dir.display(), invalid.diagnostics),
    }
}

fn model_1177() -> Loaded {
    load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("models/1177"))
}

#[test]
fn rewording_every_message_changes_no_fingerprint_and_no_diff() {
    let loaded = model_1177();
    let side = Side { model: &loaded.model, sources: &loaded.sources };
    let findings = ansvar::Analysis::new(&loaded.model, &Reference::builtin(), date(2019, 2, 18)).findings;
    assert!(findings.len() > 10, "{}", findings.len());
    // Every message and label reworded (another key, other facts): what a new
    // wording of the templates, or a translation, amounts to.
    let mut reworded = findings.clone();
    for finding in &mut reworded {
        finding.message = Message::new("reworded").with("n", 1usize);
        for label in std::iter::once(&mut finding.primary).chain(&mut finding.labels) {
            label.message = Message::new("reworded-label");
        }
    }
    for (a, b) in findings.iter().zip(&reworded) {
        assert_eq!(a.fingerprint(), b.fingerprint());
    }
    let (introduced, resolved, started, stopped) = compare_findings(&side, &findings, &side, &reworded);
    assert!(introduced.is_empty() && resolved.is_empty() && started.is_empty() && stopped.is_empty());

    // The same comparison does see a finding whose subjects change.
    let mut moved = findings.clone();
    moved[0].party = Some(PartyId::new("someone-else"));
    let (introduced, resolved, _, _) = compare_findings(&side, &findings, &side, &moved);
    assert_eq!((introduced.len(), resolved.len()), (1, 1));
    let mut other = findings.clone();
    other[0].subject("importer", Subject::Party(PartyId::new("someone-else")));
    let (introduced, resolved, _, _) = compare_findings(&side, &findings, &side, &other);
    assert_eq!((introduced.len(), resolved.len()), (1, 1));
}

#[test]
fn fingerprints_are_distinct_and_stable_for_1177() {
    let loaded = model_1177();
    let findings = ansvar::Analysis::new(&loaded.model, &Reference::builtin(), date(2019, 2, 18)).findings;
    let prints: Vec<String> = findings.iter().map(|f| f.fingerprint().to_string()).collect();
    let distinct: std::collections::BTreeSet<_> = prints.iter().collect();
    assert_eq!(distinct.len(), prints.len(), "two findings of 1177 share a fingerprint");
    // Pinned: the fingerprint is what CI systems store; a change to the hash or
    // to what it covers must be deliberate (and bump `ansvar/v1`).
    let no_auth = findings
        .iter()
        .find(|f| {
            f.code == "internet-without-authentication"
                && f.party.as_ref().is_some_and(|p| p.as_str() == "voice-integrate")
        })
        .expect("the NAS finding against its operator");
    assert_eq!(no_auth.fingerprint().to_string(), "2b8fc3203d795803");
}

/// Copies a model directory with every file pushed down by a comment block and
/// every `name:` reworded: the same facts, other lines and other words.
fn reworded_copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let text = text.replace("    name: ", "    name: The ");
        let text = format!("# Reworded copy: names changed, lines moved.\n\n\n\n{text}");
        std::fs::write(to.join(path.file_name().unwrap()), text).unwrap();
    }
}

#[test]
fn diff_of_a_reworded_model_with_moved_lines_shows_no_finding() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let old = root.join("tests/fixtures/diff/reordered/old");
    let temp = tempfile::tempdir().unwrap();
    let new = temp.path().join("new");
    reworded_copy(&old, &new);
    let output = Command::cargo_bin("ansvar")
        .unwrap()
        .current_dir(&root)
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .args(["--as-of", "2019-02-18", "--format", "json", "--fail-on", "info"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    for key in ["findings_introduced", "findings_resolved", "acceptances_started", "acceptances_stopped", "roles"] {
        assert_eq!(json[key], serde_json::json!([]), "{key}: {text}");
    }
    // The names did change, and the diff says so: it is not blind.
    let entities = json["entities"].as_array().unwrap();
    assert!(entities.iter().any(|e| e["section"] == "parties"), "{text}");
    assert_eq!(output.status.code(), Some(0), "{text}");
}

#[test]
fn check_json_carries_fingerprint_subjects_facts_and_remediation() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let output = Command::cargo_bin("ansvar")
        .unwrap()
        .current_dir(&root)
        .args(["check", "models/1177", "--as-of", "2019-02-18", "--format", "json", "--fail-on", "never"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let loaded = model_1177();
    let findings = ansvar::Analysis::new(&loaded.model, &Reference::builtin(), date(2019, 2, 18)).findings;
    let listed = json["findings"].as_array().unwrap();
    assert_eq!(listed.len(), findings.len());
    for (item, finding) in listed.iter().zip(&findings) {
        assert_eq!(item["fingerprint"], finding.fingerprint().to_string());
        assert_eq!(
            item["remediation"],
            ansvar::catalogue::remediation(finding.rule().unwrap(), ansvar::render::Lang::En)
        );
        assert_eq!(item["facts"]["key"], finding.message.key);
        let subjects = item["subjects"].as_array().unwrap();
        assert_eq!(subjects.len(), finding.all_subjects().count());
        if let Some(party) = &finding.party {
            assert_eq!(subjects[0], serde_json::json!({"part": "party", "kind": "party", "id": party.as_str()}));
        }
    }
}

#[test]
fn a_finding_whose_severity_changes_is_resolved_and_introduced() {
    let loaded = model_1177();
    let side = Side { model: &loaded.model, sources: &loaded.sources };
    let findings = ansvar::Analysis::new(&loaded.model, &Reference::builtin(), date(2019, 2, 18)).findings;
    let mut raised = findings.clone();
    let index = raised.iter().position(|f| f.severity < ansvar::rules::Severity::Critical).unwrap();
    raised[index].severity = ansvar::rules::Severity::Critical;
    let (introduced, resolved, _, _) = compare_findings(&side, &findings, &side, &raised);
    assert_eq!((introduced.len(), resolved.len()), (1, 1));
    assert_eq!(introduced[0].fingerprint, resolved[0].fingerprint);
    assert_eq!(introduced[0].severity, ansvar::rules::Severity::Critical);
}
