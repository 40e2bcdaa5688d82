//! Contracts not in force while the processing they cover runs.
//!
//! An agreement counts on the evaluation date only between its `effective` and
//! `expires` dates, both inclusive. One that has lapsed, or not yet begun, while
//! an activity it covers runs is a finding, unless another agreement of the same
//! kind between the same parties covers that activity on the date: a renewal
//! replaces the old contract, and a signed successor waits for the current one
//! to end.

use super::{Area, Message, Rule, Severity};
use crate::law;
use crate::model::{Agreement, ClaimedRole, PartyId};
use crate::msg;

/// The party that must act on an agreement: the controller it names, or else
/// the commissioning party, or else the first party.
fn accountable(agreement: &Agreement) -> Option<&PartyId> {
    // The first by id in each tier, never the first listed: reordering `parties`
    // must not move the finding to another party (`ansvar diff` matches by party).
    agreement
        .parties_claimed(ClaimedRole::Controller)
        .min()
        .or_else(|| agreement.parties_claimed(ClaimedRole::JointController).min())
        .or_else(|| agreement.parties_claimed(ClaimedRole::Principal).min())
        .or_else(|| agreement.parties.iter().map(|p| &p.party.value).min())
}

/// An agreement expired or not yet effective while an activity it covers runs.
pub const NOT_IN_FORCE: Rule = Rule {
    code: "agreement-not-in-force",
    area: Area::Contracts,
    severity: Severity::High,
    provisions: &[law::ART_28_3, law::ART_26, law::ART_5_2],
    check: |ctx, out| {
        for agreement in ctx.model.agreements.values() {
            if agreement.in_force_on(ctx.as_of) {
                continue;
            }
            for covered in &agreement.covers {
                let Some(activity) = ctx.model.activities.get(&covered.value) else { continue };
                if !activity.runs_on(ctx.as_of) {
                    continue;
                }
                let replaced = ctx.graph.agreements_covering(&activity.id).into_iter().any(|other| {
                    other.id != agreement.id
                        && other.kind.value == agreement.kind.value
                        && other.in_force_on(ctx.as_of)
                        && agreement.parties.iter().all(|p| other.binds(&p.party.value))
                });
                if replaced {
                    continue;
                }
                let (span, label, state) = match (&agreement.effective, &agreement.expires) {
                    (Some(effective), _) if ctx.as_of < effective.value => (
                        effective.span,
                        Message::new("label-takes-effect-later"),
                        msg!("not-in-force-until", date = effective.value),
                    ),
                    (_, Some(expires)) => (
                        expires.span,
                        Message::new("label-expired"),
                        msg!("not-in-force-expired", date = expires.value),
                    ),
                    _ => (agreement.span, Message::new("label-not-in-force"), Message::new("not-in-force-state")),
                };
                let finding = out.at(
                    span,
                    label,
                    msg!(
                        "agreement-not-in-force",
                        agreement = &agreement.id,
                        state = state,
                        activity = &activity.id,
                        date = ctx.as_of,
                    ),
                );
                finding
                    .activity(&activity.id)
                    .subject("agreement", &agreement.id)
                    .label(covered.span, Message::new("label-covers-running-activity"));
                if let Some(party) = accountable(agreement) {
                    finding.party(party);
                }
            }
        }
    },
};
