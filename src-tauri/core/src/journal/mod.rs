//! Hearth's third job: entries kept in the shared vault or in one partner's private vault (title,
//! body, date, mood, tags, a link to a prompt or an answer), full-text search across the spaces that
//! are open, delete with undo then a secure delete, and sharing a private entry on purpose.

mod error;
pub mod export;
pub mod search;
pub mod store;
pub mod types;

pub use error::{JournalError, Result};
pub use types::{Entry, EntryDraft, EntryFilter, MAX_BODY_BYTES};
