//! Properties of `ansvar diff` (issue #6): a model compared with itself, or with
//! any reordering of itself, shows no change.
//!
//! The first test walks every model in the repository (`models/` and
//! `tests/fixtures/**/`); the proptest shuffles the 1177 case: every list at every
//! depth, and every entry into a random file of a random number of files.

use std::path::{Path, PathBuf};

use ansvar::diff::{Side, diff};
use ansvar::load::{Loaded, load_path, load_texts};
use ansvar::reference::Reference;
use jiff::civil::{Date, date};
use proptest::prelude::*;
use serde_json::Value;

/// The day the open recordings were reported: the 1177 chain as it stood.
const AS_OF: Date = date(2019, 2, 18);

fn crate_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every directory under `dir` (and `dir` itself) that holds a `.yaml` file.
fn model_directories(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    if entries.iter().any(|p| p.is_file() && p.extension().is_some_and(|e| e == "yaml" || e == "yml")) {
        out.push(dir.to_path_buf());
    }
    for entry in entries.iter().filter(|p| p.is_dir()) {
        model_directories(entry, out);
    }
}

fn is_empty_against_itself(loaded: &Loaded, reference: &Reference, as_of: Date) -> ansvar::diff::ModelDiff {
    let side = Side { model: &loaded.model, sources: &loaded.sources };
    diff(&side, &side, reference, as_of)
}

#[test]
fn every_model_in_the_repository_diffs_empty_against_itself() {
    let reference = Reference::builtin();
    let mut directories = Vec::new();
    model_directories(&crate_root().join("models"), &mut directories);
    model_directories(&crate_root().join("tests/fixtures"), &mut directories);
    let mut compared = 0;
    for directory in &directories {
        // Invalid fixtures (for error tests) and reference data are not models.
        let Ok(loaded) = load_path(directory, &reference) else { continue };
        // Two dates: today's contracts and adequacy decisions differ from 2019's.
        for as_of in [AS_OF, date(2025, 6, 1)] {
            let changes = is_empty_against_itself(&loaded, &reference, as_of);
            assert!(changes.is_empty(), "{} against itself as of {as_of}: {changes:#?}", directory.display());
        }
        // Loaded twice, from scratch: nothing in loading may depend on chance.
        let again = load_path(directory, &reference).unwrap();
        let changes = diff(
            &Side { model: &loaded.model, sources: &loaded.sources },
            &Side { model: &again.model, sources: &again.sources },
            &reference,
            AS_OF,
        );
        assert!(changes.is_empty(), "{} loaded twice: {changes:#?}", directory.display());
        compared += 1;
    }
    // models/1177, the design example and both sides of most diff fixtures.
    assert!(compared >= 10, "only {compared} models found in {directories:#?}");
}

/// A small deterministic generator, so that a failing seed reproduces exactly.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// Shuffles every list at every depth.
fn shuffle_lists(value: &mut Value, rng: &mut SplitMix) {
    match value {
        Value::Array(items) => {
            rng.shuffle(items);
            for item in items {
                shuffle_lists(item, rng);
            }
        }
        Value::Object(map) => {
            for inner in map.values_mut() {
                shuffle_lists(inner, rng);
            }
        }
        _ => {}
    }
}

/// A model's entries, by section, as YAML values.
fn sections_of(dir: &Path) -> Vec<(String, Vec<Value>)> {
    let mut sections: Vec<(String, Vec<Value>)> = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // Strict booleans, as the loader reads them: `country: NO` is Norway.
        let options = serde_saphyr::options! { strict_booleans: true };
        let parsed = serde_saphyr::from_str_with_options::<Value>(&text, options).unwrap();
        let Value::Object(map) = parsed else { panic!("{file:?}") };
        for (section, entries) in map {
            let Value::Array(entries) = entries else { panic!("{file:?}: {section}") };
            match sections.iter_mut().find(|(name, _)| *name == section) {
                Some((_, list)) => list.extend(entries),
                None => sections.push((section, entries)),
            }
        }
    }
    sections
}

/// A model shuffled by `seed`, as files of JSON (which is YAML).
fn shuffled(sections: &[(String, Vec<Value>)], seed: u64) -> Vec<(PathBuf, String)> {
    let mut rng = SplitMix(seed);
    let file_count = 1 + rng.below(4);
    let mut files: Vec<serde_json::Map<String, Value>> = vec![serde_json::Map::new(); file_count];
    for (section, entries) in sections {
        let mut entries = entries.clone();
        for entry in &mut entries {
            shuffle_lists(entry, &mut rng);
        }
        rng.shuffle(&mut entries);
        for entry in entries {
            let file = rng.below(file_count);
            let list = files[file].entry(section.clone()).or_insert_with(|| Value::Array(Vec::new()));
            list.as_array_mut().unwrap().push(entry);
        }
    }
    files
        .into_iter()
        .enumerate()
        .map(|(index, map)| {
            (
                PathBuf::from(format!("shuffled/{index}.yaml")),
                serde_json::to_string_pretty(&Value::Object(map)).unwrap(),
            )
        })
        .collect()
}

#[test]
fn shuffling_any_model_in_the_repository_changes_nothing() {
    let reference = Reference::builtin();
    let mut directories = Vec::new();
    model_directories(&crate_root().join("tests/fixtures"), &mut directories);
    for directory in &directories {
        let Ok(original) = load_path(directory, &reference) else { continue };
        let sections = sections_of(directory);
        // A few fixed seeds per model: the fixtures are small, and their lists short.
        for seed in 0..4 {
            let shuffled = load_texts(shuffled(&sections, seed), &reference)
                .unwrap_or_else(|i| panic!("{}, seed {seed}: {:#?}", directory.display(), i.diagnostics));
            for as_of in [AS_OF, date(2025, 6, 1)] {
                let changes = diff(
                    &Side { model: &original.model, sources: &original.sources },
                    &Side { model: &shuffled.model, sources: &shuffled.sources },
                    &reference,
                    as_of,
                );
                assert!(changes.is_empty(), "{}, seed {seed}, as of {as_of}: {changes:#?}", directory.display());
            }
        }
    }
}

proptest! {
    // Each case loads and analyses the 1177 model twice; a few dozen cases cover
    // the orders that matter (lists of two or three) many times over.
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn shuffling_the_1177_model_changes_nothing(seed in any::<u64>()) {
        let reference = Reference::builtin();
        let original = load_path(&crate_root().join("models/1177"), &reference).unwrap();
        let texts = shuffled(&sections_of(&crate_root().join("models/1177")), seed);
        let shuffled = match load_texts(texts.clone(), &reference) {
            Ok(loaded) => loaded,
            Err(invalid) => panic!("seed {seed}: shuffled model invalid: {:#?}\n{texts:#?}", invalid.diagnostics),
        };
        let changes = diff(
            &Side { model: &original.model, sources: &original.sources },
            &Side { model: &shuffled.model, sources: &shuffled.sources },
            &reference,
            AS_OF,
        );
        prop_assert!(changes.is_empty(), "seed {}: {:#?}", seed, changes);
    }
}
