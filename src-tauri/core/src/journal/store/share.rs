//! Sharing a private entry on purpose: it moves into the shared vault and the private copy is erased.

use chrono::Utc;
use rusqlite::params;

use super::checkpoint;
use super::entry::get;
use crate::journal::error::{JournalError, Result};
use crate::journal::types::Entry;
use crate::vault::{Partner, Session, Space};

/// Moves one's private entry into the shared vault on purpose, and erases the private copy. Only
/// its owner can do it: alone, or confirmed by their passphrase while the two sit together.
pub fn share(session: &Session, owner: Partner, id: i64) -> Result<Entry> {
    let private = Space::Private(owner);
    let from = session.schema(private)?;
    session.owner_present(owner)?;
    let tx = session.conn().unchecked_transaction()?;
    let moved = tx.execute(
        &format!(
            "INSERT INTO main.entries (created_at, updated_at, body, title, entry_date, mood, tags, prompt_id, answer_id, author)
             SELECT created_at, ?2, body, title, entry_date, mood, tags, prompt_id, answer_id, ?3
             FROM {from}.entries WHERE id = ?1 AND deleted_at IS NULL"
        ),
        params![id, Utc::now(), owner.letter()],
    )?;
    if moved == 0 {
        return Err(JournalError::NotFound);
    }
    let shared_id = tx.last_insert_rowid();
    tx.execute(
        &format!(
            "INSERT INTO main.entry_tags (tag, entry_id) SELECT tag, ?2 FROM {from}.entry_tags WHERE entry_id = ?1"
        ),
        params![id, shared_id],
    )?;
    tx.execute(
        &format!("DELETE FROM {from}.entry_tags WHERE entry_id = ?1"),
        [id],
    )?;
    tx.execute(&format!("DELETE FROM {from}.entries WHERE id = ?1"), [id])?;
    tx.commit()?;
    checkpoint(session, from)?;
    get(session, Space::Shared, shared_id)?.ok_or(JournalError::NotFound)
}
