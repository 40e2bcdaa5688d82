//! Loading: a directory of YAML files in, a validated [`Model`] out.
//!
//! Files are read in sorted path order and parsed one by one with `serde-saphyr`
//! (strict booleans, duplicate keys refused, a budget against alias bombs and deep
//! nesting). A file that fails to parse is reported and skipped; the others are
//! still validated, so one run shows every problem. Validation ([`validate`]) turns
//! the raw, spanned types into the domain model and collects every diagnostic.

pub mod git;
mod raw;
mod validate;

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::diag::Diagnostic;
use crate::model::Model;
use crate::reference::Reference;
use crate::source::{FileId, SourceMap, Span};

/// The largest model file `ansvar` reads, in bytes.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;
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
}

/// Why a model could not be loaded.
#[derive(Debug)]
pub struct Invalid {
    /// The files read so far, for rendering the diagnostics.
    pub sources: SourceMap,
    /// Every problem found, errors first, in file and position order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads every `.yaml`/`.yml` file in `dir` (or the single file `dir` names).
pub fn load_path(path: &Path, reference: &Reference) -> Result<Loaded, Invalid> {
    let mut sources = SourceMap::new();
    let mut diagnostics = Vec::new();
    let files = match model_files(path) {
        Ok(files) => files,
        Err(diagnostic) => return Err(Invalid { sources, diagnostics: vec![*diagnostic] }),
    };
    let mut texts = Vec::new();
    for file in files {
        match read_file(&file) {
            Ok(text) => texts.push((file, text)),
            Err(diagnostic) => diagnostics.push(*diagnostic),
        }
    }
    let mut result = load_texts(texts, reference);
    if diagnostics.is_empty() {
        return result;
    }
    match &mut result {
        Ok(loaded) => sources = std::mem::take(&mut loaded.sources),
        Err(invalid) => {
            diagnostics.append(&mut invalid.diagnostics);
            sources = std::mem::take(&mut invalid.sources);
        }
    }
    Err(Invalid { sources, diagnostics })
}

/// Loads a model from `(path, text)` pairs, as if they were files of one directory.
///
/// The pairs are sorted by path first, so the result does not depend on their order.
pub fn load_texts(mut texts: Vec<(PathBuf, String)>, reference: &Reference) -> Result<Loaded, Invalid> {
    texts.sort_by(|a, b| a.0.cmp(&b.0));
    let mut sources = SourceMap::new();
    let mut diagnostics = Vec::new();
    let mut parsed = Vec::new();
    for (path, text) in texts {
        let file = sources.add(path, text);
        match parse_yaml::<raw::RawFile>(sources.file(file).text(), file) {
            Ok(raw) => parsed.push((file, raw)),
            Err(diagnostic) => diagnostics.push(*diagnostic),
        }
    }
    let (model, mut problems) = validate::validate(parsed, &sources, reference);
    diagnostics.append(&mut problems);
    let (errors, warnings): (Vec<_>, Vec<_>) =
        diagnostics.into_iter().partition(|d| d.level == crate::diag::Level::Error);
    if errors.is_empty() {
        Ok(Loaded { model, sources, warnings })
    } else {
        let mut diagnostics = errors;
        diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        Err(Invalid { sources, diagnostics })
    }
}

fn model_files(path: &Path) -> Result<Vec<PathBuf>, Box<Diagnostic>> {
    let metadata = std::fs::metadata(path)
        .map_err(|error| Diagnostic::error("unreadable-model", format!("cannot read `{}`: {error}", path.display())))?;
    if metadata.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let entries = std::fs::read_dir(path)
        .map_err(|error| Diagnostic::error("unreadable-model", format!("cannot list `{}`: {error}", path.display())))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|error| {
            Diagnostic::error("unreadable-model", format!("cannot list `{}`: {error}", path.display()))
        })?;
        let file = entry.path();
        let is_yaml = file.extension().is_some_and(|ext| ext == "yaml" || ext == "yml");
        if is_yaml && file.is_file() {
            files.push(file);
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(Box::new(
            Diagnostic::error("empty-model", format!("`{}` has no .yaml files", path.display())).help(
                "a model is a directory of .yaml files with `parties`, `data`, `systems`, `processing` and `agreements` sections",
            ),
        ));
    }
    Ok(files)
}

fn read_file(path: &Path) -> Result<String, Box<Diagnostic>> {
    let unreadable = |error: std::io::Error| {
        Diagnostic::error("unreadable-model", format!("cannot read `{}`: {error}", path.display()))
    };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_FILE_BYTES {
        return Err(Box::new(
            Diagnostic::error(
                "file-too-large",
                format!("`{}` is {size} bytes; model files are limited to {MAX_FILE_BYTES} bytes", path.display()),
            )
            .help("split the model over several files"),
        ));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    String::from_utf8(bytes).map_err(|error| {
        Box::new(Diagnostic::error(
            "not-utf8",
            format!("`{}` is not UTF-8 (invalid byte at offset {})", path.display(), error.utf8_error().valid_up_to()),
        ))
    })
}

/// Parses YAML text into `T` with the loader's safety options.
pub fn parse_yaml<T: DeserializeOwned>(text: &str, file: FileId) -> Result<T, Box<Diagnostic>> {
    let options = serde_saphyr::options! {
        strict_booleans: true,
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::Error,
        budget: serde_saphyr::budget! {
            max_nodes: 100_000_000,
            max_events: 400_000_000,
            max_depth: MAX_DEPTH,
        },
        with_snippet: false,
    };
    serde_saphyr::from_str_with_options(text, options).map_err(|error| Box::new(yaml_diagnostic(&error, text, file)))
}

fn yaml_diagnostic(error: &serde_saphyr::Error, text: &str, file: FileId) -> Diagnostic {
    let full = error.to_string();
    // serde-saphyr appends the position to its message; we show it in the snippet.
    let message = match full.rsplit_once(" at line ") {
        Some((message, _)) => message.to_owned(),
        None => full.clone(),
    };
    let mut diagnostic = Diagnostic::error("yaml", message.clone());
    if let Some(location) = error.location() {
        let span = span_of(file, &location, text);
        diagnostic = diagnostic.at(span, "");
    }
    if message.contains("invalid boolean") {
        diagnostic =
            diagnostic.help("write `true` or `false`: `yes`, `no`, `on` and `off` are not booleans in ansvar models");
    } else if message.contains("budget breached") || message.contains("recursion limit") {
        diagnostic = diagnostic.note(format!(
            "ansvar refuses YAML nested deeper than {MAX_DEPTH} levels and alias expansion beyond a fixed budget"
        ));
    } else if message.contains("duplicate mapping key") {
        diagnostic.message = message.replace(", set DuplicateKeyPolicy in Options if acceptable", "");
        diagnostic = diagnostic.help("each key may appear once in a mapping");
    }
    diagnostic
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

fn byte_offset_of(text: &str, line: u64, column: u64) -> usize {
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
