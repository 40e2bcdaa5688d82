//! Diagnostics: problems in a user's model, pointing at the YAML.
//!
//! A [`Diagnostic`] is data: a level, an optional code, a message, labelled spans
//! and help lines. Loading collects them instead of stopping at the first one, and
//! the terminal renderer here draws them rustc-style with `annotate-snippets`.
//! Findings (the rules stage) are rendered through the same type.

use std::borrow::Cow;
use std::collections::HashMap;

use annotate_snippets::{AnnotationKind, Group, Level as SnippetLevel, Renderer, Snippet};

pub use crate::codes::DiagnosticCode;
use crate::source::{FileId, Location, SourceFile, SourceMap, Span, printable, printable_same_width};

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

/// How many diagnostics are drawn for one file; the rest are counted in one
/// line. A file with a thousand errors has one or two mistakes repeated, and
/// drawing every one would bury the first ones (and cost time).
pub const MAX_SHOWN_PER_FILE: usize = 200;

/// How many errors of one file the loader keeps. Past this, errors are only
/// counted (in [`SourceMap::errors_left_out`]): a file of a million bad entries
/// would otherwise hold a million diagnostics, about a gigabyte, to draw
/// [`MAX_SHOWN_PER_FILE`] of them. Generous, so that `--format json` and SARIF
/// still list every error of any file a person wrote.
pub const MAX_ERRORS_KEPT_PER_FILE: usize = 1000;

/// Diagnostics as they are found, keeping at most
/// [`MAX_ERRORS_KEPT_PER_FILE`] errors of each file and counting the rest.
/// Warnings, notes and diagnostics without a place are always kept.
#[derive(Clone, Debug, Default)]
pub struct Bounded {
    kept: Vec<Diagnostic>,
    /// Per file: errors kept, errors left out. A reader of one file has one entry.
    files: Vec<(FileId, usize, usize)>,
}

impl Bounded {
    /// An empty collection.
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps `diagnostic`, or counts it when its file already has
    /// [`MAX_ERRORS_KEPT_PER_FILE`] errors.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        let file = match (&diagnostic.primary, diagnostic.level) {
            (Some(label), Level::Error) => label.span.file,
            _ => return self.kept.push(diagnostic),
        };
        let index = match self.files.iter().rposition(|(f, _, _)| *f == file) {
            Some(index) => index,
            None => {
                self.files.push((file, 0, 0));
                self.files.len() - 1
            }
        };
        let entry = &mut self.files[index];
        if entry.1 < MAX_ERRORS_KEPT_PER_FILE {
            entry.1 += 1;
            self.kept.push(diagnostic);
        } else {
            entry.2 += 1;
        }
    }

    /// Adds every diagnostic of `other`, and its counts, under the same bound.
    pub fn append(&mut self, other: Bounded) {
        for (file, _, left_out) in other.files.iter().filter(|(_, _, left_out)| *left_out > 0) {
            match self.files.iter_mut().find(|(f, _, _)| f == file) {
                Some(entry) => entry.2 += left_out,
                None => self.files.push((*file, 0, *left_out)),
            }
        }
        self.extend(other.kept);
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.kept.is_empty() && self.files.iter().all(|(_, _, left_out)| *left_out == 0)
    }

    /// The diagnostics kept, and per file how many errors were left out
    /// (files with none left out are not listed).
    pub fn into_parts(self) -> (Vec<Diagnostic>, Vec<(FileId, usize)>) {
        let left_out = self.files.into_iter().filter(|(_, _, n)| *n > 0).map(|(file, _, n)| (file, n)).collect();
        (self.kept, left_out)
    }
}

impl Extend<Diagnostic> for Bounded {
    fn extend<I: IntoIterator<Item = Diagnostic>>(&mut self, iter: I) {
        for diagnostic in iter {
            self.push(diagnostic);
        }
    }
}

/// The most lines of a file one snippet shows for one span: a span over more
/// lines (a 200 MB scalar) is drawn as its first lines.
const MAX_SPAN_LINES: usize = 8;

/// Labels more than this many lines apart are drawn as separate snippets, so
/// that the lines between them are never handed to the renderer (closer ones
/// share a snippet, with the lines between folded as `...`).
const SNIPPET_GAP_LINES: usize = 50;

/// Renders diagnostics rustc-style, one after another, separated by blank lines.
///
/// The cost is linear in the number of diagnostics: each snippet is given only
/// the lines its labels are on, found in the file's line table, not the whole
/// file. After [`MAX_SHOWN_PER_FILE`] diagnostics in one file, the rest are
/// counted: `… and 19 800 more errors in m.yaml`, a count that includes the
/// errors the loader did not keep ([`SourceFile::errors_left_out`]). All model text is passed
/// through [`printable`] (or, for source lines, [`printable_same_width`]), so
/// nothing in a model can move the cursor or change the terminal.
pub fn render(diagnostics: &[Diagnostic], sources: &SourceMap, color: Color) -> String {
    let renderer = renderer(color);
    let mut out = String::new();
    let mut shown = Shown::default();
    for diagnostic in diagnostics {
        if shown.holds_back(diagnostic) {
            continue;
        }
        render_one(&renderer, diagnostic, sources, &|file| sources.file(file).fresh_text(), &mut out);
    }
    out.push_str(&shown.held_back(sources));
    out
}

/// [`render`] for `count` diagnostics, each made when it is drawn
/// (`make(i)` gives the `i`th), written to `out`: the same text, without
/// holding every diagnostic, every file's text or the whole text at once.
///
/// The diagnostics are drawn file by file (each by the last file it shows),
/// each file's text read again once and let go when the next file's turn
/// comes, and written in their order: a file's texts read again for its
/// snippets are otherwise kept ([`SourceFile::fresh_text`]), and a model's
/// findings, ordered by severity, come back to every file many times (on a
/// national model the complete `check` held all 114 MB of its texts). What
/// is held is the drawn text, about a third of that. Each diagnostic is made
/// twice: once in order, to know whether it is shown and which files it
/// needs, and once when it is drawn.
pub fn write_rendered(
    count: usize,
    make: impl Fn(usize) -> Diagnostic,
    sources: &SourceMap,
    color: Color,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let renderer = renderer(color);
    let mut shown = Shown::default();
    // In order: the diagnostics shown, each with the last file it shows
    // (by which it is drawn) and the files its labels are in.
    let mut drawn: Vec<(usize, Option<FileId>, Box<[FileId]>)> = Vec::new();
    for index in 0..count {
        let diagnostic = make(index);
        if !shown.holds_back(&diagnostic) {
            let files = label_files(&diagnostic);
            drawn.push((index, files.iter().max().copied(), files.into_boxed_slice()));
        }
    }
    let mut order: Vec<usize> = (0..drawn.len()).collect();
    order.sort_by_key(|&at| drawn[at].1);
    let mut blocks = vec![String::new(); drawn.len()];
    let mut texts: HashMap<FileId, Option<Cow<'_, str>>> = HashMap::new();
    let mut drawing = None;
    for at in order {
        let (index, last, files) = &drawn[at];
        if drawing != *last {
            texts.clear();
            drawing = *last;
        }
        for &file in files.iter() {
            texts.entry(file).or_insert_with(|| sources.file(file).fresh_text_once());
        }
        let diagnostic = make(*index);
        let text_of = |file: FileId| texts.get(&file).and_then(|text| text.as_deref());
        render_one(&renderer, &diagnostic, sources, &text_of, &mut blocks[at]);
    }
    drop(texts);
    for block in blocks {
        out.write_all(block.as_bytes())?;
    }
    out.write_all(shown.held_back(sources).as_bytes())
}

/// The renderer for `color`.
fn renderer(color: Color) -> Renderer {
    match color {
        Color::Never => Renderer::plain(),
        Color::Always => Renderer::styled(),
    }
}

/// The files a diagnostic's labels are in, each once, in the order the labels
/// first mention them (primary first).
fn label_files(diagnostic: &Diagnostic) -> Vec<FileId> {
    let mut files: Vec<FileId> = Vec::new();
    for label in diagnostic.primary.iter().chain(&diagnostic.secondary) {
        if !files.contains(&label.span.file) {
            files.push(label.span.file);
        }
    }
    files
}

/// Draws one diagnostic and the blank lines after it onto `out`, its files'
/// texts given by `text_of` (`None`: the file changed or cannot be read).
fn render_one<'a>(
    renderer: &Renderer,
    diagnostic: &'a Diagnostic,
    sources: &'a SourceMap,
    text_of: &dyn Fn(FileId) -> Option<&'a str>,
    out: &mut String,
) {
    let owned = Owned::new(diagnostic, sources, text_of);
    let rendered = renderer.render(&owned.report());
    match owned.snippets.first().and_then(|window| window.header.as_ref()) {
        // The place follows the title (which holds the message) and `--> `.
        Some((drawn, right)) => match after(&rendered, owned.message.len(), drawn) {
            Some(at) => {
                out.push_str(&rendered[..at]);
                out.push_str(right);
                out.push_str(&rendered[at + drawn.len()..]);
            }
            None => out.push_str(&rendered),
        },
        None => out.push_str(&rendered),
    }
    out.push_str("\n\n");
}

/// Which diagnostics are shown: at most [`MAX_SHOWN_PER_FILE`] per file, in
/// order; the rest counted by file and level.
#[derive(Default)]
struct Shown {
    /// Per file: how many were shown.
    shown: HashMap<FileId, usize>,
    /// Per file and level: how many were held back.
    held: Vec<(FileId, Level, usize)>,
}

impl Shown {
    /// Whether `diagnostic`, next in order, is held back (and counted).
    fn holds_back(&mut self, diagnostic: &Diagnostic) -> bool {
        let Some(label) = &diagnostic.primary else { return false };
        let count = self.shown.entry(label.span.file).or_default();
        if *count < MAX_SHOWN_PER_FILE {
            *count += 1;
            return false;
        }
        match self.held.iter_mut().find(|(file, level, _)| *file == label.span.file && *level == diagnostic.level) {
            Some((_, _, n)) => *n += 1,
            None => self.held.push((label.span.file, diagnostic.level, 1)),
        }
        true
    }

    /// The lines that count what was held back: `… and 19 800 more errors in
    /// m.yaml`, with the errors the loader counted and did not keep
    /// ([`MAX_ERRORS_KEPT_PER_FILE`]) for the files drawn.
    fn held_back(mut self, sources: &SourceMap) -> String {
        for (file, source) in sources.files() {
            let left_out = source.errors_left_out();
            if left_out == 0 || !self.shown.contains_key(&file) {
                continue;
            }
            match self.held.iter_mut().find(|(f, level, _)| *f == file && *level == Level::Error) {
                Some((_, _, n)) => *n += left_out,
                None => self.held.push((file, Level::Error, left_out)),
            }
        }
        let mut out = String::new();
        for (file, level, count) in self.held {
            let what = match (level, count) {
                (Level::Error, 1) => "error",
                (Level::Error, _) => "errors",
                (Level::Warning, 1) => "warning",
                (Level::Warning, _) => "warnings",
                (Level::Note, 1) => "note",
                (Level::Note, _) => "notes",
            };
            let path = sources.file(file).display_path();
            out.push_str(&format!("… and {count} more {what} in {path}\n\n"));
        }
        out
    }
}

/// A diagnostic's text made printable, and its snippets cut from the source:
/// what `annotate-snippets` borrows while it renders.
struct Owned<'a> {
    level: SnippetLevel<'static>,
    message: Cow<'a, str>,
    code: Option<Cow<'a, str>>,
    snippets: Vec<Window<'a>>,
    help: Vec<Cow<'a, str>>,
    notes: Vec<Cow<'a, str>>,
}

/// Some lines of one file, with the labels on them.
struct Window<'a> {
    path: &'a str,
    /// 1-based number of the first line.
    first_line: usize,
    text: Cow<'a, str>,
    /// (primary?, byte range in `text`, message)
    labels: Vec<(bool, std::ops::Range<usize>, Cow<'a, str>)>,
    /// When a long line was cut before the primary label, the renderer counts
    /// a wrong column: (the place it prints, the right one).
    header: Option<(String, String)>,
}

impl<'a> Owned<'a> {
    fn new(diagnostic: &'a Diagnostic, sources: &'a SourceMap, text_of: &dyn Fn(FileId) -> Option<&'a str>) -> Self {
        let level = match diagnostic.level {
            Level::Error => SnippetLevel::ERROR,
            Level::Warning => SnippetLevel::WARNING,
            Level::Note => SnippetLevel::NOTE,
        };
        // Labels in the order they are given: primary first. One group of
        // snippets per file, in the order the labels first mention it, so
        // that a duplicate id defined in two files shows both.
        let labels: Vec<(bool, &Label)> = diagnostic
            .primary
            .iter()
            .map(|l| (true, l))
            .chain(diagnostic.secondary.iter().map(|l| (false, l)))
            .collect();
        let files = label_files(diagnostic);
        let mut snippets = Vec::new();
        let mut notes: Vec<Cow<'a, str>> = Vec::new();
        for file_id in files {
            let file = sources.file(file_id);
            // A file let go after loading is read again; one that changed
            // since shows its places without lines.
            let Some(text) = text_of(file_id) else {
                notes.extend(unreadable_places(file, &labels, sources, file_id));
                continue;
            };
            // (first line, last line, primary?, byte range, message), by position.
            let mut spans: Vec<(usize, usize, bool, std::ops::Range<usize>, &str)> = labels
                .iter()
                .filter(|(_, l)| l.span.file == file_id)
                .map(|(primary, l)| {
                    let range = clamp_to_char_boundaries(text, l.span.range());
                    let first = file.line_of(range.start);
                    let mut last = file.line_of(range.end.saturating_sub(1).max(range.start));
                    let mut range = range;
                    if last >= first + MAX_SPAN_LINES {
                        last = first + MAX_SPAN_LINES - 1;
                        range.end = file.line_range(last).end.min(range.end).max(range.start);
                        range = clamp_to_char_boundaries(text, range);
                    }
                    (first, last, *primary, range, l.message.as_str())
                })
                .collect();
            spans.sort_by_key(|(first, last, ..)| (*first, *last));
            let mut group: Vec<(usize, usize, bool, std::ops::Range<usize>, &str)> = Vec::new();
            for span in spans {
                if let Some(last) = group.iter().map(|s| s.1).max()
                    && span.0 > last + SNIPPET_GAP_LINES
                {
                    snippets.push(Window::cut(file, text, std::mem::take(&mut group)));
                }
                group.push(span);
            }
            if !group.is_empty() {
                snippets.push(Window::cut(file, text, group));
            }
        }
        // The renderer takes the place in the header from the first snippet:
        // the one with the primary label goes first.
        if let Some(index) = snippets.iter().position(|w| w.labels.iter().any(|(primary, ..)| *primary)) {
            let window = snippets.remove(index);
            snippets.insert(0, window);
        }
        Self {
            level,
            message: printable(&diagnostic.message),
            code: diagnostic.code.map(|code| Cow::Borrowed(code.as_str())),
            snippets,
            help: diagnostic.help.iter().map(|h| printable(h)).collect(),
            notes: diagnostic.notes.iter().map(|n| printable(n)).chain(notes).collect(),
        }
    }

    fn report(&self) -> Vec<Group<'_>> {
        let mut title = self.level.clone().primary_title(self.message.as_ref());
        if let Some(code) = &self.code {
            title = title.id(code.as_ref());
        }
        let mut group = Group::with_title(title);
        for window in &self.snippets {
            let mut snippet =
                Snippet::source(window.text.as_ref()).path(window.path).line_start(window.first_line).fold(true);
            for (primary, range, message) in &window.labels {
                let kind = if *primary { AnnotationKind::Primary } else { AnnotationKind::Context };
                snippet = snippet.annotation(kind.span(range.clone()).label(message.as_ref()));
            }
            group = group.element(snippet);
        }
        for help in &self.help {
            group = group.element(SnippetLevel::HELP.message(help.as_ref()));
        }
        for note in &self.notes {
            group = group.element(SnippetLevel::NOTE.message(note.as_ref()));
        }
        vec![group]
    }
}

impl<'a> Window<'a> {
    /// The lines from the first label's first line to the last one's last line.
    ///
    /// A line longer than [`LONG_LINE_BYTES`] is cut down to its start and the
    /// bytes around each label's ends, the rest shown as `…`: the renderer reads
    /// every character it is given, and a 4 MB one-line file with 200 errors
    /// would otherwise cost 200 passes over 4 MB.
    fn cut(
        file: &'a SourceFile,
        text: &'a str,
        labels: Vec<(usize, usize, bool, std::ops::Range<usize>, &'a str)>,
    ) -> Self {
        let first = labels.iter().map(|l| l.0).min().unwrap_or(0);
        let last = labels.iter().map(|l| l.1).max().unwrap_or(first);
        // The byte ranges of `text` shown, in order; `…` between those of one line.
        let mut kept: Vec<std::ops::Range<usize>> = Vec::new();
        for line in first..=last {
            let range = file.line_range(line);
            if range.len() <= LONG_LINE_BYTES {
                kept.push(range);
                continue;
            }
            let body_end = if text[range.clone()].ends_with('\n') { range.end - 1 } else { range.end };
            let mut pieces = Vec::with_capacity(1 + 2 * labels.len());
            pieces.push(range.start..range.start + LINE_CONTEXT_BYTES);
            for (.., span, _) in &labels {
                for point in [span.start, span.end] {
                    if (range.start..=range.end).contains(&point) {
                        pieces.push(point.saturating_sub(LINE_CONTEXT_BYTES)..point + LINE_CONTEXT_BYTES);
                    }
                }
            }
            pieces.sort_by_key(|piece| piece.start);
            let mut line_kept: Vec<std::ops::Range<usize>> = Vec::new();
            for piece in pieces {
                let piece = clamp_to_char_boundaries(text, piece.start.max(range.start)..piece.end.min(body_end));
                match line_kept.last_mut() {
                    Some(previous) if piece.start <= previous.end => previous.end = previous.end.max(piece.end),
                    _ => line_kept.push(piece),
                }
            }
            if let Some(last_piece) = line_kept.last_mut()
                && last_piece.end == body_end
            {
                last_piece.end = range.end;
            } else {
                line_kept.push(body_end..range.end);
            }
            kept.extend(line_kept);
        }
        // Where each kept range starts in the text shown.
        let mut shown = String::new();
        let mut at: Vec<usize> = Vec::with_capacity(kept.len());
        for (index, range) in kept.iter().enumerate() {
            if index > 0 && kept[index - 1].end < range.start {
                shown.push('…');
            }
            at.push(shown.len());
            shown.push_str(&printable_same_width(&text[range.clone()]));
        }
        let local = |offset: usize| -> usize {
            let index = kept.partition_point(|range| range.end < offset).min(kept.len().saturating_sub(1));
            kept.get(index).map_or(0, |range| at[index] + offset.clamp(range.start, range.end) - range.start)
        };
        let mut header = None;
        let labels = labels
            .into_iter()
            .map(|(_, _, primary, range, message)| {
                let start = local(range.start);
                let local = start..local(range.end).max(start);
                if primary {
                    // The renderer counts the column in the text it is shown.
                    let line = file.line_of(range.start);
                    let line_start = local_line_start(&shown, start);
                    let drawn = shown[line_start..start].chars().count() + 1;
                    let (_, column) = file.line_column(range.start);
                    if drawn != column as usize {
                        let path = file.display_path();
                        header =
                            Some((format!("{path}:{}:{drawn}", line + 1), format!("{path}:{}:{column}", line + 1)));
                    }
                }
                (primary, local, printable(message))
            })
            .collect();
        Self { path: file.display_path(), first_line: first + 1, text: Cow::Owned(shown), labels, header }
    }
}

/// For a file whose text cannot be shown (it changed, or can no longer be
/// read, since it was loaded): each label's place and message as a note, and
/// a note that says why no lines are shown.
fn unreadable_places<'a>(
    file: &SourceFile,
    labels: &[(bool, &'a Label)],
    sources: &SourceMap,
    id: FileId,
) -> Vec<Cow<'a, str>> {
    let mut notes: Vec<Cow<'a, str>> = labels
        .iter()
        .filter(|(_, l)| l.span.file == id)
        .map(|(_, l)| {
            let place = sources.location(l.span);
            match l.message.as_str() {
                "" => Cow::Owned(format!("at {place}")),
                message => Cow::Owned(format!("at {place}: {}", printable(message))),
            }
        })
        .collect();
    notes.push(Cow::Owned(format!(
        "`{}` changed or cannot be read since it was loaded, so its lines are not shown",
        file.display_path()
    )));
    notes
}

/// Where `needle` first occurs in `text` at or after byte `from`.
fn after(text: &str, from: usize, needle: &str) -> Option<usize> {
    let from = (from..=text.len()).find(|&i| text.is_char_boundary(i))?;
    text[from..].find(needle).map(|at| at + from)
}

/// The byte offset in `text` of the start of the line holding `offset`.
fn local_line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |newline| newline + 1)
}

/// Lines longer than this are shown cut down around their labels.
const LONG_LINE_BYTES: usize = 512;

/// How much of a long line is kept at its start and on either side of a label's ends.
const LINE_CONTEXT_BYTES: usize = 48;

/// The longest chain drawn whole in a note; a longer one shows its ends.
pub const MAX_CHAIN_SHOWN: usize = 12;

/// The ends of a chain longer than [`MAX_CHAIN_SHOWN`]: its first and last
/// links, and how many links lie between them (0 for a chain shown whole, then
/// all of it is the first part). Every output that shows a chain shows only
/// these, so that on an n-deep chain its size grows with n, not n².
pub fn chain_ends<T>(chain: &[T]) -> (&[T], usize, &[T]) {
    if chain.len() <= MAX_CHAIN_SHOWN {
        return (chain, 0, &[]);
    }
    let half = MAX_CHAIN_SHOWN / 2;
    (&chain[..half], chain.len() - 2 * half, &chain[chain.len() - half..])
}

/// A chain as `a → b → c`, each link shown by `show`, with the middle of a
/// long one left out (`p0 → … → p5 → … (3 988 more) → p3994 → … → p3999`).
pub fn elided_chain_by<T>(chain: &[T], show: impl Fn(&T) -> String) -> String {
    let (head, left_out, tail) = chain_ends(chain);
    let head: Vec<String> = head.iter().map(&show).collect();
    if left_out == 0 {
        return head.join(" → ");
    }
    let tail: Vec<String> = tail.iter().map(&show).collect();
    format!("{} → … ({left_out} more) → {}", head.join(" → "), tail.join(" → "))
}

/// A chain of parties as `a → b → c`, with the middle of a long one left out
/// (`p0 → … → p5 → … (3 988 more) → p3994 → … → p3999`): every finding on a
/// 4 000-deep chain would otherwise print the whole chain, and the output
/// would grow with the square of the depth.
pub fn elided_chain(chain: &[&str]) -> String {
    elided_chain_by(chain, |link| (*link).to_owned())
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

    #[test]
    fn a_released_file_is_read_again_for_its_snippet_or_its_place_shown_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("parties.yaml");
        let text = "parties:\n  - id: medhelp\n    owned_by: medhlep\n";
        std::fs::write(&path, text).unwrap();
        let mut sources = SourceMap::new();
        let file = sources.add(path.clone(), text.into());
        let start = text.find("medhlep").unwrap();
        let diagnostic = Diagnostic::error(DiagnosticCode::UnknownReference, "unknown party `medhlep`")
            .at(Span::new(file, start..start + 7), "no party has this id");
        let held = render(std::slice::from_ref(&diagnostic), &sources, Color::Never);
        sources.release_texts();
        assert_eq!(render(std::slice::from_ref(&diagnostic), &sources, Color::Never), held);
        // Changed since it was loaded: the place and the label, no lines.
        std::fs::write(&path, text.replace("medhlep", "medhelp")).unwrap();
        sources.release_texts();
        let out = render(&[diagnostic], &sources, Color::Never);
        let shown = sources.file(file).display_path();
        assert!(out.contains(&format!("note: at {shown}:3:15: no party has this id")), "{out}");
        assert!(out.contains("changed or cannot be read since it was loaded"), "{out}");
        assert!(!out.contains("owned_by:"), "{out}");
    }

    #[test]
    fn written_file_by_file_the_text_is_what_render_gives_and_no_text_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let mut sources = SourceMap::new();
        let mut files = Vec::new();
        for (name, lines) in [("a.yaml", 40), ("b.yaml", 300), ("c.yaml", 5)] {
            let text: String = (0..lines).map(|i| format!("{name}-line{i}: value\n")).collect();
            let path = dir.path().join(name);
            std::fs::write(&path, &text).unwrap();
            files.push((sources.add(path, text.clone()), text));
        }
        sources.release_texts();
        // c.yaml changes after loading: its places are shown without lines.
        std::fs::write(dir.path().join("c.yaml"), "changed\n").unwrap();
        let at = |n: usize, line: usize| {
            let (file, text) = &files[n];
            let start = text.match_indices('\n').nth(line.saturating_sub(1)).map_or(0, |(i, _)| i + 1);
            Span::new(*file, start..start + 6)
        };
        // Interleaved across files, one in two files, one with no place, more
        // than a file may show in b.yaml, notes and warnings among errors.
        let mut diagnostics = vec![
            Diagnostic::error(DiagnosticCode::Yaml, "in b, then a").at(at(1, 3), "here").also(at(0, 7), "and here"),
            Diagnostic::warning(DiagnosticCode::Yaml, "nowhere"),
            Diagnostic::error(DiagnosticCode::Yaml, "in c").at(at(2, 1), "changed since"),
        ];
        for i in 0..MAX_SHOWN_PER_FILE + 5 {
            diagnostics.push(Diagnostic::error(DiagnosticCode::Yaml, format!("b {i}")).at(at(1, i % 300), "b"));
            if i % 50 == 0 {
                diagnostics.push(Diagnostic::warning(DiagnosticCode::Yaml, format!("a {i}")).at(at(0, i % 40), "a"));
            }
        }
        for color in [Color::Never, Color::Always] {
            let whole = render(&diagnostics, &sources, color);
            sources.release_texts();
            let mut written = Vec::new();
            write_rendered(diagnostics.len(), |i| diagnostics[i].clone(), &sources, color, &mut written).unwrap();
            assert_eq!(String::from_utf8(written).unwrap(), whole);
            assert!(whole.contains("a.yaml-line7") && whole.contains("changed or cannot be read"), "{whole}");
            assert!(whole.contains("… and 6 more errors in"), "{}", &whole[whole.len() - 300..]);
            assert!(
                files.iter().all(|(file, _)| !sources.file(*file).keeps_a_text_read_again()),
                "written file by file, no text read again is kept"
            );
        }
    }

    #[test]
    fn errors_past_the_cap_are_counted_and_a_long_span_drawn_short() {
        let mut sources = SourceMap::new();
        let text: String = (0..1000).map(|i| format!("line{i}\n")).collect();
        let file = sources.add("m.yaml".into(), text.clone());
        let all = Span::new(file, 0..text.len());
        let diagnostics: Vec<Diagnostic> = (0..MAX_SHOWN_PER_FILE + 7)
            .map(|i| Diagnostic::error(DiagnosticCode::Yaml, format!("problem {i}")).at(all, "here"))
            .collect();
        let out = render(&diagnostics, &sources, Color::Never);
        assert_eq!(out.matches("error[yaml]").count(), MAX_SHOWN_PER_FILE);
        assert!(out.contains("… and 7 more errors in m.yaml"), "{}", &out[out.len() - 200..]);
        // The span covers 1 000 lines; only its first lines are drawn.
        assert!(out.contains("line0") && !out.contains(&format!("line{MAX_SPAN_LINES}\n")), "{}", &out[..2000]);
    }

    #[test]
    fn bounded_keeps_a_thousand_errors_a_file_and_counts_the_rest() {
        let mut sources = SourceMap::new();
        let (a, b) = (sources.add("a.yaml".into(), "x\n".into()), sources.add("b.yaml".into(), "y\n".into()));
        let error = |file| Diagnostic::error(DiagnosticCode::Yaml, "bad").at(Span::new(file, 0..1), "");
        let mut reading = Bounded::new();
        reading.extend((0..MAX_ERRORS_KEPT_PER_FILE + 5).map(|_| error(a)));
        // Warnings and diagnostics without a place are always kept.
        reading.push(Diagnostic::warning(DiagnosticCode::Yaml, "note").at(Span::new(a, 0..1), ""));
        reading.push(Diagnostic::error(DiagnosticCode::EmptyModel, "no place"));
        let mut all = Bounded::new();
        all.extend((0..3).map(|_| error(b)));
        all.append(reading);
        // A second stage's errors of a full file are counted too.
        let mut validating = Bounded::new();
        validating.extend((0..2).map(|_| error(a)));
        all.append(validating);
        let (kept, left_out) = all.into_parts();
        assert_eq!(kept.len(), 3 + MAX_ERRORS_KEPT_PER_FILE + 2);
        assert_eq!(left_out, [(a, 7)]);
        sources.count_left_out(a, 7);
        assert_eq!(sources.errors_left_out(), 7);
        let errors: Vec<Diagnostic> =
            kept.into_iter().filter(|d| d.level == Level::Error && d.primary.is_some()).collect();
        let out = render(&errors, &sources, Color::Never);
        let held = MAX_ERRORS_KEPT_PER_FILE - MAX_SHOWN_PER_FILE + 7;
        assert!(out.contains(&format!("… and {held} more errors in a.yaml")), "{}", &out[out.len() - 300..]);
        assert!(!out.contains("more errors in b.yaml"));
    }

    #[test]
    fn a_long_line_is_drawn_around_its_labels_and_the_column_stays_right() {
        let mut sources = SourceMap::new();
        let text = format!("parties: [{}{{ id: Bad }}]\nnext: line\n", "{}, ".repeat(100_000));
        let file = sources.add("m.yaml".into(), text.clone());
        let start = text.find("Bad").unwrap();
        let diagnostic = Diagnostic::error(DiagnosticCode::Yaml, "bad id")
            .at(Span::new(file, start..start + 3), "here")
            .also(Span::new(file, 10..12), "first entry");
        let out = render(&[diagnostic], &sources, Color::Never);
        assert!(out.contains(&format!("--> m.yaml:1:{}\n", start + 1)), "{out}");
        assert!(out.contains("parties: [{}, {}") && out.contains("{ id: Bad }]") && out.contains('…'), "{out}");
        assert!(out.len() < 2000, "{} bytes", out.len());
        // The caret is under `Bad` in the line as drawn.
        let lines: Vec<&str> = out.lines().collect();
        let drawn = lines.iter().position(|l| l.contains("{ id: Bad }")).unwrap();
        let caret = lines[drawn + 1..].iter().find(|l| l.contains("^^^")).unwrap();
        let column = |line: &str, byte: usize| line[..byte].chars().count();
        assert_eq!(column(caret, caret.find("^^^").unwrap()), column(lines[drawn], lines[drawn].find("Bad").unwrap()));
    }

    #[test]
    fn a_message_cannot_reach_the_terminal_raw() {
        let mut sources = SourceMap::new();
        let text = "name: \"x\"\n";
        let file = sources.add("m.yaml".into(), text.into());
        let diagnostic = Diagnostic::error(DiagnosticCode::Yaml, "name \u{1b}[2J")
            .at(Span::new(file, 6..9), "\u{1b}]8;;evil\u{7}")
            .help("\u{9b}1A")
            .note("\u{202e}");
        let out = render(&[diagnostic], &sources, Color::Never);
        assert!(!out.chars().any(crate::source::is_hidden_control), "{out:?}");
    }

    #[test]
    fn a_long_chain_shows_its_ends_and_counts_the_rest() {
        let ids: Vec<String> = (0..4000).map(|i| format!("p{i}")).collect();
        let chain: Vec<&str> = ids.iter().map(String::as_str).collect();
        let shown = elided_chain(&chain);
        assert!(shown.starts_with("p0 → p1 → p2 → p3 → p4 → p5 → … (3988 more) → p3994 → "), "{shown}");
        assert!(shown.ends_with("p3999"), "{shown}");
        assert_eq!(elided_chain(&chain[..3]), "p0 → p1 → p2");
        let (head, left_out, tail) = chain_ends(&chain);
        assert_eq!((head.len(), left_out, tail.len()), (6, 3988, 6));
        assert_eq!((head[0], tail[5]), ("p0", "p3999"));
        assert_eq!(chain_ends(&chain[..12]), (&chain[..12], 0, &[][..]));
    }
}
