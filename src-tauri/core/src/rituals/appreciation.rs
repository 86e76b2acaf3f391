//! Appreciation notes: one line from one partner to the other ("I appreciated…"), kept in the shared
//! vault. Together they make each partner's "What I love about you" list, and now and then Home
//! brings one back.
//!
//! A note written for an appreciation exchange (`exchange.rs`) is kept in the same table, and
//! [`SHOWN`] is the one rule for all reads: such a note shows nowhere until its exchange has been
//! revealed.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::error::{one_line, Result, RitualsError};
use crate::vault::{Partner, Session, Space};

pub const MAX_NOTE_CHARS: usize = 280;
/// A note comes back at most once in this many days.
const RESURFACE_AFTER_DAYS: i64 = 30;

/// The notes anyone may see: one-way notes, and the notes of exchanges already revealed.
pub(super) const SHOWN: &str = "(exchange_id IS NULL OR exchange_id IN
    (SELECT id FROM main.appreciation_exchanges WHERE revealed_at IS NOT NULL))";

pub(super) const COLUMNS: &str = "id, author, body, meant, created_at";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppreciationNote {
    pub id: i64,
    pub author: Partner,
    /// What they did, as the author noticed it.
    pub body: String,
    /// What it meant to the author; empty for a one-line note.
    pub meant: String,
    pub created_at: DateTime<Utc>,
}

pub(super) fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<AppreciationNote> {
    let author: String = row.get(1)?;
    Ok(AppreciationNote {
        id: row.get(0)?,
        author: Partner::parse(&author).unwrap_or(Partner::A),
        body: row.get(2)?,
        meant: row.get(3)?,
        created_at: row.get(4)?,
    })
}

/// A one-line note from `author`, who must be unlocked.
pub fn add(
    session: &Session,
    author: Partner,
    body: &str,
    now: DateTime<Utc>,
) -> Result<AppreciationNote> {
    if !session.is_open(Space::Private(author)) {
        return Err(RitualsError::Locked);
    }
    let body = one_line(body, MAX_NOTE_CHARS, "An appreciation note", true)?;
    session.conn().execute(
        "INSERT INTO main.appreciation_notes (author, body, created_at) VALUES (?1, ?2, ?3)",
        params![author.letter(), body, now],
    )?;
    Ok(AppreciationNote {
        id: session.conn().last_insert_rowid(),
        author,
        body,
        meant: String::new(),
        created_at: now,
    })
}

/// Every note that may be shown, newest first: the two "What I love about you" lists, told apart
/// by author.
pub fn list(session: &Session) -> Result<Vec<AppreciationNote>> {
    let mut statement = session.conn().prepare_cached(&format!(
        "SELECT {COLUMNS} FROM main.appreciation_notes WHERE {SHOWN}
         ORDER BY created_at DESC, id DESC"
    ))?;
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
            &format!(
                "SELECT {COLUMNS} FROM main.appreciation_notes
                 WHERE resurfaced_at >= ?1 AND {SHOWN} ORDER BY resurfaced_at DESC LIMIT 1"
            ),
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
            &format!(
                "SELECT {COLUMNS} FROM main.appreciation_notes
                 WHERE created_at <= ?1 AND (resurfaced_at IS NULL OR resurfaced_at <= ?2)
                   AND {SHOWN}
                 ORDER BY coalesce(resurfaced_at, created_at) ASC, id ASC LIMIT 1"
            ),
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
