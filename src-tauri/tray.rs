//! The tray icon keeps Hearth reachable while its window is closed: Open, the next reminder, Lock,
//! Pause reminders today, Quit. It shows only times, never a title, since it is visible while locked.

use std::sync::Mutex;

use chrono::{DateTime, Local, Utc};
use hearth_core::reminders::local_day::end_of_day;
use tauri::image::Image;
use tauri::menu::{Menu, MenuEvent, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::state::AppState;

/// A panel shows the icon at 16 to 48 pixels. On Linux the tray writes it out as a PNG file for the
/// panel to read, at start-up: the window's 512-pixel icon took 6 ms of a cold start to encode.
const TRAY_ICON: Image<'static> = tauri::include_image!("icons/64x64.png");

/// The two items whose words change with the reminders.
struct TrayItems<R: Runtime> {
    next: MenuItem<R>,
    pause: MenuItem<R>,
    shown: Mutex<(String, bool)>,
}

pub fn create<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let open = MenuItem::with_id(app, "open", "Open Hearth", true, None::<&str>)?;
    let next = MenuItem::with_id(app, "next", NO_NEXT, true, None::<&str>)?;
    let lock = MenuItem::with_id(app, "lock", "Lock", true, None::<&str>)?;
    let pause = MenuItem::with_id(app, "pause", PAUSE, true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", "Quit Hearth", true, None::<&str>)?;
    let menu = Menu::with_items(
        app,
        &[
            &open,
            &next,
            &PredefinedMenuItem::separator(app)?,
            &lock,
            &pause,
            &PredefinedMenuItem::separator(app)?,
            &quit,
        ],
    )?;
    TrayIconBuilder::with_id("hearth")
        .icon(TRAY_ICON)
        .tooltip("Hearth")
        .menu(&menu)
        .show_menu_on_left_click(true)
        .on_menu_event(on_menu_event)
        .build(app)?;
    app.manage(TrayItems {
        next,
        pause,
        shown: Mutex::new((String::new(), false)),
    });
    Ok(())
}

/// Told to the window when the tray changed the reminders behind its back.
pub const REMINDERS_CHANGED_EVENT: &str = "reminders-changed";

const NO_NEXT: &str = "No reminder coming up";
const PAUSE: &str = "Pause reminders today";
const RESUME: &str = "Resume reminders";

/// Updates the tray's words when they change (the timer calls this after each look at the clock).
pub fn show_status<R: Runtime>(app: &AppHandle<R>, next: Option<DateTime<Utc>>, paused: bool) {
    let Some(items) = app.try_state::<TrayItems<R>>() else {
        return;
    };
    let label = next.map_or_else(
        || NO_NEXT.to_string(),
        |at| {
            format!(
                "Next: {}",
                at.with_timezone(&Local).format("%a %-d %b, %H:%M")
            )
        },
    );
    let Ok(mut shown) = items.shown.lock() else {
        return;
    };
    if *shown != (label.clone(), paused) {
        let _ = items.next.set_text(&label);
        let _ = items.pause.set_text(if paused { RESUME } else { PAUSE });
        *shown = (label, paused);
    }
}

fn on_menu_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    match event.id().as_ref() {
        "open" => crate::window::bring_forward(app, None),
        "next" => crate::window::bring_forward(app, Some(Vec::new())),
        // Off the main thread: locking may wait for a vault job (a backup, say), and the window
        // must keep answering meanwhile.
        action @ ("lock" | "pause" | "quit") => {
            let (app, action) = (app.clone(), action.to_string());
            tauri::async_runtime::spawn_blocking(move || on_vault_action(&app, &action));
        }
        _ => {}
    }
}

fn on_vault_action<R: Runtime>(app: &AppHandle<R>, action: &str) {
    let state = app.state::<AppState>();
    match action {
        "lock" if state.lock().is_ok() => {
            let _ = app.emit(crate::LOCKED_EVENT, ());
        }
        "pause" => {
            let changed = state.change_reminders(|live| {
                let now = Utc::now();
                if live.paused(now) {
                    live.resume()
                } else {
                    live.pause_until(end_of_day(now, &Local))
                }
            });
            // An open Reminders screen shows the pause at once, not at its next visit.
            if changed.is_ok() {
                let _ = app.emit(REMINDERS_CHANGED_EVENT, ());
            }
        }
        "quit" => {
            let _ = state.lock();
            app.exit(0);
        }
        _ => {}
    }
}
