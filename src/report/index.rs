//! Model-wide facts the report needs per party or per activity, worked out
//! once and indexed.
//!
//! The report has a part per party (duty sheets), per record and per system.
//! Each used to ask a model-wide question (every role, every finding, all
//! processing abroad) and filter the answer down to its own party, which made
//! the report quadratic: on a model of 30 000 parties it never finished.
//! [`Index::build`] answers each of those questions once; the parts then look
//! up their own slice, at the cost of what they show.
//!
//! Every list keeps the order of the model-wide list it comes from, so the
//! report shows the same thing in the same order as before, byte for byte.

use std::collections::BTreeMap;

use crate::abroad::ProcessingAbroad;
use crate::model::{ActivityId, PartyId};
use crate::roles::Assignment;

use super::view::Input;

/// The model-wide facts, indexed by party and activity.
pub struct Index<'a> {
    /// Each party's roles, in the order of [`crate::roles::Roles::assignments`]
    /// (by activity, then role and principal). Parties with no role are absent.
    roles: BTreeMap<&'a PartyId, Vec<&'a Assignment>>,
    /// The positions in [`crate::Analysis::findings`] of each party's
    /// findings, in the findings' order. Parties with no finding are absent.
    findings: BTreeMap<&'a PartyId, Vec<usize>>,
    /// Every third-country place of every performer of a running activity,
    /// sorted by activity and party (the order of [`ProcessingAbroad`]).
    abroad: Vec<ProcessingAbroad>,
}

impl<'a> Index<'a> {
    /// Works out everything once: one pass over the roles, one over the
    /// findings, and [`crate::abroad::processing_abroad`] once.
    pub fn build(input: &Input<'a>) -> Self {
        let analysis = input.analysis;
        let mut roles: BTreeMap<&'a PartyId, Vec<&'a Assignment>> = BTreeMap::new();
        for assignment in &analysis.roles.assignments {
            roles.entry(&assignment.party).or_default().push(assignment);
        }
        let mut findings: BTreeMap<&'a PartyId, Vec<usize>> = BTreeMap::new();
        for (index, finding) in analysis.findings.iter().enumerate() {
            if let Some(party) = &finding.party {
                findings.entry(party).or_default().push(index);
            }
        }
        let abroad = crate::abroad::processing_abroad(input.model, &analysis.graph, input.reference, analysis.as_of);
        Self { roles, findings, abroad }
    }

    /// Every role `party` holds, in any activity, in the roles' order.
    pub fn roles_of(&self, party: &PartyId) -> &[&'a Assignment] {
        self.roles.get(party).map_or(&[], Vec::as_slice)
    }

    /// Whether `party` holds a role in some activity.
    pub fn has_role(&self, party: &PartyId) -> bool {
        self.roles.contains_key(party)
    }

    /// The positions in [`crate::Analysis::findings`] of the findings against
    /// `party`, in the findings' order.
    pub fn findings_of(&self, party: &PartyId) -> &[usize] {
        self.findings.get(party).map_or(&[], Vec::as_slice)
    }

    /// All processing in third countries, sorted.
    pub fn abroad(&self) -> &[ProcessingAbroad] {
        &self.abroad
    }

    /// The processing in third countries in one activity, in the sorted order.
    pub fn abroad_in(&self, activity: &ActivityId) -> &[ProcessingAbroad] {
        let sorted = self.abroad.as_slice();
        let start = sorted.partition_point(|item| &item.activity < activity);
        let end = start + sorted[start..].partition_point(|item| &item.activity == activity);
        &sorted[start..end]
    }

    /// The processing in third countries by `party` in one activity, in the
    /// sorted order.
    pub fn abroad_by(&self, party: &PartyId, activity: &ActivityId) -> &[ProcessingAbroad] {
        let within = self.abroad_in(activity);
        let start = within.partition_point(|item| &item.party < party);
        let end = start + within[start..].partition_point(|item| &item.party == party);
        &within[start..end]
    }
}
