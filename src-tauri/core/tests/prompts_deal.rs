//! The pure dealing rules, over generated pools: no card twice, the ramp kept, the same seed giving
//! the same deal whatever the pool's order, and a wildcard never replacing the first card.

use std::collections::BTreeSet;

use hearth_core::prompts::deal::{deal, draw, slip_wildcard, swap, Candidate, WILDCARD_ODDS};
use hearth_core::prompts::{Category, Depth, Kind, Level};
use proptest::prelude::*;

fn card(n: u32, depth: Depth, kind: Kind) -> Candidate {
    Candidate {
        id: format!("p{n}"),
        category: Category::ALL[n as usize % Category::ALL.len()],
        depth,
        kind,
        playful: n % 5 == 0,
    }
}

fn pool_strategy() -> impl Strategy<Value = Vec<Candidate>> {
    proptest::collection::vec((0u32..500, 0usize..3), 0..60).prop_map(|cards| {
        cards
            .into_iter()
            .map(|(n, d)| card(n, Depth::ALL[d], Kind::Question))
            .collect()
    })
}

fn level_strategy() -> impl Strategy<Value = Level> {
    proptest::sample::select(Level::ALL.to_vec())
}

fn wildcards() -> Vec<Candidate> {
    (900..912)
        .map(|n| card(n, Depth::Light, Kind::Wildcard))
        .collect()
}

fn unique_ids(pool: &[Candidate]) -> usize {
    pool.iter().map(|c| &c.id).collect::<BTreeSet<_>>().len()
}

proptest! {
    #[test]
    fn a_deal_never_repeats_and_ramps(pool in pool_strategy(), seed in any::<u64>(), level in level_strategy()) {
        let ramp = level.ramp();
        let hand = deal(&pool, &ramp, seed);
        prop_assert_eq!(hand.len(), ramp.len().min(unique_ids(&pool)));
        let ids: BTreeSet<_> = hand.iter().map(|c| &c.id).collect();
        prop_assert_eq!(ids.len(), hand.len());
        prop_assert!(hand.iter().all(|c| pool.iter().any(|p| p.id == c.id)));
        prop_assert!(hand.windows(2).all(|w| w[0].depth <= w[1].depth));
    }

    #[test]
    fn the_same_seed_gives_the_same_deal(pool in pool_strategy(), seed in any::<u64>(), level in level_strategy()) {
        let mut reversed = pool.clone();
        reversed.reverse();
        prop_assert_eq!(deal(&pool, &level.ramp(), seed), deal(&reversed, &level.ramp(), seed));
        prop_assert_eq!(draw(&pool, 5, seed), draw(&reversed, 5, seed));
        let (mut a, mut b) = (deal(&pool, &level.ramp(), seed), deal(&reversed, &level.ramp(), seed));
        slip_wildcard(&mut a, &wildcards(), seed);
        slip_wildcard(&mut b, &wildcards(), seed);
        prop_assert_eq!(a, b);
    }

    #[test]
    fn repeated_deals_exhaust_the_pool_without_repeats(pool in pool_strategy(), seed in any::<u64>()) {
        let mut left = pool.clone();
        let mut seen = BTreeSet::new();
        let mut round = 0u64;
        loop {
            let hand = deal(&left, &Level::Closer.ramp(), seed.wrapping_add(round));
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
    fn a_swap_keeps_the_ramp_and_brings_a_new_card(pool in pool_strategy(), seed in any::<u64>(), index in 0usize..3) {
        let hand = deal(&pool, &Level::Closer.ramp(), seed);
        if let Some(new) = swap(&pool, &hand, index, seed ^ 1) {
            prop_assert!(!hand.iter().any(|c| c.id == new.id));
            let mut after = hand.clone();
            after[index] = new;
            prop_assert!(after.windows(2).all(|w| w[0].depth <= w[1].depth));
        }
    }

    #[test]
    fn a_wildcard_never_replaces_the_first_card(pool in pool_strategy(), seed in any::<u64>(), level in level_strategy()) {
        let dealt = deal(&pool, &level.ramp(), seed);
        let mut hand = dealt.clone();
        slip_wildcard(&mut hand, &wildcards(), seed);
        prop_assert_eq!(hand.len(), dealt.len());
        prop_assert_eq!(hand.first(), dealt.first());
        prop_assert!(hand.iter().filter(|c| c.kind == Kind::Wildcard).count() <= 1);
    }
}

#[test]
fn wildcards_come_now_and_then_not_always() {
    let pool: Vec<Candidate> = (0..60)
        .map(|n| card(n, Depth::ALL[n as usize % 3], Kind::Question))
        .collect();
    let nights = 400;
    let wild = (0..nights)
        .filter(|&seed| {
            let mut hand = deal(&pool, &Level::Closer.ramp(), seed);
            slip_wildcard(&mut hand, &wildcards(), seed);
            hand.iter().any(|c| c.kind == Kind::Wildcard)
        })
        .count();
    let expected = nights as usize / WILDCARD_ODDS;
    assert!(
        (expected / 2..=expected * 3 / 2).contains(&wild),
        "{wild} of {nights} nights had a wildcard"
    );
}

#[test]
fn each_level_deals_its_own_ramp_from_a_full_pool() {
    let pool: Vec<Candidate> = (0..30)
        .map(|n| card(n, Depth::ALL[n as usize % 3], Kind::Question))
        .collect();
    for level in Level::ALL {
        let depths: Vec<Depth> = deal(&pool, &level.ramp(), 7)
            .iter()
            .map(|c| c.depth)
            .collect();
        assert_eq!(depths, level.ramp(), "{level:?}");
    }
}
