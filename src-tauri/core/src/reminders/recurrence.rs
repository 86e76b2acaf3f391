//! Recurrence: RFC 5545 RRULE text plus an IANA time zone, expanded by the maintained `rrule` crate
//! (chrono-tz underneath). Hearth writes no recurrence engine of its own; this module only builds
//! the input and converts the answers to UTC.

use chrono::{DateTime, Duration, LocalResult, NaiveDateTime, Offset, TimeZone, Utc};
use rrule::{RRule, RRuleSet, Unvalidated};

use super::error::{ReminderError, Result};

/// How many occurrences one expansion may return, whatever is asked.
pub const MAX_OCCURRENCES: u16 = 500;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recurrence {
    /// The RRULE value, without the `RRULE:` prefix, e.g. `FREQ=WEEKLY;BYDAY=SU`.
    pub rule: String,
    /// An IANA zone name, e.g. `Europe/Berlin`. Occurrences keep their wall-clock time across DST.
    pub zone: String,
    /// The first occurrence's wall-clock time in `zone` (DTSTART).
    pub start: NaiveDateTime,
}

impl Recurrence {
    /// Checks the rule and zone by building the set once.
    pub fn new(rule: &str, zone: &str, start: NaiveDateTime) -> Result<Recurrence> {
        let recurrence = Recurrence {
            rule: rule.trim().trim_start_matches("RRULE:").to_string(),
            zone: zone.to_string(),
            start,
        };
        recurrence.set()?;
        Ok(recurrence)
    }

    fn zone(&self) -> Result<chrono_tz::Tz> {
        self.zone
            .parse::<chrono_tz::Tz>()
            .map_err(|_| ReminderError::UnknownZone(self.zone.clone()))
    }

    /// DTSTART as an instant.
    pub fn first_instant(&self) -> Result<DateTime<chrono_tz::Tz>> {
        resolve(self.zone()?, self.start)
    }

    /// The rule over wall-clock times: RFC 5545 repeats the written local time, and only then
    /// places each occurrence in the zone. Expanding in floating time (written as UTC) does exactly
    /// that, even when DTSTART itself falls in a DST gap. UNTIL is a real instant, so it is widened
    /// by a day here and applied exactly in [`Recurrence::after`].
    fn set(&self) -> Result<(RRuleSet, Option<DateTime<Utc>>)> {
        if self.rule.is_empty() || self.rule.contains(['\n', '\r', ':']) {
            return Err(ReminderError::InvalidRule(
                "write one RRULE value, such as FREQ=WEEKLY;BYDAY=SU".into(),
            ));
        }
        let mut rule: RRule<Unvalidated> = self
            .rule
            .parse()
            .map_err(|err: rrule::RRuleError| ReminderError::InvalidRule(err.to_string()))?;
        let until = rule.get_until().map(|until| until.with_timezone(&Utc));
        if let Some(until) = until {
            let widened = until
                .checked_add_signed(Duration::days(1))
                .ok_or_else(out_of_range)?;
            rule = rule.until(widened.with_timezone(&rrule::Tz::UTC));
        }
        let floating_start = self.start.and_utc().with_timezone(&rrule::Tz::UTC);
        let set = rule
            .build(floating_start)
            .map_err(|err| ReminderError::InvalidRule(err.to_string()))?;
        self.zone()?;
        Ok((set, until))
    }

    /// Up to `count` occurrences strictly after `after`, in UTC.
    pub fn after(&self, after: DateTime<Utc>, count: u16) -> Result<Vec<DateTime<Utc>>> {
        let tz = self.zone()?;
        let (set, until) = self.set()?;
        let count = usize::from(count.min(MAX_OCCURRENCES));
        // A wall-clock time is at most 14 hours from its instant; start a day early, then filter.
        let wall_from = after
            .with_timezone(&tz)
            .naive_local()
            .checked_sub_signed(Duration::days(1))
            .ok_or_else(out_of_range)?;
        let mut found = Vec::with_capacity(count);
        if count == 0 {
            return Ok(found);
        }
        for wall in &set.after(wall_from.and_utc().with_timezone(&rrule::Tz::UTC)) {
            let at = resolve(tz, wall.naive_utc())?.with_timezone(&Utc);
            if until.is_some_and(|until| at > until) {
                break;
            }
            if at > after {
                found.push(at);
                if found.len() == count {
                    break;
                }
            }
        }
        Ok(found)
    }
}

/// Dates come from the UI and the vault; arithmetic on them is checked, since one at the edge of
/// what a date can hold would otherwise panic.
fn out_of_range() -> ReminderError {
    ReminderError::InvalidInput("That date is out of range.".into())
}

/// A wall-clock time in a zone as an instant, as RFC 5545 3.3.5 says: a time that happens twice
/// means the first; one that never happens (a DST gap) is read with the offset before the gap.
fn resolve(tz: chrono_tz::Tz, wall: NaiveDateTime) -> Result<DateTime<chrono_tz::Tz>> {
    Ok(match tz.from_local_datetime(&wall) {
        LocalResult::Single(at) => at,
        LocalResult::Ambiguous(first, _) => first,
        LocalResult::None => {
            let three_hours_before = wall
                .checked_sub_signed(Duration::hours(3))
                .ok_or_else(out_of_range)?;
            let before_gap = tz
                .from_local_datetime(&three_hours_before)
                .earliest()
                .ok_or_else(|| {
                    ReminderError::InvalidInput(
                        "That start time can't be placed in its time zone.".into(),
                    )
                })?;
            let offset = before_gap.offset().fix();
            wall.checked_sub_signed(Duration::seconds(i64::from(offset.local_minus_utc())))
                .ok_or_else(out_of_range)?
                .and_utc()
                .with_timezone(&tz)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    #[test]
    fn weekly_keeps_wall_clock_time_across_dst() {
        let sundays = Recurrence::new(
            "FREQ=WEEKLY;BYDAY=SU",
            "Europe/Berlin",
            at(2026, 3, 22, 19, 0),
        )
        .unwrap();
        let got = sundays
            .after(Utc.with_ymd_and_hms(2026, 3, 21, 0, 0, 0).unwrap(), 2)
            .unwrap();
        // 19:00 CET is 18:00 UTC; after the 29 March change, 19:00 CEST is 17:00 UTC.
        assert_eq!(got[0], Utc.with_ymd_and_hms(2026, 3, 22, 18, 0, 0).unwrap());
        assert_eq!(got[1], Utc.with_ymd_and_hms(2026, 3, 29, 17, 0, 0).unwrap());
    }

    #[test]
    fn bad_rules_and_zones_are_refused_clearly() {
        assert!(matches!(
            Recurrence::new("FREQ=SOMETIMES", "Europe/Berlin", at(2026, 1, 1, 9, 0)),
            Err(ReminderError::InvalidRule(_))
        ));
        assert!(matches!(
            Recurrence::new("FREQ=DAILY", "Mars/Olympus", at(2026, 1, 1, 9, 0)),
            Err(ReminderError::UnknownZone(_))
        ));
        assert!(matches!(
            Recurrence::new("FREQ=DAILY\nRRULE:FREQ=WEEKLY", "UTC", at(2026, 1, 1, 9, 0)),
            Err(ReminderError::InvalidRule(_))
        ));
    }

    #[test]
    fn after_is_strict() {
        let daily = Recurrence::new("FREQ=DAILY", "UTC", at(2026, 1, 1, 9, 0)).unwrap();
        let first = Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap();
        assert_eq!(daily.after(first, 1).unwrap()[0], first + Duration::days(1));
    }
}
