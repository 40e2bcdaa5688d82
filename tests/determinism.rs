//! Review part F (determinism): the same model gives the same bytes, whatever
//! the run, the files' names and order, the entries' order within a section,
//! and the number of CPUs. Each test copies `models/1177` into a temporary
//! directory (so the memo names no git revision) and runs the real binary in
//! all fourteen output formats the review compared.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The review's fourteen outputs.
const OUTPUTS: [&[&str]; 14] = [
    &["check", "--color", "never"],
    &["check", "--format", "json"],
    &["check", "--format", "sarif"],
    &["roles"],
    &["roles", "--format", "json"],
    &["report", "--format", "html"],
    &["report", "--format", "md"],
    &["report", "--format", "json"],
    &["ropa", "--format", "csv"],
    &["ropa", "--format", "md"],
    &["ropa", "--format", "json"],
    &["graph", "--format", "dot"],
    &["graph", "--format", "mermaid"],
    &["graph", "--format", "svg"],
];

/// Writes `files` as the model directory `dir/m`.
fn write_model(dir: &Path, files: &[(String, String)]) {
    std::fs::create_dir_all(dir.join("m")).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join("m").join(name), text).unwrap();
    }
}

/// The files of `models/1177`, sorted by name.
fn model_1177() -> Vec<(String, String)> {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("models/1177");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&source)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .map(|path| (path.file_name().unwrap().to_str().unwrap().to_owned(), std::fs::read_to_string(&path).unwrap()))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "{files:?}");
    files
}

/// Runs `prefix ansvar ARGS m` in `dir` and returns its stdout.
fn output(dir: &Path, prefix: &[&str], args: &[&str]) -> Vec<u8> {
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_ansvar"));
    let mut command = match prefix.split_first() {
        Some((first, rest)) => {
            let mut command = Command::new(first);
            command.args(rest).arg(&binary);
            command
        }
        None => Command::new(&binary),
    };
    let out = command
        .current_dir(dir)
        .args(args)
        .arg("m")
        .args(["--as-of", "2019-02-18"])
        .env("SOURCE_DATE_EPOCH", "1551398400")
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    assert!(!out.stdout.is_empty(), "{args:?}: nothing written");
    out.stdout
}

/// Asserts that two runs gave the same bytes, showing the first difference.
#[track_caller]
fn assert_same(what: &str, args: &[&str], a: &[u8], b: &[u8]) {
    if a != b {
        let at = a.iter().zip(b).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
        let show = |bytes: &[u8]| {
            String::from_utf8_lossy(&bytes[at.saturating_sub(80)..bytes.len().min(at + 80)]).into_owned()
        };
        panic!("{what}, {args:?}: differ at byte {at}:\n{}\n---\n{}", show(a), show(b));
    }
}

/// F1: two runs on the same model give the same bytes in every format.
#[test]
fn f1_two_runs_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    write_model(dir.path(), &model_1177());
    for args in OUTPUTS {
        let (first, second) = (output(dir.path(), &[], args), output(dir.path(), &[], args));
        assert_same("two runs", args, &first, &second);
    }
}

/// F2: files renamed so that they sort in the opposite order give the same
/// bytes once the file names are mapped back.
#[test]
fn f2_files_renamed_into_the_opposite_order_give_the_same_bytes() {
    let files = model_1177();
    let count = files.len();
    let renamed: Vec<(String, String)> = files
        .iter()
        .enumerate()
        .map(|(index, (name, text))| (format!("{}-{name}", char::from(b'z' - index as u8)), text.clone()))
        .collect();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    write_model(a.path(), &files);
    write_model(b.path(), &renamed);
    for args in OUTPUTS {
        let mut mapped = String::from_utf8(output(b.path(), &[], args)).unwrap();
        for ((name, _), (new, _)) in files.iter().zip(&renamed).take(count) {
            mapped = mapped.replace(new.as_str(), name);
        }
        assert_same("renamed files", args, &output(a.path(), &[], args), mapped.as_bytes());
    }
}

/// The entries of every section of `text` in reverse order: an entry starts
/// at a line `  - ` and runs to the next one or the next section.
fn reversed(text: &str) -> String {
    let mut out = String::new();
    let mut entries: Vec<String> = Vec::new();
    let flush = |entries: &mut Vec<String>, out: &mut String| {
        for entry in entries.drain(..).rev() {
            out.push_str(&entry);
        }
    };
    for line in text.split_inclusive('\n') {
        if line.starts_with("  - ") {
            entries.push(line.to_owned());
        } else if !line.starts_with(' ') && !line.trim().is_empty() && !line.starts_with('#') {
            flush(&mut entries, &mut out);
            out.push_str(line);
        } else if let Some(entry) = entries.last_mut() {
            entry.push_str(line);
        } else {
            out.push_str(line);
        }
    }
    flush(&mut entries, &mut out);
    out
}

/// F3: entries reversed within every section, and the parties split over two
/// files, give the same bytes in every output that shows no place in a file.
#[test]
fn f3_reordered_entries_and_a_split_file_give_the_same_bytes() {
    let files = model_1177();
    let mut changed: Vec<(String, String)> = Vec::new();
    for (name, text) in &files {
        let reordered = reversed(text);
        if name == "parties.yaml" {
            assert_ne!(&reordered, text, "nothing was reordered");
            let entries: Vec<usize> = reordered.match_indices("\n  - ").map(|(at, _)| at + 1).collect();
            let half = entries[entries.len() / 2];
            changed.push(("parties-a.yaml".into(), reordered[..half].to_owned()));
            changed.push(("parties-b.yaml".into(), format!("parties:\n{}", &reordered[half..])));
        } else {
            changed.push((name.clone(), reordered));
        }
    }
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    write_model(a.path(), &files);
    write_model(b.path(), &changed);
    // Roles as text, RoPA and graph: the seven outputs that show no file or line.
    let without_places: Vec<&[&str]> =
        OUTPUTS.into_iter().filter(|args| matches!(args[0], "ropa" | "graph") || *args == ["roles"]).collect();
    assert_eq!(without_places.len(), 7);
    for args in without_places {
        assert_same("reordered entries", args, &output(a.path(), &[], args), &output(b.path(), &[], args));
    }
}

/// F4: one CPU and every CPU give the same bytes.
#[test]
fn f4_one_cpu_and_all_cpus_give_the_same_bytes() {
    if Command::new("taskset").arg("-c").arg("0").arg("true").status().map_or(true, |s| !s.success()) {
        eprintln!("taskset is not available; nothing shown");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    write_model(dir.path(), &model_1177());
    for args in OUTPUTS {
        let all = output(dir.path(), &[], args);
        let one = output(dir.path(), &["taskset", "-c", "0"], args);
        assert_same("one CPU", args, &all, &one);
    }
}
