//! Claims against facts: an agreement whose label for a party contradicts the
//! role the facts give it.

use super::{Area, Arg, Rule, Severity};
use crate::law;
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
            for activity_id in &claim.activities {
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
                if let Some(reason) = derived.reasons.iter().find_map(|r| r.span) {
                    finding.label(reason, msg!("label-fact-makes-it", derived = derived.role));
                }
            }
        }
    },
};
