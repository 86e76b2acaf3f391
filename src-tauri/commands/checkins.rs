//! Commands for the check-in, the four-enemies reflection, repair agreements and gesture ideas.

use chrono::{Local, Utc};
use hearth_core::checkins::reflection::{self, Enemy, ReflectionTopic};
use hearth_core::checkins::repair::{self, Agreement, ConflictDreams};
use hearth_core::checkins::{store, CheckinError, CheckinState, Ratings, RevealedWeek, Week};
use hearth_core::journal::Entry;
use hearth_core::prompts::gestures::{self, Gestures};
use hearth_core::vault::Partner;
use serde::Serialize;
use tauri::{AppHandle, Runtime};

use super::on_session;
use crate::error::CommandResult;

/// The week a check-in is for, by the local calendar.
fn this_week() -> Week {
    Week::of(Local::now().date_naive())
}

#[tauri::command]
pub async fn checkin_state<R: Runtime>(app: AppHandle<R>) -> CommandResult<CheckinState> {
    on_session(app, |s| store::state(s, &this_week())).await
}

#[tauri::command]
pub async fn answer_checkin<R: Runtime>(
    app: AppHandle<R>,
    partner: Partner,
    ratings: Ratings,
    note: String,
) -> CommandResult<CheckinState> {
    on_session(app, move |s| {
        store::answer(s, partner, &this_week(), ratings, &note, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn checkin_trends<R: Runtime>(app: AppHandle<R>) -> CommandResult<Vec<RevealedWeek>> {
    on_session(app, |s| store::trends(s, 26)).await
}

#[tauri::command]
pub async fn reflection_topics() -> CommandResult<Vec<ReflectionTopic>> {
    Ok(reflection::topics())
}

#[tauri::command]
pub async fn save_reflection<R: Runtime>(
    app: AppHandle<R>,
    partner: Partner,
    enemy: Enemy,
    body: String,
) -> CommandResult<Entry> {
    on_session(app, move |s| {
        reflection::save(s, partner, enemy, &body, Local::now().date_naive())
    })
    .await
}

#[tauri::command]
pub async fn save_agreement<R: Runtime>(
    app: AppHandle<R>,
    agreement: String,
    dreams: Option<ConflictDreams>,
) -> CommandResult<Agreement> {
    let dreams = dreams.unwrap_or_default();
    on_session(app, move |s| {
        repair::save(s, &agreement, &dreams, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn list_agreements<R: Runtime>(app: AppHandle<R>) -> CommandResult<Vec<Agreement>> {
    on_session(app, |s| repair::list(s, 20)).await
}

#[tauri::command]
pub async fn list_gestures() -> CommandResult<&'static Gestures> {
    Ok(gestures::builtin()?)
}

/// What the home screen offers beyond today's prompt: whether this week's check-in waits for the
/// partner unlocked now.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckinDue {
    pub due: bool,
    pub week: Week,
}

#[tauri::command]
pub async fn checkin_due<R: Runtime>(app: AppHandle<R>) -> CommandResult<CheckinDue> {
    on_session(app, |s| -> Result<CheckinDue, CheckinError> {
        let week = this_week();
        Ok(CheckinDue {
            due: store::due_for(s, &week)?,
            week,
        })
    })
    .await
}
