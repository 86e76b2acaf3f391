//! Check-ins on real SQLCipher files: the reveal rule (one partner's answer, or half of one,
//! reveals nothing; both answers show side by side; then they stay), answering alone, trends, the
//! four-enemies reflection in the private vault, repair agreements, and the gesture library.

mod common;

use std::time::Instant;

use chrono::{NaiveDate, TimeZone, Utc};
use common::*;
use hearth_core::checkins::reflection::{self, Enemy};
use hearth_core::checkins::{repair, store, CheckinError, Ratings, Week};
use hearth_core::journal::search;
use hearth_core::prompts::gestures;
use hearth_core::vault::{Partner, Space};

const WEEK_DAY: (i32, u32, u32) = (2026, 11, 18);

fn week() -> Week {
    let (y, m, d) = WEEK_DAY;
    Week::of(NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn ratings(base: u8) -> Ratings {
    Ratings {
        love: base,
        vulnerability: base.saturating_sub(1).max(1),
        trust: base,
        commitment: 5,
    }
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 18, 20, 0, 0).unwrap()
}

#[test]
fn weeks_are_iso_weeks() {
    assert_eq!(week().as_str(), "2026-W47");
    assert_eq!(Week::parse("2026-W47").unwrap(), week());
    assert_eq!(
        week().monday(),
        NaiveDate::from_ymd_opt(2026, 11, 16).unwrap()
    );
    // The first days of January can belong to the last week of the year before.
    assert_eq!(
        Week::of(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()).as_str(),
        "2026-W53"
    );
    for bad in ["2026-47", "2026-W54", "W47", "", "2026-W0"] {
        assert!(Week::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn one_answer_reveals_nothing_and_both_reveal_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = set_up(dir.path());

    // A answers alone. A sees their own answer; B's side is empty.
    unlock_alone(&mut vault, Partner::A);
    let session = vault.session().unwrap();
    let after_a = store::answer(
        session,
        Partner::A,
        &week(),
        ratings(4),
        "a good week",
        now(),
    )
    .unwrap();
    assert!(after_a.a_answered && !after_a.b_answered);
    assert_eq!(after_a.own.as_ref().unwrap().note, "a good week");
    assert!(after_a.revealed.is_none());
    assert!(store::trends(session, 52).unwrap().is_empty());
    assert!(!store::due_for(session, &week()).unwrap());

    // B, alone, learns only that A has answered: not a number, not the note.
    unlock_alone(&mut vault, Partner::B);
    let session = vault.session().unwrap();
    let seen_by_b = store::state(session, &week()).unwrap();
    assert!(seen_by_b.a_answered && !seen_by_b.b_answered);
    assert!(seen_by_b.own.is_none() && seen_by_b.revealed.is_none());
    assert!(!format!("{seen_by_b:?}").contains("a good week"));
    assert!(store::due_for(session, &week()).unwrap());

    // Half an answer (three of four ratings) is refused and changes nothing.
    let half = Ratings {
        commitment: 0,
        ..ratings(3)
    };
    assert!(matches!(
        store::answer(session, Partner::B, &week(), half, "", now()),
        Err(CheckinError::InvalidInput(_))
    ));
    assert!(store::state(session, &week()).unwrap().revealed.is_none());
    assert!(store::trends(session, 52).unwrap().is_empty());

    // B's whole answer: both are shown side by side, to B now and to A later.
    let after_b = store::answer(session, Partner::B, &week(), ratings(2), "", now()).unwrap();
    let both = after_b.revealed.unwrap();
    assert_eq!((both.a.ratings, both.b.ratings), (ratings(4), ratings(2)));
    assert_eq!(both.a.note, "a good week");
    unlock_alone(&mut vault, Partner::A);
    let session = vault.session().unwrap();
    assert_eq!(
        store::state(session, &week())
            .unwrap()
            .revealed
            .unwrap()
            .b
            .ratings,
        ratings(2)
    );
    // Once shown, a week stays as it is.
    assert!(matches!(
        store::answer(session, Partner::A, &week(), ratings(1), "", now()),
        Err(CheckinError::AlreadyRevealed)
    ));
    assert_eq!(store::trends(session, 52).unwrap().len(), 1);
}

#[test]
fn answering_needs_the_partner_unlocked_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = set_up(dir.path());
    // Both unlocked (as after setup, or with "add partner"): no one answers, and no one's own
    // unrevealed answer is shown, since either could be at the keyboard.
    unlock_alone(&mut vault, Partner::A);
    store::answer(
        vault.session().unwrap(),
        Partner::A,
        &week(),
        ratings(3),
        "mine",
        now(),
    )
    .unwrap();
    vault
        .add_partner(Partner::B, PASS_B, Instant::now())
        .unwrap();
    let session = vault.session().unwrap();
    assert!(matches!(
        store::answer(session, Partner::B, &week(), ratings(3), "", now()),
        Err(CheckinError::NotAlone)
    ));
    let state = store::state(session, &week()).unwrap();
    assert!(state.own.is_none() && state.revealed.is_none());
    // Only A unlocked: answering as B is refused.
    unlock_alone(&mut vault, Partner::A);
    assert!(matches!(
        store::answer(
            vault.session().unwrap(),
            Partner::B,
            &week(),
            ratings(3),
            "",
            now()
        ),
        Err(CheckinError::Locked)
    ));
    // Out-of-range ratings and an overlong note are refused.
    let session = vault.session().unwrap();
    for bad in [ratings(6), ratings(0)] {
        assert!(store::answer(session, Partner::A, &week(), bad, "", now()).is_err());
    }
    let long = "x".repeat(store::MAX_NOTE_CHARS + 1);
    assert!(store::answer(session, Partner::A, &week(), ratings(3), &long, now()).is_err());
    // Before B answers, A may change their answer.
    store::answer(session, Partner::A, &week(), ratings(5), "changed", now()).unwrap();
    assert_eq!(
        store::state(session, &week()).unwrap().own.unwrap().note,
        "changed"
    );
}

#[test]
fn trends_hold_only_weeks_both_answered_oldest_first() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = set_up(dir.path());
    let weeks: Vec<Week> = [2, 9, 16]
        .iter()
        .map(|d| Week::of(NaiveDate::from_ymd_opt(2026, 11, *d).unwrap()))
        .collect();
    for who in [Partner::A, Partner::B] {
        unlock_alone(&mut vault, who);
        for (i, week) in weeks.iter().enumerate() {
            // B skips the last week: it stays out of the chart.
            if who == Partner::B && i == 2 {
                continue;
            }
            store::answer(
                vault.session().unwrap(),
                who,
                week,
                ratings(2 + i as u8),
                "",
                now(),
            )
            .unwrap();
        }
    }
    let trend = store::trends(vault.session().unwrap(), 52).unwrap();
    let shown: Vec<&str> = trend.iter().map(|w| w.week.as_str()).collect();
    assert_eq!(shown, ["2026-W45", "2026-W46"]);
    assert_eq!(trend[1].a.ratings, ratings(3));
    assert_eq!(store::trends(vault.session().unwrap(), 1).unwrap().len(), 1);
}

#[test]
fn a_reflection_is_a_private_entry_the_other_cannot_find() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = set_up(dir.path());
    unlock_alone(&mut vault, Partner::A);
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    let session = vault.session().unwrap();
    assert_eq!(reflection::topics().len(), 4);
    assert!(reflection::topics().iter().all(|t| t.questions.len() >= 3));
    let entry = reflection::save(
        session,
        Partner::A,
        Enemy::Resentment,
        "the ottoline grudge",
        today,
    )
    .unwrap();
    assert_eq!(entry.space, Space::Private(Partner::A));
    assert_eq!(entry.tags, ["reflection", "resentment"]);
    assert!(reflection::save(session, Partner::A, Enemy::Selfishness, "  ", today).is_err());
    assert_eq!(search::search(session, "ottoline", 20).unwrap().len(), 1);

    unlock_alone(&mut vault, Partner::B);
    assert!(search::search(vault.session().unwrap(), "ottoline", 20)
        .unwrap()
        .is_empty());
    assert!(
        files_containing(dir.path(), "ottoline").is_empty(),
        "encrypted at rest"
    );
}

#[test]
fn repair_agreements_are_kept_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = set_up(dir.path());
    let session = vault.session().unwrap();
    let none = repair::ConflictDreams::default();
    repair::save(session, "Dishes before the film", &none, now()).unwrap();
    let dreams = repair::ConflictDreams {
        a: " A weekend that feels like ours ".into(),
        b: "Time with my family without guilt".into(),
    };
    repair::save(
        session,
        "  We ask before planning the weekend  ",
        &dreams,
        now() + chrono::Duration::hours(1),
    )
    .unwrap();
    let list = repair::list(session, 10).unwrap();
    assert_eq!(list[0].agreement, "We ask before planning the weekend");
    assert_eq!(
        list[0].dreams.a, "A weekend that feels like ours",
        "kept with the agreement"
    );
    assert_eq!(list[0].dreams.b, "Time with my family without guilt");
    assert_eq!(list[1].dreams, none);
    assert_eq!(list.len(), 2);
    assert!(repair::save(session, " ", &none, now()).is_err());
    assert!(repair::save(session, &"x".repeat(501), &none, now()).is_err());
    let long_dream = repair::ConflictDreams {
        a: "x".repeat(501),
        b: String::new(),
    };
    assert!(repair::save(session, "Fine", &long_dream, now()).is_err());
}

#[test]
fn the_gesture_library_has_sixty_or_more_in_known_categories() {
    let library = gestures::builtin().unwrap();
    assert!(library.gestures.len() >= 60, "{}", library.gestures.len());
    for category in &library.categories {
        let count = library
            .gestures
            .iter()
            .filter(|g| g.category == category.key)
            .count();
        assert!(count >= 10, "{} has {count}", category.key);
    }
    // No two are near duplicates (the prompt library's own measure).
    let words: Vec<_> = library
        .gestures
        .iter()
        .map(|g| hearth_core::prompts::likeness::word_set(&g.text))
        .collect();
    for (i, a) in words.iter().enumerate() {
        for (j, b) in words.iter().enumerate().skip(i + 1) {
            let overlap = hearth_core::prompts::likeness::overlap(a, b);
            assert!(
                overlap < 0.6,
                "{} and {} overlap {overlap:.2}",
                library.gestures[i].id,
                library.gestures[j].id
            );
        }
    }
    // The checks catch a bad file.
    assert!(gestures::parse(r#"{"version":1,"categories":{"words":"W"},"gestures":[{"id":"x","category":"nope","text":"A long enough text"}]}"#).is_err());
    assert!(gestures::parse(r#"{"version":1,"categories":{"words":"W"},"gestures":[{"id":"x","category":"words","text":"A long enough text"},{"id":"x","category":"words","text":"Another long enough text"}]}"#).is_err());
}
