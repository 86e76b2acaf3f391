//! The one window: opened from its config, hidden (not closed) when the person closes it so
//! reminders keep coming, and brought forward by the tray, a notification or a second launch.

use serde::Serialize;
use tauri::webview::NewWindowResponse;
use tauri::{AppHandle, Emitter, Manager, Runtime, Url, WebviewWindow, Window, WindowEvent};

use crate::state::AppState;

pub const MAIN: &str = "main";
/// Tells the UI to show the reminders (after unlocking, when locked).
pub const OPEN_REMINDERS_EVENT: &str = "open-reminders";
/// Set by tauri-driver when WebDriver tests drive the app.
const AUTOMATION_ENV: &str = "TAURI_WEBVIEW_AUTOMATION";
/// Marks that the "still running in the tray" notice was shown once.
const TRAY_NOTICE_MARKER: &str = "tray-notice-shown";

/// Opens the window from its config. It is incognito (WebKit keeps nothing on disk), except under
/// WebDriver in a debug build: wry cannot enable automation on an ephemeral context, so the
/// end-to-end tests run with a normal one and search it for leaked text instead. A release build
/// ignores the variable. The webview may show only Hearth's own pages and opens no other window.
pub fn open<R: Runtime>(app: &tauri::App<R>, visible: bool) -> tauri::Result<()> {
    let Some(config) = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == MAIN)
        .cloned()
    else {
        return Ok(());
    };
    tauri::WebviewWindowBuilder::from_config(app.handle(), &config)?
        .incognito(config.incognito && !automated(std::env::var(AUTOMATION_ENV).ok()))
        .visible(visible && config.visible)
        .on_navigation(is_own_page)
        .on_new_window(|_, _| NewWindowResponse::Deny)
        .build()?;
    Ok(())
}

/// Whether WebDriver drives this Hearth, given `TAURI_WEBVIEW_AUTOMATION`: only ever in a debug
/// build, so nobody can turn off the incognito webview of an installed Hearth from outside.
fn automated(variable: Option<String>) -> bool {
    cfg!(debug_assertions) && variable.as_deref() == Some("true")
}

/// Hearth's own pages, as each platform serves them: `tauri://localhost` (Linux, macOS) or
/// `http(s)://tauri.localhost` (Windows). Any other navigation is refused.
fn is_own_page(url: &Url) -> bool {
    match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    }
}

fn main_window<R: Runtime>(app: &AppHandle<R>) -> Option<WebviewWindow<R>> {
    app.get_webview_window(MAIN)
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct OpenReminders {
    reminder_ids: Vec<String>,
}

/// Shows the window in front; with `reminder_ids`, the UI goes to the reminders once unlocked.
pub fn bring_forward<R: Runtime>(app: &AppHandle<R>, reminder_ids: Option<Vec<String>>) {
    if let Some(window) = main_window(app) {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
        if let Some(reminder_ids) = reminder_ids {
            let _ = window.emit(OPEN_REMINDERS_EVENT, OpenReminders { reminder_ids });
        }
    }
}

/// Closing hides Hearth to the tray, and locks it unless the couple turned that off; reminders keep
/// coming while locked. The UI hears `vault-locked` while hidden, so the lock screen is what it
/// paints when it is shown again. The first time, a notification says where Hearth went.
pub fn hide_on_close<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else {
        return;
    };
    api.prevent_close();
    let _ = window.hide();
    let app = window.app_handle();
    // Off the main thread: the vault may be busy with an unlock for a moment.
    let handle = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let state = handle.state::<AppState>();
        if state.locks_on_close() && state.lock().is_ok() {
            let _ = handle.emit(crate::housekeeping::LOCKED_EVENT, ());
        }
    });
    let marker = app.state::<AppState>().data_dir().join(TRAY_NOTICE_MARKER);
    if hearth_core::files::create_new(&marker).is_ok() {
        let _ = crate::notifier::show(
            app,
            "Hearth is still running",
            "It waits in the tray so your reminders can reach you. Quit it from the tray menu.",
            &[],
            &[],
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_hearths_own_pages_may_load() {
        for own in [
            "tauri://localhost/",
            "tauri://localhost/index.html#journal",
            "https://tauri.localhost/index.html",
        ] {
            assert!(is_own_page(&Url::parse(own).unwrap()), "{own}");
        }
        for other in [
            "https://example.com/",
            "http://localhost:1430/",
            "tauri://evil.example/",
            "file:///etc/passwd",
            "data:text/html,hi",
            "about:blank",
            "https://tauri.localhost.example.com/",
        ] {
            assert!(!is_own_page(&Url::parse(other).unwrap()), "{other}");
        }
    }

    #[test]
    fn the_automation_variable_counts_only_in_debug_builds() {
        assert_eq!(automated(Some("true".into())), cfg!(debug_assertions));
        assert!(!automated(Some("1".into())));
        assert!(!automated(None));
    }
}
