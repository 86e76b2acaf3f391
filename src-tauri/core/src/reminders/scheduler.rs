//! The scheduler's decisions, apart from any timer, so they can be tested with an injected clock.
//! The shell wakes it at least every 30 s (timers stop during suspend, the wall clock does not) and
//! shows what it returns. It never floods: one tick gives at most one notice, folding everything
//! that came due since the last tick, for example after a suspend or a clock jump.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use super::error::{ReminderError, Result};

/// A reminder is late, rather than on time, when it is shown more than this after its due time.
pub const LATE_AFTER: Duration = Duration::seconds(90);

/// One upcoming fire time, as kept in the wake list: an id, the instant and the discreet text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WakeItem {
    pub fire_at: DateTime<Utc>,
    pub reminder_id: String,
    pub text: String,
}

/// Hours in a zone when nothing pops up; held notices come when they end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuietHours {
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub zone: String,
}

impl QuietHours {
    pub fn contains(&self, now: DateTime<Utc>) -> Result<bool> {
        let tz: chrono_tz::Tz = self
            .zone
            .parse()
            .map_err(|_| ReminderError::UnknownZone(self.zone.clone()))?;
        let local = tz.from_utc_datetime(&now.naive_utc()).time();
        Ok(if self.start <= self.end {
            self.start <= local && local < self.end
        } else {
            local >= self.start || local < self.end
        })
    }
}

/// What the desktop notification says. The body is always the discreet text, never a title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Notice {
    pub body: String,
    pub reminder_ids: Vec<String>,
    pub missed: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Snooze {
    TenMinutes,
    OneHour,
    Tomorrow,
}

impl Snooze {
    pub fn until(self, now: DateTime<Utc>) -> DateTime<Utc> {
        now + match self {
            Snooze::TenMinutes => Duration::minutes(10),
            Snooze::OneHour => Duration::hours(1),
            Snooze::Tomorrow => Duration::days(1),
        }
    }
}

/// The scheduler's memory between ticks.
#[derive(Debug, Clone)]
pub struct Scheduler {
    last_tick: DateTime<Utc>,
    held: BTreeSet<WakeItem>,
}

impl Scheduler {
    pub fn new(now: DateTime<Utc>) -> Self {
        Scheduler {
            last_tick: now,
            held: BTreeSet::new(),
        }
    }

    /// Everything in `items` that came due in (last tick, now] is shown once, folded into one
    /// notice; during quiet hours it is held, and while paused it is let go silently.
    pub fn tick<'a>(
        &mut self,
        now: DateTime<Utc>,
        items: impl IntoIterator<Item = &'a WakeItem>,
        quiet: Option<&QuietHours>,
        paused_until: Option<DateTime<Utc>>,
    ) -> Result<Option<Notice>> {
        let since = self.last_tick;
        // A clock set backwards must not replay what was already shown.
        self.last_tick = now.max(self.last_tick);
        for item in items {
            if since < item.fire_at && item.fire_at <= now {
                self.held.insert(item.clone());
            }
        }
        if paused_until.is_some_and(|until| now < until) {
            self.held.clear();
            return Ok(None);
        }
        // Quiet hours in a zone this build does not know count as none: a reminder that comes is
        // better than every reminder stopped.
        if quiet.is_some_and(|quiet| quiet.contains(now).unwrap_or(false)) {
            return Ok(None);
        }
        if self.held.is_empty() {
            return Ok(None);
        }
        let due: Vec<WakeItem> = std::mem::take(&mut self.held).into_iter().collect();
        let late = due.iter().filter(|i| now - i.fire_at > LATE_AFTER).count();
        let body = match (due.len(), late) {
            (1, 0) => due[0].text.clone(),
            (1, _) => format!("This came due while Hearth was asleep: {}", due[0].text),
            (n, 0) => format!("{} (and {} more)", due[0].text, n - 1),
            (n, _) => {
                format!("{n} reminders came due while Hearth was asleep. Open Hearth to see them.")
            }
        };
        Ok(Some(Notice {
            body,
            reminder_ids: due.iter().map(|i| i.reminder_id.clone()).collect(),
            missed: late,
        }))
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A time on 22 November 2026, `h` hours and `m` minutes after midnight UTC.
    pub(in crate::reminders) fn t(h: i64, m: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 22, 0, 0, 0).unwrap()
            + Duration::hours(h)
            + Duration::minutes(m)
    }

    pub(in crate::reminders) fn item(id: &str, at: DateTime<Utc>) -> WakeItem {
        WakeItem {
            fire_at: at,
            reminder_id: id.into(),
            text: "Time for the two of you".into(),
        }
    }

    #[test]
    fn due_fires_once_within_a_tick() {
        let items = [item("r1", t(19, 0))];
        let mut s = Scheduler::new(t(18, 59));
        assert_eq!(
            s.tick(t(18, 59) + Duration::seconds(30), &items, None, None)
                .unwrap(),
            None
        );
        let notice = s
            .tick(t(19, 0) + Duration::seconds(20), &items, None, None)
            .unwrap()
            .unwrap();
        assert_eq!(notice.body, "Time for the two of you");
        assert_eq!(notice.missed, 0);
        assert_eq!(
            s.tick(t(19, 1), &items, None, None).unwrap(),
            None,
            "never twice"
        );
    }

    #[test]
    fn an_eight_hour_jump_gives_one_notice_not_a_flood() {
        let items: Vec<WakeItem> = (0..16)
            .map(|i| item(&format!("r{i}"), t(1, 0) + Duration::minutes(30 * i)))
            .collect();
        let mut s = Scheduler::new(t(0, 59));
        let notice = s.tick(t(9, 0), &items, None, None).unwrap().unwrap();
        assert_eq!(notice.reminder_ids.len(), 16);
        assert_eq!(notice.missed, 16);
        assert!(notice.body.starts_with("16 reminders"), "{}", notice.body);
        assert_eq!(
            s.tick(t(9, 0) + Duration::seconds(30), &items, None, None)
                .unwrap(),
            None
        );
    }

    #[test]
    fn one_missed_reminder_is_shown_once_as_missed() {
        let items = [item("r1", t(19, 0))];
        let mut s = Scheduler::new(t(18, 0));
        let notice = s.tick(t(21, 0), &items, None, None).unwrap().unwrap();
        assert!(notice
            .body
            .starts_with("This came due while Hearth was asleep"));
    }

    #[test]
    fn quiet_hours_hold_then_deliver_once() {
        let quiet = QuietHours {
            start: NaiveTime::from_hms_opt(22, 0, 0).unwrap(),
            end: NaiveTime::from_hms_opt(7, 0, 0).unwrap(),
            zone: "UTC".into(),
        };
        let items = [item("r1", t(23, 0))];
        let mut s = Scheduler::new(t(22, 59));
        assert_eq!(
            s.tick(t(23, 0) + Duration::seconds(10), &items, Some(&quiet), None)
                .unwrap(),
            None
        );
        assert_eq!(
            s.tick(t(30, 59), &items, Some(&quiet), None).unwrap(),
            None,
            "still 06:59"
        );
        let notice = s
            .tick(t(31, 0), &items, Some(&quiet), None)
            .unwrap()
            .unwrap();
        assert_eq!(notice.reminder_ids, ["r1"]);
        assert_eq!(s.tick(t(31, 1), &items, Some(&quiet), None).unwrap(), None);
    }

    #[test]
    fn pause_lets_due_reminders_go_silently() {
        let items = [item("r1", t(19, 0)), item("r2", t(27, 0))];
        let mut s = Scheduler::new(t(18, 0));
        let paused_until = Some(t(24, 0));
        assert_eq!(s.tick(t(19, 1), &items, None, paused_until).unwrap(), None);
        assert_eq!(
            s.tick(t(26, 0), &items, None, paused_until).unwrap(),
            None,
            "not replayed after the pause"
        );
        assert_eq!(
            s.tick(t(27, 0), &items, None, paused_until)
                .unwrap()
                .unwrap()
                .reminder_ids,
            ["r2"]
        );
    }

    #[test]
    fn snooze_makes_a_new_fire_time() {
        let now = t(19, 0);
        assert_eq!(Snooze::TenMinutes.until(now), t(19, 10));
        assert_eq!(Snooze::OneHour.until(now), t(20, 0));
        assert_eq!(Snooze::Tomorrow.until(now), t(43, 0));
        let snoozed = [item("r1", Snooze::TenMinutes.until(now))];
        let mut s = Scheduler::new(now);
        assert_eq!(s.tick(t(19, 5), &snoozed, None, None).unwrap(), None);
        assert!(s.tick(t(19, 10), &snoozed, None, None).unwrap().is_some());
    }

    #[test]
    fn a_clock_set_backwards_replays_nothing() {
        let items = [item("r1", t(19, 0))];
        let mut s = Scheduler::new(t(18, 0));
        assert!(s.tick(t(19, 0), &items, None, None).unwrap().is_some());
        assert_eq!(s.tick(t(18, 30), &items, None, None).unwrap(), None);
        assert_eq!(s.tick(t(19, 0), &items, None, None).unwrap(), None);
    }
}
