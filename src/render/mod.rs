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
pub mod roles;
pub mod summary;

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

use crate::finding::{Arg, Join, Message, Subject};

pub use diagnostic::to_diagnostic;

/// A language ansvar writes in: `--lang`, or the environment's locale
/// ([`Lang::from_env`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Swedish: the terms of the Swedish GDPR text and of IMY, Swedish citations
    /// (`artikel 28.3 f`).
    Sv,
}

impl Lang {
    /// Every language, in the order of `locales/`.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Sv];

    /// The language's tag, as `--lang` takes it and as `locales/<tag>/` names it.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Sv => "sv",
        }
    }

    /// The language of the environment's locale: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty decides (as POSIX
    /// orders them); a locale starting with `sv` (`sv_SE.UTF-8`, `sv_FI`) is
    /// Swedish, any other is English.
    pub fn from_env(env: impl Fn(&str) -> Option<std::ffi::OsString>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(|name| env(name).filter(|v| !v.is_empty()));
        match locale {
            Some(locale) if locale.to_string_lossy().to_ascii_lowercase().starts_with("sv") => Lang::Sv,
            _ => Lang::En,
        }
    }

    /// [`Lang::from_env`] of this process's environment.
    pub fn detect() -> Lang {
        Lang::from_env(|name| std::env::var_os(name))
    }
}

/// The Fluent files of every language, by name: each language has the same
/// files with the same messages (a test holds them together).
pub const FILES: &[&str] =
    &["findings.ftl", "rules.ftl", "text.ftl", "diagnostics.ftl", "roles.ftl", "report.ftl", "overview.ftl"];

/// The Fluent sources of a language, in the order of [`FILES`].
pub fn sources(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::En => [
            include_str!("../../locales/en/findings.ftl"),
            include_str!("../../locales/en/rules.ftl"),
            include_str!("../../locales/en/text.ftl"),
            include_str!("../../locales/en/diagnostics.ftl"),
            include_str!("../../locales/en/roles.ftl"),
            include_str!("../../locales/en/report.ftl"),
            include_str!("../../locales/en/overview.ftl"),
        ],
        Lang::Sv => [
            include_str!("../../locales/sv/findings.ftl"),
            include_str!("../../locales/sv/rules.ftl"),
            include_str!("../../locales/sv/text.ftl"),
            include_str!("../../locales/sv/diagnostics.ftl"),
            include_str!("../../locales/sv/roles.ftl"),
            include_str!("../../locales/sv/report.ftl"),
            include_str!("../../locales/sv/overview.ftl"),
        ],
    }
}

type Bundle = FluentBundle<&'static FluentResource>;

/// A language's messages: the Fluent bundle, and beside it the patterns
/// simple enough to format without it.
struct Texts {
    bundle: Bundle,
    /// Per message id, its value's and its attributes' [`Piece`]s.
    simple: foldhash::HashMap<&'static str, Simple>,
}

/// The pieces of one message: `None` where a pattern is more than text and
/// variables (a select, a term, a function, a literal), which Fluent formats.
struct Simple {
    value: Option<Box<[Piece]>>,
    attributes: Vec<(&'static str, Option<Box<[Piece]>>)>,
}

/// A piece of a pattern that is only text and `{ $variable }`s.
enum Piece {
    /// Text, written as it is (as Fluent writes a text element).
    Text(&'static str),
    /// A variable, by name.
    Var(&'static str),
}

fn texts(lang: Lang) -> &'static Texts {
    static TEXTS: [OnceLock<Texts>; 2] = [OnceLock::new(), OnceLock::new()];
    TEXTS[lang as usize].get_or_init(|| build(lang))
}

fn bundle(lang: Lang) -> &'static Bundle {
    &texts(lang).bundle
}

/// Builds a language's texts. The sources are part of the binary and a test
/// parses them without error, so a broken entry can only be a bug: it is
/// skipped, not fatal.
fn build(lang: Lang) -> Texts {
    static RESOURCES: [OnceLock<Vec<FluentResource>>; 2] = [OnceLock::new(), OnceLock::new()];
    let resources: &'static [FluentResource] = RESOURCES[lang as usize].get_or_init(|| {
        sources(lang)
            .into_iter()
            .map(|source| FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, _)| partial))
            .collect()
    });
    let tag: unic_langid::LanguageIdentifier = match lang {
        Lang::En => unic_langid::langid!("en"),
        Lang::Sv => unic_langid::langid!("sv"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // No Unicode isolation marks around placeables: `Piece`s write none either.
    bundle.set_use_isolating(false);
    let mut simple = foldhash::HashMap::default();
    for resource in resources {
        let _ = bundle.add_resource(resource);
        for entry in resource.entries() {
            if let ast::Entry::Message(message) = entry {
                // The bundle keeps the first of two messages with one id; so does this.
                simple.entry(message.id.name).or_insert_with(|| Simple {
                    value: message.value.as_ref().and_then(pieces),
                    attributes: message.attributes.iter().map(|a| (a.id.name, pieces(&a.value))).collect(),
                });
            }
        }
    }
    Texts { bundle, simple }
}

/// A pattern as [`Piece`]s, if it is only text and variables.
fn pieces(pattern: &ast::Pattern<&'static str>) -> Option<Box<[Piece]>> {
    // Fluent stops at 100 placeables in a pattern; none comes near.
    const MAX_PLACEABLES: usize = 100;
    let mut placeables = 0;
    let mut out = Vec::with_capacity(pattern.elements.len());
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => out.push(Piece::Text(value)),
            ast::PatternElement::Placeable {
                expression: ast::Expression::Inline(ast::InlineExpression::VariableReference { id }),
            } => {
                placeables += 1;
                out.push(Piece::Var(id.name));
            }
            ast::PatternElement::Placeable { .. } => return None,
        }
    }
    (placeables <= MAX_PLACEABLES).then(|| out.into_boxed_slice())
}

/// The pieces of a message's value or attribute, if it is simple.
fn simple(lang: Lang, key: &str, attribute: Option<&str>) -> Option<&'static [Piece]> {
    let entry = texts(lang).simple.get(key)?;
    match attribute {
        None => entry.value.as_deref(),
        Some(name) => entry.attributes.iter().find(|(n, _)| *n == name).and_then(|(_, p)| p.as_deref()),
    }
}

/// Formats `pieces` by concatenation, as Fluent would: `write` writes the
/// variable named into the text and says whether it could (an argument that
/// is missing, or that Fluent would format otherwise, sends the message back
/// to Fluent, which also reports it).
fn concat(pieces: &[Piece], mut write: impl FnMut(&str, &mut String) -> bool) -> Option<String> {
    // Room for the text and a few words per variable, to grow once at most.
    let room = pieces.iter().map(|piece| if let Piece::Text(text) = piece { text.len() } else { 24 }).sum();
    let mut out = String::with_capacity(room);
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Var(name) => {
                if !write(name, &mut out) {
                    return None;
                }
            }
        }
    }
    Some(out)
}

/// The argument of `message` named `name`: the last of two with one name, as
/// `FluentArgs::set` keeps it.
fn arg_named<'m>(message: &'m Message, name: &str) -> Option<&'m Arg> {
    message.args.iter().rev().find(|(n, _)| *n == name).map(|(_, arg)| arg)
}

/// Writes a Fluent value as Fluent writes it without a custom formatter:
/// a string as it is, a number as [`fluent_bundle::types::FluentNumber::as_string`]
/// (no isolation marks, see [`build`]); a custom value is left to Fluent.
fn write_value(value: &FluentValue<'_>, out: &mut String) -> bool {
    match value {
        FluentValue::String(text) => out.push_str(text),
        FluentValue::Number(number) => out.push_str(&number.as_string()),
        FluentValue::None | FluentValue::Error => {}
        FluentValue::Custom(_) => return false,
    }
    true
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
        let (open, close) = match self {
            Code::Backticks => ('`', '`'),
            Code::Marked => (OPEN, CLOSE),
        };
        let mut out = String::with_capacity(text.len() + open.len_utf8() + close.len_utf8());
        out.push(open);
        out.push_str(text);
        out.push(close);
        out
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
        push_backtick_segments(&rest[..open], &mut out);
        let after = &rest[open + OPEN.len_utf8()..];
        let close = after.find(CLOSE).unwrap_or(after.len());
        out.push(Segment { text: after[..close].to_owned(), code: true });
        rest = after.get(close + CLOSE.len_utf8()..).unwrap_or("");
    }
    push_backtick_segments(rest, &mut out);
    out
}

/// Between a name and its id inside a code argument, for the report to split
/// (`report::finding`); private use, never in a model.
pub(crate) const NAMED: char = '\u{E002}';

/// [`segments`] with names: each id argument (`Arg::Id`, `Arg::Name`) that
/// `name_of` names becomes a segment of its name with the id beside it, as
/// `make(text, code, id)` builds a segment. This is what the report gets by
/// replacing such arguments with `name NAMED id` as code and rendering
/// [`segments`], made directly: no copy of the message, no marks to find
/// again. `None` where that could differ or the message is not simple (a
/// list or a nested message as argument, a select, a mark in model text):
/// the caller takes the long way.
pub(crate) fn named_segments<'n, S>(
    message: &Message,
    lang: Lang,
    name_of: impl Fn(&Subject) -> Option<&'n str>,
    make: impl Fn(String, bool, String) -> S,
) -> Option<Vec<S>> {
    let mut named = Named { lang, name_of, make, out: Vec::new(), text: String::new() };
    named.message(message)?;
    named.flush();
    Some(named.out)
}

/// What [`named_segments`] makes as it goes.
struct Named<N, M, S> {
    lang: Lang,
    name_of: N,
    make: M,
    out: Vec<S>,
    /// The text since the last code segment, split at its backticks when a
    /// code segment or the end closes it, as [`segments`] splits it.
    text: String,
}

impl<'n, N, M, S> Named<N, M, S>
where
    N: Fn(&Subject) -> Option<&'n str>,
    M: Fn(String, bool, String) -> S,
{
    /// A message, as [`render`] writes it with [`Code::Marked`].
    fn message(&mut self, message: &Message) -> Option<()> {
        let pieces = simple(self.lang, message.key, None)?;
        // About a segment per piece: room for them at once rather than as
        // they come.
        self.out.reserve(pieces.len());
        for piece in pieces {
            match piece {
                Piece::Text(piece) => self.text.push_str(piece),
                Piece::Var(name) => {
                    self.arg(arg_named(message, name)?)?;
                }
            }
        }
        Some(())
    }

    /// An argument, as [`text`] writes it with [`Code::Marked`], after the
    /// report put names in (`report::finding`).
    fn arg(&mut self, arg: &Arg) -> Option<()> {
        // OPEN, CLOSE and NAMED all start with the byte 0xEE, as does any
        // character from U+E000 to U+EFFF: text with one takes the long way.
        let marked = |text: &str| text.as_bytes().contains(&0xEE);
        match arg {
            Arg::Id(subject) | Arg::Name(subject) if !matches!(subject, Subject::Country(_)) => {
                let id = subject.id();
                if marked(id) {
                    return None;
                }
                match ((self.name_of)(subject), arg) {
                    (Some(named), _) => {
                        if marked(named) {
                            return None;
                        }
                        self.flush();
                        self.out.push((self.make)(named.to_owned(), false, id.to_owned()));
                    }
                    (None, Arg::Id(_)) => {
                        self.flush();
                        self.out.push((self.make)(id.to_owned(), true, String::new()));
                    }
                    (None, _) => self.text.push_str(id),
                }
            }
            Arg::Code(code) => {
                if marked(code) {
                    return None;
                }
                self.flush();
                self.out.push((self.make)(code.to_string(), true, String::new()));
            }
            Arg::Number(n) => {
                if !write_value(&FluentValue::from(*n), &mut self.text) {
                    return None;
                }
            }
            Arg::Message(inner) => self.message(inner)?,
            Arg::List(items, join) => {
                let separator = separator(*join, self.lang);
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        self.text.push_str(&separator);
                    }
                    self.arg(item)?;
                }
            }
            other => {
                let plain = text(other, self.lang, Code::Marked);
                if marked(&plain) {
                    return None;
                }
                self.text.push_str(&plain);
            }
        }
        Some(())
    }

    /// Ends the text so far as segments.
    fn flush(&mut self) {
        let make = &self.make;
        if !self.text.contains('`') {
            if !self.text.is_empty() {
                self.out.push(make(std::mem::take(&mut self.text), false, String::new()));
            }
            return;
        }
        let mut split = Vec::new();
        push_backtick_segments(&self.text, &mut split);
        self.out.extend(split.into_iter().map(|segment| make(segment.text, segment.code, String::new())));
        self.text.clear();
    }
}

/// Splits text at its backticks: `` `exposure` unknown `` becomes code, text.
/// Text with an odd number of backticks is kept whole, as text.
pub fn backtick_segments(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    push_backtick_segments(text, &mut out);
    out
}

/// [`backtick_segments`] onto `out`.
fn push_backtick_segments(text: &str, out: &mut Vec<Segment>) {
    // Most text has no backtick: it is one segment (none if empty).
    if !text.contains('`') {
        if !text.is_empty() {
            out.push(Segment { text: text.to_owned(), code: false });
        }
        return;
    }
    if text.matches('`').count().is_multiple_of(2) {
        // An odd number of parts: an even number of backticks.
        let parts = text.split('`').enumerate().filter(|(_, part)| !part.is_empty());
        out.extend(parts.map(|(index, part)| Segment { text: part.to_owned(), code: index % 2 == 1 }));
    } else {
        out.push(Segment { text: text.to_owned(), code: false });
    }
}

fn render(message: &Message, lang: Lang, code: Code) -> String {
    if let Some(pieces) = simple(lang, message.key, None) {
        let write = |name: &str, out: &mut String| match arg_named(message, name) {
            Some(Arg::Number(n)) => write_value(&FluentValue::from(*n), out),
            Some(arg) => {
                out.push_str(&text(arg, lang, code));
                true
            }
            None => false,
        };
        if let Some(text) = concat(pieces, write) {
            return text;
        }
    }
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

/// A fixed text (a message with no facts) by key, or with `args` as plain
/// text. Model text passed in must already be printable
/// ([`crate::source::printable`]).
pub(crate) fn fixed(key: &str, lang: Lang, args: &[(&'static str, FluentValue<'_>)]) -> String {
    lookup(key, None, lang, args)
}

/// A text of the command line's own (`cli-…` in `locales/<lang>/text.ftl`):
/// its errors and notes, with `args` as plain text, for the binary, which
/// prints them to stderr.
pub fn cli(key: &str, lang: Lang, args: &[(&'static str, String)]) -> String {
    let args: Vec<(&'static str, FluentValue<'_>)> =
        args.iter().map(|(name, value)| (*name, FluentValue::from(value.as_str()))).collect();
    lookup(key, None, lang, &args)
}

/// An attribute (`.explanation`) of a message.
pub(crate) fn attribute(key: &str, attribute: &str, lang: Lang) -> String {
    lookup(key, Some(attribute), lang, &[])
}

fn lookup(key: &str, attribute: Option<&str>, lang: Lang, args: &[(&'static str, FluentValue<'_>)]) -> String {
    if let Some(pieces) = simple(lang, key, attribute) {
        // As `FluentArgs::set` keeps the last of two arguments with one name.
        let write = |name: &str, out: &mut String| match args.iter().rev().find(|(n, _)| *n == name) {
            Some((_, value)) => write_value(value, out),
            None => false,
        };
        if let Some(text) = concat(pieces, write) {
            return text;
        }
    }
    if args.is_empty() {
        return cached(key, attribute, lang);
    }
    format(key, attribute, lang, args)
}

/// A message without arguments, formatted once per thread and then copied:
/// a report asks for the same labels and sentences (`none`, a field's label,
/// a rule's explanation) hundreds of thousands of times, and formatting one
/// costs several times a copy. The bundles never change, so neither does the
/// text; the keys are the messages' own, a set as small as the locale files.
fn cached(key: &str, attribute: Option<&str>, lang: Lang) -> String {
    use foldhash::HashMap;
    use std::cell::RefCell;
    thread_local! {
        /// Per language, per key (with `\0` and the attribute after it).
        static PLAIN: RefCell<[HashMap<String, String>; 2]> = RefCell::new([HashMap::default(), HashMap::default()]);
    }
    let joined;
    let name = match attribute {
        None => key,
        Some(attribute) => {
            joined = format!("{key}\0{attribute}");
            &joined
        }
    };
    PLAIN.with(|cache| {
        let mut cache = cache.borrow_mut();
        let texts = &mut cache[lang as usize];
        if let Some(text) = texts.get(name) {
            return text.clone();
        }
        let text = format(key, attribute, lang, &[]);
        texts.insert(name.to_owned(), text.clone());
        text
    })
}

/// A message formatted by its bundle.
fn format(key: &str, attribute: Option<&str>, lang: Lang, args: &[(&'static str, FluentValue<'_>)]) -> String {
    let bundle = bundle(lang);
    let message = bundle.get_message(key);
    let pattern = match attribute {
        None => message.and_then(|m| m.value()),
        Some(name) => message.and_then(|m| m.get_attribute(name)).map(|a| a.value()),
    };
    let Some(pattern) = pattern else {
        debug_assert!(false, "no message `{key}` {attribute:?} in {lang:?}");
        return key.to_owned();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    debug_assert!(errors.is_empty(), "message `{key}`: {errors:?}");
    text.into_owned()
}

/// The country names of a language other than English, by code: the
/// reference data names countries in English (ISO 3166-1 short names), and a
/// Swedish memo names them in Swedish (`locales/sv/countries.tsv`, from CLDR).
const COUNTRY_NAMES_SV: &str = include_str!("../../locales/sv/countries.tsv");

/// A country's name in `lang`: the reference data's (English) name in English,
/// the language's own name where it has one, else the English name.
pub fn country_name<'a>(country: &crate::model::Country, english: &'a str, lang: Lang) -> Cow<'a, str> {
    static SV: OnceLock<std::collections::HashMap<&'static str, &'static str>> = OnceLock::new();
    match lang {
        Lang::En => Cow::Borrowed(english),
        Lang::Sv => {
            let names = SV.get_or_init(|| {
                COUNTRY_NAMES_SV
                    .lines()
                    .filter(|line| !line.starts_with('#'))
                    .filter_map(|line| line.split_once('\t'))
                    .collect()
            });
            names.get(country.as_str()).map_or(Cow::Borrowed(english), |name| Cow::Borrowed(*name))
        }
    }
}

/// What a loader's diagnostic code means, in one sentence of `lang`.
pub fn diagnostic_description(code: crate::codes::DiagnosticCode, lang: Lang) -> String {
    fixed(&format!("diagnostic-{}", code.as_str()), lang, &[])
}

/// The loader's diagnostics as `lang` shows them. Their details are written in
/// English where they are found (`src/load/`), around model text that is shown
/// as it is; in another language each leads with its code's sentence in that
/// language, and keeps the detail as a note.
pub fn loader_diagnostics(diagnostics: &[crate::diag::Diagnostic], lang: Lang) -> Cow<'_, [crate::diag::Diagnostic]> {
    if lang == Lang::En {
        return Cow::Borrowed(diagnostics);
    }
    let localised = diagnostics
        .iter()
        .map(|diagnostic| {
            let mut diagnostic = diagnostic.clone();
            if let Some(crate::diag::Code::Model(code)) = diagnostic.code {
                let detail = std::mem::replace(&mut diagnostic.message, diagnostic_description(code, lang));
                let detail = fixed("diagnostic-detail", lang, &[("detail", FluentValue::from(detail))]);
                diagnostic.notes.insert(0, detail);
            }
            diagnostic
        })
        .collect();
    Cow::Owned(localised)
}

/// The line that ends the diagnostics of an invalid model: `` `models/x` is not
/// a valid model: 3 problems ``. `side` names the side of a diff (`old`, `new`)
/// or is `None`; `shown` is the model as the user named it.
pub fn invalid_model(side: Option<&str>, shown: &str, count: usize, lang: Lang) -> String {
    let side = side.map(|side| fixed(&format!("invalid-model-side-{side}"), lang, &[])).unwrap_or_default();
    let args = [
        ("side", FluentValue::from(side)),
        ("model", FluentValue::from(format!("`{}`", crate::source::printable(shown)))),
        ("count", FluentValue::from(count)),
    ];
    fixed("invalid-model", lang, &args)
}

/// A severity as a word of `lang` (`high`, `hög`); JSON and SARIF keep
/// [`Severity::as_str`](crate::rules::Severity::as_str).
pub fn severity(severity: crate::rules::Severity, lang: Lang) -> String {
    fixed(&format!("severity-{}", severity.as_str()), lang, &[])
}

/// A provision of [`crate::law`] as `lang` cites it: in English as spelled
/// there (`Art. 28(3)(f)`), in Swedish as Swedish legal text does (`artikel
/// 28.3 f`). Guidance and judgments have a message each (`provision-…`);
/// Swedish statutes are cited the Swedish way in every language.
pub fn provision(provision: &str, lang: Lang) -> String {
    if let Some(key) = provision_key(provision) {
        return fixed(key, lang, &[]);
    }
    match (lang, provision.strip_prefix("Art. ")) {
        (Lang::Sv, Some(number)) => format!("artikel {}", swedish_article(number)),
        _ => provision.to_owned(),
    }
}

/// Provisions joined as a list, in `lang`.
pub fn provisions(list: &[&str], lang: Lang) -> String {
    list.iter().map(|p| provision(p, lang)).collect::<Vec<_>>().join("; ")
}

/// The message of a provision that is neither an article nor a Swedish statute.
fn provision_key(provision: &str) -> Option<&'static str> {
    use crate::law;
    Some(match provision {
        law::EDPB_07_2020_PURPOSES_MEANS => "provision-edpb-07-2020-purposes-means",
        law::EDPB_07_2020_JOINT => "provision-edpb-07-2020-joint",
        law::EDPB_07_2020_PROCESSOR => "provision-edpb-07-2020-processor",
        law::EDPB_07_2020_FACTS => "provision-edpb-07-2020-facts",
        law::EDPB_9_2022_AWARENESS => "provision-edpb-9-2022-awareness",
        law::CJEU_SCHREMS_II => "provision-cjeu-schrems-ii",
        law::SCC_CLAUSE_14 => "provision-scc-clause-14",
        law::EDPB_REC_01_2020 => "provision-edpb-rec-01-2020",
        _ => return None,
    })
}

/// `28(3)(f)` as `28.3 f`, `4(20)` as `4.20`: numbered paragraphs joined by
/// dots, a lettered point after a space. Text it cannot read is kept.
fn swedish_article(number: &str) -> String {
    let (article, rest) = number.split_at(number.find('(').unwrap_or(number.len()));
    let mut out = article.to_owned();
    let mut rest = rest;
    while let Some(inner) = rest.strip_prefix('(') {
        let Some(close) = inner.find(')') else { return number.to_owned() };
        let part = &inner[..close];
        if part.chars().all(|c| c.is_ascii_digit()) {
            out.push('.');
        } else {
            out.push(' ');
        }
        out.push_str(part);
        rest = &inner[close + 1..];
    }
    out.push_str(rest);
    out
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
            let name = country_name(country, name, lang);
            render(&Message::new("country-named").with("name", Arg::verbatim(&name)).with("code", country), lang, code)
        }
        Arg::Date(date) => date.to_string(),
        Arg::Number(n) => n.to_string(),
        Arg::Word(word) => {
            let key = format!("word-{word}");
            if let Some(text) = simple(lang, &key, None).and_then(|pieces| concat(pieces, |_, _| false)) {
                return text;
            }
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
        Arg::Translated(translation) => match (lang, &translation.sv) {
            (Lang::Sv, Some(sv)) => sv.to_string(),
            _ => translation.en.to_string(),
        },
        Arg::Provision(cited) => provision(cited, lang),
        Arg::Message(message) => render(message, lang, code),
        Arg::List(items, join) => {
            items.iter().map(|item| text(item, lang, code)).collect::<Vec<_>>().join(&separator(*join, lang))
        }
    }
}

/// What a list's items are joined with.
fn separator(join: Join, lang: Lang) -> String {
    let key = match join {
        Join::Comma => "join-comma",
        Join::And => "join-and",
        Join::Semicolon => "join-semicolon",
        Join::Arrow => "join-arrow",
    };
    plain(key, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActivityId, Country, PartyId};
    use crate::msg;

    #[test]
    fn the_sources_parse_without_error() {
        for lang in Lang::ALL {
            for (file, source) in FILES.iter().zip(sources(lang)) {
                if let Err((_, errors)) = FluentResource::try_new(source.to_owned()) {
                    panic!("{}/{file}: {errors:?}", lang.tag());
                }
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
    fn articles_are_cited_as_each_language_does() {
        use crate::law;
        assert_eq!(provision(law::ART_28_3_F, Lang::En), "Art. 28(3)(f)");
        assert_eq!(provision(law::ART_28_3_F, Lang::Sv), "artikel 28.3 f");
        assert_eq!(provision(law::ART_5_1_A, Lang::Sv), "artikel 5.1 a");
        assert_eq!(provision(law::ART_4_20, Lang::Sv), "artikel 4.20");
        assert_eq!(provision(law::ART_13, Lang::Sv), "artikel 13");
        assert_eq!(provision(law::PDL_4_3, Lang::En), law::PDL_4_3);
        assert_eq!(provision(law::PDL_4_3, Lang::Sv), law::PDL_4_3);
        assert_eq!(provisions(&[law::ART_33, law::ART_34_3_C], Lang::Sv), "artikel 33; artikel 34.3 c");
        // Guidance is spelled in English as law.rs spells it, and has a Swedish name.
        for p in law::ALL.iter().filter(|p| provision_key(p).is_some()) {
            assert_eq!(provision(p, Lang::En), *p);
            assert_ne!(provision(p, Lang::Sv), *p);
        }
        // Every article reads in Swedish with no English left in it.
        for p in law::ALL {
            let swedish = provision(p, Lang::Sv);
            let article = swedish.starts_with("artikel ");
            assert!(!swedish.contains("Art."), "{p} → {swedish}");
            assert!(!article || !swedish.contains('('), "{p} → {swedish}");
        }
    }

    #[test]
    fn the_locale_picks_the_language() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| std::ffi::OsString::from(v))
        };
        assert_eq!(Lang::from_env(env(&[])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LANG", "sv_SE.UTF-8")])), Lang::Sv);
        assert_eq!(Lang::from_env(env(&[("LANG", "sv_SE.UTF-8"), ("LC_MESSAGES", "en_GB.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LANG", "en_US"), ("LC_MESSAGES", "sv_FI"), ("LC_ALL", "")])), Lang::Sv);
        assert_eq!(Lang::from_env(env(&[("LC_ALL", "C"), ("LANG", "sv_SE")])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LC_ALL", "SV_se")])), Lang::Sv);
    }

    #[test]
    fn a_long_chain_keeps_its_ends_as_the_diagnostics_do() {
        let parties: Vec<PartyId> = (0..20).map(|n| PartyId::new(format!("p{n}"))).collect();
        let quoted: Vec<String> = parties.iter().map(|p| format!("`{p}`")).collect();
        let quoted: Vec<&str> = quoted.iter().map(String::as_str).collect();
        let chain = Arg::chain(&parties);
        assert_eq!(text(&chain, Lang::En, Code::Backticks), crate::diag::elided_chain(&quoted));
        assert!(text(&chain, Lang::Sv, Code::Backticks).contains("… (8 till) → "));
        let short = Arg::chain(&parties[..3]);
        assert_eq!(text(&short, Lang::En, Code::Backticks), "`p0` → `p1` → `p2`");
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
