//! Rendering: terminal tables, JSON, SARIF, Markdown and HTML, all from the
//! derived roles and findings and the obligations stage ([`crate::obligations`]).
//! Renderers only read; they decide nothing (`tests/report_decides_nothing.rs`
//! holds them to it).
//!
//! The full report is prepared once as a [`view::View`], from its parts
//! ([`overview`], [`finding`], [`sheets`], [`notify`], [`ropa`], [`diagram`]),
//! which share the leaf module [`refs`] and import neither the view nor each
//! other in a circle, and then written by [`templates`] (HTML, Markdown) or
//! [`json::ReportDocument`] (JSON). The chain is drawn by [`diagram`] (DOT,
//! Mermaid) and [`svg`] (inline SVG, laid out here, no external program).

pub mod diagram;
pub mod diff;
pub mod escape;
pub mod finding;
pub(crate) mod index;
pub mod invalid;
pub mod json;
pub mod markdown;
pub mod memo;
pub mod notify;
pub mod outline;
pub mod overview;
pub mod refs;
pub mod ropa;
pub mod sarif;
pub mod sheets;
pub mod svg;
pub mod templates;
pub mod view;

/// The version of every JSON document `ansvar` emits but the report (`check`,
/// `roles`, `diff`, `ropa`, and the `roles` and `check` parts of the report).
/// Raised when a field is removed or changes meaning; adding a field does not
/// raise it.
pub const SCHEMA_VERSION: u32 = 1;

/// The version of the document `ansvar report --format json` prints, as a
/// whole. Kept apart from [`SCHEMA_VERSION`] so that a change to the report
/// alone does not announce a change to `check` or `roles`, whose documents the
/// report embeds unchanged. Version 2: the role matrix lists only the cells
/// that hold a role, each naming its activity (docs/report.md).
pub const REPORT_SCHEMA_VERSION: u32 = 2;
