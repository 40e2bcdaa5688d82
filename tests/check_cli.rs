//! The `ansvar check` contract: exit codes (0 clean, 1 findings at or above
//! `--fail-on`, 2 invalid model or usage), the JSON document's shape, and
//! snapshots of the text and JSON output for `models/1177` as of 2019-02-18.
//! Every command runs from the crate root, so paths in the output are relative.

use assert_cmd::Command;
use predicates::str::contains;

fn ansvar() -> Command {
    let mut command = Command::cargo_bin("ansvar").unwrap();
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

fn check_1177(extra: &[&str]) -> Command {
    let mut command = ansvar();
    command.args(["check", "models/1177", "--as-of", "2019-02-18", "--color", "never"]).args(extra);
    command
}

#[test]
fn findings_at_or_above_high_fail_by_default() {
    check_1177(&[]).assert().code(1);
}

#[test]
fn fail_on_never_succeeds_despite_findings() {
    check_1177(&["--fail-on", "never"]).assert().code(0);
}

#[test]
fn fail_on_critical_still_fails_on_the_open_nas() {
    check_1177(&["--fail-on", "critical"]).assert().code(1);
}

#[test]
fn a_clean_model_succeeds_even_with_fail_on_info() {
    ansvar()
        .args(["check", "tests/fixtures/check/clean", "--as-of", "2024-06-01", "--fail-on", "info"])
        .assert()
        .code(0)
        .stdout(contains("no findings as of 2024-06-01"));
}

#[test]
fn an_invalid_model_exits_2_and_prints_no_findings() {
    ansvar()
        .args(["check", "tests/fixtures/check/invalid", "--as-of", "2024-06-01", "--color", "never"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("unknown party `clinc`"))
        .stderr(contains("did you mean `clinic`?"));
}

#[test]
fn a_date_that_does_not_exist_is_a_usage_error() {
    ansvar()
        .args(["check", "models/1177", "--as-of", "2019-13-01"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("`2019-13-01` is not a date"));
}

#[test]
fn a_date_in_another_shape_is_a_usage_error() {
    ansvar().args(["check", "models/1177", "--as-of", "18/02/2019"]).assert().code(2).stdout("");
}

fn json_1177() -> serde_json::Value {
    let output = check_1177(&["--format", "json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "JSON output keeps the exit code");
    serde_json::from_slice(&output.stdout).expect("stdout is one JSON document")
}

#[test]
fn json_has_the_documented_shape() {
    let json = json_1177();
    assert!(json["schema_version"].is_u64());
    assert_eq!(json["as_of"], "2019-02-18");
    let findings = json["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for finding in findings {
        for key in ["code", "severity", "message"] {
            assert!(finding[key].is_string(), "`{key}` in {finding}");
        }
        for key in ["party", "activity"] {
            assert!(finding[key].is_string() || finding[key].is_null(), "`{key}` in {finding}");
        }
        assert!(finding["provisions"].as_array().is_some_and(|p| !p.is_empty() && p.iter().all(|p| p.is_string())));
        assert!(finding["accepted"].is_boolean());
        let location = &finding["location"];
        assert!(location["file"].as_str().is_some_and(|f| f.starts_with("models/1177/")), "{location}");
        assert!(location["line"].as_u64().is_some_and(|l| l >= 1));
        assert!(location["column"].as_u64().is_some_and(|c| c >= 1));
        let severity = finding["severity"].as_str().unwrap();
        assert!(["critical", "high", "medium", "low", "info"].contains(&severity));
        let code = finding["code"].as_str().unwrap();
        assert!(ansvar::rules::rule(code).is_some(), "unknown code {code}");
    }
}

#[test]
fn json_points_at_the_yaml_that_triggered_the_finding() {
    let json = json_1177();
    let nas = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "internet-without-authentication" && f["party"] == "voice-integrate")
        .unwrap();
    // `authentication: none` of `vi-nas` in models/1177/systems.yaml
    assert_eq!(nas["location"]["file"], "models/1177/systems.yaml");
    let line = nas["location"]["line"].as_u64().unwrap() as usize;
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/models/1177/systems.yaml")).unwrap();
    assert!(text.lines().nth(line - 1).unwrap().trim_start().starts_with("authentication: none"));
}

#[test]
fn the_same_model_gives_byte_identical_output() {
    let first = check_1177(&["--format", "json"]).output().unwrap().stdout;
    let second = check_1177(&["--format", "json"]).output().unwrap().stdout;
    assert_eq!(first, second);
}

#[test]
fn text_output_for_1177() {
    let output = check_1177(&[]).output().unwrap();
    insta::assert_snapshot!(String::from_utf8(output.stdout).unwrap());
}

#[test]
fn json_output_for_1177() {
    let output = check_1177(&["--format", "json"]).output().unwrap();
    insta::assert_snapshot!(String::from_utf8(output.stdout).unwrap());
}

fn check_json(extra: &[&str]) -> serde_json::Value {
    let output = check_1177(&["--format", "json", "--fail-on", "never"]).args(extra).assert().success();
    serde_json::from_slice(&output.get_output().stdout).expect("stdout is JSON")
}

#[test]
fn obligations_are_added_to_the_json_only_when_asked_for() {
    let plain = check_json(&[]);
    assert!(plain.get("obligations").is_none() && plain.get("records").is_none());
    let with = check_json(&["--obligations"]);
    // The findings part is the same document either way.
    for key in ["schema_version", "as_of", "counts", "findings"] {
        assert_eq!(with[key], plain[key], "{key}");
    }
    let medicall = with["obligations"]
        .as_array()
        .expect("obligations is a list")
        .iter()
        .find(|p| p["party"] == "medicall")
        .expect("Medicall has obligations");
    let kinds: Vec<&str> =
        medicall["obligations"].as_array().unwrap().iter().map(|o| o["kind"].as_str().unwrap()).collect();
    // A processor only, established in Thailand and recorded as neither
    // targeting nor monitoring people in the Union (Art. 3): no controller
    // obligation, its processor duties by contract only, and no record or DPO.
    assert!(kinds.contains(&"processing_on_instructions") && kinds.contains(&"breach_to_principal"), "{kinds:?}");
    assert!(!kinds.contains(&"controller_record") && !kinds.contains(&"breach_to_authority"), "{kinds:?}");
    assert!(!kinds.contains(&"processor_record") && !kinds.contains(&"data_protection_officer"), "{kinds:?}");
    for obligation in medicall["obligations"].as_array().unwrap() {
        assert_eq!(obligation["basis"], "contract_only");
        assert!(!obligation["activities"].as_array().unwrap().is_empty());
        assert!(obligation["provisions"].as_array().unwrap().iter().all(|p| p.as_str().unwrap().starts_with("Art. ")));
        assert!(obligation["provisions"].as_array().unwrap().iter().any(|p| p == "Art. 3(1)"));
    }
    assert!(with["records"]["processor"].as_array().unwrap().iter().all(|r| r["processor"] != "medicall"));
    assert_eq!(with["records"]["outside_gdpr"], serde_json::json!(["medicall"]));
    // Medhelp's controller record lists it as a recipient, with the transfer.
    let record = with["records"]["controller"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["controller"] == "medhelp" && r["activity"] == "advice-medhelp")
        .expect("Medhelp keeps a controller record");
    assert!(record["recipients"].as_array().unwrap().iter().any(|r| r["party"] == "medicall"));
    assert!(record["transfers"].as_array().unwrap().iter().any(|t| t["country"] == "TH"));
}

#[test]
fn obligations_outside_json_are_a_usage_error() {
    check_1177(&["--obligations"])
        .assert()
        .code(2)
        .stdout(predicates::str::is_empty())
        .stderr(predicates::str::contains("--format json"));
}
