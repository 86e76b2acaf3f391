//! End to end with a real notification server on the session bus: a reminder made through the UI
//! fires as exactly one desktop notification with the discreet text while Hearth is locked and its
//! window closed (Hearth stays in the tray, which it says once), and the process keeps running. Then what
//! a person does with a notification: "In 10 minutes" snoozes it, a click brings Hearth forward to
//! unlock and then to the reminder. A second launch hands over to the first and exits.

mod support;

use std::time::{Duration, Instant};

use chrono::{DurationRound, Utc};
use support::notifications::NotificationServer;
use support::{is_running, sam_and_alex, write_entry, Harness, PASS_A};

const DISCREET: &str = "Time for the two of you";
const TITLE: &str = "Tea on the balcony";
const CONTROL: &str = "\u{E009}";
const ENTRY_TITLE: &str = "The walk by the river";
const ENTRY_BODY: &str = "We stayed on the bench until the lights came on.";

#[test]
fn a_reminder_fires_once_while_locked_and_closed_then_snoozes_and_opens_hearth() {
    let scratch = tempfile::tempdir().unwrap();
    let server = NotificationServer::start(scratch.path());
    let harness =
        Harness::start_with(&[("DBUS_SESSION_BUS_ADDRESS", &server.address), ("TZ", "UTC")]);
    let ui = sam_and_alex(&harness);
    // An entry, so the welcome's promise can be checked: notifications never show entries.
    ui.find("#nav-journal").click();
    write_entry(&ui, "shared", ENTRY_TITLE, ENTRY_BODY);

    // A one-off reminder at the next whole minute that is at least 45 s away.
    let due = (Utc::now() + chrono::Duration::seconds(45))
        .duration_trunc(chrono::Duration::minutes(1))
        .unwrap()
        + chrono::Duration::minutes(1);
    ui.find("#nav-reminders").click();
    ui.find("#new-reminder").click();
    ui.find("#rem-title").type_text(TITLE);
    ui.execute(&format!(
        "const kind = document.querySelector('#rem-kind'); kind.value = 'one_off';
         const start = document.querySelector('#rem-start'); start.value = '{}';
         const zone = document.querySelector('#rem-zone'); zone.value = 'UTC';
         document.querySelector('#rem-lead').value = '0';
         start.dispatchEvent(new Event('change'));",
        due.format("%Y-%m-%dT%H:%M")
    ));
    ui.wait_script(
        "return document.querySelector('#rem-rule').value",
        "FREQ=DAILY;COUNT=1".into(),
    );
    ui.find("#rem-save").click();
    ui.wait_text("#reminder-list .prompt", |t| t.contains(TITLE));
    ui.wait_text("#reminder-next", |t| t.starts_with("Next reminder"));

    // Lock, then close the window the way a person does (Ctrl+W here, the title bar's close
    // button on a desktop: both ask the window to close, and Hearth stays in the tray without it).
    ui.chord(&[CONTROL, "l"]);
    ui.find("#lock-title");
    ui.chord_closing_window(&[CONTROL, "w"]);
    let notice = server
        .wait_for("still running", Duration::from_secs(20))
        .expect("the first close says Hearth is still in the tray");
    assert!(notice.line.contains("tray"), "{}", notice.line);
    let pid = harness.app_pid().expect("the Hearth process");
    assert!(
        Utc::now() < due,
        "the reminder came due before the window closed"
    );

    // Exactly one Notify with the discreet text, within 90 s of the due time.
    let limit = (due - Utc::now()).to_std().unwrap_or_default() + Duration::from_secs(90);
    let fired = server
        .wait_for(DISCREET, limit)
        .expect("the reminder was not shown within 90 s of its time");
    let fired_at = Utc::now();
    assert!(
        fired_at <= due + chrono::Duration::seconds(90),
        "shown at {fired_at}, due {due}"
    );
    assert!(!fired.line.contains(TITLE), "the title stays inside Hearth");
    // As an installed app sends it: its name, the installed icon, the menu entry it belongs to,
    // normal urgency, and the buttons (a click, Open, three snoozes). Printed for the record.
    println!("the server received: {}", fired.line);
    for part in [
        r#" Notify "Hearth" 0 "hearth" "Hearth" "#,
        r#""desktop-entry": "Hearth""#,
        r#""urgency": 1"#,
        r#"["default", "Open Hearth", "open", "Open", "snooze_ten_minutes", "In 10 minutes", "snooze_one_hour", "In an hour", "snooze_tomorrow", "Tomorrow"]"#,
    ] {
        assert!(fired.line.contains(part), "{part} in {}", fired.line);
    }
    // Another full timer period: still exactly one, and the tray notice was said only once.
    std::thread::sleep(Duration::from_secs(32));
    let all = server.notified();
    assert!(
        all.iter()
            .all(|n| !n.line.contains(ENTRY_TITLE) && !n.line.contains(ENTRY_BODY)),
        "an entry reached a notification: {all:#?}"
    );
    assert_eq!(
        all.iter().filter(|n| n.line.contains(DISCREET)).count(),
        1,
        "{all:#?}"
    );
    assert_eq!(
        all.iter()
            .filter(|n| n.line.contains("still running"))
            .count(),
        1
    );
    assert!(
        is_running(pid),
        "Hearth kept running with its window closed"
    );

    // "In 10 minutes" on the notification puts it back in the wake list, 10 minutes on.
    let snoozed_at = Utc::now();
    server.invoke_action(fired.id, "snooze_ten_minutes");
    let wake_path = harness.data_dir().join("wake-list.json");
    let deadline = Instant::now() + Duration::from_secs(10);
    let snoozed = loop {
        let wake: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&wake_path).unwrap()).unwrap();
        if let Some(item) = wake["snoozed"].as_array().and_then(|s| s.first()) {
            break item.clone();
        }
        assert!(
            Instant::now() < deadline,
            "the snooze never reached the wake list"
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    let again: chrono::DateTime<Utc> = serde_json::from_value(snoozed["fireAt"].clone()).unwrap();
    let minutes = (again - snoozed_at).num_seconds() as f64 / 60.0;
    assert!((9.9..=10.2).contains(&minutes), "snoozed {minutes} minutes");

    // A click on the notification: Hearth opens its window again, asks who is here, then shows
    // the reminder.
    server.invoke_action(fired.id, "default");
    ui.follow_reopened_window();
    ui.find("#unlock-as-a").click();
    ui.find("#unlock-pass").type_text(PASS_A);
    ui.find("#unlock-submit").click();
    let card = ui.wait_text("#snooze-card", |t| t.contains(TITLE));
    assert!(card.contains("Remind us again"), "{card}");
    ui.screenshot("21-reminder-opened-from-notification");

    // A second launch hands over to the running Hearth and exits.
    harness.launch_again();
    assert!(is_running(pid));
    ui.close();
}
