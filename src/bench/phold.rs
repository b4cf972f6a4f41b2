//! PHOLD, the usual synthetic load for event schedulers, on the engine and on a bare
//! binary heap.
//!
//! 1000 logical processes, one pending event each; handling an event schedules one new
//! event, after an exponential delay, for a uniformly chosen process, so the queue stays at
//! 1000 events throughout. The bare heap is the floor: it orders by `(time, seq)` exactly as
//! the engine does at a single priority, so both loops draw the same random numbers and
//! deliver the same events in the same order (their digests agree), and the gap is the
//! engine's overhead.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::engine::{
    Control, Model, Priority, Scheduler, SimDuration, SimTime, Simulation, StopReason,
};

/// Logical processes, each with one pending event.
pub const PROCESSES: u32 = 1000;
/// The mean delay of one "time unit", in ticks: time is integer, so a mean of 1 would
/// round most delays to 0 or 1 and turn PHOLD into a test of tie-breaking.
const MEAN_DELAY: f64 = 1000.0;
/// The seed the benchmarks use.
pub const SEED: u64 = 0x1945_0815;

fn delay(rng: &mut ChaCha8Rng) -> u64 {
    let u: f64 = rng.random();
    // `1 - u` lies in (0, 1], so the logarithm is finite and the delay is never negative.
    (-(1.0 - u).ln() * MEAN_DELAY).round() as u64
}

fn destination(rng: &mut ChaCha8Rng) -> u32 {
    rng.random_range(0..PROCESSES)
}

/// An order-sensitive digest of the delivered processes, to prove both loops did the same.
fn mix(digest: u64, lp: u32) -> u64 {
    digest.wrapping_mul(0x0000_0100_0000_01B3) ^ u64::from(lp)
}

struct Phold {
    rng: ChaCha8Rng,
    handled: u64,
    events: u64,
    digest: u64,
}

impl Model for Phold {
    type Event = u32;
    type Stop = ();

    fn handle(&mut self, _now: SimTime, lp: u32, sched: &mut Scheduler<u32>) -> Control<()> {
        self.handled += 1;
        self.digest = mix(self.digest, lp);
        if self.handled == self.events {
            return Control::Stop(());
        }
        let d = SimDuration::minutes(delay(&mut self.rng) as i64);
        let to = destination(&mut self.rng);
        sched.schedule_in(d, Priority::DEFAULT, to);
        Control::Continue
    }
}

/// PHOLD on the engine for `events` events. Returns (time of the last event, digest).
pub fn engine(seed: u64, events: u64) -> (u64, u64) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut sim = Simulation::new(SimTime::ZERO);
    for lp in 0..PROCESSES {
        let at = SimTime::from_minutes(delay(&mut rng) as i64);
        sim.scheduler().schedule_at(at, Priority::DEFAULT, lp);
    }
    let mut model = Phold {
        rng,
        handled: 0,
        events,
        digest: 0,
    };
    let out = sim.run(&mut model, SimTime::MAX);
    debug_assert_eq!(out.reason, StopReason::Model(()));
    (out.time.minutes() as u64, model.digest)
}

/// The same PHOLD on a bare `BinaryHeap`. Returns (time of the last event, digest).
pub fn bare_heap(seed: u64, events: u64) -> (u64, u64) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut heap = BinaryHeap::new();
    let mut seq: u64 = 0;
    for lp in 0..PROCESSES {
        heap.push(Reverse((delay(&mut rng), seq, lp)));
        seq += 1;
    }
    let mut handled = 0;
    let mut digest = 0;
    loop {
        // Every handled event schedules one more, so the heap never empties.
        let Some(Reverse((now, _, lp))) = heap.pop() else {
            return (0, digest);
        };
        handled += 1;
        digest = mix(digest, lp);
        if handled == events {
            return (now, digest);
        }
        let d = delay(&mut rng);
        let to = destination(&mut rng);
        heap.push(Reverse((now + d, seq, to)));
        seq += 1;
    }
}
