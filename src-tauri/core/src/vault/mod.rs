//! The vaults: the couple's shared SQLCipher file and one private file per partner, each with its own
//! random key, wrapped in the keyslots file under each way in.
//!
//! [`Vault`] is the one object the shell holds. It moves between three states (needs setup, locked,
//! unlocked) and is the only place keys are made, unwrapped or dropped. A wrong passphrase is found
//! by the keyslot's AEAD before any vault file is opened, so it cannot change a byte on disk; a file
//! that fails its page checks after a good unwrap is reported as damaged and left alone.

pub mod backup;
pub mod backup_format;
pub mod clock;
pub mod crypto;
pub mod db;
mod error;
pub mod hex;
pub mod joint;
pub mod keys;
pub mod keyslots;
pub mod migrations;
pub mod partners;
pub mod recovery;
pub mod rekey;
mod session;
pub mod settings;
pub mod staging;
pub mod strength;
pub mod throttle;
mod types;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

pub use backup::Progress;
pub use clock::{IdleClock, Reading};
pub use crypto::KdfParams;
pub use error::{Result, VaultError};
pub use keys::ResetNotice;
pub use partners::MAX_NAME_CHARS;
pub use session::Session;
pub use types::{Partner, Space};

use clock::SharedClock;
use crypto::Key;
use keyslots::{Keyslots, SlotId, VaultSlots};
use throttle::Throttle;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    NeedsSetup,
    Locked,
    Unlocked,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartnerStatus {
    pub id: Partner,
    pub name: String,
    pub unlocked: bool,
    /// Whether this partner's private space can be read now: unlocked alone, or opened with their
    /// passphrase while the two sit together.
    pub private_open: bool,
}

/// What the UI may show. `partners` is empty after a restart until someone unlocks: the names live
/// only inside the shared vault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Status {
    pub state: State,
    pub partners: Vec<PartnerStatus>,
    /// Only in the answer to an unlock: this partner's passphrase was reset with their recovery
    /// code since they last unlocked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reset_notice: Option<ResetNotice>,
}

/// One partner as entered at first-run setup.
pub struct NewPartner<'a> {
    pub name: &'a str,
    pub passphrase: &'a str,
}

/// The recovery codes made at setup. They are returned once and stored nowhere in plain form.
#[derive(Debug, Serialize)]
pub struct RecoveryCodes {
    pub a: String,
    pub b: String,
}

/// What setup made in its staging folder: the codes to show once, and the keys to open with.
struct NewVaults {
    codes: RecoveryCodes,
    shared_key: Key,
    private_keys: Vec<(Partner, Key)>,
}

pub struct Vault {
    dir: PathBuf,
    kdf: KdfParams,
    session: Option<Session>,
    names: Option<[String; 2]>,
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

    pub fn status(&self) -> Status {
        let state = if self.session.is_some() {
            State::Unlocked
        } else if self.is_set_up() {
            State::Locked
        } else {
            State::NeedsSetup
        };
        let session = self.session.as_ref();
        let partners = match &self.names {
            Some(names) => Partner::BOTH
                .into_iter()
                .map(|id| PartnerStatus {
                    id,
                    name: names[index(id)].clone(),
                    unlocked: session.is_some_and(|s| s.is_open(Space::Private(id))),
                    private_open: session.is_some_and(|s| s.private_readable(id)),
                })
                .collect(),
            None => Vec::new(),
        };
        Status {
            state,
            partners,
            reset_notice: None,
        }
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

    fn name(&self, who: Partner) -> Option<String> {
        self.names.as_ref().map(|names| names[index(who)].clone())
    }

    /// First-run setup: creates the three vault files and the keyslots, and leaves both partners
    /// unlocked. Returns each partner's recovery code, which exists nowhere else.
    pub fn setup(&mut self, a: NewPartner<'_>, b: NewPartner<'_>) -> Result<RecoveryCodes> {
        if self.is_set_up() {
            return Err(VaultError::AlreadySetUp);
        }
        let names = [partners::clean(a.name)?, partners::clean(b.name)?];
        if names[0].to_lowercase() == names[1].to_lowercase() {
            return Err(VaultError::InvalidInput(
                "Give each of you a different name, so Hearth can tell you apart.".into(),
            ));
        }
        let known: Vec<&str> = names.iter().map(String::as_str).collect();
        strength::check(a.passphrase, &known)?;
        strength::check(b.passphrase, &known)?;
        if a.passphrase == b.passphrase {
            return Err(VaultError::InvalidInput(
                "Each of you needs your own passphrase, so your private spaces stay private."
                    .into(),
            ));
        }
        // All or nothing: the files are made in a staging folder and move in together (see
        // [`staging`]), so a crash leaves either nothing, and setup is offered again, or a couple.
        let folder = staging::begin(&self.dir)?;
        let created = self.create_vaults(&folder, &names, [a.passphrase, b.passphrase]);
        let NewVaults {
            codes,
            shared_key,
            private_keys,
        } = match created {
            Ok(made) => made,
            Err(err) => {
                let _ = fs::remove_dir_all(&folder);
                return Err(err);
            }
        };
        staging::commit(&self.dir)?;
        let mut session = Session::open(&self.dir, shared_key, self.clock.clone())?;
        for (who, key) in private_keys {
            session.attach_private(&self.dir, who, key)?;
        }
        self.session = Some(session);
        self.names = Some(names);
        Ok(codes)
    }

    /// Makes the three vault files and the keyslots in `at`, and returns the codes and keys.
    fn create_vaults(
        &self,
        at: &Path,
        names: &[String; 2],
        passphrases: [&str; 2],
    ) -> Result<NewVaults> {
        let shared_key = crypto::random_key();
        let mut slots = Keyslots::new();

        let shared = db::create(at, Space::Shared, &shared_key)?;
        partners::write(&shared, names)?;
        drop(shared);
        let mut shared_slots = VaultSlots::new(Space::Shared);
        for who in Partner::BOTH {
            shared_slots.set_slot(
                SlotId::Passphrase(who),
                passphrases[index(who)],
                &shared_key,
                self.kdf,
            )?;
        }
        slots.vaults.push(shared_slots);

        let mut codes = Vec::new();
        let mut private_keys = Vec::new();
        for who in Partner::BOTH {
            let space = Space::Private(who);
            let key = crypto::random_key();
            drop(db::create(at, space, &key)?);
            let code = recovery::generate();
            let mut private_slots = VaultSlots::new(space);
            private_slots.set_slot(
                SlotId::Passphrase(who),
                passphrases[index(who)],
                &key,
                self.kdf,
            )?;
            private_slots.set_slot(
                SlotId::Recovery,
                &recovery::normalize(&code)?,
                &key,
                self.kdf,
            )?;
            slots.vaults.push(private_slots);
            codes.push(code);
            private_keys.push((who, key));
        }
        slots.save_atomic(at)?;

        Ok(NewVaults {
            codes: RecoveryCodes {
                a: codes[0].to_string(),
                b: codes[1].to_string(),
            },
            shared_key,
            private_keys,
        })
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
        let Some((found, shared_key)) = self.unwrap_counted(&slots, &tries, passphrase, now)?
        else {
            return Err(VaultError::WrongPassphrase {
                who: who.and_then(|w| self.name(w)),
            });
        };
        let who = candidates[found];
        // The shared slot took this passphrase, so the private one must too: if it does not, the
        // keyslots file is damaged, not the passphrase wrong.
        let private_key = slots
            .vault(Space::Private(who))?
            .unwrap_key(SlotId::Passphrase(who), passphrase)?
            .ok_or_else(|| VaultError::KeyslotsDamaged {
                file: keyslots::path_in(&self.dir),
                detail: "a private slot does not match its shared slot".into(),
            })?;

        let mut session = Session::open(&self.dir, shared_key, self.clock.clone())?;
        session.attach_private(&self.dir, who, private_key)?;
        // Deleted before a crash or a kill, with no lock to erase it: erased now (and tried again
        // at the next lock, should this fail).
        let _ = crate::journal::store::erase_all_deleted(&session);
        self.names = Some(partners::names(&session)?);
        self.session = Some(session);
        self.status_for_arrival(who)
    }

    /// The status as `who` arrives, with the reset notice they are owed, if any.
    fn status_for_arrival(&self, who: Partner) -> Result<Status> {
        let mut status = self.status();
        status.reset_notice = self.take_reset_notice(who)?;
        Ok(status)
    }

    /// Writes one backup file of every vault and the keyslots to `target` (see [`backup`]).
    pub fn backup(&self, target: &Path, progress: &mut dyn FnMut(backup::Progress)) -> Result<()> {
        backup::write(self.session()?, &self.dir, target, progress)
    }

    /// Restores a backup into this data folder, then unlocks as whoever `passphrase` belongs to.
    /// The backup is checked (checksums, then an unlock in a staging folder that reads every page of
    /// the files it opens) before anything here is touched; an existing vault is replaced only when
    /// `replace` says so.
    pub fn restore(
        &mut self,
        source: &Path,
        passphrase: &str,
        replace: bool,
        now: Instant,
    ) -> Result<Status> {
        if self.session.is_some() {
            return Err(VaultError::AlreadyUnlocked {
                who: self.unlocked_names(),
            });
        }
        if backup::holds_a_vault(&self.dir) && !replace {
            return Err(VaultError::WouldReplace);
        }
        let contents = backup::read(source)?;
        self.throttle.check(now)?;
        let folder = backup::stage(&contents, &self.dir)?;
        if let Err(err) = self.try_staged(&folder, &contents, passphrase, now) {
            let _ = std::fs::remove_dir_all(&folder);
            return Err(err);
        }
        staging::commit(&self.dir)?;
        self.names = None;
        self.unlock(None, passphrase, now)
    }

    /// Unlocks a staged backup as a trial (which reads every page of the files it opens), then
    /// checks its seal with the shared key, which vouches for the part the trial could not open.
    /// A wrong passphrase counts against the delay like any other.
    fn try_staged(
        &mut self,
        folder: &Path,
        contents: &backup_format::Contents,
        passphrase: &str,
        now: Instant,
    ) -> Result<()> {
        let mut trial = Vault::with_kdf(folder, self.kdf);
        match trial.unlock(None, passphrase, now) {
            Ok(_) => self.count_try(true, now),
            Err(err @ VaultError::WrongPassphrase { .. }) => {
                self.count_try(false, now);
                return Err(err);
            }
            Err(err) => return Err(backup::as_backup_damage(err)),
        }
        backup_format::check_seal(contents, trial.session()?.key(Space::Shared)?)
    }

    /// The other partner joins a running session ("sitting together at one screen").
    pub fn add_partner(&mut self, who: Partner, passphrase: &str, now: Instant) -> Result<Status> {
        let session = self.session.as_ref().ok_or(VaultError::Locked)?;
        if session.is_open(Space::Private(who)) {
            return Err(VaultError::AlreadyUnlocked {
                who: self.name(who).unwrap_or_default(),
            });
        }
        let key = self.unwrap_own(who, passphrase, now)?;
        let dir = self.dir.clone();
        self.session_mut()?.attach_private(&dir, who, key)?;
        self.status_for_arrival(who)
    }

    /// While the two sit together, `owner` opens their own private space with their passphrase,
    /// for a few minutes of use (see [`joint`]). Unlocked alone, it is open already.
    pub fn open_private(
        &mut self,
        owner: Partner,
        passphrase: &str,
        now: Instant,
    ) -> Result<Status> {
        let session = self.session()?;
        if !session.is_open(Space::Private(owner)) {
            return Err(VaultError::Locked);
        }
        if session.alone() != Some(owner) {
            drop(self.unwrap_own(owner, passphrase, now)?);
            self.session_mut()?.openings_mut().open(owner);
        }
        Ok(self.status())
    }

    /// Closes `owner`'s opened private space again; the session stays as it was.
    pub fn close_private(&mut self, owner: Partner) -> Status {
        if let Some(session) = self.session.as_mut() {
            session.openings_mut().close(owner);
        }
        self.status()
    }

    /// `who` leaves the session: their private vault closes and its key is wiped, while the other
    /// partner stays. The last one to leave locks Hearth.
    pub fn leave(&mut self, who: Partner) -> Result<Status> {
        let session = self.session_mut()?;
        if session.unlocked_partners() == [who] {
            return Ok(self.lock());
        }
        session.detach_private(who)?;
        Ok(self.status())
    }

    /// Runs `job` as `owner`, for an action that takes something out of their private space, moves
    /// it or deletes from it. Unlocked alone, `owner` is at the keyboard; while the two sit
    /// together, `passphrase` must be theirs, typed for this action.
    pub fn as_owner<T>(
        &mut self,
        owner: Partner,
        passphrase: Option<&str>,
        now: Instant,
        job: impl FnOnce(&Session) -> T,
    ) -> Result<T> {
        let session = self.session()?;
        if session.alone() == Some(owner) {
            return Ok(job(session));
        }
        if !session.is_open(Space::Private(owner)) {
            return Err(VaultError::Locked);
        }
        let passphrase = passphrase.ok_or(VaultError::OwnerMustConfirm)?;
        drop(self.unwrap_own(owner, passphrase, now)?);
        let session = self.session()?;
        Ok(session.openings().with_confirmed(owner, || job(session)))
    }

    /// `owner`'s private key from their own passphrase, counted against the throttle.
    fn unwrap_own(&mut self, owner: Partner, passphrase: &str, now: Instant) -> Result<Key> {
        let slots = Keyslots::load(&self.dir)?;
        let tries = [(Space::Private(owner), SlotId::Passphrase(owner))];
        match self.unwrap_counted(&slots, &tries, passphrase, now)? {
            Some((_, key)) => Ok(key),
            None => Err(VaultError::WrongPassphrase {
                who: self.name(owner),
            }),
        }
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
    ) -> Result<Option<(usize, Key)>> {
        self.throttle.check(now)?;
        for (at, (space, slot)) in tries.iter().enumerate() {
            if let Some(key) = slots.vault(*space)?.unwrap_key(*slot, secret)? {
                self.count_try(true, now);
                return Ok(Some((at, key)));
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

    /// Locks if nobody has been active for the auto-lock time stored in the shared vault. Returns
    /// whether it locked.
    pub fn lock_if_idle(&mut self, idle: &IdleClock, now: Reading) -> bool {
        let Some(session) = &self.session else {
            return false;
        };
        let minutes =
            settings::auto_lock_minutes(session).unwrap_or(settings::DEFAULT_AUTO_LOCK_MINUTES);
        if idle.is_idle_for(now, minutes) {
            self.lock();
            return true;
        }
        false
    }

    fn unlocked_names(&self) -> String {
        self.status()
            .partners
            .iter()
            .filter(|p| p.unlocked)
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(" and ")
    }
}

fn index(who: Partner) -> usize {
    match who {
        Partner::A => 0,
        Partner::B => 1,
    }
}
