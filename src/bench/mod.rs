//! What `endgame bench` and the criterion benches measure: the engine on PHOLD against a
//! bare binary heap, and worlds per second of a scenario on one thread and on all.

pub mod phold;

use std::time::Instant;

use crate::experiment::{Pool, outcome};
use crate::scenario::Scenario;
use crate::summary::Summary;

/// Events per second of PHOLD on the engine and on the bare heap, best of `repeats`.
///
/// # Panics
/// Never on its own input; the two loops are checked to do the same work (a mismatch is a
/// bug in the engine and is reported as `None`).
pub fn phold_rates(events: u64, repeats: usize) -> Option<(f64, f64)> {
    if phold::engine(phold::SEED, events) != phold::bare_heap(phold::SEED, events) {
        return None;
    }
    let best = |f: &dyn Fn() -> (u64, u64)| {
        (0..repeats.max(1))
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                events as f64 / t.elapsed().as_secs_f64()
            })
            .fold(0.0, f64::max)
    };
    Some((
        best(&|| phold::engine(phold::SEED, events)),
        best(&|| phold::bare_heap(phold::SEED, events)),
    ))
}

/// Worlds per second of `scenario` on `pool`, summarised as `endgame run` does (no files).
pub fn worlds_per_second(scenario: &Scenario, pool: &Pool, worlds: u64) -> (f64, Summary) {
    let mut summary = Summary::default();
    let t = Instant::now();
    pool.for_each_world(
        0..worlds,
        |k| outcome(scenario, 1945, k),
        |_, w| summary.add(&w),
        &|_| {},
    );
    (worlds as f64 / t.elapsed().as_secs_f64(), summary)
}
