//! Commands for the settings screen and for the activity pings that keep auto-lock away.

use hearth_core::prompts::store as prompts;
use hearth_core::vault::settings::{self, AUTO_LOCK_RANGE};
use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime};

use super::on_session;
use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    auto_lock_minutes: u32,
    auto_lock_min: u32,
    auto_lock_max: u32,
    resurface_months: u32,
    lock_on_close: bool,
}

fn read(session: &hearth_core::vault::Session) -> Result<Settings, CommandError> {
    Ok(Settings {
        auto_lock_minutes: settings::auto_lock_minutes(session)?,
        auto_lock_min: *AUTO_LOCK_RANGE.start(),
        auto_lock_max: *AUTO_LOCK_RANGE.end(),
        resurface_months: prompts::resurface_months(session)?,
        lock_on_close: settings::lock_on_close(session)?,
    })
}

#[tauri::command]
pub async fn get_settings<R: Runtime>(app: AppHandle<R>) -> CommandResult<Settings> {
    on_session(app, read).await
}

#[tauri::command]
pub async fn set_auto_lock<R: Runtime>(app: AppHandle<R>, minutes: u32) -> CommandResult<Settings> {
    on_session(app, move |session| {
        settings::set_auto_lock_minutes(session, minutes)?;
        read(session)
    })
    .await
}

#[tauri::command]
pub async fn set_lock_on_close<R: Runtime>(app: AppHandle<R>, on: bool) -> CommandResult<Settings> {
    on_session(app, move |session| {
        settings::set_lock_on_close(session, on)?;
        read(session)
    })
    .await
}

/// The UI calls this (throttled) on key presses and pointer moves.
#[tauri::command]
pub async fn note_activity<R: Runtime>(app: AppHandle<R>) -> CommandResult<()> {
    app.state::<AppState>().touch()
}

/// Whether Hearth starts (in the tray) at login. Off until the person turns it on.
#[tauri::command]
pub async fn get_autostart<R: Runtime>(app: AppHandle<R>) -> CommandResult<bool> {
    autostart(&app)?
        .is_enabled()
        .map_err(|_| CommandError::internal())
}

#[tauri::command]
pub async fn set_autostart<R: Runtime>(app: AppHandle<R>, enabled: bool) -> CommandResult<bool> {
    let manager = autostart(&app)?;
    let changed = if enabled {
        manager.enable()
    } else {
        manager.disable()
    };
    changed.map_err(|err| CommandError {
        kind: "autostart".into(),
        message: format!("Hearth could not change its start-at-login entry: {err}"),
    })?;
    manager.is_enabled().map_err(|_| CommandError::internal())
}

fn autostart<R: Runtime>(
    app: &AppHandle<R>,
) -> CommandResult<tauri::State<'_, tauri_plugin_autostart::AutoLaunchManager>> {
    app.try_state::<tauri_plugin_autostart::AutoLaunchManager>()
        .ok_or_else(|| CommandError::unavailable("Starting at login"))
}
