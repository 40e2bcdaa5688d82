//! `--scope PARTY` on every command that takes it: what it keeps, what it
//! leaves out, the exit code following the scoped findings, and an unknown id
//! as a usage error (exit 2) with the nearest id.
//!
//! The fixture `tests/fixtures/scope/two-clinics` holds two chains that share
//! nothing: clinic A's is clean, clinic B's has every finding.

use assert_cmd::Command;
use predicates::str::contains;
use serde_json::Value;

const TWO: &str = "tests/fixtures/scope/two-clinics";
const CHANGED: &str = "tests/fixtures/scope/two-clinics-changed";

fn ansvar() -> Command {
    let mut command = assert_cmd::cargo::cargo_bin_cmd!("ansvar");
    command.current_dir(env!("CARGO_MANIFEST_DIR")).env_remove("NO_COLOR").env_remove("ANSVAR_TERMINAL_ROWS");
    command
}

fn stdout(command: &mut Command, code: i32) -> String {
    let output = command.assert().code(code).get_output().stdout.clone();
    String::from_utf8(output).expect("stdout is UTF-8")
}

fn json(args: &[&str], code: i32) -> Value {
    let text = stdout(ansvar().args(args).args(["--format", "json", "--as-of", "2024-06-01"]), code);
    serde_json::from_str(&text).expect("stdout is JSON")
}

fn findings(document: &Value) -> &Vec<Value> {
    document["findings"].as_array().expect("findings is a list")
}

#[test]
fn the_whole_model_has_findings_in_one_chain_only() {
    let all = json(&["check", TWO], 1);
    assert!(!findings(&all).is_empty());
    for finding in findings(&all) {
        let party = finding["party"].as_str().unwrap_or_default();
        assert!(party.ends_with("-b"), "{finding}");
    }
}

#[test]
fn check_in_the_clean_chain_finds_nothing_and_exits_0() {
    let scoped = json(&["check", TWO, "--scope", "clinic-a"], 0);
    assert_eq!(findings(&scoped).len(), 0);
    let hosting = json(&["check", TWO, "--scope", "hosting-a"], 0);
    assert_eq!(findings(&hosting).len(), 0);
}

#[test]
fn check_in_the_other_chain_keeps_every_finding_naming_its_parties() {
    let all = json(&["check", TWO], 1);
    let scoped = json(&["check", TWO, "--scope", "hosting-b"], 1);
    // Each finding's subjects or chain name hosting-b, and none is lost that does.
    let names = |f: &Value| f.to_string().contains("\"hosting-b\"");
    let expected: Vec<&Value> = findings(&all).iter().filter(|f| names(f)).collect();
    assert!(!expected.is_empty());
    assert_eq!(findings(&scoped).iter().collect::<Vec<_>>(), expected);
}

#[test]
fn roles_in_scope_are_the_chain_of_the_party_only() {
    let document = json(&["roles", TWO, "--scope", "clinic-a"], 0);
    let roles = document["roles"].as_array().expect("roles");
    assert_eq!(roles.len(), 2);
    for role in roles {
        assert_eq!(role["activity"], "care-a");
        assert!(["clinic-a", "hosting-a"].contains(&role["party"].as_str().unwrap_or_default()), "{role}");
    }
}

#[test]
fn report_graph_and_ropa_leave_the_other_chain_out() {
    let report =
        stdout(ansvar().args(["report", TWO, "--scope", "clinic-a", "--as-of", "2024-06-01", "--format", "json"]), 0);
    let graph = stdout(ansvar().args(["graph", TWO, "--scope", "clinic-a", "--as-of", "2024-06-01"]), 0);
    let ropa = stdout(ansvar().args(["ropa", TWO, "--scope", "clinic-a", "--as-of", "2024-06-01"]), 0);
    let html = stdout(ansvar().args(["report", TWO, "--scope", "clinic-a", "--as-of", "2024-06-01"]), 0);
    for (what, text) in [("report", &report), ("graph", &graph), ("ropa", &ropa), ("html", &html)] {
        for kept in ["clinic-a", "hosting-a"] {
            assert!(text.contains(kept), "{what} lacks {kept}");
        }
        for left in ["clinic-b", "hosting-b", "care-b", "ehr-b"] {
            assert!(!text.contains(left), "{what} has {left}");
        }
    }
    let other = stdout(ansvar().args(["graph", TWO, "--scope", "clinic-b", "--as-of", "2024-06-01"]), 0);
    assert!(other.contains("hosting-b") && !other.contains("hosting-a"), "{other}");
}

#[test]
fn the_scoped_report_carries_the_findings_in_scope_and_says_its_scope() {
    let html = stdout(ansvar().args(["report", TWO, "--scope", "clinic-b", "--as-of", "2024-06-01"]), 0);
    assert!(html.contains("processor-without-agreement"));
    assert!(html.contains("(scope: clinic-b)"));
    assert!(!html.contains("clinic-a"));
}

#[test]
fn diff_in_scope_shows_only_the_changes_in_the_chain() {
    let args = |party: &'static str| ["diff", TWO, CHANGED, "--as-of", "2024-06-01", "--scope", party];
    let untouched = stdout(ansvar().args(args("clinic-b")), 0);
    assert!(untouched.contains("No change"), "{untouched}");
    let changed = stdout(ansvar().args(args("clinic-a")), 1);
    assert!(changed.contains("processor-without-agreement") && changed.contains("clinic-a-hosting-a"), "{changed}");
    let whole = stdout(ansvar().args(["diff", TWO, CHANGED, "--as-of", "2024-06-01"]), 1);
    assert_eq!(whole, changed, "every change of this diff is in clinic A's chain");
}

#[test]
fn an_unknown_party_is_a_usage_error_with_the_nearest_id() {
    for command in ["check", "roles", "report", "ropa", "graph"] {
        ansvar()
            .args([command, TWO, "--scope", "clinic-a", "--scope", "clinc-b"])
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains("--scope: the model has no party `clinc-b`"))
            .stderr(contains("did you mean `clinic-b`?"));
    }
    ansvar()
        .args(["diff", TWO, CHANGED, "--scope", "hosting"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("no party `hosting`"));
}

#[test]
fn the_whole_model_is_still_validated() {
    // A dangling reference outside the scoped chain is still an error.
    ansvar()
        .args(["check", "tests/fixtures/check/invalid", "--scope", "clinic"])
        .assert()
        .code(2)
        .stderr(contains("not a valid model"));
}

#[test]
fn graph_in_scope_draws_one_chain() {
    let output = ansvar()
        .args(["graph", TWO, "--as-of", "2024-06-01", "--format", "mermaid"])
        .args(["--scope", "clinic-b"])
        .assert()
        .success()
        .get_output()
        .clone();
    insta::assert_snapshot!("graph_two_clinics_scope_clinic_b", String::from_utf8_lossy(&output.stdout));
}

#[test]
fn check_and_diff_json_record_the_scope_given_and_nothing_without_it() {
    let scoped = json(&["check", TWO, "--scope", "hosting-b", "--scope", "clinic-a"], 1);
    assert_eq!(scoped["scope"], serde_json::json!(["clinic-a", "hosting-b"]), "sorted by id");
    let whole = json(&["check", TWO], 1);
    assert!(whole.get("scope").is_none(), "a run without --scope records none: {whole}");
    let diff = stdout(
        ansvar().args(["diff", TWO, CHANGED, "--scope", "clinic-a", "--format", "json", "--as-of", "2024-06-01"]),
        1,
    );
    let diff: Value = serde_json::from_str(&diff).expect("stdout is JSON");
    assert_eq!(diff["scope"], serde_json::json!(["clinic-a"]));
    let unscoped = stdout(ansvar().args(["diff", TWO, CHANGED, "--format", "json", "--as-of", "2024-06-01"]), 1);
    assert!(!unscoped.contains("\"scope\""), "{unscoped}");
}
