//! Every command through Tauri's mock runtime, built with the app's real context, so the real
//! capabilities and ACL decide what the webview may call. Vaults are real SQLCipher files in a
//! temporary folder, and slots are written at the app's own KDF floor.
//!
//! One test binary, one module per domain, as the end-to-end tests are split.

#[path = "../support/mod.rs"]
mod support;

mod checkins;
mod fresh;
mod journal;
mod prompts;
mod reminders;
mod story;
mod sync;
mod sync_watch;
mod vault;
