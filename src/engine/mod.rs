//! A domain-free discrete-event engine.
//!
//! The engine knows nothing of 1945: it keeps integer simulated time, a queue of pending
//! events, and a run loop that hands each event to a [`Model`] in a deterministic order.
//!
//! # Order of events
//! Pending events are ordered by the key `(time, priority, sequence)`:
//! 1. earlier [`SimTime`] first;
//! 2. at the same time, the lower [`Priority`] first;
//! 3. at the same time and priority, the event scheduled first (its sequence number) first.
//!
//! The order therefore never depends on hashing, memory addresses or thread timing.
//!
//! ```
//! use endgame::engine::{Control, Model, Priority, Scheduler, SimDuration, SimTime, Simulation, StopReason};
//!
//! struct Countdown(u32);
//! impl Model for Countdown {
//!     type Event = ();
//!     type Stop = &'static str;
//!     fn handle(&mut self, _now: SimTime, _ev: (), sched: &mut Scheduler<()>) -> Control<&'static str> {
//!         self.0 -= 1;
//!         if self.0 == 0 {
//!             return Control::Stop("lift-off");
//!         }
//!         sched.schedule_in(SimDuration::minutes(10), Priority::DEFAULT, ());
//!         Control::Continue
//!     }
//! }
//!
//! let mut sim = Simulation::new(SimTime::ZERO);
//! sim.scheduler().schedule_at(SimTime::ZERO, Priority::DEFAULT, ());
//! let outcome = sim.run(&mut Countdown(3), SimTime::from_minutes(1_000));
//! assert_eq!(outcome.reason, StopReason::Model("lift-off"));
//! assert_eq!(outcome.time, SimTime::from_minutes(20));
//! ```

mod queue;
mod time;

pub use queue::{EventId, Priority, Scheduler};
pub use time::{SimDuration, SimTime};

/// What a model tells the run loop after handling an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control<S> {
    /// Keep running.
    Continue,
    /// Stop now, for the model's own reason.
    Stop(S),
}

/// A model driven by the engine.
pub trait Model {
    /// The payload of an event.
    type Event;
    /// The model's own reasons to stop.
    type Stop;
    /// Reacts to one event at `now`; may schedule or cancel events.
    fn handle(
        &mut self,
        now: SimTime,
        event: Self::Event,
        scheduler: &mut Scheduler<Self::Event>,
    ) -> Control<Self::Stop>;
}

/// Why a run stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopReason<S> {
    /// The next pending event lies beyond the horizon (it stays pending).
    Horizon,
    /// No event was left to handle.
    Exhausted,
    /// The model asked to stop.
    Model(S),
    /// The event limit ([`Simulation::with_event_limit`]) was reached: a model that keeps
    /// scheduling events without time advancing far enough is stopped rather than left
    /// to run forever.
    EventLimit,
}

/// The result of [`Simulation::run`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunOutcome<S> {
    /// Why the run stopped.
    pub reason: StopReason<S>,
    /// The clock when it stopped: the last event handled, or the horizon (or the clock, if
    /// the horizon lay in the past).
    pub time: SimTime,
    /// How many events were handled.
    pub events_handled: u64,
}

/// A simulation: a clock and a queue of pending events.
#[derive(Debug, Clone)]
pub struct Simulation<E> {
    scheduler: Scheduler<E>,
    event_limit: u64,
}

impl<E> Simulation<E> {
    /// A simulation whose clock starts at `start`, with no pending event.
    pub fn new(start: SimTime) -> Self {
        Self {
            scheduler: Scheduler::new(start),
            event_limit: u64::MAX,
        }
    }

    /// Stops a run after `limit` events ([`StopReason::EventLimit`]).
    pub fn with_event_limit(mut self, limit: u64) -> Self {
        self.event_limit = limit;
        self
    }

    /// The scheduler, to seed the initial events.
    pub fn scheduler(&mut self) -> &mut Scheduler<E> {
        &mut self.scheduler
    }

    /// The current simulated time.
    pub fn now(&self) -> SimTime {
        self.scheduler.now()
    }

    /// Runs events in order until the model stops, no event is left, or the next event is
    /// later than `horizon` (events exactly at the horizon still run).
    pub fn run<M: Model<Event = E>>(
        &mut self,
        model: &mut M,
        horizon: SimTime,
    ) -> RunOutcome<M::Stop> {
        let mut handled = 0;
        loop {
            if handled >= self.event_limit {
                return RunOutcome {
                    reason: StopReason::EventLimit,
                    time: self.scheduler.now(),
                    events_handled: handled,
                };
            }
            match self.scheduler.peek_time() {
                None => {
                    return RunOutcome {
                        reason: StopReason::Exhausted,
                        time: self.scheduler.now(),
                        events_handled: handled,
                    };
                }
                Some(t) if t > horizon => {
                    self.scheduler.advance_to(horizon);
                    return RunOutcome {
                        reason: StopReason::Horizon,
                        time: self.scheduler.now(),
                        events_handled: handled,
                    };
                }
                Some(_) => {}
            }
            let Some((now, event)) = self.scheduler.pop() else {
                continue;
            };
            handled += 1;
            if let Control::Stop(s) = model.handle(now, event, &mut self.scheduler) {
                return RunOutcome {
                    reason: StopReason::Model(s),
                    time: now,
                    events_handled: handled,
                };
            }
        }
    }
}
