//! Sitting together, through commands: with both partners unlocked, every command that could show,
//! take out, move or delete one partner's private entries is refused or asks for that partner's own
//! passphrase, with and without it; the owner's fresh confirmation lets it through. Real SQLCipher
//! files, the app's real ACL.

mod support;

use serde_json::{json, Value};

use support::ipc::{start, TestApp};
use support::{PASS_A, PASS_B};

const MARKER: &str = "JOINT-IPC-MARKER-91d2";

fn private_a() -> Value {
    json!({ "space": "private", "owner": "a" })
}

/// Sam, alone, writes a private entry holding the marker and locks; Alex unlocks and adds Sam.
fn sitting_together(app: &TestApp) -> Value {
    let today = chrono::Local::now().date_naive().to_string();
    app.ok("unlock", json!({ "partner": "a", "passphrase": PASS_A }));
    let entry = app.ok(
        "create_entry",
        json!({ "space": private_a(), "author": "a",
            "draft": { "title": MARKER, "body": format!("only mine {MARKER}"), "date": today,
                "tags": [format!("{MARKER}tag")] } }),
    );
    app.lock_and_unlock_as("b", PASS_B);
    app.ok(
        "add_partner",
        json!({ "partner": "a", "passphrase": PASS_A }),
    );
    entry["id"].clone()
}

fn couple(dir: &std::path::Path) -> TestApp {
    drop(support::new_couple(dir));
    start(dir)
}

/// What every reading command answers, as one text to search for the marker.
fn everything_visible(app: &TestApp) -> String {
    let calls = [
        ("list_entries", json!({ "filter": {} })),
        (
            "list_entries",
            json!({ "filter": { "space": private_a() } }),
        ),
        ("search_entries", json!({ "query": MARKER })),
        ("entry_tags", json!({})),
        ("entry_prompts", json!({})),
        ("vault_status", json!({})),
    ];
    calls
        .into_iter()
        .map(|(command, args)| match app.invoke(command, args) {
            Ok(value) | Err(value) => value.to_string(),
        })
        .collect()
}

#[test]
fn in_a_joint_session_each_private_command_needs_its_owner() {
    let dir = tempfile::tempdir().unwrap();
    let app = couple(dir.path());
    let id = sitting_together(&app);
    let status = app.ok("vault_status", json!({}));
    assert!(status["partners"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["unlocked"] == json!(true) && p["privateOpen"] == json!(false)));
    assert!(!everything_visible(&app).contains(MARKER));

    // Without Sam's own passphrase now, nothing of Sam's private space comes out or moves. Alex's
    // passphrase is tried twice only: a third miss would start the wrong-passphrase delay.
    let space = private_a();
    let refused = [
        (
            "get_entry",
            json!({ "space": space, "id": id }),
            "private_closed",
        ),
        (
            "update_entry",
            json!({ "space": space, "id": id,
            "draft": { "body": "overwritten", "date": "2026-01-01" } }),
            "private_closed",
        ),
        (
            "create_entry",
            json!({ "space": space, "author": "a",
            "draft": { "body": "planted", "date": "2026-01-01" } }),
            "private_closed",
        ),
        (
            "share_entry",
            json!({ "owner": "a", "id": id }),
            "owner_must_confirm",
        ),
        (
            "share_entry",
            json!({ "owner": "a", "id": id, "passphrase": PASS_B }),
            "wrong_passphrase",
        ),
        (
            "delete_entry",
            json!({ "space": space, "id": id }),
            "owner_must_confirm",
        ),
        (
            "open_private",
            json!({ "partner": "a", "passphrase": PASS_B }),
            "wrong_passphrase",
        ),
    ];
    for (command, args, kind) in refused {
        assert_eq!(
            app.err_kind(command, args.clone()),
            kind,
            "{command} {args}"
        );
    }
    // Export is refused before the save dialog could open (the mock runtime has none). Each
    // wrong passphrase above counted against the delay, so the other partner's is not tried here.
    assert_eq!(
        app.err_kind(
            "export_entries",
            json!({ "partner": "a", "format": "markdown" })
        ),
        "owner_must_confirm"
    );
    assert!(!everything_visible(&app).contains(MARKER));

    // Sam opens their own space: now it shows, and closes again on request.
    let status = app.ok(
        "open_private",
        json!({ "partner": "a", "passphrase": PASS_A }),
    );
    let sam = &status["partners"][0];
    assert_eq!(
        (&sam["id"], &sam["privateOpen"]),
        (&json!("a"), &json!(true))
    );
    assert_eq!(status["partners"][1]["privateOpen"], json!(false));
    assert!(everything_visible(&app).contains(MARKER));
    // Open is not consent to move it: that still needs the passphrase at that moment.
    assert_eq!(
        app.err_kind("share_entry", json!({ "owner": "a", "id": id })),
        "owner_must_confirm"
    );
    app.ok("close_private", json!({ "partner": "a" }));
    assert!(!everything_visible(&app).contains(MARKER));

    // With Sam's passphrase typed for it, the move goes through.
    let shared = app.ok(
        "share_entry",
        json!({ "owner": "a", "id": id, "passphrase": PASS_A }),
    );
    assert_eq!(shared["space"], json!({ "space": "shared" }));
}

#[test]
fn either_partner_leaves_and_the_other_stays() {
    let dir = tempfile::tempdir().unwrap();
    let app = couple(dir.path());
    let id = sitting_together(&app);
    let status = app.ok("leave_session", json!({ "partner": "a" }));
    assert_eq!(status["state"], "unlocked");
    let here: Vec<&Value> = status["partners"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["unlocked"] == json!(true))
        .map(|p| &p["id"])
        .collect();
    assert_eq!(here, [&json!("b")]);
    assert!(!everything_visible(&app).contains(MARKER));
    assert_eq!(
        app.err_kind("get_entry", json!({ "space": private_a(), "id": id })),
        "locked"
    );
    let status = app.ok("leave_session", json!({ "partner": "b" }));
    assert_eq!(status["state"], "locked");
}
