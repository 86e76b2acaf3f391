//! End to end: the real Hearth binary in real WebKit (WebKitWebDriver behind tauri-driver), under
//! Xvfb, with a temporary data folder and temporary XDG folders so that everything the app and its
//! webview write can be searched for leaked plaintext.
//!
//! Needs a display and tauri-driver on PATH; `make test` provides both (xvfb-run, dbus-run-session).

mod support;

use std::path::Path;

use support::leaks::files_with;
use support::webdriver::{CONTROL, ENTER};
use support::{Harness, PASS_A, PASS_B};

fn assert_no_leak(home: &Path, marker: &str, when: &str) {
    let hits = files_with(home, &home.join("data"), marker);
    assert!(
        hits.is_empty(),
        "{when}: plaintext marker or plain database in {hits:?}"
    );
}

#[test]
fn setup_lock_wrong_passphrase_unlock_and_restart() {
    let harness = Harness::start();
    let home = &harness.home;

    // A marker in both names and both passphrases: none of it may reach the disk in plaintext.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let marker = format!("Mk{:x}", nanos ^ u128::from(std::process::id()));
    let name_a = format!("Sam{marker}");
    let name_b = format!("Alex{marker}");
    let pass_a = format!("{PASS_A} {marker}");
    let pass_b = format!("{PASS_B} {marker}");

    let ui = harness.open();
    // 1. First-run setup of two partners.
    ui.find("#setup-a-name");
    ui.screenshot("01-setup");
    ui.find("#setup-a-name").type_text(&name_a);
    ui.find("#setup-a-pass").type_text(&pass_a);
    ui.find("#setup-a-confirm").type_text(&pass_a);
    ui.find("#setup-b-name").type_text(&name_b);
    ui.find("#setup-b-pass").type_text("too weak");
    ui.find("#setup-b-confirm").type_text("too weak");
    ui.find("#setup-submit").click();
    let weak = ui.wait_text("#setup-error", |t| !t.is_empty());
    assert!(weak.contains("too easy to guess"), "{weak}");
    for id in ["#setup-b-pass", "#setup-b-confirm"] {
        ui.execute(&format!("document.querySelector('{id}').value = ''"));
        ui.find(id).type_text(&pass_b);
    }
    ui.find("#setup-submit").click();

    let code_a = ui.wait_text("#recovery-code", |t| t.len() == 39);
    assert!(ui.find("#recovery-title").text().contains(&name_a));
    ui.screenshot("02-recovery-code");
    assert_eq!(
        ui.find("#recovery-next").attribute("disabled").as_deref(),
        Some("true")
    );
    ui.find("#recovery-ack").click();
    ui.find("#recovery-next").click();
    let code_b = ui.wait_text("#recovery-code", |t| t.len() == 39 && t != code_a);
    ui.find("#recovery-ack").click();
    ui.find("#recovery-next").click();
    let greeting = ui.wait_text("#home-greeting", |t| t.contains(&name_a));
    assert!(greeting.contains(&name_b), "{greeting}");
    for code in [&code_a, &code_b, &code_a.replace('-', "")] {
        assert_no_leak(home.path(), code, "recovery code after setup");
    }
    assert_no_leak(home.path(), &marker, "while unlocked");

    // 2. Lock with Ctrl+L.
    ui.chord(&[CONTROL, "l"]);
    ui.find("#unlock-as-a");
    ui.screenshot("03-lock");

    // 3. A wrong passphrase shows its error (keyboard only: the first name has focus).
    ui.active().type_text(ENTER);
    ui.find("#unlock-pass");
    ui.active().type_text(&format!("{pass_b}{ENTER}"));
    let error = ui.wait_text("#unlock-error", |t| !t.is_empty());
    assert_eq!(
        error,
        format!("That passphrase doesn't open {name_a}'s space. Check Caps Lock.")
    );

    // 4. Unlock as partner A; 5. the home screen names A only.
    ui.active().type_text(&format!("{pass_a}{ENTER}"));
    let greeting = ui.wait_text("#home-greeting", |t| t.contains(&name_a));
    assert!(!greeting.contains(&name_b), "{greeting}");
    let who = ui.find("#who-unlocked").text();
    assert!(who.contains(&name_a) && !who.contains(&name_b), "{who}");
    ui.screenshot("04-home");

    // Settings: a new auto-lock time is saved in the vault and read back.
    ui.find("#nav-settings").click();
    const AUTO_LOCK: &str = "return document.querySelector('#auto-lock').value";
    ui.find("#auto-lock").click();
    ui.wait_script(AUTO_LOCK, "10".into());
    ui.execute("const s = document.querySelector('#auto-lock'); s.value = '5'; s.dispatchEvent(new Event('change'))");
    ui.wait_text("#auto-lock-status", |t| t.contains("5 idle minutes"));
    ui.screenshot("05-settings");

    // 6. Lock again, with the button.
    ui.find("#lock-button").click();
    ui.find("#unlock-as-b");
    assert_no_leak(home.path(), &marker, "after lock");
    ui.close();

    // After a restart the lock screen is neutral: no names before unlock.
    let ui = harness.open();
    let title = ui.wait_text("#lock-title", |t| !t.is_empty());
    assert_eq!(title, "Hearth");
    assert!(
        !ui.page_source().contains(&marker),
        "a name showed before unlock"
    );
    ui.find("#unlock-pass")
        .type_text(&format!("{pass_b}{ENTER}"));
    ui.wait_text("#home-greeting", |t| t.contains(&name_b));
    ui.find("#nav-settings").click();
    ui.find("#auto-lock");
    ui.wait_script(AUTO_LOCK, "5".into());
    ui.close();
    assert_no_leak(home.path(), &marker, "after restart");
}

/// A shared file whose pages after the first are put back as they were before more entries were
/// written: each page passes its HMAC and the header is whole, so the unlock goes ahead. The full
/// check that follows it finds the damage before anything is written, and the lock screen names
/// the file (whether the unlock's answer or the housekeeping tick brings the news).
#[test]
fn a_damaged_file_found_after_the_unlock_is_named_on_the_lock_screen() {
    use hearth_core::testing::sample_journal;
    use hearth_core::vault::Partner;

    let harness = Harness::start();
    let data = harness.data_dir();
    let mut vault = support::new_couple(&data);
    vault.lock();
    let file = data.join("shared.db");
    let before = std::fs::read(&file).unwrap();
    vault
        .unlock(Some(Partner::A), PASS_A, std::time::Instant::now())
        .unwrap();
    sample_journal::fill(vault.session().unwrap(), "main", 200, 3).unwrap();
    vault.lock();
    let mut mixed = std::fs::read(&file).unwrap();
    mixed[4096..before.len()].copy_from_slice(&before[4096..]);
    std::fs::write(&file, &mixed).unwrap();

    let ui = harness.open();
    ui.find("#unlock-pass").type_text(PASS_A);
    ui.find("#unlock-submit").click();
    let notice = ui.wait_text("#lock-notice", |t| t.contains("shared.db"));
    assert!(notice.contains("is damaged"), "{notice}");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        mixed,
        "the file is left as it was"
    );
}
