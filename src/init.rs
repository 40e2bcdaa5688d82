//! `ansvar init`: a small, commented starter model that `ansvar check` passes
//! with no findings, written into a new or empty directory, with the model's
//! JSON Schema beside it so that editors complete and explain its fields.

use std::path::{Path, PathBuf};

/// The starter model, one file.
pub const MODEL: &str = include_str!("../templates/init/model.yaml");
/// The name of the starter model's file.
pub const MODEL_FILE: &str = "model.yaml";
/// The name of the schema file written beside it; the model's first line
/// points yaml-language-server at it.
pub const SCHEMA_FILE: &str = "ansvar-model.schema.json";

/// Why a starter model could not be written.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// The directory already holds files: nothing is overwritten.
    #[error("`{0}` is not empty; `ansvar init` writes a new model only into a new or empty directory")]
    NotEmpty(PathBuf),
    /// The path names something that is not a directory.
    #[error("`{0}` exists and is not a directory")]
    NotADirectory(PathBuf),
    /// The file system refused.
    #[error("cannot write `{path}`: {source}")]
    Io {
        /// The path being created or written.
        path: PathBuf,
        /// The reason.
        source: std::io::Error,
    },
}

/// The model's JSON Schema as written to files: pretty, ending in a newline.
pub fn schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&crate::load::schema()).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes the starter model and its schema into `dir`, creating it if needed;
/// returns the files written. Refuses a directory that holds anything.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, InitError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| InitError::Io { path, source }
    };
    match std::fs::metadata(dir) {
        Ok(metadata) if !metadata.is_dir() => return Err(InitError::NotADirectory(dir.to_path_buf())),
        Ok(_) => {
            if std::fs::read_dir(dir).map_err(io(dir))?.next().is_some() {
                return Err(InitError::NotEmpty(dir.to_path_buf()));
            }
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(dir).map_err(io(dir))?;
        }
        Err(error) => return Err(io(dir)(error)),
    }
    let files = [(dir.join(MODEL_FILE), MODEL.to_owned()), (dir.join(SCHEMA_FILE), schema_text())];
    let mut written = Vec::new();
    for (path, text) in files {
        if let Err(error) = std::fs::write(&path, text) {
            // Leave the directory as it was found: empty.
            for done in &written {
                let _ = std::fs::remove_file(done);
            }
            return Err(io(&path)(error));
        }
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_into_a_new_directory_and_refuses_a_non_empty_one() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path().join("new/model");
        let written = init(&dir).unwrap();
        assert_eq!(written, vec![dir.join(MODEL_FILE), dir.join(SCHEMA_FILE)]);
        assert_eq!(std::fs::read_to_string(dir.join(MODEL_FILE)).unwrap(), MODEL);
        assert!(matches!(init(&dir), Err(InitError::NotEmpty(_))));
        assert!(matches!(init(&dir.join(MODEL_FILE)), Err(InitError::NotADirectory(_))));
    }

    #[test]
    fn the_starter_model_points_at_the_schema_written_beside_it() {
        assert!(MODEL.starts_with(&format!("# yaml-language-server: $schema={SCHEMA_FILE}\n")));
    }
}
