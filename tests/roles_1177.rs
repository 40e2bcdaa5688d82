//! `models/1177` reproduces the roles IMY found on 7 June 2021 (issue #3).
//!
//! IMY: Medhelp is controller of the advice, the records and the recordings;
//! Voice Integrate is its processor; each of the three regions is controller of
//! something (it was fined for not informing callers, Art. 13), which the model
//! reads as call intake and routing with Inera as the region's processor
//! (law.md §1a.5 [I]); Inera has no role at all in Medhelp's processing. The
//! contract made Medicall Medhelp's processor; the facts agree that it acts on
//! Medhelp's behalf, and the rules flag that sector law wanted a care giver.
//! Regions Norrbotten and Dalarna, which used Inera's platform end to end,
//! control their own intake and advice.

use std::path::Path;
use std::sync::OnceLock;

use ansvar::graph::Graph;
use ansvar::load::{self, Loaded};
use ansvar::model::{ActivityId, PartyId};
use ansvar::reference::Reference;
use ansvar::roles::{self, Assignment, Role, Roles};

struct Case {
    loaded: Loaded,
    roles: Roles,
}

fn case() -> &'static Case {
    static CASE: OnceLock<Case> = OnceLock::new();
    CASE.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("models/1177");
        let loaded = match load::load_path(&path, &Reference::builtin()) {
            Ok(loaded) => loaded,
            Err(invalid) => panic!("models/1177 is invalid: {:#?}", invalid.diagnostics),
        };
        let roles = roles::derive(&Graph::build(&loaded.model));
        Case { loaded, roles }
    })
}

fn party(id: &str) -> PartyId {
    PartyId::new(id)
}

fn activity(id: &str) -> ActivityId {
    ActivityId::new(id)
}

/// The roles `party` holds in `activity`, as `(role, on_behalf_of)`.
fn roles_of(who: &str, what: &str) -> Vec<(Role, Option<String>)> {
    case()
        .roles
        .of(&party(who), &activity(what))
        .iter()
        .map(|a: &Assignment| (a.role, a.on_behalf_of.as_ref().map(|p| p.to_string())))
        .collect()
}

fn controller() -> Vec<(Role, Option<String>)> {
    vec![(Role::Controller, None)]
}

fn processor_for(principal: &str) -> Vec<(Role, Option<String>)> {
    vec![(Role::Processor, Some(principal.to_owned()))]
}

#[test]
fn medhelp_is_controller_of_the_advice() {
    assert_eq!(roles_of("medhelp", "advice-medhelp"), controller());
    let controllers: Vec<&PartyId> = case().roles.controllers(&activity("advice-medhelp")).collect();
    assert_eq!(controllers, [&party("medhelp")], "Medhelp alone: no joint controllership with the regions");
}

#[test]
fn medhelp_is_controller_by_law_and_in_fact() {
    let held = case().roles.of(&party("medhelp"), &activity("advice-medhelp"));
    let texts: Vec<String> =
        held[0].reasons().map(|r| ansvar::render::message(&r.message, ansvar::render::Lang::En)).collect();
    assert!(texts.iter().any(|t| t.contains("patientdatalagen (2008:355) 2 kap. 6 §")), "{texts:#?}");
    assert!(texts.iter().any(|t| t.contains("decides why")), "{texts:#?}");
    assert!(texts.iter().any(|t| t.contains("essential means")), "{texts:#?}");
    assert!(texts.iter().any(|t| t.contains("its own staff")), "{texts:#?}");
}

#[test]
fn voice_integrate_is_medhelp_s_processor_for_the_advice() {
    assert_eq!(roles_of("voice-integrate", "advice-medhelp"), processor_for("medhelp"));
}

#[test]
fn medicall_acts_on_behalf_of_medhelp() {
    assert_eq!(roles_of("medicall", "advice-medhelp"), processor_for("medhelp"));
    // The processor role carries the sector-law caveat the rules stage turns
    // into a finding: a care giver under a processor contract.
    let held = case().roles.of(&party("medicall"), &activity("advice-medhelp"));
    assert!(held[0].reasons().any(|r| r.provisions.contains(&ansvar::law::PDL_2_6)));
}

#[test]
fn each_fined_region_controls_its_intake_with_inera_as_its_processor() {
    for (region, intake) in [
        ("region-stockholm", "intake-stockholm"),
        ("region-sormland", "intake-sormland"),
        ("region-varmland", "intake-varmland"),
    ] {
        assert_eq!(roles_of(region, intake), controller(), "{region} in {intake}");
        assert_eq!(roles_of("inera", intake), processor_for(region), "inera in {intake}");
        assert_eq!(case().roles.in_activity(&activity(intake)).len(), 2, "nobody else has a role in {intake}");
    }
}

#[test]
fn the_fined_regions_have_no_role_in_the_advice() {
    for region in ["region-stockholm", "region-sormland", "region-varmland"] {
        assert_eq!(roles_of(region, "advice-medhelp"), [], "{region}");
    }
}

#[test]
fn inera_has_no_role_in_medhelp_s_advice() {
    assert_eq!(roles_of("inera", "advice-medhelp"), []);
    let location = |span| case().loaded.sources.location(span).to_string();
    let explained = ansvar::render::roles::explain(
        &case().roles,
        &party("inera"),
        &activity("advice-medhelp"),
        location,
        ansvar::render::Lang::En,
    );
    assert!(explained.starts_with("`inera` has no role in `advice-medhelp`."), "{explained}");
    assert!(explained.contains("Elsewhere it is processor of `advice-dalarna`"), "{explained}");
}

#[test]
fn norrbotten_and_dalarna_control_their_own_intake_and_advice() {
    for (region, activities) in [
        ("region-norrbotten", ["intake-norrbotten", "advice-norrbotten"]),
        ("region-dalarna", ["intake-dalarna", "advice-dalarna"]),
    ] {
        for what in activities {
            assert_eq!(roles_of(region, what), controller(), "{region} in {what}");
            assert_eq!(roles_of("inera", what), processor_for(region), "inera in {what}");
        }
    }
}

#[test]
fn the_advice_has_exactly_medhelp_and_its_two_processors() {
    let mut held: Vec<(String, Role)> =
        case().roles.in_activity(&activity("advice-medhelp")).iter().map(|a| (a.party.to_string(), a.role)).collect();
    held.sort();
    assert_eq!(
        held,
        [
            ("medhelp".to_owned(), Role::Controller),
            ("medicall".to_owned(), Role::Processor),
            ("voice-integrate".to_owned(), Role::Processor),
        ]
    );
}

#[test]
fn the_model_leaves_no_role_gap() {
    assert!(case().roles.gaps.is_empty(), "{:#?}", case().roles.gaps);
}

#[test]
fn no_joint_controllers_anywhere() {
    // law.md §1a.5: no source supports joint controllership of a region with Medhelp.
    assert!(case().roles.assignments().iter().all(|a| a.role != Role::JointController));
}
