//! Entries and notes through commands, and a locked partner kept out of them.

use std::time::{Duration, Instant};

use serde_json::json;

use crate::support::ipc::{setup_args, start};
use crate::support::PASS_B;

#[test]
fn entries_and_notes_through_commands_keep_a_locked_partner_out() {
    let dir = tempfile::tempdir().unwrap();
    let app = start(dir.path());
    app.ok("setup_couple", setup_args());
    // Alex leaves, so Sam is here alone and writes in their own space without another passphrase.
    app.ok("leave_session", json!({ "partner": "b" }));
    let today = chrono::Utc::now().date_naive().to_string();
    let prompt = app.ok("prompt_of_the_day", json!({}));
    let private = app.ok(
        "create_entry",
        json!({ "space": { "space": "private", "owner": "a" }, "author": "a",
            "draft": { "title": "Mine", "body": "the zephyrine secret", "date": today, "tags": ["Just Me"],
                "promptId": prompt["id"] } }),
    );
    assert_eq!(private["tags"], json!(["just-me"]));
    assert_eq!(
        app.ok("entry_prompts", json!({})),
        json!([{ "id": prompt["id"], "text": prompt["text"] }])
    );
    let filtered = app.ok(
        "list_entries",
        json!({ "filter": { "promptId": prompt["id"] } }),
    );
    assert_eq!(filtered["entries"].as_array().unwrap().len(), 1);
    app.ok(
        "create_entry",
        json!({ "space": { "space": "shared" }, "author": "a",
            "draft": { "body": "our zephyrine walk", "date": today } }),
    );
    assert_eq!(
        app.ok("search_entries", json!({ "query": "zephyr" }))
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        app.err_kind(
            "create_entry",
            json!({ "space": { "space": "shared" }, "author": "a", "draft": { "body": " ", "date": today } })
        ),
        "invalid_input"
    );
    let id = private["id"].clone();
    let space = json!({ "space": "private", "owner": "a" });
    app.ok("delete_entry", json!({ "space": space, "id": id }));
    assert_eq!(
        app.err_kind("get_entry", json!({ "space": space, "id": id })),
        "not_found"
    );
    app.ok("undo_delete_entry", json!({ "space": space, "id": id }));
    app.ok(
        "add_appreciation",
        json!({ "author": "a", "body": "I appreciated the soup" }),
    );
    assert_eq!(
        app.ok("list_appreciations", json!({}))[0]["body"],
        "I appreciated the soup"
    );

    // Only B unlocked: A's private entry is in no list and no search, not even counted.
    app.lock_and_unlock_as("b", PASS_B);
    let hits = app.ok("search_entries", json!({ "query": "zephyr" }));
    assert_eq!(hits.as_array().unwrap().len(), 1);
    assert_eq!(hits[0]["entry"]["space"], json!({ "space": "shared" }));
    let page = app.ok("list_entries", json!({ "filter": {} }));
    assert_eq!(page["entries"].as_array().unwrap().len(), 1);
    assert_eq!(app.ok("entry_tags", json!({})), json!([]));
    assert_eq!(app.ok("entry_prompts", json!({})), json!([]));
    assert_eq!(
        app.err_kind(
            "create_entry",
            json!({ "space": space, "author": "a", "draft": { "body": "x", "date": today } })
        ),
        "locked"
    );
    assert_eq!(
        app.err_kind("share_entry", json!({ "owner": "a", "id": id })),
        "locked"
    );
}

/// The one housekeeping tick erases a deleted entry for good once its undo time is over; no thread
/// is started per delete.
#[test]
fn a_deleted_entry_is_erased_by_the_housekeeping_tick_after_its_undo_time() {
    let dir = tempfile::tempdir().unwrap();
    let app = start(dir.path());
    app.ok("setup_couple", setup_args());
    let today = chrono::Utc::now().date_naive().to_string();
    let shared = json!({ "space": "shared" });
    let entry = app.ok(
        "create_entry",
        json!({ "space": shared, "author": "a", "draft": { "body": "soon gone", "date": today } }),
    );
    app.ok(
        "delete_entry",
        json!({ "space": shared, "id": entry["id"] }),
    );
    assert_eq!(app.deleted_entries_waiting(), 1, "kept for its undo time");
    // The erase is due 11 s after the delete. A tick that was never told sleeps its full minute
    // (housekeeping.rs), so 40 s tells the two apart with room to spare on a slow machine.
    let deadline = Instant::now() + Duration::from_secs(40);
    while app.deleted_entries_waiting() > 0 {
        assert!(
            Instant::now() < deadline,
            "the deleted entry was not erased once its undo time was over"
        );
        std::thread::sleep(Duration::from_millis(500));
    }
}
