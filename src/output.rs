//! Writing output files (`-o FILE`) atomically and safely.
//!
//! A report is written to a temporary file in the target's directory (rendered
//! to memory first, or streamed), which is renamed over the target. A run that fails
//! never leaves a half-written file and never touches the previous one.
//!
//! What `-o` does with the target, as `cp` would without `-f`:
//!
//! - **Only regular files are written.** A target that exists and is a device,
//!   FIFO, socket or directory is refused: a rename would replace the node
//!   itself (as root, `-o /dev/null` would replace the system's `/dev/null`).
//!   Leave out `-o` to write to stdout, and redirect that.
//! - **A read-only file is refused**, not replaced (a rename would ignore its mode).
//! - **A symlink is written through**: its target is replaced and the link is
//!   kept. A link to a missing file is refused.
//! - **The model's own files are refused**: any file this process has read as
//!   a model or reference file ([`protect`]), and any `.yaml`/`.yml` name in a
//!   model directory it has read ([`protect_directory`]).
//! - **Permissions**: a replaced file keeps its mode; a new one gets
//!   `0666 & !umask`, as `touch` or `cp` would give it. While it is written
//!   the temporary file is private (0600).
//! - **Interrupted runs**: a temporary file is named `.NAME.ansvar-tmp-PID-N`
//!   beside the target. SIGINT and SIGTERM remove every live one before the
//!   process ends by the signal. One left by a process that no longer runs
//!   (after SIGKILL or a power cut) is removed by the next write to the same target.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

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
    /// The target is not a file `ansvar` may replace.
    #[error("will not write `{path}`: {reason}")]
    Refused {
        /// The target path.
        path: PathBuf,
        /// Why.
        reason: Refusal,
    },
}

/// Why `ansvar` will not write to a target. Its words are the messages
/// `refusal-*` of `locales/<lang>/text.ftl` ([`Refusal::words`]); `Display`
/// gives the English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The directory named for `--split` is a symbolic link.
    DirectoryIsLink,
    /// The path named for `--split` is something other than a directory.
    NotADirectory(FileKind),
    /// The directory named for `--split` has files in it.
    DirectoryNotEmpty,
    /// The path names no directory of its own (`/`, `..`).
    NoDirectoryName,
    /// The target is a symbolic link to nothing that can be reached.
    DanglingLink(String),
    /// The target is something other than a regular file.
    NotAFile(FileKind),
    /// The target is read-only.
    ReadOnly,
    /// The target is a file of the model being read.
    ModelFile,
    /// The target would be a YAML file inside the model being read.
    WouldJoinModel,
}

/// What a path names, when it is not what was wanted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A directory.
    Directory,
    /// A named pipe.
    Fifo,
    /// A character device.
    CharDevice,
    /// A block device.
    BlockDevice,
    /// A socket.
    Socket,
    /// A symbolic link.
    Symlink,
    /// Anything else that is not a regular file.
    Other,
}

impl FileKind {
    /// The kind of `file_type`.
    pub fn of(file_type: std::fs::FileType) -> Self {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_dir() {
            FileKind::Directory
        } else if file_type.is_fifo() {
            FileKind::Fifo
        } else if file_type.is_char_device() {
            FileKind::CharDevice
        } else if file_type.is_block_device() {
            FileKind::BlockDevice
        } else if file_type.is_socket() {
            FileKind::Socket
        } else if file_type.is_symlink() {
            FileKind::Symlink
        } else {
            FileKind::Other
        }
    }

    /// What it is, in words, in `lang` ("a FIFO", "en FIFO").
    pub fn words(self, lang: crate::render::Lang) -> String {
        crate::render::cli(self.message(), lang, &[])
    }

    fn message(self) -> &'static str {
        match self {
            FileKind::Directory => "file-kind-directory",
            FileKind::Fifo => "file-kind-fifo",
            FileKind::CharDevice => "file-kind-char-device",
            FileKind::BlockDevice => "file-kind-block-device",
            FileKind::Socket => "file-kind-socket",
            FileKind::Symlink => "file-kind-symlink",
            FileKind::Other => "file-kind-other",
        }
    }
}

impl Refusal {
    /// Why, in words, in `lang`.
    pub fn words(&self, lang: crate::render::Lang) -> String {
        let kind = |kind: FileKind| vec![("kind", kind.words(lang))];
        let (key, args) = match self {
            Refusal::DirectoryIsLink => ("refusal-directory-is-link", Vec::new()),
            Refusal::NotADirectory(k) => ("refusal-not-a-directory", kind(*k)),
            Refusal::DirectoryNotEmpty => ("refusal-directory-not-empty", Vec::new()),
            Refusal::NoDirectoryName => ("refusal-no-directory-name", Vec::new()),
            Refusal::DanglingLink(error) => ("refusal-dangling-link", vec![("error", error.clone())]),
            Refusal::NotAFile(k) => ("refusal-not-a-file", kind(*k)),
            Refusal::ReadOnly => ("refusal-read-only", Vec::new()),
            Refusal::ModelFile => ("refusal-model-file", Vec::new()),
            Refusal::WouldJoinModel => ("refusal-would-join-model", Vec::new()),
        };
        crate::render::cli(key, lang, &args)
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(crate::render::Lang::En))
    }
}

/// Files read as input (canonical paths): never written.
static INPUTS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
/// Model directories read (canonical paths): no `.yaml` written into them.
static MODEL_DIRECTORIES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
/// Temporary files being written: removed on SIGINT and SIGTERM.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
/// Makes temporary names unique within the process.
static COUNTER: AtomicU64 = AtomicU64::new(0);
/// What marks a temporary file of ours, between the target's name and the pid.
const TEMP_MARK: &str = ".ansvar-tmp-";

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Records a file read as input, so that `-o` never overwrites it.
pub fn protect(path: &Path) {
    if let Ok(canonical) = path.canonicalize() {
        lock(&INPUTS).push(canonical);
    }
}

/// Records a model directory, so that `-o` never writes a model file into it
/// (the next run would read the report as part of the model).
pub fn protect_directory(path: &Path) {
    if let Ok(canonical) = path.canonicalize() {
        lock(&MODEL_DIRECTORIES).push(canonical);
    }
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
    let target = checked_target(path)?;
    let dir = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // The OS's own error for the directory names no file; say which.
    let plain = |error: std::io::Error| {
        let message = match error.kind() {
            std::io::ErrorKind::NotFound => format!("the directory `{}` does not exist", dir.display()),
            std::io::ErrorKind::PermissionDenied => format!("no permission to write in `{}`", dir.display()),
            kind => kind.to_string(),
        };
        io(std::io::Error::new(error.kind(), message))
    };
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    sweep_leftovers(&dir, &name);
    let (temp, file, new_mode) = create_temp(&dir, &name).map_err(plain)?;
    let result = (|| {
        let mut file = file;
        {
            let mut buffered = std::io::BufWriter::with_capacity(1 << 16, &mut file);
            write(&mut buffered).and_then(|()| buffered.flush())?;
        }
        if let Some(permissions) = permissions_for(&target, new_mode) {
            file.set_permissions(permissions)?;
        }
        file.sync_all()?;
        std::fs::rename(&temp.0, &target)
    })();
    if result.is_ok() {
        temp.persisted();
    }
    result.map_err(io)
}

/// Writes a directory of files atomically (`report --split DIR`): `write`
/// fills a new temporary directory beside `dir` (`.NAME.ansvar-tmp-PID-N`),
/// which is renamed to `dir` once every file is written. If `write` fails,
/// the temporary directory is removed and `dir` is left as it was; SIGINT and
/// SIGTERM remove it too, and the next split into the same place removes one
/// left by a process that no longer runs.
///
/// `dir` must not exist, or be an empty directory (it is replaced): a
/// directory with anything in it, a file, or a symbolic link is refused, so
/// that nothing a user keeps there is lost or mixed with the pages.
pub fn write_dir_atomic(dir: &Path, write: impl FnOnce(&Path) -> std::io::Result<()>) -> Result<(), WriteError> {
    let io = |source| WriteError::Io { path: dir.to_path_buf(), source };
    let refuse = |reason: Refusal| WriteError::Refused { path: dir.to_path_buf(), reason };
    let existing = match std::fs::symlink_metadata(dir) {
        Ok(metadata) if metadata.file_type().is_symlink() => {
            return Err(refuse(Refusal::DirectoryIsLink));
        }
        Ok(metadata) if !metadata.is_dir() => {
            return Err(refuse(Refusal::NotADirectory(FileKind::of(metadata.file_type()))));
        }
        Ok(_) => {
            if std::fs::read_dir(dir).map_err(io)?.next().is_some() {
                return Err(refuse(Refusal::DirectoryNotEmpty));
            }
            true
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => false,
        Err(error) => return Err(io(error)),
    };
    let Some(name) = dir.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Err(refuse(Refusal::NoDirectoryName));
    };
    let parent = match dir.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    install_signal_cleanup();
    sweep_leftovers(&parent, &name);
    let number = COUNTER.fetch_add(1, Ordering::Relaxed);
    let temp = parent.join(format!(".{name}{TEMP_MARK}{}-{number}", std::process::id()));
    std::fs::create_dir(&temp).map_err(|error| {
        let message = match error.kind() {
            std::io::ErrorKind::NotFound => format!("the directory `{}` does not exist", parent.display()),
            std::io::ErrorKind::PermissionDenied => format!("no permission to write in `{}`", parent.display()),
            kind => kind.to_string(),
        };
        io(std::io::Error::new(error.kind(), message))
    })?;
    lock(&LIVE).push(temp.clone());
    let result = write(&temp).and_then(|()| {
        if existing {
            std::fs::remove_dir(dir)?;
        }
        std::fs::rename(&temp, dir)
    });
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&temp);
    }
    lock(&LIVE).retain(|live| *live != temp);
    result.map_err(io)
}

/// The file to replace for `path`: `path` itself, or the file a symlink at
/// `path` leads to; refused if it is not a regular file, is read-only or is
/// one of the model's files.
fn checked_target(path: &Path) -> Result<PathBuf, WriteError> {
    let refuse = |reason: Refusal| WriteError::Refused { path: path.to_path_buf(), reason };
    let target = match std::fs::symlink_metadata(path) {
        Ok(metadata) if metadata.file_type().is_symlink() => {
            path.canonicalize().map_err(|error| refuse(Refusal::DanglingLink(error.to_string())))?
        }
        _ => path.to_path_buf(),
    };
    match std::fs::metadata(&target) {
        Ok(metadata) if !metadata.is_file() => {
            return Err(refuse(Refusal::NotAFile(FileKind::of(metadata.file_type()))));
        }
        Ok(metadata) => {
            // A file nobody may write (0444) is refused even for root, who
            // could; otherwise, opened for writing without truncating (which
            // changes nothing), a file this user may not write says so.
            let denied = std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .is_err_and(|error| error.kind() == std::io::ErrorKind::PermissionDenied);
            if metadata.permissions().readonly() || denied {
                return Err(refuse(Refusal::ReadOnly));
            }
        }
        Err(_) => {}
    }
    let canonical = canonical_target(&target);
    if lock(&INPUTS).contains(&canonical) {
        return Err(refuse(Refusal::ModelFile));
    }
    let is_yaml = canonical.extension().is_some_and(|ext| ext == "yaml" || ext == "yml");
    if is_yaml && canonical.parent().is_some_and(|dir| lock(&MODEL_DIRECTORIES).iter().any(|m| m == dir)) {
        return Err(refuse(Refusal::WouldJoinModel));
    }
    Ok(target)
}

/// The canonical form of a target that may not exist yet: its directory
/// canonicalised, with its name.
fn canonical_target(target: &Path) -> PathBuf {
    if let Ok(canonical) = target.canonicalize() {
        return canonical;
    }
    match (target.parent(), target.file_name()) {
        (Some(parent), Some(name)) => {
            let parent = if parent.as_os_str().is_empty() { Path::new(".") } else { parent };
            parent.canonicalize().map(|dir| dir.join(name)).unwrap_or_else(|_| target.to_path_buf())
        }
        _ => target.to_path_buf(),
    }
}

/// A temporary file that is removed when dropped, unless it has been renamed.
struct Temp(PathBuf, bool);

impl Temp {
    fn persisted(mut self) {
        self.1 = true;
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if !self.1 {
            let _ = std::fs::remove_file(&self.0);
        }
        lock(&LIVE).retain(|live| *live != self.0);
    }
}

/// Creates `.NAME.ansvar-tmp-PID-N` in `dir`, registered for removal on
/// SIGINT and SIGTERM. Returns it, its handle, and the mode a new file gets
/// under the umask.
fn create_temp(dir: &Path, name: &str) -> std::io::Result<(Temp, std::fs::File, Option<u32>)> {
    install_signal_cleanup();
    let number = COUNTER.fetch_add(1, Ordering::Relaxed);
    let path = dir.join(format!(".{name}{TEMP_MARK}{}-{number}", std::process::id()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // The kernel applies the umask to 0666: that is the mode a new file
        // should have. The file is made private at once, while still empty.
        options.mode(0o666);
    }
    lock(&LIVE).push(path.clone());
    let temp = Temp(path, false);
    let file = options.open(&temp.0)?;
    let new_mode = umasked_mode(&file)?;
    Ok((temp, file, new_mode))
}

#[cfg(unix)]
fn umasked_mode(file: &std::fs::File) -> std::io::Result<Option<u32>> {
    use std::os::unix::fs::PermissionsExt;
    let mode = file.metadata()?.permissions().mode() & 0o777;
    file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    Ok(Some(mode))
}

#[cfg(not(unix))]
fn umasked_mode(_: &std::fs::File) -> std::io::Result<Option<u32>> {
    Ok(None)
}

/// The permissions the written file should have: those of the file it
/// replaces, or the umask's for a new one.
fn permissions_for(target: &Path, new_mode: Option<u32>) -> Option<std::fs::Permissions> {
    if let Ok(existing) = std::fs::metadata(target) {
        return Some(existing.permissions());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        new_mode.map(std::fs::Permissions::from_mode)
    }
    #[cfg(not(unix))]
    {
        let _ = new_mode;
        None
    }
}

/// Removes temporary files for `name` in `dir` left by processes that no
/// longer run (killed with SIGKILL). Only on Linux, where `/proc/PID` says
/// whether a process runs; elsewhere they are left alone.
fn sweep_leftovers(dir: &Path, name: &str) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let prefix = format!(".{name}{TEMP_MARK}");
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else { continue };
        let Some(pid) = rest.split_once('-').and_then(|(pid, _)| pid.parse::<u32>().ok()) else { continue };
        let kind = entry.file_type();
        if pid == std::process::id() || Path::new(&format!("/proc/{pid}")).exists() {
            continue;
        }
        if kind.as_ref().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        } else if kind.is_ok_and(|t| t.is_dir()) {
            // A directory of `report --split`.
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// On the first temporary file, starts a thread that, on SIGINT or SIGTERM,
/// removes every live temporary file and then ends the process by the signal.
fn install_signal_cleanup() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    #[cfg(unix)]
    ONCE.call_once(|| {
        use signal_hook::consts::{SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else { return };
        let _ = std::thread::Builder::new().name("ansvar-signals".into()).spawn(move || {
            if let Some(signal) = signals.forever().next() {
                for path in lock(&LIVE).drain(..) {
                    let _ = if path.is_dir() { std::fs::remove_dir_all(path) } else { std::fs::remove_file(path) };
                }
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        });
    });
    #[cfg(not(unix))]
    ONCE.call_once(|| {});
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
    fn a_replaced_file_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let kept = dir.path().join("kept.html");
        std::fs::write(&kept, "old").unwrap();
        std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&kept, b"new").unwrap();
        assert_eq!(std::fs::metadata(&kept).unwrap().permissions().mode() & 0o777, 0o640);
    }

    #[test]
    fn a_missing_directory_is_an_error_naming_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("no/such/dir/report.md");
        let error = write_atomic(&target, b"x").unwrap_err();
        assert!(error.to_string().contains("no/such/dir/report.md"));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_target_is_refused_and_stays_a_fifo() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("out.html");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let error = write_atomic(&fifo, b"x").unwrap_err();
        assert!(error.to_string().contains("is a FIFO, not a regular file"), "{error}");
        assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    }

    /// B7: `-o /dev/null` (and a link to it) is refused by the check that
    /// runs before any file is made; only the check runs here, so a broken
    /// check cannot replace the real `/dev/null`.
    #[cfg(unix)]
    #[test]
    fn dev_null_and_a_link_to_it_are_refused_before_anything_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("null.html");
        std::os::unix::fs::symlink("/dev/null", &link).unwrap();
        for path in [Path::new("/dev/null"), link.as_path()] {
            let error = checked_target(path).unwrap_err();
            assert!(error.to_string().contains("is a character device, not a regular file"), "{error}");
        }
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_written_through_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("reports")).unwrap();
        let real = dir.path().join("reports/x.html");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("latest.html");
        std::os::unix::fs::symlink("reports/x.html", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        let dangling = dir.path().join("gone.html");
        std::os::unix::fs::symlink("reports/missing/y.html", &dangling).unwrap();
        assert!(matches!(write_atomic(&dangling, b"x"), Err(WriteError::Refused { .. })));
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_file_is_refused_and_left_as_it_was() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("r.html");
        std::fs::write(&target, "old").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o444)).unwrap();
        let error = write_atomic(&target, b"new").unwrap_err();
        assert!(error.to_string().contains("it is read-only"), "{error}");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
    }

    #[test]
    fn a_protected_input_and_a_yaml_in_a_model_directory_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let model = dir.path().join("model");
        std::fs::create_dir(&model).unwrap();
        let parties = model.join("parties.yaml");
        std::fs::write(&parties, "parties: []\n").unwrap();
        protect(&parties);
        protect_directory(&model);
        assert!(matches!(write_atomic(&parties, b"<html>"), Err(WriteError::Refused { .. })));
        assert!(matches!(write_atomic(&model.join("new.yml"), b"x"), Err(WriteError::Refused { .. })));
        assert_eq!(std::fs::read_to_string(&parties).unwrap(), "parties: []\n");
        write_atomic(&model.join("report.html"), b"x").unwrap();
    }

    #[test]
    fn a_leftover_of_a_dead_process_is_swept_and_a_foreign_file_kept() {
        let dir = tempfile::tempdir().unwrap();
        // No process has pid 4 000 000 000 (above Linux's maximum).
        let leftover = dir.path().join(".r.html.ansvar-tmp-4000000000-0");
        let foreign = dir.path().join(".r.html.other");
        std::fs::write(&leftover, "half").unwrap();
        std::fs::write(&foreign, "mine").unwrap();
        write_atomic(&dir.path().join("r.html"), b"x").unwrap();
        if Path::new("/proc/self").exists() {
            assert!(!leftover.exists());
        }
        assert!(foreign.exists());
    }
}
