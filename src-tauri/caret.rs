//! A steady text caret. WebKitGTK blinks a focused field's caret by GTK's `gtk-cursor-blink`
//! setting, and ignores GTK's blink timeout, so a field left focused (the lock screen's passphrase,
//! setup's first field, an open editor) repainted for as long as Hearth was open. On the setup
//! screen under Xvfb, Hearth and its WebKit processes used 1,000–1,360 ms of CPU per 15 s with the
//! caret blinking, and 60–680 ms with it steady. The caret stays visible, and focus, the focus ring
//! and screen readers are untouched; it only stops blinking.

/// Turns blinking off for this process; WebKit passes GTK's settings on to its web processes.
#[cfg(target_os = "linux")]
pub fn keep_steady() {
    use gtk::prelude::*;
    if let Some(settings) = gtk::Settings::default() {
        settings.set_gtk_cursor_blink(false);
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
    fn the_caret_stops_blinking_for_the_whole_process() {
        if gtk::init().is_err() {
            eprintln!("no display: skipped");
            return;
        }
        if let Some(settings) = gtk::Settings::default() {
            settings.set_gtk_cursor_blink(true);
        }
        super::keep_steady();
        let settings = gtk::Settings::default();
        assert!(settings.is_some_and(|s| !s.is_gtk_cursor_blink()));
    }
}
