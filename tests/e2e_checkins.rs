//! End to end, in the real app and real WebKit: both partners complete this week's check-in, each in
//! their own unlock; the side-by-side reveal appears only after the second; the trend chart draws
//! the weeks a test helper wrote (two) and then this one; the conflict-repair flow runs, through the
//! dreams under each position, to its saved agreement; the care page is one step from home; a
//! reflection lands in the writer's private space; a gesture becomes a reminder. Screenshots of home, the reveal and the chart in
//! light and dark mode, with the chart's lines measured against their background.

mod support;

use support::legibility::CONTRAST_JS;
use support::webdriver::{Session, CONTROL, ENTER};
use support::{seed_couple, Harness, PASS_A, PASS_B};

const A_NOTE: &str = "A quiet ferngully week";

/// The computed colours of the chart's two lines and of the card behind them, with their WCAG
/// contrast ratios (graphics need 3:1).
const MEASURE_CHART: &str = r#"
const card = getComputedStyle(document.querySelector('#checkin-trends')).backgroundColor;
const a = getComputedStyle(document.querySelector('#trend-grid .series-a')).stroke;
const b = getComputedStyle(document.querySelector('#trend-grid .series-b')).stroke;
const label = getComputedStyle(document.querySelector('#trend-grid figcaption')).color;
return { dark: matchMedia('(prefers-color-scheme: dark)').matches, a: ratio(a, card), b: ratio(b, card),
  label: ratio(label, card), dashed: getComputedStyle(document.querySelector('#trend-grid .series-b')).strokeDasharray };
"#;

fn points_per_chart(ui: &Session) -> serde_json::Value {
    ui.execute("return [...document.querySelectorAll('#trend-grid svg')].map(s => [s.querySelectorAll('.point-a').length, s.querySelectorAll('.point-b').length])")
}

fn answer(ui: &Session, rating: u8, note: &str) {
    for ingredient in ["love", "vulnerability", "trust", "commitment"] {
        ui.find(&format!("#rate-{ingredient}-{rating}")).click();
    }
    if !note.is_empty() {
        ui.find("#checkin-note").type_text(note);
    }
    ui.find("#checkin-save").click();
}

fn check_chart(ui: &Session, weeks: usize, dark: bool) {
    ui.wait_script(
        "return document.querySelectorAll('#trend-grid svg').length",
        serde_json::json!(4),
    );
    assert_eq!(
        points_per_chart(ui),
        serde_json::json!(vec![[weeks, weeks]; 4])
    );
    let measured = ui.execute(&format!("{CONTRAST_JS}{MEASURE_CHART}"));
    assert_eq!(measured["dark"], dark, "{measured}");
    for key in ["a", "b"] {
        assert!(measured[key].as_f64().unwrap() >= 3.0, "{measured}");
    }
    assert!(measured["label"].as_f64().unwrap() >= 4.5, "{measured}");
    assert_ne!(
        measured["dashed"], "none",
        "B's line is dashed as well as coloured"
    );
}

#[test]
fn both_answer_then_the_reveal_shows_and_repair_ends_in_an_agreement() {
    let harness = Harness::start_with(&[("GTK_THEME", "Adwaita")]);
    // Two earlier weeks, answered by both, written by the test helper.
    seed_couple(&harness.data_dir(), &[(2, 3, 4), (1, 4, 3)], true);
    let ui = harness.open();
    ui.find("#unlock-pass")
        .type_text(&format!("{PASS_A}{ENTER}"));

    // Home invites: this week's check-in, the next together-time counting down, quick actions.
    ui.wait_text("#home-checkin-title", |t| t == "This week's check-in");
    ui.wait_text("#home-countdown", |t| t.starts_with("in "));
    ui.wait_text("#appreciation-resurfaced", |t| t.contains("the soup"));
    ui.find("#quick-write");
    ui.find("#quick-appreciate");
    let together = ui.find("#home-together").text();
    assert!(!together.contains("null"), "{together}");
    ui.screenshot("40-home-light");

    // Sam answers alone. No reveal yet, and the chart shows the two earlier weeks.
    ui.find("#home-checkin-open").click();
    check_chart(&ui, 2, false);
    ui.execute("document.querySelector('#checkin-trends').scrollIntoView()");
    ui.screenshot("41-checkin-chart-light");
    answer(&ui, 4, A_NOTE);
    ui.wait_text("#checkin-progress", |t| {
        t == "Sam has answered. Alex has not answered yet."
    });
    assert!(ui.try_find("#checkin-reveal").is_none());

    // Alex, alone: Sam has answered, and nothing of Sam's answer shows until Alex answers too.
    ui.chord(&[CONTROL, "l"]);
    ui.find("#unlock-as-b").click();
    ui.find("#unlock-pass")
        .type_text(&format!("{PASS_B}{ENTER}"));
    ui.find("#nav-checkin").click();
    ui.wait_text("#checkin-progress", |t| t.starts_with("Sam has answered"));
    assert!(ui.try_find("#checkin-reveal").is_none());
    assert!(!ui.page_source().contains("ferngully"));
    answer(&ui, 2, "");
    let reveal = ui.wait_text("#checkin-reveal", |t| t.contains(A_NOTE));
    assert!(reveal.contains(A_NOTE), "{reveal}");
    let rows = ui.execute("return [...document.querySelectorAll('#checkin-reveal tbody tr')].map(r => [...r.children].map(c => c.textContent))");
    assert_eq!(
        rows,
        serde_json::json!([
            ["Love and friendship", "4", "2"],
            ["Vulnerability", "4", "2"],
            ["Trust", "4", "2"],
            ["Commitment", "4", "2"]
        ])
    );
    check_chart(&ui, 3, false);
    ui.execute("document.querySelector('#checkin-reveal').scrollIntoView()");
    ui.screenshot("42-checkin-reveal-light");

    // The repair flow, to its agreement.
    ui.find("#nav-repair").click();
    ui.find("#repair-care");
    ui.execute("document.querySelector('#repair-minutes').value = '2'");
    ui.find("#repair-begin").click();
    ui.wait_text("#repair-speaker", |t| t == "Sam has the floor");
    ui.wait_text("#repair-timer", |t| t.starts_with("1:5") || t == "2:00");
    ui.find("#repair-done-speaking").click();
    ui.find("#repair-heard").click();
    ui.wait_text("#repair-speaker", |t| t == "Alex has the floor");
    ui.find("#repair-done-speaking").click();
    ui.find("#repair-heard").click();
    // Dreams within conflict: what each hopes for underneath, kept with the agreement.
    ui.find("#repair-next").click();
    ui.find("#repair-dream-a")
        .type_text("Weekends that feel like ours");
    ui.find("#repair-dream-b")
        .type_text("My family close without guilt");
    ui.find("#repair-dreams-done").click();
    ui.find("#repair-agreement")
        .type_text("We check the calendar together on Sundays");
    ui.find("#repair-save").click();
    ui.wait_text("#repair-saved-text", |t| {
        t == "We check the calendar together on Sundays"
    });
    ui.wait_text("#agreement-list", |t| {
        t.contains("We check the calendar together on Sundays")
            && t.contains("Sam's dream: Weekends that feel like ours")
            && t.contains("Alex's dream: My family close without guilt")
    });

    // Care is one step from home.
    ui.find("#nav-home").click();
    ui.find("#home-care").click();
    ui.wait_text("#care-safety", |t| t.contains("If you feel unsafe"));
    ui.close();
}

#[test]
fn home_reveal_and_chart_in_dark_mode() {
    let harness = Harness::start_with(&[("GTK_THEME", "Adwaita:dark")]);
    seed_couple(
        &harness.data_dir(),
        &[(2, 3, 4), (1, 4, 3), (0, 5, 4)],
        true,
    );
    let ui = harness.open();
    ui.find("#unlock-pass")
        .type_text(&format!("{PASS_A}{ENTER}"));
    ui.wait_text("#home-countdown", |t| t.starts_with("in "));
    ui.wait_text("#appreciation-resurfaced", |t| t.contains("the soup"));
    assert!(
        ui.try_find("#home-checkin:not([hidden])").is_none(),
        "answered this week: no check-in asks for attention"
    );
    ui.screenshot("43-home-dark");
    ui.find("#nav-checkin").click();
    ui.wait_text("#checkin-reveal", |t| t.contains("Both of you answered"));
    check_chart(&ui, 3, true);
    ui.screenshot("44-checkin-reveal-dark");
    ui.execute("document.querySelector('#checkin-trends').scrollIntoView()");
    ui.screenshot("45-checkin-chart-dark");

    // A private reflection lands in Sam's own space, where the journal finds it.
    ui.execute("const s = document.querySelector('#reflection-enemy'); s.value = 'resentment'; s.dispatchEvent(new Event('change'))");
    ui.wait_text("#reflection-questions", |t| t.contains("old hurt"));
    ui.find("#reflection-body")
        .type_text("Letting go of the wedding seating argument");
    ui.find("#reflection-save").click();
    ui.wait_text("#reflection-status", |t| {
        t.starts_with("Kept in Sam's private space")
    });
    ui.find("#nav-journal").click();
    ui.wait_text("#entry-list", |t| {
        t.contains("Reflection: resentment") && t.contains("Private to Sam")
    });

    // "Plan this" turns a gesture into a one-off reminder; gestures are one of the rituals.
    ui.find("#nav-rituals").click();
    ui.find("#rituals-gestures").click();
    ui.wait_script(
        "return document.querySelectorAll('#gesture-list .prompt').length >= 60",
        serde_json::json!(true),
    );
    ui.find("#plan-touch-09").click();
    ui.find("#plan-save-touch-09").click();
    ui.wait_text("#planned-touch-09", |t| t.starts_with("Planned for"));
    ui.find("#nav-reminders").click();
    ui.wait_text("#reminder-list", |t| {
        t.contains("Dance with them in the kitchen for the length of one song.")
    });
    ui.close();
}
