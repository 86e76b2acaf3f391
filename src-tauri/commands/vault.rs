//! Commands for setup, unlocking, locking and passphrases.

use std::time::Instant;

use hearth_core::vault::{NewPartner, Partner, RecoveryCodes, Status, Vault, VaultError};
use serde::Deserialize;
use tauri::{AppHandle, Emitter, Manager, Runtime};
use zeroize::Zeroizing;

use super::on_vault;
use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

#[derive(Deserialize)]
pub struct PartnerInput {
    name: String,
    passphrase: String,
}

#[tauri::command]
pub async fn vault_status<R: Runtime>(app: AppHandle<R>) -> CommandResult<Status> {
    on_vault(app, |vault| Ok::<_, VaultError>(vault.status())).await
}

#[tauri::command]
pub async fn setup_couple<R: Runtime>(
    app: AppHandle<R>,
    a: PartnerInput,
    b: PartnerInput,
) -> CommandResult<RecoveryCodes> {
    let (a_pass, b_pass) = (Zeroizing::new(a.passphrase), Zeroizing::new(b.passphrase));
    on_vault(app, move |vault| {
        vault.setup(
            NewPartner {
                name: &a.name,
                passphrase: &a_pass,
            },
            NewPartner {
                name: &b.name,
                passphrase: &b_pass,
            },
        )
    })
    .await
}

#[tauri::command]
pub async fn unlock<R: Runtime>(
    app: AppHandle<R>,
    partner: Option<Partner>,
    passphrase: String,
) -> CommandResult<Status> {
    let passphrase = Zeroizing::new(passphrase);
    let handle = app.clone();
    on_vault(app, move |vault| -> Result<Status, CommandError> {
        let status = vault.unlock(partner, &passphrase, Instant::now())?;
        handle.state::<AppState>().rearm_on_arrival(vault);
        Ok(status)
    })
    .await
}

#[tauri::command]
pub async fn add_partner<R: Runtime>(
    app: AppHandle<R>,
    partner: Partner,
    passphrase: String,
) -> CommandResult<Status> {
    with_passphrase(app, passphrase, move |vault, pass, now| {
        vault.add_partner(partner, pass, now)
    })
    .await
}

/// While the two sit together, `partner` opens their own private space with their passphrase.
#[tauri::command]
pub async fn open_private<R: Runtime>(
    app: AppHandle<R>,
    partner: Partner,
    passphrase: String,
) -> CommandResult<Status> {
    with_passphrase(app, passphrase, move |vault, pass, now| {
        vault.open_private(partner, pass, now)
    })
    .await
}

/// Runs a vault action that takes a passphrase, which is wiped from memory when it is done.
async fn with_passphrase<R, T, F>(
    app: AppHandle<R>,
    passphrase: String,
    action: F,
) -> CommandResult<T>
where
    R: Runtime,
    T: Send + 'static,
    F: FnOnce(&mut Vault, &str, Instant) -> Result<T, VaultError> + Send + 'static,
{
    let passphrase = Zeroizing::new(passphrase);
    on_vault(app, move |vault| action(vault, &passphrase, Instant::now())).await
}

#[tauri::command]
pub async fn close_private<R: Runtime>(
    app: AppHandle<R>,
    partner: Partner,
) -> CommandResult<Status> {
    on_vault(app, move |vault| {
        Ok::<_, VaultError>(vault.close_private(partner))
    })
    .await
}

/// `partner` leaves the session; the other stays. The last one to leave locks.
#[tauri::command]
pub async fn leave_session<R: Runtime>(
    app: AppHandle<R>,
    partner: Partner,
) -> CommandResult<Status> {
    let handle = app.clone();
    let status = on_vault(app, move |vault| vault.leave(partner)).await?;
    if status.state != hearth_core::vault::State::Unlocked {
        handle.state::<AppState>().after_lock();
    }
    Ok(status)
}

#[tauri::command]
pub async fn lock<R: Runtime>(app: AppHandle<R>) -> CommandResult<Status> {
    tauri::async_runtime::spawn_blocking(move || app.state::<AppState>().lock())
        .await
        .map_err(|_| CommandError::internal())?
}

/// The passphrase-change copy reports its progress as these events while it replaces the key.
pub const REKEY_PROGRESS_EVENT: &str = "rekey-progress";

/// Changes `partner`'s passphrase. With `replace_key`, their private vault also gets a new key,
/// and the new recovery code that now opens it comes back (shown once).
#[tauri::command]
pub async fn change_passphrase<R: Runtime>(
    app: AppHandle<R>,
    partner: Partner,
    current: String,
    new: String,
    replace_key: Option<bool>,
) -> CommandResult<Option<String>> {
    let (current, new) = (Zeroizing::new(current), Zeroizing::new(new));
    let events = app.clone();
    on_vault(app, move |vault| {
        if !replace_key.unwrap_or(false) {
            return vault
                .change_passphrase(partner, &current, &new, Instant::now())
                .map(|()| None);
        }
        let code = vault.change_passphrase_and_key(
            partner,
            &current,
            &new,
            Instant::now(),
            &mut |progress| {
                let _ = events.emit(REKEY_PROGRESS_EVENT, progress);
            },
        )?;
        Ok(Some(code.to_string()))
    })
    .await
}

/// A new recovery code for `partner`, unlocked alone; the old code stops working.
#[tauri::command]
pub async fn new_recovery_code<R: Runtime>(
    app: AppHandle<R>,
    partner: Partner,
    passphrase: String,
) -> CommandResult<String> {
    with_passphrase(app, passphrase, move |vault, pass, now| {
        let code = vault.new_recovery_code(partner, pass, now)?;
        Ok(code.to_string())
    })
    .await
}

/// A new passphrase with the recovery code: for `partner` through the session of the other, or,
/// with no partner named, from the lock screen of a laptop that joined through sync.
#[tauri::command]
pub async fn reset_passphrase<R: Runtime>(
    app: AppHandle<R>,
    partner: Option<Partner>,
    recovery_code: String,
    new: String,
) -> CommandResult<Status> {
    let (code, new) = (Zeroizing::new(recovery_code), Zeroizing::new(new));
    on_vault(app, move |vault| match partner {
        Some(partner) => vault.reset_with_recovery(partner, &code, &new, Instant::now()),
        None => vault.reset_alone(&code, &new, Instant::now()),
    })
    .await
}
