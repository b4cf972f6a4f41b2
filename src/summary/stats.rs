//! Mergeable accumulators with exact integer state, so a summary does not depend on the
//! order worlds were added in (threads, shards) and memory does not grow with their number.

use std::collections::BTreeMap;

/// z for a two-sided 95 % interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// The saved state of a [`Histogram`], for merging shards (sums as decimal strings, since
/// JSON numbers cannot carry 128 bits).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HistogramState {
    counts: Vec<(i64, u64)>,
    sum: String,
    sum_sq: String,
}

/// Counts of integer values (minutes, bombs, days): exact quantiles, mean and spread.
/// Memory grows with the number of distinct values, never with the number of worlds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Histogram {
    counts: BTreeMap<i64, u64>,
    n: u64,
    sum: i128,
    sum_sq: i128,
}

impl Histogram {
    /// Its state, to save.
    pub fn state(&self) -> HistogramState {
        HistogramState {
            counts: self.counts().collect(),
            sum: self.sum.to_string(),
            sum_sq: self.sum_sq.to_string(),
        }
    }

    /// A histogram from a saved state; `None` if the state is not one a histogram saved.
    pub fn from_state(state: &HistogramState) -> Option<Histogram> {
        let mut h = Histogram::default();
        for &(x, c) in &state.counts {
            *h.counts.entry(x).or_default() += c;
            h.n = h.n.checked_add(c)?;
        }
        h.sum = state.sum.parse().ok()?;
        h.sum_sq = state.sum_sq.parse().ok()?;
        Some(h)
    }

    /// Adds one value.
    pub fn add(&mut self, x: i64) {
        *self.counts.entry(x).or_default() += 1;
        self.n += 1;
        self.sum += i128::from(x);
        self.sum_sq += i128::from(x) * i128::from(x);
    }

    /// Adds every value of `other`.
    pub fn merge(&mut self, other: &Histogram) {
        for (x, c) in &other.counts {
            *self.counts.entry(*x).or_default() += c;
        }
        self.n += other.n;
        self.sum += other.sum;
        self.sum_sq += other.sum_sq;
    }

    /// How many values.
    pub fn n(&self) -> u64 {
        self.n
    }

    /// The distinct values and their counts, ascending.
    pub fn counts(&self) -> impl Iterator<Item = (i64, u64)> + '_ {
        self.counts.iter().map(|(x, c)| (*x, *c))
    }

    /// The mean, if any value was added.
    pub fn mean(&self) -> Option<f64> {
        (self.n > 0).then(|| self.sum as f64 / self.n as f64)
    }

    /// The sample standard deviation, with at least two values.
    pub fn sd(&self) -> Option<f64> {
        if self.n < 2 {
            return None;
        }
        let n = self.n as f64;
        // Exact in integers, then one rounding: n·Σx² − (Σx)².
        let num = (self.n as i128) * self.sum_sq - self.sum * self.sum;
        Some(((num as f64) / (n * (n - 1.0))).max(0.0).sqrt())
    }

    /// A 95 % interval for the mean (normal approximation).
    pub fn mean_ci95(&self) -> Option<(f64, f64)> {
        let (m, sd) = (self.mean()?, self.sd()?);
        let half = Z95 * sd / (self.n as f64).sqrt();
        Some((m - half, m + half))
    }

    /// The value of 1-based rank `rank` in ascending order.
    pub fn at_rank(&self, rank: u64) -> Option<i64> {
        if rank == 0 || rank > self.n {
            return None;
        }
        let mut seen = 0;
        for (x, c) in &self.counts {
            seen += c;
            if seen >= rank {
                return Some(*x);
            }
        }
        None
    }

    /// The `q`-quantile: the smallest value whose cumulative share reaches `q` (the
    /// inverse of the empirical distribution function).
    pub fn quantile(&self, q: f64) -> Option<i64> {
        if self.n == 0 {
            return None;
        }
        let rank = ((q * self.n as f64).ceil() as u64).clamp(1, self.n);
        self.at_rank(rank)
    }

    /// A distribution-free 95 % interval for the median, from order statistics.
    pub fn median_ci95(&self) -> Option<(i64, i64)> {
        if self.n == 0 {
            return None;
        }
        let n = self.n as f64;
        let half = Z95 * n.sqrt() / 2.0;
        let lo = ((n / 2.0 - half).floor() as u64).max(1);
        let hi = ((n / 2.0 + half).ceil() as u64 + 1).min(self.n);
        Some((self.at_rank(lo)?, self.at_rank(hi)?))
    }

    /// The share of values at or below `x`.
    pub fn cdf(&self, x: i64) -> f64 {
        if self.n == 0 {
            return 0.0;
        }
        let below: u64 = self.counts.range(..=x).map(|(_, c)| c).sum();
        below as f64 / self.n as f64
    }
}

/// A count of successes among trials.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Proportion {
    /// Successes.
    pub hits: u64,
    /// Trials.
    pub n: u64,
}

impl Proportion {
    /// Adds one trial.
    pub fn add(&mut self, hit: bool) {
        self.n += 1;
        self.hits += u64::from(hit);
    }

    /// Adds every trial of `other`.
    pub fn merge(&mut self, other: &Proportion) {
        self.hits += other.hits;
        self.n += other.n;
    }

    /// The estimate hits / n (0 with no trial).
    pub fn estimate(&self) -> f64 {
        if self.n == 0 {
            0.0
        } else {
            self.hits as f64 / self.n as f64
        }
    }

    /// The Wilson score 95 % interval.
    pub fn wilson95(&self) -> (f64, f64) {
        if self.n == 0 {
            return (0.0, 1.0);
        }
        let (n, p, z) = (self.n as f64, self.estimate(), Z95);
        let denom = 1.0 + z * z / n;
        let centre = (p + z * z / (2.0 * n)) / denom;
        let half = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt() / denom;
        ((centre - half).max(0.0), (centre + half).min(1.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_follow_the_empirical_distribution() {
        let mut h = Histogram::default();
        for x in 1..=100 {
            h.add(x);
        }
        assert_eq!(h.quantile(0.5), Some(50));
        assert_eq!(h.quantile(0.05), Some(5));
        assert_eq!(h.quantile(0.95), Some(95));
        assert_eq!(h.quantile(1.0), Some(100));
        assert_eq!(h.mean(), Some(50.5));
        let (lo, hi) = h.median_ci95().unwrap();
        assert!(lo < 50 && hi > 50 && lo >= 38 && hi <= 62, "{lo} {hi}");
    }

    #[test]
    fn merging_equals_adding_in_any_order() {
        let (mut a, mut b, mut all) = (
            Histogram::default(),
            Histogram::default(),
            Histogram::default(),
        );
        for x in [5, -3, 7, 7, 100] {
            a.add(x);
            all.add(x);
        }
        for x in [1, 7, 2] {
            b.add(x);
            all.add(x);
        }
        b.merge(&a);
        assert_eq!(b, all);
    }

    #[test]
    fn wilson_interval_brackets_the_estimate() {
        let p = Proportion { hits: 81, n: 100 };
        let (lo, hi) = p.wilson95();
        assert!(
            (lo - 0.7222).abs() < 1e-3 && (hi - 0.8749).abs() < 1e-3,
            "{lo} {hi}"
        );
        let none = Proportion { hits: 0, n: 10 };
        assert!(none.wilson95().0.abs() < 1e-12);
    }
}
