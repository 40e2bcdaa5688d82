//! Newtype ids for every kind of entity in a model.
//!
//! Ids are lowercase kebab-case (`region-stockholm`), unique across the whole model,
//! and every reference in the YAML is by id. A distinct type per entity kind means a
//! party id can never be passed where an activity id is expected.
//!
//! An id's text is stored once for the whole process ([`Interned`]) and an id
//! is its number there: four bytes, copied rather than counted, compared by
//! number for equality. A national model holds about two million references
//! by id, so what each one costs is what the loaded model costs (issue 19,
//! docs/performance.md). Order, `Display`, `Debug` and serialisation go by
//! the text, so nothing anyone reads or sorts depends on the numbers, which
//! depend on which thread interned a text first; an id hashes as its number,
//! which only the order of a hash map's entries could show, and that order
//! is never relied on (the maps' seeds are random per process).

use std::fmt;
use std::hash::{Hash, Hasher};
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, OnceLock};

use serde::{Serialize, Serializer};

/// A short text stored once for the whole process, named by its number: an
/// id's text, or another text a model repeats millions of times (a country
/// code, a word of a closed vocabulary, a date as the loader reads it).
///
/// Two `Interned` are equal exactly when their texts are, so equality
/// compares numbers; order and hashing go by the text (a hash the same as the
/// text's, so a map keyed by `Interned` can be looked up by `&str`, as the
/// loader's are; the ids built on it hash as their number instead).
/// Texts are never freed: a process loads a model or two, and the texts are
/// what every one of its references shares.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Interned(NonZeroU32);

/// How many texts one chunk of the store holds (a power of two).
const CHUNK_BITS: u32 = 16;
/// How many chunks the store can have: 2^28 texts in all. The table of
/// chunks is part of the binary, so it is kept small; a model with that many
/// distinct ids would need well over ten gigabytes for them alone.
const CHUNKS: usize = 1 << 12;

/// One chunk: its texts, each set once, when it is interned.
type Chunk = Box<[OnceLock<&'static str>]>;

/// How many parts the map from text to number is split into, each behind a
/// lock of its own: the loader interns on every core at once.
const SHARDS: usize = 16;

/// Texts and their numbers.
type Numbers = std::collections::HashMap<&'static str, Interned, foldhash::fast::FixedState>;

/// How many bytes of texts a shard allocates at a time.
const ROOM: usize = 64 * 1024;

/// One shard of the store: its texts' numbers, and the room left in the
/// block its next texts are copied into.
struct Shard {
    /// Each text's number.
    numbers: Numbers,
    /// The unused end of the shard's current block of texts.
    room: &'static mut [u8],
}

impl Shard {
    /// A copy of `text` that lives as long as the process. Texts are copied
    /// into blocks rather than allocated one by one: they are interned while
    /// the loader's raw values are allocated around them, and a text
    /// allocated on its own would keep the allocator's page of those values
    /// resident after they are freed (about 200 MB on national, measured with
    /// `examples/memprofile.rs`).
    fn keep(&mut self, text: &str) -> &'static str {
        let length = text.len();
        if length > ROOM / 8 {
            return Box::leak(text.into());
        }
        if self.room.len() < length {
            self.room = Box::leak(vec![0; ROOM].into_boxed_slice());
        }
        let (copy, rest) = std::mem::take(&mut self.room).split_at_mut(length);
        self.room = rest;
        copy.copy_from_slice(text.as_bytes());
        let copy: &'static [u8] = copy;
        // The bytes are those of a `str`, so always valid UTF-8.
        std::str::from_utf8(copy).unwrap_or_default()
    }
}

/// The store of interned texts: a text's number finds it without a lock (two
/// `OnceLock` reads); interning takes the lock of the text's shard.
struct Store {
    /// Each text's number, in the shard its hash picks.
    shards: [Mutex<Shard>; SHARDS],
    /// The count of texts interned: the next number less one.
    count: AtomicU32,
    /// The texts by number, in chunks made as they are first needed, so that
    /// a text once stored never moves.
    chunks: [OnceLock<Chunk>; CHUNKS],
}

static STORE: Store = Store {
    shards: [const {
        Mutex::new(Shard {
            numbers: std::collections::HashMap::with_hasher(foldhash::fast::FixedState::with_seed(0)),
            room: &mut [],
        })
    }; SHARDS],
    count: AtomicU32::new(0),
    chunks: [const { OnceLock::new() }; CHUNKS],
};

/// The shard of `text`, locked. A panic elsewhere while a lock was held
/// leaves its map as it was before or after one whole insertion, so it is
/// still sound to use.
fn shard(text: &str) -> std::sync::MutexGuard<'static, Shard> {
    use std::hash::BuildHasher;
    let hash = foldhash::fast::FixedState::with_seed(SHARDS as u64).hash_one(text);
    STORE.shards[(hash >> 60) as usize % SHARDS].lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Interned {
    /// The number of `text`, storing it on first use.
    pub fn new(text: &str) -> Self {
        let mut shard = shard(text);
        if let Some(&interned) = shard.numbers.get(text) {
            return interned;
        }
        // Number 0 is never used (`NonZeroU32`, so that an `Option` of an id
        // takes no more room than the id). The shard's lock is held, so no
        // other thread gives this text a number meanwhile.
        let count = STORE.count.fetch_add(1, Ordering::Relaxed).saturating_add(1);
        let Some(number) = NonZeroU32::new(count).filter(|n| place(*n).0 < CHUNKS) else {
            // Memory runs out long before (see CHUNKS), as it would for any
            // other allocation: this is the same end, with a message.
            eprintln!("ansvar: more than {} distinct ids and codes", CHUNKS << CHUNK_BITS);
            std::process::abort();
        };
        let stored = shard.keep(text);
        let (chunk, slot) = place(number);
        if let Some(chunk) = STORE.chunks.get(chunk) {
            let _ = chunk.get_or_init(|| (0..1 << CHUNK_BITS).map(|_| OnceLock::new()).collect())[slot].set(stored);
        }
        let interned = Interned(number);
        shard.numbers.insert(stored, interned);
        interned
    }

    /// The number of `text`, if it has been interned; the store is not
    /// changed.
    pub fn find(text: &str) -> Option<Self> {
        shard(text).numbers.get(text).copied()
    }

    /// The text's number in the store, for hashing only: which number a text
    /// gets depends on which thread interned it first, so nothing shown or
    /// ordered may depend on it.
    pub fn number(self) -> u32 {
        self.0.get()
    }

    /// The text.
    pub fn as_str(self) -> &'static str {
        // Set before its number was handed out, so always there.
        stored(self.0).unwrap_or("")
    }

    /// Ranks every text interned so far in the order of the texts, once for
    /// the process, so that ordering two of them compares two numbers rather
    /// than two texts that lie far apart in memory. A stage that sorts or
    /// searches many ids calls it first: the analysis does, before its graph
    /// (comparing ids by text was a sixth of `diff`'s time after loading on
    /// national, where it analyses two models and sorts what they derive).
    /// The first call decides, later calls do nothing. The
    /// order is the texts' either way: texts interned after it was settled
    /// compare by text, so nothing shown or sorted depends on when, or
    /// whether, it was settled.
    pub fn settle_order() {
        ORDER.get_or_init(ranks);
    }
}

/// Each text's rank in the order of the texts, by number (0: unranked), once
/// settled ([`Interned::settle_order`]).
static ORDER: OnceLock<Box<[u32]>> = OnceLock::new();

/// The rank of every text interned so far, by number, from 1 in the order of
/// the texts; 0 for none.
fn ranks() -> Box<[u32]> {
    let count = STORE.count.load(Ordering::Acquire);
    // A number handed out whose text is not stored yet (interned on another
    // thread meanwhile) is left unranked.
    let mut texts: Vec<(u64, &'static str, u32)> = (1..=count)
        .filter_map(|number| {
            let text = stored(NonZeroU32::new(number)?)?;
            Some((leading_bytes(text), text, number))
        })
        .collect();
    // Texts are distinct, so the order is total.
    texts.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)));
    let mut ranks = vec![0; count as usize + 1];
    for (rank, &(_, _, number)) in (1..).zip(&texts) {
        ranks[number as usize] = rank;
    }
    ranks.into_boxed_slice()
}

/// Two texts in order: by their ranks in `ranks` when both have one, else by
/// the texts, which is the same order.
fn compare(ranks: Option<&[u32]>, a: Interned, b: Interned) -> std::cmp::Ordering {
    if a == b {
        return std::cmp::Ordering::Equal;
    }
    if let Some(ranks) = ranks {
        let rank = |interned: Interned| ranks.get(interned.0.get() as usize).copied().unwrap_or(0);
        let (first, second) = (rank(a), rank(b));
        if first != 0 && second != 0 {
            return first.cmp(&second);
        }
    }
    a.as_str().cmp(b.as_str())
}

/// The text of number `number`, once stored.
fn stored(number: NonZeroU32) -> Option<&'static str> {
    let (chunk, slot) = place(number);
    STORE.chunks.get(chunk).and_then(OnceLock::get).and_then(|chunk| chunk[slot].get()).copied()
}

/// The first eight bytes of `text` as a number that orders as they do:
/// big-endian, and zero past the end of a shorter text, so that a text
/// orders before the longer texts it begins. Two texts whose numbers differ
/// are in the order of their numbers; two with the same number may be
/// either way round. Sorting many ids by this number first, then by the id,
/// reads each id's text once instead of at every comparison (the texts lie
/// far apart in memory: on 10x, sorting 2.8 million entities by id took
/// 1.4 s).
pub fn leading_bytes(text: &str) -> u64 {
    let mut bytes = [0u8; 8];
    let length = text.len().min(8);
    bytes[..length].copy_from_slice(&text.as_bytes()[..length]);
    u64::from_be_bytes(bytes)
}

/// The chunk and the place in it of text number `number`.
fn place(number: NonZeroU32) -> (usize, usize) {
    let number = number.get() as usize;
    (number >> CHUNK_BITS, number & ((1 << CHUNK_BITS) - 1))
}

impl Hash for Interned {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for Interned {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Interned {
    /// By the text: by the texts' ranks when the order is settled for both
    /// ([`Interned::settle_order`]), which is the same order.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        compare(ORDER.get().map(|ranks| &ranks[..]), *self, *other)
    }
}

impl fmt::Debug for Interned {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Interned {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::borrow::Borrow<str> for Interned {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl Serialize for Interned {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Why a string is not a valid id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// The string is empty.
    #[error("an id cannot be empty")]
    Empty,
    /// The string has a character outside `a-z`, `0-9` and `-`.
    #[error("ids are lowercase kebab-case: `{0}` is not allowed in an id")]
    BadCharacter(char),
    /// The string starts or ends with `-`, or has `--`.
    #[error("ids are words joined by single hyphens, with none at the start or end")]
    BadHyphen,
}

/// Checks that `text` is lowercase kebab-case: `[a-z0-9]+(-[a-z0-9]+)*`.
pub fn check_id(text: &str) -> Result<(), IdError> {
    if text.is_empty() {
        return Err(IdError::Empty);
    }
    if let Some(c) = text.chars().find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')) {
        return Err(IdError::BadCharacter(c));
    }
    if text.starts_with('-') || text.ends_with('-') || text.contains("--") {
        return Err(IdError::BadHyphen);
    }
    Ok(())
}

/// Values looked up by an interned text's number: a list indexed by the
/// number, for an index a stage builds over ids it then looks up millions of
/// times. One read of the list where a hash map takes a hash, a probe and a
/// comparison of keys, each likely to miss the cache on a national model. It
/// holds one value per number up to the largest key's, so it suits keys that
/// are most of the ids interned (every activity), not a few of them.
/// Numbers depend on which thread interned a text first; a lookup by number
/// gives the same value whatever they are.
#[derive(Clone, Debug, Default)]
pub struct ByNumber<V> {
    values: Vec<V>,
}

impl<V: Copy + Default> ByNumber<V> {
    /// The index of `pairs`; of two pairs with the same key, the last wins.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (Interned, V)>) -> Self {
        let mut values = Vec::new();
        for (key, value) in pairs {
            let at = key.number() as usize;
            if at >= values.len() {
                values.resize(at + 1, V::default());
            }
            values[at] = value;
        }
        values.shrink_to_fit();
        Self { values }
    }

    /// The value of `key`, or the default for a key not in the index.
    pub fn get(&self, key: Interned) -> V {
        self.values.get(key.number() as usize).copied().unwrap_or_default()
    }
}

impl ByNumber<(u32, u32)> {
    /// Where each run of `items` with the same `key` starts and ends, for a
    /// list grouped by that key (the roles by activity, the processing
    /// abroad by activity). Positions are `u32`, half a `usize`: a list of
    /// four billion items would not fit in memory; they saturate all the
    /// same.
    pub fn runs<T>(items: &[T], key: impl Fn(&T) -> Interned) -> Self {
        let position = |index: usize| u32::try_from(index).unwrap_or(u32::MAX);
        let mut start = 0;
        let mut runs = Vec::new();
        for run in items.chunk_by(|a, b| key(a) == key(b)) {
            if let Some(first) = run.first() {
                runs.push((key(first), (position(start), position(start + run.len()))));
            }
            start += run.len();
        }
        Self::from_pairs(runs)
    }

    /// The run of `key` in `items`, the list the index was made of by
    /// [`ByNumber::runs`]; empty for a key with no items.
    pub fn run<'a, T>(&self, items: &'a [T], key: Interned) -> &'a [T] {
        let (start, end) = self.get(key);
        items.get(start as usize..end as usize).unwrap_or(&[])
    }
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        ///
        /// The text is [`Interned`]: ids are cloned wherever roles, findings
        /// and reports name an entity, and a clone copies four bytes. An id
        /// hashes as its number, so that the model's maps, looked up by id
        /// everywhere, hash four bytes; a map keyed by id is therefore not
        /// looked up by `&str` ([`Self::find`] gives the id of a text).
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
        pub struct $name(Interned);

        impl Hash for $name {
            fn hash<H: Hasher>(&self, state: &mut H) {
                state.write_u32(self.0.number());
            }
        }

        impl $name {
            /// Makes an id from a string already checked by [`check_id`].
            pub fn new(text: impl AsRef<str>) -> Self {
                Self(Interned::new(text.as_ref()))
            }

            /// The id with this text, if any id, country code or word with
            /// this text has been interned (so if a loaded model names it);
            /// for text from the command line, which interning would keep.
            pub fn find(text: &str) -> Option<Self> {
                Interned::find(text).map(Self)
            }

            /// Makes an id of a text already interned, as the loader does.
            pub fn from_interned(text: Interned) -> Self {
                Self(text)
            }

            /// The id as written in the model. Every id with the same text
            /// gives the same `&str`, at the same address.
            pub fn as_str(&self) -> &'static str {
                self.0.as_str()
            }

            /// The id's interned text, as a key of a [`ByNumber`] index.
            pub fn interned(&self) -> Interned {
                self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_tuple(stringify!($name)).field(&self.0).finish()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

    };
}

id_type!(
    /// Id of a party: an organisation that can hold a role.
    PartyId
);
id_type!(
    /// Id of a data category.
    DataId
);
id_type!(
    /// Id of a system (an IT system, a server, a storage device).
    SystemId
);
id_type!(
    /// Id of a processing activity.
    ActivityId
);
id_type!(
    /// Id of an agreement (a contract as signed).
    AgreementId
);
id_type!(
    /// Id of an incident (a personal-data breach that happened).
    IncidentId
);
id_type!(
    /// Id of a legal regime from the reference data (e.g. `se-healthcare-secrecy`).
    RegimeId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case_ids_are_accepted() {
        assert_eq!(check_id("region-stockholm"), Ok(()));
        assert_eq!(check_id("a1"), Ok(()));
    }

    #[test]
    fn a_settled_order_is_the_texts_for_texts_ranked_before_and_interned_after() {
        // Interned in an order unlike the texts', with shared leading bytes.
        let before: Vec<Interned> = ["settle-zz", "settle-a", "settle-aaaaaaaab", "settle-aaaaaaaaa", "settle-m", "s"]
            .into_iter()
            .map(Interned::new)
            .collect();
        // Other tests may settle the process's order first; this one is
        // taken now, so these texts are ranked in it. The texts interned
        // after are this test's own, new to the store.
        let settled = ranks();
        Interned::settle_order();
        let after: Vec<Interned> =
            ["settle-b", "settle-aaaaaaaaaa", "settle-zzz", "settl"].into_iter().map(Interned::new).collect();
        assert!(before.iter().all(|t| settled[t.0.get() as usize] != 0), "texts interned before are ranked");
        assert!(after.iter().all(|t| settled.get(t.0.get() as usize).is_none()), "texts interned after are not");
        let all: Vec<Interned> = before.iter().chain(&after).copied().collect();
        for x in &all {
            for y in &all {
                let by_text = x.as_str().cmp(y.as_str());
                assert_eq!(compare(Some(&settled), *x, *y), by_text, "{x:?} against {y:?}, ranked");
                assert_eq!(x.cmp(y), by_text, "{x:?} against {y:?}, as the process orders them");
            }
        }
    }

    #[test]
    fn interned_texts_are_equal_by_number_and_ordered_and_hashed_by_text() {
        use std::hash::BuildHasher;
        let (b, a, b_again) = (Interned::new("interned-b"), Interned::new("interned-a"), Interned::new("interned-b"));
        assert_eq!(b, b_again);
        assert_ne!(a, b);
        assert!(std::ptr::eq(b.as_str(), b_again.as_str()), "one text, stored once");
        assert!(a < b, "by text, whatever the numbers");
        let hasher = foldhash::fast::FixedState::with_seed(7);
        assert_eq!(hasher.hash_one(b), hasher.hash_one("interned-b"));
        assert_eq!(format!("{b:?} {b}"), "\"interned-b\" interned-b");
        let id = PartyId::new("interned-b");
        assert_eq!(format!("{id:?}"), "PartyId(\"interned-b\")");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"interned-b\"");
    }

    #[test]
    fn texts_copied_into_blocks_keep_their_bytes_across_blocks_and_long_texts_alone() {
        // More than one block's worth of texts in one shard's worth of
        // numbers, and texts longer than a block takes.
        let long = "å".repeat(ROOM);
        let texts: Vec<String> = (0..2 * ROOM / 16).map(|n| format!("block-text-{n}")).chain([long]).collect();
        let interned: Vec<Interned> = texts.iter().map(|text| Interned::new(text)).collect();
        for (text, interned) in texts.iter().zip(&interned) {
            assert_eq!(interned.as_str(), text);
            assert_eq!(Interned::find(text), Some(*interned));
        }
    }

    #[test]
    fn leading_bytes_order_as_the_texts_do_where_they_differ() {
        let mut texts = ["b", "a", "ab", "abcdefgh", "abcdefghi", "abcdefgg-long", "", "z9", "z-"];
        texts.sort();
        for pair in texts.windows(2) {
            assert!(leading_bytes(pair[0]) <= leading_bytes(pair[1]), "{pair:?}");
        }
        assert_eq!(leading_bytes("abcdefgh"), leading_bytes("abcdefghi"), "only the first eight bytes count");
        assert!(leading_bytes("ab") < leading_bytes("ab-"), "a text before the longer texts it begins");
    }

    #[test]
    fn an_id_is_found_by_its_text_only_once_interned() {
        assert_eq!(PartyId::find("found-later"), None);
        let id = ActivityId::new("found-later");
        assert_eq!(ActivityId::find("found-later"), Some(id.clone()));
        let map: std::collections::HashMap<ActivityId, u8> = [(id, 1)].into();
        assert_eq!(ActivityId::find("found-later").and_then(|id| map.get(&id)), Some(&1));
    }

    #[test]
    fn texts_interned_on_many_threads_get_one_number_each() {
        let texts: Vec<String> = (0..2000).map(|i| format!("threaded-{}", i % 500)).collect();
        let numbered: Vec<Vec<(String, Interned)>> = std::thread::scope(|scope| {
            let workers: Vec<_> = texts
                .chunks(250)
                .map(|part| scope.spawn(move || part.iter().map(|t| (t.clone(), Interned::new(t))).collect()))
                .collect();
            workers.into_iter().map(|w| w.join().unwrap()).collect()
        });
        let mut seen = std::collections::HashMap::new();
        for (text, interned) in numbered.into_iter().flatten() {
            assert_eq!(interned.as_str(), text);
            assert_eq!(*seen.entry(text).or_insert(interned), interned);
        }
        assert_eq!(seen.len(), 500);
    }

    #[test]
    fn other_ids_are_rejected_with_the_reason() {
        assert_eq!(check_id(""), Err(IdError::Empty));
        assert_eq!(check_id("MedHelp"), Err(IdError::BadCharacter('M')));
        assert_eq!(check_id("med_help"), Err(IdError::BadCharacter('_')));
        assert_eq!(check_id("region-sörmland"), Err(IdError::BadCharacter('ö')));
        assert_eq!(check_id("-a"), Err(IdError::BadHyphen));
        assert_eq!(check_id("a--b"), Err(IdError::BadHyphen));
    }

    #[test]
    fn a_by_number_index_gives_each_key_its_value_and_others_the_default() {
        let (a, b, c) = (Interned::new("by-number-a"), Interned::new("by-number-b"), Interned::new("by-number-c"));
        let index = ByNumber::from_pairs([(a, (1u32, 2u32)), (b, (3, 4)), (a, (5, 6))]);
        assert_eq!(index.get(a), (5, 6), "the last pair of a key wins");
        assert_eq!(index.get(b), (3, 4));
        assert_eq!(index.get(c), (0, 0), "a key not in the index has the default");
        assert_eq!(ByNumber::<u32>::from_pairs([]).get(a), 0);
    }

    #[test]
    fn runs_give_each_key_its_items_and_others_none() {
        let (a, b, c) = (Interned::new("runs-a"), Interned::new("runs-b"), Interned::new("runs-c"));
        let items = [(a, 1), (a, 2), (b, 3), (c, 4), (c, 5), (c, 6)];
        let index = ByNumber::runs(&items, |item| item.0);
        assert_eq!(index.run(&items, a), &items[0..2]);
        assert_eq!(index.run(&items, b), &items[2..3]);
        assert_eq!(index.run(&items, c), &items[3..6]);
        assert!(index.run(&items, Interned::new("runs-d")).is_empty());
    }
}
