//! Two laptops on one machine, end to end: two real Hearth apps, each in real WebKit on a data
//! folder and a display of its own, joined by two real Syncthing daemons on 127.0.0.1, each with
//! its own copy of the shared folder. Only Syncthing carries files between them.
//! - Sam's app writes a shared entry and a reminder and starts pairing; Alex's app joins from its
//!   first screen with the code typed; the entry and the reminder arrive, each Sync screen names
//!   the other laptop by its owner, and the pairing file leaves both folders.
//! - With both daemons frozen, as two laptops apart, both edit the entry; once they meet again
//!   both apps show Alex's later text, and "You both edited this: see Sam's version" opens, by
//!   keyboard, on the text Sam wrote.
//! - A private entry of Sam's reaches neither folder nor Alex's laptop; the sensual prompts are on
//!   for both only once both choices have crossed, and off on both when Alex turns them off; the
//!   entry Sam deletes leaves both apps, and every segment leaves both folders once acknowledged.
//! - All along, strace watches both apps and every process they start: neither opens a network
//!   connection. (The one loopback connection inside each app, from WebKit's web process to the
//!   automation server WebDriver has the app run, is to the app itself and is set aside.)

mod support;

use std::path::Path;
use std::time::Duration;

use hearth_core::sync::pairing;
use support::leaks::files_with;
use support::sockets::{listening_ports, process_tree};
use support::strace::{self, Strace};
use support::sync_ui::{choose_folder, join, revisit_until, sync_until_heard};
use support::syncthing::SyncthingPair;
use support::webdriver::{Session, CONTROL, ENTER};
use support::{sam_alone, write_entry, Harness};

const ALEX_HERE: &str = "willow ferry cobalt lantern";
const FIRST_TEXT: &str = "Picnic by the river";
const SAMS_EDIT: &str = "Picnic by the river, with lemonade";
const ALEXS_EDIT: &str = "Picnic in the orchard";
const REMINDER: &str = "Sunday walk, just us";

#[test]
fn two_apps_pair_and_converge_through_two_syncthing_daemons_without_a_connection_of_their_own() {
    let root = tempfile::tempdir().unwrap();
    tracing_works(root.path());
    let daemons = SyncthingPair::start(root.path());
    daemons.wait_connected(Duration::from_secs(60));

    // Sam's laptop: an entry and a reminder, then "Two laptops" and the code.
    let sams_laptop = Harness::start();
    let sam = sam_alone(&sams_laptop);
    let sam_trace = Strace::connects(
        sams_laptop.app_pid().expect("Sam's Hearth runs"),
        &root.path().join("sam.trace"),
    );
    sam.find("#nav-journal").click();
    write_entry(&sam, "shared", "Saturday", FIRST_TEXT);
    add_reminder(&sam);
    sam.find("#nav-settings").click();
    sam.find("#open-sync").click();
    choose_folder(&sam, "#sync-choose", "#sync-folder", &daemons.a.folder);
    sam.find("#sync-start").click();
    let code = sam.wait_text("#pairing-code", |t| t.replace('-', "").len() == 26);

    // Alex's laptop joins once Syncthing has brought the pairing file.
    let alexs_laptop = Harness::start();
    let alex = alexs_laptop.open();
    let alex_trace = Strace::connects(
        alexs_laptop.app_pid().expect("Alex's Hearth runs"),
        &root.path().join("alex.trace"),
    );
    support::eventually(
        "the pairing file reaches Alex's copy of the folder",
        Duration::from_secs(60),
        || !pairing::find(&daemons.b.folder).unwrap().is_empty(),
    );
    join(&alex, &daemons.b.folder, &code, "b", ALEX_HERE);

    // 1. What Sam wrote arrives, and each laptop knows the other by its owner.
    revisit_until(&alex, "#nav-journal", "#entry-list", |t| {
        t.contains(FIRST_TEXT)
    });
    revisit_until(&alex, "#nav-reminders", "#reminder-list", |t| {
        t.contains(REMINDER)
    });
    open_sync_screen(&alex);
    sync_until_heard(&alex, "Sam's laptop");
    sam.find("#sync-done").click();
    sync_until_heard(&sam, "Alex's laptop");
    support::eventually(
        "the pairing file, with the shared key in it, leaves both folders",
        Duration::from_secs(60),
        || {
            pairing::find(&daemons.a.folder).unwrap().is_empty()
                && pairing::find(&daemons.b.folder).unwrap().is_empty()
        },
    );
    sam.screenshot("83-sync-two-apps-heard");

    // 2. Both edit the entry while apart; when they meet, both keep Sam's text as a revision.
    daemons.pause();
    edit_the_entry(&sam, SAMS_EDIT);
    edit_the_entry(&alex, ALEXS_EDIT);
    daemons.resume();
    for ui in [&sam, &alex] {
        revisit_until(ui, "#nav-journal", "#entry-list", |t| {
            t.contains(ALEXS_EDIT) && t.contains("You both edited this: see Sam's version")
        });
        ui.execute("document.querySelector('.revision summary').focus();");
        ui.chord(&[ENTER]);
        let kept = ui.wait_text(".revision-text", |t| !t.is_empty());
        assert_eq!(kept, SAMS_EDIT);
    }
    alex.screenshot("84-sync-both-edited");

    // 3. A private entry of Sam's stays on Sam's laptop (checked below, once all has crossed).
    let marker = private_marker();
    write_entry(&sam, "private-a", "Only mine", &marker);

    // 4. The sensual prompts: on for both only once both choices have crossed, and off on both
    //    the moment one of them turns them off.
    set_own_choice(&sam, true);
    assert_eq!(
        sam.find("#consent-status").text(),
        "",
        "Alex has not chosen"
    );
    set_own_choice(&alex, true);
    for ui in [&sam, &alex] {
        revisit_until(ui, "#nav-settings", "#consent-status", |t| {
            t == "On for both of you."
        });
    }
    set_own_choice(&alex, false);
    revisit_until(&sam, "#nav-settings", "#consent-status", str::is_empty);

    // 5. Sam deletes the entry: once both have read it, it is gone from both apps and, with
    //    every segment cleared, from both folders.
    delete_the_entry(&sam);
    revisit_until(&alex, "#nav-journal", "#entry-list", |t| {
        !t.contains(ALEXS_EDIT) && t.contains("No entries yet")
    });
    support::eventually(
        "every segment acknowledged and cleared from both folders",
        Duration::from_secs(120),
        || segments_in(&daemons.a.folder) + segments_in(&daemons.b.folder) == 0,
    );
    for folder in [&daemons.a.folder, &daemons.b.folder] {
        for text in [FIRST_TEXT, ALEXS_EDIT, SAMS_EDIT, REMINDER, &marker, "Alex"] {
            let found = files_with(folder, folder, text);
            assert!(found.is_empty(), "{text:?} in {found:?}");
        }
    }
    let on_alexs_disk = files_with(alexs_laptop.home.path(), &alexs_laptop.data_dir(), &marker);
    assert!(on_alexs_disk.is_empty(), "{on_alexs_disk:?}");

    // 3. Neither app, nor any process it started, opened a network connection.
    for (who, laptop, trace) in [
        ("Sam's Hearth", &sams_laptop, sam_trace),
        ("Alex's Hearth", &alexs_laptop, alex_trace),
    ] {
        let app = process_tree(laptop.app_pid().expect("Hearth runs"));
        let own_ports = listening_ports(&app);
        let seen = trace.finish();
        println!(
            "{who}: {} connect() calls (the app itself listens on {own_ports:?}):",
            seen.len()
        );
        for line in &seen {
            println!("  {line}");
        }
        let network = strace::network(&seen, &own_ports);
        assert!(network.is_empty(), "{who} connected: {network:?}");
    }
    sam.close();
    alex.close();
}

/// The tracer sees a connection when there is one: a process that connects to a port on
/// 127.0.0.1 a moment after it starts.
fn tracing_works(root: &Path) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let mut child = std::process::Command::new("python3")
        .args([
            "-c",
            &format!(
                "import socket, time; time.sleep(2); socket.create_connection(('127.0.0.1', {port}))"
            ),
        ])
        .spawn()
        .unwrap();
    let trace = Strace::connects(child.id(), &root.join("control.trace"));
    child.wait().unwrap();
    let seen = trace.finish();
    assert!(
        !strace::network(&seen, &Default::default()).is_empty(),
        "strace saw no connection: {seen:?}"
    );
}

fn add_reminder(ui: &Session) {
    ui.find("#nav-reminders").click();
    ui.find("#new-reminder").click();
    ui.find("#rem-title").type_text(REMINDER);
    ui.wait_script(
        "return document.querySelectorAll('#rem-preview li').length",
        5.into(),
    );
    ui.find("#rem-save").click();
    ui.wait_text("#reminder-list", |t| t.contains(REMINDER));
}

/// A marker no file could hold by chance.
fn private_marker() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("Mk{:x}", nanos ^ u128::from(std::process::id()))
}

/// This partner's own choice about the sensual prompts, in Settings, while unlocked alone.
fn set_own_choice(ui: &Session, wanted: bool) {
    ui.find("#nav-home").click();
    ui.find("#nav-settings").click();
    ui.find("#consent-own");
    let checked = "return document.querySelector('#consent-own').checked";
    if ui.execute(checked) != serde_json::json!(wanted) {
        ui.find("#consent-own").click();
    }
    ui.wait_script(checked, wanted.into());
}

/// Deletes the journal's one shared entry, and lets its ten seconds of undo run out.
fn delete_the_entry(ui: &Session) {
    ui.find("#nav-home").click();
    ui.find("#nav-journal").click();
    ui.find("#journal-tab-shared").click();
    support::journal_drawn(ui);
    ui.find("#entry-list button[id^='delete-entry-shared-']")
        .click();
    ui.find("button[id^='confirm-delete-entry-']").click();
    ui.find("button[id^='undo-delete-']");
}

fn segments_in(folder: &Path) -> usize {
    let mut found = 0;
    let mut stack = vec![folder.to_path_buf()];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            // Syncthing may take a folder away while this looks.
            let entries = std::fs::read_dir(&path).into_iter().flatten().flatten();
            stack.extend(entries.map(|entry| entry.path()));
        } else if path
            .file_name()
            .and_then(|name| name.to_str())
            .is_some_and(|name| name.starts_with("seg-"))
        {
            found += 1;
        }
    }
    found
}

fn open_sync_screen(ui: &Session) {
    ui.find("#nav-settings").click();
    ui.find("#open-sync").click();
}

/// Opens the journal's one entry in the editor, replaces its text by typing, and waits until it
/// is saved.
fn edit_the_entry(ui: &Session, text: &str) {
    ui.find("#nav-home").click();
    ui.find("#nav-journal").click();
    ui.find("#entry-list .entry .actions button").click();
    ui.find("#entry-body").click();
    ui.chord(&[CONTROL, "a"]);
    ui.find("#entry-body").type_text(text);
    ui.wait_text("#entry-status", |t| t == "Saved.");
    ui.find("#entry-done").click();
    ui.wait_text("#entry-list", |t| t.contains(text));
}
