//! End to end, in the real app and real WebKit, by keyboard alone: a love-maps round (answer,
//! guess, reveal, "close", saved to history), a quick-choice round (both pick, then both are
//! revealed), and a date idea planned into a reminder. The two reveals are measured for the couch
//! (32 px and 7:1 for every text) and photographed at 1280×800, in light and in dark.

mod support;

use support::legibility::{assert_couch_legible, measure_all_text};
use support::rounds::{
    activate, focused_id, go_to_date_night, love_map_to_reveal, open_couple, press,
    quick_choice_to_reveal, ESCAPE, SPACE,
};
use support::webdriver::{CONTROL, ENTER};
use support::{Harness, PASS_A};

#[test]
fn love_maps_quick_choices_and_a_planned_date_by_keyboard_alone() {
    let (_harness, ui) = open_couple(false);

    // Love maps: reveal, measure, then "Close" saves it to the shared history.
    love_map_to_reveal(&ui);
    let measured = measure_all_text(&ui, "#together");
    let shot = ui.screenshot("70-love-maps-reveal-light");
    println!("love-maps reveal, light: {measured} ({})", shot.display());
    assert_couch_legible(&measured);
    press(&ui, ENTER);
    ui.wait_text("#lm-saved", |t| t.contains("Saved to your shared history"));
    assert_eq!(focused_id(&ui), "lm-next");
    press(&ui, SPACE);
    ui.wait_text("#lm-who", |t| t.starts_with("Alex, answer for yourself"));
    press(&ui, ESCAPE);
    ui.chord(&[CONTROL, "9"]);
    ui.wait_text("#history-love-maps", |t| {
        t.contains("Sam: Pancakes on a slow Sunday")
    });

    // Quick choices: both pick, both are revealed together, and a difference asks why.
    let choices = quick_choice_to_reveal(&ui);
    let measured = measure_all_text(&ui, "#together");
    let shot = ui.screenshot("71-quick-choice-reveal-light");
    println!(
        "quick-choice reveal, light: {measured} ({})",
        shot.display()
    );
    assert_couch_legible(&measured);
    assert!(
        ui.find("#qc-outcome").text().contains("different"),
        "{choices:?}"
    );
    activate(&ui, "#qc-ask-why");
    ui.wait_text("#qc-why", |t| t.contains("what drew you"));
    activate(&ui, "#qc-next");
    ui.wait_text("#qc-turn", |t| t.starts_with("Quick choice · 2 of"));
    press(&ui, ESCAPE);

    // A date idea planned into a one-off reminder, there in the reminders list.
    go_to_date_night(&ui);
    ui.screenshot("72-date-night-light");
    activate(&ui, "#open-date-ideas");
    ui.wait_text("#idea-count", |t| t.ends_with("ideas"));
    let title = ui.find("[data-idea='date-001'] .idea-title").text();
    activate(&ui, "#plan-date-001");
    assert_eq!(focused_id(&ui), "plan-when-date-001");
    activate(&ui, "#plan-save-date-001");
    ui.wait_text("#plan-status-date-001", |t| t.starts_with("Planned for"));
    assert_eq!(focused_id(&ui), "plan-see-date-001");
    ui.screenshot("73-date-idea-planned-light");
    press(&ui, ENTER);
    ui.wait_text("#reminder-list", |t| t.contains(&title));
    let card = ui.find("#reminder-list").text();
    assert!(
        card.contains("Time for the two of you"),
        "the notification stays discreet: {card}"
    );
    ui.close();
}

#[test]
fn the_reveals_are_legible_from_the_couch_in_dark_mode() {
    let (_harness, ui) = open_couple(true);
    love_map_to_reveal(&ui);
    let measured = measure_all_text(&ui, "#together");
    let shot = ui.screenshot("70-love-maps-reveal-dark");
    println!("love-maps reveal, dark: {measured} ({})", shot.display());
    assert_eq!(
        measured["dark"], true,
        "the system's dark mode reached the webview"
    );
    assert_couch_legible(&measured);
    press(&ui, ESCAPE);
    quick_choice_to_reveal(&ui);
    let measured = measure_all_text(&ui, "#together");
    let shot = ui.screenshot("71-quick-choice-reveal-dark");
    println!("quick-choice reveal, dark: {measured} ({})", shot.display());
    assert_couch_legible(&measured);
    ui.close();
}

#[test]
fn still_true_brings_back_an_old_love_map_to_update() {
    use hearth_core::prompts::store::{self, Filter, LoveMapRound};
    let harness = Harness::start();
    {
        let vault = support::new_couple(&harness.data_dir());
        let session = vault.session().unwrap();
        store::sync_library(session).unwrap();
        let filter = Filter {
            love_maps_only: true,
            ..Filter::default()
        };
        let question = store::list(session, &filter).unwrap().remove(0);
        let round = LoveMapRound {
            prompt_id: question.id,
            answerer: hearth_core::vault::Partner::A,
            answer: "Tea, always".into(),
            guess: "Coffee".into(),
            close: false,
        };
        let four_months_ago = chrono::Utc::now() - chrono::Duration::days(120);
        store::save_love_map(session, &round, four_months_ago).unwrap();
    }
    let ui = harness.open();
    ui.find("#unlock-pass")
        .type_text(&format!("{PASS_A}{ENTER}"));
    ui.find("#nav-journal");
    go_to_date_night(&ui);
    activate(&ui, "#start-still-true");
    ui.wait_text("#st-answer", |t| t == "Tea, always");
    assert_eq!(focused_id(&ui), "st-keep");
    activate(&ui, "#st-changed");
    assert_eq!(focused_id(&ui), "st-new");
    press(&ui, &format!("Coffee these days{ENTER}"));
    ui.wait_text("#st-done", |t| t.contains("up to date"));
    press(&ui, ESCAPE);
    ui.chord(&[CONTROL, "9"]);
    ui.wait_text("#history-love-maps", |t| {
        t.contains("Sam: Coffee these days") && t.contains("Sam: Tea, always")
    });
    go_to_date_night(&ui);
    ui.find("#games-title");
    assert!(
        ui.find("#start-still-true").attribute("hidden").is_some(),
        "nothing else is due"
    );
    ui.close();
}
