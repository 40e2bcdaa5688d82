//! The `ansvar roles` command-line contract: the JSON shape, `--explain`, the
//! `--party`/`--activity` filters and the exit code for an unknown id.
//!
//! Every command runs from the crate root with relative paths, so the locations
//! it prints are the same on every machine.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const CHAIN: &str = "tests/fixtures/roles/sub-processor-chain-depth-3";
const GAPS: &str = "tests/fixtures/roles/gap-principal-without-role";

fn ansvar() -> Command {
    let mut command = assert_cmd::cargo::cargo_bin_cmd!("ansvar");
    command.current_dir(env!("CARGO_MANIFEST_DIR")).env_remove("NO_COLOR");
    command
}

fn json(args: &[&str]) -> Value {
    let output = ansvar().args(args).args(["--format", "json", "--color", "never"]).assert().success();
    serde_json::from_slice(&output.get_output().stdout).expect("stdout is JSON")
}

fn text(value: &Value) -> &str {
    value.as_str().unwrap_or_else(|| panic!("not a string: {value}"))
}

#[test]
fn json_has_the_documented_shape() {
    let document = json(&["roles", CHAIN]);
    assert_eq!(document["schema_version"], 1);
    let roles = document["roles"].as_array().expect("roles is a list");
    assert_eq!(roles.len(), 4);
    for role in roles {
        text(&role["party"]);
        assert_eq!(text(&role["activity"]), "referral-exchange");
        assert!(["controller", "joint_controller", "processor", "sub_processor"].contains(&text(&role["role"])));
        assert!(role["on_behalf_of"].is_null() || role["on_behalf_of"].is_string());
        assert!(role["chain"].is_array());
        let reasons = role["reasons"].as_array().expect("reasons is a list");
        assert!(!reasons.is_empty());
        for reason in reasons {
            assert!(!text(&reason["text"]).is_empty());
            let provisions = reason["provisions"].as_array().expect("provisions is a list");
            assert!(provisions.iter().all(Value::is_string));
            let location = &reason["location"];
            if !location.is_null() {
                assert_eq!(text(&location["file"]), format!("{CHAIN}/model.yaml"));
                assert!(location["line"].as_u64().unwrap() > 0);
                assert!(location["column"].as_u64().unwrap() > 0);
            }
        }
    }
    assert_eq!(document["gaps"], Value::Array(Vec::new()));
}

#[test]
fn json_gives_the_chain_and_the_location_of_the_fact() {
    let document = json(&["roles", CHAIN, "--party", "backup-vendor"]);
    let roles = document["roles"].as_array().unwrap();
    assert_eq!(roles.len(), 1);
    let backup = &roles[0];
    assert_eq!(backup["role"], "sub_processor");
    assert_eq!(backup["on_behalf_of"], "hosting");
    assert_eq!(backup["chain"], serde_json::json!(["hosting", "integrator", "region"]));
    let reason = &backup["reasons"][0];
    assert!(text(&reason["text"]).contains("sub-processor"));
    assert!(reason["provisions"].as_array().unwrap().contains(&Value::from("Art. 28(2)")));
    // `on_behalf_of: hosting` of the first performer entry.
    assert_eq!(reason["location"]["line"], 27);
}

#[test]
fn json_lists_gaps_with_kind_and_location() {
    let document = json(&["roles", GAPS]);
    let gaps = document["gaps"].as_array().unwrap();
    let kinds: Vec<&str> = gaps.iter().map(|g| text(&g["kind"])).collect();
    assert_eq!(kinds, ["no_controller_above", "principal_without_role"]);
    for gap in gaps {
        assert_eq!(gap["activity"], "appointment-reminders");
        assert_eq!(text(&gap["location"]["file"]), format!("{GAPS}/model.yaml"));
    }
    assert_eq!(gaps[1]["party"], "vendor");
    assert_eq!(gaps[1]["principal"], "procurement-agency");
}

#[test]
fn explain_gives_each_reason_with_its_provisions_and_location() {
    ansvar()
        .args(["roles", CHAIN, "--explain", "hosting", "referral-exchange", "--color", "never"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "`hosting` is sub-processor of `referral-exchange` on behalf of `integrator`.\n",
        ))
        .stdout(predicate::str::contains("rests on: Art. 28(2); Art. 28(4)"))
        .stdout(predicate::str::contains(format!("stated at: {CHAIN}/model.yaml:28:")))
        .stdout(predicate::str::contains("chain: `hosting` → `integrator` → `region`"));
}

#[test]
fn explain_says_when_a_party_has_no_role() {
    ansvar()
        .args(["roles", "tests/fixtures/roles/cjeu-fashion-id-collection-and-transmission"])
        .args(["--explain", "fashion-id", "facebook-later-processing"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("`fashion-id` has no role in `facebook-later-processing`.\n"))
        .stdout(predicate::str::contains("Elsewhere it is joint controller of `like-button-collection`."));
}

#[test]
fn party_filter_keeps_only_that_party() {
    let document = json(&["roles", CHAIN, "--party", "region", "--party", "integrator"]);
    let parties: Vec<&str> = document["roles"].as_array().unwrap().iter().map(|r| text(&r["party"])).collect();
    assert_eq!(parties, ["integrator", "region"]);

    ansvar()
        .args(["roles", CHAIN, "--party", "hosting", "--color", "never"])
        .assert()
        .success()
        .stdout(predicate::str::contains("hosting  SP"))
        .stdout(predicate::str::contains("region").count(1)) // only in the delegation line
        .stdout(predicate::str::contains("backup-vendor").not());
}

#[test]
fn activity_filter_keeps_only_that_activity() {
    let fixture = "tests/fixtures/roles/edpb-travel-agency-separate-then-joint";
    let document = json(&["roles", fixture, "--activity", "package-platform"]);
    let roles = document["roles"].as_array().unwrap();
    assert_eq!(roles.len(), 3);
    assert!(roles.iter().all(|r| r["activity"] == "package-platform" && r["role"] == "joint_controller"));

    ansvar()
        .args(["roles", fixture, "--activity", "trip-booking", "--color", "never"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("party   trip-booking\nagency  C\n"))
        .stdout(predicate::str::contains("airline").not());
}

#[test]
fn unknown_party_exits_2_with_a_suggestion() {
    ansvar()
        .args(["roles", CHAIN, "--party", "integrater", "--color", "never"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("the model has no party `integrater`"))
        .stderr(predicate::str::contains("did you mean `integrator`?"));
}

#[test]
fn unknown_activity_in_explain_exits_2_with_a_suggestion() {
    ansvar()
        .args(["roles", CHAIN, "--explain", "hosting", "referal-exchange", "--color", "never"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `referral-exchange`?"));
}

#[test]
fn text_output_lists_gaps_under_the_matrix() {
    ansvar()
        .args(["roles", GAPS, "--color", "never"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "appointment-reminders: vendor acts for procurement-agency, which neither controls nor performs it",
        ))
        .stdout(predicate::str::contains(
            "appointment-reminders: subcontractor acts for vendor, whose chain of delegation reaches no controller",
        ));
}

#[test]
fn snapshot_roles_1177_text() {
    let output = ansvar().args(["roles", "models/1177", "--color", "never"]).assert().success();
    let stdout = String::from_utf8(output.get_output().stdout.clone()).expect("UTF-8");
    insta::assert_snapshot!("roles_1177_text", stdout);
}

#[test]
fn snapshot_roles_1177_json() {
    let output = ansvar().args(["roles", "models/1177", "--format", "json", "--color", "never"]).assert().success();
    let stdout = String::from_utf8(output.get_output().stdout.clone()).expect("UTF-8");
    insta::assert_snapshot!("roles_1177_json", stdout);
}

#[test]
fn roles_output_is_byte_identical_across_runs() {
    let run = || ansvar().args(["roles", "models/1177", "--format", "json"]).output().expect("runs").stdout;
    assert_eq!(run(), run());
}

#[test]
fn obligations_follow_the_party_filter_and_the_date() {
    let plain = json(&["roles", CHAIN]);
    assert!(plain.get("obligations").is_none(), "no obligations unless asked for");
    let all = json(&["roles", CHAIN, "--obligations", "--as-of", "2024-06-01"]);
    assert_eq!(all["roles"], plain["roles"]);
    let parties: Vec<&str> = all["obligations"].as_array().unwrap().iter().map(|p| text(&p["party"])).collect();
    let with_roles: std::collections::BTreeSet<&str> =
        plain["roles"].as_array().unwrap().iter().map(|r| text(&r["party"])).collect();
    assert_eq!(parties.iter().copied().collect::<std::collections::BTreeSet<_>>(), with_roles);
    let one = parties[0];
    let filtered = json(&["roles", CHAIN, "--obligations", "--as-of", "2024-06-01", "--party", one]);
    let shown: Vec<&str> = filtered["obligations"].as_array().unwrap().iter().map(|p| text(&p["party"])).collect();
    assert_eq!(shown, [one]);
    assert!(filtered["records"]["controller"].as_array().unwrap().iter().all(|r| r["controller"] == one));
    assert!(filtered["records"]["processor"].as_array().unwrap().iter().all(|r| r["processor"] == one));
}
