//! Fuzzes the whole pipeline: load → roles → rules → every output format. The
//! body is `ansvar_fuzz::pipeline` (`fuzz/src/lib.rs`), which `cargo test` in
//! the main crate compiles and replays the corpus through
//! (`tests/fuzz_harness.rs`).
//!
//! Run (not part of CI; docs/security.md has the commands and the seed corpus):
//!
//! ```text
//! cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run pipeline corpus/pipeline -- -max_total_time=1800 -max_len=16384 -timeout=20
//! ```

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    ansvar_fuzz::pipeline(data);
});
