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
    summary: "An activity that nobody controls",
    explanation: "Every processing activity needs a controller: the party that decides why and how it takes place and answers for it (Art. 4(7), 5(2), 24). When nobody in the model decides its purposes or essential means and no law designates a controller, no one is accountable and nobody owes data subjects anything. In the 1177 case IMY received breach notifications from the controller and several processors although the duty to notify was the controller's (DI-2019-3375); reading that as confusion over who was responsible is an inference [I].",
    remediation: "state who decides the activity's purposes (`purposes_decided_by`) and essential means (`means_decided_by`), or the controller designated by law (`controller_by_law`)",
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
    summary: "A performer that is neither controller nor acting on anyone's behalf",
    explanation: "A party that carries out processing either decides it (a controller) or acts on a controller's behalf (a processor, Art. 4(8)), bound by a contract and by instructions (Art. 28(3), 29). A performer that is neither processes personal data with no one answerable for it.",
    remediation: "add `on_behalf_of` naming the party it works for, or record that it decides the activity's purposes and means",
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
    summary: "A performer acting for a party that has no part in the activity",
    explanation: "A processor acts on behalf of a controller (Art. 4(8)). When a performer acts for a party that neither controls nor performs the activity, the chain of instructions ends with someone who has no responsibility for the processing: either that party is in fact a controller, or the model is missing a link.",
    remediation: "record the principal's part in the activity (as controller or as a performer acting for the controller), or correct `on_behalf_of`",
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
