//! The vaults: the couple's shared SQLCipher file and one private file per partner, each with its own
//! random key, wrapped in the keyslots file under each way in.
//!
//! [`Vault`] is the one object the shell holds. It moves between three states (needs setup, locked,
//! unlocked) and is the only place keys are made, unwrapped or dropped. A wrong passphrase is found
//! by the keyslot's AEAD before any vault file is opened, so it cannot change a byte on disk; a file
//! that fails its page checks after a good unwrap is reported as damaged and left alone.

mod alone;
pub mod backup;
pub mod backup_format;
mod checks;
pub mod clock;
pub mod crypto;
pub mod db;
mod error;
pub mod hex;
mod join;
pub mod joint;
pub mod keys;
pub mod keyslots;
pub mod migrations;
pub mod partners;
pub mod recovery;
pub mod rekey;
mod session;
pub mod settings;
mod setup;
pub mod staging;
mod status;
pub mod strength;
pub mod throttle;
mod together;
mod types;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use backup::Progress;
pub use clock::{IdleClock, Reading};
pub use crypto::KdfParams;
pub(crate) use error::domain_error_from_vault;
pub use error::{Result, VaultError};
pub use join::Joining;
pub use keys::ResetNotice;
pub use partners::MAX_NAME_CHARS;
pub use session::Session;
pub use setup::{NewPartner, RecoveryCodes};
pub use status::{PartnerStatus, State, Status};
pub use types::{Partner, Space};

use clock::SharedClock;
use crypto::Key;
use keyslots::{Kek, Keyslots, SlotId};
use throttle::Throttle;

pub struct Vault {
    dir: PathBuf,
    kdf: KdfParams,
    session: Option<Session>,
    names: Option<[String; 2]>,
    /// Whose passphrase opens this laptop: both, where the couple set Hearth up; only the partner
    /// who joined, on a laptop that joined through sync. Read as the names become known.
    passphrases_here: [bool; 2],
    throttle: Throttle,
    clock: SharedClock,
}

impl Vault {
    /// The vaults in `dir`, with slots written at the KDF floor.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self::with_kdf(dir, KdfParams::FLOOR)
    }

    /// As [`Vault::new`], but writing slots with `kdf`. The app always uses the floor; tests and
    /// benchmarks that are not about the KDF pass weaker parameters here.
    pub fn with_kdf(dir: impl Into<PathBuf>, kdf: KdfParams) -> Self {
        let dir = dir.into();
        // A setup or restore that a crash cut short is finished (or undone) before anything looks
        // at the folder; if that fails, the files it left are reported when they are opened.
        let _ = staging::finish_interrupted(&dir);
        let clock = clock::system();
        Vault {
            throttle: Throttle::load(&dir, Instant::now(), clock.read()),
            dir,
            kdf,
            session: None,
            names: None,
            passphrases_here: [true; 2],
            clock,
        }
    }

    /// As this vault, with its sessions reading time from `clock` (tests stand clocks still).
    pub fn with_clock(mut self, clock: SharedClock) -> Self {
        self.clock = clock;
        self
    }

    /// Counts a try against the delay, and keeps the count for the next run of Hearth. Failing to
    /// keep it leaves the delay in memory, which still holds until Hearth quits.
    fn count_try(&mut self, succeeded: bool, now: Instant) {
        if succeeded {
            if self.throttle.is_clear() {
                return;
            }
            self.throttle.succeeded();
        } else {
            self.throttle.failed(now);
        }
        let _ = self.throttle.save(&self.dir, self.clock.read());
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn is_set_up(&self) -> bool {
        keyslots::path_in(&self.dir).exists()
            || Space::ALL
                .iter()
                .any(|space| self.dir.join(space.file_name()).exists())
    }

    pub fn session(&self) -> Result<&Session> {
        self.session.as_ref().ok_or(VaultError::Locked)
    }

    pub fn session_mut(&mut self) -> Result<&mut Session> {
        self.session.as_mut().ok_or(VaultError::Locked)
    }

    /// Keeps the names for the lock screen, with whose passphrase opens this laptop. If the
    /// keyslots cannot be read now, both are offered, and unlocking names what is wrong.
    fn know_names(&mut self, names: [String; 2]) {
        let here = Keyslots::load(&self.dir).and_then(|slots| {
            let shared = slots.vault(Space::Shared)?;
            Ok(Partner::BOTH.map(|who| shared.has_slot(SlotId::Passphrase(who))))
        });
        self.passphrases_here = here.unwrap_or([true; 2]);
        self.names = Some(names);
    }

    fn name(&self, who: Partner) -> Option<String> {
        self.names.as_ref().map(|names| names[index(who)].clone())
    }

    /// Unlocks as `who`, or, when the lock screen does not know the names (after a restart), as
    /// whichever partner the passphrase belongs to.
    pub fn unlock(
        &mut self,
        who: Option<Partner>,
        passphrase: &str,
        now: Instant,
    ) -> Result<Status> {
        if self.session.is_some() {
            return Err(VaultError::AlreadyUnlocked {
                who: self.unlocked_names(),
            });
        }
        if !self.is_set_up() {
            return Err(VaultError::NotSetUp);
        }
        let slots = Keyslots::load(&self.dir)?;
        let candidates = match who {
            Some(who) => vec![who],
            None => Partner::BOTH.to_vec(),
        };
        let tries: Vec<_> = candidates
            .iter()
            .map(|c| (Space::Shared, SlotId::Passphrase(*c)))
            .collect();
        let Some((found, shared_key, kek)) =
            self.unwrap_counted(&slots, &tries, passphrase, now)?
        else {
            return Err(VaultError::WrongPassphrase {
                who: who.and_then(|w| self.name(w)),
            });
        };
        let who = candidates[found];
        let private_key = self.unwrap_private_slot(slots, who, passphrase, kek)?;
        let mut session = Session::open(&self.dir, shared_key, self.clock.clone())?;
        let names = arrive(&mut session, &self.dir, who, private_key)
            .map_err(|err| session.name_damage(err))?;
        self.know_names(names);
        self.session = Some(session);
        self.status_for_arrival(who)
    }

    /// `who`'s private key, with the key-encryption key that just opened their shared slot: both
    /// slots share a salt, so this derives nothing more. A file from before that has a salt per
    /// slot; its private slot is opened the old way (a second derivation, this once) and rewrapped
    /// under the shared slot's salt. A failed rewrite is tried again at the next unlock.
    fn unwrap_private_slot(
        &self,
        mut slots: Keyslots,
        who: Partner,
        passphrase: &str,
        kek: Kek,
    ) -> Result<Key> {
        let (space, slot) = (Space::Private(who), SlotId::Passphrase(who));
        // The shared slot took this passphrase, so the private one must too: if it does not, the
        // keyslots file is damaged, not the passphrase wrong.
        let damaged = || VaultError::KeyslotsDamaged {
            file: keyslots::path_in(&self.dir),
            detail: "a private slot does not match its shared slot".into(),
        };
        let private = slots.vault(space)?;
        if private.wrapped_under(slot, &kek) {
            let opened = private.open_with(slot, passphrase, Some(kek))?;
            return opened.map(|(key, _)| key).ok_or_else(damaged);
        }
        let key = private.unwrap_key(slot, passphrase)?.ok_or_else(damaged)?;
        if slots
            .vault_mut(space)?
            .set_slot_under(slot, &kek, &key)
            .is_ok()
        {
            let _ = slots.save_atomic(&self.dir);
        }
        Ok(key)
    }

    /// Tries `secret` on each slot in `tries` until one opens, and returns which one with its key.
    /// Every way in goes through here, so none can skip the wrong-passphrase delay: a miss on all
    /// of them counts as one failed try, a hit clears the count.
    fn unwrap_counted(
        &mut self,
        slots: &Keyslots,
        tries: &[(Space, SlotId)],
        secret: &str,
        now: Instant,
    ) -> Result<Option<(usize, Key, Kek)>> {
        self.throttle.check(now)?;
        for (at, (space, slot)) in tries.iter().enumerate() {
            if let Some((key, kek)) = slots.vault(*space)?.open_with(*slot, secret, None)? {
                self.count_try(true, now);
                return Ok(Some((at, key, kek)));
            }
        }
        self.count_try(false, now);
        Ok(None)
    }

    /// Erases what was deleted (no screen can offer its undo any more), closes every connection
    /// and wipes every key. The names stay in memory so the lock screen can offer them until
    /// Hearth quits. Locking always succeeds: a failed erase is done again at the next unlock.
    pub fn lock(&mut self) -> Status {
        if let Some(session) = &self.session {
            let _ = crate::journal::store::erase_all_deleted(session);
        }
        self.session = None;
        self.status()
    }

    /// Locks, and names the file, when the background structure check of this session
    /// ([`checks`]) found a vault file damaged. Nothing was written to it: every commit waited for
    /// that check. The app asks after every command, so the couple hears of it at once.
    pub fn damage_found(&mut self) -> Result<()> {
        let Some(file) = self.session.as_ref().and_then(Session::damage_found) else {
            return Ok(());
        };
        self.lock();
        Err(VaultError::Damaged { file })
    }

    /// Locks if nobody has been active for the auto-lock time stored in the shared vault. Returns
    /// whether it locked.
    pub fn lock_if_idle(&mut self, idle: &IdleClock, now: Reading) -> bool {
        if self
            .auto_lock_in(idle, now)
            .is_some_and(|left| left.is_zero())
        {
            self.lock();
            return true;
        }
        false
    }

    /// How long until auto-lock, if nobody does anything meanwhile; `None` while locked.
    pub fn auto_lock_in(&self, idle: &IdleClock, now: Reading) -> Option<Duration> {
        let session = self.session.as_ref()?;
        let minutes =
            settings::auto_lock_minutes(session).unwrap_or(settings::DEFAULT_AUTO_LOCK_MINUTES);
        Some(idle.until_idle_for(now, minutes))
    }
}

/// The rest of an unlock once the shared vault is open: `who`'s private vault, what was deleted
/// before a crash, the names.
fn arrive(
    session: &mut Session,
    dir: &Path,
    who: Partner,
    private_key: Key,
) -> Result<[String; 2]> {
    session.attach_private(dir, who, private_key)?;
    // Deleted before a crash or a kill, with no lock to erase it: erased now (and tried again at
    // the next lock, should this fail).
    let _ = crate::journal::store::erase_all_deleted(session);
    partners::names(session)
}

fn index(who: Partner) -> usize {
    match who {
        Partner::A => 0,
        Partner::B => 1,
    }
}
