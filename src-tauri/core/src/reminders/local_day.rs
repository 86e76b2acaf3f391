//! Where a local day and a local month begin, as instants. "Pause reminders today" ends at the next
//! day's start, and "kept this month" counts from the month's. Clock changes make this less simple
//! than it looks: some zones skip midnight, and Samoa skipped a whole day in 2011.

use chrono::{DateTime, Datelike, Days, Duration, NaiveDate, TimeZone, Utc};

/// The first moment of `date` in `zone` that exists: midnight, or where a clock change skips it,
/// the first half hour after it (a whole skipped day gives the next day's first moment).
pub fn start_of_day<Z: TimeZone>(date: NaiveDate, zone: &Z) -> Option<DateTime<Utc>> {
    let midnight = date.and_hms_opt(0, 0, 0)?;
    (0..=48)
        .map(|half_hours| midnight + Duration::minutes(30 * half_hours))
        .find_map(|local| zone.from_local_datetime(&local).earliest())
        .map(|start| start.with_timezone(&Utc))
}

/// Where "pause reminders today" ends: the start of the next day in `zone`.
pub fn end_of_day<Z: TimeZone>(now: DateTime<Utc>, zone: &Z) -> DateTime<Utc> {
    let today = now.with_timezone(zone).date_naive();
    today
        .checked_add_days(Days::new(1))
        .and_then(|tomorrow| start_of_day(tomorrow, zone))
        .unwrap_or(now + Duration::hours(24))
}

/// Where this month began in `zone`: the start of its first day.
pub fn start_of_month<Z: TimeZone>(now: DateTime<Utc>, zone: &Z) -> DateTime<Utc> {
    let today = now.with_timezone(zone).date_naive();
    today
        .with_day(1)
        .and_then(|first| start_of_day(first, zone))
        .unwrap_or(now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::{
        America::{Asuncion, Santiago},
        Europe::Berlin,
        Pacific::Apia,
    };

    type Bound = fn(DateTime<Utc>, &chrono_tz::Tz) -> DateTime<Utc>;

    /// Each case is (bound, now, zone, expected): where a pause for today ends (`end_of_day`) and
    /// where this month began (`start_of_month`), across clock changes that skip midnight.
    #[test]
    fn days_and_months_begin_at_their_first_local_moment() {
        let cases: [(Bound, &str, chrono_tz::Tz, &str); 8] = [
            // An ordinary evening in Berlin (UTC+1): midnight is 23:00 UTC.
            (
                end_of_day,
                "2026-11-21T19:30:00Z",
                Berlin,
                "2026-11-21T23:00:00Z",
            ),
            // Late in the local evening but already the next day in UTC.
            (
                end_of_day,
                "2026-11-21T23:30:00Z",
                Berlin,
                "2026-11-22T23:00:00Z",
            ),
            // Chile moves its clocks from 00:00 to 01:00 on 6 September 2026: the day starts at 01:00.
            (
                end_of_day,
                "2026-09-05T20:00:00Z",
                Santiago,
                "2026-09-06T04:00:00Z",
            ),
            // Samoa skipped 30 December 2011 entirely: the pause ends when 31 December begins.
            (
                end_of_day,
                "2011-12-29T12:00:00Z",
                Apia,
                "2011-12-30T10:00:00Z",
            ),
            // Berlin in winter: 1 December starts at 23:00 UTC on 30 November.
            (
                start_of_month,
                "2026-12-03T10:00:00Z",
                Berlin,
                "2026-11-30T23:00:00Z",
            ),
            // Still 30 November in UTC but already 1 December in Berlin: December has begun.
            (
                start_of_month,
                "2026-11-30T23:30:00Z",
                Berlin,
                "2026-11-30T23:00:00Z",
            ),
            // Half an hour earlier it is still November in Berlin.
            (
                start_of_month,
                "2026-11-30T22:30:00Z",
                Berlin,
                "2026-10-31T23:00:00Z",
            ),
            // Paraguay moved its clocks from 00:00 to 01:00 on 1 October 2017: October began at
            // 01:00 local time, 04:00 UTC.
            (
                start_of_month,
                "2017-10-15T12:00:00Z",
                Asuncion,
                "2017-10-01T04:00:00Z",
            ),
        ];
        let utc = |text: &str| text.parse::<DateTime<Utc>>().unwrap();
        for (bound, now, zone, expected) in cases {
            assert_eq!(bound(utc(now), &zone), utc(expected), "{now} in {zone}");
        }
    }
}
