//! What a change to a model does: roles that shift, findings introduced or
//! resolved, processing that moves to or from third countries, changed
//! notification duties, obligations that appear or disappear, and the entities
//! added, removed or changed field by field.
//!
//! Both sides are analysed in full, as of the same date, one after the other
//! (the old side reduced to what is compared before the new side is analysed,
//! and the new side compared with it part by part as each part is derived,
//! `compare_with_new`), and compared by meaning,
//! never by line or wording: findings match by their fingerprint (rule code and
//! subjects, [`crate::finding::Finding::fingerprint`]); entities by
//! id; list items by their natural key (a performer by its party and principal).
//! Moving YAML between files, reordering entries or reformatting changes nothing.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value;

use crate::Analysis;
use crate::finding::Fingerprint;
use crate::model::{ActivityId, Model, PartyId};
use crate::obligations::Kind;
use crate::obligations::abroad::{ProcessingAbroad, processing_abroad};
use crate::obligations::notification::{NotificationDuty, duties_of_roles, notification_duties};
use crate::reference::Reference;
use crate::render::Lang;
use crate::roles::{Assignment, Role};
use crate::rules::{Finding, Severity};

/// One side of a comparison: a loaded model.
pub struct Side<'a> {
    /// The model.
    pub model: &'a Model,
    /// Its source files, for locations.
    pub sources: &'a crate::source::SourceMap,
}

/// A role as held, for comparison.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct HeldRole {
    /// The role.
    pub role: Role,
    /// The party it acts for.
    pub on_behalf_of: Option<PartyId>,
    /// For a controller under Art. 28(10), the purposes of its own, sorted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub own_purposes: Vec<String>,
    /// The reasons, as text.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<String>,
}

/// How a party's roles in one activity changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RoleChange {
    /// The party.
    pub party: PartyId,
    /// The activity.
    pub activity: ActivityId,
    /// `gained`, `lost` or `changed`.
    pub change: &'static str,
    /// Roles before (empty when gained).
    pub old: Vec<HeldRole>,
    /// Roles after (empty when lost).
    pub new: Vec<HeldRole>,
}

/// A finding, as compared.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct FindingSummary {
    /// Severity.
    pub severity: Severity,
    /// Rule code.
    pub code: &'static str,
    /// The finding's fingerprint, by which the two sides are matched.
    pub fingerprint: Fingerprint,
    /// Party.
    pub party: Option<PartyId>,
    /// Activity.
    pub activity: Option<ActivityId>,
    /// Message, rendered in the language of the diff.
    pub message: String,
    /// Whether an accepted risk covers it.
    pub accepted: bool,
    /// Where it shows, on its side.
    pub location: String,
}

/// A change in third-country processing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AbroadChange {
    /// `added`, `removed` or `changed`.
    pub change: &'static str,
    /// Before.
    pub old: Option<ProcessingAbroad>,
    /// After.
    pub new: Option<ProcessingAbroad>,
}

/// One obligation of one party in one activity, as compared: an obligation
/// that applies to an activity more or less is one that appears or disappears.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct ObligationItem {
    /// The party it binds.
    pub party: PartyId,
    /// The activity it applies to.
    pub activity: ActivityId,
    /// What it requires.
    pub kind: crate::obligations::Kind,
    /// The provisions it rests on.
    pub provisions: &'static [&'static str],
}

/// A change to one field of an entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// The field's path, e.g. `performers[medicall→medhelp].location`.
    pub field: String,
    /// Before; `None` when the field was not set.
    pub old: Option<String>,
    /// After; `None` when the field is no longer set.
    pub new: Option<String>,
}

/// An entity added, removed or changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntityChange {
    /// The section: `parties`, `data`, `systems`, `processing`, `agreements`, `incidents`, `accepted_risks`.
    pub section: &'static str,
    /// The entity's id.
    pub id: String,
    /// `added`, `removed` or `changed`.
    pub change: &'static str,
    /// The changed fields (for `changed`).
    pub fields: Vec<FieldChange>,
}

/// Everything a change does.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ModelDiff {
    /// Roles gained, lost or changed, by party and activity.
    pub roles: Vec<RoleChange>,
    /// Findings the change introduces.
    pub findings_introduced: Vec<FindingSummary>,
    /// Findings the change resolves.
    pub findings_resolved: Vec<FindingSummary>,
    /// Findings an accepted risk now covers that it did not before.
    pub acceptances_started: Vec<FindingSummary>,
    /// Findings an accepted risk covered before and no longer does.
    pub acceptances_stopped: Vec<FindingSummary>,
    /// Processing in third countries added, removed, or with changed tools.
    pub abroad: Vec<AbroadChange>,
    /// Notification duties that appear.
    pub duties_added: Vec<NotificationDuty>,
    /// Notification duties that disappear.
    pub duties_removed: Vec<NotificationDuty>,
    /// Obligations that appear, by party, activity and kind.
    pub obligations_added: Vec<ObligationItem>,
    /// Obligations that disappear.
    pub obligations_removed: Vec<ObligationItem>,
    /// Entities added, removed and changed.
    pub entities: Vec<EntityChange>,
}

impl ModelDiff {
    /// Whether the change does nothing at all.
    pub fn is_empty(&self) -> bool {
        self.roles.is_empty()
            && self.findings_introduced.is_empty()
            && self.findings_resolved.is_empty()
            && self.acceptances_started.is_empty()
            && self.acceptances_stopped.is_empty()
            && self.abroad.is_empty()
            && self.duties_added.is_empty()
            && self.duties_removed.is_empty()
            && self.obligations_added.is_empty()
            && self.obligations_removed.is_empty()
            && self.entities.is_empty()
    }

    /// Whether the change introduces an unaccepted finding at or above `threshold`.
    pub fn introduces(&self, threshold: Severity) -> bool {
        self.findings_introduced.iter().any(|f| !f.accepted && f.severity >= threshold)
    }
}

/// Compares two models as of the same date.
pub fn diff(old: &Side<'_>, new: &Side<'_>, reference: &Reference, as_of: jiff::civil::Date) -> ModelDiff {
    diff_in(old, new, reference, as_of, Lang::En)
}

/// [`diff`], with finding messages and role reasons rendered in `lang`; what
/// is compared (fingerprints, roles, facts) is the same in every language.
pub fn diff_in(
    old: &Side<'_>,
    new: &Side<'_>,
    reference: &Reference,
    as_of: jiff::civil::Date,
    lang: Lang,
) -> ModelDiff {
    diff_scoped_in(old, new, reference, as_of, &[], lang)
}

/// Compares two models as of the same date, keeping only what lies in the
/// scope of `seeds` on either side (`--scope`; see [`crate::scope`]).
pub fn diff_scoped(
    old: &Side<'_>,
    new: &Side<'_>,
    reference: &Reference,
    as_of: jiff::civil::Date,
    seeds: &[PartyId],
) -> ModelDiff {
    diff_scoped_in(old, new, reference, as_of, seeds, Lang::En)
}

/// [`diff_scoped`], with finding messages and role reasons rendered in `lang`;
/// no scope when `seeds` is empty.
pub fn diff_scoped_in(
    old: &Side<'_>,
    new: &Side<'_>,
    reference: &Reference,
    as_of: jiff::civil::Date,
    seeds: &[PartyId],
    lang: Lang,
) -> ModelDiff {
    let old = (old.model, old.sources);
    compare_sides(old, new, &Settings { reference, as_of, seeds, lang })
}

/// [`diff_scoped_in`], taking the old side's model and dropping it as soon
/// as it has been compared and summarised, before the new side is analysed:
/// `diff` then holds one model and one analysis at a time besides the new
/// model. The result is the same.
pub fn diff_taking_old(
    old: Model,
    old_sources: &crate::source::SourceMap,
    new: &Side<'_>,
    reference: &Reference,
    as_of: jiff::civil::Date,
    seeds: &[PartyId],
    lang: Lang,
) -> ModelDiff {
    compare_sides((old, old_sources), new, &Settings { reference, as_of, seeds, lang })
}

/// What a comparison is made with, the same for both sides.
struct Settings<'a> {
    reference: &'a Reference,
    as_of: jiff::civil::Date,
    seeds: &'a [PartyId],
    lang: Lang,
}

/// Compares the entities of both sides, then analyses and summarises the old
/// side ([`Summary`]), dropping its model (when owned) and its analysis, and
/// compares the new side with it part by part ([`compare_with_new`]).
fn compare_sides<M: std::borrow::Borrow<Model>>(
    (old_model, old_sources): (M, &crate::source::SourceMap),
    new: &Side<'_>,
    settings: &Settings<'_>,
) -> ModelDiff {
    let Settings { reference, as_of, seeds, .. } = *settings;
    let model = old_model.borrow();
    // The entities compared on one core while the old side is analysed on
    // every core: the analysis leaves a core idle now and then, and the
    // comparison, one thread's work, then costs little time of its own.
    let (entities, old) =
        crate::par::join(|| compare_entities(model, new.model), || Summary::new(model, reference, as_of, seeds));
    drop(old_model);
    compare_with_new(old, old_sources, new, settings, entities)
}

/// One obligation of a party in one activity, without the party: what is compared.
type Item = crate::obligations::party::Item;

/// One obligation of a party with the activities it applies to: what a
/// summary keeps, a fifth of the memory of its items.
type ItemGroup = crate::obligations::ItemGroup;

/// What a comparison reads of the old side's analysis, drawn up while the
/// analysis is held and kept once it is dropped (its graph above all), so
/// that a `diff` holds one side's analysis at a time: the findings, the
/// roles, the duties to notify, the processing abroad, every party's
/// obligations as groups of items, and, under `--scope`, the side's scope.
/// The new side is compared with it part by part ([`compare_with_new`]).
struct Summary {
    /// Every finding, sorted, with accepted risks applied, as compared.
    findings: Vec<KeptFinding>,
    /// The derived roles, sorted by activity, party, role and principal.
    roles: Vec<Assignment>,
    /// The duties to notify a breach, sorted, without repeats.
    duties: Vec<NotificationDuty>,
    /// Processing in third countries.
    abroad: Vec<ProcessingAbroad>,
    /// Each party's obligations, each with the activities it applies to, in
    /// the order they are derived in (made items and sorted only where the
    /// sides differ, [`compare_obligations`]); parties without any are left
    /// out.
    obligations: KeptObligations,
    /// The side's scope, when the comparison is scoped.
    scoped: Option<crate::scope::Scoped>,
}

impl Summary {
    /// Analyses `model` as of `as_of` and keeps what a comparison reads, with
    /// the model's scope of `seeds` when there are any; the analysis is
    /// dropped before this returns.
    fn new(model: &Model, reference: &Reference, as_of: jiff::civil::Date, seeds: &[PartyId]) -> Self {
        let analysis = Analysis::new(model, reference, as_of);
        // One after the other, not beside the items (`par::join`): that was
        // about 0.2 s faster on national, but its peak was higher in most
        // runs (docs/performance.md, session 11).
        let duties = exact(notification_duties(&analysis.graph, &analysis.roles));
        let abroad = exact(processing_abroad(model, &analysis.graph, reference, as_of));
        let obligations = obligation_groups(&analysis);
        let Analysis { roles, findings, graph, .. } = analysis;
        drop(graph);
        let scoped = (!seeds.is_empty()).then(|| crate::scope::Scoped::new(model, seeds, &findings));
        // Their fingerprints made on every core, a batch at a time: a
        // hash of each finding's subjects, the most of a kept finding's cost.
        let batches: Vec<&[Finding]> = findings.chunks(4096).collect();
        let fingerprints =
            crate::par::map(&batches, |batch| batch.iter().map(Finding::fingerprint).collect::<Vec<_>>());
        let fingerprints = fingerprints.into_iter().flatten();
        // Into a list of their own size: collected in place, they would keep
        // the findings' larger block.
        let mut kept = Vec::with_capacity(findings.len());
        kept.extend(findings.into_iter().zip(fingerprints).map(|(finding, print)| KeptFinding::new(finding, print)));
        let findings = kept;
        // The assignments only: comparing reads nothing else of the roles,
        // and their indexes by party and activity are some 7 MB on national.
        let roles = roles.into_assignments();
        Self { findings, roles, duties, abroad, obligations, scoped }
    }
}

/// Each party's obligations, as groups of items, on every core, each
/// party's kept as soon as it is derived; parties without any are left out.
fn obligation_groups(analysis: &Analysis<'_>) -> KeptObligations {
    let parties: Vec<&PartyId> = analysis.model().parties.keys().collect();
    KeptObligations::new(crate::par::map(&parties, |&party| {
        (party.clone(), KeptGroups::new(crate::obligations::obligation_items(analysis, party)))
    }))
}

/// Every party's obligation groups as a comparison keeps them
/// ([`KeptGroups`]), by party id; parties without any are left out. The old
/// side's (285 639 groups on national, 2.3 million activities) are kept
/// while the new side is analysed, at `diff`'s high point of memory.
struct KeptObligations {
    parties: Vec<(PartyId, KeptGroups)>,
}

impl KeptObligations {
    /// The parties' groups, sorted by party should they not be already.
    fn new(mut parties: Vec<(PartyId, KeptGroups)>) -> Self {
        parties.retain(|(_, groups)| !groups.groups.is_empty());
        if !parties.is_sorted_by(|a, b| a.0 <= b.0) {
            parties.sort_by(|a, b| a.0.cmp(&b.0));
        }
        Self { parties }
    }

    /// The parties with obligations, by id.
    fn parties(&self) -> impl Iterator<Item = &PartyId> {
        self.parties.iter().map(|(party, _)| party)
    }

    /// The groups of `party`, in order; none for a party without
    /// obligations.
    fn of(&self, party: &PartyId) -> impl ExactSizeIterator<Item = KeptGroup<'_>> {
        let found = self.parties.binary_search_by(|(kept, _)| kept.cmp(party)).ok();
        let kept = found.and_then(|at| self.parties.get(at)).map(|(_, groups)| groups);
        let (groups, activities) = kept.map_or((&[][..], &[][..]), |kept| (&kept.groups[..], &kept.activities[..]));
        groups.iter().enumerate().map(move |(at, &(provisions, end, kind))| {
            let start = at.checked_sub(1).and_then(|before| groups.get(before)).map_or(0, |g| g.1 as usize);
            KeptGroup { kind, provisions, activities: activities.get(start..end as usize).unwrap_or(&[]) }
        })
    }
}

/// One party's obligation groups ([`ItemGroup`]) laid end to end: each
/// group's provisions, kind and where its activities end, and every group's
/// activities in one list, rather than a block of 40 bytes and one of
/// activities per group.
struct KeptGroups {
    /// Each group: its provisions, where its activities end in
    /// `activities`, and what it requires.
    groups: Box<[(&'static [&'static str], u32, Kind)]>,
    /// Every group's activities, group after group.
    activities: Box<[ActivityId]>,
}

impl KeptGroups {
    /// The groups, in order.
    fn new(groups: Vec<ItemGroup>) -> Self {
        let mut activities = Vec::with_capacity(groups.iter().map(|group| group.activities.len()).sum());
        // Positions are `u32`: four billion activities would not fit in
        // memory; they saturate all the same.
        let end = |length: usize| u32::try_from(length).unwrap_or(u32::MAX);
        // A list of its own, not collected in place into the groups' larger
        // block, which the allocator would keep whole.
        let mut kept = Vec::with_capacity(groups.len());
        for group in groups {
            activities.extend_from_slice(&group.activities);
            kept.push((group.provisions, end(activities.len()), group.kind));
        }
        Self { groups: kept.into(), activities: activities.into() }
    }
}

/// One obligation group as kept: what it requires, its provisions, its
/// activities.
#[derive(Clone, Copy)]
struct KeptGroup<'a> {
    kind: Kind,
    provisions: &'static [&'static str],
    activities: &'a [ActivityId],
}

/// `items` moved into a list with no room to spare: a summary's lists are
/// kept while the other side is analysed, at `diff`'s high point of memory.
/// Not `shrink_to_fit`, which may leave the block as it is (the allocator
/// keeps a block that shrinks by less than half).
fn exact<T>(mut items: Vec<T>) -> Vec<T> {
    let mut exact = Vec::with_capacity(items.len());
    exact.append(&mut items);
    exact
}

/// What changed from the summarised old side to the new side, the entities
/// compared already; kept to what lies in the sides' scopes when both have
/// one.
///
/// The new side is analysed and each part compared as soon as it can be
/// drawn up, the old side's part let go once compared: the roles, and the
/// duties to notify and the processing abroad that follow from them and the
/// graph alone, as soon as the roles are derived, before they are indexed
/// and the rules run; the findings before the obligations are derived.
/// `diff` then never holds both sides' analyses whole: on a national model
/// the old side's roles and findings alone are some 70 MB (issue 19).
fn compare_with_new(
    old: Summary,
    old_sources: &crate::source::SourceMap,
    new: &Side<'_>,
    settings: &Settings<'_>,
    entities: Vec<EntityChange>,
) -> ModelDiff {
    let Settings { reference, as_of, seeds, lang } = *settings;
    let Summary {
        findings: old_findings,
        roles: old_roles,
        duties: old_duties,
        abroad: old_abroad,
        obligations,
        scoped,
    } = old;
    let (mut roles, mut duties, mut abroad) = (Vec::new(), (Vec::new(), Vec::new()), Vec::new());
    let analysis = Analysis::new_seeing_roles(new.model, reference, as_of, |graph, new_roles| {
        roles = compare_roles(&old_roles, new_roles.assignments(), lang);
        drop(old_roles);
        duties = compare_duties(&old_duties, &duties_of_roles(graph, new_roles.lists()));
        drop(old_duties);
        abroad = compare_abroad(old_abroad, processing_abroad(new.model, graph, reference, as_of));
    });
    let (duties_added, duties_removed) = duties;
    let (findings_introduced, findings_resolved, acceptances_started, acceptances_stopped) =
        compare_findings_from(old_sources, &old_findings, new.sources, &analysis.findings, lang);
    drop(old_findings);
    let new_scoped = (!seeds.is_empty()).then(|| crate::scope::Scoped::new(new.model, seeds, &analysis.findings));
    let (obligations_added, obligations_removed) = compare_obligations(&obligations, &obligation_groups(&analysis));
    let mut changes = ModelDiff {
        roles,
        findings_introduced,
        findings_resolved,
        acceptances_started,
        acceptances_stopped,
        abroad,
        duties_added,
        duties_removed,
        obligations_added,
        obligations_removed,
        entities,
    };
    if let (Some(old_scope), Some(new_scope)) = (&scoped, &new_scoped) {
        crate::scope::retain_changes(&mut changes, [old_scope, new_scope]);
    }
    changes
}

/// Notification duties that appear and that disappear, in their order; two
/// sorted lists that are the same, the usual case, are settled by one pass.
fn compare_duties(
    old: &[NotificationDuty],
    new: &[NotificationDuty],
) -> (Vec<NotificationDuty>, Vec<NotificationDuty>) {
    if old == new {
        return (Vec::new(), Vec::new());
    }
    let (added, removed) = set_changes(old, new);
    (added.into_iter().cloned().collect(), removed.into_iter().cloned().collect())
}

/// What is in `after` and not in `before`, and what is in `before` and not
/// in `after`, each sorted, repeats counted once.
fn set_changes<'t, T: Ord>(before: &'t [T], after: &'t [T]) -> (Vec<&'t T>, Vec<&'t T>) {
    let (before, after): (BTreeSet<&T>, BTreeSet<&T>) = (before.iter().collect(), after.iter().collect());
    (after.difference(&before).copied().collect(), before.difference(&after).copied().collect())
}

/// Obligations that appear and that disappear, by party, activity and kind:
/// the set difference of every item of both sides, items sorted by party
/// first, then by the rest. Only a party whose items differ, in the order
/// they are derived in, is looked at further: the same model derives the
/// same items in the same order, so the common case sorts nothing, and
/// items merely reordered make no difference once sorted.
fn compare_obligations(old: &KeptObligations, new: &KeptObligations) -> (Vec<ObligationItem>, Vec<ObligationItem>) {
    let parties: BTreeSet<&PartyId> = old.parties().chain(new.parties()).collect();
    let (mut added, mut removed) = (Vec::new(), Vec::new());
    for party in parties {
        if same_groups(old.of(party), new.of(party)) {
            continue;
        }
        let items = |groups: &KeptObligations| {
            (groups.of(party))
                .flat_map(|group| {
                    group.activities.iter().map(move |activity| (activity.clone(), group.kind, group.provisions))
                })
                .collect::<Vec<Item>>()
        };
        let (before, after) = (items(old), items(new));
        if same_items(&before, &after) {
            continue;
        }
        let item = |(activity, kind, provisions): &Item| ObligationItem {
            party: party.clone(),
            activity: activity.clone(),
            kind: *kind,
            provisions,
        };
        let (appear, disappear) = set_changes(&before, &after);
        added.extend(appear.into_iter().map(item));
        removed.extend(disappear.into_iter().map(item));
    }
    (added, removed)
}

/// Whether two lists of obligations are the same, obligation by obligation,
/// each with the same activities: then their items are the same too. Lists
/// that differ may still give the same items (an obligation split in two),
/// which [`same_items`] tells.
fn same_groups<'a>(
    before: impl ExactSizeIterator<Item = KeptGroup<'a>>,
    after: impl ExactSizeIterator<Item = KeptGroup<'a>>,
) -> bool {
    before.len() == after.len()
        && before.zip(after).all(|(b, a)| {
            b.kind == a.kind && same_provisions(b.provisions, a.provisions) && b.activities == a.activities
        })
}

/// Whether two lists of items are the same, item by item.
fn same_items(before: &[Item], after: &[Item]) -> bool {
    before.len() == after.len()
        && before.iter().zip(after).all(|(b, a)| b.1 == a.1 && same_provisions(b.2, a.2) && b.0 == a.0)
}

/// Whether two lists of provisions are the same, by address first: each is
/// one static list of the derivation, so on both sides the same one is the
/// same address, and only a different address needs its texts compared.
fn same_provisions(before: &'static [&'static str], after: &'static [&'static str]) -> bool {
    std::ptr::eq(before, after) || before == after
}

/// What role assignments are grouped and matched by: activity, then party.
fn run_key(assignment: &Assignment) -> (&ActivityId, &PartyId) {
    (&assignment.activity, &assignment.party)
}

/// The role assignments sorted by activity and party, as
/// [`crate::roles::Roles::assignments`] keeps them (sorted here should they
/// not be): each pair's roles are then one run.
fn by_key<'a>(assignments: impl IntoIterator<Item = &'a Assignment>) -> Vec<&'a Assignment> {
    let mut order: Vec<&Assignment> = assignments.into_iter().collect();
    if !order.is_sorted_by(|a, b| run_key(a) <= run_key(b)) {
        order.sort_by(|a, b| run_key(a).cmp(&run_key(b)));
    }
    order
}

/// The roles as held, sorted, their reasons rendered in `lang`.
fn held(assignments: &[&Assignment], lang: Lang) -> Vec<HeldRole> {
    let mut roles: Vec<HeldRole> = assignments
        .iter()
        .map(|a| {
            let mut own_purposes: Vec<String> = a.own_purposes().map(str::to_owned).collect();
            own_purposes.sort();
            HeldRole {
                role: a.role,
                on_behalf_of: a.on_behalf_of.clone(),
                own_purposes,
                reasons: a.reasons().map(|r| crate::render::message(&r.message, lang)).collect(),
            }
        })
        .collect();
    roles.sort();
    roles
}

/// What a party's roles in an activity are in substance: each role, whom it
/// acts for and its own purposes, sorted. Reasons are explanation, not
/// substance: a reworded reason is no change. Own purposes are substance: a
/// controller for its own purposes is not one that decides the activity's
/// purposes (Art. 28(10)).
fn substance<'a>(assignments: &[&'a Assignment]) -> Vec<(Role, Option<&'a PartyId>, Vec<&'a str>)> {
    let mut roles: Vec<_> = assignments
        .iter()
        .map(|a| {
            let mut own_purposes: Vec<&str> = a.own_purposes().collect();
            own_purposes.sort();
            (a.role, a.on_behalf_of.as_ref(), own_purposes)
        })
        .collect();
    roles.sort();
    roles
}

/// Whether two runs of assignments have the same substance ([`substance`]):
/// the same roles in the same order settle it without sorting anything.
fn same_substance(before: &[&Assignment], after: &[&Assignment]) -> bool {
    let pairwise = before.len() == after.len()
        && before.iter().zip(after).all(|(b, a)| {
            (b.role, &b.on_behalf_of) == (a.role, &a.on_behalf_of) && b.own_purposes().eq(a.own_purposes())
        });
    pairwise || substance(before) == substance(after)
}

/// Roles gained, lost or changed in substance, by party and activity. Both
/// sides' runs of roles, by activity and party, are walked side by side;
/// equal roles are compared without rendering their reasons, and only a
/// change's roles are rendered.
fn compare_roles<'a>(
    old: &'a [Assignment],
    new: impl IntoIterator<Item = &'a Assignment>,
    lang: Lang,
) -> Vec<RoleChange> {
    let (old, new) = (by_key(old), by_key(new));
    let same_run = |a: &&Assignment, b: &&Assignment| run_key(a) == run_key(b);
    let (mut old, mut new) = (old.chunk_by(same_run).peekable(), new.chunk_by(same_run).peekable());
    let mut changes = Vec::new();
    let mut push = |before: &[&Assignment], after: &[&Assignment]| {
        let change = match (before.is_empty(), after.is_empty()) {
            (true, _) => "gained",
            (_, true) => "lost",
            _ => "changed",
        };
        let first = before.first().or(after.first());
        if let Some(first) = first {
            changes.push(RoleChange {
                party: first.party.clone(),
                activity: first.activity.clone(),
                change,
                old: held(before, lang),
                new: held(after, lang),
            });
        }
    };
    loop {
        let order = match (old.peek(), new.peek()) {
            (None, None) => break,
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (Some(before), Some(after)) => before.first().map(|a| run_key(a)).cmp(&after.first().map(|a| run_key(a))),
        };
        match order {
            std::cmp::Ordering::Less => {
                if let Some(before) = old.next() {
                    push(before, &[]);
                }
            }
            std::cmp::Ordering::Greater => {
                if let Some(after) = new.next() {
                    push(&[], after);
                }
            }
            std::cmp::Ordering::Equal => {
                if let (Some(before), Some(after)) = (old.next(), new.next())
                    && !same_substance(before, after)
                {
                    push(before, after);
                }
            }
        }
    }
    // In party order, then activity, as a change list reads.
    changes.sort_by(|a, b| (&a.party, &a.activity).cmp(&(&b.party, &b.activity)));
    changes
}

/// Findings match by fingerprint (their rule and subjects, never their text)
/// and severity: a finding whose severity changes is resolved at the old one and
/// introduced at the new one, so that raising it fails `--fail-on`.
type FindingKey = (Fingerprint, Severity);

/// A finding as a comparison reads it: its key, whether an accepted risk
/// covers it, and its summary.
trait Compared {
    /// Its fingerprint and severity.
    fn key(&self) -> FindingKey;
    /// Whether an accepted risk covers it.
    fn is_accepted(&self) -> bool;
    /// Its summary, its place found in `sources`, its message in `lang`.
    fn summary(&self, sources: &crate::source::SourceMap, lang: Lang) -> FindingSummary;
}

impl Compared for Finding {
    fn key(&self) -> FindingKey {
        (self.fingerprint(), self.severity)
    }

    fn is_accepted(&self) -> bool {
        self.accepted.is_some()
    }

    fn summary(&self, sources: &crate::source::SourceMap, lang: Lang) -> FindingSummary {
        KeptFinding::from(self.clone()).summary(sources, lang)
    }
}

/// A finding reduced to what a comparison reads ([`Compared`]). The old
/// side's findings are kept so while the new side is analysed, at `diff`'s
/// high point of memory: without their subjects, labels, chains and
/// provisions they take about half the room (issue 19).
struct KeptFinding {
    fingerprint: Fingerprint,
    severity: Severity,
    code: &'static str,
    party: Option<PartyId>,
    activity: Option<ActivityId>,
    message: crate::finding::Message,
    accepted: bool,
    place: crate::source::Span,
}

impl From<Finding> for KeptFinding {
    fn from(finding: Finding) -> Self {
        let fingerprint = finding.fingerprint();
        Self::new(finding, fingerprint)
    }
}

impl KeptFinding {
    /// `finding` as kept, with its fingerprint made already.
    fn new(finding: Finding, fingerprint: Fingerprint) -> Self {
        Self {
            fingerprint,
            severity: finding.severity,
            code: finding.code,
            party: finding.party,
            activity: finding.activity,
            message: finding.message,
            accepted: finding.accepted.is_some(),
            place: finding.primary.span,
        }
    }
}

impl Compared for KeptFinding {
    fn key(&self) -> FindingKey {
        (self.fingerprint, self.severity)
    }

    fn is_accepted(&self) -> bool {
        self.accepted
    }

    fn summary(&self, sources: &crate::source::SourceMap, lang: Lang) -> FindingSummary {
        FindingSummary {
            severity: self.severity,
            code: self.code,
            fingerprint: self.fingerprint,
            party: self.party.clone(),
            activity: self.activity.clone(),
            message: crate::render::message(&self.message, lang),
            accepted: self.accepted,
            location: sources.location(self.place).to_string(),
        }
    }
}

/// Each finding's key with its place in `findings`, sorted by key and then
/// place: the findings of one key are one run, in their order. The keys are
/// made on every core, a batch of findings at a time.
fn keyed<F: Compared + Sync>(findings: &[F]) -> Vec<(FindingKey, usize)> {
    /// Findings per job: enough that a job outweighs taking it.
    const BATCH: usize = 4096;
    let batches: Vec<(usize, &[F])> =
        findings.chunks(BATCH).enumerate().map(|(number, batch)| (number * BATCH, batch)).collect();
    let mut keys: Vec<(FindingKey, usize)> = crate::par::map(&batches, |&(start, batch)| {
        batch.iter().enumerate().map(|(at, finding)| (finding.key(), start + at)).collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect();
    // Places are unique, so the order is the same however sorted.
    keys.sort_unstable();
    keys
}

/// Compares two sides' findings by fingerprint: those introduced, resolved, newly
/// accepted and no longer accepted, each list most serious first.
#[allow(clippy::type_complexity)]
pub fn compare_findings(
    old_side: &Side<'_>,
    old: &[Finding],
    new_side: &Side<'_>,
    new: &[Finding],
) -> (Vec<FindingSummary>, Vec<FindingSummary>, Vec<FindingSummary>, Vec<FindingSummary>) {
    compare_findings_in(old_side, old, new_side, new, Lang::En)
}

/// [`compare_findings`], the summaries' messages in `lang`.
#[allow(clippy::type_complexity)]
pub fn compare_findings_in(
    old_side: &Side<'_>,
    old: &[Finding],
    new_side: &Side<'_>,
    new: &[Finding],
    lang: Lang,
) -> (Vec<FindingSummary>, Vec<FindingSummary>, Vec<FindingSummary>, Vec<FindingSummary>) {
    compare_findings_from(old_side.sources, old, new_side.sources, new, lang)
}

/// [`compare_findings_in`], each side given by its sources alone.
#[allow(clippy::type_complexity)]
fn compare_findings_from(
    old_side: &crate::source::SourceMap,
    old: &[impl Compared + Sync],
    new_side: &crate::source::SourceMap,
    new: &[impl Compared + Sync],
    lang: Lang,
) -> (Vec<FindingSummary>, Vec<FindingSummary>, Vec<FindingSummary>, Vec<FindingSummary>) {
    let (old_keys, new_keys) = (keyed(old), keyed(new));
    let same_key = |a: &(FindingKey, usize), b: &(FindingKey, usize)| a.0 == b.0;
    let (mut old_runs, mut new_runs) = (old_keys.chunk_by(same_key).peekable(), new_keys.chunk_by(same_key).peekable());
    let (mut introduced, mut resolved, mut started, mut stopped) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    loop {
        // One key's findings on each side that has it, in their order there.
        let order = match (old_runs.peek(), new_runs.peek()) {
            (None, None) => break,
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (Some(before), Some(after)) => before[0].0.cmp(&after[0].0),
        };
        let before = if order.is_le() { old_runs.next().unwrap_or_default() } else { &[] };
        let after = if order.is_ge() { new_runs.next().unwrap_or_default() } else { &[] };
        for &(_, index) in after.iter().skip(before.len()) {
            introduced.push(new[index].summary(new_side, lang));
        }
        for (&(_, o), &(_, n)) in before.iter().zip(after) {
            match (old[o].is_accepted(), new[n].is_accepted()) {
                (false, true) => started.push(new[n].summary(new_side, lang)),
                (true, false) => stopped.push(new[n].summary(new_side, lang)),
                _ => {}
            }
        }
        for &(_, index) in before.iter().skip(after.len()) {
            resolved.push(old[index].summary(old_side, lang));
        }
    }
    for list in [&mut introduced, &mut resolved, &mut started, &mut stopped] {
        most_serious_first(list);
    }
    (introduced, resolved, started, stopped)
}

/// `list` sorted most serious first, then by party, activity, rule and
/// message; a stable sort, so findings alike in all of these keep their order.
fn most_serious_first(list: &mut [FindingSummary]) {
    list.sort_by(|a, b| {
        (std::cmp::Reverse(a.severity), &a.party, &a.activity, a.code, &a.message).cmp(&(
            std::cmp::Reverse(b.severity),
            &b.party,
            &b.activity,
            b.code,
            &b.message,
        ))
    });
}

/// Third-country processing added, removed or changed, by activity, party,
/// country and exporter; two sides with the same list, the usual case, are
/// settled by one pass, and only a change's processing is copied.
fn compare_abroad(old: Vec<ProcessingAbroad>, new: Vec<ProcessingAbroad>) -> Vec<AbroadChange> {
    if old == new {
        return Vec::new();
    }
    let index = |list: Vec<ProcessingAbroad>| {
        let mut map: BTreeMap<(ActivityId, PartyId, String, Option<PartyId>), ProcessingAbroad> = BTreeMap::new();
        for item in list {
            map.insert(
                (item.activity.clone(), item.party.clone(), item.country.to_string(), item.exporter.clone()),
                item,
            );
        }
        map
    };
    let (old, new) = (index(old), index(new));
    let keys: BTreeSet<_> = old.keys().chain(new.keys()).cloned().collect();
    let mut changes = Vec::new();
    for key in keys {
        let (before, after) = (old.get(&key), new.get(&key));
        let change = match (before, after) {
            (None, Some(_)) => "added",
            (Some(_), None) => "removed",
            (Some(b), Some(a)) if b != a => "changed",
            _ => continue,
        };
        changes.push(AbroadChange { change, old: before.cloned(), new: after.cloned() });
    }
    changes
}

/// The entities of two models, section by section, handed to `compare` with
/// each section's entities by id (references, nothing converted: an entity's
/// id is borrowed, and only an accepted risk's key is made up).
fn sections(old: &Model, new: &Model, changes: &mut Vec<EntityChange>) {
    fn risks(model: &Model) -> Vec<(Cow<'_, str>, &crate::model::AcceptedRisk)> {
        by_id(model.accepted_risks.iter().map(|r| {
            let party = r.party.as_ref().map(|p| p.value.to_string()).unwrap_or_else(|| "*".to_owned());
            let activity = r.activity.as_ref().map(|a| a.value.to_string()).unwrap_or_else(|| "*".to_owned());
            (Cow::Owned(format!("{}/{party}/{activity}", r.rule.value)), r)
        }))
    }
    macro_rules! section {
        ($name:literal, $field:ident) => {
            compare_section(
                $name,
                &by_id(old.$field.iter().map(|(k, v)| (Cow::Borrowed(k.as_str()), v))),
                &by_id(new.$field.iter().map(|(k, v)| (Cow::Borrowed(k.as_str()), v))),
                changes,
            )
        };
    }
    section!("parties", parties);
    section!("data", data);
    section!("systems", systems);
    section!("processing", activities);
    section!("agreements", agreements);
    section!("incidents", incidents);
    compare_section("accepted_risks", &risks(old), &risks(new), changes);
}

/// `items` sorted by key, a key given twice kept once with its last item
/// (as a map collected from them would). A model's entities come sorted by
/// id already, which one pass confirms.
fn by_id<'a, T>(items: impl Iterator<Item = (Cow<'a, str>, T)>) -> Vec<(Cow<'a, str>, T)> {
    let mut items: Vec<(Cow<'a, str>, T)> = items.collect();
    if !items.is_sorted_by(|a, b| a.0 < b.0) {
        items.sort_by(|a, b| a.0.cmp(&b.0));
        items.dedup_by(|later, earlier| {
            let same = later.0 == earlier.0;
            if same {
                std::mem::swap(later, earlier);
            }
            same
        });
    }
    items
}

/// Two lists sorted by key, merged: each key once, with its item on each
/// side that has it.
fn merged<'l, 'a, T>(
    before: &'l [(Cow<'a, str>, &'a T)],
    after: &'l [(Cow<'a, str>, &'a T)],
) -> Vec<(&'l str, Option<&'a T>, Option<&'a T>)> {
    let mut merged = Vec::with_capacity(before.len().max(after.len()));
    let (mut before, mut after) = (before.iter().peekable(), after.iter().peekable());
    loop {
        let item = match (before.peek().copied(), after.peek().copied()) {
            (None, None) => break,
            (Some(b), Some(a)) if b.0 == a.0 => {
                before.next();
                after.next();
                (&*b.0, Some(b.1), Some(a.1))
            }
            (Some(b), Some(a)) if b.0 > a.0 => {
                after.next();
                (&*a.0, None, Some(a.1))
            }
            (Some(b), _) => {
                before.next();
                (&*b.0, Some(b.1), None)
            }
            (None, Some(a)) => {
                after.next();
                (&*a.0, None, Some(a.1))
            }
        };
        merged.push(item);
    }
    merged
}

/// Compares one section's entities by id, a batch of ids at a time on every
/// core, the changes in id order. An entity both sides hold (built once from
/// a file they share) is unchanged without a look; one equal on both sides
/// as a typed value (places in the YAML included) is unchanged too; one whose serialised
/// form is the same bytes on both sides (moved in its file, say) is unchanged
/// too; only the others are turned into JSON values and flattened field by
/// field (reordered lists serialise differently yet are no change, so
/// neither test ever decides a change). One entity's bytes per side and
/// thread live at a time.
fn compare_section<T: Serialize + Sync + PartialEq>(
    section: &'static str,
    before: &[(Cow<'_, str>, &T)],
    after: &[(Cow<'_, str>, &T)],
    changes: &mut Vec<EntityChange>,
) {
    /// Ids per job: enough that a job outweighs taking it.
    const BATCH: usize = 256;
    let pairs = merged(before, after);
    let batches: Vec<_> = pairs.chunks(BATCH).collect();
    let found = crate::par::map(&batches, |batch| {
        let (mut old_bytes, mut new_bytes) = (Vec::new(), Vec::new());
        let mut found = Vec::new();
        for &(id, before, after) in *batch {
            let (change, fields) = match (before, after) {
                (None, Some(_)) => ("added", Vec::new()),
                (Some(_), None) => ("removed", Vec::new()),
                // The very same entity (built once for both sides from a
                // file they share, `load::load_pair`) is not read at all.
                (Some(b), Some(a)) if std::ptr::eq(b, a) || b == a => continue,
                (Some(b), Some(a)) => {
                    old_bytes.clear();
                    new_bytes.clear();
                    let same = serde_json::to_writer(&mut old_bytes, b).is_ok()
                        && serde_json::to_writer(&mut new_bytes, a).is_ok()
                        && old_bytes == new_bytes;
                    if same {
                        continue;
                    }
                    let value = |item: &T| serde_json::to_value(item).unwrap_or(Value::Null);
                    let fields = compare_values(&value(b), &value(a));
                    if fields.is_empty() {
                        continue;
                    }
                    ("changed", fields)
                }
                (None, None) => continue,
            };
            found.push(EntityChange { section, id: id.to_owned(), change, fields });
        }
        found
    });
    changes.extend(found.into_iter().flatten());
}

fn compare_entities(old: &Model, new: &Model) -> Vec<EntityChange> {
    let mut changes = Vec::new();
    sections(old, new, &mut changes);
    changes
}

/// Flattens a JSON value into `path → text` pairs; lists of objects are keyed by
/// their natural key so that reordering them changes nothing.
fn flatten(prefix: &str, value: &Value, out: &mut BTreeMap<String, String>) {
    match value {
        Value::Null => {}
        Value::Object(map) => {
            for (field, inner) in map {
                let path = if prefix.is_empty() { field.clone() } else { format!("{prefix}.{field}") };
                flatten(&path, inner, out);
            }
        }
        // An empty list is recorded, not skipped: `informs_subjects: []` (nobody
        // informs), `residency: []` (nowhere allowed) and `terms: []` (no terms)
        // differ in law from the field left out (unknown, or no restriction).
        Value::Array(items) if items.iter().all(|i| !i.is_object()) => {
            let mut texts: Vec<String> = items.iter().map(scalar).collect();
            texts.sort();
            out.insert(
                prefix.to_owned(),
                if texts.is_empty() { EMPTY.to_owned() } else { format!("[{}]", texts.join(", ")) },
            );
        }
        Value::Array(items) => {
            let mut seen: BTreeMap<String, usize> = BTreeMap::new();
            for item in items {
                let key = natural_key(item);
                let count = seen.entry(key.clone()).or_default();
                *count += 1;
                // A party may perform two parts of one activity for the same principal.
                let key = if *count > 1 { format!("{key} #{count}") } else { key };
                let path = format!("{prefix}[{key}]");
                out.insert(path.clone(), ITEM.to_owned());
                flatten(&path, item, out);
            }
        }
        other => {
            out.insert(prefix.to_owned(), scalar(other));
        }
    }
}

fn scalar(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// The key that identifies an item of a list: a performer by party and principal,
/// an agreement party by its party, a notification by sender and recipient.
fn natural_key(item: &Value) -> String {
    // A field set to null is a field not set: own staff have no principal.
    let field = |name: &str| item.get(name).filter(|v| !v.is_null()).map(scalar);
    match (field("party"), field("on_behalf_of"), field("from"), field("to"), field("scheme")) {
        (Some(party), principal, ..) => {
            let mut key = party;
            if let Some(principal) = principal {
                key = format!("{key}→{principal}");
            }
            key
        }
        (None, _, Some(from), Some(to), _) => format!("{from}→{to}"),
        (None, _, _, _, Some(scheme)) => scheme,
        _ => item.to_string(),
    }
}

/// The value recorded for a list item itself, so that a whole item added or
/// removed shows as one change rather than one per field.
const ITEM: &str = "(item)";

/// The value recorded for an empty list.
const EMPTY: &str = "[]";

/// What a [`FieldChange`] shows for a list item that exists on its side.
pub const PRESENT: &str = "present";

fn compare_values(old: &Value, new: &Value) -> Vec<FieldChange> {
    let (mut before, mut after) = (BTreeMap::new(), BTreeMap::new());
    flatten("", old, &mut before);
    flatten("", new, &mut after);
    let fields: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    let mut changes: Vec<FieldChange> = Vec::new();
    let mut whole_items: Vec<String> = Vec::new();
    // A list of items that goes from empty to not empty shows as its items added,
    // not also as `[]` becoming unset (and the reverse).
    let has_items = |side: &BTreeMap<String, String>, field: &str| {
        side.range(format!("{field}[")..).next().is_some_and(|(path, _)| path.starts_with(&format!("{field}[")))
    };
    for field in fields {
        let (old, new) = (before.get(field), after.get(field));
        let emptied = match (old.map(String::as_str), new.map(String::as_str)) {
            (Some(EMPTY), None) => has_items(&after, field),
            (None, Some(EMPTY)) => has_items(&before, field),
            _ => false,
        };
        if old == new
            || emptied
            || whole_items
                .iter()
                .any(|item| field.strip_prefix(item.as_str()).is_some_and(|rest| rest.starts_with(['.', '['])))
        {
            continue;
        }
        let is_item = old.is_some_and(|v| v == ITEM) || new.is_some_and(|v| v == ITEM);
        if is_item {
            whole_items.push(field.clone());
            let describe = |value: Option<&String>| value.map(|_| PRESENT.to_owned());
            changes.push(FieldChange { field: field.clone(), old: describe(old), new: describe(new) });
        } else {
            changes.push(FieldChange { field: field.clone(), old: old.cloned(), new: new.cloned() });
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn entities_are_paired_by_id_in_id_order_the_last_of_a_repeated_key_kept() {
        let (one, two, three, four) = (1, 2, 3, 4);
        let key = |k: &'static str| Cow::Borrowed(k);
        let before = by_id([(key("b"), &one), (key("a"), &two), (key("b"), &three)].into_iter());
        assert_eq!(before, [(key("a"), &two), (key("b"), &three)]);
        let after = by_id([(key("b"), &four), (key("c"), &one)].into_iter());
        let pairs = merged(&before, &after);
        assert_eq!(pairs, [("a", Some(&two), None), ("b", Some(&three), Some(&four)), ("c", None, Some(&one))]);
    }

    #[test]
    fn obligations_are_compared_by_their_items_however_they_are_grouped() {
        use crate::obligations::Kind;
        const ART_24: &[&str] = &["Art. 24"];
        const ART_13: &[&str] = &["Art. 13"];
        let group = |kind, provisions, activities: &[&str]| ItemGroup {
            kind,
            provisions,
            activities: activities.iter().map(ActivityId::new).collect(),
        };
        let side =
            |groups: Vec<ItemGroup>| KeptObligations::new(vec![(PartyId::new("region"), KeptGroups::new(groups))]);
        let old = side(vec![group(Kind::Accountability, ART_24, &["a", "b"])]);
        // The same items, split in two: no change.
        let split =
            side(vec![group(Kind::Accountability, ART_24, &["a"]), group(Kind::Accountability, ART_24, &["b"])]);
        assert_eq!(compare_obligations(&old, &split), (Vec::new(), Vec::new()));
        // One activity more, one kind more: each item that appears, none gone.
        let more = side(vec![
            group(Kind::Accountability, ART_24, &["a", "b", "c"]),
            group(Kind::InformationToDataSubjects, ART_13, &["a"]),
        ]);
        let (added, removed) = compare_obligations(&old, &more);
        let shown =
            |items: &[ObligationItem]| items.iter().map(|i| format!("{}:{:?}", i.activity, i.kind)).collect::<Vec<_>>();
        assert_eq!(shown(&added), ["a:InformationToDataSubjects", "c:Accountability"], "sorted by activity");
        assert!(removed.is_empty());
        let (added, removed) = compare_obligations(&more, &old);
        assert!(added.is_empty());
        assert_eq!(removed.len(), 2);
    }

    /// The findings compared as before session 16: each side's findings
    /// grouped by key in a map, the new side's keys walked first, then the
    /// old side's.
    #[allow(clippy::type_complexity)]
    fn findings_by_map(
        sources: &crate::source::SourceMap,
        old: &[Finding],
        new: &[Finding],
    ) -> (Vec<FindingSummary>, Vec<FindingSummary>, Vec<FindingSummary>, Vec<FindingSummary>) {
        let group = |findings: &[Finding]| {
            let mut map: BTreeMap<FindingKey, Vec<usize>> = BTreeMap::new();
            for (index, finding) in findings.iter().enumerate() {
                map.entry(finding.key()).or_default().push(index);
            }
            map
        };
        let (old_groups, new_groups) = (group(old), group(new));
        let (mut introduced, mut resolved, mut started, mut stopped) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (k, indices) in &new_groups {
            let matched = old_groups.get(k).map(Vec::len).unwrap_or(0);
            for &index in indices.iter().skip(matched) {
                introduced.push(new[index].summary(sources, Lang::En));
            }
            if let Some(old_indices) = old_groups.get(k) {
                for (&o, &n) in old_indices.iter().zip(indices) {
                    match (old[o].accepted.is_some(), new[n].accepted.is_some()) {
                        (false, true) => started.push(new[n].summary(sources, Lang::En)),
                        (true, false) => stopped.push(new[n].summary(sources, Lang::En)),
                        _ => {}
                    }
                }
            }
        }
        for (k, indices) in &old_groups {
            let matched = new_groups.get(k).map(Vec::len).unwrap_or(0);
            for &index in indices.iter().skip(matched) {
                resolved.push(old[index].summary(sources, Lang::En));
            }
        }
        for list in [&mut introduced, &mut resolved, &mut started, &mut stopped] {
            most_serious_first(list);
        }
        (introduced, resolved, started, stopped)
    }

    #[test]
    fn findings_are_matched_by_runs_of_sorted_keys_as_by_a_map_of_keys() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let reference = Reference::builtin();
        let loaded = crate::load::load_path(&root.join("models/1177"), &reference).unwrap();
        let analysis = Analysis::new(&loaded.model, &reference, jiff::civil::date(2025, 6, 1));
        let findings = analysis.findings.clone();
        assert!(findings.len() > 10, "enough findings to vary: {}", findings.len());
        let acceptance = crate::finding::Acceptance {
            justification: "a test".to_owned(),
            accepted_by: "a test".to_owned(),
            expires: jiff::civil::date(2030, 1, 1),
            span: findings[0].primary.span,
        };
        // The other side: some findings gone, some twice (repeated keys),
        // some accepted or no longer, some at another severity, and the
        // order changed.
        let mut changed = Vec::new();
        for (at, finding) in findings.iter().enumerate() {
            if at % 7 == 3 {
                continue;
            }
            let mut finding = finding.clone();
            if at % 3 == 0 {
                finding.accepted = match finding.accepted {
                    Some(_) => None,
                    None => Some(Box::new(acceptance.clone())),
                };
            }
            if at % 11 == 5 {
                finding.severity = if finding.severity == Severity::High { Severity::Low } else { Severity::High };
            }
            if at % 5 == 1 {
                let mut twin = finding.clone();
                twin.accepted = Some(Box::new(acceptance.clone()));
                changed.push(twin);
            }
            changed.push(finding);
        }
        changed.reverse();
        let sources = &loaded.sources;
        for (old, new) in [(&findings, &changed), (&changed, &findings), (&findings, &findings)] {
            let runs = compare_findings_from(sources, old, sources, new, Lang::En);
            assert_eq!(runs, findings_by_map(sources, old, new));
            // The old side as `diff` keeps it, reduced to what is compared.
            let kept: Vec<KeptFinding> = old.iter().cloned().map(KeptFinding::from).collect();
            assert_eq!(compare_findings_from(sources, &kept, sources, new, Lang::En), runs);
        }
        // Every kind of change is met, one way or the other.
        let (introduced, resolved, started, _) = compare_findings_from(sources, &findings, sources, &changed, Lang::En);
        let (.., stopped) = compare_findings_from(sources, &changed, sources, &findings, Lang::En);
        assert!([introduced, resolved, started, stopped].iter().all(|list| !list.is_empty()));
    }

    fn fields(old: Value, new: Value) -> Vec<(String, Option<String>, Option<String>)> {
        compare_values(&old, &new).into_iter().map(|f| (f.field, f.old, f.new)).collect()
    }

    #[test]
    fn reordered_lists_are_no_change() {
        let old =
            json!({ "data": ["a", "b"], "performers": [{ "party": "x" }, { "party": "y", "on_behalf_of": "x" }] });
        let new =
            json!({ "data": ["b", "a"], "performers": [{ "party": "y", "on_behalf_of": "x" }, { "party": "x" }] });
        assert!(fields(old, new).is_empty());
    }

    #[test]
    fn an_empty_list_differs_from_an_unknown_one() {
        // `informs_subjects: []` (nobody informs) against the field left out (unknown).
        let change = fields(json!({ "informs_subjects": [] }), json!({ "informs_subjects": null }));
        assert_eq!(change, [("informs_subjects".to_owned(), Some("[]".to_owned()), None)]);
    }

    #[test]
    fn own_staff_are_keyed_by_party_alone() {
        let change = fields(
            json!({ "performers": [{ "party": "clinic", "on_behalf_of": null, "task": "a" }] }),
            json!({ "performers": [{ "party": "clinic", "on_behalf_of": null, "task": "b" }] }),
        );
        assert_eq!(change, [("performers[clinic].task".to_owned(), Some("a".to_owned()), Some("b".to_owned()))]);
    }

    #[test]
    fn a_first_item_shows_as_the_item_alone() {
        let change = fields(json!({ "certifications": [] }), json!({ "certifications": [{ "scheme": "eu-us-dpf" }] }));
        assert_eq!(change, [("certifications[eu-us-dpf]".to_owned(), None, Some(PRESENT.to_owned()))]);
    }
}
