//! Diagnostics: problems in a user's model, pointing at the YAML.
//!
//! A [`Diagnostic`] is data: a level, an optional code, a message, labelled spans
//! and help lines. Loading collects them instead of stopping at the first one, and
//! the terminal renderer here draws them rustc-style with `annotate-snippets`.
//! Findings (the rules stage) are rendered through the same type.

use annotate_snippets::{AnnotationKind, Group, Level as SnippetLevel, Renderer, Snippet};

pub use crate::codes::DiagnosticCode;
use crate::source::{Location, SourceMap, Span};

/// The code of a diagnostic: a loader's [`DiagnosticCode`], or the code of the
/// rule whose finding it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// A problem loading the model or the reference data.
    Model(DiagnosticCode),
    /// A finding of the rule with this code.
    Rule(&'static str),
}

impl Code {
    /// The code as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Model(code) => code.as_str(),
            Code::Rule(code) => code,
        }
    }
}

impl From<DiagnosticCode> for Code {
    fn from(code: DiagnosticCode) -> Self {
        Code::Model(code)
    }
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// The model is invalid; nothing can be derived from it.
    Error,
    /// The model loads, but something in it needs attention.
    Warning,
    /// Information.
    Note,
}

/// A span with a message, drawn under the source line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What to say there; may be empty.
    pub message: String,
}

impl Label {
    /// A label with a message.
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Self { span, message: message.into() }
    }
}

/// One problem, with everything needed to show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// How serious it is.
    pub level: Level,
    /// A stable code, e.g. `unknown-reference` or a rule code.
    pub code: Option<Code>,
    /// One line saying what is wrong.
    pub message: String,
    /// Where it is; `None` for problems with no place in a file (an empty directory).
    pub primary: Option<Label>,
    /// Other places that explain it (the first definition of a duplicate id).
    pub secondary: Vec<Label>,
    /// Suggestions, each rendered as `help: …`.
    pub help: Vec<String>,
    /// Background, each rendered as `note: …`.
    pub notes: Vec<String>,
}

impl Diagnostic {
    /// An error with a code and a message.
    pub fn error(code: DiagnosticCode, message: impl Into<String>) -> Self {
        Self::with_level(Level::Error, code, message)
    }

    /// A warning with a code and a message.
    pub fn warning(code: DiagnosticCode, message: impl Into<String>) -> Self {
        Self::with_level(Level::Warning, code, message)
    }

    /// A diagnostic of any level.
    pub fn with_level(level: Level, code: impl Into<Code>, message: impl Into<String>) -> Self {
        Self {
            level,
            code: Some(code.into()),
            message: message.into(),
            primary: None,
            secondary: Vec::new(),
            help: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Sets the primary place.
    pub fn at(mut self, span: Span, label: impl Into<String>) -> Self {
        self.primary = Some(Label::new(span, label));
        self
    }

    /// Adds a secondary place.
    pub fn also(mut self, span: Span, label: impl Into<String>) -> Self {
        self.secondary.push(Label::new(span, label));
        self
    }

    /// Adds a help line.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help.push(help.into());
        self
    }

    /// Adds a note line.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Where the diagnostic points, resolved to `file:line:column`.
    pub fn location(&self, sources: &SourceMap) -> Option<Location> {
        self.primary.as_ref().map(|label| sources.location(label.span))
    }

    /// A key that orders diagnostics by file, position, then code and message.
    pub fn sort_key(&self) -> (Option<Span>, Option<&str>, &str) {
        (self.primary.as_ref().map(|l| l.span), self.code.map(Code::as_str), &self.message)
    }
}

/// Whether rendered diagnostics carry ANSI colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    /// Plain text (files, pipes, tests).
    Never,
    /// ANSI colours (a terminal).
    Always,
}

/// Renders diagnostics rustc-style, one after another, separated by blank lines.
pub fn render(diagnostics: &[Diagnostic], sources: &SourceMap, color: Color) -> String {
    let renderer = match color {
        Color::Never => Renderer::plain(),
        Color::Always => Renderer::styled(),
    };
    let mut out = String::new();
    for diagnostic in diagnostics {
        out.push_str(&renderer.render(&report(diagnostic, sources)));
        out.push_str("\n\n");
    }
    out
}

fn report<'a>(diagnostic: &'a Diagnostic, sources: &'a SourceMap) -> Vec<Group<'a>> {
    let level = match diagnostic.level {
        Level::Error => SnippetLevel::ERROR,
        Level::Warning => SnippetLevel::WARNING,
        Level::Note => SnippetLevel::NOTE,
    };
    let mut title = level.primary_title(diagnostic.message.as_str());
    if let Some(code) = &diagnostic.code {
        title = title.id(code.as_str());
    }
    let mut group = Group::with_title(title);

    // One snippet per file, in the order the labels first mention it, so that a
    // duplicate id defined in two files shows both.
    let labels = diagnostic
        .primary
        .iter()
        .map(|l| (AnnotationKind::Primary, l))
        .chain(diagnostic.secondary.iter().map(|l| (AnnotationKind::Context, l)));
    let mut files = Vec::new();
    for (_, label) in labels.clone() {
        if !files.contains(&label.span.file) {
            files.push(label.span.file);
        }
    }
    for file_id in files {
        let file = sources.file(file_id);
        let mut snippet = Snippet::source(file.text()).path(file.display_path()).fold(true);
        for (kind, label) in labels.clone().filter(|(_, l)| l.span.file == file_id) {
            let range = clamp_to_char_boundaries(file.text(), label.span.range());
            snippet = snippet.annotation(kind.span(range).label(label.message.as_str()));
        }
        group = group.element(snippet);
    }
    for help in &diagnostic.help {
        group = group.element(SnippetLevel::HELP.message(help.as_str()));
    }
    for note in &diagnostic.notes {
        group = group.element(SnippetLevel::NOTE.message(note.as_str()));
    }
    vec![group]
}

/// A span from a parser may end inside a multi-byte character or past the end of
/// the text; the renderer needs a valid `str` range.
fn clamp_to_char_boundaries(text: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let mut start = range.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = range.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_path_line_snippet_and_help() {
        let mut sources = SourceMap::new();
        let text = "parties:\n  - id: medhelp\n    owned_by: medhlep\n";
        let file = sources.add("model/parties.yaml".into(), text.into());
        let start = text.find("medhlep").unwrap();
        let diagnostic = Diagnostic::error(DiagnosticCode::UnknownReference, "unknown party `medhlep`")
            .at(Span::new(file, start..start + 7), "no party has this id")
            .help("did you mean `medhelp`?");
        let out = render(&[diagnostic], &sources, Color::Never);
        assert!(out.contains("error[unknown-reference]: unknown party `medhlep`"), "{out}");
        assert!(out.contains("model/parties.yaml:3:15"), "{out}");
        assert!(out.contains("owned_by: medhlep"), "{out}");
        assert!(out.contains("help: did you mean `medhelp`?"), "{out}");
    }
}
