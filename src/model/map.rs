//! [`IdMap`]: a model's entities of one kind, by id.
//!
//! A map that reads like an `IndexMap` (entries in the order they were put
//! in, which the loader makes id order; lookups by id; positions). Readers
//! get `&V` and never see how the entities are held: in the map itself, as
//! `check` has them, or each behind an [`Arc`] that another model may hold
//! too. That is for `diff` (issue 19): the two sides of a comparison are two models,
//! and a file with the same bytes on both sides (most of them, for a
//! contract change) gives both the same entities. The loader builds such a
//! file's entities once and puts them in both models ([`IdMap::shared`]),
//! which then cost the memory of one model and the difference; comparing
//! the two sides' entities starts by asking whether they are the same
//! entity (the same address), which settles nearly all of them without
//! reading a field. A map whose entities no other map holds keeps them in
//! itself, with no allocation of their own: a model no other shares costs
//! what it did. (One map holds its entities one way or the other, never
//! both: an `Arc` in a slot sized for an entity would cost both.)
//!
//! Changing an entity in place ([`IdMap::get_mut`]) copies it first if
//! another model holds it too, so one side's change never shows in the other.

use std::fmt;
use std::hash::Hash;
use std::sync::Arc;

use indexmap::{Equivalent, IndexMap};
use serde::Serialize;

/// The hasher of the maps.
type Hasher = foldhash::fast::RandomState;

/// Entities by id, in id order once loaded.
///
/// foldhash rather than std's SipHash: ids are hashed at every lookup, and on a
/// national model SipHash alone was several percent of a check. The seed is
/// random per process; an `IndexMap` iterates in its own order all the same.
pub struct IdMap<K, V> {
    entries: Entries<K, V>,
}

/// How a map holds its entities.
enum Entries<K, V> {
    /// In the map itself: no other map has them.
    Own(IndexMap<K, V, Hasher>),
    /// Each behind an `Arc`, which another map may hold too.
    Shared(IndexMap<K, Arc<V>, Hasher>),
}

impl<K, V> Default for IdMap<K, V> {
    fn default() -> Self {
        Self { entries: Entries::Own(IndexMap::default()) }
    }
}

/// A copy shares the entities the original shares ([`IdMap::shared`]) and
/// copies the others.
impl<K: Clone, V: Clone> Clone for IdMap<K, V> {
    fn clone(&self) -> Self {
        let entries = match &self.entries {
            Entries::Own(map) => Entries::Own(map.clone()),
            Entries::Shared(map) => Entries::Shared(map.clone()),
        };
        Self { entries }
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
            && self.iter().all(|(id, entity)| {
                other.get(id).is_some_and(|theirs| std::ptr::eq(entity, theirs) || entity == theirs)
            })
    }
}

impl<K: Serialize, V: Serialize> Serialize for IdMap<K, V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

/// `$body` on the map of `$entries`, whichever way it holds its entities.
macro_rules! either {
    ($entries:expr, $map:ident => $body:expr) => {
        match $entries {
            Entries::Own($map) => $body,
            Entries::Shared($map) => $body,
        }
    };
}

impl<K, V> IdMap<K, V> {
    /// How many entities.
    pub fn len(&self) -> usize {
        either!(&self.entries, map => map.len())
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many entities fit before the map grows.
    pub fn capacity(&self) -> usize {
        either!(&self.entries, map => map.capacity())
    }

    /// Ids and entities, in order.
    pub fn iter(&self) -> Iter<'_, K, V> {
        Iter(match &self.entries {
            Entries::Own(map) => Inner::Own(map.iter()),
            Entries::Shared(map) => Inner::Shared(map.iter()),
        })
    }

    /// The ids, in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator + Clone {
        self.iter().map(|(id, _)| id)
    }

    /// The entities, in order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator + Clone {
        self.iter().map(|(_, entity)| entity)
    }

    /// The id and entity at `index`.
    pub fn get_index(&self, index: usize) -> Option<(&K, &V)> {
        match &self.entries {
            Entries::Own(map) => map.get_index(index),
            Entries::Shared(map) => map.get_index(index).map(|(id, entity)| (id, &**entity)),
        }
    }

    /// The first id and entity.
    pub fn first(&self) -> Option<(&K, &V)> {
        self.get_index(0)
    }

    /// Sorts the entries by a key computed once per entry.
    pub fn sort_by_cached_key<T: Ord>(&mut self, mut key: impl FnMut(&K, &V) -> T) {
        match &mut self.entries {
            Entries::Own(map) => map.sort_by_cached_key(|id, entity| key(id, entity)),
            Entries::Shared(map) => map.sort_by_cached_key(|id, entity| key(id, entity)),
        }
    }
}

impl<K: Hash + Eq, V> IdMap<K, V> {
    /// An empty map with room for `capacity` entities.
    pub fn with_capacity(capacity: usize) -> Self {
        Self { entries: Entries::Own(IndexMap::with_capacity_and_hasher(capacity, Hasher::default())) }
    }

    /// Makes room for `additional` more entities, exactly.
    pub fn reserve_exact(&mut self, additional: usize) {
        either!(&mut self.entries, map => map.reserve_exact(additional))
    }

    /// The position, the id as held, and the entity.
    pub fn get_full<Q: ?Sized + Hash + Equivalent<K>>(&self, id: &Q) -> Option<(usize, &K, &V)> {
        match &self.entries {
            Entries::Own(map) => map.get_full(id),
            Entries::Shared(map) => map.get_full(id).map(|(index, id, entity)| (index, id, &**entity)),
        }
    }

    /// The entity with id `id`.
    pub fn get<Q: ?Sized + Hash + Equivalent<K>>(&self, id: &Q) -> Option<&V> {
        match &self.entries {
            Entries::Own(map) => map.get(id),
            Entries::Shared(map) => map.get(id).map(|entity| &**entity),
        }
    }

    /// The id as held, and the entity.
    pub fn get_key_value<Q: ?Sized + Hash + Equivalent<K>>(&self, id: &Q) -> Option<(&K, &V)> {
        match &self.entries {
            Entries::Own(map) => map.get_key_value(id),
            Entries::Shared(map) => map.get_key_value(id).map(|(id, entity)| (id, &**entity)),
        }
    }

    /// The position of the entity with id `id`.
    pub fn get_index_of<Q: ?Sized + Hash + Equivalent<K>>(&self, id: &Q) -> Option<usize> {
        either!(&self.entries, map => map.get_index_of(id))
    }

    /// Whether an entity has id `id`.
    pub fn contains_key<Q: ?Sized + Hash + Equivalent<K>>(&self, id: &Q) -> bool {
        either!(&self.entries, map => map.contains_key(id))
    }

    /// Puts `entity` in under `id`, in place of one already there (which
    /// keeps its position); returns whether there was one.
    pub fn insert(&mut self, id: K, entity: V) -> bool {
        match &mut self.entries {
            Entries::Own(map) => map.insert(id, entity).is_some(),
            Entries::Shared(map) => map.insert(id, Arc::new(entity)).is_some(),
        }
    }

    /// Puts `entity` in under `id` unless an entity has that id already: the
    /// first definition of an id wins.
    pub fn insert_first(&mut self, id: K, entity: V) {
        match &mut self.entries {
            Entries::Own(map) => {
                map.entry(id).or_insert(entity);
            }
            Entries::Shared(map) => {
                map.entry(id).or_insert_with(|| Arc::new(entity));
            }
        }
    }

    /// Moves every entity of `other` in after these, each unless an entity
    /// has its id already. If either map shares its entities, the result
    /// does: those of `other` stay shared, and the others are put behind an
    /// `Arc` each.
    pub fn absorb(&mut self, other: Self) {
        match (&mut self.entries, other.entries) {
            (Entries::Own(map), Entries::Own(other)) => {
                for (id, entity) in other {
                    map.entry(id).or_insert(entity);
                }
            }
            (Entries::Shared(map), Entries::Own(other)) => {
                for (id, entity) in other {
                    map.entry(id).or_insert_with(|| Arc::new(entity));
                }
            }
            (Entries::Shared(map), Entries::Shared(other)) => {
                for (id, entity) in other {
                    map.entry(id).or_insert(entity);
                }
            }
            (Entries::Own(map), Entries::Shared(mut other)) => {
                // Those held here go behind an `Arc` each, in their order,
                // room kept as it was.
                let mut shared = IndexMap::with_capacity_and_hasher(map.capacity(), Hasher::default());
                shared.extend(std::mem::take(map).into_iter().map(|(id, entity)| (id, Arc::new(entity))));
                for (id, entity) in other.drain(..) {
                    shared.entry(id).or_insert(entity);
                }
                self.entries = Entries::Shared(shared);
            }
        }
    }

    /// Keeps the entries for which `keep` holds.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &V) -> bool) {
        match &mut self.entries {
            Entries::Own(map) => map.retain(|id, entity| keep(id, entity)),
            Entries::Shared(map) => map.retain(|id, entity| keep(id, entity)),
        }
    }

    /// This map with every entity held behind an `Arc`, and a second map
    /// holding the very same entities: for two models built from one file.
    pub fn shared(self) -> (Self, Self)
    where
        K: Clone,
    {
        let map = match self.entries {
            Entries::Own(map) => map.into_iter().map(|(id, entity)| (id, Arc::new(entity))).collect(),
            Entries::Shared(map) => map,
        };
        (Self { entries: Entries::Shared(map.clone()) }, Self { entries: Entries::Shared(map) })
    }
}

impl<K: Hash + Eq, V: Clone> IdMap<K, V> {
    /// The entity with id `id`, to change: copied first if another map
    /// holds it too ([`IdMap::shared`]).
    pub fn get_mut<Q: ?Sized + Hash + Equivalent<K>>(&mut self, id: &Q) -> Option<&mut V> {
        match &mut self.entries {
            Entries::Own(map) => map.get_mut(id),
            Entries::Shared(map) => map.get_mut(id).map(Arc::make_mut),
        }
    }
}

impl<K: Hash + Eq, V> FromIterator<(K, V)> for IdMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(items: I) -> Self {
        Self { entries: Entries::Own(items.into_iter().collect()) }
    }
}

impl<K: Hash + Eq, V> Extend<(K, V)> for IdMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, items: I) {
        match &mut self.entries {
            Entries::Own(map) => map.extend(items),
            Entries::Shared(map) => map.extend(items.into_iter().map(|(id, entity)| (id, Arc::new(entity)))),
        }
    }
}

/// The entity at a position; panics if there is none, as a slice does.
impl<K, V> std::ops::Index<usize> for IdMap<K, V> {
    type Output = V;

    fn index(&self, index: usize) -> &V {
        either!(&self.entries, map => &map[index])
    }
}

/// The entity with an id; panics if there is none, as a map does.
impl<K: Hash + Eq, V, Q: ?Sized + Hash + Equivalent<K>> std::ops::Index<&Q> for IdMap<K, V> {
    type Output = V;

    fn index(&self, id: &Q) -> &V {
        either!(&self.entries, map => &map[id])
    }
}

impl<'a, K, V> IntoIterator for &'a IdMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// The ids and entities of an [`IdMap`], in order.
pub struct Iter<'a, K, V>(Inner<'a, K, V>);

impl<K, V> Clone for Iter<'_, K, V> {
    fn clone(&self) -> Self {
        Iter(match &self.0 {
            Inner::Own(iter) => Inner::Own(iter.clone()),
            Inner::Shared(iter) => Inner::Shared(iter.clone()),
        })
    }
}

/// An [`Iter`] over a map's entities as the map holds them.
enum Inner<'a, K, V> {
    Own(indexmap::map::Iter<'a, K, V>),
    Shared(indexmap::map::Iter<'a, K, Arc<V>>),
}

impl<'a, K, V> Iterator for Iter<'a, K, V> {
    type Item = (&'a K, &'a V);

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.0 {
            Inner::Own(iter) => iter.next(),
            Inner::Shared(iter) => iter.next().map(|(id, entity)| (id, &**entity)),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.0 {
            Inner::Own(iter) => iter.size_hint(),
            Inner::Shared(iter) => iter.size_hint(),
        }
    }
}

impl<K, V> DoubleEndedIterator for Iter<'_, K, V> {
    fn next_back(&mut self) -> Option<Self::Item> {
        match &mut self.0 {
            Inner::Own(iter) => iter.next_back(),
            Inner::Shared(iter) => iter.next_back().map(|(id, entity)| (id, &**entity)),
        }
    }
}

impl<K, V> ExactSizeIterator for Iter<'_, K, V> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_entity_changed_on_one_side_stays_as_it_was_on_the_other() {
        let same = |a: &IdMap<u32, String>, b: &IdMap<u32, String>, id| match (a.get(&id), b.get(&id)) {
            (Some(a), Some(b)) => std::ptr::eq(a, b),
            _ => false,
        };
        let built: IdMap<u32, String> = [(1, "a".to_owned()), (2, "b".to_owned())].into_iter().collect();
        let copy = built.clone();
        assert!(!same(&built, &copy, 1), "an entity held alone is copied with its map");
        let (mut old, mut new) = built.shared();
        assert!(same(&new, &old, 1));
        assert!(same(&new.clone(), &old, 1), "a shared entity stays shared in a copy");
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
