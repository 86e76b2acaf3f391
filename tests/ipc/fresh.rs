//! Keeping prompts fresh, through commands: levels, love maps, quick choices, spice levels told
//! only to their owner, and date ideas planned into reminders.

use serde_json::{json, Value};

use crate::support::ipc::{setup_args, start};
use crate::support::{PASS_A, PASS_B};

fn ids(cards: &Value) -> Vec<String> {
    cards
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn levels_rounds_and_love_maps_through_commands() {
    let dir = tempfile::tempdir().unwrap();
    let app = start(dir.path());
    app.ok("setup_couple", setup_args());
    let gentle = app.ok(
        "deal_date_night",
        json!({ "theme": null, "level": "gentle" }),
    );
    assert!(gentle
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["depth"] != "deep" || p["kind"] == "wildcard"));
    let swapped = app.ok(
        "swap_card",
        json!({ "theme": null, "level": "gentle", "hand": ids(&gentle), "index": 1 }),
    );
    assert_ne!(swapped["depth"], "deep");
    assert!(app
        .invoke("deal_date_night", json!({ "theme": null, "level": "wild" }))
        .is_err());

    let choices = app.ok("deal_quick_choices", json!({}));
    assert_eq!(choices.as_array().unwrap().len(), 5);
    for card in choices.as_array().unwrap() {
        assert_eq!(card["choices"].as_array().unwrap().len(), 2, "{card}");
    }
    let maps = app.ok("deal_love_maps", json!({}));
    assert!(maps
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["loveMap"] == true));
    let question = &maps[0];
    let saved = app.ok(
        "save_love_map",
        json!({ "round": { "promptId": question["id"], "answerer": "b",
        "answer": "Pancakes", "guess": "Waffles", "close": false } }),
    );
    assert_eq!(saved["promptText"], question["text"]);
    assert_eq!(app.ok("list_love_maps", json!({}))[0]["answer"], "Pancakes");
    assert_eq!(
        app.ok("still_true_round", json!({})),
        json!([]),
        "not months old yet"
    );
    assert_eq!(
        app.err_kind(
            "save_love_map",
            json!({ "round": { "promptId": question["id"], "answerer": "b",
        "answer": "", "guess": "x", "close": true } })
        ),
        "invalid_input"
    );
    let kept = app.ok(
        "answer_still_true",
        json!({ "id": saved["id"], "changed": null }),
    );
    assert!(kept["revisitedAt"].is_string());
}

#[test]
fn spice_levels_are_told_only_to_their_owner() {
    let dir = tempfile::tempdir().unwrap();
    let app = start(dir.path());
    app.ok("setup_couple", setup_args());
    app.lock_and_unlock_as("a", PASS_A);
    app.ok("set_consent", json!({ "partner": "a", "optedIn": true }));
    let status = app.ok("set_spice", json!({ "partner": "a", "spice": "hot" }));
    assert_eq!(status["ownSpice"], "hot");
    app.lock_and_unlock_as("b", PASS_B);
    let status = app.ok("consent_status", json!({}));
    assert_eq!(
        status["ownSpice"], "mild",
        "B sees B's own level, never A's"
    );
    assert_eq!(
        app.err_kind("set_spice", json!({ "partner": "a", "spice": "warm" })),
        "locked"
    );
    app.ok("set_consent", json!({ "partner": "b", "optedIn": true }));
    let sensual = app.ok(
        "list_prompts",
        json!({ "filter": { "category": "sensual" } }),
    );
    assert!(!sensual.as_array().unwrap().is_empty());
    assert!(
        sensual
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["spice"] == "mild"),
        "only the lower of the two"
    );
    app.ok(
        "add_partner",
        json!({ "partner": "a", "passphrase": PASS_A }),
    );
    assert_eq!(
        app.ok("consent_status", json!({}))["ownSpice"],
        Value::Null,
        "together, neither level is shown"
    );
}

#[test]
fn a_planned_date_is_a_reminder_in_force() {
    let dir = tempfile::tempdir().unwrap();
    let app = start(dir.path());
    app.ok("setup_couple", setup_args());
    let quiet_home = app.ok(
        "list_date_ideas",
        json!({ "filter": { "place": "home", "energy": "quiet" } }),
    );
    let ideas = quiet_home.as_array().unwrap();
    assert!(ideas.len() >= 10);
    assert!(ideas
        .iter()
        .all(|i| i["place"] == "home" && i["energy"] == "quiet"));
    // Inside the wake list's sixty days, so the schedule shows it as the next fire time.
    let soon = (chrono::Utc::now() + chrono::Duration::days(20)).date_naive();
    let plan = app.ok(
        "plan_date",
        json!({ "request": { "ideaId": ideas[0]["id"],
        "startLocal": format!("{soon}T19:00:00"), "zone": "Europe/Paris", "leadMinutes": 15 } }),
    );
    let reminders = app.ok("list_reminders", json!({}));
    let reminder = reminders
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == plan["reminderId"])
        .unwrap();
    assert_eq!(reminder["title"], ideas[0]["title"]);
    assert_eq!(reminder["kind"], "one_off");
    let status = app.ok("reminder_status", json!({}));
    assert!(
        status["next"].is_string(),
        "the plan is in the wake schedule: {status}"
    );
    assert_eq!(app.ok("list_date_plans", json!({}))[0]["id"], plan["id"]);
    assert_eq!(
        app.err_kind(
            "remember_date",
            json!({ "id": plan["id"], "memory": "Lovely" })
        ),
        "invalid_input"
    );
    assert_eq!(
        app.err_kind(
            "plan_date",
            json!({ "request": { "ideaId": "date-999",
        "startLocal": format!("{soon}T19:00:00"), "zone": "Europe/Paris", "leadMinutes": 15 } })
        ),
        "not_found"
    );
}
