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
}

impl Concern {
    fn covers(self, data: &DataCategory) -> bool {
        match self {
            Concern::Sensitive => data.is_sensitive(),
            Concern::PatientRecord => data.patient_record,
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
    let Some(all) = listed(&found) else { return };
    // Who has been told, as sets: a shared platform can carry thousands of
    // activities, and scanning a list for each would be quadratic.
    let mut reported_everywhere: HashSet<PartyId> = HashSet::new();
    let mut reported: HashSet<(PartyId, ActivityId)> = HashSet::new();
    if against == Against::OperatorAndControllers {
        // Art. 32 binds the processor that runs the system for its own part.
        let operator = &system.operator.value;
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
        let controls = found.iter().any(|(activity, _)| ctx.roles.controllers(activity).any(|c| c == operator));
        if !controls {
            finding.provisions.retain(|p| *p != law::ART_5_1_F);
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
        let controllers: Vec<PartyId> = ctx.roles.controllers(activity_id).cloned().collect();
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
    summary: "Special-category data on a system reachable from the internet with no authentication",
    explanation: "Anyone who finds the address can read the data. This is what happened in the 1177 case: recordings of calls lay on a NAS reachable from the internet with no password, and IMY fined the controller (Medhelp: SEK 8 M of its SEK 12 M for this point, under Art. 5(1)(f) and 32(1)) and the processor that ran the device (Voice Integrate: SEK 650 000, under Art. 32; the principles of Art. 5 bind the controller, Art. 5(2)).",
    remediation: "take the system off the internet (a private network such as Sjunet) or put strong authentication in front of it (smart card or multi-factor), and check who has already read the data",
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
    summary: "Special-category data on a networked system that does not encrypt traffic",
    explanation: "Art. 32(1)(a) names encryption, with pseudonymisation, among the measures to consider. Special-category data that travel unencrypted over a network shared with others (the internet, or a private network such as Sjunet that many organisations share) can be read on the way; IMY noted the 1177 NAS used no encrypted communication. A system on an `internal` network is not flagged; one whose `exposure` the model does not record is flagged at medium severity.",
    remediation: "encrypt all traffic to and from the system (TLS, or an encrypted tunnel over the private network)",
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
    summary: "Special-category data stored unencrypted",
    explanation: "Encryption at rest keeps stored data unintelligible to whoever gets at the disks or files (Art. 32(1)(a)). It is a consequence, not a ground, of the finding that it may also matter after a breach: a controller need not tell the data subjects where measures applied to the data affected make them unintelligible to anyone not authorised to access them (Art. 34(3)(a)), which at-rest encryption does not do when data leak through the running service or with the keys.",
    remediation: "encrypt the stored data and keep the keys apart from it",
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
    summary: "Patient data on a system that does not log access",
    explanation: "A care provider must make sure that access to patient data kept electronically is documented and systematically checked (patientdatalagen 4 kap. 3 §). Without logs nobody can tell who listened to a recording or read a record, and access control cannot be followed up (Art. 32(1)(b), (d)).",
    remediation: "log every access to the patient data on the system and review the logs systematically",
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
    summary: "Patient data on a system with no backups",
    explanation: "Socialstyrelsen's regulations require patient data to be backed up at set intervals with copies kept apart (HSLF-FS 2016:40 3 kap. 12–13 §§), and Art. 32(1)(c) asks for the ability to restore data after an incident. IMY fined Medhelp SEK 500 000 for keeping recordings on a RAID server with no backup.",
    remediation: "back the system up at set intervals, keep the copies separate, and test restoring them",
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
