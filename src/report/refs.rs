//! The report's shared vocabulary: what it is built from ([`Input`]), the
//! references to parties and activities every part shows ([`PartyRef`],
//! [`ActivityRef`]), and its shared text types ([`Phrase`], [`Shared`]).
//!
//! A leaf of `report/`: every part imports it, it imports no part (but the
//! HTML escaper, a leaf itself), so the parts do not import each other in a
//! circle through the view.

use std::fmt;
use std::sync::Arc;

use fluent_bundle::FluentValue;
use serde::Serialize;

use crate::Analysis;
use crate::model::{ActivityId, Country, Model, PartyId};
use crate::reference::{Jurisdiction, Reference};
use crate::source::SourceMap;

/// How many duty sheets, notification plans or records are drawn up at once
/// while a report is written: enough to keep every core busy, few enough that
/// a national report never holds more than a sliver of itself.
pub(crate) const DRAW_BATCH: usize = 256;

/// What a report is built from.
#[derive(Clone, Copy)]
pub struct Input<'a> {
    /// The model's name as the user gave it (its path).
    pub name: &'a str,
    /// The model.
    pub model: &'a Model,
    /// Its source files, for `file:line:column`.
    pub sources: &'a SourceMap,
    /// Its roles and findings as of a date.
    pub analysis: &'a Analysis<'a>,
    /// Reference data: countries, the EU/EEA, adequacy decisions, regimes.
    pub reference: &'a Reference,
    /// The language of findings and rule texts (`--lang`).
    pub lang: crate::render::Lang,
    /// When the report was produced, from which revision, by whom: the memo's
    /// front and back matter. `None` leaves them "not stated".
    pub memo: Option<&'a crate::memo::Memo>,
    /// Whether texts are also split for display ([`super::view::Segment`]s:
    /// names beside ids, code apart from prose), as HTML and Markdown show
    /// them; the JSON report does not, and leaves the splits empty
    /// ([`Input::without_splits`]).
    pub(crate) splits: bool,
}

impl<'a> Input<'a> {
    /// What a report of `analysis` is built from: its model, the `sources` it
    /// was loaded from, the reference data and the report's language, with
    /// the memo's particulars "not stated" ([`Input::with_memo`] sets them).
    pub fn new(
        name: &'a str,
        analysis: &'a Analysis<'a>,
        sources: &'a SourceMap,
        reference: &'a Reference,
        lang: crate::render::Lang,
    ) -> Self {
        Self { name, model: analysis.model(), sources, analysis, reference, lang, memo: None, splits: true }
    }

    /// The same input with the memo's particulars (`--date`, the revision,
    /// the author and reviewer), or "not stated" with `None`.
    pub fn with_memo(self, memo: Option<&'a crate::memo::Memo>) -> Self {
        Self { memo, ..self }
    }

    /// The same input for a document that shows no texts split for display
    /// (the JSON report): the views' segments are left empty. On a national
    /// model they were about 8 % of the JSON report's CPU samples in a
    /// profile and 90 MB of its peak (docs/performance.md, "The report").
    pub fn without_splits(self) -> Self {
        Self { splits: false, ..self }
    }

    /// One of the report's own texts, the message `key` of
    /// `locales/<lang>/report.ftl`, in the report's language.
    pub(crate) fn t(&self, key: &str) -> String {
        crate::render::fixed(key, self.lang, &[])
    }

    /// [`Input::t`] with arguments. Model text passed in must already be
    /// printable.
    pub(crate) fn tr(&self, key: &str, args: &[(&'static str, FluentValue<'_>)]) -> String {
        crate::render::fixed(key, self.lang, args)
    }

    /// A reference to a party by id, with its name.
    pub(crate) fn party(&self, id: &PartyId) -> PartyRef {
        PartyRef::new(self.model, id)
    }

    /// A party's name, as the model gives it (its id if the model lacks it).
    pub(crate) fn party_name<'s>(&'s self, id: &'s PartyId) -> &'s str {
        self.model.parties.get(id).map_or(id.as_str(), |p| p.name.as_str())
    }

    /// An activity's name, as the model gives it (its id if the model lacks it).
    pub(crate) fn activity_name<'s>(&'s self, id: &'s ActivityId) -> &'s str {
        self.model.activities.get(id).map_or(id.as_str(), |a| a.name.as_str())
    }

    /// A reference to an activity by id, with its name and whether it runs.
    pub(crate) fn activity(&self, id: &ActivityId) -> ActivityRef {
        let activity = self.model.activities.get(id);
        let name = activity.map_or(id.as_str(), |a| a.name.as_str());
        ActivityRef {
            id: id.as_str().into(),
            name: name.into(),
            name_html: super::escape::escaped(name).into(),
            anchor: format!("activity-{id}").into(),
            running: activity.is_some_and(|a| a.runs_on(self.analysis.as_of)),
        }
    }

    /// A country in words with its standing on the evaluation date:
    /// `Thailand (TH), a third country`.
    pub(crate) fn country(&self, country: &Country) -> String {
        let short = self.country_short(country);
        match self.reference.jurisdiction(country, self.analysis.as_of) {
            Jurisdiction::Eea => self.tr("country-eea", &[("country", short.into())]),
            Jurisdiction::Adequate(decision) => self.tr(
                "country-adequate",
                &[("country", short.into()), ("instrument", decision.instrument.as_str().into())],
            ),
            Jurisdiction::ThirdCountry => self.tr("country-third", &[("country", short.into())]),
        }
    }

    /// The name the model (or the reference data, for a regime) gives the
    /// thing a finding or a reason names by id, when it gives one.
    pub(crate) fn name_of(&self, subject: &crate::finding::Subject) -> Option<&'a str> {
        use crate::finding::Subject;
        let model = self.model;
        match subject {
            Subject::Party(id) => model.parties.get(id).map(|p| p.name.as_str()),
            Subject::Activity(id) => model.activities.get(id).map(|a| a.name.as_str()),
            Subject::System(id) => model.systems.get(id).map(|s| s.name.as_str()),
            Subject::Data(id) => model.data.get(id).map(|d| d.name.as_str()),
            Subject::Agreement(id) => model.agreements.get(id).and_then(|a| a.name.as_deref()),
            Subject::Incident(id) => model.incidents.get(id).map(|i| i.name.as_str()),
            Subject::Regime(id) => self.reference.regime(id).map(|r| r.name_in(self.lang)),
            Subject::Country(_) | Subject::Rule(_) => None,
        }
    }

    /// The country's name and code only: `Thailand (TH)`.
    pub(crate) fn country_short(&self, country: &Country) -> String {
        let name = crate::render::country_name(country, self.reference.country_name(country), self.lang);
        format!("{name} ({country})")
    }
}

/// The report's input with every party and activity named once.
///
/// A big report refers to the same parties and activities millions of times (a
/// cloud vendor in every chain, an activity in every duty it brings). Each
/// reference used to copy the id, the name and the anchor; here they are made
/// once per party and activity and every reference shares them. Each thread that
/// builds part of the view has its own, so that they do not contend for the
/// shared counts. Everything else of the [`Input`] is reached through it.
pub(crate) struct Names<'a> {
    input: Input<'a>,
    /// One per party, in the model's order.
    parties: Vec<PartyRef>,
    /// One per activity, in the model's order.
    activities: Vec<ActivityRef>,
    /// One per party, in the model's order: where it is established, as
    /// [`Input::country_short`] words it, once worded (every record naming
    /// the party as a recipient shows it).
    countries: Vec<std::sync::OnceLock<String>>,
    /// One per system, in the model's order: its measures in words, once
    /// worded (every record of every activity on the system shows them).
    measures: Vec<std::sync::OnceLock<String>>,
    /// One per data category, in the model's order: its words in a record
    /// (the personal data, the erasure line), once worded (every record of
    /// every activity processing it shows them).
    data: Vec<std::sync::OnceLock<[String; 2]>>,
}

impl<'a> Names<'a> {
    /// Names every party and activity of the model.
    pub(crate) fn new(input: &Input<'a>) -> Self {
        Self {
            parties: input.model.parties.keys().map(|id| input.party(id)).collect(),
            activities: input.model.activities.keys().map(|id| input.activity(id)).collect(),
            countries: input.model.parties.keys().map(|_| std::sync::OnceLock::new()).collect(),
            measures: input.model.systems.keys().map(|_| std::sync::OnceLock::new()).collect(),
            data: input.model.data.keys().map(|_| std::sync::OnceLock::new()).collect(),
            input: *input,
        }
    }

    /// The position of party `id` in the model.
    fn party_at(&self, id: &PartyId) -> Option<usize> {
        self.input.model.parties.get_index_of(id)
    }

    /// The position of activity `id` in the model.
    fn activity_at(&self, id: &ActivityId) -> Option<usize> {
        self.input.model.activities.get_index_of(id)
    }

    /// [`Input::name_of`], finding a party or an activity by its position
    /// in the model: every reason and finding names some.
    pub(crate) fn subject_name(&self, subject: &crate::finding::Subject) -> Option<&'a str> {
        use crate::finding::Subject;
        let model = self.input.model;
        match subject {
            Subject::Party(id) => model.parties.get_index(self.party_at(id)?).map(|(_, p)| p.name.as_str()),
            Subject::Activity(id) => model.activities.get_index(self.activity_at(id)?).map(|(_, a)| a.name.as_str()),
            other => self.input.name_of(other),
        }
    }

    /// A reference to a party by id, with its name.
    pub(crate) fn party(&self, id: &PartyId) -> PartyRef {
        match self.party_at(id).and_then(|i| self.parties.get(i)) {
            Some(named) => named.clone(),
            None => self.input.party(id),
        }
    }

    /// A reference to an activity by id, with its name and whether it runs.
    pub(crate) fn activity(&self, id: &ActivityId) -> ActivityRef {
        match self.activity_at(id).and_then(|i| self.activities.get(i)) {
            Some(named) => named.clone(),
            None => self.input.activity(id),
        }
    }
}

impl Names<'_> {
    /// Where party `id` is established, as [`Input::country_short`] words
    /// it: `Sweden (SE)`; `None` for a party the model lacks.
    pub(crate) fn party_country(&self, id: &PartyId) -> Option<&str> {
        let index = self.party_at(id)?;
        let (_, party) = self.input.model.parties.get_index(index)?;
        Some(self.countries.get(index)?.get_or_init(|| self.input.country_short(&party.country.value)))
    }
}

impl Names<'_> {
    /// The system's measures in words, worded by `word` the first time they
    /// are asked for; `None` for a system the model lacks.
    pub(crate) fn measures(
        &self,
        id: &crate::model::SystemId,
        word: impl FnOnce(&crate::model::System) -> String,
    ) -> Option<String> {
        let (index, _, system) = self.input.model.systems.get_full(id)?;
        let slot = self.measures.get(index)?;
        Some(slot.get_or_init(|| word(system)).clone())
    }
}

impl Names<'_> {
    /// The data category's words in a record, worded by `word` the first time
    /// they are asked for; `None` for a category the model lacks.
    pub(crate) fn data_words(
        &self,
        id: &crate::model::DataId,
        word: impl FnOnce(&crate::model::DataCategory) -> [String; 2],
    ) -> Option<&[String; 2]> {
        let (index, _, data) = self.input.model.data.get_full(id)?;
        Some(self.data.get(index)?.get_or_init(|| word(data)))
    }
}

impl<'a> std::ops::Deref for Names<'a> {
    type Target = Input<'a>;

    fn deref(&self) -> &Input<'a> {
        &self.input
    }
}

/// Text that is mostly one of the report's own fixed phrases, borrowed rather
/// than copied into every place that shows it, and sometimes made for the
/// occasion.
pub type Phrase = std::borrow::Cow<'static, str>;

/// Text the report shows in many places, made once and shared: it reads,
/// compares, prints and serialises as the string it holds.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Shared(Arc<str>);

impl Shared {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Shared {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A template writes the text as it is, straight into its output (and
/// through its escaper), rather than through [`fmt::Display`]: names and ids
/// are most of what a page shows.
impl askama::FastWritable for Shared {
    #[inline]
    fn write_into(&self, dest: &mut dyn fmt::Write, _: &dyn askama::Values) -> askama::Result<()> {
        Ok(dest.write_str(&self.0)?)
    }
}

impl fmt::Debug for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl Serialize for Shared {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl From<&str> for Shared {
    fn from(text: &str) -> Self {
        Self(Arc::from(text))
    }
}

impl From<String> for Shared {
    fn from(text: String) -> Self {
        Self(Arc::from(text))
    }
}

impl PartialEq<str> for Shared {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Shared {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Shared {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

/// A party, named.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PartyRef {
    /// Its id.
    pub id: Shared,
    /// Its legal name.
    pub name: Shared,
    /// The HTML anchor of its duty sheet.
    #[serde(skip)]
    pub anchor: Shared,
}

impl PartyRef {
    /// The party `id`, named from the model (its id if the model lacks it).
    pub fn new(model: &Model, id: &PartyId) -> Self {
        let name = model.parties.get(id).map_or(id.as_str(), |p| p.name.as_str());
        Self { id: id.as_str().into(), name: name.into(), anchor: format!("party-{id}").into() }
    }
}

/// An activity, named.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ActivityRef {
    /// Its id.
    pub id: Shared,
    /// Its name.
    pub name: Shared,
    /// Its name escaped for HTML, made once: a split page shows it beside
    /// the activity's id in every duty the activity brings.
    #[serde(skip)]
    pub name_html: Shared,
    /// The HTML anchor of its entry in the activity list.
    #[serde(skip)]
    pub anchor: Shared,
    /// Whether it runs on the evaluation date.
    pub running: bool,
}
/// `1 finding`, `2 findings`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_text_reads_prints_and_serialises_as_its_string() {
        let text = Shared::from("Inera \"AB\"");
        assert_eq!(text, "Inera \"AB\"");
        assert_eq!(text.to_string(), "Inera \"AB\"");
        assert_eq!(serde_json::to_string(&text).unwrap(), r#""Inera \"AB\"""#);
        assert_eq!(text.clone(), text);
    }
}
