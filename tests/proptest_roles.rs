//! Derived roles do not depend on how a model is laid out: shuffling the
//! entries of every section and spreading them over differently named files
//! gives the identical roles and gaps.
//!
//! Re-serialising YAML would lose comments and anchors, so the test works on
//! the model text: each file is cut into its top-level list items (an item
//! starts at a line `  - ` under a section key at column 0), and new files are
//! written from shuffled items. Performers inside an activity keep their order:
//! their order is part of the facts (the first listed principal is followed).

use std::path::{Path, PathBuf};

use ansvar::graph::Graph;
use ansvar::load;
use ansvar::reference::Reference;
use ansvar::roles;
use proptest::prelude::*;
use serde_json::Value;

/// One top-level list item: the section it belongs to and its text.
#[derive(Clone, Debug)]
struct Item {
    section: String,
    text: String,
}

/// Cuts a model file into its top-level list items. Comments before the first
/// item of a section are dropped; comments between items stay with the item
/// before them.
fn items_of(text: &str) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    let mut section: Option<String> = None;
    let mut current: Option<Item> = None;
    for line in text.lines() {
        let is_section = !line.starts_with([' ', '#']) && line.trim_end().ends_with(':');
        if is_section {
            items.extend(current.take());
            section = Some(line.trim_end().trim_end_matches(':').to_owned());
        } else if line.starts_with("  - ") {
            items.extend(current.take());
            let section = section.clone().expect("an item under a section");
            current = Some(Item { section, text: format!("{line}\n") });
        } else if let Some(item) = current.as_mut() {
            item.text.push_str(line);
            item.text.push('\n');
        }
    }
    items.extend(current);
    items
}

/// Every item of every `.yaml` file in `dir`.
fn model_items(dir: &Path) -> Vec<Item> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    files.sort();
    files.iter().flat_map(|file| items_of(&std::fs::read_to_string(file).unwrap())).collect()
}

/// Writes `items`, in order, into `files` files: item `i` goes to file
/// `placement[i]`, under its section, which opens where its first item falls.
fn layout(items: &[Item], placement: &[usize], files: usize, names: &[String]) -> Vec<(PathBuf, String)> {
    let mut texts: Vec<Vec<(String, String)>> = vec![Vec::new(); files];
    for (item, &file) in items.iter().zip(placement) {
        let sections = &mut texts[file % files];
        match sections.iter_mut().find(|(name, _)| *name == item.section) {
            Some((_, body)) => body.push_str(&item.text),
            None => sections.push((item.section.clone(), item.text.clone())),
        }
    }
    texts
        .into_iter()
        .enumerate()
        .map(|(index, sections)| {
            let text: String = sections.into_iter().map(|(name, body)| format!("{name}:\n{body}")).collect();
            (PathBuf::from(format!("{}.yaml", names[index])), text)
        })
        .collect()
}

/// The derived roles of a model given as texts, as JSON.
fn roles_json(texts: Vec<(PathBuf, String)>) -> Value {
    let loaded = match load::load_texts(texts.clone(), &Reference::builtin()) {
        Ok(loaded) => loaded,
        Err(invalid) => panic!("{:#?}\n{texts:#?}", invalid.diagnostics),
    };
    serde_json::to_value(roles::derive(&Graph::build(&loaded.model))).unwrap()
}

fn baseline(dir: &Path) -> Value {
    let loaded = load::load_path(dir, &Reference::builtin()).expect("a valid model");
    serde_json::to_value(roles::derive(&Graph::build(&loaded.model))).unwrap()
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The models the property is checked on: the 1177 case and the role fixtures
/// with the most entries.
fn models() -> Vec<PathBuf> {
    let mut models = vec![root().join("models/1177")];
    for fixture in [
        "processor-for-two-principals",
        "edpb-travel-agency-separate-then-joint",
        "gap-principal-without-role",
        "edpb-standardised-cloud-storage-processor",
    ] {
        models.push(root().join("tests/fixtures/roles").join(fixture));
    }
    models
}

/// A model, its items shuffled, a file for each item, the number of files and
/// their names.
fn layouts() -> impl Strategy<Value = (PathBuf, Vec<Item>, Vec<usize>, usize, Vec<String>)> {
    prop::sample::select(models()).prop_flat_map(|model| {
        let items = model_items(&model);
        let count = items.len();
        (
            Just(model),
            Just(items).prop_shuffle(),
            prop::collection::vec(0..6usize, count),
            1..=6usize,
            prop::collection::vec("[a-z]{1,8}", 6).prop_map(|mut names| {
                // Distinct names: a suffix keeps two equal draws apart.
                for (index, name) in names.iter_mut().enumerate() {
                    name.push_str(&format!("-{index}"));
                }
                names
            }),
        )
    })
}

#[test]
fn the_cut_keeps_every_entry() {
    let items = model_items(&root().join("models/1177"));
    let count = |section: &str| items.iter().filter(|i| i.section == section).count();
    assert_eq!(count("parties"), 12);
    assert_eq!(count("processing"), 9);
    assert_eq!(count("data"), 3);
    assert_eq!(count("systems"), 5);
    assert_eq!(count("agreements"), 12);
    assert_eq!(count("incidents"), 1);
    // Laid out as one file in the original order, the model derives what the directory does.
    let placement = vec![0; items.len()];
    let texts = layout(&items, &placement, 1, &["model".to_owned()]);
    assert_eq!(roles_json(texts), baseline(&root().join("models/1177")));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn roles_do_not_depend_on_file_or_entry_order(
        (model, items, placement, files, names) in layouts()
    ) {
        let texts = layout(&items, &placement, files, &names);
        prop_assert_eq!(roles_json(texts), baseline(&model));
    }
}
