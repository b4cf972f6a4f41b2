//! Paired comparison of two scenarios on the same worlds (common random numbers).

use serde::Serialize;

use super::stats::{Histogram, HistogramState, Proportion};
use super::{CountReport, ProbabilityReport, ScenarioInfo, round6};
use crate::model::WorldOutcome;

/// A scenario against a base, world by world. A world with no acceptance counts as
/// accepting later than any world that accepted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    /// Worlds compared.
    pub worlds: u64,
    /// Shift of the acceptance (other − base) where both accepted [minutes].
    pub shift: Histogram,
    /// Worlds where the other scenario accepted earlier, at the same minute, later.
    pub earlier: u64,
    /// See `earlier`.
    pub same: u64,
    /// See `earlier`.
    pub later: u64,
    /// Soviet entry before acceptance: in the base, in the other.
    pub entry_before: [Proportion; 2],
    /// Bombs dropped: other − base.
    pub bombs_shift: Histogram,
    /// Territories taken: other − base.
    pub territories_shift: Histogram,
}

/// The saved state of a [`Comparison`], to merge the shards of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct ComparisonState {
    worlds: u64,
    shift: HistogramState,
    earlier_same_later: (u64, u64, u64),
    entry_before: [(u64, u64); 2],
    bombs_shift: HistogramState,
    territories_shift: HistogramState,
}

impl Comparison {
    /// Its state, to save.
    pub fn state(&self) -> ComparisonState {
        ComparisonState {
            worlds: self.worlds,
            shift: self.shift.state(),
            earlier_same_later: (self.earlier, self.same, self.later),
            entry_before: self.entry_before.map(|p| (p.hits, p.n)),
            bombs_shift: self.bombs_shift.state(),
            territories_shift: self.territories_shift.state(),
        }
    }

    /// A comparison from a saved state; `None` if the state is malformed.
    pub fn from_state(s: &ComparisonState) -> Option<Comparison> {
        Some(Comparison {
            worlds: s.worlds,
            shift: Histogram::from_state(&s.shift)?,
            earlier: s.earlier_same_later.0,
            same: s.earlier_same_later.1,
            later: s.earlier_same_later.2,
            entry_before: s.entry_before.map(|(hits, n)| Proportion { hits, n }),
            bombs_shift: Histogram::from_state(&s.bombs_shift)?,
            territories_shift: Histogram::from_state(&s.territories_shift)?,
        })
    }

    /// Adds one world: its outcome under the base and under the other scenario.
    pub fn add(&mut self, base: &WorldOutcome, other: &WorldOutcome) {
        self.worlds += 1;
        match (base.acceptance, other.acceptance) {
            (Some(a), Some(b)) => {
                self.shift.add((b - a).as_minutes());
                match b.cmp(&a) {
                    std::cmp::Ordering::Less => self.earlier += 1,
                    std::cmp::Ordering::Equal => self.same += 1,
                    std::cmp::Ordering::Greater => self.later += 1,
                }
            }
            (Some(_), None) => self.later += 1,
            (None, Some(_)) => self.earlier += 1,
            (None, None) => self.same += 1,
        }
        self.entry_before[0].add(base.entry_before_acceptance());
        self.entry_before[1].add(other.entry_before_acceptance());
        self.bombs_shift
            .add(other.bombs_dropped() as i64 - base.bombs_dropped() as i64);
        self.territories_shift
            .add(i64::from(other.territories.len()) - i64::from(base.territories.len()));
    }

    /// Adds every world of `other`.
    pub fn merge(&mut self, other: &Comparison) {
        self.worlds += other.worlds;
        self.shift.merge(&other.shift);
        self.earlier += other.earlier;
        self.same += other.same;
        self.later += other.later;
        for (a, b) in self.entry_before.iter_mut().zip(&other.entry_before) {
            a.merge(b);
        }
        self.bombs_shift.merge(&other.bombs_shift);
        self.territories_shift.merge(&other.territories_shift);
    }

    /// The JSON report.
    pub fn report(&self, base: ScenarioInfo, other: ScenarioInfo) -> ComparisonReport {
        let share = |hits| {
            ProbabilityReport::from(Proportion {
                hits,
                n: self.worlds,
            })
        };
        let days = |m: f64| round6(m / 1440.0);
        let (p0, p1) = (
            self.entry_before[0].estimate(),
            self.entry_before[1].estimate(),
        );
        ComparisonReport {
            base,
            other,
            worlds: self.worlds,
            both_accepted: self.shift.n(),
            acceptance_shift_days: ShiftReport {
                mean: self.shift.mean().map(days),
                mean_ci95: self.shift.mean_ci95().map(|(a, b)| [days(a), days(b)]),
                median: self.shift.quantile(0.5).map(|m| days(m as f64)),
                median_ci95: self
                    .shift
                    .median_ci95()
                    .map(|(a, b)| [days(a as f64), days(b as f64)]),
            },
            earlier: share(self.earlier),
            same: share(self.same),
            later: share(self.later),
            entry_before_acceptance: [self.entry_before[0].into(), self.entry_before[1].into()],
            entry_before_acceptance_change: round6(p1 - p0),
            bombs_dropped_shift: CountReport::new(&self.bombs_shift),
            territories_taken_shift: CountReport::new(&self.territories_shift),
        }
    }
}

/// A shift with its intervals [days].
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ShiftReport {
    /// Mean shift.
    pub mean: Option<f64>,
    /// 95 % interval of the mean.
    pub mean_ci95: Option<[f64; 2]>,
    /// Median shift.
    pub median: Option<f64>,
    /// Distribution-free 95 % interval of the median.
    pub median_ci95: Option<[f64; 2]>,
}

/// One scenario against the base, for `compare.json`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ComparisonReport {
    /// The base scenario (the first named).
    pub base: ScenarioInfo,
    /// The scenario compared with it.
    pub other: ScenarioInfo,
    /// Worlds compared.
    pub worlds: u64,
    /// Worlds where both accepted (the shift is measured on these).
    pub both_accepted: u64,
    /// Shift of the final acceptance, other − base [days].
    pub acceptance_shift_days: ShiftReport,
    /// Share of worlds where the other accepted earlier (no acceptance counts as latest).
    pub earlier: ProbabilityReport,
    /// Share of worlds with the same acceptance minute (or neither accepting).
    pub same: ProbabilityReport,
    /// Share of worlds where the other accepted later.
    pub later: ProbabilityReport,
    /// P(Soviet entry before acceptance): base, other.
    pub entry_before_acceptance: [ProbabilityReport; 2],
    /// Change in that probability, other − base.
    pub entry_before_acceptance_change: f64,
    /// Bombs dropped, other − base.
    pub bombs_dropped_shift: CountReport,
    /// Territories taken, other − base.
    pub territories_taken_shift: CountReport,
}
