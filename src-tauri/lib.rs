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

/// The app, minus its runtime and context, so the IPC tests build exactly what ships.
pub fn configure<R: Runtime>(
    builder: tauri::Builder<R>,
    data_dir: Option<PathBuf>,
) -> tauri::Builder<R> {
    builder
        .invoke_handler(commands::handler())
        .setup(move |app| {
            let dir = match data_dir {
                Some(dir) => dir,
                None => match std::env::var_os(DATA_DIR_ENV) {
                    Some(dir) => PathBuf::from(dir),
                    None => app.path().app_data_dir()?,
                },
            };
            app.manage(AppState::new(dir));
            auto_lock::spawn(app.handle().clone());
            Ok(())
        })
}

pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}

pub fn run() {
    let app = configure(tauri::Builder::default(), None).build(context());
    match app {
        Ok(app) => app.run(|_, _| {}),
        Err(error) => {
            eprintln!("Hearth could not start: {error}");
            std::process::exit(1);
        }
    }
}
