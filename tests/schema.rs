//! The JSON Schema of model files (`ansvar schema`, committed as
//! `docs/ansvar-model.schema.json`): current, accepted by every valid model
//! file in the repository, and refusing a sample of invalid ones.
//!
//! YAML is turned into JSON as an editor sees it: YAML 1.2 core scalars
//! (`true`, numbers, null), everything else a string.

use std::path::{Path, PathBuf};

use ansvar::reference::Reference;
use assert_cmd::Command;
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn validator() -> jsonschema::Validator {
    let schema = ansvar::load::schema();
    assert!(jsonschema::meta::is_valid(&schema), "the schema is not valid draft-07");
    jsonschema::draft7::new(&schema).unwrap()
}

fn as_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    let options = serde_saphyr::options! { strict_booleans: true };
    let value: Option<Value> = serde_saphyr::from_str_with_options(&text, options)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    value.unwrap_or_else(|| serde_json::json!({}))
}

fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml" || ext == "yml"))
        .collect();
    files.sort();
    files
}

/// Every directory under `dir` (and `dir` itself) that holds `.yaml` files.
fn model_dirs(dir: &Path, out: &mut Vec<PathBuf>) {
    if !yaml_files(dir).is_empty() {
        out.push(dir.to_path_buf());
    }
    let mut subdirs: Vec<PathBuf> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    subdirs.sort();
    for sub in subdirs {
        model_dirs(&sub, out);
    }
}

#[test]
fn the_committed_schema_is_current() {
    let committed = std::fs::read_to_string(root().join("docs/ansvar-model.schema.json")).unwrap_or_default();
    assert!(
        committed == ansvar::init::schema_text(),
        "docs/ansvar-model.schema.json is stale: run `cargo run -- schema > docs/ansvar-model.schema.json`"
    );
}

#[test]
fn ansvar_schema_prints_it() {
    let output = Command::cargo_bin("ansvar").unwrap().arg("schema").output().unwrap();
    assert!(output.status.success());
    assert_eq!(String::from_utf8(output.stdout).unwrap(), ansvar::init::schema_text());
}

#[test]
fn every_valid_model_file_in_the_repository_matches_the_schema() {
    let validator = validator();
    let reference = Reference::builtin();
    let mut dirs = vec![root().join("models/1177"), root().join("templates/init")];
    model_dirs(&root().join("tests/fixtures"), &mut dirs);
    let mut checked = 0;
    for dir in dirs {
        // Only models that load: the invalid fixtures are for the next test.
        if ansvar::load::load_path(&dir, &reference).is_err() {
            continue;
        }
        for file in yaml_files(&dir) {
            let errors: Vec<String> = validator.iter_errors(&as_json(&file)).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} files checked");
}

#[test]
fn a_sample_of_invalid_files_is_refused() {
    let validator = validator();
    for case in [
        "unknown-field",
        "unknown-enum-value",
        "yes-no-boolean",
        "not-quite-booleans",
        "wrong-shape",
        "bad-id",
        "missing-field",
        "lowercase-country",
        "slashed-date",
        "bad-duration",
    ] {
        let files = yaml_files(&root().join("tests/fixtures/invalid").join(case));
        assert!(
            files.iter().any(|file| !validator.is_valid(&as_json(file))),
            "the schema accepts every file of tests/fixtures/invalid/{case}"
        );
    }
}

#[test]
fn fields_carry_descriptions_and_closed_vocabularies_their_words() {
    let schema = ansvar::load::schema();
    let kind = &schema["definitions"]["party"]["properties"]["kind"];
    assert!(kind["description"].as_str().is_some_and(|d| d.contains("public bodies")), "{kind}");
    assert_eq!(kind["enum"][0], "region");
    let parties = &schema["properties"]["parties"];
    assert!(parties["description"].as_str().is_some_and(|d| !d.is_empty()));
}

#[test]
fn the_bundled_model_points_editors_at_the_schema() {
    for file in yaml_files(&root().join("models/1177")) {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.starts_with("# yaml-language-server: $schema=../../docs/ansvar-model.schema.json\n"),
            "{} lacks the yaml-language-server line",
            file.display()
        );
    }
}
