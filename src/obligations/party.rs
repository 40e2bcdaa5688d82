//! The obligations a party's roles bring, and why.
//!
//! Obligations follow from roles, not from the party's kind: a controller
//! answers for accountability (Art. 5(2), 24), information (Art. 13/14), records
//! (Art. 30(1)), security (Art. 32) and breach notification (Art. 33(1), 34); a
//! processor for working on instructions (Art. 28(3)(a), 29), sub-processing
//! (Art. 28(2), 28(4)), its own record (Art. 30(2)), security and telling its
//! principal of a breach (Art. 33(2)). Some need a fact as well: a DPIA where
//! special-category data are processed on a large scale (Art. 35(3)(b)), a DPO
//! for public bodies and large-scale special-category processing (Art. 37(1)),
//! and the Swedish patient-data duties where the party is a care provider
//! processing patient records (patientdatalagen, HSLF-FS 2016:40): access logs
//! and their review, a needs-and-risk analysis before access is granted,
//! backups, and strong authentication over networks it does not control.
//!
//! Only activities running on the evaluation date bring an obligation. Where the
//! model records a fact that bears on an obligation (who informs, whether
//! records are kept, a DPO, logging and backups), [`Recorded`] carries it;
//! judging it is the rules' job, wording it the report's.

use serde::Serialize;

use crate::Analysis;
use crate::graph::Graph;
use crate::law;
use crate::model::{Activity, ActivityId, Authentication, Exposure, Model, Party, PartyId, PartyKind, SystemId};
use crate::roles::{Assignment, Role};
use crate::rules::duties::{self, Reach};

use super::notification::{NotificationDuty, Recipient, duties_of};

/// What an obligation requires, one kind per duty the report's sheets show,
/// in the order they show them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Art. 3(1)-(2): the GDPR does not reach the party, so it owes no
    /// controller duty under it for the activities it controls. In place of
    /// those duties, never beside them.
    ControllerNotReached,
    /// Art. 5(2), 24.
    Accountability,
    /// Art. 13, 14.
    InformationToDataSubjects,
    /// Art. 26: one per activity controlled jointly.
    JointControllerArrangement,
    /// Art. 28(1), 28(3).
    ChoiceOfProcessors,
    /// Art. 30(1).
    ControllerRecord,
    /// Art. 32.
    Security,
    /// Art. 33(1).
    BreachToAuthority,
    /// Art. 34.
    BreachToDataSubjects,
    /// Art. 35, 35(3)(b).
    ImpactAssessment,
    /// Art. 28(3)(a), 29.
    ProcessingOnInstructions,
    /// Art. 28(2), 28(4).
    SubProcessors,
    /// Art. 30(2).
    ProcessorRecord,
    /// Art. 33(2).
    BreachToPrincipal,
    /// Art. 37(1)(a) or (c).
    DataProtectionOfficer,
    /// Art. 27(1): a representative in the Union, for a party Art. 3(2) reaches.
    EuRepresentative,
    /// patientdatalagen 2 kap. 6 §.
    CareProviderAsController,
    /// patientdatalagen 4 kap. 3 §.
    AccessLogs,
    /// patientdatalagen 8 kap. 6 §.
    InformationToPatient,
    /// HSLF-FS 2016:40, Art. 32(1)(c).
    PatientDataBackups,
    /// patientdatalagen 4 kap. 2 §, HSLF-FS 2016:40 4 kap. 2 §.
    AccessAnalysis,
    /// patientdatalagen 4 kap. 3 §: the logs reviewed.
    LogReview,
    /// HSLF-FS 2016:40 3 kap. 15 §: strong authentication over open networks.
    StrongAuthentication,
}

impl Kind {
    /// Every kind, in the order the sheets show them. A kind added to the
    /// enum must be added here too: the unit test `all_lists_every_kind`
    /// fails to compile until it is.
    pub const ALL: [Kind; 23] = [
        Kind::ControllerNotReached,
        Kind::Accountability,
        Kind::InformationToDataSubjects,
        Kind::JointControllerArrangement,
        Kind::ChoiceOfProcessors,
        Kind::ControllerRecord,
        Kind::Security,
        Kind::BreachToAuthority,
        Kind::BreachToDataSubjects,
        Kind::ImpactAssessment,
        Kind::ProcessingOnInstructions,
        Kind::SubProcessors,
        Kind::ProcessorRecord,
        Kind::BreachToPrincipal,
        Kind::DataProtectionOfficer,
        Kind::EuRepresentative,
        Kind::CareProviderAsController,
        Kind::AccessLogs,
        Kind::InformationToPatient,
        Kind::PatientDataBackups,
        Kind::AccessAnalysis,
        Kind::LogReview,
        Kind::StrongAuthentication,
    ];

    /// The kind as written in JSON and `diff`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::ControllerNotReached => "controller_not_reached",
            Kind::Accountability => "accountability",
            Kind::InformationToDataSubjects => "information_to_data_subjects",
            Kind::JointControllerArrangement => "joint_controller_arrangement",
            Kind::ChoiceOfProcessors => "choice_of_processors",
            Kind::ControllerRecord => "controller_record",
            Kind::Security => "security",
            Kind::BreachToAuthority => "breach_to_authority",
            Kind::BreachToDataSubjects => "breach_to_data_subjects",
            Kind::ImpactAssessment => "impact_assessment",
            Kind::ProcessingOnInstructions => "processing_on_instructions",
            Kind::SubProcessors => "sub_processors",
            Kind::ProcessorRecord => "processor_record",
            Kind::BreachToPrincipal => "breach_to_principal",
            Kind::DataProtectionOfficer => "data_protection_officer",
            Kind::EuRepresentative => "eu_representative",
            Kind::CareProviderAsController => "care_provider_as_controller",
            Kind::AccessLogs => "access_logs",
            Kind::InformationToPatient => "information_to_patient",
            Kind::PatientDataBackups => "patient_data_backups",
            Kind::AccessAnalysis => "access_analysis",
            Kind::LogReview => "log_review",
            Kind::StrongAuthentication => "strong_authentication",
        }
    }
}

/// A fact that brings an obligation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trigger {
    /// It is a controller (sole or joint) of the activities.
    Controller,
    /// It is a joint controller of the activity.
    JointController,
    /// It is a processor or sub-processor in the activities.
    Processor,
    /// Processors act on its behalf in the activities.
    HasProcessors,
    /// The activity is recorded as large-scale and processes special-category
    /// or criminal-offence data.
    LargeScaleSpecialCategories,
    /// It is a public body.
    PublicBody,
    /// Not established in the Union, it offers goods or services to, or
    /// monitors, people there (Art. 3(2)).
    TargetsUnion,
    /// It is the care provider (by kind, designation by law, or because it
    /// gives the care) of activities that process patient records.
    CareProviderOfPatientRecords,
}

/// How sure the obligation is, given the facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// It follows from the roles and the recorded facts.
    Follows,
    /// It rests on a reading the model cannot fully record, e.g. that
    /// large-scale special-category processing is among a party's *core*
    /// activities (Art. 37(1)(c)).
    Inferred,
}

/// Where an obligation binds the party from.
///
/// A party the GDPR does not reach (Art. 3: neither established in the Union
/// nor targeting or monitoring people there) owes the processor duties only
/// through its contract (Art. 28(3)), and has no Art. 30(2) record or DPO of its
/// own; the judgement is [`duties::reach`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The law binds the party itself.
    Statutory,
    /// Only a contract binds it: the model records that the GDPR does not reach
    /// the party (Art. 3), so the law binds the party it contracts with, which
    /// answers for it.
    ContractOnly,
    /// Its contract binds it; the law binds it itself only where the GDPR
    /// reaches it (an establishment in the Union, or processing related to
    /// targeting or monitoring people there, its own or its controller's,
    /// Art. 3), which the model does not record for all of its processing.
    IfReached,
}

/// What the model records that bears on an obligation.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(tag = "fact", rename_all = "snake_case")]
pub enum Recorded {
    /// Nothing.
    Nothing,
    /// Whether it informs the data subjects, per activity, in the obligation's order.
    Informs {
        /// Activities it is recorded as informing the data subjects of.
        yes: Vec<ActivityId>,
        /// Activities it is recorded as not informing them of.
        no: Vec<ActivityId>,
        /// Activities whose informing party is not recorded.
        unknown: Vec<ActivityId>,
    },
    /// Whether it keeps records of processing; `None`: not recorded.
    KeepsRecords {
        /// The recorded value.
        value: Option<bool>,
    },
    /// Whether a DPO is designated; `None`: not recorded.
    Dpo {
        /// The recorded value.
        value: Option<bool>,
    },
    /// Whether a representative in the Union is designated; `None`: not recorded.
    EuRepresentative {
        /// The recorded value.
        value: Option<bool>,
    },
    /// Its duties to tell its principals of a breach, with the deadlines agreed.
    Deadlines {
        /// The duties, sorted.
        duties: Vec<NotificationDuty>,
    },
    /// The processors acting for it that are established outside the EU/EEA,
    /// by how far the GDPR reaches them (Art. 3); the controller binds them by
    /// the Art. 28(3) contract, carries the transfer on Chapter V and answers
    /// for their processing. Processors the GDPR binds itself are not listed.
    ProcessorsOutsideUnion {
        /// Recorded as not reached: bound through their contract only.
        not_reached: Vec<PartyId>,
        /// Whether the GDPR reaches them is not recorded.
        unknown: Vec<PartyId>,
    },
    /// A property of the systems used in the activities, by system id.
    Systems {
        /// Systems recorded as having it.
        yes: Vec<SystemId>,
        /// Systems recorded as lacking it.
        no: Vec<SystemId>,
        /// Systems for which it is not recorded.
        unknown: Vec<SystemId>,
    },
}

/// One obligation of one party.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Obligation {
    /// What it requires.
    pub kind: Kind,
    /// The provisions it rests on, from [`crate::law`].
    pub provisions: &'static [&'static str],
    /// The running activities it applies to, in the roles' order; never empty.
    pub activities: Vec<ActivityId>,
    /// The facts that bring it.
    pub triggers: Vec<Trigger>,
    /// How sure it is.
    pub certainty: Certainty,
    /// Statutory, or by contract only.
    pub basis: Basis,
    /// The other parties it concerns: the other joint controllers, its
    /// processors, its principals, or the sub-processors it engages; sorted by
    /// id, without repeats.
    pub counterparts: Vec<PartyId>,
    /// What the model records that bears on it.
    pub recorded: Recorded,
}

/// The `processors` that the GDPR does not reach itself, or may not (Art. 3),
/// in what they process for a controller it reaches as `controller`,
/// as [`Recorded::ProcessorsOutsideUnion`]; [`Recorded::Nothing`] when every
/// one is reached.
fn processors_outside_union(analysis: &Analysis<'_>, processors: &[&PartyId], controller: Reach) -> Recorded {
    let model = analysis.graph.model();
    let mut not_reached = Vec::new();
    let mut unknown = Vec::new();
    for id in processors {
        let Some(party) = model.parties.get(*id) else { continue };
        // What it processes for this controller is reached as the controller's
        // targeting is (Art. 3(2)).
        match duties::reach(analysis.reference, party, analysis.as_of).through(controller) {
            Reach::NotReached => not_reached.push((*id).clone()),
            Reach::Unknown => unknown.push((*id).clone()),
            Reach::Established | Reach::Targets => {}
        }
    }
    for list in [&mut not_reached, &mut unknown] {
        list.sort();
        list.dedup();
    }
    if not_reached.is_empty() && unknown.is_empty() {
        return Recorded::Nothing;
    }
    Recorded::ProcessorsOutsideUnion { not_reached, unknown }
}

/// Every obligation `party`'s roles bring on the evaluation date, in a fixed
/// order (that of [`Kind`], joint arrangements by activity).
pub fn obligations_of(analysis: &Analysis<'_>, party: &PartyId) -> Vec<Obligation> {
    match derived(analysis, party, Out::Full(Vec::new())) {
        Out::Full(obligations) => obligations,
        Out::Items(_) => Vec::new(),
    }
}

/// One obligation of a party in one activity, as far as it is told apart from
/// another: the activity, what it requires and the provisions it rests on.
pub type Item = (ActivityId, Kind, &'static [&'static str]);

/// One obligation of a party as far as it is told apart from another, with
/// every activity it applies to: its [`Item`]s, held as one list of
/// activities rather than an item each (a party's obligation applies to
/// hundreds of activities on a national model, and `diff` holds one side's
/// items while it derives the other's).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemGroup {
    /// What the obligation requires.
    pub kind: Kind,
    /// The provisions it rests on.
    pub provisions: &'static [&'static str],
    /// The activities it applies to, in the order derived, each once.
    pub activities: Box<[ActivityId]>,
}

impl ItemGroup {
    /// One item per activity, in order.
    pub fn items(&self) -> impl Iterator<Item = Item> + '_ {
        self.activities.iter().map(|activity| (activity.clone(), self.kind, self.provisions))
    }
}

/// The obligations `party`'s roles bring on the evaluation date, one group
/// per obligation, in [`obligations_of`]'s order (repeats are possible). The
/// same derivation, drawing up nothing else: no triggers, counterparts,
/// certainty, basis or recorded facts, which a comparison of two models
/// (`diff`) does not read and which cost more than the items.
pub fn obligation_items(analysis: &Analysis<'_>, party: &PartyId) -> Vec<ItemGroup> {
    match derived(analysis, party, Out::Items(Vec::new())) {
        Out::Items(items) => items,
        Out::Full(_) => Vec::new(),
    }
}

/// `out` with `party`'s obligations from all the roles it holds added.
fn derived(analysis: &Analysis<'_>, party: &PartyId, mut out: Out) -> Out {
    let held: Vec<&Assignment> = analysis.roles.of_party(party).collect();
    derive(analysis, party, &held, &mut out);
    out
}

/// The party's obligations from the roles it `held` (any order of the roles),
/// into `out`, drawn up as far as `out` keeps them.
fn derive(analysis: &Analysis<'_>, party: &PartyId, held: &[&Assignment], out: &mut Out) {
    let model = analysis.graph.model();
    // Roles in activities that do not run on the date bring no current obligation.
    let held: Vec<&Assignment> = held
        .iter()
        .copied()
        .filter(|a| analysis.graph.activity(&a.activity).is_some_and(|x| x.runs_on(analysis.as_of)))
        .collect();
    let held = held.as_slice();
    let roles = &analysis.roles;
    let is = |roles: &[Role]| -> Vec<&ActivityId> {
        let mut found: Vec<&ActivityId> =
            held.iter().filter(|a| roles.contains(&a.role)).map(|a| &a.activity).collect();
        found.dedup();
        found
    };
    let all_controlled = is(&[Role::Controller, Role::JointController]);
    let all_joint = is(&[Role::JointController]);
    let processing = is(&[Role::Processor, Role::SubProcessor]);
    let any_role: Vec<&ActivityId> = {
        let mut all: Vec<&ActivityId> = held.iter().map(|a| &a.activity).collect();
        all.dedup();
        all
    };
    let activity = |id: &ActivityId| analysis.graph.activity(id);
    let this = model.parties.get(party);
    let both: Vec<Trigger> =
        [(!all_controlled.is_empty(), Trigger::Controller), (!processing.is_empty(), Trigger::Processor)]
            .into_iter()
            .filter_map(|(holds, trigger)| holds.then_some(trigger))
            .collect();
    let controller = [Trigger::Controller];
    let processor = [Trigger::Processor];

    // A processor the GDPR does not reach (Art. 3) owes its processor duties only
    // through the contract its controller must impose (Art. 28(3)); where the
    // model cannot tell, they bind it by law only if the GDPR reaches it.
    // As a processor the GDPR may reach it through the controllers it processes
    // for (Art. 3(2), `Reach::through`): by law only if it reaches all of that
    // processing; by contract alone only if it reaches none of it.
    let reach = this.map_or(Reach::Unknown, |p| duties::reach(analysis.reference, p, analysis.as_of));
    let processed: Vec<&Activity> = processing.iter().filter_map(|id| activity(id)).collect();
    let (processor_reach, reached) = this.map_or((reach, Vec::new()), |p| {
        duties::reach_over(analysis.reference, model, roles, p, &processed, analysis.as_of)
    });
    let basis = match processor_reach {
        Reach::Established | Reach::Targets if reached.len() == processed.len() => Basis::Statutory,
        Reach::NotReached => Basis::ContractOnly,
        Reach::Established | Reach::Targets | Reach::Unknown => Basis::IfReached,
    };
    let by_contract = basis != Basis::Statutory;
    let cite = |statute: &'static [&'static str], contract: &'static [&'static str]| {
        if by_contract { contract } else { statute }
    };

    // ---- as controller -----------------------------------------------------
    // A controller the GDPR does not reach (Art. 3) owes none of a controller's
    // GDPR duties for the processing it controls: the sheet says so, once, in
    // place of them (the rules hold it to none, `Context::bound_controllers`).
    let not_reached = reach == Reach::NotReached;
    out.add(
        Kind::ControllerNotReached,
        &[law::ART_3_1, law::ART_3_2],
        if not_reached { &all_controlled } else { &[] },
        &controller,
        plain,
    );
    let (controlled, joint) = if not_reached { (Vec::new(), Vec::new()) } else { (all_controlled.clone(), all_joint) };
    out.add(Kind::Accountability, &[law::ART_5_2, law::ART_24], &controlled, &controller, plain);
    let informs = |id: &&ActivityId| {
        activity(id).and_then(|a| a.informs_subjects.as_ref()).map(|list| list.value.iter().any(|p| &p.value == party))
    };
    let pick = |want: Option<bool>| -> Vec<ActivityId> {
        controlled.iter().filter(|a| informs(a) == want).map(|a| (*a).clone()).collect()
    };
    out.add(Kind::InformationToDataSubjects, &[law::ART_13, law::ART_14], &controlled, &controller, || {
        (Vec::new(), Recorded::Informs { yes: pick(Some(true)), no: pick(Some(false)), unknown: pick(None) })
    });
    for id in &joint {
        let others = || (roles.controllers(id).filter(|p| *p != party).collect(), Recorded::Nothing);
        out.add(Kind::JointControllerArrangement, &[law::ART_26], &[*id], &[Trigger::JointController], others);
    }
    let acting_for = |ids: &[&ActivityId]| -> Vec<&PartyId> {
        ids.iter()
            .flat_map(|id| roles.in_activity(id).iter())
            .filter(|a| a.on_behalf_of.as_ref() == Some(party))
            .map(|a| &a.party)
            .collect()
    };
    let with_processors: Vec<&ActivityId> = controlled
        .iter()
        .copied()
        .filter(|id| roles.in_activity(id).iter().any(|a| a.on_behalf_of.as_ref() == Some(party)))
        .collect();
    out.add(
        Kind::ChoiceOfProcessors,
        &[law::ART_28_1, law::ART_28_3],
        &with_processors,
        &[Trigger::Controller, Trigger::HasProcessors],
        || {
            let processors = acting_for(&controlled);
            let outside = processors_outside_union(analysis, &processors, reach);
            (processors, outside)
        },
    );
    let keeps = || Recorded::KeepsRecords { value: this.and_then(|p| p.keeps_records.as_ref()).map(|k| k.value) };
    out.add(Kind::ControllerRecord, &[law::ART_30_1], &controlled, &controller, || (Vec::new(), keeps()));
    // A party that only processes for others, and that the GDPR may not reach,
    // owes security through its contract (Art. 28(3)(c)); so does one the GDPR
    // does not reach for what it processes for others, whatever it controls.
    if controlled.is_empty() && by_contract {
        out.add(Kind::Security, &[law::ART_28_3_C, law::ART_3_1, law::ART_3_2], &processing, &processor, plain);
        // Only the duty just added: with no processing it added none.
        if let Some(last) = out.last(Kind::Security) {
            last.basis = basis;
        }
    } else {
        out.add(Kind::Security, &[law::ART_32], &any_role, &both, plain);
    }
    out.add(Kind::BreachToAuthority, &[law::ART_33_1], &controlled, &controller, plain);
    out.add(Kind::BreachToDataSubjects, &[law::ART_34], &controlled, &controller, plain);
    let large_sensitive =
        |id: &&ActivityId| activity(id).is_some_and(|a| crate::rules::duties::large_scale_sensitive(model, a));
    let dpia: Vec<&ActivityId> = controlled.iter().copied().filter(large_sensitive).collect();
    out.add(
        Kind::ImpactAssessment,
        &[law::ART_35, law::ART_35_3_B],
        &dpia,
        &[Trigger::Controller, Trigger::LargeScaleSpecialCategories],
        plain,
    );

    // ---- as processor or sub-processor ---------------------------------------
    let principals = || (held.iter().filter_map(|a| a.on_behalf_of.as_ref()).collect(), Recorded::Nothing);
    let first = out.len();
    out.add(
        Kind::ProcessingOnInstructions,
        cite(
            &[law::ART_28_3_A, law::ART_28_3_B, law::ART_29],
            &[law::ART_28_3_A, law::ART_28_3_B, law::ART_3_1, law::ART_3_2],
        ),
        &processing,
        &processor,
        principals,
    );
    out.add(
        Kind::SubProcessors,
        cite(&[law::ART_28_2, law::ART_28_4], &[law::ART_28_3_D, law::ART_3_1, law::ART_3_2]),
        &processing,
        &processor,
        || (acting_for(&processing), Recorded::Nothing),
    );
    // The running activities it holds a role in, for the judgements shared with the rules.
    let running: Vec<&Activity> = any_role.iter().filter_map(|id| activity(id)).collect();
    let exempt_maybe = || this.is_none_or(|p| duties::records_duty(model, p, &running).is_none());
    // The duties of a party the GDPR reaches bind it for the processing it is reached in.
    let (reach, reached) = this.map_or((reach, running.clone()), |p| {
        duties::reach_over(analysis.reference, model, roles, p, &running, analysis.as_of)
    });
    if basis != Basis::ContractOnly {
        out.add(Kind::ProcessorRecord, &[law::ART_30_2], &processing, &processor, || (Vec::new(), keeps()));
    }
    // Every duty from this party comes from one of its running roles, so the
    // model-wide list is not needed.
    let own = || {
        let mut own: Vec<NotificationDuty> = held
            .iter()
            .flat_map(|a| duties_of(&analysis.graph, a))
            .filter(|duty| matches!(duty.to, Recipient::Principal(_)))
            .collect();
        own.sort();
        own.dedup();
        Recorded::Deadlines { duties: own }
    };
    out.add(
        Kind::BreachToPrincipal,
        cite(&[law::ART_33_2], &[law::ART_28_3_F, law::ART_33_2, law::ART_3_1, law::ART_3_2]),
        &processing,
        &processor,
        || (Vec::new(), own()),
    );
    for obligation in out.since(first) {
        obligation.basis = basis;
    }
    // A party with no Art. 30(5) exemption ruled out may be exempt: the
    // records then rest on reading its processing as not occasional.
    // Judged only when there are records drawn up to qualify.
    let mut records =
        out.since(0).iter_mut().filter(|o| matches!(o.kind, Kind::ControllerRecord | Kind::ProcessorRecord)).peekable();
    if records.peek().is_some() && exempt_maybe() {
        for obligation in records {
            obligation.certainty = Certainty::Inferred;
        }
    }

    // ---- either role: a data protection officer --------------------------------
    let dpo = || Recorded::Dpo { value: this.and_then(|p| p.dpo.as_ref()).map(|d| d.value) };
    if let Some((ground, activities)) = this.and_then(|p| duties::dpo_ground(model, roles, reach, p, &reached)) {
        let mut triggers = both.clone();
        triggers.push(match ground {
            duties::DpoGround::PublicBody => Trigger::PublicBody,
            _ => Trigger::LargeScaleSpecialCategories,
        });
        out.add(Kind::DataProtectionOfficer, ground.provisions(), &activities, &triggers, || (Vec::new(), dpo()));
        if let Some(last) = out.last(Kind::DataProtectionOfficer) {
            if ground.presumed() {
                last.certainty = Certainty::Inferred;
            }
            // Only a party the GDPR may not reach lacks a certain basis here.
            if reach == Reach::Unknown {
                last.basis = Basis::IfReached;
            }
        }
    }

    // ---- either role, reached by Art. 3(2): a representative in the Union -------
    if let Some(ruling_out) = this.and_then(|p| duties::representative_duty(model, reach, p, &reached)) {
        let mut triggers = both.clone();
        triggers.push(Trigger::TargetsUnion);
        let recorded =
            || Recorded::EuRepresentative { value: this.and_then(|p| p.eu_representative.as_ref()).map(|r| r.value) };
        // Without large-scale special-category processing the exemption of
        // Art. 27(2)(a) cannot be ruled out: the duty is then a reading.
        let (activities, certainty) = if ruling_out.is_empty() {
            (reached.iter().map(|a| &a.id).collect(), Certainty::Inferred)
        } else {
            triggers.push(Trigger::LargeScaleSpecialCategories);
            (ruling_out, Certainty::Follows)
        };
        out.add(Kind::EuRepresentative, &[law::ART_27_1, law::ART_27_2], &activities, &triggers, || {
            (Vec::new(), recorded())
        });
        if let Some(last) = out.last(Kind::EuRepresentative) {
            last.certainty = certainty;
        }
    }

    // ---- Swedish patient data: the care provider's duties -----------------------
    let care: Vec<&ActivityId> = all_controlled
        .iter()
        .copied()
        .filter(|id| activity(id).is_some_and(|a| patient_records(model, a) && care_provider_of(this, party, a)))
        .collect();
    let care_triggers = [Trigger::Controller, Trigger::CareProviderOfPatientRecords];
    out.add(Kind::CareProviderAsController, &[law::PDL_2_6], &care, &care_triggers, plain);
    let logging = || systems(&analysis.graph, &care, |s| s.access_logging.as_ref().map(|l| l.value));
    out.add(Kind::AccessLogs, &[law::PDL_4_3], &care, &care_triggers, || (Vec::new(), logging()));
    out.add(Kind::InformationToPatient, &[law::PDL_8_6], &care, &care_triggers, plain);
    let backups = || systems(&analysis.graph, &care, |s| s.backups.as_ref().map(|b| b.value));
    out.add(Kind::PatientDataBackups, &[law::HSLF_FS_2016_40_BACKUP, law::ART_32_1_C], &care, &care_triggers, || {
        (Vec::new(), backups())
    });
    let analysis_done = || systems(&analysis.graph, &care, |s| s.needs_and_risk_analysis.as_ref().map(|a| a.value));
    out.add(Kind::AccessAnalysis, &[law::PDL_4_2, law::HSLF_FS_2016_40_ACCESS_ANALYSIS], &care, &care_triggers, || {
        (Vec::new(), analysis_done())
    });
    let reviewed = || systems(&analysis.graph, &care, |s| s.log_review.as_ref().map(|r| r.value));
    out.add(Kind::LogReview, &[law::PDL_4_3], &care, &care_triggers, || (Vec::new(), reviewed()));
    // Only over networks the operator does not control; where a system's
    // exposure is not recorded, whether the duty reaches it is unknown too.
    let open: Vec<&ActivityId> = care
        .iter()
        .copied()
        .filter(|id| {
            activity(id)
                .is_some_and(|a| used_systems(&analysis.graph, a).any(|s| reached_over_open_network(s) != Some(false)))
        })
        .collect();
    let strong = || {
        systems_where(
            &analysis.graph,
            &open,
            |s| reached_over_open_network(s) != Some(false),
            |s| s.authentication.as_ref().map(|a| matches!(a.value, Authentication::Mfa | Authentication::Smartcard)),
        )
    };
    out.add(Kind::StrongAuthentication, &[law::HSLF_FS_2016_40_OPEN_NETWORKS], &open, &care_triggers, || {
        (Vec::new(), strong())
    });
}

/// Whether a system is reached over a network its operator does not control
/// (the internet, or a network shared with other organisations); `None` when
/// its exposure is not recorded.
fn reached_over_open_network(system: &crate::model::System) -> Option<bool> {
    system.exposure.as_ref().map(|e| e.value != Exposure::Internal)
}

/// The systems an activity's performers use.
fn used_systems<'a, 'm: 'a>(
    graph: &'a Graph<'m>,
    activity: &'a Activity,
) -> impl Iterator<Item = &'m crate::model::System> + 'a {
    activity.performers.iter().flat_map(|p| p.systems.iter()).filter_map(|s| graph.system(&s.value))
}

/// The details of an obligation that concerns no other party and bears on
/// nothing the model records.
fn plain<'p>() -> (Vec<&'p PartyId>, Recorded) {
    (Vec::new(), Recorded::Nothing)
}

/// Collects obligations in a fixed order, leaving out those that apply to no
/// activity: in full, or as items alone ([`obligation_items`]), in which case
/// the counterparts and the recorded facts are never worked out and the
/// adjustments made to an obligation once added have nothing to adjust.
enum Out {
    /// Every obligation, drawn up in full.
    Full(Vec<Obligation>),
    /// One group of items per obligation.
    Items(Vec<ItemGroup>),
}

impl Out {
    /// Adds an obligation, unless it applies to no activity; `details`, its
    /// counterparts and what the model records that bears on it, is called
    /// only when obligations are drawn up in full.
    fn add<'p>(
        &mut self,
        kind: Kind,
        provisions: &'static [&'static str],
        activities: &[&ActivityId],
        triggers: &[Trigger],
        details: impl FnOnce() -> (Vec<&'p PartyId>, Recorded),
    ) {
        if activities.is_empty() {
            return;
        }
        let mut activities: Vec<ActivityId> = activities.iter().map(|a| (*a).clone()).collect();
        activities.dedup();
        let obligations = match self {
            Out::Full(obligations) => obligations,
            Out::Items(groups) => {
                groups.push(ItemGroup { kind, provisions, activities: activities.into_boxed_slice() });
                return;
            }
        };
        let (counterparts, recorded) = details();
        let mut counterparts: Vec<PartyId> = counterparts.into_iter().cloned().collect();
        counterparts.sort();
        counterparts.dedup();
        obligations.push(Obligation {
            kind,
            provisions,
            activities,
            triggers: triggers.to_vec(),
            certainty: Certainty::Follows,
            basis: Basis::Statutory,
            counterparts,
            recorded,
        });
    }

    /// How many obligations have been drawn up in full.
    fn len(&self) -> usize {
        match self {
            Out::Full(obligations) => obligations.len(),
            Out::Items(_) => 0,
        }
    }

    /// The obligations drawn up in full from the `first`.
    fn since(&mut self, first: usize) -> &mut [Obligation] {
        match self {
            Out::Full(obligations) => &mut obligations[first..],
            Out::Items(_) => &mut [],
        }
    }

    /// The obligation last drawn up in full, if it is of `kind`: the one just
    /// added, unless it applied to no activity.
    fn last(&mut self, kind: Kind) -> Option<&mut Obligation> {
        match self {
            Out::Full(obligations) => obligations.last_mut().filter(|o| o.kind == kind),
            Out::Items(_) => None,
        }
    }
}

fn patient_records(model: &Model, activity: &Activity) -> bool {
    activity.data.iter().filter_map(|d| model.data.get(&d.value)).any(|d| d.patient_record)
}

/// Whether `party` is the care provider (vårdgivare) of an activity: its
/// controller that is a care provider by kind, is designated by law, or gives
/// the care itself (patientdatalagen 2 kap. 6 §).
fn care_provider_of(this: Option<&Party>, party: &PartyId, activity: &Activity) -> bool {
    // The cheap questions first: an activity may have thousands of performers.
    this.is_some_and(|p| p.kind.value == PartyKind::CareProvider)
        || activity.controller_by_law.as_ref().is_some_and(|d| &d.party.value == party)
        || activity.performers.iter().any(|p| &p.party.value == party && p.gives_care())
}

/// One property of the systems used in `activities`, by system id; nothing
/// when no system is recorded.
fn systems(
    graph: &Graph<'_>,
    activities: &[&ActivityId],
    property: impl Fn(&crate::model::System) -> Option<bool>,
) -> Recorded {
    systems_where(graph, activities, |_| true, property)
}

/// [`systems`], over the systems that `keep` lets through.
fn systems_where(
    graph: &Graph<'_>,
    activities: &[&ActivityId],
    keep: impl Fn(&crate::model::System) -> bool,
    property: impl Fn(&crate::model::System) -> Option<bool>,
) -> Recorded {
    let mut used: Vec<&crate::model::System> = activities
        .iter()
        .filter_map(|id| graph.activity(id))
        .flat_map(|a| used_systems(graph, a))
        .filter(|s| keep(s))
        .collect();
    used.sort_by(|a, b| a.id.cmp(&b.id));
    used.dedup_by(|a, b| a.id == b.id);
    if used.is_empty() {
        return Recorded::Nothing;
    }
    let pick = |want: Option<bool>| -> Vec<SystemId> {
        used.iter().filter(|s| property(s) == want).map(|s| s.id.clone()).collect()
    };
    Recorded::Systems { yes: pick(Some(true)), no: pick(Some(false)), unknown: pick(None) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_every_kind() {
        // The position of each kind in `ALL`: exhaustive, so a new kind does
        // not compile until it has one.
        let position = |kind: Kind| match kind {
            Kind::ControllerNotReached => 0,
            Kind::Accountability => 1,
            Kind::InformationToDataSubjects => 2,
            Kind::JointControllerArrangement => 3,
            Kind::ChoiceOfProcessors => 4,
            Kind::ControllerRecord => 5,
            Kind::Security => 6,
            Kind::BreachToAuthority => 7,
            Kind::BreachToDataSubjects => 8,
            Kind::ImpactAssessment => 9,
            Kind::ProcessingOnInstructions => 10,
            Kind::SubProcessors => 11,
            Kind::ProcessorRecord => 12,
            Kind::BreachToPrincipal => 13,
            Kind::DataProtectionOfficer => 14,
            Kind::EuRepresentative => 15,
            Kind::CareProviderAsController => 16,
            Kind::AccessLogs => 17,
            Kind::InformationToPatient => 18,
            Kind::PatientDataBackups => 19,
            Kind::AccessAnalysis => 20,
            Kind::LogReview => 21,
            Kind::StrongAuthentication => 22,
        };
        for (index, kind) in Kind::ALL.into_iter().enumerate() {
            assert_eq!(position(kind), index, "{kind:?}");
        }
        // In order: the sheets and JSON sort obligations by kind.
        assert!(Kind::ALL.windows(2).all(|w| w[0] < w[1]));
    }

    use crate::reference::Reference;

    fn loaded(fixture: &str) -> crate::load::Loaded {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(fixture);
        match crate::load::load_path(&path, &Reference::builtin()) {
            Ok(loaded) => loaded,
            Err(invalid) => panic!("{} is invalid: {:#?}", path.display(), invalid.diagnostics),
        }
    }

    #[test]
    fn the_items_are_the_full_obligations_activity_by_activity() {
        // One derivation: drawn up as items or in full, the same obligations
        // apply to the same activities on the same provisions.
        for fixture in [
            "obligations/large-scale",
            "obligations/outside-gdpr",
            "rules/patient-data-without-strong-authentication/fires",
            "rules/no-eu-representative/fires-processor",
            "rules/dpia-not-carried-out/passes-controller-not-reached",
            "design-example",
        ] {
            let loaded = loaded(fixture);
            let date = jiff::civil::date(2025, 6, 1);
            let reference = Reference::builtin();
            let analysis = Analysis::new(&loaded.model, &reference, date);
            for party in loaded.model.parties.keys() {
                let full: Vec<ItemGroup> = obligations_of(&analysis, party)
                    .iter()
                    .map(|o| ItemGroup {
                        kind: o.kind,
                        provisions: o.provisions,
                        activities: o.activities.clone().into_boxed_slice(),
                    })
                    .collect();
                assert_eq!(obligation_items(&analysis, party), full, "{fixture}: {party}");
            }
        }
    }

    fn of(obligations: &[Obligation], kind: Kind) -> Vec<&Obligation> {
        obligations.iter().filter(|o| o.kind == kind).collect()
    }

    #[test]
    fn a_party_reached_by_targeting_owes_a_representative_unless_exempt() {
        let reference = Reference::builtin();
        let representative = |case: &str| {
            let loaded = loaded(&format!("rules/no-eu-representative/{case}"));
            let analysis = Analysis::new(&loaded.model, &reference, jiff::civil::date(2024, 6, 1));
            let obligations = obligations_of(&analysis, &PartyId::new("telehealth"));
            of(&obligations, Kind::EuRepresentative).into_iter().cloned().collect::<Vec<_>>()
        };
        // Large-scale health data rule out Art. 27(2)(a): the duty follows.
        let follows = representative("fires");
        assert_eq!(follows.len(), 1);
        assert_eq!(
            (follows[0].certainty, &follows[0].recorded),
            (Certainty::Follows, &Recorded::EuRepresentative { value: Some(false) })
        );
        assert!(follows[0].triggers.contains(&Trigger::TargetsUnion));
        assert_eq!(follows[0].activities, [ActivityId::new("video-visits")]);
        // Scale not recorded: the exemption may apply, the duty is a reading.
        let inferred = representative("passes-not-large-scale");
        assert_eq!(inferred[0].certainty, Certainty::Inferred);
        // A public body (Art. 27(2)(b)) and a party established in the Union owe none.
        assert!(representative("passes-public-body").is_empty());
        assert!(representative("passes-established").is_empty());
    }

    #[test]
    fn facts_beside_the_role_bring_a_dpia_and_a_dpo_and_ended_activities_bring_nothing() {
        let loaded = loaded("obligations/large-scale");
        let reference = Reference::builtin();
        let analysis = Analysis::new(&loaded.model, &reference, jiff::civil::date(2024, 6, 1));
        let region = obligations_of(&analysis, &PartyId::new("region"));
        let vendor = obligations_of(&analysis, &PartyId::new("vendor"));
        // The ended pilot brings no obligation to either party.
        for obligation in region.iter().chain(&vendor) {
            assert_eq!(obligation.activities, [ActivityId::new("advice")], "{:?}", obligation.kind);
            assert_eq!(obligation.basis, Basis::Statutory);
        }
        let dpia = of(&region, Kind::ImpactAssessment);
        assert_eq!(dpia.len(), 1);
        assert!(dpia[0].triggers.contains(&Trigger::LargeScaleSpecialCategories));
        // A public body's DPO follows from the fact; a private processor taking
        // part in large-scale health processing does not meet Art. 37(1)(c) for
        // that alone: its core activities are not recorded.
        let public = of(&region, Kind::DataProtectionOfficer);
        assert_eq!(
            (public[0].provisions, public[0].certainty),
            (&[law::ART_37, law::ART_37_1_A][..], Certainty::Follows)
        );
        assert_eq!(public[0].recorded, Recorded::Dpo { value: Some(true) });
        assert!(of(&vendor, Kind::DataProtectionOfficer).is_empty());
        // Roles decide the rest: the processor has no controller obligation.
        assert!(of(&vendor, Kind::ControllerRecord).is_empty() && of(&vendor, Kind::ImpactAssessment).is_empty());
        assert_eq!(of(&vendor, Kind::ProcessingOnInstructions)[0].counterparts, [PartyId::new("region")]);
        assert_eq!(of(&region, Kind::ChoiceOfProcessors)[0].counterparts, [PartyId::new("vendor")]);
    }

    #[test]
    fn the_patient_data_duties_carry_what_the_systems_record_and_strong_authentication_follows_the_network() {
        let reference = Reference::builtin();
        let ehr = || vec![SystemId::new("ehr")];
        let exposed = loaded("rules/patient-data-without-strong-authentication/fires");
        let analysis = Analysis::new(&exposed.model, &reference, jiff::civil::date(2024, 6, 1));
        let clinic = obligations_of(&analysis, &PartyId::new("clinic"));
        // On the internet with a password alone: the duty applies and is not met.
        let strong = of(&clinic, Kind::StrongAuthentication);
        assert_eq!(strong[0].recorded, Recorded::Systems { yes: Vec::new(), no: ehr(), unknown: Vec::new() });
        assert_eq!(strong[0].provisions, [law::HSLF_FS_2016_40_OPEN_NETWORKS]);
        // Neither the analysis nor the log review is recorded.
        let none = Recorded::Systems { yes: Vec::new(), no: Vec::new(), unknown: ehr() };
        assert_eq!(of(&clinic, Kind::AccessAnalysis)[0].recorded, none);
        assert_eq!(of(&clinic, Kind::LogReview)[0].recorded, none);
        // The processor hosting it owes none of the care provider's duties.
        let hosting = obligations_of(&analysis, &PartyId::new("hosting"));
        assert!(of(&hosting, Kind::StrongAuthentication).is_empty() && of(&hosting, Kind::AccessAnalysis).is_empty());
        // On an internal network, no strong-authentication duty.
        let internal = loaded("rules/breach-subjects-not-told/fires");
        let analysis = Analysis::new(&internal.model, &reference, jiff::civil::date(2024, 6, 1));
        let system = &internal.model.systems[&SystemId::new("ehr")];
        let clinic = obligations_of(&analysis, &PartyId::new("clinic"));
        assert_eq!(system.exposure.as_ref().map(|e| e.value), Some(Exposure::Internal));
        assert!(of(&clinic, Kind::StrongAuthentication).is_empty());
    }

    #[test]
    fn a_processor_the_gdpr_does_not_reach_owes_its_duties_by_contract_and_keeps_no_record() {
        let loaded = loaded("obligations/outside-gdpr");
        let reference = Reference::builtin();
        let analysis = Analysis::new(&loaded.model, &reference, jiff::civil::date(2024, 6, 1));
        let outside = obligations_of(&analysis, &PartyId::new("outside"));
        let kinds: Vec<Kind> = outside.iter().map(|o| o.kind).collect();
        assert_eq!(
            kinds,
            [Kind::Security, Kind::ProcessingOnInstructions, Kind::SubProcessors, Kind::BreachToPrincipal]
        );
        assert!(outside.iter().all(|o| o.basis == Basis::ContractOnly), "{outside:#?}");
        assert!(outside.iter().all(|o| o.provisions.contains(&law::ART_3_1)));
        assert_eq!(of(&outside, Kind::Security)[0].provisions[0], law::ART_28_3_C);
        // The same processor with its reach not recorded: the statutory duties
        // stand, each binding it by law only if the GDPR reaches it.
        let unknown = obligations_of(&analysis, &PartyId::new("unknown"));
        assert!(of(&unknown, Kind::ProcessorRecord).iter().all(|o| o.basis == Basis::IfReached));
        assert_eq!(of(&unknown, Kind::ProcessorRecord).len(), 1);
        // An EU processor is bound by law.
        let hosting = obligations_of(&analysis, &PartyId::new("hosting"));
        assert!(hosting.iter().all(|o| o.basis == Basis::Statutory));
        assert_eq!(of(&hosting, Kind::Security)[0].provisions, [law::ART_32]);
        // Its controllers' records stand; it has no Art. 30(2) record of its own.
        let plan = crate::obligations::records::plan(&analysis);
        assert_eq!(plan.outside_gdpr, [PartyId::new("outside")]);
        assert!(plan.processor.iter().all(|k| k.processor != PartyId::new("outside")));
        assert!(plan.processor.iter().any(|k| k.processor == PartyId::new("unknown")));
        // The clinic's choice of processors names the two it must bind by
        // contract and answer for; the Swedish one the GDPR binds itself.
        let clinic = obligations_of(&analysis, &PartyId::new("clinic"));
        assert_eq!(
            of(&clinic, Kind::ChoiceOfProcessors)[0].recorded,
            Recorded::ProcessorsOutsideUnion {
                not_reached: vec![PartyId::new("outside")],
                unknown: vec![PartyId::new("unknown")]
            }
        );
    }

    #[test]
    fn a_processor_is_bound_by_law_for_a_controller_art_3_2_reaches_and_by_contract_for_one_established() {
        let reference = Reference::builtin();
        let date = jiff::civil::date(2024, 6, 1);
        // For a controller outside the Union that targets people in it, the
        // processor's own "not reached" gives way to Art. 3(2).
        let targeting = loaded("rules/no-eu-representative/fires-processor");
        let analysis = Analysis::new(&targeting.model, &reference, date);
        let vendor = obligations_of(&analysis, &PartyId::new("transcribe"));
        assert!(of(&vendor, Kind::ProcessingOnInstructions).iter().all(|o| o.basis == Basis::Statutory));
        assert_eq!(of(&vendor, Kind::ProcessorRecord).len(), 1);
        assert_eq!(of(&vendor, Kind::EuRepresentative)[0].activities, [ActivityId::new("video-visits")]);
        let controller = obligations_of(&analysis, &PartyId::new("telehealth"));
        assert_eq!(of(&controller, Kind::ChoiceOfProcessors)[0].recorded, Recorded::Nothing);
        let plan = crate::obligations::records::plan(&analysis);
        assert!(plan.outside_gdpr.is_empty());
        assert!(plan.processor.iter().any(|k| k.processor == PartyId::new("transcribe")));
        // For a controller established in the Union, its contract binds it.
        let established = loaded("rules/no-eu-representative/passes-processor-for-established");
        let analysis = Analysis::new(&established.model, &reference, date);
        let vendor = obligations_of(&analysis, &PartyId::new("transcribe"));
        assert!(vendor.iter().all(|o| o.basis == Basis::ContractOnly), "{vendor:#?}");
        assert!(of(&vendor, Kind::ProcessorRecord).is_empty() && of(&vendor, Kind::EuRepresentative).is_empty());
        let clinic = obligations_of(&analysis, &PartyId::new("clinic"));
        assert_eq!(
            of(&clinic, Kind::ChoiceOfProcessors)[0].recorded,
            Recorded::ProcessorsOutsideUnion { not_reached: vec![PartyId::new("transcribe")], unknown: Vec::new() }
        );
        assert_eq!(crate::obligations::records::plan(&analysis).outside_gdpr, [PartyId::new("transcribe")]);
    }

    #[test]
    fn controller_not_reached() {
        // A controller the GDPR does not reach (Art. 3) owes none of a
        // controller's duties: one obligation says so in their place, and it
        // keeps no Art. 30(1) record. Its Swedish processor keeps its own.
        let loaded = loaded("rules/dpia-not-carried-out/passes-controller-not-reached");
        let reference = Reference::builtin();
        let analysis = Analysis::new(&loaded.model, &reference, jiff::civil::date(2024, 6, 1));
        let overseas = obligations_of(&analysis, &PartyId::new("overseas"));
        let kinds: Vec<Kind> = overseas.iter().map(|o| o.kind).collect();
        assert_eq!(kinds, [Kind::ControllerNotReached], "{overseas:#?}");
        assert_eq!(overseas[0].provisions, [law::ART_3_1, law::ART_3_2]);
        // The law's own statement, not a duty bound by contract.
        assert_eq!(overseas[0].basis, Basis::Statutory);
        assert_eq!(overseas[0].activities, [ActivityId::new("study")]);
        let hosting = obligations_of(&analysis, &PartyId::new("hosting"));
        assert!(of(&hosting, Kind::ProcessingOnInstructions).iter().all(|o| o.basis == Basis::Statutory));
        assert_eq!(of(&hosting, Kind::ProcessorRecord).len(), 1);
        let plan = crate::obligations::records::plan(&analysis);
        assert!(plan.controller.is_empty());
        assert_eq!(plan.processor.len(), 1);
        // The same controller with one Art. 3 fact left out keeps its duties.
        let mut model = loaded.model.clone();
        if let Some(party) = model.parties.get_mut(&PartyId::new("overseas")) {
            party.monitors_eu_subjects = None;
        }
        let analysis = Analysis::new(&model, &reference, jiff::civil::date(2024, 6, 1));
        let unknown = obligations_of(&analysis, &PartyId::new("overseas"));
        assert!(of(&unknown, Kind::ControllerNotReached).is_empty());
        assert_eq!(of(&unknown, Kind::ImpactAssessment).len(), 1);
        assert_eq!(crate::obligations::records::plan(&analysis).controller.len(), 1);
    }

    #[test]
    fn a_care_provider_gets_the_patient_data_duties_with_what_its_systems_record() {
        let loaded = loaded("rules/breach-subjects-not-told/fires");
        let reference = Reference::builtin();
        let analysis = Analysis::new(&loaded.model, &reference, jiff::civil::date(2024, 6, 1));
        let clinic = obligations_of(&analysis, &PartyId::new("clinic"));
        let logs = of(&clinic, Kind::AccessLogs);
        let ehr = vec![SystemId::new("ehr")];
        assert_eq!(logs[0].recorded, Recorded::Systems { yes: ehr, no: Vec::new(), unknown: Vec::new() });
        assert!(logs[0].triggers.contains(&Trigger::CareProviderOfPatientRecords));
        let hosting = obligations_of(&analysis, &PartyId::new("hosting"));
        assert!(of(&hosting, Kind::CareProviderAsController).is_empty());
        let Recorded::Deadlines { duties } = &of(&hosting, Kind::BreachToPrincipal)[0].recorded else {
            panic!("the processor's deadlines are recorded")
        };
        assert_eq!(duties.iter().map(|d| d.within_hours).collect::<Vec<_>>(), [Some(24)]);
        assert!(obligations_of(&analysis, &PartyId::new("imy")).is_empty());
    }
}
