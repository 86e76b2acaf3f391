//! What the shell keeps between commands: the vault (one per data folder) and the idle clock that
//! drives auto-lock. Both sit behind mutexes because commands run on a thread pool.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use hearth_core::vault::settings::IdleClock;
use hearth_core::vault::Vault;

use crate::error::CommandError;

pub struct AppState {
    vault: Mutex<Vault>,
    idle: Mutex<IdleClock>,
}

impl AppState {
    pub fn new(data_dir: PathBuf) -> Self {
        AppState {
            vault: Mutex::new(Vault::new(data_dir)),
            idle: Mutex::new(IdleClock::new(Instant::now())),
        }
    }

    pub fn vault(&self) -> Result<MutexGuard<'_, Vault>, CommandError> {
        self.vault.lock().map_err(|_| CommandError::internal())
    }

    pub fn idle(&self) -> Result<MutexGuard<'_, IdleClock>, CommandError> {
        self.idle.lock().map_err(|_| CommandError::internal())
    }

    pub fn touch(&self) -> Result<(), CommandError> {
        self.idle()?.touch(Instant::now());
        Ok(())
    }
}
