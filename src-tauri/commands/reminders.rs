//! Commands for together-time reminders. Every change puts the reminders in force anew (and in the
//! wake list), so they keep firing while Hearth is locked.

use chrono::{DateTime, Local, NaiveDateTime, Utc};
use hearth_core::reminders::ics;
use hearth_core::reminders::local_day::{end_of_day, start_of_month};
use hearth_core::reminders::prefs::{self, ReminderPrefs};
use hearth_core::reminders::scheduler::Snooze;
use hearth_core::reminders::store::{
    self, Outcome, PastTogetherTime, Reminder, ReminderDraft, ReminderKind, UpcomingTogetherTime,
};
use hearth_core::vault::Session;
use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime};

use super::{on_session, save_as, SaveDialog};
use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

/// Runs `job`, a change to the reminders, on the unlocked session, then puts them in force anew.
/// A date planned from an idea is such a change too.
pub(super) async fn changing_reminders<R, T, E, F>(app: AppHandle<R>, job: F) -> CommandResult<T>
where
    R: Runtime,
    T: Send + 'static,
    E: Into<CommandError>,
    F: FnOnce(&Session) -> Result<T, E> + Send + 'static,
{
    let handle = app.clone();
    on_session(app, move |session| -> Result<T, CommandError> {
        let value = job(session).map_err(Into::into)?;
        handle.state::<AppState>().rearm_reminders(session)?;
        Ok(value)
    })
    .await
}

#[tauri::command]
pub async fn list_reminders<R: Runtime>(app: AppHandle<R>) -> CommandResult<Vec<Reminder>> {
    on_session(app, store::list).await
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
    changing_reminders(app, move |s| store::create(s, &draft, Utc::now())).await
}

#[tauri::command]
pub async fn update_reminder<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    draft: ReminderDraft,
) -> CommandResult<Reminder> {
    changing_reminders(app, move |s| store::update(s, &id, &draft)).await
}

#[tauri::command]
pub async fn delete_reminder<R: Runtime>(app: AppHandle<R>, id: String) -> CommandResult<()> {
    changing_reminders(app, move |s| store::delete(s, &id)).await
}

#[tauri::command]
pub async fn record_together_time<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    occurrence: String,
    outcome: Outcome,
) -> CommandResult<()> {
    on_session(app, move |s| {
        let occurrence = store::parse_instant(&occurrence)?;
        store::record(s, &id, occurrence, outcome, Utc::now())
    })
    .await
}

/// Together-times kept from the first of this month (local time) until now: a positive count only.
#[tauri::command]
pub async fn kept_this_month<R: Runtime>(app: AppHandle<R>) -> CommandResult<u32> {
    on_session(app, |s| {
        let now = Utc::now();
        store::kept_between(s, start_of_month(now, &Local), now)
    })
    .await
}

#[tauri::command]
pub async fn next_together_time<R: Runtime>(
    app: AppHandle<R>,
) -> CommandResult<Option<UpcomingTogetherTime>> {
    on_session(app, |s| store::next_together_time(s, Utc::now())).await
}

#[tauri::command]
pub async fn recent_together_times<R: Runtime>(
    app: AppHandle<R>,
) -> CommandResult<Vec<PastTogetherTime>> {
    on_session(app, |s| store::recent_together_times(s, Utc::now(), 14)).await
}

#[tauri::command]
pub async fn get_reminder_prefs<R: Runtime>(app: AppHandle<R>) -> CommandResult<ReminderPrefs> {
    on_session(app, prefs::get).await
}

#[tauri::command]
pub async fn set_reminder_prefs<R: Runtime>(
    app: AppHandle<R>,
    prefs: ReminderPrefs,
) -> CommandResult<ReminderPrefs> {
    changing_reminders(app, move |s| {
        prefs::set(s, &prefs)?;
        prefs::get(s)
    })
    .await
}

/// What the reminders screen and the tray show: the next fire time and whether they are paused.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReminderStatus {
    next: Option<DateTime<Utc>>,
    paused_until: Option<DateTime<Utc>>,
    /// What a notification says when a reminder has no text of its own. The core owns these words
    /// (they leave Hearth in every notification); the editor shows them as its placeholder.
    default_text: &'static str,
}

fn status<R: Runtime>(app: &AppHandle<R>) -> CommandResult<ReminderStatus> {
    let now = Utc::now();
    let state = app.state::<AppState>();
    let live = state.reminders()?;
    Ok(ReminderStatus {
        next: live.next(now).map(|item| item.fire_at),
        paused_until: live.list().paused_until.filter(|_| live.paused(now)),
        default_text: store::DEFAULT_TEXT,
    })
}

#[tauri::command]
pub async fn reminder_status<R: Runtime>(app: AppHandle<R>) -> CommandResult<ReminderStatus> {
    status(&app)
}

#[tauri::command]
pub async fn pause_reminders_today<R: Runtime>(app: AppHandle<R>) -> CommandResult<ReminderStatus> {
    app.state::<AppState>()
        .change_reminders(|live| live.pause_until(end_of_day(Utc::now(), &Local)))?;
    status(&app)
}

#[tauri::command]
pub async fn resume_reminders<R: Runtime>(app: AppHandle<R>) -> CommandResult<ReminderStatus> {
    app.state::<AppState>()
        .change_reminders(|live| live.resume())?;
    status(&app)
}

#[tauri::command]
pub async fn snooze_reminders<R: Runtime>(
    app: AppHandle<R>,
    reminder_ids: Vec<String>,
    snooze: Snooze,
) -> CommandResult<ReminderStatus> {
    app.state::<AppState>()
        .change_reminders(|live| live.snooze(&reminder_ids, snooze, Utc::now()))?;
    status(&app)
}

/// Saves the together-times as an .ics file where the person chooses; `None` when they cancel.
#[tauri::command]
pub async fn export_ics<R: Runtime>(app: AppHandle<R>) -> CommandResult<Option<String>> {
    let text = on_session(app.clone(), |s| ics::export(&store::list(s)?, Utc::now())).await?;
    let dialog = SaveDialog {
        title: "Save the together-times for a calendar",
        file_name: "hearth-together-times.ics",
        kind: "Calendar",
        extension: "ics",
    };
    save_as(&app, &dialog, text.as_bytes())
}
