//! Running many worlds in parallel: the only place with threads.
//!
//! Worlds are computed in parallel in chunks, and each chunk's results are handed on in
//! world order, so what is written and summed never depends on the number of threads;
//! memory holds one chunk at a time, whatever the number of worlds.

use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use crate::model::{Ignore, WorldOutcome, run_world};
use crate::scenario::Scenario;

/// Set by [`request_stop`] (the command line's Ctrl-C handler): runs stop at the next
/// chunk boundary, with every world before it complete.
static STOP: AtomicBool = AtomicBool::new(false);

/// Asks every running [`Pool::for_each_world`] to stop after its current chunk.
pub fn request_stop() {
    STOP.store(true, Ordering::SeqCst);
}

/// Whether a stop was requested.
pub fn stop_requested() -> bool {
    STOP.load(Ordering::SeqCst)
}

/// Worlds computed between two hand-overs.
pub const CHUNK: u64 = 4096;

/// A pool of worker threads.
pub struct Pool(rayon::ThreadPool);

impl Pool {
    /// A pool of `threads` workers (`None`: one per core).
    ///
    /// # Errors
    /// When the operating system refuses the threads.
    pub fn new(threads: Option<usize>) -> Result<Pool, rayon::ThreadPoolBuildError> {
        let mut b = rayon::ThreadPoolBuilder::new();
        if let Some(t) = threads {
            b = b.num_threads(t.max(1));
        }
        b.build().map(Pool)
    }

    /// How many workers it has.
    pub fn threads(&self) -> usize {
        self.0.current_num_threads()
    }

    /// Computes `compute(k)` for every world `k` in `worlds` in parallel, and hands the
    /// results to `consume` in ascending order of `k`. `progress` is told how many worlds
    /// are done after each chunk. Returns the end of what was done: `worlds.end`, or less
    /// if a stop was requested ([`request_stop`]), every world before it handed on.
    pub fn for_each_world<T, C, U>(
        &self,
        worlds: Range<u64>,
        compute: C,
        mut consume: U,
        progress: &dyn Fn(u64),
    ) -> u64
    where
        T: Send,
        C: Fn(u64) -> T + Sync,
        U: FnMut(u64, T),
    {
        let mut start = worlds.start;
        while start < worlds.end {
            if stop_requested() {
                return start;
            }
            let end = worlds.end.min(start.saturating_add(CHUNK));
            let results: Vec<T> = self
                .0
                .install(|| (start..end).into_par_iter().map(&compute).collect());
            for (k, r) in (start..end).zip(results) {
                consume(k, r);
            }
            progress(end - worlds.start);
            start = end;
        }
        worlds.end
    }
}

/// World `k` of `scenario` under master seed `seed`, observed by no one.
pub fn outcome(scenario: &Scenario, seed: u64, k: u64) -> WorldOutcome {
    let (params, streams) = scenario.world(seed, k);
    run_world(&params, &scenario.calendar, streams, &mut Ignore)
}
