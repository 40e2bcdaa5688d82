//! What makes a report a memo someone can sign: when it was produced, which
//! revision of the model it read, and who wrote and who reviewed it.
//!
//! The library never reads the clock: the production date is an input, like
//! the evaluation date (the binary takes it from `--date`, else from
//! `SOURCE_DATE_EPOCH`, else today). The model's revision is read from git
//! when the model lies in a git work tree, with the loader's safe way of
//! running git (no hooks, no fsmonitor, no pager, `--end-of-options`).

use std::path::Path;

use jiff::civil::Date;

/// Who produced a report, when, and from which revision of the model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Memo {
    /// The day the report was produced.
    pub produced: Date,
    /// The model's revision, when it lies in a git work tree.
    pub revision: Option<Revision>,
    /// Who wrote the memo (the person answering for its facts).
    pub author: Option<String>,
    /// Who reviewed it.
    pub reviewer: Option<String>,
}

impl Memo {
    /// A memo produced on `produced`, with no revision, author or reviewer.
    pub fn new(produced: Date) -> Self {
        Self { produced, revision: None, author: None, reviewer: None }
    }
}

/// The git commit a model was read at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Revision {
    /// The commit `HEAD` names, in full.
    pub commit: String,
    /// Whether the model's files differ from that commit (changed, added, or
    /// not yet committed): the report then read something the commit does not
    /// hold.
    pub dirty: bool,
}

/// The revision of the model at `path` (a directory or a file), when `path`
/// lies in a git work tree with at least one commit; `None` otherwise, or when
/// git cannot be run.
pub fn revision_of(path: &Path) -> Option<Revision> {
    let (directory, inside) = crate::load::git::locate(path).ok()?;
    let git = |args: &[&str]| crate::load::git::git(&directory, args);
    let commit = git(&["rev-parse", "--verify", "--quiet", "--end-of-options", "HEAD^{commit}"]).ok()?;
    let commit = commit.trim();
    if commit.is_empty() || !commit.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    // The model's own files only: a change elsewhere in the repository does not
    // change what the report read. A literal pathspec, so no name is a pattern.
    let pathspec = if inside.is_empty() { ".".to_owned() } else { format!(":(literal){inside}") };
    let status = git(&["status", "--porcelain", "-z", "--untracked-files=all", "--", &pathspec]).ok()?;
    Some(Revision { commit: commit.to_owned(), dirty: !status.is_empty() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    fn run(dir: &Path, args: &[&str]) {
        let status = Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"])
            .args(args)
            .current_dir(dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    }

    #[test]
    fn a_model_outside_git_has_no_revision() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("model.yaml"), "parties: {}\n").unwrap();
        // A temporary directory may itself lie inside a repository on some
        // machines; only assert when it does not.
        if revision_of(&std::env::temp_dir()).is_none() {
            assert_eq!(revision_of(dir.path()), None);
        }
    }

    #[test]
    fn a_committed_model_is_clean_and_a_changed_one_dirty() {
        let dir = tempfile::tempdir().unwrap();
        let model = dir.path().join("models/clinic");
        std::fs::create_dir_all(&model).unwrap();
        std::fs::write(model.join("parties.yaml"), "parties: {}\n").unwrap();
        run(dir.path(), &["init", "-q"]);
        run(dir.path(), &["add", "."]);
        run(dir.path(), &["commit", "-q", "-m", "model"]);
        let clean = revision_of(&model).expect("a revision");
        assert_eq!(clean.commit.len(), 40);
        assert!(!clean.dirty);
        // A change outside the model leaves it clean.
        std::fs::write(dir.path().join("README"), "x").unwrap();
        assert!(!revision_of(&model).unwrap().dirty);
        // A new file in the model makes it dirty, as does a changed one.
        std::fs::write(model.join("more.yaml"), "systems: {}\n").unwrap();
        assert!(revision_of(&model).unwrap().dirty);
        assert!(!revision_of(&model.join("parties.yaml")).unwrap().dirty);
        std::fs::write(model.join("parties.yaml"), "parties: { a: {} }\n").unwrap();
        assert!(revision_of(&model.join("parties.yaml")).unwrap().dirty);
    }
}
