//! Locking when the person walks away, as the desktop tells it (Linux):
//!
//! - before the system sleeps: logind's `PrepareForSleep(true)` on the system bus. Hearth holds a
//!   "delay" sleep inhibitor while it runs, so the system waits (up to logind's `InhibitDelayMaxSec`)
//!   until the keys are wiped; then it lets go, and takes a new one after resume;
//! - when the desktop session locks: logind's `Lock` signal on this login session;
//! - when the screen saver comes on: `ActiveChanged(true)` from the freedesktop or GNOME
//!   ScreenSaver on the session bus.
//!
//! Each watch has a thread of its own. A bus or service that is not there only means that watch
//! does nothing: auto-lock and lock-on-close still work.

use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::state::AppState;

/// Starts the watches that this platform has.
pub fn spawn<R: Runtime>(app: AppHandle<R>) {
    #[cfg(target_os = "linux")]
    linux::spawn(app);
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}

/// Locks if unlocked, and tells the UI, which paints the lock screen. (Only Linux has watches
/// yet; the other systems' come with their native adapters.)
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn lock_now<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    if state.is_unlocked() && state.lock().is_ok() {
        let _ = app.emit(crate::housekeeping::LOCKED_EVENT, ());
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use tauri::{AppHandle, Runtime};
    use zbus::blocking::{Connection, MessageIterator, Proxy};
    use zbus::message::Type;
    use zbus::zvariant::{OwnedFd, OwnedObjectPath};
    use zbus::MatchRule;

    const LOGIN1: &str = "org.freedesktop.login1";
    const LOGIN1_PATH: &str = "/org/freedesktop/login1";
    const MANAGER: &str = "org.freedesktop.login1.Manager";
    const SCREEN_SAVERS: [&str; 2] = ["org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver"];

    /// One watch: it runs until its bus goes away.
    type Watch<R> = fn(&AppHandle<R>) -> zbus::Result<()>;

    pub fn spawn<R: Runtime>(app: AppHandle<R>) {
        let watches: [(&str, Watch<R>); 3] = [
            ("sleep-watch", watch_sleep),
            ("session-lock-watch", watch_session_lock),
            ("screensaver-watch", watch_screen_saver),
        ];
        for (name, watch) in watches {
            let app = app.clone();
            let _ = std::thread::Builder::new()
                .name(name.into())
                .spawn(move || watch(&app));
        }
    }

    fn manager(bus: &Connection) -> zbus::Result<Proxy<'static>> {
        Proxy::new(bus, LOGIN1, LOGIN1_PATH, MANAGER)
    }

    /// The inhibitor lasts as long as the returned file descriptor is open.
    fn inhibit(manager: &Proxy<'_>) -> zbus::Result<OwnedFd> {
        manager.call(
            "Inhibit",
            &(
                "sleep",
                "Hearth",
                "Locking the private spaces before sleep",
                "delay",
            ),
        )
    }

    fn watch_sleep<R: Runtime>(app: &AppHandle<R>) -> zbus::Result<()> {
        let bus = Connection::system()?;
        let manager = manager(&bus)?;
        // Listen first, so no signal falls between taking the inhibitor and listening.
        let signals = manager.receive_signal("PrepareForSleep")?;
        let mut inhibitor = Some(inhibit(&manager)?);
        for signal in signals {
            let going_to_sleep: bool = signal.body().deserialize()?;
            if going_to_sleep {
                super::lock_now(app);
                // Closing the descriptor tells logind the lock is done.
                drop(inhibitor.take());
            } else if inhibitor.is_none() {
                inhibitor = inhibit(&manager).ok();
            }
        }
        Ok(())
    }

    fn watch_session_lock<R: Runtime>(app: &AppHandle<R>) -> zbus::Result<()> {
        let bus = Connection::system()?;
        let manager = manager(&bus)?;
        let path: OwnedObjectPath = match std::env::var("XDG_SESSION_ID") {
            Ok(id) => manager.call("GetSession", &(id,))?,
            Err(_) => manager.call("GetSessionByPID", &(std::process::id(),))?,
        };
        let session = Proxy::new(&bus, LOGIN1, path, "org.freedesktop.login1.Session")?;
        for _ in session.receive_signal("Lock")? {
            super::lock_now(app);
        }
        Ok(())
    }

    fn watch_screen_saver<R: Runtime>(app: &AppHandle<R>) -> zbus::Result<()> {
        let bus = Connection::session()?;
        let rule = MatchRule::builder()
            .msg_type(Type::Signal)
            .member("ActiveChanged")?
            .build();
        for message in MessageIterator::for_match_rule(rule, &bus, None)? {
            let message = message?;
            let header = message.header();
            let from_a_screen_saver = header
                .interface()
                .is_some_and(|interface| SCREEN_SAVERS.contains(&interface.as_str()));
            if from_a_screen_saver && message.body().deserialize::<bool>().unwrap_or(false) {
                super::lock_now(app);
            }
        }
        Ok(())
    }
}
