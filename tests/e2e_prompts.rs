//! End to end, in the real app and real WebKit: deal a date night, go through the together mode with
//! the keyboard alone, answer then reveal, see it all in history, and find it all again after a
//! restart and a new unlock.

mod support;

use support::legibility::CONTRAST_JS;
use support::rounds::open_couple;
use support::webdriver::{Session, ENTER};
use support::{sam_and_alex, Harness, PASS_B};

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

/// Opens Date night and deals three cards.
fn deal_three(ui: &Session) {
    ui.find("#nav-date-night").click();
    ui.find("#deal-button").click();
    ui.wait_script(
        "return document.querySelectorAll('#deal-cards .prompt').length",
        3.into(),
    );
}

/// Presses a key where the focus is, as a person at the keyboard would.
fn press(ui: &Session, key: &str) {
    ui.active().type_text(key);
}

#[test]
fn date_night_together_mode_reveal_history_and_restart() {
    let harness = Harness::start();
    let ui = sam_and_alex(&harness);

    // 1. The first run's welcome says what Hearth keeps in three lines and deals a date night at
    // once; swap one card.
    let welcome = ui.find("#first-run").text();
    for promise in [
        "stays on this computer",
        "private space",
        "quiet notifications",
    ] {
        assert!(welcome.contains(promise), "{welcome}");
    }
    ui.find("#first-date").click();
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
        ui.wait_text("#history-notes", |t| {
            t.contains("We should do this every week.")
        });
    };
    check_history(&ui);
    ui.screenshot("13-history");

    // 5. Browse: "/" focuses search, favourites, and a prompt of our own, written and deleted.
    ui.find("#nav-prompts").click();
    ui.wait_text("#prompt-count", |t| t.ends_with("prompts"));
    ui.find("#prompts-title").click();
    press(&ui, "/");
    assert_eq!(
        ui.active().attribute("id").as_deref(),
        Some("prompt-search")
    );
    press(&ui, "sunset");
    let first_match = ui.wait_text("#prompt-list .prompt-text", |t| {
        t.to_lowercase().contains("sunset")
    });
    let id = ui.execute("return document.querySelector('#prompt-list .prompt').dataset.prompt");
    let id = id.as_str().unwrap();
    ui.find(&format!("#fav-{id}")).click();
    ui.find("#filter-favourites").click();
    ui.wait_text("#prompt-count", |t| t == "1 prompt");
    assert_eq!(ui.find("#prompt-list .prompt-text").text(), first_match);
    ui.find("#write-own").click();
    ui.find("#own-text")
        .type_text("What song should be ours this year?");
    ui.find("#own-save").click();
    // Saved: the editor closes, and only then is the layout still for the next click.
    ui.wait_script(
        "return document.querySelector('form.editor').hidden",
        true.into(),
    );
    ui.find("#filter-favourites").click();
    ui.wait_script(
        "return document.querySelector('#filter-favourites').checked",
        false.into(),
    );
    ui.execute("const s = document.querySelector('#prompt-search'); s.value = 'ours this year'; s.dispatchEvent(new Event('input'))");
    ui.wait_text("#prompt-list .prompt-text", |t| {
        t == "What song should be ours this year?"
    });
    let own = ui.execute("return document.querySelector('#prompt-list .prompt').dataset.prompt");
    let own = own.as_str().unwrap();
    ui.find(&format!("#delete-{own}")).click();
    ui.find(&format!("#confirm-delete-{own}")).click();
    ui.wait_text("#prompt-count", |t| t == "0 prompts");
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

/// WCAG contrast of the card text against the together mode's background, and the card's size.
const MEASURE: &str = r#"
const bg = getComputedStyle(document.querySelector('#together')).backgroundColor;
const card = getComputedStyle(document.querySelector('#together-text'));
const turn = getComputedStyle(document.querySelector('#together-turn'));
return {
  dark: matchMedia('(prefers-color-scheme: dark)').matches,
  width: innerWidth, height: innerHeight,
  cardPx: parseFloat(card.fontSize),
  cardContrast: ratio(card.color, bg),
  turnContrast: ratio(turn.color, bg),
};
"#;

fn together_mode_legibility(dark: bool) {
    let (_harness, ui) = open_couple(dark);
    let mode = if dark { "dark" } else { "light" };
    ui.wait_text("#today-text", |t| !t.is_empty());
    ui.screenshot(&format!("15-home-{mode}"));
    ui.find("#nav-prompts").click();
    ui.wait_text("#prompt-count", |t| t.ends_with("prompts"));
    ui.screenshot(&format!("16-prompts-{mode}"));
    deal_three(&ui);
    ui.find("#start-together").click();
    ui.wait_text("#together-text", |t| t == "Phones away?");
    press(&ui, SPACE);
    ui.find("#together-turn");
    let measured = ui.execute(&format!("{CONTRAST_JS}{MEASURE}"));
    let shot = ui.screenshot(if dark {
        "14-together-dark"
    } else {
        "14-together-light"
    });
    println!(
        "{} mode: {measured} ({})",
        if dark { "dark" } else { "light" },
        shot.display()
    );
    assert_eq!(
        measured["dark"], dark,
        "the system's colour scheme reached the webview"
    );
    assert!(measured["cardPx"].as_f64().unwrap() >= 32.0, "{measured}");
    assert!(
        measured["cardContrast"].as_f64().unwrap() >= 7.0,
        "{measured}"
    );
    assert!(
        measured["turnContrast"].as_f64().unwrap() >= 7.0,
        "{measured}"
    );
    ui.close();
}

#[test]
fn together_mode_is_legible_from_the_couch_in_light_mode() {
    together_mode_legibility(false);
}

#[test]
fn together_mode_is_legible_from_the_couch_in_dark_mode() {
    together_mode_legibility(true);
}
