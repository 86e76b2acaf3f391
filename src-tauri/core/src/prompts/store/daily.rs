//! The prompt of the day in the vault: chosen once a day from fresh conversation cards by the
//! rotation in `prompts::daily`, kept for the day, and recorded as seen.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::OptionalExtension;

use super::catalogue::{get, Filter};
use super::freshness::{fresh, record_seen, Mode};
use crate::prompts::daily;
use crate::prompts::deal::Candidate;
use crate::prompts::error::{PromptsError, Result};
use crate::prompts::types::Prompt;
use crate::vault::Session;

/// The same prompt all day for the couple.
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
    let mut pool = fresh(session, &Filter::default(), now)?;
    pool.retain(|p| p.kind.is_conversation());
    let cards: Vec<Candidate> = pool.iter().map(Candidate::from).collect();
    let Some(card) = daily::pick(&cards, today) else {
        return Ok(None);
    };
    let prompt = get(session, &card.id)?;
    session.conn().execute(
        "INSERT INTO main.daily_prompts (day, prompt_id) VALUES (?1, ?2)
         ON CONFLICT (day) DO UPDATE SET prompt_id = excluded.prompt_id",
        (&day, &card.id),
    )?;
    record_seen(session, std::slice::from_ref(&prompt), Mode::Daily, now)?;
    Ok(Some(prompt))
}
