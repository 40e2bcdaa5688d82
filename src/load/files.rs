//! Reading the files `ansvar` is given, with one set of limits for all of them.
//!
//! Model files, `--reference` files and (through [`read_bounded`]) git blobs
//! are read here, and only here, so the same rules hold for every one:
//!
//! - **Regular files only.** A device, FIFO or socket is refused before a byte
//!   is read: the file is opened non-blocking, so a FIFO cannot hang the open,
//!   and its type is checked on the open handle.
//! - **At most [`MAX_FILE_BYTES`].** The size is checked before reading, and the
//!   read itself is bounded, so a file that grows, or lies about its size,
//!   cannot make `ansvar` read more.
//! - **What was read is what the file holds.** A file whose content is not its
//!   size (`/proc/self/environ`, which reports 0 bytes) is refused, so that such
//!   a file's content never reaches a diagnostic.
//! - **Symlinks stay inside their directory.** A symlink is followed only if its
//!   target, fully resolved, lies inside the directory that holds the link
//!   ([`resolve_link`]): a model cannot point `ansvar` at `~/.ssh` or `/proc`.
//!   A dangling or looping link is an error, not skipped.
//!
//! docs/security.md describes the policy for users.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::output::FileKind;
use crate::render::Lang;

/// The largest file `ansvar` reads, in bytes: model files, `--reference` files
/// and git blobs alike.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The path names something that is not a regular file.
    #[error("{}", not_regular(*kind))]
    NotRegular {
        /// What it is: a directory, a FIFO, a character device, ….
        kind: FileKind,
    },
    /// The file is over the size limit.
    #[error("is {size} bytes; model files are limited to {MAX_FILE_BYTES} bytes")]
    TooLarge {
        /// Its size, or a lower bound of it.
        size: u64,
    },
    /// The file's content is not as long as its size says (a `/proc` file).
    #[error(
        "holds more or less than its size of {size} bytes, so it is not a file on disk (a `/proc` or `/sys` file?)"
    )]
    SizeMismatch {
        /// The size the file reported.
        size: u64,
    },
    /// A symlink whose target lies outside the directory that holds it.
    #[error(
        "is a symbolic link to `{target}`, outside `{directory}`; ansvar follows links only within their directory"
    )]
    LinkLeaves {
        /// Where the link leads, resolved.
        target: PathBuf,
        /// The directory the link must stay in.
        directory: PathBuf,
    },
    /// The file could not be opened, resolved or read.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// The text of a file that has been read.
#[derive(Debug)]
pub enum Text {
    /// UTF-8 text.
    Utf8(String),
    /// Bytes that are not UTF-8: a lossy copy, for showing the bad byte's line,
    /// and the byte offset of the first invalid byte (the same in both).
    NotUtf8 {
        /// The text with each invalid sequence replaced by U+FFFD.
        lossy: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
}

impl Text {
    /// Decodes bytes as UTF-8, keeping a lossy copy if they are not.
    pub fn decode(bytes: Vec<u8>) -> Self {
        match String::from_utf8(bytes) {
            Ok(text) => Text::Utf8(text),
            Err(error) => {
                let offset = error.utf8_error().valid_up_to();
                Text::NotUtf8 { lossy: String::from_utf8_lossy(error.as_bytes()).into_owned(), offset }
            }
        }
    }
}

/// Reads a file named by the user or found in a model directory, applying
/// every rule of this module: the link rule, regular files only, the size
/// limit, and a size that matches the content.
pub fn read_text(path: &Path) -> Result<Text, ReadError> {
    let resolved = resolve_link(path)?;
    read_regular(&resolved).map(Text::decode)
}

/// If `path` is a symlink, where it leads, provided that lies inside the
/// directory holding the link; otherwise `path` itself.
///
/// A dangling or looping link is an error (`canonicalize` fails on it).
pub fn resolve_link(path: &Path) -> Result<PathBuf, ReadError> {
    let metadata = std::fs::symlink_metadata(path)?;
    if !metadata.file_type().is_symlink() {
        return Ok(path.to_path_buf());
    }
    let holder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let directory = holder.canonicalize()?;
    let target = path.canonicalize()?;
    if target.starts_with(&directory) { Ok(target) } else { Err(ReadError::LinkLeaves { target, directory }) }
}

/// Why a path that is not a regular file was refused, in the loader's words
/// (English, as every loader diagnostic is): "is a FIFO, not a regular file".
fn not_regular(kind: FileKind) -> String {
    match kind {
        // Its words are "not a regular file" already.
        FileKind::Other => format!("is {}", kind.words(Lang::En)),
        kind => format!("is {}, not a regular file", kind.words(Lang::En)),
    }
}

/// Reads a regular file whole, within the limits. Symlinks in `path` are
/// followed: call [`resolve_link`] first.
pub fn read_regular(path: &Path) -> Result<Vec<u8>, ReadError> {
    // Refuse what is not a regular file before opening it; the open handle is
    // checked again, in case the path changed in between.
    let metadata = std::fs::metadata(path)?;
    if !metadata.is_file() {
        return Err(ReadError::NotRegular { kind: FileKind::of(metadata.file_type()) });
    }
    let file = open_nonblocking(path)?;
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(ReadError::NotRegular { kind: FileKind::of(metadata.file_type()) });
    }
    let size = metadata.len();
    if size > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { size });
    }
    // Read one byte past the size, to see a file that holds more than it says.
    let bytes = read_bounded(file, size, size.saturating_add(1))?;
    if bytes.len() as u64 != size {
        return Err(ReadError::SizeMismatch { size });
    }
    Ok(bytes)
}

/// Reads at most `limit` bytes from `reader`, with room for `expected`.
pub fn read_bounded(reader: impl Read, expected: u64, limit: u64) -> std::io::Result<Vec<u8>> {
    let capacity = usize::try_from(expected.min(MAX_FILE_BYTES)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    reader.take(limit).read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK: opening a FIFO does not wait for a writer. O_NOCTTY: a
    // terminal device never becomes the controlling terminal. Neither changes
    // how a regular file is read.
    std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY).open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn mkfifo(path: &Path) {
        let status = std::process::Command::new("mkfifo").arg(path).status().unwrap();
        assert!(status.success());
    }

    #[test]
    fn a_fifo_is_refused_at_once_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("m.yaml");
        mkfifo(&fifo);
        let error = read_text(&fifo).unwrap_err();
        assert!(matches!(error, ReadError::NotRegular { kind: FileKind::Fifo }), "{error:?}");
    }

    #[test]
    fn a_refusal_names_what_the_path_is_once() {
        let directory = tempfile::tempdir().unwrap();
        let error = read_regular(directory.path()).unwrap_err();
        assert_eq!(error.to_string(), "is a directory, not a regular file");
        // The words of an unknown kind already say "not a regular file".
        assert_eq!(not_regular(FileKind::Other), "is not a regular file");
    }

    #[test]
    fn a_device_is_refused_and_never_read() {
        // /dev/zero is only inspected, never written.
        let error = read_regular(Path::new("/dev/zero")).unwrap_err();
        assert!(matches!(error, ReadError::NotRegular { kind: FileKind::CharDevice }), "{error:?}");
    }

    #[test]
    fn a_proc_file_that_reports_no_size_is_refused() {
        let error = read_regular(Path::new("/proc/self/environ")).unwrap_err();
        assert!(matches!(error, ReadError::SizeMismatch { size: 0 }), "{error:?}");
    }

    #[test]
    fn a_link_out_of_its_directory_is_refused_and_one_inside_is_followed() {
        let dir = tempfile::tempdir().unwrap();
        let model = dir.path().join("m");
        std::fs::create_dir(&model).unwrap();
        std::fs::write(dir.path().join("secret"), "key").unwrap();
        std::fs::write(model.join("real.yaml"), "parties: []\n").unwrap();
        symlink(dir.path().join("secret"), model.join("key.yaml")).unwrap();
        symlink("real.yaml", model.join("alias.yaml")).unwrap();
        assert!(matches!(read_text(&model.join("key.yaml")), Err(ReadError::LinkLeaves { .. })));
        assert!(matches!(read_text(&model.join("alias.yaml")), Ok(Text::Utf8(text)) if text == "parties: []\n"));
    }

    #[test]
    fn dangling_and_looping_links_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        symlink("nowhere.yaml", dir.path().join("dangling.yaml")).unwrap();
        symlink("b.yaml", dir.path().join("a.yaml")).unwrap();
        symlink("a.yaml", dir.path().join("b.yaml")).unwrap();
        assert!(matches!(read_text(&dir.path().join("dangling.yaml")), Err(ReadError::Io(_))));
        assert!(matches!(read_text(&dir.path().join("a.yaml")), Err(ReadError::Io(_))));
    }

    #[test]
    fn a_sparse_file_over_the_limit_is_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.yaml");
        let file = std::fs::File::create(&big).unwrap();
        file.set_len(MAX_FILE_BYTES + 1).unwrap();
        assert!(matches!(read_text(&big), Err(ReadError::TooLarge { size }) if size == MAX_FILE_BYTES + 1));
    }

    #[test]
    fn not_utf8_keeps_the_offset_of_the_bad_byte() {
        let Text::NotUtf8 { offset, .. } = Text::decode(b"ab\xffc".to_vec()) else { panic!("decoded") };
        assert_eq!(offset, 2);
    }
}
