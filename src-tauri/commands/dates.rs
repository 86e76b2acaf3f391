//! Commands for date ideas: browsing them with filters, planning one into a reminder, and the
//! memory written afterwards.

use chrono::Utc;
use hearth_core::dates::store::{self, DatePlan, PlanRequest};
use hearth_core::dates::{library, DateFilter, DateIdea};
use tauri::{AppHandle, Runtime};

use super::on_session;
use super::reminders::changing_reminders;
use crate::error::CommandResult;

#[tauri::command]
pub async fn list_date_ideas(filter: DateFilter) -> CommandResult<Vec<DateIdea>> {
    Ok(library::ideas(&filter)?)
}

/// "Plan this": the reminder it makes is put in force at once, like any other.
#[tauri::command]
pub async fn plan_date<R: Runtime>(
    app: AppHandle<R>,
    request: PlanRequest,
) -> CommandResult<DatePlan> {
    changing_reminders(app, move |s| store::plan(s, &request, Utc::now())).await
}

#[tauri::command]
pub async fn list_date_plans<R: Runtime>(app: AppHandle<R>) -> CommandResult<Vec<DatePlan>> {
    on_session(app, |s| store::plans(s, 200)).await
}

#[tauri::command]
pub async fn remember_date<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    memory: String,
) -> CommandResult<DatePlan> {
    on_session(app, move |s| store::remember(s, id, &memory, Utc::now())).await
}
