//! Reproducible randomness: one ChaCha stream per (master seed, world, source name).
//!
//! A world's draws for one random source (the weather, a named parameter, a coup) never
//! depend on how many draws another source made, nor on which thread ran the world. So any
//! thread count gives the same results, and two scenarios run with the same seed see the
//! same world `k` wherever they do not differ (common random numbers).
//!
//! The key of world `k` is expanded from (seed, k) with SplitMix64; the source name picks
//! the ChaCha stream (a stable FNV-1a hash of the name), so streams never overlap.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The random sources of one world, created on first use.
#[derive(Debug, Clone)]
pub struct Streams {
    key: [u8; 32],
    /// Open streams by source id: a world uses a handful, so a short list beats a map.
    open: Vec<(u64, ChaCha8Rng)>,
}

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The stable 64-bit FNV-1a hash of a source name.
pub fn source_id(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3)
    })
}

impl Streams {
    /// The sources of world `world` under master seed `seed`.
    pub fn new(seed: u64, world: u64) -> Streams {
        let mut state = seed ^ splitmix64(&mut world.wrapping_mul(0xD6E8_FEB8_6659_FD93).clone());
        let mut key = [0u8; 32];
        for chunk in key.chunks_exact_mut(8) {
            chunk.copy_from_slice(&splitmix64(&mut state).to_le_bytes());
        }
        Streams {
            key,
            open: Vec::new(),
        }
    }

    #[inline(always)]
    fn fresh(&self, id: u64) -> ChaCha8Rng {
        let mut rng = ChaCha8Rng::from_seed(self.key);
        rng.set_stream(id);
        rng
    }

    /// The stream of source `name`.
    pub fn stream(&mut self, name: &'static str) -> &mut ChaCha8Rng {
        let id = source_id(name);
        let pos = match self.open.iter().position(|(n, _)| *n == id) {
            Some(pos) => pos,
            None => {
                self.open.push((id, self.fresh(id)));
                self.open.len() - 1
            }
        };
        &mut self.open[pos].1
    }

    /// The first uniform draw in `[0, 1)` of source `name`'s stream, without keeping the
    /// stream open: for sources that draw once per world (an uncertain parameter). It
    /// equals the first `uniform(name)`.
    pub fn first_uniform(&self, name: &'static str) -> f64 {
        self.fresh(source_id(name)).random::<f64>()
    }

    /// A uniform draw in `[0, 1)` from source `name`.
    pub fn uniform(&mut self, name: &'static str) -> f64 {
        self.stream(name).random::<f64>()
    }

    /// `true` with probability `p` (always `false` at 0 and `true` at 1), from source `name`.
    pub fn bernoulli(&mut self, name: &'static str, p: f64) -> bool {
        self.uniform(name) < p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_independent_of_each_other() {
        let mut a = Streams::new(7, 3);
        let mut b = Streams::new(7, 3);
        let a1 = a.uniform("weather");
        // b draws from another source first: the weather stream must not shift.
        let _ = b.uniform("japan.coup");
        assert_eq!(a1.to_bits(), b.uniform("weather").to_bits());
    }

    #[test]
    fn a_first_draw_equals_the_streams_first() {
        let mut s = Streams::new(11, 5);
        let once = s.first_uniform("japan.w_bomb");
        assert_eq!(once.to_bits(), s.uniform("japan.w_bomb").to_bits());
    }

    #[test]
    fn worlds_and_seeds_differ() {
        let x = Streams::new(7, 3).uniform("weather");
        assert_ne!(x.to_bits(), Streams::new(7, 4).uniform("weather").to_bits());
        assert_ne!(x.to_bits(), Streams::new(8, 3).uniform("weather").to_bits());
        assert_ne!(x.to_bits(), Streams::new(7, 3).uniform("other").to_bits());
    }
}
