//! Joint controllers without an arrangement (Art. 26).

use super::{Area, Rule, Severity};
use crate::law;
use crate::model::AgreementKind;
use crate::roles::Role;

/// Joint controllers with no arrangement in force.
pub const JOINT_WITHOUT_ARRANGEMENT: Rule = Rule {
    code: "joint-controllers-without-arrangement",
    area: Area::JointControllers,
    severity: Severity::High,
    provisions: &[law::ART_26],
    summary: "Joint controllers with no arrangement between them",
    explanation: "Where two or more controllers jointly determine purposes and means, they must set out their respective responsibilities, in particular for data subjects' rights and the information duties, in an arrangement whose essence is made available to data subjects (Art. 26(1)–(2)). Without one, data subjects cannot know whom to turn to, and each controller answers for everything (Art. 26(3)).",
    remediation: "sign a `joint_controllers` agreement covering the activity, binding every joint controller, and publish its essence",
    check: |ctx, out| {
        for activity in ctx.running() {
            let joint: Vec<_> =
                ctx.roles.in_activity(&activity.id).iter().filter(|a| a.role == Role::JointController).collect();
            if joint.is_empty() {
                continue;
            }
            let arrangements: Vec<_> = ctx
                .graph
                .agreements_covering(&activity.id)
                .into_iter()
                .filter(|g| g.kind.value == AgreementKind::JointControllers && g.in_force_on(ctx.as_of))
                .collect();
            for assignment in &joint {
                let covered = joint
                    .iter()
                    .filter(|other| other.party != assignment.party)
                    .all(|other| arrangements.iter().any(|g| g.binds(&assignment.party) && g.binds(&other.party)));
                if covered {
                    continue;
                }
                let others: Vec<String> = joint
                    .iter()
                    .filter(|other| other.party != assignment.party)
                    .map(|other| format!("`{}`", other.party))
                    .collect();
                let span = assignment.reasons.iter().find_map(|r| r.span).unwrap_or(activity.span);
                out.at(
                    span,
                    "jointly determines purposes or means",
                    format!(
                        "`{}` is joint controller of `{}` with {} but no arrangement in force binds them",
                        assignment.party,
                        activity.id,
                        others.join(", ")
                    ),
                )
                .party(&assignment.party)
                .activity(&activity.id);
            }
        }
    },
};
