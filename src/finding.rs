//! Findings as data: what a rule found, about what, and why, with no sentence in it.
//!
//! A [`Finding`] holds its rule's code, its severity, the party that must act and
//! the activity it concerns, further typed [`Subject`]s (the importer of a
//! transfer, the system, the agreement, the incident, …), its facts as a
//! [`Message`] (a message key and typed [`Arg`]s: ids, countries, dates, numbers,
//! words of a closed vocabulary), the provisions it rests on, where it shows in
//! the YAML ([`Mark`]s, each with its own message), the chain that brought the
//! party in, and the acceptance that covers it. The English text is rendered from
//! the message at output time, in one place ([`crate::render`]).
//!
//! Each finding has a [`Finding::fingerprint`]: a hash of its rule code and its
//! subjects, never of its text or its place in the YAML, so that rewording a
//! message or moving YAML lines leaves it unchanged. `ansvar diff` matches
//! findings by it.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use jiff::civil::Date;
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

use crate::model::ids::Interned;
use crate::model::{ActivityId, AgreementId, Country, DataId, IncidentId, PartyId, RegimeId, SystemId};
use crate::rules::{Rule, Severity};
use crate::source::Span;

/// A thing a finding is about, by its model id.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Subject {
    /// A party.
    Party(PartyId),
    /// A processing activity.
    Activity(ActivityId),
    /// A system.
    System(SystemId),
    /// An agreement.
    Agreement(AgreementId),
    /// A data category.
    Data(DataId),
    /// An incident.
    Incident(IncidentId),
    /// A legal regime.
    Regime(RegimeId),
    /// A country.
    Country(Country),
    /// A rule code as written in the model (an accepted risk may name one that
    /// does not exist), stored once for the process like an id: a subject is
    /// then eight bytes, and so is every argument naming one.
    Rule(Interned),
}

impl Subject {
    /// The kind of thing, as written in JSON: `party`, `activity`, `system`, …
    pub fn kind(&self) -> &'static str {
        match self {
            Subject::Party(_) => "party",
            Subject::Activity(_) => "activity",
            Subject::System(_) => "system",
            Subject::Agreement(_) => "agreement",
            Subject::Data(_) => "data",
            Subject::Incident(_) => "incident",
            Subject::Regime(_) => "regime",
            Subject::Country(_) => "country",
            Subject::Rule(_) => "rule",
        }
    }

    /// The id as written in the model.
    pub fn id(&self) -> &str {
        match self {
            Subject::Party(id) => id.as_str(),
            Subject::Activity(id) => id.as_str(),
            Subject::System(id) => id.as_str(),
            Subject::Agreement(id) => id.as_str(),
            Subject::Data(id) => id.as_str(),
            Subject::Incident(id) => id.as_str(),
            Subject::Regime(id) => id.as_str(),
            Subject::Country(country) => country.as_str(),
            Subject::Rule(code) => code.as_str(),
        }
    }
}

macro_rules! subject_from {
    ($($id:ty => $variant:ident),* $(,)?) => {
        $(
            impl From<&$id> for Subject {
                fn from(id: &$id) -> Self {
                    Subject::$variant(id.clone())
                }
            }
            impl From<&$id> for Arg {
                fn from(id: &$id) -> Self {
                    Arg::Id(Subject::$variant(id.clone()))
                }
            }
        )*
    };
}

subject_from!(
    PartyId => Party,
    ActivityId => Activity,
    SystemId => System,
    AgreementId => Agreement,
    DataId => Data,
    IncidentId => Incident,
    RegimeId => Regime,
);

impl From<&Country> for Subject {
    fn from(country: &Country) -> Self {
        Subject::Country(country.clone())
    }
}

/// How the items of a list are joined when rendered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Join {
    /// `a, b, c`
    Comma,
    /// `a and b and c`
    And,
    /// `a; b`
    Semicolon,
    /// `a → b`, a chain of delegation.
    Arrow,
}

/// A typed fact a message is rendered from.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arg {
    /// An entity by its id; rendered as code.
    Id(Subject),
    /// An entity by its id, where a sentence lists it by name rather than as
    /// code; rendered as the id for now.
    Name(Subject),
    /// A country by its code; rendered as the code.
    Country(Country),
    /// A country with its name from the reference data; rendered `Name (CC)`.
    CountryNamed(Country, Arc<str>),
    /// A date.
    Date(Date),
    /// A whole number; messages may choose a plural form by it.
    Number(i64),
    /// A value of a closed vocabulary, as spelled in the model or by a derived
    /// role (`processor`, `sub_processor`, `hr`); rendered in words through the
    /// message `word-<value>` where there is one, else as spelled.
    Word(&'static str),
    /// A value as spelled in the model or the reference data, rendered as code
    /// (a certification scheme, a field name, a rule code as written).
    Code(Arc<str>),
    /// Text taken as is from the model or the reference data (an adequacy
    /// decision's instrument or scope note, a regime's name, who accepted a
    /// risk); never text of ours.
    Verbatim(Arc<str>),
    /// Text from the reference data as it gives it in each language (a
    /// regime's name). Rendered in the output's language, else in English;
    /// serialised in English. Boxed: few arguments are, and unboxed it would
    /// make every argument 16 bytes bigger.
    Translated(Box<Translation>),
    /// A provision of [`crate::law`], cited as the output's language cites it.
    Provision(&'static str),
    /// A nested message, rendered first.
    Message(Box<Message>),
    /// A list, each item rendered and then joined.
    List(Box<[Arg]>, Join),
}

/// The English text of an [`Arg::Translated`], and the Swedish where the
/// reference data gives one.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Translation {
    /// The English text.
    pub en: Arc<str>,
    /// The Swedish text, where the reference data gives one.
    pub sv: Option<Arc<str>>,
}

impl Arg {
    /// Text from the model or the reference data, kept as is.
    pub fn verbatim(text: impl AsRef<str>) -> Self {
        Arg::Verbatim(Arc::from(text.as_ref()))
    }

    /// A value shown as code.
    pub fn code(text: impl AsRef<str>) -> Self {
        Arg::Code(Arc::from(text.as_ref()))
    }

    /// A chain of parties, joined by arrows, with the middle of a long one left
    /// out as [`crate::diag::elided_chain`] leaves it out: a reason on a deep
    /// chain keeps a bounded part of it.
    pub fn chain<'a, T: 'a>(chain: &'a [T]) -> Self
    where
        &'a T: Into<Arg>,
    {
        let half = crate::diag::MAX_CHAIN_SHOWN / 2;
        if chain.len() <= crate::diag::MAX_CHAIN_SHOWN {
            return Arg::list(chain, Join::Arrow);
        }
        let left_out = chain.len() - 2 * half;
        let mut items: Vec<Arg> = chain[..half].iter().map(Into::into).collect();
        items.push(Arg::from(Message::new("chain-more").with("count", left_out)));
        items.extend(chain[chain.len() - half..].iter().map(Into::into));
        Arg::List(items.into_boxed_slice(), Join::Arrow)
    }

    /// A list of ids or values, joined by `join`.
    pub fn list<T: Into<Arg>>(items: impl IntoIterator<Item = T>, join: Join) -> Self {
        Arg::List(items.into_iter().map(Into::into).collect(), join)
    }
}

impl From<&Country> for Arg {
    fn from(country: &Country) -> Self {
        Arg::Country(country.clone())
    }
}

impl From<Date> for Arg {
    fn from(date: Date) -> Self {
        Arg::Date(date)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Self {
        Arg::Message(Box::new(message))
    }
}

impl From<crate::roles::Role> for Arg {
    fn from(role: crate::roles::Role) -> Self {
        use crate::roles::Role;
        Arg::Word(match role {
            Role::Controller => "controller",
            Role::JointController => "joint-controller",
            Role::Processor => "processor",
            Role::SubProcessor => "sub-processor",
        })
    }
}

/// A message key and the typed facts it is rendered from.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Message {
    /// The key of the message in `locales/<lang>/*.ftl`.
    pub key: &'static str,
    /// The facts, by name, in the order the rule gave them: a boxed slice,
    /// with no room to grow, since a message is kept from the rules until it
    /// is printed ([`msg!`](crate::msg!) gives it its facts in one allocation).
    pub args: Box<[(&'static str, Arg)]>,
}

impl Message {
    /// A message with no facts yet.
    pub fn new(key: &'static str) -> Self {
        Self { key, args: Box::default() }
    }

    /// Adds a fact.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args = pushed(std::mem::take(&mut self.args), (name, value.into()));
        self
    }

    /// The fact named `name`.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }
}

/// A message: `msg!("key", name = value, …)`, each value anything that turns
/// into an [`Arg`].
#[macro_export]
macro_rules! msg {
    ($key:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::finding::Message {
            key: $key,
            args: ::std::boxed::Box::new([$((stringify!($name), $crate::finding::Arg::from($value))),*]),
        }
    };
}

impl Serialize for Arg {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Arg::Id(subject) | Arg::Name(subject) => subject.id().serialize(serializer),
            Arg::Country(country) | Arg::CountryNamed(country, _) => country.serialize(serializer),
            Arg::Date(date) => serializer.collect_str(date),
            Arg::Number(n) => serializer.serialize_i64(*n),
            Arg::Word(word) => serializer.serialize_str(word),
            Arg::Code(text) | Arg::Verbatim(text) => serializer.serialize_str(text),
            Arg::Translated(translation) => serializer.serialize_str(&translation.en),
            Arg::Provision(provision) => serializer.serialize_str(provision),
            Arg::Message(message) => message.serialize(serializer),
            Arg::List(items, _) => items.serialize(serializer),
        }
    }
}

impl Serialize for Message {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Args<'a>(&'a [(&'static str, Arg)]);
        impl Serialize for Args<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(self.0.len()))?;
                for (name, value) in self.0 {
                    map.serialize_entry(name, value)?;
                }
                map.end()
            }
        }
        let mut s = serializer.serialize_struct("Message", 2)?;
        s.serialize_field("key", self.key)?;
        s.serialize_field("args", &Args(&self.args))?;
        s.end()
    }
}

/// A place in the YAML a finding points at, with what to say there.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Mark {
    /// Where.
    pub span: Span,
    /// What to say there.
    pub message: Message,
}

/// How an accepted risk covers a finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Acceptance {
    /// Why it is accepted.
    pub justification: String,
    /// Who accepted it.
    pub accepted_by: String,
    /// The last day the acceptance holds.
    pub expires: Date,
    /// Where the acceptance is written.
    #[serde(skip)]
    pub span: Span,
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The rule's code.
    pub code: &'static str,
    /// Its severity.
    pub severity: Severity,
    /// What was found: a message key and its facts.
    pub message: Message,
    /// The party it concerns (who must act).
    pub party: Option<PartyId>,
    /// The activity it concerns.
    pub activity: Option<ActivityId>,
    /// The other things it is about, each with its part in the finding
    /// (`importer`, `system`, `agreement`, …), in the order the rule gave them.
    /// This and the other lists of a finding are boxed slices, with no room
    /// to grow: a finding is built once and then kept until it is printed.
    pub subjects: Box<[(&'static str, Subject)]>,
    /// The provisions it rests on: the rule's own list as it stands in the
    /// catalogue, copied only for a finding that adds or drops one (tens of
    /// thousands of findings would otherwise each carry a copy).
    pub provisions: Cow<'static, [&'static str]>,
    /// Where in the YAML it shows.
    pub primary: Mark,
    /// Other places that explain it.
    pub labels: Box<[Mark]>,
    /// How the party came in: the chain of delegation from the controller down.
    pub chain: Box<[PartyId]>,
    /// Set when an accepted risk covers the finding: boxed, because few are
    /// and the acceptance is bigger than the rest of the finding's fields
    /// together.
    pub accepted: Option<Box<Acceptance>>,
}

/// `list` with `item` added at its end, at the exact size: a finding's
/// lists get an item or two each, once.
fn pushed<T>(list: Box<[T]>, item: T) -> Box<[T]> {
    let mut list = list.into_vec();
    list.reserve_exact(1);
    list.push(item);
    list.into_boxed_slice()
}

/// A finding's fingerprint: 16 hex digits, stable across runs, platforms and
/// versions as long as the rule code and the subjects are the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fingerprint(pub u64);

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl Serialize for Fingerprint {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// FNV-1a, 64 bits: small, fixed by its specification, and the same on every
/// platform (unlike `std`'s hashers, which may change between releases).
struct Fnv1a(u64);

impl Fnv1a {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    fn new() -> Self {
        Self(Self::OFFSET)
    }

    fn bytes(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
    }

    /// Adds a field and a separator, so that `ab`+`c` and `a`+`bc` differ.
    fn field(&mut self, text: &str) {
        self.bytes(text.as_bytes());
        self.bytes(&[0]);
    }
}

impl Finding {
    /// Every subject: the party that must act, the activity, then the others.
    pub fn all_subjects(&self) -> impl Iterator<Item = (&'static str, Subject)> + '_ {
        let party = self.party.iter().map(|p| ("party", Subject::Party(p.clone())));
        let activity = self.activity.iter().map(|a| ("activity", Subject::Activity(a.clone())));
        party.chain(activity).chain(self.subjects.iter().cloned())
    }

    /// The fingerprint: a hash of the rule code and the subjects, with their
    /// parts and kinds, in order. Never of the text, the severity or the place
    /// in the YAML: rewording a message, or moving the YAML that shows it,
    /// leaves it unchanged.
    pub fn fingerprint(&self) -> Fingerprint {
        let mut hash = Fnv1a::new();
        hash.field("ansvar/v1");
        hash.field(self.code);
        for (part, subject) in self.all_subjects() {
            hash.field(part);
            hash.field(subject.kind());
            hash.field(subject.id());
        }
        Fingerprint(hash.0)
    }

    /// Names the party that must act.
    pub fn party(&mut self, party: &PartyId) -> &mut Self {
        self.party = Some(party.clone());
        self
    }

    /// Names the activity.
    pub fn activity(&mut self, activity: &ActivityId) -> &mut Self {
        self.activity = Some(activity.clone());
        self
    }

    /// Names another thing the finding is about, with its part in it.
    pub fn subject(&mut self, part: &'static str, subject: impl Into<Subject>) -> &mut Self {
        self.subjects = pushed(std::mem::take(&mut self.subjects), (part, subject.into()));
        self
    }

    /// Adds a secondary label.
    pub fn label(&mut self, span: Span, message: Message) -> &mut Self {
        self.labels = pushed(std::mem::take(&mut self.labels), Mark { span, message });
        self
    }

    /// Sets the chain that brought the party in, from the top down.
    pub fn chain(&mut self, chain: Vec<PartyId>) -> &mut Self {
        self.chain = chain.into_boxed_slice();
        self
    }

    /// Overrides the rule's default severity.
    pub fn severity(&mut self, severity: Severity) -> &mut Self {
        self.severity = severity;
        self
    }

    /// Adds a provision beyond the rule's own.
    pub fn provision(&mut self, provision: &'static str) -> &mut Self {
        if !self.provisions.contains(&provision) {
            self.provisions.to_mut().push(provision);
        }
        self
    }

    /// Removes a provision of the rule's that does not apply to this finding.
    pub fn without_provision(&mut self, provision: &'static str) -> &mut Self {
        if self.provisions.contains(&provision) {
            self.provisions.to_mut().retain(|p| *p != provision);
        }
        self
    }

    /// Drops the spare capacity that building the finding piece by piece
    /// left (its own list of provisions, where it has one; its other lists
    /// are boxed slices): a big model keeps tens of thousands of findings
    /// from the rules until they are printed.
    pub fn shrink_to_fit(&mut self) {
        if let Cow::Owned(provisions) = &mut self.provisions {
            provisions.shrink_to_fit();
        }
    }

    /// The rule that produced the finding.
    pub fn rule(&self) -> Option<&'static Rule> {
        crate::rules::rule(self.code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(at: usize) -> Span {
        let mut sources = crate::source::SourceMap::new();
        let file = sources.add("m.yaml".into(), "x".repeat(100));
        Span::new(file, at..at + 1)
    }

    fn finding(message: Message, span: Span) -> Finding {
        Finding {
            code: "no-controller",
            severity: Severity::Critical,
            message,
            party: None,
            activity: Some(ActivityId::new("care")),
            subjects: Box::default(),
            provisions: Cow::Borrowed(&[]),
            primary: Mark { span, message: Message::new("x") },
            labels: Box::default(),
            chain: Box::default(),
            accepted: None,
        }
    }

    #[test]
    fn fnv1a_matches_its_published_test_vectors() {
        // From the FNV reference test suite (Landon Curt Noll, `test_fnv.c`).
        for (text, expected) in
            [("", 0xcbf2_9ce4_8422_2325), ("a", 0xaf63_dc4c_8601_ec8c), ("foobar", 0x8594_4171_f739_67e8)]
        {
            let mut hash = Fnv1a::new();
            hash.bytes(text.as_bytes());
            assert_eq!(hash.0, expected, "{text:?}");
        }
    }

    #[test]
    fn the_fingerprint_ignores_text_and_place() {
        let a = finding(msg!("no-controller", activity = &ActivityId::new("care")), span(0));
        let b = finding(msg!("reworded", n = 3usize), span(40));
        assert_eq!(a.fingerprint(), b.fingerprint());
        assert_eq!(a.fingerprint().to_string().len(), 16);
    }

    #[test]
    fn the_fingerprint_follows_code_and_subjects() {
        let base = finding(Message::new("x"), span(0));
        let mut other_activity = base.clone();
        other_activity.activity = Some(ActivityId::new("billing"));
        let mut with_subject = base.clone();
        with_subject.subject("system", &SystemId::new("nas"));
        let mut other_part = base.clone();
        other_part.subject("importer", &PartyId::new("nas"));
        let mut other_kind = base.clone();
        other_kind.subject("system", &PartyId::new("nas"));
        let mut other_code = base.clone();
        other_code.code = "no-flow-down-contract";
        let prints: std::collections::BTreeSet<_> =
            [&base, &other_activity, &with_subject, &other_part, &other_kind, &other_code]
                .iter()
                .map(|f| f.fingerprint())
                .collect();
        assert_eq!(prints.len(), 6);
    }
}
