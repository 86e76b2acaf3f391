//! Real screenshots for the README, taken in the real app under Xvfb: setup, home on the first
//! run, together mode, a love-maps and a quick-choice reveal, reminders, the journal, a stress
//! talk, the timeline and an appreciation reveal, in light and in dark (GTK's dark Adwaita, which
//! WebKit hands to the page as `prefers-color-scheme: dark`). `make screenshots` runs this and
//! the pictures land in docs/screenshots/. Ignored otherwise: it only makes pictures.

mod support;

use std::path::Path;

use support::rituals::{
    add_milestone, begin_stress_talk, end_stress_talk, exchange_to_reveal, through_first_turn,
};
use support::rounds::{love_map_to_reveal, press, quick_choice_to_reveal, ESCAPE};
use support::webdriver::{Session, CONTROL};
use support::{set_up_couple, write_entry, Harness, PASS_A, PASS_B};

const SPACE: &str = " ";

/// Saves what the window shows as docs/screenshots/`name`-`mode`.png.
fn keep(ui: &Session, name: &str, mode: &str) {
    let shot = ui.screenshot(&format!("readme-{name}-{mode}"));
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(&shot, dir.join(format!("{name}-{mode}.png"))).unwrap();
}

fn pictures(mode: &str, gtk_theme: &str) {
    let harness = Harness::start_with(&[("GTK_THEME", gtk_theme)]);
    let ui = harness.open();
    ui.set_window_size(1280, 800);
    ui.find("#setup-a-name").type_text("Sam");
    ui.find("#setup-b-name").type_text("Alex");
    keep(&ui, "setup", mode);
    ui.close();

    let ui = harness.open();
    ui.set_window_size(1280, 800);
    set_up_couple(&ui, ["Sam", "Alex"], [PASS_A, PASS_B]);
    ui.find("#first-run");
    ui.wait_text("#today-text", |t| !t.is_empty());
    keep(&ui, "home", mode);

    ui.find("#nav-reminders").click();
    ui.find("#new-reminder").click();
    ui.find("#rem-title").type_text("Sunday tea, phones away");
    ui.wait_text("#rem-preview", |t| !t.is_empty());
    ui.find("#rem-save").click();
    ui.wait_text("#reminder-list .prompt", |t| t.contains("Sunday tea"));
    keep(&ui, "reminders", mode);

    ui.find("#nav-journal").click();
    write_entry(
        &ui,
        "shared",
        "The walk by the river",
        "We found the bench from our first summer and stayed until the lights came on.",
    );
    keep(&ui, "journal", mode);

    ui.find("#nav-date-night").click();
    ui.find("#deal-button").click();
    ui.wait_script(
        "return document.querySelectorAll('#deal-cards .prompt').length",
        3.into(),
    );
    ui.find("#start-together").click();
    ui.wait_text("#together-text", |t| t == "Phones away?");
    ui.active().type_text(SPACE);
    ui.find("#together-turn");
    keep(&ui, "together", mode);
    press(&ui, ESCAPE);

    love_map_to_reveal(&ui);
    keep(&ui, "love-maps", mode);
    press(&ui, ESCAPE);
    quick_choice_to_reveal(&ui);
    keep(&ui, "quick-choices", mode);
    press(&ui, ESCAPE);
    rituals_and_story(&ui, mode);
    ui.close();
}

/// A stress talk at its second turn, the timeline with a few milestones and the talk's note, and
/// an appreciation exchange revealed together.
fn rituals_and_story(ui: &Session, mode: &str) {
    begin_stress_talk(ui);
    through_first_turn(ui);
    keep(ui, "stress-talk", mode);
    end_stress_talk(ui, "Work felt lighter once we had said it out loud");
    ui.chord(&[CONTROL, "6"]);
    add_milestone(
        ui,
        "2019-05-04",
        "How we met",
        "At Mia's birthday, by the record player",
        "shared",
    );
    add_milestone(
        ui,
        "2021-09-01",
        "Moving in together",
        "Forty boxes and one plant",
        "shared",
    );
    add_milestone(ui, "2023-07-15", "Our week by the sea", "", "shared");
    ui.execute("document.querySelector('#timeline').scrollIntoView()");
    keep(ui, "timeline", mode);

    exchange_to_reveal(
        ui,
        [
            (
                "You cooked on my long Tuesday without being asked",
                "I felt someone had my back",
            ),
            (
                "You walked the dog in the rain so I could sleep",
                "It felt like a gift of time",
            ),
        ],
    );
    keep(ui, "appreciation", mode);
    press(ui, ESCAPE);
}

#[test]
#[ignore = "makes the README's pictures: make screenshots"]
fn screenshots_for_the_readme() {
    pictures("light", "Adwaita");
    pictures("dark", "Adwaita:dark");
}
