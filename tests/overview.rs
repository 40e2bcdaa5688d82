//! The overview of a large model and `report --split DIR` (issue 15): the
//! overview's layout (snapshots of a small fixture forced into it), the
//! automatic choice past the limits, and the split: an index and one page per
//! party linked both ways, the directory written whole or not at all, the same
//! bytes on every run.

#[path = "../benches/support/synth.rs"]
mod synth;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use ansvar::load;
use ansvar::reference::Reference;
use ansvar::report::outline::{Links, Outline, Size};
use ansvar::report::view::Input;
use assert_cmd::Command;

const TWO: &str = "tests/fixtures/scope/two-clinics";
const DATE: &str = "2024-06-01";

fn ansvar() -> Command {
    let mut command = assert_cmd::cargo::cargo_bin_cmd!("ansvar");
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("SOURCE_DATE_EPOCH", "1717200000")
        .env_remove("NO_COLOR")
        .env_remove("ANSVAR_TERMINAL_ROWS");
    command
}

/// The overview of the model at `path`, forced, without memo particulars (no
/// git revision, no date), as HTML and Markdown.
fn overview(path: &str, as_of: &str) -> (String, String) {
    let reference = Reference::builtin();
    let loaded = load::load_path(Path::new(path), &reference).expect("the fixture is valid");
    let analysis = ansvar::Analysis::new(&loaded.model, &reference, as_of.parse().unwrap());
    let input = Input::new(path, &analysis, &loaded.sources, &reference, ansvar::render::Lang::En);
    let outline = Outline::build(&input, Size::of(&input), true, Links::Rows);
    let (mut html, mut md) = (Vec::new(), Vec::new());
    outline.write_html(&mut html).unwrap();
    outline.write_markdown(&mut md).unwrap();
    (String::from_utf8(html).unwrap(), String::from_utf8(md).unwrap())
}

#[test]
fn the_overview_of_a_small_model_forced_into_it() {
    let (html, md) = overview(TWO, DATE);
    insta::assert_snapshot!("overview_two_clinics_md", md);
    insta::assert_snapshot!("overview_two_clinics_html", html);
    // One row per party with a role, linked from the findings to its row.
    for party in ["clinic-a", "hosting-a", "clinic-b", "hosting-b"] {
        assert!(html.contains(&format!("<tr id=\"party-{party}\">")), "no row for {party}");
    }
    assert!(html.contains("href=\"#party-clinic-b\""), "a finding links to its party's row");
    assert!(html.contains("<svg"), "four parties: the chain is drawn");
    assert!(!html.contains("<script"));
}

#[test]
fn the_overview_in_swedish_has_no_english_heading() {
    let reference = Reference::builtin();
    let loaded = load::load_path(Path::new(TWO), &reference).unwrap();
    let analysis = ansvar::Analysis::new(&loaded.model, &reference, DATE.parse().unwrap());
    let input = Input::new(TWO, &analysis, &loaded.sources, &reference, ansvar::render::Lang::Sv);
    let mut html = Vec::new();
    Outline::build(&input, Size::of(&input), true, Links::Rows).write_html(&mut html).unwrap();
    let html = String::from_utf8(html).unwrap();
    assert!(html.contains("<html lang=\"sv\">") && html.contains("De allvarligaste iakttagelserna"));
    // The drawing's own labels are the diagram's (src/report/diagram.rs), not the overview's.
    let (before, after) = html.split_once("<svg").unwrap();
    let html = format!("{before}{}", after.split_once("</svg>").unwrap().1);
    for english in ["The parties", "The most severe findings", "What to do", "open findings"] {
        let at = html.find(english).map(|at| &html[at.saturating_sub(200)..at + english.len()]);
        assert!(at.is_none(), "English left in the Swedish overview: {english} in {at:?}");
    }
}

/// The English role words and diagram words in the text of an HTML page (tags
/// and the stylesheet left out, so CSS classes such as `processor` do not
/// count; a rule code such as `processor-without-agreement` is one word).
fn english_words(html: &str) -> Vec<String> {
    const ENGLISH: [&str; 8] =
        ["controller", "controllers", "processor", "processors", "sub-processor", "engages", "uses", "between"];
    let mut text = String::new();
    let mut rest = html;
    if let Some((before, after)) = rest.split_once("<style>") {
        text.push_str(before);
        rest = after.split_once("</style>").map_or("", |(_, after)| after);
    }
    // Tags become spaces; a tooltip (`<title>`) is text and stays.
    let mut inside = false;
    for c in rest.chars() {
        match c {
            '<' => inside = true,
            '>' => {
                inside = false;
                text.push(' ');
            }
            c if !inside => text.push(c),
            _ => {}
        }
    }
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|word| ENGLISH.contains(word))
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_swedish_split_has_no_english_role_word_in_its_pages_or_its_drawing() {
    let temp = tempfile::tempdir().unwrap();
    let root = temp.path().join("sv");
    ansvar()
        .args(["report", TWO, "--as-of", DATE, "--lang", "sv", "--split"])
        .arg(&root)
        .assert()
        .success()
        .stderr(predicates::str::contains("en innehållsförteckning och 4 sidor, en per part"));
    let pages = files(&root.join("parties"));
    assert_eq!(pages.len(), 4);
    let index = std::fs::read_to_string(root.join("index.html")).unwrap();
    assert!(index.contains("<svg") && index.contains("<title>"), "four parties: the chain is drawn, with tooltips");
    for page in pages.iter().chain([&root.join("index.html")]) {
        let html = std::fs::read_to_string(page).unwrap();
        let english = english_words(&html);
        assert!(english.is_empty(), "English in the Swedish {}: {english:?}", page.display());
    }
    // The hosting companies act for the clinics: their pages name the role, in Swedish.
    let hosting = std::fs::read_to_string(root.join("parties/hosting-a.html")).unwrap();
    assert!(hosting.contains("<td>personuppgiftsbiträde</td>"), "no Swedish role word in the chain table");
    // The same pages in English do name the roles in English: the check above can fail.
    let english = temp.path().join("en");
    ansvar().args(["report", TWO, "--as-of", DATE, "--split"]).arg(&english).assert().success();
    let hosting = std::fs::read_to_string(english.join("parties/hosting-a.html")).unwrap();
    assert!(english_words(&hosting).contains(&"processor".to_owned()));
    let index = std::fs::read_to_string(english.join("index.html")).unwrap();
    assert!(english_words(&index).contains(&"engages".to_owned()));
}

#[test]
fn a_model_past_the_limits_gets_the_overview_unless_full_is_asked() {
    let dir = tempfile::tempdir().unwrap();
    // The small synthetic model has about 100 parties: the full report; forced
    // past the limit with a model of 400 units it is the overview.
    let size = synth::Size { name: "test", units: 130, regions: 1, municipalities: 4, units_per_file: 20 };
    synth::generate(&size, 7, dir.path()).unwrap();
    let model = dir.path().to_str().unwrap();
    let run = |extra: &[&str]| {
        let output = ansvar().args(["report", model, "--as-of", synth::AS_OF]).args(extra).assert().success();
        String::from_utf8(output.get_output().stdout.clone()).unwrap()
    };
    let auto = run(&[]);
    assert!(auto.contains("id=\"parties\"") && auto.contains("more than 300 parties"), "not the overview");
    assert!(!auto.contains("id=\"duties\""), "the overview holds no duty sheets");
    assert!(auto.contains("The chain is not drawn"), "hundreds of parties: no drawing");
    let full = run(&["--full"]);
    assert!(full.contains("id=\"duties\"") && !full.contains("id=\"parties\""));
    assert!(full.len() > 4 * auto.len(), "the overview is not smaller: {} vs {}", auto.len(), full.len());
    let md = run(&["--format", "md"]);
    assert!(md.contains("## The parties") && md.contains("| --- | --- | ---: |"));
}

/// Every `href` target of an HTML or Markdown file that is a relative file.
fn links(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (open, close) in [("href=\"", '"'), ("](", ')')] {
        for (at, _) in text.match_indices(open) {
            let rest = &text[at + open.len()..];
            let target = &rest[..rest.find(close).unwrap_or(rest.len())];
            let file = target.split('#').next().unwrap_or_default();
            if !file.is_empty() && !file.contains("://") {
                found.insert(file.to_owned());
            }
        }
    }
    found
}

/// Every `href="FILE#ID"` (or `href="#ID"`, FILE empty) of an HTML file, as
/// (FILE, ID).
fn anchors(html: &str) -> BTreeSet<(String, String)> {
    let mut found = BTreeSet::new();
    for (at, _) in html.match_indices("href=\"") {
        let rest = &html[at + "href=\"".len()..];
        let target = &rest[..rest.find('"').unwrap_or(rest.len())];
        if let Some((file, id)) = target.split_once('#') {
            found.insert((file.to_owned(), id.to_owned()));
        }
    }
    found
}

fn split(dir: &Path, extra: &[&str]) {
    ansvar()
        .args(["report", "models/1177", "--as-of", "2019-02-18", "--split"])
        .arg(dir)
        .args(extra)
        .assert()
        .success()
        .stderr(predicates::str::contains("9 party pages"));
}

fn files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() { stack.push(path) } else { out.push(path) }
        }
    }
    out.sort();
    out
}

#[test]
fn split_writes_an_index_and_one_page_per_party_linked_both_ways() {
    for (extension, extra) in [("html", &[][..]), ("md", &["--format", "md"][..])] {
        let temp = tempfile::tempdir().unwrap();
        let root = temp.path().join("out");
        split(&root, extra);
        let index = std::fs::read_to_string(root.join(format!("index.{extension}"))).unwrap();
        let pages: Vec<PathBuf> = files(&root.join("parties"));
        assert_eq!(pages.len(), 9, "one page per party with a role or a finding");
        let linked: BTreeSet<String> = links(&index).into_iter().filter(|l| l.starts_with("parties/")).collect();
        let written: BTreeSet<String> =
            pages.iter().map(|p| format!("parties/{}", p.file_name().unwrap().to_string_lossy())).collect();
        assert_eq!(linked, written, "the index links every page and no other");
        for page in &pages {
            let text = std::fs::read_to_string(page).unwrap();
            let targets = links(&text);
            assert!(targets.contains(&format!("../index.{extension}")), "{} does not link back", page.display());
            for target in &targets {
                let resolved = page.parent().unwrap().join(target);
                assert!(resolved.exists(), "{} links to {target}, which is not written", page.display());
            }
            // A link to a place in a page leads to an element with that id:
            // a page lists no activities, so it may not link to one.
            for (file, id) in anchors(&text) {
                let target = if file.is_empty() {
                    text.clone()
                } else {
                    std::fs::read_to_string(page.parent().unwrap().join(&file)).unwrap()
                };
                assert!(
                    target.contains(&format!("id=\"{id}\"")),
                    "{} links to {file}#{id}, which has no such id",
                    page.display()
                );
            }
        }
        let medhelp = std::fs::read_to_string(root.join(format!("parties/medhelp.{extension}"))).unwrap();
        assert!(medhelp.contains(&format!("voice-integrate.{extension}")), "MedHelp's page links its processor");
        assert!(medhelp.contains("internet-without-authentication"), "its findings are on its page");
        if extension == "html" {
            assert!(root.join("style.css").exists());
        }
        let leftovers: Vec<_> = std::fs::read_dir(temp.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains("ansvar-tmp"))
            .collect();
        assert!(leftovers.is_empty(), "a temporary directory is left: {leftovers:?}");
    }
}

#[test]
fn split_gives_the_same_bytes_on_every_run() {
    let temp = tempfile::tempdir().unwrap();
    let (a, b) = (temp.path().join("a"), temp.path().join("b"));
    split(&a, &[]);
    split(&b, &[]);
    let (fa, fb) = (files(&a), files(&b));
    assert_eq!(fa.len(), fb.len());
    for (x, y) in fa.iter().zip(&fb) {
        assert_eq!(x.strip_prefix(&a).unwrap(), y.strip_prefix(&b).unwrap());
        assert!(std::fs::read(x).unwrap() == std::fs::read(y).unwrap(), "{} differs between runs", x.display());
    }
}

#[test]
fn split_refuses_a_directory_in_use_a_file_and_json_and_writes_nothing() {
    let temp = tempfile::tempdir().unwrap();
    let busy = temp.path().join("busy");
    std::fs::create_dir(&busy).unwrap();
    std::fs::write(busy.join("notes.txt"), "keep me").unwrap();
    let refused = |target: &Path, extra: &[&str], says: &str| {
        ansvar()
            .args(["report", "models/1177", "--as-of", "2019-02-18", "--split"])
            .arg(target)
            .args(extra)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(says));
    };
    refused(&busy, &[], "not empty");
    refused(&busy, &["--lang", "sv"], "skriver inte");
    refused(&busy, &["--lang", "sv"], "katalogen är inte tom");
    assert_eq!(files(&busy), vec![busy.join("notes.txt")], "the directory in use is left as it was");
    let file = temp.path().join("file.html");
    std::fs::write(&file, "x").unwrap();
    refused(&file, &[], "not a directory");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
    refused(&temp.path().join("missing/out"), &[], "does not exist");
    refused(&temp.path().join("json"), &["--format", "json"], "--split writes HTML or Markdown");
    ansvar()
        .args(["report", "models/1177", "--split"])
        .arg(temp.path().join("x"))
        .args(["-o", "r.html"])
        .assert()
        .code(2);
    let entries: Vec<String> =
        std::fs::read_dir(temp.path()).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into()).collect();
    assert_eq!(entries.len(), 2, "nothing else was written: {entries:?}");
    // An empty directory is taken.
    let empty = temp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    split(&empty, &[]);
    assert!(empty.join("index.html").exists());
}
