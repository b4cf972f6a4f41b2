//! The Ishigami–Homma (1990) test function and its analytic Sobol' indices.
//!
//! f(x) = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁ with x uniform on [−π, π)³ (Ishigami and Homma,
//! "An importance quantification technique in uncertainty analysis for computer models",
//! ISUMA 1990; analytic indices as in Homma and Saltelli, Reliability Engineering & System
//! Safety 52 (1996) 1–17, and Saltelli et al., *Global Sensitivity Analysis: The Primer*,
//! 2008). The usual a = 7, b = 0.1 give S = (0.3139, 0.4424,
//! 0) and ST = (0.5576, 0.4424, 0.2437).

use std::f64::consts::PI;

/// The Ishigami function at u ∈ [0, 1)³, mapped to x = −π + 2πu ∈ [−π, π)³. Coordinates
/// past the third are ignored (dummy factors); NaN if there are fewer than three.
pub fn ishigami(u: &[f64], a: f64, b: f64) -> f64 {
    let [u1, u2, u3, ..] = u else {
        return f64::NAN;
    };
    let x = |u: f64| PI * (2.0 * u - 1.0);
    let (x1, x2, x3) = (x(*u1), x(*u2), x(*u3));
    x1.sin() + a * x2.sin().powi(2) + b * x3.powi(4) * x1.sin()
}

/// The analytic first-order and total Sobol' indices of [`ishigami`]: (S, ST).
///
/// With V₁ = ½ (1 + bπ⁴/5)², V₂ = a²/8, V₁₃ = 8b²π⁸/225 and
/// V = a²/8 + bπ⁴/5 + b²π⁸/18 + ½: S = (V₁, V₂, 0)/V and ST = (V₁ + V₁₃, V₂, V₁₃)/V.
pub fn ishigami_indices(a: f64, b: f64) -> ([f64; 3], [f64; 3]) {
    let pi4 = PI.powi(4);
    let pi8 = PI.powi(8);
    let v1 = 0.5 * (1.0 + b * pi4 / 5.0).powi(2);
    let v2 = a * a / 8.0;
    let v13 = 8.0 * b * b * pi8 / 225.0;
    let v = a * a / 8.0 + b * pi4 / 5.0 + b * b * pi8 / 18.0 + 0.5;
    ([v1 / v, v2 / v, 0.0], [(v1 + v13) / v, v2 / v, v13 / v])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analytic_indices_match_the_literature() {
        let (s, st) = ishigami_indices(7.0, 0.1);
        let close = |x: f64, y: f64| (x - y).abs() < 5e-5;
        assert!(
            close(s[0], 0.3139) && close(s[1], 0.4424) && close(s[2], 0.0),
            "{s:?}"
        );
        assert!(
            close(st[0], 0.5576) && close(st[1], 0.4424) && close(st[2], 0.2437),
            "{st:?}"
        );
        // The variance decomposition adds up: V = V1 + V2 + V13.
        assert!((s.iter().sum::<f64>() + st[2] - 1.0).abs() < 1e-12);
    }

    #[test]
    fn the_function_maps_the_unit_cube_to_minus_pi_pi() {
        // u = ½ is x = 0; u = ¾ is x = π/2.
        assert!(ishigami(&[0.5, 0.5, 0.5], 7.0, 0.1).abs() < 1e-15);
        let y = ishigami(&[0.75, 0.75, 0.75], 7.0, 0.1);
        assert!((y - (1.0 + 7.0 + 0.1 * (PI / 2.0).powi(4))).abs() < 1e-12);
        assert!(ishigami(&[0.5, 0.5], 7.0, 0.1).is_nan());
        assert!(ishigami(&[0.75, 0.75, 0.75, 0.3], 7.0, 0.1).to_bits() == y.to_bits());
    }
}
