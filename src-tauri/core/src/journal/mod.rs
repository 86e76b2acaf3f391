//! Hearth's third job: entries kept in the shared vault or in one partner's private vault (title,
//! body, date, mood, tags, a link to a prompt or an answer), full-text search across the spaces that
//! are open, delete with undo then a secure delete, sharing a private entry on purpose, and
//! appreciation notes.

mod error;
pub mod export;
pub mod notes;
pub mod search;
pub mod store;
pub mod types;

pub use error::{JournalError, Result};
pub use types::{Entry, EntryDraft, EntryFilter, MAX_BODY_BYTES};

use crate::vault::{Partner, Session, Space};

/// Saves a plain entry dated today and returns its id once committed (vault tests and benchmarks).
pub fn add_entry(session: &Session, space: Space, body: &str) -> Result<i64> {
    let author = match space {
        Space::Private(owner) => owner,
        Space::Shared => session
            .unlocked_partners()
            .first()
            .copied()
            .unwrap_or(Partner::A),
    };
    Ok(store::create(session, space, author, &EntryDraft::plain(body))?.id)
}

pub fn get_entry(session: &Session, space: Space, id: i64) -> Result<Option<Entry>> {
    store::get(session, space, id)
}

/// The newest entries of one space first.
pub fn list_entries(session: &Session, space: Space, limit: u32) -> Result<Vec<Entry>> {
    session.schema(space)?;
    let filter = EntryFilter {
        space: Some(space),
        ..EntryFilter::default()
    };
    Ok(store::list(session, &filter, None, limit)?.entries)
}

pub fn count_entries(session: &Session, space: Space) -> Result<u64> {
    store::count(session, space)
}
