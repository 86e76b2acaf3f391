//! The one background tick, every few seconds while unlocked, and the one owner of the work it does:
//! - it locks the vaults after the chosen idle time, and tells the UI through the `vault-locked`
//!   event so the lock screen appears by itself (idle time is read from the boot clock, which counts
//!   the hours the lid was closed);
//! - it erases deleted entries once their undo time is over, when a delete asked for it;
//! - it locks when the full check that follows an unlock found a vault file damaged, and tells the
//!   UI which file through the `vault-damaged` event (a command would tell it too, but the couple
//!   may be only reading);
//! - once sync is set up, it runs a sync pass when one is due (see `sync_passes`): after a vault
//!   command (a change goes out at once), when the sync folder's watch sees the other laptop's
//!   files arrive, and once a minute without either (a watch misses changes on network file
//!   systems); when a pass wrote in what the other laptop sent, it tells the UI through the
//!   `shared-changed` event.
//!
//! One thread rather than work at each key press, or a thread per delete. It sleeps until the
//! soonest of those can be due (auto-lock, an erase, a check's verdict), and every vault command
//! wakes it to work that out again, since a command is activity and may change what is due. While
//! locked there is nothing to do (locking erased every deleted entry), so it sleeps until a vault
//! command wakes it: Hearth waiting in the tray all day wakes for the reminders alone.

use std::time::{Duration, Instant};

use chrono::Utc;
use hearth_core::journal::store::purge_deleted;
use hearth_core::sync::link;

use hearth_core::vault::clock::{ClockSource, Reading, SystemClock};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::state::AppState;
use crate::sync_passes::{Ask, Due};
use crate::sync_watch::FolderWatch;

pub const LOCKED_EVENT: &str = "vault-locked";
pub const DAMAGED_EVENT: &str = "vault-damaged";
/// What the other laptop sent was written in: a screen showing the shared space reads it again.
pub const SHARED_CHANGED_EVENT: &str = "shared-changed";
/// How often it looks while the full check that follows an unlock still runs (about a second at
/// 100,000 entries), so damage is told soon.
const WHILE_CHECKING: Duration = Duration::from_secs(1);
/// The longest sleep. `park_timeout` counts on a clock that stops while the machine sleeps, so after
/// a resume the tick is at most this late (and what it reads then counts the night: see
/// `hearth_core::vault::clock`).
const LONGEST_SLEEP: Duration = Duration::from_secs(60);
/// Past the deadline, so waking a hair early never costs a second wake-up.
const MARGIN: Duration = Duration::from_millis(20);

pub fn spawn<R: Runtime>(app: AppHandle<R>) {
    let started = std::thread::Builder::new()
        .name("housekeeping".into())
        .spawn(move || {
            let state = app.state::<AppState>();
            state.housekeeping.register_current();
            let mut watch = FolderWatch::default();
            loop {
                match next_sleep(&state) {
                    Some(sleep) => std::thread::park_timeout(sleep),
                    None => std::thread::park(),
                }
                if lock_if_idle(&state, SystemClock.read()) {
                    state.after_lock();
                    let _ = app.emit(LOCKED_EVENT, ());
                } else if let Some(message) = lock_if_damaged(&state) {
                    state.after_lock();
                    let _ = app.emit(DAMAGED_EVENT, message);
                } else {
                    if state.erase_is_due(Instant::now()) {
                        erase_deleted(&state);
                    }
                    if let Some(due) = state.sync_passes.take_due(Instant::now()) {
                        sync_pass(&app, &mut watch, due);
                    }
                }
            }
        });
    if started.is_err() {
        // Without the thread, manual lock still works; say so instead of failing to start.
        eprintln!("Hearth: auto-lock is unavailable (could not start its timer thread)");
    }
}

/// How long to sleep before the next look; `None` while locked.
fn next_sleep(state: &AppState) -> Option<Duration> {
    let vault = state.vault().ok()?;
    let auto_lock_in = vault.auto_lock_in(&*state.idle().ok()?, SystemClock.read())?;
    let checking = vault.session().is_ok_and(|session| session.checking());
    drop(vault);
    let now = Instant::now();
    Some(sleep_until_due(
        auto_lock_in,
        state.erase_in(now),
        checking,
        state.sync_passes.until_rescan(now),
    ))
}

/// The sleep until the soonest of auto-lock, the erase a delete asked for, (while a check runs)
/// its verdict and the sync folder's rescan, at most [`LONGEST_SLEEP`].
fn sleep_until_due(
    auto_lock_in: Duration,
    erase_in: Option<Duration>,
    checking: bool,
    rescan_in: Duration,
) -> Duration {
    let checking = checking.then_some(WHILE_CHECKING);
    [
        Some(auto_lock_in + MARGIN),
        erase_in.map(|left| left + MARGIN),
        checking,
        Some(rescan_in + MARGIN),
    ]
    .into_iter()
    .flatten()
    .fold(LONGEST_SLEEP, Duration::min)
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

/// A sync pass, if sync is set up here, with the folder watched. What stops a pass (a folder not
/// mounted, a quarantined segment) is what the Sync screen shows; the next one tries again.
fn sync_pass<R: Runtime>(app: &AppHandle<R>, watch: &mut FolderWatch, due: Due) {
    let state = app.state::<AppState>();
    let Ok(vault) = state.vault() else {
        return;
    };
    let Ok(Some(mailbox)) = link::mailbox(&vault) else {
        return;
    };
    let waker = app.clone();
    watch.follow(mailbox.folder(), mailbox.arrivals(), move || {
        waker.state::<AppState>().ask_for_sync(Ask::Folder);
    });
    state.sync_passes.ran(due);
    let applied = link::run(&vault, Utc::now())
        .is_ok_and(|pass| pass.is_some_and(|pass| pass.segments_applied > 0));
    drop(vault);
    if applied {
        let _ = app.emit(SHARED_CHANGED_EVENT, ());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECOND: Duration = Duration::from_secs(1);

    #[test]
    fn sleeps_until_auto_lock_is_due() {
        assert_eq!(
            sleep_until_due(30 * SECOND, None, false, LONGEST_SLEEP),
            30 * SECOND + MARGIN
        );
    }

    #[test]
    fn an_erase_or_a_running_check_comes_sooner() {
        assert_eq!(
            sleep_until_due(30 * SECOND, Some(10 * SECOND), false, LONGEST_SLEEP),
            10 * SECOND + MARGIN
        );
        assert_eq!(
            sleep_until_due(30 * SECOND, Some(10 * SECOND), true, LONGEST_SLEEP),
            WHILE_CHECKING
        );
    }

    #[test]
    fn the_sync_folder_is_looked_at_again_within_its_minute() {
        assert_eq!(
            sleep_until_due(600 * SECOND, None, false, 12 * SECOND),
            12 * SECOND + MARGIN
        );
    }

    #[test]
    fn never_longer_than_a_minute_so_a_resume_is_seen() {
        assert_eq!(
            sleep_until_due(600 * SECOND, None, false, LONGEST_SLEEP),
            LONGEST_SLEEP
        );
    }

    #[test]
    fn a_deadline_already_passed_is_looked_at_at_once() {
        assert_eq!(
            sleep_until_due(Duration::ZERO, None, false, LONGEST_SLEEP),
            MARGIN
        );
    }
}
