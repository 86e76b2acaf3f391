//! Locks the vaults after the chosen idle time. It checks on a slow timer rather than at each key
//! press, and tells the UI through the `vault-locked` event so the lock screen appears by itself.

use std::time::{Duration, Instant};

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
            if lock_if_idle(&state, Instant::now()) {
                state.after_lock();
                let _ = app.emit(LOCKED_EVENT, ());
            }
        });
    if started.is_err() {
        // Without the thread, manual lock still works; say so instead of failing to start.
        eprintln!("Hearth: auto-lock is unavailable (could not start its timer thread)");
    }
}

fn lock_if_idle(state: &AppState, now: Instant) -> bool {
    match (state.vault(), state.idle()) {
        (Ok(mut vault), Ok(idle)) => vault.lock_if_idle(&idle, now),
        _ => false,
    }
}
