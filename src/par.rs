//! Work spread over the machine's cores, with results in a fixed order.
//!
//! Parsing files, deriving the roles of activities and running rules are each
//! a list of independent jobs. [`map`] runs such a list on every core and puts
//! the results back in the list's order, so the output never depends on how
//! the threads were scheduled: same model, same bytes.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// `work` applied to every item, on as many threads as the machine has cores,
/// in `items`' order.
///
/// Threads take the next item from a shared counter, so put the costliest
/// items first: one big item then does not finish alone at the end. With one
/// core, or one item, it runs on the calling thread only.
pub fn map<'s, T: Sync, R: Send>(items: &'s [T], work: impl Fn(&'s T) -> R + Sync) -> Vec<R> {
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

/// The items `work` finds in each batch, on every core, sorted and without
/// repeats, as one list of exactly their number.
///
/// Each batch's items are sorted and freed of repeats on its thread; the
/// batches are then moved into a list made at their total size and sorted
/// in place (unstably, with no room taken: items equal in order are equal
/// in every way for the `Ord` and `Eq` derived together that these lists
/// use). Collected through a growing list, some 400 000 duties of a
/// national model held their room twice over at `diff`'s high point.
pub fn sorted_unique<B: Sync, T: Ord + Send>(batches: &[B], work: impl Fn(&B) -> Vec<T> + Sync) -> Vec<T> {
    let found = map(batches, |batch| {
        let mut found = work(batch);
        found.sort_unstable();
        found.dedup();
        found
    });
    let mut all = Vec::with_capacity(found.iter().map(Vec::len).sum());
    for batch in found {
        all.extend(batch);
    }
    all.sort_unstable();
    all.dedup();
    all
}

/// `items` cut into batches of `size` items or a few more, never between
/// two neighbours that `together` keeps together: when each run of such
/// items gives results that sort after the run before's, as with sorted
/// items, the batches' sorted results laid end to end are sorted already,
/// and [`sorted_unique`]'s last sort only checks it (a split run made
/// the whole list be sorted again: about 20 ms of one core for a national
/// model's notification duties, issue 19).
pub fn batches_by<T>(items: &[T], size: usize, together: impl Fn(&T, &T) -> bool) -> Vec<&[T]> {
    let mut batches = Vec::with_capacity(items.len() / size.max(1) + 1);
    let mut rest = items;
    while !rest.is_empty() {
        let mut end = size.clamp(1, rest.len());
        while let (Some(last), Some(next)) = (rest.get(end - 1), rest.get(end)) {
            if !together(last, next) {
                break;
            }
            end += 1;
        }
        let (batch, after) = rest.split_at(end);
        batches.push(batch);
        rest = after;
    }
    batches
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

/// `work` done on every item on every core, for its effect (a file written),
/// each thread with its own `state` made by `init` (a buffer it reuses).
///
/// Threads take the next item from a shared counter. After an error no
/// thread takes a new item; of the errors met, the one of the earliest item
/// is returned. With one core, or one item, it runs on the calling thread.
pub fn try_each<T: Sync, S, E: Send>(
    items: &[T],
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, &T) -> Result<(), E> + Sync,
) -> Result<(), E> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(items.len());
    if threads <= 1 {
        let mut state = init();
        return items.iter().try_for_each(|item| work(&mut state, item));
    }
    let next = AtomicUsize::new(0);
    let failed = std::sync::atomic::AtomicBool::new(false);
    let worker = || -> Option<(usize, E)> {
        let mut state = init();
        while !failed.load(Ordering::Relaxed) {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let item = items.get(index)?;
            if let Err(error) = work(&mut state, item) {
                failed.store(true, Ordering::Relaxed);
                return Some((index, error));
            }
        }
        None
    };
    let mut errors: Vec<(usize, E)> = std::thread::scope(|scope| {
        // The calling thread works too; if a thread cannot be started, the
        // others simply take more items.
        let helpers: Vec<_> =
            (1..threads).filter_map(|_| std::thread::Builder::new().spawn_scoped(scope, worker).ok()).collect();
        let mut errors: Vec<(usize, E)> = worker().into_iter().collect();
        for helper in helpers {
            match helper.join() {
                Ok(error) => errors.extend(error),
                // A panic is a bug; let it surface as it would on one thread.
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        errors
    });
    errors.sort_unstable_by_key(|(index, _)| *index);
    match errors.into_iter().next() {
        Some((_, error)) => Err(error),
        None => Ok(()),
    }
}

/// Runs `side` and `main` at once, `side` on a second thread when there is a
/// second core (on this one otherwise, first), and returns both results. A
/// panic in `side` surfaces here, as it would have on one thread.
pub fn join<A: Send, B>(side: impl FnOnce() -> A + Send, main: impl FnOnce() -> B) -> (A, B) {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads <= 1 {
        let a = side();
        return (a, main());
    }
    std::thread::scope(|scope| {
        let helper = scope.spawn(side);
        let b = main();
        match helper.join() {
            Ok(a) => (a, b),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// A list of independent jobs: items and the work each needs, done on every
/// core either a batch at a time as an iterator is taken ([`Jobs::batched`])
/// or streamed to a consumer ([`Jobs::stream`]). The results come in the
/// items' order either way.
///
/// The report's big parts (duty sheets, notification plans, records) are
/// such lists: the JSON writer streams them, the HTML and Markdown templates
/// pull them ([`Jobs::pulled`]).
pub struct Jobs<'s, T, F> {
    items: &'s [T],
    work: F,
}

impl<'s, T: Sync, R: Send, F: Fn(&'s T) -> R + Sync + 's> Jobs<'s, T, F> {
    /// The jobs of `work` on each of `items`.
    pub fn new(items: &'s [T], work: F) -> Self {
        Self { items, work }
    }

    /// The results, worked a batch of `batch` at a time, each batch on every
    /// core, when the iterator reaches it: no more than a batch is held.
    pub fn batched(self, batch: usize) -> impl Iterator<Item = R> + 's
    where
        R: 's,
    {
        let work = self.work;
        self.items.chunks(batch.max(1)).flat_map(move |chunk| map(chunk, &work))
    }

    /// Every result, worked on every core, in the order of the items.
    pub fn all(self) -> Vec<R> {
        map(self.items, self.work)
    }

    /// The results as an iterator, drawn up on threads of `scope` at most
    /// about `2 × ahead` ahead of it: see [`pulled`].
    pub fn pulled<'scope>(
        self,
        scope: &'scope std::thread::Scope<'scope, 's>,
        ahead: usize,
    ) -> Pulled<'scope, 's, T, R, F>
    where
        F: Send + 'scope,
        R: 'scope,
    {
        pulled(scope, self.items, ahead, self.work)
    }

    /// The results, each passed through `finish` on the thread that worked
    /// it, handed to `take` in order: see [`stream`].
    pub fn stream<S: Send, E>(
        &self,
        ahead: usize,
        finish: impl Fn(R) -> S + Sync,
        take: impl FnMut(S) -> Result<(), E>,
    ) -> Result<(), E> {
        stream(self.items, ahead, |item| finish((self.work)(item)), take)
    }
}

impl<T, F> std::fmt::Debug for Jobs<'_, T, F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Jobs").field("items", &self.items.len()).finish_non_exhaustive()
    }
}

/// `work` applied to every item on every core, each result handed to `take`
/// on the calling thread in `items`' order, as soon as it and those before it
/// are done; stops at the first error `take` returns.
///
/// For results written out as they come (a national report's duty sheets):
/// the other cores keep drawing up the next items while this thread writes,
/// and this thread draws up items too while it waits. At most `ahead` results
/// are held at once, so memory stays bounded however long the list is.
pub fn stream<'s, T: Sync, R: Send, E>(
    items: &'s [T],
    ahead: usize,
    work: impl Fn(&'s T) -> R + Sync,
    mut take: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(items.len());
    if threads <= 1 {
        return items.iter().try_for_each(|item| take(work(item)));
    }
    let ahead = ahead.max(threads);
    let shared = Stream {
        state: Mutex::new(StreamState {
            claimed: 0,
            taken: 0,
            slots: (0..ahead).map(|_| None).collect(),
            over: false,
            failed: false,
        }),
        changed: Condvar::new(),
    };
    std::thread::scope(|scope| {
        // Whatever way this thread leaves (done, an error, a panic), the
        // helpers are told to stop, so the scope never waits on them forever.
        let _stop = Stop { stream: &shared, always: true };
        let helper = || {
            // A helper that panics tells the taking thread, which would
            // otherwise wait for its result forever.
            let _failed = Stop { stream: &shared, always: false };
            while let Some(index) = shared.claim(items.len()) {
                let result = work(&items[index]);
                shared.fill(index, result);
            }
        };
        for _ in 1..threads {
            // If a thread cannot be started, this one does more of the work.
            let _ = std::thread::Builder::new().spawn_scoped(scope, helper);
        }
        for position in 0..items.len() {
            let result = loop {
                match shared.next(position, items.len()) {
                    Next::Done(result) => break result,
                    // Not done yet: draw up the next unclaimed item meanwhile.
                    Next::Work(index) => {
                        let result = work(&items[index]);
                        shared.fill(index, result);
                    }
                    // The scope raises the helper's panic when it ends.
                    Next::Failed => return Ok(()),
                }
            };
            take(result)?;
        }
        Ok(())
    })
}

/// [`stream`] for work that takes its item by value: each item is handed to
/// exactly one thread and dropped there once `work` is done with it, and each
/// result is handed to `take` in order as soon as it and those before it are
/// done.
///
/// For a list whose items turn into something else (a model file's raw values
/// into its entities): the items not yet worked, the results not yet taken
/// (at most `ahead`) and what `take` has made of the others are all that is
/// held, never every item and every result at once.
pub fn stream_owned<T: Send, R: Send, E>(
    items: Vec<T>,
    ahead: usize,
    work: impl Fn(T) -> R + Sync,
    mut take: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E> {
    let slots: Vec<Mutex<Option<T>>> = items.into_iter().map(|item| Mutex::new(Some(item))).collect();
    stream(
        &slots,
        ahead,
        |slot| {
            // Each slot is taken once, by the one thread that claimed it; a
            // poisoned lock only means another item's work panicked.
            let item = slot.lock().unwrap_or_else(PoisonError::into_inner).take();
            item.map(&work)
        },
        |result| result.map_or(Ok(()), &mut take),
    )
}

/// The results of `work` on every item, in `items`' order, as an iterator
/// taken on the calling thread while threads of `scope` draw the next ones
/// up on every core ([`stream`]): for a consumer that pulls (a template's
/// loop) rather than takes results pushed to it.
///
/// Nothing starts until the first result is asked for. At most about
/// `2 × ahead` results are held at once. Dropping the iterator stops the
/// drawing; a panic in `work` ends the iteration early and surfaces when the
/// scope ends, so a truncated list is never mistaken for a whole one.
pub fn pulled<'scope, 'env, T: Sync, R: Send + 'scope, W: Fn(&'env T) -> R + Send + Sync + 'scope>(
    scope: &'scope std::thread::Scope<'scope, 'env>,
    items: &'env [T],
    ahead: usize,
    work: W,
) -> Pulled<'scope, 'env, T, R, W> {
    Pulled { state: PulledState::Waiting { scope, items, ahead, work } }
}

/// The iterator of [`pulled`].
pub struct Pulled<'scope, 'env, T, R, W> {
    state: PulledState<'scope, 'env, T, R, W>,
}

enum PulledState<'scope, 'env, T, R, W> {
    /// Not asked yet.
    Waiting { scope: &'scope std::thread::Scope<'scope, 'env>, items: &'env [T], ahead: usize, work: W },
    /// Drawing up, on threads of the scope.
    Running(std::sync::mpsc::Receiver<R>),
    /// Taken.
    Spent,
}

impl<'scope, 'env, T: Sync, R: Send + 'scope, W: Fn(&'env T) -> R + Send + Sync + 'scope> Iterator
    for Pulled<'scope, 'env, T, R, W>
{
    type Item = R;

    fn next(&mut self) -> Option<R> {
        if let PulledState::Waiting { .. } = self.state {
            let PulledState::Waiting { scope, items, ahead, work } =
                std::mem::replace(&mut self.state, PulledState::Spent)
            else {
                return None;
            };
            let (sender, receiver) = std::sync::mpsc::sync_channel(ahead.max(1));
            // The receiver gone (the consumer stopped) ends the stream.
            scope.spawn(move || stream(items, ahead, work, |result| sender.send(result)));
            self.state = PulledState::Running(receiver);
        }
        match &self.state {
            PulledState::Running(receiver) => receiver.recv().ok(),
            _ => None,
        }
    }
}

impl<T, R, W> std::fmt::Debug for Pulled<'_, '_, T, R, W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = match self.state {
            PulledState::Waiting { .. } => "waiting",
            PulledState::Running(_) => "running",
            PulledState::Spent => "spent",
        };
        f.debug_struct("Pulled").field("state", &state).finish_non_exhaustive()
    }
}

/// What [`stream`]'s threads share.
struct Stream<R> {
    state: Mutex<StreamState<R>>,
    changed: Condvar,
}

struct StreamState<R> {
    /// Items before this one have been claimed by a thread.
    claimed: usize,
    /// Results before this one have been handed to `take`.
    taken: usize,
    /// The result of item `i` waits in slot `i % slots.len()`; an item is
    /// claimed only when its slot is free.
    slots: Vec<Option<R>>,
    /// Set when the taking thread is done or gone: helpers stop claiming.
    over: bool,
    /// Set when a helper panicked.
    failed: bool,
}

impl<R> StreamState<R> {
    fn can_claim(&self, len: usize) -> bool {
        !self.over && self.claimed < len && self.claimed < self.taken + self.slots.len()
    }
}

/// What the taking thread of a [`stream`] does next.
enum Next<R> {
    /// Hand this result on.
    Done(R),
    /// Work on this item while the result it waits for is drawn up.
    Work(usize),
    /// A helper panicked.
    Failed,
}

impl<R> Stream<R> {
    fn lock(&self) -> MutexGuard<'_, StreamState<R>> {
        // A poisoned lock only means a thread panicked; that panic surfaces
        // when the scope joins it.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn wait<'g>(&self, state: MutexGuard<'g, StreamState<R>>) -> MutexGuard<'g, StreamState<R>> {
        self.changed.wait(state).unwrap_or_else(PoisonError::into_inner)
    }

    /// A helper's next item, waiting while every slot is full; `None` when
    /// there is nothing left to do.
    fn claim(&self, len: usize) -> Option<usize> {
        let mut state = self.lock();
        loop {
            if state.can_claim(len) {
                state.claimed += 1;
                return Some(state.claimed - 1);
            }
            if state.over || state.claimed >= len {
                return None;
            }
            state = self.wait(state);
        }
    }

    /// The taking thread's next step towards the result at `position`.
    fn next(&self, position: usize, len: usize) -> Next<R> {
        let mut state = self.lock();
        loop {
            let slot = position % state.slots.len();
            if let Some(result) = state.slots[slot].take() {
                state.taken = position + 1;
                drop(state);
                self.changed.notify_all();
                return Next::Done(result);
            }
            if state.failed {
                return Next::Failed;
            }
            if state.can_claim(len) {
                state.claimed += 1;
                return Next::Work(state.claimed - 1);
            }
            state = self.wait(state);
        }
    }

    fn fill(&self, index: usize, result: R) {
        let mut state = self.lock();
        let slot = index % state.slots.len();
        state.slots[slot] = Some(result);
        drop(state);
        self.changed.notify_all();
    }
}

/// Ends a [`stream`] when dropped: always for the taking thread, on a panic
/// for a helper.
struct Stop<'s, R> {
    stream: &'s Stream<R>,
    always: bool,
}

impl<R> Drop for Stop<'_, R> {
    fn drop(&mut self) {
        let panicking = std::thread::panicking();
        if self.always || panicking {
            let mut state = self.stream.lock();
            state.over = true;
            state.failed |= panicking && !self.always;
            drop(state);
            self.stream.changed.notify_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_returns_both_results() {
        let (a, b) = join(|| (1..=10).sum::<u32>(), || "main".len());
        assert_eq!((a, b), (55, 4));
    }

    #[test]
    fn results_come_back_in_the_items_order() {
        let items: Vec<u64> = (0..10_000).collect();
        let squares = map(&items, |n| n * n);
        assert_eq!(squares, items.iter().map(|n| n * n).collect::<Vec<_>>());
    }

    #[test]
    fn batches_keep_runs_together_and_hold_every_item_once() {
        let items: Vec<u32> = [1, 1, 1, 2, 3, 3, 3, 3, 4, 5, 5].to_vec();
        let batches = batches_by(&items, 2, |a, b| a == b);
        assert_eq!(batches, [&[1, 1, 1][..], &[2, 3, 3, 3, 3], &[4, 5, 5]]);
        assert_eq!(batches_by(&items, 100, |a, b| a == b), [&items[..]]);
        assert_eq!(batches_by(&items, 0, |_, _| false).len(), items.len());
        assert!(batches_by(&[] as &[u32], 4, |_, _| true).is_empty());
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
            let doubled: Vec<u64> = Jobs::new(&items, |n| n * 2).batched(batch).collect();
            assert_eq!(doubled, items.iter().map(|n| n * 2).collect::<Vec<_>>(), "batch {batch}");
        }
    }

    #[test]
    fn each_item_is_worked_once_and_the_earliest_error_wins() {
        let items: Vec<usize> = (0..5_000).collect();
        let seen: Vec<AtomicUsize> = items.iter().map(|_| AtomicUsize::new(0)).collect();
        let done: Result<(), usize> = try_each(&items, Vec::new, |buffer: &mut Vec<usize>, n| {
            buffer.push(*n);
            seen[*n].fetch_add(1, Ordering::Relaxed);
            Ok(())
        });
        assert_eq!(done, Ok(()));
        assert!(seen.iter().all(|n| n.load(Ordering::Relaxed) == 1));
        // Every item from 100 on fails: whichever thread meets which, the
        // error of item 100 is the one returned, and the work stops early.
        let worked = AtomicUsize::new(0);
        let done = try_each(
            &items,
            || (),
            |(), n| {
                worked.fetch_add(1, Ordering::Relaxed);
                if *n >= 100 { Err(*n) } else { Ok(()) }
            },
        );
        assert_eq!(done, Err(100));
        assert!(worked.load(Ordering::Relaxed) < items.len());
    }

    #[test]
    fn streamed_results_are_taken_in_the_items_order() {
        let items: Vec<u64> = (0..5_000).rev().collect();
        for ahead in [0, 1, 2, 16, 10_000] {
            let mut taken = Vec::new();
            let done: Result<(), ()> = stream(
                &items,
                ahead,
                |n| (0..n % 97 * 100).sum::<u64>() + n,
                |r| {
                    taken.push(r);
                    Ok(())
                },
            );
            assert_eq!(done, Ok(()));
            let expected: Vec<u64> = items.iter().map(|n| (0..n % 97 * 100).sum::<u64>() + n).collect();
            assert_eq!(taken, expected, "ahead {ahead}");
        }
    }

    #[test]
    fn owned_items_are_streamed_in_order_each_worked_once() {
        let items: Vec<String> = (0..3_000).map(|n| n.to_string()).collect();
        let worked = AtomicUsize::new(0);
        let mut taken = Vec::new();
        let done: Result<(), ()> = stream_owned(
            items.clone(),
            8,
            |text| {
                worked.fetch_add(1, Ordering::Relaxed);
                text + "!"
            },
            |text| {
                taken.push(text);
                Ok(())
            },
        );
        assert_eq!(done, Ok(()));
        assert_eq!(worked.load(Ordering::Relaxed), items.len());
        assert_eq!(taken, items.iter().map(|text| format!("{text}!")).collect::<Vec<_>>());
    }

    #[test]
    fn a_stream_stops_at_the_first_error() {
        let items: Vec<u32> = (0..10_000).collect();
        let mut taken = 0;
        let done = stream(
            &items,
            64,
            |n| *n,
            |n| {
                taken += 1;
                if n == 100 { Err(n) } else { Ok(()) }
            },
        );
        assert_eq!(done, Err(100));
        assert_eq!(taken, 101);
    }

    #[test]
    fn a_panic_in_a_streamed_job_surfaces_and_does_not_hang() {
        // Whichever thread draws the failing item up, the panic reaches the caller.
        let items: Vec<u32> = (0..1_000).collect();
        for failing in [0, 1, 2, 500, 999] {
            let outcome = std::panic::catch_unwind(|| {
                stream(&items, 8, |n| if *n == failing { panic!("job {n}") } else { *n }, |_| Ok::<(), ()>(()))
            });
            assert!(outcome.is_err(), "item {failing}");
        }
    }

    #[test]
    fn pulled_results_come_in_order_and_stop_when_dropped() {
        let items: Vec<u64> = (0..3_000).rev().collect();
        let expected: Vec<u64> = items.iter().map(|n| (0..n % 89 * 50).sum::<u64>() + n).collect();
        for ahead in [0, 1, 3, 256] {
            let taken: Vec<u64> = std::thread::scope(|scope| {
                pulled(scope, &items, ahead, |n| (0..n % 89 * 50).sum::<u64>() + n).collect()
            });
            assert_eq!(taken, expected, "ahead {ahead}");
        }
        // A consumer that stops early does not keep the scope waiting.
        let first: Vec<u64> = std::thread::scope(|scope| pulled(scope, &items, 4, |n| *n).take(10).collect());
        assert_eq!(first, items[..10]);
        // Nothing is drawn up unless asked.
        let drawn = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            let _unused = pulled(scope, &items, 4, |_| drawn.fetch_add(1, Ordering::Relaxed));
        });
        assert_eq!(drawn.load(Ordering::Relaxed), 0);
    }

    #[test]
    fn a_panic_in_a_pulled_job_surfaces() {
        let items: Vec<u32> = (0..500).collect();
        let outcome = std::panic::catch_unwind(|| {
            std::thread::scope(|scope| {
                pulled(scope, &items, 8, |n| if *n == 300 { panic!("job {n}") } else { *n }).count()
            })
        });
        assert!(outcome.is_err());
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
