//! Writing output files atomically.
//!
//! A report is written to a temporary file in the target's directory (rendered
//! to memory first, or streamed), which is renamed over the target. A run that fails
//! never leaves a half-written file and never touches the previous one.
//!
//! The temporary file is created private (0600); before the rename it is given
//! the permissions of the file it replaces, or, for a new file, 0644 on Unix
//! (what a new file gets under the usual umask), so a report stays readable.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why an output file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The temporary file could not be created or written.
    #[error("cannot write `{path}`: {source}")]
    Io {
        /// The target path.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

/// Writes `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// Writes to `path` atomically whatever `write` writes: a big document can be
/// streamed into the temporary file instead of being held in memory whole. If
/// `write` fails, the temporary file is removed and `path` is left as it was.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), WriteError> {
    let io = |source| WriteError::Io { path: path.to_path_buf(), source };
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    // tempfile's own error names the temporary file, which means nothing to the
    // user; keep only what went wrong.
    let plain = |error: std::io::Error| {
        let message = match error.kind() {
            std::io::ErrorKind::NotFound => format!("the directory `{}` does not exist", dir.display()),
            std::io::ErrorKind::PermissionDenied => format!("no permission to write in `{}`", dir.display()),
            kind => kind.to_string(),
        };
        io(std::io::Error::new(error.kind(), message))
    };
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(plain)?;
    {
        let mut buffered = std::io::BufWriter::with_capacity(1 << 16, temp.as_file_mut());
        write(&mut buffered).and_then(|()| buffered.flush()).map_err(io)?;
    }
    if let Some(permissions) = permissions_for(path) {
        temp.as_file().set_permissions(permissions).map_err(io)?;
    }
    temp.as_file().sync_all().map_err(io)?;
    temp.persist(path).map_err(|error| io(error.error))?;
    Ok(())
}

/// The permissions the written file should have.
fn permissions_for(path: &Path) -> Option<std::fs::Permissions> {
    if let Ok(existing) = std::fs::metadata(path) {
        return Some(existing.permissions());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Some(std::fs::Permissions::from_mode(0o644))
    }
    #[cfg(not(unix))]
    {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.md");
        std::fs::write(&target, "old").unwrap();
        write_atomic(&target, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_stream_that_fails_halfway_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.json");
        std::fs::write(&target, "old").unwrap();
        let result = write_atomic_with(&target, |out| {
            out.write_all(b"{\"half\": ")?;
            Err(std::io::Error::other("the document could not be finished"))
        });
        assert!(matches!(result, Err(WriteError::Io { .. })), "{result:?}");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_readable_and_a_replaced_one_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let fresh = dir.path().join("fresh.html");
        write_atomic(&fresh, b"x").unwrap();
        assert_eq!(std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777, 0o644);
        let kept = dir.path().join("kept.html");
        std::fs::write(&kept, "old").unwrap();
        std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&kept, b"new").unwrap();
        assert_eq!(std::fs::metadata(&kept).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[test]
    fn a_missing_directory_is_an_error_naming_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("no/such/dir/report.md");
        let error = write_atomic(&target, b"x").unwrap_err();
        assert!(error.to_string().contains("no/such/dir/report.md"));
    }
}
