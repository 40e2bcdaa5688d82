//! [`IdMap`]: a model's entities of one kind, by id.
//!
//! A map that reads like an `IndexMap` (entries in the order they were put
//! in, which the loader makes id order; lookups by id; positions), and holds
//! each entity behind an [`Arc`]. Readers never see the `Arc`: they get
//! `&V`. It is there for `diff` (issue 19): the two sides of a comparison
//! are two models, and a file with the same bytes on both sides (most of
//! them, for a contract change) gives both the same entities. The loader
//! builds such a file's entities once and puts them in both models
//! (a clone of a map shares its entities), which then cost the memory of one model and the
//! difference; comparing the two sides' entities starts by asking whether
//! they are the same entity (the same address), which settles nearly all of
//! them without reading a field.
//!
//! Changing an entity in place ([`IdMap::get_mut`]) copies it first if the
//! other side holds it too, so one side's change never shows in the other.

use std::fmt;
use std::hash::Hash;
use std::sync::Arc;

use indexmap::IndexMap;
use serde::Serialize;

/// Entities by id, in id order once loaded.
///
/// foldhash rather than std's SipHash: ids are hashed at every lookup, and on a
/// national model SipHash alone was several percent of a check. The seed is
/// random per process; an `IndexMap` iterates in its own order all the same.
pub struct IdMap<K, V> {
    entries: IndexMap<K, Arc<V>, foldhash::fast::RandomState>,
}

impl<K, V> Default for IdMap<K, V> {
    fn default() -> Self {
        Self { entries: IndexMap::default() }
    }
}

/// A copy shares every entity with the original: cloning a model costs its
/// maps' entries, not its entities.
impl<K: Clone, V> Clone for IdMap<K, V> {
    fn clone(&self) -> Self {
        Self { entries: self.entries.clone() }
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for IdMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// Two maps are equal when they hold the same ids with equal entities,
/// whatever their order (as `IndexMap`'s equality); an entity both hold is
/// equal without being read.
impl<K: Hash + Eq, V: PartialEq> PartialEq for IdMap<K, V> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len()
            && self.entries.iter().all(|(id, entity)| {
                other.entries.get(id).is_some_and(|theirs| Arc::ptr_eq(entity, theirs) || **entity == **theirs)
            })
    }
}

impl<K: Serialize, V: Serialize> Serialize for IdMap<K, V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<K, V> IdMap<K, V> {
    /// How many entities.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// How many entities fit before the map grows.
    pub fn capacity(&self) -> usize {
        self.entries.capacity()
    }

    /// Ids and entities, in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + ExactSizeIterator + Clone {
        self.entries.iter().map(|(id, entity)| (id, &**entity))
    }

    /// The ids, in order.
    pub fn keys(&self) -> indexmap::map::Keys<'_, K, Arc<V>> {
        self.entries.keys()
    }

    /// The entities, in order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator + Clone {
        self.entries.values().map(|entity| &**entity)
    }

    /// The id and entity at `index`.
    pub fn get_index(&self, index: usize) -> Option<(&K, &V)> {
        self.entries.get_index(index).map(|(id, entity)| (id, &**entity))
    }

    /// The first id and entity.
    pub fn first(&self) -> Option<(&K, &V)> {
        self.get_index(0)
    }

    /// Sorts the entries by a key computed once per entry.
    pub fn sort_by_cached_key<T: Ord>(&mut self, mut key: impl FnMut(&K, &V) -> T) {
        self.entries.sort_by_cached_key(|id, entity| key(id, entity));
    }
}

impl<K: Hash + Eq, V> IdMap<K, V> {
    /// An empty map with room for `capacity` entities.
    pub fn with_capacity(capacity: usize) -> Self {
        Self { entries: IndexMap::with_capacity_and_hasher(capacity, Default::default()) }
    }

    /// Makes room for `additional` more entities, exactly.
    pub fn reserve_exact(&mut self, additional: usize) {
        self.entries.reserve_exact(additional);
    }

    /// The entity with id `id`.
    pub fn get<Q: ?Sized + Hash + indexmap::Equivalent<K>>(&self, id: &Q) -> Option<&V> {
        self.entries.get(id).map(|entity| &**entity)
    }

    /// The id as held, and the entity.
    pub fn get_key_value<Q: ?Sized + Hash + indexmap::Equivalent<K>>(&self, id: &Q) -> Option<(&K, &V)> {
        self.entries.get_key_value(id).map(|(id, entity)| (id, &**entity))
    }

    /// The position, the id as held, and the entity.
    pub fn get_full<Q: ?Sized + Hash + indexmap::Equivalent<K>>(&self, id: &Q) -> Option<(usize, &K, &V)> {
        self.entries.get_full(id).map(|(index, id, entity)| (index, id, &**entity))
    }

    /// The position of the entity with id `id`.
    pub fn get_index_of<Q: ?Sized + Hash + indexmap::Equivalent<K>>(&self, id: &Q) -> Option<usize> {
        self.entries.get_index_of(id)
    }

    /// Whether an entity has id `id`.
    pub fn contains_key<Q: ?Sized + Hash + indexmap::Equivalent<K>>(&self, id: &Q) -> bool {
        self.entries.contains_key(id)
    }

    /// Puts `entity` in under `id`, in place of one already there (which
    /// keeps its position); returns whether there was one.
    pub fn insert(&mut self, id: K, entity: V) -> bool {
        self.entries.insert(id, Arc::new(entity)).is_some()
    }

    /// Puts `entity` in under `id` unless an entity has that id already: the
    /// first definition of an id wins.
    pub fn insert_first(&mut self, id: K, entity: V) {
        self.entries.entry(id).or_insert_with(|| Arc::new(entity));
    }

    /// Moves every entity of `other` in after these, each unless an entity
    /// has its id already.
    pub fn absorb(&mut self, other: Self) {
        for (id, entity) in other.entries {
            self.entries.entry(id).or_insert(entity);
        }
    }

    /// Keeps the entries for which `keep` holds.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &V) -> bool) {
        self.entries.retain(|id, entity| keep(id, entity));
    }
}

impl<K: Hash + Eq, V: Clone> IdMap<K, V> {
    /// The entity with id `id`, to change: copied first if another map
    /// holds it too (a clone of this map, or the other side's model).
    pub fn get_mut<Q: ?Sized + Hash + indexmap::Equivalent<K>>(&mut self, id: &Q) -> Option<&mut V> {
        self.entries.get_mut(id).map(Arc::make_mut)
    }
}

impl<K: Hash + Eq, V> FromIterator<(K, V)> for IdMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(items: I) -> Self {
        Self { entries: items.into_iter().map(|(id, entity)| (id, Arc::new(entity))).collect() }
    }
}

impl<K: Hash + Eq, V> Extend<(K, V)> for IdMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, items: I) {
        self.entries.extend(items.into_iter().map(|(id, entity)| (id, Arc::new(entity))));
    }
}

/// The entity at a position; panics if there is none, as a slice does.
impl<K, V> std::ops::Index<usize> for IdMap<K, V> {
    type Output = V;

    fn index(&self, index: usize) -> &V {
        &self.entries[index]
    }
}

/// The entity with an id; panics if there is none, as a map does.
impl<K: Hash + Eq, V, Q: ?Sized + Hash + indexmap::Equivalent<K>> std::ops::Index<&Q> for IdMap<K, V> {
    type Output = V;

    fn index(&self, id: &Q) -> &V {
        &self.entries[id]
    }
}

impl<'a, K, V> IntoIterator for &'a IdMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<indexmap::map::Iter<'a, K, Arc<V>>, fn((&'a K, &'a Arc<V>)) -> (&'a K, &'a V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(id, entity)| (id, &**entity))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_entity_changed_on_one_side_stays_as_it_was_on_the_other() {
        let mut old: IdMap<u32, String> = [(1, "a".to_owned()), (2, "b".to_owned())].into_iter().collect();
        let same = |a: &IdMap<u32, String>, b: &IdMap<u32, String>, id| match (a.get(&id), b.get(&id)) {
            (Some(a), Some(b)) => std::ptr::eq(a, b),
            _ => false,
        };
        let mut new = old.clone();
        assert!(same(&new, &old, 1));
        if let Some(entity) = new.get_mut(&1) {
            entity.push('!');
        }
        assert_eq!(old.get(&1).map(String::as_str), Some("a"));
        assert_eq!(new.get(&1).map(String::as_str), Some("a!"));
        assert!(!same(&new, &old, 1));
        assert!(same(&new, &old, 2));
        old.insert(2, "b".to_owned());
        assert!(!same(&new, &old, 2), "an entity put in again is a new entity");
        assert!(new != old);
    }

    #[test]
    fn equality_is_by_id_and_entity_whatever_the_order() {
        let one: IdMap<u32, &str> = [(1, "a"), (2, "b")].into_iter().collect();
        let other: IdMap<u32, &str> = [(2, "b"), (1, "a")].into_iter().collect();
        assert_eq!(one, other);
        let changed: IdMap<u32, &str> = [(2, "b"), (1, "c")].into_iter().collect();
        assert_ne!(one, changed);
        let fewer: IdMap<u32, &str> = [(1, "a")].into_iter().collect();
        assert_ne!(one, fewer);
    }

    #[test]
    fn the_first_definition_of_an_id_wins() {
        let mut map: IdMap<u32, &str> = IdMap::default();
        map.insert_first(1, "first");
        map.insert_first(1, "second");
        map.absorb([(1, "third"), (2, "two")].into_iter().collect());
        assert_eq!(map.get(&1), Some(&"first"));
        assert_eq!(map.get(&2), Some(&"two"));
        assert_eq!(map.len(), 2);
    }
}
