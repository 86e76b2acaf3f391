//! Rituals on real SQLCipher files: the appreciation exchange's reveal rule (one note, or two not
//! yet revealed, show nowhere), the care profile's reveal rule, retakes and suggestions for the
//! other partner, the stress talk, and Home's one suggestion.

mod common;

use std::time::Instant;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use common::*;
use hearth_core::rituals::care::{self, CareRatings, CareWay};
use hearth_core::rituals::suggest::{self, Suggestion};
use hearth_core::rituals::{appreciation, exchange, stress_talk, RitualsError};
use hearth_core::story::{milestones, MilestoneDraft};
use hearth_core::vault::{Partner, Space, Vault};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 3, 19, 0, 0).unwrap()
}

fn unlock_both(vault: &mut Vault) {
    unlock_alone(vault, Partner::A);
    vault
        .add_partner(Partner::B, PASS_B, Instant::now())
        .unwrap();
}

#[test]
fn appreciation_notes_are_one_line_and_come_back_now_and_then() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = set_up_open(dir.path());
    let session = vault.session().unwrap();
    let then = now() - Duration::days(40);
    appreciation::add(
        session,
        Partner::A,
        "I appreciated the tea you made me",
        then,
    )
    .unwrap();
    assert!(matches!(
        appreciation::add(session, Partner::A, "two\nlines", then),
        Err(RitualsError::InvalidInput(_))
    ));
    assert_eq!(appreciation::list(session).unwrap().len(), 1);
    let now = now();
    let today = now.date_naive();
    let first = appreciation::resurface(session, today, now)
        .unwrap()
        .unwrap();
    assert_eq!(first.body, "I appreciated the tea you made me");
    assert_eq!(
        appreciation::resurface(session, today, now).unwrap(),
        Some(first),
        "the same all day"
    );
    let tomorrow = now + Duration::days(1);
    assert_eq!(
        appreciation::resurface(session, tomorrow.date_naive(), tomorrow).unwrap(),
        None,
        "not again soon"
    );
}

#[test]
fn an_exchange_shows_nothing_until_both_have_written_and_it_is_revealed() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = set_up(dir.path());
    let together = exchange::write(vault.session().unwrap(), Partner::A, "x", "", now());
    assert!(
        matches!(together, Err(RitualsError::NotAlone)),
        "{together:?}"
    );

    unlock_alone(&mut vault, Partner::A);
    let session = vault.session().unwrap();
    let wrong = exchange::write(session, Partner::B, "x", "", now());
    assert!(matches!(wrong, Err(RitualsError::Locked)), "{wrong:?}");
    exchange::write(
        session,
        Partner::A,
        "You fixed the bike",
        "I felt looked after",
        now(),
    )
    .unwrap();
    // A may change theirs while B has not written.
    let a_view = exchange::write(
        session,
        Partner::A,
        "You fixed my bike on Sunday",
        "I felt looked after",
        now(),
    )
    .unwrap();
    assert!(a_view.a_written && !a_view.b_written && !a_view.ready);
    assert_eq!(a_view.own.unwrap().body, "You fixed my bike on Sunday");
    assert!(
        appreciation::list(session).unwrap().is_empty(),
        "half an exchange is hidden"
    );

    unlock_alone(&mut vault, Partner::B);
    let session = vault.session().unwrap();
    let b_view = exchange::state(session).unwrap();
    assert!(
        b_view.a_written && b_view.own.is_none(),
        "B sees only that A wrote"
    );
    assert!(appreciation::list(session).unwrap().is_empty());
    let later = now() + Duration::days(3);
    assert!(appreciation::resurface(session, later.date_naive(), later)
        .unwrap()
        .is_none());
    assert!(matches!(
        exchange::reveal(session, now()),
        Err(RitualsError::NotReady)
    ));

    let ready = exchange::write(
        session,
        Partner::B,
        "You listened about my sister",
        "",
        now(),
    )
    .unwrap();
    assert!(
        ready.ready && ready.own.is_none(),
        "once both wrote, no one reads a note alone"
    );
    assert!(
        appreciation::list(session).unwrap().is_empty(),
        "written but not yet revealed"
    );
    assert!(matches!(
        exchange::write(session, Partner::B, "again", "", now()),
        Err(RitualsError::BothWritten)
    ));

    unlock_both(&mut vault);
    let session = vault.session().unwrap();
    let revealed = exchange::reveal(session, now()).unwrap();
    assert_eq!(revealed.a.body, "You fixed my bike on Sunday");
    assert_eq!(revealed.a.meant, "I felt looked after");
    assert_eq!(revealed.b.body, "You listened about my sister");
    let lists = appreciation::list(session).unwrap();
    assert_eq!(lists.len(), 2, "both join the lists");
    assert!(!exchange::state(session).unwrap().ready);
    // The next exchange starts fresh.
    unlock_alone(&mut vault, Partner::B);
    let next =
        exchange::write(vault.session().unwrap(), Partner::B, "The soup", "", now()).unwrap();
    assert!(!next.a_written && next.b_written);
}

fn ratings(words: u8, help: u8) -> CareRatings {
    CareRatings {
        words,
        time: 3,
        help,
        touch: 2,
        gifts: 1,
        listening: 3,
        play: 2,
    }
}

#[test]
fn a_care_profile_is_revealed_side_by_side_once_both_have_answered() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = set_up(dir.path());
    let together = care::answer(vault.session().unwrap(), Partner::A, ratings(5, 4), now());
    assert!(matches!(together, Err(RitualsError::NotAlone)));

    unlock_alone(&mut vault, Partner::A);
    let session = vault.session().unwrap();
    let half = CareRatings {
        words: 5,
        ..CareRatings::default()
    };
    assert!(matches!(
        care::answer(session, Partner::A, half, now()),
        Err(RitualsError::InvalidInput(_))
    ));
    let a = care::answer(session, Partner::A, ratings(5, 4), now()).unwrap();
    assert!(a.a_answered && !a.b_answered && a.revealed.is_none());
    assert_eq!(a.own.unwrap().ratings, ratings(5, 4), "A sees their own");

    unlock_alone(&mut vault, Partner::B);
    let session = vault.session().unwrap();
    let b = care::state(session).unwrap();
    assert!(
        b.a_answered && b.own.is_none() && b.history.is_empty(),
        "B sees nothing of A's"
    );
    assert!(care::suggestions(session, Partner::A, now().date_naive())
        .unwrap()
        .is_empty());
    let both = care::answer(session, Partner::B, ratings(2, 5), now()).unwrap();
    let [shown_a, shown_b] = both.revealed.unwrap();
    assert_eq!(
        (shown_a.ratings, shown_b.ratings),
        (ratings(5, 4), ratings(2, 5))
    );

    // Suggestions for caring for A come from A's profile: words first, then help.
    let for_a = care::suggestions(session, Partner::A, now().date_naive()).unwrap();
    let ways: Vec<CareWay> = for_a.iter().map(|s| s.way).collect();
    assert_eq!(ways, [CareWay::Words, CareWay::Help]);
    assert!(for_a[0].gestures.iter().all(|g| g.category == "words"));
    assert_eq!(for_a[0].gestures.len(), 3);
    let tomorrow = now().date_naive().succ_opt().unwrap();
    assert_ne!(
        care::suggestions(session, Partner::A, tomorrow).unwrap()[0].gestures,
        for_a[0].gestures,
        "the ideas change from day to day"
    );
    let for_b = care::suggestions(session, Partner::B, now().date_naive()).unwrap();
    assert_eq!(for_b[0].way, CareWay::Help);

    // A retake shows the new answers and keeps the old ones in the history.
    unlock_alone(&mut vault, Partner::A);
    let session = vault.session().unwrap();
    let retaken = care::answer(
        session,
        Partner::A,
        ratings(1, 5),
        now() + Duration::days(90),
    )
    .unwrap();
    assert_eq!(retaken.revealed.unwrap()[0].ratings, ratings(1, 5));
    assert_eq!(retaken.history.len(), 1);
    assert_eq!(retaken.history[0].ratings, ratings(5, 4));
}

#[test]
fn a_stress_talk_is_kept_with_its_note_and_counts_for_today() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = set_up(dir.path());
    let session = vault.session().unwrap();
    assert!(!stress_talk::held_since(session, now() - Duration::hours(3)).unwrap());
    stress_talk::record(session, "", now()).unwrap();
    stress_talk::record(session, "  Work is calmer than it sounded  ", now()).unwrap();
    assert!(stress_talk::held_since(session, now() - Duration::hours(3)).unwrap());
    let noted = stress_talk::with_notes(session).unwrap();
    assert_eq!(noted.len(), 1, "a talk without a note leaves no line");
    assert_eq!(noted[0].note, "Work is calmer than it sounded");
    assert!(stress_talk::record(session, "two\nlines", now()).is_err());
    assert!(stress_talk::record(session, &"x".repeat(201), now()).is_err());
}

#[test]
fn home_suggests_one_ritual_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = set_up(dir.path());
    let zone = chrono_tz::Europe::Berlin;
    // Thursday 3 December 2026, 20:00 in Berlin: a weekday evening.
    let evening = now();
    let morning = Utc.with_ymd_and_hms(2026, 12, 3, 8, 0, 0).unwrap();
    let saturday = Utc.with_ymd_and_hms(2026, 12, 5, 19, 0, 0).unwrap();
    let session = vault.session().unwrap();
    assert_eq!(
        suggest::one(session, &zone, evening).unwrap(),
        Some(Suggestion::StressTalk)
    );
    assert_eq!(suggest::one(session, &zone, morning).unwrap(), None);
    assert_eq!(suggest::one(session, &zone, saturday).unwrap(), None);
    stress_talk::record(session, "", evening).unwrap();
    assert_eq!(
        suggest::one(session, &zone, evening).unwrap(),
        None,
        "held tonight"
    );

    // Something from this day a year back comes before the talk.
    let a_year_ago = NaiveDate::from_ymd_opt(2025, 12, 3).unwrap();
    let draft = MilestoneDraft {
        day: a_year_ago,
        title: "Our first ski trip".into(),
        note: String::new(),
    };
    milestones::add(session, Space::Shared, &draft, evening).unwrap();
    match suggest::one(session, &zone, evening).unwrap() {
        Some(Suggestion::OnThisDay { memories }) => {
            assert_eq!(memories.items[0].years_ago, 1);
            assert_eq!(memories.items[0].item.title, "Our first ski trip");
        }
        other => panic!("{other:?}"),
    }

    // An exchange waiting to be revealed comes first of all.
    for who in Partner::BOTH {
        unlock_alone(&mut vault, who);
        exchange::write(vault.session().unwrap(), who, "The tea", "", evening).unwrap();
    }
    let session = vault.session().unwrap();
    assert_eq!(
        suggest::one(session, &zone, evening).unwrap(),
        Some(Suggestion::AppreciationReady)
    );
}
