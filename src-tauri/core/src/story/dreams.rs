//! Dreams and the bucket list, in the shared vault: shared dreams, and personal ones a partner
//! shares so the other can support them. "We did it" gives a dream its day, and the timeline
//! shows it from then on.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension, Row};

use super::error::{line, Result, StoryError};
use super::types::{Dream, DreamDraft, Horizon};
use crate::vault::{Partner, Session, Space};

pub const MAX_TITLE_CHARS: usize = 120;
pub const MAX_STEP_CHARS: usize = 120;
pub const MAX_STEPS: usize = 5;
pub const MAX_NOTE_CHARS: usize = 200;

const COLUMNS: &str = "id, owner, title, horizon, first_steps, created_at, done_on, done_note";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Dream> {
    let owner: Option<String> = r.get(1)?;
    let horizon: Option<String> = r.get(3)?;
    let steps: String = r.get(4)?;
    Ok(Dream {
        id: r.get(0)?,
        owner: owner.as_deref().and_then(Partner::parse),
        title: r.get(2)?,
        horizon: horizon.as_deref().and_then(Horizon::from_key),
        first_steps: serde_json::from_str(&steps).unwrap_or_default(),
        created_at: r.get(5)?,
        done_on: r.get(6)?,
        done_note: r.get(7)?,
    })
}

pub fn get(session: &Session, id: i64) -> Result<Dream> {
    session
        .conn()
        .query_row(
            &format!("SELECT {COLUMNS} FROM main.dreams WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or(StoryError::NotFound)
}

/// Adds a dream. A personal dream is added by its owner, who must be unlocked.
pub fn add(session: &Session, draft: &DreamDraft, now: DateTime<Utc>) -> Result<Dream> {
    if let Some(owner) = draft.owner {
        if !session.is_open(Space::Private(owner)) {
            return Err(StoryError::InvalidInput(
                "A personal dream is added by its own dreamer, unlocked.".into(),
            ));
        }
    }
    let title = line(&draft.title, MAX_TITLE_CHARS, "A dream", true)?;
    let steps = draft
        .first_steps
        .iter()
        .map(|step| line(step, MAX_STEP_CHARS, "A first step", false))
        .filter(|step| !matches!(step, Ok(s) if s.is_empty()))
        .collect::<Result<Vec<_>>>()?;
    if steps.len() > MAX_STEPS {
        return Err(StoryError::InvalidInput(format!(
            "Keep to {MAX_STEPS} first steps: the first ones are enough."
        )));
    }
    let steps = serde_json::to_string(&steps).unwrap_or_else(|_| "[]".into());
    session.conn().execute(
        "INSERT INTO main.dreams (owner, title, horizon, first_steps, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            draft.owner.map(Partner::letter),
            title,
            draft.horizon.map(Horizon::key),
            steps,
            now
        ],
    )?;
    get(session, session.conn().last_insert_rowid())
}

/// Every dream: the ones still ahead first (this year's before some day's), then the ones reached,
/// latest first.
pub fn list(session: &Session) -> Result<Vec<Dream>> {
    let mut statement = session.conn().prepare_cached(&format!(
        "SELECT {COLUMNS} FROM main.dreams
         ORDER BY done_on IS NOT NULL, done_on DESC, horizon IS NULL, horizon DESC, created_at, id"
    ))?;
    let rows = statement.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// "We did it": the dream is reached on `day`, with an optional note, and joins the timeline.
pub fn reach(session: &Session, id: i64, day: NaiveDate, note: &str) -> Result<Dream> {
    let note = line(note, MAX_NOTE_CHARS, "The note", false)?;
    let changed = session.conn().execute(
        "UPDATE main.dreams SET done_on = ?2, done_note = ?3 WHERE id = ?1",
        params![id, day, note],
    )?;
    if changed == 0 {
        return Err(StoryError::NotFound);
    }
    get(session, id)
}

/// Back on the list: the dream is no longer marked reached.
pub fn reopen(session: &Session, id: i64) -> Result<Dream> {
    let changed = session.conn().execute(
        "UPDATE main.dreams SET done_on = NULL, done_note = '' WHERE id = ?1",
        [id],
    )?;
    if changed == 0 {
        return Err(StoryError::NotFound);
    }
    get(session, id)
}

pub fn delete(session: &Session, id: i64) -> Result<()> {
    if session
        .conn()
        .execute("DELETE FROM main.dreams WHERE id = ?1", [id])?
        == 0
    {
        return Err(StoryError::NotFound);
    }
    Ok(())
}
