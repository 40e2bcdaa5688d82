//! The reference model `models/1177` loads without errors and holds the chain
//! the case is about.

use std::path::Path;

use ansvar::load::{Loaded, load_path};
use ansvar::reference::Reference;
use assert_cmd::Command;

fn load_1177() -> Loaded {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("models/1177");
    match load_path(&path, &Reference::builtin()) {
        Ok(loaded) => loaded,
        Err(invalid) => panic!(
            "models/1177 is invalid:\n{}",
            ansvar::diag::render(&invalid.diagnostics, &invalid.sources, ansvar::diag::Color::Never)
        ),
    }
}

#[test]
fn loads_without_errors_or_warnings() {
    let loaded = load_1177();
    let warnings = ansvar::diag::render(&loaded.warnings, &loaded.sources, ansvar::diag::Color::Never);
    assert!(loaded.warnings.is_empty(), "{warnings}");
}

#[test]
fn holds_the_expected_number_of_each_entity() {
    let model = load_1177().model;
    assert_eq!(model.parties.len(), 12, "parties");
    assert_eq!(model.activities.len(), 9, "processing activities");
    assert_eq!(model.data.len(), 3, "data categories");
    assert_eq!(model.systems.len(), 5, "systems");
    assert_eq!(model.agreements.len(), 12, "agreements");
    assert_eq!(model.incidents.len(), 1, "incidents");
}

#[test]
fn has_the_nine_parties_the_case_is_about() {
    // The parties of IMY's outcome and of the activities the model must reproduce
    // (models/1177/README.md): Medhelp's chain, Inera, the three fined regions and
    // the two regions that stand for the other eighteen.
    let model = load_1177().model;
    let required = [
        "medhelp",
        "medicall",
        "voice-integrate",
        "inera",
        "region-stockholm",
        "region-sormland",
        "region-varmland",
        "region-norrbotten",
        "region-dalarna",
    ];
    let missing: Vec<&str> =
        required.into_iter().filter(|id| !model.parties.contains_key(&ansvar::model::PartyId::new(*id))).collect();
    assert!(missing.is_empty(), "missing parties: {missing:?}");
}

#[test]
fn the_readme_command_checks_it() {
    // `cargo run -- check models/1177`, the first command in README.md: the model is
    // valid (not exit code 2) and the summary names it.
    let output = Command::cargo_bin("ansvar")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--color", "never", "models/1177"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_ne!(output.status.code(), Some(2), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains("model `models/1177`"), "{stdout}");
    assert!(stdout.contains("12 parties"), "{stdout}");
}
