//! What the fuzz targets run, without libFuzzer: `fuzz_targets/*.rs` wrap
//! these functions in `fuzz_target!`, and `tests/fuzz_harness.rs` in the main
//! crate includes this file (`#[path]`), so that a stable `cargo test` compiles
//! it against the current API and replays the committed corpus through it.
//! The fuzz crate itself is outside the workspace and needs cargo-fuzz.

use std::path::PathBuf;
use std::sync::OnceLock;

use ansvar::reference::Reference;

/// The built-in reference data, made once per process.
fn reference() -> &'static Reference {
    static REFERENCE: OnceLock<Reference> = OnceLock::new();
    REFERENCE.get_or_init(Reference::builtin)
}

/// The evaluation date of every fuzz run.
fn as_of() -> jiff::civil::Date {
    jiff::civil::date(2025, 6, 1)
}

/// Splits a fuzz input into model files: at each 0xFF byte (never valid UTF-8,
/// so it cannot occur inside a real model file), at most four files, so that
/// seeds are model files joined with 0xFF and the fuzzer can also exercise
/// cross-file references and duplicate ids.
pub fn model_files(data: &[u8]) -> Vec<(PathBuf, String)> {
    data.split(|byte| *byte == 0xFF)
        .take(4)
        .enumerate()
        .map(|(index, part)| (PathBuf::from(format!("f{index}.yaml")), String::from_utf8_lossy(part).into_owned()))
        .collect()
}

/// Asserts that terminal text holds nothing a terminal would obey.
fn inert(what: &str, text: &str) {
    assert!(!text.chars().any(ansvar::source::is_hidden_control), "{what} holds a control character: {text:?}");
}

/// The `load` target: the input must load or be refused with diagnostics that
/// render; a model that loads must also get through the rules and the check
/// document. Never a panic.
pub fn load(data: &[u8]) {
    let reference = reference();
    match ansvar::load::load_texts(model_files(data), reference) {
        Ok(loaded) => {
            let analysis = ansvar::Analysis::new(&loaded.model, reference, as_of());
            let _ = ansvar::report::json::to_string(&ansvar::report::json::CheckDocument::new(
                &analysis.findings,
                as_of(),
                &loaded.sources,
            ));
        }
        Err(invalid) => {
            let _ = ansvar::diag::render(&invalid.diagnostics, &invalid.sources, ansvar::diag::Color::Never);
        }
    }
}

/// The `pipeline` target: load → roles → rules → every output format. A model
/// that loads is analysed and rendered in every format `ansvar` writes: check
/// (text, JSON, SARIF), roles (text, JSON), report (HTML, Markdown, JSON),
/// graph (DOT, Mermaid, SVG), RoPA (CSV, Markdown, JSON) and a diff against
/// itself. None may panic; the terminal texts must hold no control character
/// from the model (docs/security.md). Returns whether the model loaded.
pub fn pipeline(data: &[u8]) -> bool {
    let reference = reference();
    let as_of = as_of();
    let loaded = match ansvar::load::load_texts(model_files(data), reference) {
        Ok(loaded) => loaded,
        Err(invalid) => {
            let text = ansvar::diag::render(&invalid.diagnostics, &invalid.sources, ansvar::diag::Color::Never);
            inert("diagnostics", &text);
            return false;
        }
    };
    let analysis = ansvar::Analysis::new(&loaded.model, reference, as_of);
    let sources = &loaded.sources;

    // check: text, JSON, SARIF.
    let diagnostics: Vec<_> =
        analysis.findings.iter().map(|f| ansvar::render::to_diagnostic(f, ansvar::render::Lang::En)).collect();
    inert("check text", &ansvar::diag::render(&diagnostics, sources, ansvar::diag::Color::Never));
    let _ =
        ansvar::report::json::to_string(&ansvar::report::json::CheckDocument::new(&analysis.findings, as_of, sources));
    let _ = ansvar::report::json::to_string(&ansvar::report::sarif::SarifLog::new(&analysis.findings, sources));

    // roles: text and JSON.
    let graph = ansvar::graph::Graph::build(&loaded.model);
    let derived = ansvar::roles::derive(&graph);
    let parties: Vec<_> = loaded.model.parties.keys().collect();
    let activities: Vec<_> = loaded.model.activities.keys().collect();
    let lang = ansvar::render::Lang::En;
    let _ = ansvar::render::roles::role_matrix(&derived, &parties, &activities, lang);
    let _ = ansvar::render::roles::delegations(&derived, &parties, &activities, lang);
    let _ = ansvar::report::json::to_string(&ansvar::report::json::RolesDocument::new(&derived, sources, |_, _| true));

    // report, graph and RoPA in every format.
    let input = ansvar::report::view::Input::new("fuzz", &analysis, sources, reference, lang);
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
    let _ = ansvar::report::templates::ropa_markdown("fuzz", "2025-06-01", &records, lang);

    // diff of the model against itself.
    let old = ansvar::diff::Side { model: &loaded.model, sources };
    let changes = ansvar::diff::diff(&old, &old, reference, as_of);
    let text = ansvar::report::diff::render(&changes, "a", "b", ansvar::report::diff::Flavour::Text { color: false });
    inert("diff text", &text);
    true
}
