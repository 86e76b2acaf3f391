//! Love maps on a real shared vault: a round saved to the shared history with no score, and the
//! "Still true?" round that brings old answers back months later to be kept or updated.

mod common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::*;
use hearth_core::prompts::store::{self, Filter, LoveMapRound};
use hearth_core::prompts::PromptsError;
use hearth_core::vault::Partner;

fn then() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 1, 10, 20, 0, 0).unwrap()
}

fn round(prompt_id: &str, answer: &str, guess: &str, close: bool) -> LoveMapRound {
    LoveMapRound {
        prompt_id: prompt_id.into(),
        answerer: Partner::A,
        answer: answer.into(),
        guess: guess.into(),
        close,
    }
}

#[test]
fn a_round_is_saved_to_the_shared_history_and_read_by_both() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = set_up(dir.path());
    let session = vault.session().unwrap();
    store::sync_library(session).unwrap();
    let question = store::list(
        session,
        &Filter {
            love_maps_only: true,
            ..Filter::default()
        },
    )
    .unwrap()[0]
        .clone();
    let saved = store::save_love_map(
        session,
        &round(&question.id, "  The sea, always  ", "Mountains", false),
        then(),
    )
    .unwrap();
    assert_eq!(
        (saved.answer.as_str(), saved.guess.as_deref(), saved.close),
        ("The sea, always", Some("Mountains"), Some(false))
    );
    assert_eq!(saved.prompt_text, question.text);
    for (bad, why) in [
        (round(&question.id, " ", "x", true), "an empty answer"),
        (round(&question.id, "x", "", true), "an empty guess"),
        (
            round(&question.id, &"x".repeat(501), "x", true),
            "a very long answer",
        ),
    ] {
        assert!(
            matches!(
                store::save_love_map(session, &bad, then()),
                Err(PromptsError::InvalidInput(_))
            ),
            "{why}"
        );
    }
    assert!(matches!(
        store::save_love_map(session, &round("nope-001", "x", "y", true), then()),
        Err(PromptsError::NotFound)
    ));
    vault.leave(Partner::A).unwrap();
    let seen_by_b = store::love_maps(vault.session().unwrap(), 10).unwrap();
    assert_eq!(seen_by_b, vec![saved]);
}

#[test]
fn still_true_brings_old_answers_back_to_keep_or_update() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = set_up(dir.path());
    let session = vault.session().unwrap();
    store::sync_library(session).unwrap();
    let questions = store::list(
        session,
        &Filter {
            love_maps_only: true,
            ..Filter::default()
        },
    )
    .unwrap();
    let kept = store::save_love_map(
        session,
        &round(&questions[0].id, "Tea", "Tea", true),
        then(),
    )
    .unwrap();
    let changed = store::save_love_map(
        session,
        &round(&questions[1].id, "Lisbon", "Rome", false),
        then(),
    )
    .unwrap();
    let due = |days| store::still_true_round(session, then() + Duration::days(days), 10).unwrap();

    assert!(due(60).is_empty(), "too soon");
    let round_one: Vec<i64> = due(95).iter().map(|m| m.id).collect();
    assert_eq!(round_one, [kept.id, changed.id]);

    let at = then() + Duration::days(95);
    let still = store::answer_still_true(session, kept.id, None, at).unwrap();
    assert_eq!(still.revisited_at, Some(at));
    let new = store::answer_still_true(session, changed.id, Some("Kyoto, now"), at).unwrap();
    assert_eq!(
        (new.answer.as_str(), new.updates, new.guess.clone()),
        ("Kyoto, now", Some(changed.id), None)
    );
    let later = at + Duration::days(1);
    assert!(matches!(
        store::answer_still_true(session, kept.id, Some(" "), later),
        Err(PromptsError::InvalidInput(_))
    ));
    assert_eq!(
        store::love_maps(session, 10)
            .unwrap()
            .iter()
            .find(|m| m.id == kept.id)
            .unwrap()
            .revisited_at,
        Some(at),
        "a refused answer changes nothing"
    );

    assert!(due(150).is_empty(), "both answered a moment ago");
    let round_two: Vec<i64> = due(190).iter().map(|m| m.id).collect();
    assert_eq!(
        round_two,
        [kept.id, new.id],
        "the updated answer comes back, the old one does not"
    );
    let history = store::love_maps(session, 10).unwrap();
    assert_eq!(history.len(), 3, "what was learned stays, old and new");
}
