//! Commands for sync between two laptops, over `hearth_core::sync::link`. The folder is chosen
//! with the system's folder dialog and kept in the app's state until it is used; the webview never
//! names a path itself.

use std::path::PathBuf;

use chrono::Utc;
use hearth_core::sync::link::{self, SyncStatus};
use hearth_core::sync::revisions::{self, Revision};
use hearth_core::vault::{Partner, Status};
use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime};
use zeroize::Zeroizing;

use super::on_vault;
use crate::error::{CommandError, CommandResult};
use crate::state::AppState;
use crate::sync_passes::PassCounts;

/// A pairing started here: the one-time code to show, and the folder it is in.
#[derive(Serialize)]
pub struct Pairing {
    code: String,
    folder: String,
}

/// This laptop, joined: who is unlocked now, and the partner's new recovery code.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Joined {
    status: Status,
    recovery_code: String,
}

/// What the Sync screen shows, and the passes run since Hearth started (for the tests and
/// `make bench`; the screen shows no count).
#[derive(Serialize)]
pub struct SyncStatusNow {
    #[serde(flatten)]
    status: SyncStatus,
    passes: PassCounts,
}

#[tauri::command]
pub async fn sync_status<R: Runtime>(app: AppHandle<R>) -> CommandResult<SyncStatusNow> {
    let passes = app.state::<AppState>().sync_passes.counts();
    on_vault(app, move |vault| {
        Ok::<_, CommandError>(SyncStatusNow {
            status: link::status(vault)?,
            passes,
        })
    })
    .await
}

/// Asks for the folder the couple syncs; `None` when the person cancels.
#[tauri::command]
pub async fn choose_sync_folder<R: Runtime>(app: AppHandle<R>) -> CommandResult<Option<String>> {
    use tauri_plugin_dialog::DialogExt;
    if app.try_state::<tauri_plugin_dialog::Dialog<R>>().is_none() {
        return Err(CommandError::unavailable("Choosing a folder"));
    }
    // In the home folder, where sync tools keep theirs (~/Sync, ~/Dropbox, ~/Nextcloud). Left to
    // itself GTK opens on "Recent", which lists files, not folders, so nothing there can be chosen.
    let mut dialog = app
        .dialog()
        .file()
        .set_title("Choose the folder your sync tool shares between your laptops");
    if let Ok(home) = app.path().home_dir() {
        dialog = dialog.set_directory(home);
    }
    let picked = dialog.blocking_pick_folder();
    let Some(picked) = picked else {
        return Ok(None);
    };
    let folder = picked.into_path().map_err(|_| CommandError::internal())?;
    let shown = folder.display().to_string();
    app.state::<AppState>().choose_sync_folder(folder)?;
    Ok(Some(shown))
}

/// Starts sync here in the chosen folder (or, to pair a new laptop, the folder already in use) and
/// writes a pairing file for the other laptop.
#[tauri::command]
pub async fn start_sync<R: Runtime>(app: AppHandle<R>) -> CommandResult<Pairing> {
    let chosen = app.state::<AppState>().chosen_sync_folder()?;
    on_vault(app, move |vault| {
        let folder = match chosen {
            Some(folder) => folder,
            None => link::folder(vault)?.ok_or_else(no_folder)?,
        };
        let code = link::invite(vault, &folder)?;
        Ok::<_, CommandError>(Pairing {
            code: code.to_string(),
            folder: folder.display().to_string(),
        })
    })
    .await
}

/// The couple's names, from the pairing file the typed code opens.
#[tauri::command]
pub async fn read_pairing<R: Runtime>(
    app: AppHandle<R>,
    code: String,
) -> CommandResult<[String; 2]> {
    let code = Zeroizing::new(code);
    let folder = chosen(&app)?;
    on_vault(app, move |_| link::invitation_names(&folder, &code)).await
}

/// Makes this laptop `partner`'s, joined to the shared space of the pairing file.
#[tauri::command]
pub async fn join_sync<R: Runtime>(
    app: AppHandle<R>,
    code: String,
    partner: Partner,
    passphrase: String,
) -> CommandResult<Joined> {
    let (code, passphrase) = (Zeroizing::new(code), Zeroizing::new(passphrase));
    let folder = chosen(&app)?;
    let handle = app.clone();
    on_vault(app, move |vault| -> CommandResult<Joined> {
        let recovery_code = link::join(vault, &folder, &code, partner, &passphrase)?;
        handle.state::<AppState>().rearm_on_arrival(vault);
        Ok(Joined {
            status: vault.status(),
            recovery_code,
        })
    })
    .await
}

/// One sync pass now, and what the Sync screen shows after it.
#[tauri::command]
pub async fn sync_now<R: Runtime>(app: AppHandle<R>) -> CommandResult<SyncStatus> {
    on_vault(app, |vault| {
        link::run(vault, Utc::now())?;
        link::status(vault)
    })
    .await
}

/// Forgets another laptop that no longer syncs, and returns what the Sync screen shows after.
#[tauri::command]
pub async fn forget_laptop<R: Runtime>(
    app: AppHandle<R>,
    device: String,
) -> CommandResult<SyncStatus> {
    on_vault(app, move |vault| {
        link::forget(vault, &device, Utc::now())?;
        link::status(vault)
    })
    .await
}

/// Takes back the pairing file of a laptop that will not join after all.
#[tauri::command]
pub async fn stop_pairing<R: Runtime>(app: AppHandle<R>) -> CommandResult<SyncStatus> {
    on_vault(app, |vault| {
        link::stop_waiting(vault)?;
        link::status(vault)
    })
    .await
}

/// The shared entries' versions that lost to an edit made at once on the other laptop.
#[tauri::command]
pub async fn entry_revisions<R: Runtime>(app: AppHandle<R>) -> CommandResult<Vec<Revision>> {
    on_vault(app, |vault| revisions::of_entries(vault)).await
}

fn chosen<R: Runtime>(app: &AppHandle<R>) -> CommandResult<PathBuf> {
    app.state::<AppState>()
        .chosen_sync_folder()?
        .ok_or_else(no_folder)
}

fn no_folder() -> CommandError {
    CommandError {
        kind: "invalid_input".into(),
        message: "Choose the folder your sync tool shares first.".into(),
    }
}
