//! The appreciation exchange: each partner, on their own, writes one specific thing the other did
//! and what it meant to them. Neither note reaches anyone but its writer until both are written;
//! then the two are revealed together, and join the "What I love about you" lists.
//!
//! The notes sit in the shared vault (the reveal must work whichever partner unlocks next), in the
//! appreciation notes table, hidden by [`super::appreciation::SHOWN`] until the reveal. Writing
//! and reading one's own waiting note need that partner unlocked alone, as the check-in does.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::appreciation::{from_row, AppreciationNote, COLUMNS, MAX_NOTE_CHARS};
use super::error::{one_line, require_alone, Result, RitualsError};
use crate::vault::{Partner, Session};

/// What the unlocked partner may know of the exchange in progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExchangeState {
    pub a_written: bool,
    pub b_written: bool,
    /// Both have written and it waits to be revealed together.
    pub ready: bool,
    /// The partner's own waiting note, only while they are unlocked alone.
    pub own: Option<AppreciationNote>,
}

/// An exchange revealed: both notes, side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RevealedExchange {
    pub id: i64,
    pub a: AppreciationNote,
    pub b: AppreciationNote,
    pub revealed_at: DateTime<Utc>,
}

/// The exchange not yet revealed, if one was started.
fn open_exchange(session: &Session) -> Result<Option<i64>> {
    Ok(session
        .conn()
        .query_row(
            "SELECT id FROM main.appreciation_exchanges WHERE revealed_at IS NULL
             ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?)
}

/// Both partners' notes of an exchange, as stored. Only this module's readers, which apply the
/// reveal rule, ever see the pair.
fn notes_of(session: &Session, exchange: i64) -> Result<[Option<AppreciationNote>; 2]> {
    let mut statement = session.conn().prepare_cached(&format!(
        "SELECT {COLUMNS} FROM main.appreciation_notes WHERE exchange_id = ?1 AND author = ?2"
    ))?;
    let mut read = |who: Partner| {
        statement
            .query_row(params![exchange, who.letter()], from_row)
            .optional()
    };
    Ok([read(Partner::A)?, read(Partner::B)?])
}

/// Writes `who`'s note for the exchange in progress (starting one if none is), or changes it while
/// the other has not written yet.
pub fn write(
    session: &Session,
    who: Partner,
    did: &str,
    meant: &str,
    now: DateTime<Utc>,
) -> Result<ExchangeState> {
    require_alone(session, who)?;
    let did = one_line(did, MAX_NOTE_CHARS, "What they did", true)?;
    let meant = one_line(meant, MAX_NOTE_CHARS, "What it meant", false)?;
    let tx = session.conn().unchecked_transaction()?;
    let exchange = match open_exchange(session)? {
        Some(id) => id,
        None => {
            tx.execute(
                "INSERT INTO main.appreciation_exchanges (opened_at) VALUES (?1)",
                [now],
            )?;
            tx.last_insert_rowid()
        }
    };
    if let [Some(_), Some(_)] = notes_of(session, exchange)? {
        return Err(RitualsError::BothWritten);
    }
    tx.execute(
        "INSERT INTO main.appreciation_notes (author, body, meant, created_at, exchange_id)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (exchange_id, author) WHERE exchange_id IS NOT NULL
         DO UPDATE SET body = excluded.body, meant = excluded.meant, created_at = excluded.created_at",
        params![who.letter(), did, meant, now, exchange],
    )?;
    tx.commit()?;
    state(session)
}

/// Where the exchange in progress stands, for whoever is unlocked.
pub fn state(session: &Session) -> Result<ExchangeState> {
    let [a, b] = match open_exchange(session)? {
        Some(id) => notes_of(session, id)?,
        None => [None, None],
    };
    let (a_written, b_written) = (a.is_some(), b.is_some());
    let own = match (a_written && b_written, session.alone()) {
        (false, Some(Partner::A)) => a,
        (false, Some(Partner::B)) => b,
        _ => None,
    };
    Ok(ExchangeState {
        a_written,
        b_written,
        ready: a_written && b_written,
        own,
    })
}

/// Reveals the exchange once both have written: from now on its notes show everywhere.
pub fn reveal(session: &Session, now: DateTime<Utc>) -> Result<RevealedExchange> {
    let id = open_exchange(session)?.ok_or(RitualsError::NotReady)?;
    let [Some(a), Some(b)] = notes_of(session, id)? else {
        return Err(RitualsError::NotReady);
    };
    session.conn().execute(
        "UPDATE main.appreciation_exchanges SET revealed_at = ?2 WHERE id = ?1",
        params![id, now],
    )?;
    Ok(RevealedExchange {
        id,
        a,
        b,
        revealed_at: now,
    })
}
