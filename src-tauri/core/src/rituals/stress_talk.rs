//! The stress-reducing conversation: each partner in turn talks about stress from outside the
//! relationship while the other takes their side. The turns happen on screen; what is kept is that
//! a talk was held, and its optional one-line note, in the shared vault.

use chrono::{DateTime, Utc};
use rusqlite::params;
use serde::Serialize;

use super::error::{one_line, Result};
use crate::vault::Session;

pub const MAX_NOTE_CHARS: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StressTalk {
    pub id: i64,
    pub held_at: DateTime<Utc>,
    pub note: String,
}

/// Keeps a talk that has just ended, with its note (which may be empty).
pub fn record(session: &Session, note: &str, now: DateTime<Utc>) -> Result<StressTalk> {
    let note = one_line(note, MAX_NOTE_CHARS, "The note", false)?;
    session.conn().execute(
        "INSERT INTO main.stress_talks (held_at, note) VALUES (?1, ?2)",
        params![now, note],
    )?;
    Ok(StressTalk {
        id: session.conn().last_insert_rowid(),
        held_at: now,
        note,
    })
}

/// Whether a talk was held at or after `since`.
pub fn held_since(session: &Session, since: DateTime<Utc>) -> Result<bool> {
    Ok(session.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM main.stress_talks WHERE held_at >= ?1)",
        [since],
        |r| r.get(0),
    )?)
}

/// The talks that left a note, newest first: they join the timeline.
pub fn with_notes(session: &Session) -> Result<Vec<StressTalk>> {
    let mut statement = session.conn().prepare_cached(
        "SELECT id, held_at, note FROM main.stress_talks WHERE note <> ''
         ORDER BY held_at DESC, id DESC",
    )?;
    let rows = statement.query_map([], |r| {
        Ok(StressTalk {
            id: r.get(0)?,
            held_at: r.get(1)?,
            note: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
