//! Untrusted models, output files and terminals: the defects of the reliability
//! review (`docs/security.md` lists every class with the test that shows it).
//!
//! Every case builds its model in a temporary directory. Nothing here writes to
//! a real device: FIFOs are made with `mkfifo` inside the temporary directory,
//! and `/dev/zero` is only ever read from (and refused before that).

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use assert_cmd::Command;

/// A small valid model: one controller, one activity.
const VALID: &str = "parties:
  - { id: clinic, name: Clinic, kind: care_provider, country: SE }
data:
  - { id: journal, name: Journal }
processing:
  - { id: care, name: Care, data: [journal], purposes_decided_by: [clinic] }
";

/// Runs `ansvar ARGS` in `dir`, with a timeout so that a hang fails the test.
fn run(dir: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("ansvar")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .env_remove("NO_COLOR")
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A temporary directory with `m/model.yaml` holding [`VALID`].
fn model_dir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("m");
    std::fs::create_dir(&model).unwrap();
    std::fs::write(model.join("model.yaml"), VALID).unwrap();
    (dir, model)
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

#[track_caller]
fn assert_refused(output: &Output, needles: &[&str]) -> String {
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "not refused:\n{stderr}");
    for needle in needles {
        assert!(stderr.contains(needle), "stderr lacks {needle:?}:\n{stderr}");
    }
    stderr
}

// --- A. Files a model can make ansvar read ------------------------------------

#[test]
fn a13_a14_a_yaml_link_out_of_the_model_is_refused_and_its_content_never_printed() {
    let (dir, model) = model_dir();
    let secret = dir.path().join("id_ed25519");
    std::fs::write(&secret, "-----BEGIN OPENSSH PRIVATE KEY-----\nSECRET-LINE\n").unwrap();
    std::os::unix::fs::symlink(&secret, model.join("key.yaml")).unwrap();
    let output = run(dir.path(), &["check", "m"]);
    let stderr = assert_refused(&output, &["m/key.yaml", "is a symbolic link to", "outside"]);
    assert!(!stderr.contains("SECRET-LINE") && !stderr.contains("BEGIN OPENSSH"), "{stderr}");
}

#[test]
fn a14_a_link_to_proc_self_environ_is_refused_without_printing_the_environment() {
    let (dir, model) = model_dir();
    std::os::unix::fs::symlink("/proc/self/environ", model.join("env.yaml")).unwrap();
    let output = Command::cargo_bin("ansvar")
        .unwrap()
        .current_dir(dir.path())
        .env_clear()
        .env("MY_CI_TOKEN", "ghp_not_a_real_token")
        .args(["check", "m"])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let stderr = assert_refused(&output, &["m/env.yaml"]);
    assert!(!stderr.contains("ghp_not_a_real_token"), "{stderr}");
}

#[test]
fn a_link_inside_the_model_directory_is_followed() {
    let (dir, model) = model_dir();
    std::fs::create_dir(model.join("shared")).unwrap();
    std::fs::write(model.join("shared/extra.txt"), "data:\n  - { id: labs, name: Labs }\n").unwrap();
    std::os::unix::fs::symlink("shared/extra.txt", model.join("labs.yaml")).unwrap();
    let output = run(dir.path(), &["check", "m", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
}

#[test]
fn a13_a_dangling_link_beside_a_good_file_is_an_error() {
    let (dir, model) = model_dir();
    std::os::unix::fs::symlink("nowhere.yaml", model.join("parties.yaml")).unwrap();
    let output = run(dir.path(), &["check", "m"]);
    assert_refused(&output, &["error[unreadable-model]", "m/parties.yaml"]);
}

#[test]
fn a13_a_link_loop_is_an_error() {
    let (dir, model) = model_dir();
    std::os::unix::fs::symlink("b.yaml", model.join("a.yaml")).unwrap();
    std::os::unix::fs::symlink("a.yaml", model.join("b.yaml")).unwrap();
    let output = run(dir.path(), &["check", "m"]);
    assert_refused(&output, &["m/a.yaml", "m/b.yaml"]);
}

#[test]
fn a12_a_fifo_named_yaml_is_an_error_not_a_hang_nor_silence() {
    let (dir, model) = model_dir();
    mkfifo(&model.join("pipe.yaml"));
    let output = run(dir.path(), &["check", "m"]);
    assert_refused(&output, &["m/pipe.yaml", "is a FIFO, not a regular file"]);
}

#[test]
fn a12_a_link_to_a_device_alone_says_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("m");
    std::fs::create_dir(&model).unwrap();
    std::os::unix::fs::symlink("/dev/zero", model.join("zero.yaml")).unwrap();
    let output = run(dir.path(), &["check", "m"]);
    let stderr = assert_refused(&output, &["m/zero.yaml"]);
    assert!(!stderr.contains("has no .yaml files"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn a9_an_unreadable_yaml_file_is_an_error_not_skipped() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, model) = model_dir();
    let locked = model.join("locked.yaml");
    std::fs::write(&locked, "parties: []\n").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads a 0000 file all the same; then there is nothing to show.
    if std::fs::read(&locked).is_ok() {
        return;
    }
    let output = run(dir.path(), &["check", "m"]);
    assert_refused(&output, &["m/locked.yaml", "Permission denied"]);
}

#[test]
fn a50_reference_dev_zero_is_refused_at_once() {
    let (dir, _) = model_dir();
    let output = run(dir.path(), &["check", "m", "--reference", "/dev/zero"]);
    assert_refused(&output, &["/dev/zero", "a character device, not a regular file"]);
}

#[test]
fn a51_reference_fifo_is_refused_without_hanging() {
    let (dir, _) = model_dir();
    mkfifo(&dir.path().join("ref.yaml"));
    let output = run(dir.path(), &["check", "m", "--reference", "ref.yaml"]);
    assert_refused(&output, &["ref.yaml", "is a FIFO"]);
}

#[test]
fn a50_a_reference_link_out_of_its_directory_is_refused() {
    let (dir, model) = model_dir();
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "TOKEN=hunter2\n").unwrap();
    std::os::unix::fs::symlink(&secret, model.join("reference.yaml")).unwrap();
    let output = run(dir.path(), &["check", "m/model.yaml", "--reference", "m/reference.yaml"]);
    let stderr = assert_refused(&output, &["m/reference.yaml", "outside"]);
    assert!(!stderr.contains("hunter2"), "{stderr}");
}

#[test]
fn d15_a_reference_file_that_is_not_utf8_is_refused_at_its_byte() {
    let (dir, _) = model_dir();
    std::fs::write(dir.path().join("ref.yaml"), b"countries:\n  - \xff\n").unwrap();
    let output = run(dir.path(), &["check", "m", "--reference", "ref.yaml"]);
    assert_refused(&output, &["error[not-utf8]", "ref.yaml:2:5"]);
}
