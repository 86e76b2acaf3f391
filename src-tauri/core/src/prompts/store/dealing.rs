//! Dealing from the vault: the date-night hand at a level, swapping a card, love-maps sets and
//! quick-choice rounds. Each deals only fresh cards and records what it dealt as seen.

use chrono::{DateTime, Utc};

use super::catalogue::{get, Filter};
use super::freshness::{fresh, record_seen, Mode};
use crate::prompts::deal::{self, Candidate};
use crate::prompts::error::Result;
use crate::prompts::levels::Level;
use crate::prompts::types::{Category, Kind, Prompt};
use crate::vault::Session;

/// How many cards a love-maps set or a quick-choice round holds.
pub const ROUND_CARDS: usize = 5;

/// Conversation cards of `theme` that fit `level`.
fn conversation_pool(
    session: &Session,
    theme: Option<Category>,
    level: Level,
    now: DateTime<Utc>,
) -> Result<Vec<Prompt>> {
    let filter = Filter {
        category: theme,
        ..Filter::default()
    };
    let mut pool = fresh(session, &filter, now)?;
    pool.retain(|p| p.kind.is_conversation() && level.allows(p.depth));
    Ok(pool)
}

fn candidates(prompts: &[Prompt]) -> Vec<Candidate> {
    prompts.iter().map(Candidate::from).collect()
}

/// The prompts behind `cards`, in the cards' order.
fn chosen(prompts: &[Prompt], cards: &[Candidate]) -> Vec<Prompt> {
    cards
        .iter()
        .filter_map(|card| prompts.iter().find(|p| p.id == card.id).cloned())
        .collect()
}

/// The date-night deal: three fresh conversation cards rising through `level`, now and then with
/// a wildcard after the first.
pub fn deal_date_night(
    session: &Session,
    theme: Option<Category>,
    level: Level,
    seed: u64,
    now: DateTime<Utc>,
) -> Result<Vec<Prompt>> {
    let pool = conversation_pool(session, theme, level, now)?;
    let wildcard_filter = Filter {
        kind: Some(Kind::Wildcard),
        ..Filter::default()
    };
    let wildcards = fresh(session, &wildcard_filter, now)?;
    let mut hand = deal::deal(&candidates(&pool), &level.ramp(), seed);
    deal::slip_wildcard(&mut hand, &candidates(&wildcards), seed);
    let all: Vec<Prompt> = pool.into_iter().chain(wildcards).collect();
    let prompts = chosen(&all, &hand);
    record_seen(session, &prompts, Mode::DateNight, now)?;
    Ok(prompts)
}

/// Swaps card `index` of `hand` (prompt ids) for a fresh one that keeps the ramp and the level.
pub fn swap_card(
    session: &Session,
    theme: Option<Category>,
    level: Level,
    hand: &[String],
    index: usize,
    seed: u64,
    now: DateTime<Utc>,
) -> Result<Option<Prompt>> {
    let held = hand
        .iter()
        .map(|id| get(session, id).map(|p| Candidate::from(&p)))
        .collect::<Result<Vec<_>>>()?;
    let pool = conversation_pool(session, theme, level, now)?;
    let Some(card) = deal::swap(&candidates(&pool), &held, index, seed) else {
        return Ok(None);
    };
    let prompts = chosen(&pool, &[card]);
    record_seen(session, &prompts, Mode::DateNight, now)?;
    Ok(prompts.into_iter().next())
}

/// A round of up to [`ROUND_CARDS`] fresh cards that `keep` admits, recorded as seen in `mode`.
fn round(
    session: &Session,
    keep: impl Fn(&Prompt) -> bool,
    mode: Mode,
    seed: u64,
    now: DateTime<Utc>,
) -> Result<Vec<Prompt>> {
    let mut pool = fresh(session, &Filter::default(), now)?;
    pool.retain(keep);
    let prompts = chosen(&pool, &deal::draw(&candidates(&pool), ROUND_CARDS, seed));
    record_seen(session, &prompts, mode, now)?;
    Ok(prompts)
}

/// A love-maps set: fresh questions that suit guessing.
pub fn deal_love_maps(session: &Session, seed: u64, now: DateTime<Utc>) -> Result<Vec<Prompt>> {
    round(session, |p| p.love_map, Mode::LoveMap, seed, now)
}

/// A quick-choice round: fresh this-or-that and would-you-rather cards.
pub fn deal_quick_choices(session: &Session, seed: u64, now: DateTime<Utc>) -> Result<Vec<Prompt>> {
    round(
        session,
        |p| p.kind.is_quick_choice(),
        Mode::QuickChoice,
        seed,
        now,
    )
}
