//! Reminders through commands: the wake list without titles, pause, snooze and "only while unlocked".

use serde_json::{json, Value};

use crate::support::ipc::{setup_args, start};
use crate::support::PASS_A;

#[test]
fn reminders_through_commands_keep_the_wake_list_free_of_titles() {
    let dir = tempfile::tempdir().unwrap();
    let app = start(dir.path());
    app.ok("setup_couple", setup_args());
    // Next week, so the first occurrences fall inside the wake list's horizon.
    let start = (chrono::Utc::now() + chrono::Duration::days(7))
        .format("%Y-%m-%dT19:00:00")
        .to_string();
    let draft = json!({
        "kind": "weekly_slot", "title": "Our secret-title-7c1d evening", "rule": "FREQ=WEEKLY",
        "zone": "Europe/Berlin", "startLocal": start, "leadMinutes": 15, "durationMinutes": 60,
    });
    assert_eq!(
        app.ok(
            "preset_rule",
            json!({ "kind": "monthly_date", "startLocal": "2030-01-04T20:00:00" })
        ),
        "FREQ=MONTHLY;BYDAY=1FR"
    );
    let preview = app.ok("preview_reminder", json!({ "draft": draft }));
    assert_eq!(preview.as_array().unwrap().len(), 5);
    assert_eq!(preview[0], start.as_str());
    let created = app.ok("create_reminder", json!({ "draft": draft }));
    assert_eq!(created["notificationText"], "Time for the two of you");
    let wake = std::fs::read_to_string(dir.path().join("wake-list.json")).unwrap();
    assert!(
        wake.contains("Time for the two of you") && !wake.contains("secret-title-7c1d"),
        "{wake}"
    );
    let mut bad = draft.clone();
    bad["leadMinutes"] = json!(7);
    assert_eq!(
        app.err_kind("create_reminder", json!({ "draft": bad })),
        "invalid_input"
    );
    assert_eq!(
        app.ok("list_reminders", json!({}))
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // A daily together-time that began a minute ago can be marked kept.
    let began = chrono::Utc::now() - chrono::Duration::minutes(1);
    let daily = app.ok(
        "create_reminder",
        json!({ "draft": { "kind": "weekly_slot", "title": "Morning coffee", "rule": "FREQ=DAILY",
            "zone": "UTC", "startLocal": began.format("%Y-%m-%dT%H:%M:00").to_string(),
            "leadMinutes": 0, "durationMinutes": 30 } }),
    );
    let occurrence = began.format("%Y-%m-%dT%H:%M:00Z").to_string();
    let recent = app.ok("recent_together_times", json!({}));
    assert_eq!(recent[0]["occurrence"], occurrence.as_str());
    assert_eq!(recent[0]["outcome"], Value::Null);
    let earlier = app.ok("kept_this_month", json!({})).as_u64().unwrap();
    assert_eq!(
        app.err_kind(
            "record_together_time",
            json!({ "id": daily["id"], "occurrence": "2099-01-01T00:00:00Z", "outcome": "kept" })
        ),
        "invalid_input"
    );
    // A date at the very edge of what a date can hold is refused in plain words, not a panic
    // that would leave the vault unusable: locking still works after it.
    // (-262144 is beyond what a date holds; -262143 is its very first year.)
    for year in ["-262144", "-262143", "+262143"] {
        let edge = app
            .invoke(
                "record_together_time",
                json!({ "id": daily["id"], "occurrence": format!("{year}-01-01T00:00:00Z"), "outcome": "kept" }),
            )
            .unwrap_err();
        assert_eq!(edge["kind"], "invalid_input", "{year}: {edge}");
        assert!(
            !edge["message"].as_str().unwrap().contains("invalid args"),
            "{edge}"
        );
    }
    assert_eq!(app.ok("lock", json!({}))["state"], "locked");
    app.ok("unlock", json!({ "partner": "a", "passphrase": PASS_A }));
    app.ok(
        "record_together_time",
        json!({ "id": daily["id"], "occurrence": occurrence, "outcome": "kept" }),
    );
    assert_eq!(app.ok("kept_this_month", json!({})), earlier + 1);
    assert_eq!(
        app.ok("recent_together_times", json!({}))[0]["outcome"],
        "kept"
    );
    app.ok("delete_reminder", json!({ "id": daily["id"] }));
    let mut paused = draft.clone();
    paused["active"] = json!(false);
    app.ok(
        "update_reminder",
        json!({ "id": created["id"], "draft": paused }),
    );
    let wake = std::fs::read_to_string(dir.path().join("wake-list.json")).unwrap();
    assert!(
        !wake.contains(created["id"].as_str().unwrap()),
        "a paused reminder leaves the wake list"
    );
    app.ok("delete_reminder", json!({ "id": created["id"] }));
    assert_eq!(
        app.err_kind("delete_reminder", json!({ "id": "missing" })),
        "not_found"
    );
}

#[test]
fn pause_snooze_and_only_while_unlocked_through_commands() {
    let dir = tempfile::tempdir().unwrap();
    let app = start(dir.path());
    app.ok("setup_couple", setup_args());
    let wake_file = dir.path().join("wake-list.json");
    let start = (chrono::Utc::now() + chrono::Duration::days(2))
        .format("%Y-%m-%dT19:00:00")
        .to_string();
    let created = app.ok(
        "create_reminder",
        json!({ "draft": { "kind": "weekly_slot", "title": "Sunday", "rule": "FREQ=WEEKLY",
            "zone": "UTC", "startLocal": start, "leadMinutes": 0, "durationMinutes": 60 } }),
    );
    let status = app.ok("reminder_status", json!({}));
    assert_eq!(status["next"], format!("{start}Z").as_str());
    assert_eq!(status["pausedUntil"], Value::Null);
    assert_eq!(status["defaultText"], "Time for the two of you");

    let paused = app.ok("pause_reminders_today", json!({}));
    let until: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(paused["pausedUntil"].clone()).unwrap();
    assert!(until > chrono::Utc::now() && until <= chrono::Utc::now() + chrono::Duration::days(1));
    assert!(std::fs::read_to_string(&wake_file)
        .unwrap()
        .contains("pausedUntil"));
    assert_eq!(
        app.ok("resume_reminders", json!({}))["pausedUntil"],
        Value::Null
    );

    let snoozed = app.ok(
        "snooze_reminders",
        json!({ "reminderIds": [created["id"]], "snooze": "ten_minutes" }),
    );
    let next: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(snoozed["next"].clone()).unwrap();
    assert!(next < chrono::Utc::now() + chrono::Duration::minutes(11));
    assert!(app
        .invoke(
            "snooze_reminders",
            json!({ "reminderIds": [], "snooze": "forever" })
        )
        .is_err());

    // Quiet hours are checked; "only while unlocked" removes the file and forgets on lock.
    assert_eq!(
        app.err_kind(
            "set_reminder_prefs",
            json!({ "prefs": { "quiet": { "start": "22:00:00", "end": "22:00:00", "zone": "UTC" }, "onlyWhileUnlocked": false } })
        ),
        "invalid_input"
    );
    let prefs = json!({ "quiet": { "start": "22:00:00", "end": "07:00:00", "zone": "UTC" }, "onlyWhileUnlocked": true });
    assert_eq!(
        app.ok("set_reminder_prefs", json!({ "prefs": prefs })),
        prefs
    );
    assert_eq!(app.ok("get_reminder_prefs", json!({})), prefs);
    assert!(!wake_file.exists(), "no wake list on disk");
    assert_ne!(app.ok("reminder_status", json!({}))["next"], Value::Null);
    app.ok("lock", json!({}));
    assert_eq!(
        app.ok("reminder_status", json!({}))["next"],
        Value::Null,
        "forgotten on lock"
    );
    assert!(!wake_file.exists());

    // Without the desktop plugins (as here) these say so in plain words.
    assert_eq!(app.err_kind("get_autostart", json!({})), "unavailable");
    app.ok("unlock", json!({ "partner": "a", "passphrase": PASS_A }));
    assert_eq!(app.err_kind("export_ics", json!({})), "unavailable");
}
