//! The weekly check-in through commands: neither reads the other before both answer.

use serde_json::{json, Value};

use crate::support::ipc::{setup_args, start};
use crate::support::{PASS_A, PASS_B};

#[test]
fn neither_partner_reads_the_others_check_in_before_both_answer() {
    let dir = tempfile::tempdir().unwrap();
    let app = start(dir.path());
    app.ok("setup_couple", setup_args());
    let ratings = |n: u8| json!({ "love": n, "vulnerability": n, "trust": n, "commitment": n });
    let refused = |partner: &str, n: u8| {
        let args = json!({ "partner": partner, "ratings": ratings(n), "note": "" });
        app.err_kind("answer_checkin", args)
    };

    // Both unlocked (as right after setup): no one answers for the other at the same keyboard.
    assert_eq!(refused("a", 4), "not_alone");

    app.lock_and_unlock_as("a", PASS_A);
    assert_eq!(app.ok("checkin_due", json!({}))["due"], true);
    let after_a = app.ok(
        "answer_checkin",
        json!({ "partner": "a", "ratings": ratings(4), "note": "the zephyrine week" }),
    );
    assert_eq!(after_a["own"]["ratings"], ratings(4));
    assert_eq!(after_a["revealed"], Value::Null);
    assert_eq!(refused("b", 2), "locked");

    // B alone: A has answered, and that is all B can learn, through any command.
    app.lock_and_unlock_as("b", PASS_B);
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
    app.lock_and_unlock_as("a", PASS_A);
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
