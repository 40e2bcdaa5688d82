//! The HTML report of `models/1177` in a real browser: Debian's chromium,
//! headless, with the network features it would otherwise use switched off.
//!
//! The page must load (a screenshot of non-trivial size), log no console
//! errors, and show the role matrix and the chain diagram; its headings and
//! the matrix's column heads must be names, not ids; and printed to PDF it must
//! fit on at most 16 A4 pages (issue #16), in English and in Swedish alike
//! (`--lang sv` makes longer words and sentences). Without chromium the
//! test fails when `CI` is set (CI installs it: `.ci/install-chromium`) and is
//! skipped otherwise, with a `SKIPPED` line on the terminal saying how to
//! install it: written to stderr directly, which libtest does not capture, so
//! `cargo test` shows it without `--nocapture`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use ansvar::load;
use ansvar::reference::Reference;
use ansvar::render::Lang;
use ansvar::report::{templates, view};

#[path = "../benches/support/synth.rs"]
mod synth;

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

/// Writes the report of `models/1177` in `lang` into `dir`.
fn render_1177(dir: &Path, lang: Lang) -> PathBuf {
    let reference = Reference::builtin();
    let loaded = load::load_path(Path::new("models/1177"), &reference).expect("models/1177 is valid");
    let analysis = ansvar::Analysis::new(&loaded.model, &reference, "2019-02-18".parse().unwrap());
    // The memo in full, as a DPO would print it: every line of the front
    // matter and the sign-off filled in.
    let memo = ansvar::memo::Memo {
        produced: "2019-03-01".parse().unwrap(),
        revision: Some(ansvar::memo::Revision {
            commit: "0123456789abcdef0123456789abcdef01234567".into(),
            dirty: true,
        }),
        author: Some("Anna Author, data protection officer".into()),
        reviewer: Some("Rune Reviewer, legal counsel".into()),
    };
    let input = view::Input::new("models/1177", &analysis, &loaded.sources, &reference, lang).with_memo(Some(&memo));
    let html = templates::html(&view::View::build(&input)).unwrap();
    assert!(
        !html.contains("break-before: page") && !html.contains("page-break-before: always"),
        "a forced page break leaves the page before it half empty"
    );
    let path = dir.join(format!("report-{}.html", lang.tag()));
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
    for lang in Lang::ALL {
        loads_with_matrix_and_diagram(&binary, lang);
    }
}

fn loads_with_matrix_and_diagram(binary: &Path, lang: Lang) {
    let binary = binary.to_path_buf();
    let dir = tempfile::tempdir().unwrap();
    let page = render_1177(dir.path(), lang);
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
    assert!(dom.contains(&format!("<html lang=\"{}\"", lang.tag())), "the page does not say its language");
}

/// The number of pages of a PDF: its page objects (`/Type /Page`, not
/// `/Type /Pages`), checked against the page tree's root count (the largest
/// `/Count`) when the file has one, so that a change in how Chromium writes
/// PDFs fails here rather than miscounting.
fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    let mut objects = 0;
    let mut rest = text.as_ref();
    while let Some(at) = rest.find("/Type") {
        rest = &rest[at + "/Type".len()..];
        let value = rest.trim_start();
        if let Some(after) = value.strip_prefix("/Page")
            && !after.starts_with(|c: char| c.is_ascii_alphanumeric())
        {
            objects += 1;
        }
    }
    let root = text
        .match_indices("/Count")
        .filter_map(|(at, _)| {
            let digits: String =
                text[at + "/Count".len()..].trim_start().chars().take_while(char::is_ascii_digit).collect();
            digits.parse::<usize>().ok()
        })
        .max();
    if let Some(root) = root {
        assert_eq!(objects, root, "page objects and the page tree disagree");
    }
    objects
}

#[test]
fn pages_are_counted_from_page_objects_not_page_trees() {
    let pdf = b"1 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>\n2 0 obj << /Type /Page >>\n3 0 obj <</Type/Page/Parent 1 0 R>>";
    assert_eq!(pdf_pages(pdf), 2);
}

#[test]
fn models_1177_prints_on_at_most_16_a4_pages_with_names_in_headings_and_matrix() {
    let Some(binary) = chromium() else { return };
    for lang in Lang::ALL {
        prints_on_16_pages_with_names(&binary, lang);
    }
}

/// The most A4 pages the memo of `models/1177` may print on: 16, in every
/// language (issue #16), though Swedish runs about a tenth longer.
fn most_pages(_lang: Lang) -> usize {
    16
}

/// The page count and the names in headings and the matrix, in `lang`.
fn prints_on_16_pages_with_names(binary: &Path, lang: Lang) {
    let binary = binary.to_path_buf();
    let tag = lang.tag();
    let dir = tempfile::tempdir().unwrap();
    let page = render_1177(dir.path(), lang);
    let profile = tempfile::tempdir().unwrap();
    let pdf_path = dir.path().join("report.pdf");
    let printed = run_chromium(
        &binary,
        profile.path(),
        &[format!("--print-to-pdf={}", pdf_path.display()), "--no-pdf-header-footer".to_owned()],
        &page,
    );
    assert!(printed.success, "chromium --print-to-pdf failed: {}", printed.stderr);
    let pdf = std::fs::read(&pdf_path).expect("chromium wrote the PDF");
    let pages = pdf_pages(&pdf);
    // Fewer than 8 would mean most of the report did not print.
    assert!(
        (8..=most_pages(lang)).contains(&pages),
        "{tag}: models/1177 prints on {pages} A4 pages; at most {} wanted",
        most_pages(lang)
    );

    let dump = run_chromium(&binary, profile.path(), &["--dump-dom".to_owned()], &page);
    assert!(dump.success, "chromium --dump-dom failed: {}", dump.stderr);
    let dom = &dump.stdout;
    let loaded = load::load_path(Path::new("models/1177"), &Reference::builtin()).expect("models/1177 is valid");
    let ids: Vec<String> = loaded
        .model
        .parties
        .keys()
        .map(|id| id.as_str().to_owned())
        .chain(loaded.model.activities.keys().map(|id| id.as_str().to_owned()))
        .chain(loaded.model.systems.keys().map(|id| id.as_str().to_owned()))
        .collect();
    // Every heading and every column head of the matrix, as text.
    let mut heads = Vec::new();
    for tag in ["h1", "h2", "h3", "h4", "th"] {
        let open = format!("<{tag}");
        let close = format!("</{tag}>");
        let mut rest = dom.as_str();
        while let Some(at) = rest.find(&open) {
            let after = &rest[at + open.len()..];
            if !after.starts_with([' ', '>']) {
                rest = after;
                continue;
            }
            let end = after.find(&close).unwrap_or(after.len());
            heads.push(strip_tags(&after[..end]));
            rest = &after[end..];
        }
    }
    assert!(heads.len() > 40, "{tag}: found only {} headings", heads.len());
    for head in &heads {
        assert!(!ids.iter().any(|id| head.trim() == id), "{tag}: a heading or matrix head is an id alone: {head:?}");
    }
    let matrix = dom.find("id=\"role-matrix\"").expect("the matrix");
    let thead = &dom[matrix..matrix + dom[matrix..].find("</thead>").expect("its head")];
    for activity in loaded.model.activities.values() {
        assert!(
            thead.contains(&format!(">{}</a>", activity.name)),
            "{tag}: the matrix does not head a column {:?}",
            activity.name
        );
    }
}

/// The text of an HTML fragment: tags dropped, the entities askama writes
/// decoded.
fn strip_tags(fragment: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in fragment.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            _ if !inside => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"")
}

/// How long chromium may take to load and lay out the overview of a regional
/// model, or one party's page: generous for a loaded CI machine, yet far
/// below the never of the whole report of a big model (issue 15).
const RENDER_LIMIT: Duration = Duration::from_secs(60);

#[test]
fn the_overview_of_a_regional_model_and_one_split_page_render_in_time() {
    let Some(binary) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("model");
    std::fs::create_dir(&model).unwrap();
    synth::generate(&synth::REGIONAL, 1, &model).unwrap();
    let reference = Reference::builtin();
    let loaded = load::load_path(&model, &reference).expect("the regional model is valid");
    let analysis = ansvar::Analysis::new(&loaded.model, &reference, synth::AS_OF.parse().unwrap());
    let input = view::Input::new("regional", &analysis, &loaded.sources, &reference, ansvar::render::Lang::En);
    use ansvar::report::outline::{Links, Mode, Outline, Size, Split};
    let size = Size::of(&input);
    assert!(Mode::Auto.overview(size), "the regional model is large: {size:?}");
    let page = dir.path().join("overview.html");
    let mut html = Vec::new();
    Outline::build(&input, size, false, Links::Rows).write_html(&mut html).unwrap();
    std::fs::write(&page, &html).unwrap();

    // One party's page of the split, with the stylesheet it links.
    let split = Split::build(&input, size, "html");
    let site = dir.path().join("site");
    std::fs::create_dir_all(site.join("parties")).unwrap();
    std::fs::write(site.join("style.css"), ansvar::report::outline::STYLE).unwrap();
    let party = split.parties().iter().find(|p| p.as_str().starts_with("r-")).copied().expect("a region");
    let one = split.page(party);
    let party_page = site.join("parties").join(format!("{}.html", one.stem));
    std::fs::write(&party_page, split.page_html(&one).unwrap()).unwrap();

    let profile = tempfile::tempdir().unwrap();
    for (path, must_show) in [(&page, "id=\"parties\""), (&party_page, "../index.html")] {
        let started = Instant::now();
        let dump = run_chromium(
            &binary,
            profile.path(),
            &["--dump-dom".to_owned(), "--enable-logging=stderr".to_owned(), "--v=0".to_owned()],
            path,
        );
        let took = started.elapsed();
        assert!(dump.success, "chromium --dump-dom of {} failed: {}", path.display(), dump.stderr);
        assert!(console_errors(&dump.stderr).is_empty(), "console errors: {:?}", console_errors(&dump.stderr));
        assert!(took < RENDER_LIMIT, "{} took {took:?} to render", path.display());
        assert!(dump.stdout.contains(must_show), "{} did not render its content", path.display());
        assert!(!dump.stdout.contains("<script"), "the page has a script");
    }
    let rows = std::fs::read_to_string(&page).unwrap().matches("<tr id=\"party-").count();
    assert_eq!(rows, size.parties, "one row per party with a role or a finding");
    assert!(html.len() < 2_000_000, "the overview of a region is {} bytes", html.len());
}

/// Review C1–C5 and C9 in a browser: the report and the SVG diagram of
/// `tests/fixtures/injection` (script, style, attribute, `javascript:` and
/// template payloads in every free-text field) open in chromium without the
/// page obeying any of them: the title the payloads try to set is unchanged,
/// and the DOM chromium built has no script or img element. The payloads are
/// there as text.
#[test]
fn the_injection_payloads_stay_text_in_chromium() {
    let Some(binary) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let pages = [("report.html", ["report", "--format", "html"]), ("graph.svg", ["graph", "--format", "svg"])];
    for (name, args) in pages {
        let page = dir.path().join(name);
        let status = Command::new(env!("CARGO_BIN_EXE_ansvar"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(args)
            .args(["tests/fixtures/injection", "--as-of", "2025-06-01", "-o"])
            .arg(&page)
            .status()
            .unwrap();
        assert!(status.success(), "{name}");
        let profile = tempfile::tempdir().unwrap();
        let dump = run_chromium(
            &binary,
            profile.path(),
            &["--dump-dom".to_owned(), "--virtual-time-budget=5000".to_owned()],
            &page,
        );
        let dom = dump.stdout.to_ascii_lowercase();
        assert!(dump.success, "chromium --dump-dom failed on {name}: {}", dump.stderr);
        if name.ends_with(".html") {
            // The SVG's <title> elements are tooltips holding names; the page's is its first.
            let title = dom.split("<title>").nth(1).and_then(|rest| rest.split("</title>").next()).unwrap_or("");
            assert!(!title.contains("pwned"), "{name}: the page's title was set by the model: {title}");
        }
        assert!(!dom.contains("<script") && !dom.contains("<img"), "{name}: an element from the model");
        assert!(dom.contains("pwned"), "{name}: the payloads are missing from the page");
    }
}
