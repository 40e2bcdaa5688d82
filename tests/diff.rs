//! `ansvar diff` (issue #6): fixture pairs under `tests/fixtures/diff/<case>/`,
//! each an `old/` and a `new/` model, with the exact changes each must show.
//!
//! The library tests call [`ansvar::diff::diff`] directly; the CLI tests run the
//! binary for exit codes, side names in errors, git revisions and the rendered
//! output (snapshots in `tests/snapshots/`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use ansvar::diff::{ModelDiff, ObligationItem, Side, diff};
use ansvar::load::{Loaded, load_path};
use ansvar::reference::Reference;
use assert_cmd::Command;
use jiff::civil::{Date, date};
use predicates::prelude::*;

/// The day the open recordings were reported: the 1177 chain as it stood.
const DAY_OF_THE_BREACH: Date = date(2019, 2, 18);
/// The evaluation date of the small fixtures: after the US adequacy decision
/// (2023-07-10) and the start of every agreement in them.
const MID_2024: Date = date(2024, 6, 1);

fn fixture(case: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diff").join(case)
}

fn load(dir: &Path) -> Loaded {
    match load_path(dir, &Reference::builtin()) {
        Ok(loaded) => loaded,
        Err(invalid) => panic!("{} is invalid: {:#?}", dir.display(), invalid.diagnostics),
    }
}

/// The diff of a fixture's `old/` and `new/` as of `as_of`.
fn diff_case(case: &str, as_of: Date) -> ModelDiff {
    diff_dirs(&fixture(case).join("old"), &fixture(case).join("new"), as_of)
}

fn diff_dirs(old: &Path, new: &Path, as_of: Date) -> ModelDiff {
    let (old, new) = (load(old), load(new));
    diff(
        &Side { model: &old.model, sources: &old.sources },
        &Side { model: &new.model, sources: &new.sources },
        &Reference::builtin(),
        as_of,
    )
}

/// Findings as `code party activity`, in the diff's order.
fn findings(list: &[ansvar::diff::FindingSummary]) -> Vec<String> {
    list.iter()
        .map(|f| {
            let id = |id: Option<&str>| id.unwrap_or("-").to_owned();
            format!(
                "{} {} {}",
                f.code,
                id(f.party.as_ref().map(|p| p.as_str())),
                id(f.activity.as_ref().map(|a| a.as_str()))
            )
        })
        .collect()
}

/// Role changes as `party activity change: old → new`.
fn roles(changes: &ModelDiff) -> Vec<String> {
    let held = |roles: &[ansvar::diff::HeldRole]| {
        let parts: Vec<String> = roles
            .iter()
            .map(|r| match &r.on_behalf_of {
                Some(principal) => format!("{} for {principal}", r.role),
                None if !r.own_purposes.is_empty() => format!("{} for {:?}", r.role, r.own_purposes),
                None => r.role.to_string(),
            })
            .collect();
        if parts.is_empty() { "-".to_owned() } else { parts.join(" + ") }
    };
    changes
        .roles
        .iter()
        .map(|c| format!("{} {} {}: {} → {}", c.party, c.activity, c.change, held(&c.old), held(&c.new)))
        .collect()
}

/// Third-country changes as `change party activity country`.
fn abroad(changes: &ModelDiff) -> Vec<String> {
    changes
        .abroad
        .iter()
        .map(|c| {
            let item = c.new.as_ref().or(c.old.as_ref()).unwrap();
            format!("{} {} {} {}", c.change, item.party, item.activity, item.country)
        })
        .collect()
}

/// Notification duties as `activity from → to`, from the Debug form of the recipient.
fn duties(list: &[ansvar::obligations::notification::NotificationDuty]) -> Vec<String> {
    list.iter().map(|d| format!("{} {} → {:?}", d.activity, d.from, d.to)).collect()
}

/// Entity changes as `section.id change`, and `section.id.field: old → new` per field.
fn entities(changes: &ModelDiff) -> Vec<String> {
    let mut lines = Vec::new();
    for entity in &changes.entities {
        if entity.fields.is_empty() {
            lines.push(format!("{}.{} {}", entity.section, entity.id, entity.change));
        }
        for field in &entity.fields {
            let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "(unset)".to_owned());
            lines.push(format!(
                "{}.{}.{}: {} → {}",
                entity.section,
                entity.id,
                field.field,
                show(&field.old),
                show(&field.new)
            ));
        }
    }
    lines
}

fn ansvar() -> Command {
    assert_cmd::cargo::cargo_bin_cmd!("ansvar")
}

/// `ansvar diff` run from the crate root, so that paths in the output are relative.
fn ansvar_diff(args: &[&str]) -> Command {
    let mut command = ansvar();
    command.current_dir(env!("CARGO_MANIFEST_DIR")).arg("diff").args(args).args(["--color", "never"]);
    command
}

// ---- medicall-removed -------------------------------------------------------

#[test]
fn medicall_removed_resolves_its_findings_and_introduces_none() {
    let changes = diff_case("medicall-removed", DAY_OF_THE_BREACH);
    assert_eq!(findings(&changes.findings_introduced), Vec::<String>::new());
    assert_eq!(
        findings(&changes.findings_resolved),
        [
            "care-giver-as-processor medhelp advice-medhelp",
            "regime-not-bound medhelp advice-medhelp",
            "transfer-without-safeguard medhelp advice-medhelp",
        ]
    );
    assert!(changes.findings_resolved.iter().all(|f| f.message.starts_with("`medicall` ")));
    assert!(changes.acceptances_started.is_empty() && changes.acceptances_stopped.is_empty());
    // Roles are derived whether or not an activity runs on the date, so the
    // Dalarna summer cover of 2015–2017 counts too.
    assert_eq!(
        roles(&changes),
        [
            "medicall advice-dalarna-summer lost: processor for medhelp → -",
            "medicall advice-medhelp lost: processor for medhelp → -",
        ]
    );
    // Third-country processing is listed for activities running on the date only.
    assert_eq!(abroad(&changes), ["removed medicall advice-medhelp TH"]);
    assert!(changes.duties_added.is_empty());
    assert_eq!(
        duties(&changes.duties_removed),
        [
            "advice-dalarna-summer medicall → Principal(PartyId(\"medhelp\"))",
            "advice-medhelp medicall → Principal(PartyId(\"medhelp\"))",
        ]
    );
    assert_eq!(
        entities(&changes),
        [
            "parties.medicall removed",
            "processing.advice-dalarna-summer.performers[medicall→medhelp]: present → (unset)",
            "processing.advice-medhelp.performers[medicall→medhelp]: present → (unset)",
            "agreements.medhelp-medicall removed",
            "agreements.medicall-voice-integrate removed",
        ]
    );
}

#[test]
fn medicall_removed_takes_its_processor_obligations_with_it() {
    let changes = diff_case("medicall-removed", DAY_OF_THE_BREACH);
    assert!(changes.obligations_added.is_empty());
    let removed: Vec<String> =
        changes.obligations_removed.iter().map(|o| format!("{} {} {}", o.party, o.activity, o.kind.as_str())).collect();
    // Only the activity running on the date brings obligations; the parties it
    // acted for keep theirs (medhelp still controls the activity). The case's
    // copy of the model leaves Medicall's reach (Art. 3) out, so its processor
    // duties stand, and it has no DPO duty: taking part in health processing is
    // not its core activity (Art. 37(1)(c)).
    assert_eq!(
        removed,
        [
            "medicall advice-medhelp security",
            "medicall advice-medhelp processing_on_instructions",
            "medicall advice-medhelp sub_processors",
            "medicall advice-medhelp processor_record",
            "medicall advice-medhelp breach_to_principal",
        ]
    );
    let backward = diff_dirs(
        &fixture("medicall-removed").join("new"),
        &fixture("medicall-removed").join("old"),
        DAY_OF_THE_BREACH,
    );
    assert_eq!(backward.obligations_added, changes.obligations_removed);
    assert!(backward.obligations_removed.is_empty());
}

/// Every obligation item of a model: the whole list drawn up and made a set,
/// the way `diff` compared obligations before it went party by party.
fn all_obligation_items(loaded: &Loaded, as_of: Date) -> BTreeSet<ObligationItem> {
    let reference = Reference::builtin();
    let analysis = ansvar::Analysis::new(&loaded.model, &reference, as_of);
    let mut items = BTreeSet::new();
    for party in analysis.obligations() {
        for obligation in &party.obligations {
            for activity in &obligation.activities {
                items.insert(ObligationItem {
                    party: party.party.clone(),
                    activity: activity.clone(),
                    kind: obligation.kind,
                    provisions: obligation.provisions,
                });
            }
        }
    }
    items
}

#[test]
fn obligations_compared_party_by_party_are_the_difference_of_the_whole_lists() {
    // Every fixture pair both ways, on two dates: `diff` draws each party's
    // obligations up on both sides and compares them only when they differ;
    // what it finds must be exactly the set difference of both sides' lists.
    let mut compared = 0;
    for case in [
        "controller-not-reached",
        "dpa-expires",
        "medicall-removed",
        "own-purposes",
        "reordered",
        "us-vendor-with-dpf",
        "us-vendor-without-dpf",
    ] {
        let (old_dir, new_dir) = (fixture(case).join("old"), fixture(case).join("new"));
        for (a, b) in [(&old_dir, &new_dir), (&new_dir, &old_dir)] {
            let (before, after) = (load(a), load(b));
            for as_of in [DAY_OF_THE_BREACH, MID_2024, date(2026, 1, 1)] {
                let changes = diff(
                    &Side { model: &before.model, sources: &before.sources },
                    &Side { model: &after.model, sources: &after.sources },
                    &Reference::builtin(),
                    as_of,
                );
                let (old_items, new_items) =
                    (all_obligation_items(&before, as_of), all_obligation_items(&after, as_of));
                let added: Vec<ObligationItem> = new_items.difference(&old_items).cloned().collect();
                let removed: Vec<ObligationItem> = old_items.difference(&new_items).cloned().collect();
                assert_eq!(changes.obligations_added, added, "{case} as of {as_of}");
                assert_eq!(changes.obligations_removed, removed, "{case} as of {as_of}");
                compared += usize::from(!added.is_empty() || !removed.is_empty());
            }
        }
    }
    // Not only empty differences: the pairs that change obligations did.
    assert!(compared >= 4, "only {compared} comparisons changed obligations");
}

#[test]
fn medicall_removed_in_reverse_introduces_what_it_resolved() {
    let forward = diff_case("medicall-removed", DAY_OF_THE_BREACH);
    let fixture = fixture("medicall-removed");
    let backward = diff_dirs(&fixture.join("new"), &fixture.join("old"), DAY_OF_THE_BREACH);
    assert_eq!(findings(&backward.findings_introduced), findings(&forward.findings_resolved));
    assert!(backward.findings_resolved.is_empty());
    assert_eq!(abroad(&backward), ["added medicall advice-medhelp TH"]);
    assert!(backward.introduces(ansvar::rules::Severity::High));
    assert!(!forward.introduces(ansvar::rules::Severity::Info));
}

#[test]
fn medicall_removed_text_snapshot() {
    let output = ansvar_diff(&[
        "tests/fixtures/diff/medicall-removed/old",
        "tests/fixtures/diff/medicall-removed/new",
        "--as-of",
        "2019-02-18",
    ])
    .assert()
    .success()
    .get_output()
    .clone();
    insta::assert_snapshot!("medicall_removed_text", String::from_utf8(output.stdout).unwrap());
}

#[test]
fn medicall_removed_markdown_snapshot() {
    let output = ansvar_diff(&[
        "tests/fixtures/diff/medicall-removed/old",
        "tests/fixtures/diff/medicall-removed/new",
        "--as-of",
        "2019-02-18",
        "--format",
        "md",
    ])
    .assert()
    .success()
    .get_output()
    .clone();
    insta::assert_snapshot!("medicall_removed_markdown", String::from_utf8(output.stdout).unwrap());
}

#[test]
fn medicall_removed_json_snapshot() {
    let output = ansvar_diff(&[
        "tests/fixtures/diff/medicall-removed/old",
        "tests/fixtures/diff/medicall-removed/new",
        "--as-of",
        "2019-02-18",
        "--format",
        "json",
    ])
    .assert()
    .success()
    .get_output()
    .clone();
    let text = String::from_utf8(output.stdout).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["as_of"], "2019-02-18");
    insta::assert_snapshot!("medicall_removed_json", text);
}

// ---- us-vendor-without-dpf, us-vendor-with-dpf ------------------------------

#[test]
fn us_vendor_without_dpf_introduces_a_transfer_without_safeguard() {
    let changes = diff_case("us-vendor-without-dpf", MID_2024);
    assert_eq!(findings(&changes.findings_introduced), ["transfer-without-safeguard clinic reminders"]);
    let finding = &changes.findings_introduced[0];
    assert!(finding.message.contains("covers only organisations certified under `eu-us-dpf`"), "{}", finding.message);
    assert!(changes.findings_resolved.is_empty());
    assert_eq!(roles(&changes), ["textline reminders gained: - → processor for clinic"]);
    assert_eq!(abroad(&changes), ["added textline reminders US"]);
    assert_eq!(duties(&changes.duties_added), ["reminders textline → Principal(PartyId(\"clinic\"))"]);
    assert!(changes.duties_removed.is_empty());
    assert_eq!(
        entities(&changes),
        [
            "parties.textline added",
            "processing.reminders.performers[clinic].task: Reception staff send reminders by hand → Reception staff book the reminders",
            "processing.reminders.performers[textline→clinic]: (unset) → present",
            "agreements.clinic-textline added",
        ]
    );
    assert!(changes.introduces(ansvar::rules::Severity::High));
}

#[test]
fn us_vendor_without_dpf_fails_the_cli_at_high() {
    let case = "tests/fixtures/diff/us-vendor-without-dpf";
    let (old, new) = (format!("{case}/old"), format!("{case}/new"));
    ansvar_diff(&[&old, &new, "--as-of", "2024-06-01", "--fail-on", "high"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("+ [high] transfer-without-safeguard: `textline` processes `reminders`"));
    // High is the default threshold.
    ansvar_diff(&[&old, &new, "--as-of", "2024-06-01"]).assert().code(1);
    ansvar_diff(&[&old, &new, "--as-of", "2024-06-01", "--fail-on", "critical"]).assert().code(0);
    ansvar_diff(&[&old, &new, "--as-of", "2024-06-01", "--fail-on", "never"]).assert().code(0);
    // Removing the vendor again resolves the finding: nothing is introduced.
    ansvar_diff(&[&new, &old, "--as-of", "2024-06-01", "--fail-on", "info"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("- [high] transfer-without-safeguard"));
}

#[test]
fn us_vendor_with_dpf_introduces_no_transfer_finding() {
    let changes = diff_case("us-vendor-with-dpf", MID_2024);
    assert_eq!(findings(&changes.findings_introduced), Vec::<String>::new());
    assert!(changes.findings_resolved.is_empty());
    // The processing abroad is still listed: the adequacy decision covers it.
    assert_eq!(abroad(&changes), ["added textline reminders US"]);
    let item = changes.abroad[0].new.as_ref().unwrap();
    assert!(item.adequacy.as_deref().is_some_and(|a| a.contains("2023/1795")), "{item:?}");
    assert!(entities(&changes).contains(&"parties.textline added".to_owned()), "{:#?}", entities(&changes));
    let old = fixture("us-vendor-with-dpf").join("old");
    let new = fixture("us-vendor-with-dpf").join("new");
    ansvar_diff(&[old.to_str().unwrap(), new.to_str().unwrap(), "--as-of", "2024-06-01", "--fail-on", "info"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("transfer-").not());
}

// ---- dpa-expires --------------------------------------------------------------

#[test]
fn dpa_expiring_before_the_date_introduces_agreement_not_in_force() {
    let changes = diff_case("dpa-expires", MID_2024);
    assert_eq!(
        findings(&changes.findings_introduced),
        [
            "agreement-not-in-force clinic care",
            "processor-without-agreement clinic care",
            // The processor is bound by the contract too (Art. 28(3), 29).
            "processor-without-agreement hosting care"
        ]
    );
    assert!(changes.findings_introduced[0].message.contains("expired on 2024-03-31"));
    assert!(changes.findings_resolved.is_empty());
    // Roles follow facts, not contracts: nobody's role changes.
    assert!(changes.roles.is_empty() && changes.abroad.is_empty());
    assert_eq!(entities(&changes), ["agreements.clinic-hosting.expires: 2026-12-31 → 2024-03-31"]);
}

#[test]
fn dpa_expiry_is_judged_as_of_the_date() {
    // On the day before the new expiry, the agreement still holds: only the fact changed.
    let changes = diff_case("dpa-expires", date(2024, 3, 31));
    assert!(changes.findings_introduced.is_empty() && changes.findings_resolved.is_empty());
    assert_eq!(entities(&changes), ["agreements.clinic-hosting.expires: 2026-12-31 → 2024-03-31"]);
    assert!(!changes.is_empty());
    // The day after, it does not.
    let changes = diff_case("dpa-expires", date(2024, 4, 1));
    assert_eq!(findings(&changes.findings_introduced).len(), 3);
}

#[test]
fn dpa_expires_cli_prints_the_field_change() {
    ansvar_diff(&[
        "tests/fixtures/diff/dpa-expires/old",
        "tests/fixtures/diff/dpa-expires/new",
        "--as-of",
        "2024-06-01",
    ])
    .assert()
    .code(1)
    .stdout(predicate::str::contains("~ agreements.clinic-hosting.expires: 2026-12-31 → 2024-03-31"))
    .stdout(predicate::str::contains("+ [high] agreement-not-in-force:"))
    .stdout(predicate::str::contains("+ [high] processor-without-agreement:"));
}

// ---- reordered ------------------------------------------------------------------

#[test]
fn reordering_and_reformatting_changes_nothing() {
    let changes = diff_case("reordered", DAY_OF_THE_BREACH);
    assert!(changes.is_empty(), "{changes:#?}");
    // Also on a date when the Dalarna summer cover runs and other findings hold.
    assert!(diff_case("reordered", date(2016, 7, 1)).is_empty());
}

#[test]
fn reordered_prints_no_change_and_exits_0() {
    ansvar_diff(&["tests/fixtures/diff/reordered/old", "tests/fixtures/diff/reordered/new", "--as-of", "2019-02-18"])
        .assert()
        .code(0)
        .stdout(
            "ansvar diff: tests/fixtures/diff/reordered/old → tests/fixtures/diff/reordered/new\n\n\
             No change in roles, findings, transfers, duties or entities.\n",
        );
    ansvar_diff(&[
        "tests/fixtures/diff/reordered/old",
        "tests/fixtures/diff/reordered/new",
        "--as-of",
        "2019-02-18",
        "--format",
        "md",
    ])
    .assert()
    .code(0)
    .stdout(predicate::str::contains("No change"));
}

// ---- own-purposes -----------------------------------------------------------------

#[test]
fn a_processor_with_purposes_of_its_own_becomes_also_a_controller() {
    let changes = diff_case("own-purposes", DAY_OF_THE_BREACH);
    assert_eq!(
        roles(&changes),
        ["voice-integrate advice-medhelp changed: processor for medhelp → \
             controller for [\"training Voice Integrate's speech-recognition product\"] + processor for medhelp"]
    );
    let new_roles = &changes.roles[0].new;
    assert!(new_roles.iter().any(|r| r.reasons.iter().any(|reason| reason.contains("purposes of its own"))));
    // As a controller it now has the Art. 33(1) and 34 duties itself.
    assert_eq!(
        duties(&changes.duties_added),
        ["advice-medhelp voice-integrate → SupervisoryAuthority", "advice-medhelp voice-integrate → DataSubjects",]
    );
    // Going beyond its instructions is a finding against Voice Integrate (Art. 28(10),
    // 29), and handing it the data for its own purposes one against Medhelp
    // (Art. 5(1)(b), 6(1), 13(1)(e)).
    let introduced: Vec<(&str, Option<&str>)> =
        changes.findings_introduced.iter().map(|f| (f.code, f.party.as_ref().map(|p| p.as_str()))).collect();
    assert_eq!(
        introduced,
        [
            ("disclosure-for-recipient-purposes", Some("medhelp")),
            ("processor-beyond-instructions", Some("voice-integrate"))
        ],
        "{:#?}",
        changes.findings_introduced
    );
    // Voice Integrate's notification to IMY was flagged as a processor's; as a
    // controller of its own purposes it owes that notification itself
    // (Art. 28(10), 33(1)), so the finding is resolved.
    assert_eq!(changes.findings_resolved.len(), 1, "{:#?}", changes.findings_resolved);
    let resolved = &changes.findings_resolved[0];
    assert_eq!(resolved.code, "breach-notified-by-non-controller");
    assert!(resolved.message.starts_with("`voice-integrate` notified `imy`"), "{resolved:#?}");
    assert!(changes.introduces(ansvar::rules::Severity::High));
    assert_eq!(
        entities(&changes),
        ["processing.advice-medhelp.performers[voice-integrate→medhelp].own_purposes: [] → \
             [training Voice Integrate's speech-recognition product]"]
    );
    ansvar_diff(&[
        "tests/fixtures/diff/own-purposes/old",
        "tests/fixtures/diff/own-purposes/new",
        "--as-of",
        "2019-02-18",
    ])
    .assert()
    // The change introduces high findings, at the default `--fail-on high`.
    .code(1)
    .stdout(predicate::str::contains(
        "~ voice-integrate in advice-medhelp: processor for medhelp → \
             controller for its own purposes (Art. 28(10)) + processor for medhelp",
    ));
}

// ---- controller-not-reached ----------------------------------------------------------

/// `diff --format json` of the controller-not-reached pair, one way or the other.
fn not_reached_json(old: &str, new: &str) -> serde_json::Value {
    let case = "tests/fixtures/diff/controller-not-reached";
    let output = ansvar_diff(&[&format!("{case}/{old}"), &format!("{case}/{new}"), "--as-of", "2024-06-01"])
        .args(["--format", "json"])
        .output()
        .expect("ansvar runs");
    assert!(output.status.code().is_some_and(|code| code <= 1), "{output:?}");
    serde_json::from_slice(&output.stdout).expect("stdout is one JSON document")
}

/// The `party activity kind` of each obligation in a list of the JSON document.
fn obligation_lines(document: &serde_json::Value, list: &str) -> Vec<String> {
    let items = document[list].as_array().map_or(&[][..], Vec::as_slice);
    items
        .iter()
        .map(|o| {
            let field = |name: &str| o[name].as_str().unwrap_or("?").to_owned();
            format!("{} {} {}", field("party"), field("activity"), field("kind"))
        })
        .collect()
}

#[test]
fn a_controller_no_longer_reached_loses_its_controller_duties() {
    // The old side records the Thai company as offering its services to people
    // in the Union (Art. 3(2)); the new side records it as reached by no ground
    // of Art. 3. Its controller duties in the study are removed, in their place
    // the one statement that the GDPR does not reach it; the Swedish
    // processor's duties stand.
    let forward = not_reached_json("old", "new");
    let removed = obligation_lines(&forward, "obligations_removed");
    let added = obligation_lines(&forward, "obligations_added");
    assert_eq!(added, ["overseas study controller_not_reached"], "{forward:#}");
    for duty in
        ["accountability", "information_to_data_subjects", "controller_record", "security", "breach_to_authority"]
    {
        assert!(removed.contains(&format!("overseas study {duty}")), "{duty} not removed: {removed:#?}");
    }
    assert!(removed.iter().all(|line| line.starts_with("overseas study ")), "{removed:#?}");
    // Backwards, the company comes within reach: the same duties are added.
    let backward = not_reached_json("new", "old");
    assert_eq!(obligation_lines(&backward, "obligations_added"), removed);
    assert_eq!(obligation_lines(&backward, "obligations_removed"), added);
}

// ---- invalid sides ----------------------------------------------------------------

#[test]
fn an_invalid_old_side_exits_2_and_says_so() {
    ansvar_diff(&["tests/fixtures/diff/invalid-side/invalid", "tests/fixtures/diff/dpa-expires/old"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("unknown party `clinik`"))
        .stderr(predicate::str::contains(
            "the old side: `tests/fixtures/diff/invalid-side/invalid` is not a valid model",
        ))
        .stderr(predicate::str::contains("the new side").not());
}

#[test]
fn an_invalid_new_side_exits_2_and_says_so() {
    ansvar_diff(&["tests/fixtures/diff/dpa-expires/old", "tests/fixtures/diff/invalid-side/invalid"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "the new side: `tests/fixtures/diff/invalid-side/invalid` is not a valid model",
        ))
        .stderr(predicate::str::contains("the old side").not());
}

#[test]
fn two_invalid_sides_are_both_reported() {
    ansvar_diff(&["tests/fixtures/diff/invalid-side/invalid", "tests/fixtures/diff/invalid-side/invalid"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("the old side:"))
        .stderr(predicate::str::contains("the new side:"));
}

#[test]
fn a_missing_side_exits_2() {
    ansvar_diff(&["tests/fixtures/diff/dpa-expires/old", "tests/fixtures/diff/no-such-model"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the new side"));
}

// ---- git revisions ----------------------------------------------------------------

/// A git repository in a temporary directory with the `dpa-expires` old side
/// committed as `models/clinic`, and the new side in the work tree (uncommitted).
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let repo = Self { dir };
        repo.git(&["init", "--quiet"]);
        // Local identity, so that the test does not depend on the user's git config.
        repo.git(&["config", "user.name", "ansvar tests"]);
        repo.git(&["config", "user.email", "tests@ansvar.invalid"]);
        repo.git(&["config", "commit.gpgsign", "false"]);
        let model = repo.model_dir();
        std::fs::create_dir_all(&model).unwrap();
        std::fs::copy(fixture("dpa-expires").join("old/model.yaml"), model.join("model.yaml")).unwrap();
        repo.git(&["add", "."]);
        repo.git(&["commit", "--quiet", "-m", "clinic model"]);
        std::fs::copy(fixture("dpa-expires").join("new/model.yaml"), model.join("model.yaml")).unwrap();
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn model_dir(&self) -> PathBuf {
        self.path().join("models/clinic")
    }

    fn git(&self, args: &[&str]) {
        let status = StdCommand::new("git")
            .args(args)
            .current_dir(self.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", self.path())
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    }

    /// Every file in the work tree with its contents, to prove diff changed none.
    fn snapshot(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut files = Vec::new();
        let mut stack = vec![self.path().to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.file_name().is_some_and(|n| n == ".git") {
                    continue;
                }
                if path.is_dir() {
                    stack.push(path);
                } else {
                    files.push((path.clone(), std::fs::read(&path).unwrap()));
                }
            }
        }
        files.sort();
        files
    }

    fn ansvar_diff(&self, args: &[&str]) -> Command {
        let mut command = ansvar();
        command.current_dir(self.path()).arg("diff").args(args).args(["--as-of", "2024-06-01", "--color", "never"]);
        command
    }
}

const EXPIRES_CHANGED: &str = "~ agreements.clinic-hosting.expires: 2026-12-31 → 2024-03-31";

#[test]
fn rev_colon_path_reads_the_old_side_from_git() {
    let repo = Repo::new();
    let before = repo.snapshot();
    repo.ansvar_diff(&["HEAD:models/clinic", "models/clinic"])
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("ansvar diff: HEAD:models/clinic → models/clinic\n"))
        .stdout(predicate::str::contains(EXPIRES_CHANGED))
        .stdout(predicate::str::contains("+ [high] agreement-not-in-force:"));
    assert_eq!(repo.snapshot(), before, "the work tree changed");
}

#[test]
fn git_old_reads_the_old_side_from_git() {
    let repo = Repo::new();
    let before = repo.snapshot();
    repo.ansvar_diff(&["--git-old", "HEAD", "models/clinic", "models/clinic"])
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("ansvar diff: HEAD:models/clinic → models/clinic\n"))
        .stdout(predicate::str::contains(EXPIRES_CHANGED));
    // The same revision on both sides: no change, whatever the work tree holds.
    repo.ansvar_diff(&["--git-old", "HEAD", "--git-new", "HEAD", "models/clinic", "models/clinic"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("No change"));
    assert_eq!(repo.snapshot(), before, "the work tree changed");
    // Both sides from git; locations in findings name the revision.
    repo.git(&["commit", "--quiet", "-am", "the agreement ends early"]);
    repo.ansvar_diff(&[
        "--git-old",
        "HEAD",
        "--git-new",
        "HEAD~1",
        "models/clinic",
        "models/clinic",
        "--format",
        "json",
    ])
    .assert()
    .code(0)
    .stdout(predicate::str::contains("\"location\": \"HEAD:models/clinic/model.yaml:42:14\""));
}

#[test]
fn git_revisions_work_from_a_subdirectory_and_with_a_trailing_slash() {
    let repo = Repo::new();
    let mut command = ansvar();
    command
        .current_dir(repo.path().join("models"))
        .args(["diff", "HEAD:clinic/", "clinic/", "--as-of", "2024-06-01", "--color", "never"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(EXPIRES_CHANGED));
}

#[test]
fn git_revisions_accept_an_absolute_path() {
    let repo = Repo::new();
    let model = repo.model_dir();
    let model = model.to_str().unwrap();
    // From the repository, and from outside it: the path says which repository.
    repo.ansvar_diff(&["--git-old", "HEAD", model, model])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(EXPIRES_CHANGED));
    let elsewhere = tempfile::tempdir().unwrap();
    let mut command = ansvar();
    command
        .current_dir(elsewhere.path())
        .args(["diff", "--git-old", "HEAD", model, model, "--as-of", "2024-06-01", "--color", "never"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(EXPIRES_CHANGED));
}

#[test]
fn git_revisions_read_files_with_non_ascii_names() {
    let repo = Repo::new();
    let model = repo.model_dir();
    // Split the committed model: the agreement moves to a file with a Swedish name,
    // which `git ls-tree` quotes unless asked not to.
    let text = std::fs::read_to_string(fixture("dpa-expires").join("old/model.yaml")).unwrap();
    let (facts, agreements) = text.split_at(text.find("agreements:").unwrap());
    std::fs::write(model.join("model.yaml"), facts).unwrap();
    std::fs::write(model.join("avtal-för-sörmland.yaml"), agreements).unwrap();
    repo.git(&["add", "."]);
    repo.git(&["commit", "--quiet", "-m", "split"]);
    repo.ansvar_diff(&["HEAD:models/clinic", "models/clinic"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("No change"));
}

#[test]
fn a_bad_revision_exits_2_naming_the_side() {
    let repo = Repo::new();
    repo.ansvar_diff(&["no-such-rev:models/clinic", "models/clinic"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the old side"))
        .stderr(predicate::str::contains("no-such-rev"));
    repo.ansvar_diff(&["models/clinic", "HEAD:models/elsewhere"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the new side"))
        .stderr(predicate::str::contains("models/elsewhere"));
}

#[test]
fn an_invalid_model_at_a_revision_exits_2_with_its_location() {
    let repo = Repo::new();
    std::fs::copy(fixture("invalid-side").join("invalid/model.yaml"), repo.model_dir().join("model.yaml")).unwrap();
    repo.git(&["commit", "--quiet", "-am", "break it"]);
    std::fs::copy(fixture("dpa-expires").join("old/model.yaml"), repo.model_dir().join("model.yaml")).unwrap();
    repo.ansvar_diff(&["HEAD:models/clinic", "models/clinic"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--> HEAD:models/clinic/model.yaml:19:41"))
        .stderr(predicate::str::contains("the old side: `HEAD:models/clinic` is not a valid model"));
}
