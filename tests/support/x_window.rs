//! An X server of each test's own (Xvfb), and its windows through xdotool: found by title, given
//! the keyboard focus as a window manager would, and typed into as a real keyboard types. A display
//! per test keeps the keyboard focus of one test's windows from being taken by another's, since the
//! tests of one file run side by side.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::webdriver::{CONTROL, ENTER};

/// A running Xvfb, stopped on drop.
pub struct Display {
    child: Child,
    /// Its name, for `DISPLAY` (":N").
    pub name: String,
}

impl Display {
    /// Starts Xvfb on a free display number, which it picks and tells on its standard output.
    pub fn start() -> Display {
        let mut child = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb (make test installs it)");
        let mut number = String::new();
        let stdout = child.stdout.take().expect("Xvfb's output");
        BufReader::new(stdout)
            .read_line(&mut number)
            .expect("Xvfb tells its display number");
        assert!(!number.trim().is_empty(), "Xvfb did not start");
        Display {
            child,
            name: format!(":{}", number.trim()),
        }
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Waits for a shown window titled exactly `title` on `display`; its X id.
pub fn wait_for(display: &str, title: &str) -> String {
    let name = format!("^{title}$");
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let found = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", &name])
            .env("DISPLAY", display)
            .output()
            .expect("xdotool (make test installs it)");
        let ids = String::from_utf8_lossy(&found.stdout);
        if let Some(id) = ids.lines().next() {
            return id.to_string();
        }
        assert!(
            Instant::now() < deadline,
            "no window titled {title:?} appeared"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Gives the keyboard focus to the window titled `title`, once it shows.
pub fn focus(display: &str, title: &str) {
    let window = wait_for(display, title);
    xdotool(display, &["windowfocus", "--sync", &window]);
    // GTK takes the focus a moment after the X server gives it.
    std::thread::sleep(Duration::from_millis(500));
}

/// Presses keys together through the X server: WebDriver's key names (`CONTROL`, `ENTER`) or
/// single characters.
pub fn press(display: &str, keys: &[&str]) {
    let names: Vec<String> = keys.iter().map(|key| key_name(key)).collect();
    xdotool(display, &["key", "--clearmodifiers", &names.join("+")]);
}

/// Types `text` through the X server; WebDriver's Enter in it presses Return.
pub fn type_text(display: &str, text: &str) {
    for (index, part) in text.split(ENTER).enumerate() {
        if index > 0 {
            xdotool(display, &["key", "--clearmodifiers", "Return"]);
        }
        if !part.is_empty() {
            xdotool(display, &["type", "--delay", "15", part]);
        }
    }
}

/// The X key name of a WebDriver key.
fn key_name(key: &str) -> String {
    match key {
        CONTROL => "ctrl".to_string(),
        ENTER => "Return".to_string(),
        other => other.to_string(),
    }
}

pub fn xdotool(display: &str, args: &[&str]) {
    let status = Command::new("xdotool")
        .args(args)
        .env("DISPLAY", display)
        .status()
        .expect("xdotool (make test installs it)");
    assert!(status.success(), "xdotool {args:?} failed");
}
