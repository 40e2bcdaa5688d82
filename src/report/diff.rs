//! Rendering a [`ModelDiff`] as text for the terminal and as Markdown for a
//! pull-request comment.

use std::fmt::Write;

use crate::diff::{AbroadChange, FieldChange, FindingSummary, HeldRole, ModelDiff, ObligationItem};
use crate::obligations::notification::{NotificationDuty, Recipient};
use crate::report::markdown::escape;
// Every line of the diff goes through `Writer`, which makes model text
// printable: a name cannot move the cursor and hide the lines above it.
use crate::source::printable;

/// Which flavour of text to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavour {
    /// Plain text, optionally with ANSI colours.
    Text {
        /// Whether to colour added and removed lines.
        color: bool,
    },
    /// GitHub-flavoured Markdown.
    Markdown,
}

struct Writer {
    flavour: Flavour,
    out: String,
}

impl Writer {
    fn heading(&mut self, text: &str) {
        let text = &printable(text);
        match self.flavour {
            Flavour::Markdown => {
                let _ = writeln!(self.out, "\n### {text}\n");
            }
            Flavour::Text { .. } => {
                let _ = writeln!(self.out, "\n{text}");
            }
        }
    }

    /// A bullet; `sign` is `+`, `-` or `~` and picks the colour.
    fn item(&mut self, sign: char, text: &str) {
        let text = &printable(text);
        match self.flavour {
            Flavour::Markdown => {
                let _ = writeln!(self.out, "- **{sign}** {text}");
            }
            Flavour::Text { color } => {
                let (start, end) = match (color, sign) {
                    (true, '+') => ("\u{1b}[32m", "\u{1b}[0m"),
                    (true, '-') => ("\u{1b}[31m", "\u{1b}[0m"),
                    (true, _) => ("\u{1b}[33m", "\u{1b}[0m"),
                    _ => ("", ""),
                };
                let _ = writeln!(self.out, "  {start}{sign} {text}{end}");
            }
        }
    }

    fn detail(&mut self, text: &str) {
        let text = &printable(text);
        match self.flavour {
            Flavour::Markdown => {
                let _ = writeln!(self.out, "  - {text}");
            }
            Flavour::Text { .. } => {
                let _ = writeln!(self.out, "      {text}");
            }
        }
    }

    /// Code-like text: backticks in Markdown (escaped), as is in text.
    fn code(&self, text: &str) -> String {
        match self.flavour {
            Flavour::Markdown => format!("`{}`", text.replace('`', "'")),
            Flavour::Text { .. } => text.to_owned(),
        }
    }

    /// Prose from the model or a finding: escaped in Markdown, except that the
    /// `` `id` `` spans findings and reasons are written with stay code spans.
    fn prose(&self, text: &str) -> String {
        match self.flavour {
            Flavour::Markdown => markdown_with_code_spans(text),
            Flavour::Text { .. } => text.to_owned(),
        }
    }
}

/// Escapes `text` for Markdown, keeping its backtick spans as code spans. Text
/// with an odd number of backticks has no clean spans and is escaped whole.
fn markdown_with_code_spans(text: &str) -> String {
    let parts: Vec<&str> = text.split('`').collect();
    if parts.len().is_multiple_of(2) {
        return escape(text);
    }
    let mut out = String::with_capacity(text.len());
    for (index, part) in parts.iter().enumerate() {
        if index.is_multiple_of(2) {
            out.push_str(&escape(part));
        } else {
            // Inside a code span nothing is markup; only a line break would end the item.
            out.push('`');
            out.push_str(&part.replace(['\n', '\r'], " "));
            out.push('`');
        }
    }
    out
}

/// Renders the diff. `old` and `new` name the two sides.
pub fn render(diff: &ModelDiff, old: &str, new: &str, flavour: Flavour) -> String {
    let mut w = Writer { flavour, out: String::new() };
    match flavour {
        Flavour::Markdown => {
            let _ = writeln!(w.out, "## ansvar diff: {} → {}", printable(&w.code(old)), printable(&w.code(new)));
        }
        Flavour::Text { .. } => {
            let _ = writeln!(w.out, "ansvar diff: {} → {}", printable(old), printable(new));
        }
    }
    if diff.is_empty() {
        let _ = writeln!(w.out, "\nNo change in roles, findings, transfers, duties or entities.");
        return w.out;
    }
    roles(&mut w, diff);
    findings(&mut w, diff);
    abroad(&mut w, &diff.abroad);
    duties(&mut w, &diff.duties_added, &diff.duties_removed);
    obligations(&mut w, &diff.obligations_added, &diff.obligations_removed);
    entities(&mut w, diff);
    w.out
}

fn describe_roles(w: &Writer, roles: &[HeldRole]) -> String {
    if roles.is_empty() {
        return "no role".to_owned();
    }
    let parts: Vec<String> = roles
        .iter()
        .map(|r| match &r.on_behalf_of {
            Some(principal) => format!("{} for {}", r.role, w.code(principal.as_str())),
            None if !r.own_purposes.is_empty() => format!("{} for its own purposes (Art. 28(10))", r.role),
            None => r.role.to_string(),
        })
        .collect();
    parts.join(" + ")
}

fn roles(w: &mut Writer, diff: &ModelDiff) {
    if diff.roles.is_empty() {
        return;
    }
    w.heading("Roles");
    for change in &diff.roles {
        let sign = match change.change {
            "gained" => '+',
            "lost" => '-',
            _ => '~',
        };
        let text = format!(
            "{} in {}: {} → {}",
            w.code(change.party.as_str()),
            w.code(change.activity.as_str()),
            describe_roles(w, &change.old),
            describe_roles(w, &change.new)
        );
        w.item(sign, &text);
        // The reasons that differ: a reason both sides share explains nothing about
        // the change.
        let reasons = |roles: &[HeldRole]| -> Vec<String> { roles.iter().flat_map(|r| r.reasons.clone()).collect() };
        let (before, after) = (reasons(&change.old), reasons(&change.new));
        for (side, these, others) in [("before", &before, &after), ("after", &after, &before)] {
            for reason in these.iter().filter(|r| !others.contains(r)) {
                let text = format!("{side}: {}", w.prose(reason));
                w.detail(&text);
            }
        }
    }
}

fn finding_line(w: &Writer, finding: &FindingSummary) -> String {
    let accepted = if finding.accepted { " (accepted)" } else { "" };
    format!(
        "[{}] {}{accepted}: {} ({})",
        finding.severity,
        w.code(finding.code),
        w.prose(&finding.message),
        w.code(&finding.location)
    )
}

fn findings(w: &mut Writer, diff: &ModelDiff) {
    let groups: [(&str, char, &Vec<FindingSummary>); 4] = [
        ("Findings introduced", '+', &diff.findings_introduced),
        ("Findings resolved", '-', &diff.findings_resolved),
        ("Accepted risks that began to match", '~', &diff.acceptances_started),
        ("Accepted risks that stopped matching", '~', &diff.acceptances_stopped),
    ];
    for (title, sign, list) in groups {
        if list.is_empty() {
            continue;
        }
        w.heading(title);
        for finding in list {
            let line = finding_line(w, finding);
            w.item(sign, &line);
        }
    }
}

fn abroad_line(w: &Writer, item: &crate::obligations::abroad::ProcessingAbroad) -> String {
    let exporter = item.exporter.as_ref().map(|e| format!(" for {}", w.code(e.as_str()))).unwrap_or_default();
    let adequacy = match &item.adequacy {
        Some(instrument) => format!("adequacy: {}", w.prose(instrument)),
        None => "no adequacy decision".to_owned(),
    };
    let tools = if item.tools.is_empty() { "no transfer tool".to_owned() } else { item.tools.join(", ") };
    format!(
        "{} processes {}{exporter} in {} ({adequacy}; {tools})",
        w.code(item.party.as_str()),
        w.code(item.activity.as_str()),
        item.country
    )
}

fn abroad(w: &mut Writer, changes: &[AbroadChange]) {
    if changes.is_empty() {
        return;
    }
    w.heading("Third-country processing");
    for change in changes {
        match (change.change, &change.old, &change.new) {
            ("added", _, Some(new)) => {
                let line = abroad_line(w, new);
                w.item('+', &line);
            }
            ("removed", Some(old), _) => {
                let line = abroad_line(w, old);
                w.item('-', &line);
            }
            (_, Some(old), Some(new)) => {
                let line = abroad_line(w, new);
                w.item('~', &line);
                let before = format!("before: {}", abroad_line(w, old));
                w.detail(&before);
            }
            _ => {}
        }
    }
}

fn duty_line(w: &Writer, duty: &NotificationDuty) -> String {
    let to = match &duty.to {
        Recipient::Principal(party) => w.code(party.as_str()),
        Recipient::SupervisoryAuthority => "the supervisory authority".to_owned(),
        Recipient::DataSubjects => "the data subjects (if high risk)".to_owned(),
    };
    let within = duty.within_hours.map(|h| format!(" within {h} h")).unwrap_or_default();
    format!(
        "{}: {} notifies {to}{within} ({})",
        w.code(duty.activity.as_str()),
        w.code(duty.from.as_str()),
        duty.provision
    )
}

fn duties(w: &mut Writer, added: &[NotificationDuty], removed: &[NotificationDuty]) {
    if added.is_empty() && removed.is_empty() {
        return;
    }
    w.heading("Who notifies whom on a breach");
    for duty in added {
        let line = duty_line(w, duty);
        w.item('+', &line);
    }
    for duty in removed {
        let line = duty_line(w, duty);
        w.item('-', &line);
    }
}

fn obligation_line(w: &Writer, item: &ObligationItem) -> String {
    format!(
        "{}: {} in {} ({})",
        w.code(item.party.as_str()),
        item.kind.as_str().replace('_', " "),
        w.code(item.activity.as_str()),
        item.provisions.join(", ")
    )
}

fn obligations(w: &mut Writer, added: &[ObligationItem], removed: &[ObligationItem]) {
    if added.is_empty() && removed.is_empty() {
        return;
    }
    w.heading("Obligations");
    for item in added {
        let line = obligation_line(w, item);
        w.item('+', &line);
    }
    for item in removed {
        let line = obligation_line(w, item);
        w.item('-', &line);
    }
}

fn field_line(w: &Writer, section: &str, id: &str, field: &FieldChange) -> String {
    let path = w.code(&format!("{section}.{id}.{}", field.field));
    match (field.old.as_deref(), field.new.as_deref()) {
        (Some(crate::diff::PRESENT), None) => return format!("{path} removed"),
        (None, Some(crate::diff::PRESENT)) => return format!("{path} added"),
        _ => {}
    }
    let show = |value: &Option<String>| value.as_deref().map(|v| w.prose(v)).unwrap_or_else(|| "(unset)".to_owned());
    format!("{path}: {} → {}", show(&field.old), show(&field.new))
}

fn entities(w: &mut Writer, diff: &ModelDiff) {
    if diff.entities.is_empty() {
        return;
    }
    w.heading("Entities");
    for entity in &diff.entities {
        let name = format!("{}.{}", entity.section, entity.id);
        match entity.change {
            "added" => {
                let line = format!("{} added", w.code(&name));
                w.item('+', &line);
            }
            "removed" => {
                let line = format!("{} removed", w.code(&name));
                w.item('-', &line);
            }
            _ => {
                for field in &entity.fields {
                    let line = field_line(w, entity.section, &entity.id, field);
                    let sign = match (&field.old, &field.new) {
                        (None, Some(_)) => '+',
                        (Some(_), None) => '-',
                        _ => '~',
                    };
                    w.item(sign, &line);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_keeps_code_spans_and_escapes_the_rest() {
        assert_eq!(markdown_with_code_spans("`a_b` is *not* `c|d`"), "`a_b` is \\*not\\* `c|d`");
        // An odd backtick: no clean spans, so everything is escaped.
        assert_eq!(markdown_with_code_spans("it`s `x`"), "it\\`s \\`x\\`");
        assert_eq!(markdown_with_code_spans("`two\nlines`"), "`two lines`");
    }
}
