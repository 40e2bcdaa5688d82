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

use std::cell::RefCell;

use askama::Template;

use crate::printer::PrintError;

use super::notify::SystemNotifications;
use super::refs::DRAW_BATCH;
use super::ropa::{RecordRow, Records};
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
///
/// Its big lists are [`Taken`]: each is drawn up on every core while the
/// template loops over it ([`write_html`]), so no more than a few hundred
/// items are held at once.
#[derive(Template)]
#[template(path = "report.html")]
pub struct HtmlReport<'a, S, N, C, P>
where
    S: Iterator<Item = PartySheet>,
    N: Iterator<Item = SystemNotifications>,
    C: Iterator<Item = RecordRow>,
    P: Iterator<Item = RecordRow>,
{
    /// The prepared report.
    pub view: &'a View<'a>,
    /// Its duty sheets, as they are drawn up.
    pub sheets: Taken<S>,
    /// Who notifies whom, as it is drawn up.
    pub notifications: Taken<N>,
    /// The Art. 30 records, as they are drawn up.
    pub records: TakenRecords<C, P>,
}

/// The Markdown report, with the chain as a Mermaid block; its lists taken
/// as [`HtmlReport`]'s.
#[derive(Template)]
#[template(path = "report.md")]
pub struct MarkdownReport<'a, S, N, C, P>
where
    S: Iterator<Item = PartySheet>,
    N: Iterator<Item = SystemNotifications>,
    C: Iterator<Item = RecordRow>,
    P: Iterator<Item = RecordRow>,
{
    /// The prepared report.
    pub view: &'a View<'a>,
    /// Its duty sheets, as they are drawn up.
    pub sheets: Taken<S>,
    /// Who notifies whom, as it is drawn up.
    pub notifications: Taken<N>,
    /// The Art. 30 records, as they are drawn up.
    pub records: TakenRecords<C, P>,
}

/// A list a template loops over once, as an iterator gives it: `{% for x in
/// list %}` takes the iterator (a second loop would find it empty).
pub struct Taken<I>(RefCell<Option<I>>);

impl<I> Taken<I> {
    /// The list `items` gives.
    pub fn new(items: I) -> Self {
        Self(RefCell::new(Some(items)))
    }
}

impl<I: Iterator> IntoIterator for &Taken<I> {
    type Item = I::Item;
    type IntoIter = std::iter::Flatten<std::option::IntoIter<I>>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.borrow_mut().take().into_iter().flatten()
    }
}

impl<I> std::fmt::Debug for Taken<I> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Taken").finish_non_exhaustive()
    }
}

/// The Art. 30 records as the report's templates loop over them, drawn up as
/// they are taken ([`Records`] holds them whole).
#[derive(Debug)]
pub struct TakenRecords<C, P> {
    /// The controller records (Art. 30(1)).
    pub controller: Taken<C>,
    /// The processor records (Art. 30(2)).
    pub processor: Taken<P>,
    /// Why each processor the GDPR does not reach has no Art. 30(2) record.
    pub outside_gdpr: Vec<String>,
}

impl<S, N, C, P> MarkdownReport<'_, S, N, C, P>
where
    S: Iterator<Item = PartySheet>,
    N: Iterator<Item = SystemNotifications>,
    C: Iterator<Item = RecordRow>,
    P: Iterator<Item = RecordRow>,
{
    /// A text of ours in the report's language ([`View::t`]).
    pub fn t(&self, key: &str) -> String {
        self.view.t(key)
    }
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

/// Writes the HTML report to `out` as it is drawn up: the duty sheets,
/// notification plans and records on every core, a few hundred ahead of the
/// template, which writes each as it comes; peak memory does not grow with
/// the document.
pub fn write_html(view: &View<'_>, out: &mut dyn std::io::Write) -> Result<(), PrintError> {
    std::thread::scope(|scope| {
        let (sheets, notifications, records) = streamed(view, scope);
        let report = HtmlReport { view, sheets, notifications, records };
        render_to(&report, out, "HTML report")
    })
}

/// Writes the Markdown report to `out` as [`write_html`] does, tidied
/// (`tidy`) line by line.
pub fn write_markdown(view: &View<'_>, out: &mut dyn std::io::Write) -> Result<(), PrintError> {
    std::thread::scope(|scope| {
        let (sheets, notifications, records) = streamed(view, scope);
        let report = MarkdownReport { view, sheets, notifications, records };
        let mut tidied = Tidy::new(out);
        render_to(&report, &mut tidied, "Markdown report")?;
        Ok(tidied.finish()?)
    })
}

/// Renders the HTML report whole ([`write_html`] into memory).
pub fn html(view: &View<'_>) -> Result<String, PrintError> {
    let mut out = Vec::new();
    write_html(view, &mut out)?;
    String::from_utf8(out).map_err(|e| PrintError::Io(std::io::Error::other(e)))
}

/// Renders the Markdown report whole ([`write_markdown`] into memory).
pub fn markdown(view: &View<'_>) -> Result<String, PrintError> {
    let mut out = Vec::new();
    write_markdown(view, &mut out)?;
    String::from_utf8(out).map_err(|e| PrintError::Io(std::io::Error::other(e)))
}

/// The report's big lists, each drawn up on threads of `scope` once the
/// template reaches it. A duty text or a rule's explanation that an earlier
/// sheet already sets out is referred to, not repeated
/// ([`super::view::ReferBack`]).
#[allow(clippy::type_complexity)]
fn streamed<'scope, 'v: 'scope>(
    view: &'v View<'v>,
    scope: &'scope std::thread::Scope<'scope, 'v>,
) -> (
    Taken<impl Iterator<Item = PartySheet> + 'scope>,
    Taken<impl Iterator<Item = SystemNotifications> + 'scope>,
    TakenRecords<impl Iterator<Item = RecordRow> + 'scope, impl Iterator<Item = RecordRow> + 'scope>,
) {
    let mut refer = super::view::ReferBack::default();
    let sheets = view.sheet_jobs(false).pulled(scope, DRAW_BATCH).map(move |mut sheet| {
        refer.mark(&mut sheet);
        sheet
    });
    let notifications = view.notification_jobs().pulled(scope, DRAW_BATCH).flatten();
    let records = TakenRecords {
        controller: Taken::new(view.controller_record_jobs().pulled(scope, DRAW_BATCH)),
        processor: Taken::new(view.processor_record_jobs().pulled(scope, DRAW_BATCH)),
        outside_gdpr: view.outside_gdpr_notes(),
    };
    (Taken::new(sheets), Taken::new(notifications), records)
}

/// Renders `template` into `out`, telling a write error from a template's.
fn render_to(template: &impl Template, out: &mut dyn std::io::Write, what: &'static str) -> Result<(), PrintError> {
    let mut adapter = IoFmt { out, error: None };
    match template.render_into(&mut adapter) {
        Ok(()) => Ok(()),
        Err(source) => match adapter.error.take() {
            Some(error) => Err(PrintError::Io(error)),
            None => Err(PrintError::Template(RenderError::new(what, source))),
        },
    }
}

/// A [`std::fmt::Write`] over an [`std::io::Write`] that keeps the I/O error.
struct IoFmt<'o> {
    out: &'o mut dyn std::io::Write,
    error: Option<std::io::Error>,
}

impl std::fmt::Write for IoFmt<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.out.write_all(s.as_bytes()).map_err(|error| {
            self.error = Some(error);
            std::fmt::Error
        })
    }
}

/// [`tidy`] as a writer: lines pass through as they end, so a streamed
/// Markdown document is tidied without being held. Call [`Tidy::finish`] at
/// the end.
pub(crate) struct Tidy<'o> {
    out: &'o mut dyn std::io::Write,
    /// The line not yet ended.
    line: Vec<u8>,
    /// Whether blank lines came since the last line written.
    blank: bool,
    /// Whether any line has been written.
    written: bool,
}

impl<'o> Tidy<'o> {
    pub(crate) fn new(out: &'o mut dyn std::io::Write) -> Self {
        Self { out, line: Vec::new(), blank: false, written: false }
    }

    /// Writes one line, trimmed at its end; a blank line is held until a line
    /// with text follows it (so trailing blank lines are dropped), and of a
    /// run of them one is kept.
    fn end_line(&mut self) -> std::io::Result<()> {
        let text = std::str::from_utf8(&self.line).map_err(std::io::Error::other)?;
        let text = text.trim_end();
        if text.is_empty() {
            self.blank = true;
        } else {
            if self.blank {
                self.out.write_all(b"\n")?;
                self.blank = false;
            }
            self.out.write_all(text.as_bytes())?;
            self.out.write_all(b"\n")?;
            self.written = true;
        }
        self.line.clear();
        Ok(())
    }

    /// Ends the text: the last line, and exactly one newline at the end.
    pub(crate) fn finish(mut self) -> std::io::Result<()> {
        if !self.line.is_empty() {
            self.end_line()?;
        }
        if !self.written {
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }
}

impl std::io::Write for Tidy<'_> {
    fn write(&mut self, mut bytes: &[u8]) -> std::io::Result<usize> {
        let len = bytes.len();
        while let Some(end) = bytes.iter().position(|b| *b == b'\n') {
            self.line.extend_from_slice(&bytes[..end]);
            self.end_line()?;
            bytes = &bytes[end + 1..];
        }
        self.line.extend_from_slice(bytes);
        Ok(len)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
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

    /// What [`Tidy`] makes of `text` written in pieces of `piece` bytes.
    fn tidied_in_pieces(text: &str, piece: usize) -> String {
        let mut out = Vec::new();
        let mut tidy = Tidy::new(&mut out);
        for chunk in text.as_bytes().chunks(piece) {
            std::io::Write::write_all(&mut tidy, chunk).unwrap();
        }
        tidy.finish().unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn tidying_as_a_writer_gives_what_tidying_the_whole_text_gives() {
        let texts = [
            "",
            "\n",
            "\n\n\n",
            "a",
            "a\n",
            "\na\n",
            "\n\n a \n\n\n\tb\t\n \n \nc",
            "a\r\n\r\n\r\nb\r\n",
            "é  \n\n\n\u{a0}\nå ä ö\n\n",
            "# H\n\n\n| a | b |\n|---|---|\n\n\n\n- x  \n  - y\n\n",
        ];
        for text in texts {
            // A piece of one byte splits the two-byte letters, too.
            for piece in [1, 2, 3, 7, 1_000] {
                assert_eq!(tidied_in_pieces(text, piece), tidy(text.to_owned()), "{text:?} in pieces of {piece}");
            }
        }
    }
}
