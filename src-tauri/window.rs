//! The one window: opened from its config, and closed for real when the person closes it, so that
//! no webview (and none of WebKit's processes) lives on while Hearth waits in the tray. The tray,
//! the reminder timer and the notifications need no webview. The tray, a notification or a second
//! launch opens the window again, at the lock screen unless the couple chose to stay unlocked.

use serde::Serialize;
use tauri::webview::NewWindowResponse;
use tauri::{
    AppHandle, Emitter, Manager, RunEvent, Runtime, Url, WebviewWindow, Window, WindowEvent,
};

use crate::state::AppState;

pub const MAIN: &str = "main";
/// Tells the UI to show the reminders (after unlocking, when locked).
pub const OPEN_REMINDERS_EVENT: &str = "open-reminders";
/// Set by tauri-driver when WebDriver tests drive the app.
const AUTOMATION_ENV: &str = "TAURI_WEBVIEW_AUTOMATION";
/// Marks that the "still running in the tray" notice was shown once.
const TRAY_NOTICE_MARKER: &str = "tray-notice-shown";

/// Opens the window from its config, shown and in front. With `reminder_ids`, the page opens at
/// `#reminders=<ids>` and goes to the reminders once unlocked (an event would reach no listener
/// yet). It is incognito (WebKit keeps nothing on disk), except under
/// WebDriver in a debug build: wry cannot enable automation on an ephemeral context, so the
/// end-to-end tests run with a normal one and search it for leaked text instead. A release build
/// ignores the variable. The webview may show only Hearth's own pages and opens no other window.
pub fn open<R: Runtime>(app: &AppHandle<R>, reminder_ids: Option<&[String]>) -> tauri::Result<()> {
    let Some(mut config) = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == MAIN)
        .cloned()
    else {
        return Ok(());
    };
    if let Some(ids) = reminder_ids {
        config.url = tauri::WebviewUrl::App(reminders_page(ids).into());
    }
    tauri::WebviewWindowBuilder::from_config(app, &config)?
        .incognito(config.incognito && !automated(std::env::var(AUTOMATION_ENV).ok()))
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

/// The page that opens at the reminders, about these ones. Only ids as Hearth makes them
/// (`rem-` and hex) go into the address.
fn reminders_page(reminder_ids: &[String]) -> String {
    let ids: Vec<&str> = reminder_ids
        .iter()
        .map(String::as_str)
        .filter(|id| id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .collect();
    format!("index.html#reminders={}", ids.join(","))
}

fn main_window<R: Runtime>(app: &AppHandle<R>) -> Option<WebviewWindow<R>> {
    app.get_webview_window(MAIN)
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct OpenReminders {
    reminder_ids: Vec<String>,
}

/// Shows the window in front, opening it again if it was closed; with `reminder_ids`, the UI goes
/// to the reminders once unlocked.
pub fn bring_forward<R: Runtime>(app: &AppHandle<R>, reminder_ids: Option<Vec<String>>) {
    let Some(window) = main_window(app) else {
        if open(app, reminder_ids.as_deref()).is_err() {
            eprintln!("Hearth: the window could not be opened");
        }
        return;
    };
    let _ = window.show();
    let _ = window.unminimize();
    let _ = window.set_focus();
    if let Some(reminder_ids) = reminder_ids {
        let _ = window.emit(OPEN_REMINDERS_EVENT, OpenReminders { reminder_ids });
    }
}

/// Closing the window leaves Hearth in the tray (see `keep_running`), and locks it unless the
/// couple turned that off; reminders keep coming while locked. The window and its webview are gone,
/// so nothing of the UI's state survives it. The first time, a notification says where Hearth went.
pub fn close_to_tray<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    match event {
        WindowEvent::CloseRequested { .. } => {}
        WindowEvent::Destroyed => return return_freed_memory(),
        _ => return,
    }
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

/// Once the window is gone, hands the heap its webview freed back to the system, a moment later,
/// when GTK has let go of it too. glibc keeps freed memory for reuse otherwise, and Hearth may wait
/// in the tray for days.
fn return_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    std::thread::spawn(|| {
        std::thread::sleep(std::time::Duration::from_secs(2));
        // SAFETY: malloc_trim only releases free pages of the heap; no live allocation is touched.
        unsafe { libc::malloc_trim(0) };
    });
}

/// The last window closing would end the app; Hearth stays in the tray instead. Only Quit (an exit
/// with a code) ends it.
pub fn keep_running<R: Runtime>(app: &AppHandle<R>, event: RunEvent) {
    match event {
        RunEvent::ExitRequested {
            code: None, api, ..
        } => api.prevent_exit(),
        // Quitting locks first: the keys are wiped, and the vault's background checks are
        // stopped and waited for. A check still closing its connection while the process ran
        // SQLCipher's exit handler crashed Hearth on the way out (a test binary showed it).
        RunEvent::Exit => {
            if let Ok(mut vault) = app.state::<AppState>().vault() {
                vault.lock();
            };
        }
        _ => {}
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
    fn only_hearths_own_reminder_ids_go_into_the_address() {
        let ids = [
            "rem-00ff".to_string(),
            "x\"><script>".to_string(),
            "rem-1a".to_string(),
        ];
        assert_eq!(reminders_page(&ids), "index.html#reminders=rem-00ff,rem-1a");
        assert_eq!(reminders_page(&[]), "index.html#reminders=");
    }

    #[test]
    fn the_automation_variable_counts_only_in_debug_builds() {
        assert_eq!(automated(Some("true".into())), cfg!(debug_assertions));
        assert!(!automated(Some("1".into())));
        assert!(!automated(None));
    }
}
