//! The two at one screen: the other partner joins, an owner opens their private space for a few
//! minutes or confirms one action with their passphrase, and each may leave.

use std::time::Instant;

use super::crypto::Key;
use super::keyslots::{Keyslots, SlotId};
use super::types::{Partner, Space};
use super::{Result, Session, Status, Vault, VaultError};

impl Vault {
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
    pub(super) fn unwrap_own(
        &mut self,
        owner: Partner,
        passphrase: &str,
        now: Instant,
    ) -> Result<Key> {
        let slots = Keyslots::load(&self.dir)?;
        let tries = [(Space::Private(owner), SlotId::Passphrase(owner))];
        match self.unwrap_counted(&slots, &tries, passphrase, now)? {
            Some((_, key, _)) => Ok(key),
            None => Err(VaultError::WrongPassphrase {
                who: self.name(owner),
            }),
        }
    }
}
