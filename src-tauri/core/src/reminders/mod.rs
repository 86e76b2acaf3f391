//! Hearth's second job: together-time reminders: recurrence (RRULE text and an IANA zone, expanded
//! by the `rrule` crate), reminders stored in the shared vault, the wake list that lets them fire
//! while locked, and the scheduler's decisions. Delivery lives in the shell.

mod error;
pub mod ics;
pub mod live;
pub mod local_day;
pub mod prefs;
pub mod recurrence;
pub mod scheduler;
pub mod store;
pub mod wake_list;

pub use error::{ReminderError, Result};
pub use recurrence::Recurrence;
