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
    /// equals the first `uniform(name)` (tested), but computes one ChaCha block where
    /// `ChaCha8Rng` always computes four: a world draws some sixty parameters, and this is
    /// most of the cost of drawing them.
    pub fn first_uniform(&self, name: &'static str) -> f64 {
        self.first_uniform_of(source_id(name))
    }

    /// [`Streams::first_uniform`] of the source whose [`source_id`] is `id`.
    pub fn first_uniform_of(&self, id: u64) -> f64 {
        // The conversion of rand's `StandardUniform` for f64: the top 53 bits, scaled.
        let bits = chacha8_first_u64(&self.key, id) >> 11;
        bits as f64 * (1.0 / (1u64 << 53) as f64)
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

/// The first 64 bits of block 0 of the ChaCha8 stream `stream` under `key`, laid out as
/// `rand_chacha` lays out its state (a 64-bit block counter in words 12-13, the stream in
/// words 14-15) and reads its output (two little-endian words).
fn chacha8_first_u64(key: &[u8; 32], stream: u64) -> u64 {
    const SIGMA: [u32; 4] = [0x6170_7865, 0x3320_646e, 0x7962_2d32, 0x6b20_6574];
    let mut state = [0u32; 16];
    state[..4].copy_from_slice(&SIGMA);
    for (word, bytes) in state[4..12].iter_mut().zip(key.chunks_exact(4)) {
        *word = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
    }
    state[14] = stream as u32;
    state[15] = (stream >> 32) as u32;
    let mut x = state;
    let quarter = |x: &mut [u32; 16], a: usize, b: usize, c: usize, d: usize| {
        x[a] = x[a].wrapping_add(x[b]);
        x[d] = (x[d] ^ x[a]).rotate_left(16);
        x[c] = x[c].wrapping_add(x[d]);
        x[b] = (x[b] ^ x[c]).rotate_left(12);
        x[a] = x[a].wrapping_add(x[b]);
        x[d] = (x[d] ^ x[a]).rotate_left(8);
        x[c] = x[c].wrapping_add(x[d]);
        x[b] = (x[b] ^ x[c]).rotate_left(7);
    };
    for _ in 0..4 {
        quarter(&mut x, 0, 4, 8, 12);
        quarter(&mut x, 1, 5, 9, 13);
        quarter(&mut x, 2, 6, 10, 14);
        quarter(&mut x, 3, 7, 11, 15);
        quarter(&mut x, 0, 5, 10, 15);
        quarter(&mut x, 1, 6, 11, 12);
        quarter(&mut x, 2, 7, 8, 13);
        quarter(&mut x, 3, 4, 9, 14);
    }
    let low = x[0].wrapping_add(state[0]);
    let high = x[1].wrapping_add(state[1]);
    (u64::from(high) << 32) | u64::from(low)
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
        for (seed, world) in [(11, 5), (0, 0), (1945, 123_456), (u64::MAX, u64::MAX)] {
            let mut s = Streams::new(seed, world);
            for name in ["japan.w_bomb", "weather", "ussr.lead_min", "x"] {
                let once = s.first_uniform(name);
                assert_eq!(
                    once.to_bits(),
                    s.uniform(name).to_bits(),
                    "{seed} {world} {name}"
                );
            }
        }
    }

    #[test]
    fn worlds_and_seeds_differ() {
        let x = Streams::new(7, 3).uniform("weather");
        assert_ne!(x.to_bits(), Streams::new(7, 4).uniform("weather").to_bits());
        assert_ne!(x.to_bits(), Streams::new(8, 3).uniform("weather").to_bits());
        assert_ne!(x.to_bits(), Streams::new(7, 3).uniform("other").to_bits());
    }
}
