//! Work spread over threads (rayon), each thread with its own set-up.

use rayon::prelude::*;

/// Runs `work` on every item on `threads` threads, each with its own `init` (the
/// step's thread-local set-up: `Site::thread_reader`); the results in the items' order.
pub fn parallel<T: Sync, W, R: Send>(
    items: &[T],
    threads: usize,
    init: impl Fn() -> W + Sync + Send,
    work: impl Fn(&W, &T) -> R + Sync + Send,
) -> Vec<R> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.max(1))
        .build()
        .expect("threads to work on");
    pool.install(|| {
        items
            .par_iter()
            .map_init(&init, |w, item| work(w, item))
            .collect()
    })
}
