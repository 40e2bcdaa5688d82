//! `ansvar` maps GDPR responsibility across chains of public healthcare regions,
//! care providers, subcontractors and tech vendors.
//!
//! Data flows one way through the stages, each a module with one job:
//!
//! ```text
//! model (types) → load (files, spans, validation) → graph (adjacency)
//!               → roles (derivation) → rules (findings)
//!               → obligations (duties, breach paths, Art. 30 records) → report / diff
//! ```
//!
//! [`load::load_path`] turns a directory of YAML files into a validated
//! [`model::Model`] and a [`source::SourceMap`], or into every [`diag::Diagnostic`]
//! that makes it invalid. Everything after loading works on the validated model
//! and never sees raw YAML.

pub mod codes;
pub mod diag;
pub mod diff;
pub mod finding;
pub mod graph;
pub mod init;
pub mod law;
pub mod load;
pub mod memo;
pub mod model;
pub mod obligations;
pub mod output;
pub mod par;
pub mod printer;
pub mod reference;
pub mod render;
pub mod report;
pub mod roles;
pub mod rules;
pub mod scope;
pub mod source;
pub mod suggest;
pub mod timings;

// The text renderers moved into `render`; their old paths stay for callers.
pub use render::{catalogue, summary};

/// A model analysed as of a date: its graph, roles and findings, and the
/// obligations they bring, yielded on demand ([`Analysis::obligations_of`] and
/// the rest): `check` alone does not pay for them.
///
/// This is the pipeline after loading, in one place, so that every command
/// (`check`, `report`, `diff`) derives the same roles and findings the same way.
pub struct Analysis<'m> {
    /// The model's graph.
    pub graph: graph::Graph<'m>,
    /// The derived roles.
    pub roles: roles::Roles,
    /// Every finding, sorted, with accepted risks applied.
    pub findings: Vec<rules::Finding>,
    /// The evaluation date.
    pub as_of: jiff::civil::Date,
    /// The reference data it was analysed with.
    pub reference: &'m reference::Reference,
    /// How long the graph, the roles and the rules took.
    pub timings: timings::Timings,
}

impl<'m> Analysis<'m> {
    /// Builds the graph, derives the roles and runs the rules.
    pub fn new(model: &'m model::Model, reference: &'m reference::Reference, as_of: jiff::civil::Date) -> Self {
        Self::new_seeing_roles(model, reference, as_of, |_, _| {})
    }

    /// [`Analysis::new`], showing the graph and the roles to `seen` as soon
    /// as the roles are derived ([`roles::derive_seeing`]), before they are
    /// indexed and the rules run: `diff` compares there what follows from
    /// them alone (the roles, the duties to notify a breach, the processing
    /// abroad) with the other side's and lets those go, so that it never
    /// holds both sides' while the rules work (issue 19).
    pub fn new_seeing_roles(
        model: &'m model::Model,
        reference: &'m reference::Reference,
        as_of: jiff::civil::Date,
        seen: impl FnOnce(&graph::Graph<'m>, &roles::Derived<'_>),
    ) -> Self {
        let mut timings = timings::Timings::new();
        // The roles and rules sort and search by id throughout.
        let graph = timings.time("graph", || {
            model::Interned::settle_order();
            graph::Graph::build(model)
        });
        let roles = timings.time("roles", || roles::derive_seeing(&graph, |derived| seen(&graph, derived)));
        let (findings, rule_times) = timings.time("rules", || {
            rules::check_timed(&rules::Context { model, graph: &graph, roles: &roles, reference, as_of })
        });
        for (rule, took) in rule_times {
            timings.record_part("rules", rule, took);
        }
        Self { graph, roles, findings, as_of, reference, timings }
    }

    /// The model analysed.
    pub fn model(&self) -> &'m model::Model {
        self.graph.model()
    }

    /// The obligations `party`'s roles bring on the evaluation date.
    pub fn obligations_of(&self, party: &model::PartyId) -> Vec<obligations::Obligation> {
        obligations::obligations_of(self, party)
    }

    /// The obligations of every party that has any, by party id.
    pub fn obligations(&self) -> Vec<obligations::PartyObligations> {
        obligations::all_obligations(self)
    }

    /// Every duty to notify a breach, sorted by activity, notifier and recipient.
    pub fn notification_duties(&self) -> Vec<obligations::notification::NotificationDuty> {
        obligations::notification::notification_duties(&self.graph, &self.roles)
    }

    /// Processing in third countries by the performers of running activities, sorted.
    pub fn processing_abroad(&self) -> Vec<obligations::abroad::ProcessingAbroad> {
        obligations::abroad::processing_abroad(self.model(), &self.graph, self.reference, self.as_of)
    }
}
