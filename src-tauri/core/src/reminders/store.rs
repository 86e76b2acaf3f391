//! Reminders in `shared.db`: create, edit, pause and delete them, preview their next occurrences,
//! record together-times kept or skipped, and compute the wake list from the active ones.

use chrono::{DateTime, Datelike, Duration, NaiveDateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::error::{ReminderError, Result};
use super::recurrence::Recurrence;
use super::scheduler::WakeItem;
use crate::vault::Session;

pub const DEFAULT_TEXT: &str = "Time for the two of you";
pub const LEAD_CHOICES: [u32; 4] = [0, 5, 15, 60];
const MAX_TITLE_CHARS: usize = 120;
const MAX_TEXT_CHARS: usize = 80;
/// How far ahead the wake list looks, and how many fire times it keeps per reminder: enough for a
/// daily nudge to last the whole horizon while Hearth stays locked.
const WAKE_HORIZON_DAYS: i64 = 60;
const WAKE_PER_REMINDER: u16 = 62;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    WeeklySlot,
    MonthlyDate,
    DailyPrompt,
    Appreciation,
    OneOff,
    Yearly,
}

impl ReminderKind {
    const ALL: [ReminderKind; 6] = [
        ReminderKind::WeeklySlot,
        ReminderKind::MonthlyDate,
        ReminderKind::DailyPrompt,
        ReminderKind::Appreciation,
        ReminderKind::OneOff,
        ReminderKind::Yearly,
    ];

    fn key(self) -> &'static str {
        match self {
            ReminderKind::WeeklySlot => "weekly_slot",
            ReminderKind::MonthlyDate => "monthly_date",
            ReminderKind::DailyPrompt => "daily_prompt",
            ReminderKind::Appreciation => "appreciation",
            ReminderKind::OneOff => "one_off",
            ReminderKind::Yearly => "yearly",
        }
    }

    fn from_key(key: &str) -> Option<ReminderKind> {
        ReminderKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// Ready-made rules for the editor, as RRULE values starting from `start`.
pub fn preset_rule(kind: ReminderKind, start: NaiveDateTime) -> String {
    let day =
        ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][start.weekday().num_days_from_monday() as usize];
    let nth = (start.day() - 1) / 7 + 1;
    match kind {
        ReminderKind::WeeklySlot => format!("FREQ=WEEKLY;BYDAY={day}"),
        ReminderKind::MonthlyDate => format!("FREQ=MONTHLY;BYDAY={nth}{day}"),
        ReminderKind::DailyPrompt => "FREQ=DAILY".into(),
        ReminderKind::Appreciation => format!("FREQ=WEEKLY;BYDAY={day}"),
        ReminderKind::OneOff => "FREQ=DAILY;COUNT=1".into(),
        ReminderKind::Yearly => "FREQ=YEARLY".into(),
    }
}

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

fn invalid(message: &str) -> ReminderError {
    ReminderError::InvalidInput(message.to_string())
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

/// Fire times of every active reminder in the coming weeks (occurrence minus lead time), with the
/// discreet text only: this is what goes into the wake list.
pub fn wake_items(session: &Session, now: DateTime<Utc>) -> Result<Vec<WakeItem>> {
    let horizon = now + Duration::days(WAKE_HORIZON_DAYS);
    let mut items = Vec::new();
    for reminder in list(session)?.into_iter().filter(|r| r.active) {
        let lead = Duration::minutes(i64::from(reminder.lead_minutes));
        for occurrence in reminder
            .recurrence()?
            .after(now + lead, WAKE_PER_REMINDER)?
        {
            if occurrence > horizon {
                break;
            }
            items.push(WakeItem {
                fire_at: occurrence - lead,
                reminder_id: reminder.id.clone(),
                text: reminder.notification_text.clone(),
            });
        }
    }
    items.sort();
    Ok(items)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Kept,
    Skipped,
}

/// An instant as the UI sends it (RFC 3339). Text that is no date Hearth can hold (a year beyond
/// what a date can hold, say) is refused in plain words.
pub fn parse_instant(text: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|at| at.with_timezone(&Utc))
        .map_err(|_| invalid("That date and time can't be used. Pick one from the list."))
}

/// Marks one occurrence kept or skipped; marking it again replaces the answer.
pub fn record(
    session: &Session,
    id: &str,
    occurrence: DateTime<Utc>,
    outcome: Outcome,
    now: DateTime<Utc>,
) -> Result<()> {
    let not_begun = || invalid("Only a together-time that has already begun can be marked.");
    let reminder = get(session, id)?;
    // Checked: a date from the UI may sit at the very edge of what a date can hold.
    let just_before = occurrence
        .checked_sub_signed(Duration::seconds(1))
        .ok_or_else(not_begun)?;
    if occurrence > now {
        return Err(not_begun());
    }
    let is_occurrence = reminder.recurrence()?.after(just_before, 1)?.first() == Some(&occurrence);
    if !is_occurrence {
        return Err(not_begun());
    }
    let outcome = match outcome {
        Outcome::Kept => "kept",
        Outcome::Skipped => "skipped",
    };
    session
        .conn()
        .execute(
            "INSERT INTO main.together_times (reminder_id, occurrence, outcome, recorded_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (reminder_id, occurrence) DO UPDATE SET outcome = excluded.outcome, recorded_at = excluded.recorded_at",
            params![id, occurrence, outcome, now],
        )
        ?;
    Ok(())
}

/// Together-times kept in [from, until): a positive count, never a streak.
pub fn kept_between(session: &Session, from: DateTime<Utc>, until: DateTime<Utc>) -> Result<u32> {
    Ok(session.conn().query_row(
        "SELECT count(*) FROM main.together_times
         WHERE outcome = 'kept' AND occurrence >= ?1 AND occurrence < ?2",
        [from, until],
        |r| r.get(0),
    )?)
}

impl ReminderKind {
    /// Time the two spend together, as opposed to a nudge: these can be kept, and go to calendars.
    pub fn is_together_time(self) -> bool {
        matches!(
            self,
            ReminderKind::WeeklySlot
                | ReminderKind::MonthlyDate
                | ReminderKind::OneOff
                | ReminderKind::Yearly
        )
    }
}

/// A together-time that has begun, with what the couple said of it, if anything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PastTogetherTime {
    pub reminder_id: String,
    pub title: String,
    pub occurrence: DateTime<Utc>,
    pub outcome: Option<Outcome>,
}

/// Together-times that began in the last `days` days, newest first, so they can be marked.
pub fn recent_together_times(
    session: &Session,
    now: DateTime<Utc>,
    days: i64,
) -> Result<Vec<PastTogetherTime>> {
    let since = now - Duration::days(days);
    let mut past = Vec::new();
    for reminder in list(session)?
        .into_iter()
        .filter(|r| r.kind.is_together_time())
    {
        for occurrence in reminder.recurrence()?.after(since, 64)? {
            if occurrence > now {
                break;
            }
            let outcome: Option<String> = session
                .conn()
                .query_row(
                    "SELECT outcome FROM main.together_times WHERE reminder_id = ?1 AND occurrence = ?2",
                    params![reminder.id, occurrence],
                    |r| r.get(0),
                )
                .optional()
                ?;
            past.push(PastTogetherTime {
                reminder_id: reminder.id.clone(),
                title: reminder.title.clone(),
                occurrence,
                outcome: outcome.map(|o| {
                    if o == "kept" {
                        Outcome::Kept
                    } else {
                        Outcome::Skipped
                    }
                }),
            });
        }
    }
    past.sort_by_key(|t| std::cmp::Reverse(t.occurrence));
    Ok(past)
}

/// The next together-time to come: what the home screen counts down to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpcomingTogetherTime {
    pub reminder_id: String,
    pub title: String,
    pub starts_at: DateTime<Utc>,
}

/// The soonest start after `now` among the active together-times (nudges are not together-times).
pub fn next_together_time(
    session: &Session,
    now: DateTime<Utc>,
) -> Result<Option<UpcomingTogetherTime>> {
    let mut soonest: Option<UpcomingTogetherTime> = None;
    for reminder in list(session)?
        .into_iter()
        .filter(|r| r.active && r.kind.is_together_time())
    {
        let Some(starts_at) = reminder.recurrence()?.after(now, 1)?.into_iter().next() else {
            continue;
        };
        if soonest.as_ref().is_none_or(|s| starts_at < s.starts_at) {
            soonest = Some(UpcomingTogetherTime {
                reminder_id: reminder.id,
                title: reminder.title,
                starts_at,
            });
        }
    }
    Ok(soonest)
}
