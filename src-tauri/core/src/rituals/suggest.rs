//! Home's "what now?": at most one ritual at a time, the first that fits of an appreciation
//! waiting to be revealed, something from this day in earlier years, and tonight's stress talk.
//! It never says what was not done.

use chrono::{DateTime, Datelike, TimeZone, Timelike, Utc, Weekday};
use serde::Serialize;

use super::error::Result;
use super::{exchange, stress_talk};
use crate::reminders::local_day::start_of_day;
use crate::story::{timeline, OnThisDay};
use crate::vault::Session;

/// From this hour on a weekday, Home offers the evening's stress talk.
const EVENING_FROM_HOUR: u32 = 16;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Suggestion {
    AppreciationReady,
    OnThisDay { memories: OnThisDay },
    StressTalk,
}

/// The one suggestion for now in `zone`, if any fits.
pub fn one<Z: TimeZone>(
    session: &Session,
    zone: &Z,
    now: DateTime<Utc>,
) -> Result<Option<Suggestion>> {
    if exchange::state(session)?.ready {
        return Ok(Some(Suggestion::AppreciationReady));
    }
    let local = now.with_timezone(zone);
    let today = local.date_naive();
    let memories = timeline::on_this_day(session, today, zone, now)?;
    if !memories.items.is_empty() || !memories.answers.is_empty() {
        return Ok(Some(Suggestion::OnThisDay { memories }));
    }
    let weekday = !matches!(today.weekday(), Weekday::Sat | Weekday::Sun);
    let talked_today = match start_of_day(today, zone) {
        Some(start) => stress_talk::held_since(session, start)?,
        None => false,
    };
    Ok(
        (weekday && local.hour() >= EVENING_FROM_HOUR && !talked_today)
            .then_some(Suggestion::StressTalk),
    )
}
