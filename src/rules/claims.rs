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

use super::{Area, Arg, Context, Findings, Rule, Severity};
use crate::law;
use crate::model::{ActivityId, Agreement, ClaimedRole, Located, PartyId};
use crate::msg;
use crate::roles::{claim_matches, claims_in};

/// A claimed role that contradicts the derived one.
pub const CLAIMED_ROLE_MISMATCH: Rule = Rule {
    code: "claimed-role-mismatch",
    area: Area::Labels,
    severity: Severity::High,
    provisions: &[law::ART_4_7, law::ART_4_8, law::EDPB_07_2020_FACTS],
    check: |ctx, out| {
        for agreement in ctx.model.agreements.values() {
            if !agreement.in_force_on(ctx.as_of) {
                continue;
            }
            for (party, role) in claims_in(agreement) {
                if agreement.covers.is_empty() {
                    for activity_id in &shared_activities(ctx, agreement, party) {
                        claim_against_facts(ctx, out, agreement, party, role, activity_id);
                    }
                } else {
                    for covered in &agreement.covers {
                        claim_against_facts(ctx, out, agreement, party, role, &covered.value);
                    }
                }
            }
        }
    },
};

/// One claim held against the roles the facts give `party` in one activity.
fn claim_against_facts(
    ctx: &Context<'_>,
    out: &mut Findings,
    agreement: &Agreement,
    party: &PartyId,
    role: &Located<ClaimedRole>,
    activity_id: &ActivityId,
) {
    let Some(activity) = ctx.model.activities.get(activity_id) else { return };
    if !activity.runs_on(ctx.as_of) {
        return;
    }
    let held = ctx.roles.of(party, activity_id);
    // Set aside Art. 28(10) roles for a processor's own purposes: they sit
    // beside its processor role, which is what a contract with it is about.
    // A party that pursues only its own purposes and acts for nobody is a
    // controller and nothing else, so its role counts.
    let processes = held.iter().any(|a| !a.role.is_controller());
    let mut main = held.iter().filter(|a| !a.has_own_purposes() || !processes);
    let Some(derived) = main.next() else {
        // A performer left without a role is a gap, reported by the
        // responsibility rules; here only a party absent from the activity.
        if ctx.graph.performers_of(activity).any(|p| &p.party.value == party) {
            return;
        }
        // The contract gives a role to a party the facts leave out of
        // the activity: either the model misses its part, or the
        // contract covers processing the party does not do.
        out.at(
            role.span,
            msg!("label-claims", role = Arg::code(role.value.as_str())),
            msg!(
                "claimed-role-mismatch-absent",
                agreement = &agreement.id,
                party = party,
                role = Arg::Word(role.value.as_str()),
                activity = activity_id,
            ),
        )
        .party(party)
        .activity(activity_id)
        .subject("agreement", &agreement.id)
        .severity(super::Severity::Medium);
        return;
    };
    if claim_matches(role.value, derived.role) || main.any(|a| claim_matches(role.value, a.role)) {
        return;
    }
    let finding = out.at(
        role.span,
        msg!("label-claims", role = Arg::code(role.value.as_str())),
        msg!(
            "claimed-role-mismatch",
            agreement = &agreement.id,
            party = party,
            role = Arg::Word(role.value.as_str()),
            activity = activity_id,
            derived = derived.role,
        ),
    );
    finding.party(party).activity(activity_id).subject("agreement", &agreement.id);
    if let Some(reason) = derived.first_span() {
        finding.label(reason, msg!("label-fact-makes-it", derived = derived.role));
    }
}

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
