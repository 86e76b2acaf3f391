//! End to end, in the real app and real WebKit: A writes a private entry with a unique word and a
//! shared one; after locking, B's search finds the shared one and nothing of A's; delete, then undo.
//! A lock first saves what is being typed. Then a backup through Settings, restored through the
//! setup screen into a fresh data folder, holds every entry.

mod support;

use hearth_core::journal::store;
use support::file_dialog::{self, Dialog};
use support::{
    new_couple, sam_and_alex, sam_wrote_privately, unlock_as, write_entry, Harness, PASS_A, PASS_B,
};

use support::webdriver::{CONTROL, ENTER};

const ARROW_LEFT: &str = "\u{E012}";

#[test]
fn private_words_stay_private_delete_undoes_and_a_backup_restores_everything() {
    let harness = Harness::start();
    let ui = sam_wrote_privately(
        &harness,
        "Just mine",
        &format!("The quinceberry thought,{ENTER}kept to myself."),
    );
    // Its line break is kept, and shown.
    ui.wait_text("#entry-list", |t| {
        t.contains("The quinceberry thought,\nkept to myself.")
    });
    write_entry(
        &ui,
        "shared",
        "Ours",
        "A quince walk by the river <b>together</b>",
    );
    // Typed, then locked at once: the lock saves it first.
    ui.find("#new-entry").click();
    ui.find("#entry-title").type_text("Unfinished");
    ui.find("#entry-body")
        .type_text("typed right before the lock");
    ui.chord(&[CONTROL, "l"]);
    ui.find("#lock-title");

    unlock_as(&ui, "b", PASS_B);
    ui.find("#nav-journal").click();
    let list = ui.wait_text("#entry-list", |t| t.contains("Ours"));
    assert!(
        !list.contains("Just mine") && !list.contains("Unfinished"),
        "{list}"
    );
    ui.find("#journal-search").type_text("quince");
    // The search results replace the list: one shared entry, its word marked.
    ui.wait_script(
        "return [...document.querySelectorAll('#entry-list mark')].map(m => m.textContent)",
        serde_json::json!(["quince"]),
    );
    let found = ui.find("#entry-list").text();
    assert!(
        found.contains("river <b>together</b>"),
        "shown as text: {found}"
    );
    assert!(
        !found.contains("quinceberry"),
        "A's private word never shows for B: {found}"
    );
    ui.execute("const s = document.querySelector('#journal-search'); s.value = 'quinceberry'; s.dispatchEvent(new Event('input'));");
    ui.wait_text("#entry-list", |t| t.contains("Nothing matches"));
    ui.screenshot("30-journal-search-as-b");

    // Delete, then undo within 10 seconds.
    ui.execute("const s = document.querySelector('#journal-search'); s.value = ''; s.dispatchEvent(new Event('input'));");
    ui.wait_text("#entry-list", |t| t.contains("Ours"));
    let card = ui.execute("return document.querySelector('#entry-list .entry').dataset.entry");
    let id = card
        .as_str()
        .unwrap()
        .split(':')
        .nth(1)
        .unwrap()
        .to_string();
    ui.find(&format!("#delete-entry-shared-{id}")).click();
    ui.find(&format!("#confirm-delete-entry-{id}")).click();
    ui.find(&format!("#undo-delete-{id}")).click();
    ui.wait_text("#entry-list", |t| t.contains("Ours"));

    // A's typed-then-locked entry was saved: A sees it after unlocking.
    ui.chord(&[CONTROL, "l"]);
    unlock_as(&ui, "a", PASS_A);
    ui.find("#nav-journal").click();
    ui.wait_text("#entry-list", |t| {
        t.contains("Unfinished") && t.contains("Just mine")
    });
    // The tabs: Sam's private space alone, then (arrow key, as tabs go) the shared one alone.
    ui.find("#journal-tab-private-a").click();
    ui.wait_text("#entry-list", |t| {
        t.contains("Just mine") && !t.contains("Ours")
    });
    ui.find("#journal-tab-private-a").type_text(ARROW_LEFT);
    ui.wait_text("#entry-list", |t| {
        t.contains("Ours") && !t.contains("Just mine")
    });
    assert_eq!(
        ui.find("#journal-tab-shared")
            .attribute("aria-selected")
            .as_deref(),
        Some("true")
    );
    ui.find("#journal-tab-all").click();
    // The list redraws after the tab changes; wait for the unfinished card before reading it.
    support::journal_drawn(&ui);
    ui.wait_script(
        "return [...document.querySelectorAll('#entry-list .entry')].some(e => e.textContent.includes('Unfinished') && e.dataset.entry)",
        serde_json::json!(true),
    );
    // No entry here is about a prompt, so the prompt filter offers only "Any prompt".
    ui.wait_script(
        "return [...document.querySelectorAll('#journal-prompt option')].map(o => o.textContent)",
        serde_json::json!(["Any prompt"]),
    );
    // Alone, Sam shares the unfinished entry: the question in place names its action, and the
    // entry moves into the shared space.
    let unfinished = ui.execute(
        "const card = [...document.querySelectorAll('#entry-list .entry')].find(e => e.textContent.includes('Unfinished')); return card ? card.dataset.entry.split(':')[1] : null",
    );
    let unfinished = unfinished.as_str().unwrap();
    ui.find(&format!("#share-{unfinished}")).click();
    let confirm = ui.find(&format!("#confirm-share-{unfinished}"));
    assert_eq!(confirm.text(), "Share");
    confirm.click();
    ui.find("#journal-tab-shared").click();
    ui.wait_text("#entry-list", |t| t.contains("Unfinished"));

    // Back up through Settings, with the system's save dialog, watching the progress shown.
    let backup = harness
        .home
        .path()
        .join("carried")
        .join("ours.hearthbackup");
    std::fs::create_dir_all(backup.parent().unwrap()).unwrap();
    ui.find("#nav-settings").click();
    ui.execute(
        "window.backupNotes = []; new MutationObserver(() => window.backupNotes.push(document.querySelector('#backup-status').textContent)).observe(document.querySelector('#backup-status'), { childList: true, characterData: true, subtree: true });",
    );
    ui.find("#backup-now").click();
    file_dialog::answer(&ui, Dialog::Save, "Save the backup", &backup);
    ui.wait_text("#backup-status", |t| t.starts_with("Backup saved to"));
    let notes = ui.execute("return window.backupNotes");
    let notes: Vec<&str> = notes
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n.as_str())
        .collect();
    assert!(
        notes.contains(&"Backing up… 100%"),
        "progress was shown: {notes:?}"
    );
    assert!(backup.is_file());
    ui.close();
    harness.quit_app();

    // A fresh install elsewhere: restore from that file with B's passphrase.
    let fresh = Harness::start();
    let ui = fresh.open();
    ui.find("#restore-open").click();
    ui.find("#restore-pass").type_text(PASS_B);
    ui.find("#restore-submit").click();
    file_dialog::answer(&ui, Dialog::Open, "Choose the backup to restore", &backup);
    ui.find("#nav-journal").click();
    ui.wait_text("#entry-list", |t| t.contains("Ours"));
    ui.chord(&[CONTROL, "l"]);
    unlock_as(&ui, "a", PASS_A);
    ui.find("#nav-journal").click();
    ui.wait_text("#entry-list", |t| {
        t.contains("Unfinished") && t.contains("Just mine") && t.contains("Ours")
    });
    ui.screenshot("31-journal-after-restore");
    ui.close();
}

/// A journal of 100,000 shared entries (written straight into the real vault files, through the
/// same triggers that build the search index): the list shows the newest first a page at a time,
/// older pages come on request, the prompt filter keeps the two about one prompt, and search finds
/// one word among them.
#[test]
fn the_list_stays_a_page_at_a_time_at_100000_entries() {
    const ENTRIES: u32 = 100_000;
    let harness = Harness::start();
    let mut vault = new_couple(&harness.data_dir());
    let session = vault.session().unwrap();
    let tx = session.conn().unchecked_transaction().unwrap();
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO main.entries (created_at, updated_at, title, body, entry_date, tags, author)
                 VALUES ('2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', ?1, ?2, date('2020-01-01', ?3), '', 'a')",
            )
            .unwrap();
        for i in 0..ENTRIES {
            let body = if i == 4321 {
                "the marigold evening we kept".to_string()
            } else {
                format!("an ordinary evening number {i}")
            };
            let day = format!("+{} days", i / 40);
            insert.execute((format!("Entry {i}"), body, day)).unwrap();
        }
    }
    tx.commit().unwrap();
    // Two of them are about a prompt from the library.
    hearth_core::prompts::store::sync_library(session).unwrap();
    let prompt = hearth_core::prompts::store::list(session, &Default::default())
        .unwrap()
        .remove(0);
    session
        .conn()
        .execute(
            "UPDATE main.entries SET prompt_id = ?1 WHERE title IN ('Entry 4321', 'Entry 99998')",
            [&prompt.id],
        )
        .unwrap();
    vault.lock();

    let ui = harness.open();
    // A fresh start names no one: the passphrase alone says who it is.
    ui.find("#unlock-pass")
        .type_text(&format!("{PASS_A}{ENTER}"));
    ui.find("#nav-journal").click();
    let titles =
        "[...document.querySelectorAll('#entry-list .entry-title')].map(e => e.textContent)";
    ui.wait_script(
        &format!("return {titles}.length"),
        serde_json::json!(store::PAGE_SIZE),
    );
    let first = ui.execute(&format!("return {titles}[0]"));
    assert_eq!(first, "Entry 99999", "newest first");
    ui.find("#entries-more").click();
    ui.wait_script(
        &format!("return {titles}.length"),
        serde_json::json!(2 * store::PAGE_SIZE),
    );
    let last = ui.execute(&format!("return {titles}.at(-1)"));
    assert_eq!(last, "Entry 99900");

    // Filtered by the prompt: only the two about it, newest first.
    ui.wait_script(
        "return document.querySelectorAll('#journal-prompt option').length",
        serde_json::json!(2),
    );
    ui.execute(&format!(
        "const s = document.querySelector('#journal-prompt'); s.value = '{}'; s.dispatchEvent(new Event('change'));",
        prompt.id
    ));
    ui.wait_script(
        &format!("return {titles}"),
        serde_json::json!(["Entry 99998", "Entry 4321"]),
    );
    ui.execute("const s = document.querySelector('#journal-prompt'); s.value = ''; s.dispatchEvent(new Event('change'));");

    ui.find("#journal-search").type_text("marigold");
    ui.wait_script(
        &format!("return {titles}"),
        serde_json::json!(["Entry 4321"]),
    );
    ui.close();
}

/// An entry written late in the evening carries the couple's own date, not UTC's: 22:30 in New York
/// on 3 December is already 4 December in UTC. The clock is set with libfaketime, for the app
/// alone (its WebKit processes inherit it).
#[test]
fn an_evening_entry_is_dated_by_the_local_calendar() {
    const FAKETIME_LIB: &str = "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1";
    let harness = Harness::start_with(&[
        ("TZ", "America/New_York"),
        ("LD_PRELOAD", FAKETIME_LIB),
        ("FAKETIME", "@2026-12-03 22:30:00"),
    ]);
    let ui = sam_and_alex(&harness);
    assert_eq!(
        ui.execute("return new Date().toISOString().slice(0, 10);"),
        "2026-12-04",
        "the test's clock: UTC is already on the next day"
    );
    ui.find("#nav-journal").click();
    write_entry(&ui, "shared", "Late walk", "We walked after dinner.");
    let listed = ui.wait_text("#entry-list", |t| t.contains("Late walk"));
    // In whatever order the locale writes day and month.
    let on = |day: &str| {
        listed.contains(&format!("December {day}")) || listed.contains(&format!("{day} December"))
    };
    assert!(on("3") && !on("4"), "{listed}");
}
