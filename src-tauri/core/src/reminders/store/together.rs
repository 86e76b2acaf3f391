//! Together-times: marking one kept or skipped, the kept count for a span, the recent ones to
//! mark, and the next one to come.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::invalid;
use super::reminder::{get, list};
use crate::reminders::error::Result;
use crate::vault::Session;

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
