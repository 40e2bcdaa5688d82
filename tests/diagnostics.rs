//! The loader's diagnostic codes: pinned, and each described in
//! `docs/diagnostics.md`.

use ansvar::diag::DiagnosticCode;

#[test]
fn the_codes_are_pinned() {
    let list: Vec<String> = DiagnosticCode::ALL
        .iter()
        .map(|code| {
            format!("{}: {}", code.as_str(), ansvar::render::diagnostic_description(*code, ansvar::render::Lang::En))
        })
        .collect();
    insta::assert_snapshot!("diagnostic_codes", list.join("\n"));
}

#[test]
fn every_code_is_documented() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/diagnostics.md")).unwrap();
    let rows: Vec<&str> = docs.lines().filter(|line| line.starts_with("| `")).collect();
    let documented: Vec<&str> = rows.iter().filter_map(|row| row.split('`').nth(1)).collect();
    let codes: Vec<&str> = DiagnosticCode::ALL.iter().map(|code| code.as_str()).collect();
    assert_eq!(documented, codes, "docs/diagnostics.md lists other codes, or in another order");
    for (row, code) in rows.iter().zip(DiagnosticCode::ALL) {
        assert!(
            row.contains(&ansvar::render::diagnostic_description(*code, ansvar::render::Lang::En)),
            "the row of `{code}` does not give its description: {row}"
        );
    }
}
