//! The askama templates under `templates/` and the filters they use.
//!
//! Each template receives a prepared [`View`] and its drawn-up parts (or
//! [`Records`]) and only loops, branches and escapes: it starts no thread and
//! draws nothing up. The HTML templates are escaped by askama (by their
//! extension); the only unescaped output is our own SVG, through `|safe`. The
//! Markdown templates are not escaped by askama, so every model string goes
//! through the `md` filter ([`super::markdown::escape`]), and ids
//! quoted as code through `md_code`.
//!
//! The templates' own words (headings, labels, sentences) are messages of
//! `locales/<lang>/report.ftl`, looked up in the report's language: `{{
//! view.t("key") }}`, or `{{ view.t1("key", value) }}` with one argument
//! ([`View::t`], [`View::t1`]). A part shared by the report and the records
//! alone (`_records.md`) has no view and calls `{{ self.t("key") }}`, which
//! every template struct here has. In HTML a message of ours is marked
//! `|safe` (its only arguments are the date and the tool; some hold a link or
//! `<strong>`); a message given model text with `t1` is escaped as usual.

use askama::Template;

use super::notify::SystemNotifications;
use super::ropa::Records;
use super::sheets::PartySheet;
use super::view::View;

/// Why a template could not be rendered.
#[derive(Debug, thiserror::Error)]
#[error("cannot render the {what}: {source}")]
pub struct RenderError {
    /// Which output.
    what: &'static str,
    /// askama's error.
    #[source]
    source: askama::Error,
}

impl RenderError {
    /// The error of rendering `what`; an I/O error while streaming it is
    /// carried as askama's.
    pub fn new(what: &'static str, source: askama::Error) -> Self {
        Self { what, source }
    }
}

/// The HTML report: one self-contained file, inline CSS, no scripts.
#[derive(Template)]
#[template(path = "report.html")]
pub struct HtmlReport<'a> {
    /// The prepared report.
    pub view: &'a View<'a>,
    /// Its duty sheets, drawn up.
    pub sheets: &'a [PartySheet],
    /// Who notifies whom, drawn up.
    pub notifications: &'a [SystemNotifications],
    /// The Art. 30 records, drawn up.
    pub records: &'a Records,
}

/// The Markdown report, with the chain as a Mermaid block.
#[derive(Template)]
#[template(path = "report.md")]
pub struct MarkdownReport<'a> {
    /// The prepared report.
    pub view: &'a View<'a>,
    /// Its duty sheets, drawn up.
    pub sheets: &'a [PartySheet],
    /// Who notifies whom, drawn up.
    pub notifications: &'a [SystemNotifications],
    /// The Art. 30 records, drawn up.
    pub records: &'a Records,
}

/// The Art. 30 records alone, as Markdown (`ansvar ropa --format md`).
#[derive(Template)]
#[template(path = "ropa.md")]
pub struct RopaMarkdown<'a> {
    /// The model's name.
    pub model: &'a str,
    /// The evaluation date.
    pub as_of: &'a str,
    /// The records.
    pub records: &'a Records,
    /// The language they are written in.
    pub lang: crate::render::Lang,
}

impl RopaMarkdown<'_> {
    /// A text of ours in the records' language, given `$as-of`.
    pub fn t(&self, key: &str) -> String {
        crate::render::fixed(key, self.lang, &[("as-of", self.as_of.into())])
    }

    /// [`RopaMarkdown::t`] with one more argument, `$arg`.
    pub fn t1(&self, key: &str, arg: impl std::fmt::Display) -> String {
        crate::render::fixed(key, self.lang, &[("as-of", self.as_of.into()), ("arg", arg.to_string().into())])
    }
}

impl MarkdownReport<'_> {
    /// A text of ours in the report's language ([`View::t`]).
    pub fn t(&self, key: &str) -> String {
        self.view.t(key)
    }
}

/// Renders the HTML report: its big parts are drawn up first, on every core
/// ([`View::draw`]), so that the template only reads.
pub fn html(view: &View<'_>) -> Result<String, RenderError> {
    let drawn = view.draw();
    HtmlReport { view, sheets: &drawn.sheets, notifications: &drawn.notifications, records: &drawn.records }
        .render()
        .map_err(|source| RenderError { what: "HTML report", source })
}

/// Renders the Markdown report, its big parts drawn up first as for [`html`].
pub fn markdown(view: &View<'_>) -> Result<String, RenderError> {
    let drawn = view.draw();
    MarkdownReport { view, sheets: &drawn.sheets, notifications: &drawn.notifications, records: &drawn.records }
        .render()
        .map(tidy)
        .map_err(|source| RenderError { what: "Markdown report", source })
}

/// Renders the records as Markdown.
pub fn ropa_markdown(
    model: &str,
    as_of: &str,
    records: &Records,
    lang: crate::render::Lang,
) -> Result<String, RenderError> {
    RopaMarkdown { model, as_of, records, lang }
        .render()
        .map(tidy)
        .map_err(|source| RenderError { what: "records of processing", source })
}

/// Collapses runs of blank lines that template control lines leave behind, and
/// ends the text with exactly one newline: Markdown gives blank lines meaning,
/// so the output should not depend on how the template is indented.
pub(crate) fn tidy(text: String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

/// Filters for the Markdown templates.
pub(crate) mod filters {
    use std::fmt::Display;

    /// Escapes model text for Markdown prose and table cells.
    #[askama::filter_fn]
    pub fn md(value: impl Display, _env: &dyn askama::Values) -> askama::Result<String> {
        Ok(super::super::markdown::escape(&value.to_string()))
    }

    /// Quotes text as inline code that survives a table cell: a backtick would
    /// end the span and a `|` would end the cell, even inside code (GFM).
    #[askama::filter_fn]
    pub fn md_code(value: impl Display, _env: &dyn askama::Values) -> askama::Result<String> {
        let text = value.to_string().replace('`', "'").replace('|', "\\|").replace(['\n', '\r'], " ");
        Ok(format!("`{text}`"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_line_runs_collapse() {
        assert_eq!(tidy("a\n\n\n\nb  \n\n".to_owned()), "a\n\nb\n");
    }
}
