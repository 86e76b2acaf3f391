//! Dealing: the date-night hand, swapping a card, and the prompt of the day, from the prompts that
//! are not hidden, allowed by consent, and not discussed lately.

use std::collections::HashMap;

use chrono::{DateTime, Months, NaiveDate, Utc};
use rusqlite::OptionalExtension;

use super::catalogue::{get, list, Filter};
use super::{set_setting, setting};
use crate::prompts::deal::{self, Candidate};
use crate::prompts::error::{PromptsError, Result};
use crate::prompts::types::{Category, Prompt};
use crate::vault::Session;

const RESURFACE_KEY: &str = "prompt_resurface_months";

pub fn resurface_months(session: &Session) -> Result<u32> {
    Ok(setting(session, RESURFACE_KEY)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0))
}

/// After how many months a discussed prompt may be dealt again; 0 means never.
pub fn set_resurface_months(session: &Session, months: u32) -> Result<()> {
    if months > 120 {
        return Err(PromptsError::InvalidInput(
            "Choose up to 120 months, or 0 for never.".into(),
        ));
    }
    set_setting(session, RESURFACE_KEY, &months.to_string())
}

/// Cards that may be dealt now: not hidden, allowed by consent, and not discussed (or discussed
/// long enough ago to come back).
fn pool(session: &Session, theme: Option<Category>, now: DateTime<Utc>) -> Result<Vec<Candidate>> {
    let months = resurface_months(session)?;
    let cutoff = if months == 0 {
        None
    } else {
        now.checked_sub_months(Months::new(months))
    };
    let candidates = list(
        session,
        &Filter {
            category: theme,
            ..Filter::default()
        },
    )?;
    // One pass over the discussions, not one query per prompt.
    let mut statement = session
        .conn()
        .prepare("SELECT prompt_id, max(discussed_at) FROM main.discussions GROUP BY prompt_id")?;
    let last_discussed: HashMap<String, DateTime<Utc>> = statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for prompt in candidates {
        let last = last_discussed.get(&prompt.id).copied();
        let fresh = match (last, cutoff) {
            (None, _) => true,
            (Some(at), Some(cutoff)) => at < cutoff,
            (Some(_), None) => false,
        };
        if fresh {
            out.push(Candidate {
                id: prompt.id,
                depth: prompt.depth,
            });
        }
    }
    Ok(out)
}

fn prompts_for(session: &Session, cards: Vec<Candidate>) -> Result<Vec<Prompt>> {
    cards.into_iter().map(|c| get(session, &c.id)).collect()
}

/// The date-night deal: up to three never-discussed prompts, light to deep.
pub fn deal_date_night(
    session: &Session,
    theme: Option<Category>,
    seed: u64,
    now: DateTime<Utc>,
) -> Result<Vec<Prompt>> {
    let pool = pool(session, theme, now)?;
    prompts_for(session, deal::deal(&pool, 3, seed))
}

/// Swaps card `index` of `hand` (prompt ids) for another that keeps the ramp.
pub fn swap_card(
    session: &Session,
    theme: Option<Category>,
    hand: &[String],
    index: usize,
    seed: u64,
    now: DateTime<Utc>,
) -> Result<Option<Prompt>> {
    let held = hand
        .iter()
        .map(|id| {
            get(session, id).map(|p| Candidate {
                id: p.id,
                depth: p.depth,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let pool = pool(session, theme, now)?;
    deal::swap(&pool, &held, index, seed)
        .map(|c| get(session, &c.id))
        .transpose()
}

/// The same prompt all day for the couple, chosen from prompts not yet discussed.
pub fn prompt_of_the_day(
    session: &Session,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Option<Prompt>> {
    let day = today.to_string();
    let chosen: Option<String> = session
        .conn()
        .query_row(
            "SELECT prompt_id FROM main.daily_prompts WHERE day = ?1",
            [&day],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = chosen {
        match get(session, &id) {
            Ok(prompt) if !prompt.hidden => return Ok(Some(prompt)),
            Ok(_) | Err(PromptsError::NotFound) => {}
            Err(err) => return Err(err),
        }
    }
    use chrono::Datelike;
    let pool = pool(session, None, now)?;
    let Some(card) = deal::deal(&pool, 1, deal::day_seed(today.year(), today.ordinal())).pop()
    else {
        return Ok(None);
    };
    session.conn().execute(
        "INSERT INTO main.daily_prompts (day, prompt_id) VALUES (?1, ?2)
         ON CONFLICT (day) DO UPDATE SET prompt_id = excluded.prompt_id",
        (&day, &card.id),
    )?;
    get(session, &card.id).map(Some)
}
