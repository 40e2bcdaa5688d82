//! Processing outside the EU/EEA: where each performer processes in a third
//! country, for whom, and which transfer tools the agreements between them carry.
//!
//! This is the factual list (Chapter V is judged by the `transfer-*` rules); the
//! report shows it, the Art. 30 records cite it ([`super::records`]) and `diff`
//! compares it between two versions of a model.

use jiff::civil::Date;
use serde::Serialize;

use crate::graph::Graph;
use crate::model::ids::ByNumber;
use crate::model::{Activity, ActivityId, Country, Model, PartyId};
use crate::reference::{Jurisdiction, Reference};

/// A performer processing personal data in a third country.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct ProcessingAbroad {
    /// The activity.
    pub activity: ActivityId,
    /// The performer (the importer).
    pub party: PartyId,
    /// The country.
    pub country: Country,
    /// The party it acts for (the exporter), if any.
    pub exporter: Option<PartyId>,
    /// The adequacy decision in force for the country on the date whose scope
    /// covers the importer, or may (what the decision leaves to verify), if any.
    pub adequacy: Option<String>,
    /// A decision in force for the country whose scope leaves this importer
    /// out: its sector (a public body under a decision for business
    /// operators), or a certification it lacks for some of the data. Art. 45
    /// then gives no ground, and a tool of Art. 46 is needed.
    pub adequacy_not_covering: Option<String>,
    /// Transfer tools in agreements in force between exporter and importer,
    /// e.g. `scc module 2 (medhelp-vendor)`.
    pub tools: Vec<String>,
}

/// Every third-country place of every performer of every activity running on
/// `as_of`, sorted and without repeats.
///
/// Drawn up on every core, a batch of activities at a time, each batch
/// sorted on its own: the list sorted and rid of repeats as a whole is the
/// same whatever the batches (equal items are alike in every field), and
/// batches in id order come out sorted already, which the last sort only
/// confirms.
pub fn processing_abroad(
    model: &Model,
    graph: &Graph<'_>,
    reference: &Reference,
    as_of: Date,
) -> Vec<ProcessingAbroad> {
    /// Activities per job: enough that a job outweighs taking it.
    const BATCH: usize = 512;
    let running: Vec<&Activity> = model.activities.values().filter(|a| a.runs_on(as_of)).collect();
    let batches: Vec<&[&Activity]> = running.chunks(BATCH).collect();
    crate::par::sorted_unique(&batches, |batch| abroad_in(model, graph, reference, as_of, batch))
}

/// Every third-country place of every performer of `activities`, unsorted.
fn abroad_in(
    model: &Model,
    graph: &Graph<'_>,
    reference: &Reference,
    as_of: Date,
    activities: &[&Activity],
) -> Vec<ProcessingAbroad> {
    let mut found = Vec::new();
    for &activity in activities {
        for performer in graph.performers_of(activity) {
            if reference.all_eea_on(graph.countries(performer), as_of) {
                continue;
            }
            for place in graph.places(performer) {
                let (adequacy, adequacy_not_covering) = match reference.jurisdiction(&place.country, as_of) {
                    Jurisdiction::Eea => continue,
                    Jurisdiction::Adequate(decision) => {
                        let data = activity.data.iter().filter_map(|d| model.data.get(&d.value));
                        let covered = model
                            .parties
                            .get(&performer.party.value)
                            .is_none_or(|importer| decision.scope.check(importer, data, as_of).covers());
                        let instrument = Some(decision.instrument.clone());
                        if covered { (instrument, None) } else { (None, instrument) }
                    }
                    Jurisdiction::ThirdCountry => (None, None),
                };
                let exporter = performer.on_behalf_of.as_ref().map(|p| p.value.clone());
                let tools = match &exporter {
                    Some(exporter) => graph
                        .agreements_between(exporter, &performer.party.value, &activity.id)
                        .into_iter()
                        .filter(|g| g.in_force_on(as_of))
                        .filter_map(|g| {
                            let clause = g.transfer.as_ref()?;
                            let module =
                                clause.module.as_ref().map(|m| format!(" module {}", m.value)).unwrap_or_default();
                            Some(format!("{}{module} ({})", clause.tool.value, g.id))
                        })
                        .collect(),
                    None => Vec::new(),
                };
                found.push(ProcessingAbroad {
                    activity: activity.id.clone(),
                    party: performer.party.value.clone(),
                    country: place.country,
                    exporter,
                    adequacy,
                    adequacy_not_covering,
                    tools,
                });
            }
        }
    }
    found
}

/// Every third-country place of every performer of a running activity, made
/// once and looked up per activity and party: a record or a sheet asks about
/// its own activity, not the whole model (asking model-wide per item made the
/// report quadratic).
#[derive(Clone, Debug, Default)]
pub struct AbroadIndex {
    /// Sorted by activity and party (the order of [`ProcessingAbroad`]).
    sorted: Vec<ProcessingAbroad>,
    /// Where each activity's run starts and ends in `sorted`, by the
    /// activity id's number: a sheet asks once per party and activity, and a
    /// binary search compared ids' texts, each comparison a likely miss of
    /// the cache on a national model.
    by_activity: ByNumber<(u32, u32)>,
}

impl AbroadIndex {
    /// Lists the processing abroad of a model as of a date, once.
    pub fn build(model: &Model, graph: &Graph<'_>, reference: &Reference, as_of: Date) -> Self {
        let sorted = processing_abroad(model, graph, reference, as_of);
        let by_activity = ByNumber::runs(&sorted, |item| item.activity.interned());
        Self { sorted, by_activity }
    }

    /// All processing in third countries, sorted.
    pub fn all(&self) -> &[ProcessingAbroad] {
        &self.sorted
    }

    /// The processing in third countries in one activity, in the sorted order.
    pub fn in_activity(&self, activity: &ActivityId) -> &[ProcessingAbroad] {
        self.by_activity.run(&self.sorted, activity.interned())
    }

    /// The processing in third countries by `party` in one activity, in the
    /// sorted order.
    pub fn by(&self, party: &PartyId, activity: &ActivityId) -> &[ProcessingAbroad] {
        let within = self.in_activity(activity);
        let start = within.partition_point(|item| &item.party < party);
        let end = start + within[start..].partition_point(|item| &item.party == party);
        &within[start..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PartyId;

    /// The Japanese processor of `rules/transfer-adequacy-scope/fires`, as
    /// written or with `edit` made to its line.
    fn abroad(edit: &str) -> Vec<ProcessingAbroad> {
        let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/rules/transfer-adequacy-scope/fires/model.yaml");
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let text =
            text.replace("kind: subcontractor, country: JP }", &format!("kind: subcontractor, country: JP{edit} }}"));
        let reference = Reference::builtin();
        let loaded = match crate::load::load_texts(vec![(file, text)], &reference) {
            Ok(loaded) => loaded,
            Err(invalid) => panic!("invalid: {:#?}", invalid.diagnostics),
        };
        let graph = Graph::build(&loaded.model);
        processing_abroad(&loaded.model, &graph, &reference, jiff::civil::date(2024, 6, 1))
    }

    #[test]
    fn an_adequacy_decision_is_shown_only_for_an_importer_within_its_scope() {
        // A business operator: the decision may cover it (what it leaves out is to verify).
        let private = abroad("");
        assert_eq!(private[0].party, PartyId::new("osaka-desk"));
        assert!(private[0].adequacy.is_some() && private[0].adequacy_not_covering.is_none(), "{private:?}");
        // A public body: Decision (EU) 2019/419 covers business operators only.
        let public = abroad(", public_body: true");
        assert!(public[0].adequacy.is_none(), "{public:?}");
        assert_eq!(public[0].adequacy_not_covering, private[0].adequacy);
    }

    #[test]
    fn the_index_finds_each_activity_s_processing_abroad_and_nothing_for_others() {
        let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("models/1177");
        let reference = Reference::builtin();
        let Ok(loaded) = crate::load::load_path(&file, &reference) else { panic!("models/1177 loads") };
        let graph = Graph::build(&loaded.model);
        let as_of = jiff::civil::date(2025, 6, 1);
        let index = AbroadIndex::build(&loaded.model, &graph, &reference, as_of);
        assert!(!index.all().is_empty(), "the 1177 model processes abroad");
        for activity in loaded.model.activities.keys() {
            let expected: Vec<&ProcessingAbroad> = index.all().iter().filter(|p| &p.activity == activity).collect();
            let found: Vec<&ProcessingAbroad> = index.in_activity(activity).iter().collect();
            assert_eq!(found, expected, "{activity}");
        }
        assert!(index.in_activity(&ActivityId::new("not-an-activity-of-the-model")).is_empty());
    }
}
