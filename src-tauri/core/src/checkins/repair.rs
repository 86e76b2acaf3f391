//! The end of a conflict-repair conversation: one small agreement, kept in the shared vault so both
//! can look back at what they agreed, with the optional "dreams within conflict" step: the hope or
//! dream each partner found under their position.

use chrono::{DateTime, Utc};
use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::error::{CheckinError, Result};
use crate::vault::Session;

pub const MAX_AGREEMENT_CHARS: usize = 500;
pub const MAX_DREAM_CHARS: usize = 500;

/// The dream under each partner's position, as each put it; either may be left empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ConflictDreams {
    pub a: String,
    pub b: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Agreement {
    pub id: i64,
    pub agreement: String,
    pub dreams: ConflictDreams,
    pub created_at: DateTime<Utc>,
}

pub fn save(
    session: &Session,
    agreement: &str,
    dreams: &ConflictDreams,
    now: DateTime<Utc>,
) -> Result<Agreement> {
    let agreement = agreement.trim();
    if agreement.is_empty() || agreement.chars().count() > MAX_AGREEMENT_CHARS {
        return Err(CheckinError::InvalidInput(format!(
            "Write one small agreement, up to {MAX_AGREEMENT_CHARS} characters."
        )));
    }
    let dreams = ConflictDreams {
        a: dreams.a.trim().to_string(),
        b: dreams.b.trim().to_string(),
    };
    if [&dreams.a, &dreams.b]
        .iter()
        .any(|d| d.chars().count() > MAX_DREAM_CHARS)
    {
        return Err(CheckinError::InvalidInput(format!(
            "Each dream can be up to {MAX_DREAM_CHARS} characters."
        )));
    }
    session.conn().execute(
        "INSERT INTO main.repair_agreements (agreement, dream_a, dream_b, created_at)
         VALUES (?1, ?2, ?3, ?4)",
        params![agreement, dreams.a, dreams.b, now],
    )?;
    Ok(Agreement {
        id: session.conn().last_insert_rowid(),
        agreement: agreement.to_string(),
        dreams,
        created_at: now,
    })
}

/// Agreements, newest first.
pub fn list(session: &Session, limit: u32) -> Result<Vec<Agreement>> {
    let mut statement = session.conn().prepare_cached(
        "SELECT id, agreement, dream_a, dream_b, created_at FROM main.repair_agreements
         ORDER BY created_at DESC, id DESC LIMIT ?1",
    )?;
    let rows = statement.query_map([limit], |row| {
        Ok(Agreement {
            id: row.get(0)?,
            agreement: row.get(1)?,
            dreams: ConflictDreams {
                a: row.get(2)?,
                b: row.get(3)?,
            },
            created_at: row.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
