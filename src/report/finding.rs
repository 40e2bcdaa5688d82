//! Findings as the report shows them: numbered (`F1`, `F2`, … in the order of
//! `ansvar check`), with the rule's explanation and remediation, the chain by
//! name, every place in the YAML as `file:line:column`. A finding's message is
//! rendered from its typed facts, and its ids are shown as code because the
//! facts say they are ids ([`crate::render::segments`]), not by reading the text.

use serde::Serialize;

use crate::finding::{Arg, Message};
use crate::render;
use crate::rules::{Finding, Severity};

use super::refs::{ActivityRef, Input, Names, PartyRef};

/// A piece of a sentence as the report shows it: plain text, code (a field
/// name, a value as spelled), or the name of a thing the sentence refers to by
/// id, with that id beside it for a reader who looks for it in the YAML.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// The text (for a named thing, its name).
    pub text: String,
    /// Whether it is code.
    pub code: bool,
    /// The id the name stands for, or empty.
    pub id: String,
}

impl Segment {
    fn from_render(segment: render::Segment) -> Self {
        match segment.text.split_once(NAMED) {
            Some((name, id)) if segment.code => Segment { text: name.to_owned(), code: false, id: id.to_owned() },
            _ => Segment { text: segment.text, code: segment.code, id: String::new() },
        }
    }
}

/// Between a name and its id inside a code argument, for
/// [`Segment::from_render`] to split.
const NAMED: char = render::NAMED;

/// Splits prose written by hand (a rule's explanation, a role's reason) at its
/// backticks: `` `medhelp` notified `imy` `` becomes code, text, code. Text
/// with an odd number of backticks is kept whole, as text, rather than guessed at.
pub fn segments(text: &str) -> Vec<Segment> {
    render::backtick_segments(text).into_iter().map(Segment::from_render).collect()
}

/// A finding's message rendered with names where its facts name things by id
/// (the ids kept beside them), for the report's prose. The terminal, JSON and
/// SARIF keep the ids. Empty for an input without splits
/// ([`Input::without_splits`]).
pub(crate) fn named_message(input: &Names<'_>, message: &Message) -> Vec<Segment> {
    if !input.splits {
        return Vec::new();
    }
    let make = |text, code, id| Segment { text, code, id };
    if let Some(segments) = render::named_segments(message, input.lang, |subject| input.subject_name(subject), make) {
        return segments;
    }
    render::segments(&with_names(input, message), input.lang).into_iter().map(Segment::from_render).collect()
}

/// The message with each id argument that the model names replaced by
/// `name NAMED id`, as code, so that the rendered segment carries both.
fn with_names(input: &Input<'_>, message: &Message) -> Message {
    Message { key: message.key, args: message.args.iter().map(|(key, arg)| (*key, name_arg(input, arg))).collect() }
}

fn name_arg(input: &Input<'_>, arg: &Arg) -> Arg {
    match arg {
        Arg::Id(subject) | Arg::Name(subject) => match input.name_of(subject) {
            Some(name) => {
                let id = subject.id();
                let mut named = String::with_capacity(name.len() + NAMED.len_utf8() + id.len());
                named.push_str(name);
                named.push(NAMED);
                named.push_str(id);
                Arg::code(named)
            }
            None => arg.clone(),
        },
        Arg::List(items, join) => Arg::List(items.iter().map(|item| name_arg(input, item)).collect(), *join),
        Arg::Message(inner) => Arg::Message(Box::new(with_names(input, inner))),
        other => other.clone(),
    }
}

/// A clause as a sentence: a capital first letter and a final full stop. The
/// rules write remediations as clauses ("encrypt the stored data …") because
/// the terminal prints them after `help:`; a report prints them on their own.
pub fn sentence(text: &str) -> String {
    let mut out = capitalised(text.trim());
    if !out.is_empty() && !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

/// A severity in words, for headings and chips.
pub fn severity_label(severity: Severity, lang: crate::render::Lang) -> String {
    capitalised(&crate::render::severity(severity, lang))
}

/// `text` with a capital first letter: `Joint controller`.
pub(crate) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// A rule's explanation and remediation (as a sentence), each with its
/// segments: the same for every finding of the rule.
#[derive(Default)]
struct RuleTexts {
    explanation: String,
    explanation_segments: Vec<Segment>,
    remediation: String,
    remediation_segments: Vec<Segment>,
}

/// The [`RuleTexts`] of `rule` in `lang`, worded once per thread and then
/// shared: a report has thousands of findings of a few dozen rules, and
/// wording a rule's texts costs several times copying them.
fn rule_texts(rule: &'static crate::rules::Rule, lang: render::Lang) -> std::rc::Rc<RuleTexts> {
    use std::cell::RefCell;
    use std::rc::Rc;
    thread_local! {
        /// By rule (one of the catalogue's, known by where it lies) and language.
        static TEXTS: RefCell<Vec<(&'static crate::rules::Rule, render::Lang, Rc<RuleTexts>)>> =
            const { RefCell::new(Vec::new()) };
    }
    TEXTS.with(|texts| {
        let mut texts = texts.borrow_mut();
        if let Some((_, _, found)) = texts.iter().find(|(r, l, _)| std::ptr::eq(*r, rule) && *l == lang) {
            return Rc::clone(found);
        }
        let explanation = render::catalogue::explanation(rule, lang);
        let remediation = sentence(&render::catalogue::remediation(rule, lang));
        let made = Rc::new(RuleTexts {
            explanation_segments: segments(&explanation),
            explanation,
            remediation_segments: segments(&remediation),
            remediation,
        });
        texts.push((rule, lang, Rc::clone(&made)));
        made
    })
}

/// A secondary place a finding points at.
#[derive(Clone, Debug, Serialize)]
pub struct PlaceView {
    /// What is there.
    pub message: String,
    /// The message split for display.
    #[serde(skip)]
    pub segments: Vec<Segment>,
    /// `file:line:column`.
    pub location: String,
}

/// An accepted risk as it covers one finding.
#[derive(Clone, Debug, Serialize)]
pub struct AcceptanceView {
    /// Why it is accepted.
    pub justification: String,
    /// Who accepted it.
    pub accepted_by: String,
    /// Last day it holds.
    pub expires: String,
    /// Where the acceptance is written.
    pub location: String,
}

/// One finding, ready to show.
#[derive(Clone, Debug, Serialize)]
pub struct FindingView {
    /// Its number in this report, `F1`, `F2`, … in the findings' order.
    pub number: String,
    /// The HTML anchor.
    #[serde(skip)]
    pub anchor: String,
    /// The rule code.
    pub code: String,
    /// `critical`, `high`, `medium`, `low` or `info` (also the CSS class).
    pub severity: String,
    /// The severity in words.
    #[serde(skip)]
    pub severity_label: String,
    /// What was found.
    pub message: String,
    /// The message split for display.
    #[serde(skip)]
    pub message_segments: Vec<Segment>,
    /// The party that must act.
    pub party: Option<PartyRef>,
    /// The activity it concerns.
    pub activity: Option<ActivityRef>,
    /// The provisions it rests on, joined.
    pub provisions: String,
    /// Where in the YAML it shows.
    pub location: String,
    /// Other places that explain it.
    pub also: Vec<PlaceView>,
    /// The chain that brought the party in, by name, from the top down.
    pub chain: String,
    /// Why it matters (the rule's explanation).
    pub explanation: String,
    /// The explanation split for display.
    #[serde(skip)]
    pub explanation_segments: Vec<Segment>,
    /// The number of an earlier finding of the same rule whose explanation the
    /// report shows, when it refers to that one rather than repeat it
    /// (`ReferBack` in the view); empty otherwise.
    #[serde(skip)]
    pub explained_at: String,
    /// What to do (the rule's remediation).
    pub remediation: String,
    /// The remediation split for display.
    #[serde(skip)]
    pub remediation_segments: Vec<Segment>,
    /// The acceptance, when an accepted risk covers it.
    pub accepted: Option<AcceptanceView>,
}

impl FindingView {
    pub(super) fn new(input: &Names<'_>, index: usize, finding: &Finding) -> Self {
        let number = format!("F{}", index + 1);
        let texts = finding.rule().map(|rule| rule_texts(rule, input.lang)).unwrap_or_default();
        let split = |segments: &Vec<Segment>| if input.splits { segments.clone() } else { Vec::new() };
        Self {
            anchor: format!("finding-{number}"),
            number,
            code: finding.code.to_owned(),
            severity: finding.severity.as_str().to_owned(),
            severity_label: severity_label(finding.severity, input.lang),
            message: render::message(&finding.message, input.lang),
            message_segments: named_message(input, &finding.message),
            party: finding.party.as_ref().map(|p| input.party(p)),
            activity: finding.activity.as_ref().map(|a| input.activity(a)),
            provisions: render::provisions(&finding.provisions, input.lang),
            location: input.sources.location_text(finding.primary.span),
            also: finding
                .labels
                .iter()
                .map(|l| PlaceView {
                    message: render::message(&l.message, input.lang),
                    segments: named_message(input, &l.message),
                    location: input.sources.location_text(l.span),
                })
                .collect(),
            chain: crate::diag::elided_chain_by(&finding.chain, |p| input.party_name(p).to_owned()),
            explanation_segments: split(&texts.explanation_segments),
            explanation: texts.explanation.clone(),
            explained_at: String::new(),
            remediation_segments: split(&texts.remediation_segments),
            remediation: texts.remediation.clone(),
            accepted: finding.accepted.as_ref().map(|a| AcceptanceView {
                justification: a.justification.clone(),
                accepted_by: a.accepted_by.clone(),
                expires: a.expires.to_string(),
                location: input.sources.location_text(a.span),
            }),
        }
    }

    /// Whether no accepted risk covers it.
    pub fn is_open(&self) -> bool {
        self.accepted.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backticks_become_code_segments() {
        let parts = segments("`medhelp` notified `imy` late");
        assert_eq!(
            parts,
            vec![
                Segment { text: "medhelp".into(), code: true, id: String::new() },
                Segment { text: " notified ".into(), code: false, id: String::new() },
                Segment { text: "imy".into(), code: true, id: String::new() },
                Segment { text: " late".into(), code: false, id: String::new() },
            ]
        );
    }

    #[test]
    fn clauses_become_sentences() {
        assert_eq!(sentence("encrypt the data"), "Encrypt the data.");
        assert_eq!(sentence("Done."), "Done.");
        assert_eq!(sentence(""), "");
    }

    #[test]
    fn an_unbalanced_backtick_keeps_the_sentence_whole() {
        assert_eq!(segments("a ` b"), vec![Segment { text: "a ` b".into(), code: false, id: String::new() }]);
    }
}
