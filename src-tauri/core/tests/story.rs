//! The couple's story on real SQLCipher files: the timeline's order and the privacy of its items
//! (a private milestone never reaches the other partner), "on this day" across leap years and time
//! zones, a dream reached moving onto the timeline, and an anniversary made a yearly reminder.

mod common;

use std::time::Instant;

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use common::*;
use hearth_core::checkins::repair;
use hearth_core::prompts::store as prompts;
use hearth_core::reminders::store as reminders;
use hearth_core::rituals::stress_talk;
use hearth_core::story::timeline::{on_this_day, same_day_of_year, timeline};
use hearth_core::story::{
    dreams, milestones, DreamDraft, Horizon, MilestoneDraft, StoryError, StoryKind,
};
use hearth_core::vault::{Partner, Space};

fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn milestone(title: &str, on: NaiveDate) -> MilestoneDraft {
    MilestoneDraft {
        day: on,
        title: title.into(),
        note: String::new(),
    }
}

fn titles(items: &[hearth_core::story::StoryItem]) -> Vec<&str> {
    items.iter().map(|i| i.title.as_str()).collect()
}

#[test]
fn the_timeline_is_newest_first_and_a_private_milestone_stays_with_its_writer() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = set_up(dir.path());
    let now = at(2026, 12, 3, 12);
    unlock_alone(&mut vault, Partner::A);
    let session = vault.session().unwrap();
    milestones::add(
        session,
        Space::Shared,
        &milestone("How we met", day(2019, 5, 4)),
        now,
    )
    .unwrap();
    milestones::add(
        session,
        Space::Shared,
        &milestone("Moving in", day(2021, 9, 1)),
        now,
    )
    .unwrap();
    let secret = MilestoneDraft {
        day: day(2021, 9, 1),
        title: "The day I knew".into(),
        note: "I never told".into(),
    };
    milestones::add(session, Space::Private(Partner::A), &secret, now).unwrap();
    repair::save(
        session,
        "Ask before inviting family",
        &Default::default(),
        at(2021, 9, 1, 20),
    )
    .unwrap();
    stress_talk::record(session, "Work felt lighter after", at(2023, 2, 2, 18)).unwrap();

    let a_view = timeline(session, &Utc, now).unwrap();
    assert_eq!(
        titles(&a_view),
        [
            "Work felt lighter after",
            "The day I knew",
            "Moving in",
            "Ask before inviting family",
            "How we met"
        ],
        "newest day first; a day's milestones before its moments"
    );
    assert_eq!(a_view[1].space, Space::Private(Partner::A));
    assert_eq!(a_view[3].kind, StoryKind::Agreement);

    unlock_alone(&mut vault, Partner::B);
    let session = vault.session().unwrap();
    let b_view = timeline(session, &Utc, now).unwrap();
    assert!(!titles(&b_view).contains(&"The day I knew"), "{b_view:?}");
    assert_eq!(b_view.len(), 4);
    assert!(milestones::list(session)
        .unwrap()
        .iter()
        .all(|m| m.space == Space::Shared));
    assert!(on_this_day(session, day(2026, 9, 1), &Utc, now)
        .unwrap()
        .items
        .iter()
        .all(|i| i.item.title != "The day I knew"));
    let reach = milestones::get(session, Space::Private(Partner::A), 1);
    assert!(reach.is_err(), "{reach:?}");

    // Sitting together, A's space stays closed until A opens it.
    vault
        .add_partner(Partner::A, PASS_A, Instant::now())
        .unwrap();
    let both = timeline(vault.session().unwrap(), &Utc, now).unwrap();
    assert_eq!(both.len(), 4);
    vault
        .open_private(Partner::A, PASS_A, Instant::now())
        .unwrap();
    assert_eq!(
        timeline(vault.session().unwrap(), &Utc, now).unwrap().len(),
        5
    );
}

#[test]
fn on_this_day_keeps_a_leap_day_on_the_28th_in_other_years() {
    let leap = day(2024, 2, 29);
    assert!(same_day_of_year(leap, day(2025, 2, 28)));
    assert!(!same_day_of_year(leap, day(2025, 3, 1)));
    assert!(same_day_of_year(leap, day(2028, 2, 29)));
    assert!(
        !same_day_of_year(leap, day(2028, 2, 28)),
        "a leap year has its own 29th"
    );
    assert!(!same_day_of_year(day(2024, 2, 28), day(2028, 2, 29)));

    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = set_up(dir.path());
    let session = vault.session().unwrap();
    let now = at(2028, 3, 1, 9);
    milestones::add(
        session,
        Space::Shared,
        &milestone("A leap-day wedding", leap),
        now,
    )
    .unwrap();
    milestones::add(
        session,
        Space::Shared,
        &milestone("Today itself", day(2025, 2, 28)),
        now,
    )
    .unwrap();
    let in_2025 = on_this_day(session, day(2025, 2, 28), &Utc, now).unwrap();
    assert_eq!(
        in_2025.items.len(),
        1,
        "this year's own day is not a memory"
    );
    assert_eq!(
        (
            in_2025.items[0].years_ago,
            in_2025.items[0].item.title.as_str()
        ),
        (1, "A leap-day wedding")
    );
    let in_2028 = on_this_day(session, day(2028, 2, 29), &Utc, now).unwrap();
    assert_eq!(in_2028.items[0].years_ago, 4);
    assert!(on_this_day(session, day(2028, 2, 28), &Utc, now)
        .unwrap()
        .items
        .iter()
        .all(|i| i.item.title != "A leap-day wedding"));
}

#[test]
fn on_this_day_uses_the_local_day_of_each_moment() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = set_up(dir.path());
    let session = vault.session().unwrap();
    prompts::sync_library(session).unwrap();
    // 23:30 on 3 December in UTC is already 4 December in Auckland (UTC+13 in summer), and still
    // 3 December in New York.
    let late = Utc.with_ymd_and_hms(2025, 12, 3, 23, 30, 0).unwrap();
    repair::save(session, "Phones off at dinner", &Default::default(), late).unwrap();
    prompts::save_answers(
        session,
        "emo-001",
        Partner::A,
        "The cat",
        "Your laugh",
        late,
    )
    .unwrap();
    let now = at(2026, 12, 4, 9);
    let auckland = chrono_tz::Pacific::Auckland;
    let new_york = chrono_tz::America::New_York;

    let there = on_this_day(session, day(2026, 12, 4), &auckland, now).unwrap();
    assert_eq!(there.items.len(), 1);
    assert_eq!(there.items[0].item.day, day(2025, 12, 4));
    assert_eq!(there.answers.len(), 1, "A year ago you both answered this");
    assert_eq!(there.answers[0].item.second_answer, "Your laugh");
    assert!(on_this_day(session, day(2026, 12, 4), &new_york, now)
        .unwrap()
        .items
        .is_empty());
    let here = on_this_day(session, day(2026, 12, 3), &new_york, now).unwrap();
    assert_eq!((here.items.len(), here.answers.len()), (1, 1));
}

#[test]
fn a_dream_reached_moves_onto_the_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = set_up(dir.path());
    let session = vault.session().unwrap();
    let now = at(2026, 6, 1, 10);
    let draft = DreamDraft {
        owner: None,
        title: "See the northern lights".into(),
        horizon: Some(Horizon::ThisYear),
        first_steps: vec![
            "Look up the best month".into(),
            " ".into(),
            "Save a little each week".into(),
        ],
    };
    let dream = dreams::add(session, &draft, now).unwrap();
    assert_eq!(dream.first_steps.len(), 2, "empty steps are dropped");
    let personal = DreamDraft {
        owner: Some(Partner::B),
        title: "Run a half marathon".into(),
        horizon: None,
        first_steps: vec![],
    };
    dreams::add(session, &personal, now).unwrap();
    assert!(timeline(session, &Utc, now).unwrap().is_empty());

    let reached =
        dreams::reach(session, dream.id, day(2026, 11, 20), "Tromsø, in the snow").unwrap();
    assert_eq!(reached.done_on, Some(day(2026, 11, 20)));
    let story = timeline(session, &Utc, now).unwrap();
    assert_eq!(story.len(), 1);
    assert_eq!(
        (story[0].kind, story[0].day),
        (StoryKind::DreamReached, day(2026, 11, 20))
    );
    assert_eq!(story[0].note, "Tromsø, in the snow");
    let list = dreams::list(session).unwrap();
    assert_eq!(
        list.last().unwrap().id,
        dream.id,
        "reached dreams come after those ahead"
    );

    dreams::reopen(session, dream.id).unwrap();
    assert!(timeline(session, &Utc, now).unwrap().is_empty());
    assert!(dreams::add(
        session,
        &DreamDraft {
            title: " ".into(),
            ..draft.clone()
        },
        now
    )
    .is_err());
    let too_many = DreamDraft {
        first_steps: vec!["step".into(); 6],
        ..draft
    };
    assert!(dreams::add(session, &too_many, now).is_err());
    assert!(matches!(
        dreams::reach(session, 999, day(2026, 1, 1), ""),
        Err(StoryError::NotFound)
    ));
}

#[test]
fn an_anniversary_becomes_a_yearly_reminder_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = set_up_open(dir.path());
    let session = vault.session().unwrap();
    let now = at(2026, 12, 3, 12);
    let today = now.date_naive();
    let met = milestones::add(
        session,
        Space::Shared,
        &milestone("How we met", day(2019, 5, 4)),
        now,
    )
    .unwrap();
    let seven = NaiveTime::from_hms_opt(19, 0, 0).unwrap();
    let kept = milestones::remind_yearly(
        session,
        Space::Shared,
        met.id,
        seven,
        "Europe/Berlin",
        today,
        now,
    )
    .unwrap();
    let reminder_id = kept.reminder_id.clone().unwrap();
    let reminder = reminders::list(session)
        .unwrap()
        .into_iter()
        .find(|r| r.id == reminder_id)
        .unwrap();
    assert_eq!(reminder.title, "How we met");
    assert_eq!(reminder.rule, "FREQ=YEARLY");
    assert_eq!(
        reminder.start_local,
        day(2027, 5, 4).and_time(seven),
        "the next time it comes round"
    );

    let leap = milestones::add(
        session,
        Space::Shared,
        &milestone("Leap-day wedding", day(2024, 2, 29)),
        now,
    )
    .unwrap();
    let leap = milestones::remind_yearly(
        session,
        Space::Shared,
        leap.id,
        seven,
        "Europe/Berlin",
        today,
        now,
    )
    .unwrap();
    let reminder = reminders::list(session)
        .unwrap()
        .into_iter()
        .find(|r| Some(&r.id) == leap.reminder_id.as_ref())
        .unwrap();
    assert_eq!(
        reminder.rule, "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1",
        "every year, on the last day of February"
    );

    let secret = milestones::add(
        session,
        Space::Private(Partner::A),
        &milestone("Just mine", day(2020, 1, 1)),
        now,
    )
    .unwrap();
    let refused = milestones::remind_yearly(
        session,
        Space::Private(Partner::A),
        secret.id,
        seven,
        "Europe/Berlin",
        today,
        now,
    );
    assert!(
        matches!(refused, Err(StoryError::PrivateReminder)),
        "{refused:?}"
    );
    let bad_zone = milestones::remind_yearly(
        session,
        Space::Shared,
        met.id,
        seven,
        "Mars/Olympus",
        today,
        now,
    );
    assert!(
        matches!(bad_zone, Err(StoryError::Reminder(_))),
        "{bad_zone:?}"
    );
    assert_eq!(
        reminders::list(session).unwrap().len(),
        2,
        "a refused reminder leaves nothing"
    );
}

#[test]
fn schema_step_eight_keeps_notes_and_agreements_and_gives_each_vault_milestones() {
    use hearth_core::vault::migrations::{self, PRIVATE, SHARED};
    use rusqlite::Connection;
    let mut conn = Connection::open_in_memory().unwrap();
    let file = std::path::Path::new("shared.db");
    migrations::migrate(&mut conn, file, &SHARED[..7]).unwrap();
    conn.execute_batch(
        "INSERT INTO appreciation_notes (author, body, created_at)
             VALUES ('a', 'The coffee in bed', '2026-11-01T08:00:00Z');
         INSERT INTO repair_agreements (agreement, created_at)
             VALUES ('We take turns choosing', '2026-11-02T20:00:00Z');",
    )
    .unwrap();
    assert_eq!(
        migrations::migrate(&mut conn, file, &SHARED[..8]).unwrap(),
        8
    );
    let note: (String, String, Option<i64>) = conn
        .query_row(
            "SELECT body, meant, exchange_id FROM appreciation_notes",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        note,
        ("The coffee in bed".into(), String::new(), None),
        "a one-way note, shown as before"
    );
    let agreement: (String, String) = conn
        .query_row(
            "SELECT agreement, dream_a FROM repair_agreements",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(agreement, ("We take turns choosing".into(), String::new()));
    assert!(conn
        .execute(
            "INSERT INTO milestones (day, title, created_at) VALUES ('not a day', 't', 'x')",
            []
        )
        .is_err());

    let mut private = Connection::open_in_memory().unwrap();
    migrations::migrate(
        &mut private,
        std::path::Path::new("private-a.db"),
        &PRIVATE[..3],
    )
    .unwrap();
    assert_eq!(
        migrations::migrate(&mut private, std::path::Path::new("private-a.db"), PRIVATE).unwrap(),
        4
    );
    private
        .execute(
            "INSERT INTO milestones (day, title, created_at) VALUES ('2020-01-01', 'Mine', 'x')",
            [],
        )
        .unwrap();
}
