//! Commands for together-time reminders. Every change rewrites the wake list, so reminders keep
//! firing while Hearth is locked.

use chrono::{Datelike, Local, NaiveDateTime, TimeZone, Utc};
use hearth_core::reminders::store::{self, Outcome, Reminder, ReminderDraft, ReminderKind};
use hearth_core::reminders::{wake_list, ReminderError};
use hearth_core::vault::{Session, Vault};
use tauri::{AppHandle, Runtime};

use super::on_vault_with;
use crate::error::{CommandError, CommandResult};

/// Runs `job` on the unlocked session, then refreshes the wake list when `changes` is set.
async fn on_reminders<R, T, F>(app: AppHandle<R>, changes: bool, job: F) -> CommandResult<T>
where
    R: Runtime,
    T: Send + 'static,
    F: FnOnce(&Session) -> Result<T, ReminderError> + Send + 'static,
{
    on_vault_with(app, move |vault: &mut Vault| -> Result<T, CommandError> {
        let session = vault.session()?;
        let value = job(session)?;
        if changes {
            wake_list::refresh(session, vault.dir(), Utc::now())?;
        }
        Ok(value)
    })
    .await
}

#[tauri::command]
pub async fn list_reminders<R: Runtime>(app: AppHandle<R>) -> CommandResult<Vec<Reminder>> {
    on_reminders(app, false, store::list).await
}

#[tauri::command]
pub async fn preset_rule(kind: ReminderKind, start_local: NaiveDateTime) -> CommandResult<String> {
    Ok(store::preset_rule(kind, start_local))
}

#[tauri::command]
pub async fn preview_reminder(draft: ReminderDraft) -> CommandResult<Vec<NaiveDateTime>> {
    Ok(store::preview(&draft, Utc::now(), 5)?)
}

#[tauri::command]
pub async fn create_reminder<R: Runtime>(
    app: AppHandle<R>,
    draft: ReminderDraft,
) -> CommandResult<Reminder> {
    on_reminders(app, true, move |s| store::create(s, &draft, Utc::now())).await
}

#[tauri::command]
pub async fn update_reminder<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    draft: ReminderDraft,
) -> CommandResult<Reminder> {
    on_reminders(app, true, move |s| store::update(s, &id, &draft)).await
}

#[tauri::command]
pub async fn delete_reminder<R: Runtime>(app: AppHandle<R>, id: String) -> CommandResult<()> {
    on_reminders(app, true, move |s| store::delete(s, &id)).await
}

#[tauri::command]
pub async fn record_together_time<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    occurrence: chrono::DateTime<Utc>,
    outcome: Outcome,
) -> CommandResult<()> {
    on_reminders(app, false, move |s| {
        store::record(s, &id, occurrence, outcome, Utc::now())
    })
    .await
}

/// Together-times kept from the first of this month (local time) until now: a positive count only.
#[tauri::command]
pub async fn kept_this_month<R: Runtime>(app: AppHandle<R>) -> CommandResult<u32> {
    on_reminders(app, false, |s| {
        let today = Local::now().date_naive();
        let first = today
            .with_day(1)
            .unwrap_or(today)
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default();
        let since = Local
            .from_local_datetime(&first)
            .earliest()
            .map(|d| d.with_timezone(&Utc))
            .unwrap_or_else(Utc::now);
        store::kept_between(s, since, Utc::now())
    })
    .await
}
