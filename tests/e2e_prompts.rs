//! End to end, in the real app and real WebKit: deal a date night, go through the together mode with
//! the keyboard alone, answer then reveal, see it all in history, and find it all again after a
//! restart and a new unlock.

mod support;

use support::webdriver::{Session, ENTER};
use support::{set_up_couple, Harness, PASS_A, PASS_B};

const TAB: &str = "\u{E004}";
const SPACE: &str = " ";
const RIGHT: &str = "\u{E014}";
const LEFT: &str = "\u{E012}";
const ESCAPE: &str = "\u{E00C}";

fn card_texts(ui: &Session) -> Vec<String> {
    let texts = ui.execute(
        "return [...document.querySelectorAll('#deal-cards .prompt-text')].map((e) => e.textContent)",
    );
    texts
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap().to_string())
        .collect()
}

fn together_text(ui: &Session) -> String {
    ui.find("#together-text").text()
}

/// Presses a key where the focus is, as a person at the keyboard would.
fn press(ui: &Session, key: &str) {
    ui.active().type_text(key);
}

#[test]
fn date_night_together_mode_reveal_history_and_restart() {
    let harness = Harness::start(4454);
    let ui = harness.open();
    ui.find("#setup-a-name");
    set_up_couple(&ui, ["Sam", "Alex"], [PASS_A, PASS_B]);

    // 1. Deal a date night, and swap one card.
    ui.find("#nav-date-night").click();
    ui.find("#deal-button").click();
    ui.wait_script(
        "return document.querySelectorAll('#deal-cards .prompt').length",
        3.into(),
    );
    let before = card_texts(&ui);
    ui.find("#swap-1").click();
    ui.wait_script(
        &format!(
            "return document.querySelectorAll('#deal-cards .prompt-text')[1].textContent !== {:?}",
            before[1]
        ),
        true.into(),
    );
    let cards = card_texts(&ui);
    assert_eq!(
        (cards[0].as_str(), cards[2].as_str()),
        (before[0].as_str(), before[2].as_str())
    );
    ui.screenshot("10-date-night");

    // 2. The together mode, keyboard only: Space starts, → and ← move, Tab+Enter skips, Esc leaves.
    ui.find("#start-together").click();
    ui.wait_text("#together-text", |t| t == "Phones away?");
    press(&ui, SPACE);
    ui.wait_text("#together-text", |t| t == cards[0]);
    assert!(ui.find("#together-turn").text().starts_with("Sam asks"));
    let stage = ui.find("#together").text();
    assert!(
        !stage.contains("null") && !stage.contains("undefined"),
        "{stage}"
    );
    ui.screenshot("11-together-card");
    press(&ui, RIGHT);
    ui.wait_text("#together-text", |t| t == cards[1]);
    assert!(
        ui.find("#together-turn").text().starts_with("Alex asks"),
        "turns alternate"
    );
    press(&ui, LEFT);
    ui.wait_text("#together-text", |t| t == cards[0]);
    press(&ui, SPACE);
    ui.wait_text("#together-text", |t| t == cards[1]);
    press(&ui, TAB); // Back
    press(&ui, TAB); // Skip this one
    assert_eq!(ui.active().text(), "Skip this one");
    press(&ui, ENTER);
    ui.wait_text("#together-text", |t| t == cards[2]);
    press(&ui, SPACE);
    let summary = ui.wait_text("#together-discussed", |t| !t.is_empty());
    assert!(
        summary.contains(&cards[0]) && summary.contains(&cards[2]),
        "{summary}"
    );
    assert!(
        !summary.contains(&cards[1]),
        "a skipped card is not discussed"
    );
    ui.find("#together-note")
        .type_text(&format!("We should do this every week.{ENTER}"));
    ui.wait_text("#together-saved", |t| t.contains("Saved"));
    press(&ui, ESCAPE);
    ui.find("#deal-button");

    // 3. Answer, then reveal, from today's prompt.
    ui.find("#nav-home").click();
    let today = ui.wait_text("#today-text", |t| !t.is_empty());
    ui.find("#today-reveal").click();
    ui.find("#reveal-first-a").click();
    ui.find("#reveal-first").type_text(&format!(
        "Sam's answer, with <b>markup</b>{ENTER}and a second line"
    ));
    ui.find("#reveal-first-done").click();
    ui.find("#reveal-second");
    assert!(
        !ui.page_source().contains("Sam's answer"),
        "A's answer is hidden while B writes"
    );
    assert!(ui.find("#reveal-who").text().starts_with("Alex"));
    ui.find("#reveal-second").type_text("Alex's answer");
    ui.find("#reveal-second-done").click();
    ui.wait_text("#reveal-answer-first", |t| !t.is_empty());
    let first = ui.execute("return document.querySelector('#reveal-answer-first').textContent");
    assert_eq!(
        first, "Sam's answer, with <b>markup</b>\nand a second line",
        "shown exactly as text"
    );
    assert_eq!(ui.find("#reveal-answer-second").text(), "Alex's answer");
    let headings = ui.execute(
        "return [...document.querySelectorAll('#reveal-answers h2')].map((e) => e.textContent)",
    );
    assert_eq!(
        headings,
        serde_json::json!(["Sam", "Alex"]),
        "each answer under its writer's name"
    );
    ui.screenshot("12-reveal");

    // 4. History shows what was discussed, and the answers.
    let check_history = |ui: &Session| {
        ui.find("#nav-history").click();
        let talked = ui.wait_text("#history-discussed", |t| t.contains(&cards[0]));
        assert!(
            talked.contains(&cards[2]) && !talked.contains(&cards[1]),
            "{talked}"
        );
        let answers = ui.wait_text("#history-answers", |t| t.contains("Alex's answer"));
        assert!(
            answers.contains(&today) && answers.contains("Sam's answer"),
            "{answers}"
        );
    };
    check_history(&ui);
    ui.screenshot("13-history");
    ui.close();

    // 5. After a restart and a new unlock, all of it is still there.
    let ui = harness.open();
    ui.wait_text("#lock-title", |t| t == "Hearth");
    ui.find("#unlock-pass")
        .type_text(&format!("{PASS_B}{ENTER}"));
    ui.wait_text("#home-greeting", |t| t.contains("Alex"));
    check_history(&ui);
    ui.close();
}
