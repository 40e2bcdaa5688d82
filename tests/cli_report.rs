//! The `report`, `graph` and `ropa` commands: exit codes, stdout or `-o`, and
//! the promise that a failed run writes nothing and leaves an old file alone.

use std::path::Path;

use assert_cmd::Command;

fn ansvar() -> Command {
    let mut command = Command::cargo_bin("ansvar").unwrap();
    command.env("NO_COLOR", "1");
    command
}

/// A model directory that fails validation.
fn invalid_model(dir: &Path) -> std::path::PathBuf {
    let model = dir.join("broken");
    std::fs::create_dir(&model).unwrap();
    std::fs::write(
        model.join("parties.yaml"),
        "parties:\n  - id: Not_Kebab\n    name: X\n    kind: nonsense\n    country: ZZ\n",
    )
    .unwrap();
    model
}

#[test]
fn report_prints_each_format_to_stdout() {
    let md = ansvar().args(["report", "models/1177", "--as-of", "2019-02-18", "--format", "md"]).assert().success();
    assert!(
        String::from_utf8_lossy(&md.get_output().stdout).starts_with("# Who is responsible for what in `models/1177`")
    );
    let html = ansvar().args(["report", "models/1177", "--as-of", "2019-02-18"]).assert().success();
    assert!(String::from_utf8_lossy(&html.get_output().stdout).starts_with("<!DOCTYPE html>"));
    let json = ansvar().args(["report", "models/1177", "--as-of", "2019-02-18", "--format", "json"]).assert().success();
    let value: serde_json::Value = serde_json::from_slice(&json.get_output().stdout).unwrap();
    assert_eq!(value["schema_version"], 2);
}

/// `report.roles` and `report.check` are what `roles` and `check` print.
#[test]
fn the_json_report_carries_the_roles_and_check_documents_unchanged() {
    let parse = |args: &[&str]| -> serde_json::Value {
        let output = ansvar().args(args).output().unwrap();
        serde_json::from_slice(&output.stdout).unwrap()
    };
    let report = parse(&["report", "models/1177", "--as-of", "2019-02-18", "--format", "json"]);
    let roles = parse(&["roles", "models/1177", "--format", "json"]);
    let check = parse(&["check", "models/1177", "--as-of", "2019-02-18", "--format", "json"]);
    assert_eq!(report["roles"], roles);
    assert_eq!(report["check"], check);
}

#[test]
fn report_writes_the_file_and_leaves_no_temporary_behind() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.html");
    std::fs::write(&target, "old report").unwrap();
    ansvar().args(["report", "models/1177", "--as-of", "2019-02-18", "-o"]).arg(&target).assert().success().stdout("");
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.starts_with("<!DOCTYPE html>") && written.trim_end().ends_with("</html>"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "a temporary file was left behind");
}

#[test]
fn an_invalid_model_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let model = invalid_model(dir.path());
    let old = dir.path().join("old.md");
    std::fs::write(&old, "the previous report").unwrap();
    let fresh = |extension: &str| dir.path().join(format!("fresh.{extension}"));
    for (target, format) in [(old.clone(), "md"), (fresh("md"), "md"), (fresh("html"), "html"), (fresh("json"), "json")]
    {
        ansvar()
            .args(["report", "--format", format, "-o"])
            .arg(&target)
            .arg(&model)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicates::str::contains("is not a valid model"));
    }
    assert_eq!(std::fs::read_to_string(&old).unwrap(), "the previous report", "the old file was touched");
    for (command, extension) in
        [("report", "md"), ("report", "html"), ("report", "json"), ("graph", "svg"), ("ropa", "csv")]
    {
        ansvar().arg(command).arg(&model).arg("-o").arg(fresh(extension)).assert().code(2);
        assert!(!fresh(extension).exists(), "a file was created for an invalid model");
    }
    // Only the model and the old report remain: no temporary files.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn a_failed_write_exits_2_and_leaves_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no/such/dir/report.html");
    ansvar()
        .args(["report", "models/1177", "--as-of", "2019-02-18", "-o"])
        .arg(&missing)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no/such/dir/report.html"));
    assert!(!missing.exists());
    // A target that is a directory cannot be replaced; the directory stays as it was.
    let occupied = dir.path().join("occupied");
    std::fs::create_dir(&occupied).unwrap();
    std::fs::write(occupied.join("keep.txt"), "kept").unwrap();
    ansvar().args(["report", "models/1177", "--as-of", "2019-02-18", "-o"]).arg(&occupied).assert().code(2);
    assert_eq!(std::fs::read_to_string(occupied.join("keep.txt")).unwrap(), "kept");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "a temporary file was left behind");
}

#[test]
fn graph_prints_dot_mermaid_and_svg() {
    for (format, start) in [("dot", "digraph ansvar {"), ("mermaid", "flowchart LR"), ("svg", "<svg xmlns=")] {
        let out =
            ansvar().args(["graph", "models/1177", "--as-of", "2019-02-18", "--format", format]).assert().success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        assert!(text.starts_with(start), "{format}: {}", &text[..text.len().min(80)]);
    }
}

#[test]
fn ropa_prints_one_csv_row_per_record() {
    let out = ansvar().args(["ropa", "models/1177", "--as-of", "2019-02-18"]).assert().success();
    let csv = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(csv.starts_with("record,party_id,party,controller_id,controller,"));
    // 8 running activities with one controller each, and Inera for 5 regions
    // plus Voice Integrate for Medhelp; Medicall, which the GDPR does not reach
    // (Art. 3), keeps none and is named instead.
    let controller_rows = csv.split("\r\n").filter(|r| r.starts_with("Art. 30(1),")).count();
    let processor_rows = csv.split("\r\n").filter(|r| r.starts_with("Art. 30(2),")).count();
    assert_eq!((controller_rows, processor_rows), (8, 6));
    for format in ["md", "json"] {
        ansvar().args(["ropa", "models/1177", "--as-of", "2019-02-18", "--format", format]).assert().success();
    }
}

/// The memo's particulars: `--date`, else SOURCE_DATE_EPOCH; the names given;
/// the model's git revision, clean or with uncommitted changes.
#[test]
fn the_memo_carries_its_date_names_and_model_revision() {
    let md = |extra: &[&str], epoch: Option<&str>, model: &Path| {
        let mut command = ansvar();
        command.env_remove("SOURCE_DATE_EPOCH");
        if let Some(epoch) = epoch {
            command.env("SOURCE_DATE_EPOCH", epoch);
        }
        let model = model.to_str().unwrap().to_owned();
        let out =
            command.args(["report", &model, "--as-of", "2019-02-18", "--format", "md"]).args(extra).assert().success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let named = md(
        &["--date", "2019-03-01", "--author", "Anna Author", "--reviewer", "Rune Reviewer"],
        None,
        Path::new("models/1177"),
    );
    assert!(named.contains("| Produced on | 2019-03-01, by ansvar "), "{}", &named[..800]);
    assert!(named.contains("| Author | Anna Author |") && named.contains("| Reviewer | Rune Reviewer |"));
    assert!(named.contains("| Author | Anna Author | | |"), "the sign-off names the author");
    // 2019-03-01T00:00:00Z; `--date` wins over it.
    let epoch = md(&[], Some("1551398400"), Path::new("models/1177"));
    assert!(epoch.contains("| Produced on | 2019-03-01, by "));
    let both = md(&["--date", "2020-01-02"], Some("1551398400"), Path::new("models/1177"));
    assert!(both.contains("| Produced on | 2020-01-02, by "));
    assert!(both.contains("| Author | not stated |"));

    // A model in a repository of its own: clean after the commit, dirty after a change.
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("model");
    std::fs::create_dir(&model).unwrap();
    for entry in std::fs::read_dir("models/1177").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            std::fs::copy(&path, model.join(path.file_name().unwrap())).unwrap();
        }
    }
    let git = |args: &[&str]| {
        let status = std::process::Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"])
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(status.status.success(), "git {args:?}");
        String::from_utf8(status.stdout).unwrap()
    };
    let outside = md(&["--date", "2019-03-01"], None, &model);
    if !outside.contains("| Model revision | git commit") {
        assert!(outside.contains("| Model revision | not in a git repository"));
    }
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "model"]);
    let head = git(&["rev-parse", "HEAD"]);
    let clean = md(&["--date", "2019-03-01"], None, &model);
    assert!(
        clean.contains(&format!(
            "| Model revision | git commit `{}`; the model's files are as committed |",
            head.trim()
        ))
    );
    let parties = model.join("parties.yaml");
    let text = std::fs::read_to_string(&parties).unwrap();
    std::fs::write(&parties, format!("{text}\n# changed after the commit\n")).unwrap();
    let dirty = md(&["--date", "2019-03-01"], None, &model);
    assert!(dirty.contains("**with uncommitted changes to the model's files**"));
}
