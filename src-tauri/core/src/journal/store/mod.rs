//! Entries on disk, one concept per module: writing and reading one entry (`entry`), delete with
//! undo then a secure delete (`deletion`), sharing a private entry on purpose (`share`), and
//! listing newest first across the open spaces (`listing`).

mod deletion;
mod entry;
mod listing;
mod share;

#[cfg(test)]
pub(crate) use deletion::DELETED_BEFORE;
pub use deletion::{delete, erase_all_deleted, purge_deleted, undo_delete};
pub(super) use entry::entry_from_row;
pub use entry::{create, get, normalize_tags, retag, update};
pub use listing::{count, linked_prompts, list, tags};
pub use share::share;

use super::error::JournalError;
use crate::vault::{Partner, Space};

pub const PAGE_SIZE: u32 = 50;
/// How long a deleted entry can be brought back before it is erased for good.
pub const UNDO_SECONDS: i64 = 10;

const COLUMNS: &str =
    "id, title, body, entry_date, mood, tags, prompt_id, answer_id, author, created_at, updated_at";

/// Newest first across spaces: within one date, private entries (rank 2, 1) before shared (0).
fn rank(space: Space) -> u8 {
    match space {
        Space::Shared => 0,
        Space::Private(Partner::A) => 1,
        Space::Private(Partner::B) => 2,
    }
}

fn invalid(message: &str) -> JournalError {
    JournalError::InvalidInput(message.to_string())
}

/// Empties the write-ahead log of `schema` into its file, so no copy of erased rows stays there.
fn checkpoint(session: &crate::vault::Session, schema: &str) -> super::Result<()> {
    session.conn().query_row(
        &format!("PRAGMA {schema}.wal_checkpoint(TRUNCATE)"),
        [],
        |_| Ok(()),
    )?;
    Ok(())
}
