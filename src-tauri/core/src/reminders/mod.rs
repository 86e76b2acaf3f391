//! Hearth's second job: together-time reminders. This first slice holds recurrence (RRULE text and
//! an IANA zone, expanded by the `rrule` crate); the scheduler, wake list and storage build on it.

mod error;
pub mod recurrence;

pub use error::{ReminderError, Result};
pub use recurrence::Recurrence;
