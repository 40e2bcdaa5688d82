//! A finding as a rustc-style diagnostic for the terminal: the severity and
//! message, the places in the YAML, the chain, the provisions, the acceptance and
//! the rule's remediation.

use crate::diag::{Code, Diagnostic, Label, Level};
use crate::finding::Finding;
use crate::rules::Severity;

use super::{Lang, message};

/// Renders a finding as a diagnostic for the terminal.
pub fn to_diagnostic(finding: &Finding, lang: Lang) -> Diagnostic {
    let level = match finding.severity {
        Severity::Critical | Severity::High => Level::Error,
        Severity::Medium | Severity::Low => Level::Warning,
        Severity::Info => Level::Note,
    };
    let accepted = if finding.accepted.is_some() { " (accepted)" } else { "" };
    let text = message(&finding.message, lang);
    let mut diagnostic =
        Diagnostic::with_level(level, Code::Rule(finding.code), format!("[{}]{accepted} {text}", finding.severity));
    diagnostic.primary = Some(Label::new(finding.primary.span, message(&finding.primary.message, lang)));
    diagnostic.secondary =
        finding.labels.iter().map(|mark| Label::new(mark.span, message(&mark.message, lang))).collect();
    if !finding.chain.is_empty() {
        let chain: Vec<&str> = finding.chain.iter().map(|p| p.as_str()).collect();
        diagnostic = diagnostic.note(format!("chain: {}", chain.join(" → ")));
    }
    diagnostic = diagnostic.note(format!("rests on: {}", finding.provisions.join("; ")));
    if let Some(acceptance) = &finding.accepted {
        diagnostic = diagnostic.note(format!(
            "accepted by {} until {}: {}",
            acceptance.accepted_by, acceptance.expires, acceptance.justification
        ));
    }
    if let Some(rule) = finding.rule() {
        diagnostic = diagnostic.help(rule.remediation);
    }
    diagnostic
}
