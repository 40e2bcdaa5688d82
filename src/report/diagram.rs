//! The chain as a graph to draw, and its DOT and Mermaid text.
//!
//! Nodes are the parties with a role in an activity running on the evaluation
//! date, and the systems those activities use; edges say who engages whom (a
//! principal engages its processor, a processor its sub-processor) and who uses
//! which system. Each party sits in a column by its depth in the chains
//! (controllers 0, their processors 1, sub-processors 2, …), systems in the
//! column after the deepest party. Nodes are coloured by jurisdiction on the
//! date (EU/EEA, adequate, third country) and count the open findings against
//! them. [`super::svg`] lays the same graph out as inline SVG.
//!
//! Both writers are hand-written and deterministic: nodes and edges are sorted,
//! and every label is escaped for its language, so a name with quotes, angle
//! brackets or backslashes can neither break the syntax nor inject markup.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use serde::Serialize;

use crate::render::Lang;

use crate::model::{Country, PartyId, SystemId};
use crate::reference::Jurisdiction;
use crate::rules::Finding;
use crate::source::Span;

use super::refs::Input;

/// Where a node stands for Chapter V on the evaluation date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Zone {
    /// An EU or EEA state.
    Eea,
    /// A third country with an adequacy decision in force.
    Adequate,
    /// A third country with none.
    ThirdCountry,
}

impl Zone {
    /// The zone in words of `lang`, for legends.
    pub fn label(self, lang: Lang) -> String {
        let key = match self {
            Zone::Eea => "zone-eea",
            Zone::Adequate => "zone-adequate",
            Zone::ThirdCountry => "zone-third",
        };
        crate::render::fixed(key, lang, &[])
    }

    /// The zone as a CSS class and Mermaid class name.
    pub fn class(self) -> &'static str {
        match self {
            Zone::Eea => "eea",
            Zone::Adequate => "adequate",
            Zone::ThirdCountry => "third",
        }
    }

    /// Fill and stroke colours, shared by SVG, DOT and Mermaid.
    pub fn colours(self) -> (&'static str, &'static str) {
        match self {
            // Blue, yellow, orange: red is kept for open findings.
            Zone::Eea => ("#e8f0fb", "#2f5f9e"),
            Zone::Adequate => ("#fbf3cf", "#8a6d00"),
            Zone::ThirdCountry => ("#fde6d3", "#c2410c"),
        }
    }
}

/// What a node stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// A party.
    Party,
    /// A system.
    System,
}

/// A node to draw.
#[derive(Clone, Debug, Serialize)]
pub struct Node {
    /// Unique key: `party:medhelp`, `system:vi-nas`.
    pub key: String,
    /// Party or system.
    pub kind: NodeKind,
    /// The model id.
    pub id: String,
    /// The name (a party's legal name, a system's name).
    pub name: String,
    /// A second line: kind and country, or operator and location.
    pub detail: String,
    /// The jurisdiction of its country (establishment or location).
    pub zone: Zone,
    /// The column, from 0 (controllers) rightwards.
    pub column: usize,
    /// Open findings against it.
    pub findings: usize,
}

/// What an edge stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    /// The source engages the target to process on its behalf.
    Engages,
    /// A contract in force between two parties where neither engages the
    /// other as processor: a care agreement, a service contract.
    Contract,
    /// The source uses the target system.
    Uses,
}

/// An edge to draw.
#[derive(Clone, Debug, Serialize)]
pub struct Edge {
    /// The source node's key.
    pub from: String,
    /// The target node's key.
    pub to: String,
    /// Engages, contract or uses.
    pub kind: EdgeKind,
    /// The activities it stands for, by id.
    pub activities: Vec<String>,
    /// The kinds of the contracts in force between the two parties for those
    /// activities, in words (`care agreement`, `data processing agreement`),
    /// sorted; empty for a system.
    pub contracts: Vec<String>,
    /// The short labels of its activities in the diagram's key (`A1`, `A3`).
    pub keys: Vec<String>,
}

/// An activity in the diagram's key: edges name it by its short label.
#[derive(Clone, Debug, Serialize)]
pub struct KeyedActivity {
    /// `A1`, `A2`, … in the order of the activities' ids.
    pub key: String,
    /// The activity's id.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// The chain as a graph.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Diagram {
    /// The nodes, by column and key.
    pub nodes: Vec<Node>,
    /// The edges, by kind, source and target.
    pub edges: Vec<Edge>,
    /// Column headings, one per column.
    pub columns: Vec<String>,
    /// Parties with no role on the date, not drawn, by name.
    pub not_drawn: Vec<String>,
    /// The activities running on the date, each with the short label its
    /// edges carry.
    pub key: Vec<KeyedActivity>,
    /// The language of its labels and legend (the JSON report keeps the
    /// contracts' kinds in English words, as codes).
    #[serde(skip)]
    pub lang: Lang,
}

/// The short form of an agreement's kind in words, as the SVG labels its
/// edges (the legend spells each out), and the words themselves.
pub const CONTRACT_SHORT: &[(&str, &str)] = &[
    ("care agreement", "care"),
    ("data processing agreement", "DPA"),
    ("joint-controller arrangement", "Art. 26"),
    ("service contract", "service"),
    ("sub-processor authorisation", "sub-proc."),
    ("transfer agreement", "transfer"),
];

/// A contract kind (its English words, as [`CONTRACT_SHORT`] lists them) in
/// `lang`, short (`DPA`, `PUB-avtal`) or in full: the messages
/// `contract-short-<words>` and `contract-<words>` of `report.ftl`.
pub fn contract_words_in(words: &str, short: bool, lang: Lang) -> String {
    if !CONTRACT_SHORT.iter().any(|(long, _)| *long == words) {
        return words.to_owned();
    }
    let slug = words.replace(' ', "-");
    let key = if short { format!("contract-short-{slug}") } else { format!("contract-{slug}") };
    crate::render::fixed(&key, lang, &[])
}

/// What an edge's label says: its contracts' kinds (short or in full) and its
/// activities' keys, `DPA · A1, A3`.
pub fn edge_label(edge: &Edge, short: bool, lang: Lang) -> String {
    let mut parts = Vec::new();
    if !edge.contracts.is_empty() {
        let kinds: Vec<String> = edge.contracts.iter().map(|c| contract_words_in(c, short, lang)).collect();
        parts.push(kinds.join(", "));
    }
    if !edge.keys.is_empty() {
        parts.push(edge.keys.join(", "));
    }
    parts.join(" · ")
}

/// Activity numbers as keys, runs of three or more as a range:
/// `[1, 3, 4, 5, 7]` → `A1`, `A3–A5`, `A7`.
fn key_ranges(numbers: &[usize]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < numbers.len() {
        let mut j = i;
        while j + 1 < numbers.len() && numbers[j + 1] == numbers[j] + 1 {
            j += 1;
        }
        if j >= i + 2 {
            out.push(format!("A{}–A{}", numbers[i], numbers[j]));
        } else {
            out.extend(numbers[i..=j].iter().map(|n| format!("A{n}")));
        }
        i = j + 1;
    }
    out
}

/// An agreement's kind in words, for an edge's label.
fn contract_words(kind: crate::model::AgreementKind) -> &'static str {
    use crate::model::AgreementKind;
    match kind {
        AgreementKind::CareAgreement => "care agreement",
        AgreementKind::DataProcessing => "data processing agreement",
        AgreementKind::SubprocessorAuthorisation => "sub-processor authorisation",
        AgreementKind::JointControllers => "joint-controller arrangement",
        AgreementKind::Transfer => "transfer agreement",
        AgreementKind::Service => "service contract",
    }
}

fn party_key(id: &PartyId) -> String {
    format!("party:{id}")
}

/// Each of `parties`' (sorted) column: the length of the longest chain of
/// engagements (principal → agent) above it. Parties that engage each other
/// in a cycle (A for B in one activity, B for A in another) share a column,
/// the one their cycle's longest chain from outside gives them. The parties'
/// cycles are found first (`kosaraju_scc`, which does not recurse), so each engagement is followed once:
/// relaxing depths round by round took a round per party on a cycle, which on
/// a national model is quadratic.
fn chain_depths<'p>(
    parties: &[&'p PartyId],
    engagements: impl Iterator<Item = (&'p PartyId, &'p PartyId)>,
) -> Vec<usize> {
    use petgraph::graph::{DiGraph, NodeIndex};
    let position = |party: &PartyId| parties.binary_search(&party).ok();
    let mut graph: DiGraph<(), ()> = DiGraph::with_capacity(parties.len(), 0);
    for _ in parties {
        graph.add_node(());
    }
    // A principal outside the drawing counts as a chain of one above its agent.
    let mut floor = vec![0usize; parties.len()];
    for (principal, agent) in engagements {
        match (position(principal), position(agent)) {
            (Some(from), Some(to)) => {
                graph.add_edge(NodeIndex::new(from), NodeIndex::new(to), ());
            }
            (None, Some(to)) => floor[to] = 1,
            _ => {}
        }
    }
    // Components come in reverse topological order: walking them backwards,
    // every principal's component is settled before its agents'.
    let components = petgraph::algo::kosaraju_scc(&graph);
    let mut component_of = vec![0usize; parties.len()];
    for (index, component) in components.iter().enumerate() {
        for node in component {
            component_of[node.index()] = index;
        }
    }
    let mut component_depth: Vec<usize> =
        components.iter().map(|c| c.iter().map(|n| floor[n.index()]).max().unwrap_or(0)).collect();
    for index in (0..components.len()).rev() {
        let depth = component_depth[index];
        for node in &components[index] {
            for agent in graph.neighbors(*node) {
                let target = component_of[agent.index()];
                if target != index {
                    component_depth[target] = component_depth[target].max(depth + 1);
                }
            }
        }
    }
    component_of.into_iter().map(|component| component_depth[component]).collect()
}

fn system_key(id: &SystemId) -> String {
    format!("system:{id}")
}

impl Diagram {
    /// The chain of the activities running on the evaluation date.
    pub fn build(input: &Input<'_>) -> Self {
        let model = input.model;
        let as_of = input.analysis.as_of;
        let roles = &input.analysis.roles;
        let running = |a: &crate::model::ActivityId| model.activities.get(a).is_some_and(|x| x.runs_on(as_of));
        let zone = |country: &Country| match input.reference.jurisdiction(country, as_of) {
            Jurisdiction::Eea => Zone::Eea,
            Jurisdiction::Adequate(_) => Zone::Adequate,
            Jurisdiction::ThirdCountry => Zone::ThirdCountry,
        };

        // Edges, grouped so that one line stands for every activity it serves.
        let mut engages: BTreeMap<(PartyId, PartyId), Vec<String>> = BTreeMap::new();
        let mut uses: BTreeMap<(PartyId, SystemId), Vec<String>> = BTreeMap::new();
        let mut drawn: Vec<&PartyId> = Vec::new();
        for assignment in roles.assignments().iter().filter(|a| running(&a.activity)) {
            drawn.push(&assignment.party);
            if let Some(principal) = &assignment.on_behalf_of {
                engages
                    .entry((principal.clone(), assignment.party.clone()))
                    .or_default()
                    .push(assignment.activity.to_string());
            }
        }
        for activity in model.activities.values().filter(|a| a.runs_on(as_of)) {
            for performer in &activity.performers {
                for system in &performer.systems {
                    uses.entry((performer.party.value.clone(), system.value.clone()))
                        .or_default()
                        .push(activity.id.to_string());
                }
            }
        }
        // Contracts in force on the date, between two drawn parties, for a
        // running activity: by pair (the first party as the contract lists it,
        // which is the principal or controller in a well-formed one), with the
        // activities each kind covers.
        let mut contracts: BTreeMap<(PartyId, PartyId), BTreeMap<&'static str, Vec<String>>> = BTreeMap::new();
        for agreement in model.agreements.values().filter(|a| a.in_force_on(as_of)) {
            let covered: Vec<String> =
                agreement.covers.iter().filter(|a| running(&a.value)).map(|a| a.value.to_string()).collect();
            let Some((first, others)) = agreement.parties.split_first() else { continue };
            if covered.is_empty() {
                continue;
            }
            for other in others {
                let pair = (first.party.value.clone(), other.party.value.clone());
                contracts
                    .entry(pair)
                    .or_default()
                    .entry(contract_words(agreement.kind.value))
                    .or_default()
                    .extend(covered.iter().cloned());
            }
        }
        for list in engages.values_mut().chain(uses.values_mut()) {
            list.sort();
            list.dedup();
        }
        drawn.sort();
        drawn.dedup();

        // Columns: the longest chain of engagements above each party.
        let depths = chain_depths(&drawn, engages.keys().map(|(principal, agent)| (principal, agent)));
        let depth: BTreeMap<&PartyId, usize> = drawn.iter().copied().zip(depths).collect();
        let deepest = depth.values().copied().max().unwrap_or(0);
        let system_column = deepest + 1;

        // Open findings per party and per place in the YAML, counted in one
        // pass: counting them per node made the diagram quadratic.
        let open: Vec<&Finding> = input.analysis.findings.iter().filter(|f| f.accepted.is_none()).collect();
        let mut open_by_party: BTreeMap<&PartyId, usize> = BTreeMap::new();
        let mut open_by_span: BTreeMap<Span, Vec<usize>> = BTreeMap::new();
        for (index, finding) in open.iter().enumerate() {
            if let Some(party) = &finding.party {
                *open_by_party.entry(party).or_default() += 1;
            }
            for label in std::iter::once(&finding.primary).chain(&finding.labels) {
                open_by_span.entry(label.span).or_default().push(index);
            }
        }
        let mut nodes: Vec<Node> = Vec::new();
        for party in &drawn {
            let Some(found) = model.parties.get(*party) else { continue };
            let findings = open_by_party.get(*party).copied().unwrap_or(0);
            nodes.push(Node {
                key: party_key(party),
                kind: NodeKind::Party,
                id: party.to_string(),
                name: found.name.clone(),
                detail: format!(
                    "{} · {}",
                    input.t(&format!("party-kind-{}", found.kind.value.as_str())),
                    found.country.value
                ),
                zone: zone(&found.country.value),
                column: depth.get(*party).copied().unwrap_or(0),
                findings,
            });
        }
        let mut systems: Vec<&SystemId> = uses.keys().map(|(_, s)| s).collect();
        systems.sort();
        systems.dedup();
        for id in systems {
            let Some(system) = model.systems.get(id) else { continue };
            // A finding counts once however many of the system's places it points at.
            let mut pointing: Vec<usize> =
                system_spans(system).iter().filter_map(|span| open_by_span.get(span)).flatten().copied().collect();
            pointing.sort_unstable();
            pointing.dedup();
            let findings = pointing.len();
            nodes.push(Node {
                key: system_key(id),
                kind: NodeKind::System,
                id: id.to_string(),
                name: system.name.clone(),
                detail: format!("{} · {}", input.t("diagram-system"), system.location.value),
                zone: zone(&system.location.value),
                column: system_column,
                findings,
            });
        }
        nodes.sort_by(|a, b| (a.column, &a.key).cmp(&(b.column, &b.key)));

        let keys: BTreeSet<&str> = nodes.iter().map(|n| n.key.as_str()).collect();
        // The contracts between two parties, whichever way the contract lists
        // them; each taken by the first edge that shows it.
        let mut between = |a: &PartyId, b: &PartyId| -> BTreeMap<&'static str, Vec<String>> {
            let mut found = contracts.remove(&(a.clone(), b.clone())).unwrap_or_default();
            for (kind, list) in contracts.remove(&(b.clone(), a.clone())).unwrap_or_default() {
                found.entry(kind).or_default().extend(list);
            }
            found
        };
        let words = |found: &BTreeMap<&'static str, Vec<String>>| found.keys().map(|k| (*k).to_owned()).collect();
        let mut edges: Vec<Edge> = Vec::new();
        for ((principal, agent), activities) in engages {
            let found = between(&principal, &agent);
            edges.push(Edge {
                from: party_key(&principal),
                to: party_key(&agent),
                kind: EdgeKind::Engages,
                contracts: words(&found),
                activities,
                keys: Vec::new(),
            });
        }
        for ((a, b), found) in std::mem::take(&mut contracts) {
            let mut activities: Vec<String> = found.values().flatten().cloned().collect();
            activities.sort();
            activities.dedup();
            edges.push(Edge {
                from: party_key(&a),
                to: party_key(&b),
                kind: EdgeKind::Contract,
                contracts: words(&found),
                activities,
                keys: Vec::new(),
            });
        }
        for ((party, system), activities) in uses {
            edges.push(Edge {
                from: party_key(&party),
                to: system_key(&system),
                kind: EdgeKind::Uses,
                activities,
                contracts: Vec::new(),
                keys: Vec::new(),
            });
        }
        edges.retain(|e| keys.contains(e.from.as_str()) && keys.contains(e.to.as_str()));
        edges.sort_by(|a, b| (a.kind, &a.from, &a.to).cmp(&(b.kind, &b.from, &b.to)));

        // The key: every activity running on the date, A1, A2, … by id.
        let key: Vec<KeyedActivity> = model
            .activities
            .values()
            .filter(|a| a.runs_on(as_of))
            .enumerate()
            .map(|(i, a)| KeyedActivity { key: format!("A{}", i + 1), id: a.id.to_string(), name: a.name.clone() })
            .collect();
        let number: BTreeMap<&str, usize> = key.iter().enumerate().map(|(i, k)| (k.id.as_str(), i + 1)).collect();
        for edge in &mut edges {
            let mut numbers: Vec<usize> =
                edge.activities.iter().filter_map(|a| number.get(a.as_str()).copied()).collect();
            numbers.sort_unstable();
            numbers.dedup();
            edge.keys = key_ranges(&numbers);
        }

        let mut columns: Vec<String> = (0..=deepest)
            .map(|d| match d {
                0 => input.t("summary-controllers"),
                1 => input.t("summary-processors"),
                2 => input.t("summary-sub-processors"),
                n => input.tr("diagram-sub-processors-level", &[("level", (n - 1).into())]),
            })
            .collect();
        columns.push(input.t("diagram-systems"));

        let mut not_drawn: Vec<String> =
            model.parties.values().filter(|p| drawn.binary_search(&&p.id).is_err()).map(|p| p.name.clone()).collect();
        not_drawn.sort();
        Self { nodes, edges, columns, not_drawn, key, lang: input.lang }
    }

    /// The node with this key.
    pub fn node(&self, key: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.key == key)
    }
}

/// Every span of a system's definition that a finding can point at.
fn system_spans(system: &crate::model::System) -> Vec<Span> {
    let mut spans = vec![system.span, system.operator.span, system.location.span];
    spans.extend(system.exposure.as_ref().map(|x| x.span));
    spans.extend(system.encrypted_in_transit.as_ref().map(|x| x.span));
    spans.extend(system.encrypted_at_rest.as_ref().map(|x| x.span));
    spans.extend(system.authentication.as_ref().map(|x| x.span));
    spans.extend(system.access_logging.as_ref().map(|x| x.span));
    spans.extend(system.backups.as_ref().map(|x| x.span));
    spans
}

/// `3 open findings`, for labels, in `lang`.
pub fn findings_label(n: usize, lang: Lang) -> String {
    match n {
        0 => String::new(),
        n => crate::render::fixed("diagram-open-findings", lang, &[("count", n.into())]),
    }
}

/// Escapes text for a double-quoted DOT string: `"` and `\` are escaped, and a
/// line break becomes a space (a DOT `\n` is ours to place, not the model's).
pub fn dot_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// The diagram as a Graphviz DOT digraph, left to right.
pub fn dot(diagram: &Diagram) -> String {
    let mut out = String::new();
    out.push_str("digraph ansvar {\n");
    out.push_str("  graph [rankdir=LR, fontname=\"Helvetica\", nodesep=0.35, ranksep=1.1];\n");
    out.push_str("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n");
    for (column, title) in diagram.columns.iter().enumerate() {
        let keys: Vec<String> = diagram
            .nodes
            .iter()
            .filter(|n| n.column == column)
            .map(|n| format!("\"{}\"", dot_escape(&n.key)))
            .collect();
        if keys.is_empty() {
            continue;
        }
        let _ = writeln!(out, "  // {}", dot_escape(title));
        let _ = writeln!(out, "  {{ rank=same; {}; }}", keys.join("; "));
    }
    for node in &diagram.nodes {
        let (fill, stroke) = node.zone.colours();
        let mut label = format!("{}\\n{}", dot_escape(&node.name), dot_escape(&node.detail));
        let marked = node.findings > 0;
        if marked {
            label.push_str(&format!("\\n{}", findings_label(node.findings, diagram.lang)));
        }
        let shape = match node.kind {
            NodeKind::Party => "",
            NodeKind::System => ", shape=cylinder, style=filled",
        };
        let (colour, width) = if marked { ("#b3261e", "2.5") } else { (stroke, "1") };
        let _ = writeln!(
            out,
            "  \"{}\" [label=\"{label}\", fillcolor=\"{fill}\", color=\"{colour}\", penwidth={width}{shape}];",
            dot_escape(&node.key)
        );
    }
    for edge in &diagram.edges {
        let label = dot_escape(&edge_label(edge, false, diagram.lang));
        let engages = dot_escape(&crate::render::fixed("diagram-engages", diagram.lang, &[]));
        let style = match edge.kind {
            EdgeKind::Engages if label.is_empty() => format!("label=\"{engages}\""),
            EdgeKind::Engages => format!("label=\"{engages} · {label}\""),
            EdgeKind::Contract => format!("label=\"{label}\", style=dashed, color=\"#5b3a8c\", fontcolor=\"#5b3a8c\""),
            EdgeKind::Uses => format!("label=\"{label}\", style=dashed, arrowhead=none, fontcolor=\"#5b6470\""),
        };
        let _ = writeln!(
            out,
            "  \"{}\" -> \"{}\" [{style}, tooltip=\"{}\"];",
            dot_escape(&edge.from),
            dot_escape(&edge.to),
            dot_escape(&edge.activities.join(", "))
        );
    }
    if !diagram.key.is_empty() {
        // The activities the edges name by key, as a note.
        let lines: String = diagram.key.iter().map(|k| format!("{}: {}\\l", k.key, dot_escape(&k.name))).collect();
        let title = dot_escape(&crate::render::fixed("diagram-activities", diagram.lang, &[]));
        let _ =
            writeln!(out, "  \"key\" [shape=note, style=filled, fillcolor=\"#ffffff\", label=\"{title}\\l{lines}\"];");
    }
    out.push_str("}\n");
    out
}

/// Escapes text for a double-quoted Mermaid label. Everything but letters,
/// digits, spaces and harmless punctuation becomes a numeric entity (`#60;`),
/// which Mermaid decodes for display; so no label can close the string, start
/// markup, or end a Markdown code fence.
pub fn mermaid_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            c if c.is_alphanumeric() || " .,:-–—()/'·+".contains(c) => out.push(c),
            c => {
                let _ = write!(out, "#{};", u32::from(c));
            }
        }
    }
    out
}

/// A Mermaid node id: the key with `:` and `-` made `_` (ids have no `_`, so
/// this keeps them distinct).
fn mermaid_id(key: &str) -> String {
    key.replace([':', '-'], "_")
}

/// The diagram as a Mermaid flowchart, left to right.
pub fn mermaid(diagram: &Diagram) -> String {
    let mut out = String::new();
    out.push_str("flowchart LR\n");
    for zone in [Zone::Eea, Zone::Adequate, Zone::ThirdCountry] {
        let (fill, stroke) = zone.colours();
        let _ = writeln!(out, "  classDef {} fill:{fill},stroke:{stroke},color:#1a1a1a", zone.class());
        let _ = writeln!(
            out,
            "  classDef {}_findings fill:{fill},stroke:#b3261e,stroke-width:3px,color:#1a1a1a",
            zone.class()
        );
    }
    for node in &diagram.nodes {
        let mut label = format!("{}<br/>{}", mermaid_escape(&node.name), mermaid_escape(&node.detail));
        if node.findings > 0 {
            label.push_str(&format!("<br/>⚠ {}", findings_label(node.findings, diagram.lang)));
        }
        let (open, close) = match node.kind {
            NodeKind::Party => ("(\"", "\")"),
            NodeKind::System => ("[(\"", "\")]"),
        };
        let class =
            if node.findings > 0 { format!("{}_findings", node.zone.class()) } else { node.zone.class().to_owned() };
        let _ = writeln!(out, "  {}{open}{label}{close}:::{class}", mermaid_id(&node.key));
    }
    for edge in &diagram.edges {
        let label = mermaid_escape(&edge_label(edge, true, diagram.lang));
        let arrow = match (edge.kind, label.is_empty()) {
            (EdgeKind::Engages, true) => "-->".to_owned(),
            (EdgeKind::Engages, false) => format!("-->|\"{label}\"|"),
            (EdgeKind::Contract, _) => format!("-.->|\"{label}\"|"),
            (EdgeKind::Uses, true) => "-.-".to_owned(),
            (EdgeKind::Uses, false) => format!("-.-|\"{label}\"|"),
        };
        let _ = writeln!(out, "  {} {arrow} {}", mermaid_id(&edge.from), mermaid_id(&edge.to));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_activity_keys_become_ranges() {
        assert_eq!(key_ranges(&[1, 3, 4, 5, 7, 8]), vec!["A1", "A3–A5", "A7", "A8"]);
        assert!(key_ranges(&[]).is_empty());
    }

    #[test]
    fn dot_labels_cannot_break_out_of_their_string() {
        assert_eq!(dot_escape(r#"a "quoted" \ name"#), r#"a \"quoted\" \\ name"#);
        assert_eq!(dot_escape("two\nlines"), "two lines");
    }

    #[test]
    fn mermaid_labels_are_entities_for_anything_special() {
        assert_eq!(mermaid_escape("Region Sörmland"), "Region Sörmland");
        assert_eq!(mermaid_escape("<b>\"x\"</b>"), "#60;b#62;#34;x#34;#60;/b#62;");
        assert_eq!(mermaid_escape("a|b*c`"), "a#124;b#42;c#96;");
    }

    #[test]
    fn mermaid_ids_stay_distinct() {
        assert_eq!(mermaid_id("party:region-stockholm"), "party_region_stockholm");
        assert_ne!(mermaid_id("party:a-b"), mermaid_id("system:a-b"));
    }

    fn ids(names: &[&str]) -> Vec<PartyId> {
        names.iter().map(|n| PartyId::new(*n)).collect()
    }

    fn depths(parties: &[PartyId], edges: &[(usize, usize)]) -> Vec<usize> {
        let drawn: Vec<&PartyId> = parties.iter().collect();
        chain_depths(&drawn, edges.iter().map(|(from, to)| (&parties[*from], &parties[*to])))
    }

    #[test]
    fn a_chain_takes_one_column_per_link() {
        // a -> b -> c, and a -> c directly: c sits after the longest chain.
        let parties = ids(&["a", "b", "c", "d"]);
        assert_eq!(depths(&parties, &[(0, 1), (1, 2), (0, 2)]), vec![0, 1, 2, 0]);
    }

    #[test]
    fn parties_engaging_each_other_share_a_column() {
        // root -> x, x <-> y (a cycle across activities), y -> z.
        let parties = ids(&["root", "x", "y", "z"]);
        assert_eq!(depths(&parties, &[(0, 1), (1, 2), (2, 1), (2, 3)]), vec![0, 1, 1, 2]);
    }

    #[test]
    fn a_long_cycle_is_settled_in_one_pass() {
        // 20 000 parties in one ring: relaxing round by round took a round per
        // party, 400 million steps.
        let names: Vec<String> = (0..20_000).map(|n| format!("p-{n:05}")).collect();
        let parties: Vec<PartyId> = names.iter().map(|n| PartyId::new(n.as_str())).collect();
        let edges: Vec<(usize, usize)> = (0..parties.len()).map(|n| (n, (n + 1) % parties.len())).collect();
        assert!(depths(&parties, &edges).iter().all(|d| *d == 0));
    }
}
