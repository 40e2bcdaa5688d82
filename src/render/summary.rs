//! A short summary of a model: what it holds, counted.

use std::collections::BTreeMap;
use std::fmt::Write;

use fluent_bundle::FluentValue;

use super::{Lang, fixed};
use crate::model::Model;

/// Counts of a model's entities, as printed by `ansvar check`.
pub fn summary(name: &str, model: &Model, lang: Lang) -> String {
    let mut out = String::new();
    let count = |key: &str, n: usize| fixed(key, lang, &[("count", FluentValue::from(n))]);
    let _ = writeln!(out, "{}", fixed("summary-model", lang, &[("name", FluentValue::from(format!("`{name}`")))]));
    let _ = writeln!(out, "  {}", count("summary-parties", model.parties.len()));
    let _ = writeln!(out, "  {}", count("summary-activities", model.activities.len()));
    let _ = writeln!(out, "  {}", count("summary-data", model.data.len()));
    let _ = writeln!(out, "  {}", count("summary-systems", model.systems.len()));
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for agreement in model.agreements.values() {
        *kinds.entry(agreement.kind.value.as_str()).or_default() += 1;
    }
    let by_kind: Vec<String> = kinds.iter().map(|(kind, n)| format!("{kind} {n}")).collect();
    let agreements = count("summary-agreements", model.agreements.len());
    if by_kind.is_empty() {
        let _ = writeln!(out, "  {agreements}");
    } else {
        let _ = writeln!(out, "  {agreements} ({})", by_kind.join(", "));
    }
    if !model.incidents.is_empty() {
        let _ = writeln!(out, "  {}", count("summary-incidents", model.incidents.len()));
    }
    if !model.accepted_risks.is_empty() {
        let _ = writeln!(out, "  {}", count("summary-accepted-risks", model.accepted_risks.len()));
    }
    out
}

/// One line counting findings by severity, for the end of `ansvar check`.
pub fn findings_line(findings: &[crate::rules::Finding], as_of: jiff::civil::Date, lang: Lang) -> String {
    use crate::rules::Severity;
    let date = || FluentValue::from(as_of.to_string());
    if findings.is_empty() {
        return format!("{}\n", fixed("summary-no-findings", lang, &[("date", date())]));
    }
    let mut parts = Vec::new();
    for severity in Severity::ALL {
        let count = findings.iter().filter(|f| f.severity == severity && f.accepted.is_none()).count();
        if count > 0 {
            let key = format!("summary-count-{}", severity.as_str());
            parts.push(fixed(&key, lang, &[("count", FluentValue::from(count))]));
        }
    }
    let accepted = findings.iter().filter(|f| f.accepted.is_some()).count();
    if accepted > 0 {
        parts.push(fixed("summary-accepted", lang, &[("count", FluentValue::from(accepted))]));
    }
    let line = fixed(
        "summary-findings",
        lang,
        &[
            ("count", FluentValue::from(findings.len())),
            ("date", date()),
            ("parts", FluentValue::from(parts.join(", "))),
        ],
    );
    format!("{line}\n")
}
