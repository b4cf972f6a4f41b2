//! Elementary-effects screening: Morris (1991) trajectories, Campolongo et al. (2007) μ*.
//!
//! M. D. Morris, "Factorial sampling plans for preliminary computational experiments",
//! Technometrics 33 (1991) 161–174; F. Campolongo, J. Cariboni, A. Saltelli, "An effective
//! screening design for sensitivity analysis of large models", Environmental Modelling &
//! Software 22 (2007) 1509–1518.
//!
//! Each trajectory starts at a random point of a p-level grid and moves one factor at a
//! time, each factor once, by Δ; the elementary effect of the factor moved is
//! EE = (f(after) − f(before)) / Δ. The grid is on the unit hypercube, so effects are
//! scaled alike for every factor: output change per unit of the factor's quantile, which
//! makes μ* comparable across factors of different units and distributions.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use super::{NAN_PAIR, draw_rows, percentile_interval};

/// One move of a trajectory: factor `factor` changes by `delta` (±1/2).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MorrisStep {
    /// The factor moved.
    pub factor: usize,
    /// Its change, after minus before.
    pub delta: f64,
}

/// The points of a Morris design, to evaluate in any order.
///
/// Layout: trajectory `t` owns the `d + 1` consecutive points from `t·(d + 1)`; point
/// `t·(d + 1) + s + 1` is point `t·(d + 1) + s` moved by `steps[t·d + s]`.
///
/// The grid: level k (0 ≤ k < p) of a factor is u = (k + ½)/p, the centre of the k-th of p
/// equally likely quantile cells (so inverse distribution functions stay finite, where
/// Morris's levels 0 and 1 would not). The step is Morris's Δ = p/(2(p − 1)) of his grid,
/// that is p/2 levels, so Δ = ½ in u; with it every level is equally likely at every point
/// of the design. Caution: a factor whose effect is periodic with period ½ in u then shows
/// no elementary effect at all (x₂ of the Ishigami function).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MorrisDesign {
    /// The trajectories·(d + 1) points, each of d coordinates.
    pub points: Vec<Vec<f64>>,
    /// Factors.
    pub d: usize,
    /// Trajectories.
    pub trajectories: usize,
    /// Grid levels p actually used (even, at least 2).
    pub levels: usize,
    /// The trajectories' moves, d per trajectory.
    pub steps: Vec<MorrisStep>,
    /// The seed the design was drawn from.
    pub seed: u64,
}

/// A Morris design: `trajectories` one-at-a-time trajectories of d + 1 points on a grid of
/// `levels` levels per factor (rounded up to an even number, at least 2; 4 to 8 is usual).
///
/// In each trajectory (Morris's B* = (J x* + Δ/2 ((2B − J) D* + J)) P*) every factor gets
/// a random direction (up or down), a random start level from which that move stays on
/// the grid, and a random place in the order of moves (ChaCha8 seeded with `seed`; the
/// same on every platform). Campolongo et al.'s (2007) selection of spread-out
/// trajectories from a larger candidate set is not done: trajectories are independent.
pub fn morris_design(d: usize, trajectories: usize, levels: usize, seed: u64) -> MorrisDesign {
    let p = levels.max(2).next_multiple_of(2);
    let half = p / 2;
    let level = |k: usize| (k as f64 + 0.5) / p as f64;
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut points = Vec::with_capacity(trajectories.saturating_mul(d + 1));
    let mut steps = Vec::with_capacity(trajectories.saturating_mul(d));
    for _ in 0..trajectories {
        let mut order: Vec<usize> = (0..d).collect();
        for i in (1..d).rev() {
            let j = rng.random_range(0..=i as u64) as usize;
            order.swap(i, j);
        }
        let mut point = Vec::with_capacity(d);
        let mut targets = Vec::with_capacity(d);
        for _ in 0..d {
            let up = rng.random::<bool>();
            let k = rng.random_range(0..half as u64) as usize;
            let (from, to) = if up { (k, k + half) } else { (k + half, k) };
            point.push(level(from));
            targets.push(level(to));
        }
        points.push(point.clone());
        for &i in &order {
            let before = point[i];
            point[i] = targets[i];
            steps.push(MorrisStep {
                factor: i,
                delta: point[i] - before,
            });
            points.push(point.clone());
        }
    }
    MorrisDesign {
        points,
        d,
        trajectories,
        levels: p,
        steps,
        seed,
    }
}

/// The elementary-effect statistics of one factor, for one output.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MorrisIndex {
    /// Mean elementary effect μ (Morris 1991): effects of opposite signs cancel.
    pub mu: f64,
    /// Mean absolute elementary effect μ* (Campolongo et al. 2007): the screening measure.
    pub mu_star: f64,
    /// Standard deviation of the elementary effects σ (n − 1 divisor): non-linearity or
    /// interactions. NaN with fewer than two effects.
    pub sigma: f64,
    /// Bootstrap percentile 95 % interval of μ*, resampling trajectories. NaN with fewer
    /// than two effects or no resamples.
    pub mu_star_ci95: (f64, f64),
    /// Elementary effects used: trajectories whose two outputs around this factor's move
    /// are both finite.
    pub effects: usize,
}

impl MorrisIndex {
    const UNDEFINED: MorrisIndex = MorrisIndex {
        mu: f64::NAN,
        mu_star: f64::NAN,
        sigma: f64::NAN,
        mu_star_ci95: NAN_PAIR,
        effects: 0,
    };
}

/// μ, μ*, σ and an interval for μ* of each factor of `design`, for one output column.
///
/// `outputs[k]` is the model's output at `design.points[k]`. An elementary effect is
/// skipped when either output around its move is not finite (NaN for "undefined"); a factor
/// with no effect left gets NaN everywhere. A constant output is not degenerate here (unlike
/// for Sobol' indices): every effect is 0, so μ = μ* = σ = 0, with interval (0, 0).
///
/// Interval: `bootstrap` resamples of the trajectories with replacement (ChaCha8 seeded
/// with `seed`), the 2.5 % and 97.5 % percentiles of μ*.
///
/// Returns d indices; all NaN if `outputs` or `design.steps` do not fit the design.
pub fn morris_indices(
    design: &MorrisDesign,
    outputs: &[f64],
    bootstrap: usize,
    seed: u64,
) -> Vec<MorrisIndex> {
    let (r, d) = (design.trajectories, design.d);
    if outputs.len() != design.points.len()
        || outputs.len() != r.saturating_mul(d + 1)
        || design.steps.len() != r.saturating_mul(d)
    {
        return vec![MorrisIndex::UNDEFINED; d];
    }
    // effects[i][t]: the elementary effect of factor i in trajectory t, NaN if none.
    let mut effects = vec![vec![f64::NAN; r]; d];
    for t in 0..r {
        for s in 0..d {
            let step = design.steps[t * d + s];
            let before = outputs[t * (d + 1) + s];
            let after = outputs[t * (d + 1) + s + 1];
            let effect = (after - before) / step.delta;
            if let Some(slot) = effects.get_mut(step.factor).and_then(|e| e.get_mut(t)) {
                if effect.is_finite() {
                    *slot = effect;
                }
            }
        }
    }

    let mut reps = vec![Vec::with_capacity(bootstrap); d];
    if r > 0 {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut rows = vec![0; r];
        for _ in 0..bootstrap {
            draw_rows(&mut rng, &mut rows);
            for (i, e) in effects.iter().enumerate() {
                let (count, sum) = rows
                    .iter()
                    .map(|&t| e[t])
                    .filter(|x| x.is_finite())
                    .fold((0usize, 0.0), |(c, s), x| (c + 1, s + x.abs()));
                reps[i].push(if count > 0 {
                    sum / count as f64
                } else {
                    f64::NAN
                });
            }
        }
    }

    effects
        .iter()
        .zip(reps)
        .map(|(e, reps)| {
            let finite: Vec<f64> = e.iter().copied().filter(|x| x.is_finite()).collect();
            let k = finite.len();
            if k == 0 {
                return MorrisIndex::UNDEFINED;
            }
            let mu = finite.iter().sum::<f64>() / k as f64;
            let mu_star = finite.iter().map(|x| x.abs()).sum::<f64>() / k as f64;
            if !(mu.is_finite() && mu_star.is_finite()) {
                // The sums overflowed.
                return MorrisIndex {
                    effects: k,
                    ..MorrisIndex::UNDEFINED
                };
            }
            let (sigma, mu_star_ci95) = if k >= 2 {
                let squares: f64 = finite.iter().map(|x| (x - mu) * (x - mu)).sum();
                ((squares / (k - 1) as f64).sqrt(), percentile_interval(reps))
            } else {
                (f64::NAN, NAN_PAIR)
            };
            MorrisIndex {
                mu,
                mu_star,
                sigma,
                mu_star_ci95,
                effects: k,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::f64::consts::PI;

    use super::super::ishigami::ishigami;
    use super::*;

    fn run(design: &MorrisDesign, f: impl Fn(&[f64]) -> f64) -> Vec<f64> {
        design.points.iter().map(|u| f(u)).collect()
    }

    #[test]
    fn trajectories_move_each_factor_once_by_half() {
        let (d, r, p) = (5, 1000, 6);
        let design = morris_design(d, r, p, 3);
        assert_eq!(design.points.len(), r * (d + 1));
        assert_eq!(design.steps.len(), r * d);
        let grid: Vec<f64> = (0..p).map(|k| (k as f64 + 0.5) / p as f64).collect();
        let mut seen = vec![vec![0usize; p]; d];
        for t in 0..r {
            let mut moved = vec![false; d];
            for s in 0..d {
                let before = &design.points[t * (d + 1) + s];
                let after = &design.points[t * (d + 1) + s + 1];
                let step = design.steps[t * d + s];
                assert!((step.delta.abs() - 0.5).abs() < 1e-12);
                moved[step.factor] = true;
                for i in 0..d {
                    let change = after[i] - before[i];
                    let expected = if i == step.factor { step.delta } else { 0.0 };
                    assert!((change - expected).abs() < 1e-12);
                }
            }
            assert!(moved.iter().all(|&m| m));
            for point in &design.points[t * (d + 1)..(t + 1) * (d + 1)] {
                for (i, u) in point.iter().enumerate() {
                    let k = grid.iter().position(|g| (g - u).abs() < 1e-12).unwrap();
                    seen[i][k] += 1;
                }
            }
        }
        // Every level is equally likely in every point: 1000 visits per level and factor
        // expected, with a standard deviation near 40.
        for counts in &seen {
            assert!(counts.iter().all(|&c| c.abs_diff(r) < 150), "{counts:?}");
        }
        // Levels are made even and at least 2.
        assert_eq!(morris_design(2, 1, 3, 0).levels, 4);
        assert_eq!(morris_design(2, 1, 0, 0).levels, 2);
        let two = morris_design(2, 3, 0, 0);
        assert!(
            two.points
                .iter()
                .flatten()
                .all(|&u| (u - 0.25).abs() < 1e-15 || (u - 0.75).abs() < 1e-15)
        );
    }

    #[test]
    fn ishigami_is_screened_sensibly() {
        // 200 trajectories, 4 levels: u ∈ {1/8, 3/8, 5/8, 7/8}, x ∈ {±π/4, ±3π/4}.
        let design = morris_design(3, 200, 4, 1991);
        let outputs = run(&design, |u| ishigami(u, 7.0, 0.1));
        let m = morris_indices(&design, &outputs, 500, 1);
        for (i, x) in m.iter().enumerate() {
            eprintln!(
                "x{}: mu {:.4} mu* {:.4} [{:.4}, {:.4}] sigma {:.4}",
                i + 1,
                x.mu,
                x.mu_star,
                x.mu_star_ci95.0,
                x.mu_star_ci95.1,
                x.sigma
            );
            assert_eq!(x.effects, 200);
        }
        // x1: the largest μ*, every effect positive (μ = μ*): 2√2 (1 + 0.1 x3⁴), so
        // 7.24 on average over x3's levels.
        assert!(m[0].mu_star > m[2].mu_star && m[2].mu_star > m[1].mu_star);
        assert!((m[0].mu - m[0].mu_star).abs() < 1e-9);
        assert!((m[0].mu_star - 7.24).abs() < 1.2, "{}", m[0].mu_star);
        assert!(m[0].mu_star_ci95.0 < 7.24 && 7.24 < m[0].mu_star_ci95.1);
        // x3: only through its interaction with x1, with either sign: μ ≈ 0, σ > 0, and
        // |EE| = 0.1 sin(π/4) ((3π/4)⁴ − (π/4)⁴) / ½ in every trajectory.
        let ee3 = 0.1 * (PI / 4.0).sin() * ((3.0 * PI / 4.0).powi(4) - (PI / 4.0).powi(4)) / 0.5;
        assert!(
            (m[2].mu_star - ee3).abs() < 1e-9,
            "{} vs {ee3}",
            m[2].mu_star
        );
        assert!(m[2].mu.abs() < 0.25 * m[2].sigma && m[2].sigma > 3.0);
        // x2: 7 sin²(x2) has period π, exactly the step Δ = ½ (x moves by π): Morris is
        // blind to it (Sobol' is not: S2 = 0.44).
        assert!(m[1].mu_star < 1e-9 && m[1].sigma < 1e-9);
    }

    #[test]
    fn a_linear_model_has_its_slopes_as_effects() {
        let c = [1.0, -2.0, 3.0, 0.5, 0.0];
        let design = morris_design(5, 50, 6, 8);
        let outputs = run(&design, |u| u.iter().zip(&c).map(|(u, c)| u * c).sum());
        for (x, c) in morris_indices(&design, &outputs, 100, 2).iter().zip(c) {
            assert!((x.mu - c).abs() < 1e-9, "{x:?}");
            assert!((x.mu_star - c.abs()).abs() < 1e-9, "{x:?}");
            assert!(x.sigma < 1e-9, "{x:?}");
            assert!((x.mu_star_ci95.0 - c.abs()).abs() < 1e-9, "{x:?}");
            assert!((x.mu_star_ci95.1 - c.abs()).abs() < 1e-9, "{x:?}");
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_design_and_indices() {
        let design = morris_design(4, 30, 4, 5);
        assert_eq!(design, morris_design(4, 30, 4, 5));
        assert_ne!(design.points, morris_design(4, 30, 4, 6).points);
        let outputs = run(&design, |u| ishigami(u, 7.0, 0.1));
        let one = morris_indices(&design, &outputs, 100, 1);
        assert_eq!(
            format!("{one:?}"),
            format!("{:?}", morris_indices(&design, &outputs, 100, 1))
        );
        let other = morris_indices(&design, &outputs, 100, 2);
        assert_ne!(format!("{one:?}"), format!("{other:?}"));
        assert_eq!(one[0].mu_star.to_bits(), other[0].mu_star.to_bits());
    }

    fn undefined(x: &MorrisIndex) -> bool {
        x.mu.is_nan()
            && x.mu_star.is_nan()
            && x.sigma.is_nan()
            && x.mu_star_ci95.0.is_nan()
            && x.mu_star_ci95.1.is_nan()
    }

    #[test]
    fn degenerate_outputs_do_not_panic() {
        let design = morris_design(3, 10, 4, 1);
        let len = design.points.len();
        // All undefined, or the wrong length: NaN.
        for outputs in [vec![f64::NAN; len], vec![f64::INFINITY; len], vec![1.0; 3]] {
            let m = morris_indices(&design, &outputs, 20, 1);
            assert_eq!(m.len(), 3);
            assert!(m.iter().all(undefined), "{m:?}");
        }
        // Constant: no effect at all, which is an answer.
        for x in morris_indices(&design, &vec![0.1; len], 20, 1) {
            assert_eq!(
                (x.mu, x.mu_star, x.sigma, x.mu_star_ci95),
                (0.0, 0.0, 0.0, (0.0, 0.0))
            );
        }
        // One trajectory: μ and μ* but no σ or interval.
        let one = morris_design(3, 1, 4, 1);
        for x in morris_indices(&one, &run(&one, |u| u[0] + u[1]), 20, 1) {
            assert_eq!(x.effects, 1);
            assert!(x.mu_star.is_finite() && x.sigma.is_nan() && x.mu_star_ci95.0.is_nan());
        }
        // Some outputs undefined: only the effects around them are lost.
        let mut outputs = run(&design, |u| u[0] + 2.0 * u[1]);
        outputs[1] = f64::NAN;
        let m = morris_indices(&design, &outputs, 20, 1);
        assert_eq!(m.iter().map(|x| x.effects).sum::<usize>(), 30 - 2);
        assert!((m[1].mu_star - 2.0).abs() < 1e-9);
        // Effects so large that their sum overflows.
        let m = morris_indices(&design, &run(&design, |u| 1e308 * (u[0] - 0.5)), 20, 1);
        assert!(undefined(&m[0]) && m[0].effects == 10, "{:?}", m[0]);
        // No trajectories, no factors, no resamples.
        let none = morris_design(3, 0, 4, 1);
        assert!(morris_indices(&none, &[], 20, 1).iter().all(undefined));
        assert!(morris_indices(&morris_design(0, 5, 4, 1), &[0.0; 5], 20, 1).is_empty());
        let m = morris_indices(&design, &run(&design, |u| u[0]), 0, 1);
        assert!(m[0].mu_star_ci95.0.is_nan() && m[0].mu_star.is_finite());
    }

    #[test]
    fn indices_serialise() {
        let json = serde_json::to_string(&MorrisIndex::UNDEFINED).unwrap();
        assert_eq!(
            json,
            r#"{"mu":null,"mu_star":null,"sigma":null,"mu_star_ci95":[null,null],"effects":0}"#
        );
    }
}
