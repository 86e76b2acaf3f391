//! The end of a conflict-repair conversation: one small agreement, kept in the shared vault so both
//! can look back at what they agreed.

use chrono::{DateTime, Utc};
use rusqlite::params;
use serde::Serialize;

use super::error::{CheckinError, Result};
use crate::vault::Session;

pub const MAX_AGREEMENT_CHARS: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Agreement {
    pub id: i64,
    pub agreement: String,
    pub created_at: DateTime<Utc>,
}

pub fn save(session: &Session, agreement: &str, now: DateTime<Utc>) -> Result<Agreement> {
    let agreement = agreement.trim();
    if agreement.is_empty() || agreement.chars().count() > MAX_AGREEMENT_CHARS {
        return Err(CheckinError::InvalidInput(format!(
            "Write one small agreement, up to {MAX_AGREEMENT_CHARS} characters."
        )));
    }
    session.conn().execute(
        "INSERT INTO main.repair_agreements (agreement, created_at) VALUES (?1, ?2)",
        params![agreement, now],
    )?;
    Ok(Agreement {
        id: session.conn().last_insert_rowid(),
        agreement: agreement.to_string(),
        created_at: now,
    })
}

/// Agreements, newest first.
pub fn list(session: &Session, limit: u32) -> Result<Vec<Agreement>> {
    let mut statement = session.conn().prepare_cached(
        "SELECT id, agreement, created_at FROM main.repair_agreements
         ORDER BY created_at DESC, id DESC LIMIT ?1",
    )?;
    let rows = statement.query_map([limit], |row| {
        Ok(Agreement {
            id: row.get(0)?,
            agreement: row.get(1)?,
            created_at: row.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
