//! Contracts not in force while the processing they cover runs.

use super::{Area, Rule, Severity};
use crate::law;

/// An agreement expired or not yet effective while an activity it covers runs.
pub const NOT_IN_FORCE: Rule = Rule {
    code: "agreement-not-in-force",
    area: Area::Contracts,
    severity: Severity::High,
    provisions: &[law::ART_28_3, law::ART_26, law::ART_5_2],
    summary: "An agreement expired or not yet in force while an activity it covers runs",
    explanation: "A processor agreement, joint-controller arrangement or transfer clause protects data only while it is in force. When it has expired, or has not yet taken effect, on the evaluation date while an activity it covers is running, the processing runs without the terms the law requires (Art. 28(3), 26(1), 46) and the controller cannot demonstrate compliance (Art. 5(2)).",
    remediation: "renew or replace the agreement, or stop the processing it covered",
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
                let (span, label, state) = match (&agreement.effective, &agreement.expires) {
                    (Some(effective), _) if ctx.as_of < effective.value => {
                        (effective.span, "takes effect later", format!("is not in force until {}", effective.value))
                    }
                    (_, Some(expires)) => (expires.span, "expired", format!("expired on {}", expires.value)),
                    _ => (agreement.span, "not in force", "is not in force".to_owned()),
                };
                let finding = out.at(
                    span,
                    label,
                    format!(
                        "agreement `{}` {state}, but `{}` which it covers runs on {}",
                        agreement.id, activity.id, ctx.as_of
                    ),
                );
                finding.activity(&activity.id).label(covered.span, "covers this running activity");
                // The party answerable for the lapse: a controller of the activity among
                // the agreement's parties, else the first by id. Never the first listed,
                // so that the order of `parties` does not change the finding.
                let mut parties: Vec<_> = agreement.parties.iter().map(|p| &p.party.value).collect();
                parties.sort();
                let controls = |party: &&crate::model::PartyId| {
                    ctx.roles.of(party, &activity.id).iter().any(|a| a.role.is_controller())
                };
                if let Some(party) = parties.iter().find(|p| controls(p)).or(parties.first()) {
                    finding.party(party);
                }
            }
        }
    },
};
