//! `ansvar check --format sarif`: a SARIF 2.1.0 log whose results point at the
//! model's YAML and whose rules are the catalogue.

use assert_cmd::Command;

fn sarif_1177() -> serde_json::Value {
    let output = Command::cargo_bin("ansvar")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "models/1177", "--as-of", "2019-02-18", "--format", "sarif", "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "findings at or above high exit 1 in SARIF too");
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn the_log_is_sarif_2_1_0_with_the_catalogue_as_rules() {
    let log = sarif_1177();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "ansvar");
    let rules: Vec<&str> =
        run["tool"]["driver"]["rules"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    let catalogue: Vec<&str> = ansvar::rules::CATALOGUE.iter().map(|r| r.code).collect();
    assert_eq!(rules, catalogue);
}

#[test]
fn every_result_names_a_rule_and_points_at_the_yaml() {
    let log = sarif_1177();
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for result in results {
        assert!(ansvar::rules::rule(result["ruleId"].as_str().unwrap()).is_some(), "{result}");
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()), "{result}");
        let place = &result["locations"][0]["physicalLocation"];
        assert!(place["artifactLocation"]["uri"].as_str().unwrap().starts_with("models/1177/"), "{result}");
        assert!(place["region"]["startLine"].as_u64().unwrap() >= 1, "{result}");
    }
    let nas = results
        .iter()
        .find(|r| r["ruleId"] == "internet-without-authentication" && r["properties"]["party"] == "voice-integrate")
        .expect("Voice Integrate's NAS finding");
    assert_eq!(nas["level"], "error");
}

#[test]
fn the_1177_log_is_stable() {
    insta::assert_json_snapshot!("sarif_1177", sarif_1177());
}

#[test]
fn rules_link_their_docs_and_results_carry_fingerprints_and_security_severity() {
    let log = sarif_1177();
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md")).unwrap();
    for rule in log["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap() {
        let code = rule["id"].as_str().unwrap();
        assert_eq!(rule["helpUri"], format!("docs/rules.md#{code}"));
        // GitHub's anchor for the heading "### `code`" is the code itself.
        assert!(docs.contains(&format!("\n### `{code}`\n")), "no section for {code} in docs/rules.md");
        let score: f64 = rule["properties"]["security-severity"].as_str().unwrap().parse().unwrap();
        assert!((0.0..=10.0).contains(&score), "{rule}");
    }
    let mut seen = std::collections::BTreeSet::new();
    for result in log["runs"][0]["results"].as_array().unwrap() {
        let fingerprint = result["partialFingerprints"]["ansvar/v1"].as_str().unwrap();
        assert_eq!(fingerprint.len(), 16, "{result}");
        assert!(seen.insert(fingerprint.to_owned()), "two results share {fingerprint}");
        let expected = match result["properties"]["severity"].as_str().unwrap() {
            "critical" => "9.5",
            "high" => "8.0",
            "medium" => "5.5",
            "low" => "3.0",
            _ => "0.0",
        };
        assert_eq!(result["properties"]["security-severity"], expected, "{result}");
    }
}
