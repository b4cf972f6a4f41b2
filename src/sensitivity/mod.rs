//! Global sensitivity analysis on the unit hypercube: which uncertain parameters matter.
//!
//! A model is seen as a function from a point u ∈ [0, 1)^d to outputs (the caller maps each
//! coordinate to a parameter through its inverse distribution function and runs worlds).
//! Each method has three separate steps, so the caller can evaluate points in parallel:
//!
//! 1. a design, deterministic for a seed: [`morris_design`] or [`sobol_design`];
//! 2. the caller evaluates every `design.points[k]` (any order), storing one output column
//!    per quantity at index `k`; NaN marks an output that is undefined at that point;
//! 3. indices for one output column: [`morris_indices`] or [`sobol_indices`].
//!
//! Methods:
//!
//! - **Morris** elementary effects (Morris 1991, with μ* of Campolongo et al. 2007): cheap
//!   screening, r·(d + 1) runs, ranks factors by μ* and flags non-linearity or
//!   interactions by σ;
//! - **Sobol'** indices by the Saltelli (2010) scheme, n·(d + 2) runs on a randomised
//!   Sobol' sequence ([`SobolSequence`], Joe–Kuo direction numbers): the first-order share
//!   of variance S_i (Saltelli 2010) and the total share ST_i (Jansen 1999), with bootstrap
//!   intervals.
//!
//! [`ishigami`] and [`ishigami_indices`] are the usual test function and its exact answer.
//!
//! Undefined results (a constant output for Sobol', all outputs NaN, too few points, an
//! output column of the wrong length) are NaN, with NaN intervals, never a panic. Nothing
//! here uses threads, files or the clock: it builds for `wasm32-unknown-unknown`.
//!
//! ```
//! use endgame::sensitivity::{ishigami, morris_design, morris_indices, sobol_design, sobol_indices};
//!
//! let model = |u: &[f64]| ishigami(u, 7.0, 0.1);
//!
//! let design = sobol_design(3, 1024, 42);
//! let outputs: Vec<f64> = design.points.iter().map(|u| model(u)).collect();
//! let indices = sobol_indices(&design, &outputs, 100, 42);
//! assert!((indices[1].first - 0.4424).abs() < 0.05);
//!
//! let design = morris_design(3, 50, 4, 42);
//! let outputs: Vec<f64> = design.points.iter().map(|u| model(u)).collect();
//! let screening = morris_indices(&design, &outputs, 100, 42);
//! assert!(screening[0].mu_star > screening[2].mu_star);
//! ```

mod ishigami;
mod morris;
mod saltelli;
mod sobol_sequence;

use rand::Rng;
use rand_chacha::ChaCha8Rng;

pub use ishigami::{ishigami, ishigami_indices};
pub use morris::{MorrisDesign, MorrisIndex, MorrisStep, morris_design, morris_indices};
pub use saltelli::{Block, Sampler, SobolDesign, SobolIndex, sobol_design, sobol_indices};
pub use sobol_sequence::{MAX_DIMENSIONS, SobolSequence};

/// An undefined interval.
const NAN_PAIR: (f64, f64) = (f64::NAN, f64::NAN);

/// Fills `rows` with indices drawn uniformly, with replacement, from 0..rows.len(). Draws
/// go through u64, so they are the same on 32- and 64-bit targets.
fn draw_rows(rng: &mut ChaCha8Rng, rows: &mut [usize]) {
    let n = rows.len() as u64;
    for row in rows.iter_mut() {
        *row = rng.random_range(0..n) as usize;
    }
}

/// The 2.5 % and 97.5 % percentiles (linear interpolation between order statistics) of the
/// finite values of `replicates`; NaN if none is finite.
fn percentile_interval(mut replicates: Vec<f64>) -> (f64, f64) {
    replicates.retain(|x| x.is_finite());
    replicates.sort_by(f64::total_cmp);
    (quantile(&replicates, 0.025), quantile(&replicates, 0.975))
}

/// The `q` quantile of sorted values (type 7 of Hyndman and Fan); NaN if empty.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let Some(last) = sorted.len().checked_sub(1) else {
        return f64::NAN;
    };
    let position = q * last as f64;
    let below = position.floor() as usize;
    let above = (below + 1).min(last);
    let fraction = position - below as f64;
    sorted[below] + fraction * (sorted[above] - sorted[below])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate_and_skip_nan() {
        let values: Vec<f64> = (0..=100).map(f64::from).rev().chain([f64::NAN]).collect();
        let (lo, hi) = percentile_interval(values);
        assert!((lo - 2.5).abs() < 1e-12 && (hi - 97.5).abs() < 1e-12);
        let (lo, hi) = percentile_interval(vec![3.0]);
        assert!((lo - 3.0).abs() < 1e-12 && (hi - 3.0).abs() < 1e-12);
        let (lo, hi) = percentile_interval(vec![f64::NAN]);
        assert!(lo.is_nan() && hi.is_nan());
        assert!(percentile_interval(Vec::new()).0.is_nan());
    }
}
