//! The fire times that go into the wake list, computed from the active reminders.

use chrono::{DateTime, Duration, Utc};

use super::reminder::list;
use crate::reminders::error::Result;
use crate::reminders::scheduler::WakeItem;
use crate::vault::Session;

/// How far ahead the wake list looks, and how many fire times it keeps per reminder: enough for a
/// daily nudge to last the whole horizon while Hearth stays locked.
const WAKE_HORIZON_DAYS: i64 = 60;
const WAKE_PER_REMINDER: u16 = 62;

/// Fire times of every active reminder in the coming weeks (occurrence minus lead time), with the
/// discreet text only: this is what goes into the wake list.
pub fn wake_items(session: &Session, now: DateTime<Utc>) -> Result<Vec<WakeItem>> {
    let horizon = now + Duration::days(WAKE_HORIZON_DAYS);
    let mut items = Vec::new();
    for reminder in list(session)?.into_iter().filter(|r| r.active) {
        let lead = Duration::minutes(i64::from(reminder.lead_minutes));
        for occurrence in reminder
            .recurrence()?
            .after(now + lead, WAKE_PER_REMINDER)?
        {
            if occurrence > horizon {
                break;
            }
            items.push(WakeItem {
                fire_at: occurrence - lead,
                reminder_id: reminder.id.clone(),
                text: reminder.notification_text.clone(),
            });
        }
    }
    items.sort();
    Ok(items)
}
