//! Rendering a [`ModelDiff`] as text for the terminal and as Markdown for a
//! pull-request comment.

use std::fmt::Write;

use crate::diff::{AbroadChange, FieldChange, FindingSummary, HeldRole, ModelDiff, ObligationItem};
use crate::obligations::notification::{NotificationDuty, Recipient};
use crate::render::{self, Lang, fixed};
use crate::report::markdown::escape;
use fluent_bundle::FluentValue;
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
    lang: Lang,
    out: String,
}

/// A message's argument, as text already written.
fn v(text: impl Into<String>) -> FluentValue<'static> {
    FluentValue::from(text.into())
}

impl Writer {
    /// A text of ours in the writer's language.
    fn t(&self, key: &str, args: &[(&'static str, FluentValue<'_>)]) -> String {
        fixed(key, self.lang, args)
    }

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

/// Renders the diff in English. `old` and `new` name the two sides.
pub fn render(diff: &ModelDiff, old: &str, new: &str, flavour: Flavour) -> String {
    render_in(diff, old, new, flavour, Lang::En)
}

/// Renders the diff in `lang`. `old` and `new` name the two sides.
pub fn render_in(diff: &ModelDiff, old: &str, new: &str, flavour: Flavour, lang: Lang) -> String {
    let mut w = Writer { flavour, lang, out: String::new() };
    match flavour {
        Flavour::Markdown => {
            let _ = writeln!(w.out, "## ansvar diff: {} → {}", printable(&w.code(old)), printable(&w.code(new)));
        }
        Flavour::Text { .. } => {
            let _ = writeln!(w.out, "ansvar diff: {} → {}", printable(old), printable(new));
        }
    }
    if diff.is_empty() {
        let _ = writeln!(w.out, "\n{}", w.t("diff-no-change", &[]));
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
        return w.t("diff-no-role", &[]);
    }
    let parts: Vec<String> = roles
        .iter()
        .map(|r| {
            let role = render::roles::role(r.role, w.lang);
            match &r.on_behalf_of {
                Some(principal) => {
                    w.t("diff-role-for", &[("role", v(role)), ("principal", v(w.code(principal.as_str())))])
                }
                None if !r.own_purposes.is_empty() => w.t("diff-role-own-purposes", &[("role", v(role))]),
                None => role,
            }
        })
        .collect();
    parts.join(" + ")
}

fn roles(w: &mut Writer, diff: &ModelDiff) {
    if diff.roles.is_empty() {
        return;
    }
    let heading = w.t("diff-heading-roles", &[]);
    w.heading(&heading);
    for change in &diff.roles {
        let sign = match change.change {
            "gained" => '+',
            "lost" => '-',
            _ => '~',
        };
        let args = [
            ("party", v(w.code(change.party.as_str()))),
            ("activity", v(w.code(change.activity.as_str()))),
            ("old", v(describe_roles(w, &change.old))),
            ("new", v(describe_roles(w, &change.new))),
        ];
        let text = w.t("diff-role-change", &args);
        w.item(sign, &text);
        // The reasons that differ: a reason both sides share explains nothing about
        // the change.
        let reasons = |roles: &[HeldRole]| -> Vec<String> { roles.iter().flat_map(|r| r.reasons.clone()).collect() };
        let (before, after) = (reasons(&change.old), reasons(&change.new));
        for (side, these, others) in [("diff-before", &before, &after), ("diff-after", &after, &before)] {
            for reason in these.iter().filter(|r| !others.contains(r)) {
                let text = w.t(side, &[("text", v(w.prose(reason)))]);
                w.detail(&text);
            }
        }
    }
}

fn finding_line(w: &Writer, finding: &FindingSummary) -> String {
    let accepted = if finding.accepted { format!(" {}", w.t("finding-accepted-mark", &[])) } else { String::new() };
    let args = [
        ("severity", v(render::severity(finding.severity, w.lang))),
        ("code", v(w.code(finding.code))),
        ("accepted", v(accepted)),
        ("message", v(w.prose(&finding.message))),
        ("location", v(w.code(&finding.location))),
    ];
    w.t("diff-finding", &args)
}

fn findings(w: &mut Writer, diff: &ModelDiff) {
    let groups: [(&str, char, &Vec<FindingSummary>); 4] = [
        ("diff-heading-introduced", '+', &diff.findings_introduced),
        ("diff-heading-resolved", '-', &diff.findings_resolved),
        ("diff-heading-acceptances-started", '~', &diff.acceptances_started),
        ("diff-heading-acceptances-stopped", '~', &diff.acceptances_stopped),
    ];
    for (title, sign, list) in groups {
        if list.is_empty() {
            continue;
        }
        let title = w.t(title, &[]);
        w.heading(&title);
        for finding in list {
            let line = finding_line(w, finding);
            w.item(sign, &line);
        }
    }
}

fn abroad_line(w: &Writer, item: &crate::obligations::abroad::ProcessingAbroad) -> String {
    let exporter = item
        .exporter
        .as_ref()
        .map(|e| w.t("diff-abroad-for", &[("exporter", v(w.code(e.as_str())))]))
        .unwrap_or_default();
    let adequacy = match (&item.adequacy, &item.adequacy_not_covering) {
        (Some(instrument), _) => w.t("diff-adequacy", &[("instrument", v(w.prose(instrument)))]),
        (None, Some(instrument)) => w.t("diff-adequacy-not-covering", &[("instrument", v(w.prose(instrument)))]),
        (None, None) => w.t("diff-no-adequacy", &[]),
    };
    let tools = if item.tools.is_empty() { w.t("diff-no-tool", &[]) } else { item.tools.join(", ") };
    let args = [
        ("party", v(w.code(item.party.as_str()))),
        ("activity", v(w.code(item.activity.as_str()))),
        ("exporter", v(exporter)),
        ("country", v(item.country.to_string())),
        ("adequacy", v(adequacy)),
        ("tools", v(tools)),
    ];
    w.t("diff-abroad", &args)
}

fn abroad(w: &mut Writer, changes: &[AbroadChange]) {
    if changes.is_empty() {
        return;
    }
    let heading = w.t("diff-heading-abroad", &[]);
    w.heading(&heading);
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
                let before = w.t("diff-before", &[("text", v(abroad_line(w, old)))]);
                w.detail(&before);
            }
            _ => {}
        }
    }
}

fn duty_line(w: &Writer, duty: &NotificationDuty) -> String {
    let to = match &duty.to {
        Recipient::Principal(party) => w.code(party.as_str()),
        Recipient::SupervisoryAuthority => w.t("diff-to-authority", &[]),
        Recipient::DataSubjects => w.t("diff-to-subjects", &[]),
    };
    let within = duty.within_hours.map(|h| w.t("diff-within", &[("hours", FluentValue::from(h))])).unwrap_or_default();
    let args = [
        ("activity", v(w.code(duty.activity.as_str()))),
        ("from", v(w.code(duty.from.as_str()))),
        ("to", v(to)),
        ("within", v(within)),
        ("provision", v(render::provision(duty.provision(), w.lang))),
    ];
    w.t("diff-duty", &args)
}

fn duties(w: &mut Writer, added: &[NotificationDuty], removed: &[NotificationDuty]) {
    if added.is_empty() && removed.is_empty() {
        return;
    }
    let heading = w.t("diff-heading-duties", &[]);
    w.heading(&heading);
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
    let provisions: Vec<String> = item.provisions.iter().map(|p| render::provision(p, w.lang)).collect();
    let args = [
        ("party", v(w.code(item.party.as_str()))),
        ("kind", v(w.t(&format!("obligation-{}", item.kind.as_str()), &[]))),
        ("activity", v(w.code(item.activity.as_str()))),
        ("provisions", v(provisions.join(", "))),
    ];
    w.t("diff-obligation", &args)
}

fn obligations(w: &mut Writer, added: &[ObligationItem], removed: &[ObligationItem]) {
    if added.is_empty() && removed.is_empty() {
        return;
    }
    let heading = w.t("diff-heading-obligations", &[]);
    w.heading(&heading);
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
        (Some(crate::diff::PRESENT), None) => return w.t("diff-removed", &[("path", v(path))]),
        (None, Some(crate::diff::PRESENT)) => return w.t("diff-added", &[("path", v(path))]),
        _ => {}
    }
    let show =
        |value: &Option<String>| value.as_deref().map(|text| w.prose(text)).unwrap_or_else(|| w.t("diff-unset", &[]));
    w.t("diff-field", &[("path", v(path)), ("old", v(show(&field.old))), ("new", v(show(&field.new)))])
}

fn entities(w: &mut Writer, diff: &ModelDiff) {
    if diff.entities.is_empty() {
        return;
    }
    let heading = w.t("diff-heading-entities", &[]);
    w.heading(&heading);
    for entity in &diff.entities {
        let name = format!("{}.{}", entity.section, entity.id);
        match entity.change {
            "added" => {
                let line = w.t("diff-added", &[("path", v(w.code(&name)))]);
                w.item('+', &line);
            }
            "removed" => {
                let line = w.t("diff-removed", &[("path", v(w.code(&name)))]);
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
