//! One laptop for the sync tests: a couple's vault in a folder of its own, with sync on, and its
//! side of a mailbox in the folder the couple syncs. Both laptops of a test share one vault id and
//! shared key, as pairing would leave them.

use std::path::Path;

use chrono::Utc;
use hearth_core::sync::engine;
use hearth_core::sync::mailbox::Mailbox;
use hearth_core::sync::store;
use hearth_core::sync::SegmentKey;
use hearth_core::vault::{Session, Vault};

pub const VAULT: [u8; 16] = [9; 16];
pub const SHARED_KEY: [u8; 32] = [3; 32];

pub struct SyncLaptop {
    pub dir: tempfile::TempDir,
    pub vault: Vault,
    pub mailbox: Mailbox,
}

impl SyncLaptop {
    /// A laptop whose mailbox is in `folder`.
    pub fn new(folder: &Path) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let vault = super::set_up_syncing(dir.path());
        let device = store::state::device(vault.session().unwrap().conn())
            .unwrap()
            .unwrap();
        let key = SegmentKey::derive(&SHARED_KEY, &VAULT);
        Self {
            dir,
            vault,
            mailbox: Mailbox::new(folder, VAULT, device, key),
        }
    }

    pub fn session(&self) -> &Session {
        self.vault.session().unwrap()
    }

    /// One sync pass, now.
    pub fn pass(&mut self) -> engine::Pass {
        engine::run(self.session().conn(), &self.mailbox, Utc::now()).unwrap()
    }

    /// Every shared entry's body, sorted.
    pub fn bodies(&self) -> Vec<String> {
        self.session()
            .conn()
            .prepare("SELECT body FROM main.entries ORDER BY body")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }
}

/// A weekly reminder, "Sunday tea"; returns its title.
pub fn sunday_tea(session: &Session) -> String {
    use hearth_core::reminders::store::{self as reminders, ReminderDraft, ReminderKind};
    let start = chrono::NaiveDate::from_ymd_opt(2026, 12, 6)
        .unwrap()
        .and_hms_opt(16, 0, 0)
        .unwrap();
    let draft = ReminderDraft {
        kind: ReminderKind::WeeklySlot,
        title: "Sunday tea".into(),
        notification_text: None,
        rule: reminders::preset_rule(ReminderKind::WeeklySlot, start),
        zone: "Europe/Berlin".into(),
        start_local: start,
        lead_minutes: 15,
        duration_minutes: 60,
        active: true,
    };
    reminders::create(session, &draft, Utc::now())
        .unwrap()
        .title
}
