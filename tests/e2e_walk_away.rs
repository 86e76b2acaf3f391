//! End to end, in the real app and real WebKit, with a fake logind on a private system bus and a
//! fake screen saver on a private session bus: Hearth locks when the person walks away. It holds a
//! delay inhibitor while it runs; `PrepareForSleep(true)` shows the lock screen and lets go of the
//! inhibitor (so the machine may sleep only once the keys are gone), and resume takes it again. A
//! session `Lock`, and the screen saver coming on, lock it too. Closing the window locks, and the
//! tray's "Open Hearth" (clicked through a StatusNotifier host) then shows the lock screen.

mod support;

use std::time::{Duration, Instant};

use support::desktop_bus::DesktopBus;
use support::webdriver::{Session, CONTROL};
use support::{sam_and_alex, unlock_as, Harness, PASS_A, PASS_B};

/// Waits until `check` holds, for up to 30 s.
fn eventually(what: &str, check: impl Fn() -> bool) {
    support::eventually(what, Duration::from_secs(30), check);
}

fn shows_lock_screen(ui: &Session) -> bool {
    ui.try_find("#lock-title").is_some()
}

/// Sends `signal` until the lock screen shows: the app listens from a thread of its own, which may
/// not have subscribed yet the first time.
fn locks_on(ui: &Session, what: &str, signal: impl Fn()) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        signal();
        std::thread::sleep(Duration::from_millis(400));
        if shows_lock_screen(ui) {
            return;
        }
        assert!(Instant::now() < deadline, "{what} did not lock Hearth");
    }
}

/// Sam and Alex, just set up, in a Hearth whose desktop is the fake one.
fn couple_on_a_fake_desktop() -> (DesktopBus, Harness, Session) {
    let desktop = DesktopBus::start();
    let env = desktop.env();
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let harness = Harness::start_with(&env);
    let ui = sam_and_alex(&harness);
    (desktop, harness, ui)
}

#[test]
fn sleep_session_lock_and_screen_saver_each_lock_hearth() {
    let (desktop, _harness, ui) = couple_on_a_fake_desktop();

    // Hearth holds a delay inhibitor on sleep while it runs.
    eventually("Hearth takes a sleep inhibitor", || {
        desktop.inhibitors().contains("Hearth sleep delay")
    });

    // The lid closes: locked, then the inhibitor is let go so the machine can sleep.
    desktop.prepare_for_sleep(true);
    eventually("the lock screen after PrepareForSleep", || {
        shows_lock_screen(&ui)
    });
    eventually("the inhibitor is released", || {
        !desktop.inhibitors().contains("Hearth")
    });
    ui.screenshot("70-locked-before-sleep");
    // The lid opens: a new inhibitor for the next sleep.
    desktop.prepare_for_sleep(false);
    eventually("a new inhibitor after resume", || {
        desktop.inhibitors().contains("Hearth sleep delay")
    });

    // The desktop session locks.
    unlock_as(&ui, "a", PASS_A);
    assert!(!shows_lock_screen(&ui));
    locks_on(&ui, "the session Lock signal", || desktop.lock_session());

    // The screen saver comes on.
    unlock_as(&ui, "b", PASS_B);
    desktop.screen_saver(false);
    locks_on(&ui, "the screen saver", || {
        desktop.screen_saver(false);
        desktop.screen_saver(true);
    });
}

#[test]
fn after_closing_the_window_the_trays_open_hearth_shows_the_lock_screen() {
    let (desktop, _harness, ui) = couple_on_a_fake_desktop();
    eventually("the tray menu offers Open Hearth", || {
        desktop
            .tray_labels()
            .is_ok_and(|labels| labels.iter().any(|l| l == "Open Hearth"))
    });
    // Ctrl+W closes the window to the tray, and Hearth locks (the default). The webview is gone,
    // not hidden: nothing of the UI lives on while Hearth waits in the tray.
    ui.chord_closing_window(&[CONTROL, "w"]);

    // Open Hearth from the tray: a new window, showing the lock screen, nothing private.
    desktop.click_tray("Open Hearth");
    ui.follow_reopened_window();
    ui.find("#lock-title");
    assert!(ui.try_find("#nav-journal").is_none());
    assert_eq!(
        ui.execute("return document.visibilityState;"),
        serde_json::json!("visible")
    );
    ui.screenshot("71-tray-open-after-close");
}
