//! Delivers reminders as desktop notifications, locked or not, window open or not. One thread looks
//! at the wall clock at least every 30 s (timers stop during suspend; the clock does not), asks
//! `hearth-core` what came due, shows at most one notice, and otherwise sleeps: no busy-waiting.
//! Notification buttons snooze; a click brings Hearth forward to the reminder.

use chrono::Utc;
use hearth_core::reminders::scheduler::{Notice, Snooze};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::{Action, ActionPerformed, ActionType, NotificationExt};

use crate::state::AppState;

const ACTIONS: &str = "reminder";
const REMINDER_IDS: &str = "reminderIds";
const SNOOZES: [(&str, &str, Snooze); 3] = [
    ("snooze_ten_minutes", "In 10 minutes", Snooze::TenMinutes),
    ("snooze_one_hour", "In an hour", Snooze::OneHour),
    ("snooze_tomorrow", "Tomorrow", Snooze::Tomorrow),
];

pub fn spawn<R: Runtime>(app: AppHandle<R>) {
    let notifications = app.notification();
    let _ = notifications.register_action_types(vec![ActionType::builder(ACTIONS)
        .actions(
            SNOOZES
                .iter()
                .map(|(id, title, _)| Action::builder(*id, *title).build())
                .collect(),
        )
        .build()]);
    let handle = app.clone();
    let _ = notifications.on_action(move |performed| on_action(&handle, performed));

    let started = std::thread::Builder::new()
        .name("reminders".into())
        .spawn(move || {
            app.state::<AppState>().set_timer(std::thread::current());
            loop {
                let wait = look_at_the_clock(&app);
                std::thread::park_timeout(wait);
            }
        });
    if started.is_err() {
        eprintln!("Hearth: reminders are unavailable (could not start their timer thread)");
    }
}

/// One tick: shows what came due, updates the tray, and says how long to sleep.
///
/// The reminders are let go before the tray is touched: changing a menu item waits for the main
/// thread, and the main thread may itself be waiting for the reminders (the tray's Pause).
fn look_at_the_clock<R: Runtime>(app: &AppHandle<R>) -> std::time::Duration {
    let state = app.state::<AppState>();
    let now = Utc::now();
    let (notice, next, paused, sleep) = {
        let Ok(mut live) = state.reminders() else {
            return hearth_core::reminders::live::MAX_SLEEP;
        };
        let notice = live.tick(now).ok().flatten();
        let next = live.next(now).map(|item| item.fire_at);
        (notice, next, live.paused(now), live.sleep_for(Utc::now()))
    };
    if let Some(notice) = notice {
        show(app, &notice);
    }
    crate::tray::show_status(app, next, paused);
    sleep
}

fn show<R: Runtime>(app: &AppHandle<R>, notice: &Notice) {
    let shown = app
        .notification()
        .builder()
        .title("Hearth")
        .body(&notice.body)
        .action_type_id(ACTIONS)
        .extra(REMINDER_IDS, &notice.reminder_ids)
        .show();
    if shown.is_err() {
        eprintln!("Hearth: a reminder could not be shown as a notification");
    }
}

fn on_action<R: Runtime>(app: &AppHandle<R>, performed: &ActionPerformed) {
    let reminder_ids: Vec<String> = performed
        .notification()
        .and_then(|n| n.extra().get(REMINDER_IDS).cloned())
        .and_then(|ids| serde_json::from_value(ids).ok())
        .unwrap_or_default();
    if let Some((_, _, snooze)) = SNOOZES
        .iter()
        .find(|(id, _, _)| *id == performed.action_id())
    {
        let _ = app
            .state::<AppState>()
            .change_reminders(|live| live.snooze(&reminder_ids, *snooze, Utc::now()));
    } else if performed.action_id() == "tap" {
        crate::window::bring_forward(app, Some(reminder_ids));
    }
}
