//! Scope: one party's part of a model (`--scope PARTY`), decided here, as data.
//!
//! A national model holds tens of thousands of parties, while a region's DPO,
//! a procurement officer or a vendor asks about one part of it. The whole model
//! is loaded, validated and analysed as always; `Scope::new` then picks, from
//! the analysed model, what belongs to the scoped parties' chains:
//!
//! 1. the **scoped parties** themselves;
//! 2. the **activities** that name a scoped party — as a performer, as the
//!    party a performer acts for (`on_behalf_of`), as deciding purposes or
//!    means, as controller by law, or as informing the data subjects — which
//!    covers every activity in which it holds a role; and the activities a
//!    finding in scope (6) is about;
//! 3. every **party** those activities name: the parties acting for a scoped
//!    party, down the chain, and those it acts for, up to the controller, with
//!    their co-performers (an activity is kept whole, since its roles are derived
//!    from all of it); the parties that sign, or are named in, an agreement in
//!    scope (4: authorised sub-processors, transfer exporter and importer), operate
//!    a system in scope, are named by an incident or a finding in scope, and the
//!    owners (`owned_by`) of any of these, transitively;
//! 4. the **agreements** a scoped party signs, those that cover an activity in
//!    scope, and those covering no activity (so all of them) whose parties are
//!    all in scope;
//! 5. the **systems** the performers of those activities use, those a scoped
//!    party operates, and those a finding in scope names; the **data** those
//!    activities process; the **incidents** on a system in scope or naming a
//!    scoped party; the **accepted risks** that name a party or an activity in
//!    scope, or neither;
//! 6. the **findings** of the whole model's analysis whose subjects (the party
//!    that must act, and every other party it names) or chain include a scoped
//!    party, and the findings naming no party at all whose activity or system is
//!    in scope (2, 5).
//!
//! The result is a [`Scoped`] value: a model of only those entities, in the
//! model's order, and those findings. The commands analyse the scoped model for
//! what they draw (roles, duty sheets, records, the chain), and print the scoped
//! findings, which come from the whole model's analysis: a rule that looks past
//! the scope (a party's agreements elsewhere) has already had its say. The exit
//! code of `check` follows the scoped findings. Renderers receive the scoped
//! model and findings and decide nothing about scope.

use std::collections::BTreeSet;

use crate::finding::Subject;
use crate::model::{ActivityId, AgreementId, DataId, IncidentId, Model, PartyId, SystemId};
use crate::rules::Finding;

/// A `--scope` id that is not a party of the model: a usage error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("--scope: the model has no party `{given}`{}", suggestion.as_ref().map(|s| format!("; did you mean `{s}`?")).unwrap_or_default())]
pub struct UnknownParty {
    /// The id as given.
    pub given: String,
    /// The closest party id, if one is close.
    pub suggestion: Option<String>,
}

/// Resolves the ids given to `--scope` to parties of any of `models` (one, or
/// both sides of a diff), sorted and without duplicates; the first unknown id
/// is an error with the nearest id as a suggestion.
pub fn resolve(models: &[&Model], given: &[String]) -> Result<Vec<PartyId>, UnknownParty> {
    let mut parties = Vec::with_capacity(given.len());
    for wanted in given {
        match PartyId::find(wanted).and_then(|id| models.iter().find_map(|m| m.parties.get_key_value(&id))) {
            Some((id, _)) => parties.push(id.clone()),
            None => {
                let mut known: Vec<&str> = models.iter().flat_map(|m| m.parties.keys().map(PartyId::as_str)).collect();
                known.sort_unstable();
                known.dedup();
                let suggestion = crate::suggest::did_you_mean(wanted, known).map(str::to_owned);
                return Err(UnknownParty { given: wanted.clone(), suggestion });
            }
        }
    }
    parties.sort();
    parties.dedup();
    Ok(parties)
}

/// What a scope holds, by id (see the module documentation).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    /// The scoped parties, as given.
    pub seeds: BTreeSet<PartyId>,
    /// Every party in scope.
    pub parties: BTreeSet<PartyId>,
    /// The activities in scope.
    pub activities: BTreeSet<ActivityId>,
    /// The systems in scope.
    pub systems: BTreeSet<SystemId>,
    /// The data categories in scope.
    pub data: BTreeSet<DataId>,
    /// The agreements in scope.
    pub agreements: BTreeSet<AgreementId>,
    /// The incidents in scope.
    pub incidents: BTreeSet<IncidentId>,
}

/// A model cut down to a scope, with the whole model's findings in scope.
#[derive(Debug, Clone)]
pub struct Scoped {
    /// What the scope holds.
    pub scope: Scope,
    /// The entities in scope, in the whole model's order.
    pub model: Model,
    /// The findings in scope, in the whole analysis's (sorted) order.
    pub findings: Vec<Finding>,
}

/// Whether a finding is about a scoped party: its subjects or its chain name one.
pub fn names_seed(finding: &Finding, seeds: &BTreeSet<PartyId>) -> bool {
    let subject = finding.all_subjects().any(|(_, s)| matches!(&s, Subject::Party(p) if seeds.contains(p)));
    subject || finding.chain.iter().any(|p| seeds.contains(p))
}

/// Whether a finding names no party, and an activity or system in scope.
fn partyless_in(finding: &Finding, activities: &BTreeSet<ActivityId>, systems: &BTreeSet<SystemId>) -> bool {
    let mut subjects = finding.all_subjects();
    if finding.all_subjects().any(|(_, s)| matches!(s, Subject::Party(_))) || !finding.chain.is_empty() {
        return false;
    }
    subjects.any(|(_, s)| match &s {
        Subject::Activity(a) => activities.contains(a),
        Subject::System(x) => systems.contains(x),
        _ => false,
    })
}

/// Every party an activity names, in the fields roles are derived from:
/// deciders, informers, the controller by law, performers and their principals.
fn named_parties(activity: &crate::model::Activity) -> impl Iterator<Item = &PartyId> {
    let deciders = activity.purposes_decided_by.iter().chain(&activity.means_decided_by);
    let informs = activity.informs_subjects.iter().flat_map(|list| list.value.iter());
    let by_law = activity.controller_by_law.iter().map(|d| &d.party);
    let performers = activity.performers.iter().flat_map(|p| std::iter::once(&p.party).chain(p.on_behalf_of.as_ref()));
    deciders.chain(informs).chain(by_law).chain(performers).map(|p| &p.value)
}

impl Scope {
    /// The scope of `seeds` in a model, given the whole model's findings.
    fn new(model: &Model, seeds: &[PartyId], findings: &[Finding]) -> (Self, Vec<Finding>) {
        let seeds: BTreeSet<PartyId> = seeds.iter().cloned().collect();
        let mut scope = Scope { seeds: seeds.clone(), parties: seeds.clone(), ..Scope::default() };
        for activity in model.activities.values() {
            if named_parties(activity).any(|p| seeds.contains(p)) {
                scope.activities.insert(activity.id.clone());
            }
        }
        for party in &seeds {
            for system in model.systems.values().filter(|s| &s.operator.value == party) {
                scope.systems.insert(system.id.clone());
            }
        }
        // The findings that name a scoped party bring in what they name.
        let mut kept: Vec<bool> = findings.iter().map(|f| names_seed(f, &seeds)).collect();
        for finding in findings.iter().zip(&kept).filter(|(_, keep)| **keep).map(|(f, _)| f) {
            for (_, subject) in finding.all_subjects() {
                scope.take(subject);
            }
            scope.parties.extend(finding.chain.iter().cloned());
        }
        // Each activity whole: its parties, systems and data.
        for id in &scope.activities {
            let Some(activity) = model.activities.get(id) else { continue };
            scope.parties.extend(named_parties(activity).cloned());
            for performer in &activity.performers {
                scope.systems.extend(performer.systems.iter().map(|s| s.value.clone()));
            }
            scope.data.extend(activity.data.iter().map(|d| d.value.clone()));
        }
        // Findings naming no party, on an activity or system in scope.
        for (finding, keep) in findings.iter().zip(kept.iter_mut()) {
            if !*keep && partyless_in(finding, &scope.activities, &scope.systems) {
                *keep = true;
            }
        }
        for agreement in model.agreements.values() {
            let signers = || agreement.parties.iter().map(|p| &p.party.value);
            let signed = signers().any(|p| seeds.contains(p));
            let covers = agreement.covers.iter().any(|a| scope.activities.contains(&a.value));
            let blanket = agreement.covers.is_empty() && signers().all(|p| scope.parties.contains(p));
            if signed || covers || blanket || scope.agreements.contains(&agreement.id) {
                scope.agreements.insert(agreement.id.clone());
            }
        }
        for id in &scope.agreements {
            if let Some(agreement) = model.agreements.get(id) {
                scope.parties.extend(agreement.parties.iter().map(|p| p.party.value.clone()));
                let authorised = agreement.sub_processing.iter().flat_map(|s| &s.value.parties);
                let transfer = agreement.transfer.iter().flat_map(|t| t.value.exporter.iter().chain(&t.value.importer));
                scope.parties.extend(authorised.chain(transfer).map(|p| p.value.clone()));
            }
        }
        for incident in model.incidents.values() {
            let on_system = incident.systems.iter().any(|s| scope.systems.contains(&s.value));
            let names =
                incident.discovered_by.iter().chain(incident.notifications.iter().flat_map(|n| [&n.from, &n.to]));
            let names_seed = names.clone().any(|p| seeds.contains(&p.value));
            if on_system || names_seed || scope.incidents.contains(&incident.id) {
                scope.incidents.insert(incident.id.clone());
                scope.parties.extend(names.map(|p| p.value.clone()));
                scope.systems.extend(incident.systems.iter().map(|s| s.value.clone()));
            }
        }
        for id in &scope.systems {
            if let Some(system) = model.systems.get(id) {
                scope.parties.insert(system.operator.value.clone());
            }
        }
        // Owners, transitively.
        let mut owners: Vec<PartyId> = scope.parties.iter().cloned().collect();
        while let Some(id) = owners.pop() {
            if let Some(owner) = model.parties.get(&id).and_then(|p| p.owned_by.as_ref())
                && scope.parties.insert(owner.value.clone())
            {
                owners.push(owner.value.clone());
            }
        }
        let findings = findings.iter().zip(kept).filter(|(_, keep)| *keep).map(|(f, _)| f.clone()).collect();
        (scope, findings)
    }

    /// Adds what a finding's subject names.
    fn take(&mut self, subject: Subject) {
        match subject {
            Subject::Party(id) => {
                self.parties.insert(id);
            }
            Subject::Activity(id) => {
                self.activities.insert(id);
            }
            Subject::System(id) => {
                self.systems.insert(id);
            }
            Subject::Agreement(id) => {
                self.agreements.insert(id);
            }
            Subject::Data(id) => {
                self.data.insert(id);
            }
            Subject::Incident(id) => {
                self.incidents.insert(id);
            }
            Subject::Regime(_) | Subject::Country(_) | Subject::Rule(_) => {}
        }
    }

    /// The model of the entities in scope, in the model's order.
    fn cut(&self, model: &Model) -> Model {
        fn keep<K: Clone + Eq + std::hash::Hash + Ord, V: Clone>(
            map: &crate::model::IdMap<K, V>,
            set: &BTreeSet<K>,
        ) -> crate::model::IdMap<K, V> {
            map.iter().filter(|(k, _)| set.contains(*k)).map(|(k, v)| (k.clone(), v.clone())).collect()
        }
        let accepted_risks = model
            .accepted_risks
            .iter()
            .filter(|risk| {
                let party = risk.party.as_ref().map(|p| self.parties.contains(&p.value));
                let activity = risk.activity.as_ref().map(|a| self.activities.contains(&a.value));
                match (party, activity) {
                    (None, None) => true,
                    (p, a) => p.unwrap_or(false) || a.unwrap_or(false),
                }
            })
            .cloned()
            .collect();
        Model {
            parties: keep(&model.parties, &self.parties),
            data: keep(&model.data, &self.data),
            systems: keep(&model.systems, &self.systems),
            activities: keep(&model.activities, &self.activities),
            agreements: keep(&model.agreements, &self.agreements),
            incidents: keep(&model.incidents, &self.incidents),
            accepted_risks,
        }
    }
}

impl Scoped {
    /// The part of `model` that the chains of `seeds` touch, with the findings
    /// (of the whole model's analysis, `findings`) in scope.
    pub fn new(model: &Model, seeds: &[PartyId], findings: &[Finding]) -> Self {
        let (scope, findings) = Scope::new(model, seeds, findings);
        let model = scope.cut(model);
        Self { scope, model, findings }
    }
}

/// Keeps, of what a change does, only what lies in one of the scopes (the old
/// side's and the new side's): roles and duties in an activity in scope,
/// findings in scope, processing abroad by a party in scope in an activity in
/// scope, obligations of a party in scope, and entities in scope. Changes to
/// accepted risks are all kept: they are few, and say what they cover.
pub fn retain_changes(changes: &mut crate::diff::ModelDiff, sides: [&Scoped; 2]) {
    let party = |id: &PartyId| sides.iter().any(|s| s.scope.parties.contains(id));
    let activity = |id: &ActivityId| sides.iter().any(|s| s.scope.activities.contains(id));
    let fingerprints: BTreeSet<crate::finding::Fingerprint> =
        sides.iter().flat_map(|s| s.findings.iter().map(Finding::fingerprint)).collect();
    changes.roles.retain(|c| activity(&c.activity));
    for list in [
        &mut changes.findings_introduced,
        &mut changes.findings_resolved,
        &mut changes.acceptances_started,
        &mut changes.acceptances_stopped,
    ] {
        list.retain(|f| fingerprints.contains(&f.fingerprint));
    }
    changes.abroad.retain(|c| c.old.iter().chain(&c.new).any(|a| party(&a.party) && activity(&a.activity)));
    changes.duties_added.retain(|d| activity(&d.activity));
    changes.duties_removed.retain(|d| activity(&d.activity));
    changes.obligations_added.retain(|o| party(&o.party) && activity(&o.activity));
    changes.obligations_removed.retain(|o| party(&o.party) && activity(&o.activity));
    changes.entities.retain(|e| {
        let id = e.id.as_str();
        sides.iter().any(|s| match e.section {
            "parties" => s.scope.parties.iter().any(|x| x.as_str() == id),
            "data" => s.scope.data.iter().any(|x| x.as_str() == id),
            "systems" => s.scope.systems.iter().any(|x| x.as_str() == id),
            "processing" => s.scope.activities.iter().any(|x| x.as_str() == id),
            "agreements" => s.scope.agreements.iter().any(|x| x.as_str() == id),
            "incidents" => s.scope.incidents.iter().any(|x| x.as_str() == id),
            _ => true,
        })
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model_1177() -> Model {
        let reference = crate::reference::Reference::builtin();
        match crate::load::load_path(std::path::Path::new("models/1177"), &reference) {
            Ok(loaded) => loaded.model,
            Err(invalid) => panic!("models/1177 is invalid: {:?}", invalid.diagnostics.len()),
        }
    }

    #[test]
    fn an_unknown_party_is_an_error_with_the_nearest_id() {
        let model = model_1177();
        let error = resolve(&[&model], &["medhelp".into(), "medhlep".into()]).unwrap_err();
        assert_eq!(error.given, "medhlep");
        assert_eq!(error.suggestion.as_deref(), Some("medhelp"));
        assert!(error.to_string().contains("did you mean `medhelp`?"), "{error}");
        let ok = resolve(&[&model], &["medhelp".into(), "inera".into(), "medhelp".into()]).unwrap();
        assert_eq!(ok.iter().map(PartyId::as_str).collect::<Vec<_>>(), ["inera", "medhelp"]);
    }

    #[test]
    fn the_scope_is_closed_under_the_references_it_keeps() {
        let model = model_1177();
        for party in model.parties.keys() {
            let scoped = Scoped::new(&model, std::slice::from_ref(party), &[]);
            let cut = &scoped.model;
            assert!(cut.parties.contains_key(party));
            for activity in cut.activities.values() {
                for performer in &activity.performers {
                    assert!(cut.parties.contains_key(&performer.party.value), "{party}: {}", activity.id);
                    for system in &performer.systems {
                        assert!(cut.systems.contains_key(&system.value), "{party}: {}", system.value);
                    }
                }
                for data in &activity.data {
                    assert!(cut.data.contains_key(&data.value));
                }
            }
            for system in cut.systems.values() {
                assert!(cut.parties.contains_key(&system.operator.value));
            }
            for agreement in cut.agreements.values() {
                assert!(agreement.parties.iter().all(|p| cut.parties.contains_key(&p.party.value)));
                let authorised = agreement.sub_processing.iter().flat_map(|s| &s.value.parties);
                let transfer = agreement.transfer.iter().flat_map(|t| t.value.exporter.iter().chain(&t.value.importer));
                assert!(authorised.chain(transfer).all(|p| cut.parties.contains_key(&p.value)), "{}", agreement.id);
            }
            for incident in cut.incidents.values() {
                assert!(incident.systems.iter().all(|x| cut.systems.contains_key(&x.value)));
                let named =
                    incident.discovered_by.iter().chain(incident.notifications.iter().flat_map(|n| [&n.from, &n.to]));
                assert!(named.clone().all(|p| cut.parties.contains_key(&p.value)), "{}", incident.id);
            }
            for p in cut.parties.values() {
                assert!(p.owned_by.as_ref().is_none_or(|o| cut.parties.contains_key(&o.value)));
            }
        }
    }

    #[test]
    fn a_region_keeps_its_own_activities_and_not_another_regions() {
        let model = model_1177();
        let seed = PartyId::new("region-dalarna");
        let scoped = Scoped::new(&model, std::slice::from_ref(&seed), &[]);
        let named = |a: &crate::model::Activity| named_parties(a).any(|p| p == &seed);
        let expected: Vec<&ActivityId> = model.activities.values().filter(|a| named(a)).map(|a| &a.id).collect();
        assert!(!expected.is_empty());
        assert_eq!(scoped.model.activities.keys().collect::<Vec<_>>(), expected);
        assert!(!scoped.model.parties.contains_key(&PartyId::new("region-stockholm")));
        assert!(scoped.model.parties.len() < model.parties.len());
    }
}
