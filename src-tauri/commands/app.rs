//! The UI telling the shell how it is doing. Its first screen is on show: one line on the standard
//! error, which `make bench` reads as the end of a cold start or of a reopening from the tray.

/// Said once per page, after the first screen has rendered.
pub const FIRST_SCREEN_LINE: &str = "Hearth: first screen shown";

#[tauri::command]
pub async fn first_screen_shown() {
    eprintln!("{FIRST_SCREEN_LINE}");
}
