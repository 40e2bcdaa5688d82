//! What `check --format json` and `--format sarif` write for a model that does
//! not load: its diagnostics, as a document of the format asked for. A CI step
//! that uploads the SARIF or reads the JSON then gets the errors, with their
//! places, rather than an empty file (review D15). The exit status stays 2, and
//! the diagnostics are still drawn on stderr.
//!
//! The JSON document says `"valid": false` and lists `diagnostics`; it has no
//! `findings`, since no rule ran. The SARIF log has one run whose invocation did
//! not succeed (`executionSuccessful: false`), with one result per diagnostic,
//! its diagnostic code (`docs/diagnostics.md`) as the rule id.

use serde::Serialize;

use crate::diag::{Diagnostic, Level};
use crate::source::{Location, SourceMap};

/// The JSON document of an invalid model.
#[derive(Debug, Serialize)]
pub struct InvalidDocument<'a> {
    /// The JSON schema version, as in the `check` document.
    pub schema_version: u32,
    /// Always `false`: the model did not load, and no rule ran.
    pub valid: bool,
    /// How many diagnostics of each level, the unlisted errors included.
    pub counts: Counts,
    /// Errors counted but not listed: past the first thousand of one file
    /// (`diag::MAX_ERRORS_KEPT_PER_FILE`), errors are counted, not kept.
    pub errors_not_listed: usize,
    /// Every diagnostic kept, in the order they are drawn (errors first, by file and place).
    pub diagnostics: Vec<JsonDiagnostic<'a>>,
}

/// Diagnostics by level.
#[derive(Debug, Default, Serialize)]
pub struct Counts {
    /// Errors: each alone makes the model invalid.
    pub error: usize,
    /// Warnings.
    pub warning: usize,
    /// Notes.
    pub note: usize,
}

/// One diagnostic in JSON.
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic<'a> {
    /// `error`, `warning` or `note`.
    pub level: &'static str,
    /// Its code (`docs/diagnostics.md`), when it has one.
    pub code: Option<&'static str>,
    /// What is wrong.
    pub message: &'a str,
    /// Where, when it has a place in a file.
    pub location: Option<Location>,
    /// Other places that explain it.
    pub labels: Vec<JsonLabel<'a>>,
    /// Suggestions.
    pub help: &'a [String],
    /// Background.
    pub notes: &'a [String],
}

/// A place with what is said there.
#[derive(Debug, Serialize)]
pub struct JsonLabel<'a> {
    /// What is said there; may be empty.
    pub message: &'a str,
    /// Where.
    pub location: Location,
}

fn level(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Note => "note",
    }
}

impl<'a> InvalidDocument<'a> {
    /// The document of `diagnostics`, resolved against `sources`.
    pub fn new(diagnostics: &'a [Diagnostic], sources: &SourceMap) -> Self {
        let errors_not_listed = sources.errors_left_out();
        let mut counts = Counts { error: errors_not_listed, ..Counts::default() };
        for diagnostic in diagnostics {
            match diagnostic.level {
                Level::Error => counts.error += 1,
                Level::Warning => counts.warning += 1,
                Level::Note => counts.note += 1,
            }
        }
        let diagnostics = diagnostics
            .iter()
            .map(|d| JsonDiagnostic {
                level: level(d.level),
                code: d.code.map(crate::diag::Code::as_str),
                message: &d.message,
                location: d.location(sources),
                labels: d
                    .secondary
                    .iter()
                    .map(|l| JsonLabel { message: &l.message, location: sources.location(l.span) })
                    .collect(),
                help: &d.help,
                notes: &d.notes,
            })
            .collect();
        Self { schema_version: super::SCHEMA_VERSION, valid: false, counts, errors_not_listed, diagnostics }
    }
}

/// The SARIF 2.1.0 log of an invalid model.
pub fn sarif(diagnostics: &[Diagnostic], sources: &SourceMap) -> serde_json::Value {
    let place = |at: Location, message: Option<&str>| {
        let mut place = serde_json::json!({
            "physicalLocation": {
                "artifactLocation": { "uri": at.file },
                "region": { "startLine": at.line, "startColumn": at.column },
            }
        });
        if let Some(message) = message.filter(|m| !m.is_empty()) {
            place["message"] = serde_json::json!({ "text": message });
        }
        place
    };
    let results: Vec<serde_json::Value> = diagnostics
        .iter()
        .map(|d| {
            let mut text = d.message.clone();
            for help in &d.help {
                text.push_str(&format!("\nhelp: {help}"));
            }
            let mut result = serde_json::json!({
                "ruleId": d.code.map_or("ansvar", crate::diag::Code::as_str),
                "level": level(d.level),
                "message": { "text": text },
            });
            // A result with no place in a file (an empty directory) has no locations.
            if let Some(at) = d.location(sources) {
                result["locations"] = serde_json::json!([place(at, None)]);
            }
            if !d.secondary.is_empty() {
                let related: Vec<_> =
                    d.secondary.iter().map(|l| place(sources.location(l.span), Some(&l.message))).collect();
                result["relatedLocations"] = serde_json::Value::Array(related);
            }
            result
        })
        .collect();
    serde_json::json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": { "name": "ansvar", "version": env!("CARGO_PKG_VERSION") } },
            "invocations": [{ "executionSuccessful": false }],
            "results": results,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::DiagnosticCode;
    use crate::source::Span;

    fn invalid() -> (Vec<Diagnostic>, SourceMap) {
        let mut sources = SourceMap::new();
        let text = "parties:\n  - { id: a, name: A, kind: other, country: XX }\n";
        let file = sources.add("m.yaml".into(), text.into());
        let at = text.find("XX").unwrap();
        let diagnostics = vec![
            Diagnostic::error(DiagnosticCode::UnknownCountry, "unknown country `XX`")
                .at(Span::new(file, at..at + 2), "not an ISO 3166-1 code")
                .help("write the two-letter code"),
            Diagnostic::error(DiagnosticCode::EmptyModel, "`n` has no .yaml files"),
        ];
        (diagnostics, sources)
    }

    #[test]
    fn the_json_document_lists_every_diagnostic_with_its_place() {
        let (diagnostics, sources) = invalid();
        let value = serde_json::to_value(InvalidDocument::new(&diagnostics, &sources)).unwrap();
        assert_eq!(value["valid"], false);
        assert_eq!(value["counts"]["error"], 2);
        let first = &value["diagnostics"][0];
        assert_eq!(first["code"], "unknown-country");
        assert_eq!(first["location"], serde_json::json!({ "file": "m.yaml", "line": 2, "column": 45 }));
        assert_eq!(first["help"][0], "write the two-letter code");
        assert!(value["diagnostics"][1]["location"].is_null());
    }

    #[test]
    fn the_sarif_log_has_a_failed_invocation_and_a_result_per_diagnostic() {
        let (diagnostics, sources) = invalid();
        let log = sarif(&diagnostics, &sources);
        let run = &log["runs"][0];
        assert_eq!(run["invocations"][0]["executionSuccessful"], false);
        let results = run["results"].as_array().unwrap();
        assert_eq!(results.len(), 2);
        assert_eq!(results[0]["ruleId"], "unknown-country");
        assert_eq!(results[0]["level"], "error");
        assert_eq!(results[0]["locations"][0]["physicalLocation"]["region"]["startLine"], 2);
        assert!(results[0]["message"]["text"].as_str().unwrap().ends_with("help: write the two-letter code"));
        assert!(results[1].get("locations").is_none());
    }
}
