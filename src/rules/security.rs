//! Security of processing (Art. 32) and Swedish patient-data security.
//!
//! Art. 32 binds controller and processor alike: a finding on a system goes to
//! its operator for its own duty and to each controller whose processing runs on
//! it, which answers for its processor's system (IMY on Medhelp and Voice
//! Integrate's NAS in the 1177 case). The Swedish patient-data duties (access
//! logs, backups) bind the care provider, the controller.

use super::{Area, Context, Findings, Rule, Severity};
use crate::law;
use crate::model::{DataCategory, Exposure, PartyId, System};
use crate::source::Span;

/// Who answers for a system finding.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Against {
    /// The operator and every controller whose processing uses the system.
    OperatorAndControllers,
    /// Only the controllers.
    Controllers,
}

/// The data held on a system: the data of every running activity that uses it.
fn data_on<'a>(ctx: &Context<'a>, system: &System) -> Vec<&'a DataCategory> {
    let mut data: Vec<&DataCategory> = Vec::new();
    for (activity_id, _) in ctx.graph.users_of(&system.id) {
        let Some(activity) = ctx.model.activities.get(&activity_id) else { continue };
        if !activity.runs_on(ctx.as_of) {
            continue;
        }
        for item in ctx.data_of(activity) {
            if !data.iter().any(|d| d.id == item.id) {
                data.push(item);
            }
        }
    }
    data.sort_by(|a, b| a.id.cmp(&b.id));
    data
}

fn report(
    ctx: &Context<'_>,
    out: &mut Findings,
    system: &System,
    against: Against,
    span: Span,
    label: &str,
    what: &str,
) {
    let mut reported: Vec<(PartyId, Option<crate::model::ActivityId>)> = Vec::new();
    if against == Against::OperatorAndControllers {
        let operator = &system.operator.value;
        reported.push((operator.clone(), None));
        out.at(span, label, format!("`{}`, operated by `{operator}`, {what}", system.id))
            .party(operator)
            .provision(law::ART_32);
    }
    // The operator's own use first, so a controller's chain runs to the party
    // that runs the system rather than to another user of it.
    let mut users = ctx.graph.users_of(&system.id);
    users.sort_by_key(|(activity, user)| (activity.clone(), user != &system.operator.value, user.clone()));
    for (activity_id, user) in users {
        let Some(activity) = ctx.model.activities.get(&activity_id) else { continue };
        if !activity.runs_on(ctx.as_of) {
            continue;
        }
        let controllers: Vec<PartyId> = ctx.roles.controllers(&activity_id).cloned().collect();
        for controller in controllers {
            if reported.iter().any(|(p, a)| p == &controller && (a.is_none() || a.as_ref() == Some(&activity_id))) {
                continue;
            }
            reported.push((controller.clone(), Some(activity_id.clone())));
            let chain = ctx.chain_down(&activity_id, &user);
            let through = if controller == system.operator.value {
                String::new()
            } else {
                format!(" (the system of `{}`, which processes for it)", system.operator.value)
            };
            out.at(
                span,
                label,
                format!("`{}`, used for `{activity_id}` of controller `{controller}`{through}, {what}", system.id),
            )
            .party(&controller)
            .activity(&activity_id)
            .chain(chain)
            .label(system.span, "system");
        }
    }
}

fn sensitive(data: &[&DataCategory]) -> Option<String> {
    let names: Vec<&str> = data.iter().filter(|d| d.is_sensitive()).map(|d| d.id.as_str()).collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// Special-category data reachable from the internet without authentication.
pub const INTERNET_WITHOUT_AUTHENTICATION: Rule = Rule {
    code: "internet-without-authentication",
    area: Area::Security,
    severity: Severity::Critical,
    provisions: &[law::ART_5_1_F, law::ART_32, law::ART_32_1_B],
    summary: "Special-category data on a system reachable from the internet with no authentication",
    explanation: "Anyone who finds the address can read the data. This is what happened in the 1177 case: recordings of calls lay on a NAS reachable from the internet with no password, and IMY fined both the controller (Medhelp, SEK 8 M of its SEK 12 M for this point) and the processor that ran the device (Voice Integrate, SEK 650 000) under Art. 5(1)(f) and 32.",
    remediation: "take the system off the internet (a private network such as Sjunet) or put strong authentication in front of it (smart card or multi-factor), and check who has already read the data",
    check: |ctx, out| {
        for system in ctx.model.systems.values() {
            let exposed = system.exposure.as_ref().is_some_and(|e| e.value == Exposure::Internet);
            let Some(authentication) = &system.authentication else { continue };
            if !exposed || authentication.value != crate::model::Authentication::None {
                continue;
            }
            let Some(data) = sensitive(&data_on(ctx, system)) else { continue };
            report(
                ctx,
                out,
                system,
                Against::OperatorAndControllers,
                authentication.span,
                "no authentication",
                &format!("holds special-category data ({data}) reachable from the internet with no authentication"),
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
    summary: "Special-category data on a networked system that does not encrypt traffic",
    explanation: "Encryption is the first measure Art. 32(1)(a) names. Special-category data that travel unencrypted over a network shared with others can be read on the way; IMY noted the 1177 NAS used no encrypted communication.",
    remediation: "encrypt all traffic to and from the system (TLS, or an encrypted tunnel over the private network)",
    check: |ctx, out| {
        for system in ctx.model.systems.values() {
            let Some(flag) = &system.encrypted_in_transit else { continue };
            let internal = system.exposure.as_ref().is_some_and(|e| e.value == Exposure::Internal);
            if flag.value || internal {
                continue;
            }
            let Some(data) = sensitive(&data_on(ctx, system)) else { continue };
            report(
                ctx,
                out,
                system,
                Against::OperatorAndControllers,
                flag.span,
                "no encryption in transit",
                &format!("sends special-category data ({data}) unencrypted"),
            );
        }
    },
};

/// Special-category data stored unencrypted.
pub const UNENCRYPTED_AT_REST: Rule = Rule {
    code: "unencrypted-at-rest",
    area: Area::Security,
    severity: Severity::Medium,
    provisions: &[law::ART_32, law::ART_32_1_A, law::ART_34],
    summary: "Special-category data stored unencrypted",
    explanation: "Encryption at rest keeps stored data unintelligible to whoever gets at the disks or files (Art. 32(1)(a)), and it is what spares a controller from telling every data subject of a breach (Art. 34(3)(a)).",
    remediation: "encrypt the stored data and keep the keys apart from it",
    check: |ctx, out| {
        for system in ctx.model.systems.values() {
            let Some(flag) = &system.encrypted_at_rest else { continue };
            if flag.value {
                continue;
            }
            let Some(data) = sensitive(&data_on(ctx, system)) else { continue };
            report(
                ctx,
                out,
                system,
                Against::OperatorAndControllers,
                flag.span,
                "no encryption at rest",
                &format!("stores special-category data ({data}) unencrypted"),
            );
        }
    },
};

/// Patient data without access logging.
pub const PATIENT_DATA_WITHOUT_ACCESS_LOG: Rule = Rule {
    code: "patient-data-without-access-log",
    area: Area::Security,
    severity: Severity::High,
    provisions: &[law::PDL_4_3, law::ART_32],
    summary: "Patient data on a system that does not log access",
    explanation: "A care provider must make sure that access to patient data kept electronically is documented and systematically checked (patientdatalagen 4 kap. 3 §). Without logs nobody can tell who listened to a recording or read a record, and access control cannot be followed up (Art. 32(1)(b), (d)).",
    remediation: "log every access to the patient data on the system and review the logs systematically",
    check: |ctx, out| {
        for system in ctx.model.systems.values() {
            let Some(flag) = &system.access_logging else { continue };
            if flag.value {
                continue;
            }
            let patient: Vec<&str> =
                data_on(ctx, system).iter().filter(|d| d.patient_record).map(|d| d.id.as_str()).collect();
            if patient.is_empty() {
                continue;
            }
            report(
                ctx,
                out,
                system,
                Against::Controllers,
                flag.span,
                "no access logging",
                &format!("holds patient data ({}) without logging access", patient.join(", ")),
            );
        }
    },
};

/// Patient data without backups.
pub const PATIENT_DATA_WITHOUT_BACKUPS: Rule = Rule {
    code: "patient-data-without-backups",
    area: Area::Security,
    severity: Severity::Medium,
    provisions: &[law::HSLF_FS_2016_40_BACKUP, law::ART_32_1_C],
    summary: "Patient data on a system with no backups",
    explanation: "Socialstyrelsen's regulations require patient data to be backed up at set intervals with copies kept apart (HSLF-FS 2016:40 3 kap. 12–13 §§), and Art. 32(1)(c) asks for the ability to restore data after an incident. IMY fined Medhelp SEK 500 000 for keeping recordings on a RAID server with no backup.",
    remediation: "back the system up at set intervals, keep the copies separate, and test restoring them",
    check: |ctx, out| {
        for system in ctx.model.systems.values() {
            let Some(flag) = &system.backups else { continue };
            if flag.value {
                continue;
            }
            let patient: Vec<&str> =
                data_on(ctx, system).iter().filter(|d| d.patient_record).map(|d| d.id.as_str()).collect();
            if patient.is_empty() {
                continue;
            }
            report(
                ctx,
                out,
                system,
                Against::Controllers,
                flag.span,
                "no backups",
                &format!("holds patient data ({}) with no backups", patient.join(", ")),
            );
        }
    },
};
