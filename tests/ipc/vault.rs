//! The vault through commands: setup, lock, unlock, passphrases and settings; the ACL; what a partner alone can reach; and no command on the main thread.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use hearth_core::vault::keyslots::Keyslots;
use hearth_core::vault::{Partner, Space};
use serde_json::json;
use tauri::Listener;

use crate::support::ipc::{allowed_commands, setup_args, start, unlocked};
use crate::support::{eventually, NEW_PASS, PASS_A, PASS_B};

#[test]
fn setup_lock_unlock_and_settings_flow() {
    let dir = tempfile::tempdir().unwrap();
    let app = start(dir.path());
    assert_eq!(app.ok("vault_status", json!({}))["state"], "needs_setup");
    assert_eq!(app.err_kind("get_settings", json!({})), "locked");

    assert_eq!(
        app.err_kind("setup_couple", json!({ "a": { "name": "Sam", "passphrase": "password" }, "b": { "name": "Alex", "passphrase": PASS_B } })),
        "weak_passphrase"
    );
    let codes = app.ok("setup_couple", setup_args());
    assert_eq!(codes["a"].as_str().unwrap().len(), 39);
    assert_eq!(app.err_kind("setup_couple", setup_args()), "already_set_up");
    assert_eq!(
        unlocked(&app.ok("vault_status", json!({}))),
        ["Sam", "Alex"]
    );

    let status = app.ok("lock", json!({}));
    assert_eq!(status["state"], "locked");
    assert_eq!(
        app.err_kind("unlock", json!({ "partner": "a", "passphrase": PASS_B })),
        "wrong_passphrase"
    );
    let status = app.ok("unlock", json!({ "partner": "a", "passphrase": PASS_A }));
    assert_eq!(unlocked(&status), ["Sam"]);
    assert_eq!(
        app.err_kind("unlock", json!({ "partner": "b", "passphrase": PASS_B })),
        "already_unlocked"
    );

    assert_eq!(
        app.err_kind(
            "add_partner",
            json!({ "partner": "b", "passphrase": PASS_A })
        ),
        "wrong_passphrase"
    );
    assert_eq!(
        unlocked(&app.ok(
            "add_partner",
            json!({ "partner": "b", "passphrase": PASS_B })
        )),
        ["Sam", "Alex"]
    );

    assert_eq!(app.ok("get_settings", json!({}))["autoLockMinutes"], 10);
    assert_eq!(
        app.ok("set_auto_lock", json!({ "minutes": 30 }))["autoLockMinutes"],
        30
    );
    assert_eq!(
        app.err_kind("set_auto_lock", json!({ "minutes": 0 })),
        "invalid_input"
    );
    app.ok("note_activity", json!({}));

    assert_eq!(
        app.err_kind(
            "change_passphrase",
            json!({ "partner": "a", "current": PASS_B, "new": NEW_PASS })
        ),
        "wrong_passphrase"
    );
    app.ok(
        "change_passphrase",
        json!({ "partner": "a", "current": PASS_A, "new": NEW_PASS }),
    );
    app.ok("lock", json!({}));
    assert_eq!(
        app.err_kind("unlock", json!({ "partner": "a", "passphrase": PASS_A })),
        "wrong_passphrase"
    );
    app.ok("unlock", json!({ "partner": null, "passphrase": NEW_PASS }));

    // Alex "forgot": Sam is unlocked, so Alex's recovery code can set a new passphrase.
    assert_eq!(
        app.err_kind(
            "reset_passphrase",
            json!({ "partner": "b", "recoveryCode": codes["a"], "new": PASS_A })
        ),
        "wrong_recovery_code"
    );
    let status = app.ok(
        "reset_passphrase",
        json!({ "partner": "b", "recoveryCode": codes["b"], "new": "amber canyon violet hinge" }),
    );
    assert_eq!(unlocked(&status), ["Sam", "Alex"]);
    app.ok("lock", json!({}));
    // Alex hears of the reset at their next unlock, once.
    let status = app.ok(
        "unlock",
        json!({ "partner": "b", "passphrase": "amber canyon violet hinge" }),
    );
    assert_eq!(status["resetNotice"]["who"], "b");
    assert!(app
        .ok("vault_status", json!({}))
        .get("resetNotice")
        .is_none());

    // Alone, Alex makes a new recovery code, then changes passphrase and key: each gives a code.
    assert_eq!(
        app.err_kind(
            "new_recovery_code",
            json!({ "partner": "b", "passphrase": PASS_A })
        ),
        "wrong_passphrase"
    );
    let fresh = app.ok(
        "new_recovery_code",
        json!({ "partner": "b", "passphrase": "amber canyon violet hinge" }),
    );
    assert_eq!(fresh.as_str().unwrap().len(), 39);
    let rekeyed = app.ok(
        "change_passphrase",
        json!({ "partner": "b", "current": "amber canyon violet hinge", "new": PASS_B, "replaceKey": true }),
    );
    assert_eq!(rekeyed.as_str().unwrap().len(), 39);
    assert_ne!(rekeyed, fresh);
    app.ok("lock", json!({}));
    let status = app.ok("unlock", json!({ "partner": "b", "passphrase": PASS_B }));
    assert!(status.get("resetNotice").is_none());

    // Every slot the app itself wrote, through all of the above, meets the KDF floor.
    let slots = Keyslots::load(dir.path()).unwrap();
    assert_eq!(slots.all_slots().count(), 6);
    assert!(slots.all_slots().all(|slot| slot.kdf.meets_floor()));
}

#[test]
fn every_allowed_command_is_registered_and_undeclared_ones_are_denied() {
    let dir = tempfile::tempdir().unwrap();
    let app = start(dir.path());
    let commands = allowed_commands();
    assert_eq!(commands.len(), 118, "{commands:?}");
    for command in &commands {
        // Wrong or missing arguments are fine here; "not found" or "not allowed" are not.
        if let Err(err) = app.invoke(command, json!({})) {
            let text = err.to_string();
            assert!(
                !text.contains("not found") && !text.contains("not allowed"),
                "{command}: {text}"
            );
        }
    }
    for denied in [
        "delete_everything",
        "plugin:window|destroy",
        "plugin:window|hide",
        "plugin:webview|print",
        "plugin:app|name",
    ] {
        let err = app.invoke(denied, json!({})).expect_err(denied).to_string();
        assert!(
            err.contains("not allowed") || err.contains("not found"),
            "{denied}: {err}"
        );
    }
}

#[test]
fn with_only_b_unlocked_no_command_returns_a_private_marker() {
    let dir = tempfile::tempdir().unwrap();
    let marker = "A-PRIVATE-MARKER-7f3c";
    {
        let mut vault = crate::support::new_couple(dir.path());
        vault
            .open_private(Partner::A, PASS_A, std::time::Instant::now())
            .unwrap();
        hearth_core::testing::add_entry(
            vault.session().unwrap(),
            Space::Private(Partner::A),
            marker,
        )
        .unwrap();
        // A, alone, answers this week's check-in and reflects, both holding the marker.
        vault.lock();
        vault
            .unlock(Some(Partner::A), PASS_A, std::time::Instant::now())
            .unwrap();
        let session = vault.session().unwrap();
        let week = hearth_core::checkins::Week::of(chrono::Local::now().date_naive());
        let ratings = hearth_core::checkins::Ratings {
            love: 3,
            vulnerability: 3,
            trust: 3,
            commitment: 3,
        };
        hearth_core::checkins::store::answer(
            session,
            Partner::A,
            &week,
            ratings,
            marker,
            chrono::Utc::now(),
        )
        .unwrap();
        hearth_core::checkins::reflection::save(
            session,
            Partner::A,
            hearth_core::checkins::reflection::Enemy::Resentment,
            marker,
            chrono::Local::now().date_naive(),
        )
        .unwrap();
        vault.lock();
    }
    let app = start(dir.path());
    app.ok("unlock", json!({ "partner": "b", "passphrase": PASS_B }));
    let responses = [
        app.invoke("checkin_state", json!({})),
        app.invoke("checkin_trends", json!({})),
        app.invoke("checkin_due", json!({})),
        app.invoke("list_entries", json!({ "filter": {} })),
        app.invoke("search_entries", json!({ "query": marker })),
        app.invoke("entry_tags", json!({})),
        app.invoke("list_agreements", json!({})),
        app.invoke("vault_status", json!({})),
        app.invoke("get_settings", json!({})),
        app.invoke("set_auto_lock", json!({ "minutes": 5 })),
        app.invoke("note_activity", json!({})),
        app.invoke("add_partner", json!({ "partner": "a", "passphrase": PASS_B })),
        app.invoke("unlock", json!({ "partner": "a", "passphrase": PASS_B })),
        app.invoke("change_passphrase", json!({ "partner": "a", "current": PASS_B, "new": NEW_PASS })),
        app.invoke("reset_passphrase", json!({ "partner": "a", "recoveryCode": "0000-0000-0000-0000-0000-0000-0000-0000", "new": NEW_PASS })),
    ];
    for response in responses {
        let text = match response {
            Ok(value) | Err(value) => value.to_string(),
        };
        assert!(!text.contains(marker), "{text}");
    }
}

/// Every command is async, so none runs on the main thread: a command that waits there for a lock
/// held by a thread that is itself waiting for the main thread (the reminder timer updating the
/// tray) froze the whole window once.
#[test]
fn no_command_runs_on_the_main_thread() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/commands");
    let mut checked = 0;
    for file in std::fs::read_dir(&dir).unwrap() {
        let path = file.unwrap().path();
        let source = std::fs::read_to_string(&path).unwrap();
        for (index, _) in source.match_indices("#[tauri::command]") {
            let signature = source[index..]
                .lines()
                .find(|line| line.contains("fn "))
                .unwrap();
            assert!(
                signature.contains("async fn"),
                "{}: {signature} is not async",
                path.display()
            );
            checked += 1;
        }
    }
    assert_eq!(
        checked,
        hearth_lib::command_names().count(),
        "every command was looked at"
    );
}

/// A shared file whose pages after the first were put back as they were before 40 entries were
/// written: every page passes its HMAC, so the unlock goes ahead, and the structure check after it
/// finds the damage: the file is named, nothing is written, and the vault locks.
#[test]
fn damage_found_after_the_unlock_locks_and_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let app = start(dir.path());
    app.ok("setup_couple", setup_args());
    app.ok("lock", json!({}));
    let file = dir.path().join("shared.db");
    let before = std::fs::read(&file).unwrap();
    app.ok("unlock", json!({ "partner": "a", "passphrase": PASS_A }));
    for i in 0..40 {
        app.ok(
            "create_entry",
            json!({ "space": { "space": "shared" }, "author": "a",
                "draft": { "title": format!("Evening {i}"), "body": "a walk by the river, ".repeat(40),
                    "date": "2026-11-01", "tags": [] } }),
        );
    }
    app.ok("lock", json!({}));
    let mut mixed = std::fs::read(&file).unwrap();
    mixed[4096..before.len()].copy_from_slice(&before[4096..]);
    std::fs::write(&file, &mixed).unwrap();

    // On a file this small the check may end before the unlock command answers, which then names
    // the file itself. Otherwise the next command, a write, waits for it and names it, unless the
    // housekeeping tick (which every command wakes) saw the verdict first: then the vault is
    // already locked, and the `vault-damaged` event named the file to the UI.
    let told = Arc::new(Mutex::new(None::<String>));
    let heard = Arc::clone(&told);
    app.window
        .listen_any(hearth_lib::DAMAGED_EVENT, move |event| {
            *heard.lock().unwrap() = serde_json::from_str(event.payload()).ok();
        });
    let err = match app.invoke("unlock", json!({ "partner": "a", "passphrase": PASS_A })) {
        Err(err) => err,
        Ok(_) => app
            .invoke("set_auto_lock", json!({ "minutes": 30 }))
            .expect_err("a write before the check passed"),
    };
    let message = match err["kind"].as_str() {
        Some("vault_damaged") => err["message"].as_str().unwrap().to_string(),
        Some("locked") => {
            // The tick tells the UI just after it locks.
            eventually("the UI is told which file", Duration::from_secs(5), || {
                told.lock().unwrap().is_some()
            });
            told.lock().unwrap().clone().unwrap_or_default()
        }
        _ => panic!("neither the damage nor the lock it caused: {err}"),
    };
    assert!(message.contains(&file.display().to_string()), "{message}");
    assert_eq!(app.ok("vault_status", json!({}))["state"], "locked");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        mixed,
        "the file is left as it was"
    );
}
