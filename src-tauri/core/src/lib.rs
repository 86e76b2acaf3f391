//! Hearth's logic, kept free of Tauri so that it builds and tests fast and could serve another shell.
//!
//! Each domain is a module with its own types, errors, storage and tests:
//! - [`vault`]: the encrypted SQLCipher vaults, their keyslots, unlocking and locking;
//! - [`journal`]: entries kept in the shared vault or in one partner's private vault;
//! - [`prompts`]: the prompt library, date-night deals, consent, and what was discussed;
//! - [`reminders`]: together-time reminders (so far: recurrence and the scheduler's decisions).

mod files;
pub mod journal;
pub mod prompts;
pub mod reminders;
pub mod vault;
