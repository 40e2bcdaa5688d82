//! The model does not depend on how it is cut into files or in what order the
//! files come: a model split over several files equals the same model in one
//! file, and the same texts in any order give the same model.
//!
//! Models are compared as JSON text: spans (where a fact is written) are not part
//! of the facts and are skipped when a model is serialised, and text (unlike a
//! `serde_json::Value`, whose maps are sorted) also shows the order of entities.

use std::path::{Path, PathBuf};

use ansvar::load::{load_path, load_texts};
use ansvar::reference::Reference;
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid").join(name)
}

fn model_json(loaded: &ansvar::load::Loaded) -> String {
    serde_json::to_string_pretty(&loaded.model).unwrap()
}

/// The `(file name, text)` pairs of the split fixture, sorted by name.
fn split_texts() -> Vec<(String, String)> {
    let mut texts: Vec<(String, String)> = std::fs::read_dir(fixture("split"))
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    texts.sort();
    assert_eq!(texts.len(), 3);
    texts
}

/// Every ordering of `0..n`, for a small `n`.
fn permutations(n: usize) -> Vec<Vec<usize>> {
    if n == 0 {
        return vec![Vec::new()];
    }
    let mut all = Vec::new();
    for shorter in permutations(n - 1) {
        for position in 0..=shorter.len() {
            let mut order = shorter.clone();
            order.insert(position, n - 1);
            all.push(order);
        }
    }
    all
}

#[test]
fn a_model_split_over_files_equals_the_same_model_in_one_file() {
    let reference = Reference::builtin();
    let split = load_path(&fixture("split"), &reference).unwrap();
    let single = load_path(&fixture("single"), &reference).unwrap();
    assert_eq!(split.sources.files().count(), 3);
    assert_eq!(single.sources.files().count(), 1);

    let json: Value = serde_json::to_value(&split.model).unwrap();
    // Guard against two empty models comparing equal.
    for (section, count) in
        [("parties", 5), ("data", 1), ("systems", 2), ("activities", 1), ("agreements", 2), ("incidents", 1)]
    {
        assert_eq!(json[section].as_object().unwrap().len(), count, "{section}");
    }
    assert_eq!(json["accepted_risks"].as_array().unwrap().len(), 1);
    assert_eq!(model_json(&split), model_json(&single));
}

#[test]
fn the_same_texts_in_any_order_give_the_same_model() {
    let reference = Reference::builtin();
    let texts = split_texts();
    let expected = model_json(
        &load_texts(texts.iter().map(|(name, text)| (PathBuf::from(name), text.clone())).collect(), &reference)
            .unwrap(),
    );

    for order in permutations(texts.len()) {
        let shuffled = order.iter().map(|&i| (PathBuf::from(&texts[i].0), texts[i].1.clone())).collect();
        assert_eq!(model_json(&load_texts(shuffled, &reference).unwrap()), expected, "input order {order:?}");
    }
}

#[test]
fn the_same_texts_under_other_file_names_give_the_same_model() {
    // Files load in sorted path order; renaming them changes that order, and with it
    // the order in which entities of one section meet. The model must not notice.
    let reference = Reference::builtin();
    let texts = split_texts();
    let expected = model_json(&load_path(&fixture("split"), &reference).unwrap());
    for order in permutations(texts.len()) {
        let renamed = order
            .iter()
            .enumerate()
            .map(|(slot, &i)| (PathBuf::from(format!("{slot}.yaml")), texts[i].1.clone()))
            .collect();
        assert_eq!(model_json(&load_texts(renamed, &reference).unwrap()), expected, "file order {order:?}");
    }
}

#[test]
fn loading_twice_gives_the_same_model() {
    let reference = Reference::builtin();
    let first = model_json(&load_path(&fixture("split"), &reference).unwrap());
    let second = model_json(&load_path(&fixture("split"), &reference).unwrap());
    assert_eq!(first, second);
}

/// Letting each text go as soon as its file is parsed (what the binary does
/// for a model on disk) gives the same model, warnings and places, and the
/// same diagnostics for an invalid model, including those that look at the
/// text again (an entry with no `id`).
#[test]
fn texts_let_go_as_files_are_parsed_give_the_same_model_and_diagnostics() {
    use ansvar::load::{load_read, read_path};
    let reference = Reference::builtin();
    let kept = load_path(&fixture("split"), &reference).unwrap();
    let released = load_read(read_path(&fixture("split")).releasing_texts(), &reference).unwrap();
    assert_eq!(model_json(&kept), model_json(&released));
    let places = |loaded: &ansvar::load::Loaded| -> Vec<String> {
        loaded.warnings.iter().map(|w| format!("{} {:?}", w.message, w.location(&loaded.sources))).collect()
    };
    assert_eq!(places(&kept), places(&released));

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.yaml"), "parties:\n  - name: Clinic # no id\n    kind: controller\n").unwrap();
    std::fs::write(dir.path().join("b.yaml"), "systems:\n  - { name: EHR, operator: clinic, location: SE }\n").unwrap();
    let diagnostics = |invalid: ansvar::load::Invalid| -> Vec<String> {
        invalid
            .diagnostics
            .iter()
            .map(|d| {
                let at = d.primary.as_ref().map(|label| (label.span.range(), d.location(&invalid.sources)));
                format!("{} {at:?}", d.message)
            })
            .collect()
    };
    let kept = diagnostics(load_path(dir.path(), &reference).unwrap_err());
    let released = diagnostics(load_read(read_path(dir.path()).releasing_texts(), &reference).unwrap_err());
    assert!(kept.len() >= 2, "{kept:?}");
    assert_eq!(kept, released);
}
