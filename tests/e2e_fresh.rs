//! End to end, in the real app and real WebKit, by keyboard alone: a love-maps round (answer,
//! guess, reveal, "close", saved to history), a quick-choice round (both pick, then both are
//! revealed), and a date idea planned into a reminder. The two reveals are measured for the couch
//! (32 px and 7:1 for every text) and photographed at 1280×800, in light and in dark.

mod support;

use support::legibility::{assert_couch_legible, measure_all_text};
use support::webdriver::{Session, CONTROL, ENTER};
use support::{set_up_couple, Harness, PASS_A, PASS_B};

const ESCAPE: &str = "\u{E00C}";
const SPACE: &str = " ";

/// Presses keys where the focus is, as a person at the keyboard would.
fn press(ui: &Session, keys: &str) {
    ui.active().type_text(keys);
}

/// Moves the focus to `css` and presses Enter on it (what Tab, Tab, Enter would do).
fn activate(ui: &Session, css: &str) {
    ui.find(css).type_text(ENTER);
}

fn focused_id(ui: &Session) -> String {
    ui.execute("return document.activeElement.id")
        .as_str()
        .unwrap_or("")
        .to_string()
}

fn open_couple(dark: bool) -> (Harness, Session) {
    let extra: Vec<(&str, &str)> = if dark {
        vec![("GTK_THEME", "Adwaita:dark")]
    } else {
        vec![]
    };
    let harness = Harness::start_with(&extra);
    let ui = harness.open();
    ui.set_window_size(1280, 800);
    set_up_couple(&ui, ["Sam", "Alex"], [PASS_A, PASS_B]);
    (harness, ui)
}

fn go_to_date_night(ui: &Session) {
    ui.chord(&[CONTROL, "3"]);
    ui.wait_text("#date-title", |t| t == "Date night");
}

/// Love maps up to the reveal: Sam answers, Alex guesses, by typing and Enter alone.
fn love_map_to_reveal(ui: &Session) {
    go_to_date_night(ui);
    activate(ui, "#start-love-maps");
    ui.wait_text("#lm-who", |t| t.starts_with("Sam, answer for yourself"));
    assert_eq!(focused_id(ui), "lm-answer");
    press(ui, &format!("Pancakes on a slow Sunday{ENTER}"));
    ui.wait_text("#lm-who", |t| {
        t.starts_with("Alex, what do you think Sam wrote")
    });
    assert!(
        ui.try_find("#lm-answer-text").is_none(),
        "the answer stays hidden while Alex guesses"
    );
    assert_eq!(focused_id(ui), "lm-guess");
    press(ui, &format!("Waffles{ENTER}"));
    ui.wait_text("#lm-answer-text", |t| t == "Pancakes on a slow Sunday");
    assert_eq!(ui.find("#lm-guess-text").text(), "Waffles");
    assert_eq!(focused_id(ui), "lm-close");
}

/// A quick choice up to the reveal: Sam presses A (the first choice), Alex L (the second).
fn quick_choice_to_reveal(ui: &Session) -> Vec<String> {
    go_to_date_night(ui);
    activate(ui, "#start-quick-choices");
    ui.wait_text("#qc-status-a", |t| t == "Sam is choosing…");
    let choices: Vec<String> = ["#qc-pick-a-0", "#qc-pick-a-1"]
        .iter()
        .map(|css| ui.find(css).text().split_once(": ").unwrap().1.to_string())
        .collect();
    press(ui, "a");
    ui.wait_text("#qc-status-a", |t| t == "Sam has picked ✓");
    assert!(
        ui.try_find("#qc-reveal").is_none(),
        "one pick alone reveals nothing"
    );
    assert!(
        !ui.find("#qc-choosing").text().contains("chose"),
        "nor which one was picked"
    );
    press(ui, "l");
    ui.wait_text("#qc-chose-a", |t| t == choices[0]);
    assert_eq!(ui.find("#qc-chose-b").text(), choices[1]);
    choices
}

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
    ui.chord(&[CONTROL, "8"]);
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
    activate(&ui, "#open-date-ideas");
    ui.wait_text("#idea-count", |t| t.ends_with("ideas"));
    let title = ui.find("[data-idea='date-001'] .idea-title").text();
    activate(&ui, "#plan-date-001");
    assert_eq!(focused_id(&ui), "plan-when-date-001");
    activate(&ui, "#plan-save-date-001");
    ui.wait_text("#plan-status-date-001", |t| t.starts_with("Planned for"));
    assert_eq!(focused_id(&ui), "plan-see-date-001");
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
