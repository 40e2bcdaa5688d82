//! A short summary of a model: what it holds, counted.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::model::Model;

/// Counts of a model's entities, as printed by `ansvar check`.
pub fn summary(name: &str, model: &Model) -> String {
    let mut out = String::new();
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let _ = writeln!(out, "model `{name}`");
    let _ = writeln!(out, "  {}", plural(model.parties.len(), "party", "parties"));
    let _ = writeln!(out, "  {}", plural(model.activities.len(), "processing activity", "processing activities"));
    let _ = writeln!(out, "  {}", plural(model.data.len(), "data category", "data categories"));
    let _ = writeln!(out, "  {}", plural(model.systems.len(), "system", "systems"));
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for agreement in model.agreements.values() {
        *kinds.entry(agreement.kind.value.as_str()).or_default() += 1;
    }
    let by_kind: Vec<String> = kinds.iter().map(|(kind, n)| format!("{kind} {n}")).collect();
    let agreements = plural(model.agreements.len(), "agreement", "agreements");
    if by_kind.is_empty() {
        let _ = writeln!(out, "  {agreements}");
    } else {
        let _ = writeln!(out, "  {agreements} ({})", by_kind.join(", "));
    }
    if !model.incidents.is_empty() {
        let _ = writeln!(out, "  {}", plural(model.incidents.len(), "incident", "incidents"));
    }
    if !model.accepted_risks.is_empty() {
        let _ = writeln!(out, "  {}", plural(model.accepted_risks.len(), "accepted risk", "accepted risks"));
    }
    out
}

/// One line counting findings by severity, for the end of `ansvar check`.
pub fn findings_line(findings: &[crate::rules::Finding], as_of: jiff::civil::Date) -> String {
    use crate::rules::Severity;
    if findings.is_empty() {
        return format!("no findings as of {as_of}\n");
    }
    let mut parts = Vec::new();
    for severity in Severity::ALL {
        let count = findings.iter().filter(|f| f.severity == severity && f.accepted.is_none()).count();
        if count > 0 {
            parts.push(format!("{count} {severity}"));
        }
    }
    let accepted = findings.iter().filter(|f| f.accepted.is_some()).count();
    if accepted > 0 {
        parts.push(format!("{accepted} accepted"));
    }
    let total = findings.len();
    format!("{total} finding{} as of {as_of}: {}\n", if total == 1 { "" } else { "s" }, parts.join(", "))
}
