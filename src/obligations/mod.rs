//! The obligations stage: what the law requires of each party, given the roles
//! the facts give and the rules' findings aside.
//!
//! It sits between the rules and the renderers. Every function here is a pure
//! function over an analysed model ([`crate::Analysis`]) and returns plain typed
//! data: party, activity and system ids, provisions from [`crate::law`], the
//! facts that bring each obligation and, where a reading goes beyond the
//! recorded facts, how sure it is. `check`, `roles`, `diff`, JSON and the report
//! all read these; the report only words and lays them out.
//!
//! - [`party`]: per party, the obligations its roles bring and why (DPIA, DPO,
//!   Art. 30, the Swedish patient-data duties, …);
//! - [`notification`]: who must notify whom after a breach (Art. 33, 34), per
//!   activity and per system, with the one Art. 34(3)(a) judgement;
//! - [`records`]: the records of processing activities (Art. 30);
//! - [`abroad`]: processing in third countries, the facts Art. 30 and the
//!   transfer rules cite.
//!
//! "Obligation" is a duty a role brings (Art. 24–39); a
//! [`notification::NotificationDuty`] is one particular obligation, to tell
//! someone of a breach.

pub mod abroad;
pub mod notification;
pub mod party;
pub mod records;

use serde::Serialize;

use crate::model::PartyId;

pub use party::{Basis, Certainty, ItemGroup, Kind, Obligation, Recorded, Trigger, obligation_items, obligations_of};

/// One party's obligations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PartyObligations {
    /// The party.
    pub party: PartyId,
    /// Its obligations, in [`Kind`] order.
    pub obligations: Vec<Obligation>,
}

/// The obligations of every party that has any, by party id; drawn up on
/// every core.
pub fn all_obligations(analysis: &crate::Analysis<'_>) -> Vec<PartyObligations> {
    let parties: Vec<&PartyId> = analysis.graph.model().parties.keys().collect();
    crate::par::map(&parties, |party| PartyObligations {
        party: (*party).clone(),
        obligations: obligations_of(analysis, party),
    })
    .into_iter()
    .filter(|p| !p.obligations.is_empty())
    .collect()
}
