//! Every command through Tauri's mock runtime, built with the app's real context, so the real
//! capabilities and ACL decide what the webview may call. Vaults are real SQLCipher files in a
//! temporary folder, and slots are written at the app's own KDF floor.

mod support;

use hearth_core::vault::keyslots::Keyslots;
use hearth_core::vault::{Partner, Space};
use serde_json::{json, Value};

use support::ipc::{allowed_commands, setup_args, start, unlocked, TestApp};
use support::{PASS_A, PASS_B};
const NEW_PASS: &str = "copper meadow signal walrus";

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
    assert_eq!(commands.len(), 77, "{commands:?}");
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
        let mut vault = support::new_couple(dir.path());
        vault
            .open_private(Partner::A, PASS_A, std::time::Instant::now())
            .unwrap();
        hearth_core::journal::add_entry(
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

/// Everything about prompts that a partner can see through commands, for comparing views.
fn prompt_view(app: &TestApp) -> Value {
    let prompts = app.ok("list_prompts", json!({ "filter": {} }));
    let sensual = app.ok(
        "list_prompts",
        json!({ "filter": { "category": "sensual" } }),
    );
    let deal = app.ok("deal_date_night", json!({ "theme": "sensual" }));
    let status = app.ok("consent_status", json!({}));
    json!({
        "count": prompts.as_array().unwrap().len(),
        "sensual": sensual,
        "deal": deal,
        "bothOptedIn": status["bothOptedIn"],
        "ownChoice": status["ownChoice"],
    })
}

#[test]
fn one_partners_opt_in_alone_changes_nothing_either_can_see() {
    let dir = tempfile::tempdir().unwrap();
    let app = start(dir.path());
    app.ok("setup_couple", setup_args());
    app.ok("lock", json!({}));

    app.ok("unlock", json!({ "partner": "b", "passphrase": PASS_B }));
    let b_before = prompt_view(&app);
    app.ok("lock", json!({}));
    app.ok("unlock", json!({ "partner": "a", "passphrase": PASS_A }));
    let a_before = prompt_view(&app);
    assert_eq!(a_before["sensual"], json!([]));
    assert_eq!(a_before["deal"], json!([]));

    let status = app.ok("set_consent", json!({ "partner": "a", "optedIn": true }));
    assert_eq!(status["bothOptedIn"], false);
    let mut a_after = prompt_view(&app);
    assert_eq!(a_after["ownChoice"], true, "A may see A's own choice");
    a_after["ownChoice"] = a_before["ownChoice"].clone();
    assert_eq!(
        a_after, a_before,
        "A's opt-in alone changes nothing else A sees"
    );

    app.ok("lock", json!({}));
    app.ok("unlock", json!({ "partner": "b", "passphrase": PASS_B }));
    assert_eq!(
        prompt_view(&app),
        b_before,
        "nothing B sees reveals A's choice"
    );

    // Sitting together, nobody can opt in or read a choice.
    app.ok(
        "add_partner",
        json!({ "partner": "a", "passphrase": PASS_A }),
    );
    assert_eq!(
        app.err_kind("set_consent", json!({ "partner": "b", "optedIn": true })),
        "not_alone"
    );
    assert_eq!(
        app.ok("consent_status", json!({}))["ownChoice"],
        Value::Null
    );
    app.ok("lock", json!({}));

    app.ok("unlock", json!({ "partner": "b", "passphrase": PASS_B }));
    let status = app.ok("set_consent", json!({ "partner": "b", "optedIn": true }));
    assert_eq!(status["bothOptedIn"], true);
    let open = prompt_view(&app);
    assert!(!open["sensual"].as_array().unwrap().is_empty());
    assert_eq!(open["deal"].as_array().unwrap().len(), 3);

    // Either can opt out at any time, and the category disappears at once.
    app.ok("set_consent", json!({ "partner": "b", "optedIn": false }));
    assert_eq!(prompt_view(&app)["sensual"], json!([]));
}

#[test]
fn date_night_together_and_history_through_commands() {
    let dir = tempfile::tempdir().unwrap();
    let app = start(dir.path());
    app.ok("setup_couple", setup_args());
    let today = app.ok("prompt_of_the_day", json!({}));
    assert_eq!(app.ok("prompt_of_the_day", json!({})), today);
    let deal = app.ok("deal_date_night", json!({ "theme": null }));
    let hand: Vec<String> = deal
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(hand.len(), 3);
    let swapped = app.ok(
        "swap_card",
        json!({ "theme": null, "hand": hand, "index": 0 }),
    );
    assert!(!hand.contains(&swapped["id"].as_str().unwrap().to_string()));
    app.ok("mark_discussed", json!({ "id": hand[1] }));
    app.ok(
        "save_together_note",
        json!({ "note": "A lovely evening", "promptIds": [hand[1]] }),
    );
    let pair = app.ok("save_answers", json!({ "promptId": hand[2], "firstPartner": "a", "firstAnswer": "Mine", "secondAnswer": "Yours" }));
    assert_eq!(pair["secondAnswer"], "Yours");
    assert_eq!(
        app.ok("list_answers", json!({})).as_array().unwrap().len(),
        1
    );
    let history = app.ok("prompt_history", json!({}));
    assert_eq!(history[0]["promptId"], hand[1].as_str());
    assert_eq!(
        app.err_kind("mark_discussed", json!({ "id": "no-such-prompt" })),
        "not_found"
    );
    assert_eq!(app.err_kind("add_prompt", json!({ "draft": { "text": "short", "category": "fun", "depth": "light", "kind": "question" } })), "invalid_input");
    let mine = app.ok("add_prompt", json!({ "draft": { "text": "What song should we dance to next?", "category": "fun", "depth": "light", "kind": "question" } }));
    app.ok("set_favourite", json!({ "id": mine["id"], "on": true }));
    app.ok("set_hidden", json!({ "id": mine["id"], "on": true }));
    app.ok("update_prompt", json!({ "id": mine["id"], "draft": { "text": "What song should we dance to tonight?", "category": "fun", "depth": "light", "kind": "question" } }));
    app.ok("delete_prompt", json!({ "id": mine["id"] }));
    assert_eq!(app.ok("set_resurface_months", json!({ "months": 6 })), 6);
}

#[test]
fn reminders_through_commands_keep_the_wake_list_free_of_titles() {
    let dir = tempfile::tempdir().unwrap();
    let app = start(dir.path());
    app.ok("setup_couple", setup_args());
    // Next week, so the first occurrences fall inside the wake list's horizon.
    let start = (chrono::Utc::now() + chrono::Duration::days(7))
        .format("%Y-%m-%dT19:00:00")
        .to_string();
    let draft = json!({
        "kind": "weekly_slot", "title": "Our secret-title-7c1d evening", "rule": "FREQ=WEEKLY",
        "zone": "Europe/Berlin", "startLocal": start, "leadMinutes": 15, "durationMinutes": 60,
    });
    assert_eq!(
        app.ok(
            "preset_rule",
            json!({ "kind": "monthly_date", "startLocal": "2030-01-04T20:00:00" })
        ),
        "FREQ=MONTHLY;BYDAY=1FR"
    );
    let preview = app.ok("preview_reminder", json!({ "draft": draft }));
    assert_eq!(preview.as_array().unwrap().len(), 5);
    assert_eq!(preview[0], start.as_str());
    let created = app.ok("create_reminder", json!({ "draft": draft }));
    assert_eq!(created["notificationText"], "Time for the two of you");
    let wake = std::fs::read_to_string(dir.path().join("wake-list.json")).unwrap();
    assert!(
        wake.contains("Time for the two of you") && !wake.contains("secret-title-7c1d"),
        "{wake}"
    );
    let mut bad = draft.clone();
    bad["leadMinutes"] = json!(7);
    assert_eq!(
        app.err_kind("create_reminder", json!({ "draft": bad })),
        "invalid_input"
    );
    assert_eq!(
        app.ok("list_reminders", json!({}))
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // A daily together-time that began a minute ago can be marked kept.
    let began = chrono::Utc::now() - chrono::Duration::minutes(1);
    let daily = app.ok(
        "create_reminder",
        json!({ "draft": { "kind": "weekly_slot", "title": "Morning coffee", "rule": "FREQ=DAILY",
            "zone": "UTC", "startLocal": began.format("%Y-%m-%dT%H:%M:00").to_string(),
            "leadMinutes": 0, "durationMinutes": 30 } }),
    );
    let occurrence = began.format("%Y-%m-%dT%H:%M:00Z").to_string();
    let recent = app.ok("recent_together_times", json!({}));
    assert_eq!(recent[0]["occurrence"], occurrence.as_str());
    assert_eq!(recent[0]["outcome"], Value::Null);
    let earlier = app.ok("kept_this_month", json!({})).as_u64().unwrap();
    assert_eq!(
        app.err_kind(
            "record_together_time",
            json!({ "id": daily["id"], "occurrence": "2099-01-01T00:00:00Z", "outcome": "kept" })
        ),
        "invalid_input"
    );
    // A date at the very edge of what a date can hold is refused in plain words, not a panic
    // that would leave the vault unusable: locking still works after it.
    // (-262144 is beyond what a date holds; -262143 is its very first year.)
    for year in ["-262144", "-262143", "+262143"] {
        let edge = app
            .invoke(
                "record_together_time",
                json!({ "id": daily["id"], "occurrence": format!("{year}-01-01T00:00:00Z"), "outcome": "kept" }),
            )
            .unwrap_err();
        assert_eq!(edge["kind"], "invalid_input", "{year}: {edge}");
        assert!(
            !edge["message"].as_str().unwrap().contains("invalid args"),
            "{edge}"
        );
    }
    assert_eq!(app.ok("lock", json!({}))["state"], "locked");
    app.ok("unlock", json!({ "partner": "a", "passphrase": PASS_A }));
    app.ok(
        "record_together_time",
        json!({ "id": daily["id"], "occurrence": occurrence, "outcome": "kept" }),
    );
    assert_eq!(app.ok("kept_this_month", json!({})), earlier + 1);
    assert_eq!(
        app.ok("recent_together_times", json!({}))[0]["outcome"],
        "kept"
    );
    app.ok("delete_reminder", json!({ "id": daily["id"] }));
    let mut paused = draft.clone();
    paused["active"] = json!(false);
    app.ok(
        "update_reminder",
        json!({ "id": created["id"], "draft": paused }),
    );
    let wake = std::fs::read_to_string(dir.path().join("wake-list.json")).unwrap();
    assert!(
        !wake.contains(created["id"].as_str().unwrap()),
        "a paused reminder leaves the wake list"
    );
    app.ok("delete_reminder", json!({ "id": created["id"] }));
    assert_eq!(
        app.err_kind("delete_reminder", json!({ "id": "missing" })),
        "not_found"
    );
}

#[test]
fn pause_snooze_and_only_while_unlocked_through_commands() {
    let dir = tempfile::tempdir().unwrap();
    let app = start(dir.path());
    app.ok("setup_couple", setup_args());
    let wake_file = dir.path().join("wake-list.json");
    let start = (chrono::Utc::now() + chrono::Duration::days(2))
        .format("%Y-%m-%dT19:00:00")
        .to_string();
    let created = app.ok(
        "create_reminder",
        json!({ "draft": { "kind": "weekly_slot", "title": "Sunday", "rule": "FREQ=WEEKLY",
            "zone": "UTC", "startLocal": start, "leadMinutes": 0, "durationMinutes": 60 } }),
    );
    let status = app.ok("reminder_status", json!({}));
    assert_eq!(status["next"], format!("{start}Z").as_str());
    assert_eq!(status["pausedUntil"], Value::Null);

    let paused = app.ok("pause_reminders_today", json!({}));
    let until: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(paused["pausedUntil"].clone()).unwrap();
    assert!(until > chrono::Utc::now() && until <= chrono::Utc::now() + chrono::Duration::days(1));
    assert!(std::fs::read_to_string(&wake_file)
        .unwrap()
        .contains("pausedUntil"));
    assert_eq!(
        app.ok("resume_reminders", json!({}))["pausedUntil"],
        Value::Null
    );

    let snoozed = app.ok(
        "snooze_reminders",
        json!({ "reminderIds": [created["id"]], "snooze": "ten_minutes" }),
    );
    let next: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(snoozed["next"].clone()).unwrap();
    assert!(next < chrono::Utc::now() + chrono::Duration::minutes(11));
    assert!(app
        .invoke(
            "snooze_reminders",
            json!({ "reminderIds": [], "snooze": "forever" })
        )
        .is_err());

    // Quiet hours are checked; "only while unlocked" removes the file and forgets on lock.
    assert_eq!(
        app.err_kind(
            "set_reminder_prefs",
            json!({ "prefs": { "quiet": { "start": "22:00:00", "end": "22:00:00", "zone": "UTC" }, "onlyWhileUnlocked": false } })
        ),
        "invalid_input"
    );
    let prefs = json!({ "quiet": { "start": "22:00:00", "end": "07:00:00", "zone": "UTC" }, "onlyWhileUnlocked": true });
    assert_eq!(
        app.ok("set_reminder_prefs", json!({ "prefs": prefs })),
        prefs
    );
    assert_eq!(app.ok("get_reminder_prefs", json!({})), prefs);
    assert!(!wake_file.exists(), "no wake list on disk");
    assert_ne!(app.ok("reminder_status", json!({}))["next"], Value::Null);
    app.ok("lock", json!({}));
    assert_eq!(
        app.ok("reminder_status", json!({}))["next"],
        Value::Null,
        "forgotten on lock"
    );
    assert!(!wake_file.exists());

    // Without the desktop plugins (as here) these say so in plain words.
    assert_eq!(app.err_kind("get_autostart", json!({})), "unavailable");
    app.ok("unlock", json!({ "partner": "a", "passphrase": PASS_A }));
    assert_eq!(app.err_kind("export_ics", json!({})), "unavailable");
}

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
    app.ok("lock", json!({}));
    app.ok("unlock", json!({ "partner": "b", "passphrase": PASS_B }));
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
    assert_eq!(checked, 77, "every command was looked at");
}

#[test]
fn neither_partner_reads_the_others_check_in_before_both_answer() {
    let dir = tempfile::tempdir().unwrap();
    let app = start(dir.path());
    app.ok("setup_couple", setup_args());
    let ratings = |n: u8| json!({ "love": n, "vulnerability": n, "trust": n, "commitment": n });

    // Both unlocked (as right after setup): no one answers for the other at the same keyboard.
    assert_eq!(
        app.err_kind(
            "answer_checkin",
            json!({ "partner": "a", "ratings": ratings(4), "note": "" })
        ),
        "not_alone"
    );

    app.ok("lock", json!({}));
    app.ok("unlock", json!({ "partner": "a", "passphrase": PASS_A }));
    assert_eq!(app.ok("checkin_due", json!({}))["due"], true);
    let after_a = app.ok(
        "answer_checkin",
        json!({ "partner": "a", "ratings": ratings(4), "note": "the zephyrine week" }),
    );
    assert_eq!(after_a["own"]["ratings"], ratings(4));
    assert_eq!(after_a["revealed"], Value::Null);
    assert_eq!(
        app.err_kind(
            "answer_checkin",
            json!({ "partner": "b", "ratings": ratings(2), "note": "" })
        ),
        "locked"
    );

    // B alone: A has answered, and that is all B can learn, through any command.
    app.ok("lock", json!({}));
    app.ok("unlock", json!({ "partner": "b", "passphrase": PASS_B }));
    let seen = app.ok("checkin_state", json!({}));
    assert_eq!(
        (
            &seen["aAnswered"],
            &seen["bAnswered"],
            &seen["own"],
            &seen["revealed"]
        ),
        (&json!(true), &json!(false), &Value::Null, &Value::Null)
    );
    assert_eq!(app.ok("checkin_trends", json!({})), json!([]));
    for command in ["checkin_state", "checkin_trends", "checkin_due"] {
        let reply = app.ok(command, json!({})).to_string();
        assert!(!reply.contains("zephyrine"), "{command}: {reply}");
    }
    assert_eq!(
        app.err_kind(
            "answer_checkin",
            json!({ "partner": "b", "ratings": { "love": 2, "vulnerability": 2, "trust": 2 }, "note": "" })
        ),
        "invalid_input",
        "half an answer is not an answer"
    );

    // B answers: both are shown side by side, to B now and to A after unlocking.
    let after_b = app.ok(
        "answer_checkin",
        json!({ "partner": "b", "ratings": ratings(2), "note": "" }),
    );
    assert_eq!(after_b["revealed"]["a"]["note"], "the zephyrine week");
    assert_eq!(after_b["revealed"]["b"]["ratings"], ratings(2));
    app.ok("lock", json!({}));
    app.ok("unlock", json!({ "partner": "a", "passphrase": PASS_A }));
    assert_eq!(
        app.ok("checkin_trends", json!({}))[0]["b"]["ratings"],
        ratings(2)
    );
    assert_eq!(
        app.err_kind(
            "answer_checkin",
            json!({ "partner": "a", "ratings": ratings(1), "note": "" })
        ),
        "already_revealed"
    );
}
