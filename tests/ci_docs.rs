//! The CI templates in `docs/ci/` parse, and do what README and docs promise:
//! `check` with SARIF on main, `diff` against the merge base on pull/merge
//! requests. The GitHub check step's script is also run, on models/1177.

use std::path::Path;

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn yaml(path: &str) -> Value {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    // Strict booleans: GitHub's `on:` is a key, not YAML 1.1's `true`.
    let options = serde_saphyr::options! { strict_booleans: true };
    serde_saphyr::from_str_with_options(&text, options).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// The steps of a GitHub job.
fn steps<'a>(workflow: &'a Value, job: &str) -> &'a Vec<Value> {
    workflow["jobs"][job]["steps"].as_array().unwrap_or_else(|| panic!("job {job} has no steps"))
}

fn step<'a>(steps: &'a [Value], name: &str) -> &'a Value {
    steps.iter().find(|s| s["name"] == name).unwrap_or_else(|| panic!("no step {name:?}"))
}

fn script(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Array(lines) => lines.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("\n"),
        _ => String::new(),
    }
}

#[test]
fn github_actions_checks_main_with_sarif_and_diffs_pull_requests() {
    let workflow = yaml("docs/ci/github-actions.yml");
    assert_eq!(workflow["on"]["push"]["branches"], serde_json::json!(["main"]));
    assert!(workflow["on"].get("pull_request").is_some());

    let check = steps(&workflow, "check");
    assert_eq!(workflow["jobs"]["check"]["if"], "github.event_name == 'push'");
    assert_eq!(workflow["jobs"]["check"]["permissions"]["security-events"], "write");
    let run = script(&step(check, "Check")["run"]);
    assert!(run.contains("ansvar check \"$MODEL\"") && run.contains("--format sarif > ansvar.sarif"), "{run}");
    let upload = step(check, "Upload to code scanning");
    assert!(upload["uses"].as_str().unwrap().starts_with("github/codeql-action/upload-sarif@"));
    assert_eq!(upload["with"]["sarif_file"], "ansvar.sarif");
    let install = script(&step(check, "Install ansvar")["run"]);
    assert!(install.contains("cargo install --locked --git"), "{install}");

    let diff = steps(&workflow, "diff");
    assert_eq!(workflow["jobs"]["diff"]["if"], "github.event_name == 'pull_request'");
    assert_eq!(diff[0]["with"]["fetch-depth"], 0);
    let run = script(&step(diff, "Diff against the merge base")["run"]);
    assert!(run.contains("git merge-base \"$TARGET\" HEAD"), "{run}");
    assert!(run.contains("ansvar diff --git-old \"$base\" \"$MODEL\" \"$MODEL\""), "{run}");
}

#[test]
fn the_github_check_step_writes_sarif_and_reports_the_exit_code() {
    let workflow = yaml("docs/ci/github-actions.yml");
    let run = script(&step(steps(&workflow, "check"), "Check")["run"]);
    let temp = tempfile::tempdir().unwrap();
    let output_file = temp.path().join("github-output");
    let bin = assert_cmd::cargo::cargo_bin("ansvar");
    let path = format!("{}:{}", bin.parent().unwrap().display(), std::env::var("PATH").unwrap_or_default());
    let status = std::process::Command::new("bash")
        .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", &run])
        .current_dir(temp.path())
        .env("PATH", path)
        .env("MODEL", root().join("models/1177"))
        .env("FAIL_ON", "high")
        .env("GITHUB_OUTPUT", &output_file)
        .status()
        .unwrap();
    assert!(status.success(), "the step itself must not fail: its exit code is reported");
    // models/1177 has high findings as of today: exit 1, reported for the last step.
    assert_eq!(std::fs::read_to_string(&output_file).unwrap().trim(), "code=1");
    let sarif: Value =
        serde_json::from_str(&std::fs::read_to_string(temp.path().join("ansvar.sarif")).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert!(!sarif["runs"][0]["results"].as_array().unwrap().is_empty());
}

#[test]
fn gitlab_checks_the_default_branch_with_sarif_and_diffs_merge_requests() {
    let ci = yaml("docs/ci/gitlab-ci.yml");
    let template = &ci[".ansvar"];
    assert!(script(&template["before_script"]).contains("cargo install --locked --git \"$ANSVAR_GIT\" ansvar"));

    let check = &ci["ansvar-check"];
    assert_eq!(check["extends"], ".ansvar");
    assert_eq!(check["rules"][0]["if"], "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH");
    let run = script(&check["script"]);
    assert!(run.contains("ansvar check \"$MODEL\"") && run.contains("--format sarif > ansvar.sarif"), "{run}");
    assert_eq!(check["artifacts"]["paths"][0], "ansvar.sarif");
    assert_eq!(check["artifacts"]["when"], "always");

    let diff = &ci["ansvar-diff"];
    assert_eq!(diff["rules"][0]["if"], "$CI_PIPELINE_SOURCE == \"merge_request_event\"");
    assert_eq!(diff["variables"]["GIT_DEPTH"], 0);
    let run = script(&diff["script"]);
    assert!(run.contains("ansvar diff --git-old \"$CI_MERGE_REQUEST_DIFF_BASE_SHA\" \"$MODEL\" \"$MODEL\""), "{run}");
}
