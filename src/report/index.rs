//! Model-wide facts the report needs per party or per activity, worked out
//! once and indexed: findings by party, and the processing abroad
//! ([`AbroadIndex`]); roles are looked up through [`Roles`]' own index.
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

use crate::finding::Subject;
use crate::model::PartyId;
use crate::obligations::abroad::AbroadIndex;
use crate::roles::{Assignment, Roles};

use super::refs::Input;

/// The model-wide facts, indexed by party and activity.
pub struct Index<'a> {
    /// The roles, looked up through their own index.
    roles: &'a Roles,
    /// The positions in [`crate::Analysis::findings`] of each party's
    /// findings, in the findings' order. Parties with no finding are absent.
    findings: BTreeMap<&'a PartyId, Vec<usize>>,
    /// The positions of the findings about each party's processing that
    /// another party must act on: the party is in the finding's chain or among
    /// its subjects, and is not the party against whom it is raised.
    about: BTreeMap<&'a PartyId, Vec<usize>>,
    /// Every third-country place of every performer of a running activity.
    abroad: AbroadIndex,
}

impl<'a> Index<'a> {
    /// Works out everything once: one pass over the findings, and the
    /// processing abroad once.
    pub fn build(input: &Input<'a>) -> Self {
        let analysis = input.analysis;
        let mut findings: BTreeMap<&'a PartyId, Vec<usize>> = BTreeMap::new();
        let mut about: BTreeMap<&'a PartyId, Vec<usize>> = BTreeMap::new();
        for (index, finding) in analysis.findings.iter().enumerate() {
            if let Some(party) = &finding.party {
                findings.entry(party).or_default().push(index);
            }
            let subjects = finding.subjects.iter().filter_map(|(_, subject)| match subject {
                Subject::Party(party) => Some(party),
                _ => None,
            });
            let mut concerned: Vec<&'a PartyId> = finding.chain.iter().chain(subjects).collect();
            concerned.sort();
            concerned.dedup();
            for party in concerned.into_iter().filter(|p| finding.party.as_ref() != Some(*p)) {
                about.entry(party).or_default().push(index);
            }
        }
        let abroad = AbroadIndex::build(input.model, &analysis.graph, input.reference, analysis.as_of);
        Self { roles: &analysis.roles, findings, about, abroad }
    }

    /// Every role `party` holds, in any activity, in the roles' order.
    pub fn roles_of<'s>(&'s self, party: &'s PartyId) -> impl Iterator<Item = &'s Assignment> + 's {
        self.roles.of_party(party)
    }

    /// Whether `party` holds a role in some activity.
    pub fn has_role(&self, party: &PartyId) -> bool {
        self.roles.has_role(party)
    }

    /// The positions in [`crate::Analysis::findings`] of the findings against
    /// `party`, in the findings' order.
    pub fn findings_of(&self, party: &PartyId) -> &[usize] {
        self.findings.get(party).map_or(&[], Vec::as_slice)
    }

    /// The positions of the findings about `party`'s processing that another
    /// party must act on, in the findings' order.
    pub fn findings_about(&self, party: &PartyId) -> &[usize] {
        self.about.get(party).map_or(&[], Vec::as_slice)
    }

    /// The processing in third countries, indexed.
    pub fn abroad(&self) -> &AbroadIndex {
        &self.abroad
    }
}
