//! Source files of a model and positions inside them.
//!
//! Every span in `ansvar` is a byte range in one file of a [`SourceMap`]. Line and
//! column are computed here, and only here, so that every renderer (terminal,
//! JSON, HTML) agrees on them. Columns count characters, not bytes, because that is
//! what an editor shows: `Region Sörmland` has one column for `ö`.

use std::borrow::Cow;
use std::fmt;
use std::num::NonZeroU16;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Index of a file in a [`SourceMap`]: two bytes, as a model has at most
/// [`MAX_FILES`] files. It holds the index plus one, so that an optional
/// span takes no more room than a span (a role's facts hold one each).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(NonZeroU16);

impl FileId {
    /// The id of the file at `index` in its map (the loader refuses a model
    /// of more than [`MAX_FILES`] files before any is added).
    fn at(index: usize) -> Self {
        let number = u16::try_from(index.saturating_add(1)).unwrap_or(u16::MAX);
        Self(NonZeroU16::new(number).unwrap_or(NonZeroU16::MAX))
    }

    /// The file's place in its map.
    fn index(self) -> usize {
        usize::from(self.0.get()) - 1
    }
}

/// The most files one model (one side of a `diff`) may have. Every span
/// names its file, and a national model holds a few million spans, so the
/// file's index takes two bytes ([`Span`]); the loader refuses a model with
/// more files, with an error naming the limit (a national model has about
/// 500, the ten-fold benchmark model about 5 000).
pub const MAX_FILES: usize = u16::MAX as usize;

/// A byte range in one source file, in eight bytes: the file, the first
/// byte and the length.
///
/// A loaded national model holds several million spans (every value a
/// diagnostic may point at keeps one), so their size is a good part of the
/// model's (issue 19). A range longer than [`Span::MAX_LEN`] bytes is kept
/// as its first [`Span::MAX_LEN`] bytes: a span only tells a diagnostic what
/// to underline, and a diagnostic shows at most a few lines of it, each cut
/// to its context around the span's ends when it is long.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    /// The file the range lies in.
    pub file: FileId,
    /// How many bytes the range covers, at most [`Span::MAX_LEN`].
    len: u16,
    /// First byte of the range.
    pub start: u32,
}

impl Span {
    /// The longest range a span keeps whole.
    pub const MAX_LEN: usize = u16::MAX as usize;

    /// A span covering `range` in `file` (its first [`Span::MAX_LEN`] bytes
    /// when it is longer).
    pub fn new(file: FileId, range: Range<usize>) -> Self {
        let start = u32::try_from(range.start).unwrap_or(u32::MAX);
        let len = range.end.saturating_sub(range.start).min(Self::MAX_LEN).min((u32::MAX - start) as usize);
        Self { file, start, len: len as u16 }
    }

    /// One past the last byte of the range.
    pub fn end(&self) -> u32 {
        self.start + u32::from(self.len)
    }

    /// The span as a byte range, for renderers.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end() as usize
    }

    /// The same place, cut to at most `len` bytes.
    pub fn cut_to(self, len: usize) -> Self {
        Self { len: self.len.min(u16::try_from(len).unwrap_or(u16::MAX)), ..self }
    }
}

/// Spans order by file, then by where they start, then by where they end,
/// as their byte ranges do.
impl Ord for Span {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.file, self.start, self.len).cmp(&(other.file, other.start, other.len))
    }
}

impl PartialOrd for Span {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// A resolved, human-readable position: `file:line:column`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Location {
    /// Path of the file as the user gave it (relative to where `ansvar` was run).
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// One loaded source file.
#[derive(Debug, Clone)]
pub struct SourceFile {
    path: PathBuf,
    display: String,
    text: Content,
    /// The text's length in bytes.
    len: usize,
    /// Where each line starts.
    lines: LineTable,
    /// Errors found in the file but not kept ([`crate::diag::Bounded`]).
    errors_left_out: usize,
}

/// A file's text: held, or let go after loading and read again on demand.
#[derive(Debug, Clone)]
enum Content {
    /// The text as read.
    Held(String),
    /// The text was let go ([`SourceMap::release_texts`]); what is kept
    /// computes every location without it, and tells whether a copy read
    /// again is the same text.
    Released {
        /// A hash of the text ([`fingerprint`]); its length is the file's.
        hash: u64,
        /// Byte offset of every UTF-8 continuation byte, sorted: a column
        /// counts characters, and these are the bytes that are not one.
        continuation: Vec<u32>,
        /// The text read again for a snippet, once asked for: `None` when the
        /// file can no longer be read or no longer holds the same bytes.
        again: std::sync::OnceLock<Option<String>>,
    },
}

impl Content {
    /// What a released `text` keeps: its hash, and where its multi-byte
    /// characters are.
    fn released(text: &str) -> Self {
        Content::Released {
            hash: fingerprint(text),
            continuation: continuation_offsets(text),
            again: std::sync::OnceLock::new(),
        }
    }
}

/// A file's text lent out of its map to be parsed on another thread
/// ([`SourceMap::lend_text`]), as it comes back ([`SourceMap::give_back`]):
/// the text itself, or, let go as soon as it was parsed, what a released text
/// keeps. The loader lets each text go as soon as its file is parsed, so the
/// texts and the raw values of the whole model are never all held at once.
#[derive(Debug)]
pub(crate) struct Lent(Content);

impl Lent {
    /// The text, kept.
    pub(crate) fn kept(text: String) -> Self {
        Lent(Content::Held(text))
    }

    /// The text let go, as [`SourceMap::release_texts`] would.
    pub(crate) fn released(text: String) -> Self {
        Lent(Content::released(&text))
    }
}

/// The offsets of a text's UTF-8 continuation bytes (`0x80..0xC0`), which
/// columns skip once the text is released. Eight bytes are looked at a time:
/// models are mostly ASCII, and a word without a high bit has none.
fn continuation_offsets(text: &str) -> Vec<u32> {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let bytes = text.as_bytes();
    let mut offsets = Vec::new();
    let mut push_from = |from: usize, part: &[u8]| {
        for (at, byte) in part.iter().enumerate() {
            if (0x80..0xc0).contains(byte) {
                offsets.push(to_u32(from + at));
            }
        }
    };
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        if u64::from_le_bytes(word) & HIGH_BITS != 0 {
            push_from(at, chunk);
        }
        at += 8;
    }
    push_from(at, chunks.remainder());
    offsets
}

/// Where each line of a file starts, in about two bytes a line rather than
/// four: a national model has 2.7 million lines, and their starts are kept
/// from loading to the last location printed. The lines are cut into blocks
/// of at most [`LineTable::BLOCK_LINES`] lines that start less than 64 KiB
/// after their block's first line; a block keeps its first line and where
/// that starts, and each line its start less the block's.
#[derive(Debug, Clone, Default)]
struct LineTable {
    /// Each block's first line and the byte that line starts at, in order.
    blocks: Vec<(u32, u32)>,
    /// Each line's start, less the start of its block.
    offsets: Vec<u16>,
}

impl LineTable {
    /// The most lines in one block: a line's block is found by a binary
    /// search over the blocks, then the line by one over at most this many.
    const BLOCK_LINES: usize = 256;

    fn new(text: &str) -> Self {
        let newlines = memchr::memchr_iter(b'\n', text.as_bytes());
        let count = newlines.clone().count() + 1;
        let mut table =
            Self { blocks: Vec::with_capacity(count / Self::BLOCK_LINES + 1), offsets: Vec::with_capacity(count) };
        for start in std::iter::once(0).chain(newlines.map(|at| at + 1)) {
            table.push(start);
        }
        table
    }

    /// Adds the next line, starting at `start`.
    fn push(&mut self, start: usize) {
        let line = self.offsets.len();
        let offset = match self.blocks.last() {
            Some(&(first, base)) if line - (first as usize) < Self::BLOCK_LINES => {
                u16::try_from(start - base as usize).ok()
            }
            _ => None,
        };
        let offset = offset.unwrap_or_else(|| {
            self.blocks.push((to_u32(line), to_u32(start)));
            0
        });
        self.offsets.push(offset);
    }

    /// How many lines there are.
    fn len(&self) -> usize {
        self.offsets.len()
    }

    /// The byte line `line` starts at, if there is such a line.
    fn start(&self, line: usize) -> Option<usize> {
        let offset = *self.offsets.get(line)?;
        let block = self.blocks.partition_point(|&(first, _)| first as usize <= line).checked_sub(1)?;
        Some(self.blocks[block].1 as usize + usize::from(offset))
    }

    /// The line `byte` is on: the last that starts at or before it.
    fn line_of(&self, byte: usize) -> usize {
        let block = self.blocks.partition_point(|&(_, base)| base as usize <= byte).saturating_sub(1);
        let Some(&(first, base)) = self.blocks.get(block) else { return 0 };
        let end = self.blocks.get(block + 1).map_or(self.offsets.len(), |&(next, _)| next as usize);
        let within = byte - base as usize;
        let lines = &self.offsets[first as usize..end];
        first as usize + lines.partition_point(|&offset| usize::from(offset) <= within).saturating_sub(1)
    }
}

/// The hash a released text is checked against when it is read again.
fn fingerprint(text: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::quality::FixedState::with_seed(0x616e_7376_6172).hash_one(text.as_bytes())
}

impl SourceFile {
    /// A file and its text, kept, or let go at once (as
    /// [`SourceMap::release_texts`] would) when `release` is set: for a file
    /// read on the thread that parses it, put in its place with
    /// [`SourceMap::put`].
    pub(crate) fn read(path: PathBuf, text: String, release: bool) -> Self {
        let mut file = Self::new(path, text);
        if release {
            file.release();
        }
        file
    }

    fn new(path: PathBuf, text: String) -> Self {
        let display = printable(&path.display().to_string().replace('\\', "/")).into_owned();
        let lines = LineTable::new(&text);
        Self { path, display, len: text.len(), text: Content::Held(text), lines, errors_left_out: 0 }
    }

    /// How many errors were found in this file beyond those kept
    /// ([`crate::diag::MAX_ERRORS_KEPT_PER_FILE`]): counted, not stored.
    pub fn errors_left_out(&self) -> usize {
        self.errors_left_out
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The path as shown in diagnostics, with `/` separators.
    pub fn display_path(&self) -> &str {
        &self.display
    }

    /// The file's full text; empty if it was released and cannot be read
    /// again unchanged ([`SourceFile::fresh_text`] tells which).
    ///
    /// The loader parses each text before it is released; after that, with
    /// [`crate::load::Read::releasing_texts`], validation may read a file
    /// again for an entry's extent, as a snippet does.
    pub fn text(&self) -> &str {
        self.fresh_text().unwrap_or("")
    }

    /// The file's text: as held, or, once released, read again through the
    /// bounded reader ([`crate::load::files::read_text`], with its limits and
    /// link policy) and kept for the next snippet. `None` when the file can no
    /// longer be read, or no longer holds the bytes it held when loaded (its
    /// length or hash differs): then a diagnostic shows the location alone.
    pub fn fresh_text(&self) -> Option<&str> {
        match &self.text {
            Content::Held(text) => Some(text),
            Content::Released { again, .. } => again.get_or_init(|| self.read_again()).as_deref(),
        }
    }

    /// The file's text as [`SourceFile::fresh_text`] gives it, without keeping
    /// a copy read again: for a caller that draws the files one after another
    /// and lets each text go when it moves on (the complete text of `check`,
    /// whose snippets would otherwise bring back every text of the model at
    /// once, 114 MB on national).
    pub fn fresh_text_once(&self) -> Option<Cow<'_, str>> {
        match &self.text {
            Content::Held(text) => Some(Cow::Borrowed(text)),
            Content::Released { again, .. } => match again.get() {
                Some(kept) => kept.as_deref().map(Cow::Borrowed),
                None => self.read_again().map(Cow::Owned),
            },
        }
    }

    /// Whether a copy of the released text read again is kept.
    #[cfg(test)]
    pub(crate) fn keeps_a_text_read_again(&self) -> bool {
        matches!(&self.text, Content::Released { again, .. } if again.get().is_some())
    }

    /// The released text read again, if the file still holds the same bytes.
    fn read_again(&self) -> Option<String> {
        let Content::Released { hash, .. } = &self.text else { return None };
        match crate::load::files::read_text(&self.path) {
            Ok(crate::load::files::Text::Utf8(text)) if text.len() == self.len && fingerprint(&text) == *hash => {
                Some(text)
            }
            _ => None,
        }
    }

    /// Lets go of the text (and of any copy read again), keeping what
    /// locations need: the line table, and where the multi-byte characters are.
    fn release(&mut self) {
        match &mut self.text {
            Content::Held(text) => self.text = Content::released(text),
            // A copy read again is read afresh next time.
            Content::Released { again, .. } => *again = std::sync::OnceLock::new(),
        }
    }

    /// 0-based line index of a byte offset.
    fn line_index(&self, byte: usize) -> usize {
        self.lines.line_of(byte)
    }

    /// How many lines the file has (a last line without a newline counts).
    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// The text's length in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the file is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// 0-based line index of a byte offset, from the file's line table.
    pub fn line_of(&self, byte: usize) -> usize {
        self.line_index(byte.min(self.len))
    }

    /// The byte range of a 0-based line, with its newline.
    pub fn line_range(&self, line: usize) -> Range<usize> {
        let start = self.lines.start(line).unwrap_or(self.len);
        let end = self.lines.start(line + 1).unwrap_or(self.len);
        start..end
    }

    /// 1-based line and character column of a byte offset.
    ///
    /// The same whether the text is held or released: a released file counts
    /// the characters from its table of continuation bytes.
    pub fn line_column(&self, byte: usize) -> (u32, u32) {
        let byte = byte.min(self.len);
        let line = self.line_index(byte);
        let line_start = self.lines.start(line).unwrap_or(0);
        let column = match &self.text {
            Content::Held(text) => {
                text.get(line_start..byte).map(|prefix| prefix.chars().count()).unwrap_or(byte - line_start)
            }
            Content::Released { continuation, .. } => {
                let (from, to) = (to_u32(line_start), to_u32(byte));
                // Inside a character the held text counts bytes (`get` fails): so does this.
                if continuation.binary_search(&to).is_ok() {
                    byte - line_start
                } else {
                    let skipped =
                        continuation.partition_point(|&c| c < to) - continuation.partition_point(|&c| c < from);
                    byte - line_start - skipped
                }
            }
        };
        (to_u32(line + 1), to_u32(column + 1))
    }

    /// Byte offset of a 1-based line and character column, clamped to the file.
    pub fn byte_offset(&self, line: u32, column: u32) -> usize {
        let line = (line.max(1) as usize - 1).min(self.lines.len() - 1);
        let start = self.lines.start(line).unwrap_or(0);
        let rest = self.text().get(start..).unwrap_or("");
        let line_text = rest.split('\n').next().unwrap_or("");
        line_text
            .char_indices()
            .nth(column.max(1) as usize - 1)
            .map(|(offset, _)| start + offset)
            .unwrap_or(start + line_text.len())
    }
}

/// Whether a character must not reach a terminal as it is: C0 controls but
/// newline and tab, DEL, C1 controls (0x80–0x9F: some terminals read 0x9B as
/// CSI), and the bidirectional controls that make text display in another
/// order than it is stored (U+202A–U+202E, U+2066–U+2069, LRM, RLM, ALM).
pub fn is_hidden_control(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
}

/// Text from a model made safe for a terminal: every [hidden
/// control](is_hidden_control) is shown instead of obeyed. C0 controls become
/// their Unicode pictures (`ESC` becomes `␛`, as in rustc), the others
/// `<U+XXXX>`. Newlines and tabs are kept.
///
/// This is the one function every terminal sink uses: diagnostics (and so
/// findings), file names as shown, and the text and Markdown of `diff`.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if !is_hidden_control(c) => out.push(c),
            '\u{7f}' => out.push('\u{2421}'),
            c if (c as u32) < 0x20 => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
            c => out.push_str(&format!("<U+{:04X}>", c as u32)),
        }
    }
    Cow::Owned(out)
}

/// Like [`printable`], but every character keeps its length in bytes, so that
/// byte spans into the text stay valid: for source lines shown under a
/// diagnostic. C0 controls are left for the snippet renderer, which draws them
/// as pictures; a two-byte control becomes `¤`, a three-byte one `�`.
pub fn printable_same_width(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_hidden_control(c) && c.len_utf8() > 1) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c.len_utf8() {
                2 if is_hidden_control(c) => '\u{a4}',
                3 if is_hidden_control(c) => '\u{fffd}',
                _ => c,
            })
            .collect(),
    )
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// All the files of one model, in the order they were loaded.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file and returns its id.
    pub fn add(&mut self, path: PathBuf, text: String) -> FileId {
        self.add_file(SourceFile::new(path, text))
    }

    /// Adds a file made already ([`SourceFile::read`]), its line table
    /// drawn up on another thread, and returns its id.
    pub(crate) fn add_file(&mut self, file: SourceFile) -> FileId {
        // The loader refuses a model of more than MAX_FILES files before it
        // adds any; past that, ids would repeat.
        let id = FileId::at(self.files.len());
        self.files.push(file);
        id
    }

    /// The file with this id.
    ///
    /// Ids are only ever made by [`SourceMap::add`] on this map, so the lookup
    /// cannot fail for an id that came from it.
    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id.index()]
    }

    /// Every file with its id.
    pub fn files(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files.iter().enumerate().map(|(i, f)| (FileId::at(i), f))
    }

    /// Takes `file`'s text out of the map, to be parsed on another thread;
    /// until it is given back ([`SourceMap::give_back`]) the file's text is
    /// empty (its length and line table stay).
    pub(crate) fn lend_text(&mut self, file: FileId) -> String {
        match &mut self.files[file.index()].text {
            Content::Held(text) => std::mem::take(text),
            // Released texts are never lent: the loader lends before any is.
            Content::Released { .. } => String::new(),
        }
    }

    /// Puts back a text lent by [`SourceMap::lend_text`], kept or let go.
    pub(crate) fn give_back(&mut self, file: FileId, lent: Lent) {
        self.files[file.index()].text = lent.0;
    }

    /// Puts `source` in the place of `file`, added with an empty text before
    /// the file was read: the loader reads a model file on the thread that
    /// parses it ([`crate::load::read_path`]), after every file has its id.
    pub(crate) fn put(&mut self, file: FileId, source: SourceFile) {
        self.files[file.index()] = source;
    }

    /// Records that `count` more errors were found in `file` and not kept.
    pub fn count_left_out(&mut self, file: FileId, count: usize) {
        self.files[file.index()].errors_left_out += count;
    }

    /// How many errors were found and not kept, in every file.
    pub fn errors_left_out(&self) -> usize {
        self.files.iter().map(|file| file.errors_left_out).sum()
    }

    /// Lets go of every file's text, keeping its line table and what columns
    /// need: after loading, only a diagnostic's snippet reads the text, and
    /// it reads the file again ([`SourceFile::fresh_text`]). Only for files
    /// read from disk at their path (not a git revision's): a text that
    /// cannot be read again loses its snippets.
    pub fn release_texts(&mut self) {
        for file in &mut self.files {
            file.release();
        }
    }

    /// The `file:line:column` of a span's start.
    pub fn location(&self, span: Span) -> Location {
        let file = self.file(span.file);
        let (line, column) = file.line_column(span.start as usize);
        Location { file: file.display.clone(), line, column }
    }

    /// [`SourceMap::location`] as its text, the same as displaying it gives,
    /// written straight into one string: a report shows one for every
    /// reason and finding, and the formatting machinery and the copy of the
    /// path in between cost several times the text.
    pub fn location_text(&self, span: Span) -> String {
        let file = self.file(span.file);
        let (line, column) = file.line_column(span.start as usize);
        let mut text = String::with_capacity(file.display.len() + 2 * (u32::MAX.ilog10() as usize + 2));
        text.push_str(&file.display);
        for number in [line, column] {
            text.push(':');
            push_decimal(&mut text, number);
        }
        text
    }
}

/// Writes `number` in decimal digits, as `{}` formats it.
fn push_decimal(text: &mut String, number: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    let mut rest = number;
    loop {
        at -= 1;
        // `rest % 10` is below ten: the cast keeps it whole.
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &digit in &digits[at..] {
        text.push(char::from(digit));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_keeps_its_range_up_to_its_longest_and_orders_as_its_range() {
        let file = FileId::at(3);
        let span = Span::new(file, 10..25);
        assert_eq!((span.start, span.end(), span.range()), (10, 25, 10..25));
        assert_eq!((size_of::<Span>(), size_of::<Option<Span>>()), (8, 8));
        assert_eq!((FileId::at(0).index(), FileId::at(MAX_FILES - 1).index()), (0, MAX_FILES - 1));
        let long = Span::new(file, 7..7 + Span::MAX_LEN + 100);
        assert_eq!(long.range(), 7..7 + Span::MAX_LEN, "a longer range keeps its first bytes");
        let at_the_end = Span::new(file, u32::MAX as usize - 2..u32::MAX as usize + 10);
        assert_eq!(at_the_end.end(), u32::MAX, "a range past the last offset ends there");
        let (start, end) = (9, 4);
        assert_eq!(Span::new(file, start..end).range(), 9..9, "a reversed range is empty at its start");
        assert_eq!(span.cut_to(1).range(), 10..11);
        assert_eq!(span.cut_to(100), span);
        let mut spans = [
            Span::new(file, 10..30),
            Span::new(FileId::at(1), 50..51),
            Span::new(file, 10..12),
            Span::new(file, 2..90),
        ];
        spans.sort();
        let ranges: Vec<_> = spans.iter().map(|s| (s.file, s.range())).collect();
        assert_eq!(ranges, [(FileId::at(1), 50..51), (file, 2..90), (file, 10..12), (file, 10..30)]);
    }

    #[test]
    fn location_text_is_the_location_displayed() {
        let mut map = SourceMap::new();
        let text = format!("{}x: ä\n", "\n".repeat(1_234_566));
        let id = map.add("dir/a.yaml".into(), text.clone());
        for start in [0, 1, 1_234_566, text.len() - 1] {
            let span = Span::new(id, start..start);
            assert_eq!(map.location_text(span), map.location(span).to_string());
        }
        for number in [0, 7, 10, 99, 100, 4_294_967_295] {
            let mut text = String::new();
            push_decimal(&mut text, number);
            assert_eq!(text, number.to_string());
        }
    }

    #[test]
    fn the_line_table_finds_what_a_list_of_line_starts_finds() {
        // Short lines, blocks cut by their count of lines, lines longer than
        // a block's 64 KiB, a text that ends without a newline and one that
        // ends with one.
        let mut text = String::new();
        for n in 0..2_000usize {
            text.push_str(&"x".repeat(match n % 500 {
                7 => 70_000,
                8 => 65_535,
                9 => 65_536,
                _ => n % 61,
            }));
            text.push('\n');
        }
        for text in [String::new(), "\n".into(), "a".into(), text.clone(), format!("{text}tail")] {
            let starts: Vec<usize> = std::iter::once(0).chain(text.match_indices('\n').map(|(at, _)| at + 1)).collect();
            let table = LineTable::new(&text);
            assert_eq!(table.len(), starts.len());
            for (line, &start) in starts.iter().enumerate() {
                assert_eq!(table.start(line), Some(start));
            }
            assert_eq!(table.start(starts.len()), None);
            for byte in (0..=text.len()).step_by(97).chain([text.len()]) {
                let expected = starts.partition_point(|&s| s <= byte) - 1;
                assert_eq!(table.line_of(byte), expected, "byte {byte}");
            }
        }
    }

    #[test]
    fn line_and_column_count_characters_not_bytes() {
        let mut map = SourceMap::new();
        let id = map.add("a.yaml".into(), "name: Sörmland\ncountry: SE\n".into());
        let file = map.file(id);
        let se = file.text().find("SE").unwrap();
        assert_eq!(file.line_column(se), (2, 10));
        let land = file.text().find("land").unwrap();
        assert_eq!(file.line_column(land), (1, 11));
        assert_eq!(file.byte_offset(1, 11), land);
        assert_eq!(map.location(Span::new(id, se..se + 2)).to_string(), "a.yaml:2:10");
    }

    #[test]
    fn continuation_bytes_are_found_across_every_word_boundary() {
        // Multi-byte characters at every offset of an 8-byte word, and a tail.
        for pad in 0..17 {
            for wide in ["ö", "€", "𝄞"] {
                let text = format!("{}{wide}x{wide}{}", "a".repeat(pad), "b".repeat(pad % 5));
                let naive: Vec<u32> = text
                    .bytes()
                    .enumerate()
                    .filter(|(_, byte)| (0x80..0xc0).contains(byte))
                    .map(|(offset, _)| offset as u32)
                    .collect();
                assert_eq!(continuation_offsets(&text), naive, "{text:?}");
            }
        }
    }

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        let hostile = "\u{1b}[2J\u{1b}]8;;https://evil.example\u{1b}\\DPO\r\u{9b}1A\u{202e}txt\nnext\tcol";
        let shown = printable(hostile);
        assert!(!shown.chars().any(is_hidden_control), "{shown:?}");
        assert_eq!(shown, "␛[2J␛]8;;https://evil.example␛\\DPO␍<U+009B>1A<U+202E>txt\nnext\tcol");
        assert!(matches!(printable("Region Sörmland"), Cow::Borrowed(_)));
        let same = printable_same_width("a\u{9b}b\u{2066}c");
        assert_eq!(same.len(), "a\u{9b}b\u{2066}c".len());
        assert_eq!(same, "a¤b\u{fffd}c");
    }

    #[test]
    fn a_file_name_is_shown_printable() {
        let mut map = SourceMap::new();
        let id = map.add("m/\u{1b}[31mred.yaml".into(), String::new());
        assert_eq!(map.file(id).display_path(), "m/␛[31mred.yaml");
    }

    #[test]
    fn a_released_text_gives_the_same_places_and_is_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        let text = "name: Region Sörmland\nnote: \u{1f600} é\u{301}x\r\nlast: ö";
        std::fs::write(&path, text).unwrap();
        let mut map = SourceMap::new();
        let id = map.add(path.clone(), text.to_owned());
        let held: Vec<(u32, u32)> = (0..=text.len() + 2).map(|byte| map.file(id).line_column(byte)).collect();
        map.release_texts();
        let released: Vec<(u32, u32)> = (0..=text.len() + 2).map(|byte| map.file(id).line_column(byte)).collect();
        assert_eq!(held, released);
        assert_eq!(map.file(id).fresh_text(), Some(text));
        assert_eq!(map.file(id).line_range(1), map.file(id).line_range(1));
    }

    #[test]
    fn a_released_text_that_changed_is_not_shown() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        std::fs::write(&path, "id: a\n").unwrap();
        let mut map = SourceMap::new();
        let id = map.add(path.clone(), "id: a\n".to_owned());
        map.release_texts();
        // Same length, other bytes: the hash tells.
        std::fs::write(&path, "id: b\n").unwrap();
        assert_eq!(map.file(id).fresh_text(), None);
        assert_eq!(map.file(id).text(), "");
        assert_eq!(map.location(Span::new(id, 4..5)).to_string(), format!("{}:1:5", map.file(id).display_path()));
        // Released again after the file is restored: read again, and the same.
        std::fs::write(&path, "id: a\n").unwrap();
        map.release_texts();
        assert_eq!(map.file(id).fresh_text(), Some("id: a\n"));
        std::fs::remove_file(&path).unwrap();
        map.release_texts();
        assert_eq!(map.file(id).fresh_text(), None);
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        let mut map = SourceMap::new();
        let id = map.add("a.yaml".into(), "x: 1".into());
        assert_eq!(map.file(id).line_column(99), (1, 5));
        assert_eq!(map.file(id).byte_offset(7, 7), 4);
    }
}
