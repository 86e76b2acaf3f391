//! A second laptop joining the couple's shared space. The shared vault arrives as its id and key
//! (from a pairing file: see `sync::pairing`); this laptop makes its own `shared.db` under that
//! key, empty until the other laptop's segments fill it, and a private vault for the partner who
//! joins, with that partner's own passphrase. Only that partner has a keyslot here: keyslots never
//! travel, and the other partner's private space stays on their own laptop.

use std::fs;

use super::crypto::Key;
use super::keyslots::{Kek, Keyslots, SlotId, VaultSlots};
use super::types::{Partner, Space};
use super::{db, partners, staging, strength};
use super::{Result, Session, Vault, VaultError};

/// What joining needs: the shared vault (id and key), the couple's names as the other laptop has
/// them, who joins, and the passphrase they choose for this laptop.
pub struct Joining<'a> {
    pub vault_id: [u8; 16],
    pub shared_key: Key,
    pub names: [String; 2],
    pub who: Partner,
    pub passphrase: &'a str,
}

impl Vault {
    /// Sets this laptop up as `who`'s, holding the shared space another laptop already has, and
    /// leaves `who` unlocked. Returns `who`'s new recovery code, which exists nowhere else.
    pub fn join(&mut self, joining: Joining<'_>) -> Result<String> {
        if self.is_set_up() {
            return Err(VaultError::AlreadySetUp);
        }
        let names = [
            partners::clean(&joining.names[0])?,
            partners::clean(&joining.names[1])?,
        ];
        let known: Vec<&str> = names.iter().map(String::as_str).collect();
        strength::check(joining.passphrase, &known)?;
        // All or nothing, as at setup.
        let folder = staging::begin(&self.dir)?;
        let made = self.create_joined(&folder, &names, &joining);
        let (code, private_key) = match made {
            Ok(made) => made,
            Err(err) => {
                let _ = fs::remove_dir_all(&folder);
                return Err(err);
            }
        };
        staging::commit(&self.dir)?;
        let mut session = Session::open(&self.dir, joining.shared_key.clone(), self.clock.clone())?;
        session.attach_private(&self.dir, joining.who, private_key)?;
        self.session = Some(session);
        self.know_names(names);
        Ok(code)
    }

    fn create_joined(
        &self,
        at: &std::path::Path,
        names: &[String; 2],
        joining: &Joining<'_>,
    ) -> Result<(String, Key)> {
        let shared = db::create(at, Space::Shared, &joining.shared_key)?;
        partners::write(&shared, names)?;
        drop(shared);
        let kek = Kek::derive(joining.passphrase, self.kdf)?;
        let mut shared_slots = VaultSlots::with_id(Space::Shared, joining.vault_id);
        shared_slots.set_slot_under(SlotId::Passphrase(joining.who), &kek, &joining.shared_key)?;
        let (private_slots, code, key) = self.create_private(at, joining.who, &kek)?;
        // No one else ever unlocks this laptop to lend the shared key: the recovery code opens
        // the shared vault here too (see `alone`).
        let normalized = super::recovery::normalize(&code)?;
        shared_slots.set_slot(SlotId::Recovery, &normalized, &joining.shared_key, self.kdf)?;
        let mut slots = Keyslots::new();
        slots.vaults.push(shared_slots);
        slots.vaults.push(private_slots);
        slots.save_atomic(at)?;
        Ok((code.to_string(), key))
    }

    /// The shared vault's id and key, for the sync mailbox and a pairing file. Only while
    /// unlocked; the key never leaves the core.
    pub(crate) fn shared_identity(&self) -> Result<([u8; 16], Key)> {
        let session = self.session()?;
        let key = session.key(Space::Shared)?.clone();
        let id = Keyslots::load(&self.dir)?.vault(Space::Shared)?.id();
        Ok((id, key))
    }
}
