//! Reading a model as it was at a git revision, without touching the work tree.
//!
//! Uses the `git` command: `git cat-file -t` tells a model directory from a
//! single file, `git ls-tree` lists the directory's files at the revision, and
//! `git cat-file blob` reads each. Nothing is checked out and nothing is written.
//!
//! A path means what it would mean on disk: relative to the current directory, or
//! absolute. git runs in the nearest directory on the path that exists in the work
//! tree, so the path also picks the repository: a model in another repository, or
//! one deleted from the work tree since the revision, is read all the same.

use std::path::{Component, Path, PathBuf};
use std::process::Command;

use crate::diag::{Diagnostic, DiagnosticCode};

/// Reads the `.yaml` files of the model at `path` as of `revision`.
///
/// Each file is named `REV:path/file.yaml` in diagnostics, with `path` as given.
pub fn read_at_revision(revision: &str, path: &Path) -> Result<Vec<(PathBuf, String)>, Box<Diagnostic>> {
    let fail = |message: String| Box::new(Diagnostic::error(DiagnosticCode::Git, message));
    check_revision(revision).map_err(|reason| {
        let shown = crate::source::printable(revision).into_owned();
        Box::new(
            Diagnostic::error(DiagnosticCode::Git, format!("`{shown}` is not a revision ansvar reads: {reason}"))
                .help("name a commit, branch or tag, such as `HEAD~1`, `main` or `v1.2`"),
        )
    })?;
    let shown = path.to_string_lossy().trim_end_matches('/').to_owned();
    let shown = if shown.is_empty() { path.to_string_lossy().into_owned() } else { shown };
    let (directory, inside) = locate(path).map_err(|e| fail(format!("cannot read `{shown}` at `{revision}`: {e}")))?;
    // `REV:./path` is relative to the directory git runs in, not to the top of
    // the repository.
    let object = |relative: &str| {
        if relative.is_empty() { format!("{revision}:./") } else { format!("{revision}:./{relative}") }
    };
    let git = |args: &[&str]| git(&directory, args);
    let kind = git(&["cat-file", "-t", "--end-of-options", &object(&inside)])
        .map_err(|e| fail(format!("cannot read `{shown}` at `{revision}`: {e}")))?;
    // (name in the repository, name to show)
    let files: Vec<(String, String)> = match kind.trim() {
        "blob" => vec![(inside.clone(), shown.clone())],
        "tree" => {
            // `-z`: names as they are, not C-quoted (`sörmland.yaml` would otherwise
            // come back as `"s\303\266rmland.yaml"`). `--full-tree`: names relative to
            // the listed tree, not to the current directory (`../model.yaml`).
            let listing = git(&["ls-tree", "-z", "--full-tree", "--end-of-options", &object(&inside)])
                .map_err(|e| fail(format!("cannot list `{shown}` at `{revision}`: {e}")))?;
            listing
                .split('\0')
                .filter_map(|entry| {
                    // `<mode> SP <type> SP <object> TAB <name>`; only files, as on disk.
                    let (meta, name) = entry.split_once('\t')?;
                    let is_file = meta.split(' ').nth(1) == Some("blob");
                    let is_yaml = name.ends_with(".yaml") || name.ends_with(".yml");
                    (is_file && is_yaml).then(|| {
                        let relative = if inside.is_empty() { name.to_owned() } else { format!("{inside}/{name}") };
                        (relative, format!("{shown}/{name}"))
                    })
                })
                .collect()
        }
        other => return Err(fail(format!("`{shown}` at `{revision}` is a {other}, not a model"))),
    };
    if files.is_empty() {
        return Err(fail(format!("`{shown}` at `{revision}` has no .yaml files")));
    }
    let mut texts = Vec::new();
    for (relative, name) in files {
        // The same size limit as for a file on disk, checked before reading.
        let size = git(&["cat-file", "-s", "--end-of-options", &object(&relative)])
            .map_err(|e| fail(format!("cannot read `{name}` at `{revision}`: {e}")))?;
        let size: u64 = size.trim().parse().unwrap_or(u64::MAX);
        if size > super::files::MAX_FILE_BYTES {
            let error = super::files::ReadError::TooLarge { size };
            return Err(Box::new(super::read_error_diagnostic(Path::new(&format!("{revision}:{name}")), &error)));
        }
        let text = git(&["cat-file", "blob", "--end-of-options", &object(&relative)])
            .map_err(|e| fail(format!("cannot read `{name}` at `{revision}`: {e}")))?;
        texts.push((PathBuf::from(format!("{revision}:{name}")), text));
    }
    Ok(texts)
}

/// Refuses a revision git could read as something else: empty (`:./path`
/// reads the index, which can run an fsmonitor hook), starting with `-` (an
/// option), or holding anything outside the characters of revision syntax.
pub fn check_revision(revision: &str) -> Result<(), &'static str> {
    if revision.is_empty() {
        return Err("it is empty (git would read the index)");
    }
    if revision.starts_with('-') {
        return Err("it starts with `-`, as an option does");
    }
    let allowed = |c: char| c.is_alphanumeric() || "._/~^@{}+-:!=,".contains(c);
    if !revision.chars().all(allowed) {
        return Err("it holds a character that is not part of a revision");
    }
    if revision.contains(':') && !revision.starts_with(":/") {
        return Err("a revision names a commit; give the path separately");
    }
    Ok(())
}

/// The nearest existing directory on `path` (from the path itself upwards) and
/// the rest of the path below it, with `/` separators.
pub(crate) fn locate(path: &Path) -> Result<(PathBuf, String), String> {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().map_err(|e| format!("cannot find the current directory: {e}"))?.join(path)
    };
    let mut directory = absolute.as_path();
    let mut below: Vec<String> = Vec::new();
    while !directory.is_dir() {
        let Some(Component::Normal(name)) = directory.components().next_back() else {
            return Err("no directory on the path exists".to_owned());
        };
        below.push(name.to_str().ok_or("the path is not UTF-8")?.to_owned());
        directory = directory.parent().ok_or("no directory on the path exists")?;
    }
    below.reverse();
    Ok((directory.to_path_buf(), below.join("/")))
}

/// Runs git in `directory` with no hooks, pager or fsmonitor, no optional
/// locks, and stdout read up to the file size limit.
pub(crate) fn git(directory: &Path, args: &[&str]) -> Result<String, String> {
    let mut child = Command::new("git")
        .args(["-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", "--no-pager"])
        .arg("-C")
        .arg(directory)
        .args(args)
        .env("GIT_OPTIONAL_LOCKS", "0")
        .env_remove("GIT_EXTERNAL_DIFF")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run git: {e}"))?;
    let stdout = child.stdout.take().map(|out| {
        super::files::read_bounded(out, 0, super::files::MAX_FILE_BYTES + 1)
            .map_err(|e| format!("cannot read git's output: {e}"))
    });
    let output = child.wait_with_output().map_err(|e| format!("cannot run git: {e}"))?;
    let stdout = stdout.unwrap_or_else(|| Ok(Vec::new()))?;
    if stdout.len() as u64 > super::files::MAX_FILE_BYTES {
        return Err(format!("git printed more than {} bytes", super::files::MAX_FILE_BYTES));
    }
    let output = std::process::Output { stdout, ..output };
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(stderr.trim().to_owned());
    }
    String::from_utf8(output.stdout).map_err(|_| "git printed text that is not UTF-8".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revisions_that_git_could_take_for_something_else_are_refused() {
        for bad in ["", "-", "--output=x", "--batch=%(objectname)", "HEAD --", "a b", "HEAD\n", "HEAD:./x", "\u{1b}[2J"]
        {
            assert!(check_revision(bad).is_err(), "{bad:?}");
        }
        for good in ["HEAD", "HEAD~1", "HEAD^{tree}", "@{-1}", ":/two", "origin/main", "v1.2.3", "a1b2c3d"] {
            assert_eq!(check_revision(good), Ok(()), "{good:?}");
        }
    }

    #[test]
    fn locate_finds_the_nearest_existing_directory() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("models/clinic")).unwrap();
        let (found, below) = locate(&dir.path().join("models/clinic")).unwrap();
        assert_eq!((found, below.as_str()), (dir.path().join("models/clinic"), ""));
        let (found, below) = locate(&dir.path().join("models/gone/deeper")).unwrap();
        assert_eq!((found, below.as_str()), (dir.path().join("models"), "gone/deeper"));
        std::fs::write(dir.path().join("models/one.yaml"), "").unwrap();
        let (found, below) = locate(&dir.path().join("models/one.yaml")).unwrap();
        assert_eq!((found, below.as_str()), (dir.path().join("models"), "one.yaml"));
    }
}
