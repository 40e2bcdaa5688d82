//! A finding as a rustc-style diagnostic for the terminal: the severity and
//! message, the places in the YAML, the chain, the provisions, the acceptance and
//! the rule's remediation.

use fluent_bundle::FluentValue;

use crate::diag::{Code, Diagnostic, Label, Level};
use crate::finding::Finding;
use crate::rules::Severity;

use super::{Lang, catalogue, fixed, message, provisions, severity};

/// Renders a finding as a diagnostic for the terminal.
pub fn to_diagnostic(finding: &Finding, lang: Lang) -> Diagnostic {
    let level = match finding.severity {
        Severity::Critical | Severity::High => Level::Error,
        Severity::Medium | Severity::Low => Level::Warning,
        Severity::Info => Level::Note,
    };
    let accepted = if finding.accepted.is_some() {
        format!(" {}", fixed("finding-accepted-mark", lang, &[]))
    } else {
        String::new()
    };
    let text = message(&finding.message, lang);
    let severity = severity(finding.severity, lang);
    let mut diagnostic =
        Diagnostic::with_level(level, Code::Rule(finding.code), format!("[{severity}]{accepted} {text}"));
    diagnostic.primary = Some(Label::new(finding.primary.span, message(&finding.primary.message, lang)));
    diagnostic.secondary =
        finding.labels.iter().map(|mark| Label::new(mark.span, message(&mark.message, lang))).collect();
    let note = |key: &str, args: &[(&'static str, FluentValue<'_>)]| fixed(key, lang, args);
    if !finding.chain.is_empty() {
        let chain: Vec<&str> = finding.chain.iter().map(|p| p.as_str()).collect();
        let chain = crate::diag::elided_chain(&chain);
        diagnostic = diagnostic.note(note("finding-chain", &[("chain", FluentValue::from(chain))]));
    }
    let rests_on = provisions(&finding.provisions, lang);
    diagnostic = diagnostic.note(note("finding-rests-on", &[("provisions", FluentValue::from(rests_on))]));
    if let Some(acceptance) = &finding.accepted {
        diagnostic = diagnostic.note(note(
            "finding-accepted-by",
            &[
                ("by", FluentValue::from(acceptance.accepted_by.to_string())),
                ("until", FluentValue::from(acceptance.expires.to_string())),
                ("justification", FluentValue::from(acceptance.justification.to_string())),
            ],
        ));
    }
    if let Some(rule) = finding.rule() {
        diagnostic = diagnostic.help(catalogue::remediation(rule, lang));
    }
    diagnostic
}
