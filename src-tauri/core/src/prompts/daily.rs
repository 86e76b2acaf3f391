//! The prompt of the day: one conversation card a day, the same for both partners all day. Days
//! walk through the categories in turn, and the week mixes light, playful days with deeper ones.
//! A pure rule over a pool the store has already filtered (consent, hidden, come-back window).

use chrono::{Datelike, NaiveDate, Weekday};

use super::deal::{Candidate, SeededRng};
use super::types::{Category, Depth};

/// What each day of the week leans towards: a depth, and whether a playful card is preferred.
/// The week holds two deep days, three light ones and two in between.
pub fn leaning(day: Weekday) -> (Depth, bool) {
    match day {
        Weekday::Mon => (Depth::Light, true),
        Weekday::Tue => (Depth::Medium, false),
        Weekday::Wed => (Depth::Deep, false),
        Weekday::Thu => (Depth::Light, false),
        Weekday::Fri => (Depth::Light, true),
        Weekday::Sat => (Depth::Medium, false),
        Weekday::Sun => (Depth::Deep, false),
    }
}

/// The category whose turn it is on `day`, among those `open` (in their fixed order): consecutive
/// days take consecutive categories, so any run of `open.len()` days visits each once.
pub fn category_of(day: NaiveDate, open: &[Category]) -> Option<Category> {
    let turns = i32::try_from(open.len()).ok().filter(|&n| n > 0)?;
    open.get(day.num_days_from_ce().rem_euclid(turns) as usize)
        .copied()
}

/// A seed from a calendar day, so the day's card is the same however often it is asked for.
pub fn day_seed(day: NaiveDate) -> u64 {
    (day.year() as u64) << 16 | u64::from(day.ordinal())
}

/// The card for `day`: from the category whose turn it is among those with cards left, as near as
/// the pool allows to the day's depth, playful on playful days.
pub fn pick(pool: &[Candidate], day: NaiveDate) -> Option<Candidate> {
    let (depth, playful) = leaning(day.weekday());
    let open: Vec<Category> = Category::ALL
        .into_iter()
        .filter(|&c| pool.iter().any(|card| card.category == c))
        .collect();
    let category = category_of(day, &open)?;
    let mut cards: Vec<&Candidate> = pool.iter().filter(|c| c.category == category).collect();
    // Sorted first, so the pick depends only on the pool's contents, not on its order.
    cards.sort_by(|a, b| a.id.cmp(&b.id));
    let mut rng = SeededRng::new(day_seed(day));
    for i in (1..cards.len()).rev() {
        cards.swap(i, rng.below(i + 1));
    }
    cards
        .into_iter()
        .min_by_key(|c| {
            (
                (c.depth as usize).abs_diff(depth as usize),
                c.playful != playful,
            )
        })
        .cloned()
}
