//! End to end, in the real app and real WebKit, with its tray menu clicked through a StatusNotifier
//! host on the test's own session bus (tests/support/sni_host.py), as a panel would: "Next" shows
//! when the next reminder comes and opens the reminders, "Pause reminders today" pauses them so a
//! reminder due later that day does not fire, "Lock" locks and "Quit Hearth" ends the process.
//! ("Open Hearth" is e2e_walk_away's.)

mod support;

use std::time::{Duration, Instant};

use chrono::{Duration as Span, DurationRound, Utc};
use hearth_core::reminders::store::{self, ReminderDraft, ReminderKind};
use hearth_core::vault::{Partner, Vault};
use support::desktop_bus::DesktopBus;
use support::webdriver::ENTER;
use support::{eventually, is_running, seed_couple, Harness, PASS_A};

const DISCREET: &str = "Time for the two of you";

/// A one-off reminder at `due` (UTC, which the app is told is local), written through the core.
fn one_off_at(data_dir: &std::path::Path, due: chrono::DateTime<Utc>) {
    let mut vault = Vault::new(data_dir);
    vault
        .unlock(Some(Partner::A), PASS_A, Instant::now())
        .unwrap();
    store::create(
        vault.session().unwrap(),
        &ReminderDraft {
            kind: ReminderKind::OneOff,
            title: "Tea on the balcony".into(),
            notification_text: None,
            rule: "FREQ=DAILY;COUNT=1".into(),
            zone: "UTC".into(),
            start_local: due.naive_utc(),
            lead_minutes: 0,
            duration_minutes: 30,
            active: true,
        },
        Utc::now(),
    )
    .unwrap();
}

/// A whole minute at least 100 s away, still today: the tray's pause lasts until midnight.
fn due_later_today() -> chrono::DateTime<Utc> {
    loop {
        let due = (Utc::now() + Span::seconds(100))
            .duration_trunc(Span::minutes(1))
            .unwrap()
            + Span::minutes(1);
        if due.date_naive() == Utc::now().date_naive() {
            return due;
        }
        std::thread::sleep(Duration::from_secs(30));
    }
}

#[test]
fn the_tray_shows_the_next_reminder_pauses_today_locks_and_quits() {
    let desktop = DesktopBus::start();
    let mut env = desktop.env();
    env.push(("TZ", "UTC".to_string()));
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let harness = Harness::start_with(&env);
    let due = due_later_today();
    seed_couple(&harness.data_dir(), &[], true);
    one_off_at(&harness.data_dir(), due);
    let ui = harness.open();
    // After a start the lock screen knows no names: the passphrase says who is here.
    ui.find("#unlock-pass")
        .type_text(&format!("{PASS_A}{ENTER}"));
    ui.find("#nav-journal");
    let pid = harness.app_pid().expect("Hearth runs");

    // Next: the one-off, in the app's local time (UTC here); clicking it opens the reminders.
    let next = format!("Next: {}", due.format("%a %-d %b, %H:%M"));
    eventually(
        "the tray shows the next reminder",
        Duration::from_secs(30),
        || {
            desktop
                .tray_labels()
                .is_ok_and(|labels| labels.contains(&next))
        },
    );
    desktop.click_tray(&next);
    ui.find("#reminders-title");

    // Pause reminders today: the item turns into Resume, and the reminder due later today stays
    // silent past its time and one more timer period.
    desktop.click_tray("Pause reminders today");
    eventually("the tray offers Resume", Duration::from_secs(30), || {
        desktop
            .tray_labels()
            .is_ok_and(|labels| labels.iter().any(|l| l == "Resume reminders"))
    });
    // The Reminders screen, open all along, says so too.
    ui.wait_text("#reminder-next", |t| {
        t.starts_with("Reminders are paused until")
    });
    let quiet_until = due + Span::seconds(40);
    while Utc::now() < quiet_until {
        std::thread::sleep(Duration::from_secs(2));
    }
    let shown = desktop.notified();
    assert!(
        !shown.iter().any(|line| line.contains(DISCREET)),
        "a paused reminder fired: {shown:#?}"
    );

    // Lock, then Quit.
    desktop.click_tray("Lock");
    ui.find("#lock-title");
    desktop.click_tray("Quit Hearth");
    eventually("Hearth quits", Duration::from_secs(20), || !is_running(pid));
}
