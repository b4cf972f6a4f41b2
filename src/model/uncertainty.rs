//! Uncertain parameters: a distribution per parameter, drawn once per world from the
//! parameter's own random stream (named by its key), so changing one parameter's
//! distribution never shifts another's draws.

use statrs::distribution::{ContinuousCDF, Normal as StdNormal};

use super::params::Params;
use super::registry::{Kind, SPECS, Value};
use crate::engine::{SimDuration, SimTime};
use crate::random::Streams;

/// A distribution over one parameter's values. Numbers are in the parameter's own unit:
/// minutes since the epoch for times, minutes for durations.
///
/// Every distribution is sampled by inverting its distribution function at one uniform
/// draw, so each parameter takes exactly one number from its stream whatever its
/// distribution: truncation needs no redraws.
#[derive(Debug, Clone, PartialEq)]
pub enum Dist {
    /// Uniform on `[min, max]`.
    Uniform {
        /// Lower end.
        min: f64,
        /// Upper end.
        max: f64,
    },
    /// Triangular on `[min, max]` with its peak at `mode`.
    Triangular {
        /// Lower end.
        min: f64,
        /// Most likely value.
        mode: f64,
        /// Upper end.
        max: f64,
    },
    /// Normal, truncated to `[min, max]` (build it with [`Dist::normal`]).
    Normal {
        /// Mean.
        mean: f64,
        /// Standard deviation.
        sd: f64,
        /// Lower end.
        min: f64,
        /// Upper end.
        max: f64,
        /// The standard normal distribution function at the two ends, computed once.
        window: (f64, f64),
    },
    /// Log-normal (the log is normal with mean ln `median` and deviation `sigma`),
    /// truncated to `[min, max]` (build it with [`Dist::lognormal`]).
    LogNormal {
        /// Median.
        median: f64,
        /// Standard deviation of the log [dimensionless].
        sigma: f64,
        /// Lower end.
        min: f64,
        /// Upper end.
        max: f64,
        /// The standard normal distribution function at the two ends' logs, computed once.
        window: (f64, f64),
    },
    /// One of `values`, with probabilities proportional to `weights`.
    Choice {
        /// The values.
        values: Vec<Value>,
        /// Their weights (non-negative, not all zero).
        weights: Vec<f64>,
    },
    /// `true` with probability `p`.
    Bernoulli {
        /// Probability of `true`.
        p: f64,
    },
}

/// The standard normal distribution.
fn std_normal() -> Option<StdNormal> {
    StdNormal::new(0.0, 1.0).ok()
}

/// The standard normal distribution function at `lo` and `hi` [standard units].
fn window(lo: f64, hi: f64) -> (f64, f64) {
    std_normal().map_or((0.0, 1.0), |n| (n.cdf(lo), n.cdf(hi)))
}

/// The value at share `u` of a standard normal truncated to `[lo, hi]` (in standard units),
/// whose distribution function at the ends is `(a, b)`.
fn truncated_std_normal(u: f64, lo: f64, hi: f64, (a, b): (f64, f64)) -> f64 {
    let Some(n) = std_normal() else { return 0.0 };
    if b.partial_cmp(&a) != Some(std::cmp::Ordering::Greater) {
        // The interval lies too far in a tail to tell its ends apart: take its middle.
        return if lo.is_finite() && hi.is_finite() {
            (lo + hi) / 2.0
        } else {
            lo.max(hi.min(0.0))
        };
    }
    n.inverse_cdf(a + u * (b - a)).clamp(lo, hi)
}

fn log_z(x: f64, mu: f64, sigma: f64) -> f64 {
    if x > 0.0 {
        (x.ln() - mu) / sigma
    } else {
        f64::NEG_INFINITY
    }
}

impl Dist {
    /// A normal distribution with mean `mean` and deviation `sd`, truncated to `[min, max]`.
    pub fn normal(mean: f64, sd: f64, min: f64, max: f64) -> Dist {
        Dist::Normal {
            mean,
            sd,
            min,
            max,
            window: window((min - mean) / sd, (max - mean) / sd),
        }
    }

    /// A log-normal distribution with median `median` and log-deviation `sigma`, truncated
    /// to `[min, max]`.
    pub fn lognormal(median: f64, sigma: f64, min: f64, max: f64) -> Dist {
        let mu = median.ln();
        Dist::LogNormal {
            median,
            sigma,
            min,
            max,
            window: window(log_z(min, mu, sigma), log_z(max, mu, sigma)),
        }
    }

    /// The smallest and largest numeric value it can give (numeric distributions, and
    /// choices among times, durations or numbers).
    pub fn support(&self) -> Option<(f64, f64)> {
        match self {
            Dist::Uniform { min, max }
            | Dist::Triangular { min, max, .. }
            | Dist::Normal { min, max, .. }
            | Dist::LogNormal { min, max, .. } => Some((*min, *max)),
            Dist::Choice { values, .. } => {
                let numbers: Option<Vec<f64>> = values.iter().map(value_number).collect();
                let numbers = numbers?;
                let lo = numbers.iter().copied().reduce(f64::min)?;
                let hi = numbers.iter().copied().reduce(f64::max)?;
                Some((lo, hi))
            }
            Dist::Bernoulli { .. } => None,
        }
    }

    /// The value at share `u` in `[0, 1)` of the distribution (its inverse distribution
    /// function), for the numeric distributions.
    pub fn quantile(&self, u: f64) -> f64 {
        match *self {
            Dist::Uniform { min, max } => min + u * (max - min),
            Dist::Triangular { min, mode, max } => {
                let width = max - min;
                if width <= 0.0 {
                    return mode;
                }
                let split = (mode - min) / width;
                if u < split {
                    min + (u * width * (mode - min)).sqrt()
                } else {
                    max - ((1.0 - u) * width * (max - mode)).sqrt()
                }
            }
            Dist::Normal {
                mean,
                sd,
                min,
                max,
                window,
            } => mean + sd * truncated_std_normal(u, (min - mean) / sd, (max - mean) / sd, window),
            Dist::LogNormal {
                median,
                sigma,
                min,
                max,
                window,
            } => {
                let mu = median.ln();
                let (lo, hi) = (log_z(min, mu, sigma), log_z(max, mu, sigma));
                (mu + sigma * truncated_std_normal(u, lo, hi, window))
                    .exp()
                    .clamp(min, max)
            }
            Dist::Choice { .. } | Dist::Bernoulli { .. } => f64::NAN,
        }
    }

    /// Draws a value for a parameter of kind `kind`: one uniform number from the stream
    /// `source`, fresh for this world.
    pub fn draw(&self, kind: &Kind, streams: &Streams, source: &'static str) -> Value {
        self.value_at(kind, streams.first_uniform(source))
    }

    /// The value at share `u` in `[0, 1)` of the distribution, for a parameter of kind
    /// `kind`: what [`Dist::draw`] gives when the stream's first number is `u`.
    pub fn value_at(&self, kind: &Kind, u: f64) -> Value {
        match self {
            Dist::Bernoulli { p } => Value::Bool(u < *p),
            Dist::Choice { values, weights } => {
                let total: f64 = weights.iter().sum();
                let mut rest = u * total;
                for (v, w) in values.iter().zip(weights) {
                    if rest < *w {
                        return v.clone();
                    }
                    rest -= w;
                }
                values.last().cloned().unwrap_or(Value::Never)
            }
            _ => number_value(kind, self.quantile(u)),
        }
    }
}

/// A time, duration or number as a number in its own unit (minutes for times and durations).
fn value_number(v: &Value) -> Option<f64> {
    match v {
        Value::Time(t) => Some(t.minutes() as f64),
        Value::Duration(d) => Some(d.as_minutes() as f64),
        Value::Number(x) => Some(*x),
        _ => None,
    }
}

/// The random-stream id of each parameter (by index in [`SPECS`]), hashed once.
fn source_ids() -> &'static [u64] {
    static IDS: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    IDS.get_or_init(|| {
        SPECS
            .iter()
            .map(|s| crate::random::source_id(s.key))
            .collect()
    })
}

/// The value of a parameter of kind `kind` at number `x` (rounded to the minute for
/// times and durations, clamped to the kind's limits).
pub fn number_value(kind: &Kind, x: f64) -> Value {
    match kind {
        Kind::Time { .. } | Kind::TimeOrNever { .. } => {
            Value::Time(SimTime::from_minutes(x.round() as i64))
        }
        Kind::Duration => Value::Duration(SimDuration::minutes(x.round().max(0.0) as i64)),
        Kind::Shift => Value::Duration(SimDuration::minutes(x.round() as i64)),
        Kind::Number { min, max } => Value::Number(x.clamp(*min, *max)),
        Kind::Probability => Value::Number(x.clamp(0.0, 1.0)),
        _ => Value::Number(x),
    }
}

/// Whether parameters of this kind may carry a distribution, and of which sort.
pub fn accepts_numeric(kind: &Kind) -> bool {
    matches!(
        kind,
        Kind::Time { .. }
            | Kind::TimeOrNever { .. }
            | Kind::Duration
            | Kind::Shift
            | Kind::Number { .. }
            | Kind::Probability
    )
}

/// The uncertain parameters of a scenario: (index in [`SPECS`], distribution).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Uncertainty {
    /// The uncertain parameters, in registry order.
    pub params: Vec<(usize, Dist)>,
}

impl Uncertainty {
    /// The parameters of one world: `base` with every uncertain parameter drawn.
    pub fn draw(&self, base: &Params, streams: &Streams) -> Params {
        self.draw_except(base, streams, &[], &[])
    }

    /// The parameters of one world with the uncertain parameters at positions `fixed` (in
    /// [`Uncertainty::params`]) placed at shares `u` of their distributions, and the others
    /// drawn: a design point of a sensitivity analysis.
    pub fn draw_except(
        &self,
        base: &Params,
        streams: &Streams,
        fixed: &[usize],
        u: &[f64],
    ) -> Params {
        let mut p = base.clone();
        for (position, (index, dist)) in self.params.iter().enumerate() {
            let spec = &SPECS[*index];
            let value = match fixed.iter().position(|f| *f == position) {
                Some(i) => dist.value_at(&spec.kind, u.get(i).copied().unwrap_or(0.5)),
                None => dist.value_at(&spec.kind, streams.first_uniform_of(source_ids()[*index])),
            };
            // The scenario parser only builds distributions of the parameter's kind.
            let _ = (spec.set)(&mut p, value);
        }
        p
    }

    /// `base` with every numeric uncertain parameter at the low (or high) end of its range.
    pub fn at_bound(&self, base: &Params, high: bool) -> Params {
        let mut p = base.clone();
        for (index, dist) in &self.params {
            let spec = &SPECS[*index];
            if let Some((lo, hi)) = dist.support() {
                let _ = (spec.set)(&mut p, number_value(&spec.kind, if high { hi } else { lo }));
            }
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_invert_the_distributions() {
        let tri = Dist::Triangular {
            min: 0.0,
            mode: 1.0,
            max: 4.0,
        };
        assert!(tri.quantile(0.0).abs() < 1e-12 && (tri.quantile(1.0) - 4.0).abs() < 1e-12);
        assert!(
            (tri.quantile(0.25) - 1.0).abs() < 1e-12,
            "the mode holds a quarter of the mass below it"
        );
        let normal = Dist::normal(10.0, 2.0, 9.0, 15.0);
        assert!(
            (normal.quantile(0.5) - 10.777).abs() < 0.001,
            "{}",
            normal.quantile(0.5)
        );
        assert!(
            (9.0..=15.0).contains(&normal.quantile(0.0))
                && (9.0..=15.0).contains(&normal.quantile(0.999_999))
        );
        let logn = Dist::lognormal(60.0, 0.5, 0.0, f64::INFINITY);
        assert!((logn.quantile(0.5) - 60.0).abs() < 1e-6);
        assert!(
            logn.quantile(0.841_344_746) > 60.0 * 1.64
                && logn.quantile(0.841_344_746) < 60.0 * 1.66
        );
        // A window far in a tail still gives a value inside it.
        let tail = Dist::normal(0.0, 1.0, 40.0, 41.0);
        assert!((40.0..=41.0).contains(&tail.quantile(0.3)));
    }
}
