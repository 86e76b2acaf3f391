//! What the shell keeps between commands: the vault (one per data folder), the idle clock that
//! drives auto-lock, and the reminders in force, which outlive every lock. Each sits behind a mutex
//! because commands run on a thread pool.

use chrono::Utc;
use hearth_core::reminders::live::LiveSchedule;
use hearth_core::reminders::{wake_list, ReminderError};
use hearth_core::vault::clock::{ClockSource, SystemClock};
use hearth_core::vault::{settings, IdleClock, Session, Status, Vault};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::error::CommandError;
use crate::sync_passes::{Ask, SyncPasses};

pub struct AppState {
    data_dir: PathBuf,
    vault: Mutex<Vault>,
    idle: Mutex<IdleClock>,
    reminders: Mutex<LiveSchedule>,
    /// The reminder timer's thread, woken early whenever the reminders change.
    pub timer: Sleeper,
    /// The housekeeping thread, which sleeps while locked and is woken by any vault command.
    pub housekeeping: Sleeper,
    /// When the housekeeping thread runs a sync pass, and how many it has run.
    pub sync_passes: SyncPasses,
    /// When the housekeeping tick should next erase deleted entries, if a delete asked for it.
    erase_at: Mutex<Option<Instant>>,
    /// The folder last chosen in the folder dialog for sync, until pairing uses it.
    sync_folder: Mutex<Option<PathBuf>>,
}

impl AppState {
    pub fn new(data_dir: PathBuf) -> Self {
        // Owner-only from the start; a failure here shows up, in plain words, at the first write.
        let _ = hearth_core::files::create_dir_all(&data_dir);
        AppState {
            vault: Mutex::new(Vault::new(data_dir.clone())),
            idle: Mutex::new(IdleClock::new(SystemClock.read())),
            reminders: Mutex::new(LiveSchedule::open(data_dir.clone(), Utc::now())),
            timer: Sleeper::default(),
            housekeeping: Sleeper::default(),
            sync_passes: SyncPasses::default(),
            erase_at: Mutex::new(None),
            sync_folder: Mutex::new(None),
            data_dir,
        }
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The vault, even after a command panicked while holding it. Such a command may have left the
    /// session half-changed, so it is locked (its keys wiped) before anyone uses it again: lock,
    /// auto-lock and the tray's Lock must always work.
    pub fn vault(&self) -> Result<MutexGuard<'_, Vault>, CommandError> {
        Ok(recover(&self.vault, |vault| {
            vault.lock();
        }))
    }

    pub fn is_unlocked(&self) -> bool {
        self.vault().is_ok_and(|vault| vault.session().is_ok())
    }

    pub fn idle(&self) -> Result<MutexGuard<'_, IdleClock>, CommandError> {
        Ok(recover(&self.idle, |_| {}))
    }

    pub fn reminders(&self) -> Result<MutexGuard<'_, LiveSchedule>, CommandError> {
        Ok(recover(&self.reminders, |_| {}))
    }

    /// Keeps the folder the person chose for sync, so that no command takes a path from the webview.
    pub fn choose_sync_folder(&self, folder: PathBuf) -> Result<(), CommandError> {
        *recover(&self.sync_folder, |_| {}) = Some(folder);
        Ok(())
    }

    pub fn chosen_sync_folder(&self) -> Result<Option<PathBuf>, CommandError> {
        Ok(recover(&self.sync_folder, |_| {}).clone())
    }

    pub fn touch(&self) -> Result<(), CommandError> {
        self.idle()?.touch(SystemClock.read());
        Ok(())
    }

    /// Puts the session's reminders in force, and on disk unless the couple chose otherwise.
    pub fn rearm_reminders(&self, session: &Session) -> Result<(), CommandError> {
        let (list, on_disk) = wake_list::compute(session, Utc::now())?;
        self.reminders()?.replace(list, on_disk)?;
        self.timer.wake();
        Ok(())
    }

    /// Puts the reminders in force as someone arrives (an unlock, a restore). The wake list looks a
    /// few weeks ahead, so each arrival renews it. A failure here must not undo the arrival; the
    /// next reminder change puts them in force again.
    pub fn rearm_on_arrival(&self, vault: &Vault) {
        if let Ok(session) = vault.session() {
            let _ = self.rearm_reminders(session);
        }
    }

    /// Changes the reminders in force (pause, snooze) and lets the timer see it.
    pub fn change_reminders(
        &self,
        change: impl FnOnce(&mut LiveSchedule) -> Result<(), ReminderError>,
    ) -> Result<(), CommandError> {
        change(&mut *self.reminders()?)?;
        self.timer.wake();
        Ok(())
    }

    /// Asks the housekeeping thread for a sync pass, and wakes it to run one.
    pub fn ask_for_sync(&self, why: Ask) {
        self.sync_passes.ask(why);
        self.housekeeping.wake();
    }

    /// Asks the housekeeping tick to erase deleted entries at `at` (the latest asked for wins, so
    /// every entry's undo time is over by then). Wakes the tick to sleep until then: the delete
    /// command woke it before asking, and it may have gone back to sleep for up to a minute.
    pub fn erase_after(&self, at: Instant) {
        {
            let mut erase_at = recover(&self.erase_at, |_| {});
            *erase_at = Some(erase_at.map_or(at, |asked| asked.max(at)));
        }
        self.housekeeping.wake();
    }

    /// How long until the erase a delete asked for, if one did.
    pub fn erase_in(&self, now: Instant) -> Option<Duration> {
        recover(&self.erase_at, |_| {}).map(|at| at.saturating_duration_since(now))
    }

    /// Whether the erase asked for is due at `now`; saying yes clears it.
    pub fn erase_is_due(&self, now: Instant) -> bool {
        let mut erase_at = recover(&self.erase_at, |_| {});
        let due = erase_at.is_some_and(|at| at <= now);
        if due {
            *erase_at = None;
        }
        due
    }

    /// Locks the vaults and drops what "remind me only while unlocked" keeps in memory.
    pub fn lock(&self) -> Result<Status, CommandError> {
        let status = self.vault()?.lock();
        self.after_lock();
        Ok(status)
    }

    /// Whether closing the window should lock: only when unlocked and the couple kept it on.
    pub fn locks_on_close(&self) -> bool {
        self.vault().is_ok_and(|vault| {
            vault
                .session()
                .is_ok_and(|s| settings::lock_on_close(s).unwrap_or(true))
        })
    }

    pub fn after_lock(&self) {
        if let Ok(mut live) = self.reminders() {
            live.forget_unless_on_disk();
        }
        self.timer.wake();
    }
}

/// A background thread that sleeps (parked) until there is something to look at, and the way to
/// wake it early. Waking before it parks is not lost: its next park returns at once.
#[derive(Default)]
pub struct Sleeper(Mutex<Option<std::thread::Thread>>);

impl Sleeper {
    /// Called by the thread itself as it starts.
    pub fn register_current(&self) {
        *recover(&self.0, |_| {}) = Some(std::thread::current());
    }

    pub fn wake(&self) {
        if let Some(thread) = recover(&self.0, |_| {}).clone() {
            thread.unpark();
        }
    }
}

/// Locks `mutex`; if a panic poisoned it, `repair` puts what it guards right and the poison is
/// cleared, so one failed command cannot disable everything after it.
pub(crate) fn recover<T>(mutex: &Mutex<T>, repair: impl FnOnce(&mut T)) -> MutexGuard<'_, T> {
    match mutex.lock() {
        Ok(guard) => guard,
        Err(poisoned) => {
            let mut guard = poisoned.into_inner();
            repair(&mut guard);
            mutex.clear_poison();
            guard
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_while_holding_the_vault_leaves_it_locked_and_usable() {
        let dir = tempfile::tempdir().unwrap();
        let state = std::sync::Arc::new(AppState::new(dir.path().to_path_buf()));
        let partner = |name, passphrase| hearth_core::vault::NewPartner { name, passphrase };
        state
            .vault()
            .unwrap()
            .setup(
                partner("Sam", "lantern orbit velvet cactus"),
                partner("Alex", "quiet harbor mosaic tundra"),
            )
            .unwrap();
        let holder = state.clone();
        let panicked = std::thread::spawn(move || {
            let _vault = holder.vault().unwrap();
            panic!("a command failed while holding the vault");
        })
        .join();
        assert!(panicked.is_err());
        assert!(state.vault.is_poisoned());
        // The next one to reach the vault finds it locked, and locking works as ever.
        let status = state.vault().unwrap().status();
        assert_eq!(status.state, hearth_core::vault::State::Locked);
        assert!(!state.vault.is_poisoned());
        assert_eq!(
            state.lock().unwrap().state,
            hearth_core::vault::State::Locked
        );
    }
}
