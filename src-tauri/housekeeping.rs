//! The one background tick, every few seconds while unlocked, and the one owner of the work it does:
//! - it locks the vaults after the chosen idle time, and tells the UI through the `vault-locked`
//!   event so the lock screen appears by itself (idle time is read from the boot clock, which counts
//!   the hours the lid was closed);
//! - it erases deleted entries once their undo time is over, when a delete asked for it;
//! - it locks when the full check that follows an unlock found a vault file damaged, and tells the
//!   UI which file through the `vault-damaged` event (a command would tell it too, but the couple
//!   may be only reading).
//!
//! A slow tick rather than work at each key press, or a thread per delete. While locked there is
//! nothing to do (locking erased every deleted entry), so the thread sleeps until a vault command
//! wakes it: Hearth waiting in the tray all day wakes for the reminders alone.

use std::time::{Duration, Instant};

use chrono::Utc;
use hearth_core::journal::store::purge_deleted;

use hearth_core::vault::clock::{ClockSource, Reading, SystemClock};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::state::AppState;

pub const LOCKED_EVENT: &str = "vault-locked";
pub const DAMAGED_EVENT: &str = "vault-damaged";
const CHECK_EVERY: Duration = Duration::from_secs(5);

pub fn spawn<R: Runtime>(app: AppHandle<R>) {
    let started = std::thread::Builder::new()
        .name("housekeeping".into())
        .spawn(move || {
            let state = app.state::<AppState>();
            state.housekeeping.register_current();
            loop {
                if state.is_unlocked() {
                    std::thread::park_timeout(CHECK_EVERY);
                } else {
                    std::thread::park();
                }
                if lock_if_idle(&state, SystemClock.read()) {
                    state.after_lock();
                    let _ = app.emit(LOCKED_EVENT, ());
                } else if let Some(message) = lock_if_damaged(&state) {
                    state.after_lock();
                    let _ = app.emit(DAMAGED_EVENT, message);
                } else if state.erase_is_due(Instant::now()) {
                    erase_deleted(&state);
                }
            }
        });
    if started.is_err() {
        // Without the thread, manual lock still works; say so instead of failing to start.
        eprintln!("Hearth: auto-lock is unavailable (could not start its timer thread)");
    }
}

fn lock_if_idle(state: &AppState, now: Reading) -> bool {
    match (state.vault(), state.idle()) {
        (Ok(mut vault), Ok(idle)) => vault.lock_if_idle(&idle, now),
        _ => false,
    }
}

/// Locks when the unlock's full check found a file damaged; what to tell the couple.
fn lock_if_damaged(state: &AppState) -> Option<String> {
    let mut vault = state.vault().ok()?;
    vault.damage_found().err().map(|err| err.to_string())
}

/// Erases the entries whose undo time is over. A failure is tried again at the next lock, which
/// erases every deleted entry.
fn erase_deleted(state: &AppState) {
    if let Ok(vault) = state.vault() {
        if let Ok(session) = vault.session() {
            let _ = purge_deleted(session, Utc::now());
        }
    }
}
