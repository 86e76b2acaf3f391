//! End to end, in the real app and real WebKit: keys that can be replaced. Sam, unlocked alone,
//! makes a new recovery code in Settings, then changes passphrase with "Also replace the encryption
//! key": each time a new code is shown once. An old copy of the keyslots file with the old
//! passphrase unwraps a key that no longer opens Sam's private file, and Sam's entry is still
//! there under the new passphrase. Then Alex resets Sam's passphrase with Sam's newest code, and
//! Sam is told of it, once, at their next unlock. Also here: the webview refuses to leave Hearth's
//! own pages or to open a window. (It moves between screens with the rail's keys, Ctrl+4 and Ctrl+,.)

mod support;

use std::path::Path;

use hearth_core::vault::keyslots::{Keyslots, SlotId};
use hearth_core::vault::{db, Partner, Space};
use support::webdriver::{Session, CONTROL};
use support::{sam_alone, unlock_as, write_entry, Harness, PASS_A, PASS_B};

const MARKER: &str = "quillmoor";
const NEW_PASS: &str = "copper meadow signal walrus";
const RESET_PASS: &str = "amber canyon violet hinge";

/// Reads the recovery code on screen, ticks "I have written it down" and goes on.
fn take_code(ui: &Session, previous: &str) -> String {
    let code = ui.wait_text("#recovery-code", |t| t.len() == 39 && t != previous);
    ui.find("#recovery-ack").click();
    ui.find("#recovery-next").click();
    code
}

/// Whether the key that `slots` (an old copy) gives for `passphrase` opens Sam's private file now.
fn old_key_opens(slots: &[u8], passphrase: &str, data_dir: &Path) -> bool {
    let key = Keyslots::parse(slots, Path::new("copy"))
        .unwrap()
        .vault(Space::Private(Partner::A))
        .unwrap()
        .unwrap_key(SlotId::Passphrase(Partner::A), passphrase)
        .unwrap()
        .expect("the copy opens with the old passphrase");
    db::open(data_dir, Space::Private(Partner::A), &key).is_ok()
}

#[test]
fn recovery_codes_and_keys_are_replaced_from_settings() {
    let harness = Harness::start();
    let ui = sam_alone(&harness);
    // The rail's keys: Ctrl+4 is the journal, Ctrl+, Settings.
    ui.chord(&[CONTROL, "4"]);
    write_entry(&ui, "private-a", "Plans", &format!("The {MARKER} plan"));

    // A new recovery code, shown once.
    ui.chord(&[CONTROL, ","]);
    ui.find("#recovery-a-pass").type_text(PASS_A);
    ui.find("#recovery-a-submit").click();
    let first = take_code(&ui, "");
    ui.find("#recovery-a-submit");

    // A new passphrase and a new key: progress, then another new code.
    let old_slots = std::fs::read(harness.data_dir().join("keyslots.json")).unwrap();
    assert!(old_key_opens(&old_slots, PASS_A, &harness.data_dir()));
    ui.find("#pass-a-current").type_text(PASS_A);
    ui.find("#pass-a-new").type_text(NEW_PASS);
    ui.find("#pass-a-confirm").type_text(NEW_PASS);
    ui.find("#pass-a-rekey").click();
    ui.find("#pass-a-submit").click();
    ui.wait_text("#recovery-title", |t| t.contains("new recovery code"));
    ui.screenshot("60-new-code-after-key-change");
    let second = take_code(&ui, &first);
    assert!(
        !old_key_opens(&old_slots, PASS_A, &harness.data_dir()),
        "an old keyslots copy with the old passphrase still opens the current private file"
    );

    ui.chord(&[CONTROL, "l"]);
    unlock_as(&ui, "a", NEW_PASS);
    ui.find("#nav-journal").click();
    ui.wait_text("#entry-list", |t| t.contains(MARKER));
    ui.chord(&[CONTROL, "l"]);

    // Alex resets Sam's passphrase with the newest code; the first one no longer works.
    unlock_as(&ui, "b", PASS_B);
    ui.find("#add-partner").click();
    ui.find("#add-forgot").click();
    for (code, expect_ok) in [(first.as_str(), false), (second.as_str(), true)] {
        ui.execute("document.querySelector('#reset-code').value = '';");
        ui.find("#reset-code").type_text(code);
        ui.execute("for (const id of ['reset-pass', 'reset-confirm']) document.getElementById(id).value = '';");
        ui.find("#reset-pass").type_text(RESET_PASS);
        ui.find("#reset-confirm").type_text(RESET_PASS);
        ui.find("#reset-submit").click();
        if expect_ok {
            ui.wait_text("#who-unlocked", |t| t.contains("Sam") && t.contains("Alex"));
        } else {
            ui.wait_text("#reset-error", |t| t.contains("doesn't open"));
        }
    }
    ui.chord(&[CONTROL, "l"]);

    // Sam hears of the reset at the next unlock, once.
    unlock_as(&ui, "a", RESET_PASS);
    let notice = ui.wait_text("#reset-notice", |t| t.contains("recovery code"));
    assert!(
        notice.starts_with("Sam, your passphrase was reset"),
        "{notice}"
    );
    ui.screenshot("61-reset-notice");
    ui.find("#reset-notice-ok").click();
    assert!(ui.try_find("#reset-notice").is_none());
    ui.chord(&[CONTROL, "l"]);
    unlock_as(&ui, "a", RESET_PASS);
    ui.find("#home-greeting");
    assert!(ui.try_find("#reset-notice").is_none());
}

#[test]
fn the_webview_stays_on_hearths_own_pages() {
    let harness = Harness::start();
    let ui = harness.open();
    ui.find("#setup-a-name");
    let home = ui.url();
    assert!(home.starts_with("tauri://localhost"), "{home}");
    ui.execute("window.location.href = 'https://example.com/';");
    ui.execute("window.open('https://example.com/', '_blank');");
    ui.execute("window.open('tauri://localhost/index.html', '_blank');");
    // Give WebKit time to act on the requests, then check that none was followed.
    std::thread::sleep(std::time::Duration::from_secs(2));
    assert_eq!(ui.url(), home);
    assert_eq!(ui.window_count(), 1);
    ui.find("#setup-a-name").type_text("Still here");
}
