//! Contractual residency: processing outside the countries an agreement allows.
//!
//! A residency clause binds the processor that signed it and, through the
//! flow-down of Art. 28(4), every sub-processor below it in the activity. An
//! agreement that names no activity governs everything between its parties (as
//! [`crate::graph::Graph::agreements_between`] reads it), so its clause binds a
//! party in every activity where it acts under another party to the agreement.

use super::{Area, Arg, Context, Message, Rule, Severity};
use crate::finding::Join;
use crate::law;
use crate::model::{Activity, Agreement, PartyId, Performer, Residency};
use crate::msg;

/// The agreements whose residency clauses may govern an activity: those that name
/// it, and those that name no activity and bind one of its performers.
fn governing<'a>(ctx: &Context<'a>, activity: &Activity) -> Vec<&'a Agreement> {
    let mut found = ctx.graph.agreements_covering(&activity.id);
    for performer in ctx.graph.performers_of(activity) {
        // Only agreements naming no activity: a cloud vendor's full list of
        // agreements would make this quadratic in the size of the model.
        for agreement in ctx.graph.blanket_agreements_of(&performer.party.value) {
            if !found.iter().any(|g| g.id == agreement.id) {
                found.push(agreement);
            }
        }
    }
    found.sort_by(|a, b| a.id.cmp(&b.id));
    found
}

/// Whether `agreement` binds `party` in `activity`: it names the activity, or it
/// names none and also binds a party above `party` in its chain (the principal it
/// took the instruction from, or that principal's principal).
fn binds_in(ctx: &Context<'_>, agreement: &Agreement, party: &PartyId, activity: &Activity) -> bool {
    if agreement.covers.iter().any(|c| c.value == activity.id) {
        return true;
    }
    agreement.covers.is_empty()
        && ctx.graph.chain_up(&activity.id, party).iter().skip(1).any(|above| agreement.binds(above))
}

/// Processing outside the countries an agreement allows.
pub const RESIDENCY_BREACH: Rule = Rule {
    code: "residency-breach",
    area: Area::Residency,
    severity: Severity::High,
    provisions: &[law::ART_28_3, law::ART_29, law::ART_28_10],
    check: |ctx, out| {
        for activity in ctx.running() {
            // Each performer's chain, worked out once for the activity when a
            // clause first needs it, rather than once per clause and bound party.
            let mut chains: Option<Vec<(&Performer, Vec<PartyId>)>> = None;
            for agreement in governing(ctx, activity) {
                let Some(allowed) = &agreement.residency else { continue };
                if !agreement.in_force_on(ctx.as_of) {
                    continue;
                }
                let permits = |country: &crate::model::Country| {
                    allowed.value.iter().any(|place| match &place.value {
                        Residency::Eea => ctx.reference.is_eea_on(country, ctx.as_of),
                        Residency::Country(c) => c == country,
                    })
                };
                for bound in &agreement.parties {
                    let bound_party = &bound.party.value;
                    // The clause binds the parties that process on instructions; a
                    // processor with purposes of its own stays bound (`Context::controls`).
                    if ctx.controls(bound_party, &activity.id) || !binds_in(ctx, agreement, bound_party, activity) {
                        continue;
                    }
                    let chains = chains.get_or_insert_with(|| {
                        ctx.graph
                            .performers_of(activity)
                            .map(|performer| (performer, ctx.graph.chain_up(&activity.id, &performer.party.value)))
                            .collect()
                    });
                    for (performer, chain) in chains.iter() {
                        let performer = *performer;
                        if !chain.contains(bound_party) {
                            continue;
                        }
                        for place in ctx.graph.places(performer) {
                            if permits(&place.country) {
                                continue;
                            }
                            let allowed_list = allowed
                                .value
                                .iter()
                                .map(|p| match &p.value {
                                    Residency::Eea => Arg::from(Message::new("residency-eea")),
                                    Residency::Country(c) => Arg::from(c),
                                })
                                .collect();
                            out.at(
                                place.span,
                                msg!("label-in-country", country = &place.country),
                                msg!(
                                    "residency-breach",
                                    performer = &performer.party.value,
                                    activity = &activity.id,
                                    country = ctx.country(&place.country),
                                    agreement = &agreement.id,
                                    allowed = Arg::List(allowed_list, Join::Comma),
                                ),
                            )
                            .party(bound_party)
                            .activity(&activity.id)
                            .subject("performer", &performer.party.value)
                            .subject("agreement", &agreement.id)
                            .subject("country", &place.country)
                            .chain(ctx.chain_down(&activity.id, &performer.party.value))
                            .label(allowed.span, Message::new("label-allowed-here"));
                        }
                    }
                }
            }
        }
    },
};
