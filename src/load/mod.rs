//! Loading: a directory of YAML files in, a validated [`Model`] out.
//!
//! Files are listed in sorted path order and read into a spanned tree by
//! `yaml.rs`, on the events of `granit_parser` (duplicate keys, deep nesting
//! and alias bombs refused), then into raw types by `raw.rs` (strict booleans,
//! unknown fields refused); the reference data file goes through
//! `serde-saphyr` with the same budgets ([`parse_yaml`]). Files are
//! independent, so they are parsed on all cores, each read by the thread that
//! parses it just before (only the texts being parsed are held at once); the
//! results are taken in path order, so the outcome is the same on any
//! machine. A file that fails to parse is reported and skipped; the others
//! are still validated, so one run shows every problem. Validation
//! (`validate.rs`) turns the raw, spanned types into the domain model and
//! collects every diagnostic: each file is built on the thread that parsed
//! it, taking its references on trust, and the parts are checked and put
//! together once all are in; a model whose references do not check out is
//! parsed again and validated the full way, for its diagnostics.

pub mod files;
pub mod git;
mod raw;
mod reference_file;
mod validate;
mod yaml;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::diag::{Bounded, Diagnostic, DiagnosticCode};
use crate::model::Model;
use crate::reference::Reference;
use crate::source::{FileId, Lent, SourceFile, SourceMap, Span};
use crate::timings::Timings;

/// The largest model file `ansvar` reads, in bytes (the same for every file it reads).
pub const MAX_FILE_BYTES: u64 = files::MAX_FILE_BYTES;
/// The deepest nesting a model file may have; a model needs about eight levels.
pub const MAX_DEPTH: usize = 32;

/// A loaded, valid model with the files it came from.
#[derive(Debug)]
pub struct Loaded {
    /// The model.
    pub model: Model,
    /// Its source files, for rendering spans.
    pub sources: SourceMap,
    /// Problems that do not make the model invalid.
    pub warnings: Vec<Diagnostic>,
    /// How long reading, parsing and validation took.
    pub timings: Timings,
}

/// Why a model could not be loaded.
#[derive(Debug)]
pub struct Invalid {
    /// The files read so far, for rendering the diagnostics.
    pub sources: SourceMap,
    /// Every problem found, errors first, in file and position order; past
    /// [`crate::diag::MAX_ERRORS_KEPT_PER_FILE`] errors in one file the rest
    /// are only counted ([`Invalid::problems`]).
    pub diagnostics: Vec<Diagnostic>,
}

impl Invalid {
    /// How many problems were found: those in [`Invalid::diagnostics`], and
    /// the errors counted but not kept past
    /// [`crate::diag::MAX_ERRORS_KEPT_PER_FILE`] in a file.
    pub fn problems(&self) -> usize {
        self.diagnostics.len() + self.sources.errors_left_out()
    }
}

/// Loads every `.yaml`/`.yml` file in `dir` (or the single file `dir` names).
pub fn load_path(path: &Path, reference: &Reference) -> Result<Loaded, Invalid> {
    load_read(read_path(path), reference)
}

/// Loads a model from `(path, text)` pairs, as if they were files of one directory.
///
/// The pairs are sorted by path first, so the result does not depend on their order.
pub fn load_texts(texts: Vec<(PathBuf, String)>, reference: &Reference) -> Result<Loaded, Invalid> {
    load_read(read_texts(texts), reference)
}

/// A model's files, listed or read, and not yet parsed: what [`load_read`]
/// and [`load_pair`] take.
pub struct Read {
    /// Each file with its content (or, from [`read_path`], still to be read),
    /// or why the model could not be listed.
    inputs: Result<Vec<(PathBuf, Input)>, Box<Diagnostic>>,
    /// The time listing (and, for [`read_texts`], reading) took.
    timings: Timings,
    /// Whether each file's text is let go as soon as it is parsed
    /// ([`Read::releasing_texts`]).
    release: bool,
}

impl Read {
    /// A model that could not be read at all (an unknown git revision).
    pub fn failed(diagnostic: Diagnostic) -> Self {
        Read { inputs: Err(Box::new(diagnostic)), timings: Timings::new(), release: false }
    }

    /// Lets each file's text go as soon as the file is parsed with no problem,
    /// as [`SourceMap::release_texts`] does after loading: the texts and the
    /// raw values of the whole model are then never all held at once, which
    /// lowers the loader's high point. Locations are the same; a snippet, and
    /// the few validation messages that look at the text (an entry's extent),
    /// read the file again, and lose the text if it changed since.
    ///
    /// Only for files read from disk at their path ([`read_path`]), which can
    /// be read again: a git revision's texts would lose their snippets.
    #[must_use]
    pub fn releasing_texts(mut self) -> Self {
        self.release = true;
        self
    }
}

/// Lists every `.yaml`/`.yml` file in `dir` (or the single file `dir` names),
/// to be read with the limits of [`files`].
///
/// The files are not read here: [`load_read`] reads each on the thread that
/// parses it, just before parsing it, so that only the texts being parsed are
/// held at once and their memory serves the next files (on a 1 GB model the
/// kernel would otherwise clear a gigabyte of fresh pages for the texts
/// alone). A file that cannot be read gives the same diagnostic as if it had
/// been read here. [`load_pair`] reads them all first, to compare the texts.
pub fn read_path(path: &Path) -> Read {
    let mut timings = Timings::new();
    let inputs = timings.time("read", || {
        let files = model_files(path)?;
        if path.is_dir() {
            crate::output::protect_directory(path);
        }
        for (file, _) in &files {
            crate::output::protect(file);
        }
        Ok(files.into_iter().map(|(file, size)| (file, Input::Unread { size })).collect())
    });
    Read { inputs: inputs.and_then(within_file_limit), timings, release: false }
}

/// Model files given as `(path, text)` pairs (a git revision's).
pub fn read_texts(texts: Vec<(PathBuf, String)>) -> Read {
    Read {
        inputs: within_file_limit(texts.into_iter().map(|(path, text)| (path, Input::Text(text))).collect()),
        timings: Timings::new(),
        release: false,
    }
}

/// The files of a model, or the error that they are more than one model may
/// have ([`MAX_FILES`](crate::source::MAX_FILES)): every span names its file
/// in two bytes.
fn within_file_limit(inputs: Vec<(PathBuf, Input)>) -> Result<Vec<(PathBuf, Input)>, Box<Diagnostic>> {
    if inputs.len() <= crate::source::MAX_FILES {
        return Ok(inputs);
    }
    Err(Box::new(
        Diagnostic::error(
            DiagnosticCode::TooManyFiles,
            format!("the model has {} files; a model may have at most {}", inputs.len(), crate::source::MAX_FILES),
        )
        .help(
            "put more entries in each file: a file may hold any number of parties, systems, activities and agreements",
        ),
    ))
}

/// Parses and validates a model that has been read.
pub fn load_read(read: Read, reference: &Reference) -> Result<Loaded, Invalid> {
    load_read_as(read, reference, Validation::Fast)
}

/// How a model's parsed files are validated.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Validation {
    /// Each file built as it is parsed and the parts checked together
    /// ([`validate::assemble`]); the full way only if a check fails.
    Fast,
    /// The full way at once: every file's ids, then every file built
    /// against them. The tests compare it with the fast way.
    #[cfg_attr(not(test), allow(dead_code))]
    Full,
}

/// [`load_read`], validating `how`.
fn load_read_as(read: Read, reference: &Reference, how: Validation) -> Result<Loaded, Invalid> {
    let mut timings = read.timings;
    let mut prepared = match read.inputs {
        Ok(inputs) => prepare(ready_all(inputs, false)),
        Err(diagnostic) => return Err(Invalid { sources: SourceMap::new(), diagnostics: vec![*diagnostic] }),
    };
    let jobs: Vec<Job> = std::mem::take(&mut prepared.texts)
        .into_iter()
        .map(|(file, unread)| {
            let text = match unread {
                Some((path, size)) => JobText::Unread { path, size },
                None => JobText::Lent(prepared.sources.lend_text(file)),
            };
            Job::new(text, file, read.release, 0)
        })
        .collect();
    let building = [validate::Building::new(jobs.iter().map(|job| job.text.size()).sum())];
    // With [`read_path`], each file is read in this stage, on the thread that
    // parses it; each is built there too, as soon as it is parsed.
    let parsed = timings.time("parse", || parse_all(jobs, reference, &building));
    let results = parsed.into_iter().map(|parsed| parsed.returned(&mut prepared.sources)).collect();
    let [building] = building;
    finish(prepared, results, building, reference, timings, how)
}

/// Loads the two sides of a comparison (`diff`), parsing once each file whose
/// bytes are the same on both sides.
///
/// A file is shared when its text equals, byte for byte, a file of the old
/// side (whatever its name) and it parsed with no problem: the old side's
/// job then builds the new side's entities too, from the same raw values,
/// rather than parsing it again. Spans in the raw values are byte offsets,
/// the same in both copies; each side is built with its own file ids, so its
/// model, diagnostics and locations are exactly those [`load_read`] gives it.
/// Where the file has the same id on both sides (the same place in each
/// side's files) those entities are the same too: they are built once and
/// both models hold them (see [`crate::model::map`]).
/// A file that has problems is parsed on each side, so each side's
/// diagnostics name its own file.
pub fn load_pair(old: Read, new: Read, reference: &Reference) -> (Result<Loaded, Invalid>, Result<Loaded, Invalid>) {
    let (mut old_timings, mut new_timings) = (old.timings, new.timings);
    let (old_release, new_release) = (old.release, new.release);
    let (old_inputs, new_inputs) = match (old.inputs, new.inputs) {
        // Both sides' texts are compared before any file is parsed, so every
        // file is read first.
        (Ok(old), Ok(new)) => {
            (old_timings.time("read", || ready_all(old, true)), new_timings.time("read", || ready_all(new, true)))
        }
        (old, new) => {
            return (
                load_read(Read { inputs: old, timings: old_timings, release: old_release }, reference),
                load_read(Read { inputs: new, timings: new_timings, release: new_release }, reference),
            );
        }
    };
    let (mut old, mut new) = (prepare(old_inputs), prepare(new_inputs));
    let started = std::time::Instant::now();
    let old_texts: Vec<String> = old.texts.iter().map(|&(file, _)| old.sources.lend_text(file)).collect();
    let new_texts: Vec<String> = new.texts.iter().map(|&(file, _)| new.sources.lend_text(file)).collect();
    let size = |texts: &[String]| texts.iter().map(|text| text.len() as u64).sum();
    let (old_size, new_size) = (size(&old_texts), size(&new_texts));
    // For each new text file, the old file with the same text, if any: it is
    // not parsed again.
    let twins = twins(&old_texts, &new_texts);
    let mut jobs: Vec<Job> = old_texts
        .into_iter()
        .zip(&old.texts)
        .map(|(text, &(file, _))| Job::new(JobText::Lent(text), file, old_release, 0))
        .collect();
    // For each new text file: its own job, or the old job it shares, with its
    // text held until that job tells whether the file parsed cleanly.
    let mut new_jobs = Vec::with_capacity(new_texts.len());
    for (text, &(file, _)) in new_texts.into_iter().zip(&new.texts) {
        match twins[new_jobs.len()] {
            Some(twin) => {
                // The old side's job builds the new side's entities too.
                jobs[twin].twins.push((file, 1));
                new_jobs.push(Err((twin, text, file)));
            }
            None => {
                new_jobs.push(Ok(jobs.len()));
                jobs.push(Job::new(JobText::Lent(text), file, new_release, 1));
            }
        }
    }
    let building = [validate::Building::new(old_size), validate::Building::new(new_size)];
    let mut parsed: Vec<Option<Parsed>> = parse_all(jobs, reference, &building).into_iter().map(Some).collect();
    let old_count = old.texts.len();
    let mut new_results = Vec::with_capacity(new_jobs.len());
    let mut again = Vec::new();
    let mut shared_texts = Vec::new();
    for (index, job) in new_jobs.into_iter().enumerate() {
        let result = match job {
            Ok(own) => parsed[own].take().map(|own| own.returned(&mut new.sources)),
            Err((twin, text, file)) => match parsed[twin].as_mut().and_then(|twin| twin.take_twin(file)) {
                Some(part) => {
                    shared_texts.push((file, text));
                    Some(Ok((part, Bounded::new())))
                }
                // A shared file with problems is parsed again, for the new
                // side's file ids.
                None => {
                    again.push((index, Job::new(JobText::Lent(text), file, new_release, 1)));
                    None
                }
            },
        };
        new_results.push(result);
    }
    // A shared file's text goes back to the new side let go (its hash and
    // where its multi-byte characters are, one pass over it) on every core:
    // about 0.05 s of a national model on one thread.
    for (file, text) in crate::par::map_owned(shared_texts, |(file, text)| (file, lent(text, new_release))) {
        new.sources.give_back(file, text);
    }
    let (indices, again): (Vec<usize>, Vec<Job>) = again.into_iter().unzip();
    for (index, parsed) in indices.into_iter().zip(parse_all(again, reference, &building)) {
        new_results[index] = Some(parsed.returned(&mut new.sources));
    }
    let old_results: Vec<BuiltFile> =
        parsed.drain(..old_count).flatten().map(|parsed| parsed.returned(&mut old.sources)).collect();
    let new_results: Vec<BuiltFile> = new_results.into_iter().flatten().collect();
    let elapsed = started.elapsed();
    old_timings.record("parse", elapsed);
    new_timings.record("parse", elapsed);
    // Both sides at once, one on each core: each side's assembling
    // (checking what its files took on trust, sorting its maps) is one
    // thread's work, about 0.1 s per side of a national model. In session
    // 14 that raised `diff`'s peak (722–736 MB against 720–721 MB), which
    // was then at the end of loading; it has been in the analysis since.
    let [old_building, new_building] = building;
    crate::par::join(
        || finish(old, old_results, old_building, reference, old_timings, Validation::Fast),
        || finish(new, new_results, new_building, reference, new_timings, Validation::Fast),
    )
}

/// For each of `new`, a text of `old` that is the same, if any: the one in
/// the same place when it is, as it is for every file a change leaves alone,
/// and otherwise the first of the same length that is. Either has the same
/// raw values, so which one a new file shares decides nothing but the work.
///
/// Comparing in place first spares hashing every text of both sides (21 ms
/// of a national model on two cores; 8–10 ms this way, issue 19): a text is
/// compared only with those of its length, and two texts that differ most
/// often differ in length or early on.
fn twins(old: &[String], new: &[String]) -> Vec<Option<usize>> {
    // Each length's texts in their order, so the first with a text is found first.
    let mut by_length: HashMap<usize, Vec<usize>, foldhash::fast::RandomState> = HashMap::default();
    for (index, text) in old.iter().enumerate() {
        by_length.entry(text.len()).or_default().push(index);
    }
    let indexed: Vec<(usize, &String)> = new.iter().enumerate().collect();
    crate::par::map(&indexed, |&(place, text)| {
        if old.get(place) == Some(text) {
            return Some(place);
        }
        let candidates = by_length.get(&text.len())?;
        candidates.iter().copied().find(|&index| old.get(index) == Some(text))
    })
}

/// Parses model texts into the loader's raw types on this one thread, and does
/// nothing else; returns how many failed to parse.
///
/// This is the floor the scale benchmark (`benches/scale.rs`) measures `check`
/// against: the bare cost of turning the YAML into spanned values. It is not
/// part of the API.
#[doc(hidden)]
pub fn parse_only(texts: &[String]) -> usize {
    let mut sources = SourceMap::new();
    let file = sources.add(PathBuf::from("parse-only.yaml"), String::new());
    texts.iter().filter(|text| parse_model_file(text, file).is_err()).count()
}

/// A model file read into raw types: what could be read, and every problem
/// met; or the one problem that made the file unreadable as YAML.
type ParsedFile = Result<(Arc<raw::RawFile>, Bounded), Box<Diagnostic>>;

/// A model file parsed and built on the fast path ([`validate::build_part`]):
/// its entities, and every problem parsing met; or the one problem that made
/// the file unreadable.
type BuiltFile = Result<(validate::Part, Bounded), Box<Diagnostic>>;

/// Parses one model file and builds its entities for `file` into
/// `building[into]`, and for each of `twins` (the same text on the other side
/// of a `diff`, built only if the file parsed with no problem) into its
/// side's; then lets the raw values go.
///
/// A twin with the same file id on its side (the same place in its side's
/// files, as when a change leaves the files' names alone) would be built
/// into exactly the same entities: it is given those very entities, built
/// once, so that the two sides' models share them (`diff`'s memory and time,
/// issue 19). A twin elsewhere in its side is built for its own file id.
fn parse_and_build(
    text: &str,
    (file, into): (FileId, usize),
    twins: &[(FileId, usize)],
    reference: &Reference,
    building: &[validate::Building],
) -> (BuiltFile, Vec<(FileId, validate::Part)>) {
    // `into` is 0 or 1, set by the loader for the sides it builds.
    let build = |raw: &raw::RawFile, file, into: usize, also: Option<usize>| {
        validate::build_part(raw, file, text, reference, (&building[into], also.map(|side| &building[side])))
    };
    match parse_model_file(text, file) {
        Ok((raw, problems)) if !problems.is_empty() => (Ok((build(&raw, file, into, None), problems)), Vec::new()),
        Ok((raw, problems)) => {
            // A file has one twin at most in the same place: the other
            // side's file with its id.
            let same = twins.iter().find(|&&(twin, _)| twin == file);
            let part = build(&raw, file, into, same.map(|&(_, side)| side));
            let built = twins
                .iter()
                .map(|&(twin, side)| match twin == file {
                    true => (twin, part.clone()),
                    false => (twin, build(&raw, twin, side, None)),
                })
                .collect();
            (Ok((part, problems)), built)
        }
        Err(diagnostic) => (Err(diagnostic), Vec::new()),
    }
}

/// Reads one model file: its YAML into a spanned tree, then the tree into raw
/// types, field by field, so that every problem in the file is found.
fn parse_model_file(text: &str, file: FileId) -> ParsedFile {
    let tree = yaml::parse(text, file)?;
    let mut cx = raw::Cx::new(file);
    let raw = raw::read_file(tree.root(), &mut cx);
    Ok((Arc::new(raw), cx.diagnostics))
}

/// The JSON Schema of a model file (draft-07), generated from the types the
/// loader reads; `ansvar schema` prints it.
pub fn schema() -> serde_json::Value {
    raw::schema()
}

/// The content of one model file as read from disk.
enum Input {
    /// UTF-8 text, to be parsed.
    Text(String),
    /// Bytes that are not UTF-8. The file is not parsed, but a lossy copy of its
    /// text goes into the source map so the diagnostic can show the line with the
    /// bad byte.
    NotUtf8 {
        /// The text with each invalid sequence replaced by U+FFFD.
        lossy: String,
        /// Byte offset of the first invalid byte; the same in the lossy text,
        /// because everything before it is valid and copied unchanged.
        offset: usize,
    },
    /// A file that could not be read (or is too large to read), with the reason.
    Unreadable(Box<Diagnostic>),
    /// A file listed and not read yet ([`read_path`]): it is read on the
    /// thread that parses it.
    Unread {
        /// Its size when listed (0 if unknown): bigger files are parsed first.
        size: u64,
    },
}

/// Every file in the source map's form ([`Ready`]), on every core: a text
/// with its line table drawn up, and with `read` set, a file listed and not
/// read yet read first, on the same thread, so that the table is drawn up
/// while the text is fresh in the cache. Both sides of a `diff` are read
/// this way, before any file is parsed (their texts are compared first);
/// a `check` reads each file on the thread that parses it.
fn ready_all(inputs: Vec<(PathBuf, Input)>, read: bool) -> Vec<(PathBuf, Ready)> {
    let has_work = |input: &Input| matches!(input, Input::Text(_)) || (read && matches!(input, Input::Unread { .. }));
    if !inputs.iter().any(|(_, input)| has_work(input)) {
        return inputs.into_iter().map(|(path, input)| (path, Ready::Input(input))).collect();
    }
    // Most of reading is the kernel copying the text and the check that
    // it is UTF-8, and of a line table one pass over the text: about
    // 0.15 s and 0.1 s per side of a national model on one thread, and
    // about a fifth less in one pass than in two (issue 19).
    crate::par::map_owned(inputs, |(path, input)| {
        let input = match input {
            Input::Unread { .. } if read => read_file(&path).unwrap_or_else(Input::Unreadable),
            input => input,
        };
        match input {
            Input::Text(text) => (path.clone(), Ready::File(crate::source::SourceFile::read(path, text, false))),
            input => (path, Ready::Input(input)),
        }
    })
}

/// A file of the model after reading: its text is in the source map (or it is
/// still to be read), and it is still to be parsed, or it could not be read.
enum Added {
    /// UTF-8 text, or a file still to be read, to be parsed.
    Text(FileId),
    /// Not UTF-8: in the source map for the diagnostic, but not parsed.
    NotUtf8(FileId, usize),
    /// Not readable.
    Unreadable(Box<Diagnostic>),
}

/// A file as [`prepare`] takes it: in the source map's form already (a text
/// read, with its line table), or as read.
enum Ready {
    /// A text with its line table.
    File(crate::source::SourceFile),
    /// Anything else, added as it is.
    Input(Input),
}

/// A model's files in its source map, in path order, before parsing.
struct Prepared {
    sources: SourceMap,
    /// Each file as shown, and what became of it.
    added: Vec<(String, Added)>,
    /// The files to parse, in order; for a file still to be read, its path
    /// and size (its place in the source map holds an empty text till then).
    texts: Vec<(FileId, Option<(PathBuf, u64)>)>,
}

/// A model file's path as its diagnostics name it, with `/` separators.
fn shown(path: &Path) -> String {
    path.display().to_string().replace('\\', "/")
}

/// The model's files ([`ready_all`]) added to a source map in path order;
/// a file still to be read gets its line table on the thread that reads it.
fn prepare(mut inputs: Vec<(PathBuf, Ready)>) -> Prepared {
    inputs.sort_by(|a, b| a.0.cmp(&b.0));
    let mut sources = SourceMap::new();
    let mut added = Vec::with_capacity(inputs.len());
    let mut texts = Vec::with_capacity(inputs.len());
    for (path, input) in inputs {
        let shown = shown(&path);
        let input = match input {
            Ready::File(made) => {
                let file = sources.add_file(made);
                texts.push((file, None));
                added.push((shown, Added::Text(file)));
                continue;
            }
            Ready::Input(input) => input,
        };
        let entry = match input {
            Input::Text(text) => {
                let file = sources.add(path, text);
                texts.push((file, None));
                Added::Text(file)
            }
            Input::Unread { size } => {
                let file = sources.add(path.clone(), String::new());
                texts.push((file, Some((path, size))));
                Added::Text(file)
            }
            Input::NotUtf8 { lossy, offset } => Added::NotUtf8(sources.add(path, lossy), offset),
            Input::Unreadable(diagnostic) => Added::Unreadable(diagnostic),
        };
        added.push((shown, entry));
    }
    Prepared { sources, added, texts }
}

/// Validates a prepared model given one parse result per text file, in order:
/// assembles the files' parts, or, if what they took on trust does not hold
/// (the model has errors), parses the files again and validates them the
/// full way ([`validate::validate`]) for the diagnostics.
fn finish(
    prepared: Prepared,
    results: Vec<BuiltFile>,
    building: validate::Building,
    reference: &Reference,
    mut timings: Timings,
    how: Validation,
) -> Result<Loaded, Invalid> {
    let Prepared { mut sources, added, .. } = prepared;
    let mut results = results.into_iter();
    let mut diagnostics = Bounded::new();
    // Problems that stopped a whole file: the root causes of any "unknown"
    // reference to an id the file defines, so they are shown first.
    let mut whole_files = Vec::new();
    let mut built = Vec::new();
    // Files whose entities are missing from the model, so that a reference to an
    // id they may define can say so instead of only "unknown".
    let mut skipped = Vec::new();
    for (shown, entry) in added {
        match entry {
            Added::Text(file) => match results.next() {
                Some(Ok((part, problems))) => {
                    diagnostics.append(problems);
                    built.push((file, shown, part));
                }
                Some(Err(diagnostic)) => {
                    whole_files.push(*diagnostic);
                    skipped.push(shown);
                }
                // One result per text file: not reached.
                None => skipped.push(shown),
            },
            Added::NotUtf8(file, offset) => {
                whole_files.push(not_utf8(&shown, file, sources.file(file).text(), offset));
                skipped.push(shown);
            }
            Added::Unreadable(diagnostic) => {
                whole_files.push(*diagnostic);
                skipped.push(shown);
            }
        }
    }
    let (model, problems) = timings.time("validate", || {
        let (files, parts): (Vec<(FileId, String)>, Vec<validate::Part>) =
            built.into_iter().map(|(file, shown, part)| ((file, shown), part)).unzip();
        let assembled = match how {
            Validation::Fast => validate::assemble(parts, building),
            Validation::Full => {
                drop((parts, building));
                None
            }
        };
        assembled.unwrap_or_else(|| {
            let mut parsed = Vec::with_capacity(files.len());
            for ((file, shown), raw) in files.iter().zip(parse_again(&files, &sources)) {
                match raw {
                    Some(raw) => parsed.push((*file, raw)),
                    None => {
                        whole_files.push(changed_while_read(shown));
                        skipped.push(shown.clone());
                    }
                }
            }
            validate::validate(parsed, &sources, reference, &skipped)
        })
    });
    diagnostics.append(problems);
    // Past a thousand errors in a file the rest were only counted; the count
    // goes with the file, for the renderer's `… and N more errors` line.
    let (diagnostics, left_out) = diagnostics.into_parts();
    for (file, count) in left_out {
        sources.count_left_out(file, count);
    }
    let (errors, warnings): (Vec<_>, Vec<_>) =
        diagnostics.into_iter().partition(|d| d.level == crate::diag::Level::Error);
    if errors.is_empty() && whole_files.is_empty() {
        let warnings = once_each(warnings, &sources);
        Ok(Loaded { model, sources, warnings, timings })
    } else {
        let mut diagnostics = errors;
        diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        whole_files.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        whole_files.append(&mut diagnostics);
        Err(Invalid { sources, diagnostics: whole_files })
    }
}

/// The raw values of `files` parsed again from their texts in `sources`
/// (read again if the loader let them go), for the full validation; `None`
/// for a file that no longer holds the text it was loaded from. Its problems
/// were found the first time, and are not counted again.
fn parse_again(files: &[(FileId, String)], sources: &SourceMap) -> Vec<Option<Arc<raw::RawFile>>> {
    crate::par::map(files, |(file, _)| {
        let text = sources.file(*file).fresh_text()?;
        parse_model_file(text, *file).ok().map(|(raw, _)| raw)
    })
}

/// The error for a file that changed on disk between the loader's first
/// reading and the reading the full validation needed.
fn changed_while_read(shown: &str) -> Diagnostic {
    Diagnostic::error(DiagnosticCode::UnreadableModel, format!("`{shown}` changed while it was being read"))
        .help("run again once the model's files are no longer being written")
}

/// Warnings that say the same thing (`check the status of CH`, written on
/// every party in Switzerland), shown once: the first place, with a note of
/// how many more there are and where the next one is. A national model would
/// otherwise bury its one real warning under hundreds of copies.
fn once_each(warnings: Vec<Diagnostic>, sources: &SourceMap) -> Vec<Diagnostic> {
    let mut kept: Vec<(Diagnostic, Vec<Span>)> = Vec::new();
    let mut first_of: HashMap<(Option<crate::diag::Code>, String), usize> = HashMap::new();
    for warning in warnings {
        let key = (warning.code, warning.message.clone());
        match first_of.get(&key) {
            Some(&index) => kept[index].1.extend(warning.primary.as_ref().map(|label| label.span)),
            None => {
                first_of.insert(key, kept.len());
                kept.push((warning, Vec::new()));
            }
        }
    }
    kept.into_iter()
        .map(|(warning, more)| match more.first() {
            None => warning,
            Some(next) => {
                let place = sources.location(*next);
                let times = if more.len() == 1 { "once more".to_owned() } else { format!("{} more times", more.len()) };
                warning.note(format!("the same applies {times} in the model, next at {place}"))
            }
        })
        .collect()
}

/// One file to parse: its text, whether the text is let go once the file
/// is parsed, which side's model it is built into (an index into the
/// [`validate::Building`]s given to [`parse_all`]), and the other side's files
/// with the same text (`diff`), with their side.
struct Job {
    text: JobText,
    file: FileId,
    release: bool,
    into: usize,
    twins: Vec<(FileId, usize)>,
}

impl Job {
    /// A file to parse and build into side `into`, shared with no file of
    /// the other side yet.
    fn new(text: JobText, file: FileId, release: bool, into: usize) -> Self {
        Job { text, file, release, into, twins: Vec::new() }
    }
}

/// A job's text.
enum JobText {
    /// Lent out of its source map.
    Lent(String),
    /// Still to be read, from `path`; `size` orders the jobs.
    Unread { path: PathBuf, size: u64 },
}

impl JobText {
    /// How big the file is, to parse the biggest first.
    fn size(&self) -> u64 {
        match self {
            JobText::Lent(text) => text.len() as u64,
            JobText::Unread { size, .. } => *size,
        }
    }
}

/// A parsed file, with its text to go back to the source map.
struct Parsed {
    result: BuiltFile,
    /// The entities built for the other side's files with the same text.
    twins: Vec<(FileId, validate::Part)>,
    file: FileId,
    back: Back,
}

/// What a parsed file's source map gets back.
enum Back {
    /// The text lent, kept or let go.
    Lent(Lent),
    /// The file, read on the parsing thread, its text kept or let go.
    Read(SourceFile),
    /// Nothing: the file could not be read; its place keeps an empty text.
    Unreadable,
}

impl Parsed {
    /// The entities built for `twin`, a file of the other side with the same
    /// text; `None` if they were not (the file had problems).
    fn take_twin(&mut self, twin: FileId) -> Option<validate::Part> {
        let at = self.twins.iter().position(|(file, _)| *file == twin)?;
        Some(self.twins.swap_remove(at).1)
    }

    /// The parse result, once the text is back in `sources`.
    fn returned(self, sources: &mut SourceMap) -> BuiltFile {
        match self.back {
            Back::Lent(text) => sources.give_back(self.file, text),
            Back::Read(source) => sources.put(self.file, source),
            Back::Unreadable => {}
        }
        self.result
    }
}

/// A text as it goes back to its source map: let go, or kept.
fn lent(text: String, release: bool) -> Lent {
    if release { Lent::released(text) } else { Lent::kept(text) }
}

/// Parses each job, returning one result per job in the same order.
///
/// Files are independent, so they are parsed on as many threads as the machine
/// has cores. Each thread takes the next file from a shared counter, largest
/// files first so that one big file does not finish alone at the end; results
/// are put back in job order, so the outcome does not depend on the threads.
/// Each file is built on the thread that parsed it, as soon as it is parsed
/// ([`validate::build_part`]), and its raw values let go: the raw values of
/// the whole model are never held at once. A text to let go is let go by
/// that thread too, once its file is built, if it parsed with no problem (a
/// file with problems keeps its text for their snippets), so the texts do
/// not wait for the last file. A file still to be read is read by that
/// thread just before: a thread holds one text at a time, and the memory of
/// one serves the next.
fn parse_all(jobs: Vec<Job>, reference: &Reference, building: &[validate::Building]) -> Vec<Parsed> {
    let mut jobs: Vec<(usize, Job)> = jobs.into_iter().enumerate().collect();
    jobs.sort_by_key(|(_, job)| std::cmp::Reverse(job.text.size()));
    let order: Vec<usize> = jobs.iter().map(|(index, _)| *index).collect();
    let parsed = crate::par::map_owned(jobs, |(_, Job { text, file, release, into, twins })| {
        let clean = |result: &BuiltFile| matches!(result, Ok((_, problems)) if problems.is_empty());
        match text {
            JobText::Lent(text) => {
                let (result, twins) = parse_and_build(&text, (file, into), &twins, reference, building);
                let release = release && clean(&result);
                Parsed { result, twins, file, back: Back::Lent(lent(text, release)) }
            }
            JobText::Unread { path, .. } => match files::read_text(&path) {
                Ok(files::Text::Utf8(text)) => {
                    let (result, twins) = parse_and_build(&text, (file, into), &twins, reference, building);
                    let release = release && clean(&result);
                    Parsed { result, twins, file, back: Back::Read(SourceFile::read(path, text, release)) }
                }
                // As `finish` reports a file found not UTF-8 when it was read
                // (`Added::NotUtf8`): its lossy text stays for the snippet.
                Ok(files::Text::NotUtf8 { lossy, offset }) => {
                    let shown = shown(&path);
                    let result = Err(Box::new(not_utf8(&shown, file, &lossy, offset)));
                    Parsed { result, twins: Vec::new(), file, back: Back::Read(SourceFile::read(path, lossy, false)) }
                }
                Err(error) => {
                    let result = Err(Box::new(read_error_diagnostic(&path, &error)));
                    Parsed { result, twins: Vec::new(), file, back: Back::Unreadable }
                }
            },
        }
    });
    let mut results: Vec<(usize, Parsed)> = order.into_iter().zip(parsed).collect();
    results.sort_unstable_by_key(|(index, _)| *index);
    results.into_iter().map(|(_, parsed)| parsed).collect()
}

/// The `.yaml`/`.yml` entries of a model directory, sorted, or the one file
/// `path` names, each with its size (0 if unknown). Every entry with a model
/// file's name is listed, whatever it is: one that is not a readable regular
/// file (a dangling link, a FIFO, a link out of the directory) is refused when
/// it is read, never skipped.
fn model_files(path: &Path) -> Result<Vec<(PathBuf, u64)>, Box<Diagnostic>> {
    let metadata = std::fs::metadata(path).map_err(|error| {
        Diagnostic::error(DiagnosticCode::UnreadableModel, format!("cannot read `{}`: {error}", path.display()))
    })?;
    if !metadata.is_dir() {
        return Ok(vec![(path.to_path_buf(), metadata.len())]);
    }
    let entries = std::fs::read_dir(path).map_err(|error| {
        Diagnostic::error(DiagnosticCode::UnreadableModel, format!("cannot list `{}`: {error}", path.display()))
    })?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|error| {
            Diagnostic::error(DiagnosticCode::UnreadableModel, format!("cannot list `{}`: {error}", path.display()))
        })?;
        let file = entry.path();
        if !file.extension().is_some_and(|ext| ext == "yaml" || ext == "yml") {
            continue;
        }
        // A directory named `x.yaml`, or a link to one, is not a model file.
        // The size (through links) only orders the parsing; reading checks
        // the file again.
        let metadata = std::fs::metadata(&file).ok();
        if !metadata.as_ref().is_some_and(std::fs::Metadata::is_dir) {
            files.push((file, metadata.map_or(0, |metadata| metadata.len())));
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(Box::new(
            Diagnostic::error(DiagnosticCode::EmptyModel, format!("`{}` has no .yaml files", path.display())).help(
                "a model is a directory of .yaml files with `parties`, `data`, `systems`, `processing` and `agreements` sections",
            ),
        ));
    }
    Ok(files)
}

/// The diagnostic for a file that is not UTF-8, at its first bad byte.
pub(crate) fn not_utf8(shown: &str, file: FileId, lossy: &str, offset: usize) -> Diagnostic {
    let end = offset + lossy.get(offset..).and_then(|rest| rest.chars().next()).map_or(0, char::len_utf8);
    Diagnostic::error(DiagnosticCode::NotUtf8, format!("`{shown}` is not UTF-8"))
        .at(Span::new(file, offset..end), "this byte is not UTF-8")
        .help("save the file as UTF-8; ansvar reads UTF-8 only")
}

fn read_file(path: &Path) -> Result<Input, Box<Diagnostic>> {
    match files::read_text(path) {
        Ok(files::Text::Utf8(text)) => Ok(Input::Text(text)),
        Ok(files::Text::NotUtf8 { lossy, offset }) => Ok(Input::NotUtf8 { lossy, offset }),
        Err(error) => Err(Box::new(read_error_diagnostic(path, &error))),
    }
}

/// The diagnostic for a file that was not read: `file-too-large` for one over
/// the limit, `unreadable-model` for every other reason.
pub(crate) fn read_error_diagnostic(path: &Path, error: &files::ReadError) -> Diagnostic {
    match error {
        files::ReadError::TooLarge { .. } => {
            Diagnostic::error(DiagnosticCode::FileTooLarge, format!("`{}` {error}", path.display()))
                .help("split the model over several files")
        }
        files::ReadError::LinkLeaves { .. } => {
            Diagnostic::error(DiagnosticCode::UnreadableModel, format!("`{}` {error}", path.display()))
                .help("copy the file into the model directory, or name its real path")
        }
        files::ReadError::Io(io) => {
            Diagnostic::error(DiagnosticCode::UnreadableModel, format!("cannot read `{}`: {io}", path.display()))
        }
        _ => Diagnostic::error(DiagnosticCode::UnreadableModel, format!("`{}` {error}", path.display())),
    }
}

/// How many events alias replays may add to one file in total. A hand-written
/// model uses an anchor a few times at most; the YAML "billion laughs" attack
/// needs millions of replays, and is refused after this many.
pub const MAX_ALIAS_REPLAY_EVENTS: usize = 100_000;

/// Parses YAML text into `T` with the loader's safety options.
pub fn parse_yaml<T: DeserializeOwned>(text: &str, file: FileId) -> Result<T, Box<Diagnostic>> {
    let options = serde_saphyr::options! {
        strict_booleans: true,
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::Error,
        budget: serde_saphyr::budget! {
            max_nodes: 100_000_000,
            max_events: 400_000_000,
            max_depth: MAX_DEPTH,
            // serde-saphyr's default is 64 MiB of scalar text per file; the
            // documented limit is the file size.
            max_total_scalar_bytes: usize::try_from(MAX_FILE_BYTES).unwrap_or(usize::MAX),
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: MAX_ALIAS_REPLAY_EVENTS,
        },
        with_snippet: false,
    };
    serde_saphyr::from_str_with_options(text, options).map_err(|error| Box::new(yaml_diagnostic(&error, text, file)))
}

fn yaml_diagnostic(error: &serde_saphyr::Error, text: &str, file: FileId) -> Diagnostic {
    use serde_saphyr::Error;
    use serde_saphyr::budget::BudgetBreach;

    // An error met while replaying an alias is wrapped with where the alias is
    // used and where its anchor is defined; both are worth showing.
    let mut inner = error;
    let mut alias = None;
    loop {
        match inner {
            Error::AliasError { error, locations, .. } => {
                alias.get_or_insert(*locations);
                inner = error;
            }
            Error::WithSnippet { error, .. } => inner = error,
            _ => break,
        }
    }

    let mut help = None;
    let mut note = None;
    let alias_note = || {
        format!(
            "ansvar limits how far anchors and aliases (`&name`, `*name`) may expand, against \
             \"billion laughs\" files: at most {MAX_ALIAS_REPLAY_EVENTS} replayed YAML events per file"
        )
    };
    let message = match inner {
        // serde-saphyr names parser events; say what the model needed instead.
        Error::Unexpected { expected: "sequence start", .. } => "expected a list here".to_owned(),
        Error::Unexpected { expected: "mapping start", .. } => {
            "expected a mapping (`key: value` entries) here".to_owned()
        }
        Error::Unexpected { expected: "string scalar", .. } => {
            "expected a single value here, not a list or a mapping".to_owned()
        }
        Error::InvalidScalar { ty: "u8", .. } => "expected a whole number from 0 to 255".to_owned(),
        Error::InvalidScalar { ty: "u32", .. } => format!("expected a whole number from 0 to {}", u32::MAX),
        Error::InvalidScalar { ty: "u64", .. } => format!("expected a whole number from 0 to {}", u64::MAX),
        Error::InvalidBooleanStrict { .. } => {
            help = Some("write `true` or `false`: `yes`, `no`, `on` and `off` are not booleans in ansvar models");
            "expected `true` or `false`".to_owned()
        }
        Error::SerdeUnknownField { field, expected, .. } => {
            let message = format!("unknown field `{field}`");
            let mut diagnostic =
                located(Diagnostic::error(DiagnosticCode::UnknownField, message), error, alias, text, file);
            if let Some(label) = &mut diagnostic.primary {
                label.message = format!("expected one of: {}", expected.join(", "));
            }
            if let Some(suggestion) = crate::suggest::did_you_mean(field, expected.iter().copied()) {
                diagnostic = diagnostic.help(format!("did you mean `{suggestion}`?"));
            }
            return diagnostic;
        }
        Error::DuplicateMappingKey { key, .. } => {
            help = Some("each key may appear once in a mapping");
            match key {
                Some(key) => format!("duplicate key `{key}`"),
                None => "duplicate key".to_owned(),
            }
        }
        Error::MultipleDocuments { .. } => {
            help = Some("put each document (the parts between `---` lines) in a file of its own");
            "a model file holds one YAML document, this one holds several".to_owned()
        }
        Error::Budget { breach: BudgetBreach::Depth { .. }, .. } => {
            note = Some(format!("ansvar refuses YAML nested deeper than {MAX_DEPTH} levels"));
            format!("YAML nested deeper than {MAX_DEPTH} levels")
        }
        Error::Budget {
            breach:
                BudgetBreach::Aliases { .. }
                | BudgetBreach::AliasAnchorRatio { .. }
                | BudgetBreach::RecordedAnchorEvents { .. }
                | BudgetBreach::RecordedAnchorBytes { .. },
            ..
        }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. } => {
            note = Some(alias_note());
            help = Some("write the repeated entries out instead of repeating an alias");
            "YAML aliases expand too far".to_owned()
        }
        Error::Budget { breach, .. } => {
            note = Some(format!("the file exceeds ansvar's limits for YAML ({breach:?})"));
            "YAML file too large to load".to_owned()
        }
        other => {
            // The message of any other error, without the position serde-saphyr
            // appends: the snippet shows it.
            use serde_saphyr::MessageFormatter;
            serde_saphyr::DefaultMessageFormatter.format_message(other).into_owned()
        }
    };
    let mut diagnostic = located(Diagnostic::error(DiagnosticCode::Yaml, message), error, alias, text, file);
    if matches!(inner, Error::Budget { .. })
        && let Some(label) = &mut diagnostic.primary
    {
        // A budget error's span can cover a whole 200 MB scalar: point at its start.
        label.span = label.span.cut_to(1);
    }
    if let Some(help) = help {
        diagnostic = diagnostic.help(help);
    }
    if let Some(note) = note {
        diagnostic = diagnostic.note(note);
    }
    diagnostic
}

/// Points a YAML diagnostic at the error's position; for an error inside an
/// alias's replay, at the alias, with the anchor's definition as context.
fn located(
    diagnostic: Diagnostic,
    error: &serde_saphyr::Error,
    alias: Option<serde_saphyr::Locations>,
    text: &str,
    file: FileId,
) -> Diagnostic {
    if let Some(alias) = alias {
        let used = span_of(file, &alias.reference_location, text);
        let defined = span_of(file, &alias.defined_location, text);
        if used != defined {
            return diagnostic.at(used, "alias used here").also(defined, "anchor defined here");
        }
    }
    match error.location() {
        Some(location) => diagnostic.at(span_of(file, &location, text), ""),
        None => diagnostic,
    }
}

/// The byte span of a serde-saphyr location in `text`.
pub fn span_of(file: FileId, location: &serde_saphyr::Location, text: &str) -> Span {
    let span = location.span();
    let start = match span.byte_offset() {
        Some(offset) => usize::try_from(offset).unwrap_or(text.len()),
        // No byte information: fall back to line and column.
        None => byte_offset_of(text, location.line(), location.column()),
    };
    let len = span.byte_len().and_then(|l| usize::try_from(l).ok()).unwrap_or(0);
    let start = start.min(text.len());
    Span::new(file, start..(start + len).min(text.len()))
}

pub(crate) fn byte_offset_of(text: &str, line: u64, column: u64) -> usize {
    let mut offset = 0;
    for (index, line_text) in text.split_inclusive('\n').enumerate() {
        if index as u64 + 1 == line {
            let column = usize::try_from(column.saturating_sub(1)).unwrap_or(0);
            return offset + line_text.char_indices().nth(column).map(|(i, _)| i).unwrap_or(line_text.len());
        }
        offset += line_text.len();
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PartyId;

    fn party(id: &str, country: &str) -> String {
        format!("  - id: {id}\n    name: {id}\n    kind: tech_vendor\n    country: {country}\n")
    }

    #[test]
    fn a_model_of_more_files_than_a_span_can_name_is_refused_with_the_limit() {
        let files = |count: usize| {
            (0..count).map(|i| (PathBuf::from(format!("{i}.yaml")), Input::Unread { size: 0 })).collect()
        };
        assert!(within_file_limit(files(crate::source::MAX_FILES)).is_ok());
        let Err(diagnostic) = within_file_limit(files(crate::source::MAX_FILES + 1)) else {
            panic!("one file more than the limit is refused");
        };
        assert_eq!(diagnostic.code, Some(crate::diag::Code::Model(DiagnosticCode::TooManyFiles)));
        assert!(
            diagnostic.message.contains("65536 files") && diagnostic.message.contains("at most 65535"),
            "{}",
            diagnostic.message
        );
    }

    #[test]
    fn a_new_text_is_twinned_with_the_old_file_in_its_place_or_the_first_of_its_text() {
        let texts = |list: &[&str]| list.iter().map(|t| t.to_string()).collect::<Vec<String>>();
        let old = texts(&["a: 1\n", "b: 2\n", "a: 1\n", ""]);
        let new = texts(&["b: 2\n", "a: 1\n", "a: 1\n", "", "a: 1", "c: 3\n"]);
        assert_eq!(twins(&old, &new), [Some(1), Some(0), Some(2), Some(3), None, None]);
        assert_eq!(twins(&[], &new), [None; 6]);
    }

    #[test]
    fn a_warning_repeated_across_the_model_is_shown_once_with_a_count() {
        let one = format!("parties:\n{}{}", party("vendor-a", "CH"), party("vendor-b", "CH"));
        let two = format!("parties:\n{}", party("vendor-c", "CH"));
        let texts = vec![(PathBuf::from("a.yaml"), one), (PathBuf::from("b.yaml"), two)];
        let loaded = match load_texts(texts, &Reference::builtin()) {
            Ok(loaded) => loaded,
            Err(invalid) => panic!("{:?}", invalid.diagnostics),
        };
        let territory: Vec<&Diagnostic> =
            loaded.warnings.iter().filter(|w| w.code == Some(DiagnosticCode::Territory.into())).collect();
        assert_eq!(territory.len(), 1, "{:?}", loaded.warnings);
        let location = territory[0].location(&loaded.sources).map(|at| at.to_string());
        assert_eq!(location.as_deref(), Some("a.yaml:5:14"));
        assert!(
            territory[0].notes.iter().any(|n| n == "the same applies 2 more times in the model, next at a.yaml:9:14"),
            "{:?}",
            territory[0].notes
        );
    }

    #[test]
    fn a_file_that_cannot_be_read_is_reported_before_what_it_causes() {
        // `a.yaml` names a party that `b.yaml` would define, had it parsed: the
        // syntax error comes first, though its file sorts after.
        let system = "systems:\n  - { id: ehr, name: EHR, operator: clinic, location: SE }\n";
        let texts = vec![
            (PathBuf::from("a.yaml"), system.to_owned()),
            (PathBuf::from("b.yaml"), "parties: [ { id: clinic\n".to_owned()),
        ];
        let invalid = load_texts(texts, &Reference::builtin()).unwrap_err();
        let places: Vec<String> =
            invalid.diagnostics.iter().filter_map(|d| d.location(&invalid.sources)).map(|at| at.to_string()).collect();
        assert_eq!(places.len(), 2, "{:?}", invalid.diagnostics);
        assert!(places[0].starts_with("b.yaml") && places[1].starts_with("a.yaml"), "{places:?}");
    }

    /// Every directory under `dir` that holds model files, `dir` included.
    fn model_dirs(dir: &Path, into: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|entry| entry.unwrap().path()).collect();
        entries.sort();
        if entries.iter().any(|path| path.extension().is_some_and(|ext| ext == "yaml" || ext == "yml")) {
            into.push(dir.to_path_buf());
        }
        for entry in entries.iter().filter(|path| path.is_dir()) {
            model_dirs(entry, into);
        }
    }

    /// What a load gives that the user sees: the model and its warnings, or
    /// every diagnostic and the count of problems.
    fn outcome(loaded: &Result<Loaded, Invalid>) -> String {
        match loaded {
            Ok(loaded) => format!("{:#?}\n{:#?}", loaded.model, loaded.warnings),
            Err(invalid) => format!("{:#?}\n{}", invalid.diagnostics, invalid.problems()),
        }
    }

    #[test]
    fn fast_and_full_validation_agree() {
        // Every fixture and bundled model, valid or not: the fast way must
        // give what the full way gives, entity by entity and diagnostic by
        // diagnostic, or fall back to it.
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut dirs = Vec::new();
        model_dirs(&root.join("tests/fixtures"), &mut dirs);
        model_dirs(&root.join("models"), &mut dirs);
        assert!(dirs.len() > 100, "{dirs:?}");
        let reference = Reference::builtin();
        let (mut valid, mut invalid) = (0, 0);
        for dir in dirs {
            let fast = load_read_as(read_path(&dir).releasing_texts(), &reference, Validation::Fast);
            let full = load_read_as(read_path(&dir), &reference, Validation::Full);
            assert_eq!(outcome(&fast), outcome(&full), "{}", dir.display());
            if fast.is_ok() { valid += 1 } else { invalid += 1 }
        }
        assert!(valid > 20 && invalid > 20, "{valid} valid, {invalid} invalid");
    }

    /// The files of `models/1177`, as `(path, text)`.
    fn model_1177() -> Vec<(PathBuf, String)> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("models/1177");
        let mut files: Vec<(PathBuf, String)> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
            .map(|path| (path.clone(), std::fs::read_to_string(&path).unwrap()))
            .collect();
        files.sort();
        files
    }

    /// `text` with its line `at` damaged `how`: left out, written twice, its
    /// value replaced by line `from`'s (a reference to an entity of another
    /// kind, an id defined twice), or swapped with line `from`.
    fn damaged(text: &str, at: usize, from: usize, how: u8) -> String {
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        let (at, from) = (at % lines.len(), from % lines.len());
        let value = |line: &str| line.rsplit_once(": ").map(|(_, value)| value.to_owned());
        match how % 4 {
            0 => drop(lines.remove(at)),
            1 => lines.insert(at, lines[at].clone()),
            2 => {
                if let (Some((key, _)), Some(value)) = (lines[at].rsplit_once(": "), value(&lines[from])) {
                    lines[at] = format!("{key}: {value}");
                }
            }
            _ => lines.swap(at, from),
        }
        lines.join("\n") + "\n"
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(96))]

        /// Damage to the real model that breaks references or ids sends
        /// the fast way to the full one; damage that does not must leave
        /// the fast way's result the full way's.
        #[test]
        fn fast_and_full_validation_agree_on_a_damaged_model(
            file in 0usize..64, at in 0usize..4096, from in 0usize..4096, how in 0u8..4, twice in 0u8..2,
        ) {
            let reference = Reference::builtin();
            let mut texts = model_1177();
            let file = file % texts.len();
            texts[file].1 = damaged(&texts[file].1, at, from, how);
            if twice == 1 {
                let other = (file + 1) % texts.len();
                texts[other].1 = damaged(&texts[other].1, from, at, how + 2);
            }
            let fast = load_read_as(read_texts(texts.clone()), &reference, Validation::Fast);
            let full = load_read_as(read_texts(texts), &reference, Validation::Full);
            proptest::prop_assert_eq!(outcome(&fast), outcome(&full));
        }
    }

    #[test]
    fn a_file_changed_before_the_full_validation_reads_it_again_is_not_parsed() {
        // The full validation parses again the files the fast path let go;
        // a file whose bytes changed since is refused, not read as the model.
        let dir = tempfile::tempdir().unwrap();
        let (kept, changed) = (dir.path().join("a.yaml"), dir.path().join("b.yaml"));
        let text = |id: &str| format!("parties:\n{}", party(id, "SE"));
        let mut sources = SourceMap::new();
        let mut files = Vec::new();
        for (path, id) in [(&kept, "vendor-a"), (&changed, "vendor-b")] {
            std::fs::write(path, text(id)).unwrap();
            let file = sources.add(path.clone(), String::new());
            sources.put(file, SourceFile::read(path.clone(), text(id), true));
            files.push((file, shown(path)));
        }
        std::fs::write(&changed, text("vendor-c")).unwrap();
        let again = parse_again(&files, &sources);
        assert!(again[0].as_ref().is_some_and(|raw| raw.parties.len() == 1), "{again:?}");
        assert!(again[1].is_none(), "{again:?}");
        assert!(changed_while_read(&files[1].1).message.contains("changed while it was being read"));
    }

    /// The model as read up front, every file before any is parsed (what
    /// [`load_pair`] does), against the model read file by file on the
    /// parsing threads (what [`load_read`] does with [`read_path`]).
    fn loaded_both_ways(dir: &Path) -> [Result<Loaded, Invalid>; 2] {
        let reference = Reference::builtin();
        let up_front = read_path(dir);
        let read_all = |inputs: Vec<(PathBuf, Input)>| -> Vec<(PathBuf, Input)> {
            let read = |(path, input): (PathBuf, Input)| match input {
                Input::Unread { .. } => {
                    let input = read_file(&path).unwrap_or_else(Input::Unreadable);
                    (path, input)
                }
                input => (path, input),
            };
            inputs.into_iter().map(read).collect()
        };
        let up_front = Read { inputs: up_front.inputs.map(read_all), ..up_front };
        [load_read(up_front, &reference), load_read(read_path(dir).releasing_texts(), &reference)]
    }

    #[test]
    fn files_read_while_parsing_give_the_same_diagnostics_in_the_same_order() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let model = dir.path().join("m");
        std::fs::create_dir(&model).unwrap();
        std::fs::write(dir.path().join("secret"), "key").unwrap();
        let system = "systems:\n  - { id: ehr, name: EHR, operator: clinic, location: SE }\n";
        std::fs::write(model.join("a.yaml"), system).unwrap();
        symlink("nowhere.yaml", model.join("b.yaml")).unwrap();
        std::fs::write(model.join("c.yaml"), b"parties:\n  - id: x\xff\n").unwrap();
        std::fs::write(model.join("d.yaml"), "parties: [ { id: clinic\n").unwrap();
        symlink(dir.path().join("secret"), model.join("e.yaml")).unwrap();
        std::fs::File::create(model.join("f.yaml")).unwrap().set_len(MAX_FILE_BYTES + 1).unwrap();
        std::fs::write(model.join("g.yaml"), format!("parties:\n{}  - name: no id\n", party("v", "CH"))).unwrap();
        let [up_front, while_parsing] = loaded_both_ways(&model).map(|loaded| {
            let invalid = loaded.unwrap_err();
            crate::diag::render(&invalid.diagnostics, &invalid.sources, crate::diag::Color::Never)
        });
        for needle in ["b.yaml", "not UTF-8", "c.yaml:2:10", "d.yaml", "outside", "file-too-large", "g.yaml"] {
            assert!(while_parsing.contains(needle), "{needle}: {while_parsing}");
        }
        assert_eq!(up_front, while_parsing);
    }

    #[test]
    fn files_read_while_parsing_give_the_same_model_and_warnings() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.yaml"), format!("parties:\n{}", party("vendor-a", "CH"))).unwrap();
        let sormland = "parties:\n  - { id: region, name: Region Sörmland, kind: tech_vendor, country: CH }\n";
        std::fs::write(dir.path().join("b.yaml"), sormland).unwrap();
        let [up_front, while_parsing] = loaded_both_ways(dir.path()).map(|loaded| {
            let loaded = loaded.unwrap_or_else(|invalid| panic!("{:?}", invalid.diagnostics));
            let warnings = crate::diag::render(&loaded.warnings, &loaded.sources, crate::diag::Color::Never);
            (format!("{:?}", loaded.model), warnings, loaded.sources.files().count())
        });
        // The note names the next place, its column counted past the `ö`.
        assert!(up_front.1.contains("b.yaml:2:70"), "{}", up_front.1);
        assert_eq!(up_front, while_parsing);
    }

    /// Loads `old` and `new` as `diff` does, and checks each side against
    /// the same directory loaded alone; returns the pair.
    fn pair_as_alone(old: &Path, new: &Path) -> (Loaded, Loaded) {
        let reference = Reference::builtin();
        let (paired_old, paired_new) = load_pair(read_path(old), read_path(new), &reference);
        let loaded =
            |loaded: Result<Loaded, Invalid>| loaded.unwrap_or_else(|invalid| panic!("{:?}", invalid.diagnostics));
        let (paired_old, paired_new) = (loaded(paired_old), loaded(paired_new));
        for (paired, dir) in [(&paired_old, old), (&paired_new, new)] {
            let alone = loaded(load_read(read_path(dir), &reference));
            // Debug shows every field, the spans' file ids and offsets too.
            assert_eq!(format!("{:?}", paired.model), format!("{:?}", alone.model));
        }
        (paired_old, paired_new)
    }

    #[test]
    fn a_file_both_sides_share_in_the_same_place_gives_both_the_very_same_entities() {
        let dir = tempfile::tempdir().unwrap();
        let (old, new) = (dir.path().join("old"), dir.path().join("new"));
        for side in [&old, &new] {
            std::fs::create_dir(side).unwrap();
            std::fs::write(side.join("a.yaml"), format!("parties:\n{}", party("vendor-a", "SE"))).unwrap();
        }
        std::fs::write(old.join("b.yaml"), format!("parties:\n{}", party("vendor-b", "SE"))).unwrap();
        std::fs::write(new.join("b.yaml"), format!("parties:\n{}", party("vendor-b", "NO"))).unwrap();
        let (old_side, new_side) = pair_as_alone(&old, &new);
        let entity = |side: &Loaded, id: &str| side.model.parties.get(&PartyId::new(id)).map(|p| p as *const _);
        assert!(entity(&old_side, "vendor-a").is_some());
        assert_eq!(entity(&old_side, "vendor-a"), entity(&new_side, "vendor-a"), "shared file, one entity");
        assert_ne!(entity(&old_side, "vendor-b"), entity(&new_side, "vendor-b"), "changed file, its own");

        // A file added before the shared one moves it to another place on
        // the new side: its entities are built for that place, not shared.
        std::fs::write(new.join("0.yaml"), format!("parties:\n{}", party("vendor-0", "SE"))).unwrap();
        let (old_side, new_side) = pair_as_alone(&old, &new);
        assert_ne!(entity(&old_side, "vendor-a"), entity(&new_side, "vendor-a"));
    }

    #[test]
    fn a_warning_given_once_has_no_count() {
        let texts = vec![(PathBuf::from("a.yaml"), format!("parties:\n{}", party("vendor-a", "CH")))];
        let loaded =
            load_texts(texts, &Reference::builtin()).unwrap_or_else(|invalid| panic!("{:?}", invalid.diagnostics));
        assert!(loaded.warnings.iter().all(|w| w.notes.iter().all(|n| !n.starts_with("the same applies"))));
    }
}
