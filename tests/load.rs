//! Invalid models: `ansvar check` exits 2 and says where and what, for every
//! class of bad input.
//!
//! Each case is a directory under `tests/fixtures/invalid/` that shows one thing
//! (except `every-error-in-one-run`, which shows that they are all reported
//! together). Each test asserts the exit code, the `file:line:column` and the
//! message, then snapshots the whole of stderr. `ansvar` runs from the crate root
//! with a relative fixture path, so the paths in the snapshots are the same on
//! every machine. Cases that need a file too big or a directory too empty to
//! commit build it in a temporary directory and run from there.

use std::path::Path;

use assert_cmd::Command;

/// Runs `ansvar check --color never MODEL` in `dir` and returns stderr, after
/// checking that the model was refused with exit code 2 and nothing on stdout.
fn refused_in(dir: &Path, model: &str) -> String {
    let output = Command::cargo_bin("ansvar")
        .unwrap()
        .current_dir(dir)
        .args(["check", "--color", "never", model])
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(2), "{model} was not refused with exit code 2:\n{stderr}");
    assert!(output.stdout.is_empty(), "{model}: stdout should be empty:\n{}", String::from_utf8_lossy(&output.stdout));
    stderr
}

/// Runs `ansvar check` on `tests/fixtures/invalid/<case>`; see [`refused_in`].
fn refused(case: &str) -> String {
    refused_in(Path::new(env!("CARGO_MANIFEST_DIR")), &format!("tests/fixtures/invalid/{case}"))
}

/// Asserts that stderr holds each needle.
#[track_caller]
fn assert_says(stderr: &str, needles: &[&str]) {
    for needle in needles {
        assert!(stderr.contains(needle), "stderr lacks {needle:?}:\n{stderr}");
    }
}

/// Asserts that stderr reports exactly `count` problems.
#[track_caller]
fn assert_problems(stderr: &str, count: usize) {
    let errors = stderr.lines().filter(|line| line.starts_with("error[")).count();
    assert_eq!(errors, count, "{stderr}");
    let plural = if count == 1 { "problem" } else { "problems" };
    assert!(stderr.contains(&format!("is not a valid model: {count} {plural}")), "{stderr}");
}

#[test]
fn yaml_syntax_error() {
    let stderr = refused("yaml-syntax");
    assert_says(&stderr, &["error[yaml]: unclosed bracket '['", "tests/fixtures/invalid/yaml-syntax/model.yaml:7:17"]);
    assert_problems(&stderr, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn unknown_field_suggests_the_known_one() {
    let stderr = refused("unknown-field");
    assert_says(
        &stderr,
        &[
            "error[unknown-field]: unknown field `contry`",
            "tests/fixtures/invalid/unknown-field/model.yaml:6:5",
            "help: did you mean `country`?",
        ],
    );
    assert_problems(&stderr, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn wrong_enum_value_lists_the_allowed_ones() {
    let stderr = refused("unknown-enum-value");
    assert_says(
        &stderr,
        &[
            "error[unknown-value]: unknown party kind `hospital`",
            "tests/fixtures/invalid/unknown-enum-value/model.yaml:5:11",
            "expected one of: region, municipality, care_provider, subcontractor, tech_vendor, authority, other",
        ],
    );
    assert_problems(&stderr, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn duplicate_id_within_a_file_points_at_both() {
    let stderr = refused("duplicate-id-in-file");
    assert_says(
        &stderr,
        &[
            "error[duplicate-id]: duplicate party id `medhelp`",
            "tests/fixtures/invalid/duplicate-id-in-file/model.yaml:7:9",
            "defined again here",
            "3 |   - id: medhelp",
            "first defined here",
        ],
    );
    assert_problems(&stderr, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn duplicate_id_across_files_points_at_both() {
    let stderr = refused("duplicate-id-across-files");
    assert_says(
        &stderr,
        &[
            "error[duplicate-id]: duplicate party id `medhelp`",
            "--> tests/fixtures/invalid/duplicate-id-across-files/systems.yaml:2:9",
            "::: tests/fixtures/invalid/duplicate-id-across-files/parties.yaml:3:9",
            "first defined here",
        ],
    );
    assert_problems(&stderr, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn unknown_reference_suggests_the_closest_id() {
    let stderr = refused("unknown-reference");
    assert_says(
        &stderr,
        &[
            "error[unknown-reference]: unknown party `medhlep`",
            "tests/fixtures/invalid/unknown-reference/model.yaml:11:15",
            "help: did you mean `medhelp`?",
        ],
    );
    assert_problems(&stderr, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn unknown_country_code() {
    let stderr = refused("unknown-country");
    assert_says(
        &stderr,
        &[
            "error[unknown-country]: `XX` is not an ISO 3166-1 alpha-2 country code",
            "tests/fixtures/invalid/unknown-country/model.yaml:6:14",
        ],
    );
    assert_problems(&stderr, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn lower_case_country_code_suggests_upper_case() {
    let stderr = refused("lowercase-country");
    assert_says(
        &stderr,
        &[
            "error[unknown-country]: `th` is not an ISO 3166-1 alpha-2 country code",
            "tests/fixtures/invalid/lowercase-country/model.yaml:6:14",
            "help: country codes are upper case: `TH`",
        ],
    );
    assert_problems(&stderr, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn impossible_date() {
    let stderr = refused("impossible-date");
    assert_says(
        &stderr,
        &[
            "error[bad-date]: `2019-02-30` is not a date",
            "tests/fixtures/invalid/impossible-date/model.yaml:18:16",
            "expected a calendar date written YYYY-MM-DD",
        ],
    );
    assert_problems(&stderr, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn date_with_slashes() {
    let stderr = refused("slashed-date");
    assert_says(
        &stderr,
        &[
            "error[bad-date]: `2019/02/18` is not a date",
            "tests/fixtures/invalid/slashed-date/model.yaml:18:16",
            "expected a calendar date written YYYY-MM-DD",
        ],
    );
    assert_problems(&stderr, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn party_acting_on_its_own_behalf() {
    let stderr = refused("self-on-behalf");
    assert_says(
        &stderr,
        &[
            "error[self-on-behalf]: `medhelp` acts on its own behalf",
            "tests/fixtures/invalid/self-on-behalf/model.yaml:13:41",
        ],
    );
    assert_problems(&stderr, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn cycle_of_on_behalf_of_within_an_activity() {
    let stderr = refused("on-behalf-cycle");
    assert_says(
        &stderr,
        &[
            "error[on-behalf-cycle]: in activity `call-recording`, `medicall` → `voice-integrate` → `medicall` act on behalf of each other in a circle",
            "tests/fixtures/invalid/on-behalf-cycle/model.yaml:16:42",
            "`medicall` acts on behalf of `voice-integrate`",
            "`voice-integrate` acts on behalf of `medicall`",
        ],
    );
    assert_problems(&stderr, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn yes_is_not_a_boolean() {
    let stderr = refused("yes-no-boolean");
    assert_says(
        &stderr,
        &[
            "error[yaml]: expected `true` or `false`",
            "tests/fixtures/invalid/yes-no-boolean/model.yaml:7:10",
            "`yes`, `no`, `on` and `off` are not booleans",
        ],
    );
    assert_problems(&stderr, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn country_no_is_norway_not_false() {
    // YAML 1.1 reads an unquoted `NO` as false; ansvar models read it as Norway.
    let reference = ansvar::reference::Reference::builtin();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/norway");
    let loaded = ansvar::load::load_path(&fixture, &reference).unwrap();
    let party = &loaded.model.parties[&ansvar::model::PartyId::new("helse-nord")];
    assert_eq!(party.country.value.as_str(), "NO");
}

#[test]
fn missing_required_field() {
    let stderr = refused("missing-field");
    assert_says(
        &stderr,
        &[
            "error[missing-field]: party `medhelp` has no `country`",
            "tests/fixtures/invalid/missing-field/model.yaml:3:5",
            "`country` is required here",
        ],
    );
    assert_problems(&stderr, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn id_that_is_not_kebab_case() {
    let stderr = refused("bad-id");
    assert_says(
        &stderr,
        &[
            "error[bad-id]: `MedHelp_AB` is not a valid id",
            "tests/fixtures/invalid/bad-id/model.yaml:3:9",
            "help: write it as `medhelp-ab`",
        ],
    );
    assert_problems(&stderr, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn bad_iso_8601_duration() {
    let stderr = refused("bad-duration");
    assert_says(
        &stderr,
        &[
            "error[bad-duration]: `10 years` is not an ISO 8601 duration",
            "tests/fixtures/invalid/bad-duration/model.yaml:6:16",
        ],
    );
    assert_problems(&stderr, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn duplicate_key_in_a_mapping() {
    let stderr = refused("duplicate-key");
    assert_says(
        &stderr,
        &["error[yaml]: duplicate key `country`", "tests/fixtures/invalid/duplicate-key/model.yaml:7:5"],
    );
    assert_problems(&stderr, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn a_value_where_a_list_belongs() {
    let stderr = refused("wrong-shape");
    assert_says(&stderr, &["error[yaml]: expected a list here", "tests/fixtures/invalid/wrong-shape/model.yaml:7:17"]);
    assert_problems(&stderr, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn alias_bomb_is_refused() {
    let stderr = refused("alias-bomb");
    assert_says(
        &stderr,
        &[
            "error[yaml]: YAML aliases expand too far",
            "tests/fixtures/invalid/alias-bomb/model.yaml:",
            "alias used here",
            "anchor defined here",
        ],
    );
    assert_problems(&stderr, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn deep_nesting_is_refused() {
    let stderr = refused("deep-nesting");
    assert_says(
        &stderr,
        &["error[yaml]: YAML nested deeper than 32 levels", "tests/fixtures/invalid/deep-nesting/model.yaml:2:41"],
    );
    assert_problems(&stderr, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn file_over_256_mib_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("big")).unwrap();
    // Sparse: the size is set, no data is written, the disk stays empty.
    let file = std::fs::File::create(dir.path().join("big/model.yaml")).unwrap();
    file.set_len(ansvar::load::MAX_FILE_BYTES + 1).unwrap();
    drop(file);
    let stderr = refused_in(dir.path(), "big");
    assert_says(
        &stderr,
        &["error[file-too-large]: `big/model.yaml` is 268435457 bytes; model files are limited to 268435456 bytes"],
    );
    assert_problems(&stderr, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn file_that_is_not_utf8() {
    let stderr = refused("not-utf8");
    assert_says(
        &stderr,
        &[
            "error[not-utf8]: `tests/fixtures/invalid/not-utf8/model.yaml` is not UTF-8",
            "tests/fixtures/invalid/not-utf8/model.yaml:4:19",
        ],
    );
    assert_problems(&stderr, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn empty_directory() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let stderr = refused_in(dir.path(), "empty");
    assert_says(&stderr, &["error[empty-model]: `empty` has no .yaml files"]);
    assert_problems(&stderr, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn missing_model_path() {
    let dir = tempfile::tempdir().unwrap();
    let stderr = refused_in(dir.path(), "no-such-model");
    // One error, not a diagnostic plus "is not a valid model" (issue 17.6).
    assert_eq!(stderr, "error: no such directory: no-such-model\n");
}

#[test]
fn every_error_in_one_run() {
    let stderr = refused("every-error-in-one-run");
    let parties = "tests/fixtures/invalid/every-error-in-one-run/parties.yaml";
    let processing = "tests/fixtures/invalid/every-error-in-one-run/processing.yaml";
    assert_says(
        &stderr,
        &[
            "error[unknown-value]: unknown party kind `care-provider`",
            &format!("{parties}:5:11"),
            "help: write it as `care_provider`",
            "error[unknown-country]: `th` is not an ISO 3166-1 alpha-2 country code",
            &format!("{parties}:10:14"),
            "error[duplicate-id]: duplicate party id `medhelp`",
            &format!("{parties}:11:9"),
            "error[bad-duration]: `10 years` is not an ISO 8601 duration",
            &format!("{processing}:5:16"),
            "error[unknown-reference]: unknown party `medhlep`",
            &format!("{processing}:13:42"),
            "error[missing-field]: performer has no `party`",
            &format!("{processing}:14:9"),
            "error[bad-date]: `2019-02-30` is not a date",
            &format!("{processing}:22:16"),
        ],
    );
    assert_problems(&stderr, 7);
    insta::assert_snapshot!(stderr);
}

#[test]
fn a_file_with_a_yaml_error_does_not_hide_the_others() {
    let stderr = refused("syntax-error-in-other-file");
    let parties = "tests/fixtures/invalid/syntax-error-in-other-file/parties.yaml";
    let systems = "tests/fixtures/invalid/syntax-error-in-other-file/systems.yaml";
    assert_says(
        &stderr,
        &[
            "error[yaml]: unclosed bracket '['",
            &format!("{parties}:7:17"),
            "error[unknown-reference]: unknown party `medhelp`",
            &format!("{systems}:5:15"),
            &format!("note: `{parties}` could not be loaded, so ids defined there are not known"),
            "error[unknown-country]: `SWE` is not an ISO 3166-1 alpha-2 country code",
            &format!("{systems}:6:15"),
        ],
    );
    assert_problems(&stderr, 3);
    insta::assert_snapshot!(stderr);
}

#[test]
fn every_problem_once_and_no_follow_on_errors() {
    // The case: a misspelt field and a bad boolean in one file, a typo
    // in another. The system keeps its id, so the references to it are not
    // "unknown system", and the misspelt `location` is not "missing" too.
    let stderr = refused("no-cascade");
    let systems = "tests/fixtures/invalid/no-cascade/systems.yaml";
    let processing = "tests/fixtures/invalid/no-cascade/processing.yaml";
    assert_says(
        &stderr,
        &[
            "error[unknown-field]: unknown field `locaton`",
            &format!("{systems}:8:5"),
            "help: did you mean `location`?",
            "error[yaml]: expected `true` or `false`",
            &format!("{systems}:9:14"),
            "error[unknown-reference]: unknown party `medhelpp`",
            &format!("{processing}:13:49"),
        ],
    );
    assert!(!stderr.contains("unknown system"), "{stderr}");
    assert!(!stderr.contains("no `location`"), "{stderr}");
    assert_problems(&stderr, 3);
    // In file and line order.
    let first = |needle: &str| stderr.find(needle).unwrap();
    assert!(first("medhelpp") < first("locaton") && first("locaton") < first("true` or `false"));
    insta::assert_snapshot!(stderr);
}

#[test]
fn booleans_are_exactly_true_or_false() {
    let stderr = refused("not-quite-booleans");
    let model = "tests/fixtures/invalid/not-quite-booleans/model.yaml";
    assert_says(
        &stderr,
        &[
            &format!("{model}:8:10"),
            &format!("{model}:9:20"),
            &format!("{model}:10:18"),
            "write `true` or `false` exactly: lower case, without quotes",
        ],
    );
    assert_eq!(stderr.matches("error[yaml]: expected `true` or `false`").count(), 3, "{stderr}");
    assert_problems(&stderr, 3);
    insta::assert_snapshot!(stderr);
}
