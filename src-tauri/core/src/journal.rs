//! Entries kept in the shared vault or in one partner's private vault. This is the journal's first
//! slice (plain bodies with a time); titles, moods, tags and search come with their own migrations.

use chrono::{DateTime, Utc};
use serde::Serialize;
use thiserror::Error;

use crate::vault::{Session, Space, VaultError};

/// Bodies over this size are refused rather than stored.
pub const MAX_BODY_BYTES: usize = 10 * 1024 * 1024;

#[derive(Debug, Error)]
pub enum JournalError {
    #[error("That space is locked. Unlock it to read or write its entries.")]
    SpaceLocked,
    #[error("That entry is too long to save (over 10 MB). Split it into shorter entries.")]
    TooLong,
    #[error("Hearth's storage failed: {0}")]
    Storage(#[from] rusqlite::Error),
}

impl JournalError {
    pub fn kind(&self) -> &'static str {
        match self {
            Self::SpaceLocked => "locked",
            Self::TooLong => "too_long",
            Self::Storage(_) => "storage",
        }
    }
}

impl From<VaultError> for JournalError {
    fn from(_: VaultError) -> Self {
        JournalError::SpaceLocked
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub id: i64,
    pub space: Space,
    pub created_at: DateTime<Utc>,
    pub body: String,
}

/// Saves an entry and returns its id once it is committed (durable: `synchronous = FULL`).
pub fn add_entry(session: &Session, space: Space, body: &str) -> Result<i64, JournalError> {
    if body.len() > MAX_BODY_BYTES {
        return Err(JournalError::TooLong);
    }
    let schema = session.schema(space)?;
    session.conn().execute(
        &format!("INSERT INTO {schema}.entries (created_at, body) VALUES (?1, ?2)"),
        (Utc::now(), body),
    )?;
    Ok(session.conn().last_insert_rowid())
}

pub fn get_entry(session: &Session, space: Space, id: i64) -> Result<Option<Entry>, JournalError> {
    use rusqlite::OptionalExtension;
    let schema = session.schema(space)?;
    Ok(session
        .conn()
        .query_row(
            &format!("SELECT id, created_at, body FROM {schema}.entries WHERE id = ?1"),
            [id],
            |row| {
                Ok(Entry {
                    id: row.get(0)?,
                    space,
                    created_at: row.get(1)?,
                    body: row.get(2)?,
                })
            },
        )
        .optional()?)
}

/// The newest entries first.
pub fn list_entries(
    session: &Session,
    space: Space,
    limit: u32,
) -> Result<Vec<Entry>, JournalError> {
    let schema = session.schema(space)?;
    let mut statement = session.conn().prepare(&format!(
        "SELECT id, created_at, body FROM {schema}.entries ORDER BY id DESC LIMIT ?1"
    ))?;
    let rows = statement.query_map([limit], |row| {
        Ok(Entry {
            id: row.get(0)?,
            space,
            created_at: row.get(1)?,
            body: row.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn count_entries(session: &Session, space: Space) -> Result<u64, JournalError> {
    let schema = session.schema(space)?;
    Ok(session
        .conn()
        .query_row(
            &format!("SELECT count(*) FROM {schema}.entries"),
            [],
            |row| row.get::<_, i64>(0),
        )?
        .unsigned_abs())
}
