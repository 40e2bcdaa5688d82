//! Review part C (injection): model text is data in every output format.
//!
//! `tests/fixtures/injection` puts the review's payloads in every free-text
//! field a model has; each test runs the real binary on it and checks one
//! format family. `tests/browser.rs` opens the same HTML and SVG in chromium.
//! `docs/security.md` lists the classes with these tests.

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;

#[path = "support/markdown.rs"]
mod markdown;

const MODEL: &str = "tests/fixtures/injection";

/// Runs `ansvar ARGS` from the repository root; the run must not be a usage or
/// model error (exit 0 or 1, with findings).
fn run(args: &[&str]) -> String {
    let output: Output = Command::cargo_bin("ansvar")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .args(["--as-of", "2025-06-01"])
        .output()
        .unwrap();
    assert!(matches!(output.status.code(), Some(0 | 1)), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// The tags of an HTML or SVG document: what follows each `<` up to its `>`.
/// Model text never holds a raw `<` in these formats, so each is a real tag.
fn tags(document: &str) -> Vec<&str> {
    document.split('<').skip(1).map(|rest| rest.split('>').next().unwrap_or(rest)).collect()
}

/// The element name and the attributes (name, value) of a tag, reading
/// quoted values as the browser does: what is inside quotes is a value.
fn attributes(tag: &str) -> (String, Vec<(String, String)>) {
    let mut chars = tag.chars().peekable();
    let name: String = chars.by_ref().take_while(|c| !c.is_whitespace()).collect();
    let mut found = Vec::new();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace() || *c == '/') {
            chars.next();
        }
        let key: String = std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace() && *c != '=')).collect();
        if key.is_empty() {
            break;
        }
        let mut value = String::new();
        if chars.next_if_eq(&'=').is_some() {
            match chars.next_if(|c| *c == '"' || *c == '\'') {
                Some(quote) => value = chars.by_ref().take_while(|c| *c != quote).collect(),
                None => value = std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace())).collect(),
            }
        }
        found.push((key, value));
    }
    (name, found)
}

/// C1–C5 on one HTML or SVG document: no element, attribute or URL from the
/// model, and template syntax left as text.
#[track_caller]
fn assert_markup_is_inert(what: &str, document: &str) {
    let lower = document.to_ascii_lowercase();
    // C1, C2: no script element, and a style element only where ansvar puts one.
    assert!(!lower.contains("<script"), "{what}: a script element");
    assert_eq!(lower.matches("</style").count(), lower.matches("<style").count(), "{what}: a style closed early");
    for tag in tags(&lower) {
        let (name, attributes) = attributes(tag);
        // C3: no element made by the model, and no event handler anywhere.
        let name = name.trim_start_matches('/');
        assert!(!matches!(name, "img" | "b" | "i" | "script" | "iframe"), "{what}: element <{tag}>");
        for (key, value) in attributes {
            assert!(!key.starts_with("on"), "{what}: an event handler in <{tag}>");
            // C4: no URL from the model.
            let url = matches!(key.as_str(), "href" | "src" | "xlink:href" | "action" | "formaction");
            assert!(!(url && value.trim_start().starts_with("javascript:")), "{what}: a javascript: URL in <{tag}>");
        }
    }
    // C5: the template syntax is printed, not evaluated.
    assert!(document.contains("{{ 7*7 }}") && document.contains("${7*7}"), "{what}: template syntax lost");
}

#[test]
fn c1_to_c5_html_report_and_svg_carry_the_payloads_as_text() {
    let html = run(&["report", MODEL, "--format", "html"]);
    assert_markup_is_inert("report html", &html);
    // The payloads are there, escaped: the test would pass on an empty report otherwise.
    assert!(html.contains("&#60;script&#62;document.title=&#39;PWNED&#39;&#60;/script&#62;"), "C1 text missing");
    assert!(html.contains("&#60;/style&#62;&#60;script&#62;"), "C2 text missing");
    assert!(html.contains("&#34;&#62;&#60;img src=x onerror="), "C3 (\") text missing");
    assert!(html.contains("&#39;&#62;&#60;img src=x onerror="), "C3 (') text missing");
    assert!(html.contains("javascript:document.title="), "C4 text missing");
    let svg = run(&["graph", MODEL, "--format", "svg"]);
    assert_markup_is_inert("graph svg", &svg);
    assert!(svg.contains("&lt;script&gt;") || svg.contains("&#60;script&#62;"), "C9 text missing:\n{svg}");
}

/// C6, C16 on one Markdown document: no raw HTML, no link, no code span or
/// fence from the model, and every table keeps its header's cell count.
#[track_caller]
fn assert_markdown_is_inert(what: &str, md: &str) {
    for (index, _) in md.match_indices('<') {
        let escaped = md[..index].ends_with('\\');
        let ours = ["<br>", "<br/>", "<details", "</details", "<summary", "</summary"]
            .iter()
            .any(|tag| md[index..].starts_with(tag));
        assert!(escaped || ours, "{what}: raw HTML {:?}", &md[index..md.len().min(index + 30)]);
    }
    for (index, _) in md.match_indices("](javascript:") {
        assert!(
            md[..index].ends_with('\\'),
            "{what}: a link from the model: {}",
            &md[index.saturating_sub(40)..index + 20]
        );
    }
    assert!(!md.contains("**bold**"), "{what}: emphasis from the model");
    assert_eq!(markdown::broken_table_row(md), None, "{what}: table row broken");
    // C16: the model's newline did not end a row and start a line of its own.
    let split = md.lines().find(|line| line.starts_with("next"));
    assert_eq!(split, None, "{what}: a model newline split a line");
    assert_eq!(md.matches("```").count() % 2, 0, "{what}: a code fence left open");
}

#[test]
fn c6_c16_markdown_report_ropa_and_diff_keep_their_structure() {
    let report = run(&["report", MODEL, "--format", "md"]);
    assert_markdown_is_inert("report md", &report);
    assert!(report.contains("\\<script\\>"), "the payload is missing from the report");
    let ropa = run(&["ropa", MODEL, "--format", "md"]);
    assert_markdown_is_inert("ropa md", &ropa);
    // The old side has the same entities with other texts, so that every
    // text is shown as changed.
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join(MODEL).join("model.yaml");
    let before = std::fs::read_to_string(fixture).unwrap().replace("PWNED", "before").replace("\\n", " ");
    std::fs::write(dir.path().join("old.yaml"), before).unwrap();
    let old = dir.path().join("old.yaml");
    let diff = run(&["diff", old.to_str().unwrap(), MODEL, "--format", "md"]);
    assert_markdown_is_inert("diff md", &diff);
    assert!(diff.contains("PWNED"), "the change is not shown:\n{diff}");
}

/// Splits RFC 4180 CSV into records of fields.
fn csv_records(csv: &str) -> Vec<Vec<String>> {
    let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, csv.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => record.push(std::mem::take(&mut field)),
            ('\r', false) if chars.peek() == Some(&'\n') => {}
            ('\n', false) => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            _ => field.push(c),
        }
    }
    records
}

#[test]
fn c16_csv_keeps_newlines_and_quotes_inside_their_cells() {
    let csv = run(&["ropa", MODEL, "--format", "csv"]);
    let records = csv_records(&csv);
    let width = records[0].len();
    assert!(records.len() > 1, "{csv}");
    for record in &records {
        assert_eq!(record.len(), width, "a record of another width: {record:?}");
    }
    assert!(records.iter().flatten().any(|cell| cell.contains("\nnext | line")), "the newline is not kept:\n{csv}");
}

/// Every string in a JSON value.
fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

#[test]
fn c11_json_and_sarif_parse_and_carry_the_text_exactly() {
    const EXACT: &str = "line\u{2028}sep\u{2029}para \"quoted\" </script><!-- \u{1}\t";
    let outputs = [
        ("check json", run(&["check", MODEL, "--format", "json"])),
        ("check sarif", run(&["check", MODEL, "--format", "sarif"])),
        ("roles json", run(&["roles", MODEL, "--format", "json"])),
        ("report json", run(&["report", MODEL, "--format", "json"])),
        ("ropa json", run(&["ropa", MODEL, "--format", "json"])),
    ];
    for (what, text) in outputs {
        let value: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{what} is not JSON: {e}"));
        // C0 controls (ESC among them) are never written raw, only as escapes;
        // JSON allows DEL and C1 raw, and they stay as they are.
        assert!(!text.chars().any(|c| c < ' ' && c != '\n'), "{what}: a raw control character");
        let mut all = Vec::new();
        strings(&value, &mut all);
        if what.starts_with("report") || what.starts_with("ropa") {
            assert!(all.iter().any(|s| s.contains(EXACT)), "{what}: the name is not carried exactly");
        }
    }
}

/// The fixture loads: a typo in it would make every test above pass on an
/// error message.
#[test]
fn the_injection_fixture_is_a_valid_model() {
    assert!(Path::new(env!("CARGO_MANIFEST_DIR")).join(MODEL).join("model.yaml").is_file());
    let json: serde_json::Value = serde_json::from_str(&run(&["check", MODEL, "--format", "json"])).unwrap();
    assert_ne!(json["valid"], false, "{json}");
}
