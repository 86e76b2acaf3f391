//! Locks the vaults after the chosen idle time. It checks on a slow timer rather than at each key
//! press, and tells the UI through the `vault-locked` event so the lock screen appears by itself.
//! Idle time is read from the boot clock, which counts the hours the lid was closed.

use std::time::Duration;

use hearth_core::vault::clock::{ClockSource, Reading, SystemClock};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::state::AppState;

pub const LOCKED_EVENT: &str = "vault-locked";
const CHECK_EVERY: Duration = Duration::from_secs(5);

pub fn spawn<R: Runtime>(app: AppHandle<R>) {
    let started = std::thread::Builder::new()
        .name("auto-lock".into())
        .spawn(move || loop {
            std::thread::sleep(CHECK_EVERY);
            let state = app.state::<AppState>();
            if lock_if_idle(&state, SystemClock.read()) {
                state.after_lock();
                let _ = app.emit(LOCKED_EVENT, ());
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
