//! The stages import each other in one direction (issue #12): the loader reads
//! the reference data's types, and the reference data know nothing of the
//! loader. Reading a reference file is the loader's job
//! (`src/load/reference_file.rs`).

use std::path::PathBuf;

/// The code of `src/<path>` without its comment lines.
fn code(path: &str) -> Vec<(usize, String)> {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src").join(path);
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .map(|(number, line)| (number + 1, line.to_owned()))
        .collect()
}

#[test]
fn the_reference_data_do_not_import_the_loader() {
    let found: Vec<String> = code("reference.rs")
        .into_iter()
        .filter(|(_, line)| line.contains("load::") || line.contains("crate::load"))
        .map(|(number, line)| format!("src/reference.rs:{number}: {}", line.trim()))
        .collect();
    assert!(found.is_empty(), "src/reference.rs uses the loader:\n{}", found.join("\n"));
}

#[test]
fn the_loader_reads_the_reference_data() {
    // The other direction is the intended one: if it disappeared, the test
    // above would prove nothing about a cycle.
    assert!(code("load/validate.rs").iter().any(|(_, line)| line.contains("crate::reference::Reference")));
}
