//! The report of a large model as a browser can open it (issue 15): an
//! overview that stays small, and the split into one page per party.
//!
//! A model with more than [`OVERVIEW_PARTIES`] parties with a role or a finding,
//! or more than [`OVERVIEW_FINDINGS`] findings, gets the overview unless
//! `--full` is given ([`Mode`], [`Mode::overview`]); `--overview` asks for it
//! on any model. The overview holds:
//!
//! - the model's figures and its open findings by severity;
//! - the [`TOP_FINDINGS`] most severe open findings, with what to do;
//! - the chain diagram, only when at most [`DIAGRAM_PARTIES`] parties hold a
//!   role (a bigger drawing cannot be read), else a sentence saying why not;
//! - one row per party with a role or a finding, by name: the roles it holds
//!   with the number of activities for each, and its open findings by
//!   severity.
//!
//! `report --split DIR` writes the overview as `DIR/index.html` (or `.md`),
//! its rows linked to one page per party under `DIR/parties/`, each page
//! holding the party's duty sheet, its part of the chain (whom it acts for and
//! who acts for it, linked to their pages), its findings and its Art. 30
//! records, and linking back to the index ([`Split`]). Page file names come
//! from party ids through [`file_stem`], which keeps them to a safe alphabet.
//!
//! Everything here is decided and worded (in the chosen language, from
//! `locales/*/overview.ftl`) before a template sees it; the templates under
//! `templates/overview/` only lay it out. Nothing is held whole: the rows are
//! drawn up and written a batch at a time ([`Outline::write_html`]), and the
//! pages one by one, on every core, each written as soon as it is drawn up.

use std::collections::BTreeMap;

// Looked up per party and per link of the chain on every page: a fast hash.
use foldhash::HashMap;
use std::io::Write;

use askama::Template;
use fluent_bundle::FluentValue;
use serde::Serialize;

use crate::model::PartyId;
use crate::printer::PrintError;
use crate::render::Lang;
use crate::roles::{Assignment, Role};
use crate::rules::Severity;

use super::diagram::Diagram;
use super::finding::{FindingView, Segment};
use super::index::Index;
use super::memo::MemoView;
use super::refs::{DRAW_BATCH, Input, Names, PartyRef, Shared};
use super::ropa::{RecordPlan, RecordRow};
use super::sheets::PartySheet;

/// More parties with a role or a finding than this, and the report is an
/// overview (unless `--full`): the full report of 300 parties is some 5 MB of
/// HTML, which a browser still opens in a few seconds.
pub const OVERVIEW_PARTIES: usize = 300;

/// More findings than this, and the report is an overview (unless `--full`).
pub const OVERVIEW_FINDINGS: usize = 1_000;

/// How many open findings the overview sets out, most severe first.
pub const TOP_FINDINGS: usize = 25;

/// The most parties with a role for which the overview draws the chain.
pub const DIAGRAM_PARTIES: usize = 30;

/// `--overview`, `--full`, or neither.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The overview when the model is large, else the full report.
    Auto,
    /// The overview, whatever the model's size.
    Overview,
    /// The full report, whatever the model's size.
    Full,
}

/// How big a model is, as the choice between overview and full report sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    /// Parties with a role or a finding.
    pub parties: usize,
    /// Findings, accepted ones included.
    pub findings: usize,
}

impl Size {
    /// Counts what the choice looks at.
    pub fn of(input: &Input<'_>) -> Self {
        let with_finding: std::collections::HashSet<&PartyId> =
            input.analysis.findings.iter().filter_map(|f| f.party.as_ref()).collect();
        let parties =
            input.model.parties.keys().filter(|p| with_finding.contains(p) || input.analysis.roles.has_role(p)).count();
        Self { parties, findings: input.analysis.findings.len() }
    }

    /// Whether the model is larger than a full report a browser opens.
    pub fn is_large(self) -> bool {
        self.parties > OVERVIEW_PARTIES || self.findings > OVERVIEW_FINDINGS
    }
}

impl Mode {
    /// Whether the report of a model of `size` is the overview.
    pub fn overview(self, size: Size) -> bool {
        match self {
            Mode::Auto => size.is_large(),
            Mode::Overview => true,
            Mode::Full => false,
        }
    }
}

/// A text of `locales/*/overview.ftl`.
fn text(key: &str, lang: Lang, args: &[(&'static str, FluentValue<'_>)]) -> String {
    crate::render::fixed(key, lang, args)
}

/// The overview's own words, looked up once in the chosen language.
#[derive(Clone, Debug, Serialize)]
pub struct Words {
    /// The language tag, for `<html lang>`.
    pub lang: &'static str,
    /// `GDPR accountability overview`.
    pub overline: String,
    /// The page's title.
    pub title: String,
    /// The main heading, around the model's name.
    pub heading: String,
    /// Labels of the front table.
    pub meta_model: String,
    /// `Evaluated as of`.
    pub meta_as_of: String,
    /// `Produced on`.
    pub meta_produced: String,
    /// `not stated`.
    pub not_stated: String,
    /// The caveat under the front table.
    pub note: String,
    /// `What to do:`.
    pub what_to_do: String,
    /// Headings.
    pub top_heading: String,
    /// `The chain`.
    pub chain_heading: String,
    /// `The parties`.
    pub parties_heading: String,
    /// Column heads of the party table.
    pub column_party: String,
    /// `Roles`.
    pub column_roles: String,
    /// The severities, most serious first, as column heads.
    pub severities: Vec<String>,
    /// `Accepted`.
    pub column_accepted: String,
    /// What the role codes stand for.
    pub role_legend: String,
    /// A party's page: its headings and column heads.
    pub page: PageWords,
}

/// The words of a party's page.
#[derive(Clone, Debug, Serialize)]
pub struct PageWords {
    /// `Its part of the chain`.
    pub chain_heading: String,
    /// What the chain part shows.
    pub chain_intro: String,
    /// `Acts for`.
    pub acts_for: String,
    /// `Acting for it`.
    pub acted_for_by: String,
    /// Column heads.
    pub column_activity: String,
    /// `Role`.
    pub column_role: String,
    /// `Party`.
    pub column_party: String,
    /// When it acts for no one and no one for it.
    pub chain_none: String,
    /// `Roles and why`.
    pub roles_heading: String,
    /// `No role in any processing activity.`
    pub no_role: String,
    /// `Duties`.
    pub duties_heading: String,
    /// `No duty follows …`.
    pub no_duty: String,
    /// Column heads of the duties.
    pub column_provision: String,
    /// `Duty`.
    pub column_duty: String,
    /// `Applies to`.
    pub column_applies: String,
    /// `Findings`.
    pub findings_heading: String,
    /// `None.`
    pub findings_none: String,
    /// `Its records of processing (Art. 30)`.
    pub records_heading: String,
    /// When no record names the party.
    pub records_none: String,
    /// `Model note:`.
    pub model_note: String,
    /// `not running on DATE`.
    pub not_running: String,
    /// `of`, between a role and its activity.
    pub of: String,
}

impl Words {
    fn new(lang: Lang, model: &str, as_of: &str) -> Self {
        let t = |key: &str| text(key, lang, &[]);
        let with = |key: &str, args: &[(&'static str, FluentValue<'_>)]| text(key, lang, args);
        let date = || FluentValue::from(as_of.to_owned());
        Self {
            lang: lang.tag(),
            overline: t("overview-overline"),
            title: with("overview-title", &[("model", FluentValue::from(model.to_owned())), ("date", date())]),
            heading: with("overview-heading", &[("model", FluentValue::from(model.to_owned()))]),
            meta_model: t("overview-meta-model"),
            meta_as_of: t("overview-meta-as-of"),
            meta_produced: t("overview-meta-produced"),
            not_stated: t("overview-meta-not-stated"),
            note: t("overview-note"),
            what_to_do: t("overview-what-to-do"),
            top_heading: t("overview-top-heading"),
            chain_heading: t("overview-chain-heading"),
            parties_heading: t("overview-parties-heading"),
            column_party: t("overview-column-party"),
            column_roles: t("overview-column-roles"),
            severities: Severity::ALL.iter().map(|s| crate::render::severity(*s, lang)).collect(),
            column_accepted: t("overview-column-accepted"),
            role_legend: t("overview-role-legend"),
            page: PageWords {
                chain_heading: t("overview-page-chain-heading"),
                chain_intro: t("overview-page-chain-intro"),
                acts_for: t("overview-page-acts-for"),
                acted_for_by: t("overview-page-acted-for-by"),
                column_activity: t("overview-page-column-activity"),
                column_role: t("overview-page-column-role"),
                column_party: t("overview-page-column-party"),
                chain_none: t("overview-page-chain-none"),
                roles_heading: t("overview-page-roles-heading"),
                no_role: t("overview-page-no-role"),
                duties_heading: t("overview-page-duties-heading"),
                no_duty: with("overview-page-no-duty", &[("date", date())]),
                column_provision: t("overview-page-column-provision"),
                column_duty: t("overview-page-column-duty"),
                column_applies: t("overview-page-column-applies"),
                findings_heading: t("overview-page-findings-heading"),
                findings_none: t("overview-page-findings-none"),
                records_heading: t("overview-page-records-heading"),
                records_none: t("overview-page-records-none"),
                model_note: t("overview-page-model-note"),
                not_running: with("overview-page-not-running", &[("date", date())]),
                of: t("overview-page-of"),
            },
        }
    }
}

/// A figure of the front: a number and what it counts.
#[derive(Clone, Debug, Serialize)]
pub struct Figure {
    /// The number.
    pub n: usize,
    /// What it counts.
    pub label: String,
}

/// Open findings of one severity, for the chips.
#[derive(Clone, Debug, Serialize)]
pub struct Chip {
    /// `critical`, … (the CSS class).
    pub severity: &'static str,
    /// `3 high`, in words.
    pub text: String,
    /// Whether there are none.
    pub zero: bool,
}

/// One of the most severe open findings.
#[derive(Clone, Debug, Serialize)]
pub struct Top {
    /// The finding.
    pub finding: FindingView,
    /// Where the party that must act is shown (its row or its page), or empty.
    pub party_href: String,
    /// Where the finding is set out in full (on the party's page), or empty.
    pub href: String,
}

/// A role a party holds, and in how many activities.
#[derive(Clone, Debug, Serialize)]
pub struct RoleCount {
    /// `C`, `JC`, `P`, `SP`, `C*`.
    pub code: String,
    /// The CSS class: `controller`, `joint`, `processor`, `sub`, `own`.
    pub class: &'static str,
    /// In how many activities.
    pub count: usize,
}

/// One party's row in the overview.
#[derive(Clone, Debug, Serialize)]
pub struct PartyRow {
    /// The party.
    pub party: PartyRef,
    /// Its page (`parties/x.html`) in a split, else empty.
    pub href: String,
    /// The roles it holds, in the legend's order.
    pub roles: Vec<RoleCount>,
    /// Its open findings by severity, most serious first; empty for none.
    pub open: Vec<String>,
    /// Its accepted findings; empty for none.
    pub accepted: String,
}

/// Per party: open findings by severity (most serious first), and accepted.
#[derive(Clone, Copy, Debug, Default)]
struct Counts {
    open: [usize; 5],
    accepted: usize,
}

/// The role codes in the legend's order, with their CSS classes and messages.
const ROLE_KINDS: [(&str, &str); 5] = [
    ("controller", "overview-code-controller"),
    ("own", "overview-code-own"),
    ("joint", "overview-code-joint"),
    ("processor", "overview-code-processor"),
    ("sub", "overview-code-sub"),
];

fn role_kind(assignment: &Assignment) -> usize {
    match (assignment.role, !assignment.has_own_purposes()) {
        (Role::Controller, true) => 0,
        (Role::Controller, false) => 1,
        (Role::JointController, _) => 2,
        (Role::Processor, _) => 3,
        (Role::SubProcessor, _) => 4,
    }
}

/// Where a link to a party or a finding goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Links {
    /// One file: to the party's row.
    Rows,
    /// A split into pages with this extension (`html`, `md`).
    Pages(&'static str),
}

/// The overview of a model, ready to write.
pub struct Outline<'a> {
    names: Names<'a>,
    /// The words.
    pub t: Words,
    /// The model's name.
    pub model: String,
    /// The evaluation date.
    pub as_of: String,
    /// The tool and version.
    pub generator: String,
    /// When it was produced, and from which revision.
    pub memo: MemoView,
    /// Why the report is an overview, and where the rest is; its commands
    /// as code.
    pub why: Vec<Segment>,
    /// Parties, activities, open findings.
    pub figures: Vec<Figure>,
    /// Open findings by severity.
    pub chips: Vec<Chip>,
    /// `No finding is covered by an accepted risk.`
    pub accepted: String,
    /// The most severe open findings.
    pub top: Vec<Top>,
    /// How many are shown of how many, or that all are.
    pub top_note: String,
    /// `No open findings.` when there are none.
    pub top_none: String,
    /// The chain drawn as inline SVG (HTML), when small enough.
    pub svg: Option<String>,
    /// The chain as a Mermaid block (Markdown), when small enough.
    pub mermaid: Option<String>,
    /// Says what the drawing shows, or why there is none.
    pub chain_note: String,
    /// What the party table shows.
    pub parties_intro: String,
    /// Whether it is the index of a split (stylesheet beside it).
    pub split: bool,
    /// The parties with a row, by name then id.
    parties: Vec<&'a PartyId>,
    counts: HashMap<&'a PartyId, Counts>,
    role_codes: Vec<String>,
    links: Links,
    stems: HashMap<&'a PartyId, String>,
}

impl<'a> Outline<'a> {
    /// Prepares the overview of an analysed model. `links` says where its
    /// party links go; `size` is [`Size::of`] the same input; `asked` whether
    /// `--overview` asked for it.
    pub fn build(input: &Input<'a>, size: Size, asked: bool, links: Links) -> Self {
        let lang = input.lang;
        let names = Names::new(input);
        let as_of = input.analysis.as_of.to_string();
        let t = Words::new(lang, input.name, &as_of);
        let findings = &input.analysis.findings;
        let mut counts: HashMap<&'a PartyId, Counts> = HashMap::default();
        let mut totals = Counts::default();
        for finding in findings {
            let position = Severity::ALL.iter().position(|s| *s == finding.severity).unwrap_or(0);
            let add = |c: &mut Counts| {
                if finding.accepted.is_some() {
                    c.accepted += 1;
                } else {
                    c.open[position] += 1;
                }
            };
            add(&mut totals);
            if let Some(party) = &finding.party {
                add(counts.entry(party).or_default());
            }
        }
        let mut parties: Vec<&'a PartyId> =
            input.model.parties.keys().filter(|p| counts.contains_key(p) || input.analysis.roles.has_role(p)).collect();
        parties.sort_by(|a, b| (input.party_name(a), a.as_str()).cmp(&(input.party_name(b), b.as_str())));
        let open: usize = totals.open.iter().sum();
        let count = |n: usize| FluentValue::from(n);
        let date = || FluentValue::from(as_of.clone());
        let why = if links != Links::Rows {
            text("overview-why-split", lang, &[])
        } else if asked || !size.is_large() {
            text("overview-why-asked", lang, &[])
        } else {
            text(
                "overview-why-large",
                lang,
                &[
                    ("parties", count(size.parties)),
                    ("findings", count(size.findings)),
                    ("max_parties", count(OVERVIEW_PARTIES)),
                    ("max_findings", count(OVERVIEW_FINDINGS)),
                ],
            )
        };
        let figures = vec![
            Figure {
                n: parties.len(),
                label: text("overview-figure-parties", lang, &[("count", count(parties.len()))]),
            },
            Figure {
                n: input.model.activities.len(),
                label: text("overview-figure-activities", lang, &[("count", count(input.model.activities.len()))]),
            },
            Figure { n: open, label: text("overview-figure-open", lang, &[("count", count(open)), ("date", date())]) },
        ];
        let chips = Severity::ALL
            .iter()
            .zip(totals.open)
            .map(|(severity, n)| Chip {
                severity: severity.as_str(),
                text: format!("{n} {}", crate::render::severity(*severity, lang)),
                zero: n == 0,
            })
            .collect();
        let stems = match links {
            Links::Rows => HashMap::default(),
            Links::Pages(_) => file_stems(&parties),
        };
        let mut outline = Self {
            names,
            t,
            model: input.name.to_owned(),
            as_of: as_of.clone(),
            generator: format!("ansvar {}", env!("CARGO_PKG_VERSION")),
            memo: MemoView::new(input),
            why: super::finding::segments(&why),
            figures,
            chips,
            accepted: text("overview-accepted", lang, &[("count", count(totals.accepted))]),
            top: Vec::new(),
            top_note: String::new(),
            top_none: String::new(),
            svg: None,
            mermaid: None,
            chain_note: String::new(),
            parties_intro: text(
                if links == Links::Rows { "overview-parties-intro" } else { "overview-parties-intro-split" },
                lang,
                &[],
            ),
            split: links != Links::Rows,
            parties,
            counts,
            role_codes: ROLE_KINDS.iter().map(|(_, key)| text(key, lang, &[])).collect(),
            links,
            stems,
        };
        outline.top = findings
            .iter()
            .enumerate()
            .filter(|(_, f)| f.accepted.is_none())
            .take(TOP_FINDINGS)
            .map(|(i, f)| {
                let finding = FindingView::new(&outline.names, i, f);
                let party_href = f.party.as_ref().map(|p| outline.party_href(p)).unwrap_or_default();
                let href = match (&f.party, links) {
                    (Some(p), Links::Pages(_)) => format!("{}#{}", outline.party_href(p), finding.anchor),
                    _ => String::new(),
                };
                Top { finding, party_href, href }
            })
            .collect();
        outline.top_note = if open > outline.top.len() {
            text("overview-top-more", lang, &[("shown", count(outline.top.len())), ("total", count(open))])
        } else if open > 0 {
            text("overview-top-all", lang, &[])
        } else {
            String::new()
        };
        outline.top_none = if open == 0 { text("overview-top-none", lang, &[]) } else { String::new() };
        let with_role = outline.parties.iter().filter(|p| input.analysis.roles.has_role(p)).count();
        if with_role <= DIAGRAM_PARTIES {
            let diagram = Diagram::build(input);
            outline.svg = Some(super::svg::render(&diagram));
            outline.mermaid = Some(super::diagram::mermaid(&diagram));
            outline.chain_note = text("overview-chain-drawn", lang, &[("date", date())]);
        } else {
            outline.chain_note = text(
                "overview-chain-not-drawn",
                lang,
                &[("parties", count(with_role)), ("max", count(DIAGRAM_PARTIES))],
            );
        }
        outline
    }

    /// Where a link to `party` goes: its page, or its row.
    fn party_href(&self, party: &PartyId) -> String {
        match (self.links, self.stems.get(party)) {
            (Links::Pages(extension), Some(stem)) => format!("parties/{stem}.{extension}"),
            _ => format!("#party-{party}"),
        }
    }

    /// The rows of `parties`, drawn up.
    fn rows(&self, parties: &[&'a PartyId]) -> Vec<PartyRow> {
        let roles = &self.names.analysis.roles;
        parties
            .iter()
            .map(|party| {
                let mut activities: [Vec<&crate::model::ActivityId>; 5] = Default::default();
                for assignment in roles.of_party(party) {
                    activities[role_kind(assignment)].push(&assignment.activity);
                }
                let roles = activities
                    .iter_mut()
                    .zip(ROLE_KINDS)
                    .zip(&self.role_codes)
                    .filter_map(|((list, (class, _)), code)| {
                        list.sort();
                        list.dedup();
                        (!list.is_empty()).then(|| RoleCount { code: code.clone(), class, count: list.len() })
                    })
                    .collect();
                let counts = self.counts.get(party).copied().unwrap_or_default();
                let shown = |n: usize| if n == 0 { String::new() } else { n.to_string() };
                PartyRow {
                    party: self.names.party(party),
                    href: match self.links {
                        Links::Rows => String::new(),
                        Links::Pages(_) => self.party_href(party),
                    },
                    roles,
                    open: counts.open.iter().map(|n| shown(*n)).collect(),
                    accepted: shown(counts.accepted),
                }
            })
            .collect()
    }

    /// Writes the overview as one HTML file: the front, then the party rows a
    /// batch at a time, then the end. Its stylesheet is inlined, or linked
    /// (a split's `style.css`).
    pub fn write_html(&self, out: &mut dyn Write) -> Result<(), PrintError> {
        let style = if self.split { "" } else { STYLE };
        OverviewHtmlHead { o: self, style }.write_into(out)?;
        for batch in self.parties.chunks(DRAW_BATCH) {
            let rows = self.rows(batch);
            OverviewHtmlRows { rows: &rows, anchors: !self.split }.write_into(out)?;
        }
        OverviewHtmlTail { o: self }.write_into(out)?;
        Ok(())
    }

    /// Writes the overview as Markdown, as [`Outline::write_html`] does.
    pub fn write_markdown(&self, out: &mut dyn Write) -> Result<(), PrintError> {
        let head = OverviewMdHead { o: self }.render().map_err(failed)?;
        out.write_all(super::templates::tidy(head).as_bytes())?;
        for batch in self.parties.chunks(DRAW_BATCH) {
            let rows = self.rows(batch);
            let text = OverviewMdRows { rows: &rows }.render().map_err(failed)?;
            out.write_all(super::templates::tidy(text).as_bytes())?;
        }
        let tail = OverviewMdTail { o: self }.render().map_err(failed)?;
        out.write_all(b"\n")?;
        out.write_all(super::templates::tidy(tail).as_bytes())?;
        Ok(())
    }
}

/// A template that could not be rendered.
fn failed(source: askama::Error) -> PrintError {
    PrintError::Template(super::templates::RenderError::new("overview", source))
}

/// The overview's stylesheet: inlined in one file, `style.css` in a split.
pub const STYLE: &str = include_str!("../../templates/overview/style.css");

/// The front of the HTML overview, up to the party table's body.
#[derive(Template)]
#[template(path = "overview/head.html")]
struct OverviewHtmlHead<'a, 'o> {
    o: &'a Outline<'o>,
    style: &'a str,
}

/// A batch of party rows.
#[derive(Template)]
#[template(path = "overview/rows.html")]
struct OverviewHtmlRows<'a> {
    rows: &'a [PartyRow],
    /// Whether rows carry their anchor (one file, where findings link to them).
    anchors: bool,
}

/// The end of the HTML overview.
#[derive(Template)]
#[template(path = "overview/tail.html")]
struct OverviewHtmlTail<'a, 'o> {
    o: &'a Outline<'o>,
}

/// The front of the Markdown overview.
#[derive(Template)]
#[template(path = "overview/head.md")]
struct OverviewMdHead<'a, 'o> {
    o: &'a Outline<'o>,
}

/// A batch of party rows, in Markdown.
#[derive(Template)]
#[template(path = "overview/rows.md")]
struct OverviewMdRows<'a> {
    rows: &'a [PartyRow],
}

/// The end of the Markdown overview.
#[derive(Template)]
#[template(path = "overview/tail.md")]
struct OverviewMdTail<'a, 'o> {
    o: &'a Outline<'o>,
}

/// The file stem of each party's page: [`file_stem`] of its id, made unique.
fn file_stems<'a>(parties: &[&'a PartyId]) -> HashMap<&'a PartyId, String> {
    let mut stems: HashMap<&'a PartyId, String> = parties.iter().map(|p| (*p, file_stem(p.as_str()))).collect();
    // Two ids that differ only in case or in characters left out would share a
    // file (on a case-insensitive file system, too): both get a hash suffix.
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for stem in stems.values() {
        *seen.entry(stem.to_ascii_lowercase()).or_default() += 1;
    }
    for (party, stem) in &mut stems {
        if seen.get(&stem.to_ascii_lowercase()).is_some_and(|n| *n > 1) && !stem.contains('~') {
            *stem = format!("{stem}~{:08x}", fnv(party.as_str()));
        }
    }
    stems
}

/// The longest file stem made from an id, in bytes.
const STEM_MAX: usize = 64;

/// A file name stem from a party id, which is model text and untrusted: ASCII
/// letters, digits, `-` and `_` are kept, as is `.` after the first character;
/// anything else (a `/`, `..`, a control or non-ASCII character) becomes `_`,
/// and the id is cut at `STEM_MAX` bytes. When that changes the id, a hash of
/// the whole id follows a `~`, so that distinct ids keep distinct files.
pub fn file_stem(id: &str) -> String {
    let mut stem: String = id
        .chars()
        .enumerate()
        .map(|(i, c)| match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '-' | '_' => c,
            '.' if i > 0 => c,
            _ => '_',
        })
        .take(STEM_MAX)
        .collect();
    if stem != id || stem.is_empty() {
        stem = format!("{stem}~{:08x}", fnv(id));
    }
    stem
}

/// FNV-1a, 32 bits: a short, stable hash for file names.
fn fnv(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5_u32, |hash, byte| (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193))
}

/// A link in a party's part of the chain.
#[derive(Clone, Debug, Serialize)]
pub struct ChainLink {
    /// The activity.
    pub activity: super::refs::ActivityRef,
    /// The role of the party acting for the other, in words.
    pub role: Shared,
    /// The other party.
    pub party: PartyRef,
    /// The other party's page, or empty when it has none.
    pub href: Shared,
}

/// One party's page of a split, ready to render.
#[derive(Clone, Debug)]
pub struct Page {
    /// The file's stem.
    pub stem: String,
    /// The page's title.
    pub title: String,
    /// `Overview of MODEL`.
    pub back: String,
    /// The duty sheet.
    pub sheet: PartySheet,
    /// Whom it acts for.
    pub acts_for: Vec<ChainLink>,
    /// Who acts for it.
    pub acted_for_by: Vec<ChainLink>,
    /// The records naming it as controller or processor.
    pub records: Vec<RecordRow>,
}

/// A model split into one page per party, with the overview as its index.
pub struct Split<'a> {
    /// The index.
    pub outline: Outline<'a>,
    index: Index<'a>,
    records: RecordPlan<'a>,
    /// Per party, the positions of its controller and processor records.
    record_positions: HashMap<PartyId, (Vec<usize>, Vec<usize>)>,
    /// Per party, the assignments of those acting for it.
    acting_for: HashMap<&'a PartyId, Vec<&'a Assignment>>,
    /// Each role in words of the chosen language, looked up once: every
    /// link of the chain shows one, on two pages.
    role_words: [Shared; 4],
    /// Per party with a page, the link to it from another page
    /// (`stem.html`), made once: every link of the chain to it shows it.
    hrefs: HashMap<&'a PartyId, Shared>,
}

impl<'a> Split<'a> {
    /// Prepares the split of an analysed model into pages with `extension`.
    /// The index of findings and the plan of the records are made beside the
    /// overview ([`crate::par::join`]); the findings are not drawn up here,
    /// each page draws up its own.
    pub fn build(input: &Input<'a>, size: Size, extension: &'static str) -> Self {
        let side = move || {
            let records = RecordPlan::new(input);
            let record_positions = records.positions_by_party();
            (Index::build(input), records, record_positions)
        };
        let ((index, records, record_positions), (outline, acting_for)) = crate::par::join(side, || {
            let outline = Outline::build(input, size, true, Links::Pages(extension));
            let mut acting_for: HashMap<&'a PartyId, Vec<&'a Assignment>> = HashMap::default();
            for assignment in input.analysis.roles.assignments() {
                if let Some(principal) = &assignment.on_behalf_of {
                    acting_for.entry(principal).or_default().push(assignment);
                }
            }
            (outline, acting_for)
        });
        let role_words = Role::ALL.map(|role| Shared::from(crate::render::roles::role(role, input.lang)));
        let hrefs =
            outline.stems.iter().map(|(party, stem)| (*party, Shared::from(format!("{stem}.{extension}")))).collect();
        Self { outline, index, records, record_positions, acting_for, role_words, hrefs }
    }

    /// The parties with a page, in the index's order.
    pub fn parties(&self) -> &[&'a PartyId] {
        &self.outline.parties
    }

    /// The page of `party`, drawn up.
    pub fn page(&self, party: &PartyId) -> Page {
        let o = &self.outline;
        let names = &o.names;
        let lang = names.lang;
        let findings = &names.analysis.findings;
        let sheet = super::sheets::sheet_of(names, &self.index, party, false, |i| {
            findings.get(i).map(|finding| FindingView::new(names, i, finding))
        });
        let link = |assignment: &Assignment, other: &PartyId| ChainLink {
            activity: names.activity(&assignment.activity),
            role: self.role_words[assignment.role.index()].clone(),
            party: names.party(other),
            href: self.hrefs.get(other).cloned().unwrap_or_default(),
        };
        let acts_for = names
            .analysis
            .roles
            .of_party(party)
            .filter_map(|a| a.on_behalf_of.as_ref().map(|principal| link(a, principal)))
            .collect();
        let acted_for_by =
            self.acting_for.get(party).map(|list| list.iter().map(|a| link(a, &a.party)).collect()).unwrap_or_default();
        let records = match self.record_positions.get(party) {
            Some((controller, processor)) => self.records.rows_at(names, &self.index, controller, processor),
            None => Vec::new(),
        };
        let name = FluentValue::from(names.party_name(party).to_owned());
        let model = FluentValue::from(o.model.clone());
        Page {
            stem: o.stems.get(party).cloned().unwrap_or_else(|| file_stem(party.as_str())),
            title: text(
                "overview-page-title",
                lang,
                &[("party", name), ("model", model.clone()), ("date", FluentValue::from(o.as_of.clone()))],
            ),
            back: text("overview-page-back", lang, &[("model", model)]),
            sheet,
            acts_for,
            acted_for_by,
            records,
        }
    }

    /// Writes the index, the pages under `parties/` and, for HTML, the
    /// stylesheet into `root`, an empty directory; returns how many pages.
    /// The pages are drawn up, rendered and written on every core
    /// ([`crate::par::try_each`]), each thread into a buffer it reuses and
    /// each page with one write, so no more than one page per core is held
    /// at once. A page's bytes do not depend on the order they are written in.
    pub fn write_into(&self, root: &std::path::Path, markdown: bool) -> Result<usize, PrintError> {
        let extension = if markdown { "md" } else { "html" };
        {
            let file = std::fs::File::create(root.join(format!("index.{extension}")))?;
            let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
            if markdown {
                self.outline.write_markdown(&mut out)?;
            } else {
                self.outline.write_html(&mut out)?;
            }
            out.flush()?;
        }
        if !markdown {
            std::fs::write(root.join("style.css"), STYLE)?;
        }
        let pages = root.join("parties");
        std::fs::create_dir(&pages)?;
        let write = |buffer: &mut String, party: &&'a PartyId| -> Result<(), PrintError> {
            let page = self.page(party);
            buffer.clear();
            if markdown {
                *buffer = super::templates::tidy(self.page_markdown_raw(&page).map_err(failed)?);
            } else {
                PageHtml { o: &self.outline, p: &page, view: self.outline.report_texts() }
                    .render_into(buffer)
                    .map_err(failed)?;
            }
            Ok(std::fs::write(pages.join(format!("{}.{extension}", page.stem)), buffer.as_bytes())?)
        };
        crate::par::try_each(self.parties(), String::new, write)?;
        Ok(self.parties().len())
    }

    /// A page as HTML.
    pub fn page_html(&self, page: &Page) -> Result<String, askama::Error> {
        PageHtml { o: &self.outline, p: page, view: self.outline.report_texts() }.render()
    }

    /// A page as Markdown.
    pub fn page_markdown(&self, page: &Page) -> Result<String, askama::Error> {
        self.page_markdown_raw(page).map(super::templates::tidy)
    }

    /// A page as its Markdown template gives it, before [`super::templates::tidy`].
    fn page_markdown_raw(&self, page: &Page) -> Result<String, askama::Error> {
        PageMd { o: &self.outline, p: page, view: self.outline.report_texts() }.render()
    }
}

/// The report's own texts (`locales/*/report.ftl`) that the parts a page
/// shares with the full report (a finding, a record) look up, as
/// [`super::view::View::t`] gives them.
struct ReportTexts<'a> {
    lang: Lang,
    as_of: &'a str,
    generator: &'a str,
}

impl ReportTexts<'_> {
    /// The message `key`, given the evaluation date and the tool.
    fn t(&self, key: &str) -> String {
        let args = [("as-of", FluentValue::from(self.as_of)), ("generator", FluentValue::from(self.generator))];
        text(key, self.lang, &args)
    }

    /// Whether an activity's name links to its entry: a page lists no
    /// activities, so an `#activity-ID` link would lead nowhere; the id and
    /// name are shown instead.
    fn links_activities(&self) -> bool {
        false
    }
}

impl Outline<'_> {
    fn report_texts(&self) -> ReportTexts<'_> {
        ReportTexts { lang: self.names.lang, as_of: &self.as_of, generator: &self.generator }
    }
}

/// One party's page, HTML.
#[derive(Template)]
#[template(path = "overview/page.html")]
struct PageHtml<'a, 'o> {
    o: &'a Outline<'o>,
    p: &'a Page,
    /// For the finding macro shared with the full report.
    view: ReportTexts<'a>,
}

/// One party's page, Markdown.
#[derive(Template)]
#[template(path = "overview/page.md")]
struct PageMd<'a, 'o> {
    o: &'a Outline<'o>,
    p: &'a Page,
    view: ReportTexts<'a>,
}

impl PageMd<'_, '_> {
    /// For the record shared with the full report (`_record.md`).
    fn t(&self, key: &str) -> String {
        self.view.t(key)
    }
}

/// The Markdown templates' filters, as the full report's.
mod filters {
    pub(crate) use super::super::templates::filters::{md, md_code};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_keep_a_safe_alphabet_and_distinct_ids_apart() {
        assert_eq!(file_stem("region-uppsala"), "region-uppsala");
        assert_eq!(file_stem("v1.2_x"), "v1.2_x");
        for hostile in ["../etc/passwd", "a/b", ".hidden", "", "å", "con\u{0}", "a\\b", "x y"] {
            let stem = file_stem(hostile);
            assert!(stem.chars().all(|c| c.is_ascii_alphanumeric() || "-_.~".contains(c)), "{hostile:?} → {stem:?}");
            assert!(!stem.starts_with('.') && !stem.is_empty() && !stem.contains(".."), "{hostile:?} → {stem:?}");
        }
        assert_ne!(file_stem("a/b"), file_stem("a_b"));
        assert_ne!(file_stem("a/b"), file_stem("a\\b"));
        let long = "x".repeat(500);
        assert!(file_stem(&long).len() < STEM_MAX + 10);
        let (upper, lower) = (PartyId::new("Acme"), PartyId::new("acme"));
        let stems = file_stems(&[&upper, &lower]);
        assert_ne!(stems[&upper].to_ascii_lowercase(), stems[&lower].to_ascii_lowercase());
    }

    #[test]
    fn the_overview_is_chosen_past_either_limit_unless_asked_otherwise() {
        let small = Size { parties: OVERVIEW_PARTIES, findings: OVERVIEW_FINDINGS };
        let many_parties = Size { parties: OVERVIEW_PARTIES + 1, findings: 0 };
        let many_findings = Size { parties: 1, findings: OVERVIEW_FINDINGS + 1 };
        assert!(!Mode::Auto.overview(small));
        assert!(Mode::Auto.overview(many_parties) && Mode::Auto.overview(many_findings));
        assert!(Mode::Overview.overview(small));
        assert!(!Mode::Full.overview(many_parties));
    }
}
