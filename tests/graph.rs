//! Graph queries on a small chain (`tests/fixtures/valid/graph/model.yaml`):
//! clinic ← platform ← hosting ← support in activity `booking`, and platform
//! alone in `reminders`.

use std::path::Path;

use ansvar::graph::{Graph, PlaceReason};
use ansvar::load::{Loaded, load_path};
use ansvar::model::{ActivityId, PartyId, SystemId};
use ansvar::reference::Reference;

fn loaded() -> Loaded {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/graph");
    load_path(&path, &Reference::builtin()).unwrap()
}

fn party(id: &str) -> PartyId {
    PartyId::new(id)
}

fn activity(id: &str) -> ActivityId {
    ActivityId::new(id)
}

fn parties(ids: &[&str]) -> Vec<PartyId> {
    ids.iter().map(|id| party(id)).collect()
}

#[test]
fn performers_of_an_activity_in_the_order_the_model_lists_them() {
    let loaded = loaded();
    let graph = Graph::build(&loaded.model);
    let performers: Vec<&str> = graph.performers(&activity("booking")).iter().map(|p| p.party.value.as_str()).collect();
    assert_eq!(performers, ["clinic", "platform", "hosting", "support"]);

    let reminders: Vec<&str> =
        graph.performers(&activity("reminders")).iter().map(|p| p.party.value.as_str()).collect();
    assert_eq!(reminders, ["platform"]);

    assert!(graph.performers(&activity("no-such-activity")).is_empty());
}

#[test]
fn chain_up_from_a_sub_processor_reaches_the_controller() {
    let loaded = loaded();
    let graph = Graph::build(&loaded.model);
    let booking = activity("booking");
    assert_eq!(graph.chain_up(&booking, &party("support")), parties(&["support", "hosting", "platform", "clinic"]));
    assert_eq!(graph.chain_up(&booking, &party("hosting")), parties(&["hosting", "platform", "clinic"]));
    // The controller's own staff act for nobody else: the chain is the party alone.
    assert_eq!(graph.chain_up(&booking, &party("clinic")), parties(&["clinic"]));
    // Chains are per activity: in `reminders` platform is the only performer.
    assert_eq!(graph.chain_up(&activity("reminders"), &party("platform")), parties(&["platform", "clinic"]));
}

#[test]
fn places_of_each_performer_with_the_reason_and_the_yaml_that_says_so() {
    let loaded = loaded();
    let graph = Graph::build(&loaded.model);
    let places = |who: &str| {
        let performer = graph.performer_entries(&activity("booking"), &party(who))[0];
        graph
            .places(performer)
            .into_iter()
            .map(|place| {
                let location = loaded.sources.location(place.span);
                (place.country.as_str().to_owned(), place.reason, format!("{}:{}", location.line, location.column))
            })
            .collect::<Vec<_>>()
    };
    let s = |country: &str| country.to_owned();

    // No location: the party's country of establishment, where the party says it.
    // A system: where the system stands, pointing at the performer's use of it.
    assert_eq!(
        places("clinic"),
        [
            (s("SE"), PlaceReason::PartyCountry, s("4:66")),
            (s("SE"), PlaceReason::System(SystemId::new("records")), s("23:36"))
        ]
    );
    assert_eq!(
        places("platform"),
        [
            (s("SE"), PlaceReason::PartyCountry, s("5:76")),
            (s("DE"), PlaceReason::System(SystemId::new("booking-app")), s("24:60")),
        ]
    );
    // A performer location replaces the party's country.
    assert_eq!(places("hosting"), [(s("IE"), PlaceReason::PerformerLocation, s("25:61"))]);
    // Remote access adds the countries it comes from.
    assert_eq!(
        places("support"),
        [
            (s("US"), PlaceReason::PartyCountry, s("7:69")),
            (s("IN"), PlaceReason::AccessFrom, s("26:64")),
            (s("PH"), PlaceReason::AccessFrom, s("26:68")),
        ]
    );
}

#[test]
fn agreements_between_two_parties_for_an_activity() {
    let loaded = loaded();
    let graph = Graph::build(&loaded.model);
    let between = |a: &str, b: &str, act: &str| {
        graph
            .agreements_between(&party(a), &party(b), &activity(act))
            .iter()
            .map(|x| x.id.to_string())
            .collect::<Vec<_>>()
    };
    // Only the agreement that covers the activity.
    assert_eq!(between("clinic", "platform", "booking"), ["clinic-platform"]);
    assert_eq!(between("clinic", "platform", "reminders"), ["clinic-platform-reminders"]);
    // Either order of the parties.
    assert_eq!(between("platform", "clinic", "booking"), ["clinic-platform"]);
    // An agreement with no `covers` covers every activity.
    assert_eq!(between("platform", "hosting", "booking"), ["platform-hosting"]);
    assert_eq!(between("hosting", "platform", "reminders"), ["platform-hosting"]);
    // No agreement binds both.
    assert!(between("clinic", "hosting", "booking").is_empty());
    assert!(between("hosting", "support", "booking").is_empty());
}

#[test]
fn agreements_of_a_party_and_covering_an_activity() {
    let loaded = loaded();
    let graph = Graph::build(&loaded.model);
    let ids =
        |agreements: Vec<&ansvar::model::Agreement>| agreements.iter().map(|a| a.id.to_string()).collect::<Vec<_>>();
    assert_eq!(
        ids(graph.agreements_of(&party("platform"))),
        ["clinic-platform", "clinic-platform-reminders", "platform-hosting"]
    );
    assert!(graph.agreements_of(&party("support")).is_empty());
    // `agreements_covering` lists only agreements that name the activity.
    assert_eq!(ids(graph.agreements_covering(&activity("booking"))), ["clinic-platform"]);
}

#[test]
fn users_of_a_system_in_each_activity() {
    let loaded = loaded();
    let graph = Graph::build(&loaded.model);
    let users = |system: &str| {
        graph
            .users_of(&SystemId::new(system))
            .into_iter()
            .map(|(activity, party)| (activity.to_string(), party.to_string()))
            .collect::<Vec<_>>()
    };
    let pair = |a: &str, p: &str| (a.to_owned(), p.to_owned());
    assert_eq!(users("booking-app"), [pair("booking", "platform"), pair("reminders", "platform")]);
    assert_eq!(users("records"), [pair("booking", "clinic")]);
    // Operating a system is not using it.
    assert!(users("archive").is_empty());
    assert_eq!(
        graph.systems_operated_by(&party("hosting")).into_iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        ["archive"]
    );
}

#[test]
fn activities_a_party_takes_part_in() {
    let loaded = loaded();
    let graph = Graph::build(&loaded.model);
    let of = |who: &str| graph.activities_of(&party(who)).into_iter().map(|a| a.to_string()).collect::<Vec<_>>();
    assert_eq!(of("clinic"), ["booking", "reminders"]);
    assert_eq!(of("support"), ["booking"]);
}
