//! The pending-event queue and the scheduler handle that models use.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::time::{SimDuration, SimTime};

/// Breaks ties between events at the same time: lower runs first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Priority(pub u8);

impl Priority {
    /// The middle priority, for events with no reason to go first or last.
    pub const DEFAULT: Priority = Priority(128);
}

/// Names a scheduled event, to cancel it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventId(u64);

struct Entry<E> {
    time: SimTime,
    priority: Priority,
    seq: u64,
    event: E,
}

impl<E> Entry<E> {
    fn key(&self) -> (SimTime, Priority, u64) {
        (self.time, self.priority, self.seq)
    }
}

impl<E> PartialEq for Entry<E> {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}
impl<E> Eq for Entry<E> {}
impl<E> PartialOrd for Entry<E> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl<E> Ord for Entry<E> {
    // Reversed: `BinaryHeap` is a max-heap and the smallest key must come out first.
    fn cmp(&self, other: &Self) -> Ordering {
        other.key().cmp(&self.key())
    }
}

/// The clock and the pending events of a simulation.
///
/// Cancelling is lazy: a cancelled event stays in the heap, marked, and is dropped when it
/// reaches the front, so cancelling costs O(log n) at most and nothing when unused.
pub struct Scheduler<E> {
    now: SimTime,
    next_seq: u64,
    heap: BinaryHeap<Entry<E>>,
    /// Sequence numbers of cancelled events still in the heap, kept sorted.
    cancelled: Vec<u64>,
}

impl<E> std::fmt::Debug for Scheduler<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scheduler")
            .field("now", &self.now)
            .field("pending", &self.len())
            .finish()
    }
}

impl<E: Clone> Clone for Scheduler<E> {
    fn clone(&self) -> Self {
        Self {
            now: self.now,
            next_seq: self.next_seq,
            heap: self
                .heap
                .iter()
                .map(|e| Entry {
                    time: e.time,
                    priority: e.priority,
                    seq: e.seq,
                    event: e.event.clone(),
                })
                .collect(),
            cancelled: self.cancelled.clone(),
        }
    }
}

impl<E> Scheduler<E> {
    pub(crate) fn new(start: SimTime) -> Self {
        Self {
            now: start,
            next_seq: 0,
            heap: BinaryHeap::new(),
            cancelled: Vec::new(),
        }
    }

    /// The current simulated time.
    pub fn now(&self) -> SimTime {
        self.now
    }

    /// How many events are pending (cancelled ones excluded).
    pub fn len(&self) -> usize {
        self.heap.len() - self.cancelled.len()
    }

    /// Whether no event is pending.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Schedules `event` at `time`. A time in the past is moved to now, so time never
    /// runs backwards.
    pub fn schedule_at(&mut self, time: SimTime, priority: Priority, event: E) -> EventId {
        let seq = self.next_seq;
        self.next_seq += 1;
        self.heap.push(Entry {
            time: time.max(self.now),
            priority,
            seq,
            event,
        });
        EventId(seq)
    }

    /// Schedules `event` after `delay` from now (a negative delay means now).
    pub fn schedule_in(&mut self, delay: SimDuration, priority: Priority, event: E) -> EventId {
        self.schedule_at(self.now + delay, priority, event)
    }

    /// Cancels a pending event. Returns whether it was pending; cancelling an event that
    /// already ran or was already cancelled does nothing.
    pub fn cancel(&mut self, id: EventId) -> bool {
        if id.0 >= self.next_seq || !self.heap.iter().any(|e| e.seq == id.0) {
            return false;
        }
        match self.cancelled.binary_search(&id.0) {
            Ok(_) => false,
            Err(pos) => {
                self.cancelled.insert(pos, id.0);
                true
            }
        }
    }

    /// The time of the next pending event.
    pub(crate) fn peek_time(&mut self) -> Option<SimTime> {
        self.drop_cancelled_front();
        self.heap.peek().map(|e| e.time)
    }

    pub(crate) fn advance_to(&mut self, t: SimTime) {
        self.now = self.now.max(t);
    }

    /// Removes the next pending event and moves the clock to it.
    pub(crate) fn pop(&mut self) -> Option<(SimTime, E)> {
        self.drop_cancelled_front();
        let e = self.heap.pop()?;
        self.now = e.time;
        Some((e.time, e.event))
    }

    fn drop_cancelled_front(&mut self) {
        while !self.cancelled.is_empty() {
            let Some(front) = self.heap.peek() else {
                self.cancelled.clear();
                return;
            };
            match self.cancelled.binary_search(&front.seq) {
                Ok(pos) => {
                    self.cancelled.remove(pos);
                    self.heap.pop();
                }
                Err(_) => return,
            }
        }
    }
}
