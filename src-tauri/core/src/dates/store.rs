//! Plans in `shared.db`: a date idea planned into a one-off together-time reminder (which the
//! reminders list, the notifications and the .ics export then carry like any other), and the
//! optional one-line memory written after the date.

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::error::{DatesError, Result};
use super::library;
use crate::reminders::store::{self as reminders, preset_rule, ReminderDraft, ReminderKind};
use crate::vault::Session;

pub const MAX_MEMORY_CHARS: usize = 200;

/// When and how to be reminded of a planned date.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanRequest {
    pub idea_id: String,
    pub start_local: NaiveDateTime,
    pub zone: String,
    pub lead_minutes: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DatePlan {
    pub id: i64,
    pub idea_id: String,
    pub idea_title: String,
    pub reminder_id: String,
    pub planned_for: NaiveDateTime,
    pub starts_at: DateTime<Utc>,
    pub memory: Option<String>,
    pub remembered_at: Option<DateTime<Utc>>,
}

const COLUMNS: &str =
    "id, idea_id, idea_title, reminder_id, planned_for, starts_at, memory, remembered_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<DatePlan> {
    Ok(DatePlan {
        id: r.get(0)?,
        idea_id: r.get(1)?,
        idea_title: r.get(2)?,
        reminder_id: r.get(3)?,
        planned_for: r.get(4)?,
        starts_at: r.get(5)?,
        memory: r.get(6)?,
        remembered_at: r.get(7)?,
    })
}

fn get(session: &Session, id: i64) -> Result<DatePlan> {
    session
        .conn()
        .query_row(
            &format!("SELECT {COLUMNS} FROM main.date_plans WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or(DatesError::NotFound)
}

/// "Plan this": makes a one-off reminder titled after the idea, lasting as long as the idea takes,
/// and records the plan. The reminder and the plan are written together or not at all.
pub fn plan(session: &Session, request: &PlanRequest, now: DateTime<Utc>) -> Result<DatePlan> {
    let idea = library::idea(&request.idea_id)?;
    let draft = ReminderDraft {
        kind: ReminderKind::OneOff,
        title: idea.title.clone(),
        notification_text: None,
        rule: preset_rule(ReminderKind::OneOff, request.start_local),
        zone: request.zone.clone(),
        start_local: request.start_local,
        lead_minutes: request.lead_minutes,
        duration_minutes: idea.minutes,
        active: true,
    };
    let tx = session.conn().unchecked_transaction()?;
    let reminder = reminders::create(session, &draft, now)?;
    let starts_at = reminder.recurrence()?.first_instant()?.with_timezone(&Utc);
    if starts_at <= now {
        // Dropping the transaction undoes the reminder too.
        return Err(DatesError::InvalidInput(
            "Choose a time that hasn't passed yet.".into(),
        ));
    }
    tx.execute(
        "INSERT INTO main.date_plans (idea_id, idea_title, reminder_id, planned_for, starts_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![idea.id, idea.title, reminder.id, request.start_local, starts_at, now],
    )?;
    let id = tx.last_insert_rowid();
    tx.commit()?;
    get(session, id)
}

/// Plans, the latest date first.
pub fn plans(session: &Session, limit: u32) -> Result<Vec<DatePlan>> {
    let mut statement = session.conn().prepare(&format!(
        "SELECT {COLUMNS} FROM main.date_plans ORDER BY starts_at DESC, id DESC LIMIT ?1"
    ))?;
    let rows = statement.query_map([limit], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Keeps a one-line memory of a date once it has begun; an empty line takes the memory away.
pub fn remember(session: &Session, id: i64, memory: &str, now: DateTime<Utc>) -> Result<DatePlan> {
    let plan = get(session, id)?;
    if now < plan.starts_at {
        return Err(DatesError::InvalidInput(
            "You can add a memory once the date has begun.".into(),
        ));
    }
    let memory = memory.trim();
    if memory.chars().count() > MAX_MEMORY_CHARS || memory.chars().any(char::is_control) {
        return Err(DatesError::InvalidInput(format!(
            "A memory is one line of up to {MAX_MEMORY_CHARS} characters."
        )));
    }
    let (memory, at) = if memory.is_empty() {
        (None, None)
    } else {
        (Some(memory), Some(now))
    };
    session.conn().execute(
        "UPDATE main.date_plans SET memory = ?2, remembered_at = ?3 WHERE id = ?1",
        params![id, memory, at],
    )?;
    get(session, id)
}
