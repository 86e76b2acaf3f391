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

use crate::error::CommandError;

pub struct AppState {
    data_dir: PathBuf,
    vault: Mutex<Vault>,
    idle: Mutex<IdleClock>,
    reminders: Mutex<LiveSchedule>,
    /// The reminder timer's thread, woken early whenever the reminders change.
    timer: Mutex<Option<std::thread::Thread>>,
}

impl AppState {
    pub fn new(data_dir: PathBuf) -> Self {
        AppState {
            vault: Mutex::new(Vault::new(data_dir.clone())),
            idle: Mutex::new(IdleClock::new(SystemClock.read())),
            reminders: Mutex::new(LiveSchedule::open(data_dir.clone(), Utc::now())),
            timer: Mutex::new(None),
            data_dir,
        }
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn vault(&self) -> Result<MutexGuard<'_, Vault>, CommandError> {
        self.vault.lock().map_err(|_| CommandError::internal())
    }

    pub fn idle(&self) -> Result<MutexGuard<'_, IdleClock>, CommandError> {
        self.idle.lock().map_err(|_| CommandError::internal())
    }

    pub fn reminders(&self) -> Result<MutexGuard<'_, LiveSchedule>, CommandError> {
        self.reminders.lock().map_err(|_| CommandError::internal())
    }

    pub fn touch(&self) -> Result<(), CommandError> {
        self.idle()?.touch(SystemClock.read());
        Ok(())
    }

    pub fn set_timer(&self, thread: std::thread::Thread) {
        if let Ok(mut timer) = self.timer.lock() {
            *timer = Some(thread);
        }
    }

    /// Lets the timer look at the reminders now rather than at its next wake-up.
    pub fn wake_timer(&self) {
        if let Some(thread) = self.timer.lock().ok().and_then(|t| t.clone()) {
            thread.unpark();
        }
    }

    /// Puts the session's reminders in force, and on disk unless the couple chose otherwise.
    pub fn rearm_reminders(&self, session: &Session) -> Result<(), CommandError> {
        let (list, on_disk) = wake_list::compute(session, Utc::now())?;
        self.reminders()?.replace(list, on_disk)?;
        self.wake_timer();
        Ok(())
    }

    /// Changes the reminders in force (pause, snooze) and lets the timer see it.
    pub fn change_reminders(
        &self,
        change: impl FnOnce(&mut LiveSchedule) -> Result<(), ReminderError>,
    ) -> Result<(), CommandError> {
        change(&mut *self.reminders()?)?;
        self.wake_timer();
        Ok(())
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
        self.wake_timer();
    }
}
