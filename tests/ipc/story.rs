//! Rituals and the couple's story through commands: a half-done exchange or profile reveals
//! nothing to either partner, and a private milestone of A's is in no command's answer while only
//! B is unlocked, whatever the command.

use chrono::{Datelike, Duration, Local, Utc};
use hearth_core::rituals::care::CareRatings;
use hearth_core::rituals::exchange;
use hearth_core::story::{milestones, MilestoneDraft};
use hearth_core::vault::{Partner, Space};
use serde_json::{json, Value};

use crate::support::ipc::{start, TestApp};
use crate::support::{new_couple, NEW_PASS, PASS_A, PASS_B};

const MARKER: &str = "A-PRIVATE-STORY-5c1e";

fn ratings() -> CareRatings {
    CareRatings {
        words: 5,
        time: 4,
        help: 3,
        touch: 3,
        gifts: 2,
        listening: 4,
        play: 3,
    }
}

/// A, alone, has written half an exchange and a care profile; B has written nothing.
fn a_wrote_half(dir: &std::path::Path) {
    let mut vault = new_couple(dir);
    vault.lock();
    vault
        .unlock(Some(Partner::A), PASS_A, std::time::Instant::now())
        .unwrap();
    let session = vault.session().unwrap();
    exchange::write(session, Partner::A, MARKER, MARKER, Utc::now()).unwrap();
    hearth_core::rituals::care::answer(session, Partner::A, ratings(), Utc::now()).unwrap();
    vault.lock();
}

fn assert_no_marker(what: &str, answer: &Result<Value, Value>) {
    let text = match answer {
        Ok(value) | Err(value) => value.to_string(),
    };
    assert!(!text.contains(MARKER), "{what}: {text}");
}

#[test]
fn a_half_done_exchange_or_profile_reveals_nothing_to_either_partner() {
    let dir = tempfile::tempdir().unwrap();
    a_wrote_half(dir.path());
    let app = start(dir.path());
    app.ok("unlock", json!({ "partner": "b", "passphrase": PASS_B }));
    let state = app.ok("exchange_state", json!({}));
    assert_eq!(
        (
            state["aWritten"].clone(),
            state["ready"].clone(),
            state["own"].clone()
        ),
        (json!(true), json!(false), Value::Null)
    );
    assert_eq!(app.err_kind("reveal_exchange", json!({})), "not_ready");
    let care = app.ok("care_state", json!({}));
    assert_eq!(
        (
            care["aAnswered"].clone(),
            care["revealed"].clone(),
            care["own"].clone()
        ),
        (json!(true), Value::Null, Value::Null)
    );
    assert_eq!(
        app.ok("care_suggestions", json!({ "whom": "a" })),
        json!([])
    );
    for (command, args) in [
        ("exchange_state", json!({})),
        ("list_appreciations", json!({})),
        ("appreciation_of_the_day", json!({})),
        ("home_suggestion", json!({})),
        ("care_state", json!({})),
    ] {
        assert_no_marker(command, &app.invoke(command, args));
    }
    // Sitting together, neither reads a waiting note or profile.
    app.ok(
        "add_partner",
        json!({ "partner": "a", "passphrase": PASS_A }),
    );
    assert_eq!(app.ok("exchange_state", json!({}))["own"], Value::Null);
    assert_eq!(app.ok("care_state", json!({}))["own"], Value::Null);
    assert_eq!(
        app.err_kind(
            "write_exchange",
            json!({ "author": "b", "did": "x", "meant": "" })
        ),
        "not_alone"
    );
    assert_no_marker(
        "list_appreciations",
        &app.invoke("list_appreciations", json!({})),
    );
    // A alone sees their own, and still nothing of B's, who has written nothing.
    app.ok("lock", json!({}));
    app.ok("unlock", json!({ "partner": "a", "passphrase": PASS_A }));
    assert_eq!(app.ok("exchange_state", json!({}))["own"]["body"], MARKER);
    assert_eq!(
        app.ok("care_state", json!({}))["own"]["ratings"]["words"],
        5
    );

    // B writes alone; then the two reveal together, and it joins the lists.
    app.ok("lock", json!({}));
    app.ok("unlock", json!({ "partner": "b", "passphrase": PASS_B }));
    let ready = app.ok(
        "write_exchange",
        json!({ "author": "b", "did": "The walk", "meant": "Calm" }),
    );
    assert_eq!(ready["ready"], true);
    assert_eq!(
        app.ok("home_suggestion", json!({}))["kind"],
        "appreciation_ready"
    );
    let revealed = app.ok("reveal_exchange", json!({}));
    assert_eq!(
        (
            revealed["a"]["body"].as_str(),
            revealed["b"]["meant"].as_str()
        ),
        (Some(MARKER), Some("Calm"))
    );
    assert_eq!(
        app.ok("list_appreciations", json!({}))
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

/// A's private milestone, on this day a year ago so "on this day" would find it, and a shared
/// one beside it.
fn a_kept_a_private_milestone(dir: &std::path::Path) {
    let mut vault = new_couple(dir);
    vault
        .open_private(Partner::A, PASS_A, std::time::Instant::now())
        .unwrap();
    let session = vault.session().unwrap();
    let today = Local::now().date_naive();
    let a_year_ago = today
        .with_year(today.year() - 1)
        .unwrap_or(today - Duration::days(365));
    let private = MilestoneDraft {
        day: a_year_ago,
        title: MARKER.into(),
        note: MARKER.into(),
    };
    milestones::add(session, Space::Private(Partner::A), &private, Utc::now()).unwrap();
    let shared = MilestoneDraft {
        day: a_year_ago,
        title: "Our first concert".into(),
        note: String::new(),
    };
    milestones::add(session, Space::Shared, &shared, Utc::now()).unwrap();
    vault.lock();
}

/// Arguments that let each command do its work, where it needs any; the rest get none and may
/// refuse them, which says nothing of A either.
fn args_for(command: &str) -> Value {
    let private_a = json!({ "space": "private", "owner": "a" });
    match command {
        "list_entries" | "list_prompts" | "list_date_ideas" => json!({ "filter": {} }),
        "search_entries" => json!({ "query": MARKER }),
        "care_suggestions" => json!({ "whom": "a" }),
        "delete_milestone" | "remind_milestone_yearly" => {
            json!({ "space": private_a, "id": 1, "time": "19:00:00", "zone": "Europe/Berlin" })
        }
        "add_milestone" => {
            json!({ "space": private_a, "draft": { "day": "2020-01-01", "title": "B writing in A's space" } })
        }
        "add_partner" | "unlock" => json!({ "partner": "a", "passphrase": PASS_B }),
        "open_private" => json!({ "partner": "a", "passphrase": PASS_B }),
        "change_passphrase" => json!({ "partner": "a", "current": PASS_B, "new": NEW_PASS }),
        "reset_passphrase" => {
            json!({ "partner": "a", "recoveryCode": "0000-0000-0000-0000-0000-0000-0000-0000", "new": NEW_PASS })
        }
        "get_entry" => json!({ "space": private_a, "id": 1 }),
        _ => json!({}),
    }
}

/// Commands that read what the couple keep: each must answer, so that its silence about A is
/// not an error's.
const READERS: &[&str] = &[
    "vault_status",
    "list_milestones",
    "story_timeline",
    "on_this_day",
    "home_suggestion",
    "list_dreams",
    "list_entries",
    "search_entries",
    "entry_tags",
    "entry_prompts",
    "list_appreciations",
    "appreciation_of_the_day",
    "exchange_state",
    "care_state",
    "care_suggestions",
    "list_prompts",
    "prompt_history",
    "list_answers",
    "list_together_notes",
    "list_reminders",
    "list_agreements",
    "checkin_state",
    "checkin_trends",
    "list_date_plans",
    "list_love_maps",
];

/// Asks every command, and returns the readers that refused.
fn ask_every_command(app: &TestApp) -> Vec<&'static str> {
    // Locking and leaving come last, so that every other command meets B unlocked.
    let last = ["lock", "leave_session"];
    let mut refused = Vec::new();
    let names = hearth_lib::command_names()
        .filter(|n| !last.contains(n))
        .chain(last);
    for command in names {
        let answer = app.invoke(command, args_for(command));
        assert_no_marker(command, &answer);
        if answer.is_err() && READERS.contains(&command) {
            refused.push(command);
        }
    }
    refused
}

#[test]
fn with_only_b_unlocked_no_command_answers_with_a_private_milestone_of_a() {
    let dir = tempfile::tempdir().unwrap();
    a_kept_a_private_milestone(dir.path());
    let app = start(dir.path());
    app.ok("unlock", json!({ "partner": "b", "passphrase": PASS_B }));
    // The shared one is there: the reads below are not empty for want of data.
    let memories = app.ok("on_this_day", json!({}));
    assert_eq!(memories["items"].as_array().unwrap().len(), 1, "{memories}");
    assert_eq!(
        app.ok("story_timeline", json!({}))[0]["title"],
        "Our first concert"
    );
    assert_eq!(
        app.err_kind(
            "remind_milestone_yearly",
            args_for("remind_milestone_yearly")
        ),
        "private_reminder"
    );
    let refused = ask_every_command(&app);
    assert!(refused.is_empty(), "these readers refused: {refused:?}");
}
