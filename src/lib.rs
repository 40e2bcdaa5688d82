//! `ansvar` maps GDPR responsibility across chains of public healthcare regions,
//! care providers, subcontractors and tech vendors.
//!
//! Data flows one way through the stages, each a module with one job:
//!
//! ```text
//! model (types) → load (files, spans, validation) → graph (petgraph)
//!               → roles (derivation) → rules (findings) → report / diff
//! ```
//!
//! [`load::load_dir`] turns a directory of YAML files into a validated
//! [`model::Model`] and a [`source::SourceMap`], or into every [`diag::Diagnostic`]
//! that makes it invalid. Everything after loading works on the validated model
//! and never sees raw YAML.

pub mod diag;
pub mod graph;
pub mod law;
pub mod load;
pub mod model;
pub mod output;
pub mod reference;
pub mod report;
pub mod roles;
pub mod source;
pub mod suggest;
pub mod summary;
