//! Invariants of the discrete-event engine, checked through its public API only.
//!
//! The property tests drive a [`Recorder`] model with randomly generated plans: events
//! seeded before the run, then, for the n-th event handled, a list of actions (schedule at
//! an absolute time, schedule after a delay, cancel some earlier event). The recorder keeps
//! its own shadow of what must be pending (a `BTreeSet` of `(time, priority, label)`
//! keys, labels being handed out in scheduling order) and checks every delivery against
//! it, so the engine is compared with an oracle too simple to be wrong.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::marker::PhantomData;

use endgame::engine::{
    Control, EventId, Model, Priority, RunOutcome, Scheduler, SimDuration, SimTime, Simulation,
    StopReason,
};
use proptest::prelude::*;

/// The clock at the start of every generated run; not zero, so that seeding "at 0" is
/// already in the past and exercises the clamp.
const START: SimTime = SimTime::from_minutes(10);

/// Events are named by the order in which they were scheduled, which is exactly the
/// engine's sequence order; this keeps the test independent of how `EventId` is ordered.
type Label = u64;
type Key = (SimTime, Priority, Label);

#[derive(Debug, Clone, Copy)]
enum Action {
    At {
        at: i64,
        prio: u8,
    },
    In {
        delay: i64,
        prio: u8,
    },
    /// Cancels the label `pick % scheduled_so_far`, which may be pending, already delivered
    /// or already cancelled: all three answers of `cancel` get exercised.
    Cancel {
        pick: usize,
    },
}

#[derive(Debug, Clone)]
struct Plan {
    seed: Vec<Action>,
    reactions: Vec<Vec<Action>>,
    horizon: SimTime,
    stop_after: Option<u64>,
}

/// The shadow bookkeeping: every event ever scheduled and what must still be pending.
#[derive(Debug, Clone, Default)]
struct Book {
    ids: Vec<EventId>,
    keys: Vec<Key>,
    pending: BTreeSet<Key>,
    cancelled: BTreeSet<Label>,
    cancel_mismatches: Vec<String>,
}

impl Book {
    fn record(&mut self, effective: SimTime, prio: u8, id: EventId) {
        let label = self.keys.len() as Label;
        let key = (effective, Priority(prio), label);
        self.ids.push(id);
        self.keys.push(key);
        self.pending.insert(key);
    }

    fn apply(&mut self, sched: &mut Scheduler<Label>, action: Action) {
        let now = sched.now();
        let label = self.keys.len() as Label;
        match action {
            Action::At { at, prio } => {
                let at = SimTime::from_minutes(at);
                let id = sched.schedule_at(at, Priority(prio), label);
                self.record(at.max(now), prio, id);
            }
            Action::In { delay, prio } => {
                let delay = SimDuration::minutes(delay);
                let id = sched.schedule_in(delay, Priority(prio), label);
                self.record((now + delay).max(now), prio, id);
            }
            Action::Cancel { pick } => {
                if self.keys.is_empty() {
                    return;
                }
                let target = pick % self.keys.len();
                let expected = self.pending.remove(&self.keys[target]);
                if expected {
                    self.cancelled.insert(target as Label);
                }
                let got = sched.cancel(self.ids[target]);
                if got != expected {
                    self.cancel_mismatches.push(format!(
                        "cancel({target}) at {now:?} returned {got}, expected {expected}"
                    ));
                }
            }
        }
    }
}

/// A model that performs the plan's reactions and records what it receives.
#[derive(Debug, Clone)]
struct Recorder {
    book: Book,
    reactions: Vec<Vec<Action>>,
    stop_after: Option<u64>,
    handled: u64,
    delivered: Vec<(SimTime, Label)>,
    /// Deliveries that were not the least pending key, or not at their scheduled time.
    out_of_order: Vec<String>,
    /// Moments where `len()`/`is_empty()`/`now()` disagreed with the shadow.
    state_mismatches: Vec<String>,
}

impl Recorder {
    fn new(reactions: Vec<Vec<Action>>, stop_after: Option<u64>) -> Self {
        Self {
            book: Book::default(),
            reactions,
            stop_after,
            handled: 0,
            delivered: Vec::new(),
            out_of_order: Vec::new(),
            state_mismatches: Vec::new(),
        }
    }

    fn check_len(&mut self, sched: &Scheduler<Label>, when: &str) {
        let want = self.book.pending.len();
        if sched.len() != want || sched.is_empty() != (want == 0) {
            self.state_mismatches.push(format!(
                "{when}: len() = {}, is_empty() = {}, but {want} pending",
                sched.len(),
                sched.is_empty()
            ));
        }
    }
}

impl Model for Recorder {
    type Event = Label;
    type Stop = u64;

    fn handle(&mut self, now: SimTime, label: Label, sched: &mut Scheduler<Label>) -> Control<u64> {
        let Some(&key) = self.book.keys.get(label as usize) else {
            self.out_of_order
                .push(format!("unknown label {label} at {now:?}"));
            return Control::Continue;
        };
        if self.book.cancelled.contains(&label) {
            self.out_of_order
                .push(format!("cancelled event {label} delivered at {now:?}"));
        }
        let least = self.book.pending.first().copied();
        if least != Some(key) || key.0 != now {
            self.out_of_order.push(format!(
                "delivered {label} at {now:?} (key {key:?}) while least pending was {least:?}"
            ));
        }
        if sched.now() != now {
            self.state_mismatches.push(format!(
                "scheduler.now() = {:?} inside handle at {now:?}",
                sched.now()
            ));
        }
        self.book.pending.remove(&key);
        self.delivered.push((now, label));

        let n = self.handled as usize;
        self.handled += 1;
        if let Some(actions) = self.reactions.get(n) {
            for &a in actions {
                self.book.apply(sched, a);
            }
        }
        self.check_len(sched, "after handle");

        if self.stop_after == Some(self.handled) {
            Control::Stop(self.handled)
        } else {
            Control::Continue
        }
    }
}

fn seeded(plan: &Plan) -> (Simulation<Label>, Recorder) {
    let mut sim = Simulation::new(START);
    let mut rec = Recorder::new(plan.reactions.clone(), plan.stop_after);
    for &a in &plan.seed {
        rec.book.apply(sim.scheduler(), a);
    }
    rec.check_len(sim.scheduler(), "after seeding");
    (sim, rec)
}

/// Runs the plan to the end in one go, ignoring its horizon and stop.
fn run_uninterrupted(plan: &Plan) -> (RunOutcome<u64>, Recorder) {
    let (mut sim, mut rec) = seeded(plan);
    rec.stop_after = None;
    let out = sim.run(&mut rec, SimTime::MAX);
    (out, rec)
}

fn action(cancel_weight: u32) -> impl Strategy<Value = Action> {
    // Small ranges of times and priorities, so that ties are the common case.
    prop_oneof![
        3 => (-5i64..40, 0u8..4).prop_map(|(at, prio)| Action::At { at, prio }),
        3 => (-8i64..15, 0u8..4).prop_map(|(delay, prio)| Action::In { delay, prio }),
        cancel_weight => any::<usize>().prop_map(|pick| Action::Cancel { pick }),
    ]
}

fn plan(cancel_weight: u32) -> impl Strategy<Value = Plan> {
    (
        prop::collection::vec(action(cancel_weight), 0..25),
        prop::collection::vec(prop::collection::vec(action(cancel_weight), 0..4), 0..40),
        prop_oneof![
            3 => (START.minutes()..60).prop_map(SimTime::from_minutes),
            1 => Just(SimTime::MAX),
        ],
        prop::option::of(1u64..50),
    )
        .prop_map(|(seed, reactions, horizon, stop_after)| Plan {
            seed,
            reactions,
            horizon,
            stop_after,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Every delivery is the least `(time, priority, sequence)` key pending at that moment,
    /// at its (clamped) scheduled time, and every event not cancelled is delivered once.
    ///
    /// The delivered keys are not globally nondecreasing: a handler may schedule at `now`
    /// with a lower priority than its own event, and that event then rightly runs next.
    /// Time, however, never runs backwards.
    #[test]
    fn delivery_is_always_the_least_pending_key(plan in plan(1)) {
        let (out, rec) = run_uninterrupted(&plan);
        prop_assert_eq!(&rec.out_of_order, &Vec::<String>::new());
        prop_assert_eq!(out.reason, StopReason::Exhausted);
        prop_assert!(
            rec.delivered.windows(2).all(|w| w[0].0 <= w[1].0),
            "time ran backwards: {:?}", rec.delivered
        );
        for &(t, _) in &rec.delivered {
            prop_assert!(t >= START, "delivered at {:?}, before the start", t);
        }
        let mut delivered: Vec<Label> = rec.delivered.iter().map(|&(_, l)| l).collect();
        delivered.sort_unstable();
        let expected: Vec<Label> = (0..rec.book.keys.len() as Label)
            .filter(|l| !rec.book.cancelled.contains(l))
            .collect();
        prop_assert_eq!(delivered, expected);
    }

    /// Same-time events come out by priority, then in scheduling order: the delivery is
    /// the seed list stably sorted by (time, priority).
    #[test]
    fn ties_go_by_priority_then_fifo(
        seed in prop::collection::vec((0i64..4, 0u8..3), 0..60),
    ) {
        let mut sim = Simulation::new(SimTime::ZERO);
        let mut rec = Recorder::new(Vec::new(), None);
        for &(at, prio) in &seed {
            rec.book.apply(sim.scheduler(), Action::At { at, prio });
        }
        sim.run(&mut rec, SimTime::MAX);
        let mut expected: Vec<Label> = (0..seed.len() as Label).collect();
        expected.sort_by_key(|&l| seed[l as usize]); // stable: ties keep FIFO order
        let got: Vec<Label> = rec.delivered.iter().map(|&(_, l)| l).collect();
        prop_assert_eq!(got, expected);
    }

    /// `cancel` is true exactly once for a pending event and false afterwards, a cancelled
    /// event never runs, and `len()` counts exactly the pending uncancelled events.
    #[test]
    fn cancel_and_len_agree_with_the_shadow(plan in plan(4)) {
        let (out, rec) = run_uninterrupted(&plan);
        prop_assert_eq!(&rec.book.cancel_mismatches, &Vec::<String>::new());
        prop_assert_eq!(&rec.state_mismatches, &Vec::<String>::new());
        prop_assert_eq!(&rec.out_of_order, &Vec::<String>::new());
        for &(_, l) in &rec.delivered {
            prop_assert!(!rec.book.cancelled.contains(&l), "cancelled {} was delivered", l);
        }
        prop_assert_eq!(out.events_handled, rec.delivered.len() as u64);
    }

    /// The run stops for the right reason at the right time, leaves later events pending,
    /// and resuming it delivers exactly what an uninterrupted run would have.
    #[test]
    fn runs_stop_for_the_right_reason_and_resume(plan in plan(1)) {
        let (mut sim, mut rec) = seeded(&plan);
        let out = sim.run(&mut rec, plan.horizon);

        prop_assert_eq!(out.events_handled, rec.delivered.len() as u64);
        prop_assert_eq!(out.events_handled, rec.handled);
        for &(t, _) in &rec.delivered {
            prop_assert!(t <= plan.horizon, "event at {:?} ran past the horizon", t);
        }
        let last = rec.delivered.last().map(|&(t, _)| t);
        let stop_due = plan.stop_after == Some(rec.handled);
        match out.reason {
            StopReason::Model(n) => {
                prop_assert!(stop_due);
                prop_assert_eq!(n, rec.handled);
                prop_assert_eq!(Some(out.time), last);
            }
            StopReason::Exhausted => {
                prop_assert!(!stop_due);
                prop_assert!(rec.book.pending.is_empty());
                prop_assert_eq!(out.time, last.unwrap_or(START));
            }
            StopReason::Horizon => {
                prop_assert!(!stop_due);
                let next = rec.book.pending.first().map(|k| k.0);
                prop_assert!(
                    next.is_some_and(|t| t > plan.horizon),
                    "stopped at the horizon {:?} with next pending at {:?}", plan.horizon, next
                );
                prop_assert_eq!(out.time, plan.horizon);
                prop_assert_eq!(sim.now(), plan.horizon);
            }
            StopReason::EventLimit => prop_assert!(false, "no event limit was set"),
        }
        prop_assert_eq!(sim.scheduler().len(), rec.book.pending.len());

        rec.stop_after = None;
        let rest = sim.run(&mut rec, SimTime::MAX);
        prop_assert_eq!(rest.reason, StopReason::Exhausted);
        prop_assert_eq!(out.events_handled + rest.events_handled, rec.handled);
        prop_assert!(rec.book.pending.is_empty());
        prop_assert!(sim.scheduler().is_empty());

        let (whole, straight) = run_uninterrupted(&plan);
        prop_assert_eq!(whole.events_handled, rec.handled);
        prop_assert_eq!(&rec.delivered, &straight.delivered);
        prop_assert_eq!(&rec.out_of_order, &Vec::<String>::new());
    }

    /// The same plan gives the same deliveries and outcomes, run afresh or from a clone of
    /// a simulation stopped midway.
    #[test]
    fn runs_are_deterministic(plan in plan(2)) {
        let run = |plan: &Plan| {
            let (mut sim, mut rec) = seeded(plan);
            let first = sim.run(&mut rec, plan.horizon);
            (first, sim, rec)
        };
        let (first_a, mut sim_a, mut rec_a) = run(&plan);
        let (first_b, sim_b, rec_b) = run(&plan);
        prop_assert_eq!(first_a, first_b);
        prop_assert_eq!(&rec_a.delivered, &rec_b.delivered);
        prop_assert_eq!(&rec_a.book.ids, &rec_b.book.ids);

        // The clone must carry the pending events and the sequence counter over intact.
        let mut sim_c = sim_b.clone();
        let mut rec_c = rec_b.clone();
        rec_a.stop_after = None;
        rec_c.stop_after = None;
        let rest_a = sim_a.run(&mut rec_a, SimTime::MAX);
        let rest_c = sim_c.run(&mut rec_c, SimTime::MAX);
        prop_assert_eq!(rest_a, rest_c);
        prop_assert_eq!(&rec_a.delivered, &rec_c.delivered);
        prop_assert_eq!(&rec_a.book.ids, &rec_c.book.ids);
        prop_assert_eq!(&rec_c.out_of_order, &Vec::<String>::new());
        prop_assert_eq!(&rec_c.book.cancel_mismatches, &Vec::<String>::new());
    }
}

/// A model from a closure, for the hand-written cases below.
struct FnModel<E, S, F>(F, PhantomData<fn(E) -> S>);

/// Through a function, so that the closure's argument types are inferred from the bound.
fn model<E, S, F>(f: F) -> FnModel<E, S, F>
where
    F: FnMut(SimTime, E, &mut Scheduler<E>) -> Control<S>,
{
    FnModel(f, PhantomData)
}

impl<E, S, F> Model for FnModel<E, S, F>
where
    F: FnMut(SimTime, E, &mut Scheduler<E>) -> Control<S>,
{
    type Event = E;
    type Stop = S;
    fn handle(&mut self, now: SimTime, event: E, sched: &mut Scheduler<E>) -> Control<S> {
        (self.0)(now, event, sched)
    }
}

fn t(m: i64) -> SimTime {
    SimTime::from_minutes(m)
}

#[test]
fn documented_order_at_the_same_time() {
    let mut sim = Simulation::new(SimTime::ZERO);
    let s = sim.scheduler();
    s.schedule_at(t(5), Priority(2), "a");
    s.schedule_at(t(5), Priority(1), "b");
    s.schedule_at(t(5), Priority(2), "c");
    s.schedule_at(t(5), Priority(1), "d");
    s.schedule_at(t(3), Priority(9), "e");
    s.schedule_at(t(5), Priority::DEFAULT, "f");
    s.schedule_at(t(5), Priority(0), "g");
    let mut log = Vec::new();
    let out = sim.run(
        &mut model(|now, ev, _: &mut Scheduler<&str>| {
            log.push((now.minutes(), ev));
            Control::<()>::Continue
        }),
        SimTime::MAX,
    );
    assert_eq!(out.reason, StopReason::Exhausted);
    assert_eq!(out.events_handled, 7);
    assert_eq!(
        log,
        [
            (3, "e"),
            (5, "g"),
            (5, "b"),
            (5, "d"),
            (5, "a"),
            (5, "c"),
            (5, "f")
        ]
    );
}

#[test]
fn events_in_the_past_are_clamped_to_now() {
    let mut sim = Simulation::new(t(100));
    // Seeding before the start is already "in the past".
    sim.scheduler().schedule_at(t(40), Priority(5), "seed");
    let mut log = Vec::new();
    let out = sim.run(
        &mut model(|now: SimTime, ev, s: &mut Scheduler<&str>| {
            log.push((now.minutes(), ev));
            if ev == "seed" {
                s.schedule_at(t(130), Priority(5), "later");
            }
            if ev == "later" {
                s.schedule_at(t(3), Priority(5), "past");
                s.schedule_in(SimDuration::minutes(-7), Priority(5), "negative");
                s.schedule_in(SimDuration::ZERO, Priority(4), "now, lower priority");
            }
            Control::<()>::Continue
        }),
        SimTime::MAX,
    );
    assert_eq!(out.reason, StopReason::Exhausted);
    assert_eq!(
        log,
        [
            (100, "seed"),
            (130, "later"),
            (130, "now, lower priority"),
            (130, "past"),
            (130, "negative"),
        ]
    );
    assert_eq!(out.time, t(130));
}

#[test]
fn horizon_is_inclusive_and_later_events_wait_for_the_next_run() {
    let mut sim = Simulation::new(SimTime::ZERO);
    sim.scheduler().schedule_at(t(10), Priority::DEFAULT, 10);
    sim.scheduler().schedule_at(t(11), Priority::DEFAULT, 11);
    let mut log = Vec::new();
    let mut model = model(|now: SimTime, ev: i64, _: &mut Scheduler<i64>| {
        log.push((now.minutes(), ev));
        Control::<()>::Continue
    });

    let out = sim.run(&mut model, t(10));
    assert_eq!(out.reason, StopReason::Horizon);
    assert_eq!(out.time, t(10));
    assert_eq!(out.events_handled, 1);
    assert_eq!(sim.scheduler().len(), 1);

    let out = sim.run(&mut model, t(20));
    assert_eq!(out.reason, StopReason::Exhausted);
    assert_eq!(out.time, t(11));
    assert_eq!(out.events_handled, 1);
    assert!(sim.scheduler().is_empty());
    assert_eq!(log, [(10, 10), (11, 11)]);
}

#[test]
fn an_empty_queue_is_exhausted_at_once() {
    let mut sim = Simulation::<()>::new(t(7));
    let mut calls = 0;
    let out = sim.run(
        &mut model(|_, (), _: &mut Scheduler<()>| {
            calls += 1;
            Control::<()>::Continue
        }),
        SimTime::MAX,
    );
    assert_eq!(
        out,
        RunOutcome {
            reason: StopReason::Exhausted,
            time: t(7),
            events_handled: 0
        }
    );
    assert_eq!(calls, 0);
}

#[test]
fn cancel_answers_true_once_and_only_for_pending_events() {
    let mut sim = Simulation::new(SimTime::ZERO);
    let s = sim.scheduler();
    let a = s.schedule_at(t(1), Priority::DEFAULT, "a");
    let b = s.schedule_at(t(2), Priority::DEFAULT, "b");
    let c = s.schedule_at(t(3), Priority::DEFAULT, "c");
    assert_eq!(s.len(), 3);
    assert!(s.cancel(b));
    assert!(
        !s.cancel(b),
        "a second cancel of the same event must say no"
    );
    assert_eq!(s.len(), 2);

    let mut log = Vec::new();
    let out = sim.run(
        &mut model(|_, ev, s: &mut Scheduler<&str>| {
            log.push(ev);
            // `c` is still pending while `a` runs; `a` itself has already been taken out.
            if ev == "a" {
                assert!(!s.cancel(a));
                assert!(s.cancel(c));
                assert!(s.is_empty());
            }
            Control::<()>::Continue
        }),
        SimTime::MAX,
    );
    assert_eq!(log, ["a"]);
    assert_eq!(out.events_handled, 1);
    assert_eq!(out.reason, StopReason::Exhausted);
    for id in [a, b, c] {
        assert!(!sim.scheduler().cancel(id));
    }
}

#[test]
fn a_model_stop_ends_the_run_and_keeps_the_rest_pending() {
    let mut sim = Simulation::new(SimTime::ZERO);
    for m in 0..5 {
        sim.scheduler().schedule_at(t(m), Priority::DEFAULT, m);
    }
    let mut model = model(|_, ev: i64, _: &mut Scheduler<i64>| {
        if ev == 2 {
            Control::Stop("enough")
        } else {
            Control::Continue
        }
    });
    let out = sim.run(&mut model, SimTime::MAX);
    assert_eq!(
        out,
        RunOutcome {
            reason: StopReason::Model("enough"),
            time: t(2),
            events_handled: 3
        }
    );
    assert_eq!(sim.scheduler().len(), 2);
    let out = sim.run(&mut model, SimTime::MAX);
    assert_eq!(out.reason, StopReason::Exhausted);
    assert_eq!(out.events_handled, 2);
}

#[test]
fn an_event_limit_stops_a_model_that_never_lets_time_move() {
    struct Echo;
    impl Model for Echo {
        type Event = ();
        type Stop = ();
        fn handle(&mut self, _: SimTime, _: (), s: &mut Scheduler<()>) -> Control<()> {
            s.schedule_in(SimDuration::ZERO, Priority::DEFAULT, ());
            Control::Continue
        }
    }
    let mut sim = Simulation::new(SimTime::ZERO).with_event_limit(1000);
    sim.scheduler()
        .schedule_at(SimTime::ZERO, Priority::DEFAULT, ());
    let out = sim.run(&mut Echo, SimTime::MAX);
    assert_eq!(out.reason, StopReason::EventLimit);
    assert_eq!(out.events_handled, 1000);
}
