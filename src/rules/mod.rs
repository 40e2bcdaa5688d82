//! Rules: the accountability gaps the facts prove, as findings.
//!
//! Each rule has a stable kebab-case code, a default [`Severity`], the provisions
//! it rests on, an explanation and a remediation ([`Rule`]); the whole catalogue
//! is [`CATALOGUE`]. A rule is a plain function over a [`Context`] (the model, its
//! graph, the derived roles, the reference data and the evaluation date) that
//! pushes [`Finding`]s. Each finding names the party and activity it concerns,
//! points at the YAML that triggered it, with secondary labels, and carries the
//! chain that brought the party in (region → provider → subcontractor).
//!
//! [`check`] runs every rule, applies the model's accepted risks (accepted
//! findings are kept and marked, never hidden) and sorts the result, so the same
//! model gives the same findings in the same order.

mod accepted;
mod art26;
mod art28;
mod breach;
mod claims;
mod contracts;
pub mod duties;
mod gaps;
mod residency;
mod sector_law;
mod security;
mod transfers;
mod transparency;

use std::borrow::Cow;
use std::fmt;
use std::time::{Duration, Instant};

use jiff::civil::Date;
use serde::Serialize;

use crate::graph::Graph;
use crate::model::{ActivityId, Model, PartyId};
use crate::reference::Reference;
use crate::roles::Roles;
use crate::source::Span;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// For information; no action required.
    Info,
    /// A weakness worth fixing when convenient.
    Low,
    /// A gap that should be fixed.
    Medium,
    /// A likely infringement.
    High,
    /// An infringement that exposes data subjects now.
    Critical,
}

impl Severity {
    /// Every severity, most serious first.
    pub const ALL: [Severity; 5] =
        [Severity::Critical, Severity::High, Severity::Medium, Severity::Low, Severity::Info];

    /// The severity as written on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The area of law a rule belongs to, for grouping in the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// Transfers to third countries (Chapter V).
    Transfers,
    /// Swedish sector law and territoriality.
    SectorLaw,
    /// Contractual data residency.
    Residency,
    /// Processors and sub-processors (Art. 28).
    Processors,
    /// Joint controllers (Art. 26).
    JointControllers,
    /// Gaps in responsibility.
    Responsibility,
    /// Contract labels against derived roles.
    Labels,
    /// Security of processing (Art. 32) and Swedish patient-data security.
    Security,
    /// Each party's own accountability duties (Art. 30, 35, 37, patient records).
    Accountability,
    /// Information to data subjects (Art. 13/14).
    Transparency,
    /// Breach notification (Art. 33/34).
    Breaches,
    /// Contracts in force.
    Contracts,
    /// Accepted risks.
    AcceptedRisks,
}

impl Area {
    /// The area as a kebab-case key: its heading is the Fluent message
    /// `area-KEY` ([`crate::render::catalogue::area_title`]).
    pub fn key(self) -> &'static str {
        match self {
            Area::Transfers => "transfers",
            Area::SectorLaw => "sector-law",
            Area::Residency => "residency",
            Area::Processors => "processors",
            Area::JointControllers => "joint-controllers",
            Area::Responsibility => "responsibility",
            Area::Labels => "labels",
            Area::Security => "security",
            Area::Accountability => "accountability",
            Area::Transparency => "transparency",
            Area::Breaches => "breaches",
            Area::Contracts => "contracts",
            Area::AcceptedRisks => "accepted-risks",
        }
    }
}

/// What the rules see.
pub struct Context<'a> {
    /// The model.
    pub model: &'a Model,
    /// Its graph.
    pub graph: &'a Graph<'a>,
    /// The derived roles.
    pub roles: &'a Roles,
    /// Reference data.
    pub reference: &'a Reference,
    /// The evaluation date: contracts, activities and adequacy decisions are
    /// taken as they stand on this day.
    pub as_of: Date,
}

/// A rule of the catalogue. Its texts (what it finds, why it matters, what to
/// do) are Fluent messages `rule-CODE` in `locales/<lang>/rules.ftl`, rendered
/// by [`crate::render::catalogue`].
pub struct Rule {
    /// Stable kebab-case code.
    pub code: &'static str,
    /// The area of law.
    pub area: Area,
    /// Default severity.
    pub severity: Severity,
    /// The provisions it rests on.
    pub provisions: &'static [&'static str],
    /// The check.
    pub check: fn(&Context<'_>, &mut Findings),
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule").field("code", &self.code).finish_non_exhaustive()
    }
}

pub use crate::finding::{Acceptance, Arg, Finding, Mark, Message, Subject};

/// The findings a rule pushes, with the rule's defaults filled in.
pub struct Findings {
    rule: &'static Rule,
    found: Vec<Finding>,
}

impl Findings {
    /// Starts a finding of the current rule at `span`, with what to say there
    /// and what was found.
    pub fn at(&mut self, span: Span, label: Message, message: Message) -> &mut Finding {
        // A rule is done with a finding once it starts the next (nearly
        // always: [`Findings::last_from`] hands back a few to add to, and
        // [`check_timed`] shrinks them all again): let its slack go now
        // rather than hold every finding's slack until the rule ends.
        if let Some(done) = self.found.last_mut() {
            done.shrink_to_fit();
        }
        self.found.push(Finding {
            code: self.rule.code,
            severity: self.rule.severity,
            message,
            party: None,
            activity: None,
            subjects: Box::default(),
            provisions: Cow::Borrowed(self.rule.provisions),
            primary: Mark { span, message: label },
            labels: Box::default(),
            chain: Box::default(),
            accepted: None,
        });
        let last = self.found.len() - 1;
        &mut self.found[last]
    }

    /// How many findings the rule has pushed so far.
    pub fn len(&self) -> usize {
        self.found.len()
    }

    /// Whether the rule has pushed none.
    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// The findings pushed since there were `first`, to add to them together.
    pub fn last_from(&mut self, first: usize) -> Vec<&mut Finding> {
        self.found.iter_mut().skip(first).collect()
    }
}

/// Every rule, grouped by area.
pub static CATALOGUE: &[Rule] = &[
    transfers::WITHOUT_SAFEGUARD,
    transfers::TOOL_MISMATCH,
    transfers::SCOPE_UNVERIFIED,
    transfers::TOOL_UNDERMINED,
    transfers::NO_IMPACT_ASSESSMENT,
    sector_law::REGIME_NOT_BOUND,
    sector_law::CARE_GIVER_AS_PROCESSOR,
    residency::RESIDENCY_BREACH,
    art28::PROCESSOR_WITHOUT_AGREEMENT,
    art28::SUB_PROCESSOR_NOT_AUTHORISED,
    art28::NO_FLOW_DOWN,
    art28::MISSING_TERMS,
    art28::PROCESSOR_BEYOND_INSTRUCTIONS,
    art28::DISCLOSURE_FOR_RECIPIENT_PURPOSES,
    art26::JOINT_WITHOUT_ARRANGEMENT,
    gaps::NO_CONTROLLER,
    gaps::PERFORMER_FOR_NOBODY,
    gaps::PRINCIPAL_WITHOUT_ROLE,
    claims::CLAIMED_ROLE_MISMATCH,
    security::INTERNET_WITHOUT_AUTHENTICATION,
    security::UNENCRYPTED_IN_TRANSIT,
    security::UNENCRYPTED_AT_REST,
    security::PATIENT_DATA_WITHOUT_ACCESS_LOG,
    security::PATIENT_DATA_WITHOUT_BACKUPS,
    security::SENSITIVE_DATA_WITHOUT_ACCESS_LOG,
    security::SENSITIVE_DATA_WITHOUT_BACKUPS,
    security::PATIENT_DATA_WITHOUT_STRONG_AUTHENTICATION,
    security::PASSWORD_ONLY_ON_INTERNET,
    security::PATIENT_DATA_WITHOUT_ACCESS_ANALYSIS,
    security::PATIENT_DATA_LOGS_NOT_REVIEWED,
    duties::NO_RECORDS_OF_PROCESSING,
    duties::PATIENT_RECORD_RETENTION_TOO_SHORT,
    duties::DPIA_NOT_CARRIED_OUT,
    duties::NO_DPO,
    duties::NO_EU_REPRESENTATIVE,
    transparency::SUBJECTS_NOT_INFORMED,
    breach::NO_BREACH_DUTY,
    breach::NOTIFIED_BY_NON_CONTROLLER,
    breach::CONTROLLER_DID_NOT_NOTIFY,
    breach::NOTIFIED_LATE,
    breach::PROCESSOR_TOLD_LATE,
    breach::SUBJECTS_NOT_TOLD,
    contracts::NOT_IN_FORCE,
    accepted::EXPIRED,
    accepted::UNUSED,
    accepted::UNKNOWN_RULE,
];

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    CATALOGUE.iter().find(|rule| rule.code == code)
}

/// Runs every rule, applies accepted risks and sorts the findings by severity
/// (most serious first), then party, activity, code and place.
pub fn check(ctx: &Context<'_>) -> Vec<Finding> {
    check_timed(ctx).0
}

/// [`check`], with the time each rule took, in catalogue order (rules that
/// share one walk, `SHARED_WALKS`, as one entry named after the walk).
///
/// The rules only read the model, graph and roles, so they run on every core;
/// their findings are joined in catalogue order, as one thread would have.
pub fn check_timed(ctx: &Context<'_>) -> (Vec<Finding>, Vec<(&'static str, Duration)>) {
    let rules: Vec<&'static Rule> = CATALOGUE.iter().filter(|r| r.area != Area::AcceptedRisks).collect();
    // One job per rule, but one for all the rules of a shared walk, where the
    // first of them stands in the catalogue.
    let mut jobs: Vec<Job> = Vec::with_capacity(rules.len());
    for &rule in &rules {
        match SHARED_WALKS.iter().find(|walk| walk.codes.contains(&rule.code)) {
            Some(walk) if jobs.iter().any(|job| matches!(job, Job::Walk(w) if std::ptr::eq(*w, walk))) => {}
            Some(walk) => jobs.push(Job::Walk(walk)),
            None => jobs.push(Job::Rule(rule)),
        }
    }
    let mut found_by_rule: Vec<Findings> = Vec::with_capacity(rules.len());
    let mut times = Vec::with_capacity(jobs.len());
    for (name, mut found, took) in crate::par::map(&jobs, |job| {
        let start = Instant::now();
        let (name, mut found) = match job {
            Job::Rule(rule) => {
                let mut findings = collector(rule);
                (rule.check)(ctx, &mut findings);
                (rule.code, vec![findings])
            }
            Job::Walk(walk) => {
                let mut findings: Vec<Findings> =
                    walk.codes.iter().filter_map(|code| rule(code)).map(collector).collect();
                (walk.run)(ctx, &mut findings);
                (walk.name, findings)
            }
        };
        // The findings live until they are printed: drop the spare capacity
        // that building them left, on the rule's own thread, and the room
        // the rule's list grew by doubling, which would otherwise stand
        // beside the joined list below.
        for findings in &mut found {
            findings.found.iter_mut().for_each(Finding::shrink_to_fit);
            findings.found.shrink_to_fit();
        }
        (name, found, start.elapsed())
    }) {
        found_by_rule.append(&mut found);
        times.push((name, took));
    }
    // In catalogue order, whatever order the jobs gave them in, into one list
    // of the size they come to (each acceptance adds at most one finding of
    // its own), each rule's list let go once moved: nothing grows by doubling
    // or lingers while the findings are sorted, at the analysis's high point.
    let total = found_by_rule.iter().map(Findings::len).sum::<usize>() + ctx.model.accepted_risks.len();
    let mut all = Vec::with_capacity(total);
    for rule in rules {
        if let Some(at) = found_by_rule.iter().position(|found| found.rule.code == rule.code) {
            all.append(&mut found_by_rule.swap_remove(at).found);
        }
    }
    drop(found_by_rule);
    let mut about_acceptances = Vec::new();
    accepted::apply(ctx, &mut all, &mut about_acceptances);
    all.append(&mut about_acceptances);
    sort_in_place(&mut all);
    all.dedup();
    // Acceptances add labels to the findings they cover.
    all.iter_mut().for_each(Finding::shrink_to_fit);
    all.shrink_to_fit();
    (all, times)
}

/// Sorts the findings by [`sort_key`], as a stable sort would, without the
/// scratch space a stable sort of the findings themselves takes (half the
/// list, 8 MB on a national model, at the analysis's high point): the
/// positions are sorted, then each finding is swapped into its place.
fn sort_in_place(findings: &mut [Finding]) {
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by(|&a, &b| sort_key(&findings[a]).cmp(&sort_key(&findings[b])));
    // `order[k]` is where the finding that belongs at `k` is now: follow each
    // cycle of the permutation once, marking the places filled.
    const FILLED: usize = usize::MAX;
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = std::mem::replace(&mut order[at], FILLED);
            if from == FILLED || from == start {
                break;
            }
            findings.swap(at, from);
            at = from;
        }
    }
}

/// Rules whose checks would each repeat one walk over the model: the rules
/// stage runs the walk once, and it fills the findings of every one of them.
static SHARED_WALKS: &[SharedWalk] =
    &[SharedWalk { name: transfers::WALK_NAME, codes: &transfers::CODES, run: transfers::walk }];

/// A walk over the model shared by several rules.
struct SharedWalk {
    /// The name `--timings` gives it.
    name: &'static str,
    /// Its rules' codes.
    codes: &'static [&'static str],
    /// The walk: one collector per code, in the order of `codes`.
    run: fn(&Context<'_>, &mut [Findings]),
}

/// One job of the rules stage.
enum Job {
    /// A rule on its own.
    Rule(&'static Rule),
    /// The rules of a shared walk.
    Walk(&'static SharedWalk),
}

fn sort_key(finding: &Finding) -> impl Ord + '_ {
    (
        std::cmp::Reverse(finding.severity),
        &finding.party,
        &finding.activity,
        finding.code,
        finding.primary.span,
        &finding.subjects,
        &finding.message,
    )
}

/// Runs the rules of one area into a fresh collector; for the accepted-risk
/// rules, which need the other findings first.
fn collector(rule: &'static Rule) -> Findings {
    Findings { rule, found: Vec::new() }
}

impl<'a> Context<'a> {
    /// The activities running on the evaluation date, sorted by id.
    pub fn running(&self) -> impl Iterator<Item = &'a crate::model::Activity> + '_ {
        self.model.activities.values().filter(move |a| a.runs_on(self.as_of))
    }

    /// The data categories an activity processes.
    pub fn data_of(
        &self,
        activity: &'a crate::model::Activity,
    ) -> impl Iterator<Item = &'a crate::model::DataCategory> {
        activity.data.iter().filter_map(|d| self.model.data.get(&d.value))
    }

    /// Whether `party` acts as a controller of `activity`: it decides the
    /// activity's purposes or means, or it pursues purposes of its own there and
    /// processes for nobody else. A processor that also has purposes of its own is
    /// a controller only for those (Art. 28(10)) and still a processor for what it
    /// does on instructions, so it does not count.
    pub fn controls(&self, party: &PartyId, activity: &ActivityId) -> bool {
        let held = self.roles.of(party, activity);
        let processes_for_another = held.iter().any(|a| !a.role.is_controller());
        held.iter().any(|a| a.role.is_controller() && (!a.has_own_purposes() || !processes_for_another))
    }

    /// Whether `party` is established in the EU/EEA on the evaluation date, so that
    /// the GDPR binds it directly (Art. 3(1)). A processor established elsewhere
    /// that does not target or monitor people in the Union is bound only through
    /// its contract (Art. 28(3)); the model records no targeting, so such a party
    /// is given no finding of its own for duties that are the processor's by statute.
    pub fn established_in_eea(&self, party: &PartyId) -> bool {
        self.model.parties.get(party).is_some_and(|p| self.reference.is_eea_on(&p.country.value, self.as_of))
    }

    /// The controllers of an activity (as [`Roles::controllers`]) that the
    /// GDPR binds, or may bind: every one but those the model records as not
    /// reached (no establishment in the Union, no targeting or monitoring of
    /// people there, Art. 3(1)-(2)). A controller the GDPR does not reach owes
    /// none of a controller's GDPR duties for the processing, so the rules that
    /// hold a controller to one of them ask only these.
    pub fn bound_controllers<'s>(&'s self, activity: &'s ActivityId) -> impl Iterator<Item = &'s PartyId> + 's {
        self.roles
            .controllers(activity)
            .filter(move |party| !duties::recorded_not_reached(self.model, self.reference, party, self.as_of))
    }

    /// The chain of delegation from the top (normally the controller) down to
    /// `party` in an activity.
    pub fn chain_down(&self, activity: &ActivityId, party: &PartyId) -> Vec<PartyId> {
        let mut chain = self.graph.chain_up(activity, party);
        chain.reverse();
        chain
    }

    /// Agreements between two parties covering an activity and in force on the
    /// evaluation date.
    pub fn agreements_in_force(
        &self,
        a: &PartyId,
        b: &PartyId,
        activity: &ActivityId,
    ) -> Vec<&'a crate::model::Agreement> {
        self.graph.agreements_between(a, b, activity).into_iter().filter(|g| g.in_force_on(self.as_of)).collect()
    }

    /// A country for messages, with its name from the reference data.
    pub fn country(&self, country: &crate::model::Country) -> Arg {
        Arg::CountryNamed(country.clone(), self.reference.country_name(country).into())
    }
}
