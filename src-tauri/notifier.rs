//! Desktop notifications, sent as an installed app sends them. On Linux they go straight to
//! org.freedesktop.Notifications over zbus, because the notification plugin sends the binary's
//! name, an icon name no theme holds and no hints: here every notification carries the app name
//! "Hearth", the installed icon, the `desktop-entry` hint (servers group it under the menu entry
//! and show its icon) and normal urgency. Other systems use the notification plugin.
//!
//! `listen` starts hearing what people do with notifications; `show` sends one. A reminder's
//! notification carries `Open` and the snoozes, and remembers which reminders it was about, so an
//! action can be told which ones.

use tauri::AppHandle;

pub const APP_NAME: &str = "Hearth";
/// The key a click on the notification itself sends.
pub const CLICK: &str = "default";

/// A button on a notification: the key the app hears, and its label.
pub type Action = (&'static str, &'static str);

/// Hears an action: its key (`CLICK` for a click) and the reminders the notification was about.
pub type OnAction<R> = fn(&AppHandle<R>, &str, &[String]);

#[cfg(target_os = "linux")]
pub use linux::{listen, show};
#[cfg(not(target_os = "linux"))]
pub use plugin::{listen, show};

#[cfg(target_os = "linux")]
mod linux {
    use std::collections::HashMap;
    use std::sync::Mutex;

    use tauri::{AppHandle, Manager, Runtime};
    use zbus::blocking::{Connection, Proxy};
    use zbus::zvariant::Value;

    use super::{Action, OnAction, APP_NAME};

    /// The icon the package installs (`/usr/share/icons/hicolor/*/apps/hearth.png`).
    const ICON: &str = "hearth";
    /// The menu entry the package installs, without `.desktop` (Tauri's bundler names it after
    /// the product).
    const DESKTOP_ENTRY: &str = "Hearth";
    /// Normal urgency: a reminder matters, but it is never an alarm.
    const URGENCY_NORMAL: u8 = 1;

    const SERVICE: &str = "org.freedesktop.Notifications";
    const PATH: &str = "/org/freedesktop/Notifications";

    /// The session bus, and which reminders each notification shown was about.
    struct Notifications {
        bus: Connection,
        about: Mutex<HashMap<u32, Vec<String>>>,
    }

    fn server(bus: &Connection) -> zbus::Result<Proxy<'_>> {
        Proxy::new(bus, SERVICE, PATH, SERVICE)
    }

    /// Connects to the session bus and hears ActionInvoked, on a thread of its own: the start of
    /// the app never waits for the bus.
    pub fn listen<R: Runtime>(app: &AppHandle<R>, on_action: OnAction<R>) {
        let app = app.clone();
        let started = std::thread::Builder::new()
            .name("notification-actions".into())
            .spawn(move || {
                let Ok(bus) = Connection::session() else {
                    eprintln!(
                        "Hearth: no session bus, so reminders cannot be shown as notifications"
                    );
                    return;
                };
                app.manage(Notifications {
                    bus: bus.clone(),
                    about: Mutex::new(HashMap::new()),
                });
                if let Err(error) = hear_actions(&app, &bus, on_action) {
                    eprintln!("Hearth: notification buttons are unavailable: {error}");
                }
            });
        if started.is_err() {
            eprintln!("Hearth: notifications are unavailable (no thread)");
        }
    }

    fn hear_actions<R: Runtime>(
        app: &AppHandle<R>,
        bus: &Connection,
        on_action: OnAction<R>,
    ) -> zbus::Result<()> {
        let server = server(bus)?;
        for signal in server.receive_signal("ActionInvoked")? {
            let Ok((id, key)) = signal.body().deserialize::<(u32, String)>() else {
                continue;
            };
            let about = app
                .state::<Notifications>()
                .about
                .lock()
                .ok()
                .and_then(|about| about.get(&id).cloned());
            // Only our own notifications: the bus tells every listener of every app's actions.
            if let Some(reminder_ids) = about {
                on_action(app, &key, &reminder_ids);
            }
        }
        Ok(())
    }

    /// Shows one notification; `reminder_ids` ties its actions to those reminders.
    pub fn show<R: Runtime>(
        app: &AppHandle<R>,
        summary: &str,
        body: &str,
        actions: &[Action],
        reminder_ids: &[String],
    ) -> zbus::Result<u32> {
        let Some(notifications) = app.try_state::<Notifications>() else {
            return Err(zbus::Error::Failure("no session bus".into()));
        };
        let hints: HashMap<&str, Value<'_>> = HashMap::from([
            ("desktop-entry", Value::from(DESKTOP_ENTRY)),
            ("urgency", Value::from(URGENCY_NORMAL)),
        ]);
        let actions: Vec<&str> = actions
            .iter()
            .flat_map(|(key, label)| [*key, *label])
            .collect();
        let id: u32 = server(&notifications.bus)?.call(
            "Notify",
            &(APP_NAME, 0u32, ICON, summary, body, actions, hints, -1i32),
        )?;
        if let Ok(mut about) = notifications.about.lock() {
            about.insert(id, reminder_ids.to_vec());
        }
        Ok(id)
    }
}

#[cfg(not(target_os = "linux"))]
mod plugin {
    use tauri::{AppHandle, Runtime};
    use tauri_plugin_notification::{ActionType, NotificationExt};

    use super::{Action, OnAction, CLICK};

    const REMINDER_IDS: &str = "reminderIds";
    const WITH_ACTIONS: &str = "reminder";

    pub fn listen<R: Runtime>(app: &AppHandle<R>, on_action: OnAction<R>) {
        let handle = app.clone();
        let _ = app.notification().on_action(move |performed| {
            let ids: Vec<String> = performed
                .notification()
                .and_then(|n| n.extra().get(REMINDER_IDS).cloned())
                .and_then(|ids| serde_json::from_value(ids).ok())
                .unwrap_or_default();
            let key = match performed.action_id() {
                "tap" => CLICK,
                other => other,
            };
            on_action(&handle, key, &ids);
        });
    }

    pub fn show<R: Runtime>(
        app: &AppHandle<R>,
        summary: &str,
        body: &str,
        actions: &[Action],
        reminder_ids: &[String],
    ) -> Result<u32, tauri_plugin_notification::Error> {
        let notifications = app.notification();
        let mut builder = notifications.builder().title(summary).body(body);
        if !actions.is_empty() {
            let _ = notifications.register_action_types(vec![ActionType::builder(WITH_ACTIONS)
                .actions(
                    actions
                        .iter()
                        .map(|(key, label)| {
                            tauri_plugin_notification::Action::builder(*key, *label).build()
                        })
                        .collect(),
                )
                .build()]);
            builder = builder
                .action_type_id(WITH_ACTIONS)
                .extra(REMINDER_IDS, reminder_ids);
        }
        builder.show()?;
        Ok(0)
    }
}
