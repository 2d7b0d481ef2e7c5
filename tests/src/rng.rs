//! A small seeded PRNG (SplitMix64) for kill and fault schedules: a failing run is replayed by
//! running it again with its seed. Not for anything that needs unpredictable numbers.

use std::time::{SystemTime, UNIX_EPOCH};

/// SplitMix64: tiny, fast and the same stream on every platform and release.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }

    /// A number in `lo..hi` (`lo` when the range is empty).
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi.saturating_sub(lo))
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    /// An index chosen with the given weights (the last one when all are 0).
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|w| *w as u64).sum();
        let mut x = self.below(total);
        for (i, w) in weights.iter().enumerate() {
            if x < *w as u64 {
                return i;
            }
            x -= *w as u64;
        }
        weights.len().saturating_sub(1)
    }

    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            v.swap(i, j);
        }
    }

    /// An independent generator derived from this one (for another thread or connection).
    pub fn fork(&mut self) -> Rng {
        Rng(self.next_u64())
    }
}

/// The seed of a randomized test: `RASID_E2E_SEED` when set, else taken from the clock.
/// It is printed at once, so that a failing run shows it (libtest prints a failed test's
/// output) and can be replayed with `RASID_E2E_SEED=…`.
pub fn seed(test: &str) -> u64 {
    let seed = match std::env::var("RASID_E2E_SEED") {
        Ok(s) => s
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("RASID_E2E_SEED='{s}' is not a number")),
        Err(_) => SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0x5EED),
    };
    eprintln!("[e2e] {test}: seed {seed} (replay with RASID_E2E_SEED={seed})");
    seed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream_and_ranges_hold() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        for _ in 0..100 {
            assert_eq!(a.next_u64(), b.next_u64());
            let r = a.range(10, 20);
            assert!((10..20).contains(&r));
            b.range(10, 20);
        }
        assert_eq!(a.weighted(&[0, 0, 5]), 2);
    }
}
