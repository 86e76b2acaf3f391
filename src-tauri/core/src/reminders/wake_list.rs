//! The wake list: the one file outside the vaults that passphrases do not protect, by design, so
//! reminders can fire while Hearth is locked. It holds only fire times, reminder ids, the discreet
//! notification texts, quiet hours and a pause, never a title. A setting ("remind me only while
//! unlocked") removes it.

use std::path::Path;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::error::{ReminderError, Result};
use super::scheduler::{QuietHours, WakeItem};

pub const FILE_NAME: &str = "wake-list.json";
const FORMAT: u32 = 1;
/// The most items (and, apart, snoozes) a list holds: sixty days of dozens of reminders. Beyond
/// it, the earliest are kept; the next unlock looks ahead again.
pub const MAX_ITEMS: usize = 4096;
/// A file larger than this was not written by Hearth, and is not read: it would cost memory and
/// time at every start for nothing.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WakeList {
    pub format: u32,
    pub items: Vec<WakeItem>,
    pub quiet: Option<QuietHours>,
    pub paused_until: Option<DateTime<Utc>>,
    /// Reminders snoozed from a notification, shown again at their new time.
    #[serde(default)]
    pub snoozed: Vec<WakeItem>,
}

impl WakeList {
    pub fn new(
        items: Vec<WakeItem>,
        quiet: Option<QuietHours>,
        paused_until: Option<DateTime<Utc>>,
    ) -> Self {
        WakeList {
            format: FORMAT,
            items,
            quiet,
            paused_until,
            snoozed: Vec::new(),
        }
        .bounded()
    }

    /// At most [`MAX_ITEMS`] of each kind, the earliest first.
    fn bounded(mut self) -> Self {
        for items in [&mut self.items, &mut self.snoozed] {
            if items.len() > MAX_ITEMS {
                items.sort();
                items.truncate(MAX_ITEMS);
            }
        }
        self
    }

    pub fn save(&self, dir: &Path) -> Result<()> {
        let bytes = serde_json::to_vec_pretty(self).map_err(|e| ReminderError::Io(e.into()))?;
        Ok(crate::files::write_atomic(dir, FILE_NAME, &bytes)?)
    }

    /// The saved list, or an empty one when there is none (never set, or reminders only while
    /// unlocked). A damaged file reads as empty rather than stopping reminders for good; the next
    /// unlock writes it anew.
    /// A file over [`MAX_FILE_BYTES`] is not read at all.
    pub fn load(dir: &Path) -> WakeList {
        Self::read_bounded(&dir.join(FILE_NAME))
            .and_then(|bytes| Self::parse(&bytes))
            .unwrap_or_default()
    }

    fn read_bounded(path: &Path) -> Option<Vec<u8>> {
        use std::io::Read;
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .ok()?
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .ok()?;
        (bytes.len() as u64 <= MAX_FILE_BYTES).then_some(bytes)
    }

    pub fn parse(bytes: &[u8]) -> Option<WakeList> {
        serde_json::from_slice::<WakeList>(bytes)
            .ok()
            .filter(|list| list.format == FORMAT)
            .map(WakeList::bounded)
    }

    /// Whether a wake list file is there: none after "remind me only while unlocked".
    pub fn exists(dir: &Path) -> bool {
        dir.join(FILE_NAME).exists()
    }

    pub fn remove(dir: &Path) -> Result<()> {
        Ok(crate::files::remove_if_there(&dir.join(FILE_NAME))?)
    }
}

/// The wake list for the active reminders in the session's shared vault, with the couple's quiet
/// hours, and whether it may be kept on disk.
pub fn compute(session: &crate::vault::Session, now: DateTime<Utc>) -> Result<(WakeList, bool)> {
    let prefs = super::prefs::get(session)?;
    let items = super::store::wake_items(session, now)?;
    Ok((
        WakeList::new(items, prefs.quiet, None),
        !prefs.only_while_unlocked,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn parser_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = WakeList::parse(&bytes);
        }
    }

    #[test]
    fn round_trip_and_remove() {
        let dir = tempfile::tempdir().unwrap();
        let at: DateTime<Utc> = "2026-11-22T18:00:00Z".parse().unwrap();
        let list = WakeList::new(
            vec![WakeItem {
                fire_at: at,
                reminder_id: "r".into(),
                text: "Time for the two of you".into(),
            }],
            None,
            None,
        );
        list.save(dir.path()).unwrap();
        assert_eq!(WakeList::load(dir.path()), list);
        WakeList::remove(dir.path()).unwrap();
        WakeList::remove(dir.path()).unwrap();
        assert_eq!(WakeList::load(dir.path()), WakeList::default());
    }
}
