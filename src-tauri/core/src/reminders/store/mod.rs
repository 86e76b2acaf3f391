//! Reminders in `shared.db`, one concept per module: the kinds and their ready-made rules
//! (`kind`), the reminders themselves (`reminder`), the wake list's fire times (`wake`), and the
//! together-times kept or skipped (`together`).

mod kind;
mod reminder;
mod together;
mod wake;

pub use kind::{preset_rule, ReminderKind};
pub use reminder::{
    create, delete, get, list, preview, update, Reminder, ReminderDraft, DEFAULT_TEXT, LEAD_CHOICES,
};
pub use together::{
    kept_between, next_together_time, parse_instant, recent_together_times, record, Outcome,
    PastTogetherTime, UpcomingTogetherTime,
};
pub use wake::wake_items;

use super::error::ReminderError;

/// Bad input, in the words the user reads.
fn invalid(message: &str) -> ReminderError {
    ReminderError::InvalidInput(message.to_string())
}
