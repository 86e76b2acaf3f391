//! Freshness: every card dealt in any mode is recorded as seen, and none is dealt again within the
//! couple's come-back window ("never", or after a number of months).

use std::collections::HashMap;

use chrono::{DateTime, Months, Utc};

use super::catalogue::{list, Filter};
use super::{set_setting, setting};
use crate::prompts::error::{PromptsError, Result};
use crate::prompts::types::Prompt;
use crate::vault::Session;

/// The come-back window's setting, one the couple shares: it travels to the other laptop.
pub const RESURFACE_KEY: &str = "prompt_resurface_months";

/// Where a card was seen. Each mode records what it deals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Daily,
    DateNight,
    LoveMap,
    QuickChoice,
}

impl Mode {
    pub fn key(self) -> &'static str {
        match self {
            Mode::Daily => "daily",
            Mode::DateNight => "date_night",
            Mode::LoveMap => "love_map",
            Mode::QuickChoice => "quick_choice",
        }
    }
}

pub fn resurface_months(session: &Session) -> Result<u32> {
    Ok(setting(session, RESURFACE_KEY)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0))
}

/// After how many months a card that was seen may be dealt again; 0 means never.
pub fn set_resurface_months(session: &Session, months: u32) -> Result<()> {
    if months > 120 {
        return Err(PromptsError::InvalidInput(
            "Choose up to 120 months, or 0 for never.".into(),
        ));
    }
    set_setting(session, RESURFACE_KEY, &months.to_string())
}

/// The window's rule: a card never seen is fresh; one seen is fresh again only once `months` have
/// passed since it was last seen, and never when `months` is 0.
pub fn is_fresh(last_seen: Option<DateTime<Utc>>, months: u32, now: DateTime<Utc>) -> bool {
    match last_seen {
        None => true,
        Some(_) if months == 0 => false,
        Some(at) => now
            .checked_sub_months(Months::new(months))
            .is_some_and(|cutoff| at <= cutoff),
    }
}

/// When each card was last seen: dealt in any mode, or discussed (history from before sightings
/// were recorded counts too).
fn last_seen(session: &Session) -> Result<HashMap<String, DateTime<Utc>>> {
    let mut statement = session.conn().prepare(
        "SELECT prompt_id, max(at) FROM (
             SELECT prompt_id, seen_at AS at FROM main.prompt_sightings
             UNION ALL SELECT prompt_id, discussed_at AS at FROM main.discussions)
         GROUP BY prompt_id",
    )?;
    let seen = statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(seen)
}

/// The prompts matching `filter` that may be dealt now: listed (so not hidden, and within the
/// consent gate), and fresh.
pub(super) fn fresh(session: &Session, filter: &Filter, now: DateTime<Utc>) -> Result<Vec<Prompt>> {
    let months = resurface_months(session)?;
    let seen = last_seen(session)?;
    let mut prompts = list(session, filter)?;
    prompts.retain(|p| is_fresh(seen.get(&p.id).copied(), months, now));
    Ok(prompts)
}

/// Records `prompts` as seen in `mode` at `now`, in one transaction.
pub(super) fn record_seen(
    session: &Session,
    prompts: &[Prompt],
    mode: Mode,
    now: DateTime<Utc>,
) -> Result<()> {
    let tx = session.conn().unchecked_transaction()?;
    {
        let mut insert = tx.prepare(
            "INSERT INTO main.prompt_sightings (prompt_id, mode, seen_at) VALUES (?1, ?2, ?3)",
        )?;
        for prompt in prompts {
            insert.execute((&prompt.id, mode.key(), now))?;
        }
    }
    tx.commit()?;
    Ok(())
}
