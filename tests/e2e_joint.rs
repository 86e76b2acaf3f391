//! End to end, in the real app and real WebKit: sitting together keeps each private space private.
//! Sam writes a private entry with a unique marker and locks. Alex unlocks and adds Sam. By the UI
//! alone Alex tries to see Sam's private tab or the marker, to search for it, to export Sam's
//! space, and to share or delete Sam's entry: each attempt fails or asks for Sam's passphrase. Sam
//! opens their own space with it, sees the marker, leaves the screen, and the marker is gone
//! again. Sam leaves the session, and only Alex is shown as here. Each sentence the join screen
//! says is checked on the way (the five-minute close is the core's joint_session test, with a
//! clock it can move).

mod support;

use support::webdriver::{Session, CONTROL};
use support::{sam_and_alex, sam_wrote_privately, unlock_as, Harness, PASS_A, PASS_B};

const MARKER: &str = "plumcrest";

fn marker_on_screen(ui: &Session) -> bool {
    ui.page_source().contains(MARKER)
}

#[test]
fn sitting_together_shows_neither_private_space_without_its_owner() {
    // 1. Sam, alone, writes a private entry with the marker, then locks.
    let harness = Harness::start();
    let ui = sam_wrote_privately(&harness, "Only mine", &format!("The {MARKER} thought"));
    ui.wait_text("#entry-list", |t| t.contains(MARKER));
    let entry_id = ui
        .execute("return document.querySelector('[data-entry^=\"private-a:\"]').dataset.entry.split(':')[1];")
        .as_str()
        .unwrap()
        .to_string();
    ui.chord(&[CONTROL, "l"]);
    ui.find("#lock-title");

    // 2. Alex unlocks and adds Sam. The join screen says what each can see.
    unlock_as(&ui, "b", PASS_B);
    ui.find("#add-partner").click();
    let promises = ui.wait_text("#join-promises", |t| t.contains("leave"));
    for sentence in [
        "Neither private space shows on this screen while you are both here",
        "open it in the Journal with your own passphrase",
        "It closes again when you leave the Journal",
        "Sharing, deleting or exporting from a private space asks for its owner's passphrase each time.",
        "Either of you can leave this session from the menu, and the other stays.",
    ] {
        assert!(promises.contains(sentence), "{sentence} in {promises}");
    }
    ui.screenshot("50-join-screen");
    ui.find("#add-pass").type_text(PASS_A);
    ui.find("#add-submit").click();
    ui.wait_text("#who-unlocked", |t| t.contains("Sam") && t.contains("Alex"));

    // 3. Neither private space shows: not in the list, not in search, not in the tags.
    ui.find("#nav-journal").click();
    ui.find("#joint-note");
    ui.wait_text("#entry-list", |t| t.contains("No entries yet"));
    assert!(!marker_on_screen(&ui), "the marker in the joint journal");
    ui.find("#journal-search").type_text(MARKER);
    ui.wait_text("#entry-list", |t| t.contains("Nothing matches"));
    assert!(!marker_on_screen(&ui));
    ui.execute("const s = document.querySelector('#journal-search'); s.value = ''; s.dispatchEvent(new Event('input'));");
    for owner in ["a", "b"] {
        ui.find(&format!("#journal-tab-private-{owner}")).click();
        ui.find(&format!("#open-private-{owner}"));
        assert!(!marker_on_screen(&ui), "the marker behind tab {owner}");
    }
    ui.screenshot("51-joint-journal");

    // Alex's passphrase does not open Sam's space.
    ui.find("#journal-tab-private-a").click();
    ui.find("#open-pass-a").type_text(PASS_B);
    ui.find("#open-private-submit-a").click();
    ui.wait_text("#open-private-error-a", |t| {
        t.contains("doesn't open Sam's space")
    });
    assert!(!marker_on_screen(&ui));

    // 4. An export of Sam's space asks for Sam's passphrase; Alex's alone gets nothing out.
    ui.find("#nav-settings").click();
    ui.execute("document.querySelector('#export-who').value = 'a';");
    ui.find("#export-submit").click();
    ui.wait_text("#export-error", |t| {
        t.contains("needs the passphrase of the partner")
    });
    ui.find("#export-owner-pass").type_text(PASS_B);
    ui.find("#export-submit").click();
    ui.wait_text("#export-error", |t| t.contains("doesn't open Sam's space"));

    // 5. Sam opens their own space with their passphrase and sees the marker; sharing and
    // deleting still ask for Sam's passphrase there and then.
    ui.find("#nav-journal").click();
    ui.find("#journal-tab-private-a").click();
    ui.find("#open-pass-a").type_text(PASS_A);
    ui.find("#open-private-submit-a").click();
    ui.wait_text("#entry-list", |t| t.contains(MARKER));
    ui.screenshot("52-joint-journal-opened-by-owner");
    ui.find(&format!("#share-{entry_id}")).click();
    ui.find(&format!("#share-{entry_id}-pass"));
    ui.find(&format!("#share-{entry_id}-confirm")).click();
    ui.wait_text(&format!("#share-{entry_id}-error"), |t| !t.is_empty());
    ui.execute("[...document.querySelectorAll('button')].find((b) => b.textContent === 'Keep it').click();");
    ui.find(&format!("#delete-entry-private-a-{entry_id}"))
        .click();
    ui.find(&format!("#delete-{entry_id}-pass"));
    ui.execute("[...document.querySelectorAll('button')].find((b) => b.textContent === 'Keep it').click();");
    ui.wait_text("#entry-list", |t| t.contains(MARKER));

    // Leaving the screen closes it again.
    ui.find("#nav-home").click();
    ui.find("#home-greeting");
    ui.find("#nav-journal").click();
    ui.wait_text("#entry-list", |t| t.contains("No entries yet"));
    ui.find("#journal-tab-private-a").click();
    ui.find("#open-private-a");
    assert!(
        !marker_on_screen(&ui),
        "the marker after leaving the journal"
    );

    // 6. Sam leaves the session; only Alex is here, and the entry is still Sam's alone.
    ui.find("#leave-a").click();
    ui.wait_text("#who-unlocked", |t| {
        t.contains("Alex") && !t.contains("Sam")
    });
    ui.find("#nav-journal").click();
    ui.wait_text("#entry-list", |t| t.contains("No entries yet"));
    assert!(!marker_on_screen(&ui));
    ui.close();
}

/// Closing the window with the default setting locks Hearth: opened again, the window shows the
/// lock screen. Turned off, closing keeps the session.
#[test]
fn closing_the_window_locks_by_default() {
    let harness = Harness::start();
    let ui = sam_and_alex(&harness);
    ui.find("#nav-settings").click();
    ui.wait_script(
        "return document.querySelector('#lock-on-close').checked;",
        serde_json::json!(true),
    );
    ui.chord_closing_window(&[CONTROL, "w"]);
    harness.launch_again();
    ui.follow_reopened_window();
    ui.find("#lock-title");
    assert!(ui.try_find("#nav-journal").is_none(), "the shell is gone");

    // Turned off, closing keeps the session.
    unlock_as(&ui, "a", PASS_A);
    ui.find("#nav-settings").click();
    ui.find("#lock-on-close").click();
    ui.wait_text("#auto-lock-status", |t| t.contains("keeps Hearth unlocked"));
    ui.chord_closing_window(&[CONTROL, "w"]);
    std::thread::sleep(std::time::Duration::from_secs(2));
    harness.launch_again();
    ui.follow_reopened_window();
    ui.find("#nav-journal");
    assert!(ui.try_find("#lock-title").is_none(), "it stayed unlocked");
    ui.close();
}
