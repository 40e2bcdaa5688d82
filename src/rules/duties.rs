//! Duties each party meets on its own, whatever the chain around it: records of
//! processing (Art. 30), an impact assessment (Art. 35), a data protection
//! officer (Art. 37), and keeping patient records as long as the law requires
//! (patientdatalagen 3 kap. 17 §).
//!
//! Each rule reads one recorded fact (`keeps_records`, `dpia`, `dpo`,
//! `retention`) against the roles the facts give; left out, the fact is unknown
//! and the rule is silent. When a duty applies is judged once, by the public
//! functions below, which the duty sheets of the report can call as well.

use super::{Area, Arg, Rule, Severity};
use crate::finding::Join;
use crate::law;
use crate::model::{Activity, ActivityId, Model, Party};
use crate::msg;
use crate::roles::Roles;

/// Whether an activity processes special-category (Art. 9) or criminal
/// (Art. 10) data.
pub fn processes_sensitive(model: &Model, activity: &Activity) -> bool {
    activity.data.iter().filter_map(|d| model.data.get(&d.value)).any(|d| d.is_sensitive())
}

/// Whether an activity is recorded as processing special-category or criminal
/// data on a large scale: it then needs an impact assessment (Art. 35(3)(b)),
/// and a party whose core activities it is needs a DPO (Art. 37(1)(c)).
pub fn large_scale_sensitive(model: &Model, activity: &Activity) -> bool {
    activity.large_scale == Some(true) && processes_sensitive(model, activity)
}

/// Why a party must designate a data protection officer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DpoGround {
    /// It is a public body (Art. 37(1)(a)).
    PublicBody,
    /// Its core activities include large-scale processing of special categories
    /// (Art. 37(1)(c)); "core" is approximated by any role in such an activity.
    LargeScaleSensitive,
}

impl DpoGround {
    /// The provisions the duty rests on.
    pub fn provisions(self) -> &'static [&'static str] {
        match self {
            DpoGround::PublicBody => &[law::ART_37, law::ART_37_1_A],
            DpoGround::LargeScaleSensitive => &[law::ART_37, law::ART_37_1_C],
        }
    }
}

/// The activities running on `as_of` in which `party` holds a role, in id order
/// without repeats.
pub fn running_roles<'a>(
    model: &'a Model,
    roles: &'a Roles,
    party: &'a Party,
    as_of: jiff::civil::Date,
) -> Vec<&'a Activity> {
    let mut held: Vec<&Activity> = roles
        .of_party(&party.id)
        .filter_map(|a| model.activities.get(&a.activity))
        .filter(|a| a.runs_on(as_of))
        .collect();
    held.sort_by(|a, b| a.id.cmp(&b.id));
    held.dedup_by(|a, b| a.id == b.id);
    held
}

/// Whether `party`, holding roles in `held` (its running activities), must
/// designate a DPO, on which ground and for which activities; `None` when it
/// need not.
pub fn dpo_ground<'a>(model: &Model, party: &Party, held: &[&'a Activity]) -> Option<(DpoGround, Vec<&'a ActivityId>)> {
    if held.is_empty() {
        return None;
    }
    if party.public_body {
        return Some((DpoGround::PublicBody, held.iter().map(|a| &a.id).collect()));
    }
    let large: Vec<&ActivityId> = held.iter().filter(|a| large_scale_sensitive(model, a)).map(|a| &a.id).collect();
    (!large.is_empty()).then_some((DpoGround::LargeScaleSensitive, large))
}

/// Why the Art. 30(5) exemption from keeping records cannot apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordsDuty {
    /// The party processes special-category or criminal data.
    Sensitive,
    /// The party has 250 employees or more (the number).
    Employees(u64),
}

/// Whether a party holding roles in `held` must keep records of processing
/// whatever its size and the nature of its processing; `None` when the
/// Art. 30(5) exemption may apply or the facts cannot rule it out (the model
/// cannot tell occasional processing, or processing likely to result in a risk).
pub fn records_duty(model: &Model, party: &Party, held: &[&Activity]) -> Option<RecordsDuty> {
    if held.is_empty() {
        return None;
    }
    if held.iter().any(|a| processes_sensitive(model, a)) {
        return Some(RecordsDuty::Sensitive);
    }
    party.employees.filter(|n| *n >= 250).map(RecordsDuty::Employees)
}

/// Patient records kept less than ten years.
pub const PATIENT_RECORD_RETENTION_TOO_SHORT: Rule = Rule {
    code: "patient-record-retention-too-short",
    area: Area::Accountability,
    severity: Severity::Medium,
    provisions: &[law::PDL_3_17],
    check: |ctx, out| {
        for activity in ctx.running() {
            let mut short: Vec<_> = ctx
                .data_of(activity)
                .filter(|d| d.patient_record)
                .filter_map(|d| d.retention.as_ref().filter(|r| !r.value.at_least_years(10)).map(|r| (d, r)))
                .collect();
            short.sort_by(|a, b| a.0.id.cmp(&b.0.id));
            short.dedup_by(|a, b| a.0.id == b.0.id);
            for (data, retention) in short {
                for controller in ctx.roles.controllers(&activity.id) {
                    out.at(
                        retention.span,
                        msg!("label-retention-short"),
                        msg!(
                            "patient-record-retention-too-short",
                            data = &data.id,
                            activity = &activity.id,
                            controller = controller,
                            retention = Arg::code(retention.value.to_string()),
                        ),
                    )
                    .party(controller)
                    .activity(&activity.id)
                    .subject("data", &data.id)
                    .label(data.span, msg!("label-patient-data"));
                }
            }
        }
    },
};

/// A party that keeps no records of processing where the exemption cannot apply.
pub const NO_RECORDS_OF_PROCESSING: Rule = Rule {
    code: "no-records-of-processing",
    area: Area::Accountability,
    severity: Severity::Medium,
    provisions: &[law::ART_30_1, law::ART_30_2, law::ART_30_5],
    check: |ctx, out| {
        for party in ctx.model.parties.values() {
            let Some(keeps) = party.keeps_records.as_ref().filter(|k| !k.value) else { continue };
            let held = running_roles(ctx.model, ctx.roles, party, ctx.as_of);
            let Some(duty) = records_duty(ctx.model, party, &held) else { continue };
            let why = match duty {
                RecordsDuty::Sensitive => msg!("why-records-sensitive"),
                RecordsDuty::Employees(n) => {
                    msg!("why-records-employees", employees = i64::try_from(n).unwrap_or(i64::MAX))
                }
            };
            let activities = Arg::list(held.iter().map(|a| &a.id), Join::Comma);
            let finding = out
                .at(
                    keeps.span,
                    msg!("label-no-records"),
                    msg!("no-records-of-processing", party = &party.id, activities = activities, why = why),
                )
                .party(&party.id);
            // The controller's record, the processor's, or both, as its roles require.
            let roles: Vec<bool> = held
                .iter()
                .flat_map(|a| ctx.roles.of(&party.id, &a.id))
                .map(|assignment| assignment.role.is_controller())
                .collect();
            if !roles.contains(&true) {
                finding.without_provision(law::ART_30_1);
            }
            if !roles.contains(&false) {
                finding.without_provision(law::ART_30_2);
            }
        }
    },
};

/// Large-scale special-category processing with no impact assessment.
pub const DPIA_NOT_CARRIED_OUT: Rule = Rule {
    code: "dpia-not-carried-out",
    area: Area::Accountability,
    severity: Severity::High,
    provisions: &[law::ART_35, law::ART_35_3_B],
    check: |ctx, out| {
        for activity in ctx.running() {
            let Some(dpia) = activity.dpia.as_ref().filter(|d| !d.value) else { continue };
            if !large_scale_sensitive(ctx.model, activity) {
                continue;
            }
            let mut data: Vec<_> = ctx.data_of(activity).filter(|d| d.is_sensitive()).map(|d| &d.id).collect();
            data.sort_unstable();
            data.dedup();
            for controller in ctx.roles.controllers(&activity.id) {
                out.at(
                    dpia.span,
                    msg!("label-no-dpia"),
                    msg!(
                        "dpia-not-carried-out",
                        activity = &activity.id,
                        data = Arg::list(data.iter().copied(), Join::Comma),
                        controller = controller,
                    ),
                )
                .party(controller)
                .activity(&activity.id);
            }
        }
    },
};

/// A party that must designate a DPO and has not.
pub const NO_DPO: Rule = Rule {
    code: "no-dpo",
    area: Area::Accountability,
    severity: Severity::Medium,
    provisions: &[law::ART_37, law::ART_37_1_A, law::ART_37_1_C],
    check: |ctx, out| {
        for party in ctx.model.parties.values() {
            let Some(dpo) = party.dpo.as_ref().filter(|d| !d.value) else { continue };
            let held = running_roles(ctx.model, ctx.roles, party, ctx.as_of);
            let Some((ground, activities)) = dpo_ground(ctx.model, party, &held) else { continue };
            let activities = Arg::list(activities, Join::Comma);
            let why = match ground {
                DpoGround::PublicBody => msg!("why-dpo-public-body", activities = activities),
                DpoGround::LargeScaleSensitive => msg!("why-dpo-large-scale", activities = activities),
            };
            let finding =
                out.at(dpo.span, msg!("label-no-dpo"), msg!("no-dpo", party = &party.id, why = why)).party(&party.id);
            finding.provisions = ground.provisions().to_vec();
        }
    },
};
