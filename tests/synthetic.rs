//! The synthetic models of the scale benchmark (`benches/support/synth.rs`)
//! load cleanly, are deterministic, and make every rule of the catalogue fire.

#[path = "../benches/support/synth.rs"]
mod synth;

use std::collections::BTreeMap;
use std::path::Path;

use ansvar::reference::Reference;

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            (path.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&path).unwrap())
        })
        .collect()
}

#[test]
fn every_rule_fires_on_the_small_model() {
    let dir = tempfile::tempdir().unwrap();
    let summary = synth::generate(&synth::SMALL, 1, dir.path()).unwrap();
    assert!((80..=140).contains(&summary.parties), "{summary:?}");
    let reference = Reference::builtin();
    let loaded = ansvar::load::load_path(dir.path(), &reference)
        .unwrap_or_else(|invalid| panic!("the synthetic model is invalid: {:#?}", invalid.diagnostics));
    assert_eq!(loaded.model.parties.len(), summary.parties);
    assert_eq!(loaded.model.activities.len(), summary.activities);
    assert_eq!(loaded.model.agreements.len(), summary.agreements);
    // A rule about a period that has ended fires on the date its defect is
    // planted for; every other rule on the model's own date.
    let findings = |date: &str| ansvar::Analysis::new(&loaded.model, &reference, date.parse().unwrap()).findings;
    let (now, past) = (findings(synth::AS_OF), findings(synth::PAST_AS_OF));
    let fires = |code: &str| now.iter().chain(&past).any(|f| f.code == code);
    let missing: Vec<&str> =
        ansvar::rules::CATALOGUE.iter().map(|rule| rule.code).filter(|code| !fires(code)).collect();
    // Named one by one: each needs a `Defect` in benches/support/synth.rs that
    // plants the fact its `fires` fixture shows.
    assert!(
        missing.is_empty(),
        "{} rule(s) never fire on the small synthetic model; add a `Defect` to benches/support/synth.rs for each:\n{}",
        missing.len(),
        missing.join("\n")
    );
    assert!(past.iter().any(|f| f.code == "transfer-tool-undermined"), "planted for {}", synth::PAST_AS_OF);
}

#[test]
fn generation_is_deterministic() {
    let (a, b, c) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    synth::generate(&synth::SMALL, 7, a.path()).unwrap();
    synth::generate(&synth::SMALL, 7, b.path()).unwrap();
    synth::generate(&synth::SMALL, 8, c.path()).unwrap();
    assert_eq!(files(a.path()), files(b.path()));
    assert_ne!(files(a.path()), files(c.path()));
}

#[test]
fn the_regional_model_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    let summary = synth::generate(&synth::REGIONAL, 1, dir.path()).unwrap();
    assert!((1_500..=2_500).contains(&summary.parties), "{summary:?}");
    let loaded = ansvar::load::load_path(dir.path(), &Reference::builtin())
        .unwrap_or_else(|invalid| panic!("the synthetic model is invalid: {:#?}", &invalid.diagnostics[..3]));
    assert_eq!(loaded.model.parties.len(), summary.parties);
}

/// `Graph::agreements_between` finds, for every two parties taking part in an
/// activity (and a party the model does not know), exactly the agreements
/// that bind both and name the activity or no activity at all, sorted by id:
/// checked against every agreement of the small synthetic model, which has
/// blanket agreements, covering ones and regions with many of each.
#[test]
fn agreements_between_two_parties_are_every_agreement_that_binds_both_and_covers_the_activity() {
    use ansvar::model::{Agreement, PartyId};
    let dir = tempfile::tempdir().unwrap();
    synth::generate(&synth::SMALL, 1, dir.path()).unwrap();
    let loaded = ansvar::load::load_path(dir.path(), &Reference::builtin()).unwrap();
    let model = &loaded.model;
    let graph = ansvar::graph::Graph::build(model);
    let stranger = PartyId::new("no-such-party");
    let (mut pairs, mut found) = (0, 0);
    for activity in model.activities.values() {
        let mut parties: Vec<&PartyId> = activity.performers.iter().map(|p| &p.party.value).collect();
        parties.extend(activity.purposes_decided_by.iter().map(|p| &p.value));
        parties.push(&stranger);
        for a in &parties {
            for b in &parties {
                let expected: Vec<&str> = model
                    .agreements
                    .values()
                    .filter(|x| x.binds(a) && x.binds(b))
                    .filter(|x| x.covers.is_empty() || x.covers.iter().any(|c| c.value == activity.id))
                    .map(|x| x.id.as_str())
                    .collect();
                let got: Vec<&str> =
                    graph.agreements_between(a, b, &activity.id).iter().map(|x: &&Agreement| x.id.as_str()).collect();
                assert_eq!(got, expected, "{a} and {b} in {}", activity.id);
                pairs += 1;
                found += got.len();
            }
        }
    }
    assert!(pairs > 1000 && found > 100, "{pairs} pairs, {found} agreements found");
}
