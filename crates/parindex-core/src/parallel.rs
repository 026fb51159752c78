//! Mapping over a slice on several threads, results in order: how `rank_json_on`
//! reads and scores many assessments. The caller chooses how many threads (the core reads
//! nothing of the machine); one thread, and every WebAssembly build, maps in place.

/// `f` over every `(index, item)` of `items`, on up to `workers` threads; the results in
/// the order of `items`, whatever the number of threads.
pub fn map<T: Sync, R: Send>(
    items: &[T],
    workers: usize,
    f: impl Fn((usize, &T)) -> R + Sync,
) -> Vec<R> {
    let workers = workers.clamp(1, items.len().max(1));
    if workers == 1 || cfg!(target_arch = "wasm32") {
        return items.iter().enumerate().map(f).collect();
    }
    let chunk = items.len().div_ceil(workers);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .enumerate()
            .map(|(c, part)| {
                scope.spawn(move || {
                    part.iter()
                        .enumerate()
                        .map(|(i, item)| f((c * chunk + i, item)))
                        .collect::<Vec<R>>()
                })
            })
            .collect();
        handles
            .into_iter()
            // A worker panics only if `f` does, which the engine never does; should
            // it, the panic goes on rather than a result going missing.
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_keep_their_order_on_any_number_of_threads() {
        let items: Vec<u32> = (0..1000).collect();
        let one = super::map(&items, 1, |(i, v)| (i, v * 2));
        for workers in [2, 3, 7, 5000] {
            assert_eq!(super::map(&items, workers, |(i, v)| (i, v * 2)), one);
        }
        assert!(super::map(&[] as &[u32], 4, |(_, v)| *v).is_empty());
    }
}
