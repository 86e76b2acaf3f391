//! The wake list is the one file a passphrase does not protect, so Hearth reads it defensively: a
//! huge file is not read, an overlong list is cut short, quiet hours in an unknown zone do not stop
//! reminders, and with no file ("remind me only while unlocked") nothing is written before an
//! unlock says what the couple chose.

use std::fs;
use std::io::Write;

use chrono::{DateTime, Duration, NaiveTime, Utc};
use hearth_core::reminders::live::LiveSchedule;
use hearth_core::reminders::scheduler::{QuietHours, WakeItem};
use hearth_core::reminders::wake_list::{WakeList, FILE_NAME, MAX_FILE_BYTES, MAX_ITEMS};

fn utc(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn item(fire_at: DateTime<Utc>, n: usize) -> WakeItem {
    WakeItem {
        fire_at,
        reminder_id: format!("rem-{n}"),
        text: "Time for the two of you".into(),
    }
}

/// A wake list file of `count` items, one a minute from `first`, written compactly.
fn write_list(dir: &std::path::Path, first: DateTime<Utc>, count: usize) {
    let mut file = std::io::BufWriter::new(fs::File::create(dir.join(FILE_NAME)).unwrap());
    write!(
        file,
        r#"{{"format":1,"quiet":null,"pausedUntil":null,"items":["#
    )
    .unwrap();
    for n in 0..count {
        let at = first + Duration::minutes(n as i64);
        let comma = if n + 1 < count { "," } else { "" };
        write!(
            file,
            r#"{{"fireAt":"{}","reminderId":"rem-{n}","text":"Time"}}{comma}"#,
            at.to_rfc3339()
        )
        .unwrap();
    }
    write!(file, "]}}").unwrap();
}

#[test]
fn a_file_of_a_million_items_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    write_list(dir.path(), utc("2026-12-03T18:00:00Z"), 1_000_000);
    assert!(fs::metadata(dir.path().join(FILE_NAME)).unwrap().len() > MAX_FILE_BYTES);
    assert_eq!(WakeList::load(dir.path()), WakeList::default());
    let mut live = LiveSchedule::open(dir.path().to_path_buf(), utc("2026-12-03T17:00:00Z"));
    assert_eq!(live.tick(utc("2026-12-04T18:00:00Z")).unwrap(), None);
}

#[test]
fn an_overlong_list_is_cut_to_its_earliest_items() {
    let dir = tempfile::tempdir().unwrap();
    let first = utc("2026-12-03T18:00:00Z");
    write_list(dir.path(), first, MAX_ITEMS + 500);
    let list = WakeList::load(dir.path());
    assert_eq!(list.items.len(), MAX_ITEMS);
    assert_eq!(list.items[0].fire_at, first);
    let many: Vec<WakeItem> = (0..MAX_ITEMS + 1)
        .rev()
        .map(|n| item(first + Duration::minutes(n as i64), n))
        .collect();
    let made = WakeList::new(many, None, None);
    assert_eq!(made.items.len(), MAX_ITEMS);
    assert_eq!(made.items[0].fire_at, first);
}

#[test]
fn quiet_hours_in_an_unknown_zone_count_as_none() {
    let dir = tempfile::tempdir().unwrap();
    let due = utc("2026-12-03T23:30:00Z");
    let quiet = QuietHours {
        start: NaiveTime::from_hms_opt(22, 0, 0).unwrap(),
        end: NaiveTime::from_hms_opt(7, 0, 0).unwrap(),
        zone: "Atlantis/Lost_City".into(),
    };
    WakeList::new(vec![item(due, 1)], Some(quiet), None)
        .save(dir.path())
        .unwrap();
    let mut live = LiveSchedule::open(dir.path().to_path_buf(), due - Duration::minutes(1));
    let notice = live.tick(due + Duration::seconds(5)).unwrap();
    assert_eq!(
        notice.expect("the reminder still comes").reminder_ids,
        ["rem-1"]
    );
}

#[test]
fn with_no_wake_list_a_restarted_hearth_writes_none_before_an_unlock() {
    let dir = tempfile::tempdir().unwrap();
    let now = utc("2026-12-03T12:00:00Z");
    let mut live = LiveSchedule::open(dir.path().to_path_buf(), now);
    live.pause_until(now + Duration::hours(12)).unwrap();
    assert!(live.paused(now));
    assert!(!dir.path().join(FILE_NAME).exists());
    // An unlock that keeps reminders on disk writes the file, the pause with it.
    live.replace(
        WakeList::new(vec![item(now + Duration::hours(1), 1)], None, None),
        true,
    )
    .unwrap();
    assert!(WakeList::load(dir.path()).paused_until.is_some());
}
