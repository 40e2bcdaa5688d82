//! Joint controllers without an arrangement (Art. 26).

use super::{Area, Arg, Message, Rule, Severity};
use crate::finding::Join;
use crate::law;
use crate::model::{AgreementKind, PartyId};
use crate::msg;
use crate::roles::Role;

/// Joint controllers with no arrangement in force.
pub const JOINT_WITHOUT_ARRANGEMENT: Rule = Rule {
    code: "joint-controllers-without-arrangement",
    area: Area::JointControllers,
    severity: Severity::High,
    provisions: &[law::ART_26, law::ART_26_1],
    check: |ctx, out| {
        for activity in ctx.running() {
            let joint: Vec<_> =
                ctx.roles.in_activity(&activity.id).iter().filter(|a| a.role == Role::JointController).collect();
            if joint.is_empty() {
                continue;
            }
            // An arrangement binding the two, in force, that names the activity or
            // names none (then it governs everything between them).
            let arranged = |a: &PartyId, b: &PartyId| {
                ctx.agreements_in_force(a, b, &activity.id)
                    .iter()
                    .any(|g| g.kind.value == AgreementKind::JointControllers)
            };
            for assignment in &joint {
                let covered = joint
                    .iter()
                    .filter(|other| other.party != assignment.party)
                    .all(|other| arranged(&assignment.party, &other.party));
                if covered {
                    continue;
                }
                let others = joint.iter().filter(|other| other.party != assignment.party).map(|other| &other.party);
                let span = assignment.first_span().unwrap_or(activity.span);
                out.at(
                    span,
                    Message::new("label-jointly-determines"),
                    msg!(
                        "joint-controllers-without-arrangement",
                        party = &assignment.party,
                        activity = &activity.id,
                        others = Arg::list(others, Join::Comma),
                    ),
                )
                .party(&assignment.party)
                .activity(&activity.id);
            }
        }
    },
};
