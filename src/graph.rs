//! The model as a graph: parties, activities, systems, data and agreements as
//! nodes, typed relations as edges.
//!
//! The graph is built once from a validated [`Model`] and answers the questions
//! the later stages ask: who performs an activity and on whose behalf, the chain
//! from a performer up to the party it ultimately acts for, where a performer
//! processes, and which agreements bind two parties for an activity. petgraph
//! stays inside this module: callers speak in [`PartyId`] and [`ActivityId`],
//! never in node indices.
//!
//! Every query walks only the edges next to one node, so its cost depends on the
//! size of one activity or one party, never on the size of the whole model.
//! A party's agreements are also kept in a list of their own, because a big
//! party (a cloud vendor under thousands of chains) has far more edges than
//! agreements, and the rules ask for the agreements of a pair of parties once per
//! activity: walking all of a big party's edges each time would make the rules
//! quadratic in the size of the model.

use std::collections::HashSet;

use petgraph::Direction;
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;

use crate::model::{
    Activity, ActivityId, Agreement, ClaimedRole, Country, DataId, Model, PartyId, Performer, SystemId,
};
use crate::source::Span;

/// A node of the graph: an entity by its kind and its position in the model's
/// map of that kind (positions rather than ids: a national model's graph has
/// hundreds of thousands of nodes and millions of edges).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Node {
    /// A party.
    Party(u32),
    /// A processing activity.
    Activity(u32),
    /// A system.
    System(u32),
    /// A data category.
    Data(u32),
    /// An agreement.
    Agreement(u32),
}

/// A typed edge of the graph: eight bytes, so that an edge takes 24.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// Party → activity: the party performs the activity; `index` is its entry
    /// in the activity's `performers`.
    Performs {
        /// Position in `Activity::performers`.
        index: u32,
    },
    /// Party → activity: the party decides the activity's purposes.
    DecidesPurposes,
    /// Party → activity: the party decides the activity's essential means.
    DecidesMeans,
    /// Party → activity: the law designates the party as controller.
    DesignatedByLaw,
    /// Party → activity: the party informs the activity's data subjects.
    Informs,
    /// Activity → data: the activity processes the data.
    Processes,
    /// Party → system: the party operates the system.
    Operates,
    /// Party → system: the party uses the system in an activity.
    Uses {
        /// The activity it uses the system for, by its position in the model.
        activity: u32,
    },
    /// Party → agreement: the party signed the agreement, with the role it claims.
    PartyTo {
        /// The claimed role, if the agreement names one.
        role: Option<ClaimedRole>,
    },
    /// Agreement → activity: the agreement covers the activity.
    Covers,
    /// Party → party: the first is owned by the second.
    OwnedBy,
}

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

/// The model's graph with lookups from ids to nodes.
///
/// Nodes are added kind by kind in the model's order, so an entity's node is
/// its position in the model's map plus the first node of its kind: looking a
/// node up costs one lookup in the model, and the graph keeps no id tables of
/// its own.
#[derive(Debug)]
pub struct Graph<'m> {
    model: &'m Model,
    graph: StableDiGraph<Node, Relation>,
    /// The first node of each kind (parties come first, at 0).
    activity_base: usize,
    system_base: usize,
    /// Each party's agreements, sorted by id, by the party's position in the
    /// model: the agreements its `PartyTo` edges lead to.
    agreements_by_party: Vec<Vec<&'m Agreement>>,
    /// Each party's agreements that name no activity (and so cover all), sorted
    /// by id: few, where a cloud vendor's full list runs to tens of thousands.
    blanket_by_party: Vec<Vec<&'m Agreement>>,
    /// For each activity (by position), its performing parties (by position),
    /// sorted, each with the principal of the party's first performer entry
    /// (`None` if that entry acts for nobody): one step of
    /// [`Graph::chain_up`], so that following a chain does not scan the
    /// activity's performers at every step.
    principals: Vec<Vec<(u32, Option<u32>)>>,
    /// Whether every performer entry names a party of the model (always so
    /// in a validated model): then [`Graph::performers_of`] hands out an
    /// activity's entries as they are, without looking each party up.
    performers_resolve: bool,
}

impl<'m> Graph<'m> {
    /// Builds the graph of a validated model.
    pub fn build(model: &'m Model) -> Self {
        let mut graph = StableDiGraph::with_capacity(
            model.parties.len()
                + model.activities.len()
                + model.systems.len()
                + model.data.len()
                + model.agreements.len(),
            edges_at_most(model),
        );
        // In a fresh graph, node indices count up from 0 in the order added.
        let positions = |count: usize| (0..count).map(index_u32);
        for position in positions(model.parties.len()) {
            graph.add_node(Node::Party(position));
        }
        let activity_base = graph.node_count();
        for position in positions(model.activities.len()) {
            graph.add_node(Node::Activity(position));
        }
        let system_base = graph.node_count();
        for position in positions(model.systems.len()) {
            graph.add_node(Node::System(position));
        }
        let data_base = graph.node_count();
        for position in positions(model.data.len()) {
            graph.add_node(Node::Data(position));
        }
        let agreement_base = graph.node_count();
        for position in positions(model.agreements.len()) {
            graph.add_node(Node::Agreement(position));
        }
        let data_node = |id: &DataId| model.data.get_index_of(id).map(|i| NodeIndex::new(data_base + i));

        let mut this = Self {
            model,
            graph,
            activity_base,
            system_base,
            agreements_by_party: vec![Vec::new(); model.parties.len()],
            blanket_by_party: vec![Vec::new(); model.parties.len()],
            principals: Vec::with_capacity(model.activities.len()),
            performers_resolve: true,
        };
        for party in model.parties.values() {
            if let Some(owner) = &party.owned_by {
                this.link_parties(&party.id, &owner.value, Relation::OwnedBy);
            }
        }
        for system in model.systems.values() {
            if let (Some(operator), Some(node)) =
                (this.party_node(&system.operator.value), this.system_node(&system.id))
            {
                this.graph.add_edge(operator, node, Relation::Operates);
            }
        }
        for (position, activity) in model.activities.values().enumerate() {
            let node = NodeIndex::new(activity_base + position);
            for item in &activity.data {
                if let Some(target) = data_node(&item.value) {
                    this.graph.add_edge(node, target, Relation::Processes);
                }
            }
            let deciders = [
                (activity.purposes_decided_by.iter().collect::<Vec<_>>(), Relation::DecidesPurposes),
                (activity.means_decided_by.iter().collect(), Relation::DecidesMeans),
                (activity.controller_by_law.iter().map(|d| &d.party).collect(), Relation::DesignatedByLaw),
                (activity.informs_subjects.iter().flat_map(|list| list.value.iter()).collect(), Relation::Informs),
            ];
            for (parties, relation) in deciders {
                for party in parties {
                    if let Some(source) = this.party_node(&party.value) {
                        this.graph.add_edge(source, node, relation);
                    }
                }
            }
            let mut principals: Vec<(u32, Option<u32>)> = Vec::new();
            for (index, performer) in activity.performers.iter().enumerate() {
                let Some(source) = this.party_node(&performer.party.value) else {
                    this.performers_resolve = false;
                    continue;
                };
                this.graph.add_edge(source, node, Relation::Performs { index: index_u32(index) });
                let principal = performer.on_behalf_of.as_ref().and_then(|o| this.party_position(&o.value));
                principals.push((index_u32(source.index()), principal));
                for system in &performer.systems {
                    if let Some(target) = this.system_node(&system.value) {
                        this.graph.add_edge(source, target, Relation::Uses { activity: index_u32(position) });
                    }
                }
            }
            // A party's first performer entry gives its principal: a stable sort
            // keeps entries in order, and dedup keeps the first of each party.
            principals.sort_by_key(|(party, _)| *party);
            principals.dedup_by_key(|(party, _)| *party);
            principals.shrink_to_fit();
            this.principals.push(principals);
        }
        for (position, agreement) in model.agreements.values().enumerate() {
            let node = NodeIndex::new(agreement_base + position);
            for party in &agreement.parties {
                if let Some(source) = this.party_node(&party.party.value) {
                    let role = party.role.as_ref().map(|r| r.value);
                    this.graph.add_edge(source, node, Relation::PartyTo { role });
                    this.agreements_by_party[source.index()].push(agreement);
                    if agreement.covers.is_empty() {
                        this.blanket_by_party[source.index()].push(agreement);
                    }
                }
            }
            for activity in &agreement.covers {
                if let Some(target) = this.activity_node(&activity.value) {
                    this.graph.add_edge(node, target, Relation::Covers);
                }
            }
        }
        for list in this.agreements_by_party.iter_mut().chain(this.blanket_by_party.iter_mut()) {
            list.sort_by(|x, y| x.id.cmp(&y.id));
            list.dedup_by(|x, y| x.id == y.id);
        }
        this
    }

    /// A party's position in the model, which is also its node's index.
    fn party_position(&self, id: &PartyId) -> Option<u32> {
        self.model.parties.get_index_of(id).map(index_u32)
    }

    fn party_node(&self, id: &PartyId) -> Option<NodeIndex> {
        self.model.parties.get_index_of(id).map(NodeIndex::new)
    }

    fn activity_node(&self, id: &ActivityId) -> Option<NodeIndex> {
        self.model.activities.get_index_of(id).map(|i| NodeIndex::new(self.activity_base + i))
    }

    fn system_node(&self, id: &SystemId) -> Option<NodeIndex> {
        self.model.systems.get_index_of(id).map(|i| NodeIndex::new(self.system_base + i))
    }

    fn agreements_of_node(&self, node: NodeIndex) -> &[&'m Agreement] {
        self.agreements_by_party.get(node.index()).map_or(&[], Vec::as_slice)
    }

    fn link_parties(&mut self, from: &PartyId, to: &PartyId, relation: Relation) {
        if let (Some(a), Some(b)) = (self.party_node(from), self.party_node(to)) {
            self.graph.add_edge(a, b, relation);
        }
    }

    /// The model the graph was built from.
    pub fn model(&self) -> &'m Model {
        self.model
    }

    /// Number of nodes and edges, for statistics.
    pub fn size(&self) -> (usize, usize) {
        (self.graph.node_count(), self.graph.edge_count())
    }

    fn activity(&self, id: &ActivityId) -> Option<&'m Activity> {
        self.model.activities.get(id)
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
        let (Some(activity), Some(start)) = (self.model.activities.get_index_of(activity), self.party_position(party))
        else {
            return chain;
        };
        let steps = self.principals.get(activity).map_or(&[][..], Vec::as_slice);
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
                if let Some(party) = self.model.parties.get(&performer.party.value) {
                    places.push(Place {
                        country: party.country.value.clone(),
                        reason: PlaceReason::PartyCountry,
                        span: party.country.span,
                    });
                }
            }
        }
        for system in &performer.systems {
            if let Some(found) = self.model.systems.get(&system.value) {
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
    pub fn countries<'a>(&self, performer: &'a Performer) -> impl Iterator<Item = &'a Country> + use<'a, 'm>
    where
        'm: 'a,
    {
        let model = self.model;
        let first = match &performer.location {
            Some(location) => Some(&location.value),
            None => model.parties.get(&performer.party.value).map(|party| &party.country.value),
        };
        let systems = performer.systems.iter().filter_map(move |system| model.systems.get(&system.value));
        first
            .into_iter()
            .chain(systems.map(|found| &found.location.value))
            .chain(performer.access_from.iter().map(|country| &country.value))
    }

    /// The agreements binding both `a` and `b` that cover `activity`, including
    /// agreements between them that name no activity (they cover all).
    ///
    /// The cost is that of the shorter of the two parties' agreement lists, so
    /// asking about a small vendor and a big cloud is cheap.
    pub fn agreements_between(&self, a: &PartyId, b: &PartyId, activity: &ActivityId) -> Vec<&'m Agreement> {
        let Some(of_a) = self.party_node(a).map(|node| self.agreements_of_node(node)) else { return Vec::new() };
        // Both lists are sorted by id, and either, filtered by the other party,
        // gives the agreements that bind both.
        let (shorter, other) = match self.party_node(b).map(|node| self.agreements_of_node(node)) {
            Some(of_b) if of_b.len() < of_a.len() => (of_b, a),
            _ => (of_a, b),
        };
        shorter
            .iter()
            .copied()
            .filter(|agreement| agreement.binds(other))
            .filter(|agreement| agreement.covers.is_empty() || agreement.covers.iter().any(|c| &c.value == activity))
            .collect()
    }

    /// Every agreement `party` has signed, sorted by id.
    pub fn agreements_of(&self, party: &PartyId) -> Vec<&'m Agreement> {
        self.party_node(party).map(|node| self.agreements_of_node(node).to_vec()).unwrap_or_default()
    }

    /// The agreements `party` has signed that name no activity, and so cover
    /// every activity between their parties, sorted by id.
    pub fn blanket_agreements_of(&self, party: &PartyId) -> &[&'m Agreement] {
        self.party_node(party).and_then(|node| self.blanket_by_party.get(node.index())).map_or(&[], Vec::as_slice)
    }

    /// The agreements that name `activity` in `covers`, sorted by id.
    pub fn agreements_covering(&self, activity: &ActivityId) -> Vec<&'m Agreement> {
        let Some(node) = self.activity_node(activity) else { return Vec::new() };
        let mut found: Vec<&'m Agreement> = self
            .graph
            .edges_directed(node, Direction::Incoming)
            .filter(|edge| matches!(edge.weight(), Relation::Covers))
            .filter_map(|edge| match self.graph[edge.source()] {
                Node::Agreement(position) => self.model.agreements.get_index(position as usize).map(|(_, a)| a),
                _ => None,
            })
            .collect();
        found.sort_by(|x, y| x.id.cmp(&y.id));
        found.dedup_by(|x, y| x.id == y.id);
        found
    }

    /// The activities a party takes any part in (performs, decides, is designated
    /// for, or informs subjects of), sorted by id.
    pub fn activities_of(&self, party: &PartyId) -> Vec<&'m ActivityId> {
        let Some(node) = self.party_node(party) else { return Vec::new() };
        let mut found: Vec<&'m ActivityId> = self
            .graph
            .edges_directed(node, Direction::Outgoing)
            .filter_map(|edge| match self.graph[edge.target()] {
                Node::Activity(position) => self.model.activities.get_index(position as usize).map(|(k, _)| k),
                _ => None,
            })
            .collect();
        found.sort();
        found.dedup();
        found
    }

    /// Who uses a system, in which activity: `(activity, party)` pairs sorted.
    pub fn users_of(&self, system: &SystemId) -> Vec<(ActivityId, PartyId)> {
        let Some(node) = self.system_node(system) else { return Vec::new() };
        let mut found: Vec<(ActivityId, PartyId)> = self
            .graph
            .edges_directed(node, Direction::Incoming)
            .filter_map(|edge| match (edge.weight(), self.graph[edge.source()]) {
                (Relation::Uses { activity }, Node::Party(party)) => Some((
                    self.model.activities.get_index(*activity as usize)?.0.clone(),
                    self.model.parties.get_index(party as usize)?.0.clone(),
                )),
                _ => None,
            })
            .collect();
        found.sort();
        found.dedup();
        found
    }

    /// The systems a party operates, sorted by id.
    pub fn systems_operated_by(&self, party: &PartyId) -> Vec<&'m SystemId> {
        let Some(node) = self.party_node(party) else { return Vec::new() };
        let mut found: Vec<&'m SystemId> = self
            .graph
            .edges_directed(node, Direction::Outgoing)
            .filter(|edge| matches!(edge.weight(), Relation::Operates))
            .filter_map(|edge| match self.graph[edge.target()] {
                Node::System(position) => self.model.systems.get_index(position as usize).map(|(k, _)| k),
                _ => None,
            })
            .collect();
        found.sort();
        found
    }
}

/// How many edges [`Graph::build`] adds at most: one per reference it links,
/// so that the edge list is allocated once, at its size, rather than grown by
/// doubling (on a national model, tens of megabytes of spare capacity).
fn edges_at_most(model: &Model) -> usize {
    let parties = model.parties.values().filter(|p| p.owned_by.is_some()).count();
    let activities: usize = model
        .activities
        .values()
        .map(|a| {
            a.data.len()
                + a.purposes_decided_by.len()
                + a.means_decided_by.len()
                + usize::from(a.controller_by_law.is_some())
                + a.informs_subjects.as_ref().map_or(0, |list| list.value.len())
                + a.performers.iter().map(|p| 1 + p.systems.len()).sum::<usize>()
        })
        .sum();
    let agreements: usize = model.agreements.values().map(|a| a.parties.len() + a.covers.len()).sum();
    parties + model.systems.len() + activities + agreements
}

/// A position in the model as a compact index. A model that fits in memory
/// holds far fewer than four billion parties; the cast saturates rather than
/// wraps all the same.
fn index_u32(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}
