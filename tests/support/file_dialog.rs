//! Answers the system's file dialog as a person would, with the keyboard. The dialog is GTK's own
//! window, outside the webview, so WebDriver cannot reach it; xdotool types into it through the X
//! server (Xvfb here), which is what a real keyboard does.

use std::path::Path;
use std::time::Duration;

use super::webdriver::Session;
use super::x_window::{self, xdotool};

/// Which dialog is open: in a save dialog the file name field has the focus; an open dialog and
/// a folder dialog take a typed path after Ctrl+L.
pub enum Dialog {
    Save,
    Open,
    Folder,
}

/// Waits for the dialog titled `title` on the display of `ui`'s app, types `path` into it and presses Enter.
pub fn answer(ui: &Session, kind: Dialog, title: &str, path: &Path) {
    let display = ui.display();
    x_window::focus(display, title);
    let select = match kind {
        Dialog::Save => "ctrl+a",
        Dialog::Open | Dialog::Folder => "ctrl+l",
    };
    xdotool(display, &["key", "--clearmodifiers", select]);
    let path = path.to_str().expect("a UTF-8 path");
    xdotool(display, &["type", "--delay", "15", path]);
    std::thread::sleep(Duration::from_millis(300));
    if matches!(kind, Dialog::Folder) {
        // GTK completes a typed folder inline with the only folder inside it, selected (a sync
        // folder holding only HearthSync/<vault id>/ becomes that folder); Delete takes the
        // completion away, as a person would before pressing Enter.
        xdotool(display, &["key", "--clearmodifiers", "Delete"]);
    }
    xdotool(display, &["key", "--clearmodifiers", "Return"]);
}
