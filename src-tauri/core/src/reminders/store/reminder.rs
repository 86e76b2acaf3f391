//! A reminder: its draft and the checks on it, its row in `shared.db`, and a preview of when it
//! comes next.

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::invalid;
use super::kind::ReminderKind;
use crate::reminders::error::{ReminderError, Result};
use crate::reminders::recurrence::Recurrence;
use crate::vault::Session;

pub const DEFAULT_TEXT: &str = "Time for the two of you";
pub const LEAD_CHOICES: [u32; 4] = [0, 5, 15, 60];
const MAX_TITLE_CHARS: usize = 120;
const MAX_TEXT_CHARS: usize = 80;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReminderDraft {
    pub kind: ReminderKind,
    pub title: String,
    #[serde(default)]
    pub notification_text: Option<String>,
    pub rule: String,
    pub zone: String,
    pub start_local: NaiveDateTime,
    pub lead_minutes: u32,
    pub duration_minutes: u32,
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    pub id: String,
    pub kind: ReminderKind,
    pub title: String,
    pub notification_text: String,
    pub rule: String,
    pub zone: String,
    pub start_local: NaiveDateTime,
    pub lead_minutes: u32,
    pub duration_minutes: u32,
    pub active: bool,
}

impl Reminder {
    pub fn recurrence(&self) -> Result<Recurrence> {
        Recurrence::new(&self.rule, &self.zone, self.start_local)
    }
}

/// Checks a draft and returns its notification text (the discreet default when left empty).
fn check(draft: &ReminderDraft) -> Result<String> {
    let title = draft.title.trim();
    if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
        return Err(invalid("Give the reminder a title of up to 120 characters. Only you two see it, inside Hearth."));
    }
    let text = draft
        .notification_text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .unwrap_or(DEFAULT_TEXT);
    if text.chars().count() > MAX_TEXT_CHARS || text.chars().any(char::is_control) {
        return Err(invalid(
            "Keep the notification text to one short line (80 characters at most).",
        ));
    }
    if !LEAD_CHOICES.contains(&draft.lead_minutes) {
        return Err(invalid("Remind 0, 5, 15 or 60 minutes before."));
    }
    if draft.duration_minutes > 1440 {
        return Err(invalid("A together-time lasts a day at most."));
    }
    Recurrence::new(&draft.rule, &draft.zone, draft.start_local)?;
    Ok(text.to_string())
}

const COLUMNS: &str =
    "id, kind, title, notification_text, rule, zone, start_local, lead_minutes, duration_minutes, active";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Reminder> {
    let kind: String = row.get(1)?;
    Ok(Reminder {
        id: row.get(0)?,
        kind: ReminderKind::from_key(&kind).unwrap_or(ReminderKind::OneOff),
        title: row.get(2)?,
        notification_text: row.get(3)?,
        rule: row.get(4)?,
        zone: row.get(5)?,
        start_local: row.get(6)?,
        lead_minutes: row.get(7)?,
        duration_minutes: row.get(8)?,
        active: row.get(9)?,
    })
}

pub fn create(session: &Session, draft: &ReminderDraft, now: DateTime<Utc>) -> Result<Reminder> {
    let text = check(draft)?;
    let mut raw = [0u8; 8];
    crate::vault::crypto::fill_random(&mut raw);
    let id = format!("rem-{}", crate::vault::hex::encode(&raw));
    session
        .conn()
        .execute(
            &format!("INSERT INTO main.reminders ({COLUMNS}, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"),
            params![id, draft.kind.key(), draft.title.trim(), text, draft.rule.trim(), draft.zone,
                draft.start_local, draft.lead_minutes, draft.duration_minutes, draft.active, now],
        )
        ?;
    get(session, &id)
}

pub fn update(session: &Session, id: &str, draft: &ReminderDraft) -> Result<Reminder> {
    let text = check(draft)?;
    let changed = session
        .conn()
        .execute(
            "UPDATE main.reminders SET kind = ?2, title = ?3, notification_text = ?4, rule = ?5, zone = ?6,
             start_local = ?7, lead_minutes = ?8, duration_minutes = ?9, active = ?10 WHERE id = ?1",
            params![id, draft.kind.key(), draft.title.trim(), text, draft.rule.trim(), draft.zone,
                draft.start_local, draft.lead_minutes, draft.duration_minutes, draft.active],
        )
        ?;
    if changed == 0 {
        return Err(ReminderError::NotFound);
    }
    get(session, id)
}

pub fn delete(session: &Session, id: &str) -> Result<()> {
    let deleted = session
        .conn()
        .execute("DELETE FROM main.reminders WHERE id = ?1", [id])?;
    if deleted == 0 {
        return Err(ReminderError::NotFound);
    }
    Ok(())
}

pub fn get(session: &Session, id: &str) -> Result<Reminder> {
    session
        .conn()
        .query_row(
            &format!("SELECT {COLUMNS} FROM main.reminders WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or(ReminderError::NotFound)
}

pub fn list(session: &Session) -> Result<Vec<Reminder>> {
    let mut statement = session.conn().prepare(&format!(
        "SELECT {COLUMNS} FROM main.reminders ORDER BY created_at, id"
    ))?;
    let rows = statement.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The next occurrences of a draft as wall-clock times in its zone, for the editor's preview.
pub fn preview(
    draft: &ReminderDraft,
    now: DateTime<Utc>,
    count: u16,
) -> Result<Vec<NaiveDateTime>> {
    let recurrence = Recurrence::new(&draft.rule, &draft.zone, draft.start_local)?;
    let tz: chrono_tz::Tz = draft
        .zone
        .parse()
        .map_err(|_| ReminderError::UnknownZone(draft.zone.clone()))?;
    Ok(recurrence
        .after(now, count)?
        .into_iter()
        .map(|at| at.with_timezone(&tz).naive_local())
        .collect())
}
