//! End to end, in the real app and real WebKit: a together-time reminder made through the editor,
//! with its preview of the next five dates; the wake list on disk carries the discreet text but not
//! the title; pausing takes it out of the wake list.

mod support;

use support::{set_up_couple, Harness, PASS_A, PASS_B};

#[test]
fn a_reminder_made_in_the_editor_reaches_the_wake_list_without_its_title() {
    let harness = Harness::start();
    let ui = harness.open();
    set_up_couple(&ui, ["Sam", "Alex"], [PASS_A, PASS_B]);

    ui.find("#nav-reminders").click();
    ui.find("#new-reminder").click();
    ui.find("#rem-title").type_text("Sunday walk, just us");
    ui.wait_script(
        "return document.querySelectorAll('#rem-preview li').length",
        5.into(),
    );
    let rule = ui.execute("return document.querySelector('#rem-rule').value");
    assert_eq!(rule, "FREQ=WEEKLY;BYDAY=SU");
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
    ui.close();
}
