//! Mapping over a slice on several threads, results in order: how `rank_json_on`
//! reads and scores many assessments. The caller chooses how many threads (the core reads
//! nothing of the machine); one thread, and every WebAssembly build, maps in place.

use std::sync::atomic::{AtomicUsize, Ordering};

/// How many items a worker takes at a time: small enough that a worker slowed by the
/// machine (a shared core) leaves the rest to the others, large enough that taking them
/// costs nothing.
const BATCH: usize = 32;

/// `f` over every `(index, item)` of `items`, on up to `workers` threads (the calling one
/// among them), each taking the next batch of items as it finishes one and keeping a
/// state of its own, made by `init` (an arena reused from one item to the next, say); the
/// results in the order of `items`, whatever the number of threads.
pub fn map_with<T: Sync, S, R: Send>(
    items: &[T],
    workers: usize,
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, (usize, &T)) -> R + Sync,
) -> Vec<R> {
    let workers = workers.clamp(1, items.len().div_ceil(BATCH).max(1));
    if workers == 1 || cfg!(target_arch = "wasm32") {
        let mut state = init();
        return items
            .iter()
            .enumerate()
            .map(|item| f(&mut state, item))
            .collect();
    }
    let next = AtomicUsize::new(0);
    // One worker's results: batches, each with the index of its first item.
    let work = || {
        let mut state = init();
        let mut done: Vec<(usize, Vec<R>)> = Vec::new();
        loop {
            let start = next.fetch_add(BATCH, Ordering::Relaxed);
            let Some(batch) = items.get(start..(start + BATCH).min(items.len())) else {
                return done;
            };
            let results = batch
                .iter()
                .enumerate()
                .map(|(i, item)| f(&mut state, (start + i, item)));
            done.push((start, results.collect()));
        }
    };
    let mut batches = std::thread::scope(|scope| {
        let others: Vec<_> = (1..workers).map(|_| scope.spawn(work)).collect();
        let mut batches = work();
        for other in others {
            // A worker panics only if `f` does, which the engine never does; should it,
            // the panic goes on rather than a result going missing.
            batches.extend(
                other
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            );
        }
        batches
    });
    batches.sort_unstable_by_key(|(start, _)| *start);
    batches
        .into_iter()
        .flat_map(|(_, results)| results)
        .collect()
}

#[cfg(test)]
mod tests {
    /// Mapping without a state.
    fn map<R: Send>(
        items: &[u32],
        workers: usize,
        f: impl Fn((usize, &u32)) -> R + Sync,
    ) -> Vec<R> {
        super::map_with(items, workers, || (), |_, item| f(item))
    }

    #[test]
    fn results_keep_their_order_on_any_number_of_threads() {
        let items: Vec<u32> = (0..1000).collect();
        let one = map(&items, 1, |(i, v)| (i, v * 2));
        for workers in [2, 3, 7, 5000] {
            assert_eq!(map(&items, workers, |(i, v)| (i, v * 2)), one);
        }
        assert!(map(&[] as &[u32], 4, |(_, v)| *v).is_empty());
        // Each thread's state is its own: the items one thread saw, counted.
        let counted = super::map_with(
            &items,
            3,
            || 0,
            |seen, (_, v)| {
                *seen += 1;
                (*v, *seen)
            },
        );
        assert!(counted.iter().map(|(v, _)| *v).eq(items.iter().copied()));
        assert!(counted.iter().all(|(_, seen)| (1..=1000).contains(seen)));
        assert!((1..=3).contains(&counted.iter().filter(|(_, seen)| *seen == 1).count()));
    }
}
