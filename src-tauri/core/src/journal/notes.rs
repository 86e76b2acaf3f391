//! Appreciation notes: one line from one partner to the other ("I appreciated…"), kept in the shared
//! vault. Now and then the home screen brings one back.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::error::{JournalError, Result};
use crate::vault::{Partner, Session};

pub const MAX_NOTE_CHARS: usize = 280;
/// A note comes back at most once in this many days.
const RESURFACE_AFTER_DAYS: i64 = 30;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppreciationNote {
    pub id: i64,
    pub author: Partner,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<AppreciationNote> {
    let author: String = row.get(1)?;
    Ok(AppreciationNote {
        id: row.get(0)?,
        author: Partner::parse(&author).unwrap_or(Partner::A),
        body: row.get(2)?,
        created_at: row.get(3)?,
    })
}

pub fn add(
    session: &Session,
    author: Partner,
    body: &str,
    now: DateTime<Utc>,
) -> Result<AppreciationNote> {
    super::store::writer_is_here(session, author)?;
    let body = body.trim();
    if body.is_empty() || body.chars().count() > MAX_NOTE_CHARS || body.contains(['\n', '\r']) {
        return Err(JournalError::InvalidInput(
            "An appreciation note is one line of up to 280 characters.".into(),
        ));
    }
    session.conn().execute(
        "INSERT INTO main.appreciation_notes (author, body, created_at) VALUES (?1, ?2, ?3)",
        params![author.letter(), body, now],
    )?;
    let id = session.conn().last_insert_rowid();
    Ok(AppreciationNote {
        id,
        author,
        body: body.to_string(),
        created_at: now,
    })
}

/// All notes, newest first.
pub fn list(session: &Session) -> Result<Vec<AppreciationNote>> {
    let mut statement = session.conn().prepare_cached(
        "SELECT id, author, body, created_at FROM main.appreciation_notes ORDER BY created_at DESC, id DESC",
    )?;
    let rows = statement.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One older note to bring back today, the same all day: one not shown in the last 30 days and at
/// least a day old, the longest unseen first. `None` most days once all have been seen recently.
pub fn resurface(
    session: &Session,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Option<AppreciationNote>> {
    let start_of_today = today.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
    let shown_today = session
        .conn()
        .query_row(
            "SELECT id, author, body, created_at FROM main.appreciation_notes
             WHERE resurfaced_at >= ?1 ORDER BY resurfaced_at DESC LIMIT 1",
            [start_of_today],
            from_row,
        )
        .optional()?;
    if shown_today.is_some() {
        return Ok(shown_today);
    }
    let candidate = session
        .conn()
        .query_row(
            "SELECT id, author, body, created_at FROM main.appreciation_notes
             WHERE created_at <= ?1 AND (resurfaced_at IS NULL OR resurfaced_at <= ?2)
             ORDER BY coalesce(resurfaced_at, created_at) ASC, id ASC LIMIT 1",
            params![
                now - Duration::days(1),
                now - Duration::days(RESURFACE_AFTER_DAYS)
            ],
            from_row,
        )
        .optional()?;
    if let Some(note) = &candidate {
        session.conn().execute(
            "UPDATE main.appreciation_notes SET resurfaced_at = ?2 WHERE id = ?1",
            params![note.id, now],
        )?;
    }
    Ok(candidate)
}
