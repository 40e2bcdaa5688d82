//! The one output path: `-o FILE` writes what stdout would carry, in the format
//! its extension names; a contradiction with `--format` or an unknown extension
//! is a usage error. Also the command-line conventions: `--color`, `NO_COLOR`,
//! `CLICOLOR_FORCE`, completions, the man page, exit codes in `--help`, one
//! error for a missing model, `roles --as-of`, and `explain` suggestions.

use assert_cmd::Command;
use predicates::prelude::*;

/// The binary with no colour variables from the caller's environment.
fn ansvar() -> Command {
    let mut command = Command::cargo_bin("ansvar").unwrap();
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    for name in ["NO_COLOR", "CLICOLOR_FORCE", "CLICOLOR"] {
        command.env_remove(name);
    }
    command
}

/// stdout of a run that exits 0, or 1 for findings (`check`, `diff`).
fn stdout_of(command: &mut Command) -> Vec<u8> {
    let output = command.output().unwrap();
    assert!(matches!(output.status.code(), Some(0 | 1)), "{command:?}: {output:?}");
    output.stdout
}

const DATE: [&str; 2] = ["--as-of", "2019-02-18"];
const DIFF: [&str; 2] = ["tests/fixtures/diff/medicall-removed/old", "tests/fixtures/diff/medicall-removed/new"];

/// (command and arguments, `--format` value, file name for `-o`).
fn cases() -> Vec<(Vec<&'static str>, &'static str, &'static str)> {
    let model = |command: &'static str| vec![command, "models/1177", DATE[0], DATE[1]];
    let diff = vec!["diff", DIFF[0], DIFF[1], DATE[0], DATE[1]];
    vec![
        (model("report"), "html", "report.html"),
        (model("report"), "html", "report.HTM"),
        (model("report"), "md", "REPORT.md"),
        (model("report"), "json", "report.json"),
        (model("ropa"), "csv", "records.csv"),
        (model("ropa"), "md", "records.markdown"),
        (model("ropa"), "json", "records.json"),
        (model("graph"), "dot", "chain.gv"),
        (model("graph"), "mermaid", "chain.mmd"),
        (model("graph"), "svg", "chain.svg"),
        (model("check"), "text", "findings.txt"),
        (model("check"), "json", "findings.json"),
        (model("check"), "sarif", "findings.sarif"),
        (vec!["roles", "models/1177"], "text", "roles.txt"),
        (vec!["roles", "models/1177"], "json", "roles.json"),
        (diff.clone(), "text", "change.txt"),
        (diff.clone(), "md", "change.md"),
        (diff, "json", "change.json"),
    ]
}

#[test]
fn o_writes_what_stdout_carries_in_the_format_its_extension_names() {
    let dir = tempfile::tempdir().unwrap();
    for (args, format, file) in cases() {
        let target = dir.path().join(file);
        let expected = stdout_of(ansvar().args(&args).args(["--format", format]));
        assert!(!expected.is_empty(), "{args:?} --format {format} printed nothing");
        let run = ansvar().args(&args).arg("-o").arg(&target).output().unwrap();
        assert!(run.status.code() == Some(0) || run.status.code() == Some(1), "{args:?} -o {file}: {run:?}");
        assert!(run.stdout.is_empty(), "{args:?} -o {file} also printed to stdout");
        let written = std::fs::read(&target).unwrap();
        assert!(written == expected, "{args:?} -o {file} is not what --format {format} prints");
    }
}

#[test]
fn the_formats_differ_so_the_extension_test_can_fail() {
    // Each command's formats print different bytes: otherwise the test above
    // could not tell whether the extension was read.
    let report =
        |format: &str| stdout_of(ansvar().args(["report", "models/1177"]).args(DATE).args(["--format", format]));
    assert!(report("html").starts_with(b"<!DOCTYPE html>"));
    assert!(report("md").starts_with(b"# Who is responsible"));
    let json: serde_json::Value = serde_json::from_slice(&report("json")).unwrap();
    assert_eq!(json["kind"], "ansvar-report");
    let sarif = stdout_of(ansvar().args(["check", "models/1177"]).args(DATE).args(["--format", "sarif"]));
    let sarif: serde_json::Value = serde_json::from_slice(&sarif).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let graph = stdout_of(ansvar().args(["graph", "models/1177"]).args(DATE).args(["--format", "mermaid"]));
    assert!(graph.starts_with(b"flowchart LR"));
}

#[test]
fn a_format_that_contradicts_the_extension_is_a_usage_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for (command, format, file, implied) in [
        ("report", "html", "report.md", "md"),
        ("report", "md", "report.json", "json"),
        ("ropa", "csv", "records.json", "json"),
        ("graph", "dot", "chain.svg", "svg"),
        ("check", "text", "findings.sarif", "sarif"),
        ("roles", "text", "roles.json", "json"),
    ] {
        let target = dir.path().join(file);
        ansvar()
            .args([command, "models/1177", "--format", format, "-o"])
            .arg(&target)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(format!("asks for {implied} by its extension, but --format {format}")))
            .stderr(predicate::str::contains(format!("Usage: ansvar {command}")));
        assert!(!target.exists(), "{command}: {file} was written");
    }
    ansvar()
        .args(["diff", DIFF[0], DIFF[1], "--format", "md", "-o"])
        .arg(dir.path().join("change.json"))
        .assert()
        .code(2);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn an_unknown_extension_needs_format() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("report.pdf");
    ansvar()
        .args(["report", "models/1177", "-o"])
        .arg(&pdf)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot tell the format of"))
        .stderr(predicate::str::contains(".html (html), .htm (html), .md (md), .markdown (md), .json (json)"));
    assert!(!pdf.exists());
    ansvar().args(["ropa", "models/1177", "-o"]).arg(dir.path().join("records.xlsx")).assert().code(2);
    // With --format the user has said what they want.
    ansvar().args(["report", "models/1177", "--format", "html", "-o"]).arg(&pdf).assert().success();
    assert!(std::fs::read_to_string(&pdf).unwrap().starts_with("<!DOCTYPE html>"));
    // No extension at all: the command's default.
    let plain = dir.path().join("records");
    ansvar().args(["ropa", "models/1177"]).args(DATE).arg("-o").arg(&plain).assert().success();
    assert!(std::fs::read_to_string(&plain).unwrap().starts_with("record,party_id,"));
}

#[test]
fn completions_cover_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = String::from_utf8(stdout_of(ansvar().args(["completions", shell]))).unwrap();
        for command in ["check", "roles", "report", "ropa", "graph", "diff", "rules", "explain", "completions", "man"] {
            assert!(script.contains(command), "{shell} completions lack `{command}`");
        }
        assert!(script.contains("as-of") && script.contains("fail-on"), "{shell}: options missing");
    }
    ansvar().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn the_man_page_lists_the_commands_and_the_exit_status() {
    let page = String::from_utf8(stdout_of(ansvar().arg("man"))).unwrap();
    assert!(page.contains(".TH ansvar 1"), "{}", &page[..page.len().min(200)]);
    for command in ["check", "roles", "report", "ropa", "graph", "diff", "rules", "explain", "completions", "man"] {
        assert!(page.contains(&format!("ansvar\\-{command}(1)")), "no `{command}`");
    }
    assert!(page.contains(".SH \"EXIT STATUS\""));
    assert!(page.contains("findings at or above \\-\\-fail\\-on"));
    // Each command has its page, with its own options and the exit status.
    let check = String::from_utf8(stdout_of(ansvar().args(["man", "check"]))).unwrap();
    assert!(check.contains(".TH ansvar-check 1") && check.contains("\\-\\-fail\\-on") && check.contains("EXIT STATUS"));
    ansvar().args(["man", "chek"]).assert().code(2).stderr(predicate::str::contains("did you mean `check`?"));
}

#[test]
fn help_documents_the_exit_codes() {
    for flag in ["-h", "--help"] {
        let help = String::from_utf8(stdout_of(ansvar().arg(flag))).unwrap();
        assert!(help.contains("Exit status:"), "{flag}");
        for line in ["  0  success", "  1  findings at or above --fail-on", "  2  the model is invalid"] {
            assert!(help.contains(line), "{flag} lacks `{line}`");
        }
    }
}

const ESC: &[u8] = b"\x1b[";

fn coloured(bytes: &[u8]) -> bool {
    bytes.windows(ESC.len()).any(|w| w == ESC)
}

fn check_stdout(color: Option<&str>, env: &[(&str, &str)]) -> Vec<u8> {
    let mut command = ansvar();
    command.args(["check", "models/1177"]).args(DATE);
    if let Some(color) = color {
        command.args(["--color", color]);
    }
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().unwrap().stdout
}

#[test]
fn color_always_colours_a_pipe_and_never_and_no_color_do_not() {
    assert!(coloured(&check_stdout(Some("always"), &[])), "--color always into a pipe is plain");
    assert!(coloured(&check_stdout(Some("always"), &[("NO_COLOR", "1")])), "the flag wins over NO_COLOR");
    assert!(!coloured(&check_stdout(None, &[])), "auto into a pipe is coloured");
    assert!(!coloured(&check_stdout(Some("never"), &[("CLICOLOR_FORCE", "1")])));
    // The text is the same, colours aside.
    assert!(!check_stdout(None, &[]).is_empty());
}

#[test]
fn clicolor_force_colours_a_pipe_unless_no_color_is_set() {
    assert!(coloured(&check_stdout(None, &[("CLICOLOR_FORCE", "1")])));
    assert!(!coloured(&check_stdout(None, &[("CLICOLOR_FORCE", "0")])));
    assert!(!coloured(&check_stdout(None, &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")])));
}

#[test]
fn colour_reaches_diagnostics_on_stderr_and_diff_text() {
    let invalid = ansvar().args(["check", "tests/fixtures/check/invalid", "--color", "always"]).output().unwrap();
    assert_eq!(invalid.status.code(), Some(2));
    assert!(coloured(&invalid.stderr));
    let plain = ansvar().args(["check", "tests/fixtures/check/invalid"]).output().unwrap();
    assert!(!coloured(&plain.stderr));
    let diff = ansvar().args(["diff", DIFF[0], DIFF[1], "--color", "always"]).args(DATE).output().unwrap();
    assert!(coloured(&diff.stdout));
    let diff = ansvar().args(["diff", DIFF[0], DIFF[1]]).args(DATE).output().unwrap();
    assert!(!diff.stdout.is_empty() && !coloured(&diff.stdout));
}

#[test]
fn a_missing_model_is_one_error_with_the_nearest_name() {
    for command in ["check", "roles", "report", "ropa", "graph"] {
        ansvar()
            .args([command, "models/117"])
            .assert()
            .code(2)
            .stdout("")
            .stderr("error: no such directory: models/117\n  help: did you mean `models/1177`?\n");
    }
    ansvar().args(["check", "no-such-model.yaml"]).assert().code(2).stderr("error: no such file: no-such-model.yaml\n");
    ansvar()
        .args(["diff", "models/1177", "models/1178"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("error: the new side: no such directory: models/1178\n"))
        .stderr(predicate::str::contains("not a valid model").not());
}

#[test]
fn roles_as_of_shows_only_the_activities_running_that_day() {
    let fixture = "tests/fixtures/output/roles-as-of";
    let all = String::from_utf8(stdout_of(ansvar().args(["roles", fixture]))).unwrap();
    assert!(all.contains("chat-pilot") && all.contains("pilot-lab"), "{all}");
    let on = String::from_utf8(stdout_of(ansvar().args(["roles", fixture, "--as-of", "2019-02-18"]))).unwrap();
    assert!(on.contains("customer-service") && on.contains("call-centre"), "{on}");
    assert!(!on.contains("chat-pilot") && !on.contains("pilot-lab"), "{on}");
    let before = String::from_utf8(stdout_of(ansvar().args(["roles", fixture, "--as-of", "2017-06-01"]))).unwrap();
    assert!(before.contains("chat-pilot"), "{before}");
    let json = stdout_of(ansvar().args(["roles", fixture, "--as-of", "2019-02-18", "--format", "json"]));
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let activities: Vec<&str> =
        json["roles"].as_array().unwrap().iter().filter_map(|r| r["activity"].as_str()).collect();
    assert!(!activities.is_empty() && activities.iter().all(|a| *a == "customer-service"), "{activities:?}");
    // A named activity is shown whatever the date.
    let named = stdout_of(ansvar().args(["roles", fixture, "--as-of", "2019-02-18", "--activity", "chat-pilot"]));
    assert!(String::from_utf8(named).unwrap().contains("pilot-lab"));
    ansvar().args(["roles", fixture, "--as-of", "2019-13-01"]).assert().code(2);
}

#[test]
fn explain_of_an_unknown_rule_suggests_the_nearest() {
    ansvar().args(["explain", "transfer-without-safegard"]).assert().code(2).stdout("").stderr(
        "error: there is no rule `transfer-without-safegard`\n  help: did you mean `transfer-without-safeguard`?\n",
    );
    ansvar()
        .args(["explain", "zzz"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`ansvar rules` lists every rule"));
}

#[test]
fn rules_and_explain_print_through_the_same_path() {
    let rules = String::from_utf8(stdout_of(ansvar().arg("rules"))).unwrap();
    assert!(rules.contains("transfer-without-safeguard"));
    let explain = String::from_utf8(stdout_of(ansvar().args(["explain", "transfer-without-safeguard"]))).unwrap();
    assert!(explain.starts_with("transfer-without-safeguard  ("));
}
