//! Commands for love maps: saving a round to the shared history, reading it, and the
//! "Still true?" round.

use chrono::Utc;
use hearth_core::prompts::store::{self, LoveMap, LoveMapRound};
use tauri::{AppHandle, Runtime};

use super::prompts::on_prompts;
use crate::error::CommandResult;

#[tauri::command]
pub async fn save_love_map<R: Runtime>(
    app: AppHandle<R>,
    round: LoveMapRound,
) -> CommandResult<LoveMap> {
    on_prompts(app, move |s| store::save_love_map(s, &round, Utc::now())).await
}

#[tauri::command]
pub async fn list_love_maps<R: Runtime>(app: AppHandle<R>) -> CommandResult<Vec<LoveMap>> {
    on_prompts(app, |s| store::love_maps(s, 500)).await
}

#[tauri::command]
pub async fn still_true_round<R: Runtime>(app: AppHandle<R>) -> CommandResult<Vec<LoveMap>> {
    on_prompts(app, |s| store::still_true_round(s, Utc::now(), 5)).await
}

/// `changed` is the new answer; without one, the old answer still holds.
#[tauri::command]
pub async fn answer_still_true<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    changed: Option<String>,
) -> CommandResult<LoveMap> {
    on_prompts(app, move |s| {
        store::answer_still_true(s, id, changed.as_deref(), Utc::now())
    })
    .await
}
