//! Date ideas: the library's rules and filters, and plans on a real shared vault, which become
//! one-off reminders (in the reminders list and the .ics export) and take a memory afterwards.

mod common;

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use common::*;
use hearth_core::dates::library::{self, builtin};
use hearth_core::dates::store::{self, PlanRequest};
use hearth_core::dates::{Cost, DateFilter, DatesError, Energy, Length, Place};
use hearth_core::prompts::likeness::{meaning_words, overlap, runs, word_set, MAX_LIKENESS};
use hearth_core::reminders::{ics, store as reminders};

const SEED_RUNS: &str = include_str!("vectors/seed-runs.txt");

#[test]
fn at_least_150_ideas_with_every_tag_well_used() {
    let ideas = &builtin().unwrap().ideas;
    assert!(ideas.len() >= 150, "{} ideas", ideas.len());
    let count = |filter: DateFilter| library::ideas(&filter).unwrap().len();
    for cost in [Cost::Free, Cost::Low, Cost::Treat] {
        assert!(
            count(DateFilter {
                cost: Some(cost),
                ..DateFilter::default()
            }) >= 10,
            "{cost:?}"
        );
    }
    for place in [Place::Home, Place::Out, Place::Apart] {
        assert!(
            count(DateFilter {
                place: Some(place),
                ..DateFilter::default()
            }) >= 10,
            "{place:?}"
        );
    }
    for length in Length::ALL {
        assert!(
            count(DateFilter {
                length: Some(length),
                ..DateFilter::default()
            }) >= 10,
            "{length:?}"
        );
    }
    for energy in [Energy::Quiet, Energy::Lively] {
        assert!(
            count(DateFilter {
                energy: Some(energy),
                ..DateFilter::default()
            }) >= 10,
            "{energy:?}"
        );
    }
}

#[test]
fn filters_keep_exactly_the_ideas_with_every_chosen_tag() {
    let all = library::ideas(&DateFilter::default()).unwrap();
    let filter = DateFilter {
        cost: Some(Cost::Free),
        place: Some(Place::Home),
        length: None,
        energy: Some(Energy::Quiet),
    };
    let kept = library::ideas(&filter).unwrap();
    assert!(!kept.is_empty());
    let expected: Vec<_> = all
        .iter()
        .filter(|i| i.cost == Cost::Free && i.place == Place::Home && i.energy == Energy::Quiet)
        .cloned()
        .collect();
    assert_eq!(kept, expected);
    let short = library::ideas(&DateFilter {
        length: Some(Length::Short),
        ..DateFilter::default()
    })
    .unwrap();
    assert!(short.iter().all(|i| i.minutes < 60));
    let long = library::ideas(&DateFilter {
        length: Some(Length::Long),
        ..DateFilter::default()
    })
    .unwrap();
    assert!(long.iter().all(|i| i.minutes > 180));
}

#[test]
fn ideas_are_unique_our_own_and_inclusive() {
    let ideas = &builtin().unwrap().ideas;
    let seed_runs: BTreeSet<u64> = SEED_RUNS
        .lines()
        .map(|l| u64::from_str_radix(l, 16).unwrap())
        .collect();
    let mut titles = BTreeSet::new();
    let words: Vec<_> = ideas
        .iter()
        .map(|i| meaning_words(&format!("{} {}", i.title, i.details)))
        .collect();
    for (n, idea) in ideas.iter().enumerate() {
        assert!(
            titles.insert(idea.title.to_lowercase()),
            "{} twice",
            idea.title
        );
        let text = format!("{} {}", idea.title, idea.details);
        assert!(
            runs(&text).is_disjoint(&seed_runs),
            "{} borrows a run of six words",
            idea.id
        );
        for word in [
            "husband", "wife", "he", "she", "his", "her", "kids", "children", "church", "married",
        ] {
            assert!(!word_set(&text).contains(word), "{} uses {word:?}", idea.id);
        }
        for (m, other) in words.iter().enumerate().skip(n + 1) {
            assert!(
                overlap(&words[n], other) <= MAX_LIKENESS,
                "{} and {} are near duplicates",
                idea.id,
                ideas[m].id
            );
        }
    }
}

#[test]
fn bad_idea_files_are_refused() {
    let idea = |extra: &str| {
        format!(
            r#"{{"version":1,"ideas":[{{"id":"x","title":"Picnic","details":"Pack a lunch and find a tree.","cost":"free","place":"out","minutes":60,"energy":"quiet"{extra}}}]}}"#
        )
    };
    assert!(library::parse(&idea("")).is_ok());
    for bad in [
        r#","mood":"sunny""#,
        r#","minutes":5"#,
        r#","cost":"pricey""#,
        r#","title":"""#,
        r#","details":"Short""#,
    ] {
        assert!(library::parse(&idea(bad)).is_err(), "{bad}");
    }
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 5, 3, 9, 0, 0).unwrap()
}

fn request(idea_id: &str, day: u32, zone: &str) -> PlanRequest {
    PlanRequest {
        idea_id: idea_id.into(),
        start_local: NaiveDate::from_ymd_opt(2027, 5, day)
            .unwrap()
            .and_hms_opt(19, 30, 0)
            .unwrap(),
        zone: zone.into(),
        lead_minutes: 60,
    }
}

#[test]
fn plan_this_makes_a_one_off_reminder_in_the_list_and_the_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = set_up(dir.path());
    let session = vault.session().unwrap();
    let idea = library::idea("date-001").unwrap();
    let plan = store::plan(session, &request(&idea.id, 8, "Europe/Lisbon"), now()).unwrap();
    assert_eq!(plan.idea_title, idea.title);
    assert_eq!(
        plan.starts_at,
        Utc.with_ymd_and_hms(2027, 5, 8, 18, 30, 0).unwrap(),
        "19:30 in Lisbon's summer time"
    );
    let listed = reminders::list(session).unwrap();
    let reminder = listed.iter().find(|r| r.id == plan.reminder_id).unwrap();
    assert_eq!(
        (
            reminder.title.as_str(),
            reminder.duration_minutes,
            reminder.lead_minutes
        ),
        (idea.title.as_str(), idea.minutes, 60)
    );
    assert_eq!(
        reminder.notification_text, "Time for the two of you",
        "the notification stays discreet"
    );
    let calendar = ics::export(&listed, now()).unwrap();
    let event = calendar
        .split("BEGIN:VEVENT")
        .find(|event| event.contains(&format!("UID:{}@", plan.reminder_id)))
        .expect("the .ics export carries the plan");
    assert!(
        event.contains("DTSTART;TZID=Europe/Lisbon:20270508T193000"),
        "{event}"
    );
    assert!(
        event.contains("RRULE:FREQ=DAILY;COUNT=1"),
        "once, not every day"
    );
    assert!(
        !event.contains(&idea.title),
        "the file leaves the vault: only the discreet text"
    );
    assert_eq!(store::plans(session, 10).unwrap(), vec![plan]);
}

#[test]
fn a_refused_plan_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = set_up(dir.path());
    let session = vault.session().unwrap();
    assert!(
        matches!(
            store::plan(session, &request("date-001", 1, "Europe/Lisbon"), now()),
            Err(DatesError::InvalidInput(_))
        ),
        "in the past"
    );
    assert!(matches!(
        store::plan(session, &request("date-001", 9, "Mars/Olympus"), now()),
        Err(DatesError::Reminder(_))
    ));
    assert!(matches!(
        store::plan(session, &request("date-999", 9, "Europe/Lisbon"), now()),
        Err(DatesError::NotFound)
    ));
    assert!(reminders::list(session).unwrap().is_empty());
    assert!(store::plans(session, 10).unwrap().is_empty());
}

#[test]
fn a_memory_is_one_line_kept_after_the_date() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = set_up(dir.path());
    let session = vault.session().unwrap();
    let plan = store::plan(session, &request("date-002", 8, "UTC"), now()).unwrap();
    assert!(matches!(
        store::remember(session, plan.id, "Too soon", now()),
        Err(DatesError::InvalidInput(_))
    ));
    let after = plan.starts_at + Duration::hours(3);
    assert!(store::remember(session, plan.id, "one\ntwo", after).is_err());
    assert!(store::remember(session, plan.id, &"x".repeat(201), after).is_err());
    let kept = store::remember(
        session,
        plan.id,
        "  Burnt the first pizza, loved the second.  ",
        after,
    )
    .unwrap();
    assert_eq!(
        kept.memory.as_deref(),
        Some("Burnt the first pizza, loved the second.")
    );
    assert_eq!(kept.remembered_at, Some(after));
    let cleared = store::remember(session, plan.id, " ", after).unwrap();
    assert_eq!((cleared.memory, cleared.remembered_at), (None, None));
    assert!(matches!(
        store::remember(session, 999, "x", after),
        Err(DatesError::NotFound)
    ));
}
