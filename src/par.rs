//! Work spread over the machine's cores, with results in a fixed order.
//!
//! Parsing files, deriving the roles of activities and running rules are each
//! a list of independent jobs. [`map`] runs such a list on every core and puts
//! the results back in the list's order, so the output never depends on how
//! the threads were scheduled: same model, same bytes.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

/// `work` applied to every item, on as many threads as the machine has cores,
/// in `items`' order.
///
/// Threads take the next item from a shared counter, so put the costliest
/// items first: one big item then does not finish alone at the end. With one
/// core, or one item, it runs on the calling thread only.
pub fn map<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(items.len());
    if threads <= 1 {
        return items.iter().map(work).collect();
    }
    let next = AtomicUsize::new(0);
    let worker = || {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(index) else { break };
            done.push((index, work(item)));
        }
        done
    };
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        // The calling thread works too; if a thread cannot be started, the
        // others simply take more items.
        let helpers: Vec<_> =
            (1..threads).filter_map(|_| std::thread::Builder::new().spawn_scoped(scope, worker).ok()).collect();
        let mut all = worker();
        for helper in helpers {
            match helper.join() {
                Ok(mut done) => all.append(&mut done),
                // A panic is a bug; let it surface as it would on one thread.
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        all
    });
    results.sort_unstable_by_key(|(index, _)| *index);
    results.into_iter().map(|(_, result)| result).collect()
}

/// [`map`] for work that takes its item by value: each item is handed to
/// exactly one thread, and dropped there once `work` is done with it.
pub fn map_owned<T: Send, R: Send>(items: Vec<T>, work: impl Fn(T) -> R + Sync) -> Vec<R> {
    let slots: Vec<Mutex<Option<T>>> = items.into_iter().map(|item| Mutex::new(Some(item))).collect();
    map(&slots, |slot| {
        // Each slot is taken once, by the one thread whose counter value named
        // it; a poisoned lock only means another item's work panicked.
        let item = slot.lock().unwrap_or_else(PoisonError::into_inner).take();
        item.map(&work)
    })
    .into_iter()
    .flatten()
    .collect()
}

/// [`map`] as an iterator: the items are worked a batch of `batch` at a time,
/// each batch on every core, when the iterator reaches it.
///
/// For results that are written out as they come (the report's duty sheets,
/// say): the other cores draw up the next items instead of idling while one
/// thread writes, and no more than a batch of results is held at once.
pub fn map_batched<'s, T: Sync, R: Send + 's>(
    items: &'s [T],
    batch: usize,
    work: impl Fn(&T) -> R + Sync + 's,
) -> impl Iterator<Item = R> + 's {
    items.chunks(batch.max(1)).flat_map(move |chunk| map(chunk, &work))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_the_items_order() {
        let items: Vec<u64> = (0..10_000).collect();
        let squares = map(&items, |n| n * n);
        assert_eq!(squares, items.iter().map(|n| n * n).collect::<Vec<_>>());
    }

    #[test]
    fn owned_items_are_each_worked_once_in_order() {
        let items: Vec<String> = (0..1_000).map(|n| n.to_string()).collect();
        let lengths = map_owned(items.clone(), |text| text.len());
        assert_eq!(lengths, items.iter().map(String::len).collect::<Vec<_>>());
    }

    #[test]
    fn batches_come_back_in_the_items_order() {
        let items: Vec<u64> = (0..1_000).collect();
        for batch in [0, 1, 7, 256, 5_000] {
            let doubled: Vec<u64> = map_batched(&items, batch, |n| n * 2).collect();
            assert_eq!(doubled, items.iter().map(|n| n * 2).collect::<Vec<_>>(), "batch {batch}");
        }
    }

    #[test]
    fn no_items_no_results() {
        let items: Vec<u8> = Vec::new();
        assert!(map(&items, |n| *n).is_empty());
    }

    #[test]
    fn uneven_work_keeps_the_order() {
        // The first items are the slowest, so later ones finish first.
        let items: Vec<u64> = (0..64).rev().collect();
        let sums = map(&items, |n| (0..n * 10_000).sum::<u64>());
        assert_eq!(sums, items.iter().map(|n| (0..n * 10_000).sum::<u64>()).collect::<Vec<_>>());
    }
}
