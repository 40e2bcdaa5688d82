//! Security of processing (Art. 32) and Swedish patient-data security.
//!
//! Art. 32 binds controller and processor alike: a finding on a system goes to
//! its operator for its own duty and to each controller whose processing runs on
//! it, which answers for its processor's system (IMY on Medhelp and Voice
//! Integrate's NAS in the 1177 case). The Swedish patient-data duties (access
//! logs, backups) bind the care provider, the controller.
//!
//! The model records data per activity, not per system: the data on a system
//! are those of the running activities whose performers use it, and only the
//! controllers of activities whose data are of concern to a rule answer for it.
//! A security property the model leaves out is unknown, and no rule fires on it.

use std::collections::HashSet;

use super::{Area, Arg, Context, Findings, Message, Rule, Severity};
use crate::finding::{Join, Subject};
use crate::law;
use crate::model::{ActivityId, DataCategory, Exposure, Located, PartyId, System};
use crate::msg;
use crate::source::Span;

/// Who answers for a system finding.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Against {
    /// The operator and every controller whose processing uses the system.
    OperatorAndControllers,
    /// Only the controllers.
    Controllers,
}

/// Which data a rule is about.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Concern {
    /// Special-category (Art. 9) or criminal (Art. 10) data.
    Sensitive,
    /// Patient data under patientdatalagen.
    PatientRecord,
    /// Special-category or criminal data of activities that keep no patient
    /// data on the system: where patient data are, the patient-data rules name
    /// their care provider instead.
    SensitiveBeyondRecords,
}

impl Concern {
    fn covers(self, data: &DataCategory) -> bool {
        match self {
            Concern::Sensitive => data.is_sensitive(),
            Concern::PatientRecord => data.patient_record,
            Concern::SensitiveBeyondRecords => data.is_sensitive() && !data.patient_record,
        }
    }
}

/// The data of concern on a system, per running activity that uses it.
///
/// The model records data per activity, not per system, so the data on a
/// system are taken to be the data of every running activity whose performers
/// use it. An activity whose data are not of concern brings its controller in
/// for nothing: a region routing call metadata over the same platform does not
/// answer for the health data another controller keeps there.
fn data_on<'a>(ctx: &Context<'a>, system: &System, concern: Concern) -> Vec<(ActivityId, Vec<&'a DataCategory>)> {
    let mut found: Vec<(ActivityId, Vec<&'a DataCategory>)> = Vec::new();
    for (activity_id, _) in ctx.graph.users_of(&system.id) {
        if found.iter().any(|(a, _)| a == &activity_id) {
            continue;
        }
        let Some(activity) = ctx.model.activities.get(&activity_id) else { continue };
        if !activity.runs_on(ctx.as_of) {
            continue;
        }
        if concern == Concern::SensitiveBeyondRecords && ctx.data_of(activity).any(|d| d.patient_record) {
            continue;
        }
        let mut data: Vec<&DataCategory> = ctx.data_of(activity).filter(|d| concern.covers(d)).collect();
        if data.is_empty() {
            continue;
        }
        data.sort_by(|a, b| a.id.cmp(&b.id));
        data.dedup_by(|a, b| a.id == b.id);
        found.push((activity_id, data));
    }
    found
}

/// Every data category in `data_on`, sorted, as a list of names; `None` when
/// there is none.
fn listed(found: &[(ActivityId, Vec<&DataCategory>)]) -> Option<Arg> {
    let mut ids: Vec<&crate::model::DataId> = found.iter().flat_map(|(_, data)| data.iter().map(|d| &d.id)).collect();
    ids.sort_unstable();
    ids.dedup();
    (!ids.is_empty()).then(|| names(ids))
}

fn names<'a>(ids: impl IntoIterator<Item = &'a crate::model::DataId>) -> Arg {
    Arg::List(ids.into_iter().map(|id| Arg::Name(Subject::Data(id.clone()))).collect(), Join::Comma)
}

/// Pushes the findings for a system: one against its operator (when the rule
/// binds it) and one against each controller of an activity of concern.
#[allow(clippy::too_many_arguments)]
fn report(
    ctx: &Context<'_>,
    out: &mut Findings,
    system: &System,
    concern: Concern,
    against: Against,
    span: Span,
    label: &'static str,
    what: Message,
) {
    let found = data_on(ctx, system, concern);
    // Who has been told, as sets: a shared platform can carry thousands of
    // activities, and scanning a list for each would be quadratic.
    let mut reported_everywhere: HashSet<PartyId> = HashSet::new();
    let mut reported: HashSet<(PartyId, ActivityId)> = HashSet::new();
    let operator = &system.operator.value;
    // Art. 32 binds the processor that runs the system for its own part, for
    // every special-category datum on it; a care provider that runs the system
    // for its own patient data answers under the patient-data rule instead.
    let (operator_found, excused) = match concern {
        Concern::SensitiveBeyondRecords => {
            let care = data_on(ctx, system, Concern::PatientRecord);
            let excused = care.iter().any(|(activity, _)| ctx.roles.controllers(activity).any(|c| c == operator));
            (data_on(ctx, system, Concern::Sensitive), excused)
        }
        _ => (found.clone(), false),
    };
    let operator_data = listed(&operator_found).filter(|_| !excused);
    if let (Against::OperatorAndControllers, Some(all)) = (against, operator_data) {
        reported_everywhere.insert(operator.clone());
        let finding = out
            .at(
                span,
                Message::new(label),
                msg!(
                    "security-operator",
                    system = &system.id,
                    operator = operator,
                    what = what.clone().with("data", all.clone())
                ),
            )
            .party(operator)
            .subject("system", &system.id)
            .provision(law::ART_32);
        // The principles of Art. 5(1) are the controller's to answer for (Art. 5(2));
        // a processor answers for its own security duty, Art. 32, as IMY held
        // Voice Integrate to.
        let controls =
            operator_found.iter().any(|(activity, _)| ctx.roles.controllers(activity).any(|c| c == operator));
        if !controls {
            finding.without_provision(law::ART_5_1_F);
        }
    }
    // Sorted by activity, so each activity's users are one run of it.
    let all_users = ctx.graph.users_of(&system.id);
    for (activity_id, data) in &found {
        let ids = names(data.iter().map(|d| &d.id));
        // The operator's own use first, so a controller's chain runs to the party
        // that runs the system rather than to another user of it.
        let first = all_users.partition_point(|(a, _)| a < activity_id);
        let mut users: Vec<PartyId> =
            all_users[first..].iter().take_while(|(a, _)| a == activity_id).map(|(_, u)| u.clone()).collect();
        users.sort_by_key(|user| (user != &system.operator.value, user.clone()));
        let Some(user) = users.first() else { continue };
        let controllers: Vec<PartyId> = ctx.bound_controllers(activity_id).cloned().collect();
        for controller in controllers {
            if reported_everywhere.contains(&controller) || !reported.insert((controller.clone(), activity_id.clone()))
            {
                continue;
            }
            // Art. 32 and 28(1): the controller answers for its processor's system.
            let key =
                if controller == system.operator.value { "security-controller" } else { "security-controller-through" };
            out.at(
                span,
                Message::new(label),
                msg!(
                    key,
                    system = &system.id,
                    activity = activity_id,
                    controller = &controller,
                    operator = &system.operator.value,
                    what = what.clone().with("data", ids.clone()),
                ),
            )
            .party(&controller)
            .activity(activity_id)
            .subject("system", &system.id)
            .chain(ctx.chain_down(activity_id, user))
            .label(system.span, Message::new("label-system"));
        }
    }
}

/// Reports every system whose `flag` is recorded as `false`: the shape of the
/// rules below that look at one yes/no fact of a system.
#[allow(clippy::too_many_arguments)]
fn report_false(
    ctx: &Context<'_>,
    out: &mut Findings,
    flag: fn(&System) -> Option<&Located<bool>>,
    concern: Concern,
    against: Against,
    label: &'static str,
    what: &'static str,
) {
    for system in ctx.model.systems.values() {
        let Some(flag) = flag(system) else { continue };
        if !flag.value {
            report(ctx, out, system, concern, against, flag.span, label, Message::new(what));
        }
    }
}

/// Special-category data reachable from the internet without authentication.
pub const INTERNET_WITHOUT_AUTHENTICATION: Rule = Rule {
    code: "internet-without-authentication",
    area: Area::Security,
    severity: Severity::Critical,
    provisions: &[law::ART_5_1_F, law::ART_32, law::ART_32_1_B],
    check: |ctx, out| {
        for system in ctx.model.systems.values() {
            let exposed = system.exposure.as_ref().is_some_and(|e| e.value == Exposure::Internet);
            let Some(authentication) = &system.authentication else { continue };
            if !exposed || authentication.value != crate::model::Authentication::None {
                continue;
            }
            report(
                ctx,
                out,
                system,
                Concern::Sensitive,
                Against::OperatorAndControllers,
                authentication.span,
                "label-no-authentication",
                Message::new("what-no-authentication"),
            );
        }
    },
};

/// Special-category data sent unencrypted.
pub const UNENCRYPTED_IN_TRANSIT: Rule = Rule {
    code: "unencrypted-in-transit",
    area: Area::Security,
    severity: Severity::High,
    provisions: &[law::ART_32, law::ART_32_1_A],
    check: |ctx, out| {
        for system in ctx.model.systems.values() {
            let Some(flag) = &system.encrypted_in_transit else { continue };
            if flag.value {
                continue;
            }
            // Traffic that stays inside one organisation's own network is not
            // exposed to others; where the model does not record the exposure,
            // the finding says so at a lower severity rather than assume either.
            let exposure = system.exposure.as_ref().map(|e| e.value);
            if exposure == Some(Exposure::Internal) {
                continue;
            }
            let before = out.found.len();
            report(
                ctx,
                out,
                system,
                Concern::Sensitive,
                Against::OperatorAndControllers,
                flag.span,
                "label-no-encryption-in-transit",
                Message::new(match exposure {
                    Some(Exposure::Internet) => "what-unencrypted-over-internet",
                    Some(_) => "what-unencrypted-over-shared-network",
                    None => "what-unencrypted-over-unknown-network",
                }),
            );
            if exposure.is_none() {
                for finding in &mut out.found[before..] {
                    finding.severity(Severity::Medium);
                }
            }
        }
    },
};

/// Special-category data stored unencrypted.
pub const UNENCRYPTED_AT_REST: Rule = Rule {
    code: "unencrypted-at-rest",
    area: Area::Security,
    severity: Severity::Medium,
    provisions: &[law::ART_32, law::ART_32_1_A],
    check: |ctx, out| {
        report_false(
            ctx,
            out,
            |system| system.encrypted_at_rest.as_ref(),
            Concern::Sensitive,
            Against::OperatorAndControllers,
            "label-no-encryption-at-rest",
            "what-unencrypted-at-rest",
        );
    },
};

/// Patient data without access logging.
pub const PATIENT_DATA_WITHOUT_ACCESS_LOG: Rule = Rule {
    code: "patient-data-without-access-log",
    area: Area::Security,
    severity: Severity::High,
    provisions: &[law::PDL_4_3, law::ART_32],
    check: |ctx, out| {
        // patientdatalagen 4 kap. 3 § binds the care provider, the controller,
        // not the vendor that runs the system.
        report_false(
            ctx,
            out,
            |system| system.access_logging.as_ref(),
            Concern::PatientRecord,
            Against::Controllers,
            "label-no-access-logging",
            "what-no-access-log",
        );
    },
};

/// Patient data without backups.
pub const PATIENT_DATA_WITHOUT_BACKUPS: Rule = Rule {
    code: "patient-data-without-backups",
    area: Area::Security,
    severity: Severity::Medium,
    provisions: &[law::HSLF_FS_2016_40_BACKUP, law::ART_32_1_C],
    check: |ctx, out| {
        // HSLF-FS 2016:40 binds the care provider, the controller.
        report_false(
            ctx,
            out,
            |system| system.backups.as_ref(),
            Concern::PatientRecord,
            Against::Controllers,
            "label-no-backups",
            "what-no-backups",
        );
    },
};

/// Special-category data, outside patient records, on a system with no backups.
pub const SENSITIVE_DATA_WITHOUT_BACKUPS: Rule = Rule {
    code: "sensitive-data-without-backups",
    area: Area::Security,
    severity: Severity::Low,
    provisions: &[law::ART_32, law::ART_32_1_C],
    check: |ctx, out| {
        report_false(
            ctx,
            out,
            |system| system.backups.as_ref(),
            Concern::SensitiveBeyondRecords,
            Against::OperatorAndControllers,
            "label-no-backups",
            "what-no-backups-sensitive",
        );
    },
};

/// Special-category data, outside patient records, on a system that does not log access.
pub const SENSITIVE_DATA_WITHOUT_ACCESS_LOG: Rule = Rule {
    code: "sensitive-data-without-access-log",
    area: Area::Security,
    severity: Severity::Medium,
    provisions: &[law::ART_32, law::ART_32_1_B],
    check: |ctx, out| {
        report_false(
            ctx,
            out,
            |system| system.access_logging.as_ref(),
            Concern::SensitiveBeyondRecords,
            Against::OperatorAndControllers,
            "label-no-access-logging",
            "what-no-access-log-sensitive",
        );
    },
};

/// The systems that users reach with a password alone, with how they are
/// reached: the shape of the two rules on authentication strength.
fn password_only<'a>(ctx: &Context<'a>) -> impl Iterator<Item = (&'a System, Exposure, Span)> + use<'a> {
    ctx.model.systems.values().filter_map(|system| {
        let authentication = system.authentication.as_ref()?;
        let exposure = system.exposure.as_ref()?.value;
        (authentication.value == crate::model::Authentication::Password).then_some((
            system,
            exposure,
            authentication.span,
        ))
    })
}

/// Patient data reached with a password alone over a network the operator does not control.
pub const PATIENT_DATA_WITHOUT_STRONG_AUTHENTICATION: Rule = Rule {
    code: "patient-data-without-strong-authentication",
    area: Area::Security,
    severity: Severity::High,
    provisions: &[law::HSLF_FS_2016_40_OPEN_NETWORKS, law::ART_5_1_F, law::ART_32, law::ART_32_1_B],
    check: |ctx, out| {
        // The regulations bind the care provider, the controller.
        for (system, exposure, span) in password_only(ctx) {
            let network = match exposure {
                Exposure::Internet => "network-internet",
                Exposure::Private => "network-shared",
                Exposure::Internal => continue,
            };
            let what = msg!("what-password-only-patient", network = Message::new(network));
            report(ctx, out, system, Concern::PatientRecord, Against::Controllers, span, "label-password-only", what);
        }
    },
};

/// Special-category data, outside patient records, on an internet-facing system with a password alone.
pub const PASSWORD_ONLY_ON_INTERNET: Rule = Rule {
    code: "password-only-on-internet",
    area: Area::Security,
    severity: Severity::Medium,
    provisions: &[law::ART_32, law::ART_32_1_B],
    check: |ctx, out| {
        for (system, exposure, span) in password_only(ctx) {
            if exposure == Exposure::Internet {
                let what = Message::new("what-password-only-sensitive");
                report(
                    ctx,
                    out,
                    system,
                    Concern::SensitiveBeyondRecords,
                    Against::OperatorAndControllers,
                    span,
                    "label-password-only",
                    what,
                );
            }
        }
    },
};

/// Patient data in a system whose access rights were assigned without a needs-and-risk analysis.
pub const PATIENT_DATA_WITHOUT_ACCESS_ANALYSIS: Rule = Rule {
    code: "patient-data-without-access-analysis",
    area: Area::Security,
    severity: Severity::High,
    provisions: &[law::PDL_4_2, law::HSLF_FS_2016_40_ACCESS_ANALYSIS, law::ART_5_1_F, law::ART_32],
    check: |ctx, out| {
        // The duty is the care provider's, the controller's.
        report_false(
            ctx,
            out,
            |system| system.needs_and_risk_analysis.as_ref(),
            Concern::PatientRecord,
            Against::Controllers,
            "label-no-access-analysis",
            "what-no-access-analysis",
        );
    },
};

/// Patient data in a system whose access logs are not reviewed.
pub const PATIENT_DATA_LOGS_NOT_REVIEWED: Rule = Rule {
    code: "patient-data-logs-not-reviewed",
    area: Area::Security,
    severity: Severity::Medium,
    provisions: &[law::PDL_4_3, law::ART_32],
    check: |ctx, out| {
        for system in ctx.model.systems.values() {
            let Some(review) = system.log_review.as_ref().filter(|r| !r.value) else { continue };
            // With no log at all, the missing log is the finding.
            if system.access_logging.as_ref().is_some_and(|l| !l.value) {
                continue;
            }
            let what = Message::new("what-logs-not-reviewed");
            report(
                ctx,
                out,
                system,
                Concern::PatientRecord,
                Against::Controllers,
                review.span,
                "label-logs-not-reviewed",
                what,
            );
        }
    },
};
