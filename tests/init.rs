//! `ansvar init`: the starter model passes `ansvar check` with no findings,
//! and a directory that holds anything is refused.

use assert_cmd::Command;

fn ansvar() -> Command {
    let mut command = Command::cargo_bin("ansvar").unwrap();
    command.env_remove("NO_COLOR").args(["--color", "never"]);
    command
}

#[test]
fn init_then_check_passes_with_no_findings() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("my-model");
    let init = ansvar().arg("init").arg(&dir).output().unwrap();
    assert_eq!(init.status.code(), Some(0), "{}", String::from_utf8_lossy(&init.stderr));
    assert!(dir.join("model.yaml").is_file() && dir.join("ansvar-model.schema.json").is_file());
    let check = ansvar().arg("check").arg(&dir).output().unwrap();
    let stdout = String::from_utf8(check.stdout).unwrap();
    let stderr = String::from_utf8(check.stderr).unwrap();
    assert_eq!(check.status.code(), Some(0), "{stdout}{stderr}");
    assert!(stdout.contains("no findings"), "{stdout}");
    assert!(stderr.is_empty(), "warnings: {stderr}");
    // Nothing at all, not even below the default --fail-on.
    let strict = ansvar().args(["check", "--fail-on", "info"]).arg(&dir).output().unwrap();
    assert_eq!(strict.status.code(), Some(0), "{}", String::from_utf8_lossy(&strict.stdout));
}

#[test]
fn the_starter_model_has_what_the_issue_asks_for() {
    let reference = ansvar::reference::Reference::builtin();
    let texts = vec![("model.yaml".into(), ansvar::init::MODEL.to_owned())];
    let loaded = ansvar::load::load_texts(texts, &reference).unwrap_or_else(|i| panic!("{:?}", i.diagnostics));
    let kinds: Vec<&str> = loaded.model.parties.values().map(|p| p.kind.value.as_str()).collect();
    for kind in ["region", "care_provider", "tech_vendor"] {
        assert!(kinds.contains(&kind), "no {kind} in {kinds:?}");
    }
    assert_eq!(loaded.model.activities.len(), 1);
    assert!(loaded.model.agreements.values().any(|a| a.kind.value.as_str() == "data_processing"));
}

#[test]
fn a_non_empty_directory_is_refused_and_left_alone() {
    let temp = tempfile::tempdir().unwrap();
    std::fs::write(temp.path().join("notes.txt"), "mine").unwrap();
    let output = ansvar().arg("init").arg(temp.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("is not empty"), "{stderr}");
    let entries: Vec<_> = std::fs::read_dir(temp.path()).unwrap().collect();
    assert_eq!(entries.len(), 1);
}

#[test]
fn the_schema_written_beside_the_model_is_the_current_one() {
    let temp = tempfile::tempdir().unwrap();
    ansvar().arg("init").arg(temp.path()).assert().success();
    let written = std::fs::read_to_string(temp.path().join("ansvar-model.schema.json")).unwrap();
    assert_eq!(written, ansvar::init::schema_text());
}
