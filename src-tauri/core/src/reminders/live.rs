//! The reminders in force right now, whether Hearth is locked or not: the wake list, snoozes, a
//! pause, and the scheduler's memory. The shell owns one of these, ticks it from its timer thread
//! and replaces its list whenever reminders change. Every change is saved to the wake list file
//! unless the couple chose "remind me only while unlocked", in which case the file is removed and
//! the list is forgotten on lock.

use std::path::PathBuf;

use chrono::{DateTime, Duration, Utc};

use super::error::Result;
use super::scheduler::{Notice, Scheduler, Snooze, WakeItem};
use super::wake_list::WakeList;

/// The longest the timer sleeps. Timers stop during suspend and the wall clock may jump, so the
/// shell looks at the clock at least this often.
pub const MAX_SLEEP: std::time::Duration = std::time::Duration::from_secs(30);

pub struct LiveSchedule {
    dir: PathBuf,
    list: WakeList,
    on_disk: bool,
    scheduler: Scheduler,
}

impl LiveSchedule {
    /// Starts from the wake list file, so reminders fire from the first tick, before any unlock.
    /// With no file ("remind me only while unlocked", or nothing to remind of yet), nothing is
    /// written until an unlock says what the couple chose: a pause from the tray stays in memory.
    pub fn open(dir: PathBuf, now: DateTime<Utc>) -> Self {
        let on_disk = WakeList::exists(&dir);
        let list = WakeList::load(&dir);
        LiveSchedule {
            dir,
            list,
            on_disk,
            scheduler: Scheduler::new(now),
        }
    }

    pub fn list(&self) -> &WakeList {
        &self.list
    }

    /// Takes a freshly computed list from the vault; a pause and snoozes carry over.
    pub fn replace(&mut self, fresh: WakeList, on_disk: bool) -> Result<()> {
        let paused_until = self.list.paused_until;
        let snoozed = std::mem::take(&mut self.list.snoozed);
        self.list = WakeList {
            paused_until,
            snoozed,
            ..fresh
        };
        self.on_disk = on_disk;
        self.save()
    }

    /// On lock: with "only while unlocked", nothing is left to fire.
    pub fn forget_unless_on_disk(&mut self) {
        if !self.on_disk {
            self.list = WakeList::default();
        }
    }

    /// Nothing pops up until `until` (the end of today, from the tray); what comes due meanwhile
    /// is let go, not saved up.
    pub fn pause_until(&mut self, until: DateTime<Utc>) -> Result<()> {
        self.list.paused_until = Some(until);
        self.save()
    }

    pub fn resume(&mut self) -> Result<()> {
        self.list.paused_until = None;
        self.save()
    }

    pub fn paused(&self, now: DateTime<Utc>) -> bool {
        self.list.paused_until.is_some_and(|until| now < until)
    }

    /// Shows the given reminders again later, with the text they had.
    pub fn snooze(
        &mut self,
        reminder_ids: &[String],
        snooze: Snooze,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let fire_at = snooze.until(now);
        for id in reminder_ids {
            let text = self
                .list
                .items
                .iter()
                .chain(&self.list.snoozed)
                .find(|item| &item.reminder_id == id)
                .map(|item| item.text.clone())
                .unwrap_or_else(|| super::store::DEFAULT_TEXT.to_string());
            self.list.snoozed.push(WakeItem {
                fire_at,
                reminder_id: id.clone(),
                text,
            });
        }
        self.save()
    }

    /// One look at the clock: at most one notice, folding whatever came due since the last look.
    pub fn tick(&mut self, now: DateTime<Utc>) -> Result<Option<Notice>> {
        let due = self.list.items.iter().chain(&self.list.snoozed);
        let notice =
            self.scheduler
                .tick(now, due, self.list.quiet.as_ref(), self.list.paused_until)?;
        let before = self.list.snoozed.len();
        self.list.snoozed.retain(|item| item.fire_at > now);
        if self.list.snoozed.len() != before {
            self.save()?;
        }
        Ok(notice)
    }

    /// The next fire time, pause or not: for the tray's "next together-time".
    pub fn next(&self, now: DateTime<Utc>) -> Option<&WakeItem> {
        self.list
            .items
            .iter()
            .chain(&self.list.snoozed)
            .filter(|item| item.fire_at > now)
            .min()
    }

    /// How long the timer may sleep: until the next fire time, and never more than [`MAX_SLEEP`].
    pub fn sleep_for(&self, now: DateTime<Utc>) -> std::time::Duration {
        self.next(now)
            .map(|item| item.fire_at - now + Duration::milliseconds(200))
            .and_then(|wait| wait.to_std().ok())
            .map_or(MAX_SLEEP, |wait| wait.min(MAX_SLEEP))
    }

    fn save(&self) -> Result<()> {
        if self.on_disk {
            self.list.save(&self.dir)
        } else {
            WakeList::remove(&self.dir)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reminders::scheduler::tests::{item, t};

    fn schedule(dir: &std::path::Path, items: Vec<WakeItem>) -> LiveSchedule {
        let mut live = LiveSchedule::open(dir.to_path_buf(), t(18, 0));
        live.replace(WakeList::new(items, None, None), true)
            .unwrap();
        live
    }

    #[test]
    fn a_snooze_fires_again_later_and_survives_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let mut live = schedule(dir.path(), vec![item("r1", t(19, 0))]);
        assert!(live.tick(t(19, 0)).unwrap().is_some());
        live.snooze(&["r1".into()], Snooze::TenMinutes, t(19, 1))
            .unwrap();
        let mut restarted = LiveSchedule::open(dir.path().to_path_buf(), t(19, 2));
        assert_eq!(restarted.next(t(19, 2)).unwrap().fire_at, t(19, 11));
        assert_eq!(restarted.tick(t(19, 5)).unwrap(), None);
        let again = restarted.tick(t(19, 11)).unwrap().unwrap();
        assert_eq!(again.reminder_ids, ["r1"]);
        assert!(
            restarted.list().snoozed.is_empty(),
            "a shown snooze is gone"
        );
    }

    #[test]
    fn a_pause_and_snoozes_carry_over_a_refresh() {
        let dir = tempfile::tempdir().unwrap();
        let mut live = schedule(dir.path(), vec![item("r1", t(19, 0))]);
        live.pause_until(t(24, 0)).unwrap();
        live.snooze(&["r1".into()], Snooze::OneHour, t(18, 0))
            .unwrap();
        live.replace(WakeList::new(vec![item("r2", t(25, 0))], None, None), true)
            .unwrap();
        assert!(live.paused(t(20, 0)));
        assert_eq!(live.list().snoozed.len(), 1);
        assert_eq!(live.tick(t(19, 0)).unwrap(), None, "paused");
        live.resume().unwrap();
        assert!(!live.paused(t(20, 0)));
    }

    #[test]
    fn only_while_unlocked_keeps_no_file_and_forgets_on_lock() {
        let dir = tempfile::tempdir().unwrap();
        let mut live = schedule(dir.path(), vec![item("r1", t(19, 0))]);
        assert!(dir.path().join(super::super::wake_list::FILE_NAME).exists());
        live.replace(WakeList::new(vec![item("r1", t(19, 0))], None, None), false)
            .unwrap();
        assert!(!dir.path().join(super::super::wake_list::FILE_NAME).exists());
        assert!(live.next(t(18, 0)).is_some(), "fires while unlocked");
        live.forget_unless_on_disk();
        assert!(live.next(t(18, 0)).is_none());
        assert_eq!(live.tick(t(19, 1)).unwrap(), None);
    }

    #[test]
    fn the_timer_sleeps_until_the_next_fire_time_but_never_over_30_s() {
        let dir = tempfile::tempdir().unwrap();
        let live = schedule(dir.path(), vec![item("r1", t(19, 0))]);
        assert_eq!(live.sleep_for(t(18, 0)), MAX_SLEEP);
        let close = live.sleep_for(t(19, 0) - Duration::seconds(5));
        assert!(
            close > std::time::Duration::from_secs(5) && close < std::time::Duration::from_secs(6)
        );
        let empty = LiveSchedule::open(tempfile::tempdir().unwrap().path().to_path_buf(), t(0, 0));
        assert_eq!(empty.sleep_for(t(0, 0)), MAX_SLEEP);
    }
}
