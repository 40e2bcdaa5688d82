//! One output path: every format of every command behind one trait, [`Printer`].
//!
//! Each command has a format enum ([`CheckFormat`], [`RolesFormat`],
//! [`ReportFormat`], [`RopaFormat`], [`GraphFormat`], [`DiffFormat`]) and a
//! value that implements [`Printer`] for it ([`Check`], [`RolesTable`], [`Report`],
//! [`Ropa`], [`Chain`], [`Changes`]); text with one format only (`rules`,
//! `explain`, `roles --explain`) is a [`Text`]. The binary chooses the format
//! with [`choose`], from `--format` and the extension of `-o FILE`, and writes
//! the [`Printer`] to stdout or atomically to the file: nothing else writes output.
//!
//! These types only lay out what the analysis produced; they decide nothing.
//! Colour is decided once, by [`ColorChoice::resolve`], and passed in.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diag::{self, Color};
use crate::model::{ActivityId, Model, PartyId};
use crate::report::view::{Input, View};
use crate::report::{self, json};
use crate::rules::Finding;
use crate::source::SourceMap;

/// Anything a command prints: one document in one format.
pub trait Printer {
    /// Writes the document to `out`. Nothing is written to `out` before the
    /// document is known to render, except for documents streamed in parts.
    fn write(&self, out: &mut dyn Write) -> Result<(), PrintError>;
}

/// Why a document could not be written.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    /// Writing failed (a closed pipe, a full disk).
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// A template could not be rendered (a defect in ansvar, not in the model).
    #[error(transparent)]
    Template(#[from] report::templates::RenderError),
}

/// A command's output format, as `--format` names it and as a file's extension implies it.
pub trait Format: Copy + PartialEq + clap::ValueEnum + 'static {
    /// The extensions (lower case, no dot) of files in this format.
    fn extensions(self) -> &'static [&'static str];

    /// The name `--format` takes.
    fn name(self) -> String {
        self.to_possible_value().map(|value| value.get_name().to_owned()).unwrap_or_default()
    }
}

/// Why no format could be chosen: a usage error.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// `-o FILE`'s extension implies one format and `--format` asks for another.
    #[error(
        "`{path}` asks for {implied} by its extension, but --format {given} was given; \
         name the file .{wanted} or drop --format",
        path = path.display()
    )]
    Contradiction {
        /// The output file.
        path: PathBuf,
        /// The format its extension implies.
        implied: String,
        /// The format `--format` gave.
        given: String,
        /// The first extension of the given format.
        wanted: &'static str,
    },
    /// `-o FILE`'s extension is no format's, and `--format` was not given.
    #[error(
        "cannot tell the format of `{path}` from its extension; use one of {known}, or give --format",
        path = path.display()
    )]
    UnknownExtension {
        /// The output file.
        path: PathBuf,
        /// The known extensions, e.g. `.html (html), .md (md)`.
        known: String,
    },
}

/// The format to write: `--format` if given, else the one `-o FILE`'s
/// extension implies, else `default` (no `-o`, or a file with no extension).
///
/// A `--format` that contradicts a known extension, or an unknown extension
/// without `--format`, is an error. With `--format`, an extension no format
/// claims is accepted: the user said what they want.
pub fn choose<F: Format>(given: Option<F>, output: Option<&Path>, default: F) -> Result<F, FormatError> {
    let Some((path, extension)) =
        output.and_then(|path| path.extension().map(|ext| (path, ext.to_string_lossy().to_ascii_lowercase())))
    else {
        return Ok(given.unwrap_or(default));
    };
    let implied = F::value_variants().iter().copied().find(|format| format.extensions().contains(&extension.as_str()));
    match (given, implied) {
        (Some(given), Some(implied)) if given != implied => Err(FormatError::Contradiction {
            path: path.to_path_buf(),
            implied: implied.name(),
            given: given.name(),
            wanted: given.extensions().first().copied().unwrap_or("?"),
        }),
        (Some(given), _) => Ok(given),
        (None, Some(implied)) => Ok(implied),
        (None, None) => {
            let known: Vec<String> = F::value_variants()
                .iter()
                .flat_map(|format| format.extensions().iter().map(move |ext| format!(".{ext} ({})", format.name())))
                .collect();
            Err(FormatError::UnknownExtension { path: path.to_path_buf(), known: known.join(", ") })
        }
    }
}

/// When to colour output: `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// When writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces colour.
    Auto,
    /// Always, even into a pipe or a file.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether a stream gets colour, reading the environment: the one place
    /// where colour is decided. See [`ColorChoice::resolve`].
    pub fn for_stream(self, is_terminal: bool) -> Color {
        self.resolve(is_terminal, |name| std::env::var_os(name))
    }

    /// Whether a stream gets colour. `always` and `never` win over the
    /// environment; under `auto`, a non-empty `NO_COLOR` turns colour off, then
    /// a `CLICOLOR_FORCE` other than `0` turns it on, then `CLICOLOR=0` turns it
    /// off, and otherwise a terminal gets colour (the order of no-color.org and
    /// bixense.com/clicolors, as cargo and ripgrep read them).
    pub fn resolve(self, is_terminal: bool, env: impl Fn(&str) -> Option<OsString>) -> Color {
        let set = |name: &str| env(name).filter(|value| !value.is_empty());
        let on = match self {
            Self::Always => true,
            Self::Never => false,
            Self::Auto if set("NO_COLOR").is_some() => false,
            Self::Auto if set("CLICOLOR_FORCE").is_some_and(|value| value != "0") => true,
            Self::Auto if set("CLICOLOR").is_some_and(|value| value == "0") => false,
            Self::Auto => is_terminal,
        };
        if on { Color::Always } else { Color::Never }
    }
}

/// Text with one format: `ansvar rules`, `ansvar explain`, `roles --explain`.
pub struct Text(pub String);

impl Printer for Text {
    fn write(&self, out: &mut dyn Write) -> Result<(), PrintError> {
        Ok(out.write_all(self.0.as_bytes())?)
    }
}

/// Output formats of `ansvar check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// rustc-style diagnostics with snippets.
    Text,
    /// Versioned JSON.
    Json,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
}

impl Format for CheckFormat {
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Text => &["txt"],
            Self::Json => &["json"],
            Self::Sarif => &["sarif"],
        }
    }
}

/// What `ansvar check` prints: every finding, then a summary of the model.
pub struct Check<'a> {
    /// The format.
    pub format: CheckFormat,
    /// The model's name, as the user gave it.
    pub name: &'a str,
    /// The model.
    pub model: &'a Model,
    /// Its source files.
    pub sources: &'a SourceMap,
    /// The findings, sorted.
    pub findings: &'a [Finding],
    /// The evaluation date.
    pub as_of: jiff::civil::Date,
    /// Whether text is coloured.
    pub color: Color,
    /// For JSON, with `--obligations`: every party's obligations and the Art. 30 records.
    pub obligations: Option<json::ObligationsPart>,
    /// How text is laid out (JSON and SARIF are always complete).
    pub layout: Layout,
    /// The `--fail-on` threshold, for the exit reason the summary gives.
    pub fail_on: Option<crate::rules::Severity>,
    /// For SARIF: the most results to write (GitHub code scanning's limit).
    pub sarif_limit: usize,
    /// The language of the text (`--lang`).
    pub lang: crate::render::Lang,
    /// The parties given to `--scope` (empty without it), which JSON records.
    pub scope: &'a [PartyId],
}

/// How `check` lays out text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Every finding, then the model summary and the counts (pipes, files, `--all`).
    Complete,
    /// A terminal of `rows` lines: complete if it fits, else a summary first,
    /// then the most severe findings up to [`TERMINAL_LINES`] lines in all, and
    /// how to see the rest.
    Terminal {
        /// The terminal's height.
        rows: usize,
    },
    /// The summary line only (`--quiet`).
    Quiet,
}

/// The most lines `check` prints on a terminal when its findings do not fit.
pub const TERMINAL_LINES: usize = 100;

/// A JSON document with the obligations part after its own fields, as
/// `CheckDocument::with_obligations` would write it, without giving it up.
#[derive(serde::Serialize)]
struct WithObligations<'d, D> {
    #[serde(flatten)]
    document: &'d D,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    obligations: Option<&'d json::ObligationsPart>,
}

impl Printer for Check<'_> {
    fn write(&self, out: &mut dyn Write) -> Result<(), PrintError> {
        match self.format {
            CheckFormat::Json => {
                let document = json::CheckDocument::new_in(self.findings, self.as_of, self.sources, self.lang)
                    .with_scope(self.scope);
                json::write_to(&WithObligations { document: &document, obligations: self.obligations.as_ref() }, out)?;
            }
            CheckFormat::Sarif => {
                let log = report::sarif::SarifLog::capped_in(self.findings, self.sources, self.sarif_limit, self.lang);
                json::write_to(&log, out)?;
            }
            CheckFormat::Text if self.layout == Layout::Quiet => {
                let digest = crate::render::digest::Digest::new(self.findings, self.fail_on);
                out.write_all(digest.line(self.as_of, self.lang).as_bytes())?;
            }
            CheckFormat::Text if matches!(self.layout, Layout::Terminal { .. }) && self.summary_first(out)? => {}
            CheckFormat::Text => {
                // Drawn as written: a national model's findings take tens of
                // megabytes as diagnostics and as text, and their snippets
                // would bring back every file's text (`diag::write_rendered`).
                let findings = self.findings;
                let diagnostic = |index: usize| crate::render::to_diagnostic(&findings[index], self.lang);
                diag::write_rendered(findings.len(), diagnostic, self.sources, self.color, out)?;
                let mut tail = crate::summary::summary(self.name, self.model, self.lang);
                tail.push_str(&crate::summary::findings_line(self.findings, self.as_of, self.lang));
                out.write_all(tail.as_bytes())?;
            }
        }
        Ok(())
    }
}

impl Check<'_> {
    /// On a terminal: when the findings run past a screenful, writes the
    /// summary, the most severe findings up to [`TERMINAL_LINES`] lines in
    /// all, and how to see the rest, and says so; otherwise writes nothing.
    fn summary_first(&self, out: &mut dyn Write) -> Result<bool, PrintError> {
        use crate::render::digest;
        let Layout::Terminal { rows } = self.layout else { return Ok(false) };
        // The tail of the complete layout: the model summary and the counts.
        let tail = crate::summary::summary(self.name, self.model, self.lang).lines().count() + 1;
        let digest = digest::Digest::new(self.findings, self.fail_on);
        let head = digest.text(self.name, self.model, self.as_of, self.lang);
        // Room for findings under the summary, its two framing lines and the last line.
        let room = TERMINAL_LINES.saturating_sub(head.lines().count() + 4);
        let mut blocks: Vec<String> = Vec::new();
        let mut lines = 0;
        for finding in self.findings {
            let diagnostic = crate::render::to_diagnostic(finding, self.lang);
            let block = diag::render(std::slice::from_ref(&diagnostic), self.sources, self.color);
            lines += block.lines().count();
            blocks.push(block);
            if lines + tail > rows && lines > room {
                break;
            }
        }
        if lines + tail <= rows {
            return Ok(false);
        }
        let mut used = 0;
        let shown = blocks
            .iter()
            .take_while(|block| {
                used += block.lines().count();
                used <= room
            })
            .count()
            .max(1)
            .min(blocks.len());
        let mut text = head;
        text.push_str(&digest::shown_line(shown, self.findings.len(), self.lang));
        for block in &blocks[..shown] {
            text.push_str(block);
        }
        if shown < self.findings.len() {
            text.push_str(&digest::more_line(shown, self.findings.len(), self.lang));
        }
        out.write_all(text.as_bytes())?;
        Ok(true)
    }
}

/// Output formats of `ansvar roles`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RolesFormat {
    /// A matrix for the terminal.
    Text,
    /// Versioned JSON.
    Json,
}

impl Format for RolesFormat {
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Text => &["txt"],
            Self::Json => &["json"],
        }
    }
}

/// What `ansvar roles` prints: the roles of the chosen parties in the chosen activities.
pub struct RolesTable<'a> {
    /// The format.
    pub format: RolesFormat,
    /// The derived roles.
    pub roles: &'a crate::roles::Roles,
    /// The model's source files.
    pub sources: &'a SourceMap,
    /// The parties to show, sorted.
    pub parties: &'a [&'a PartyId],
    /// Whether the parties were named (`--party`): then each is a row even
    /// without a role; otherwise only parties with a role in a shown activity are.
    pub named: bool,
    /// The activities to show, sorted.
    pub activities: &'a [&'a ActivityId],
    /// For JSON, with `--obligations`: the shown parties' obligations and records.
    pub obligations: Option<json::ObligationsPart>,
    /// The language of the text (`--lang`).
    pub lang: crate::render::Lang,
}

impl Printer for RolesTable<'_> {
    fn write(&self, out: &mut dyn Write) -> Result<(), PrintError> {
        match self.format {
            RolesFormat::Json => {
                let keep = |party: Option<&PartyId>, activity: &ActivityId| {
                    party.is_none_or(|p| self.parties.contains(&p)) && self.activities.contains(&activity)
                };
                let document = json::RolesDocument::new_in(self.roles, self.sources, keep, self.lang);
                json::write_to(&WithObligations { document: &document, obligations: self.obligations.as_ref() }, out)?;
            }
            RolesFormat::Text => {
                let rows: Vec<&PartyId> = if self.named {
                    self.parties.to_vec()
                } else {
                    let held = |p: &PartyId| self.activities.iter().any(|a| !self.roles.of(p, a).is_empty());
                    self.parties.iter().copied().filter(|p| held(p)).collect()
                };
                let mut text = crate::render::roles::role_matrix(self.roles, &rows, self.activities, self.lang);
                let delegations = crate::render::roles::delegations(self.roles, &rows, self.activities, self.lang);
                if !delegations.is_empty() {
                    text.push('\n');
                    text.push_str(&delegations);
                }
                out.write_all(text.as_bytes())?;
            }
        }
        Ok(())
    }
}

/// Output formats of `ansvar diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// Text, coloured on a terminal.
    Text,
    /// Markdown, for a pull-request comment.
    #[value(alias = "markdown")]
    Md,
    /// Versioned JSON.
    Json,
}

impl Format for DiffFormat {
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Text => &["txt"],
            Self::Md => &["md", "markdown"],
            Self::Json => &["json"],
        }
    }
}

/// What `ansvar diff` prints: what a change does.
pub struct Changes<'a> {
    /// The format.
    pub format: DiffFormat,
    /// The changes.
    pub diff: &'a crate::diff::ModelDiff,
    /// The old side, as the user named it.
    pub old: &'a str,
    /// The new side, as the user named it.
    pub new: &'a str,
    /// The evaluation date.
    pub as_of: jiff::civil::Date,
    /// Whether text is coloured.
    pub color: Color,
    /// The language of the text (`--lang`).
    pub lang: crate::render::Lang,
    /// The parties given to `--scope` (empty without it), which JSON records.
    pub scope: &'a [PartyId],
}

impl Printer for Changes<'_> {
    fn write(&self, out: &mut dyn Write) -> Result<(), PrintError> {
        let flavour = match self.format {
            DiffFormat::Json => {
                let document = json::DiffDocument::new(self.diff, self.as_of).with_scope(self.scope);
                return Ok(json::write_to(&document, out)?);
            }
            DiffFormat::Md => report::diff::Flavour::Markdown,
            DiffFormat::Text => report::diff::Flavour::Text { color: self.color == Color::Always },
        };
        Ok(out.write_all(report::diff::render_in(self.diff, self.old, self.new, flavour, self.lang).as_bytes())?)
    }
}

/// Output formats of `ansvar report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// One self-contained HTML file.
    Html,
    /// Markdown with a Mermaid diagram.
    #[value(alias = "markdown")]
    Md,
    /// Versioned JSON.
    Json,
}

impl Format for ReportFormat {
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Html => &["html", "htm"],
            Self::Md => &["md", "markdown"],
            Self::Json => &["json"],
        }
    }
}

/// What `ansvar report` writes: the accountability report, prepared, or its
/// overview ([`report::outline`]).
pub struct Report<'a> {
    format: ReportFormat,
    input: &'a Input<'a>,
    body: Body<'a>,
}

/// The report in full, or its overview.
enum Body<'a> {
    Full(Box<View<'a>>),
    Overview(Box<report::outline::Outline<'a>>),
}

impl<'a> Report<'a> {
    /// Prepares the full report of an analysed model.
    pub fn new(input: &'a Input<'a>, format: ReportFormat) -> Self {
        Self::with_mode(input, format, report::outline::Mode::Full)
    }

    /// Prepares the report of an analysed model: as HTML or Markdown, the
    /// overview when `mode` says so for this model ([`report::outline::Mode::overview`]);
    /// JSON is always the whole report.
    pub fn with_mode(input: &'a Input<'a>, format: ReportFormat, mode: report::outline::Mode) -> Self {
        use report::outline::{Links, Mode, Outline, Size};
        let size = (format != ReportFormat::Json && mode != Mode::Full).then(|| Size::of(input));
        let body = match size {
            Some(size) if mode.overview(size) => {
                Body::Overview(Box::new(Outline::build(input, size, mode == Mode::Overview, Links::Rows)))
            }
            // JSON shows no text split for display: the view leaves them out.
            _ if format == ReportFormat::Json => Body::Full(Box::new(View::build(&input.without_splits()))),
            _ => Body::Full(Box::new(View::build(input))),
        };
        Self { format, input, body }
    }

    /// Whether it is the overview.
    pub fn is_overview(&self) -> bool {
        matches!(self.body, Body::Overview(_))
    }
}

impl Printer for Report<'_> {
    fn write(&self, out: &mut dyn Write) -> Result<(), PrintError> {
        let view = match &self.body {
            Body::Full(view) => view,
            Body::Overview(outline) => {
                return match self.format {
                    ReportFormat::Md => outline.write_markdown(out),
                    _ => outline.write_html(out),
                };
            }
        };
        // A national model's report runs to gigabytes: each format is
        // streamed, its big parts drawn up as they are written.
        match self.format {
            ReportFormat::Html => report::templates::write_html(view, out),
            ReportFormat::Md => report::templates::write_markdown(view, out),
            ReportFormat::Json => {
                let document =
                    json::ReportDocument::new_in(view, self.input.analysis, self.input.sources, self.input.lang);
                Ok(json::write_report_to(&document, out)?)
            }
        }
    }
}

/// Output formats of `ansvar graph`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT.
    Dot,
    /// A Mermaid flowchart.
    Mermaid,
    /// SVG, laid out by ansvar itself.
    Svg,
}

impl Format for GraphFormat {
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Dot => &["dot", "gv"],
            Self::Mermaid => &["mmd", "mermaid"],
            Self::Svg => &["svg"],
        }
    }
}

/// What `ansvar graph` writes: the chain as a graph.
pub struct Chain {
    format: GraphFormat,
    diagram: report::diagram::Diagram,
}

impl Chain {
    /// Draws the chain of an analysed model.
    pub fn new(input: &Input<'_>, format: GraphFormat) -> Self {
        Self { format, diagram: report::diagram::Diagram::build(input) }
    }
}

impl Printer for Chain {
    fn write(&self, out: &mut dyn Write) -> Result<(), PrintError> {
        let text = match self.format {
            GraphFormat::Dot => report::diagram::dot(&self.diagram),
            GraphFormat::Mermaid => report::diagram::mermaid(&self.diagram),
            GraphFormat::Svg => report::svg::render(&self.diagram) + "\n",
        };
        Ok(out.write_all(text.as_bytes())?)
    }
}

/// Output formats of `ansvar ropa`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RopaFormat {
    /// CSV (RFC 4180), one row per record.
    Csv,
    /// Markdown, one table per record.
    #[value(alias = "markdown")]
    Md,
    /// Versioned JSON.
    Json,
}

impl Format for RopaFormat {
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Csv => &["csv"],
            Self::Md => &["md", "markdown"],
            Self::Json => &["json"],
        }
    }
}

/// What `ansvar ropa` writes: the records of processing activities.
pub struct Ropa<'a> {
    format: RopaFormat,
    name: &'a str,
    as_of: String,
    lang: crate::render::Lang,
    records: report::ropa::Records,
}

impl<'a> Ropa<'a> {
    /// Draws up the records of an analysed model.
    pub fn new(input: &Input<'a>, format: RopaFormat) -> Self {
        let as_of = input.analysis.as_of.to_string();
        Self { format, name: input.name, as_of, lang: input.lang, records: report::ropa::build(input) }
    }
}

impl Printer for Ropa<'_> {
    fn write(&self, out: &mut dyn Write) -> Result<(), PrintError> {
        let text = match self.format {
            RopaFormat::Csv => report::ropa::to_csv(&self.records),
            RopaFormat::Md => report::templates::ropa_markdown(self.name, &self.as_of, &self.records, self.lang)?,
            RopaFormat::Json => {
                let document = json::RopaDocument {
                    schema_version: report::SCHEMA_VERSION,
                    model: self.name,
                    as_of: self.as_of.clone(),
                    records: &self.records,
                };
                return Ok(json::write_to(&document, out)?);
            }
        };
        Ok(out.write_all(text.as_bytes())?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_picks_the_format_when_none_is_given() {
        let pick = |file: &str| choose(None, Some(Path::new(file)), ReportFormat::Html);
        assert_eq!(pick("out/REPORT.md"), Ok(ReportFormat::Md));
        assert_eq!(pick("r.JSON"), Ok(ReportFormat::Json));
        assert_eq!(pick("r.htm"), Ok(ReportFormat::Html));
        assert_eq!(choose(None, Some(Path::new("chain.mmd")), GraphFormat::Dot), Ok(GraphFormat::Mermaid));
        assert_eq!(choose(None, Some(Path::new("x.sarif")), CheckFormat::Text), Ok(CheckFormat::Sarif));
        assert_eq!(choose(None, Some(Path::new("records.json")), RopaFormat::Csv), Ok(RopaFormat::Json));
    }

    #[test]
    fn without_a_file_or_an_extension_the_default_or_the_flag_holds() {
        assert_eq!(choose(None, None, RopaFormat::Csv), Ok(RopaFormat::Csv));
        assert_eq!(choose(Some(RopaFormat::Md), None, RopaFormat::Csv), Ok(RopaFormat::Md));
        assert_eq!(choose(None, Some(Path::new("records")), RopaFormat::Csv), Ok(RopaFormat::Csv));
        assert_eq!(choose(Some(ReportFormat::Md), Some(Path::new("r.md")), ReportFormat::Html), Ok(ReportFormat::Md));
        // An extension no format claims, with --format: the flag is what the user wants.
        assert_eq!(
            choose(Some(ReportFormat::Html), Some(Path::new("r.pdf")), ReportFormat::Md),
            Ok(ReportFormat::Html)
        );
    }

    #[test]
    fn a_contradiction_names_both_and_the_way_out() {
        let error = choose(Some(ReportFormat::Html), Some(Path::new("report.md")), ReportFormat::Html).unwrap_err();
        assert!(
            matches!(&error, FormatError::Contradiction { implied, given, .. } if implied == "md" && given == "html")
        );
        let message = error.to_string();
        assert!(message.contains("`report.md`") && message.contains("--format html") && message.contains(".html"));
    }

    #[test]
    fn an_unknown_extension_lists_the_known_ones() {
        let error = choose(None, Some(Path::new("report.pdf")), ReportFormat::Html).unwrap_err();
        let message = error.to_string();
        assert!(matches!(error, FormatError::UnknownExtension { .. }));
        for known in [".html (html)", ".htm (html)", ".md (md)", ".json (json)"] {
            assert!(message.contains(known), "{message}");
        }
    }

    #[test]
    fn every_format_has_an_extension_no_other_format_of_its_command_claims() {
        fn distinct<F: Format>() {
            let all: Vec<&str> = F::value_variants().iter().flat_map(|f| f.extensions().iter().copied()).collect();
            let mut unique = all.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(all.len(), unique.len(), "{all:?}");
            assert!(F::value_variants().iter().all(|f| !f.extensions().is_empty()));
        }
        distinct::<CheckFormat>();
        distinct::<RolesFormat>();
        distinct::<DiffFormat>();
        distinct::<ReportFormat>();
        distinct::<GraphFormat>();
        distinct::<RopaFormat>();
    }

    #[test]
    fn colour_follows_the_flag_then_no_color_then_clicolor_force_then_the_terminal() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(key, _)| *key == name).map(|(_, value)| OsString::from(value))
        };
        let none: &[(&str, &str)] = &[];
        assert_eq!(ColorChoice::Always.resolve(false, env(&[("NO_COLOR", "1")])), Color::Always);
        assert_eq!(ColorChoice::Never.resolve(true, env(&[("CLICOLOR_FORCE", "1")])), Color::Never);
        assert_eq!(ColorChoice::Auto.resolve(true, env(none)), Color::Always);
        assert_eq!(ColorChoice::Auto.resolve(false, env(none)), Color::Never);
        assert_eq!(ColorChoice::Auto.resolve(true, env(&[("NO_COLOR", "1")])), Color::Never);
        // An empty NO_COLOR is unset (no-color.org).
        assert_eq!(ColorChoice::Auto.resolve(true, env(&[("NO_COLOR", "")])), Color::Always);
        assert_eq!(ColorChoice::Auto.resolve(false, env(&[("CLICOLOR_FORCE", "1")])), Color::Always);
        assert_eq!(ColorChoice::Auto.resolve(false, env(&[("CLICOLOR_FORCE", "0")])), Color::Never);
        assert_eq!(ColorChoice::Auto.resolve(false, env(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")])), Color::Never);
        assert_eq!(ColorChoice::Auto.resolve(true, env(&[("CLICOLOR", "0")])), Color::Never);
    }
}
