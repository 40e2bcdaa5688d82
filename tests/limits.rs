//! Big inputs are checked or refused with a clear error: never a crash, a hang
//! or runaway memory.
//!
//! The full-size cases are `#[ignore]`d because they take tens of seconds and
//! gigabytes; run them with `cargo test --release --test limits -- --ignored
//! --test-threads=1` (one at a time, so their memory readings are their own).
//! docs/performance.md records what they measured. The scaled-down versions run
//! with every `cargo test`.

#[path = "../benches/support/synth.rs"]
mod synth;

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// What one `ansvar check` run took.
struct Checked {
    exit: i32,
    wall: Duration,
    peak_mb: Option<f64>,
    stderr: String,
}

/// Runs `ansvar check DIR --timings` as a user would.
fn check(dir: &Path) -> Checked {
    let started = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_ansvar"))
        .arg("check")
        .arg(dir)
        .args(["--as-of", synth::AS_OF, "--format", "json", "--fail-on", "never", "--timings"])
        .output()
        .unwrap();
    let wall = started.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let peak_mb = stderr.lines().find_map(|line| {
        let fields: Vec<&str> = line.split_whitespace().collect();
        match fields.as_slice() {
            ["peak-rss", mb, "MB"] => mb.parse().ok(),
            _ => None,
        }
    });
    eprintln!(
        "{}: exit {:?}, {:.2} s, peak {:?} MB",
        dir.display(),
        output.status.code(),
        wall.as_secs_f64(),
        peak_mb.map(|mb: f64| mb.round())
    );
    Checked { exit: output.status.code().unwrap_or(-1), wall, peak_mb, stderr }
}

fn dir_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().metadata().unwrap().len()).sum()
}

/// One file with `n` parties in its one list.
fn one_long_list(dir: &Path, n: usize) {
    let mut text = String::with_capacity(n * 64);
    text.push_str("parties:\n");
    for i in 0..n {
        let _ = writeln!(text, "  - {{ id: p-{i}, name: Party {i}, kind: other, country: SE }}");
    }
    std::fs::write(dir.join("parties.yaml"), text).unwrap();
}

/// `n` files, each a provider with one activity run by a vendor of the
/// previous file, so references cross files.
fn many_files(dir: &Path, n: usize) {
    for i in 0..n {
        let vendor = match i {
            0 => String::new(),
            _ => format!("      - {{ party: p-{}, on_behalf_of: p-{i} }}\n", i - 1),
        };
        let text = format!(
            "parties:
  - {{ id: p-{i}, name: Provider {i}, kind: care_provider, country: SE }}
processing:
  - id: a-{i}
    name: Activity {i}
    purposes_decided_by: [p-{i}]
    informs_subjects: [p-{i}]
    performers:
      - {{ party: p-{i} }}
{vendor}"
        );
        std::fs::write(dir.join(format!("f{i:05}.yaml")), text).unwrap();
    }
}

#[test]
fn a_list_of_ten_thousand_entries_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    one_long_list(dir.path(), 10_000);
    let run = check(dir.path());
    assert_eq!(run.exit, 0, "{}", run.stderr);
    assert!(run.wall < Duration::from_secs(30));
}

#[test]
fn a_thousand_files_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    many_files(dir.path(), 1_000);
    let run = check(dir.path());
    assert!(run.exit == 0 || run.exit == 1, "{}", run.stderr);
    assert!(run.wall < Duration::from_secs(30));
}

// Tens of seconds and about a gigabyte: run explicitly (see the module docs).
#[test]
#[ignore]
fn a_100_mb_model_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    synth::generate(&synth::NATIONAL, 1, dir.path()).unwrap();
    let yaml_mb = dir_bytes(dir.path()) as f64 / 1e6;
    assert!(yaml_mb > 100.0, "{yaml_mb} MB");
    let run = check(dir.path());
    assert_eq!(run.exit, 0, "{}", run.stderr);
    let peak = run.peak_mb.unwrap_or(0.0);
    eprintln!("100 MB model: {yaml_mb:.0} MB of YAML, {:.1} s, peak {peak:.0} MB", run.wall.as_secs_f64());
    // A guard against runaway memory, well above what the model needs.
    assert!(peak < 15.0 * yaml_mb, "peak {peak} MB for {yaml_mb} MB of YAML");
}

// A 60 MB file: run explicitly (see the module docs).
#[test]
#[ignore]
fn a_list_of_a_million_entries_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    one_long_list(dir.path(), 1_000_000);
    let yaml_mb = dir_bytes(dir.path()) as f64 / 1e6;
    let run = check(dir.path());
    assert_eq!(run.exit, 0, "{}", run.stderr);
    let peak = run.peak_mb.unwrap_or(0.0);
    eprintln!("1 000 000 entries: {yaml_mb:.0} MB of YAML, {:.1} s, peak {peak:.0} MB", run.wall.as_secs_f64());
    // One file's whole list is held as parsed values before validation, and
    // the list grows by doubling: about 16× the YAML here. Linear, not runaway.
    assert!(peak < 20.0 * yaml_mb, "peak {peak} MB for {yaml_mb} MB of YAML");
}

// Ten thousand files: run explicitly (see the module docs).
#[test]
#[ignore]
fn ten_thousand_files_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    many_files(dir.path(), 10_000);
    let run = check(dir.path());
    assert!(run.exit == 0 || run.exit == 1, "{}", run.stderr);
    eprintln!("10 000 files: {:.1} s, peak {:?} MB", run.wall.as_secs_f64(), run.peak_mb);
    assert!(run.wall < Duration::from_secs(120));
}
