//! Changing what opens a vault: a partner's passphrase, their recovery code, and their private
//! vault's key itself.
//!
//! A plain passphrase change rewraps two slots and re-encrypts nothing. Replacing the key (asked
//! for with a passphrase change, and always part of a reset with the recovery code) copies the
//! private vault under a new random key (see [`super::rekey`]), so that an old copy of the
//! keyslots file, an old backup, an old passphrase or an old recovery code opens nothing current.
//! The shared vault's key is wrapped for the other partner too, under a passphrase only they know,
//! so it stays.

use std::time::Instant;

use serde::Serialize;
use zeroize::Zeroizing;

use super::backup::Progress;
use super::crypto;
use super::keyslots::{Kek, Keyslots, SlotId};
use super::{recovery, rekey, settings, strength};
use super::{Partner, Result, Space, Status, Vault, VaultError};

/// Where the shared vault remembers, until its owner next unlocks, that a private space was reset
/// with its recovery code.
fn reset_setting(who: Partner) -> String {
    format!("private_reset_at_{}", who.letter())
}

/// Told to a partner at their first unlock after their passphrase was reset with the recovery code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResetNotice {
    pub who: Partner,
    /// When the reset happened, RFC 3339 in UTC.
    pub at: String,
}

impl Vault {
    /// Rewraps `who`'s slots under a new passphrase. No vault data is re-encrypted.
    pub fn change_passphrase(
        &mut self,
        who: Partner,
        old: &str,
        new: &str,
        now: Instant,
    ) -> Result<()> {
        let mut slots = self.check_old_passphrase(who, old, now)?;
        self.check_new_passphrase(new)?;
        let kek = self.set_shared_slot(&mut slots, who, new)?;
        let key = self.session()?.key(Space::Private(who))?;
        slots
            .vault_mut(Space::Private(who))?
            .set_slot_under(SlotId::Passphrase(who), &kek, key)?;
        slots.save_atomic(&self.dir)
    }

    /// As [`Vault::change_passphrase`], and also replaces `who`'s private vault key, reporting
    /// progress while the vault is copied. The old recovery code wrapped the old key, so a new one
    /// is made and returned; it exists nowhere else.
    pub fn change_passphrase_and_key(
        &mut self,
        who: Partner,
        old: &str,
        new: &str,
        now: Instant,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Zeroizing<String>> {
        self.require_alone(who)?;
        let mut slots = self.check_old_passphrase(who, old, now)?;
        self.check_new_passphrase(new)?;
        let kek = self.set_shared_slot(&mut slots, who, new)?;
        let code = recovery::generate();
        let normalized = recovery::normalize(&code)?;
        self.replace_private_key(&mut slots, who, &kek, &normalized, progress)?;
        Ok(code)
    }

    /// Sets a new passphrase for `who` with their recovery code, and replaces their private
    /// vault's key. Someone must be unlocked: the recovery code opens only `who`'s private vault,
    /// and the shared vault's key comes from the running session, which is how a partner who forgot
    /// gets back in "through the other partner". `who` is told at their next unlock.
    pub fn reset_with_recovery(
        &mut self,
        who: Partner,
        code: &str,
        new: &str,
        now: Instant,
    ) -> Result<Status> {
        if self.session.is_none() {
            return Err(VaultError::Locked);
        }
        let code = recovery::normalize(code)?;
        let mut slots = Keyslots::load(&self.dir)?;
        let tries = [(Space::Private(who), SlotId::Recovery)];
        let Some((_, private_key, _)) = self.unwrap_counted(&slots, &tries, &code, now)? else {
            return Err(VaultError::WrongRecoveryCode {
                who: self.name(who).unwrap_or_default(),
            });
        };
        self.check_new_passphrase(new)?;
        let dir = self.dir.clone();
        self.session_mut()?.attach_private(&dir, who, private_key)?;
        let kek = self.set_shared_slot(&mut slots, who, new)?;
        self.replace_private_key(&mut slots, who, &kek, &code, &mut |_| {})?;
        let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        settings::write_value(self.session()?, &reset_setting(who), &at)?;
        Ok(self.status())
    }

    /// A new recovery code for `who`, unlocked alone and confirming with their passphrase. The old
    /// code stops working at once; the new one is returned and exists nowhere else.
    pub fn new_recovery_code(
        &mut self,
        who: Partner,
        passphrase: &str,
        now: Instant,
    ) -> Result<Zeroizing<String>> {
        self.require_alone(who)?;
        let key = self.unwrap_own(who, passphrase, now)?;
        let code = recovery::generate();
        let mut slots = Keyslots::load(&self.dir)?;
        let normalized = recovery::normalize(&code)?;
        slots.vault_mut(Space::Private(who))?.set_slot(
            SlotId::Recovery,
            &normalized,
            &key,
            self.kdf,
        )?;
        self.renew_shared_recovery(&mut slots, &normalized)?;
        slots.save_atomic(&self.dir)?;
        Ok(code)
    }

    /// The reset notice for `who`, once: reading it removes it.
    pub(super) fn take_reset_notice(&self, who: Partner) -> Result<Option<ResetNotice>> {
        let session = self.session()?;
        let key = reset_setting(who);
        let Some(at) = settings::read_value(session, &key)? else {
            return Ok(None);
        };
        session
            .conn()
            .execute("DELETE FROM main.settings WHERE key = ?1", [&key])?;
        Ok(Some(ResetNotice { who, at }))
    }

    /// Things that show a new recovery code happen only with `who` unlocked on their own.
    fn require_alone(&self, who: Partner) -> Result<()> {
        if self.session()?.alone() == Some(who) {
            Ok(())
        } else {
            Err(VaultError::NeedsToBeAlone)
        }
    }

    /// The keyslots, once `old` is shown to be `who`'s passphrase (counted against the delay).
    fn check_old_passphrase(&mut self, who: Partner, old: &str, now: Instant) -> Result<Keyslots> {
        if !self.session()?.is_open(Space::Private(who)) {
            return Err(VaultError::Locked);
        }
        let slots = Keyslots::load(&self.dir)?;
        let tries = [(Space::Shared, SlotId::Passphrase(who))];
        if self.unwrap_counted(&slots, &tries, old, now)?.is_none() {
            return Err(VaultError::WrongPassphrase {
                who: self.name(who),
            });
        }
        Ok(slots)
    }

    /// A new passphrase must be strong and name neither partner. It is not compared with the other
    /// partner's: that comparison would answer "is this their passphrase?" to anyone who can
    /// change a passphrase (or holds a recovery code), without a trace. Someone who already knows
    /// their partner's passphrase and takes it for their own gains nothing new; after a restart
    /// that passphrase would open their own space first.
    pub(super) fn check_new_passphrase(&self, new: &str) -> Result<()> {
        let names = self.names.clone().unwrap_or_default();
        let known: Vec<&str> = names.iter().map(String::as_str).collect();
        strength::check(new, &known)
    }

    /// Wraps the shared vault's key under `who`'s new passphrase (not saved yet), and returns the
    /// key-encryption key, which wraps their private slot too.
    pub(super) fn set_shared_slot(
        &self,
        slots: &mut Keyslots,
        who: Partner,
        new: &str,
    ) -> Result<Kek> {
        let kek = Kek::derive(new, self.kdf)?;
        let key = self.session()?.key(Space::Shared)?;
        slots
            .vault_mut(Space::Shared)?
            .set_slot_under(SlotId::Passphrase(who), &kek, key)?;
        Ok(kek)
    }

    /// Copies `who`'s private vault under a new key, saves `slots` with that key wrapped under
    /// their passphrase's `kek` and their recovery code (the moment the change takes effect), then
    /// puts the copy in the old file's place.
    pub(super) fn replace_private_key(
        &mut self,
        slots: &mut Keyslots,
        who: Partner,
        kek: &Kek,
        recovery_code: &str,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<()> {
        let space = Space::Private(who);
        let dir = self.dir.clone();
        let new_key = crypto::random_key();
        rekey::copy_under_new_key(
            self.session()?,
            &dir,
            space,
            &new_key,
            &mut |done, total| progress(Progress { done, total }),
        )?;
        let wrapped = (|| {
            let private_slots = slots.vault_mut(space)?;
            private_slots.set_slot_under(SlotId::Passphrase(who), kek, &new_key)?;
            private_slots.set_slot(SlotId::Recovery, recovery_code, &new_key, self.kdf)?;
            slots.save_atomic(&dir)
        })();
        if let Err(err) = wrapped {
            let _ = std::fs::remove_file(rekey::pending_path(&dir, space));
            return Err(err);
        }
        if let Err(err) = rekey::swap_in(self.session_mut()?, &dir, space, new_key) {
            // The new key is in force; the next unlock finishes the move.
            self.lock();
            return Err(err);
        }
        Ok(())
    }
}
