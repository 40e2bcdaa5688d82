//! Rendering: terminal tables, JSON and (later) Markdown and HTML, all from the
//! derived roles and findings. Renderers only read; they decide nothing.

pub mod diff;
pub mod json;
pub mod markdown;
pub mod text;

/// The version of every JSON document `ansvar` emits. Raised when a field is
/// removed or changes meaning; adding a field does not raise it.
pub const SCHEMA_VERSION: u32 = 1;
