//! Responsibility gaps: an activity nobody controls, a performer acting for
//! nobody, a performer acting for a party with no part in the activity.
//!
//! A performer further down a broken chain (`Gap::NoControllerAbove`) gets no
//! finding of its own: every broken chain ends with one of the gaps above, and
//! the break is reported there (docs/roles.md, "Gaps").

use super::{Area, Message, Rule, Severity};
use crate::law;
use crate::msg;
use crate::roles::Gap;

/// An activity with no controller.
pub const NO_CONTROLLER: Rule = Rule {
    code: "no-controller",
    area: Area::Responsibility,
    severity: Severity::Critical,
    provisions: &[law::ART_4_7, law::ART_5_2, law::ART_24],
    check: |ctx, out| {
        for gap in &ctx.roles.gaps {
            if let Gap::NoController { activity, span } = gap
                && ctx.model.activities.get(activity).is_some_and(|a| a.runs_on(ctx.as_of))
            {
                out.at(*span, Message::new("label-no-party-decides"), msg!("no-controller", activity = activity))
                    .activity(activity);
            }
        }
    },
};

/// A performer acting for nobody.
pub const PERFORMER_FOR_NOBODY: Rule = Rule {
    code: "performer-for-nobody",
    area: Area::Responsibility,
    severity: Severity::High,
    provisions: &[law::ART_4_8, law::ART_28_3, law::ART_29],
    check: |ctx, out| {
        for gap in &ctx.roles.gaps {
            if let Gap::PerformerForNobody { activity, party, span } = gap
                && ctx.model.activities.get(activity).is_some_and(|a| a.runs_on(ctx.as_of))
            {
                out.at(
                    *span,
                    Message::new("label-no-on-behalf-of"),
                    msg!("performer-for-nobody", party = party, activity = activity),
                )
                .party(party)
                .activity(activity);
            }
        }
    },
};

/// A performer whose chain does not reach a controller.
pub const PRINCIPAL_WITHOUT_ROLE: Rule = Rule {
    code: "principal-without-role",
    area: Area::Responsibility,
    severity: Severity::High,
    provisions: &[law::ART_4_8, law::ART_28_1],
    check: |ctx, out| {
        for gap in &ctx.roles.gaps {
            if let Gap::PrincipalWithoutRole { activity, party, principal, span } = gap
                && ctx.model.activities.get(activity).is_some_and(|a| a.runs_on(ctx.as_of))
            {
                out.at(
                    *span,
                    Message::new("label-neither-controls-nor-performs"),
                    msg!("principal-without-role", party = party, principal = principal, activity = activity),
                )
                .party(principal)
                .activity(activity)
                .subject("performer", party)
                .chain(ctx.chain_down(activity, party));
            }
        }
    },
};
