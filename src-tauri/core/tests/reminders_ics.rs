//! The .ics export read by a real iCalendar parser (python-icalendar), expanded by python-dateutil
//! with zoneinfo: the dates must equal Hearth's own, and each VTIMEZONE transition must match
//! zoneinfo. Titles never reach the file; nudges stay out of it.

mod common;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDateTime, Utc};
use common::*;
use hearth_core::reminders::ics;
use hearth_core::reminders::store::{self, ReminderDraft, ReminderKind};
use serde_json::json;

const AFTER: &str = "2026-11-21T12:00:00Z";

fn draft(kind: ReminderKind, title: &str, rule: &str, zone: &str, start: &str) -> ReminderDraft {
    ReminderDraft {
        kind,
        title: title.into(),
        notification_text: Some("Time for the two of you, again".into()),
        rule: rule.into(),
        zone: zone.into(),
        start_local: NaiveDateTime::parse_from_str(start, "%Y-%m-%dT%H:%M").unwrap(),
        lead_minutes: 15,
        duration_minutes: 60,
        active: true,
    }
}

#[test]
fn the_ics_file_parses_and_its_dates_equal_ours() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = set_up(dir.path());
    let session = vault.session().unwrap();
    let marker = unique_marker("ICSTITLE");
    let now: DateTime<Utc> = AFTER.parse().unwrap();
    let drafts = [
        draft(
            ReminderKind::WeeklySlot,
            &format!("{marker} Sunday"),
            "FREQ=WEEKLY;BYDAY=SU",
            "America/New_York",
            "2026-01-04T19:00",
        ),
        draft(
            ReminderKind::MonthlyDate,
            "First Friday",
            "FREQ=MONTHLY;BYDAY=1FR",
            "Europe/Berlin",
            "2026-01-02T20:00",
        ),
        draft(
            ReminderKind::MonthlyDate,
            "Last weekday",
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
            "Pacific/Apia",
            "2026-01-30T18:30",
        ),
        draft(
            ReminderKind::WeeklySlot,
            "Lord Howe mornings",
            "FREQ=WEEKLY;BYDAY=SA",
            "Australia/Lord_Howe",
            "2026-01-03T02:15",
        ),
        draft(
            ReminderKind::Yearly,
            "Anniversary",
            "FREQ=YEARLY",
            "Europe/Berlin",
            "2019-03-31T02:30",
        ),
        draft(
            ReminderKind::OneOff,
            "Weekend away",
            "FREQ=DAILY;COUNT=1",
            "Europe/Berlin",
            "2027-05-14T17:00",
        ),
        draft(
            ReminderKind::DailyPrompt,
            "Daily question",
            "FREQ=DAILY",
            "Europe/Berlin",
            "2026-01-01T09:00",
        ),
    ];
    let mut ours = BTreeMap::new();
    for d in &drafts {
        let created = store::create(session, d, now).unwrap();
        if d.kind.is_together_time() {
            let dates: Vec<String> = created
                .recurrence()
                .unwrap()
                .after(now, 30)
                .unwrap()
                .iter()
                .map(|at| at.format("%Y-%m-%dT%H:%M:%SZ").to_string())
                .collect();
            ours.insert(format!("{}@hearth.app", created.id), dates);
        }
    }
    let text = ics::export(&store::list(session).unwrap(), now).unwrap();
    assert!(!text.contains(&marker), "a title reached the .ics file");
    assert!(text.lines().all(|l| l.len() <= 76), "lines are folded");

    let reference = python_reference(
        "ics_reference.py",
        &json!({ "ics": text, "after": AFTER, "count": 30 }),
    );
    let theirs: BTreeMap<String, Vec<String>> =
        serde_json::from_value(reference["events"].clone()).unwrap();
    assert_eq!(theirs.len(), 6, "every together-time, and no nudge");
    for (uid, dates) in &ours {
        assert_eq!(theirs.get(uid), Some(dates), "{uid}");
    }
    assert!(reference["transitions"].as_u64().unwrap() > 40);
    assert_eq!(reference["zone_mismatches"], json!([]));
}
