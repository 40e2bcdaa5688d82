//! Fuzzes the whole pipeline: load → roles → rules → every output format.
//!
//! The input is split into model files as for the `load` target (at each 0xFF
//! byte, at most four files). A model that loads is analysed and rendered in
//! every format `ansvar` writes: check (text, JSON, SARIF), roles (text, JSON),
//! report (HTML, Markdown, JSON), graph (DOT, Mermaid, SVG) and RoPA (CSV,
//! Markdown, JSON). None may panic; the text outputs must also hold no control
//! character from the model (docs/security.md).
//!
//! Run (not part of CI; docs/security.md has the commands and the seed corpus):
//!
//! ```text
//! cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run pipeline corpus/pipeline -- -max_total_time=1800 -max_len=16384 -timeout=20
//! ```

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use ansvar::reference::Reference;
use libfuzzer_sys::fuzz_target;

static REFERENCE: OnceLock<Reference> = OnceLock::new();

/// Asserts that terminal text holds nothing a terminal would obey.
fn inert(what: &str, text: &str) {
    assert!(!text.chars().any(ansvar::source::is_hidden_control), "{what} holds a control character: {text:?}");
}

fuzz_target!(|data: &[u8]| {
    let reference = REFERENCE.get_or_init(Reference::builtin);
    let texts: Vec<(PathBuf, String)> = data
        .split(|byte| *byte == 0xFF)
        .take(4)
        .enumerate()
        .map(|(index, part)| (PathBuf::from(format!("f{index}.yaml")), String::from_utf8_lossy(part).into_owned()))
        .collect();
    let loaded = match ansvar::load::load_texts(texts, reference) {
        Ok(loaded) => loaded,
        Err(invalid) => {
            let text = ansvar::diag::render(&invalid.diagnostics, &invalid.sources, ansvar::diag::Color::Never);
            inert("diagnostics", &text);
            return;
        }
    };
    let as_of = jiff::civil::date(2025, 6, 1);
    let analysis = ansvar::Analysis::new(&loaded.model, reference, as_of);
    let sources = &loaded.sources;

    // check: text, JSON, SARIF.
    let diagnostics: Vec<_> =
        analysis.findings.iter().map(|f| ansvar::render::to_diagnostic(f, ansvar::render::Lang::En)).collect();
    inert("check text", &ansvar::diag::render(&diagnostics, sources, ansvar::diag::Color::Never));
    let _ = ansvar::report::json::to_string(&ansvar::report::json::CheckDocument::new(&analysis.findings, as_of, sources));
    let _ = ansvar::report::json::to_string(&ansvar::report::sarif::SarifLog::new(&analysis.findings, sources));

    // roles: text and JSON.
    let graph = ansvar::graph::Graph::build(&loaded.model);
    let derived = ansvar::roles::derive(&graph);
    let parties: Vec<_> = loaded.model.parties.keys().collect();
    let activities: Vec<_> = loaded.model.activities.keys().collect();
    let _ = ansvar::report::text::role_matrix(&derived, &parties, &activities);
    let _ = ansvar::report::text::delegations(&derived, &parties, &activities);
    let _ = ansvar::report::json::to_string(&ansvar::report::json::RolesDocument::new(&derived, sources, |_, _| true));

    // report, graph and RoPA in every format.
    let input = ansvar::report::view::Input {
        name: "fuzz",
        model: &loaded.model,
        sources,
        analysis: &analysis,
        reference,
    };
    let view = ansvar::report::view::View::build(&input);
    let _ = ansvar::report::templates::html(&view);
    let _ = ansvar::report::templates::markdown(&view);
    let document = ansvar::report::json::ReportDocument::new(&view, &analysis, sources);
    let mut json = Vec::new();
    let _ = ansvar::report::json::write_report_to(&document, &mut json);
    let diagram = ansvar::report::diagram::Diagram::build(&input);
    let _ = ansvar::report::diagram::dot(&diagram);
    let _ = ansvar::report::diagram::mermaid(&diagram);
    let _ = ansvar::report::svg::render(&diagram);
    let records = ansvar::report::ropa::build(&input);
    let _ = ansvar::report::ropa::to_csv(&records);
    let _ = ansvar::report::templates::ropa_markdown("fuzz", "2025-06-01", &records);

    // diff of the model against itself.
    let old = ansvar::diff::Side { model: &loaded.model, sources };
    let changes = ansvar::diff::diff(&old, &old, reference, as_of);
    let text = ansvar::report::diff::render(&changes, "a", "b", ansvar::report::diff::Flavour::Text { color: false });
    inert("diff text", &text);
});
