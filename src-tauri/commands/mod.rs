//! Thin IPC adapters: each command unpacks its arguments, calls `hearth-core`, and maps the error.
//! Vault work (Argon2id, SQLCipher) runs on the blocking pool so the window never freezes.

mod about;
mod app;
mod backup;
mod checkins;
mod consent;
mod dates;
mod journal;
mod love_maps;
/// The one list of command names (`build.rs` includes it too, so its doc sits on the list).
pub mod names;
mod prompts;
mod reminders;
mod rituals;
mod settings;
mod story;
mod sync;
mod vault;

use hearth_core::vault::{Partner, Session, Vault, VaultError};
use tauri::{AppHandle, Manager, Runtime};
use zeroize::Zeroizing;

use crate::error::{CommandError, CommandResult};
use crate::state::AppState;
use crate::sync_passes::Ask;

pub fn handler<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        app::first_screen_shown,
        vault::vault_status,
        vault::setup_couple,
        vault::unlock,
        vault::add_partner,
        vault::open_private,
        vault::close_private,
        vault::leave_session,
        vault::lock,
        vault::change_passphrase,
        vault::reset_passphrase,
        vault::new_recovery_code,
        settings::get_settings,
        settings::set_auto_lock,
        settings::set_lock_on_close,
        settings::note_activity,
        settings::get_autostart,
        settings::set_autostart,
        prompts::list_prompts,
        prompts::set_favourite,
        prompts::set_hidden,
        prompts::add_prompt,
        prompts::update_prompt,
        prompts::delete_prompt,
        prompts::prompt_of_the_day,
        prompts::deal_date_night,
        prompts::swap_card,
        prompts::deal_love_maps,
        prompts::deal_quick_choices,
        love_maps::save_love_map,
        love_maps::list_love_maps,
        love_maps::still_true_round,
        love_maps::answer_still_true,
        dates::list_date_ideas,
        dates::plan_date,
        dates::list_date_plans,
        dates::remember_date,
        prompts::mark_discussed,
        prompts::prompt_history,
        prompts::save_answers,
        prompts::list_answers,
        prompts::save_together_note,
        prompts::list_together_notes,
        consent::consent_status,
        consent::set_consent,
        consent::set_spice,
        prompts::set_resurface_months,
        reminders::list_reminders,
        reminders::preset_rule,
        reminders::preview_reminder,
        reminders::create_reminder,
        reminders::update_reminder,
        reminders::delete_reminder,
        reminders::record_together_time,
        reminders::kept_this_month,
        reminders::recent_together_times,
        reminders::next_together_time,
        reminders::get_reminder_prefs,
        reminders::set_reminder_prefs,
        reminders::reminder_status,
        reminders::pause_reminders_today,
        reminders::resume_reminders,
        reminders::snooze_reminders,
        reminders::export_ics,
        journal::list_entries,
        journal::get_entry,
        journal::create_entry,
        journal::update_entry,
        journal::delete_entry,
        journal::undo_delete_entry,
        journal::share_entry,
        journal::search_entries,
        journal::entry_tags,
        journal::entry_prompts,
        checkins::checkin_state,
        checkins::answer_checkin,
        checkins::checkin_trends,
        checkins::checkin_due,
        checkins::reflection_topics,
        checkins::save_reflection,
        checkins::save_agreement,
        checkins::list_agreements,
        checkins::list_gestures,
        rituals::add_appreciation,
        rituals::list_appreciations,
        rituals::appreciation_of_the_day,
        rituals::exchange_state,
        rituals::write_exchange,
        rituals::reveal_exchange,
        rituals::care_state,
        rituals::answer_care,
        rituals::care_suggestions,
        rituals::record_stress_talk,
        rituals::home_suggestion,
        story::list_milestones,
        story::add_milestone,
        story::delete_milestone,
        story::remind_milestone_yearly,
        story::list_dreams,
        story::add_dream,
        story::reach_dream,
        story::reopen_dream,
        story::delete_dream,
        story::story_timeline,
        story::on_this_day,
        about::about_hearth,
        backup::backup_vault,
        backup::restore_backup,
        backup::export_entries,
        sync::sync_status,
        sync::choose_sync_folder,
        sync::start_sync,
        sync::read_pairing,
        sync::join_sync,
        sync::sync_now,
        sync::entry_revisions,
        sync::forget_laptop,
        sync::stop_pairing,
    ]
}

/// Runs `job` on the vault off the async runtime, counting the call as activity for auto-lock.
/// Every command that touches the vault goes through here (or the two helpers below, built on it).
async fn on_vault<R, T, E, F>(app: AppHandle<R>, job: F) -> CommandResult<T>
where
    R: Runtime,
    T: Send + 'static,
    E: Into<CommandError>,
    F: FnOnce(&mut Vault) -> Result<T, E> + Send + 'static,
{
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        state.touch()?;
        let mut vault = state.vault()?;
        let done = job(&mut vault).map_err(Into::into);
        // Damage the unlock's background check found locks the vault and is what the couple
        // hears, whatever the command was: a write it refused failed for that reason.
        let damage = vault.damage_found().map_err(CommandError::from);
        drop(vault);
        if damage.is_err() {
            state.after_lock();
        }
        let done = damage.and(done);
        // Asleep while locked; this command may have unlocked, or changed what the other laptop
        // should receive.
        state.ask_for_sync(Ask::Command);
        done
    })
    .await
    .map_err(|_| CommandError::internal())?
}

/// As [`on_vault`], for jobs that need the unlocked session; a locked vault becomes the
/// domain's own "locked" error.
async fn on_session<R, T, E, F>(app: AppHandle<R>, job: F) -> CommandResult<T>
where
    R: Runtime,
    T: Send + 'static,
    E: From<VaultError> + Into<CommandError>,
    F: FnOnce(&Session) -> Result<T, E> + Send + 'static,
{
    on_vault(app, move |vault| job(vault.session().map_err(E::from)?)).await
}

/// Runs `job` as `owner` (see `Vault::as_owner`): unlocked alone, or confirmed by `passphrase`
/// while the two sit together.
async fn as_owner<R, T, E, F>(
    app: AppHandle<R>,
    owner: Partner,
    passphrase: Option<Zeroizing<String>>,
    job: F,
) -> CommandResult<T>
where
    R: Runtime,
    T: Send + 'static,
    E: Into<CommandError>,
    F: FnOnce(&Session) -> Result<T, E> + Send + 'static,
{
    on_vault(app, move |vault| -> CommandResult<T> {
        let passphrase = passphrase.as_deref().map(String::as_str);
        vault
            .as_owner(owner, passphrase, std::time::Instant::now(), job)?
            .map_err(Into::into)
    })
    .await
}

/// What the save dialog shows: its title, the file name it proposes, and the kind of file.
pub(crate) struct SaveDialog<'a> {
    pub title: &'a str,
    pub file_name: &'a str,
    pub kind: &'a str,
    pub extension: &'a str,
}

/// Asks where to save with the system's dialog; `None` when the person cancels. The webview never
/// names a path itself.
fn choose_save_path<R: Runtime>(
    app: &AppHandle<R>,
    dialog: &SaveDialog,
) -> CommandResult<Option<std::path::PathBuf>> {
    use tauri_plugin_dialog::DialogExt;
    if app.try_state::<tauri_plugin_dialog::Dialog<R>>().is_none() {
        return Err(CommandError::unavailable("Choosing a file"));
    }
    app.dialog()
        .file()
        .set_title(dialog.title)
        .set_file_name(dialog.file_name)
        .add_filter(dialog.kind, &[dialog.extension])
        .blocking_save_file()
        .map(|path| path.into_path().map_err(|_| CommandError::internal()))
        .transpose()
}

/// Saves `bytes` where the person chooses, and says where; `None` when they cancel.
fn save_as<R: Runtime>(
    app: &AppHandle<R>,
    dialog: &SaveDialog,
    bytes: &[u8],
) -> CommandResult<Option<String>> {
    let Some(target) = choose_save_path(app, dialog)? else {
        return Ok(None);
    };
    let folder = target.parent().unwrap_or(std::path::Path::new("."));
    let name = target
        .file_name()
        .and_then(|name| name.to_str())
        .ok_or_else(|| CommandError {
            kind: "invalid_input".into(),
            message: "Choose a file name that is plain text.".into(),
        })?;
    hearth_core::files::write_atomic(folder, name, bytes).map_err(|err| CommandError {
        kind: "io".into(),
        message: format!("The file could not be saved to {}: {err}", target.display()),
    })?;
    Ok(Some(target.display().to_string()))
}
