//! Prompts through commands: consent, the date-night deal, the together mode and its history.

use serde_json::{json, Value};

use crate::support::ipc::{setup_args, start, TestApp};
use crate::support::{PASS_A, PASS_B};

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
    app.lock_and_unlock_as("b", PASS_B);
    let b_before = prompt_view(&app);
    app.lock_and_unlock_as("a", PASS_A);
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

    app.lock_and_unlock_as("b", PASS_B);
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
    app.lock_and_unlock_as("b", PASS_B);
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
