//! Information to data subjects (Art. 13/14).
//!
//! Each controller owes its own notice (in the 1177 case IMY fined Medhelp and
//! each of the three regions, each for its own processing). Within one activity
//! the notice of one joint controller serves the others, since the Art. 26
//! arrangement may give the information duty to one of them, and a processor may
//! give the notice on its controller's behalf. The rule needs `informs_subjects`:
//! left out, who informs is unknown and the rule stays silent.

use super::{Area, Message, Rule, Severity};
use crate::law;
use crate::model::PartyId;
use crate::msg;

/// An activity whose controllers inform nobody.
pub const SUBJECTS_NOT_INFORMED: Rule = Rule {
    code: "subjects-not-informed",
    area: Area::Transparency,
    severity: Severity::High,
    // As IMY cited them against Medhelp (DI-2019-3375): Art. 5(1)(a) and 13, with
    // Art. 12 relied on to place the duty on the controller (docs/cases.md).
    provisions: &[law::ART_5_1_A, law::ART_12, law::ART_13, law::ART_14],
    check: |ctx, out| {
        for activity in ctx.running() {
            let Some(informs) = &activity.informs_subjects else { continue };
            let controllers: Vec<&PartyId> = ctx.roles.controllers(&activity.id).collect();
            // Any controller's informing counts; only those the GDPR binds are held to it.
            let bound: Vec<&PartyId> = ctx.bound_controllers(&activity.id).collect();
            // A processor (at any depth) informs on behalf of the controller at the top of its chain.
            let informed_for = |controller: &PartyId| {
                informs.value.iter().any(|informer| {
                    &informer.value == controller
                        || ctx
                            .roles
                            .of(&informer.value, &activity.id)
                            .iter()
                            .any(|a| !a.role.is_controller() && a.top() == controller)
                })
            };
            if controllers.iter().any(|c| informed_for(c)) {
                continue;
            }
            let patient = ctx.data_of(activity).any(|d| d.patient_record);
            let label = if informs.value.is_empty() { "label-nobody-informs" } else { "label-no-informer-listed" };
            for controller in controllers {
                if !bound.contains(&controller) {
                    continue;
                }
                let finding = out.at(
                    informs.span,
                    Message::new(label),
                    msg!("subjects-not-informed", controller = controller, activity = &activity.id),
                );
                finding.party(controller).activity(&activity.id);
                if patient {
                    // The patient's right to information in Swedish care.
                    finding.provision(law::PDL_8_6);
                }
            }
        }
    },
};
