//! Dealing cards: the date-night deal of new questions that ramps from light to deep, one-card swaps,
//! and the prompt of the day. Pure functions over a pool the store has already filtered (not hidden,
//! allowed by consent, not yet discussed), driven by a seed so the same seed gives the same deal.

use super::types::Depth;

/// One card that may be dealt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: String,
    pub depth: Depth,
}

/// SplitMix64: tiny, and stable forever, so a seed deals the same cards in every Hearth version
/// (a general-purpose RNG crate does not promise that across releases).
#[derive(Debug, Clone)]
pub struct SeededRng(u64);

impl SeededRng {
    pub fn new(seed: u64) -> Self {
        SeededRng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, bound: usize) -> usize {
        (self.next_u64() % bound.max(1) as u64) as usize
    }
}

/// The pool in an order that depends only on the seed and the pool's contents.
fn shuffled(pool: &[Candidate], seed: u64) -> Vec<&Candidate> {
    let mut cards: Vec<&Candidate> = pool.iter().collect();
    // Sorting on (id, depth) makes the de-duplication, and so the deal, independent of input order.
    cards.sort_by(|a, b| (&a.id, a.depth).cmp(&(&b.id, b.depth)));
    cards.dedup_by(|a, b| a.id == b.id);
    let mut rng = SeededRng::new(seed);
    for i in (1..cards.len()).rev() {
        cards.swap(i, rng.below(i + 1));
    }
    cards
}

/// The depth card `index` of `count` should have, spread from light to deep.
fn target_depth(index: usize, count: usize) -> Depth {
    if count <= 1 {
        return Depth::Medium;
    }
    Depth::ALL[index * (Depth::ALL.len() - 1) / (count - 1)]
}

fn distance(a: Depth, b: Depth) -> usize {
    (a as usize).abs_diff(b as usize)
}

/// Deals up to `count` cards, never repeating one, ordered from light to deep. Fewer come back only
/// when the pool has fewer left.
pub fn deal(pool: &[Candidate], count: usize, seed: u64) -> Vec<Candidate> {
    let mut remaining = shuffled(pool, seed);
    let mut chosen: Vec<Candidate> = Vec::new();
    for index in 0..count {
        let target = target_depth(index, count);
        let Some(best) =
            (0..remaining.len()).min_by_key(|&i| (distance(remaining[i].depth, target), i))
        else {
            break;
        };
        chosen.push(remaining.remove(best).clone());
    }
    chosen.sort_by_key(|card| card.depth);
    chosen
}

/// Replaces card `index` of `hand` with another from the pool, keeping the ramp: the new card's
/// depth lies between its neighbours', and the same depth is preferred.
pub fn swap(pool: &[Candidate], hand: &[Candidate], index: usize, seed: u64) -> Option<Candidate> {
    let old = hand.get(index)?;
    let low = index
        .checked_sub(1)
        .and_then(|i| hand.get(i))
        .map_or(Depth::Light, |c| c.depth);
    let high = hand.get(index + 1).map_or(Depth::Deep, |c| c.depth);
    shuffled(pool, seed)
        .into_iter()
        .filter(|card| !hand.iter().any(|held| held.id == card.id))
        .filter(|card| (low..=high).contains(&card.depth))
        .min_by_key(|card| distance(card.depth, old.depth))
        .cloned()
}

/// A seed from a calendar day, so the prompt of the day is the same all day for both partners.
pub fn day_seed(year: i32, ordinal: u32) -> u64 {
    (year as u64) << 16 | u64::from(ordinal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn pool_strategy() -> impl Strategy<Value = Vec<Candidate>> {
        proptest::collection::vec((0u32..500, 0usize..3), 0..60).prop_map(|cards| {
            cards
                .into_iter()
                .map(|(n, d)| Candidate {
                    id: format!("p{n}"),
                    depth: Depth::ALL[d],
                })
                .collect()
        })
    }

    fn unique_ids(pool: &[Candidate]) -> usize {
        pool.iter()
            .map(|c| &c.id)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    }

    proptest! {
        #[test]
        fn deal_never_repeats_and_ramps(pool in pool_strategy(), seed in any::<u64>(), count in 1usize..6) {
            let hand = deal(&pool, count, seed);
            prop_assert_eq!(hand.len(), count.min(unique_ids(&pool)));
            let ids: std::collections::BTreeSet<_> = hand.iter().map(|c| &c.id).collect();
            prop_assert_eq!(ids.len(), hand.len());
            prop_assert!(hand.iter().all(|c| pool.iter().any(|p| p.id == c.id)));
            prop_assert!(hand.windows(2).all(|w| w[0].depth <= w[1].depth));
        }

        #[test]
        fn same_seed_same_deal(pool in pool_strategy(), seed in any::<u64>()) {
            let mut reversed = pool.clone();
            reversed.reverse();
            prop_assert_eq!(deal(&pool, 3, seed), deal(&reversed, 3, seed));
        }

        #[test]
        fn repeated_deals_exhaust_the_pool_without_repeats(pool in pool_strategy(), seed in any::<u64>()) {
            let mut left = pool.clone();
            let mut seen = std::collections::BTreeSet::new();
            let mut round = 0u64;
            loop {
                let hand = deal(&left, 3, seed.wrapping_add(round));
                if hand.is_empty() { break; }
                for card in &hand {
                    prop_assert!(seen.insert(card.id.clone()), "{} dealt twice", card.id);
                }
                left.retain(|c| !hand.iter().any(|h| h.id == c.id));
                round += 1;
            }
            prop_assert_eq!(seen.len(), unique_ids(&pool));
        }

        #[test]
        fn swap_keeps_the_ramp_and_brings_a_new_card(pool in pool_strategy(), seed in any::<u64>(), index in 0usize..3) {
            let hand = deal(&pool, 3, seed);
            if let Some(new) = swap(&pool, &hand, index, seed ^ 1) {
                prop_assert!(!hand.iter().any(|c| c.id == new.id));
                let mut after = hand.clone();
                after[index] = new;
                prop_assert!(after.windows(2).all(|w| w[0].depth <= w[1].depth));
            }
        }
    }

    #[test]
    fn a_full_pool_deals_light_medium_deep() {
        let pool: Vec<Candidate> = (0..30)
            .map(|n| Candidate {
                id: format!("p{n}"),
                depth: Depth::ALL[n % 3],
            })
            .collect();
        let depths: Vec<Depth> = deal(&pool, 3, 7).iter().map(|c| c.depth).collect();
        assert_eq!(depths, [Depth::Light, Depth::Medium, Depth::Deep]);
    }
}
