//! The Tauri shell. It only adapts: the window, app state, thin commands and the auto-lock timer.
//! All logic lives in `hearth-core`.

mod auto_lock;
mod commands;
mod error;
mod state;

use std::path::PathBuf;

use tauri::{Manager, Runtime};

pub use auto_lock::LOCKED_EVENT;
pub use error::CommandError;
pub use state::AppState;

/// Overrides where the vaults live (tests and portable installs); otherwise the platform's app data
/// folder is used.
pub const DATA_DIR_ENV: &str = "HEARTH_DATA_DIR";

/// The app, minus its runtime and context, so the IPC tests build exactly what ships. With no
/// `data_dir`, the vaults live in the platform's app data folder.
pub fn configure<R: Runtime>(
    builder: tauri::Builder<R>,
    data_dir: Option<PathBuf>,
) -> tauri::Builder<R> {
    let known_dir = data_dir.is_some();
    let builder = match data_dir {
        Some(dir) => builder.manage(AppState::new(dir)),
        None => builder,
    };
    builder
        .invoke_handler(commands::handler())
        .setup(move |app| {
            if !known_dir {
                app.manage(AppState::new(app.path().app_data_dir()?));
            }
            open_main_window(app)?;
            auto_lock::spawn(app.handle().clone());
            Ok(())
        })
}

/// Set by tauri-driver when WebDriver tests drive the app.
const AUTOMATION_ENV: &str = "TAURI_WEBVIEW_AUTOMATION";

/// Opens the window from its config. It is incognito (WebKit keeps nothing on disk), except under
/// WebDriver: wry cannot enable automation on an ephemeral context, so the end-to-end tests run
/// with a normal one and search it for leaked text instead.
fn open_main_window<R: Runtime>(app: &mut tauri::App<R>) -> tauri::Result<()> {
    let Some(config) = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == "main")
        .cloned()
    else {
        return Ok(());
    };
    let automated = std::env::var(AUTOMATION_ENV).as_deref() == Ok("true");
    tauri::WebviewWindowBuilder::from_config(app.handle(), &config)?
        .incognito(config.incognito && !automated)
        .build()?;
    Ok(())
}

pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}

pub fn run() {
    let data_dir = std::env::var_os(DATA_DIR_ENV).map(PathBuf::from);
    let app = configure(tauri::Builder::default(), data_dir).build(context());
    match app {
        Ok(app) => app.run(|_, _| {}),
        Err(error) => {
            eprintln!("Hearth could not start: {error}");
            std::process::exit(1);
        }
    }
}
