//! The report, graph and record outputs of `models/1177` as of 2019-02-18,
//! snapshotted; their determinism; and escaping of hostile names.
//!
//! Tests run from the crate root, so paths (and the locations in the output)
//! are relative: `models/1177/systems.yaml:63:21`.

#[path = "support/markdown.rs"]
mod markdown;
#[path = "../benches/support/synth.rs"]
mod synth;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use ansvar::load::{self, Loaded};
use ansvar::reference::Reference;
use ansvar::report::{diagram, json, ropa, svg, templates, view};

const AS_OF: &str = "2019-02-18";

/// Every output for one loaded model.
struct Outputs {
    html: String,
    markdown: String,
    json: String,
    dot: String,
    mermaid: String,
    svg: String,
    csv: String,
}

fn render(name: &str, loaded: &Loaded, as_of: &str) -> Outputs {
    render_in(name, loaded, as_of, ansvar::render::Lang::En)
}

/// Every output for one loaded model, in `lang`.
fn render_in(name: &str, loaded: &Loaded, as_of: &str, lang: ansvar::render::Lang) -> Outputs {
    let reference = Reference::builtin();
    let date: jiff::civil::Date = as_of.parse().unwrap();
    let analysis = ansvar::Analysis::new(&loaded.model, &reference, date);
    // The memo's particulars pinned, as `--date` and the names pin them: the
    // snapshot must not change with the day or the repository's commit.
    let memo = ansvar::memo::Memo {
        produced: "2019-03-01".parse().unwrap(),
        revision: Some(ansvar::memo::Revision {
            commit: "0123456789abcdef0123456789abcdef01234567".into(),
            dirty: false,
        }),
        author: Some("Anna Author, DPO".into()),
        reviewer: None,
    };
    let input = view::Input::new(name, &analysis, &loaded.sources, &reference, lang).with_memo(Some(&memo));
    let built = view::View::build(&input);
    let graph = diagram::Diagram::build(&input);
    Outputs {
        html: templates::html(&built).unwrap(),
        markdown: templates::markdown(&built).unwrap(),
        json: json::report_to_string(&json::ReportDocument::new(&built, &analysis, &loaded.sources)),
        dot: diagram::dot(&graph),
        mermaid: diagram::mermaid(&graph),
        svg: svg::render(&graph),
        csv: ropa::to_csv(&ropa::build(&input)),
    }
}

fn load(path: &str) -> Loaded {
    match load::load_path(Path::new(path), &Reference::builtin()) {
        Ok(loaded) => loaded,
        Err(invalid) => panic!("{path} is invalid: {:?}", invalid.diagnostics),
    }
}

fn model_texts(dir: &str) -> Vec<(PathBuf, String)> {
    let mut texts: Vec<(PathBuf, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            (path, text)
        })
        .collect();
    texts.sort();
    texts
}

#[test]
fn markdown_report_of_1177() {
    let out = render("models/1177", &load("models/1177"), AS_OF);
    insta::assert_snapshot!("report_1177.md", out.markdown);
}

/// The JSON report is written compact; the snapshot indents it as
/// `serde_json`'s pretty printer would, so it stays readable and shows that
/// compact writing changed no content and no order.
#[test]
fn json_report_of_1177() {
    let out = render("models/1177", &load("models/1177"), AS_OF);
    assert_eq!(out.json.lines().count(), 1, "one line of compact JSON");
    insta::assert_snapshot!("report_1177.json", indented(&out.json));
}

/// Compact JSON laid out as `serde_json::to_string_pretty` lays it out: two
/// spaces per level, `": "` after keys, `[]` and `{}` when empty.
fn indented(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let (mut in_string, mut escaped) = (false, false);
    let mut chars = compact.trim_end().chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.push_str(&"  ".repeat(depth));
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                if chars.peek().is_some_and(|next| matches!(next, '}' | ']')) {
                    out.extend(chars.next());
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth -= 1;
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out.push('\n');
    out
}

/// The big parts are drawn up and serialised a batch at a time on every core;
/// the bytes are those of serialising each part whole, in order.
#[test]
fn pre_rendered_parts_of_the_json_report_are_the_parts_serialised_whole() {
    // The small synthetic model: every kind of sheet, path and record.
    let dir = tempfile::tempdir().unwrap();
    synth::generate(&synth::SMALL, 1, dir.path()).unwrap();
    let loaded = load(dir.path().to_str().unwrap());
    let reference = Reference::builtin();
    let analysis = ansvar::Analysis::new(&loaded.model, &reference, synth::AS_OF.parse().unwrap());
    let input = view::Input::new("small", &analysis, &loaded.sources, &reference, ansvar::render::Lang::En);
    let built = view::View::build(&input);
    let report = json::report_to_string(&json::ReportDocument::new(&built, &analysis, &loaded.sources));
    let sheets: Vec<_> = built.sheets().collect();
    let notifications: Vec<_> = built.notifications().collect();
    let records = ropa::build(&input);
    assert!(!sheets.is_empty() && !notifications.is_empty() && !records.controller.is_empty());
    for (field, whole) in [
        ("duty_sheets", serde_json::to_string(&sheets).unwrap()),
        ("breach_notification", serde_json::to_string(&notifications).unwrap()),
        ("records", serde_json::to_string(&records).unwrap()),
    ] {
        let part = format!("\"{field}\":{whole},");
        assert!(report.contains(&part), "{field} differs from the part serialised whole");
    }
}

#[test]
fn dot_graph_of_1177() {
    let out = render("models/1177", &load("models/1177"), AS_OF);
    insta::assert_snapshot!("graph_1177.dot", out.dot);
}

#[test]
fn records_of_processing_of_1177_as_csv() {
    let out = render("models/1177", &load("models/1177"), AS_OF);
    insta::assert_snapshot!("ropa_1177.csv", out.csv);
}

/// The report reproduces IMY's outcome where the reader looks first.
#[test]
fn the_1177_report_puts_imys_outcome_first() {
    let out = render("models/1177", &load("models/1177"), AS_OF);
    let md = &out.markdown;
    // Medhelp and Voice Integrate, the two parties IMY held responsible for the
    // leak, head "what needs action first".
    let first = &md[md.find("### What needs action first").unwrap()..md.find("## 2. The chain").unwrap()];
    assert!(first.contains("1. **Critical** · **MedHelp AB**"), "{first}");
    assert!(first.contains("2. **Critical** · **Voice Integrate Nordic AB**"), "{first}");
    // Inera is a processor of the regions only, and has no role in Medhelp's advice.
    let row = md.lines().find(|l| l.starts_with("| Inera AB |")).unwrap();
    assert_eq!(row, "| Inera AB | P | · | · | P | P | P | P | P | P |");
    // The NAS leak: special categories unencrypted at rest, so callers must be told.
    assert!(md.contains("MedHelp AB: very likely required (special-category data, unencrypted): assess the risk"));
    // Medicall must act on nothing itself, but the care given from Thailand is
    // about its processing: its sheet says so rather than "no findings".
    let sheet = &md[md.find("### Medicall Co Ltd").unwrap()..];
    let line = sheet.lines().find(|l| l.starts_with("No findings against this party.")).unwrap();
    assert!(line.contains("about its processing, for which MedHelp AB must act"), "{line}");
    // Not reached by the GDPR (Art. 3): its duties bind it by contract only,
    // and it keeps no Art. 30(2) record.
    assert!(sheet[..sheet[1..].find("\n### ").unwrap_or(sheet.len())].contains("(by contract only)"));
    assert!(md.contains("No Art. 30(2) record for Medicall Co Ltd"));
}

#[test]
fn the_json_report_embeds_the_roles_and_check_documents() {
    let loaded = load("models/1177");
    let out = render("models/1177", &loaded, AS_OF);
    let report: serde_json::Value = serde_json::from_str(&out.json).unwrap();
    // The report has its own version; the documents it embeds keep theirs.
    assert_eq!(report["schema_version"], ansvar::report::REPORT_SCHEMA_VERSION);
    assert_eq!(report["schema_version"], 2);
    assert_eq!(report["roles"]["schema_version"], ansvar::report::SCHEMA_VERSION);
    assert_eq!(report["kind"], "ansvar-report");
    let reference = Reference::builtin();
    let analysis = ansvar::Analysis::new(&loaded.model, &reference, AS_OF.parse().unwrap());
    let roles = json::to_string(&json::RolesDocument::new(&analysis.roles, &loaded.sources, |_, _| true));
    let check = json::to_string(&json::CheckDocument::new(&analysis.findings, analysis.as_of, &loaded.sources));
    assert_eq!(report["roles"], serde_json::from_str::<serde_json::Value>(&roles).unwrap());
    assert_eq!(report["check"], serde_json::from_str::<serde_json::Value>(&check).unwrap());
}

/// Same model, same bytes: rendered twice, and loaded from texts given in
/// another order.
#[test]
fn output_is_deterministic() {
    let first = render("models/1177", &load("models/1177"), AS_OF);
    let again = render("models/1177", &load("models/1177"), AS_OF);
    let mut texts = model_texts("models/1177");
    texts.reverse();
    let shuffled = load::load_texts(texts, &Reference::builtin()).unwrap();
    let reordered = render("models/1177", &shuffled, AS_OF);
    for other in [&again, &reordered] {
        assert!(first.html == other.html, "HTML differs");
        assert!(first.markdown == other.markdown, "Markdown differs");
        assert!(first.json == other.json, "JSON differs");
        assert!(first.dot == other.dot, "DOT differs");
        assert!(first.mermaid == other.mermaid, "Mermaid differs");
        assert!(first.svg == other.svg, "SVG differs");
        assert!(first.csv == other.csv, "CSV differs");
    }
}

/// The HTML is one self-contained file: no scripts, nothing fetched.
#[test]
fn the_html_report_is_self_contained() {
    let html = render("models/1177", &load("models/1177"), AS_OF).html;
    assert!(!html.contains("<script"), "no scripts");
    assert!(!html.contains(" src="), "no external resources");
    assert!(!html.contains("@import"), "no fetched CSS");
    assert!(html.matches("url(").count() == html.matches("url(#").count(), "only internal url() references");
    for (index, _) in html.match_indices("href=\"") {
        let target = &html[index + 6..];
        assert!(target.starts_with('#'), "only internal links: {}", &target[..target.len().min(60)]);
    }
    let without_namespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assert!(!without_namespace.contains("http://") && !without_namespace.contains("https://"));
    assert!(html.contains("@page { size: A4"));
    assert!(html.contains("id=\"role-matrix\"") && html.contains("<svg"));
}

#[test]
fn hostile_names_render_as_text_in_html() {
    let out = render("tests/fixtures/hostile-names", &load("tests/fixtures/hostile-names"), "2024-01-01");
    let html = &out.html;
    assert!(!html.contains("<script"), "a party name became a script element");
    assert!(!html.contains("<img") && !html.contains("<b>") && !html.contains("<i>"));
    assert!(!html.contains("<svg onload"), "an activity name became markup");
    assert!(html.contains("&#60;script&#62;alert(1)&#60;/script&#62;"), "the name is shown, escaped");
    assert!(html.contains("Pipe | Star * Co"));
    // Inside our own SVG, names are escaped too.
    assert!(out.svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!out.svg.contains("<script") && !out.svg.contains("<b>"));
}

#[test]
fn hostile_names_keep_markdown_tables_intact() {
    let md = render("tests/fixtures/hostile-names", &load("tests/fixtures/hostile-names"), "2024-01-01").markdown;
    // Every `<` from the model is backslash-escaped, so none starts an HTML tag.
    for (index, _) in md.match_indices('<') {
        let escaped = md[..index].ends_with('\\');
        let ours = md[index..].starts_with("<br>") || md[index..].starts_with("<br/>");
        assert!(escaped || ours, "raw HTML in Markdown: {}", &md[index..md.len().min(index + 30)]);
    }
    assert!(md.contains("Pipe \\| Star \\* Co"));
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"));
    // Every table keeps one cell count from its header to its last row.
    assert_eq!(markdown::broken_table_row(&md), None, "table row broken");
    let matrix_row = md.lines().find(|l| l.starts_with("| Pipe")).unwrap();
    assert_eq!(matrix_row, "| Pipe \\| Star \\* Co | P |");
    // The Mermaid block cannot be closed by a name holding backticks.
    let mermaid = &md[md.find("```mermaid").unwrap() + 10..];
    let end = mermaid.find("```").unwrap();
    assert!(mermaid[..end].contains("Store #38; #34;quoted#34;"), "{}", &mermaid[..end]);
}

#[test]
fn hostile_names_cannot_break_dot_or_mermaid() {
    let out = render("tests/fixtures/hostile-names", &load("tests/fixtures/hostile-names"), "2024-01-01");
    assert!(out.dot.contains(r#"label="Quote \" Backslash \\ & <b>Ampersand</b>\nsubcontractor · TH""#), "{}", out.dot);
    for line in out.dot.lines().filter(|l| l.contains("[label=")) {
        // Outside escapes, quotes pair up on every line.
        let unescaped = line.replace("\\\\", "").replace("\\\"", "");
        assert_eq!(unescaped.matches('"').count() % 2, 0, "{line}");
    }
    assert!(!out.mermaid.contains('<') || !out.mermaid.replace("<br/>", "").contains('<'));
    assert!(!out.mermaid.contains("```"));
}

#[test]
fn csv_quotes_names_with_commas_quotes_and_line_breaks() {
    let csv = render("tests/fixtures/hostile-names", &load("tests/fixtures/hostile-names"), "2024-01-01").csv;
    assert!(csv.starts_with("record,party_id,party,"));
    assert!(csv.contains("\"Quote \"\" Backslash \\ & <b>Ampersand</b>\""), "{csv}");
    // Header plus one 30(1) record (evil, care) and two 30(2) records.
    let rows = csv.split("\r\n").filter(|r| r.starts_with("Art. 30") || r.starts_with("record")).count();
    assert_eq!(rows, 4, "{csv}");
}

#[test]
fn accepted_risks_show_what_they_cover_and_whether_they_expired() {
    let out = render("tests/fixtures/hostile-names", &load("tests/fixtures/hostile-names"), "2024-01-01");
    let report: serde_json::Value = serde_json::from_str(&out.json).unwrap();
    let risks = report["accepted_risks"].as_array().unwrap();
    assert_eq!(risks.len(), 2);
    assert_eq!(risks[0]["rule"], "subjects-not-informed");
    assert_eq!(risks[0]["expired"], false);
    assert_eq!(risks[0]["covers"].as_array().unwrap().len(), 1);
    assert_eq!(risks[1]["expired"], true);
    assert!(risks[1]["covers"].as_array().unwrap().is_empty());
    // An accepted finding stays in the report, marked, with who accepted it and why.
    assert!(out.html.contains("<span class=\"chip accepted\">Accepted</span>"));
    assert!(out.html.contains("Notice &#60;b&#62;pending&#60;/b&#62; | review *soon*"));
    assert!(out.markdown.contains("| 2023-06-30 **(expired)** | nothing |"));
    assert!(out.markdown.contains("1 finding is covered by an accepted risk."));
}

/// The 1177 model is narrow enough for the grid: HTML and Markdown draw one
/// cell per party and activity, while the JSON lists only the cells with a role.
#[test]
fn a_narrow_model_gets_the_grid_and_a_sparse_json_matrix() {
    let loaded = load("models/1177");
    let reference = Reference::builtin();
    let analysis = ansvar::Analysis::new(&loaded.model, &reference, AS_OF.parse().unwrap());
    let input = view::Input::new("models/1177", &analysis, &loaded.sources, &reference, ansvar::render::Lang::En);
    let built = view::View::build(&input);
    assert!(loaded.model.activities.len() <= view::MATRIX_MAX_ACTIVITIES);
    let grid = built.matrix.grid.as_ref().expect("a grid at or below the limit");
    assert_eq!(grid.len(), built.matrix.rows.len());
    for (full, sparse) in grid.iter().zip(&built.matrix.rows) {
        assert_eq!(full.party, sparse.party);
        assert_eq!(full.cells.len(), built.matrix.columns.len());
        let held: Vec<&str> = full.cells.iter().filter(|c| !c.roles.is_empty()).map(|c| c.activity.as_str()).collect();
        let listed: Vec<&str> = sparse.cells.iter().map(|c| c.activity.as_str()).collect();
        assert_eq!(held, listed, "{}", sparse.party.id);
    }
    assert!(built.matrix.instead.is_empty());
    let json: serde_json::Value =
        serde_json::from_str(&json::report_to_string(&json::ReportDocument::new(&built, &analysis, &loaded.sources)))
            .unwrap();
    let inera = json["matrix"]["rows"].as_array().unwrap().iter().find(|r| r["party"]["id"] == "inera").unwrap();
    let cells = inera["cells"].as_array().unwrap();
    // Inera is processor in 7 of the 9 activities (see the Markdown row above).
    assert_eq!(cells.len(), 7);
    assert!(cells.iter().all(|c| c["activity"].is_string() && c["ended"].is_boolean() && c["roles"][0]["code"] == "P"));
}

/// Guards against the report growing with parties × activities again: on a
/// model wider than the grid's limit (the small synthetic model, 300-odd
/// activities), the JSON matrix holds exactly one cell per (party, activity)
/// pair with a role, and neither HTML nor Markdown draws the grid.
#[test]
fn a_wide_model_gets_no_grid_and_one_json_cell_per_role_pair() {
    let dir = tempfile::tempdir().unwrap();
    synth::generate(&synth::SMALL, 1, dir.path()).unwrap();
    let loaded = load(dir.path().to_str().unwrap());
    let activities = loaded.model.activities.len();
    assert!(activities > view::MATRIX_MAX_ACTIVITIES, "{activities} activities");
    let out = render("small", &loaded, synth::AS_OF);
    let reference = Reference::builtin();
    let analysis = ansvar::Analysis::new(&loaded.model, &reference, synth::AS_OF.parse().unwrap());
    let pairs: BTreeSet<(&str, &str)> =
        analysis.roles.assignments().iter().map(|a| (a.party.as_str(), a.activity.as_str())).collect();

    let report: serde_json::Value = serde_json::from_str(&out.json).unwrap();
    let matrix = &report["matrix"];
    assert_eq!(matrix["columns"].as_array().unwrap().len(), activities);
    let mut cells = BTreeSet::new();
    let mut count = 0;
    for row in matrix["rows"].as_array().unwrap() {
        let party = row["party"]["id"].as_str().unwrap();
        for cell in row["cells"].as_array().unwrap() {
            assert!(!cell["roles"].as_array().unwrap().is_empty(), "an empty cell for {party}");
            cells.insert((party, cell["activity"].as_str().unwrap()));
            count += 1;
        }
    }
    assert_eq!(count, pairs.len(), "one cell per (party, activity) pair with a role");
    assert_eq!(cells, pairs);

    let sentence = format!("The model has {activities} processing activities, too many for a grid");
    assert!(!out.html.contains("id=\"role-matrix\""), "the HTML draws the grid");
    assert!(out.html.contains(&sentence));
    assert!(!out.markdown.lines().any(|l| l.starts_with("| Party |")), "the Markdown draws the grid");
    assert!(out.markdown.contains(&sentence));
    // The roles part holds no table cell at all: each activity is described once.
    let html = &out.html;
    let part = &html[html.find("id=\"roles\"").unwrap()..html.find("id=\"duties\"").unwrap()];
    assert!(!part.contains("<td class=\"ended\"") && !part.contains("<span class=\"none\">"), "grid cells in HTML");
}

/// The 1177 model with the controller's risk assessment `risk` recorded on its
/// breach, rendered as Markdown.
fn markdown_with_breach_risk(risk: &str) -> String {
    let texts: Vec<(PathBuf, String)> = model_texts("models/1177")
        .into_iter()
        .map(|(path, text)| {
            let text = text.replacen(
                "    discovered: 2019-02-18\n",
                &format!("    discovered: 2019-02-18\n    risk: {risk}\n"),
                1,
            );
            (path, text)
        })
        .collect();
    let loaded = match load::load_texts(texts, &Reference::builtin()) {
        Ok(loaded) => loaded,
        Err(invalid) => panic!("invalid: {:?}", invalid.diagnostics),
    };
    render("models/1177", &loaded, AS_OF).markdown
}

#[test]
fn a_recorded_breach_says_what_the_controllers_risk_assessment_required() {
    let high = markdown_with_breach_risk("high");
    assert!(high.contains("The controller assessed the risk as high: the supervisory authority had to be notified (Art. 33(1)) and the data subjects told (Art. 34(1)), unless an exemption of Art. 34(3) applies"), "{high}");
    let unlikely = markdown_with_breach_risk("unlikely");
    assert!(unlikely.contains("unlikely to result in a risk: no notification was required (Art. 33(1), Art. 34(1)); it must still be documented (Art. 33(5))"), "{unlikely}");
    let likely = markdown_with_breach_risk("likely");
    assert!(likely.contains("telling the data subjects was not required (Art. 34(1))"), "{likely}");
    for text in [&high, &unlikely, &likely] {
        assert!(!text.contains("risk assessment is not recorded"));
    }
}

#[test]
fn an_adequacy_decision_that_leaves_the_importer_out_is_not_reported_as_its_ground() {
    let dir = "tests/fixtures/rules/transfer-adequacy-scope/fires";
    let public: Vec<(PathBuf, String)> = model_texts(dir)
        .into_iter()
        .map(|(path, text)| (path, text.replacen("country: JP }", "country: JP, public_body: true }", 1)))
        .collect();
    let loaded = match load::load_texts(public, &Reference::builtin()) {
        Ok(loaded) => loaded,
        Err(invalid) => panic!("invalid: {:?}", invalid.diagnostics),
    };
    let out = render(dir, &loaded, "2024-06-01");
    assert!(out.markdown.contains("does not cover this importer"), "{}", out.markdown);
    assert!(!out.markdown.contains("adequacy decision: "), "{}", out.markdown);
    // The business operator of the fixture as written: the decision is its ground.
    let private = render(dir, &load(dir), "2024-06-01");
    assert!(!private.markdown.contains("does not cover this importer"));
    assert!(private.markdown.contains("adequacy decision: "), "{}", private.markdown);
}

#[test]
fn a_controller_the_gdpr_does_not_reach_has_no_controller_duties_on_its_sheet() {
    let dir = "tests/fixtures/rules/dpia-not-carried-out/passes-controller-not-reached";
    let out = render(dir, &load(dir), "2024-06-01");
    let md = &out.markdown;
    assert!(md.contains("**Outside the GDPR as controller.** The GDPR does not bind it"), "{md}");
    // Neither a controller duty nor a record of its own; its processor keeps both.
    for duty in ["**Accountability", "**Data protection impact assessment", "**Information to data subjects"] {
        assert_eq!(md.matches(duty).count(), 0, "{duty} in {md}");
    }
    assert!(md.contains("**Processing on instructions"), "{md}");
    let sv = render_in(dir, &load(dir), "2024-06-01", ansvar::render::Lang::Sv).markdown;
    assert!(sv.contains("**Utanför dataskyddsförordningen som personuppgiftsansvarig.**"), "{sv}");
}

/// The plain (argument-free) texts of the English `report.ftl` that Swedish
/// words differently: none of them may show in a Swedish report. Short ones
/// (`care provider`) are left out: the model's own English text may say them.
fn english_report_texts() -> Vec<String> {
    let at = ansvar::render::FILES.iter().position(|f| *f == "report.ftl").expect("report.ftl");
    let en_report = ansvar::render::sources(ansvar::render::Lang::En)[at];
    let sv_report = ansvar::render::sources(ansvar::render::Lang::Sv)[at];
    let plain = |source: &str| -> Vec<(String, String)> {
        source
            .lines()
            .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
            .filter_map(|l| l.split_once(" = "))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect()
    };
    let swedish = plain(sv_report);
    plain(en_report)
        .into_iter()
        .filter(|(key, text)| {
            text.len() >= 24 && !text.contains('{') && swedish.iter().all(|(k, t)| k != key || t != text)
        })
        .map(|(_, text)| text)
        .collect()
}

/// The Swedish report of `models/1177`, HTML and Markdown (`--lang sv`), with
/// the memo pinned as for the English one.
#[test]
fn the_report_of_1177_in_swedish() {
    let out = render_in("models/1177", &load("models/1177"), AS_OF, ansvar::render::Lang::Sv);
    assert!(out.html.contains("<html lang=\"sv\">"));
    let english = english_report_texts();
    assert!(english.len() > 100, "only {} English texts to look for", english.len());
    for (format, text) in [("html", &out.html), ("md", &out.markdown)] {
        for swedish in
            ["Ansvarsblad", "Register över behandling (artikel 30)", "personuppgiftsbiträde", "Underskrifter"]
        {
            assert!(text.contains(swedish), "{format}: no `{swedish}`");
        }
        for sentence in &english {
            assert!(!text.contains(sentence.as_str()), "{format}: English `{sentence}` in the Swedish report");
        }
    }
    insta::assert_snapshot!("report_1177_sv.md", out.markdown);
    insta::assert_snapshot!("report_1177_sv.html", out.html);
    // The drawing's key of activities is titled in the run's language too.
    assert!(out.dot.contains("label=\"Behandlingar\\l"), "the DOT key is not in Swedish");
    assert!(!out.dot.contains("Activities"), "English in the Swedish DOT drawing");
    // Regimes and countries are named in Swedish where the reference data or
    // the country table gives the Swedish name.
    for swedish in ["patientdatalagen (2008:355)", "Sverige (SE)"] {
        assert!(out.html.contains(swedish), "no `{swedish}` in the Swedish report");
    }
    assert!(!out.html.contains("Swedish Patient Data Act"), "the English name of a regime in the Swedish report");
}
