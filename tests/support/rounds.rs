//! The together-mode rounds driven by keyboard alone, shared by the end-to-end tests and the
//! README's screenshots: a couple set up at 1280×800, love maps up to the reveal, a quick choice up
//! to the reveal.

use super::webdriver::{Session, CONTROL, ENTER};
use super::{set_up_couple, Harness, PASS_A, PASS_B};

pub const ESCAPE: &str = "\u{E00C}";
pub const SPACE: &str = " ";

/// Presses keys where the focus is, as a person at the keyboard would.
pub fn press(ui: &Session, keys: &str) {
    ui.active().type_text(keys);
}

/// Moves the focus to `css` and presses Enter on it (what Tab, Tab, Enter would do).
pub fn activate(ui: &Session, css: &str) {
    ui.find(css).type_text(ENTER);
}

pub fn focused_id(ui: &Session) -> String {
    ui.execute("return document.activeElement.id")
        .as_str()
        .unwrap_or("")
        .to_string()
}

pub fn open_couple(dark: bool) -> (Harness, Session) {
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

pub fn go_to_date_night(ui: &Session) {
    ui.chord(&[CONTROL, "3"]);
    ui.wait_text("#date-title", |t| t == "Date night");
}

/// Love maps up to the reveal: Sam answers, Alex guesses, by typing and Enter alone.
pub fn love_map_to_reveal(ui: &Session) {
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
pub fn quick_choice_to_reveal(ui: &Session) -> Vec<String> {
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
