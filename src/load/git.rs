//! Reading a model as it was at a git revision, without touching the work tree.
//!
//! Uses the `git` command: `git ls-tree` lists the model's files at the revision
//! and `git cat-file` reads each. Paths are taken relative to the current
//! directory (`REV:./path`), as they would be on disk.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::diag::Diagnostic;

/// Reads the `.yaml` files of the model at `path` as of `revision`.
///
/// Each file is named `REV:path/file.yaml` in diagnostics.
pub fn read_at_revision(revision: &str, path: &Path) -> Result<Vec<(PathBuf, String)>, Box<Diagnostic>> {
    let fail = |message: String| Box::new(Diagnostic::error("git", message));
    let relative = path.to_string_lossy().trim_end_matches('/').to_owned();
    let spec = format!("{revision}:./{relative}");
    let kind =
        git(&["cat-file", "-t", &spec]).map_err(|e| fail(format!("cannot read `{relative}` at `{revision}`: {e}")))?;
    let files: Vec<String> = match kind.trim() {
        "blob" => vec![relative.clone()],
        "tree" => {
            let listing = git(&["ls-tree", "--name-only", &format!("{revision}:./{relative}")])
                .map_err(|e| fail(format!("cannot list `{relative}` at `{revision}`: {e}")))?;
            listing
                .lines()
                .filter(|name| name.ends_with(".yaml") || name.ends_with(".yml"))
                .map(|name| format!("{relative}/{name}"))
                .collect()
        }
        other => return Err(fail(format!("`{relative}` at `{revision}` is a {other}, not a model"))),
    };
    if files.is_empty() {
        return Err(fail(format!("`{relative}` at `{revision}` has no .yaml files")));
    }
    let mut texts = Vec::new();
    for file in files {
        let text = git(&["cat-file", "blob", &format!("{revision}:./{file}")])
            .map_err(|e| fail(format!("cannot read `{file}` at `{revision}`: {e}")))?;
        texts.push((PathBuf::from(format!("{revision}:{file}")), text));
    }
    Ok(texts)
}

fn git(args: &[&str]) -> Result<String, String> {
    let output = Command::new("git").args(args).output().map_err(|e| format!("cannot run git: {e}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(stderr.trim().to_owned());
    }
    String::from_utf8(output.stdout).map_err(|_| "git printed text that is not UTF-8".to_owned())
}
