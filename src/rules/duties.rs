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
use crate::model::{Activity, ActivityId, Model, Party, PartyKind};
use crate::msg;
use crate::reference::Reference;
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

/// Whether the GDPR binds a party directly (Art. 3), as far as the model says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reach {
    /// It has an establishment in the EU/EEA: its `country`, or
    /// `eu_establishment: true` (Art. 3(1)).
    Established,
    /// Not established there, but it offers goods or services to, or monitors,
    /// people in the Union (Art. 3(2)).
    Targets,
    /// The model records that it has no establishment in the Union and neither
    /// targets nor monitors people there: the GDPR does not bind it itself; as a
    /// processor it is bound through its Art. 28(3) contract and the transfer
    /// terms, and its controller answers for it.
    NotReached,
    /// Established outside the EU/EEA, and whether Art. 3 reaches it another way
    /// is not recorded.
    Unknown,
}

impl Reach {
    /// Whether the law binds the party itself (known to).
    pub fn binds(self) -> bool {
        matches!(self, Reach::Established | Reach::Targets)
    }

    /// How surely the GDPR binds: a reach that binds over one that may, over
    /// one that does not.
    fn strength(self) -> u8 {
        match self {
            Reach::NotReached => 0,
            Reach::Unknown => 1,
            Reach::Targets => 2,
            Reach::Established => 3,
        }
    }

    /// The reach of a processor whose own reach is `self` in processing it
    /// carries out for a controller the GDPR reaches as `controller`.
    ///
    /// Art. 3(2) applies to a processor not established in the Union whose
    /// processing relates to offering goods or services to, or monitoring,
    /// people in the Union; processing it carries out for a controller that
    /// Art. 3(2) reaches relates to that controller's targeting, so Art. 3(2)
    /// reaches the processor for it (EDPB Guidelines 3/2018 \[S\]). Where the
    /// controller's own reach is not recorded, neither is the processor's.
    /// Processing for a controller established in the Union does not bring a
    /// processor outside it under the GDPR (Art. 3(1) looks at the processor's
    /// own establishment): it is bound by its Art. 28(3) contract.
    pub fn through(self, controller: Reach) -> Reach {
        match (self, controller) {
            (own, _) if own.binds() => own,
            (_, Reach::Targets) => Reach::Targets,
            (Reach::NotReached, Reach::Unknown) => Reach::Unknown,
            (own, _) => own,
        }
    }
}

/// How far the GDPR reaches `party` on `as_of` (Art. 3(1)-(2)). An EU/EEA
/// `country` is its registered seat and so an establishment; otherwise the
/// party's own facts decide, and any left out leaves the answer unknown.
pub fn reach(reference: &Reference, party: &Party, as_of: jiff::civil::Date) -> Reach {
    if party.eu_establishment == Some(true) || reference.is_eea_on(&party.country.value, as_of) {
        return Reach::Established;
    }
    if party.targets_eu_subjects == Some(true) || party.monitors_eu_subjects == Some(true) {
        return Reach::Targets;
    }
    let none = Some(false);
    if party.eu_establishment == none && party.targets_eu_subjects == none && party.monitors_eu_subjects == none {
        return Reach::NotReached;
    }
    Reach::Unknown
}

/// How far the GDPR reaches `party` for the processing of `activity` (Art. 3),
/// from the roles it holds there: its own reach as a controller, and as a
/// processor or sub-processor its own reach [`through`](Reach::through) that
/// of the controller at the top of its chain; the surest of them.
pub fn reach_in(
    reference: &Reference,
    model: &Model,
    roles: &Roles,
    party: &Party,
    activity: &ActivityId,
    as_of: jiff::civil::Date,
) -> Reach {
    let own = reach(reference, party, as_of);
    if own.binds() {
        return own;
    }
    roles
        .of(&party.id, activity)
        .iter()
        .map(|assignment| {
            let controller = (!assignment.role.is_controller())
                .then(|| model.parties.get(assignment.top()))
                .flatten()
                .map(|c| reach(reference, c, as_of));
            controller.map_or(own, |controller| own.through(controller))
        })
        .max_by_key(|reach| reach.strength())
        .unwrap_or(own)
}

/// `party`'s reach over `held` (activities it holds roles in) and the
/// activities of `held` where the GDPR reaches it that far: all of them when
/// its own reach binds it; otherwise the surest [`reach_in`] any of them
/// gives, so that a processor Art. 3(2) reaches only through some of its
/// controllers owes the duties of a party the GDPR reaches for those
/// activities alone.
pub fn reach_over<'a>(
    reference: &Reference,
    model: &Model,
    roles: &Roles,
    party: &Party,
    held: &[&'a Activity],
    as_of: jiff::civil::Date,
) -> (Reach, Vec<&'a Activity>) {
    let own = reach(reference, party, as_of);
    if own.binds() {
        return (own, held.to_vec());
    }
    let each: Vec<(Reach, &'a Activity)> =
        held.iter().map(|a| (reach_in(reference, model, roles, party, &a.id, as_of), *a)).collect();
    let surest = each.iter().map(|(reach, _)| *reach).max_by_key(|reach| reach.strength()).unwrap_or(own);
    (surest, each.into_iter().filter(|(reach, _)| *reach == surest).map(|(_, a)| a).collect())
}

/// Whether the model records that the GDPR does not reach the party `id`
/// ([`Reach::NotReached`]); a party not in the model is not recorded so.
pub fn recorded_not_reached(
    model: &crate::model::Model,
    reference: &Reference,
    id: &crate::model::PartyId,
    as_of: jiff::civil::Date,
) -> bool {
    model.parties.get(id).is_some_and(|p| reach(reference, p, as_of) == Reach::NotReached)
}

/// Why a party must designate a data protection officer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DpoGround {
    /// It is a public body (Art. 37(1)(a)).
    PublicBody,
    /// The model records that its core activities consist of large-scale
    /// special-category processing (Art. 37(1)(c)).
    CoreActivities,
    /// It is a care provider controlling large-scale special-category
    /// processing, and its core activities are not recorded: giving care is
    /// presumed to be its main business (Art. 37(1)(c)) [our inference].
    PresumedCareProvider,
}

impl DpoGround {
    /// The provisions the duty rests on.
    pub fn provisions(self) -> &'static [&'static str] {
        match self {
            DpoGround::PublicBody => &[law::ART_37, law::ART_37_1_A],
            DpoGround::CoreActivities | DpoGround::PresumedCareProvider => &[law::ART_37, law::ART_37_1_C],
        }
    }

    /// Whether the ground rests on a reading the model does not record.
    pub fn presumed(self) -> bool {
        self == DpoGround::PresumedCareProvider
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
/// need not, or when the model cannot tell.
///
/// Art. 37(1)(c) tests the party's own *core* activities, its main business,
/// not the activities it takes part in: a switchboard vendor recording calls
/// for a care provider does not meet it because the calls are health data.
/// Without `core_activities_special_categories`, only a care provider that
/// controls large-scale special-category processing is presumed to meet it.
/// A party the GDPR does not reach (Art. 3) needs none.
pub fn dpo_ground<'a>(
    model: &Model,
    roles: &Roles,
    reach: Reach,
    party: &Party,
    held: &[&'a Activity],
) -> Option<(DpoGround, Vec<&'a ActivityId>)> {
    if held.is_empty() || reach == Reach::NotReached {
        return None;
    }
    if party.public_body {
        return Some((DpoGround::PublicBody, held.iter().map(|a| &a.id).collect()));
    }
    let large = |keep: &dyn Fn(&Activity) -> bool| -> Vec<&'a ActivityId> {
        held.iter().filter(|a| large_scale_sensitive(model, a) && keep(a)).map(|a| &a.id).collect()
    };
    match party.core_activities_special_categories {
        Some(false) => None,
        Some(true) => {
            let activities = large(&|_| true);
            let activities = if activities.is_empty() { held.iter().map(|a| &a.id).collect() } else { activities };
            Some((DpoGround::CoreActivities, activities))
        }
        None => {
            let care_provider = matches!(party.kind.value, PartyKind::CareProvider | PartyKind::Region);
            let controls = |a: &Activity| roles.of(&party.id, &a.id).iter().any(|r| r.role.is_controller());
            let activities = if care_provider { large(&controls) } else { Vec::new() };
            (!activities.is_empty()).then_some((DpoGround::PresumedCareProvider, activities))
        }
    }
}

/// Whether `party`, holding roles in `held` (its running activities), must
/// designate a representative in the Union (Art. 27(1)), and which of its
/// activities rule out the exemption of Art. 27(2)(a); `None` when Art. 27
/// does not apply to it: Art. 3(2) does not reach it (it is established in the
/// Union, not reached, or its reach is not recorded), it is a public authority
/// or body (Art. 27(2)(b)), or it holds no running role.
///
/// The list is empty when the facts cannot rule out Art. 27(2)(a): the
/// exemption needs occasional processing with no large-scale special-category
/// or criminal data that is unlikely to result in a risk, and the model
/// records neither how often a party processes nor the risk. Large-scale
/// special-category processing is the one fact that rules it out.
pub fn representative_duty<'a>(
    model: &Model,
    reach: Reach,
    party: &Party,
    held: &[&'a Activity],
) -> Option<Vec<&'a ActivityId>> {
    if held.is_empty() || reach != Reach::Targets || party.public_body {
        return None;
    }
    Some(held.iter().filter(|a| large_scale_sensitive(model, a)).map(|a| &a.id).collect())
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
            let (reach, held) = reach_over(ctx.reference, ctx.model, ctx.roles, party, &held, ctx.as_of);
            if reach == Reach::NotReached {
                // Art. 30 binds only those the GDPR reaches (Art. 3).
                continue;
            }
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
            for controller in ctx.bound_controllers(&activity.id) {
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
            let (reach, held) = reach_over(ctx.reference, ctx.model, ctx.roles, party, &held, ctx.as_of);
            let Some((ground, activities)) = dpo_ground(ctx.model, ctx.roles, reach, party, &held) else { continue };
            let activities = Arg::list(activities, Join::Comma);
            let why = match ground {
                DpoGround::PublicBody => msg!("why-dpo-public-body", activities = activities),
                DpoGround::CoreActivities => msg!("why-dpo-core-activities", activities = activities),
                DpoGround::PresumedCareProvider => msg!("why-dpo-large-scale", activities = activities),
            };
            let finding =
                out.at(dpo.span, msg!("label-no-dpo"), msg!("no-dpo", party = &party.id, why = why)).party(&party.id);
            finding.provisions = std::borrow::Cow::Borrowed(ground.provisions());
        }
    },
};

/// A party Art. 3(2) reaches that has designated no representative in the
/// Union, where its large-scale special-category processing rules out the
/// exemption of Art. 27(2)(a).
pub const NO_EU_REPRESENTATIVE: Rule = Rule {
    code: "no-eu-representative",
    area: Area::Accountability,
    severity: Severity::Medium,
    provisions: &[law::ART_27_1, law::ART_27_2, law::ART_3_2],
    check: |ctx, out| {
        for party in ctx.model.parties.values() {
            let Some(representative) = party.eu_representative.as_ref().filter(|r| !r.value) else { continue };
            let held = running_roles(ctx.model, ctx.roles, party, ctx.as_of);
            let (reach, held) = reach_over(ctx.reference, ctx.model, ctx.roles, party, &held, ctx.as_of);
            let Some(activities) = representative_duty(ctx.model, reach, party, &held) else { continue };
            if activities.is_empty() {
                continue;
            }
            out.at(
                representative.span,
                msg!("label-no-eu-representative"),
                msg!(
                    "no-eu-representative",
                    party = &party.id,
                    country = ctx.country(&party.country.value),
                    activities = Arg::list(activities, Join::Comma),
                ),
            )
            .party(&party.id);
        }
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    fn party(country: &str) -> Party {
        let yaml = format!("parties:\n  - {{ id: p, name: P, kind: tech_vendor, country: {country} }}\n");
        let texts = vec![(std::path::PathBuf::from("m.yaml"), yaml)];
        let loaded =
            crate::load::load_texts(texts, &Reference::builtin()).unwrap_or_else(|i| panic!("{:#?}", i.diagnostics));
        loaded.model.parties.values().next().cloned().unwrap_or_else(|| panic!("one party"))
    }

    #[test]
    fn reach_follows_establishment_then_targeting_and_stays_unknown_when_not_recorded() {
        let reference = Reference::builtin();
        let date = jiff::civil::date(2024, 6, 1);
        assert_eq!(reach(&reference, &party("SE"), date), Reach::Established);
        let mut thai = party("TH");
        assert_eq!(reach(&reference, &thai, date), Reach::Unknown);
        thai.eu_establishment = Some(false);
        thai.targets_eu_subjects = Some(false);
        assert_eq!(reach(&reference, &thai, date), Reach::Unknown, "monitoring is still unknown");
        thai.monitors_eu_subjects = Some(false);
        assert_eq!(reach(&reference, &thai, date), Reach::NotReached);
        thai.monitors_eu_subjects = Some(true);
        assert_eq!(reach(&reference, &thai, date), Reach::Targets);
        thai.eu_establishment = Some(true);
        assert_eq!(reach(&reference, &thai, date), Reach::Established);
        assert!(Reach::Targets.binds() && !Reach::Unknown.binds() && !Reach::NotReached.binds());
    }

    #[test]
    fn a_processor_is_reached_through_a_controller_art_3_2_reaches_and_only_then() {
        use Reach::*;
        // Its own reach, when it binds, stands whatever the controller's.
        for controller in [Established, Targets, NotReached, Unknown] {
            assert_eq!(Established.through(controller), Established);
            assert_eq!(Targets.through(controller), Targets);
        }
        // Processing for a controller that targets people in the Union.
        assert_eq!(NotReached.through(Targets), Targets);
        assert_eq!(Unknown.through(Targets), Targets);
        // For a controller established in the Union, or itself not reached.
        assert_eq!(NotReached.through(Established), NotReached);
        assert_eq!(NotReached.through(NotReached), NotReached);
        assert_eq!(Unknown.through(Established), Unknown);
        // The controller's reach not recorded: neither is the processor's.
        assert_eq!(NotReached.through(Unknown), Unknown);
        assert_eq!(Unknown.through(Unknown), Unknown);
    }
}
