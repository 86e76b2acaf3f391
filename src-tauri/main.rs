//! Hearth's entry point; everything else is in the library so the IPC tests can build the same app.

// Keeps a console window from opening next to Hearth on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    hearth_lib::run();
}
