//! Milestones on disk. A shared one lives in `shared.db`; a private one in its writer's private
//! vault, so which milestones can be read is the session's one rule for spaces
//! ([`Session::schema`], [`Session::readable_spaces`]): a locked partner's file is not even
//! attached, and while the two sit together a private space stays closed until its owner opens it.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};
use rusqlite::{params, OptionalExtension, Row};

use super::error::{line, Result, StoryError};
use super::types::{Milestone, MilestoneDraft};
use crate::reminders::store::{self as reminders, ReminderDraft, ReminderKind};
use crate::vault::{Session, Space};

pub const MAX_TITLE_CHARS: usize = 120;
pub const MAX_NOTE_CHARS: usize = 500;

const COLUMNS: &str = "id, day, title, note, reminder_id";

fn from_row(space: Space) -> impl Fn(&Row<'_>) -> rusqlite::Result<Milestone> {
    move |r| {
        Ok(Milestone {
            id: r.get(0)?,
            space,
            day: r.get(1)?,
            title: r.get(2)?,
            note: r.get(3)?,
            reminder_id: r.get(4)?,
        })
    }
}

pub fn get(session: &Session, space: Space, id: i64) -> Result<Milestone> {
    let schema = session.schema(space)?;
    session
        .conn()
        .query_row(
            &format!("SELECT {COLUMNS} FROM {schema}.milestones WHERE id = ?1"),
            [id],
            from_row(space),
        )
        .optional()?
        .ok_or(StoryError::NotFound)
}

/// Adds a milestone to `space`, which must be open to whoever is here.
pub fn add(
    session: &Session,
    space: Space,
    draft: &MilestoneDraft,
    now: DateTime<Utc>,
) -> Result<Milestone> {
    let schema = session.schema(space)?;
    let title = line(&draft.title, MAX_TITLE_CHARS, "A milestone's title", true)?;
    let note = line(&draft.note, MAX_NOTE_CHARS, "A milestone's note", false)?;
    session.conn().execute(
        &format!(
            "INSERT INTO {schema}.milestones (day, title, note, created_at) VALUES (?1, ?2, ?3, ?4)"
        ),
        params![draft.day, title, note, now],
    )?;
    get(session, space, session.conn().last_insert_rowid())
}

pub fn delete(session: &Session, space: Space, id: i64) -> Result<()> {
    let schema = session.schema(space)?;
    let gone = session.conn().execute(
        &format!("DELETE FROM {schema}.milestones WHERE id = ?1"),
        [id],
    )?;
    if gone == 0 {
        return Err(StoryError::NotFound);
    }
    Ok(())
}

/// Every milestone in the spaces that may be read now.
pub fn list(session: &Session) -> Result<Vec<Milestone>> {
    let mut all = Vec::new();
    for space in session.readable_spaces() {
        let schema = space.schema();
        let mut statement = session
            .conn()
            .prepare_cached(&format!("SELECT {COLUMNS} FROM {schema}.milestones"))?;
        let rows = statement.query_map([], from_row(space))?;
        for row in rows {
            all.push(row?);
        }
    }
    all.sort_by_key(|m| std::cmp::Reverse((m.day, m.id)));
    Ok(all)
}

/// The yearly rule for a day: the last day of February for the 29th, so a leap-day anniversary
/// comes every year.
fn yearly_rule(day: NaiveDate) -> &'static str {
    if day.month() == 2 && day.day() == 29 {
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"
    } else {
        "FREQ=YEARLY"
    }
}

/// The next time the anniversary comes round, on or after `today` (a leap day on the 28th in other
/// years).
fn next_anniversary(day: NaiveDate, today: NaiveDate) -> Option<NaiveDate> {
    (today.year()..=today.year() + 1).find_map(|year| {
        let date = NaiveDate::from_ymd_opt(year, day.month(), day.day())
            .or_else(|| NaiveDate::from_ymd_opt(year, 2, 28))?;
        (date >= today).then_some(date)
    })
}

/// "Remind us every year": a yearly reminder titled after a shared milestone, made in the same
/// transaction that ties it to the milestone. A private milestone is refused: reminders are
/// shared, titles and all.
pub fn remind_yearly(
    session: &Session,
    space: Space,
    id: i64,
    time: NaiveTime,
    zone: &str,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Milestone> {
    if space != Space::Shared {
        return Err(StoryError::PrivateReminder);
    }
    let milestone = get(session, space, id)?;
    let first = next_anniversary(milestone.day, today)
        .ok_or_else(|| StoryError::InvalidInput("That day cannot come round again.".into()))?;
    let draft = ReminderDraft {
        kind: ReminderKind::Yearly,
        title: milestone.title.clone(),
        notification_text: None,
        rule: yearly_rule(milestone.day).into(),
        zone: zone.into(),
        start_local: first.and_time(time),
        lead_minutes: 0,
        duration_minutes: 60,
        active: true,
    };
    let tx = session.conn().unchecked_transaction()?;
    let reminder = reminders::create(session, &draft, now)?;
    tx.execute(
        "UPDATE main.milestones SET reminder_id = ?2 WHERE id = ?1",
        params![id, reminder.id],
    )?;
    tx.commit()?;
    get(session, Space::Shared, id)
}
