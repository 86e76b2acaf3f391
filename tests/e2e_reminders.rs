//! End to end, in the real app and real WebKit: a together-time reminder made through the editor,
//! with its preview of the next five dates; the wake list on disk carries the discreet text but not
//! the title; pausing takes it out of the wake list. The monthly picker writes the rule; a
//! together-time that has begun can be marked kept, and only kept ones are counted. Start at login
//! is off until turned on, and then writes the autostart entry. The .ics export goes through the
//! system's save dialog and carries no title.

mod support;

use support::file_dialog::{self, Dialog};
use support::{sam_and_alex, Harness};

#[test]
fn a_reminder_made_in_the_editor_reaches_the_wake_list_without_its_title() {
    let harness = Harness::start();
    let ui = sam_and_alex(&harness);

    ui.find("#nav-reminders").click();
    ui.find("#new-reminder").click();
    ui.find("#rem-title").type_text("Sunday walk, just us");
    ui.wait_script(
        "return document.querySelectorAll('#rem-preview li').length",
        5.into(),
    );
    let rule = ui.execute("return document.querySelector('#rem-rule').value");
    assert_eq!(rule, "FREQ=WEEKLY;BYDAY=SU");
    // The core's default words, served by the status, are the editor's placeholder.
    let placeholder = ui.execute("return document.querySelector('#rem-text').placeholder");
    assert_eq!(placeholder, "Time for the two of you");
    ui.screenshot("20-reminder-editor");
    ui.find("#rem-save").click();
    let card = ui.wait_text("#reminder-list .prompt", |t| {
        t.contains("Sunday walk") && t.contains("Next:")
    });
    assert!(card.contains("Time for the two of you"), "{card}");

    let wake_path = harness.data_dir().join("wake-list.json");
    let wake = std::fs::read_to_string(&wake_path).unwrap();
    assert!(wake.contains("Time for the two of you"), "{wake}");
    assert!(
        !wake.contains("Sunday walk"),
        "the title stays in the vault"
    );

    let id = ui.execute("return document.querySelector('#reminder-list .prompt').dataset.reminder");
    let id = id.as_str().unwrap().to_string();
    ui.find(&format!("#pause-{id}")).click();
    ui.wait_text("#reminder-list .prompt", |t| t.contains("paused"));
    let wake = std::fs::read_to_string(&wake_path).unwrap();
    assert!(
        !wake.contains(&id),
        "a paused reminder leaves the wake list"
    );

    // The monthly picker: the last Friday of each month.
    ui.find("#new-reminder").click();
    ui.execute(
        "const kind = document.querySelector('#rem-kind'); kind.value = 'monthly_date';
         kind.dispatchEvent(new Event('change'));",
    );
    ui.wait_script(
        "return document.querySelector('#rem-monthly').hidden",
        false.into(),
    );
    ui.execute(
        "document.querySelector('#rem-ordinal').value = '-1';
         document.querySelector('#rem-weekday').value = 'FR';
         document.querySelector('#rem-weekday').dispatchEvent(new Event('change', { bubbles: true }));",
    );
    ui.wait_script(
        "return document.querySelector('#rem-rule').value",
        "FREQ=MONTHLY;BYDAY=-1FR".into(),
    );
    ui.wait_script(
        "return [...document.querySelectorAll('#rem-preview li')].every(li => li.textContent.startsWith('Friday'))
            && document.querySelectorAll('#rem-preview li').length === 5",
        true.into(),
    );

    // A weekly together-time that began an hour ago (in UTC), marked kept.
    let began = chrono::Utc::now() - chrono::Duration::hours(1);
    ui.find("#rem-title").type_text("Coffee before work");
    ui.execute(&format!(
        "const kind = document.querySelector('#rem-kind'); kind.value = 'weekly_slot';
         document.querySelector('#rem-zone').value = 'UTC';
         const start = document.querySelector('#rem-start'); start.value = '{}';
         start.dispatchEvent(new Event('change'));",
        began.format("%Y-%m-%dT%H:%M")
    ));
    ui.wait_script(
        "return document.querySelector('#rem-rule').value.startsWith('FREQ=WEEKLY;BYDAY=')",
        true.into(),
    );
    ui.find("#rem-save").click();
    ui.wait_text("#together-times", |t| t.contains("Coffee before work"));
    ui.find("#together-times [data-mark$=':kept']").click();
    ui.wait_text("#kept-count", |t| t.contains("kept this month: 1"));
    let pressed = ui
        .find("#together-times [data-mark$=':kept']")
        .attribute("aria-pressed");
    assert_eq!(pressed.as_deref(), Some("true"));
    ui.screenshot("22-together-time-kept");

    // The .ics export through the system's save dialog: the active together-time is in it with
    // its rule and the discreet text, never its title.
    let ics_path = harness.home.path().join("calendar").join("ours.ics");
    std::fs::create_dir_all(ics_path.parent().unwrap()).unwrap();
    ui.find("#export-ics").click();
    file_dialog::answer(
        &ui,
        Dialog::Save,
        "Save the together-times for a calendar",
        &ics_path,
    );
    ui.wait_text("#export-status", |t| t.starts_with("Saved to"));
    let ics = std::fs::read_to_string(&ics_path).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR"), "{ics}");
    assert!(ics.contains("RRULE:FREQ=WEEKLY;BYDAY="), "{ics}");
    assert!(ics.contains("SUMMARY:Time for the two of you"), "{ics}");
    assert!(
        !ics.contains("Coffee before work") && !ics.contains("Sunday walk"),
        "{ics}"
    );

    // Start at login: off by default; on writes the autostart entry, off removes it.
    ui.find("#nav-settings").click();
    // auto-launch writes ~/.config/autostart/<product name>.desktop.
    let autostart = harness.home.path().join(".config/autostart/Hearth.desktop");
    ui.wait_script(
        "const box = document.querySelector('#autostart'); return box && !box.disabled && !box.checked",
        true.into(),
    );
    assert!(!autostart.exists(), "off by default");
    ui.find("#autostart").click();
    ui.wait_text("#autostart-status", |t| t.contains("will start"));
    let entry = std::fs::read_to_string(&autostart).unwrap();
    assert!(entry.contains("--hidden"), "{entry}");
    ui.find("#autostart").click();
    ui.wait_text("#autostart-status", |t| t.contains("will not start"));
    assert!(!autostart.exists());
    ui.close();
}
