//! SARIF 2.1.0 output of `ansvar check`, for code-scanning dashboards.
//!
//! Hand-written, as cargo-deny does it: the handful of SARIF objects `ansvar`
//! needs, serialised with serde. Every rule of the catalogue is listed in the
//! tool's driver; each finding is a result pointing at the model's YAML. An
//! accepted finding carries an external suppression with its justification.
//!
//! Each result carries the finding's fingerprint as `partialFingerprints`
//! (`ansvar/v1`), so a dashboard follows a finding across commits however its
//! wording or its place in the YAML changes. Each rule carries a `helpUri` into
//! `docs/rules.md` (relative to the repository root: `ansvar` does not know where
//! it is published) and a numeric `security-severity` ([`security_severity`]),
//! which GitHub code scanning maps back to critical/high/medium/low.

use serde::Serialize;

use std::collections::BTreeMap;

use crate::render::{self, Lang};
use crate::rules::{CATALOGUE, Finding, Severity};
use crate::source::{Location, SourceMap};

/// A SARIF log with one run.
#[derive(Debug, Serialize)]
pub struct SarifLog {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Debug, Serialize)]
struct Run {
    tool: Tool,
    results: Vec<SarifResult>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<RunProperties>,
}

/// Said on the run when results were left out to stay within [`MAX_RESULTS`].
#[derive(Debug, Serialize)]
struct RunProperties {
    #[serde(rename = "ansvar/results-dropped")]
    dropped: usize,
    #[serde(rename = "ansvar/results-total")]
    total: usize,
}

/// The most results GitHub code scanning accepts in one run: an upload with
/// more is rejected (and only the top 5 000 are shown). docs.github.com,
/// "SARIF results exceed limit" \[V\]. The gzip-compressed file must also stay
/// under 10 MB; a run of 25 000 ansvar results is well under it (docs/performance.md).
pub const MAX_RESULTS: usize = 25_000;

/// The findings a capped run keeps, in the findings' order: the first `limit`
/// of them taken unaccepted first, then most severe first, then in the
/// findings' (sorted) order, so the same model always keeps the same ones.
pub fn kept(findings: &[Finding], limit: usize) -> Vec<&Finding> {
    if findings.len() <= limit {
        return findings.iter().collect();
    }
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(|&i| (findings[i].accepted.is_some(), std::cmp::Reverse(findings[i].severity), i));
    order.truncate(limit);
    order.sort_unstable();
    order.into_iter().map(|i| &findings[i]).collect()
}

#[derive(Debug, Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    rules: Vec<ReportingDescriptor>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor {
    id: &'static str,
    help_uri: String,
    short_description: Text,
    full_description: Text,
    help: Text,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Debug, Serialize)]
struct Text {
    text: String,
}

#[derive(Debug, Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Debug, Serialize)]
struct RuleProperties {
    /// The provisions the rule rests on, as tags dashboards can filter by.
    tags: Vec<&'static str>,
    /// The rule's default severity as a number, for GitHub code scanning.
    #[serde(rename = "security-severity")]
    security_severity: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    level: &'static str,
    message: Text,
    partial_fingerprints: BTreeMap<&'static str, String>,
    locations: Vec<SarifLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<SarifLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<Suppression>,
    properties: ResultProperties,
}

#[derive(Debug, Serialize)]
struct ResultProperties {
    severity: &'static str,
    #[serde(rename = "security-severity")]
    security_severity: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    party: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    activity: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation {
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Debug, Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
}

#[derive(Debug, Serialize)]
struct Suppression {
    kind: &'static str,
    justification: String,
}

/// A severity as the number GitHub code scanning reads from
/// `security-severity`: it shows over 9.0 as critical, 7.0–8.9 as high,
/// 4.0–6.9 as medium and 0.1–3.9 as low. Informational findings are 0.0.
pub fn security_severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
        Severity::Info => "0.0",
    }
}

/// The SARIF level of a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium | Severity::Low => "warning",
        Severity::Info => "note",
    }
}

fn location(at: Location, message: Option<&str>) -> SarifLocation {
    SarifLocation {
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation { uri: at.file },
            region: Region { start_line: at.line, start_column: at.column },
        },
        message: message.filter(|m| !m.is_empty()).map(|m| Text { text: m.to_owned() }),
    }
}

impl SarifLog {
    /// The SARIF log of a set of findings, every one a result, in English.
    pub fn new(findings: &[Finding], sources: &SourceMap) -> Self {
        Self::capped(findings, sources, usize::MAX)
    }

    /// The SARIF log of a set of findings, every one a result, its texts in `lang`.
    pub fn new_in(findings: &[Finding], sources: &SourceMap, lang: Lang) -> Self {
        Self::capped_in(findings, sources, usize::MAX, lang)
    }

    /// The SARIF log of at most `limit` findings ([`kept`]), in English; the
    /// run says how many were dropped. Fingerprints do not depend on what else
    /// is kept.
    pub fn capped(findings: &[Finding], sources: &SourceMap, limit: usize) -> Self {
        Self::capped_in(findings, sources, limit, Lang::En)
    }

    /// [`SarifLog::capped`], its texts in `lang`.
    pub fn capped_in(findings: &[Finding], sources: &SourceMap, limit: usize, lang: Lang) -> Self {
        let total = findings.len();
        let findings = kept(findings, limit);
        let dropped = total - findings.len();
        let rules = CATALOGUE
            .iter()
            .map(|rule| ReportingDescriptor {
                id: rule.code,
                help_uri: format!("docs/rules.md#{}", rule.code),
                short_description: Text { text: render::catalogue::summary(rule, lang) },
                full_description: Text { text: render::catalogue::explanation(rule, lang) },
                help: Text { text: render::catalogue::remediation(rule, lang) },
                default_configuration: Configuration { level: level(rule.severity) },
                properties: RuleProperties {
                    tags: rule.provisions.to_vec(),
                    security_severity: security_severity(rule.severity).to_owned(),
                },
            })
            .collect();
        let results = findings
            .iter()
            .map(|finding| SarifResult {
                rule_id: finding.code,
                level: level(finding.severity),
                message: Text { text: render::message(&finding.message, lang) },
                partial_fingerprints: BTreeMap::from([("ansvar/v1", finding.fingerprint().to_string())]),
                locations: vec![location(sources.location(finding.primary.span), None)],
                related_locations: finding
                    .labels
                    .iter()
                    .map(|label| location(sources.location(label.span), Some(&render::message(&label.message, lang))))
                    .collect(),
                suppressions: finding
                    .accepted
                    .iter()
                    .map(|a| Suppression {
                        kind: "external",
                        justification: format!(
                            "accepted by {} until {}: {}",
                            a.accepted_by, a.expires, a.justification
                        ),
                    })
                    .collect(),
                properties: ResultProperties {
                    severity: finding.severity.as_str(),
                    security_severity: security_severity(finding.severity).to_owned(),
                    party: finding.party.as_ref().map(|p| p.to_string()),
                    activity: finding.activity.as_ref().map(|a| a.to_string()),
                },
            })
            .collect();
        Self {
            schema: "https://json.schemastore.org/sarif-2.1.0.json",
            version: "2.1.0",
            runs: vec![Run {
                tool: Tool { driver: Driver { name: "ansvar", version: env!("CARGO_PKG_VERSION"), rules } },
                results,
                properties: (dropped > 0).then_some(RunProperties { dropped, total }),
            }],
        }
    }
}
