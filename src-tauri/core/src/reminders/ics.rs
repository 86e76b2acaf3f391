//! The together-times as an iCalendar (RFC 5545) file any calendar can import. Each event carries
//! the discreet notification text, never the title, since the file leaves the vault. Every zone an
//! event uses gets a VTIMEZONE listing its real transitions (from chrono-tz), because calendars such
//! as Outlook do not look IANA names up themselves.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

use super::error::{ReminderError, Result};
use super::store::Reminder;

/// How many years of zone transitions each VTIMEZONE lists after the export.
const ZONE_YEARS_AHEAD: i32 = 15;

/// One file with every active together-time (nudges stay out of calendars).
pub fn export(reminders: &[Reminder], now: DateTime<Utc>) -> Result<String> {
    let events: Vec<&Reminder> = reminders
        .iter()
        .filter(|r| r.active && r.kind.is_together_time())
        .collect();
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Hearth//Together-times//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    let zones: BTreeSet<&str> = events.iter().map(|r| r.zone.as_str()).collect();
    for zone in zones {
        let first_year = events
            .iter()
            .filter(|r| r.zone == zone)
            .map(|r| r.start_local.year())
            .min()
            .unwrap_or(now.year());
        vtimezone(
            &mut out,
            zone,
            first_year - 1,
            now.year() + ZONE_YEARS_AHEAD,
        )?;
    }
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    for reminder in events {
        vevent(&mut out, reminder, &stamp)?;
    }
    line(&mut out, "END:VCALENDAR");
    Ok(out)
}

/// One together-time as a VEVENT, with an alarm at its lead time when it has one.
fn vevent(out: &mut String, reminder: &Reminder, stamp: &str) -> Result<()> {
    reminder.recurrence()?;
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{}@hearth.app", reminder.id));
    line(out, &format!("DTSTAMP:{stamp}"));
    line(
        out,
        &format!(
            "DTSTART;TZID={}:{}",
            reminder.zone,
            reminder.start_local.format("%Y%m%dT%H%M%S")
        ),
    );
    line(out, &format!("DURATION:PT{}M", reminder.duration_minutes));
    line(out, &format!("RRULE:{}", reminder.rule));
    line(
        out,
        &format!("SUMMARY:{}", escape(&reminder.notification_text)),
    );
    if reminder.lead_minutes > 0 {
        line(out, "BEGIN:VALARM");
        line(out, "ACTION:DISPLAY");
        line(
            out,
            &format!("DESCRIPTION:{}", escape(&reminder.notification_text)),
        );
        line(out, &format!("TRIGGER:-PT{}M", reminder.lead_minutes));
        line(out, "END:VALARM");
    }
    line(out, "END:VEVENT");
    Ok(())
}

/// TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11).
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// Writes one content line, folded at 75 octets without splitting a character (RFC 5545 3.1).
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// The zone's offset and name at an instant.
fn offset_at(tz: Tz, at: DateTime<Utc>) -> (i32, bool, String) {
    let offset = tz.offset_from_utc_datetime(&at.naive_utc());
    let is_dst = !offset.dst_offset().is_zero();
    let name = offset.abbreviation().unwrap_or("").to_string();
    (offset.fix().local_minus_utc(), is_dst, name)
}

/// The first instant in (from, to] with the offset of `to`, found by halving.
fn transition(tz: Tz, mut from: DateTime<Utc>, mut to: DateTime<Utc>) -> DateTime<Utc> {
    let target = offset_at(tz, to);
    while to - from > Duration::seconds(1) {
        let middle = from + (to - from) / 2;
        if offset_at(tz, middle) == target {
            to = middle;
        } else {
            from = middle;
        }
    }
    to
}

fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let seconds = seconds.abs();
    format!("{sign}{:02}{:02}", seconds / 3600, seconds % 3600 / 60)
}

fn vtimezone(out: &mut String, zone: &str, from_year: i32, to_year: i32) -> Result<()> {
    let tz: Tz = zone
        .parse()
        .map_err(|_| ReminderError::UnknownZone(zone.to_string()))?;
    let day = |year: i32| {
        NaiveDate::from_ymd_opt(year, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|d| d.and_utc())
            .ok_or_else(|| ReminderError::InvalidInput("That year is out of range.".into()))
    };
    let (start, end) = (day(from_year)?, day(to_year)?);
    line(out, "BEGIN:VTIMEZONE");
    line(out, &format!("TZID:{zone}"));
    let (first_offset, first_dst, first_name) = offset_at(tz, start);
    observance(
        out,
        start,
        first_offset,
        (first_offset, first_dst, &first_name),
    );
    let mut previous = (first_offset, first_dst, first_name);
    let mut at = start;
    while at < end {
        let next = at + Duration::hours(12);
        let now_offset = offset_at(tz, next);
        if now_offset != previous {
            let onset = transition(tz, at, next);
            observance(
                out,
                onset,
                previous.0,
                (now_offset.0, now_offset.1, &now_offset.2),
            );
            previous = now_offset;
        }
        at = next;
    }
    line(out, "END:VTIMEZONE");
    Ok(())
}

/// One STANDARD or DAYLIGHT part: its onset is written in the local time before it.
fn observance(out: &mut String, onset: DateTime<Utc>, from: i32, to: (i32, bool, &str)) {
    let (offset, is_dst, name) = to;
    let kind = if is_dst { "DAYLIGHT" } else { "STANDARD" };
    let local = onset + Duration::seconds(i64::from(from));
    line(out, &format!("BEGIN:{kind}"));
    line(out, &format!("DTSTART:{}", local.format("%Y%m%dT%H%M%S")));
    line(out, &format!("TZOFFSETFROM:{}", utc_offset(from)));
    line(out, &format!("TZOFFSETTO:{}", utc_offset(offset)));
    if !name.is_empty() && !name.starts_with(['+', '-']) {
        line(out, &format!("TZNAME:{name}"));
    }
    line(out, &format!("END:{kind}"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        line(&mut out, &format!("SUMMARY:{}", "é".repeat(60)));
        for part in out.split("\r\n") {
            assert!(part.len() <= 75, "{part}");
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "é".repeat(60)));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn offsets_are_written_as_hours_and_minutes() {
        assert_eq!(utc_offset(37800), "+1030");
        assert_eq!(utc_offset(-18000), "-0500");
        assert_eq!(utc_offset(0), "+0000");
    }

    #[test]
    fn lord_howe_has_half_hour_transitions() {
        let mut out = String::new();
        vtimezone(&mut out, "Australia/Lord_Howe", 2026, 2027).unwrap();
        assert!(
            out.contains("TZOFFSETFROM:+1030\r\nTZOFFSETTO:+1100"),
            "{out}"
        );
        assert!(
            out.contains("TZOFFSETFROM:+1100\r\nTZOFFSETTO:+1030"),
            "{out}"
        );
    }
}
