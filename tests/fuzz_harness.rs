//! The fuzz targets' code, compiled and run by a stable `cargo test`.
//!
//! `fuzz/` is its own crate, outside the workspace, built only by cargo-fuzz
//! on nightly; CI would not notice when its code stopped compiling. Its
//! targets are thin wrappers around `fuzz/src/lib.rs`, which this test
//! includes, so a change in ansvar's API that breaks the fuzzers breaks this
//! test. The committed pipeline corpus (the fixtures, joined as the fuzzer
//! reads them) is replayed through both targets, so it also stays a valid
//! seed corpus: most of its seeds must load.

#[path = "../fuzz/src/lib.rs"]
mod harness;

use std::path::Path;

#[test]
fn the_fuzz_targets_compile_and_the_pipeline_corpus_replays_without_a_panic() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/pipeline");
    let mut seeds: Vec<_> = std::fs::read_dir(&corpus).unwrap().map(|entry| entry.unwrap().path()).collect();
    seeds.sort();
    assert!(seeds.len() >= 20, "{} seeds in {}", seeds.len(), corpus.display());
    let mut loaded = 0;
    for seed in &seeds {
        let data = std::fs::read(seed).unwrap();
        harness::load(&data);
        loaded += usize::from(harness::pipeline(&data));
    }
    assert!(loaded * 2 > seeds.len(), "only {loaded} of {} seeds load", seeds.len());
}

#[test]
fn fuzz_input_is_split_into_at_most_four_files_at_0xff() {
    let files = harness::model_files(b"a: 1\xffb: 2\xff\xffc\xffd\xffe");
    let names: Vec<_> = files.iter().map(|(path, text)| (path.display().to_string(), text.as_str())).collect();
    assert_eq!(
        names,
        [("f0.yaml".into(), "a: 1"), ("f1.yaml".into(), "b: 2"), ("f2.yaml".into(), ""), ("f3.yaml".into(), "c")]
    );
}
