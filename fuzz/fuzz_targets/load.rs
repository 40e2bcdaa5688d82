//! Fuzzes the loader: arbitrary bytes, split into a few files, must load or be
//! refused with diagnostics, never panic, hang or run away with memory. The
//! body is `ansvar_fuzz::load` (`fuzz/src/lib.rs`), which `cargo test` in the
//! main crate compiles and replays the corpus through (`tests/fuzz_harness.rs`).
//!
//! Run (not part of CI; only stable Rust is installed, hence RUSTC_BOOTSTRAP):
//!
//! ```text
//! RUSTC_BOOTSTRAP=1 cargo fuzz run load -- -max_total_time=1800 -max_len=16384
//! ```
//!
//! Seeds are model files joined with 0xFF (see `ansvar_fuzz::model_files`).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| ansvar_fuzz::load(data));
