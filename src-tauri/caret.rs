//! A steady text caret. WebKitGTK blinks a focused field's caret by GTK's `gtk-cursor-blink` and
//! `gtk-cursor-blink-time` settings, and ignores GTK's blink timeout, so a field left focused (the
//! lock screen's passphrase, setup's first field, an open editor) repainted for as long as Hearth was
//! open: on the setup screen under Xvfb, 1,000–1,360 ms of CPU per 15 s.
//!
//! Turning blinking off is not enough: WebKitGTK 2.50 then repaints the caret of a field someone has
//! typed into at every frame, 60 times a second, until the field loses focus (measured in an open
//! editor: about 400 ms of CPU per 10 s, the web process's main thread and the UI process's
//! VBlankMonitor waking 60 times a second; a field focused but not typed into stayed quiet). So the
//! caret blinks, with the longest period GTK allows: it shows at once, stays on for weeks, and
//! costs nothing in between. Focus, the focus ring and screen readers are untouched.

/// The longest blink period GTK accepts (milliseconds): about 25 days, so the caret stays shown.
#[cfg(target_os = "linux")]
const BLINK_PERIOD_MS: i32 = i32::MAX;

/// Sets the caret's blink for this process; WebKit passes GTK's settings on to its web processes.
#[cfg(target_os = "linux")]
pub fn keep_steady() {
    use gtk::prelude::*;
    if let Some(settings) = gtk::Settings::default() {
        settings.set_gtk_cursor_blink(true);
        settings.set_gtk_cursor_blink_time(BLINK_PERIOD_MS);
    }
}

/// Other systems draw the caret their own way.
#[cfg(not(target_os = "linux"))]
pub fn keep_steady() {}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use gtk::prelude::*;

    // Needs a display (make test runs under Xvfb); without one there is no GTK to ask.
    #[test]
    fn the_caret_shows_steadily_for_the_whole_process() {
        if gtk::init().is_err() {
            eprintln!("no display: skipped");
            return;
        }
        if let Some(settings) = gtk::Settings::default() {
            settings.set_gtk_cursor_blink_time(1200);
        }
        super::keep_steady();
        let settings = gtk::Settings::default();
        assert!(settings.is_some_and(
            |s| s.is_gtk_cursor_blink() && s.gtk_cursor_blink_time() == super::BLINK_PERIOD_MS
        ));
    }
}
