//! The Tauri shell. It only adapts: the window, the tray, app state, thin commands, and the two
//! timers (auto-lock and reminders). All logic lives in `hearth-core`.

mod caret;
mod cli;
mod commands;
mod error;
mod housekeeping;
mod notifier;
mod reminder_timer;
mod session_watch;
mod state;
mod sync_passes;
mod sync_watch;
mod tray;
mod window;

use std::path::PathBuf;

use tauri::{Manager, Runtime};

pub use error::CommandError;
pub use housekeeping::{DAMAGED_EVENT, LOCKED_EVENT};
pub use state::AppState;
pub use sync_passes::PassCounts;
pub use window::OPEN_REMINDERS_EVENT;

/// Overrides where the vaults live (tests and portable installs); otherwise the platform's app data
/// folder is used.
pub const DATA_DIR_ENV: &str = "HEARTH_DATA_DIR";

/// The app's commands, state, window and auto-lock, minus its runtime and context, so the IPC tests
/// build exactly what ships. With no `data_dir`, the vaults live in the platform's app data folder.
pub fn configure<R: Runtime>(
    builder: tauri::Builder<R>,
    data_dir: Option<PathBuf>,
) -> tauri::Builder<R> {
    build(builder, data_dir, Shell::Commands)
}

/// What a build of the app runs in.
enum Shell {
    /// Commands only, as the IPC tests drive them.
    Commands,
    /// A real session, which adds the tray, close-to-tray and the reminder timer; `hidden` starts
    /// in the tray without a window (and so without a webview).
    Desktop { hidden: bool },
}

fn build<R: Runtime>(
    builder: tauri::Builder<R>,
    data_dir: Option<PathBuf>,
    shell: Shell,
) -> tauri::Builder<R> {
    let (desktop, hidden) = match shell {
        Shell::Commands => (false, false),
        Shell::Desktop { hidden } => (true, hidden),
    };
    let known_dir = data_dir.is_some();
    let builder = match data_dir {
        Some(dir) => builder.manage(AppState::new(dir)),
        None => builder,
    };
    let builder = if desktop {
        builder.on_window_event(window::close_to_tray)
    } else {
        builder
    };
    builder
        .invoke_handler(commands::handler())
        .setup(move |app| {
            if !known_dir {
                app.manage(AppState::new(app.path().app_data_dir()?));
            }
            if desktop {
                // Before the webview exists, so its web process starts with a steady caret.
                caret::keep_steady();
            }
            if !hidden {
                window::open(app.handle(), None)?;
            }
            housekeeping::spawn(app.handle().clone());
            if desktop {
                tray::create(app.handle())?;
                reminder_timer::spawn(app.handle().clone());
                session_watch::spawn(app.handle().clone());
            }
            Ok(())
        })
}

pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}

pub fn run() {
    let hidden = match cli::parse(std::env::args_os().skip(1)) {
        cli::Launch::App { hidden } => hidden,
        cli::Launch::Answer(text) => {
            print!("{text}");
            return;
        }
        cli::Launch::Refuse(text) => {
            eprint!("{text}");
            std::process::exit(2);
        }
    };
    hearth_core::memory::keep_out_of_core_dumps();
    let data_dir = std::env::var_os(DATA_DIR_ENV).map(PathBuf::from);
    let builder = tauri::Builder::default()
        .plugin(single_instance(data_dir.as_deref()))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            Some(vec![cli::HIDDEN_ARG]),
        ));
    // Linux shows notifications over zbus itself (notifier.rs).
    #[cfg(not(target_os = "linux"))]
    let builder = builder.plugin(tauri_plugin_notification::init());
    match build(builder, data_dir, Shell::Desktop { hidden }).build(context()) {
        Ok(app) => app.run(window::keep_running),
        Err(error) if handover_failed(&error) && std::env::var_os(RELAUNCHED_ENV).is_none() => {
            relaunch()
        }
        Err(error) => {
            eprintln!("Hearth could not start: {error}");
            std::process::exit(1);
        }
    }
}

/// Set on a Hearth that started itself again, so that it tries only once.
const RELAUNCHED_ENV: &str = "HEARTH_RELAUNCHED";

/// A launch that found the Hearth of this data folder just as it was quitting: the handover to it
/// had no one left to answer. A moment later the folder is free.
fn handover_failed(error: &tauri::Error) -> bool {
    error.to_string().contains("single-instance")
}

/// Starts this Hearth again, once, after the quitting one has had a moment to go.
fn relaunch() -> ! {
    std::thread::sleep(std::time::Duration::from_secs(1));
    let error = match std::env::current_exe() {
        Ok(exe) => start_again(exe),
        Err(error) => error,
    };
    eprintln!("Hearth could not start: {error}");
    std::process::exit(1);
}

/// Replaces this process with a new run of `exe` (so whoever launched Hearth still holds the same
/// process); returns only if that fails.
#[cfg(unix)]
fn start_again(exe: PathBuf) -> std::io::Error {
    use std::os::unix::process::CommandExt;
    std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env(RELAUNCHED_ENV, "1")
        .exec()
}

#[cfg(not(unix))]
fn start_again(exe: PathBuf) -> std::io::Error {
    let started = std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env(RELAUNCHED_ENV, "1")
        .spawn();
    match started {
        Ok(_) => std::process::exit(0),
        Err(error) => error,
    }
}

/// One Hearth per data folder: a second launch brings the first forward and exits. A data folder of
/// its own (`HEARTH_DATA_DIR`, as in the tests) is a separate Hearth, so it gets its own D-Bus name.
fn single_instance<R: Runtime>(
    data_dir: Option<&std::path::Path>,
) -> tauri::plugin::TauriPlugin<R> {
    let builder = tauri_plugin_single_instance::Builder::new()
        .callback(|app, _args, _cwd| window::bring_forward(app, None));
    match data_dir {
        Some(dir) => builder.dbus_id(instance_name(dir)).build(),
        None => builder.build(),
    }
}

/// Every command the shell declares, from the one list in `commands/names.rs`.
pub fn command_names() -> impl Iterator<Item = &'static str> {
    commands::names::COMMAND_GROUPS
        .iter()
        .flat_map(|(_, names)| names.iter().copied())
}

/// The D-Bus name a Hearth with its own data folder holds while it runs.
pub fn instance_name(data_dir: &std::path::Path) -> String {
    format!(
        "app.hearth.desktop.d{:016x}",
        fnv1a(data_dir.as_os_str().as_encoded_bytes())
    )
}

/// A stable 64-bit hash (FNV-1a) for naming, not for security.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
