//! Thin IPC adapters: each command unpacks its arguments, calls `hearth-core`, and maps the error.
//! Vault work (Argon2id, SQLCipher) runs on the blocking pool so the window never freezes.

mod settings;
mod vault;

use hearth_core::vault::{Vault, VaultError};
use tauri::{AppHandle, Manager, Runtime};

use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

pub fn handler<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        vault::vault_status,
        vault::setup_couple,
        vault::unlock,
        vault::add_partner,
        vault::lock,
        vault::change_passphrase,
        vault::reset_passphrase,
        settings::get_settings,
        settings::set_auto_lock,
        settings::note_activity,
    ]
}

/// Runs `job` on the vault off the async runtime, counting the call as activity for auto-lock.
async fn on_vault<R, T, F>(app: AppHandle<R>, job: F) -> CommandResult<T>
where
    R: Runtime,
    T: Send + 'static,
    F: FnOnce(&mut Vault) -> Result<T, VaultError> + Send + 'static,
{
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        state.touch()?;
        let mut vault = state.vault()?;
        job(&mut vault).map_err(CommandError::from)
    })
    .await
    .map_err(|_| CommandError::internal())?
}
