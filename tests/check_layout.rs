//! How `check` lays out its findings for people: a summary first on a terminal
//! when they run past a screenful (with `--all` to see them all), the summary
//! line alone with `--quiet`, complete output into pipes and files, SARIF
//! within GitHub code scanning's limit, and the line `-o FILE` ends with.
//!
//! `ANSVAR_TERMINAL_ROWS=N` makes `check` treat stdout as a terminal of N
//! rows; `ANSVAR_SARIF_LIMIT=N` caps SARIF at N results instead of 25 000.

use std::collections::BTreeSet;

use assert_cmd::Command;
use predicates::str::contains;
use serde_json::Value;

fn ansvar() -> Command {
    let mut command = assert_cmd::cargo::cargo_bin_cmd!("ansvar");
    command.current_dir(env!("CARGO_MANIFEST_DIR")).env_remove("ANSVAR_TERMINAL_ROWS").env_remove("ANSVAR_SARIF_LIMIT");
    command
}

fn check_1177(rows: Option<&str>, extra: &[&str]) -> (String, String) {
    let mut command = ansvar();
    command.args(["check", "models/1177", "--as-of", "2019-02-18", "--color", "never"]).args(extra);
    if let Some(rows) = rows {
        command.env("ANSVAR_TERMINAL_ROWS", rows);
    }
    let output = command.assert().code(1).get_output().clone();
    (String::from_utf8(output.stdout).expect("UTF-8"), String::from_utf8(output.stderr).expect("UTF-8"))
}

#[test]
fn a_terminal_gets_the_summary_first_then_the_most_severe_findings() {
    let (complete, _) = check_1177(None, &[]);
    let (text, _) = check_1177(Some("40"), &[]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(complete.lines().count() > 40, "the fixture must not fit on 40 rows");
    assert!(lines.len() <= 100, "{} lines", lines.len());
    assert!(lines[0].starts_with("model `models/1177`: 18 findings as of 2019-02-18: 2 critical"), "{}", lines[0]);
    assert!(lines[0].ends_with("exit 1: 12 findings at or above high"), "{}", lines[0]);
    assert!(lines[..20].iter().any(|l| l.starts_with("by rule")), "{text}");
    assert!(text.contains("by party"));
    assert!(lines.last().is_some_and(|l| l.contains("--all") && l.contains("--format json")), "{text}");
    // The findings shown are the first (most severe) of the complete output, whole.
    let first = complete.split("\n\n").next().expect("a finding");
    assert!(text.contains(first), "{first}");
    assert!(text.contains("[critical]") && !text.contains("[low]"));
    insta::assert_snapshot!("check_1177_terminal_40_rows", text);
}

#[test]
fn a_terminal_large_enough_or_all_gets_everything() {
    let (complete, _) = check_1177(None, &[]);
    assert_eq!(check_1177(Some("1000"), &[]).0, complete);
    assert_eq!(check_1177(Some("40"), &["--all"]).0, complete);
    assert!(complete.lines().last().is_some_and(|l| l.starts_with("18 findings as of 2019-02-18")));
}

#[test]
fn quiet_prints_the_summary_line_only_and_json_stays_complete() {
    let (text, stderr) = check_1177(Some("40"), &["--quiet"]);
    assert_eq!(
        text,
        "18 findings as of 2019-02-18: 2 critical, 10 high, 4 medium, 2 low; exit 1: 12 findings at or above high\n"
    );
    assert_eq!(stderr, "");
    let (json, _) = check_1177(Some("40"), &["-q", "--format", "json"]);
    let document: Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(document["findings"].as_array().map(Vec::len), Some(18));
    ansvar()
        .args(["check", "models/1177", "--as-of", "2019-02-18", "-q", "--fail-on", "critical"])
        .assert()
        .code(1)
        .stdout(contains("; exit 1: 2 findings at or above critical\n"));
    ansvar()
        .args(["check", "tests/fixtures/check/clean", "--as-of", "2024-06-01", "-q", "--fail-on", "never"])
        .assert()
        .code(0)
        .stdout("no findings as of 2024-06-01; exit 0: --fail-on never\n");
}

fn sarif(limit: Option<&str>) -> (Value, String) {
    let mut command = ansvar();
    command.args(["check", "models/1177", "--as-of", "2019-02-18", "--format", "sarif"]);
    if let Some(limit) = limit {
        command.env("ANSVAR_SARIF_LIMIT", limit);
    }
    let output = command.assert().code(1).get_output().clone();
    let log = serde_json::from_slice(&output.stdout).expect("SARIF is JSON");
    (log, String::from_utf8(output.stderr).expect("UTF-8"))
}

fn results(log: &Value) -> &Vec<Value> {
    log["runs"][0]["results"].as_array().expect("results")
}

fn rank(result: &Value) -> u8 {
    match result["properties"]["severity"].as_str() {
        Some("critical") => 0,
        Some("high") => 1,
        Some("medium") => 2,
        Some("low") => 3,
        _ => 4,
    }
}

#[test]
fn sarif_over_the_cap_keeps_the_most_severe_and_says_how_many_were_dropped() {
    let (whole, quiet) = sarif(None);
    assert_eq!(results(&whole).len(), 18);
    assert!(whole["runs"][0].get("properties").is_none());
    assert_eq!(quiet, "");
    let (capped, stderr) = sarif(Some("5"));
    let kept = results(&capped);
    assert_eq!(kept.len(), 5);
    assert!(stderr.contains("keeps 5 of 18 findings") && stderr.contains("13 dropped"), "{stderr}");
    assert_eq!(capped["runs"][0]["properties"]["ansvar/results-dropped"], 13);
    // The kept are at least as severe as every dropped one, and unchanged.
    let worst_dropped = results(&whole).iter().filter(|r| !kept.contains(r)).map(rank).min().unwrap_or(4);
    assert!(kept.iter().all(|r| rank(r) <= worst_dropped));
    let fingerprints = |rs: &[Value]| -> BTreeSet<String> {
        rs.iter().map(|r| r["partialFingerprints"]["ansvar/v1"].as_str().unwrap_or_default().to_owned()).collect()
    };
    assert!(fingerprints(kept).is_subset(&fingerprints(results(&whole))));
    // Deterministic: the same run keeps the same results.
    assert_eq!(sarif(Some("5")).0, capped);
}

#[test]
fn output_to_a_file_ends_with_its_name_and_size_and_quiet_silences_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("r.json");
    let path = file.to_str().expect("UTF-8 path");
    let output = ansvar().args(["report", "models/1177", "--as-of", "2019-02-18", "-o", path]).assert().success();
    let stderr = String::from_utf8_lossy(&output.get_output().stderr).into_owned();
    assert!(stderr.ends_with(" KiB)\n") && stderr.contains(&format!("wrote {path} (")), "{stderr}");
    ansvar().args(["report", "models/1177", "--as-of", "2019-02-18", "-q", "-o", path]).assert().success().stderr("");
}

#[test]
fn nothing_is_drawn_on_stderr_into_a_pipe() {
    ansvar().args(["check", "tests/fixtures/check/clean", "--as-of", "2024-06-01"]).assert().code(0).stderr("");
}

#[test]
fn the_sarif_cap_drops_accepted_findings_before_more_severe_open_ones() {
    let output = ansvar()
        .args(["check", "tests/fixtures/sarif-cap", "--as-of", "2024-06-01", "--format", "sarif"])
        .env("ANSVAR_SARIF_LIMIT", "2")
        .assert()
        .code(1)
        .get_output()
        .clone();
    let log: Value = serde_json::from_slice(&output.stdout).expect("SARIF is JSON");
    let kept = results(&log);
    let shown: Vec<(&str, &str)> = kept
        .iter()
        .map(|r| (r["properties"]["severity"].as_str().unwrap_or(""), r["properties"]["party"].as_str().unwrap_or("")))
        .collect();
    // The accepted critical finding (clinic-b's) goes before the open high ones.
    assert_eq!(shown, [("critical", "hosting-b"), ("high", "clinic-b")]);
    assert!(kept.iter().all(|r| r.get("suppressions").is_none_or(|s| s.as_array().is_some_and(Vec::is_empty))));
}
