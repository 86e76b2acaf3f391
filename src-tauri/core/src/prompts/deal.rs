//! Dealing cards: the date-night deal of new questions that ramps up through its level, one-card
//! swaps, a wildcard slipped in now and then, and plain draws for love maps and quick choices. Pure
//! functions over a pool the store has already filtered (not hidden, allowed by consent, not seen
//! within the come-back window), driven by a seed so the same seed gives the same deal.

use super::types::{Category, Depth, Kind, Prompt};

/// One card that may be dealt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: String,
    pub category: Category,
    pub depth: Depth,
    pub kind: Kind,
    pub playful: bool,
}

impl From<&Prompt> for Candidate {
    fn from(p: &Prompt) -> Self {
        Candidate {
            id: p.id.clone(),
            category: p.category,
            depth: p.depth,
            kind: p.kind,
            playful: p.playful,
        }
    }
}

/// One date night in this many gets a wildcard.
pub const WILDCARD_ODDS: usize = 4;

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

fn distance(a: Depth, b: Depth) -> usize {
    (a as usize).abs_diff(b as usize)
}

/// Deals one card per depth of `ramp`, never repeating one, ordered from light to deep: each card
/// is the nearest in depth to its place in the ramp. Fewer come back only when the pool has fewer.
pub fn deal(pool: &[Candidate], ramp: &[Depth], seed: u64) -> Vec<Candidate> {
    let mut remaining = shuffled(pool, seed);
    let mut chosen: Vec<Candidate> = Vec::new();
    for &target in ramp {
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

/// Up to `count` cards in the seed's order, for rounds that do not ramp (love maps, quick choices).
pub fn draw(pool: &[Candidate], count: usize, seed: u64) -> Vec<Candidate> {
    shuffled(pool, seed)
        .into_iter()
        .take(count)
        .cloned()
        .collect()
}

/// Now and then (one hand in [`WILDCARD_ODDS`]) one card after the first becomes a wildcard. The
/// first card stays: it is how the evening opens.
pub fn slip_wildcard(hand: &mut [Candidate], wildcards: &[Candidate], seed: u64) {
    let mut rng = SeededRng::new(seed ^ 0x5717_c4a2_d0e1_f00d);
    if hand.len() < 2 || rng.below(WILDCARD_ODDS) != 0 {
        return;
    }
    let Some(wildcard) = shuffled(wildcards, rng.next_u64()).into_iter().next() else {
        return;
    };
    let place = 1 + rng.below(hand.len() - 1);
    hand[place] = wildcard.clone();
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
