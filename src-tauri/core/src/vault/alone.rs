//! A laptop that joined through sync holds one partner alone. Where the couple set Hearth up, a
//! partner who forgets their passphrase gets back in through the other, who unlocks and lends the
//! shared vault's key ([`Vault::reset_with_recovery`]). On a laptop that joined, no one else ever
//! unlocks, so the recovery code shown when it joined opens its shared vault as well as the
//! private one, and a new passphrase is set from the lock screen. The code opens nothing more than
//! the passphrase it replaces: both vaults on this laptop are its owner's to open.

use std::time::Instant;

use super::keyslots::{Keyslots, SlotId};
use super::{arrive, recovery, Session};
use super::{Partner, Result, Space, Status, Vault, VaultError};

impl Vault {
    /// Whether a recovery code opens this laptop from the lock screen: a laptop that joined, where
    /// one partner alone has slots, while it is locked.
    pub(super) fn recovers_at_lock_screen(&self) -> bool {
        self.session.is_none() && alone_here(&self.dir).is_some()
    }

    /// Locked, on a laptop that joined: sets a new passphrase for its partner with their recovery
    /// code, replaces their private vault's key, and unlocks. A wrong code counts against the
    /// delay as a wrong passphrase does; a weak passphrase leaves everything as it was, locked.
    pub fn reset_alone(&mut self, code: &str, new: &str, now: Instant) -> Result<Status> {
        if self.session.is_some() {
            return Err(VaultError::AlreadyUnlocked {
                who: self.unlocked_names(),
            });
        }
        let (who, mut slots) = alone_here(&self.dir).ok_or(VaultError::Locked)?;
        let code = recovery::normalize(code)?;
        let tries = [(Space::Shared, SlotId::Recovery)];
        let Some((_, shared_key, _)) = self.unwrap_counted(&slots, &tries, &code, now)? else {
            return Err(VaultError::WrongRecoveryCode {
                who: self.name(who).unwrap_or_default(),
            });
        };
        let private_key = slots
            .vault(Space::Private(who))?
            .unwrap_key(SlotId::Recovery, &code)?
            .ok_or_else(|| VaultError::KeyslotsDamaged {
                file: super::keyslots::path_in(&self.dir),
                detail: "the recovery slots do not match".into(),
            })?;
        let mut session = Session::open(&self.dir, shared_key, self.clock.clone())?;
        let names = arrive(&mut session, &self.dir, who, private_key)
            .map_err(|err| session.name_damage(err))?;
        self.know_names(names);
        // A passphrase too weak is refused before anything is written; the session goes with it.
        self.check_new_passphrase(new)?;
        self.session = Some(session);
        let kek = self.set_shared_slot(&mut slots, who, new)?;
        self.replace_private_key(&mut slots, who, &kek, &code, &mut |_| {})?;
        Ok(self.status())
    }

    /// On a laptop that joined, a new recovery code opens the shared vault too, in place of the old.
    pub(super) fn renew_shared_recovery(&self, slots: &mut Keyslots, code: &str) -> Result<()> {
        let shared = slots.vault_mut(Space::Shared)?;
        if shared.has_slot(SlotId::Recovery) {
            let key = self.session()?.key(Space::Shared)?;
            shared.set_slot(SlotId::Recovery, code, key, self.kdf)?;
        }
        Ok(())
    }
}

/// The partner who is alone on this laptop, with its keyslots: the shared vault has a recovery
/// slot and one passphrase slot. `None` where the couple set Hearth up.
fn alone_here(dir: &std::path::Path) -> Option<(Partner, Keyslots)> {
    let slots = Keyslots::load(dir).ok()?;
    let shared = slots.vault(Space::Shared).ok()?;
    if !shared.has_slot(SlotId::Recovery) {
        return None;
    }
    let mut here = Partner::BOTH
        .into_iter()
        .filter(|who| shared.has_slot(SlotId::Passphrase(*who)));
    match (here.next(), here.next()) {
        (Some(who), None) => Some((who, slots)),
        _ => None,
    }
}
