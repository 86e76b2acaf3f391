//! Love maps: one partner answers a question about themselves, the other guesses, both are
//! revealed, and they say whether the guess was close. What was learned goes to the shared history;
//! no score is kept. Months later a "Still true?" round brings old answers back to be confirmed or
//! updated, because people change.

use chrono::{DateTime, Months, Utc};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::answers::check_len;
use super::catalogue::get;
use super::consent::both_opted_in;
use crate::prompts::error::{PromptsError, Result};
use crate::prompts::types::Category;
use crate::vault::{Partner, Session};

/// Answers and guesses are a line or a few, said aloud from the couch.
pub const MAX_LOVE_MAP_CHARS: usize = 500;
/// How long before an answer is asked about again in a "Still true?" round.
pub const STILL_TRUE_AFTER_MONTHS: u32 = 3;

/// What the round gathered: who answered, their answer, the other's guess, and whether it was close.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LoveMapRound {
    pub prompt_id: String,
    pub answerer: Partner,
    pub answer: String,
    pub guess: String,
    pub close: bool,
}

/// A saved love map. `guess` and `close` are absent on an answer updated in a "Still true?" round.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LoveMap {
    pub id: i64,
    pub prompt_id: String,
    pub prompt_text: String,
    pub answerer: Partner,
    pub answer: String,
    pub guess: Option<String>,
    pub close: Option<bool>,
    pub updates: Option<i64>,
    pub saved_at: DateTime<Utc>,
    pub revisited_at: Option<DateTime<Utc>>,
}

const COLUMNS: &str = "l.id, l.prompt_id, l.prompt_text, l.answerer, l.answer, l.guess, l.close, \
                       l.updates, l.saved_at, l.revisited_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<LoveMap> {
    let answerer: String = r.get(3)?;
    Ok(LoveMap {
        id: r.get(0)?,
        prompt_id: r.get(1)?,
        prompt_text: r.get(2)?,
        answerer: Partner::parse(&answerer).unwrap_or(Partner::A),
        answer: r.get(4)?,
        guess: r.get(5)?,
        close: r.get(6)?,
        updates: r.get(7)?,
        saved_at: r.get(8)?,
        revisited_at: r.get(9)?,
    })
}

fn check_text(text: &str, what: &str) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(PromptsError::InvalidInput(format!(
            "{what} is still empty."
        )));
    }
    check_len(text, MAX_LOVE_MAP_CHARS, what)?;
    Ok(text.to_string())
}

fn by_id(session: &Session, id: i64) -> Result<LoveMap> {
    session
        .conn()
        .query_row(
            &format!("SELECT {COLUMNS} FROM main.love_maps l WHERE l.id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or(PromptsError::NotFound)
}

/// Saves a round to the shared history.
pub fn save_love_map(
    session: &Session,
    round: &LoveMapRound,
    at: DateTime<Utc>,
) -> Result<LoveMap> {
    let prompt = get(session, &round.prompt_id)?;
    let answer = check_text(&round.answer, "The answer")?;
    let guess = check_text(&round.guess, "The guess")?;
    session.conn().execute(
        "INSERT INTO main.love_maps (prompt_id, prompt_text, answerer, answer, guess, close, saved_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![prompt.id, prompt.text, round.answerer.letter(), answer, guess, round.close, at],
    )?;
    by_id(session, session.conn().last_insert_rowid())
}

/// Love maps, newest first; those of the gated category only while both opted in.
pub fn love_maps(session: &Session, limit: u32) -> Result<Vec<LoveMap>> {
    select(session, "1", limit, "l.saved_at DESC, l.id DESC", None)
}

/// The answers due for a "Still true?" round: the latest answer per question and partner, not seen
/// for [`STILL_TRUE_AFTER_MONTHS`], oldest first.
pub fn still_true_round(session: &Session, now: DateTime<Utc>, limit: u32) -> Result<Vec<LoveMap>> {
    let cutoff = now
        .checked_sub_months(Months::new(STILL_TRUE_AFTER_MONTHS))
        .ok_or_else(|| PromptsError::InvalidInput("That date is out of range.".into()))?;
    select(
        session,
        "NOT EXISTS (SELECT 1 FROM main.love_maps n WHERE n.updates = l.id)
         AND coalesce(l.revisited_at, l.saved_at) <= ?2",
        limit,
        "coalesce(l.revisited_at, l.saved_at), l.id",
        Some(cutoff),
    )
}

fn select(
    session: &Session,
    condition: &str,
    limit: u32,
    order: &str,
    cutoff: Option<DateTime<Utc>>,
) -> Result<Vec<LoveMap>> {
    let gate_open = both_opted_in(session)?;
    let mut statement = session.conn().prepare(&format!(
        "SELECT {COLUMNS}, p.category FROM main.love_maps l
         LEFT JOIN main.prompts p ON p.id = l.prompt_id
         WHERE {condition} AND (?3 OR p.category IS NOT 'sensual')
         ORDER BY {order} LIMIT ?1"
    ))?;
    let rows = statement.query_map(params![limit, cutoff, gate_open], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The answer to "Still true?": `None` keeps the old answer (and marks it seen now); a new answer
/// is saved as a love map that updates the old one.
pub fn answer_still_true(
    session: &Session,
    id: i64,
    changed: Option<&str>,
    at: DateTime<Utc>,
) -> Result<LoveMap> {
    let old = by_id(session, id)?;
    let gated: bool = session.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM main.prompts WHERE id = ?1 AND category = ?2)",
        (&old.prompt_id, Category::Sensual.key()),
        |r| r.get(0),
    )?;
    if gated && !both_opted_in(session)? {
        return Err(PromptsError::NotFound);
    }
    // Checked before anything is written, so a bad answer changes nothing.
    let answer = changed
        .map(|text| check_text(text, "The new answer"))
        .transpose()?;
    session.conn().execute(
        "UPDATE main.love_maps SET revisited_at = ?2 WHERE id = ?1",
        params![id, at],
    )?;
    let Some(answer) = answer else {
        return by_id(session, id);
    };
    session.conn().execute(
        "INSERT INTO main.love_maps (prompt_id, prompt_text, answerer, answer, updates, saved_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            old.prompt_id,
            old.prompt_text,
            old.answerer.letter(),
            answer,
            id,
            at
        ],
    )?;
    by_id(session, session.conn().last_insert_rowid())
}
