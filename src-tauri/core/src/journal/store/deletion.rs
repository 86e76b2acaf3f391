//! Delete with undo: an entry is hidden at once, can come back for a few seconds, and is then erased
//! for good with its tags, `secure_delete` zeroing the freed pages and a checkpoint emptying the log.

use chrono::{DateTime, Duration, Utc};
use rusqlite::params;

use super::entry::get;
use super::{checkpoint, invalid, UNDO_SECONDS};
use crate::journal::error::{JournalError, Result};
use crate::journal::types::Entry;
use crate::vault::{Session, Space};

/// Hides an entry at once; [`undo_delete`] brings it back within [`UNDO_SECONDS`], and
/// [`purge_deleted`] then erases it. Deleting from a private space needs its owner at the keyboard.
pub fn delete(session: &Session, space: Space, id: i64, now: DateTime<Utc>) -> Result<()> {
    let schema = session.schema(space)?;
    if let Space::Private(owner) = space {
        session.owner_present(owner)?;
    }
    let changed = session.conn().execute(
        &format!(
            "UPDATE {schema}.entries SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL"
        ),
        params![id, now],
    )?;
    if changed == 0 {
        return Err(JournalError::NotFound);
    }
    Ok(())
}

pub fn undo_delete(session: &Session, space: Space, id: i64, now: DateTime<Utc>) -> Result<Entry> {
    let schema = session.schema(space)?;
    let changed = session.conn().execute(
        &format!(
            "UPDATE {schema}.entries SET deleted_at = NULL WHERE id = ?1 AND deleted_at >= ?2"
        ),
        params![id, now - Duration::seconds(UNDO_SECONDS)],
    )?;
    if changed == 0 {
        return Err(invalid("It is too late to bring that entry back."));
    }
    get(session, space, id)?.ok_or(JournalError::NotFound)
}

/// Erases entries deleted more than [`UNDO_SECONDS`] ago in every open space: the rows, their
/// tags and their index entries, with `secure_delete` zeroing the freed pages, then a WAL
/// checkpoint so no copy stays behind in the log. Returns how many were erased.
pub fn purge_deleted(session: &Session, now: DateTime<Utc>) -> Result<usize> {
    erase_deleted(session, Some(now - Duration::seconds(UNDO_SECONDS)))
}

/// Erases every deleted entry in every open space, however recent: on lock and at unlock, when no
/// screen can offer its undo any more.
pub fn erase_all_deleted(session: &Session) -> Result<usize> {
    erase_deleted(session, None)
}

/// Deleted, and before the cutoff `?1` when there is one.
pub(crate) const DELETED_BEFORE: &str =
    "deleted_at IS NOT NULL AND (?1 IS NULL OR deleted_at < ?1)";

/// Erases entries deleted before `cutoff`, or all deleted ones with none.
fn erase_deleted(session: &Session, cutoff: Option<DateTime<Utc>>) -> Result<usize> {
    let mut erased = 0;
    for space in Space::ALL.into_iter().filter(|s| session.is_open(*s)) {
        let schema = space.schema();
        // Looked up by index first: a write would wait for the unlock's structure check.
        let any: bool = session.conn().query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM {schema}.entries WHERE {DELETED_BEFORE})"),
            [cutoff],
            |row| row.get(0),
        )?;
        if !any {
            continue;
        }
        let tx = session.conn().unchecked_transaction()?;
        tx.execute(
            &format!(
                "DELETE FROM {schema}.entry_tags WHERE entry_id IN
                 (SELECT id FROM {schema}.entries WHERE {DELETED_BEFORE})"
            ),
            [cutoff],
        )?;
        let count = tx.execute(
            &format!("DELETE FROM {schema}.entries WHERE {DELETED_BEFORE}"),
            [cutoff],
        )?;
        tx.commit()?;
        if count > 0 {
            checkpoint(session, schema)?;
        }
        erased += count;
    }
    Ok(erased)
}
