//! Reminders on a real shared vault: create, edit, pause, delete, preview, together-times kept,
//! and the wake list, which holds no title text (the title's marker is in no file on disk).

mod common;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use common::*;
use hearth_core::reminders::live::LiveSchedule;
use hearth_core::reminders::prefs::{self, ReminderPrefs};
use hearth_core::reminders::scheduler::{QuietHours, Snooze};
use hearth_core::reminders::store::{self, Outcome, ReminderDraft, ReminderKind};
use hearth_core::reminders::wake_list::{self, WakeList};
use hearth_core::reminders::ReminderError;

fn now() -> DateTime<Utc> {
    "2026-11-21T12:00:00Z".parse().unwrap()
}

fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(h, min, 0)
        .unwrap()
}

fn sunday_slot(title: &str) -> ReminderDraft {
    let start = local(2026, 11, 22, 19, 0);
    ReminderDraft {
        kind: ReminderKind::WeeklySlot,
        title: title.into(),
        notification_text: None,
        rule: store::preset_rule(ReminderKind::WeeklySlot, start),
        zone: "Europe/Berlin".into(),
        start_local: start,
        lead_minutes: 15,
        duration_minutes: 60,
        active: true,
    }
}

#[test]
fn presets_preview_and_crud() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = set_up(dir.path());
    let session = vault.session().unwrap();
    let draft = sunday_slot("Sunday evening, phones in the drawer");
    assert_eq!(draft.rule, "FREQ=WEEKLY;BYDAY=SU");
    assert_eq!(
        store::preset_rule(ReminderKind::MonthlyDate, local(2026, 12, 4, 20, 0)),
        "FREQ=MONTHLY;BYDAY=1FR"
    );
    let preview = store::preview(&draft, now(), 5).unwrap();
    assert_eq!(preview.len(), 5);
    assert_eq!(preview[0], local(2026, 11, 22, 19, 0));
    assert_eq!(preview[4], local(2026, 12, 20, 19, 0));

    let created = store::create(session, &draft, now()).unwrap();
    assert_eq!(created.notification_text, store::DEFAULT_TEXT);
    let paused = store::update(
        session,
        &created.id,
        &ReminderDraft {
            active: false,
            ..draft.clone()
        },
    )
    .unwrap();
    assert!(!paused.active);
    assert_eq!(store::list(session).unwrap().len(), 1);
    store::delete(session, &created.id).unwrap();
    assert!(matches!(
        store::get(session, &created.id),
        Err(ReminderError::NotFound)
    ));
}

#[test]
fn bad_drafts_get_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = set_up(dir.path());
    let session = vault.session().unwrap();
    let good = sunday_slot("Walk");
    for bad in [
        ReminderDraft {
            title: "  ".into(),
            ..good.clone()
        },
        ReminderDraft {
            lead_minutes: 7,
            ..good.clone()
        },
        ReminderDraft {
            notification_text: Some("x".repeat(81)),
            ..good.clone()
        },
        ReminderDraft {
            rule: "FREQ=OFTEN".into(),
            ..good.clone()
        },
        ReminderDraft {
            zone: "Nowhere/Here".into(),
            ..good.clone()
        },
    ] {
        let err = store::create(session, &bad, now()).unwrap_err();
        assert!(err.to_string().len() > 15, "{err}");
    }
    assert!(store::list(session).unwrap().is_empty(), "nothing saved");
}

#[test]
fn wake_items_hold_fire_times_minus_lead_and_only_active_reminders() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = set_up(dir.path());
    let session = vault.session().unwrap();
    store::create(session, &sunday_slot("Sunday"), now()).unwrap();
    store::create(
        session,
        &ReminderDraft {
            active: false,
            ..sunday_slot("Paused one")
        },
        now(),
    )
    .unwrap();
    let items = store::wake_items(session, now()).unwrap();
    assert_eq!(items.len(), 9, "weekly Sundays within the 60-day horizon");
    // 19:00 in Berlin (CET, UTC+1) with 15 minutes' lead is 17:45 UTC.
    assert_eq!(
        items[0].fire_at,
        "2026-11-22T17:45:00Z".parse::<DateTime<Utc>>().unwrap()
    );
    assert!(items.iter().all(|i| i.text == store::DEFAULT_TEXT));
    assert!(items.windows(2).all(|w| w[0].fire_at <= w[1].fire_at));

    // A daily nudge lasts the whole horizon, so it keeps coming through weeks of being locked.
    store::create(
        session,
        &ReminderDraft {
            kind: ReminderKind::DailyPrompt,
            rule: "FREQ=DAILY".into(),
            ..sunday_slot("A question a day")
        },
        now(),
    )
    .unwrap();
    let items = store::wake_items(session, now()).unwrap();
    // Every day from its start on 22 November to the horizon on 20 January.
    assert_eq!(items.len(), 9 + 59);
}

#[test]
fn together_times_count_only_kept_ones() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = set_up(dir.path());
    let session = vault.session().unwrap();
    let r = store::create(session, &sunday_slot("Sunday"), now()).unwrap();
    let first: DateTime<Utc> = "2026-11-22T18:00:00Z".parse().unwrap();
    let second: DateTime<Utc> = "2026-11-29T18:00:00Z".parse().unwrap();
    let later: DateTime<Utc> = "2026-12-02T12:00:00Z".parse().unwrap();
    let refused = store::record(session, &r.id, second, Outcome::Kept, now());
    assert!(
        matches!(refused, Err(ReminderError::InvalidInput(_))),
        "not yet begun: {refused:?}"
    );
    let not_an_occurrence = first + chrono::Duration::minutes(5);
    assert!(matches!(
        store::record(session, &r.id, not_an_occurrence, Outcome::Kept, later),
        Err(ReminderError::InvalidInput(_))
    ));
    store::record(session, &r.id, first, Outcome::Skipped, later).unwrap();
    store::record(session, &r.id, first, Outcome::Kept, later).unwrap();
    store::record(session, &r.id, second, Outcome::Skipped, later).unwrap();
    let nov = "2026-11-01T00:00:00Z".parse().unwrap();
    let dec = "2026-12-01T00:00:00Z".parse().unwrap();
    assert_eq!(store::kept_between(session, nov, dec).unwrap(), 1);
    let jan = "2027-01-01T00:00:00Z".parse().unwrap();
    assert_eq!(store::kept_between(session, dec, jan).unwrap(), 0);

    let recent = store::recent_together_times(session, later, 14).unwrap();
    let marks: Vec<_> = recent.iter().map(|t| (t.occurrence, t.outcome)).collect();
    assert_eq!(
        marks,
        [
            (second, Some(Outcome::Skipped)),
            (first, Some(Outcome::Kept))
        ],
        "newest first, with what was said"
    );
    assert_eq!(recent[0].title, "Sunday");
}

#[test]
fn nudges_are_not_together_times() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = set_up(dir.path());
    let session = vault.session().unwrap();
    let nudge = ReminderDraft {
        kind: ReminderKind::DailyPrompt,
        rule: "FREQ=DAILY".into(),
        ..sunday_slot("A question a day")
    };
    store::create(session, &nudge, now()).unwrap();
    let later = "2026-12-02T12:00:00Z".parse().unwrap();
    assert!(store::recent_together_times(session, later, 14)
        .unwrap()
        .is_empty());
}

#[test]
fn prefs_decide_quiet_hours_and_whether_the_wake_list_is_kept_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = set_up(dir.path());
    let session = vault.session().unwrap();
    store::create(session, &sunday_slot("Sunday"), now()).unwrap();
    assert_eq!(prefs::get(session).unwrap(), ReminderPrefs::default());
    let quiet = QuietHours {
        start: chrono::NaiveTime::from_hms_opt(22, 0, 0).unwrap(),
        end: chrono::NaiveTime::from_hms_opt(7, 0, 0).unwrap(),
        zone: "Europe/Berlin".into(),
    };
    let chosen = ReminderPrefs {
        quiet: Some(quiet.clone()),
        only_while_unlocked: true,
    };
    prefs::set(session, &chosen).unwrap();
    assert_eq!(prefs::get(session).unwrap(), chosen);
    let (list, on_disk) = wake_list::compute(session, now()).unwrap();
    assert!(!on_disk);
    assert_eq!(list.quiet, Some(quiet.clone()));
    assert!(!list.items.is_empty());

    let same_times = ReminderPrefs {
        quiet: Some(QuietHours {
            end: quiet.start,
            ..quiet.clone()
        }),
        only_while_unlocked: false,
    };
    assert!(matches!(
        prefs::set(session, &same_times),
        Err(ReminderError::InvalidInput(_))
    ));
    let bad_zone = ReminderPrefs {
        quiet: Some(QuietHours {
            zone: "Mars/Olympus".into(),
            ..quiet
        }),
        only_while_unlocked: false,
    };
    assert!(matches!(
        prefs::set(session, &bad_zone),
        Err(ReminderError::UnknownZone(_))
    ));
    assert_eq!(
        prefs::get(session).unwrap(),
        chosen,
        "refused changes keep the old prefs"
    );
}

#[test]
fn the_wake_list_holds_no_title_text() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = set_up(dir.path());
    let marker = unique_marker("TITLEMARK");
    let session = vault.session().unwrap();
    store::create(
        session,
        &sunday_slot(&format!("Our {marker} evening")),
        now(),
    )
    .unwrap();
    let (list, on_disk) = wake_list::compute(session, now()).unwrap();
    let mut live = LiveSchedule::open(dir.path().to_path_buf(), now());
    live.replace(list, on_disk).unwrap();
    live.snooze(
        &[live.list().items[0].reminder_id.clone()],
        Snooze::OneHour,
        now(),
    )
    .unwrap();
    let wake = WakeList::load(dir.path());
    assert!(!wake.items.is_empty(), "the wake list was written");
    for when in ["while open", "after lock"] {
        let hits = files_containing(dir.path(), &marker);
        assert!(hits.is_empty(), "{when}: the title reached {hits:?}");
        vault.lock();
    }
}
