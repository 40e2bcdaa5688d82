//! The rules of security (Art. 32, patientdatalagen), information (Art. 13/14),
//! breach notification (Art. 33/34), contracts in force and accepted risks, each
//! on its fixtures: `tests/fixtures/rules/<code>/fires/` must give exactly the
//! expected findings of that code, `…/passes/` none. The fixtures are variants
//! of one clean model (a clinic, its hosting company, a record system); each
//! changes one fact, named in its header comment. Every fixture is evaluated as
//! of 2024-06-01. That every rule of the catalogue has such fixtures is checked
//! by `tests/rule_fixtures.rs`.

use std::collections::BTreeSet;
use std::path::PathBuf;

use ansvar::Analysis;
use ansvar::load::load_path;
use ansvar::reference::Reference;
use ansvar::render::{Lang, message};
use ansvar::rules::{Finding, Severity};
use assert_cmd::Command;
use jiff::civil::{Date, date};

/// The evaluation date of every fixture.
const AS_OF: Date = date(2024, 6, 1);

fn fixture(code: &str, case: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules").join(code).join(case)
}

/// Every finding of a fixture, as of [`AS_OF`].
fn findings(code: &str, case: &str) -> Vec<Finding> {
    let path = fixture(code, case);
    let reference = Reference::builtin();
    let loaded = match load_path(&path, &reference) {
        Ok(loaded) => loaded,
        Err(invalid) => panic!("{} is invalid: {:#?}", path.display(), invalid.diagnostics),
    };
    Analysis::new(&loaded.model, &reference, AS_OF).findings
}

type Who = (Option<String>, Option<String>);

fn who(finding: &Finding) -> Who {
    (finding.party.as_ref().map(|p| p.to_string()), finding.activity.as_ref().map(|a| a.to_string()))
}

fn expected(list: &[(Option<&str>, Option<&str>)]) -> BTreeSet<Who> {
    list.iter().map(|(p, a)| (p.map(str::to_owned), a.map(str::to_owned))).collect()
}

/// Asserts that the fixture gives exactly `want` (party, activity) findings of
/// `code`, and no finding of any code outside `also`; returns those of `code`.
fn fires(code: &str, case: &str, want: &[(Option<&str>, Option<&str>)], also: &[&str]) -> Vec<Finding> {
    let all = findings(code, case);
    let of_code: Vec<Finding> = all.iter().filter(|f| f.code == code).cloned().collect();
    let got: BTreeSet<Who> = of_code.iter().map(who).collect();
    assert_eq!(got, expected(want), "{code}/{case}: parties and activities of `{code}`");
    assert_eq!(of_code.len(), want.len(), "{code}/{case}: one finding per party and activity");
    let stray: Vec<_> = all.iter().filter(|f| f.code != code && !also.contains(&f.code)).collect();
    assert!(stray.is_empty(), "{code}/{case}: unexpected findings {stray:#?}");
    of_code
}

/// Asserts that the fixture gives no finding of `code` and no unaccepted finding at all.
fn passes(code: &str, case: &str) -> Vec<Finding> {
    let all = findings(code, case);
    let open: Vec<_> = all.iter().filter(|f| f.code == code || f.accepted.is_none()).collect();
    assert!(open.is_empty(), "{code}/{case}: expected no findings, got {open:#?}");
    all
}

const CARE: (Option<&str>, Option<&str>) = (Some("clinic"), Some("care"));
const OPERATOR: (Option<&str>, Option<&str>) = (Some("hosting"), None);

// ---- security ---------------------------------------------------------------

#[test]
fn internet_without_authentication_fires_against_operator_and_controller() {
    let found = fires("internet-without-authentication", "fires", &[CARE, OPERATOR], &[]);
    assert!(found.iter().all(|f| f.severity == Severity::Critical));
    let controller = found.iter().find(|f| f.party.as_ref().is_some_and(|p| p.as_str() == "clinic")).unwrap();
    assert_eq!(controller.chain.iter().map(|p| p.as_str()).collect::<Vec<_>>(), ["clinic", "hosting"]);
    // The principles are the controller's to answer for; the processor answers for Art. 32.
    assert!(controller.provisions.contains(&ansvar::law::ART_5_1_F));
    let operator = found.iter().find(|f| f.party.as_ref().is_some_and(|p| p.as_str() == "hosting")).unwrap();
    assert!(!operator.provisions.contains(&ansvar::law::ART_5_1_F), "{:?}", operator.provisions);
    assert!(operator.provisions.contains(&ansvar::law::ART_32));
}

#[test]
fn internet_without_authentication_passes_behind_mfa() {
    passes("internet-without-authentication", "passes");
}

#[test]
fn unencrypted_in_transit_fires_on_a_shared_network() {
    let found = fires("unencrypted-in-transit", "fires", &[CARE, OPERATOR], &[]);
    assert!(found.iter().all(|f| f.severity == Severity::High));
}

#[test]
fn unencrypted_in_transit_fires_at_medium_when_exposure_is_unknown() {
    let found = fires("unencrypted-in-transit", "fires-exposure-unknown", &[CARE, OPERATOR], &[]);
    assert!(found.iter().all(|f| f.severity == Severity::Medium));
    assert!(found.iter().all(|f| message(&f.message, Lang::En).contains("`exposure` unknown")));
}

#[test]
fn unencrypted_in_transit_passes_on_an_internal_network() {
    passes("unencrypted-in-transit", "passes");
}

#[test]
fn unencrypted_at_rest_fires_against_operator_and_controller() {
    fires("unencrypted-at-rest", "fires", &[CARE, OPERATOR], &[]);
}

#[test]
fn unencrypted_at_rest_passes_when_unknown() {
    passes("unencrypted-at-rest", "passes");
}

#[test]
fn patient_data_without_access_log_fires_against_the_care_provider_only() {
    fires("patient-data-without-access-log", "fires", &[CARE], &[]);
}

#[test]
fn patient_data_without_access_log_spares_a_controller_without_patient_data_on_the_system() {
    fires("patient-data-without-access-log", "fires-shared-system", &[CARE], &[]);
}

#[test]
fn patient_data_without_access_log_passes_without_patient_data() {
    passes("patient-data-without-access-log", "passes");
}

#[test]
fn patient_data_without_backups_fires_against_the_care_provider() {
    fires("patient-data-without-backups", "fires", &[CARE], &[]);
}

#[test]
fn patient_data_without_backups_passes_with_backups() {
    passes("patient-data-without-backups", "passes");
}

// ---- information ------------------------------------------------------------

#[test]
fn subjects_not_informed_fires_when_nobody_informs() {
    let found = fires("subjects-not-informed", "fires", &[CARE], &[]);
    // As IMY cited them, and for patient data patientdatalagen's information duty too.
    for provision in [ansvar::law::ART_5_1_A, ansvar::law::ART_12, ansvar::law::ART_13, ansvar::law::PDL_8_6] {
        assert!(found[0].provisions.contains(&provision), "{provision} in {:?}", found[0].provisions);
    }
}

#[test]
fn subjects_not_informed_fires_when_only_an_outsider_informs() {
    fires("subjects-not-informed", "fires-outsider-informs", &[CARE], &[]);
}

#[test]
fn subjects_not_informed_passes_when_unknown() {
    passes("subjects-not-informed", "passes");
}

#[test]
fn subjects_not_informed_passes_when_the_processor_informs_for_the_controller() {
    passes("subjects-not-informed", "passes-processor-informs");
}

// ---- breaches ---------------------------------------------------------------

#[test]
fn no_breach_notification_duty_fires_on_recorded_terms_without_a_deadline() {
    fires("no-breach-notification-duty", "fires", &[CARE], &[]);
}

#[test]
fn no_breach_notification_duty_passes_when_terms_are_unknown() {
    passes("no-breach-notification-duty", "passes");
}

#[test]
fn breach_notified_by_non_controller_fires_against_the_processor() {
    let found = fires("breach-notified-by-non-controller", "fires", &[(Some("hosting"), Some("care"))], &[]);
    assert_eq!(found[0].severity, Severity::Low);
}

#[test]
fn breach_notified_by_non_controller_passes_when_the_processor_tells_its_controller() {
    passes("breach-notified-by-non-controller", "passes");
}

#[test]
fn breach_not_notified_fires_against_the_controller() {
    fires("breach-not-notified", "fires", &[CARE], &[]);
}

#[test]
fn breach_not_notified_passes_when_the_controller_notified() {
    passes("breach-not-notified", "passes");
}

#[test]
fn breach_not_notified_passes_for_a_breach_after_the_evaluation_date() {
    passes("breach-not-notified", "passes-future-incident");
}

#[test]
fn breach_notified_late_fires_after_three_days() {
    fires("breach-notified-late", "fires", &[CARE], &[]);
}

#[test]
fn breach_notified_late_passes_on_the_third_day() {
    passes("breach-notified-late", "passes");
}

#[test]
fn breach_subjects_not_told_fires_for_data_recorded_as_unencrypted() {
    fires("breach-subjects-not-told", "fires", &[CARE], &["unencrypted-at-rest"]);
}

#[test]
fn breach_subjects_not_told_stays_silent_when_encryption_is_not_recorded() {
    passes("breach-subjects-not-told", "passes-encryption-not-recorded");
}

#[test]
fn breach_subjects_not_told_passes_for_encrypted_data() {
    passes("breach-subjects-not-told", "passes");
}

// ---- contracts --------------------------------------------------------------

#[test]
fn agreement_not_in_force_fires_for_a_lapsed_agreement() {
    fires("agreement-not-in-force", "fires", &[CARE], &["processor-without-agreement"]);
}

#[test]
fn agreement_not_in_force_passes_when_renewed() {
    passes("agreement-not-in-force", "passes");
}

// ---- accepted risks ---------------------------------------------------------

#[test]
fn an_accepted_finding_is_reported_and_marked() {
    let all = passes("accepted-risk-expired", "passes");
    assert_eq!(all.len(), 1, "{all:#?}");
    let finding = &all[0];
    assert_eq!(finding.code, "subjects-not-informed");
    assert_eq!(who(finding), expected(&[CARE]).into_iter().next().unwrap());
    let acceptance = finding.accepted.as_ref().expect("marked as accepted");
    assert_eq!(acceptance.accepted_by, "A. Andersson, DPO");
    assert_eq!(acceptance.expires, date(2024, 12, 31));
}

#[test]
fn an_expired_acceptance_is_a_finding_and_the_original_counts_again() {
    fires("accepted-risk-expired", "fires", &[CARE], &["subjects-not-informed"]);
    let all = findings("accepted-risk-expired", "fires");
    let original = all.iter().find(|f| f.code == "subjects-not-informed").expect("the original finding");
    assert!(original.accepted.is_none(), "an expired acceptance accepts nothing");
}

#[test]
fn an_unused_acceptance_is_a_finding() {
    let found = fires("accepted-risk-unused", "fires", &[CARE], &[]);
    assert_eq!(found[0].severity, Severity::Low);
}

#[test]
fn a_used_acceptance_is_not_reported_unused() {
    passes("accepted-risk-unused", "passes");
}

#[test]
fn an_acceptance_of_an_unknown_rule_suggests_the_code_meant() {
    let found = fires("accepted-risk-unknown-rule", "fires", &[(None, None)], &[]);
    let text = message(&found[0].message, Lang::En);
    assert!(text.contains("did you mean `subjects-not-informed`?"), "no suggestion in: {text}");
}

#[test]
fn an_acceptance_of_a_known_rule_passes() {
    passes("accepted-risk-unknown-rule", "passes");
}

fn check(code: &str, case: &str, fail_on: &str) -> assert_cmd::assert::Assert {
    Command::cargo_bin("ansvar")
        .unwrap()
        .args(["check", "--as-of", "2024-06-01", "--color", "never", "--fail-on", fail_on])
        .arg(fixture(code, case))
        .assert()
}

#[test]
fn an_accepted_finding_does_not_fail_the_check() {
    check("accepted-risk-expired", "passes", "info").success();
}

#[test]
fn an_expired_acceptance_fails_the_check_again() {
    check("accepted-risk-expired", "fires", "high").code(1);
}

#[test]
fn accepted_findings_are_marked_in_json() {
    let output = Command::cargo_bin("ansvar")
        .unwrap()
        .args(["check", "--as-of", "2024-06-01", "--format", "json"])
        .arg(fixture("accepted-risk-expired", "passes"))
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let finding = &json["findings"][0];
    assert_eq!(finding["code"], "subjects-not-informed");
    assert_eq!(finding["accepted"], true);
    assert_eq!(finding["acceptance"]["accepted_by"], "A. Andersson, DPO");
    assert_eq!(json["counts"]["accepted"], 1);
    assert_eq!(json["counts"]["high"], 0);
}
