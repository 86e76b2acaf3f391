//! Commands for backup, restore and export. Files are chosen with the system's file dialog; the
//! webview never names a path itself. A backup reports its progress as `backup-progress` events.

use std::time::Instant;

use hearth_core::journal::export::{self, ExportFormat};
use hearth_core::journal::JournalError;
use hearth_core::vault::{partners, Partner, Status, VaultError};
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tauri_plugin_dialog::DialogExt;
use zeroize::Zeroizing;

use super::{as_owner, choose_save_path, on_vault, save_as, SaveDialog};
use crate::error::{CommandError, CommandResult};

pub const BACKUP_PROGRESS_EVENT: &str = "backup-progress";

#[tauri::command]
pub async fn backup_vault<R: Runtime>(app: AppHandle<R>) -> CommandResult<Option<String>> {
    let name = format!(
        "hearth-{}.hearthbackup",
        chrono::Local::now().format("%Y-%m-%d")
    );
    let dialog = SaveDialog {
        title: "Save the backup",
        file_name: &name,
        kind: "Hearth backup",
        extension: "hearthbackup",
    };
    let Some(target) = choose_save_path(&app, &dialog)? else {
        return Ok(None);
    };
    let shown = target.display().to_string();
    let events = app.clone();
    on_vault(app, move |vault| {
        vault.backup(&target, &mut |progress| {
            let _ = events.emit(BACKUP_PROGRESS_EVENT, progress);
        })
    })
    .await?;
    Ok(Some(shown))
}

/// On a fresh install (or, with `replace`, over the vault here): pick a backup file and open it
/// with a passphrase.
#[tauri::command]
pub async fn restore_backup<R: Runtime>(
    app: AppHandle<R>,
    passphrase: String,
    replace: bool,
) -> CommandResult<Option<Status>> {
    let passphrase = Zeroizing::new(passphrase);
    if app.try_state::<tauri_plugin_dialog::Dialog<R>>().is_none() {
        return Err(CommandError::unavailable("Choosing a file"));
    }
    let Some(source) = app
        .dialog()
        .file()
        .set_title("Choose the backup to restore")
        .add_filter("Hearth backup", &["hearthbackup"])
        .blocking_pick_file()
    else {
        return Ok(None);
    };
    let source = source.into_path().map_err(|_| CommandError::internal())?;
    let handle = app.clone();
    let status = on_vault(app, move |vault| -> Result<Status, CommandError> {
        let status = vault.restore(&source, &passphrase, replace, Instant::now())?;
        handle
            .state::<crate::state::AppState>()
            .rearm_on_arrival(vault);
        Ok(status)
    })
    .await?;
    Ok(Some(status))
}

/// `partner`'s private entries and the shared ones, as Markdown or JSON; with a passphrase, in
/// the age format. Without one the file is not encrypted, which the UI says before asking. While
/// the two sit together, `owner_passphrase` must be `partner`'s own.
#[tauri::command]
pub async fn export_entries<R: Runtime>(
    app: AppHandle<R>,
    partner: Partner,
    format: ExportFormat,
    passphrase: Option<String>,
    owner_passphrase: Option<String>,
) -> CommandResult<Option<String>> {
    let passphrase = passphrase.map(Zeroizing::new);
    let owner_passphrase = owner_passphrase.map(Zeroizing::new);
    let text = as_owner(
        app.clone(),
        partner,
        owner_passphrase,
        move |session| -> Result<String, JournalError> {
            let names =
                partners::names(session).map_err(|_: VaultError| JournalError::SpaceLocked)?;
            export::render(&export::entries_of(session, partner)?, &names, format)
        },
    )
    .await?;
    let bytes = match &passphrase {
        Some(passphrase) => export::seal(&text, passphrase, None)?,
        None => text.into_bytes(),
    };
    let extension = match passphrase {
        Some(_) => format!("{}.age", format.extension()),
        None => format.extension().to_string(),
    };
    let name = format!("hearth-journal.{extension}");
    let dialog = SaveDialog {
        title: "Save the export",
        file_name: &name,
        kind: "Journal export",
        extension: &extension,
    };
    save_as(&app, &dialog, &bytes)
}
