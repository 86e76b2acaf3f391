//! Hearth's logic, kept free of Tauri so that it builds and tests fast and could serve another shell.
//!
//! Each domain is a module with its own types, errors, storage and tests:
//! - [`vault`]: the encrypted SQLCipher vaults, their keyslots, unlocking and locking;
//! - [`dates`]: date ideas with their filters, plans that become one-off reminders, and memories;
//! - [`checkins`]: the weekly check-in and its reveal rule, the four-enemies reflection, repair
//!   agreements;
//! - [`journal`]: entries kept in the shared vault or in one partner's private vault;
//! - [`prompts`]: the prompt library, gesture ideas, date-night deals, consent, and what was
//!   discussed;
//! - [`reminders`]: together-time reminders: recurrence, the scheduler's decisions, the wake list;
//! - [`rituals`]: appreciation notes and exchanges, how each feels cared for, the stress talk, and
//!   Home's one suggestion;
//! - [`story`]: milestones, dreams, the timeline and "on this day";
//! - [`sync`]: two laptops, one shared space: the clock, the encrypted segments and the mailbox's
//!   names;
//! - [`files`]: how every file Hearth writes is made (owner-only, exclusive, atomic);
//! - [`memory`]: keeping keys out of core dumps;
//! - `text`: the one check for a line of the couple's text;
//! - `testing` (with the `test-support` feature): the couple tests and benchmarks set up.

pub mod checkins;
pub mod dates;
pub mod files;
pub mod journal;
pub mod memory;
pub mod prompts;
pub mod reminders;
pub mod rituals;
pub mod story;
pub mod sync;
#[cfg(feature = "test-support")]
pub mod testing;
mod text;
pub mod vault;
