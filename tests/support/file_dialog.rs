//! Answers the system's file dialog as a person would, with the keyboard. The dialog is GTK's own
//! window, outside the webview, so WebDriver cannot reach it; xdotool types into it through the X
//! server (Xvfb here), which is what a real keyboard does.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// Which dialog is open: in a save dialog the file name field has the focus; an open dialog takes
/// a typed path after Ctrl+L.
pub enum Dialog {
    Save,
    Open,
}

/// Waits for the dialog titled `title`, types `path` into it and presses Enter.
pub fn answer(kind: Dialog, title: &str, path: &Path) {
    let window = wait_for_window(title);
    xdotool(&["windowfocus", "--sync", &window]);
    // The dialog gets its keyboard focus a moment after it maps.
    std::thread::sleep(Duration::from_millis(500));
    let select = match kind {
        Dialog::Save => "ctrl+a",
        Dialog::Open => "ctrl+l",
    };
    xdotool(&["key", "--clearmodifiers", select]);
    let path = path.to_str().expect("a UTF-8 path");
    xdotool(&["type", "--delay", "15", path]);
    std::thread::sleep(Duration::from_millis(300));
    xdotool(&["key", "--clearmodifiers", "Return"]);
}

fn wait_for_window(title: &str) -> String {
    let name = format!("^{title}$");
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let found = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", &name])
            .output()
            .expect("xdotool (make test installs it)");
        let ids = String::from_utf8_lossy(&found.stdout);
        if let Some(id) = ids.lines().next() {
            return id.to_string();
        }
        assert!(
            Instant::now() < deadline,
            "no dialog titled {title:?} appeared"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn xdotool(args: &[&str]) {
    let status = Command::new("xdotool")
        .args(args)
        .status()
        .expect("xdotool (make test installs it)");
    assert!(status.success(), "xdotool {args:?} failed");
}
