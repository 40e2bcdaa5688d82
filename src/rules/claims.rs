//! Claims against facts: an agreement whose label for a party contradicts the
//! role the facts give it.
//!
//! An agreement that names the activities it covers claims its roles for
//! those. One that names none is a blanket agreement: it governs whatever its
//! parties do together (as [`crate::graph::Graph::agreements_between`] reads
//! it), so its labels are held against every activity in which the labelled
//! party and another party to it both hold a role. A party absent from such
//! an activity is not a contradiction there: the agreement never said which
//! activities it meant.

use super::{Area, Arg, Context, Rule, Severity};
use crate::law;
use crate::model::{ActivityId, Agreement, PartyId};
use crate::msg;
use crate::roles::{claim_matches, claims};

/// A claimed role that contradicts the derived one.
pub const CLAIMED_ROLE_MISMATCH: Rule = Rule {
    code: "claimed-role-mismatch",
    area: Area::Labels,
    severity: Severity::High,
    provisions: &[law::ART_4_7, law::ART_4_8, law::EDPB_07_2020_FACTS],
    check: |ctx, out| {
        for claim in claims(ctx.model) {
            let Some(agreement) = ctx.model.agreements.get(&claim.agreement) else { continue };
            if !agreement.in_force_on(ctx.as_of) {
                continue;
            }
            let blanket;
            let activities = if agreement.covers.is_empty() {
                blanket = shared_activities(ctx, agreement, &claim.party);
                &blanket
            } else {
                &claim.activities
            };
            for activity_id in activities {
                let Some(activity) = ctx.model.activities.get(activity_id) else { continue };
                if !activity.runs_on(ctx.as_of) {
                    continue;
                }
                let held = ctx.roles.of(&claim.party, activity_id);
                // Set aside Art. 28(10) roles for a processor's own purposes: they sit
                // beside its processor role, which is what a contract with it is about.
                // A party that pursues only its own purposes and acts for nobody is a
                // controller and nothing else, so its role counts.
                let processes = held.iter().any(|a| !a.role.is_controller());
                let main: Vec<_> = held.iter().filter(|a| a.own_purposes.is_empty() || !processes).collect();
                let Some(derived) = main.first() else {
                    // A performer left without a role is a gap, reported by the
                    // responsibility rules; here only a party absent from the activity.
                    if !ctx.graph.performer_entries(activity_id, &claim.party).is_empty() {
                        continue;
                    }
                    // The contract gives a role to a party the facts leave out of
                    // the activity: either the model misses its part, or the
                    // contract covers processing the party does not do.
                    out.at(
                        claim.span,
                        msg!("label-claims", role = Arg::code(claim.role.as_str())),
                        msg!(
                            "claimed-role-mismatch-absent",
                            agreement = &claim.agreement,
                            party = &claim.party,
                            role = Arg::Word(claim.role.as_str()),
                            activity = activity_id,
                        ),
                    )
                    .party(&claim.party)
                    .activity(activity_id)
                    .subject("agreement", &claim.agreement)
                    .severity(super::Severity::Medium);
                    continue;
                };
                if main.iter().any(|a| claim_matches(claim.role, a.role)) {
                    continue;
                }
                let finding = out.at(
                    claim.span,
                    msg!("label-claims", role = Arg::code(claim.role.as_str())),
                    msg!(
                        "claimed-role-mismatch",
                        agreement = &claim.agreement,
                        party = &claim.party,
                        role = Arg::Word(claim.role.as_str()),
                        activity = activity_id,
                        derived = derived.role,
                    ),
                );
                finding.party(&claim.party).activity(activity_id).subject("agreement", &claim.agreement);
                if let Some(reason) = derived.first_span() {
                    finding.label(reason, msg!("label-fact-makes-it", derived = derived.role));
                }
            }
        }
    },
};

/// The activities in which `party` and another party to a blanket `agreement`
/// both hold a role, sorted and without repeats.
///
/// Walks the roles of whichever party to the agreement holds the fewest, so a
/// global vendor with blanket agreements with thousands of customers costs
/// each agreement its customer's roles, not the vendor's.
fn shared_activities(ctx: &Context<'_>, agreement: &Agreement, party: &PartyId) -> Vec<ActivityId> {
    let others: Vec<&PartyId> = agreement.parties.iter().map(|p| &p.party.value).filter(|p| *p != party).collect();
    if others.is_empty() {
        return Vec::new();
    }
    let Some(fewest) = others.iter().copied().chain([party]).min_by_key(|p| ctx.roles.of_party(p).count()) else {
        return Vec::new();
    };
    let mut shared: Vec<ActivityId> = ctx
        .roles
        .of_party(fewest)
        .map(|a| &a.activity)
        .filter(|activity| {
            !ctx.roles.of(party, activity).is_empty()
                && others.iter().any(|other| !ctx.roles.of(other, activity).is_empty())
        })
        .cloned()
        .collect();
    shared.sort();
    shared.dedup();
    shared
}
