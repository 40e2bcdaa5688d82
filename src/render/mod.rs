//! Text: every sentence `ansvar` shows about a finding, rendered from typed data
//! in one place.
//!
//! Findings carry message keys and typed facts ([`crate::finding::Message`]);
//! the sentences are Project Fluent messages in `locales/<lang>/*.ftl`, embedded
//! in the binary. Ids render as code (`` `medhelp` ``), countries by name and
//! code, dates as ISO 8601, vocabulary words through `word-<value>` messages. A
//! second language is a new `locales/<lang>/` folder and a [`Lang`] variant.
//!
//! The other text `check` and `rules` print is here too: the rule catalogue
//! ([`catalogue`]) and the model summary ([`summary`]).

pub mod catalogue;
mod diagnostic;
pub mod digest;
pub mod summary;

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::finding::{Arg, Join, Message, Subject};

pub use diagnostic::to_diagnostic;

/// A language findings can be rendered in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    #[default]
    En,
}

/// The Fluent sources of a language, in the order they are added.
fn sources(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[include_str!("../../locales/en/findings.ftl")],
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static EN: OnceLock<Bundle> = OnceLock::new();
    let cell = match lang {
        Lang::En => &EN,
    };
    cell.get_or_init(|| build(lang))
}

/// Builds a bundle. The sources are part of the binary and a test parses them
/// without error, so a broken entry can only be a bug: it is skipped, not fatal.
fn build(lang: Lang) -> Bundle {
    let tag: unic_langid::LanguageIdentifier = match lang {
        Lang::En => unic_langid::langid!("en"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    bundle.set_use_isolating(false);
    for source in sources(lang) {
        let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// How a piece of code (an id, a value as spelled) is written in the output.
#[derive(Clone, Copy)]
enum Code {
    /// In backticks, as the terminal, JSON and SARIF show it.
    Backticks,
    /// Between private-use marks, for [`segments`] to find.
    Marked,
}

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

impl Code {
    fn wrap(self, text: &str) -> String {
        match self {
            Code::Backticks => format!("`{text}`"),
            Code::Marked => format!("{OPEN}{text}{CLOSE}"),
        }
    }
}

/// Renders a message in `lang`.
pub fn message(message: &Message, lang: Lang) -> String {
    render(message, lang, Code::Backticks)
}

/// A piece of a rendered sentence: plain text, or code (an id, or a field name
/// the sentence quotes in backticks).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Segment {
    /// The text.
    pub text: String,
    /// Whether it is code.
    pub code: bool,
}

/// Renders a message in `lang` as segments: its ids as code, from the typed
/// facts rather than from backticks in the text; backticks the message itself
/// writes around a field name are code too.
pub fn segments(message: &Message, lang: Lang) -> Vec<Segment> {
    let text = render(message, lang, Code::Marked);
    let mut out = Vec::new();
    let mut rest = text.as_str();
    while let Some(open) = rest.find(OPEN) {
        out.extend(backtick_segments(&rest[..open]));
        let after = &rest[open + OPEN.len_utf8()..];
        let close = after.find(CLOSE).unwrap_or(after.len());
        out.push(Segment { text: after[..close].to_owned(), code: true });
        rest = after.get(close + CLOSE.len_utf8()..).unwrap_or("");
    }
    out.extend(backtick_segments(rest));
    out
}

/// Splits text at its backticks: `` `exposure` unknown `` becomes code, text.
/// Text with an odd number of backticks is kept whole, as text.
pub fn backtick_segments(text: &str) -> Vec<Segment> {
    let parts: Vec<&str> = text.split('`').collect();
    if parts.len().is_multiple_of(2) {
        return vec![Segment { text: text.to_owned(), code: false }];
    }
    parts
        .iter()
        .enumerate()
        .filter(|(_, part)| !part.is_empty())
        .map(|(index, part)| Segment { text: (*part).to_owned(), code: index % 2 == 1 })
        .collect()
}

fn render(message: &Message, lang: Lang, code: Code) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(message.key).and_then(|m| m.value()) else {
        debug_assert!(false, "no message `{}` in {lang:?}", message.key);
        return message.key.to_owned();
    };
    let mut args = FluentArgs::with_capacity(message.args.len());
    for (name, arg) in &message.args {
        args.set(*name, value(arg, lang, code));
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
    debug_assert!(errors.is_empty(), "message `{}`: {errors:?}", message.key);
    text.into_owned()
}

/// A message with no facts, by key.
fn plain(key: &'static str, lang: Lang) -> String {
    render(&Message::new(key), lang, Code::Backticks)
}

fn value(arg: &Arg, lang: Lang, code: Code) -> FluentValue<'static> {
    match arg {
        Arg::Number(n) => FluentValue::from(*n),
        other => FluentValue::from(text(other, lang, code)),
    }
}

fn text(arg: &Arg, lang: Lang, code: Code) -> String {
    match arg {
        Arg::Id(Subject::Country(country)) | Arg::Country(country) => country.to_string(),
        Arg::Id(subject) => code.wrap(subject.id()),
        Arg::Name(subject) => subject.id().to_owned(),
        Arg::CountryNamed(country, name) => {
            render(&Message::new("country-named").with("name", Arg::verbatim(name)).with("code", country), lang, code)
        }
        Arg::Date(date) => date.to_string(),
        Arg::Number(n) => n.to_string(),
        Arg::Word(word) => {
            let key = format!("word-{word}");
            match bundle(lang).get_message(&key).and_then(|m| m.value()) {
                Some(pattern) => {
                    let mut errors = Vec::new();
                    bundle(lang).format_pattern(pattern, None, &mut errors).into_owned()
                }
                None => (*word).to_owned(),
            }
        }
        Arg::Code(text) => code.wrap(text),
        Arg::Verbatim(text) => text.to_string(),
        Arg::Message(message) => render(message, lang, code),
        Arg::List(items, join) => {
            let separator: Cow<'static, str> = Cow::Owned(plain(
                match join {
                    Join::Comma => "join-comma",
                    Join::And => "join-and",
                    Join::Semicolon => "join-semicolon",
                },
                lang,
            ));
            items.iter().map(|item| text(item, lang, code)).collect::<Vec<_>>().join(&separator)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActivityId, Country, PartyId};
    use crate::msg;

    #[test]
    fn the_english_sources_parse_without_error() {
        for source in sources(Lang::En) {
            if let Err((_, errors)) = FluentResource::try_new((*source).to_owned()) {
                panic!("{errors:?}");
            }
        }
    }

    #[test]
    fn ids_render_as_code_and_lists_are_joined() {
        let m = msg!("performer-for-nobody", party = &PartyId::new("medicall"), activity = &ActivityId::new("advice"),);
        assert_eq!(message(&m, Lang::En), "`medicall` performs `advice` on behalf of nobody");
        assert_eq!(
            segments(&m, Lang::En),
            vec![
                Segment { text: "medicall".into(), code: true },
                Segment { text: " performs ".into(), code: false },
                Segment { text: "advice".into(), code: true },
                Segment { text: " on behalf of nobody".into(), code: false },
            ]
        );
        let list = Arg::list([&PartyId::new("a"), &PartyId::new("b")], Join::Comma);
        assert_eq!(text(&list, Lang::En, Code::Backticks), "`a`, `b`");
        let named = Arg::CountryNamed(Country::new("US"), "United States".into());
        assert_eq!(text(&named, Lang::En, Code::Backticks), "United States (US)");
    }

    #[test]
    fn backticks_become_code_segments() {
        assert_eq!(
            backtick_segments("`exposure` unknown"),
            vec![Segment { text: "exposure".into(), code: true }, Segment { text: " unknown".into(), code: false }]
        );
        assert_eq!(backtick_segments("a ` b"), vec![Segment { text: "a ` b".into(), code: false }]);
    }
}
