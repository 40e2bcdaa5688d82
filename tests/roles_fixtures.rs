//! Role derivation on small fixture models, one per worked example.
//!
//! Each fixture under `tests/fixtures/roles/<what-it-proves>/model.yaml` cites in
//! its header the EDPB example, CJEU judgment or design rule it comes from. Each
//! test states the exact set of `(party, activity, role, on_behalf_of)` the
//! derivation must give, and the exact set of gaps: a role too many is as wrong
//! as a role missing.

use std::path::{Path, PathBuf};

use ansvar::graph::Graph;
use ansvar::law;
use ansvar::load::{self, Loaded};
use ansvar::model::{ActivityId, ClaimedRole, PartyId};
use ansvar::reference::Reference;
use ansvar::roles::{self, Gap, Role, Roles};

/// `(party, activity, role, on_behalf_of)`.
type Row = (String, String, String, Option<String>);
/// `(kind, activity, party, principal)`.
type GapRow = (String, String, Option<String>, Option<String>);

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/roles").join(name)
}

fn load(name: &str) -> Loaded {
    match load::load_path(&fixture(name), &Reference::builtin()) {
        Ok(loaded) => loaded,
        Err(invalid) => panic!("fixture `{name}` is invalid: {:#?}", invalid.diagnostics),
    }
}

fn derive(name: &str) -> (Loaded, Roles) {
    let loaded = load(name);
    let roles = roles::derive(&Graph::build(&loaded.model));
    (loaded, roles)
}

fn gap_kind(gap: &Gap) -> &'static str {
    match gap {
        Gap::NoController { .. } => "no_controller",
        Gap::PerformerForNobody { .. } => "performer_for_nobody",
        Gap::PrincipalWithoutRole { .. } => "principal_without_role",
        Gap::NoControllerAbove { .. } => "no_controller_above",
    }
}

fn gap_principal(gap: &Gap) -> Option<String> {
    match gap {
        Gap::PrincipalWithoutRole { principal, .. } | Gap::NoControllerAbove { principal, .. } => {
            Some(principal.to_string())
        }
        Gap::NoController { .. } | Gap::PerformerForNobody { .. } => None,
    }
}

/// The derived roles and gaps of a fixture, each sorted.
fn derived(name: &str) -> (Vec<Row>, Vec<GapRow>) {
    let (_, roles) = derive(name);
    let mut rows: Vec<Row> = roles
        .assignments()
        .iter()
        .map(|a| {
            (
                a.party.to_string(),
                a.activity.to_string(),
                a.role.as_str().to_owned(),
                a.on_behalf_of.as_ref().map(|p| p.to_string()),
            )
        })
        .collect();
    rows.sort();
    let mut gaps: Vec<GapRow> = roles
        .gaps
        .iter()
        .map(|g| (gap_kind(g).to_owned(), g.activity().to_string(), g.party().map(|p| p.to_string()), gap_principal(g)))
        .collect();
    gaps.sort();
    (rows, gaps)
}

/// Asserts that the fixture derives exactly `roles` and `gaps`, in any order.
fn check(name: &str, roles: &[(&str, &str, &str, Option<&str>)], gaps: &[(&str, &str, Option<&str>, Option<&str>)]) {
    let mut want_roles: Vec<Row> =
        roles.iter().map(|(p, a, r, o)| (p.to_string(), a.to_string(), r.to_string(), o.map(str::to_owned))).collect();
    want_roles.sort();
    let mut want_gaps: Vec<GapRow> = gaps
        .iter()
        .map(|(k, a, p, o)| (k.to_string(), a.to_string(), p.map(str::to_owned), o.map(str::to_owned)))
        .collect();
    want_gaps.sort();
    let (got_roles, got_gaps) = derived(name);
    assert_eq!(got_roles, want_roles, "roles of `{name}`");
    assert_eq!(got_gaps, want_gaps, "gaps of `{name}`");
}

fn party(id: &str) -> PartyId {
    PartyId::new(id)
}

fn activity(id: &str) -> ActivityId {
    ActivityId::new(id)
}

const C: &str = "controller";
const JC: &str = "joint_controller";
const P: &str = "processor";
const SP: &str = "sub_processor";

// ---- EDPB Guidelines 07/2020 worked examples ------------------------------------

#[test]
fn law_firm_is_an_independent_controller() {
    check("edpb-law-firm-independent-controller", &[("law-firm", "legal-representation", C, None)], &[]);
}

#[test]
fn law_firm_processor_label_does_not_match_the_facts() {
    let (loaded, roles) = derive("edpb-law-firm-independent-controller");
    let claims = roles::claims(&loaded.model);
    let claim = claims.iter().find(|c| c.party == party("law-firm")).expect("the agreement claims a role for the firm");
    assert_eq!(claim.role, ClaimedRole::Processor);
    let derived = roles.of(&party("law-firm"), &activity("legal-representation"));
    assert_eq!(derived.len(), 1);
    assert!(!roles::claim_matches(claim.role, derived[0].role), "a processor label on a controller is a mismatch");
    // The client's "controller" label names a party with no role in the firm's processing.
    assert!(roles.of(&party("abc"), &activity("legal-representation")).is_empty());
}

#[test]
fn market_research_client_controls_without_access() {
    check(
        "edpb-market-research-controller-without-access",
        &[("abc", "consumer-survey", C, None), ("xyz", "consumer-survey", P, Some("abc"))],
        &[],
    );
}

#[test]
fn payroll_company_choosing_its_software_stays_a_processor() {
    check(
        "edpb-payroll-processor-decides-non-essential-means",
        &[("employer-a", "salary-payment", C, None), ("payroll-co", "salary-payment", P, Some("employer-a"))],
        &[],
    );
}

#[test]
fn standardised_cloud_customer_is_controller_and_provider_processor() {
    check(
        "edpb-standardised-cloud-storage-processor",
        &[
            ("clinic", "referral-archive", C, None),
            ("cloud", "referral-archive", P, Some("clinic")),
            ("colo", "referral-archive", SP, Some("cloud")),
        ],
        &[],
    );
}

#[test]
fn standardised_cloud_labels_match_the_facts() {
    let (loaded, roles) = derive("edpb-standardised-cloud-storage-processor");
    for claim in roles::claims(&loaded.model) {
        for covered in &claim.activities {
            for held in roles.of(&claim.party, covered) {
                assert!(roles::claim_matches(claim.role, held.role), "{claim:?} vs {held:?}");
            }
        }
    }
}

#[test]
fn call_centre_is_processor_and_own_staff_are_nobody_s_processor() {
    check(
        "edpb-call-centre-processor",
        &[("call-centre", "customer-service", P, Some("energy-co")), ("energy-co", "customer-service", C, None)],
        &[],
    );
}

#[test]
fn travel_agency_hotel_and_airline_are_separate_controllers_then_joint_for_the_platform() {
    check(
        "edpb-travel-agency-separate-then-joint",
        &[
            ("agency", "trip-booking", C, None),
            ("hotel-chain", "hotel-reservation", C, None),
            ("airline", "flight-reservation", C, None),
            ("agency", "package-platform", JC, None),
            ("hotel-chain", "package-platform", JC, None),
            ("airline", "package-platform", JC, None),
        ],
        &[],
    );
}

#[test]
fn clinical_trial_roles_follow_who_drafts_the_protocol() {
    check(
        "edpb-clinical-trial-sponsor-investigator",
        &[
            ("hospital", "trial-co-designed", JC, None),
            ("university", "trial-co-designed", JC, None),
            ("hospital", "trial-sponsor-protocol", P, Some("university")),
            ("university", "trial-sponsor-protocol", C, None),
        ],
        &[],
    );
}

#[test]
fn employer_and_tax_authority_are_separate_controllers() {
    check(
        "edpb-employee-data-to-tax-authority-separate-controllers",
        &[("employer", "monthly-tax-return", C, None), ("tax-agency", "tax-assessment", C, None)],
        &[],
    );
}

#[test]
fn headhunter_is_joint_controller_of_recruitment_and_sole_controller_of_its_database() {
    check(
        "edpb-headhunter-joint-and-sole",
        &[
            ("company-y", "recruitment-for-y", JC, None),
            ("headhunter-x", "recruitment-for-y", JC, None),
            ("headhunter-x", "candidate-database", C, None),
        ],
        &[],
    );
}

#[test]
fn platform_user_deciding_the_set_up_is_joint_controller_with_the_platform() {
    check(
        "edpb-platform-joint-controllership",
        &[("booking-platform", "online-booking", JC, None), ("physio-clinic", "online-booking", JC, None)],
        &[],
    );
}

// ---- GDPR rules without a single worked example ------------------------------------

#[test]
fn processor_beyond_instructions_is_controller_for_its_own_purposes() {
    check(
        "art-28-10-processor-beyond-instructions",
        &[
            ("clinic", "dictation-transcription", C, None),
            ("dictation-vendor", "dictation-transcription", C, None),
            ("dictation-vendor", "dictation-transcription", P, Some("clinic")),
        ],
        &[],
    );
}

#[test]
fn art_28_10_controller_carries_its_purposes_and_the_article() {
    let (_, roles) = derive("art-28-10-processor-beyond-instructions");
    let held = roles.of(&party("dictation-vendor"), &activity("dictation-transcription"));
    let own = held.iter().find(|a| a.role == Role::Controller).expect("a controller role for its own purposes");
    assert_eq!(own.own_purposes().collect::<Vec<_>>(), ["training its own speech-recognition model"]);
    assert!(own.reasons().any(|r| r.provisions.contains(&law::ART_28_10)));
    // It is not counted among the activity's controllers: the clinic alone decides the transcription.
    let controllers: Vec<&PartyId> = roles.controllers(&activity("dictation-transcription")).collect();
    assert_eq!(controllers, [&party("clinic")]);
}

#[test]
fn sub_processors_at_depth_three_carry_the_whole_chain() {
    check(
        "sub-processor-chain-depth-3",
        &[
            ("region", "referral-exchange", C, None),
            ("integrator", "referral-exchange", P, Some("region")),
            ("hosting", "referral-exchange", SP, Some("integrator")),
            ("backup-vendor", "referral-exchange", SP, Some("hosting")),
        ],
        &[],
    );
    let (_, roles) = derive("sub-processor-chain-depth-3");
    let chain = |who: &str| roles.of(&party(who), &activity("referral-exchange"))[0].chain.to_vec();
    assert_eq!(chain("integrator"), [party("region")]);
    assert_eq!(chain("hosting"), [party("integrator"), party("region")]);
    assert_eq!(chain("backup-vendor"), [party("hosting"), party("integrator"), party("region")]);
}

#[test]
fn party_working_for_controller_and_processor_holds_both_roles_with_their_own_chains() {
    check(
        "processor-for-two-principals",
        &[
            ("care-provider", "advice-calls", C, None),
            ("night-service", "advice-calls", P, Some("care-provider")),
            ("telephony", "advice-calls", P, Some("care-provider")),
            ("telephony", "advice-calls", SP, Some("night-service")),
        ],
        &[],
    );
    let (_, roles) = derive("processor-for-two-principals");
    let held = roles.of(&party("telephony"), &activity("advice-calls"));
    let chain_of = |role: Role| held.iter().find(|a| a.role == role).map(|a| a.chain.to_vec());
    assert_eq!(chain_of(Role::Processor), Some(vec![party("care-provider")]));
    assert_eq!(chain_of(Role::SubProcessor), Some(vec![party("night-service"), party("care-provider")]));
}

#[test]
fn controller_designated_by_law_with_own_staff() {
    check(
        "pdl-controller-by-law-own-staff",
        &[("region", "primary-care-records", C, None), ("record-vendor", "primary-care-records", P, Some("region"))],
        &[],
    );
    let (_, roles) = derive("pdl-controller-by-law-own-staff");
    let region = roles.of(&party("region"), &activity("primary-care-records"));
    let texts: Vec<String> =
        region[0].reasons().map(|r| ansvar::render::message(&r.message, ansvar::render::Lang::En)).collect();
    assert!(texts.iter().any(|t| t.contains("patientdatalagen (2008:355) 2 kap. 6 §")), "{texts:#?}");
    assert!(texts.iter().any(|t| t.contains("its own staff")), "{texts:#?}");
}

// ---- CJEU judgments ----------------------------------------------------------------

#[test]
fn wirtschaftsakademie_fan_page_administrator_is_joint_controller() {
    check(
        "cjeu-wirtschaftsakademie-fan-page-joint",
        &[("facebook", "fan-page-insights", JC, None), ("wirtschaftsakademie", "fan-page-insights", JC, None)],
        &[],
    );
}

#[test]
fn jehovan_todistajat_community_is_joint_controller_without_access() {
    check(
        "cjeu-jehovan-todistajat-joint-without-access",
        &[("community", "door-to-door-preaching", JC, None), ("preachers", "door-to-door-preaching", JC, None)],
        &[],
    );
    let (_, roles) = derive("cjeu-jehovan-todistajat-joint-without-access");
    let community = roles.of(&party("community"), &activity("door-to-door-preaching"));
    assert!(community[0].reasons().any(|r| r.provisions.contains(&law::ART_26_1)));
}

#[test]
fn fashion_id_is_joint_only_for_collection_and_transmission() {
    check(
        "cjeu-fashion-id-collection-and-transmission",
        &[
            ("facebook", "like-button-collection", JC, None),
            ("fashion-id", "like-button-collection", JC, None),
            ("facebook", "facebook-later-processing", C, None),
        ],
        &[],
    );
}

// ---- gaps --------------------------------------------------------------------------

#[test]
fn activity_nobody_decides_has_no_controller() {
    check(
        "gap-no-controller",
        &[("region", "call-routing", C, None), ("vendor", "call-routing", P, Some("region"))],
        &[("no_controller", "call-statistics", None, None)],
    );
}

#[test]
fn performer_acting_for_nobody_has_no_role_and_is_a_gap() {
    check(
        "gap-performer-for-nobody",
        &[("clinic", "record-migration", C, None)],
        &[("performer_for_nobody", "record-migration", Some("it-consultant"), None)],
    );
}

#[test]
fn performer_acting_for_a_party_with_no_role_has_no_role_and_is_a_gap() {
    check(
        "gap-principal-without-role",
        &[("region", "appointment-reminders", C, None)],
        &[
            ("principal_without_role", "appointment-reminders", Some("vendor"), Some("procurement-agency")),
            ("no_controller_above", "appointment-reminders", Some("subcontractor"), Some("vendor")),
        ],
    );
}

#[test]
fn explain_names_the_gap_of_a_performer_without_a_role() {
    let (loaded, roles) = derive("gap-principal-without-role");
    let location = |span| loaded.sources.location(span).to_string();
    let text = ansvar::render::roles::explain(
        &roles,
        &party("vendor"),
        &activity("appointment-reminders"),
        location,
        ansvar::render::Lang::En,
    );
    assert!(text.contains("has no role"), "{text}");
    assert!(text.contains("vendor acts for procurement-agency, which neither controls nor performs it"), "{text}");
    assert!(!text.contains("performs no part of it"), "{text}");
}

// ---- every fixture -----------------------------------------------------------------

#[test]
fn every_fixture_has_a_test_and_cites_its_source() {
    let source = include_str!("roles_fixtures.rs");
    let mut count = 0;
    for entry in std::fs::read_dir(fixture("")).unwrap() {
        let dir = entry.unwrap().path();
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        assert!(source.contains(&format!("\"{name}\"")), "fixture `{name}` has no test");
        let text = std::fs::read_to_string(dir.join("model.yaml")).unwrap();
        assert!(text.starts_with("# Proves: "), "fixture `{name}` does not say what it proves");
        assert!(text.contains("# Source: "), "fixture `{name}` does not cite its source");
        count += 1;
    }
    assert!(count >= 12, "only {count} fixtures");
}

#[test]
fn every_role_has_a_reason_resting_on_a_provision() {
    for entry in std::fs::read_dir(fixture("")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let (_, roles) = derive(&name);
        for assignment in roles.assignments() {
            assert!(!assignment.facts.is_empty(), "{name}: {assignment:?}");
            assert!(assignment.reasons().all(|r| !r.provisions.is_empty()), "{name}: {assignment:?}");
            let role_article = match assignment.role {
                Role::Controller => law::ART_4_7,
                Role::JointController => law::ART_26_1,
                Role::Processor => law::ART_4_8,
                Role::SubProcessor => law::ART_28_2,
            };
            assert!(
                assignment.reasons().any(|r| r.provisions.contains(&role_article)),
                "{name}: {} {} lacks {role_article}",
                assignment.party,
                assignment.role
            );
        }
    }
}
