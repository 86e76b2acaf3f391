//! Hearth's second job: together-time reminders. So far: recurrence (RRULE text and an IANA zone,
//! expanded by the `rrule` crate) and the scheduler's decisions; storage, the wake list file and
//! delivery build on them.

mod error;
pub mod recurrence;
pub mod scheduler;

pub use error::{ReminderError, Result};
pub use recurrence::Recurrence;
