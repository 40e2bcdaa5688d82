//! Fuzzes the loader: arbitrary bytes, split into a few files, must load or be
//! refused with diagnostics, never panic, hang or run away with memory.
//!
//! Run (not part of CI; only stable Rust is installed, hence RUSTC_BOOTSTRAP):
//!
//! ```text
//! RUSTC_BOOTSTRAP=1 cargo fuzz run load -- -max_total_time=1800 -max_len=16384
//! ```
//!
//! The input is split at each 0xFF byte (never valid UTF-8, so it cannot occur
//! inside a real model file) into at most four files, so seeds are model files
//! joined with 0xFF and the fuzzer can also exercise cross-file references and
//! duplicate ids.

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use ansvar::reference::Reference;
use libfuzzer_sys::fuzz_target;

static REFERENCE: OnceLock<Reference> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let reference = REFERENCE.get_or_init(Reference::builtin);
    let texts: Vec<(PathBuf, String)> = data
        .split(|byte| *byte == 0xFF)
        .take(4)
        .enumerate()
        .map(|(index, part)| (PathBuf::from(format!("f{index}.yaml")), String::from_utf8_lossy(part).into_owned()))
        .collect();
    match ansvar::load::load_texts(texts, reference) {
        Ok(loaded) => {
            // A valid model must also get through the rest of the pipeline.
            let as_of = jiff::civil::date(2025, 6, 1);
            let analysis = ansvar::Analysis::new(&loaded.model, reference, as_of);
            let _ = ansvar::report::json::to_string(&ansvar::report::json::CheckDocument::new(
                &analysis.findings,
                as_of,
                &loaded.sources,
            ));
        }
        Err(invalid) => {
            // Rendering the diagnostics must not panic either (spans in range).
            let _ = ansvar::diag::render(&invalid.diagnostics, &invalid.sources, ansvar::diag::Color::Never);
        }
    }
});
