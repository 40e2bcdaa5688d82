//! Role derivation: who is controller, joint controller, processor or
//! sub-processor of each processing activity, and why.
//!
//! Roles are derived per activity, never per organisation (EDPB Guidelines
//! 07/2020: a party can be controller of one activity and processor of another),
//! and from facts, never from contract labels:
//!
//! 1. The controllers of an activity are the parties that decide its purposes or
//!    its essential means, plus a controller designated by law (Art. 4(7)).
//! 2. Two or more controllers are joint controllers (Art. 26(1)).
//! 3. A performer acting on behalf of a controller is its processor (Art. 4(8));
//!    on behalf of a processor, a sub-processor, at any depth (Art. 28(2), 28(4)).
//!    A controller that performs the activity stays a controller, whether it
//!    works with its own staff (Art. 29) or is said to act for another.
//! 4. A performer that pursues purposes of its own is a controller for them
//!    (Art. 28(10)); it keeps its processor role for what it does on instructions.
//! 5. A party with no part in an activity has no role in it.
//!
//! What the facts leave open is kept as a [`Gap`], never dropped: an activity with
//! no controller, a performer acting for nobody, a performer whose chain of
//! `on_behalf_of` never reaches a controller. Such a performer gets no role:
//! "processor" and "sub-processor" presuppose a controller at the top of the
//! chain. The rules stage turns gaps into findings. [`claims`] lists the roles
//! agreements *claim*, for the rules stage to compare with the derived ones.
//!
//! `docs/roles.md` states the rules with their legal sources and their limits.
//!
//! Derivation is a pure function of the model: the same model gives the same
//! roles, in the same order, whatever the order of its files and entries.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use serde::Serialize;

use crate::finding::{Arg, Join, Message};
use crate::graph::Graph;
use crate::law;
use crate::model::ids::leading_bytes;
use crate::model::{Activity, ActivityId, Agreement, AgreementId, ClaimedRole, Located, Model, PartyId, Performer};
use crate::msg;
use crate::source::Span;

/// A role a party holds in one activity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Decides purposes and means alone (Art. 4(7)).
    Controller,
    /// Decides them together with others (Art. 26).
    JointController,
    /// Processes on behalf of a controller (Art. 4(8)).
    Processor,
    /// Processes on behalf of a processor (Art. 28(2), 28(4)).
    SubProcessor,
}

impl Role {
    /// Every role, in the order of their declaration.
    pub const ALL: [Role; 4] = [Role::Controller, Role::JointController, Role::Processor, Role::SubProcessor];

    /// The role's place in [`Role::ALL`], for a table with one entry per role.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The role as written in JSON and tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Controller => "controller",
            Role::JointController => "joint_controller",
            Role::Processor => "processor",
            Role::SubProcessor => "sub_processor",
        }
    }

    /// The role in words, for sentences.
    pub fn in_words(self) -> &'static str {
        match self {
            Role::Controller => "controller",
            Role::JointController => "joint controller",
            Role::Processor => "processor",
            Role::SubProcessor => "sub-processor",
        }
    }

    /// Whether the role decides purposes and means.
    pub fn is_controller(self) -> bool {
        matches!(self, Role::Controller | Role::JointController)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.in_words())
    }
}

/// One fact that contributed to a role, with the provisions it rests on: the
/// view [`Assignment::reasons`] renders from the assignment's [`Fact`]s.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// The fact and its consequence, as a message rendered by
    /// [`crate::render`] (`reason-…` in `locales/<lang>/roles.ftl`).
    pub message: Message,
    /// The provisions it rests on.
    pub provisions: &'static [&'static str],
    /// The YAML that states the fact.
    #[serde(skip)]
    pub span: Option<Span>,
}

/// A fact behind a role as the derivation stores it: its kind, with only what
/// the assignment does not already say (the party, the activity, the principal
/// and the chain are the assignment's), and where the YAML states it. A big
/// model keeps hundreds of thousands of these; [`Assignment::reasons`] turns
/// them into messages when something is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact {
    /// What the fact is.
    pub kind: FactKind,
    /// The YAML that states it.
    pub span: Option<Span>,
}

/// The kinds of [`Fact`], one per `reason-…` message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FactKind {
    /// The party decides the activity's purposes.
    DecidesPurposes,
    /// The party decides the activity's essential means.
    DecidesMeans,
    /// The law designates the party as controller, in a provision the model
    /// may name.
    DesignatedByLaw {
        /// The provision, as written in the model.
        law: Option<Box<str>>,
    },
    /// The party performs the activity with its own staff.
    PerformsItself,
    /// The party is said to act for `principal` but decides purposes or means.
    SaidOnBehalf {
        /// The party it is said to act for.
        principal: PartyId,
    },
    /// A controller of the activity also pursues purposes of its own in it.
    PursuesOwnPurposes {
        /// Those purposes, as written in one performer entry.
        purposes: Box<[Box<str>]>,
    },
    /// The party decides together with `others`.
    Joint {
        /// The activity's other controllers.
        others: Box<[PartyId]>,
    },
    /// A performer that is no controller of the activity uses its data for
    /// purposes of its own (Art. 28(10)).
    OwnPurposes {
        /// Those purposes, as written in one performer entry.
        purposes: Box<[Box<str>]>,
    },
    /// The party performs the activity for its `on_behalf_of`, a controller.
    Processor,
    /// The party performs the activity for its `on_behalf_of`, which acts for
    /// the rest of its `chain`.
    SubProcessor,
    /// The party gives care in the activity.
    GivesCare,
}

impl Fact {
    fn new(kind: FactKind, span: Option<Span>) -> Self {
        Self { kind, span }
    }

    /// The provisions the fact rests on.
    pub fn provisions(&self) -> &'static [&'static str] {
        match self.kind {
            FactKind::DecidesPurposes | FactKind::DecidesMeans => &[law::ART_4_7, law::EDPB_07_2020_PURPOSES_MEANS],
            FactKind::DesignatedByLaw { .. } | FactKind::PursuesOwnPurposes { .. } => &[law::ART_4_7],
            FactKind::PerformsItself => &[law::ART_29, law::EDPB_07_2020_PROCESSOR],
            FactKind::SaidOnBehalf { .. } => &[law::ART_28_10, law::EDPB_07_2020_FACTS],
            FactKind::Joint { .. } => &[law::ART_26_1, law::EDPB_07_2020_JOINT],
            FactKind::OwnPurposes { .. } => &[law::ART_28_10, law::ART_4_7],
            FactKind::Processor => &[law::ART_4_8, law::ART_28_1, law::EDPB_07_2020_PROCESSOR],
            FactKind::SubProcessor => &[law::ART_28_2, law::ART_28_4, law::EDPB_07_2020_PROCESSOR],
            FactKind::GivesCare => &[law::PDL_2_6, law::ART_9_3],
        }
    }
}

/// An assignment serialises as it did when it held its reasons as messages.
impl Serialize for Assignment {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Assignment", 7)?;
        s.serialize_field("party", &self.party)?;
        s.serialize_field("activity", &self.activity)?;
        s.serialize_field("role", &self.role)?;
        s.serialize_field("on_behalf_of", &self.on_behalf_of)?;
        s.serialize_field("chain", &self.chain)?;
        s.serialize_field("own_purposes", &self.own_purposes().collect::<Vec<_>>())?;
        s.serialize_field("reasons", &self.reasons().collect::<Vec<_>>())?;
        s.end()
    }
}

/// A list of purposes as a message argument.
fn purposes_arg(purposes: &[Box<str>]) -> Arg {
    Arg::list(purposes.iter().map(Arg::verbatim), Join::Semicolon)
}

/// Purposes as one performer entry writes them, stored once per fact.
fn purposes_of(performer: &Performer) -> Box<[Box<str>]> {
    performer.own_purposes.iter().map(|p| Box::from(p.value.as_str())).collect()
}

/// A role a party holds in an activity, with its reasons.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assignment {
    /// The party.
    pub party: PartyId,
    /// The activity.
    pub activity: ActivityId,
    /// The role.
    pub role: Role,
    /// For processors and sub-processors, the party they act for.
    pub on_behalf_of: Option<PartyId>,
    /// For processors and sub-processors, the chain above them up to the
    /// controller they ultimately serve: `[on_behalf_of, …, controller]`.
    pub chain: Box<[PartyId]>,
    /// The facts that make it so, in order; [`Assignment::reasons`] gives them
    /// as messages.
    pub facts: Box<[Fact]>,
}

impl Assignment {
    /// The party at the top of the chain: the controller a processor ultimately
    /// serves, or the party itself for a controller.
    pub fn top(&self) -> &PartyId {
        self.chain.last().unwrap_or(&self.party)
    }

    /// For a controller under Art. 28(10), the purposes of its own it pursues,
    /// as its performer entries list them, entry after entry; none otherwise.
    /// They are its [`FactKind::OwnPurposes`] facts' purposes: a national model
    /// has about 300 000 assignments, and a list of its own in each cost
    /// 16 bytes apiece (issue 19).
    pub fn own_purposes(&self) -> impl Iterator<Item = &str> + Clone + '_ {
        self.facts
            .iter()
            .flat_map(|fact| match &fact.kind {
                FactKind::OwnPurposes { purposes } => &purposes[..],
                _ => &[],
            })
            .map(|purpose| &**purpose)
    }

    /// Whether it is a controller for purposes of its own (Art. 28(10)).
    pub fn has_own_purposes(&self) -> bool {
        self.own_purposes().next().is_some()
    }

    /// The facts that make it so, each as a message with its provisions and
    /// its place in the YAML: the one place a [`Fact`] becomes a message.
    pub fn reasons(&self) -> impl Iterator<Item = Reason> + '_ {
        self.facts.iter().map(|fact| Reason {
            message: self.message(fact),
            provisions: fact.provisions(),
            span: fact.span,
        })
    }

    /// Where the YAML states the first of its facts that has a place.
    pub fn first_span(&self) -> Option<Span> {
        self.facts.iter().find_map(|fact| fact.span)
    }

    fn message(&self, fact: &Fact) -> Message {
        let (party, activity) = (&self.party, &self.activity);
        // A processor's principal is its `on_behalf_of`; an assignment built by
        // `derive` always has one, a hand-built one falls back to the party.
        let principal = self.on_behalf_of.as_ref().unwrap_or(party);
        match &fact.kind {
            FactKind::DecidesPurposes => msg!("reason-decides-purposes", party = party, activity = activity),
            FactKind::DecidesMeans => msg!("reason-decides-means", party = party, activity = activity),
            FactKind::DesignatedByLaw { law: Some(provision) } => {
                msg!("reason-designated-by-law-in", party = party, activity = activity, law = Arg::verbatim(provision))
            }
            FactKind::DesignatedByLaw { law: None } => {
                msg!("reason-designated-by-law", party = party, activity = activity)
            }
            FactKind::PerformsItself => msg!("reason-performs-itself", party = party, activity = activity),
            FactKind::SaidOnBehalf { principal } => {
                msg!("reason-said-on-behalf", party = party, activity = activity, principal = principal)
            }
            FactKind::PursuesOwnPurposes { purposes } => msg!(
                "reason-pursues-own-purposes",
                party = party,
                activity = activity,
                purposes = purposes_arg(purposes)
            ),
            FactKind::Joint { others } => msg!(
                "reason-joint",
                others = Arg::list(others.iter(), Join::Comma),
                count = others.len(),
                activity = activity
            ),
            FactKind::OwnPurposes { purposes } => {
                msg!("reason-own-purposes", party = party, activity = activity, purposes = purposes_arg(purposes))
            }
            FactKind::Processor => {
                msg!("reason-processor", party = party, activity = activity, principal = principal)
            }
            FactKind::SubProcessor => msg!(
                "reason-sub-processor",
                party = party,
                activity = activity,
                principal = principal,
                chain = Arg::chain(self.chain.get(1..).unwrap_or(&[]))
            ),
            FactKind::GivesCare => msg!("reason-gives-care", party = party, activity = activity),
        }
    }
}

/// Something the facts leave unresolved; the rules stage reports it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Gap {
    /// Nobody decides the activity's purposes or means and no law designates a
    /// controller.
    NoController {
        /// The activity.
        activity: ActivityId,
        /// Where the activity is defined.
        #[serde(skip)]
        span: Span,
    },
    /// A performer that is no controller and acts on behalf of nobody.
    PerformerForNobody {
        /// The activity.
        activity: ActivityId,
        /// The performer.
        party: PartyId,
        /// The performer entry.
        #[serde(skip)]
        span: Span,
    },
    /// A performer acting for a party that neither controls nor performs the
    /// activity, so its chain does not reach a controller. The performer gets
    /// no role: "processor" presupposes a controller to process for.
    PrincipalWithoutRole {
        /// The activity.
        activity: ActivityId,
        /// The performer.
        party: PartyId,
        /// The party it claims to act for.
        principal: PartyId,
        /// The `on_behalf_of` value.
        #[serde(skip)]
        span: Span,
    },
    /// A performer acting for a party that performs the activity but whose own
    /// chain of delegation never reaches a controller of it (the break itself
    /// is a gap of the party where it happens). The performer gets no role.
    NoControllerAbove {
        /// The activity.
        activity: ActivityId,
        /// The performer.
        party: PartyId,
        /// The party it acts for.
        principal: PartyId,
        /// The `on_behalf_of` value.
        #[serde(skip)]
        span: Span,
    },
}

impl Gap {
    /// The activity the gap is in.
    pub fn activity(&self) -> &ActivityId {
        match self {
            Gap::NoController { activity, .. }
            | Gap::PerformerForNobody { activity, .. }
            | Gap::PrincipalWithoutRole { activity, .. }
            | Gap::NoControllerAbove { activity, .. } => activity,
        }
    }

    /// The party the gap concerns, if it concerns one.
    pub fn party(&self) -> Option<&PartyId> {
        match self {
            Gap::NoController { .. } => None,
            Gap::PerformerForNobody { party, .. }
            | Gap::PrincipalWithoutRole { party, .. }
            | Gap::NoControllerAbove { party, .. } => Some(party),
        }
    }

    /// The gap in one sentence, without the activity, for terminals and
    /// reports: a message rendered by [`crate::render`].
    pub fn describe(&self) -> Message {
        match self {
            Gap::NoController { .. } => Message::new("gap-no-controller"),
            Gap::PerformerForNobody { party, .. } => msg!("gap-performer-for-nobody", party = Arg::Name(party.into())),
            Gap::PrincipalWithoutRole { party, principal, .. } => msg!(
                "gap-principal-without-role",
                party = Arg::Name(party.into()),
                principal = Arg::Name(principal.into())
            ),
            Gap::NoControllerAbove { party, principal, .. } => msg!(
                "gap-no-controller-above",
                party = Arg::Name(party.into()),
                principal = Arg::Name(principal.into())
            ),
        }
    }

    /// Where the gap shows in the YAML.
    pub fn span(&self) -> Span {
        match self {
            Gap::NoController { span, .. }
            | Gap::PerformerForNobody { span, .. }
            | Gap::PrincipalWithoutRole { span, .. }
            | Gap::NoControllerAbove { span, .. } => *span,
        }
    }
}

/// The roles of a whole model.
///
/// Built only by [`derive()`], which sorts the roles and indexes them once: every
/// lookup ([`Roles::assignments`], [`Roles::in_activity`], [`Roles::of`],
/// [`Roles::of_party`], [`Roles::controllers`]) goes through that one index.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Roles {
    /// Every role, sorted by activity, party, role and principal.
    assignments: Vec<Assignment>,
    /// Every gap, sorted.
    pub gaps: Vec<Gap>,
    /// Positions in `assignments`, sorted by party then position: the roles of
    /// one party without a scan of every role (a report asks once per party).
    #[serde(skip)]
    by_party: Vec<u32>,
    /// Where each party's run starts and ends in `by_party`, by the party
    /// id's number: one read instead of a binary search over every role,
    /// each step of which reads a role and ranks its party's id (the
    /// obligations of every party ask once each, the rules for many).
    #[serde(skip)]
    party_runs: crate::model::ids::ByNumber<(u32, u32)>,
    /// Where each activity's roles start and end in `assignments`, by the
    /// activity id's number: one read instead of a binary search over every
    /// role, whose string comparisons each miss the cache on a big model, or
    /// a hash map's lookup, which missed it two or three times (the rules
    /// ask for every activity's roles, some for each of its performers).
    #[serde(skip)]
    by_activity: crate::model::ids::ByNumber<(u32, u32)>,
}

/// A position in the list of roles as a `u32`, half a `usize`: a model with
/// four billion roles would not fit in memory; the conversion saturates all
/// the same.
fn position(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

impl Roles {
    /// The assignments alone, the rest let go: what `diff` keeps of one
    /// side's roles while it analyses the other (issue 19).
    pub fn into_assignments(self) -> Vec<Assignment> {
        self.assignments
    }

    /// Every role, sorted by activity, party, role and principal.
    pub fn assignments(&self) -> &[Assignment] {
        &self.assignments
    }

    /// The roles a party holds in an activity.
    pub fn of(&self, party: &PartyId, activity: &ActivityId) -> &[Assignment] {
        // Within an activity, assignments are sorted by party: a binary search
        // keeps this cheap in an activity with thousands of performers, and
        // a party's roles there are one run, handed out without a copy.
        let roles = self.in_activity(activity);
        let start = roles.partition_point(|a| &a.party < party);
        let end = start + roles[start..].partition_point(|a| &a.party == party);
        &roles[start..end]
    }

    /// Every role in an activity.
    pub fn in_activity(&self, activity: &ActivityId) -> &[Assignment] {
        self.by_activity.run(&self.assignments, activity.interned())
    }

    /// The controllers (sole or joint) of an activity, not counting Art. 28(10)
    /// controllers of their own purposes.
    pub fn controllers(&self, activity: &ActivityId) -> impl Iterator<Item = &PartyId> {
        self.in_activity(activity).iter().filter(|a| a.role.is_controller() && !a.has_own_purposes()).map(|a| &a.party)
    }

    /// Every role a party holds, in any activity, in the order of
    /// [`Roles::assignments`].
    pub fn of_party<'a>(&'a self, party: &'a PartyId) -> impl Iterator<Item = &'a Assignment> {
        let run = self.party_runs.run(&self.by_party, party.interned());
        run.iter().filter_map(|&i| self.assignments.get(i as usize))
    }

    /// Whether `party` holds a role in some activity.
    pub fn has_role(&self, party: &PartyId) -> bool {
        self.of_party(party).next().is_some()
    }

    /// Sorts the roles and gaps and builds the indices behind
    /// [`Roles::of_party`] and [`Roles::in_activity`].
    fn index(&mut self) {
        // Only if the model's activities were not in id order (a model built by
        // hand): then the whole list needs sorting after all.
        if !self.assignments.is_sorted_by(|a, b| assignment_order(a, b).is_le()) {
            self.assignments.sort_by(assignment_order);
        }
        if !self.gaps.is_sorted_by_key(gap_key) {
            self.gaps.sort_by_cached_key(gap_key);
        }
        self.assignments.shrink_to_fit();
        let assignments = &self.assignments;
        // The two indexes are independent: made on two cores.
        let (by_activity, by_party) = crate::par::join(
            || crate::model::ids::ByNumber::runs(assignments, |a| a.activity.interned()),
            || {
                // Sorted by party, then position (so as a stable sort by
                // party would): each party's text is read once, for its first
                // bytes (`leading_bytes`), and compared only where those are
                // the same.
                let mut keyed: Vec<(u64, &PartyId, u32)> = (assignments.iter().enumerate())
                    .map(|(i, a)| (leading_bytes(a.party.as_str()), &a.party, position(i)))
                    .collect();
                keyed.sort_unstable();
                let by_party: Vec<u32> = keyed.into_iter().map(|(_, _, position)| position).collect();
                // Positions made above from the list itself: each names a role.
                let party_runs =
                    crate::model::ids::ByNumber::runs(&by_party, |&i| assignments[i as usize].party.interned());
                (by_party, party_runs)
            },
        );
        self.by_activity = by_activity;
        (self.by_party, self.party_runs) = by_party;
    }
}

/// How many activities one thread derives at a time: enough to make the
/// hand-over cheap, few enough to share the work evenly.
const ACTIVITIES_PER_JOB: usize = 256;

/// Derives every role of every activity.
pub fn derive(graph: &Graph<'_>) -> Roles {
    derive_seeing(graph, |_| {})
}

/// Every role of a model as derived, before the roles are joined into one
/// list and indexed ([`derive_seeing`]).
pub struct Derived<'a> {
    /// The roles of each slice of activities, in the model's order.
    parts: &'a [Roles],
}

impl Derived<'_> {
    /// Every role, in the order derived: by activity, party, role and
    /// principal when the model lists its activities by id, as a loaded
    /// model does.
    pub fn assignments(&self) -> impl Iterator<Item = &Assignment> {
        self.lists().flatten()
    }

    /// The roles as lists, in the order derived (each sorted by activity,
    /// party, role and principal when the model lists its activities by
    /// id); an activity's roles are all in one list.
    pub fn lists(&self) -> impl Iterator<Item = &[Assignment]> {
        self.parts.iter().map(|part| part.assignments.as_slice())
    }
}

/// [`derive()`], showing the roles to `seen` as soon as they are derived,
/// before they are joined into one list and indexed: `diff` compares them
/// there with the other side's roles and lets those go, so that the other
/// side's roles are not held beside this side's joined list and index, at
/// `diff`'s high point of memory (issue 19).
pub fn derive_seeing(graph: &Graph<'_>, seen: impl FnOnce(&Derived<'_>)) -> Roles {
    // Activities are independent: derive them in contiguous slices on every
    // core and join the slices in order, as one thread would have.
    let activities: Vec<&Activity> = graph.model().activities.values().collect();
    let slices: Vec<&[&Activity]> = activities.chunks(ACTIVITIES_PER_JOB).collect();
    let parts = crate::par::map(&slices, |slice| {
        let mut part = Roles::default();
        for activity in *slice {
            let (roles_before, gaps_before) = (part.assignments.len(), part.gaps.len());
            derive_activity(graph, activity, &mut part);
            // Each activity's own roles sorted here, a few at a time, rather
            // than millions at the end: the model lists activities by id, so
            // the slices joined in order are then sorted as a whole.
            part.assignments[roles_before..].sort_by(assignment_order);
            part.gaps[gaps_before..].sort_by_cached_key(gap_key);
        }
        part
    });
    seen(&Derived { parts: &parts });
    // Joined into lists of their final size, each part let go once moved: a
    // list grown by doubling left the copies it outgrew (half of national's
    // 19 MB of roles, and a quarter, …) to the allocator while the rules ran.
    let mut roles = Roles {
        assignments: Vec::with_capacity(parts.iter().map(|part| part.assignments.len()).sum()),
        gaps: Vec::with_capacity(parts.iter().map(|part| part.gaps.len()).sum()),
        ..Roles::default()
    };
    for mut part in parts {
        roles.assignments.append(&mut part.assignments);
        roles.gaps.append(&mut part.gaps);
    }
    roles.index();
    roles
}

/// The order of [`Roles::assignments`]: by activity, party, role and principal.
fn assignment_order(a: &Assignment, b: &Assignment) -> std::cmp::Ordering {
    (&a.activity, &a.party, a.role, &a.on_behalf_of).cmp(&(&b.activity, &b.party, b.role, &b.on_behalf_of))
}

fn gap_key(gap: &Gap) -> (ActivityId, Option<PartyId>, u8, Option<PartyId>) {
    let (order, principal) = match gap {
        Gap::NoController { .. } => (0, None),
        Gap::PerformerForNobody { .. } => (1, None),
        Gap::PrincipalWithoutRole { principal, .. } => (2, Some(principal.clone())),
        Gap::NoControllerAbove { principal, .. } => (3, Some(principal.clone())),
    };
    (gap.activity().clone(), gap.party().cloned(), order, principal)
}

fn derive_activity(graph: &Graph<'_>, activity: &Activity, roles: &mut Roles) {
    let id = &activity.id;
    let performers: Vec<&Performer> = graph.performers_of(activity).collect();
    let controllers = controllers_of(activity, &performers);

    // Rule 2: joint controllers.
    let all_controllers: Vec<&PartyId> = controllers.keys().collect();
    for (party, facts) in &controllers {
        let mut facts = facts.clone();
        let role = if all_controllers.len() >= 2 {
            let others = all_controllers.iter().filter(|p| **p != party).map(|p| (*p).clone()).collect();
            facts.push(Fact::new(FactKind::Joint { others }, None));
            Role::JointController
        } else {
            Role::Controller
        };
        roles.assignments.push(Draft::new(party, role, None, Vec::new(), facts).done(id));
    }
    if controllers.is_empty() {
        roles.gaps.push(Gap::NoController { activity: id.clone(), span: activity.span });
    }

    // Rule 4 before rule 3, because a processor may act for a party that is a
    // controller only for its own purposes. A performer that is no controller
    // of the activity but pursues purposes of its own is a controller for them
    // (Art. 28(10)); one role per party, however many of its entries name
    // purposes.
    let mut own: BTreeMap<PartyId, Draft> = BTreeMap::new();
    for performer in &performers {
        let party = &performer.party.value;
        if performer.own_purposes.is_empty() || controllers.contains_key(party) {
            continue;
        }
        let assignment = own
            .entry(party.clone())
            .or_insert_with(|| Draft::new(party, Role::Controller, None, Vec::new(), Vec::new()));
        assignment.facts.push(Fact::new(
            FactKind::OwnPurposes { purposes: purposes_of(performer) },
            performer.own_purposes.first().map(|p| p.span),
        ));
    }
    // A party that only pursues its own purposes (it acts for nobody) is a
    // controller in its own right, so whoever processes for it is its processor.
    // Sets rather than scans of the performers: an activity may have thousands.
    let acting_for_another: HashSet<&PartyId> =
        performers.iter().filter(|p| p.on_behalf_of.is_some()).map(|p| &p.party.value).collect();
    let performing: HashSet<&PartyId> = performers.iter().map(|p| &p.party.value).collect();
    let own_only: HashSet<&PartyId> = own.keys().filter(|party| !acting_for_another.contains(party)).collect();
    let controls = |party: &PartyId| controllers.contains_key(party) || own_only.contains(&party);

    // Rule 3: processors and sub-processors.
    let mut processors: BTreeMap<(PartyId, Role, PartyId), Draft> = BTreeMap::new();
    for performer in &performers {
        let party = &performer.party.value;
        if controllers.contains_key(party) {
            // Its own staff, or "on behalf of" another: either way a party that
            // decides purposes or means stays a controller (reasons added above).
            continue;
        }
        let Some(principal) = &performer.on_behalf_of else {
            if !own.contains_key(party) {
                roles.gaps.push(Gap::PerformerForNobody {
                    activity: id.clone(),
                    party: party.clone(),
                    span: performer.span,
                });
            }
            continue;
        };
        let above = chain_above(graph, id, &principal.value, &controls);
        if !above.last().is_some_and(&controls) {
            // The delegation never reaches a controller: calling the performer a
            // processor or sub-processor would presuppose one. Leave it a gap.
            let principal_performs = performing.contains(&principal.value);
            roles.gaps.push(if principal_performs {
                Gap::NoControllerAbove {
                    activity: id.clone(),
                    party: party.clone(),
                    principal: principal.value.clone(),
                    span: principal.span,
                }
            } else {
                Gap::PrincipalWithoutRole {
                    activity: id.clone(),
                    party: party.clone(),
                    principal: principal.value.clone(),
                    span: principal.span,
                }
            });
            continue;
        }
        // The principal and the chain these facts speak of are the
        // assignment's own `on_behalf_of` and `chain`: the key below keeps one
        // principal per assignment, and the chain above a principal is the same
        // for each of its performer entries.
        let mut facts = Vec::new();
        let role = if above.len() == 1 {
            facts.push(Fact::new(FactKind::Processor, Some(principal.span)));
            Role::Processor
        } else {
            facts.push(Fact::new(FactKind::SubProcessor, Some(principal.span)));
            Role::SubProcessor
        };
        if performer.gives_care() {
            facts.push(Fact::new(FactKind::GivesCare, performer.gives_care.as_ref().map(|g| g.span)));
        }
        let key = (party.clone(), role, principal.value.clone());
        match processors.get_mut(&key) {
            Some(existing) => existing.facts.extend(facts),
            None => {
                processors.insert(key, Draft::new(party, role, Some(principal.value.clone()), above, facts));
            }
        }
    }
    roles.assignments.extend(own.into_values().chain(processors.into_values()).map(|draft| draft.done(id)));
}

/// An [`Assignment`] while its activity is derived, with lists that still
/// grow: [`Draft::done`] fixes them at their size (a big model keeps hundreds
/// of thousands of roles, and a list pushed to once holds room for four).
struct Draft {
    party: PartyId,
    role: Role,
    on_behalf_of: Option<PartyId>,
    chain: Vec<PartyId>,
    facts: Vec<Fact>,
}

impl Draft {
    fn new(party: &PartyId, role: Role, on_behalf_of: Option<PartyId>, chain: Vec<PartyId>, facts: Vec<Fact>) -> Self {
        Self { party: party.clone(), role, on_behalf_of, chain, facts }
    }

    fn done(self, activity: &ActivityId) -> Assignment {
        Assignment {
            party: self.party,
            activity: activity.clone(),
            role: self.role,
            on_behalf_of: self.on_behalf_of,
            chain: self.chain.into_boxed_slice(),
            facts: self.facts.into_boxed_slice(),
        }
    }
}

/// Rule 1: the controllers of an activity, each with the facts that make it one.
fn controllers_of(activity: &Activity, performers: &[&Performer]) -> BTreeMap<PartyId, Vec<Fact>> {
    let mut controllers: BTreeMap<PartyId, Vec<Fact>> = BTreeMap::new();
    for party in &activity.purposes_decided_by {
        controllers
            .entry(party.value.clone())
            .or_default()
            .push(Fact::new(FactKind::DecidesPurposes, Some(party.span)));
    }
    for party in &activity.means_decided_by {
        controllers.entry(party.value.clone()).or_default().push(Fact::new(FactKind::DecidesMeans, Some(party.span)));
    }
    if let Some(designation) = &activity.controller_by_law {
        let law = designation.law.as_deref().map(Box::from);
        controllers
            .entry(designation.party.value.clone())
            .or_default()
            .push(Fact::new(FactKind::DesignatedByLaw { law }, Some(designation.party.span)));
    }
    for performer in performers {
        let party = &performer.party.value;
        let Some(facts) = controllers.get_mut(party) else { continue };
        match &performer.on_behalf_of {
            None => facts.push(Fact::new(FactKind::PerformsItself, Some(performer.span))),
            // Facts beat labels: deciding purposes or means makes a controller,
            // whatever the party is said to act for.
            Some(principal) => facts
                .push(Fact::new(FactKind::SaidOnBehalf { principal: principal.value.clone() }, Some(principal.span))),
        }
        if !performer.own_purposes.is_empty() {
            facts.push(Fact::new(
                FactKind::PursuesOwnPurposes { purposes: purposes_of(performer) },
                performer.own_purposes.first().map(|p| p.span),
            ));
        }
    }
    controllers
}

/// The chain of delegation above a performer, from its principal up to the
/// first party that controls the activity, or to the last party the chain
/// reaches when none does.
fn chain_above(
    graph: &Graph<'_>,
    activity: &ActivityId,
    principal: &PartyId,
    controls: &impl Fn(&PartyId) -> bool,
) -> Vec<PartyId> {
    let mut chain = Vec::new();
    // Stop at the first controller: a controller that itself acts "for" another
    // party is still the controller its processors serve.
    for party in graph.chain_up(activity, principal) {
        let reached = controls(&party);
        chain.push(party);
        if reached {
            break;
        }
    }
    chain
}

/// A role an agreement claims for a party.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Claim {
    /// The agreement.
    pub agreement: AgreementId,
    /// The party.
    pub party: PartyId,
    /// The claimed role.
    pub role: ClaimedRole,
    /// The activities the claim is about: those the agreement covers.
    pub activities: Vec<ActivityId>,
    /// Where the role is written.
    #[serde(skip)]
    pub span: Span,
}

/// Every GDPR role claimed by an agreement, sorted by agreement and party.
///
/// Commercial roles (`principal`, `provider`) claim nothing under the GDPR and
/// are left out.
pub fn claims(model: &Model) -> Vec<Claim> {
    let mut claims = Vec::new();
    for agreement in model.agreements.values() {
        for (party, role) in claims_in(agreement) {
            claims.push(Claim {
                agreement: agreement.id.clone(),
                party: party.clone(),
                role: role.value,
                activities: agreement.covers.iter().map(|c| c.value.clone()).collect(),
                span: role.span,
            });
        }
    }
    claims
}

/// The GDPR roles one agreement claims, party by party in its order: what
/// [`claims`] lists for it, borrowed rather than copied (a rule walks every
/// claim of a big model).
pub fn claims_in(agreement: &Agreement) -> impl Iterator<Item = (&PartyId, &Located<ClaimedRole>)> {
    agreement.parties.iter().filter_map(|party| {
        let role = party.role.as_ref()?;
        // Commercial roles claim nothing under the GDPR.
        let gdpr = !matches!(role.value, ClaimedRole::Principal | ClaimedRole::Provider);
        gdpr.then_some((&party.party.value, role))
    })
}

/// Whether a derived role agrees with a claimed one.
pub fn claim_matches(claimed: ClaimedRole, derived: Role) -> bool {
    match claimed {
        ClaimedRole::Controller | ClaimedRole::JointController => derived.is_controller(),
        // A contract with a processor that engages its own sub-processor calls
        // that party "processor" from its own side; both are processing roles.
        ClaimedRole::Processor | ClaimedRole::SubProcessor => !derived.is_controller(),
        ClaimedRole::Principal | ClaimedRole::Provider => true,
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::load::load_texts;

    #[test]
    fn the_roles_shown_as_derived_are_the_roles_indexed_in_their_order() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("models/1177");
        let loaded = crate::load::load_path(&path, &crate::reference::Reference::builtin()).unwrap();
        let graph = Graph::build(&loaded.model);
        let mut shown: Vec<Assignment> = Vec::new();
        let mut lists = 0;
        let roles = derive_seeing(&graph, |derived| {
            shown = derived.assignments().cloned().collect();
            lists = derived.lists().count();
        });
        assert!(roles.assignments().len() > 5 && lists >= 1, "{} roles in {lists} lists", roles.assignments().len());
        assert_eq!(shown, roles.assignments());
    }

    #[test]
    fn a_partys_roles_are_those_naming_it_in_order_and_a_stranger_has_none() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("models/1177");
        let loaded = crate::load::load_path(&path, &crate::reference::Reference::builtin()).unwrap();
        let roles = derive(&Graph::build(&loaded.model));
        let mut seen = 0;
        for party in loaded.model.parties.keys() {
            let expected: Vec<&Assignment> = roles.assignments().iter().filter(|a| &a.party == party).collect();
            assert_eq!(roles.of_party(party).collect::<Vec<_>>(), expected, "{party}");
            seen += expected.len();
        }
        assert_eq!(seen, roles.assignments().len());
        assert_eq!(roles.of_party(&PartyId::new("nobody-at-all")).count(), 0);
    }

    #[test]
    fn a_role_index_is_its_place_in_all() {
        for (i, role) in Role::ALL.into_iter().enumerate() {
            assert_eq!(role.index(), i, "{role:?}");
        }
    }
    use crate::reference::Reference;

    fn derive_text(yaml: &str) -> Roles {
        let loaded = load_texts(vec![(PathBuf::from("model.yaml"), yaml.to_owned())], &Reference::builtin())
            .unwrap_or_else(|invalid| panic!("{:#?}", invalid.diagnostics));
        derive(&Graph::build(&loaded.model))
    }

    fn summary(roles: &Roles) -> Vec<String> {
        roles
            .assignments
            .iter()
            .map(|a| match &a.on_behalf_of {
                Some(principal) => format!("{} {} for {principal}", a.party, a.role.as_str()),
                None => format!("{} {}", a.party, a.role.as_str()),
            })
            .collect()
    }

    const PARTIES: &str = "parties:
  - { id: clinic, name: Clinic, kind: care_provider, country: SE }
  - { id: vendor, name: Vendor, kind: tech_vendor, country: SE }
  - { id: hosting, name: Hosting, kind: tech_vendor, country: SE }
";

    #[test]
    fn claims_match_by_kind_of_role() {
        for claimed in [ClaimedRole::Controller, ClaimedRole::JointController] {
            assert!(claim_matches(claimed, Role::Controller));
            assert!(claim_matches(claimed, Role::JointController));
            assert!(!claim_matches(claimed, Role::Processor));
            assert!(!claim_matches(claimed, Role::SubProcessor));
        }
        for claimed in [ClaimedRole::Processor, ClaimedRole::SubProcessor] {
            assert!(!claim_matches(claimed, Role::Controller));
            assert!(!claim_matches(claimed, Role::JointController));
            assert!(claim_matches(claimed, Role::Processor));
            assert!(claim_matches(claimed, Role::SubProcessor));
        }
    }

    #[test]
    fn a_controller_said_to_act_for_another_stays_a_controller() {
        let roles = derive_text(&format!(
            "{PARTIES}processing:
  - id: care
    name: Care
    purposes_decided_by: [clinic, vendor]
    performers:
      - {{ party: vendor, on_behalf_of: clinic }}
"
        ));
        assert_eq!(summary(&roles), ["clinic joint_controller", "vendor joint_controller"]);
        let vendor = &roles.of(&PartyId::new("vendor"), &ActivityId::new("care"))[0];
        assert!(vendor.reasons().any(|r| r.provisions.contains(&law::ART_28_10)), "{vendor:#?}");
        assert!(
            vendor.reasons().any(|r| crate::render::message(&r.message, crate::render::Lang::En)
                .starts_with("`clinic` also determines ")),
            "{vendor:#?}"
        );
        assert!(roles.gaps.is_empty());
    }

    #[test]
    fn whoever_acts_for_a_controller_of_its_own_purposes_is_its_processor() {
        let roles = derive_text(&format!(
            "{PARTIES}processing:
  - id: care
    name: Care
    purposes_decided_by: [clinic]
    performers:
      - {{ party: clinic }}
      - {{ party: vendor, own_purposes: [benchmarking] }}
      - {{ party: hosting, on_behalf_of: vendor }}
"
        ));
        assert_eq!(summary(&roles), ["clinic controller", "hosting processor for vendor", "vendor controller"]);
        assert_eq!(roles.controllers(&ActivityId::new("care")).collect::<Vec<_>>(), [&PartyId::new("clinic")]);
        assert!(roles.gaps.is_empty(), "{:#?}", roles.gaps);
    }

    #[test]
    fn own_purposes_in_several_entries_make_one_role() {
        let roles = derive_text(&format!(
            "{PARTIES}processing:
  - id: care
    name: Care
    purposes_decided_by: [clinic]
    performers:
      - {{ party: vendor, on_behalf_of: clinic, own_purposes: [analytics] }}
      - {{ party: vendor, on_behalf_of: clinic, own_purposes: [training] }}
"
        ));
        assert_eq!(summary(&roles), ["clinic controller", "vendor controller", "vendor processor for clinic"]);
        assert_eq!(roles.assignments[1].own_purposes().collect::<Vec<_>>(), ["analytics", "training"]);
    }

    #[test]
    fn the_chain_stops_at_the_first_controller() {
        // The clinic is said to act for the vendor, but it is the controller:
        // its processor's chain ends with it.
        let roles = derive_text(&format!(
            "{PARTIES}processing:
  - id: care
    name: Care
    purposes_decided_by: [clinic]
    performers:
      - {{ party: clinic, on_behalf_of: vendor }}
      - {{ party: hosting, on_behalf_of: clinic }}
"
        ));
        let hosting = &roles.of(&PartyId::new("hosting"), &ActivityId::new("care"))[0];
        assert_eq!(hosting.role, Role::Processor);
        assert_eq!(*hosting.chain, [PartyId::new("clinic")]);
    }
}
