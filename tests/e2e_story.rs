//! End to end, in the real app and real WebKit: the rituals and the couple's story. A stress talk
//! of two turns by keyboard alone, made a weekday reminder from its own screen; an appreciation
//! exchange written alone by each and revealed together; a dream come true on the timeline; the
//! care profile answered by both, with ideas for the other; an anniversary made a yearly
//! reminder; and "on this day" with data the test helper put a year back.

mod support;

use chrono::{Datelike, NaiveTime};
use hearth_core::reminders::store::{self as reminders, Reminder, ReminderKind};
use hearth_core::vault::{Partner, Vault};
use support::legibility::{assert_couch_legible, measure_all_text};
use support::rituals::{
    add_milestone, alone, end_stress_talk, exchange_to_reveal, open_ritual, set_value,
    through_first_turn, write_appreciation,
};
use support::rounds::{activate, focused_id, press, ESCAPE};
use support::webdriver::{Session, CONTROL, ENTER};
use support::{sam_and_alex, seed_a_year_back, Harness, PASS_A, PASS_B};

/// The reminders as the vault on disk holds them, read once the app has quit.
fn reminders_on_disk(harness: &Harness) -> Vec<Reminder> {
    harness.quit_app();
    let mut vault = Vault::new(harness.data_dir());
    vault
        .unlock(Some(Partner::A), PASS_A, std::time::Instant::now())
        .unwrap();
    reminders::list(vault.session().unwrap()).unwrap()
}

#[test]
fn a_stress_talk_of_two_turns_by_keyboard_alone_becomes_a_weekday_reminder() {
    let harness = Harness::start();
    let ui = sam_and_alex(&harness);
    open_ritual(&ui, "stress-talk");
    assert_eq!(focused_id(&ui), "stress-first", "Who starts has the focus");
    activate(&ui, "#stress-begin");

    // Sam's turn: a gentle clock, the listener's job on screen, a question to choose.
    ui.wait_text("#stress-speaker", |t| t == "Sam, how was your day?");
    assert_eq!(focused_id(&ui), "stress-next");
    ui.wait_text("#stress-timer", |t| t == "10:00" || t.starts_with("9:"));
    let job = ui.find("#stress-job").text();
    assert!(
        job.contains("Take your partner's side") && job.contains("fix it unless they ask"),
        "{job}"
    );
    // Shift+Tab reaches the clock's Pause, Enter pauses it, Tab goes back to Swap.
    press(&ui, "\u{E008}\u{E004}");
    assert_eq!(focused_id(&ui), "stress-pause");
    press(&ui, ENTER);
    ui.wait_text("#stress-pause", |t| t == "Resume");
    press(&ui, "\u{E004}");
    assert_eq!(focused_id(&ui), "stress-next");
    through_first_turn(&ui);

    // Alex's turn, then the end: an optional note, typed and kept with Enter.
    assert_eq!(focused_id(&ui), "stress-next");
    end_stress_talk(&ui, "The deadline moved, and we laughed about it");
    ui.wait_text("#stress-kept-note", |t| t.starts_with("The deadline moved"));

    // From the talk's own screen: every weekday at 18:30.
    open_ritual(&ui, "stress-talk");
    activate(&ui, "#stress-reminder-save");
    ui.wait_text("#stress-reminder-status", |t| {
        t.starts_with("Set: every weekday at 18:30")
    });
    ui.chord(&[CONTROL, "0"]);
    ui.wait_text("#reminder-list", |t| t.contains("How was your day?"));
    ui.chord(&[CONTROL, "6"]);
    ui.wait_text("#timeline", |t| {
        t.contains("After a stress talk") && t.contains("The deadline moved")
    });
    ui.close();

    let reminder = reminders_on_disk(&harness)
        .into_iter()
        .find(|r| r.title == "How was your day?")
        .expect("the weekday reminder");
    assert_eq!(reminder.rule, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    assert_eq!(
        reminder.start_local.time(),
        NaiveTime::from_hms_opt(18, 30, 0).unwrap()
    );
    assert_eq!(reminder.kind, ReminderKind::WeeklySlot);
    assert!(
        !reminder.notification_text.contains("How was your day"),
        "the notice stays discreet"
    );
}

const SAM_NOTICED: (&str, &str) = ("You fixed my bike before work", "I felt looked after");
const ALEX_NOTICED: (&str, &str) = ("You listened about my sister", "I felt less alone");

#[test]
fn an_appreciation_exchange_written_alone_is_revealed_together() {
    let harness = Harness::start();
    let ui = sam_and_alex(&harness);
    // The couch's measure is taken at 1280×800, as for the other reveals.
    ui.set_window_size(1280, 800);
    open_ritual(&ui, "appreciation");
    ui.wait_text("#exchange-alone", |t| t.contains("on your own"));

    // Each writes alone; the second sees only that the first has written.
    alone(&ui, "a", PASS_A);
    write_appreciation(&ui, SAM_NOTICED.0, SAM_NOTICED.1);
    ui.wait_text("#exchange-a-status", |t| t == "Sam has written ✓");
    alone(&ui, "b", PASS_B);
    open_ritual(&ui, "appreciation");
    ui.wait_text("#exchange-a-status", |t| t == "Sam has written ✓");
    assert!(
        !ui.page_source().contains("bike"),
        "Sam's note waits for the reveal"
    );

    // The shared helper goes on from here: Alex writes, they sit together and reveal.
    exchange_to_reveal(&ui, [SAM_NOTICED, ALEX_NOTICED]);
    ui.wait_text("#exchange-revealed-a", |t| {
        t.contains(SAM_NOTICED.0) && t.contains(SAM_NOTICED.1)
    });
    ui.wait_text("#exchange-revealed-b", |t| t.contains(ALEX_NOTICED.1));
    let measured = measure_all_text(&ui, "#together");
    ui.screenshot("81-appreciation-reveal");
    assert_couch_legible(&measured);
    press(&ui, ESCAPE);
    ui.wait_text("#love-list-a", |t| {
        t.contains("What Sam loves about Alex") && t.contains(SAM_NOTICED.0)
    });
    ui.wait_text("#love-list-b", |t| t.contains(ALEX_NOTICED.0));
    ui.close();
}

#[test]
fn the_appreciation_reveal_reads_from_the_couch_in_dark_mode() {
    let harness = Harness::start_with(&[("GTK_THEME", "Adwaita:dark")]);
    let ui = sam_and_alex(&harness);
    ui.set_window_size(1280, 800);
    exchange_to_reveal(&ui, [SAM_NOTICED, ALEX_NOTICED]);
    let measured = measure_all_text(&ui, "#together");
    ui.screenshot("81-appreciation-reveal-dark");
    assert!(measured["dark"] == true, "{measured}");
    assert_couch_legible(&measured);
    ui.close();
}

#[test]
fn a_dream_come_true_appears_on_the_timeline() {
    let harness = Harness::start();
    let ui = sam_and_alex(&harness);
    ui.chord(&[CONTROL, "6"]);
    ui.wait_text("#timeline-empty", |t| t.contains("first milestone"));
    activate(&ui, "#story-dreams");
    assert_eq!(focused_id(&ui), "dream-name");
    press(&ui, "See the northern lights");
    set_value(&ui, "#dream-horizon", "this_year");
    ui.find("#dream-steps")
        .type_text("Look up the best month\nSave a little each week");
    activate(&ui, "#dream-save");
    ui.wait_text("#dreams-ahead", |t| {
        t.contains("See the northern lights")
            && t.contains("This year")
            && t.contains("Save a little each week")
    });

    activate(&ui, "#dream-done-1");
    ui.find("#dream-reach-1-note")
        .type_text("Tromsø, in the snow");
    activate(&ui, "#dream-reach-1-save");
    ui.wait_text("#dreams-reached", |t| {
        t.contains("Came true on") && t.contains("Tromsø")
    });
    activate(&ui, "#dreams-story");
    ui.wait_text("#timeline", |t| {
        t.contains("A dream come true")
            && t.contains("See the northern lights")
            && t.contains("Tromsø, in the snow")
    });
    ui.close();
}

fn answer_profile(ui: &Session, ratings: [(&str, u8); 7]) {
    open_ritual(ui, "cared-for");
    for (way, rating) in ratings {
        ui.find(&format!("#cared-{way}-{rating}")).click();
    }
    activate(ui, "#cared-save");
}

#[test]
fn a_care_profile_answered_by_both_suggests_ideas_for_the_other() {
    let harness = Harness::start();
    let ui = sam_and_alex(&harness);
    alone(&ui, "a", PASS_A);
    answer_profile(
        &ui,
        [
            ("words", 5),
            ("time", 3),
            ("help", 4),
            ("touch", 2),
            ("gifts", 1),
            ("listening", 3),
            ("play", 2),
        ],
    );
    ui.wait_text("#cared-waiting", |t| {
        t.contains("Sam has answered ✓") && t.contains("Alex has not answered yet")
    });

    alone(&ui, "b", PASS_B);
    open_ritual(&ui, "cared-for");
    ui.find("#cared-form");
    assert!(
        ui.try_find("#cared-revealed").is_none(),
        "nothing of Sam's shows yet"
    );
    answer_profile(
        &ui,
        [
            ("words", 2),
            ("time", 4),
            ("help", 5),
            ("touch", 3),
            ("gifts", 2),
            ("listening", 3),
            ("play", 1),
        ],
    );
    ui.wait_text("#cared-a-words", |t| t == "Very much");
    ui.wait_text("#cared-b-help", |t| t == "Very much");
    // Alex is here: ideas for caring for Sam, from Sam's answers.
    ui.wait_text("#cared-ideas-a", |t| {
        t.contains("Sam feels cared for by kind words said out loud: try…")
            && t.contains("Sam feels cared for by help with small things: try…")
    });
    ui.screenshot("82-cared-for");
    ui.close();
}

#[test]
fn an_anniversary_becomes_a_yearly_reminder_and_a_private_milestone_stays_private() {
    let harness = Harness::start();
    let ui = sam_and_alex(&harness);
    alone(&ui, "a", PASS_A);
    ui.chord(&[CONTROL, "6"]);
    add_milestone(&ui, "2019-05-04", "How we met", "", "shared");
    add_milestone(&ui, "2019-06-01", "The day I knew", "", "a");
    let private = ui.find("[id^='story-milestone-a-']").text();
    assert!(private.contains("Only Sam"), "{private}");
    assert!(
        ui.try_find("[id^='story-milestone-a-'] button").is_none(),
        "a private milestone makes no reminder"
    );

    activate(&ui, "#yearly-1");
    assert_eq!(focused_id(&ui), "yearly-1-time");
    activate(&ui, "#yearly-1-save");
    ui.wait_text("#yearly-1-set", |t| {
        t.starts_with("Every year on this day at 09:00")
    });
    ui.chord(&[CONTROL, "0"]);
    ui.wait_text("#reminder-list", |t| t.contains("How we met"));

    // Alex, alone, sees the shared milestone and never Sam's private one.
    alone(&ui, "b", PASS_B);
    ui.chord(&[CONTROL, "6"]);
    ui.wait_text("#timeline", |t| {
        t.contains("How we met") && t.contains("Remembered every year")
    });
    assert!(!ui.page_source().contains("The day I knew"));
    ui.close();

    let reminder = reminders_on_disk(&harness)
        .into_iter()
        .find(|r| r.title == "How we met")
        .expect("the yearly reminder");
    assert_eq!(
        (reminder.kind, reminder.rule.as_str()),
        (ReminderKind::Yearly, "FREQ=YEARLY")
    );
    assert_eq!(
        (reminder.start_local.month(), reminder.start_local.day()),
        (5, 4)
    );
    assert_eq!(
        reminder.start_local.time(),
        NaiveTime::from_hms_opt(9, 0, 0).unwrap()
    );
}

#[test]
fn on_this_day_brings_back_a_year_ago_and_a_prompt_to_answer_again() {
    let harness = Harness::start();
    seed_a_year_back(&harness.data_dir());
    let ui = harness.open();
    ui.find("#unlock-pass")
        .type_text(&format!("{PASS_A}{ENTER}"));
    ui.wait_text("#on-this-day", |t| {
        t.contains("A year ago: The night we danced in the rain")
            && t.contains("A year ago you both answered this:")
    });
    activate(&ui, "#past-answer-again-0");
    ui.wait_text("#reveal-prompt", |t| {
        t.contains("What small thing made you smile today")
    });
    activate(&ui, "#reveal-first-a");
    ui.find("#reveal-first").type_text("The first snow");
    activate(&ui, "#reveal-first-done");
    ui.find("#reveal-second").type_text("Your message at noon");
    activate(&ui, "#reveal-second-done");
    ui.wait_text("#reveal-answer-second", |t| t == "Your message at noon");
    ui.wait_text("#reveal-earlier", |t| {
        t.contains("The cat asleep on your book") && t.contains("Your laugh on the phone")
    });
    ui.chord(&[CONTROL, "6"]);
    ui.wait_text("#on-this-day", |t| {
        t.contains("The night we danced in the rain")
    });
    ui.wait_text("#timeline", |t| t.contains("Your shoes never dried"));
    ui.screenshot("83-timeline");
    ui.close();
}
