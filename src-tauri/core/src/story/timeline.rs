//! The timeline: one calm list of the couple's story, newest first. It gathers what other parts
//! of Hearth keep (dates kept, dreams reached, agreements made, notes from together mode and from
//! stress talks) with the milestones of every space that may be read now.
//!
//! Instants become local days in the zone given, so an evening in Auckland stays on its evening's
//! day. Only milestones can be private, and they are read through the session's one rule for
//! spaces; everything else lives in the shared vault.

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};

use super::error::Result;
use super::types::{OnThisDay, StoryItem, StoryKind, YearsAgo};
use crate::prompts::store as prompts;
use crate::vault::{Session, Space};

/// Where a shared kind of item comes from: its id, its moment or day, its title and its note.
struct Source {
    kind: StoryKind,
    sql: &'static str,
    /// Whether the second column is an instant (else a local day).
    timed: bool,
}

const SHARED_SOURCES: [Source; 5] = [
    Source {
        kind: StoryKind::DreamReached,
        sql: "SELECT id, done_on, title, done_note FROM main.dreams WHERE done_on IS NOT NULL",
        timed: false,
    },
    Source {
        kind: StoryKind::DateKept,
        sql: "SELECT id, starts_at, idea_title, coalesce(memory, '') FROM main.date_plans
              WHERE starts_at <= ?1",
        timed: true,
    },
    Source {
        kind: StoryKind::Agreement,
        sql: "SELECT id, created_at, agreement, '' FROM main.repair_agreements",
        timed: true,
    },
    Source {
        kind: StoryKind::TogetherNote,
        sql: "SELECT id, created_at, note, '' FROM main.together_notes
              WHERE trim(note) <> ''",
        timed: true,
    },
    Source {
        kind: StoryKind::StressTalk,
        sql: "SELECT id, held_at, note, '' FROM main.stress_talks WHERE note <> ''",
        timed: true,
    },
];

fn read_source<Z: TimeZone>(
    session: &Session,
    source: &Source,
    zone: &Z,
    now: DateTime<Utc>,
    into: &mut Vec<StoryItem>,
) -> Result<()> {
    let mut statement = session.conn().prepare_cached(source.sql)?;
    // Only some sources ask for the time now.
    let now_if_asked = vec![now; statement.parameter_count()];
    let rows = statement.query_map(rusqlite::params_from_iter(now_if_asked), |r| {
        let (day, at) = if source.timed {
            let at: DateTime<Utc> = r.get(1)?;
            (at.with_timezone(zone).date_naive(), Some(at))
        } else {
            (r.get::<_, NaiveDate>(1)?, None)
        };
        Ok(StoryItem {
            kind: source.kind,
            day,
            at,
            title: r.get(2)?,
            note: r.get(3)?,
            space: Space::Shared,
            id: r.get(0)?,
            reminder_id: None,
        })
    })?;
    for row in rows {
        into.push(row?);
    }
    Ok(())
}

/// The whole story that may be read now, newest day first; within a day, milestones first (a
/// private one before the shared ones), then the latest moment.
pub fn timeline<Z: TimeZone>(
    session: &Session,
    zone: &Z,
    now: DateTime<Utc>,
) -> Result<Vec<StoryItem>> {
    let mut items: Vec<StoryItem> = super::milestones::list(session)?
        .into_iter()
        .map(|m| StoryItem {
            kind: StoryKind::Milestone,
            day: m.day,
            at: None,
            title: m.title,
            note: m.note,
            space: m.space,
            id: m.id,
            reminder_id: m.reminder_id,
        })
        .collect();
    for source in &SHARED_SOURCES {
        read_source(session, source, zone, now, &mut items)?;
    }
    items.sort_by(|x, y| {
        let key = |i: &StoryItem| {
            let private = i.space != Space::Shared;
            (
                i.day,
                i.kind == StoryKind::Milestone,
                i.at,
                i.kind,
                private,
                i.id,
            )
        };
        key(y).cmp(&key(x))
    });
    Ok(items)
}

/// Whether `past` falls on this day of the year. A leap day is remembered on 28 February in the
/// years that have none.
pub fn same_day_of_year(past: NaiveDate, today: NaiveDate) -> bool {
    let leap_day_kept = past.month() == 2
        && past.day() == 29
        && today.month() == 2
        && today.day() == 28
        && NaiveDate::from_ymd_opt(today.year(), 2, 29).is_none();
    (past.month() == today.month() && past.day() == today.day()) || leap_day_kept
}

fn years_ago<T>(day: NaiveDate, today: NaiveDate, item: T) -> Option<YearsAgo<T>> {
    (day.year() < today.year() && same_day_of_year(day, today)).then(|| YearsAgo {
        years_ago: today.year() - day.year(),
        item,
    })
}

/// What happened on this day in earlier years: timeline items, and prompts both answered.
pub fn on_this_day<Z: TimeZone>(
    session: &Session,
    today: NaiveDate,
    zone: &Z,
    now: DateTime<Utc>,
) -> Result<OnThisDay> {
    let items = timeline(session, zone, now)?
        .into_iter()
        .filter_map(|item| years_ago(item.day, today, item))
        .collect();
    let answers = prompts::answers(session, u32::MAX)?
        .into_iter()
        .filter_map(|answer| {
            let day = answer.answered_at.with_timezone(zone).date_naive();
            years_ago(day, today, answer)
        })
        .collect();
    Ok(OnThisDay { items, answers })
}
