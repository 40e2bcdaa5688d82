//! Validation: raw, spanned YAML types in; the domain [`Model`] and every
//! diagnostic out.
//!
//! Validation never stops at the first problem. It runs in two passes: the first
//! collects every id of every file (so references can point forward and across
//! files, and duplicates can point at both definitions); the second builds each
//! entity, resolving references, spellings, countries and dates, and pushing a
//! diagnostic for each one that fails. An entity with a broken required field is
//! left out of the model, which is then discarded anyway because it has errors.
//!
//! **The fast path.** Those two passes need every file's raw values at once,
//! and on a national model the raw values and the entities built from them
//! would then be held together (issue 19). So the loader first builds each
//! file on its own, on the thread that parsed it, as soon as it is parsed
//! ([`build_part`]): every reference and every id is taken on trust, and
//! noted. Once all files are in, [`assemble`] checks what was noted: no id
//! defined twice or malformed, every reference naming an id of its kind.
//! Then the parts are exactly what the second pass would have built, since
//! with every lookup succeeding the two passes take the same steps, and they
//! make the model. If one check fails the model has errors, and the loader
//! validates it again the slow way ([`validate`]), from the files parsed
//! again, for the diagnostics that pass gives (each reference that fails,
//! with the ids it may have meant). The test
//! `fast_and_full_validation_agree` compares both ways on every fixture.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::raw::{self, At, Entry, I, RawFile};
use crate::diag::{Bounded, Diagnostic, DiagnosticCode};
use crate::model::ids::{check_id, leading_bytes};
use crate::model::*;
use crate::reference::Reference;
use crate::source::{FileId, SourceMap, Span};
use crate::suggest::did_you_mean;
use jiff::civil::{Date, DateTime};

/// What kind of entity an id names, for "is a system, not a party" messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Party,
    Data,
    System,
    Activity,
    Agreement,
    Incident,
}

impl Kind {
    fn noun(self) -> &'static str {
        match self {
            Kind::Party => "party",
            Kind::Data => "data category",
            Kind::System => "system",
            Kind::Activity => "activity",
            Kind::Agreement => "agreement",
            Kind::Incident => "incident",
        }
    }

    fn with_article(self) -> String {
        match self {
            Kind::Activity | Kind::Agreement | Kind::Incident => format!("an {}", self.noun()),
            _ => format!("a {}", self.noun()),
        }
    }

    fn section(self) -> &'static str {
        match self {
            Kind::Party => "parties",
            Kind::Data => "data",
            Kind::System => "systems",
            Kind::Activity => "processing",
            Kind::Agreement => "agreements",
            Kind::Incident => "incidents",
        }
    }
}

/// Validates parsed files into a model. The model is only meaningful when no
/// diagnostic is an error.
///
/// `skipped` names the model's files that could not be parsed: ids they define
/// are unknown here, and a reference to an unknown id says it may be defined there.
pub fn validate(
    files: Vec<(FileId, Arc<RawFile>)>,
    sources: &SourceMap,
    reference: &Reference,
    skipped: &[String],
) -> (Model, Bounded) {
    if files.is_empty() {
        return (Model::default(), Bounded::new());
    }
    let (ids, mut diagnostics) = collect_ids(&files, sources);
    // The model's maps are made once, at the size of every file's entries
    // together (an entry that fails leaves room unused): growing them file by
    // file would copy the entries again at every doubling.
    let count = |count: fn(&RawFile) -> usize| files.iter().map(|(_, raw)| count(raw)).sum::<usize>();
    let sizes = [
        count(|raw| raw.parties.len()),
        count(|raw| raw.data.len()),
        count(|raw| raw.systems.len()),
        count(|raw| raw.processing.len()),
        count(|raw| raw.agreements.len()),
        count(|raw| raw.incidents.len()),
    ];
    // Pass 2 reads the ids only, so files are built on every core; each
    // file's entities and diagnostics are taken into the model as soon as it
    // and the files before it are built, in file order, as one thread would
    // have: the first definition of an id still wins. Each raw file is dropped
    // once built and each part once taken, so the raw values, the parts and
    // the model are never all held at once.
    // A raw file `diff` shares with the other side (`load_pair`) is only
    // read here: building takes nothing from it, and the side that holds it
    // last frees it.
    let mut model = Model::default();
    let built = crate::par::stream_owned(
        files,
        PARTS_AHEAD,
        |(file, raw)| {
            let source = sources.file(file);
            let mut ctx = Ctx {
                text: source.text(),
                len: source.len(),
                reference,
                diagnostics: Bounded::new(),
                file,
                resolve: Resolve::Known { ids: &ids, skipped },
            };
            let mut part = Model::default();
            ctx.build(&raw, &mut part);
            drop(raw);
            (part, ctx.diagnostics)
        },
        |(part, problems)| {
            diagnostics.append(problems);
            absorb(&mut model, part, &sizes);
            Ok::<(), std::convert::Infallible>(())
        },
    );
    let Ok(()) = built;
    // The references share the ids' text; the map itself is no longer needed.
    drop(ids);
    settle(&mut model, &mut diagnostics);
    (model, diagnostics)
}

/// What both paths do once every entity is in the model: the maps sorted by
/// id, the accepted risks in their order, and the checks that look at the
/// whole model.
fn settle(model: &mut Model, diagnostics: &mut Bounded) {
    // The agreements, the most entities, on a second core beside the rest.
    crate::par::join(
        || sort_by_id(&mut model.agreements),
        || {
            sort_by_id(&mut model.parties);
            sort_by_id(&mut model.data);
            sort_by_id(&mut model.systems);
            sort_by_id(&mut model.activities);
            sort_by_id(&mut model.incidents);
        },
    );
    model.accepted_risks.sort_by(|a, b| {
        let key = |r: &AcceptedRisk| {
            (
                r.rule.value.clone(),
                r.party.as_ref().map(|p| p.value.clone()),
                r.activity.as_ref().map(|a| a.value.clone()),
                r.expires.value,
            )
        };
        key(a).cmp(&key(b))
    });
    owned_by_cycles(model, diagnostics);
}

/// The model the fast path builds every file into, each on the thread that
/// parsed it ([`build_part`]), in whatever order the files are done: the
/// maps are sorted by id once all are in, and an id defined twice sends the
/// model to the full validation, so the order never shows.
///
/// Each file's entities move into the model's maps at once, rather than each
/// file's map waiting to be gathered: gathering would hold every entity twice
/// for a moment, which was the loader's high point (issue 19).
pub(super) struct Building {
    /// The model so far, and how many bytes of model files it was built from.
    state: std::sync::Mutex<(Model, u64)>,
    /// How many bytes of model files the whole model is built from.
    total: u64,
}

impl Building {
    /// An empty model, to be built from `total` bytes of model files.
    pub(super) fn new(total: u64) -> Self {
        Building { state: std::sync::Mutex::new((Model::default(), 0)), total }
    }

    /// Moves one file's entities into the model; `bytes` is the file's size.
    fn take(&self, part: Model, bytes: u64) {
        // A poisoned lock means a thread panicked: the panic surfaces when
        // the threads are joined, and this model is never used.
        let mut state = self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let (model, built) = &mut *state;
        *built += bytes;
        let (built, total) = (*built, self.total);
        move_into(&mut model.parties, part.parties, built, total);
        move_into(&mut model.data, part.data, built, total);
        move_into(&mut model.systems, part.systems, built, total);
        move_into(&mut model.activities, part.activities, built, total);
        move_into(&mut model.agreements, part.agreements, built, total);
        move_into(&mut model.incidents, part.incidents, built, total);
    }

    /// The model built.
    fn into_model(self) -> Model {
        self.state.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner).0
    }
}

/// Moves `from`'s entities into `into`. When `into` has no room left, it is
/// given room for as many entities of its kind as the `built` bytes of files
/// taken so far hold per byte, over all `total` bytes, and a quarter more:
/// each growth copies every entity so far, so it should be rare, and room
/// never used is never written, so it takes address space, not memory.
///
/// The test `a_model_bigger_than_its_listed_size_grows_its_maps_by_doubling`
/// holds it to growing geometrically whatever `total` says.
fn move_into<K: std::hash::Hash + Eq, V>(into: &mut IdMap<K, V>, from: IdMap<K, V>, built: u64, total: u64) {
    let needed = into.len() + from.len();
    if needed > into.capacity() {
        let expected =
            u128::try_from(needed).unwrap_or(u128::MAX) * u128::from(total) * 5 / 4 / u128::from(built.max(1));
        // At least twice the room there was: should the sizes listed fall
        // short of what was read (a file that grew, a size not known), the
        // map still grows by doubling, never by one file at a time. Never
        // more than 64 times what is needed now: a first file much denser
        // than the rest must not reserve gigabytes.
        let least = needed.max(into.capacity().saturating_mul(2));
        let room = usize::try_from(expected).unwrap_or(usize::MAX).clamp(least, needed.saturating_mul(64).max(least));
        into.reserve_exact(room - into.len());
    }
    into.absorb(from);
}

/// One model file built on the fast path ([`build_part`]): what building its
/// entities found, and what was taken on trust. The entities themselves are
/// in the [`Building`] model.
#[derive(Clone)]
pub(super) struct Part {
    /// What building the file's entities found.
    diagnostics: Bounded,
    /// The file's accepted risks, in file order (their sort is stable).
    accepted_risks: Vec<AcceptedRisk>,
    /// Each id the file defines, with its kind, in pass 1's order; `None`
    /// if one of them is not a valid id.
    definitions: Option<Vec<(Kind, Interned)>>,
    /// Each reference, with the kind of entity it must name; each once.
    references: Vec<(Key, Kind)>,
}

/// Builds one parsed file's entities into `into` before the other files
/// are known: every reference is taken as naming an entity of its kind, and
/// every id as defined here first, and both are noted for [`assemble`] to
/// check. `text` is the file's text, which the raw values were parsed from.
///
/// `also` is the other side's model of a `diff` whose two sides have this
/// file (the same bytes, the same file id): it is given the very same
/// entities ([`IdMap::shared`]), built once, and the part returned stands
/// for both sides.
pub(super) fn build_part(
    raw: &RawFile,
    file: FileId,
    text: &str,
    reference: &Reference,
    (into, also): (&Building, Option<&Building>),
) -> Part {
    let definitions = definitions(raw, file, text.len())
        .into_iter()
        .map(|(kind, id, _)| id.ok().map(|id| (kind, id)))
        .collect::<Option<Vec<_>>>();
    let mut ctx = Ctx {
        text,
        len: text.len(),
        reference,
        diagnostics: Bounded::new(),
        file,
        resolve: Resolve::Noted(Vec::new()),
    };
    let mut model = Model::default();
    ctx.build(raw, &mut model);
    let accepted_risks = std::mem::take(&mut model.accepted_risks);
    match also {
        None => into.take(model, text.len() as u64),
        Some(also) => {
            let (one, other) = shared(model);
            into.take(one, text.len() as u64);
            also.take(other, text.len() as u64);
        }
    }
    let mut references = match ctx.resolve {
        Resolve::Noted(references) => references,
        Resolve::Known { .. } => Vec::new(),
    };
    // A file names the same few parties and systems over and over: each is
    // checked, and held until then, once.
    references.sort_unstable_by_key(|&(key, kind)| (key.0.number(), kind as u8));
    references.dedup();
    references.shrink_to_fit();
    Part { diagnostics: ctx.diagnostics, accepted_risks, definitions, references }
}

/// Two models holding the very same entities, those of `model`; its
/// accepted risks (not entities) are left out.
fn shared(model: Model) -> (Model, Model) {
    let (parties, other_parties) = model.parties.shared();
    let (data, other_data) = model.data.shared();
    let (systems, other_systems) = model.systems.shared();
    let (activities, other_activities) = model.activities.shared();
    let (agreements, other_agreements) = model.agreements.shared();
    let (incidents, other_incidents) = model.incidents.shared();
    let one = Model { parties, data, systems, activities, agreements, incidents, accepted_risks: Vec::new() };
    let other = Model {
        parties: other_parties,
        data: other_data,
        systems: other_systems,
        activities: other_activities,
        agreements: other_agreements,
        incidents: other_incidents,
        accepted_risks: Vec::new(),
    };
    (one, other)
}

/// The model built, with the diagnostics each file's building found, in file
/// order (`parts` is one per file, in file order); or `None` if what the
/// parts took on trust does not hold: an id that is malformed or defined
/// twice, or a reference that names no entity of its kind. The model then
/// has errors, and only the full validation ([`validate`]) says which.
pub(super) fn assemble(parts: Vec<Part>, built: Building) -> Option<(Model, Bounded)> {
    let count = parts.iter().map(|part| part.definitions.as_ref().map_or(0, Vec::len)).sum();
    let mut kinds: HashMap<Key, Kind, foldhash::fast::RandomState> =
        HashMap::with_capacity_and_hasher(count, Default::default());
    for part in &parts {
        for &(kind, id) in part.definitions.as_ref()? {
            if kinds.insert(Key(id), kind).is_some() {
                return None;
            }
        }
    }
    let names = |(key, kind): &(Key, Kind)| kinds.get(key) == Some(kind);
    if !parts.iter().all(|part| part.references.iter().all(names)) {
        return None;
    }
    drop(kinds);
    let mut model = built.into_model();
    let mut diagnostics = Bounded::new();
    for part in parts {
        diagnostics.append(part.diagnostics);
        model.accepted_risks.extend(part.accepted_risks);
    }
    settle(&mut model, &mut diagnostics);
    Some((model, diagnostics))
}

/// Reports every cycle of `owned_by` (`a` owned by `b`, `b` by `a`): two
/// companies cannot own each other, and the group rules would count them as
/// different groups. A party has one owner, so each party is walked once.
fn owned_by_cycles(model: &Model, diagnostics: &mut Bounded) {
    // 0 unvisited, 1 on the walk being made, 2 done.
    let mut state: HashMap<&PartyId, u8> = HashMap::new();
    for start in model.parties.keys() {
        let mut walk: Vec<&PartyId> = Vec::new();
        let mut party = start;
        loop {
            match state.get(party).copied().unwrap_or(0) {
                0 => {
                    state.insert(party, 1);
                    walk.push(party);
                    match model.parties.get(party).and_then(|p| p.owned_by.as_ref()) {
                        // A self-reference is reported where the party is read.
                        Some(owner) if owner.value != *party => party = &owner.value,
                        _ => break,
                    }
                }
                1 => {
                    let from = walk.iter().position(|p| *p == party).unwrap_or(0);
                    diagnostics.push(owned_by_cycle(model, &walk[from..]));
                    break;
                }
                _ => break,
            }
        }
        for party in walk {
            state.insert(party, 2);
        }
    }
}

fn owned_by_cycle(model: &Model, cycle: &[&PartyId]) -> Diagnostic {
    let mut names: Vec<String> = cycle.iter().take(6).map(|p| format!("`{p}`")).collect();
    if cycle.len() > 6 {
        names.truncate(5);
        names.push(format!("… ({} more)", cycle.len() - 5));
    }
    names.push(format!("`{}`", cycle[0]));
    let mut diagnostic =
        Diagnostic::error(DiagnosticCode::OwnedByCycle, format!("{} own each other in a circle", names.join(" → ")))
            .help("an owner chain ends at a party that no other party in the model owns");
    for (index, party) in cycle.iter().enumerate().take(6) {
        let Some(owner) = model.parties.get(*party).and_then(|p| p.owned_by.as_ref()) else { continue };
        let label = format!("`{party}` is owned by `{}`", owner.value);
        diagnostic = if index == 0 { diagnostic.at(owner.span, label) } else { diagnostic.also(owner.span, label) };
    }
    diagnostic
}

/// Every valid id in the model with its kind and where it is first defined.
/// Its keys are the ids' interned text, which each reference to an entity names.
type Ids = HashMap<Key, (Kind, Span), foldhash::fast::RandomState>;

/// An id as a key of [`Ids`], hashed as its interned number: each of the
/// model's references (about two million on national) is looked up once,
/// and four bytes hash faster than the id's text. Equal keys are equal
/// texts, as for [`Interned`].
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key(Interned);

impl std::hash::Hash for Key {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u32(self.0.number());
    }
}

/// What `convert` makes of each of `items` it accepts, as a model's list.
/// A model's lists mostly hold one to three items and never grow once
/// loaded: collecting a filtered iterator into a `Vec` would leave room for
/// four (about 50 MB of national's heap, issue 19), so the items are
/// gathered with room for all of `items` and no more. An item `convert`
/// rejects has pushed an error, so a model that loads has no unused room,
/// and the boxed slice takes the allocation as it is.
fn kept<T, U>(items: &[T], convert: impl FnMut(&T) -> Option<U>) -> Box<[U]> {
    let mut kept = Vec::with_capacity(items.len());
    kept.extend(items.iter().filter_map(convert));
    kept.into_boxed_slice()
}

/// `items` sorted, each once: a list of words of a closed vocabulary, where
/// neither order nor repeats mean anything.
fn set_of<T: Ord>(items: Box<[T]>) -> Box<[T]> {
    let mut items = items.into_vec();
    items.sort();
    items.dedup();
    items.into_boxed_slice()
}

/// Sorts a map by id. An entity is hundreds of bytes, and a stable sort of the
/// entries themselves moves each one about log n times; sorting the ids with
/// their positions and then moving each entity into place once does not grow
/// faster than the model (the sort of 10x national took 3.2 s, now 1.0 s).
fn sort_by_id<K: Ord + Clone + AsRef<str>, V: Send>(map: &mut IdMap<K, V>) {
    // Comparing two ids compares their texts, far apart in memory: the
    // texts' first bytes, read once per id, order most pairs without either
    // text (`leading_bytes`). The order is the ids' own.
    map.sort_by_cached_key(|id, _| (leading_bytes(id.as_ref()), id.clone()));
}

/// How many built files' parts may wait to be taken into the model while the
/// next files are built: enough to keep every core busy behind a big file.
const PARTS_AHEAD: usize = 8;

/// Adds one file's entities to the model, in file order; an id already there
/// keeps its first definition (a duplicate has its own diagnostic).
///
/// `sizes` is how many entries of each kind the whole model may have. The
/// first part with entries of a kind becomes that map as it is, given room
/// for the rest: a model in one big file is then never copied, and the maps
/// are allocated once. Exactly: `reserve` would round the entries up to the
/// hash table's capacity, a third more agreements than national has, held
/// through the whole analysis.
fn absorb(model: &mut Model, part: Model, sizes: &[usize; 6]) {
    fn merge<K: std::hash::Hash + Eq, V>(into: &mut IdMap<K, V>, mut from: IdMap<K, V>, size: usize) {
        if into.is_empty() {
            std::mem::swap(into, &mut from);
            into.reserve_exact(size.saturating_sub(into.len()));
        }
        into.absorb(from);
    }
    let [parties, data, systems, activities, agreements, incidents] = *sizes;
    merge(&mut model.parties, part.parties, parties);
    merge(&mut model.data, part.data, data);
    merge(&mut model.systems, part.systems, systems);
    merge(&mut model.activities, part.activities, activities);
    merge(&mut model.agreements, part.agreements, agreements);
    merge(&mut model.incidents, part.incidents, incidents);
    // Accepted risks keep file order (their sort is stable).
    model.accepted_risks.extend(part.accepted_risks);
}

/// Pass 1: every valid id of every file with its kind and where it is first
/// defined, and a diagnostic for each bad or duplicate id.
fn collect_ids(files: &[(FileId, Arc<RawFile>)], sources: &SourceMap) -> (Ids, Bounded) {
    let count: usize = files
        .iter()
        .map(|(_, raw)| {
            raw.parties.len()
                + raw.data.len()
                + raw.systems.len()
                + raw.processing.len()
                + raw.agreements.len()
                + raw.incidents.len()
        })
        .sum();
    // Each file's ids are checked and interned on every core;
    // they are then entered in file order, as one thread would: the first
    // definition of an id wins and the diagnostics keep their order.
    let prepared = crate::par::map(files, |(file, raw)| definitions(raw, *file, sources.file(*file).len()));
    let mut ids = Ids::with_capacity_and_hasher(count, Default::default());
    let mut diagnostics = Bounded::new();
    for (kind, id, span) in prepared.into_iter().flatten() {
        let problem = match id {
            Ok(id) => define(&mut ids, kind, id, span),
            Err(diagnostic) => Some(*diagnostic),
        };
        diagnostics.extend(problem);
    }
    (ids, diagnostics)
}

/// Every id `raw` defines, in the order pass 1 enters them (by kind, then as
/// written), with its kind and span: its interned text, or why it is not a
/// valid id.
fn definitions(raw: &RawFile, file: FileId, len: usize) -> Vec<(Kind, Result<Interned, Box<Diagnostic>>, Span)> {
    let groups: [(Kind, Vec<&Option<I>>); 6] = [
        (Kind::Party, raw.parties.iter().map(|p| &p.value.id).collect()),
        (Kind::Data, raw.data.iter().map(|d| &d.value.id).collect()),
        (Kind::System, raw.systems.iter().map(|s| &s.value.id).collect()),
        (Kind::Activity, raw.processing.iter().map(|a| &a.value.id).collect()),
        (Kind::Agreement, raw.agreements.iter().map(|a| &a.value.id).collect()),
        (Kind::Incident, raw.incidents.iter().map(|i| &i.value.id).collect()),
    ];
    let mut definitions = Vec::new();
    for (kind, group) in groups {
        for id in group.into_iter().flatten() {
            let span = id.span(file, len);
            definitions.push((kind, well_formed(id, span), span));
        }
    }
    definitions
}

/// The id's interned text (interned as it was read), or why it is not a
/// valid id.
fn well_formed(id: &I, span: Span) -> Result<Interned, Box<Diagnostic>> {
    if let Err(error) = check_id(id.value.as_str()) {
        let mut diagnostic = Diagnostic::error(DiagnosticCode::BadId, format!("`{}` is not a valid id", id.value))
            .at(span, error.to_string());
        let suggestion = kebab_case(id.value.as_str());
        if !suggestion.is_empty() && check_id(&suggestion).is_ok() {
            diagnostic = diagnostic.help(format!("write it as `{suggestion}`"));
        }
        return Err(Box::new(diagnostic));
    }
    Ok(id.value)
}

/// Adds a well-formed `id` to `ids`, or says which definition it repeats.
fn define(ids: &mut Ids, kind: Kind, id: Interned, span: Span) -> Option<Diagnostic> {
    match ids.entry(Key(id)) {
        std::collections::hash_map::Entry::Occupied(first) => {
            let (first_kind, first_span) = *first.get();
            let id = first.key().0;
            let what = if first_kind == kind {
                format!("duplicate {} id `{id}`", kind.noun())
            } else {
                format!("id `{id}` is used for a {} and a {}", first_kind.noun(), kind.noun())
            };
            Some(
                Diagnostic::error(DiagnosticCode::DuplicateId, what)
                    .at(span, "defined again here")
                    .also(first_span, "first defined here")
                    .help("ids are unique across every file of the model; rename one of them"),
            )
        }
        std::collections::hash_map::Entry::Vacant(slot) => {
            slot.insert((kind, span));
            None
        }
    }
}

struct Ctx<'a> {
    /// The file's text, for an entry's extent ([`Ctx::entry_span`]): on the
    /// fast path the text just parsed; on the full path as the source map
    /// holds it (read again if the loader let it go, empty if it changed).
    text: &'a str,
    /// The file's length in bytes, which spans are bounded by.
    len: usize,
    reference: &'a Reference,
    /// Errors past [`crate::diag::MAX_ERRORS_KEPT_PER_FILE`] are only counted.
    diagnostics: Bounded,
    /// The file being validated.
    file: FileId,
    /// How ids and references are checked.
    resolve: Resolve<'a>,
}

/// How a [`Ctx`] checks an entity's own id and its references.
enum Resolve<'a> {
    /// Against every id of the model (the full path, pass 2).
    Known {
        /// Every valid id in the model with its kind and where it is first
        /// defined. Its keys are the ids' interned text, which each
        /// reference to an entity names.
        ids: &'a Ids,
        /// Files that could not be parsed, as shown in diagnostics.
        skipped: &'a [String],
    },
    /// On trust (the fast path, [`build_part`]): each reference is noted,
    /// with the kind it must name, for [`assemble`] to check.
    Noted(Vec<(Key, Kind)>),
}

impl Ctx<'_> {
    fn span_of<T>(&self, at: &At<T>) -> Span {
        at.span(self.file, self.len)
    }

    /// The span of a mapping entry, since the parser gives a mapping's position
    /// but not its length: a flow mapping (`{ party: x }`) up to its closing
    /// brace, a block mapping from its first key to the end of that line, less
    /// any comment.
    fn entry_span<T>(&self, entry: &At<T>) -> Span {
        let span = self.span_of(entry);
        let text = self.text;
        let start = span.range().start;
        let rest = text.get(start..).unwrap_or("");
        if rest.starts_with('{') {
            // Not `rest`'s whole line: a 4 MB line of a million entries would
            // make this quadratic.
            if let Some(end) = flow_mapping_end(rest) {
                return Span::new(span.file, start..start + end);
            }
        } else if span.end() > span.start {
            return span;
        }
        let line = rest.split('\n').next().unwrap_or("");
        Span::new(span.file, start..start + without_comment(line).len())
    }

    fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    // ---- pass 2: entities ----------------------------------------------------

    fn build(&mut self, raw: &RawFile, model: &mut Model) {
        for party in &raw.parties {
            if let Some(party) = self.party(party) {
                model.parties.insert_first(party.id.clone(), party);
            }
        }
        for data in &raw.data {
            if let Some(data) = self.data(data) {
                model.data.insert_first(data.id.clone(), data);
            }
        }
        for system in &raw.systems {
            if let Some(system) = self.system(system) {
                model.systems.insert_first(system.id.clone(), system);
            }
        }
        for activity in &raw.processing {
            if let Some(activity) = self.activity(activity) {
                model.activities.insert_first(activity.id.clone(), activity);
            }
        }
        for agreement in &raw.agreements {
            if let Some(agreement) = self.agreement(agreement) {
                model.agreements.insert_first(agreement.id.clone(), agreement);
            }
        }
        for incident in &raw.incidents {
            if let Some(incident) = self.incident(incident) {
                model.incidents.insert_first(incident.id.clone(), incident);
            }
        }
        for risk in &raw.accepted_risks {
            if let Some(risk) = self.accepted_risk(risk) {
                model.accepted_risks.push(risk);
            }
        }
    }

    /// The entity's own id, if it is valid and this entry is its first definition.
    fn own_id<T: Entry>(&mut self, entry: &At<T>, id: &Option<I>, kind: Kind) -> Option<(Interned, Span)> {
        let Some(id) = id else {
            if entry.value.failed().contains("id") {
                // Reported where it is written.
                return None;
            }
            let span = self.entry_span(entry);
            self.push(
                Diagnostic::error(DiagnosticCode::MissingField, format!("{} without an `id`", kind.noun()))
                    .at(span, "this entry has no `id`")
                    .help(format!("every entry of `{}` needs a unique kebab-case `id`", kind.section())),
            );
            return None;
        };
        let span = self.span_of(id);
        match &self.resolve {
            Resolve::Known { ids, .. } => match ids.get(&Key(id.value)) {
                Some((_, first)) if *first == span => Some((id.value, span)),
                _ => None,
            },
            // `assemble` checks that each id is valid and defined once, so
            // that this is its first definition.
            Resolve::Noted(_) => Some((id.value, span)),
        }
    }

    /// The value of a required field; a diagnostic if it is left out (not if it
    /// was written but could not be read: that has its own).
    fn required<'s, T>(
        &mut self,
        entry: &At<impl Entry>,
        value: &'s Option<At<T>>,
        field: &str,
        what: &str,
    ) -> Option<&'s At<T>> {
        if value.is_none() && !entry.value.failed().contains(field) {
            let span = self.entry_span(entry);
            self.push(
                Diagnostic::error(DiagnosticCode::MissingField, format!("{what} has no `{field}`"))
                    .at(span, format!("`{field}` is required here")),
            );
        }
        value.as_ref()
    }

    fn reference<Id>(&mut self, text: &I, kind: Kind, make: fn(Interned) -> Id) -> Option<Located<Id>> {
        let span = self.span_of(text);
        let (ids, skipped) = match &mut self.resolve {
            Resolve::Known { ids, skipped } => (*ids, *skipped),
            Resolve::Noted(references) => {
                references.push((Key(text.value), kind));
                return Some(Located::new(make(text.value), span));
            }
        };
        match ids.get(&Key(text.value)) {
            Some((found, _)) if *found == kind => Some(Located::new(make(text.value), span)),
            Some((found, _)) => {
                let found = *found;
                self.push(
                    Diagnostic::error(
                        DiagnosticCode::WrongReference,
                        format!("`{}` is {}, not {}", text.value, found.with_article(), kind.with_article()),
                    )
                    .at(span, format!("expected a {} id", kind.noun())),
                );
                None
            }
            None => {
                let candidates: Vec<&str> =
                    ids.iter().filter(|(_, (k, _))| *k == kind).map(|(id, _)| id.0.as_str()).collect();
                let mut diagnostic = Diagnostic::error(
                    DiagnosticCode::UnknownReference,
                    format!("unknown {} `{}`", kind.noun(), text.value),
                )
                .at(span, format!("no {} has this id", kind.noun()));
                diagnostic = match did_you_mean(text.value.as_str(), candidates) {
                    Some(suggestion) => diagnostic.help(format!("did you mean `{suggestion}`?")),
                    None => diagnostic.help(format!("define it under `{}`", kind.section())),
                };
                if !skipped.is_empty() {
                    // The id may well be defined in a file with a syntax error: say
                    // so, rather than send the user looking for a typo that is not there.
                    let files: Vec<String> = skipped.iter().map(|f| format!("`{f}`")).collect();
                    diagnostic = diagnostic
                        .note(format!("{} could not be loaded, so ids defined there are not known", files.join(", ")));
                }
                self.push(diagnostic);
                None
            }
        }
    }

    fn party_ref(&mut self, text: &I) -> Option<Located<PartyId>> {
        self.reference(text, Kind::Party, PartyId::from_interned)
    }

    fn party_refs(&mut self, texts: &[I]) -> Box<[Located<PartyId>]> {
        kept(texts, |t| self.party_ref(t))
    }

    fn word<T: Vocabulary>(&mut self, text: &I) -> Option<Located<T>> {
        let span = self.span_of(text);
        if let Some(value) = T::parse(text.value.as_str()) {
            return Some(Located::new(value, span));
        }
        let spellings = T::spellings();
        let mut diagnostic =
            Diagnostic::error(DiagnosticCode::UnknownValue, format!("unknown {} `{}`", T::WHAT, text.value))
                .at(span, format!("expected one of: {}", spellings.join(", ")));
        let normalised = text.value.as_str().trim().to_lowercase().replace(['-', ' '], "_");
        if let Some(value) = T::parse(&normalised) {
            diagnostic = diagnostic.help(format!("write it as `{}`", value.spelling()));
        } else if let Some(suggestion) = did_you_mean(text.value.as_str(), spellings.iter().copied()) {
            diagnostic = diagnostic.help(format!("did you mean `{suggestion}`?"));
        }
        self.push(diagnostic);
        None
    }

    fn required_word<T: Vocabulary>(
        &mut self,
        entry: &At<impl Entry>,
        value: &Option<I>,
        field: &str,
        what: &str,
    ) -> Option<Located<T>> {
        let text = self.required(entry, value, field, what)?;
        self.word(text)
    }

    fn country(&mut self, text: &I) -> Option<Located<Country>> {
        let span = self.span_of(text);
        let code = text.value.as_str();
        if self.reference.is_country(code) {
            let country = Country::from_interned(text.value);
            if let Some(note) = self.reference.territory_note(&country) {
                let note = note.to_owned();
                self.push(
                    Diagnostic::warning(DiagnosticCode::Territory, format!("check the status of `{code}`"))
                        .at(span, "")
                        .note(note),
                );
            }
            return Some(Located::new(country, span));
        }
        let mut diagnostic = Diagnostic::error(
            DiagnosticCode::UnknownCountry,
            format!("`{code}` is not an ISO 3166-1 alpha-2 country code"),
        )
        .at(span, "expected a two-letter code such as `SE`");
        let upper = code.trim().to_uppercase();
        if self.reference.is_country(&upper) {
            diagnostic = diagnostic.help(format!("country codes are upper case: `{upper}`"));
        } else if code.eq_ignore_ascii_case("UK") {
            diagnostic = diagnostic.help("the United Kingdom's ISO code is `GB`");
        } else if code.eq_ignore_ascii_case("EL") {
            diagnostic = diagnostic.help("Greece's ISO code is `GR` (EU documents use `EL`)");
        } else if let Some(suggestion) = did_you_mean(&upper, self.reference.country_codes()) {
            diagnostic = diagnostic.help(format!("did you mean `{suggestion}`?"));
        }
        self.push(diagnostic);
        None
    }

    fn date(&mut self, text: &I) -> Option<Located<Date>> {
        let span = self.span_of(text);
        match parse_date(text.value.as_str()) {
            Some(date) => Some(Located::new(date, span)),
            None => {
                self.push(
                    Diagnostic::error(DiagnosticCode::BadDate, format!("`{}` is not a date", text.value))
                        .at(span, "expected a calendar date written YYYY-MM-DD")
                        .help("for example `2019-02-18`"),
                );
                None
            }
        }
    }

    fn optional_date(&mut self, text: &Option<I>) -> Option<Located<Date>> {
        text.as_ref().and_then(|t| self.date(t))
    }

    fn datetime(&mut self, text: &I) -> Option<Located<DateTime>> {
        let span = self.span_of(text);
        let value = text.value.as_str();
        let parsed = match parse_date(value) {
            Some(date) => Some(date.to_datetime(jiff::civil::Time::midnight())),
            None if value.len() >= 16 && value.as_bytes().get(10) == Some(&b'T') => value.parse::<DateTime>().ok(),
            None => None,
        };
        match parsed {
            Some(datetime) => Some(Located::new(datetime, span)),
            None => {
                self.push(
                    Diagnostic::error(DiagnosticCode::BadDate, format!("`{value}` is not a date or a date and time"))
                        .at(span, "expected YYYY-MM-DD or YYYY-MM-DDTHH:MM")
                        .help("for example `2019-02-19` or `2019-02-19T16:44`"),
                );
                None
            }
        }
    }

    fn regimes(&mut self, texts: &[I]) -> Box<[Located<RegimeId>]> {
        let mut regimes = Vec::with_capacity(texts.len());
        for text in texts {
            let span = self.span_of(text);
            let regime = RegimeId::from_interned(text.value);
            if self.reference.regime(&regime).is_some() {
                regimes.push(Located::new(regime, span));
                continue;
            }
            let known: Vec<&str> = self.reference.regimes().map(|r| r.id.as_str()).collect();
            let mut diagnostic =
                Diagnostic::error(DiagnosticCode::UnknownRegime, format!("unknown legal regime `{}`", text.value))
                    .at(span, "not in the reference data");
            diagnostic = match did_you_mean(text.value.as_str(), known.iter().copied()) {
                Some(suggestion) => diagnostic.help(format!("did you mean `{suggestion}`?")),
                None => diagnostic.help(format!("known regimes: {}", known.join(", "))),
            };
            self.push(diagnostic);
        }
        regimes.into_boxed_slice()
    }

    fn flag(&self, value: &Option<At<bool>>) -> Option<Located<bool>> {
        value.as_ref().map(|v| Located::new(v.value, self.span_of(v)))
    }

    fn check_period(&mut self, from: &Option<Located<Date>>, until: &Option<Located<Date>>, what: &str) {
        if let (Some(from), Some(until)) = (from, until)
            && from.value > until.value
        {
            self.push(
                Diagnostic::error(
                    DiagnosticCode::BadPeriod,
                    format!("{what} ends on {} before it starts on {}", until.value, from.value),
                )
                .at(until.span, "end date")
                .also(from.span, "start date"),
            );
        }
    }

    fn party(&mut self, entry: &At<raw::RawParty>) -> Option<Party> {
        let (id, span) = self.own_id(entry, &entry.value.id, Kind::Party)?;
        let what = format!("party `{id}`");
        let raw = &entry.value;
        let name = self.required(entry, &raw.name, "name", &what).map(|n| n.value.clone());
        let kind = self.required_word::<PartyKind>(entry, &raw.kind, "kind", &what);
        let country = self.required(entry, &raw.country, "country", &what).cloned().and_then(|c| self.country(&c));
        let owned_by = raw.owned_by.as_ref().and_then(|o| self.party_ref(o));
        if let Some(owner) = &owned_by
            && owner.value.as_str() == id.as_str()
        {
            self.push(
                Diagnostic::error(DiagnosticCode::SelfReference, format!("party `{id}` is owned by itself"))
                    .at(owner.span, "the party's own id"),
            );
        }
        let subject_to = self.regimes(&raw.subject_to);
        let certifications = kept(&raw.certifications, |c| self.certification(c));
        let (name, kind, country) = (name?, kind?, country?);
        Some(Party {
            id: PartyId::from_interned(id),
            span,
            name,
            public_body: raw.public_body.as_ref().map(|p| p.value).unwrap_or(kind.value.is_public_by_default()),
            kind,
            country,
            org_number: raw.org_number.as_ref().map(|o| o.value.clone()),
            owned_by,
            subject_to,
            certifications,
            keeps_records: self.flag(&raw.keeps_records),
            employees: raw.employees.as_ref().map(|e| e.value),
            eu_establishment: raw.eu_establishment.as_ref().map(|e| e.value),
            targets_eu_subjects: raw.targets_eu_subjects.as_ref().map(|e| e.value),
            monitors_eu_subjects: raw.monitors_eu_subjects.as_ref().map(|e| e.value),
            eu_representative: self.flag(&raw.eu_representative),
            core_activities_special_categories: raw.core_activities_special_categories.as_ref().map(|e| e.value),
            dpo: self.flag(&raw.dpo),
            notes: raw.notes.clone(),
        })
    }

    fn certification(&mut self, entry: &At<raw::RawCertification>) -> Option<Certification> {
        let raw = &entry.value;
        let scheme = self.required(entry, &raw.scheme, "scheme", "certification")?.clone();
        let covers = kept(&raw.covers, |c| self.word::<CertifiedData>(c).map(|c| c.value));
        let from = self.optional_date(&raw.from);
        let until = self.optional_date(&raw.until);
        self.check_period(&from, &until, "certification");
        Some(Certification {
            span: self.entry_span(entry),
            scheme: Located::new(scheme.value.clone(), self.span_of(&scheme)),
            covers,
            from: from.map(|d| d.value),
            until: until.map(|d| d.value),
        })
    }

    fn data(&mut self, entry: &At<raw::RawData>) -> Option<DataCategory> {
        let (id, span) = self.own_id(entry, &entry.value.id, Kind::Data)?;
        let raw = &entry.value;
        let name = self.required(entry, &raw.name, "name", &format!("data category `{id}`")).map(|n| n.value.clone());
        let special_categories =
            set_of(kept(&raw.special_categories, |c| self.word::<SpecialCategory>(c).map(|c| c.value)));
        let retention = raw.retention.as_ref().and_then(|text| {
            let span = self.span_of(text);
            match Retention::parse(text.value.as_str()) {
                Some(retention) => Some(Located::new(retention, span)),
                None => {
                    self.push(
                        Diagnostic::error(
                            DiagnosticCode::BadDuration,
                            format!("`{}` is not an ISO 8601 duration", text.value),
                        )
                        .at(span, "expected a duration such as `P10Y`, `P6M` or `P30D`")
                        .help("write years, months, weeks and days in that order: `P1Y6M`"),
                    );
                    None
                }
            }
        });
        let requires = self.regimes(&raw.requires);
        Some(DataCategory {
            id: DataId::from_interned(id),
            span,
            name: name?,
            special_categories,
            criminal_offences: raw.criminal_offences.as_ref().is_some_and(|c| c.value),
            patient_record: raw.patient_record.as_ref().is_some_and(|c| c.value),
            employment: raw.employment.as_ref().is_some_and(|c| c.value),
            subjects: raw.subjects.iter().map(|s| s.value.clone()).collect(),
            retention,
            requires,
            notes: raw.notes.clone(),
        })
    }

    fn system(&mut self, entry: &At<raw::RawSystem>) -> Option<System> {
        let (id, span) = self.own_id(entry, &entry.value.id, Kind::System)?;
        let what = format!("system `{id}`");
        let raw = &entry.value;
        let name = self.required(entry, &raw.name, "name", &what).map(|n| n.value.clone());
        let operator = self.required(entry, &raw.operator, "operator", &what).cloned().and_then(|o| self.party_ref(&o));
        let location = self.required(entry, &raw.location, "location", &what).cloned().and_then(|l| self.country(&l));
        let exposure = raw.exposure.as_ref().and_then(|e| self.word::<Exposure>(e));
        let authentication = raw.authentication.as_ref().and_then(|a| self.word::<Authentication>(a));
        let encryption = raw.encryption.as_ref().map(|e| &e.value);
        Some(System {
            id: SystemId::from_interned(id),
            span,
            name: name?,
            operator: operator?,
            location: location?,
            exposure,
            encrypted_in_transit: encryption.and_then(|e| self.flag(&e.in_transit)),
            encrypted_at_rest: encryption.and_then(|e| self.flag(&e.at_rest)),
            authentication,
            access_logging: self.flag(&raw.access_logging),
            log_review: self.flag(&raw.log_review),
            needs_and_risk_analysis: self.flag(&raw.needs_and_risk_analysis),
            backups: self.flag(&raw.backups),
            notes: raw.notes.clone(),
        })
    }

    fn activity(&mut self, entry: &At<raw::RawActivity>) -> Option<Activity> {
        let (id, span) = self.own_id(entry, &entry.value.id, Kind::Activity)?;
        let raw = &entry.value;
        let name = self.required(entry, &raw.name, "name", &format!("activity `{id}`")).map(|n| n.value.clone());
        let data = kept(&raw.data, |d| self.reference(d, Kind::Data, DataId::from_interned));
        let controller_by_law = raw.controller_by_law.as_ref().and_then(|designation| {
            let party = self.required(designation, &designation.value.party, "party", "`controller_by_law`")?.clone();
            Some(LegalDesignation {
                party: self.party_ref(&party)?,
                law: designation.value.law.as_ref().map(|l| l.value.clone()),
            })
        });
        let purposes_decided_by = self.party_refs(&raw.purposes_decided_by);
        let means_decided_by = self.party_refs(&raw.means_decided_by);
        let informs_subjects = raw.informs_subjects.as_ref().map(|list| {
            let span = self.span_of(list);
            Located::new(self.party_refs(&list.value), span)
        });
        let active_from = self.optional_date(&raw.active_from);
        let active_until = self.optional_date(&raw.active_until);
        self.check_period(&active_from, &active_until, &format!("activity `{id}`"));
        let performers = kept(&raw.performers, |p| self.performer(p));
        self.check_delegation(id.as_str(), &performers);
        Some(Activity {
            id: ActivityId::from_interned(id),
            span,
            name: name?,
            purpose: raw.purpose.as_ref().map(|p| p.value.clone()),
            data,
            subjects: raw.subjects.iter().map(|s| s.value.clone()).collect(),
            controller_by_law,
            purposes_decided_by,
            means_decided_by,
            informs_subjects,
            large_scale: raw.large_scale.as_ref().map(|l| l.value),
            dpia: self.flag(&raw.dpia),
            active_from,
            active_until,
            performers,
            notes: raw.notes.clone(),
        })
    }

    fn performer(&mut self, entry: &At<raw::RawPerformer>) -> Option<Performer> {
        let raw = &entry.value;
        let party = self.required(entry, &raw.party, "party", "performer")?.clone();
        let party = self.party_ref(&party);
        let on_behalf_of = raw.on_behalf_of.as_ref().and_then(|o| self.party_ref(o));
        let location = raw.location.as_ref().and_then(|l| self.country(l));
        let access_from = kept(&raw.access_from, |c| self.country(c));
        let systems = kept(&raw.systems, |s| self.reference(s, Kind::System, SystemId::from_interned));
        let party = party?;
        if let Some(principal) = &on_behalf_of
            && principal.value == party.value
        {
            self.push(
                Diagnostic::error(DiagnosticCode::SelfOnBehalf, format!("`{}` acts on its own behalf", party.value))
                    .at(principal.span, "the performer itself")
                    .also(party.span, "performer")
                    .help("leave out `on_behalf_of` for a party's own processing; it means on behalf of another party"),
            );
        }
        Some(Performer {
            span: self.entry_span(entry),
            party,
            on_behalf_of,
            location,
            access_from,
            systems,
            own_purposes: raw.own_purposes.iter().map(|p| Located::new(p.value.clone(), self.span_of(p))).collect(),
            beyond_instructions: self.flag(&raw.beyond_instructions),
            gives_care: self.flag(&raw.gives_care),
            task: raw.task.as_ref().map(|t| t.value.clone()),
        })
    }

    /// Reports a cycle of `on_behalf_of` among an activity's performers: a chain
    /// of delegation that never reaches a controller.
    fn check_delegation(&mut self, activity: &str, performers: &[Performer]) {
        let mut principals: HashMap<&PartyId, Vec<&Located<PartyId>>> = HashMap::new();
        for performer in performers {
            if let Some(principal) = &performer.on_behalf_of
                && principal.value != performer.party.value
            {
                principals.entry(&performer.party.value).or_default().push(principal);
            }
        }
        let mut starts: Vec<&PartyId> = principals.keys().copied().collect();
        starts.sort();
        let mut reported: Vec<Vec<&PartyId>> = Vec::new();
        let mut safe = HashSet::new();
        for start in starts {
            if let Some(cycle) = find_cycle(start, &principals, &mut safe) {
                let mut members: Vec<&PartyId> = cycle.iter().map(|(p, _)| *p).collect();
                members.sort();
                if reported.contains(&members) {
                    continue;
                }
                reported.push(members);
                let mut names: Vec<String> = cycle.iter().map(|(p, _)| format!("`{p}`")).collect();
                names.push(names[0].clone());
                let mut diagnostic = Diagnostic::error(
                    DiagnosticCode::OnBehalfCycle,
                    format!("in activity `{activity}`, {} act on behalf of each other in a circle", names.join(" → ")),
                )
                .help("one of them must act for a controller, or be the controller");
                for (index, (party, principal)) in cycle.iter().enumerate() {
                    let label = format!("`{party}` acts on behalf of `{}`", principal.value);
                    diagnostic = if index == 0 {
                        diagnostic.at(principal.span, label)
                    } else {
                        diagnostic.also(principal.span, label)
                    };
                }
                self.push(diagnostic);
            }
        }
    }

    fn agreement(&mut self, entry: &At<raw::RawAgreement>) -> Option<Agreement> {
        let (id, span) = self.own_id(entry, &entry.value.id, Kind::Agreement)?;
        let what = format!("agreement `{id}`");
        let raw = &entry.value;
        let kind = self.required_word::<AgreementKind>(entry, &raw.kind, "kind", &what);
        if raw.parties.is_empty() && !raw.failed.contains("parties") {
            let span = self.entry_span(entry);
            self.push(
                Diagnostic::error(DiagnosticCode::MissingField, format!("{what} has no `parties`"))
                    .at(span, "list the parties with the role the contract gives each"),
            );
        }
        let parties = kept(&raw.parties, |p| {
            let party = self.required(p, &p.value.party, "party", "agreement party")?.clone();
            let role = p.value.role.as_ref().and_then(|r| self.word::<ClaimedRole>(r));
            Some(AgreementParty { party: self.party_ref(&party)?, role })
        });
        let covers = kept(&raw.covers, |c| self.reference(c, Kind::Activity, ActivityId::from_interned));
        let effective = self.optional_date(&raw.effective);
        let expires = self.optional_date(&raw.expires);
        self.check_period(&effective, &expires, &what);
        let sub_processing = raw.sub_processing.as_ref().and_then(|s| {
            let authorisation = self.required(s, &s.value.authorisation, "authorisation", "`sub_processing`")?.clone();
            let authorisation = self.word::<Authorisation>(&authorisation)?;
            let parties = self.party_refs(&s.value.parties);
            Some(Located::new(SubProcessing { authorisation, parties }, self.entry_span(s)))
        });
        let residency = raw.residency.as_ref().map(|list| {
            let places = kept(&list.value, |place| {
                if place.value.as_str() == "EEA" {
                    Some(Located::new(Residency::Eea, self.span_of(place)))
                } else {
                    self.country(place).map(|c| Located::new(Residency::Country(c.value), c.span))
                }
            });
            Box::new(Located::new(places, self.span_of(list)))
        });
        let transfer = raw.transfer.as_ref().and_then(|t| self.transfer(t)).map(Box::new);
        let breach_notification = raw.breach_notification.as_ref().and_then(|b| self.word::<BreachNotice>(b));
        if let (Some(notice), Some(hours)) = (&breach_notification, &raw.breach_notification_hours)
            && notice.value == BreachNotice::None
        {
            let hours = self.span_of(hours);
            self.push(
                Diagnostic::error(
                    DiagnosticCode::Contradiction,
                    "`breach_notification: none` with `breach_notification_hours`",
                )
                .at(notice.span, "says the agreement has no breach-notification duty")
                .also(hours, "gives it one"),
            );
        }
        let terms = raw.terms.as_ref().map(|list| {
            let terms = kept(&list.value, |t| self.word::<Art28Term>(t).map(|t| t.value));
            Located::new(set_of(terms), self.span_of(list))
        });
        Some(Agreement {
            id: AgreementId::from_interned(id),
            span,
            name: raw.name.as_ref().map(|n| n.value.clone()),
            kind: kind?,
            parties,
            covers,
            effective,
            expires,
            sub_processing,
            residency,
            breach_notification_hours: raw
                .breach_notification_hours
                .as_ref()
                .map(|h| Located::new(h.value, self.span_of(h))),
            breach_notification,
            transfer,
            terms,
            notes: raw.notes.clone(),
        })
    }

    fn transfer(&mut self, entry: &At<raw::RawTransfer>) -> Option<Located<TransferClause>> {
        let raw = &entry.value;
        let tool = self.required(entry, &raw.tool, "tool", "`transfer`")?.clone();
        let tool = self.word::<TransferTool>(&tool)?;
        let module = raw.module.as_ref().map(|m| Located::new(m.value, self.span_of(m)));
        match (&tool.value, &module) {
            (TransferTool::Scc, None) => {
                let span = self.entry_span(entry);
                self.push(
                    Diagnostic::error(DiagnosticCode::MissingField, "standard contractual clauses without a `module`")
                        .at(span, "which SCC module?")
                        .help("module 1 controller→controller, 2 controller→processor, 3 processor→processor, 4 processor→controller"),
                );
            }
            (TransferTool::Scc, Some(module)) if !(1..=4).contains(&module.value) => {
                self.push(
                    Diagnostic::error(
                        DiagnosticCode::UnknownValue,
                        format!("SCC module {} does not exist", module.value),
                    )
                    .at(module.span, "expected 1, 2, 3 or 4"),
                );
            }
            _ => {}
        }
        let exporter = raw.exporter.as_ref().and_then(|p| self.party_ref(p));
        let importer = raw.importer.as_ref().and_then(|p| self.party_ref(p));
        let impact_assessment = raw.impact_assessment.as_ref().map(|a| Located::new(a.value, self.span_of(a)));
        let supplementary_measures = raw.supplementary_measures.as_ref().map(|list| {
            let measures = kept(&list.value, |m| self.word::<SupplementaryMeasure>(m).map(|m| m.value));
            Located::new(set_of(measures), self.span_of(list))
        });
        Some(Located::new(
            TransferClause { tool, module, exporter, importer, impact_assessment, supplementary_measures },
            self.entry_span(entry),
        ))
    }

    fn incident(&mut self, entry: &At<raw::RawIncident>) -> Option<Incident> {
        let (id, span) = self.own_id(entry, &entry.value.id, Kind::Incident)?;
        let raw = &entry.value;
        let name = self.required(entry, &raw.name, "name", &format!("incident `{id}`")).map(|n| n.value.clone());
        let systems = kept(&raw.systems, |s| self.reference(s, Kind::System, SystemId::from_interned));
        // A date, or a date and a time of day: the 72 hours of Art. 33(1) are
        // counted in hours when both ends have a time.
        let discovered_at = raw.discovered.as_ref().and_then(|d| self.datetime(d));
        let discovered_time = raw
            .discovered
            .as_ref()
            .zip(discovered_at.as_ref())
            .and_then(|(text, at)| (text.value.as_str().len() > 10).then(|| at.value.time()));
        let discovered = discovered_at.map(|at| Located::new(at.value.date(), at.span));
        let discovered_by = raw.discovered_by.as_ref().and_then(|p| self.party_ref(p));
        let notifications = kept(&raw.notifications, |n| {
            let from = self.required(n, &n.value.from, "from", "notification").cloned();
            let to = self.required(n, &n.value.to, "to", "notification").cloned();
            let at = n.value.at.as_ref().and_then(|a| self.datetime(a));
            let time_known = n.value.at.as_ref().is_some_and(|a| a.value.as_str().len() > 10);
            let (from, to) = (self.party_ref(&from?), self.party_ref(&to?));
            Some(Notification { span: self.entry_span(n), from: from?, to: to?, at, time_known })
        });
        Some(Incident {
            id: IncidentId::from_interned(id),
            span,
            name: name?,
            systems,
            discovered,
            discovered_time,
            discovered_by,
            notifications,
            subjects_informed: raw.subjects_informed.as_ref().map(|s| s.value),
            risk: raw.risk.as_ref().and_then(|r| self.word::<BreachRisk>(r)),
            notes: raw.notes.clone(),
        })
    }

    fn accepted_risk(&mut self, entry: &At<raw::RawAcceptedRisk>) -> Option<AcceptedRisk> {
        let raw = &entry.value;
        let what = "accepted risk";
        let rule = self
            .required(entry, &raw.rule, "rule", what)
            .map(|r| Located::new(r.value.as_str().to_owned(), self.span_of(r)));
        let justification = self.required(entry, &raw.justification, "justification", what).map(|j| j.value.clone());
        let accepted_by = self.required(entry, &raw.accepted_by, "accepted_by", what).map(|a| a.value.clone());
        let expires = self.required(entry, &raw.expires, "expires", what).cloned().and_then(|e| self.date(&e));
        let party = raw.party.as_ref().and_then(|p| self.party_ref(p));
        let activity = raw.activity.as_ref().and_then(|a| self.reference(a, Kind::Activity, ActivityId::from_interned));
        Some(AcceptedRisk {
            span: self.entry_span(entry),
            rule: rule?,
            party,
            activity,
            justification: justification?,
            accepted_by: accepted_by?,
            expires: expires?,
        })
    }
}

/// Follows `on_behalf_of` from `start`, depth first in the order the
/// performers are listed; returns the edges of the first cycle met.
///
/// The walk keeps its own stack rather than recursing, because a chain can be
/// as long as an activity's list of performers, and a model may list millions.
/// `safe` collects parties from which no cycle can be reached: a walk that
/// meets one turns back at once, so each party is explored fully at most once
/// per activity however many chains pass through it. Pruning them cannot change
/// which cycle is met first, since none is reachable through them.
fn find_cycle<'a>(
    start: &'a PartyId,
    principals: &HashMap<&'a PartyId, Vec<&'a Located<PartyId>>>,
    safe: &mut HashSet<&'a PartyId>,
) -> Option<Vec<(&'a PartyId, &'a Located<PartyId>)>> {
    if safe.contains(start) {
        return None;
    }
    // The edges walked so far, and where each party on them leaves the path.
    let mut path: Vec<(&'a PartyId, &'a Located<PartyId>)> = Vec::new();
    let mut on_path: HashMap<&'a PartyId, usize> = HashMap::new();
    // Parties being explored, with the index of their next principal.
    let mut frames: Vec<(&'a PartyId, usize)> = vec![(start, 0)];
    while let Some(frame) = frames.last_mut() {
        let (party, next) = *frame;
        let Some(principal) = principals.get(party).and_then(|list| list.get(next)) else {
            // Every principal explored without meeting a cycle.
            safe.insert(party);
            frames.pop();
            if let Some((source, _)) = path.pop() {
                on_path.remove(source);
            }
            continue;
        };
        frame.1 += 1;
        on_path.insert(party, path.len());
        path.push((party, principal));
        let target = &principal.value;
        if let Some(&position) = on_path.get(target) {
            return Some(path[position..].to_vec());
        }
        if safe.contains(target) {
            path.pop();
            on_path.remove(party);
            continue;
        }
        frames.push((target, 0));
    }
    None
}

/// The length of the flow mapping that `line` starts with, up to and including
/// its closing brace, if it closes on this line.
fn flow_mapping_end(line: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote = None;
    for (index, c) in line.char_indices() {
        match (quote, c) {
            (_, '\n') => return None,
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{' | '[') => depth += 1,
            (None, '}' | ']') => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(index + 1);
                }
            }
            (None, '#') if line[..index].ends_with([' ', '\t']) => return None,
            _ => {}
        }
    }
    None
}

/// `line` without a trailing `# comment` and the blanks before it. Quotes are
/// not tracked: a `#` inside a quoted value only shortens a label.
fn without_comment(line: &str) -> &str {
    let end = line.match_indices('#').find(|(i, _)| *i == 0 || line[..*i].ends_with([' ', '\t'])).map(|(i, _)| i);
    line[..end.unwrap_or(line.len())].trim_end()
}

fn parse_date(text: &str) -> Option<Date> {
    // jiff accepts more than the calendar form (e.g. `20190218`); the model does not.
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10 && bytes[4] == b'-' && bytes[7] == b'-';
    if !shaped {
        return None;
    }
    text.parse().ok()
}

fn kebab_case(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_model_bigger_than_its_listed_size_grows_its_maps_by_doubling() {
        // 1 000 files of 100 bytes and one entity each, the model listed as
        // `total` bytes: how many entities were moved in, and how many times
        // the map's room grew.
        let growths = |total: u64| {
            let mut map: IdMap<u32, u32> = IdMap::default();
            let mut growths = 0;
            for file in 0..1000u32 {
                let before = map.capacity();
                move_into(&mut map, IdMap::from_iter([(file, file)]), u64::from(file + 1) * 100, total);
                growths += usize::from(map.capacity() != before);
            }
            (map.len(), growths)
        };
        // A size not known (0): the room must still grow by doubling.
        let (moved, unknown) = growths(0);
        assert_eq!(moved, 1000);
        assert!(unknown <= 12, "{unknown} growths");
        // Listed right: room for the whole model after a file or two.
        let (_, listed) = growths(100_000);
        assert!(listed <= 2, "{listed} growths");
    }

    #[test]
    fn a_flow_mapping_ends_at_its_brace_and_is_never_looked_for_past_its_line() {
        // An entry's span is found from the entry's own bytes, not from its whole
        // line: on a 4 MB line of a million entries that was quadratic (A42).
        assert_eq!(flow_mapping_end("{}, {}, {}"), Some(2));
        assert_eq!(flow_mapping_end("{ a: '}', b: [1, 2] }, {}"), Some(21));
        assert_eq!(flow_mapping_end("{ a: 1,\n  b: 2 }"), None);
        assert_eq!(flow_mapping_end("{ a: 1 # }\n"), None);
    }
}
