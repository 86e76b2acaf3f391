//! Recurrence against a reference: the next 50 occurrences of each rule, expanded by Hearth (the
//! `rrule` crate) and by python-dateutil with zoneinfo, must be the same instants. Four zones,
//! including Lord Howe's 30-minute DST shift and Apia; weekly, monthly by n-th weekday, yearly,
//! BYSETPOS, COUNT and UNTIL rules; and occurrences in a DST gap and in a fold.

mod common;

use chrono::{DateTime, NaiveDateTime, Utc};
use hearth_core::reminders::Recurrence;
use serde_json::{json, Value};

const AFTER: &str = "2026-01-01T00:00:00Z";

/// (rule, zone, first wall-clock time)
const CASES: &[(&str, &str, &str)] = &[
    (
        "FREQ=WEEKLY;BYDAY=SU",
        "America/New_York",
        "2026-01-04T19:00:00",
    ),
    (
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
        "Europe/Berlin",
        "2026-01-02T20:00:00",
    ),
    (
        "FREQ=MONTHLY;BYDAY=1FR",
        "Australia/Lord_Howe",
        "2026-01-02T19:30:00",
    ),
    (
        "FREQ=MONTHLY;BYDAY=-1SA",
        "Pacific/Apia",
        "2026-01-31T18:00:00",
    ),
    (
        "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=14",
        "Europe/Berlin",
        "2026-06-14T09:00:00",
    ),
    (
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
        "America/New_York",
        "2026-01-30T18:00:00",
    ),
    (
        "FREQ=MONTHLY;BYDAY=SA,SU;BYSETPOS=1",
        "Australia/Lord_Howe",
        "2026-01-03T10:00:00",
    ),
    ("FREQ=DAILY;COUNT=30", "Pacific/Apia", "2026-01-01T08:00:00"),
    (
        "FREQ=WEEKLY;BYDAY=WE;UNTIL=20261231T235959Z",
        "Europe/Berlin",
        "2026-01-07T21:00:00",
    ),
    // 02:30 on 8 March 2026 does not exist in New York (a DST gap).
    ("FREQ=DAILY", "America/New_York", "2026-03-06T02:30:00"),
    // 01:30 on 1 November 2026 happens twice in New York (a fold).
    ("FREQ=DAILY", "America/New_York", "2026-10-30T01:30:00"),
    // Lord Howe moves by 30 minutes: 01:45 on 5 April 2026 happens twice, 02:15 on 4 October never.
    ("FREQ=DAILY", "Australia/Lord_Howe", "2026-04-03T01:45:00"),
    ("FREQ=DAILY", "Australia/Lord_Howe", "2026-10-02T02:15:00"),
    (
        "FREQ=WEEKLY;BYDAY=SU",
        "Pacific/Apia",
        "2026-01-04T19:00:00",
    ),
    (
        "FREQ=MONTHLY;BYMONTHDAY=31",
        "Europe/Berlin",
        "2026-01-31T19:00:00",
    ),
    (
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=5",
        "America/New_York",
        "2028-02-29T12:00:00",
    ),
    (
        "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=2TU",
        "Australia/Lord_Howe",
        "2026-03-10T07:00:00",
    ),
    (
        "FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=7,19;BYMINUTE=0;BYSECOND=0",
        "Europe/Berlin",
        "2026-01-05T07:00:00",
    ),
    (
        "FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
        "America/New_York",
        "2026-11-01T01:30:00",
    ),
    (
        "FREQ=MONTHLY;BYDAY=SU;BYSETPOS=2;COUNT=10",
        "Pacific/Apia",
        "2026-01-11T16:00:00",
    ),
    (
        "FREQ=WEEKLY;BYDAY=SA;UNTIL=20270101T000000Z",
        "Australia/Lord_Howe",
        "2026-01-03T20:00:00",
    ),
    // DTSTART itself in a DST gap (Berlin, 31 March 2019): later years keep 02:30 on the clock.
    (
        "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31",
        "Europe/Berlin",
        "2019-03-31T02:30:00",
    ),
    (
        "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1,15",
        "Europe/Berlin",
        "2026-01-01T12:00:00",
    ),
];

fn reference() -> Vec<Vec<String>> {
    let cases: Vec<Value> = CASES
        .iter()
        .map(|(rule, zone, start)| json!({ "rule": rule, "zone": zone, "start": start, "after": AFTER, "count": 50 }))
        .collect();
    serde_json::from_value(common::python_reference(
        "rrule_reference.py",
        &json!(cases),
    ))
    .unwrap()
}

#[test]
fn next_50_occurrences_match_python_dateutil() {
    let expected = reference();
    assert_eq!(expected.len(), CASES.len());
    let after: DateTime<Utc> = AFTER.parse().unwrap();
    let mut mismatches = Vec::new();
    for ((rule, zone, start), want) in CASES.iter().zip(&expected) {
        let start = NaiveDateTime::parse_from_str(start, "%Y-%m-%dT%H:%M:%S").unwrap();
        let ours: Vec<String> = Recurrence::new(rule, zone, start)
            .unwrap()
            .after(after, 50)
            .unwrap()
            .iter()
            .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
            .collect();
        assert!(
            !want.is_empty(),
            "{rule} in {zone}: the reference found nothing"
        );
        if &ours != want {
            let first = ours
                .iter()
                .zip(want)
                .position(|(a, b)| a != b)
                .unwrap_or(ours.len().min(want.len()));
            mismatches.push(format!(
                "{rule} in {zone}: {} vs {} occurrences; first difference at #{first}: ours {:?}, reference {:?}",
                ours.len(), want.len(), ours.get(first), want.get(first)
            ));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}
