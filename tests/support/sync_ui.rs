//! The steps of pairing two laptops in the app, shared by the sync end-to-end tests: choosing the
//! shared folder in GTK's dialog, joining from the first screen with the code typed, and waiting
//! on a screen for what the other laptop sent.

use std::path::Path;
use std::time::{Duration, Instant};

use super::file_dialog::{self, Dialog};
use super::webdriver::Session;

const FOLDER_DIALOG: &str = "Choose the folder your sync tool shares between your laptops";

/// Presses `button` and chooses `folder` in the folder dialog it opens; waits until `shown` (the
/// line that names the chosen folder) names it.
pub fn choose_folder(ui: &Session, button: &str, shown: &str, folder: &Path) {
    ui.find(button).click();
    file_dialog::answer(ui, Dialog::Folder, FOLDER_DIALOG, folder);
    let name = folder
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or_default()
        .to_string();
    ui.wait_text(shown, |text| text.contains(&name));
}

/// From a new Hearth's first screen: "Join from your other laptop", the folder, the code typed as
/// a person might (lower case), the partner letter (`a` or `b`) and a passphrase of that partner's
/// own, through the new recovery code to the home screen.
/// Joins from the first screen; the recovery code the laptop showed.
pub fn join(ui: &Session, folder: &Path, code: &str, letter: &str, passphrase: &str) -> String {
    ui.find("#join-open").click();
    choose_folder(ui, "#join-choose", "#join-folder", folder);
    ui.find("#join-code").type_text(&code.to_lowercase());
    ui.find("#join-submit").click();
    ui.find(&format!("#join-as-{letter}")).click();
    ui.find("#join-pass").type_text(passphrase);
    ui.find("#join-confirm").type_text(passphrase);
    ui.find("#join-submit").click();
    let recovery = ui.wait_text("#recovery-code", |t| t.len() == 39);
    ui.find("#recovery-ack").click();
    ui.find("#recovery-next").click();
    ui.find("#nav-journal");
    recovery
}

/// Opens the screen behind `nav` again and again (each opening reads the vault afresh) until the
/// text of `css` there satisfies `check`, for up to 90 seconds; that text.
pub fn revisit_until(ui: &Session, nav: &str, css: &str, check: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        ui.find("#nav-home").click();
        ui.find(nav).click();
        std::thread::sleep(Duration::from_millis(500));
        let text = ui.try_find(css).map(|element| element.text());
        if let Some(found) = text.as_deref().filter(|found| check(found)) {
            return found.to_string();
        }
        assert!(
            Instant::now() < deadline,
            "{css} on {nav}: not within 90 s (last: {text:?})"
        );
    }
}

/// On the open Sync screen, presses "Sync now" until it says the other laptop was last heard
/// from, by its owner's name (as in "Alex's laptop"), for up to 90 seconds; that line.
pub fn sync_until_heard(ui: &Session, laptop: &str) -> String {
    let wanted = format!("Last heard from {laptop}");
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        ui.find("#sync-now").click();
        std::thread::sleep(Duration::from_millis(700));
        let text = ui.try_find(".peer .heard").map(|element| element.text());
        if let Some(found) = text.as_deref().filter(|found| found.starts_with(&wanted)) {
            return found.to_string();
        }
        assert!(
            Instant::now() < deadline,
            "{wanted:?}: not within 90 s (last: {text:?})"
        );
    }
}
