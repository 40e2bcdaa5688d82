//! The model as a graph: parties, activities, systems, data and agreements as
//! nodes, the references between them as edges.
//!
//! The graph is built once from a validated [`Model`] and answers the questions
//! the later stages ask: who performs an activity and on whose behalf, the chain
//! from a performer up to the party it ultimately acts for, where a performer
//! processes, and which agreements bind two parties for an activity. Callers
//! speak in [`PartyId`] and [`ActivityId`]; the graph keeps, for each entity,
//! the positions in the model of the entities its edges lead to, and only the
//! edges some query walks (a national model's graph has hundreds of thousands
//! of nodes and over a million edges).
//!
//! Every query walks only the edges next to one node, so its cost depends on the
//! size of one activity or one party, never on the size of the whole model.
//! A party's agreements are also kept in a list of their own, because a big
//! party (a cloud vendor under thousands of chains) has far more edges than
//! agreements, and the rules ask for the agreements of a pair of parties once per
//! activity: walking all of a big party's edges each time would make the rules
//! quadratic in the size of the model.

use std::collections::HashSet;

use crate::model::ids::ByNumber;
use crate::model::{Activity, ActivityId, Agreement, Country, Model, Party, PartyId, Performer, System, SystemId};
use crate::source::Span;

/// Why a performer processes in a country.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlaceReason {
    /// The performer entry gives a `location`.
    PerformerLocation,
    /// No location is given: the party's country of establishment.
    PartyCountry,
    /// The performer uses a system that stands there.
    System(SystemId),
    /// The performer accesses the data from there.
    AccessFrom,
}

/// A country where a performer processes, with the reason and where it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// The country.
    pub country: Country,
    /// Why the performer processes there.
    pub reason: PlaceReason,
    /// The YAML that says so.
    pub span: Span,
}

/// The model's graph: for each entity, the entities its edges lead to, by
/// their positions in the model's maps.
///
/// Only the edges a query walks are kept, each list in one flat array
/// (`Lists`): a national model has about a million and a half references,
/// and a general graph (petgraph's, until session 13) spent 24 bytes on each
/// edge and 16 on each node, 45 MB there, for relations nothing asked about.
#[derive(Debug)]
pub struct Graph<'m> {
    model: &'m Model,
    /// Each party's position in the model plus one (0: not a party), by its
    /// id's number: the graph's queries and its building look parties up by
    /// id about ten times per performer, and a read of a list misses the
    /// cache once where the model's map missed it two or three times.
    party_at: ByNumber<u32>,
    /// Each activity's position in the model plus one, by its id's number.
    activity_at: ByNumber<u32>,
    /// Each system's position in the model plus one, by its id's number.
    system_at: ByNumber<u32>,
    /// For each party, the agreements it is a party to (by position), sorted
    /// by id.
    agreements_by_party: Lists<u32>,
    /// For each party, its agreements that name no activity (and so cover
    /// all), sorted by id: few, where a cloud vendor's full list runs to tens
    /// of thousands.
    blanket_by_party: Lists<u32>,
    /// For each activity (by position), its performing parties (by position),
    /// sorted, each with the principal of the party's first performer entry
    /// (`None` if that entry acts for nobody): one step of
    /// [`Graph::chain_up`], so that following a chain does not scan the
    /// activity's performers at every step.
    principals: Lists<(u32, Option<u32>)>,
    /// For each party, the activities it performs, decides the purposes or
    /// means of, is designated controller of by law, or informs the subjects
    /// of ([`Graph::activities_of`]).
    activities_by_party: Lists<u32>,
    /// For each activity, the agreements that name it in `covers`
    /// ([`Graph::agreements_covering`]).
    covering_by_activity: Lists<u32>,
    /// For each system, the activities it is used in and the parties that use
    /// it there ([`Graph::users_of`]).
    users_by_system: Lists<(u32, u32)>,
    /// For each party, the systems it operates ([`Graph::systems_operated_by`]).
    operated_by_party: Lists<u32>,
    /// Whether every performer entry names a party of the model (always so
    /// in a validated model): then [`Graph::performers_of`] hands out an
    /// activity's entries as they are, without looking each party up.
    performers_resolve: bool,
}

/// One list per entity, in one flat array: the list of entity `i` is
/// `items[starts[i]..starts[i + 1]]`. Hundreds of thousands of small `Vec`s
/// would each cost 24 bytes and an allocation of their own.
#[derive(Debug)]
struct Lists<T> {
    starts: Vec<u32>,
    items: Vec<T>,
}

impl<T> Lists<T> {
    /// No lists, until the graph's builder sets them.
    fn empty() -> Self {
        Self { starts: Vec::new(), items: Vec::new() }
    }
}

/// What [`Graph::build`] draws from the activities.
struct ActivityLists {
    principals: Lists<(u32, Option<u32>)>,
    activities_by_party: Lists<u32>,
    users_by_system: Lists<(u32, u32)>,
    performers_resolve: bool,
}

/// What [`Graph::build`] draws from the agreements.
struct AgreementLists {
    covering_by_activity: Lists<u32>,
    agreements_by_party: Lists<u32>,
    blanket_by_party: Lists<u32>,
}

impl<T: Copy> Lists<T> {
    /// Lists for `count` entities from `(entity, item)` pairs in any order;
    /// each list keeps its items in the order of the pairs.
    fn from_pairs(count: usize, pairs: &[(u32, T)]) -> Self {
        let mut starts = vec![0u32; count + 1];
        for &(owner, _) in pairs {
            if let Some(slot) = starts.get_mut(owner as usize + 1) {
                *slot += 1;
            }
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        // A counting sort: each pair goes to the next free place of its list.
        let mut next: Vec<u32> = starts[..count].to_vec();
        let mut items: Vec<Option<T>> = vec![None; pairs.len()];
        for &(owner, item) in pairs {
            if let Some(at) = next.get_mut(owner as usize) {
                items[*at as usize] = Some(item);
                *at += 1;
            }
        }
        // Collected into a list of the exact size: a flattening iterator
        // cannot tell its length, and the list would grow by doubling.
        let mut placed = Vec::with_capacity(items.len());
        placed.extend(items.into_iter().flatten());
        Self { starts, items: placed }
    }

    /// The lists with each one's items sorted by `order`, stably.
    fn sorted_each_by(mut self, order: impl Fn(&T, &T) -> std::cmp::Ordering) -> Self {
        for (&start, &end) in self.starts.iter().zip(self.starts.iter().skip(1)) {
            if let Some(list) = self.items.get_mut(start as usize..end as usize)
                && !list.is_sorted_by(|x, y| order(x, y).is_le())
            {
                list.sort_by(&order);
            }
        }
        self
    }

    /// The list of entity `i` (empty past the last).
    fn get(&self, i: usize) -> &[T] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&start), Some(&end)) => self.items.get(start as usize..end as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

impl<'m> Graph<'m> {
    /// Builds the graph of a validated model.
    pub fn build(model: &'m Model) -> Self {
        let at = |position: usize| index_u32(position).saturating_add(1);
        // The positions first, with no lists yet: the lists are drawn up
        // from them.
        let positions = Self {
            model,
            party_at: ByNumber::from_pairs(model.parties.keys().enumerate().map(|(i, id)| (id.interned(), at(i)))),
            activity_at: ByNumber::from_pairs(
                model.activities.keys().enumerate().map(|(i, id)| (id.interned(), at(i))),
            ),
            system_at: ByNumber::from_pairs(model.systems.keys().enumerate().map(|(i, id)| (id.interned(), at(i)))),
            agreements_by_party: Lists::empty(),
            blanket_by_party: Lists::empty(),
            principals: Lists::empty(),
            activities_by_party: Lists::empty(),
            covering_by_activity: Lists::empty(),
            users_by_system: Lists::empty(),
            operated_by_party: Lists::empty(),
            performers_resolve: true,
        };
        // The lists from activities and those from agreements and systems
        // read only the positions: they are drawn up on two cores.
        let (by_activities, (by_agreements, operated_by_party)) = crate::par::join(
            || positions.activity_lists(),
            || (positions.agreement_lists(), positions.operated_lists()),
        );
        let ActivityLists { principals, activities_by_party, users_by_system, performers_resolve } = by_activities;
        let AgreementLists { covering_by_activity, agreements_by_party, blanket_by_party } = by_agreements;
        Self {
            principals,
            activities_by_party,
            users_by_system,
            performers_resolve,
            covering_by_activity,
            agreements_by_party,
            blanket_by_party,
            operated_by_party,
            ..positions
        }
    }

    /// For each party, the systems it operates.
    fn operated_lists(&self) -> Lists<u32> {
        let mut operated: Vec<(u32, u32)> = Vec::new();
        for (position, system) in self.model.systems.values().enumerate() {
            if let Some(operator) = self.party_position(&system.operator.value) {
                operated.push((operator, index_u32(position)));
            }
        }
        Lists::from_pairs(self.model.parties.len(), &operated)
    }

    /// The lists drawn from the activities: each one's performers with their
    /// principals, each party's activities, each system's users.
    fn activity_lists(&self) -> ActivityLists {
        let model = self.model;
        let mut performers_resolve = true;
        let mut principals = Lists { starts: Vec::with_capacity(model.activities.len() + 1), items: Vec::new() };
        let mut activities: Vec<(u32, u32)> = Vec::new();
        let mut users: Vec<(u32, (u32, u32))> = Vec::new();
        principals.starts.push(0);
        for (position, activity) in model.activities.values().enumerate() {
            let position = index_u32(position);
            let deciders = activity
                .purposes_decided_by
                .iter()
                .chain(&activity.means_decided_by)
                .chain(activity.controller_by_law.iter().map(|d| &d.party))
                .chain(activity.informs_subjects.iter().flat_map(|list| list.value.iter()));
            for party in deciders {
                if let Some(source) = self.party_position(&party.value) {
                    activities.push((source, position));
                }
            }
            let first = principals.items.len();
            for performer in &activity.performers {
                let Some(source) = self.party_position(&performer.party.value) else {
                    performers_resolve = false;
                    continue;
                };
                activities.push((source, position));
                let principal = performer.on_behalf_of.as_ref().and_then(|o| self.party_position(&o.value));
                principals.items.push((source, principal));
                for system in &performer.systems {
                    if let Some(target) = self.system_position(&system.value) {
                        users.push((target, (position, source)));
                    }
                }
            }
            // A party's first performer entry gives its principal: a stable sort
            // keeps entries in order, and dedup keeps the first of each party.
            let mut steps = principals.items.split_off(first);
            steps.sort_by_key(|(party, _)| *party);
            steps.dedup_by_key(|(party, _)| *party);
            principals.items.append(&mut steps);
            principals.starts.push(index_u32(principals.items.len()));
        }
        principals.items.shrink_to_fit();
        let activities_by_party = Lists::from_pairs(model.parties.len(), &activities);
        drop(activities);
        let users_by_system = Lists::from_pairs(model.systems.len(), &users);
        ActivityLists { principals, activities_by_party, users_by_system, performers_resolve }
    }

    /// The lists drawn from the agreements: each activity's covering
    /// agreements, each party's agreements and blanket agreements.
    fn agreement_lists(&self) -> AgreementLists {
        let model = self.model;
        let mut covering: Vec<(u32, u32)> = Vec::new();
        let mut signed: Vec<(u32, u32)> = Vec::new();
        for (position, agreement) in model.agreements.values().enumerate() {
            let position = index_u32(position);
            for party in &agreement.parties {
                if let Some(source) = self.party_position(&party.party.value) {
                    signed.push((source, position));
                }
            }
            for activity in &agreement.covers {
                if let Some(target) = self.activity_position(&activity.value) {
                    covering.push((target, position));
                }
            }
        }
        let covering_by_activity = Lists::from_pairs(model.activities.len(), &covering);
        drop(covering);
        // An agreement that names a party twice is in its list once.
        signed.sort_unstable();
        signed.dedup();
        let blanket: Vec<(u32, u32)> = signed
            .iter()
            .copied()
            .filter(|&(_, agreement)| self.agreement_at(agreement).is_some_and(|a| a.covers.is_empty()))
            .collect();
        // By id: a loaded model lists its agreements so, a model built by
        // hand may not.
        let id = |position: &u32| model.agreements.get_index(*position as usize).map(|(id, _)| id);
        let by_id = |x: &u32, y: &u32| (id(x), x).cmp(&(id(y), y));
        let agreements_by_party = Lists::from_pairs(model.parties.len(), &signed).sorted_each_by(by_id);
        drop(signed);
        let blanket_by_party = Lists::from_pairs(model.parties.len(), &blanket).sorted_each_by(by_id);
        AgreementLists { covering_by_activity, agreements_by_party, blanket_by_party }
    }

    /// The agreement at a position in the model.
    fn agreement_at(&self, position: u32) -> Option<&'m Agreement> {
        self.model.agreements.get_index(position as usize).map(|(_, agreement)| agreement)
    }

    /// A party's position in the model.
    fn party_position(&self, id: &PartyId) -> Option<u32> {
        self.party_at.get(id.interned()).checked_sub(1)
    }

    /// An activity's position in the model.
    fn activity_position(&self, id: &ActivityId) -> Option<u32> {
        self.activity_at.get(id.interned()).checked_sub(1)
    }

    /// A system's position in the model.
    fn system_position(&self, id: &SystemId) -> Option<u32> {
        self.system_at.get(id.interned()).checked_sub(1)
    }

    fn agreements_of_position(&self, party: usize) -> &[u32] {
        self.agreements_by_party.get(party)
    }

    /// The model the graph was built from.
    pub fn model(&self) -> &'m Model {
        self.model
    }

    /// The party with this id, found by the id's number ([`Graph::activity`]).
    fn party(&self, id: &PartyId) -> Option<&'m Party> {
        let position = self.party_position(id)?;
        self.model.parties.get_index(position as usize).map(|(_, party)| party)
    }

    /// The system with this id, found by the id's number ([`Graph::activity`]).
    pub fn system(&self, id: &SystemId) -> Option<&'m System> {
        let position = self.system_position(id)?;
        self.model.systems.get_index(position as usize).map(|(_, system)| system)
    }

    /// The activity with this id: the model's, found by the id's number in
    /// the graph's list rather than by its hash in the model's map, which
    /// misses the cache two or three times on a large model where a list
    /// misses it once (a party's obligations look up every activity it
    /// holds a role in).
    pub fn activity(&self, id: &ActivityId) -> Option<&'m Activity> {
        let position = self.activity_position(id)?;
        self.model.activities.get_index(position as usize).map(|(_, activity)| activity)
    }

    /// The performers of an activity, in the order the model lists them.
    pub fn performers(&self, activity: &ActivityId) -> Vec<&'m Performer> {
        self.activity(activity).map(|found| self.performers_of(found).collect()).unwrap_or_default()
    }

    /// The performers of an activity of the model, in the order the model
    /// lists them: those whose party is in the model, as
    /// [`Graph::performers`] gives them, but without looking the activity up
    /// or collecting them (the rules and roles ask once per activity, a
    /// hundred thousand times on a big model).
    pub fn performers_of<'a>(&self, activity: &'a Activity) -> impl Iterator<Item = &'a Performer> + use<'a, '_, 'm> {
        let all = self.performers_resolve;
        activity.performers.iter().filter(move |p| all || self.model.parties.contains_key(&p.party.value))
    }

    /// The performer entries of `party` in an activity (a party may perform
    /// several parts of one activity).
    pub fn performer_entries(&self, activity: &ActivityId, party: &PartyId) -> Vec<&'m Performer> {
        let Some(found) = self.activity(activity) else { return Vec::new() };
        self.performers_of(found).filter(|p| &p.party.value == party).collect()
    }

    /// The chain of delegation from `party` upwards in an activity: the party
    /// itself, the party it acts for, that party's principal, and so on, to a
    /// party that acts for nobody else in the activity (normally the controller).
    ///
    /// Where a party acts for several principals, the first listed is followed.
    pub fn chain_up(&self, activity: &ActivityId, party: &PartyId) -> Vec<PartyId> {
        let mut chain = vec![party.clone()];
        let (Some(activity), Some(start)) =
            (self.activity_position(activity).map(|a| a as usize), self.party_position(party))
        else {
            return chain;
        };
        let steps = self.principals.get(activity);
        let principal_of =
            |who: u32| steps.binary_search_by_key(&who, |(party, _)| *party).ok().and_then(|found| steps[found].1);
        let mut on_chain: HashSet<u32> = HashSet::new();
        let mut current = start;
        while let Some(next) = principal_of(current) {
            // Validation refuses cycles; this guard keeps a bad graph from looping.
            if next == start || !on_chain.insert(next) {
                break;
            }
            if let Some((id, _)) = self.model.parties.get_index(next as usize) {
                chain.push(id.clone());
            }
            current = next;
        }
        chain
    }

    /// Every country where a performer entry processes: its location (or its
    /// party's country), the systems it uses, and where it accesses the data from.
    pub fn places(&self, performer: &Performer) -> Vec<Place> {
        let mut places = Vec::new();
        match &performer.location {
            Some(location) => places.push(Place {
                country: location.value.clone(),
                reason: PlaceReason::PerformerLocation,
                span: location.span,
            }),
            None => {
                if let Some(party) = self.party(&performer.party.value) {
                    places.push(Place {
                        country: party.country.value.clone(),
                        reason: PlaceReason::PartyCountry,
                        span: party.country.span,
                    });
                }
            }
        }
        for system in &performer.systems {
            if let Some(found) = self.system(&system.value) {
                places.push(Place {
                    country: found.location.value.clone(),
                    reason: PlaceReason::System(found.id.clone()),
                    span: system.span,
                });
            }
        }
        for country in &performer.access_from {
            places.push(Place { country: country.value.clone(), reason: PlaceReason::AccessFrom, span: country.span });
        }
        places
    }

    /// The countries of [`Graph::places`], in the same order, without building
    /// the places: enough to see that a performer processes only in the
    /// EU/EEA, as most do, before anything is cloned.
    pub fn countries<'a>(&self, performer: &'a Performer) -> impl Iterator<Item = &'a Country> + use<'a, '_, 'm>
    where
        'm: 'a,
    {
        let first = match &performer.location {
            Some(location) => Some(&location.value),
            None => self.party(&performer.party.value).map(|party| &party.country.value),
        };
        let systems = performer.systems.iter().filter_map(move |system| self.system(&system.value));
        first
            .into_iter()
            .chain(systems.map(|found| &found.location.value))
            .chain(performer.access_from.iter().map(|country| &country.value))
    }

    /// The agreements binding both `a` and `b` that cover `activity`, including
    /// agreements between them that name no activity (they cover all), sorted
    /// by id.
    ///
    /// Such an agreement names the activity or is a blanket one, so the
    /// activity's covering agreements and the shorter of the two parties'
    /// blanket lists hold them all: short lists, where a region's or a big
    /// cloud's full list of agreements runs to thousands.
    pub fn agreements_between(&self, a: &PartyId, b: &PartyId, activity: &ActivityId) -> Vec<&'m Agreement> {
        let Some(a_at) = self.party_position(a) else { return Vec::new() };
        let Some(activity_at) = self.activity_position(activity) else {
            // Not in the model (a model built by hand): no covering list.
            return self.agreements_between_by_scan(a, b, activity);
        };
        let blanket_of_a = self.blanket_by_party.get(a_at as usize);
        let (blanket, other) = match self.party_position(b).map(|p| self.blanket_by_party.get(p as usize)) {
            Some(blanket_of_b) if blanket_of_b.len() < blanket_of_a.len() => (blanket_of_b, a),
            _ => (blanket_of_a, b),
        };
        let covering = self.covering_by_activity.get(activity_at as usize).iter();
        let mut found: Vec<&'m Agreement> = covering
            .filter_map(|&agreement| self.agreement_at(agreement))
            .filter(|agreement| agreement.binds(a) && agreement.binds(b))
            .chain(blanket.iter().filter_map(|&agreement| self.agreement_at(agreement)).filter(|x| x.binds(other)))
            .collect();
        // An agreement that names the activity twice is listed once.
        found.sort_by(|x, y| x.id.cmp(&y.id));
        found.dedup_by(|x, y| x.id == y.id);
        found
    }

    /// [`Graph::agreements_between`] by walking the shorter of the two
    /// parties' lists of agreements: for an activity the graph does not
    /// know, and to check the short way against.
    fn agreements_between_by_scan(&self, a: &PartyId, b: &PartyId, activity: &ActivityId) -> Vec<&'m Agreement> {
        let Some(of_a) = self.party_position(a).map(|p| self.agreements_of_position(p as usize)) else {
            return Vec::new();
        };
        // Both lists are sorted by id, and either, filtered by the other party,
        // gives the agreements that bind both.
        let (shorter, other) = match self.party_position(b).map(|p| self.agreements_of_position(p as usize)) {
            Some(of_b) if of_b.len() < of_a.len() => (of_b, a),
            _ => (of_a, b),
        };
        shorter
            .iter()
            .filter_map(|&agreement| self.agreement_at(agreement))
            .filter(|agreement| agreement.binds(other))
            .filter(|agreement| agreement.covers.is_empty() || agreement.covers.iter().any(|c| &c.value == activity))
            .collect()
    }

    /// Every agreement `party` has signed, sorted by id.
    pub fn agreements_of(&self, party: &PartyId) -> Vec<&'m Agreement> {
        let Some(position) = self.party_position(party) else { return Vec::new() };
        self.agreements_of_position(position as usize).iter().filter_map(|&a| self.agreement_at(a)).collect()
    }

    /// The agreements `party` has signed that name no activity, and so cover
    /// every activity between their parties, sorted by id.
    pub fn blanket_agreements_of(&self, party: &PartyId) -> impl Iterator<Item = &'m Agreement> + '_ {
        let blanket = self.party_position(party).map_or(&[][..], |p| self.blanket_by_party.get(p as usize));
        blanket.iter().filter_map(|&a| self.agreement_at(a))
    }

    /// The agreements that name `activity` in `covers`, sorted by id.
    pub fn agreements_covering(&self, activity: &ActivityId) -> Vec<&'m Agreement> {
        let Some(position) = self.activity_position(activity).map(|a| a as usize) else { return Vec::new() };
        let mut found: Vec<&'m Agreement> = self
            .covering_by_activity
            .get(position)
            .iter()
            .filter_map(|&agreement| self.model.agreements.get_index(agreement as usize).map(|(_, a)| a))
            .collect();
        found.sort_by(|x, y| x.id.cmp(&y.id));
        found.dedup_by(|x, y| x.id == y.id);
        found
    }

    /// The activities a party takes any part in (performs, decides, is designated
    /// for, or informs subjects of), sorted by id.
    pub fn activities_of(&self, party: &PartyId) -> Vec<&'m ActivityId> {
        let Some(position) = self.party_position(party).map(|p| p as usize) else { return Vec::new() };
        let mut found: Vec<&'m ActivityId> = self
            .activities_by_party
            .get(position)
            .iter()
            .filter_map(|&activity| self.model.activities.get_index(activity as usize).map(|(k, _)| k))
            .collect();
        found.sort();
        found.dedup();
        found
    }

    /// Who uses a system, in which activity: `(activity, party)` pairs sorted.
    pub fn users_of(&self, system: &SystemId) -> Vec<(ActivityId, PartyId)> {
        let Some(position) = self.system_position(system).map(|s| s as usize) else { return Vec::new() };
        let mut found: Vec<(ActivityId, PartyId)> = self
            .users_by_system
            .get(position)
            .iter()
            .filter_map(|&(activity, party)| {
                Some((
                    self.model.activities.get_index(activity as usize)?.0.clone(),
                    self.model.parties.get_index(party as usize)?.0.clone(),
                ))
            })
            .collect();
        found.sort();
        found.dedup();
        found
    }

    /// The systems a party operates, sorted by id.
    pub fn systems_operated_by(&self, party: &PartyId) -> Vec<&'m SystemId> {
        let Some(position) = self.party_position(party).map(|p| p as usize) else { return Vec::new() };
        let mut found: Vec<&'m SystemId> = self
            .operated_by_party
            .get(position)
            .iter()
            .filter_map(|&system| self.model.systems.get_index(system as usize).map(|(k, _)| k))
            .collect();
        found.sort();
        found
    }
}

/// A position in the model as a compact index. A model that fits in memory
/// holds far fewer than four billion parties; the cast saturates rather than
/// wraps all the same.
fn index_u32(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pair of parties (the model's and one it does not know) in every
    /// activity (and one it does not know) of `model`: the short way and
    /// the scan find the same agreements in the same order.
    fn agreements_between_agree_with_the_scan(model: &Model) -> usize {
        let graph = Graph::build(model);
        let stranger = PartyId::new("no-such-party");
        let parties: Vec<&PartyId> = model.parties.keys().chain([&stranger]).collect();
        let unknown = ActivityId::new("no-such-activity");
        let mut found = 0;
        for activity in model.activities.keys().chain([&unknown]) {
            for a in &parties {
                for b in &parties {
                    let short = graph.agreements_between(a, b, activity);
                    let scanned = graph.agreements_between_by_scan(a, b, activity);
                    let ids = |list: &[&Agreement]| list.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
                    assert_eq!(ids(&short), ids(&scanned), "{a} and {b} in {activity}");
                    found += short.len();
                }
            }
        }
        found
    }

    #[test]
    fn agreements_between_two_parties_are_those_the_scan_finds() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let reference = crate::reference::Reference::builtin();
        let mut found = 0;
        for dir in ["models/1177", "tests/fixtures/valid/graph", "tests/fixtures/design-example"] {
            let loaded = crate::load::load_path(&root.join(dir), &reference).unwrap_or_else(|_| panic!("{dir} loads"));
            found += agreements_between_agree_with_the_scan(&loaded.model);
        }
        assert!(found > 0, "some agreements bind two parties");
    }
}
