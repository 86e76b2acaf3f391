//! The rituals and the story driven through the UI, shared by the end-to-end tests and the
//! README's screenshots: switching partners, opening a ritual, a stress talk up to its second turn,
//! an appreciation written alone, a milestone added.

use super::rounds::{activate, press};
use super::webdriver::{Session, CONTROL, ENTER};
use super::{unlock_as, PASS_A, PASS_B};

/// Locks, then unlocks partner `letter` alone.
pub fn alone(ui: &Session, letter: &str, pass: &str) {
    ui.chord(&[CONTROL, "l"]);
    unlock_as(ui, letter, pass);
}

/// Goes to Rituals (Ctrl+5) and opens one of them: `stress-talk`, `appreciation`, `cared-for`,
/// `gestures`.
pub fn open_ritual(ui: &Session, which: &str) {
    ui.chord(&[CONTROL, "5"]);
    ui.wait_text("#rituals-title", |t| t == "Rituals");
    activate(ui, &format!("#rituals-{which}"));
}

/// Sets a select or a date field the way a change by hand would.
pub fn set_value(ui: &Session, css: &str, value: &str) {
    ui.execute_with(
        "const field = document.querySelector(arguments[0]); field.value = arguments[1]; field.dispatchEvent(new Event('change'));",
        &[css.into(), value.into()],
    );
}

/// A stress talk begun: Sam has the first turn.
pub fn begin_stress_talk(ui: &Session) {
    open_ritual(ui, "stress-talk");
    activate(ui, "#stress-begin");
    ui.wait_text("#stress-speaker", |t| t == "Sam, how was your day?");
}

/// Through Sam's turn (a listening prompt chosen) to Alex's.
pub fn through_first_turn(ui: &Session) {
    activate(ui, "#stress-prompt-0");
    ui.wait_text("#stress-asked", |t| t == "What was the hardest part of it?");
    activate(ui, "#stress-next");
    ui.wait_text("#stress-speaker", |t| t == "Alex, how was your day?");
}

/// From the second turn to the end, keeping `note` with the talk.
pub fn end_stress_talk(ui: &Session, note: &str) {
    press(ui, ENTER);
    ui.wait_text("#stress-end-title", |t| t == "Thank you both");
    press(ui, &format!("{note}{ENTER}"));
    ui.wait_text("#stress-kept", |t| t == "Kept");
}

/// The partner unlocked alone writes their half of the appreciation exchange.
pub fn write_appreciation(ui: &Session, did: &str, meant: &str) {
    open_ritual(ui, "appreciation");
    ui.find("#exchange-did").type_text(did);
    ui.find("#exchange-meant")
        .type_text(&format!("{meant}{ENTER}"));
}

/// Sam and Alex, set up and both unlocked, each write their half of an exchange alone, then sit
/// together again and reveal it from Home's suggestion, in the together mode.
pub fn exchange_to_reveal(ui: &Session, [sam, alex]: [(&str, &str); 2]) {
    alone(ui, "a", PASS_A);
    write_appreciation(ui, sam.0, sam.1);
    ui.wait_text("#exchange-a-status", |t| t == "Sam has written ✓");
    alone(ui, "b", PASS_B);
    write_appreciation(ui, alex.0, alex.1);
    ui.wait_text("#exchange-ready", |t| t.contains("You have both written"));
    ui.find("#add-partner").click();
    ui.find("#add-pass").type_text(&format!("{PASS_A}{ENTER}"));
    ui.wait_text("#suggest-title", |t| t == "An appreciation is waiting");
    activate(ui, "#suggest-go");
    ui.wait_text("#exchange-revealed-b", |t| t.contains(alex.0));
}

/// Adds a milestone on Our story (open), shared (`who` = "shared") or private to `who`.
pub fn add_milestone(ui: &Session, day: &str, title: &str, note: &str, who: &str) {
    set_value(ui, "#milestone-day", day);
    set_value(ui, "#milestone-space", who);
    ui.find("#milestone-name").type_text(title);
    if !note.is_empty() {
        ui.find("#milestone-note").type_text(note);
    }
    activate(ui, "#milestone-save");
    ui.wait_text("#timeline", |t| t.contains(title));
}
