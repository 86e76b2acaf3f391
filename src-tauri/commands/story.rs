//! Commands for the couple's story: milestones, dreams, the timeline and "on this day".

use chrono::{Local, NaiveDate, NaiveTime, Utc};
use hearth_core::story::{
    dreams, milestones, timeline, Dream, DreamDraft, Milestone, MilestoneDraft, OnThisDay,
    StoryItem,
};
use hearth_core::vault::Space;
use tauri::{AppHandle, Runtime};

use super::on_session;
use super::reminders::changing_reminders;
use crate::error::CommandResult;

#[tauri::command]
pub async fn list_milestones<R: Runtime>(app: AppHandle<R>) -> CommandResult<Vec<Milestone>> {
    on_session(app, milestones::list).await
}

#[tauri::command]
pub async fn add_milestone<R: Runtime>(
    app: AppHandle<R>,
    space: Space,
    draft: MilestoneDraft,
) -> CommandResult<Milestone> {
    on_session(app, move |s| milestones::add(s, space, &draft, Utc::now())).await
}

#[tauri::command]
pub async fn delete_milestone<R: Runtime>(
    app: AppHandle<R>,
    space: Space,
    id: i64,
) -> CommandResult<()> {
    on_session(app, move |s| milestones::delete(s, space, id)).await
}

/// "Remind us every year": the reminder is put in force at once, like any other.
#[tauri::command]
pub async fn remind_milestone_yearly<R: Runtime>(
    app: AppHandle<R>,
    space: Space,
    id: i64,
    time: NaiveTime,
    zone: String,
) -> CommandResult<Milestone> {
    changing_reminders(app, move |s| {
        let today = Local::now().date_naive();
        milestones::remind_yearly(s, space, id, time, &zone, today, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn list_dreams<R: Runtime>(app: AppHandle<R>) -> CommandResult<Vec<Dream>> {
    on_session(app, dreams::list).await
}

#[tauri::command]
pub async fn add_dream<R: Runtime>(app: AppHandle<R>, draft: DreamDraft) -> CommandResult<Dream> {
    on_session(app, move |s| dreams::add(s, &draft, Utc::now())).await
}

/// "We did it": the dream joins the timeline on `day`.
#[tauri::command]
pub async fn reach_dream<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    day: NaiveDate,
    note: String,
) -> CommandResult<Dream> {
    on_session(app, move |s| dreams::reach(s, id, day, &note)).await
}

#[tauri::command]
pub async fn reopen_dream<R: Runtime>(app: AppHandle<R>, id: i64) -> CommandResult<Dream> {
    on_session(app, move |s| dreams::reopen(s, id)).await
}

#[tauri::command]
pub async fn delete_dream<R: Runtime>(app: AppHandle<R>, id: i64) -> CommandResult<()> {
    on_session(app, move |s| dreams::delete(s, id)).await
}

#[tauri::command]
pub async fn story_timeline<R: Runtime>(app: AppHandle<R>) -> CommandResult<Vec<StoryItem>> {
    on_session(app, |s| timeline::timeline(s, &Local, Utc::now())).await
}

#[tauri::command]
pub async fn on_this_day<R: Runtime>(app: AppHandle<R>) -> CommandResult<OnThisDay> {
    on_session(app, |s| {
        timeline::on_this_day(s, Local::now().date_naive(), &Local, Utc::now())
    })
    .await
}
