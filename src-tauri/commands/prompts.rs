//! Commands for browsing prompts, the deals (date night, love maps, quick choices), the together
//! mode, and answers.

use chrono::{Local, Utc};
use hearth_core::prompts::store::{
    self, AnswerPair, Discussion, Filter, PromptDraft, TogetherNote,
};
use hearth_core::prompts::{Category, Level, Prompt, PromptsError};
use hearth_core::vault::{Partner, Session};
use tauri::{AppHandle, Runtime};

use super::on_session;
use crate::error::CommandResult;

/// Runs `job` on the unlocked session, after making sure the library copy is current.
pub(super) async fn on_prompts<R, T, F>(app: AppHandle<R>, job: F) -> CommandResult<T>
where
    R: Runtime,
    T: Send + 'static,
    F: FnOnce(&Session) -> Result<T, PromptsError> + Send + 'static,
{
    on_session(app, move |session: &Session| {
        store::sync_library(session)?;
        job(session)
    })
    .await
}

fn random_seed() -> u64 {
    let mut bytes = [0u8; 8];
    hearth_core::vault::crypto::fill_random(&mut bytes);
    u64::from_le_bytes(bytes)
}

#[tauri::command]
pub async fn list_prompts<R: Runtime>(
    app: AppHandle<R>,
    filter: Filter,
) -> CommandResult<Vec<Prompt>> {
    on_prompts(app, move |s| store::list(s, &filter)).await
}

#[tauri::command]
pub async fn set_favourite<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    on: bool,
) -> CommandResult<Prompt> {
    on_prompts(app, move |s| store::set_favourite(s, &id, on)).await
}

#[tauri::command]
pub async fn set_hidden<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    on: bool,
) -> CommandResult<Prompt> {
    on_prompts(app, move |s| store::set_hidden(s, &id, on)).await
}

#[tauri::command]
pub async fn add_prompt<R: Runtime>(
    app: AppHandle<R>,
    draft: PromptDraft,
) -> CommandResult<Prompt> {
    on_prompts(app, move |s| store::add_custom(s, &draft)).await
}

#[tauri::command]
pub async fn update_prompt<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    draft: PromptDraft,
) -> CommandResult<Prompt> {
    on_prompts(app, move |s| store::update_custom(s, &id, &draft)).await
}

#[tauri::command]
pub async fn delete_prompt<R: Runtime>(app: AppHandle<R>, id: String) -> CommandResult<()> {
    on_prompts(app, move |s| store::delete_custom(s, &id)).await
}

#[tauri::command]
pub async fn prompt_of_the_day<R: Runtime>(app: AppHandle<R>) -> CommandResult<Option<Prompt>> {
    on_prompts(app, |s| {
        store::prompt_of_the_day(s, Local::now().date_naive(), Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn deal_date_night<R: Runtime>(
    app: AppHandle<R>,
    theme: Option<Category>,
    level: Option<Level>,
) -> CommandResult<Vec<Prompt>> {
    let level = level.unwrap_or_default();
    on_prompts(app, move |s| {
        store::deal_date_night(s, theme, level, random_seed(), Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn swap_card<R: Runtime>(
    app: AppHandle<R>,
    theme: Option<Category>,
    level: Option<Level>,
    hand: Vec<String>,
    index: usize,
) -> CommandResult<Option<Prompt>> {
    let level = level.unwrap_or_default();
    on_prompts(app, move |s| {
        store::swap_card(s, theme, level, &hand, index, random_seed(), Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn deal_love_maps<R: Runtime>(app: AppHandle<R>) -> CommandResult<Vec<Prompt>> {
    on_prompts(app, |s| store::deal_love_maps(s, random_seed(), Utc::now())).await
}

#[tauri::command]
pub async fn deal_quick_choices<R: Runtime>(app: AppHandle<R>) -> CommandResult<Vec<Prompt>> {
    on_prompts(app, |s| {
        store::deal_quick_choices(s, random_seed(), Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn mark_discussed<R: Runtime>(app: AppHandle<R>, id: String) -> CommandResult<()> {
    on_prompts(app, move |s| store::mark_discussed(s, &id, Utc::now())).await
}

#[tauri::command]
pub async fn prompt_history<R: Runtime>(app: AppHandle<R>) -> CommandResult<Vec<Discussion>> {
    on_prompts(app, |s| store::history(s, 500)).await
}

#[tauri::command]
pub async fn save_answers<R: Runtime>(
    app: AppHandle<R>,
    prompt_id: String,
    first_partner: Partner,
    first_answer: String,
    second_answer: String,
) -> CommandResult<AnswerPair> {
    on_prompts(app, move |s| {
        store::save_answers(
            s,
            &prompt_id,
            first_partner,
            &first_answer,
            &second_answer,
            Utc::now(),
        )
    })
    .await
}

#[tauri::command]
pub async fn list_answers<R: Runtime>(app: AppHandle<R>) -> CommandResult<Vec<AnswerPair>> {
    on_prompts(app, |s| store::answers(s, 200)).await
}

#[tauri::command]
pub async fn save_together_note<R: Runtime>(
    app: AppHandle<R>,
    note: String,
    prompt_ids: Vec<String>,
) -> CommandResult<i64> {
    on_prompts(app, move |s| {
        store::save_together_note(s, &note, &prompt_ids, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn list_together_notes<R: Runtime>(
    app: AppHandle<R>,
) -> CommandResult<Vec<TogetherNote>> {
    on_prompts(app, |s| store::together_notes(s, 200)).await
}

#[tauri::command]
pub async fn set_resurface_months<R: Runtime>(
    app: AppHandle<R>,
    months: u32,
) -> CommandResult<u32> {
    on_prompts(app, move |s| {
        store::set_resurface_months(s, months)?;
        store::resurface_months(s)
    })
    .await
}
