//! The HTML report of `models/1177` in a real browser: Debian's chromium,
//! headless, with the network features it would otherwise use switched off.
//!
//! The page must load (a screenshot of non-trivial size), log no console
//! errors, and show the role matrix and the chain diagram. Without chromium the
//! test fails when `CI` is set (CI installs it: `.ci/install-chromium`) and is
//! skipped otherwise, with a `SKIPPED` line on the terminal saying how to
//! install it: written to stderr directly, which libtest does not capture, so
//! `cargo test` shows it without `--nocapture`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use ansvar::load;
use ansvar::reference::Reference;
use ansvar::report::{templates, view};

const CHROMIUM: &str = "/usr/bin/chromium";
/// How long one chromium run may take before the test gives up on it.
const TIMEOUT: Duration = Duration::from_secs(90);

/// The chromium binary, or `None` when the test should be skipped.
fn chromium() -> Option<PathBuf> {
    let path = PathBuf::from(CHROMIUM);
    if path.exists() {
        return Some(path);
    }
    let message = format!(
        "chromium is not installed at {CHROMIUM}; install it with `apt-get update && apt-get install -y chromium` (CI: .ci/install-chromium)"
    );
    if std::env::var_os("CI").is_some() {
        panic!("{message}");
    }
    // Not `eprintln!`: libtest captures that and would show a silent "ok".
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "\nSKIPPED tests/browser.rs (the HTML report in a browser): {message}");
    None
}

fn render_1177(dir: &Path) -> PathBuf {
    let reference = Reference::builtin();
    let loaded = load::load_path(Path::new("models/1177"), &reference).expect("models/1177 is valid");
    let analysis = ansvar::Analysis::new(&loaded.model, &reference, "2019-02-18".parse().unwrap());
    let input = view::Input {
        name: "models/1177",
        model: &loaded.model,
        sources: &loaded.sources,
        analysis: &analysis,
        reference: &reference,
        lang: ansvar::render::Lang::En,
    };
    let html = templates::html(&view::View::build(&input)).unwrap();
    let path = dir.join("report.html");
    std::fs::write(&path, html).unwrap();
    path
}

/// What a chromium run printed.
struct Run {
    success: bool,
    stdout: String,
    stderr: String,
}

/// Runs chromium headless with a fresh profile and the given extra arguments,
/// killing it if it outlives [`TIMEOUT`]. Its output goes to files, not pipes:
/// a DOM dump is larger than a pipe's buffer, and a full pipe would stall it.
fn run_chromium(binary: &Path, profile: &Path, extra: &[String], page: &Path) -> Run {
    let logs = tempfile::tempdir().unwrap();
    let (out_path, err_path) = (logs.path().join("stdout"), logs.path().join("stderr"));
    let mut command = Command::new(binary);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap());
    let mut child = command.spawn().expect("chromium starts");
    let started = Instant::now();
    let status = loop {
        match child.try_wait().expect("chromium can be waited for") {
            Some(status) => break status,
            None if started.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("chromium did not finish within {TIMEOUT:?}");
            }
            None => std::thread::sleep(Duration::from_millis(100)),
        }
    };
    let read = |path: &Path| String::from_utf8_lossy(&std::fs::read(path).unwrap_or_default()).into_owned();
    Run { success: status.success(), stdout: read(&out_path), stderr: read(&err_path) }
}

/// Lines of chromium's log that report a problem in the page itself.
fn console_errors(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|line| line.contains("Uncaught") || line.contains("ERROR:CONSOLE")).collect()
}

#[test]
fn the_html_report_loads_in_chromium_with_matrix_and_diagram() {
    let Some(binary) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = render_1177(dir.path());
    let profile = tempfile::tempdir().unwrap();
    let screenshot = dir.path().join("report.png");

    let shot = run_chromium(
        &binary,
        profile.path(),
        &[
            format!("--screenshot={}", screenshot.display()),
            "--window-size=1280,2400".to_owned(),
            "--enable-logging=stderr".to_owned(),
            "--v=0".to_owned(),
        ],
        &page,
    );
    let log = &shot.stderr;
    assert!(shot.success, "chromium failed: {log}");
    let size = std::fs::metadata(&screenshot).map(|m| m.len()).unwrap_or(0);
    assert!(size > 50_000, "the screenshot is missing or blank ({size} bytes): {log}");
    assert!(console_errors(log).is_empty(), "console errors: {:?}", console_errors(log));

    let dump = run_chromium(
        &binary,
        profile.path(),
        &["--dump-dom".to_owned(), "--enable-logging=stderr".to_owned(), "--v=0".to_owned()],
        &page,
    );
    let (dom, log) = (&dump.stdout, &dump.stderr);
    assert!(dump.success, "chromium --dump-dom failed: {log}");
    assert!(console_errors(log).is_empty(), "console errors: {:?}", console_errors(log));
    assert!(dom.contains("id=\"role-matrix\""), "the role matrix is missing from the rendered page");
    assert!(dom.contains("<svg"), "the chain diagram is missing from the rendered page");
    assert!(dom.contains("MedHelp AB") && dom.contains("Voice Integrate Nordic AB"));
    assert!(!dom.contains("<script"), "the page has a script");
}
