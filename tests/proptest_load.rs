//! Bad input never panics the loader: arbitrary bytes, text made of YAML's
//! punctuation, and random damage to the real model `models/1177` all come back
//! as a model or as diagnostics, and the diagnostics render.
//!
//! Case counts are kept modest so `cargo test` stays fast; set `PROPTEST_CASES`
//! to run more.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use ansvar::diag::{Color, render};
use ansvar::load::{Invalid, Loaded, load_path, load_texts};
use ansvar::reference::Reference;
use proptest::prelude::*;
use proptest::sample::Index;

static REFERENCE: LazyLock<Reference> = LazyLock::new(Reference::builtin);

/// The files of `models/1177`, as `(path, text)`, sorted by path.
static MODEL_1177: LazyLock<Vec<(PathBuf, String)>> = LazyLock::new(|| {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("models/1177");
    let mut files: Vec<(PathBuf, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            (PathBuf::from("models/1177").join(path.file_name().unwrap()), text)
        })
        .collect();
    files.sort();
    assert!(files.len() > 1, "models/1177 has too few files");
    files
});

/// Uses every part of a load result a renderer would: the diagnostics with their
/// spans, or the model's graph.
fn exercise(result: Result<Loaded, Invalid>) {
    match result {
        Ok(loaded) => {
            let _ = render(&loaded.warnings, &loaded.sources, Color::Never);
            let graph = ansvar::graph::Graph::build(&loaded.model);
            for activity in loaded.model.activities.keys() {
                for performer in graph.performers(activity) {
                    let _ = graph.places(performer);
                    let _ = graph.chain_up(activity, &performer.party.value);
                }
            }
        }
        Err(invalid) => {
            assert!(!invalid.diagnostics.is_empty(), "an invalid model must say why");
            let text = render(&invalid.diagnostics, &invalid.sources, Color::Never);
            assert!(text.contains("error"), "{text}");
            for diagnostic in &invalid.diagnostics {
                let _ = diagnostic.location(&invalid.sources);
            }
        }
    }
}

/// 256 cases per property, or `PROPTEST_CASES`.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(256)
}

/// One kind of damage to one file of the model.
#[derive(Clone, Debug)]
enum Mutation {
    /// Flip one bit of one byte (the text may stop being UTF-8: it is then read lossily).
    FlipBit { at: Index, bit: u8 },
    /// Delete a line.
    DeleteLine { line: Index },
    /// Write a line twice.
    DuplicateLine { line: Index },
    /// Cut the file short.
    Truncate { at: Index },
    /// Insert a piece of YAML syntax.
    Insert { at: Index, token: &'static str },
}

const TOKENS: &[&str] = &[
    "&a ", "*a", "[", "]", "{", "}", ": ", "- ", "\n", "  ", "#", "'", "\"", "|\n", ">-\n", "---\n", "? ", "!!str ",
    "yes", "NO", "~", "null", "<<: *a", "\t", "é", "\u{feff}",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<Index>(), 0u8..8).prop_map(|(at, bit)| Mutation::FlipBit { at, bit }),
        any::<Index>().prop_map(|line| Mutation::DeleteLine { line }),
        any::<Index>().prop_map(|line| Mutation::DuplicateLine { line }),
        any::<Index>().prop_map(|at| Mutation::Truncate { at }),
        (any::<Index>(), prop::sample::select(TOKENS)).prop_map(|(at, token)| Mutation::Insert { at, token }),
    ]
}

fn apply(text: &str, mutation: &Mutation) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let lines = || text.split_inclusive('\n').collect::<Vec<_>>();
    match mutation {
        Mutation::FlipBit { at, bit } if !bytes.is_empty() => {
            let at = at.index(bytes.len());
            bytes[at] ^= 1 << bit;
        }
        Mutation::DeleteLine { line } if !text.is_empty() => {
            let mut lines = lines();
            lines.remove(line.index(lines.len()));
            bytes = lines.concat().into_bytes();
        }
        Mutation::DuplicateLine { line } if !text.is_empty() => {
            let mut lines = lines();
            let at = line.index(lines.len());
            lines.insert(at, lines[at]);
            bytes = lines.concat().into_bytes();
        }
        Mutation::Truncate { at } => bytes.truncate(at.index(bytes.len() + 1)),
        Mutation::Insert { at, token } => {
            let at = at.index(bytes.len() + 1);
            bytes.splice(at..at, token.bytes());
        }
        _ => {}
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn arbitrary_bytes_in_a_file(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("model.yaml"), &bytes).unwrap();
        exercise(load_path(dir.path(), &REFERENCE));
    }

    #[test]
    fn arbitrary_text(text in any::<String>()) {
        exercise(load_texts(vec![("model.yaml".into(), text)], &REFERENCE));
    }

    #[test]
    fn text_made_of_yaml_syntax(text in "([-:\\[\\]{},&*!|>'\"#?~ \n\t]|[a-z]{1,8}|parties|id|country|SE|  - ){0,80}") {
        exercise(load_texts(vec![("model.yaml".into(), text)], &REFERENCE));
    }

    #[test]
    fn damaged_1177_model(
        damage in prop::collection::vec((any::<Index>(), mutation()), 1..5),
    ) {
        let mut files = MODEL_1177.clone();
        for (file, mutation) in &damage {
            let file = file.index(files.len());
            files[file].1 = apply(&files[file].1, mutation);
        }
        exercise(load_texts(files, &REFERENCE));
    }
}

#[test]
fn the_undamaged_1177_model_loads() {
    // The mutations above start from a valid model.
    assert!(load_texts(MODEL_1177.clone(), &REFERENCE).is_ok());
}
