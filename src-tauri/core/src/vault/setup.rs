//! First-run setup: the couple's names and passphrases are checked, then the three vault files and
//! the keyslots are made in a staging folder and move in together.

use std::fs;
use std::path::Path;

use serde::Serialize;
use zeroize::Zeroizing;

use super::crypto::{self, Key};
use super::keyslots::{Kek, Keyslots, SlotId, VaultSlots};
use super::types::{Partner, Space};
use super::{db, index, partners, recovery, staging, strength};
use super::{Result, Session, Vault, VaultError};

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

impl Vault {
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
        self.know_names(names);
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
        // One key-encryption key per partner wraps both their passphrase slots.
        let keks = [
            Kek::derive(passphrases[0], self.kdf)?,
            Kek::derive(passphrases[1], self.kdf)?,
        ];
        let mut shared_slots = VaultSlots::new(Space::Shared);
        for who in Partner::BOTH {
            shared_slots.set_slot_under(SlotId::Passphrase(who), &keks[index(who)], &shared_key)?;
        }
        slots.vaults.push(shared_slots);

        let mut codes = Vec::new();
        let mut private_keys = Vec::new();
        for who in Partner::BOTH {
            let (private_slots, code, key) = self.create_private(at, who, &keks[index(who)])?;
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

    /// Makes `who`'s private vault in `at` under a fresh key: its slots (the passphrase under
    /// `kek`, and a new recovery code), the code to show once, and the key.
    pub(super) fn create_private(
        &self,
        at: &Path,
        who: Partner,
        kek: &Kek,
    ) -> Result<(VaultSlots, Zeroizing<String>, Key)> {
        let space = Space::Private(who);
        let key = crypto::random_key();
        drop(db::create(at, space, &key)?);
        let code = recovery::generate();
        let mut slots = VaultSlots::new(space);
        slots.set_slot_under(SlotId::Passphrase(who), kek, &key)?;
        let normalized = recovery::normalize(&code)?;
        slots.set_slot(SlotId::Recovery, &normalized, &key, self.kdf)?;
        Ok((slots, code, key))
    }
}
