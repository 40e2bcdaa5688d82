//! Processing outside the EU/EEA: where each performer processes in a third
//! country, for whom, and which transfer tools the agreements between them carry.
//!
//! This is the factual list (Chapter V is judged by the `transfer-*` rules); the
//! report shows it, the Art. 30 records cite it ([`super::records`]) and `diff`
//! compares it between two versions of a model.

use jiff::civil::Date;
use serde::Serialize;

use crate::graph::Graph;
use crate::model::{ActivityId, Country, Model, PartyId};
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
    /// The adequacy decision in force for the country on the date, if any.
    pub adequacy: Option<String>,
    /// Transfer tools in agreements in force between exporter and importer,
    /// e.g. `scc module 2 (medhelp-vendor)`.
    pub tools: Vec<String>,
}

/// Every third-country place of every performer of every activity running on
/// `as_of`, sorted and without repeats.
pub fn processing_abroad(
    model: &Model,
    graph: &Graph<'_>,
    reference: &Reference,
    as_of: Date,
) -> Vec<ProcessingAbroad> {
    let mut found = Vec::new();
    for activity in model.activities.values().filter(|a| a.runs_on(as_of)) {
        for performer in graph.performers(&activity.id) {
            for place in graph.places(performer) {
                let adequacy = match reference.jurisdiction(&place.country, as_of) {
                    Jurisdiction::Eea => continue,
                    Jurisdiction::Adequate(decision) => Some(decision.instrument.clone()),
                    Jurisdiction::ThirdCountry => None,
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
                    tools,
                });
            }
        }
    }
    found.sort();
    found.dedup();
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
}

impl AbroadIndex {
    /// Lists the processing abroad of a model as of a date, once.
    pub fn build(model: &Model, graph: &Graph<'_>, reference: &Reference, as_of: Date) -> Self {
        Self { sorted: processing_abroad(model, graph, reference, as_of) }
    }

    /// All processing in third countries, sorted.
    pub fn all(&self) -> &[ProcessingAbroad] {
        &self.sorted
    }

    /// The processing in third countries in one activity, in the sorted order.
    pub fn in_activity(&self, activity: &ActivityId) -> &[ProcessingAbroad] {
        let sorted = self.sorted.as_slice();
        let start = sorted.partition_point(|item| &item.activity < activity);
        let end = start + sorted[start..].partition_point(|item| &item.activity == activity);
        &sorted[start..end]
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
