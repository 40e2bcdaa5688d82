//! The rules of security (Art. 32, patientdatalagen), each party's own duties
//! (Art. 30, 35, 37, patient-record retention), information (Art. 13/14),
//! breach notification (Art. 33/34), contracts in force, accepted risks, and a
//! regime's reach read from `--reference` data (a Finnish regime), each
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

/// Every finding of a fixture with one fact changed (`from` replaced by `to` in
/// its text), as of [`AS_OF`].
fn variant(code: &str, case: &str, from: &str, to: &str) -> Vec<Finding> {
    let text = std::fs::read_to_string(fixture(code, case).join("model.yaml")).unwrap();
    assert!(text.contains(from), "{code}/{case} has no `{from}`");
    let dir = std::env::temp_dir().join(format!("ansvar-variant-{code}-{case}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("model.yaml"), text.replace(from, to)).unwrap();
    let reference = Reference::builtin();
    let loaded = load_path(&dir, &reference).unwrap_or_else(|invalid| panic!("{:#?}", invalid.diagnostics));
    std::fs::remove_dir_all(&dir).unwrap();
    Analysis::new(&loaded.model, &reference, AS_OF).findings
}

/// The findings of `code` in a fixture of another rule, by (party, activity).
fn also_found(fixture_of: &str, case: &str, code: &str) -> BTreeSet<Who> {
    findings(fixture_of, case).iter().filter(|f| f.code == code).map(who).collect()
}

#[test]
fn patient_data_without_access_log_fires_against_the_care_provider_only() {
    fires("patient-data-without-access-log", "fires", &[CARE], &["sensitive-data-without-access-log"]);
    // The operator answers for its own Art. 32 duty under the general rule.
    let general = also_found("patient-data-without-access-log", "fires", "sensitive-data-without-access-log");
    assert_eq!(general, expected(&[OPERATOR]));
}

#[test]
fn patient_data_without_access_log_spares_a_controller_without_patient_data_on_the_system() {
    fires("patient-data-without-access-log", "fires-shared-system", &[CARE], &["sensitive-data-without-access-log"]);
    let general =
        also_found("patient-data-without-access-log", "fires-shared-system", "sensitive-data-without-access-log");
    assert_eq!(general, expected(&[OPERATOR]));
}

#[test]
fn patient_data_without_access_log_passes_without_patient_data() {
    passes("patient-data-without-access-log", "passes");
}

#[test]
fn patient_data_without_backups_fires_against_the_care_provider() {
    fires("patient-data-without-backups", "fires", &[CARE], &["sensitive-data-without-backups"]);
    let general = also_found("patient-data-without-backups", "fires", "sensitive-data-without-backups");
    assert_eq!(general, expected(&[OPERATOR]), "the care provider answers under the patient-data rule only");
}

#[test]
fn sensitive_data_without_backups_fires_against_operator_and_controller_at_low() {
    let found = fires("sensitive-data-without-backups", "fires", &[CARE, OPERATOR], &[]);
    assert!(found.iter().all(|f| f.severity == Severity::Low));
    for finding in &found {
        assert!(finding.provisions.contains(&ansvar::law::ART_32_1_C), "{:?}", finding.provisions);
        assert!(!finding.provisions.contains(&ansvar::law::HSLF_FS_2016_40_BACKUP), "{:?}", finding.provisions);
    }
}

#[test]
fn sensitive_data_without_backups_passes_without_special_categories() {
    passes("sensitive-data-without-backups", "passes");
}

#[test]
fn sensitive_data_without_access_log_fires_against_operator_and_controller() {
    let found = fires("sensitive-data-without-access-log", "fires", &[CARE, OPERATOR], &[]);
    assert!(found.iter().all(|f| f.severity == Severity::Medium));
}

#[test]
fn sensitive_data_without_access_log_passes_without_special_categories() {
    passes("sensitive-data-without-access-log", "passes");
}

#[test]
fn a_care_provider_running_its_own_system_answers_under_the_patient_data_rule_only() {
    // The record system run by the clinic itself, for its patient records and for
    // health data outside them: one patient-data finding for the records; the
    // general rule stays silent on the clinic as operator.
    let found = variant("patient-data-without-backups", "fires", "operator: hosting", "operator: clinic");
    let codes: Vec<(&str, Who)> = found.iter().map(|f| (f.code, who(f))).collect();
    assert_eq!(codes, [("patient-data-without-backups", (Some("clinic".to_owned()), Some("care".to_owned())))]);
}

#[test]
fn patient_data_without_backups_passes_with_backups() {
    passes("patient-data-without-backups", "passes");
}

#[test]
fn patient_data_without_strong_authentication_fires_over_the_internet() {
    let found = fires("patient-data-without-strong-authentication", "fires", &[CARE], &["password-only-on-internet"]);
    assert!(found[0].provisions.contains(&ansvar::law::HSLF_FS_2016_40_OPEN_NETWORKS));
    assert!(message(&found[0].message, Lang::En).contains("over the internet with a password alone"));
    // The operator's own Art. 32 duty is the general rule's.
    let general = also_found("patient-data-without-strong-authentication", "fires", "password-only-on-internet");
    assert_eq!(general, expected(&[OPERATOR]));
}

#[test]
fn patient_data_without_strong_authentication_fires_over_a_shared_network() {
    let found = fires("patient-data-without-strong-authentication", "fires-private-network", &[CARE], &[]);
    assert!(message(&found[0].message, Lang::En).contains("a network shared with other organisations"));
}

#[test]
fn patient_data_without_strong_authentication_passes_on_the_operator_s_own_network() {
    passes("patient-data-without-strong-authentication", "passes");
}

#[test]
fn password_only_on_internet_fires_against_operator_and_controller() {
    let found = fires("password-only-on-internet", "fires", &[CARE, OPERATOR], &[]);
    assert!(found.iter().all(|f| f.severity == Severity::Medium));
}

#[test]
fn password_only_on_internet_passes_behind_mfa() {
    passes("password-only-on-internet", "passes");
}

#[test]
fn patient_data_without_access_analysis_fires_against_the_care_provider() {
    let found = fires("patient-data-without-access-analysis", "fires", &[CARE], &[]);
    for provision in [ansvar::law::PDL_4_2, ansvar::law::HSLF_FS_2016_40_ACCESS_ANALYSIS, ansvar::law::ART_32] {
        assert!(found[0].provisions.contains(&provision), "{provision} in {:?}", found[0].provisions);
    }
}

#[test]
fn patient_data_without_access_analysis_passes_when_it_was_made() {
    passes("patient-data-without-access-analysis", "passes");
}

#[test]
fn patient_data_logs_not_reviewed_fires_against_the_care_provider() {
    fires("patient-data-logs-not-reviewed", "fires", &[CARE], &[]);
}

#[test]
fn patient_data_logs_not_reviewed_fires_when_logging_is_not_recorded() {
    fires("patient-data-logs-not-reviewed", "fires-logging-unknown", &[CARE], &[]);
}

#[test]
fn patient_data_logs_not_reviewed_leaves_a_missing_log_to_its_own_rule() {
    // `access_logging: false` and `log_review: false`: one finding, the missing log.
    let found = variant("patient-data-logs-not-reviewed", "fires", "access_logging: true", "access_logging: false");
    let codes: BTreeSet<&str> = found.iter().map(|f| f.code).collect();
    assert!(codes.contains("patient-data-without-access-log"), "{codes:?}");
    assert!(!codes.contains("patient-data-logs-not-reviewed"), "{codes:?}");
}

#[test]
fn patient_data_logs_not_reviewed_passes_when_they_are() {
    passes("patient-data-logs-not-reviewed", "passes");
}

// ---- accountability duties ----------------------------------------------------

#[test]
fn patient_record_retention_too_short_fires_against_the_controller() {
    let found = fires("patient-record-retention-too-short", "fires", &[CARE], &[]);
    assert!(message(&found[0].message, Lang::En).contains("kept `P5Y`"), "{:?}", found[0].message);
}

#[test]
fn patient_record_retention_too_short_passes_for_data_outside_the_record() {
    passes("patient-record-retention-too-short", "passes");
}

#[test]
fn no_records_of_processing_fires_for_a_small_controller_of_health_data() {
    let found = fires("no-records-of-processing", "fires", &[(Some("clinic"), None)], &[]);
    let provisions = &found[0].provisions;
    assert!(
        provisions.contains(&ansvar::law::ART_30_1) && !provisions.contains(&ansvar::law::ART_30_2),
        "{provisions:?}"
    );
    assert!(message(&found[0].message, Lang::En).contains("special-category"));
}

#[test]
fn no_records_of_processing_fires_for_a_large_processor() {
    let found = fires("no-records-of-processing", "fires-large-processor", &[(Some("hosting"), None)], &[]);
    let provisions = &found[0].provisions;
    assert!(
        provisions.contains(&ansvar::law::ART_30_2) && !provisions.contains(&ansvar::law::ART_30_1),
        "{provisions:?}"
    );
    assert!(message(&found[0].message, Lang::En).contains("400 employees"));
}

#[test]
fn no_records_of_processing_passes_where_the_exemption_may_apply() {
    passes("no-records-of-processing", "passes");
}

#[test]
fn no_records_of_processing_is_silent_when_the_head_count_is_unknown_and_nothing_is_sensitive() {
    let found = variant("no-records-of-processing", "passes", "employees: 12 ", "");
    assert!(found.iter().all(|f| f.code != "no-records-of-processing"), "{found:#?}");
}

#[test]
fn dpia_not_carried_out_fires_against_the_controller() {
    fires("dpia-not-carried-out", "fires", &[CARE], &[]);
}

#[test]
fn dpia_not_carried_out_passes_with_a_dpia() {
    passes("dpia-not-carried-out", "passes");
}

#[test]
fn dpia_not_carried_out_is_silent_when_the_scale_is_unknown() {
    let found = variant("dpia-not-carried-out", "fires", "large_scale: true", "");
    assert!(found.iter().all(|f| f.code != "dpia-not-carried-out"), "{found:#?}");
}

#[test]
fn no_dpo_fires_on_large_scale_special_category_processing() {
    let found = fires("no-dpo", "fires", &[(Some("clinic"), None)], &[]);
    assert_eq!(*found[0].provisions, [ansvar::law::ART_37, ansvar::law::ART_37_1_C]);
}

#[test]
fn no_dpo_fires_for_a_public_body() {
    let found = fires("no-dpo", "fires-public-body", &[(Some("clinic"), None)], &[]);
    assert_eq!(*found[0].provisions, [ansvar::law::ART_37, ansvar::law::ART_37_1_A]);
}

#[test]
fn no_dpo_passes_with_a_dpo() {
    passes("no-dpo", "passes");
}

#[test]
fn no_eu_representative_fires_on_a_party_reached_by_targeting() {
    let found = fires("no-eu-representative", "fires", &[(Some("telehealth"), None)], &[]);
    assert_eq!(*found[0].provisions, [ansvar::law::ART_27_1, ansvar::law::ART_27_2, ansvar::law::ART_3_2]);
    let text = ansvar::render::message(&found[0].message, ansvar::render::Lang::En);
    assert!(text.contains("United States (US)") && text.contains("`video-visits`"), "{text}");
}

#[test]
fn no_eu_representative_fires_on_a_processor_reached_through_its_controller() {
    // The processor's own facts say the GDPR does not reach it; its processing
    // for a controller Art. 3(2) reaches does.
    let found = fires("no-eu-representative", "fires-processor", &[(Some("transcribe"), None)], &[]);
    let text = ansvar::render::message(&found[0].message, ansvar::render::Lang::En);
    assert!(text.contains("the controller it processes for") && text.contains("`video-visits`"), "{text}");
}

#[test]
fn no_eu_representative_passes_with_one_or_an_exemption_or_an_establishment() {
    for case in [
        "passes",
        "passes-public-body",
        "passes-not-large-scale",
        "passes-established",
        "passes-processor-for-established",
    ] {
        passes("no-eu-representative", case);
    }
}

#[test]
fn the_duty_judgements_are_the_ones_the_rules_use() {
    use ansvar::rules::duties::{
        DpoGround, Reach, dpo_ground, large_scale_sensitive, reach, records_duty, running_roles,
    };
    let reference = Reference::builtin();
    let loaded = load_path(&fixture("no-dpo", "fires"), &reference).unwrap_or_else(|i| panic!("{:#?}", i.diagnostics));
    let analysis = Analysis::new(&loaded.model, &reference, AS_OF);
    let model = &loaded.model;
    let clinic = &model.parties[0];
    assert_eq!(clinic.id.as_str(), "clinic");
    let held = running_roles(model, &analysis.roles, clinic, AS_OF);
    assert_eq!(held.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["care"]);
    assert!(large_scale_sensitive(model, held[0]));
    assert_eq!(reach(&reference, clinic, AS_OF), Reach::Established);
    let (ground, activities) = dpo_ground(model, &analysis.roles, Reach::Established, clinic, &held).unwrap();
    assert_eq!(ground, DpoGround::PresumedCareProvider);
    assert_eq!(activities.len(), 1);
    assert!(records_duty(model, clinic, &held).is_some());
    // Its hosting processor takes part in the same large-scale processing, but
    // that is not its core activity unless the model says so (Art. 37(1)(c)).
    let hosting = &model.parties[1];
    let held = running_roles(model, &analysis.roles, hosting, AS_OF);
    assert_eq!(dpo_ground(model, &analysis.roles, Reach::Established, hosting, &held), None);
    let mut core = hosting.clone();
    core.core_activities_special_categories = Some(true);
    let (ground, _) = dpo_ground(model, &analysis.roles, Reach::Established, &core, &held).unwrap();
    assert_eq!(ground, DpoGround::CoreActivities);
    // Not reached by the GDPR: no DPO, whatever its business.
    assert_eq!(dpo_ground(model, &analysis.roles, Reach::NotReached, &core, &held), None);
}

// ---- processors beyond their instructions --------------------------------------

const HOSTING_IN_CARE: (Option<&str>, Option<&str>) = (Some("hosting"), Some("care"));

#[test]
fn processor_beyond_instructions_fires_for_purposes_of_its_own() {
    let found =
        fires("processor-beyond-instructions", "fires", &[HOSTING_IN_CARE], &["disclosure-for-recipient-purposes"]);
    assert!(found[0].provisions.contains(&ansvar::law::ART_28_10), "{:?}", found[0].provisions);
    assert!(message(&found[0].message, Lang::En).contains("training its own triage product"));
}

#[test]
fn processor_beyond_instructions_fires_for_a_processor_that_stays_one() {
    let found = fires("processor-beyond-instructions", "fires-stays-processor", &[HOSTING_IN_CARE], &[]);
    assert!(!found[0].provisions.contains(&ansvar::law::ART_28_10), "{:?}", found[0].provisions);
    assert!(found[0].provisions.contains(&ansvar::law::ART_29));
}

#[test]
fn processor_beyond_instructions_passes_within_them() {
    passes("processor-beyond-instructions", "passes");
}

#[test]
fn disclosure_for_recipient_purposes_fires_against_the_controller() {
    let found = fires("disclosure-for-recipient-purposes", "fires", &[CARE], &["processor-beyond-instructions"]);
    for provision in [ansvar::law::ART_5_1_B, ansvar::law::ART_6_1, ansvar::law::ART_13_1_E] {
        assert!(found[0].provisions.contains(&provision), "{provision} in {:?}", found[0].provisions);
    }
    assert_eq!(found[0].chain.iter().map(|p| p.as_str()).collect::<Vec<_>>(), ["clinic", "hosting"]);
}

#[test]
fn disclosure_for_recipient_purposes_passes_within_the_instructions() {
    passes("disclosure-for-recipient-purposes", "passes");
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
fn no_breach_notification_duty_fires_on_recorded_terms_without_the_duty_or_assistance() {
    let found = fires("no-breach-notification-duty", "fires", &[CARE], &["agreement-missing-terms"]);
    assert_eq!(found[0].severity, Severity::Medium);
    assert!(found[0].provisions.contains(&"Art. 28(3)(f)"), "{:?}", found[0].provisions);
}

#[test]
fn a_complete_agreement_without_a_number_of_hours_gets_advice_only() {
    // Art. 33(2) says "without undue delay"; a number is good practice (issue 13, point 2).
    let found = fires("no-breach-notification-duty", "fires-info-without-a-number", &[CARE], &[]);
    assert_eq!(found[0].severity, Severity::Info);
    // The same with the assistance term alone, the duty left unstated.
    let text = std::fs::read_to_string(
        fixture("no-breach-notification-duty", "fires-info-without-a-number").join("model.yaml"),
    )
    .unwrap()
    .replace("    breach_notification: without_undue_delay\n", "");
    let reference = Reference::builtin();
    let loaded = ansvar::load::load_texts(vec![("m.yaml".into(), text)], &reference)
        .unwrap_or_else(|i| panic!("{:?}", i.diagnostics));
    let found = Analysis::new(&loaded.model, &reference, AS_OF).findings;
    let severities: Vec<_> =
        found.iter().filter(|f| f.code == "no-breach-notification-duty").map(|f| f.severity).collect();
    assert_eq!(severities, [Severity::Info]);
}

#[test]
fn no_breach_notification_duty_passes_when_terms_are_unknown() {
    passes("no-breach-notification-duty", "passes");
}

#[test]
fn breach_notified_by_non_controller_fires_against_the_processor() {
    // The processor that discovered the breach told the authority, not its
    // controller: that is also its own Art. 33(2) finding.
    let found = fires(
        "breach-notified-by-non-controller",
        "fires",
        &[(Some("hosting"), Some("care"))],
        &["breach-processor-told-late"],
    );
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

// ---- a regime's reach is data: a non-Swedish regime through `--reference` ------

/// The Finnish user's reference data of the fixtures.
fn finnish_reference() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reference/finnish-regime.yaml")
}

/// Every finding of a model of `tests/fixtures/reference/finnish/` under the reference data in
/// `reference_text`, as of [`AS_OF`].
fn findings_under(case: &str, reference_text: &str) -> Vec<Finding> {
    let mut sources = ansvar::source::SourceMap::new();
    let reference = Reference::load(&mut sources, &finnish_reference(), reference_text)
        .unwrap_or_else(|d| panic!("reference data invalid: {d:#?}"));
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reference/finnish").join(case);
    let loaded = load_path(&path, &reference).unwrap_or_else(|invalid| panic!("{:#?}", invalid.diagnostics));
    Analysis::new(&loaded.model, &reference, AS_OF).findings
}

#[test]
fn a_foreign_regime_whose_reach_is_every_handler_flags_an_unbound_domestic_vendor() {
    let text = std::fs::read_to_string(finnish_reference()).unwrap();
    let found = findings_under("fires", &text);
    let codes: Vec<(&str, Who)> = found.iter().map(|f| (f.code, who(f))).collect();
    assert_eq!(codes, [("regime-not-bound", (Some("county".to_owned()), Some("care".to_owned())))]);
    let text_of = message(&found[0].message, Lang::En);
    assert!(text_of.contains("must bind every party that handles them"), "{text_of}");
    // The Swedish secrecy provisions are not cited for a Finnish regime.
    assert!(!found[0].provisions.contains(&ansvar::law::PSL_6_12), "{:?}", found[0].provisions);
    assert!(!found[0].provisions.contains(&ansvar::law::OSL_25_1), "{:?}", found[0].provisions);
    // With the reach left at its default (`care`), the same vendor is not flagged.
    let default_reach = text.replace("      activities: all\n", "");
    assert!(findings_under("fires", &default_reach).is_empty());
}

#[test]
fn a_foreign_regime_binds_a_vendor_that_is_subject_to_it() {
    let text = std::fs::read_to_string(finnish_reference()).unwrap();
    assert!(findings_under("passes", &text).is_empty());
}

#[test]
fn a_regime_that_cannot_bind_the_private_sector_does_not_bind_a_private_vendor() {
    let text = std::fs::read_to_string(finnish_reference())
        .unwrap()
        .replace("sectors: [public, private]", "sectors: [public]");
    let found = findings_under("passes", &text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].code, "regime-not-bound");
    assert!(message(&found[0].message, Lang::En).contains("cannot bind a party of the private sector"));
}

#[test]
fn the_foreign_regime_is_read_through_the_reference_option() {
    let run = |case: &str| {
        Command::cargo_bin("ansvar")
            .unwrap()
            .args(["check", "--as-of", "2024-06-01", "--color", "never", "--reference"])
            .arg(finnish_reference())
            .arg(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reference/finnish").join(case))
            .assert()
    };
    run("fires").code(1).stdout(predicates::str::contains("error[regime-not-bound]"));
    run("passes").success();
}
