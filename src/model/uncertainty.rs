//! Uncertain parameters: a distribution per parameter, drawn once per world from the
//! parameter's own random stream (named by its key), so changing one parameter's
//! distribution never shifts another's draws.

use rand_distr::{Distribution, LogNormal, Normal, Triangular, Uniform};

use super::params::Params;
use super::registry::{Kind, SPECS, Value};
use crate::engine::{SimDuration, SimTime};
use crate::random::Streams;

/// How many times a truncated distribution redraws before taking the nearest bound.
const MAX_REDRAWS: usize = 1000;

/// A distribution over one parameter's values. Numbers are in the parameter's own unit:
/// minutes since the epoch for times, minutes for durations.
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
    /// Normal, truncated to `[min, max]`.
    Normal {
        /// Mean.
        mean: f64,
        /// Standard deviation.
        sd: f64,
        /// Lower end.
        min: f64,
        /// Upper end.
        max: f64,
    },
    /// Log-normal (the log is normal with mean ln `median` and deviation `sigma`),
    /// truncated to `[min, max]`.
    LogNormal {
        /// Median.
        median: f64,
        /// Standard deviation of the log [dimensionless].
        sigma: f64,
        /// Lower end.
        min: f64,
        /// Upper end.
        max: f64,
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

impl Dist {
    /// The smallest and largest numeric value it can give (numeric distributions only).
    pub fn support(&self) -> Option<(f64, f64)> {
        match *self {
            Dist::Uniform { min, max }
            | Dist::Triangular { min, max, .. }
            | Dist::Normal { min, max, .. }
            | Dist::LogNormal { min, max, .. } => Some((min, max)),
            Dist::Choice { .. } | Dist::Bernoulli { .. } => None,
        }
    }

    fn draw_number(&self, streams: &mut Streams, source: &'static str) -> f64 {
        let rng = streams.stream(source);
        let truncated = |sample: &mut dyn FnMut() -> f64, min: f64, max: f64| {
            let mut x = f64::NAN;
            for _ in 0..MAX_REDRAWS {
                x = sample();
                if (min..=max).contains(&x) {
                    return x;
                }
            }
            x.clamp(min, max)
        };
        match *self {
            Dist::Uniform { min, max } => match Uniform::new_inclusive(min, max) {
                Ok(d) => d.sample(rng),
                Err(_) => min,
            },
            Dist::Triangular { min, mode, max } => match Triangular::new(min, max, mode) {
                Ok(d) => d.sample(rng),
                Err(_) => mode,
            },
            Dist::Normal { mean, sd, min, max } => match Normal::new(mean, sd) {
                Ok(d) => truncated(&mut || d.sample(rng), min, max),
                Err(_) => mean.clamp(min, max),
            },
            Dist::LogNormal {
                median,
                sigma,
                min,
                max,
            } => match LogNormal::new(median.ln(), sigma) {
                Ok(d) => truncated(&mut || d.sample(rng), min, max),
                Err(_) => median.clamp(min, max),
            },
            Dist::Choice { .. } | Dist::Bernoulli { .. } => f64::NAN,
        }
    }

    /// Draws a value for a parameter of kind `kind` from stream `source`.
    pub fn draw(&self, kind: &Kind, streams: &mut Streams, source: &'static str) -> Value {
        match self {
            Dist::Bernoulli { p } => Value::Bool(streams.bernoulli(source, *p)),
            Dist::Choice { values, weights } => {
                let total: f64 = weights.iter().sum();
                let mut u = streams.uniform(source) * total;
                for (v, w) in values.iter().zip(weights) {
                    if u < *w {
                        return v.clone();
                    }
                    u -= w;
                }
                values.last().cloned().unwrap_or(Value::Never)
            }
            _ => {
                let x = self.draw_number(streams, source);
                number_value(kind, x)
            }
        }
    }
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
    pub fn draw(&self, base: &Params, streams: &mut Streams) -> Params {
        let mut p = base.clone();
        for (index, dist) in &self.params {
            let spec = &SPECS[*index];
            let value = dist.draw(&spec.kind, streams, spec.key);
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
