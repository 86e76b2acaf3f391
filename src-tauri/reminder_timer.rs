//! Delivers reminders as desktop notifications, locked or not, window open or not. One thread looks
//! at the wall clock at least every 30 s (timers stop during suspend; the clock does not), asks
//! `hearth-core` what came due, shows at most one notice, and otherwise sleeps: no busy-waiting.
//! Notification buttons snooze; Open, or a click, brings Hearth forward to the reminder.

use chrono::Utc;
use hearth_core::reminders::scheduler::{Notice, Snooze};
use tauri::{AppHandle, Manager, Runtime};

use crate::notifier::{self, Action};
use crate::state::AppState;

const OPEN: &str = "open";
const SNOOZES: [(&str, &str, Snooze); 3] = [
    ("snooze_ten_minutes", "In 10 minutes", Snooze::TenMinutes),
    ("snooze_one_hour", "In an hour", Snooze::OneHour),
    ("snooze_tomorrow", "Tomorrow", Snooze::Tomorrow),
];
/// A reminder's buttons: Open, then the snoozes (a click on the notification opens it too).
const ACTIONS: [Action; 5] = [
    (notifier::CLICK, "Open Hearth"),
    (OPEN, "Open"),
    (SNOOZES[0].0, SNOOZES[0].1),
    (SNOOZES[1].0, SNOOZES[1].1),
    (SNOOZES[2].0, SNOOZES[2].1),
];

pub fn spawn<R: Runtime>(app: AppHandle<R>) {
    notifier::listen(&app, on_action);

    let started = std::thread::Builder::new()
        .name("reminders".into())
        .spawn(move || {
            app.state::<AppState>().timer.register_current();
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
    let shown = notifier::show(
        app,
        notifier::APP_NAME,
        &notice.body,
        &ACTIONS,
        &notice.reminder_ids,
    );
    if shown.is_err() {
        eprintln!("Hearth: a reminder could not be shown as a notification");
    }
}

/// A snooze puts the reminders back in the wake list; Open or a click brings Hearth forward to
/// them. A notification about no reminder (the "still running" notice) just opens Hearth.
fn on_action<R: Runtime>(app: &AppHandle<R>, key: &str, reminder_ids: &[String]) {
    if let Some((_, _, snooze)) = SNOOZES.iter().find(|(id, _, _)| *id == key) {
        let _ = app
            .state::<AppState>()
            .change_reminders(|live| live.snooze(reminder_ids, *snooze, Utc::now()));
    } else if key == notifier::CLICK || key == OPEN {
        let about = (!reminder_ids.is_empty()).then(|| reminder_ids.to_vec());
        crate::window::bring_forward(app, about);
    }
}
