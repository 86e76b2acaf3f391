//! The keyslots file: each vault's random key, wrapped once per way in (a partner's passphrase or a
//! recovery code), in the manner of LUKS. Changing a passphrase rewraps one slot and re-encrypts no
//! data. The file is rewritten atomically (temp file, fsync, rename, fsync of the folder), so a crash
//! leaves either the old file or the new one.
//!
//! The associated data of each wrap binds the format version, the vault id and the slot id, so a
//! slot copied into another vault or position fails to open.
//!
//! A partner's two passphrase slots (shared and private) carry the same salt and costs, so one
//! Argon2id derivation (a [`Kek`]) opens both: an unlock derives once. Files written before that
//! have a salt per slot; the first unlock of each partner rewraps their private slot under the
//! shared slot's salt, with the key-encryption key it already derived (see `Vault::unlock`). The
//! format itself is unchanged, so an older Hearth still reads the file.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::crypto::{self, KdfParams, Key, KEY_LEN, NONCE_LEN, SALT_LEN, TAG_LEN};
use super::error::{Result, VaultError};
use super::hex;
use super::types::{Partner, Space};

pub const FILE_NAME: &str = "keyslots.json";
pub const FORMAT_VERSION: u32 = 1;
const VAULT_ID_LEN: usize = 16;

/// Which way into a vault a slot is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotId {
    Passphrase(Partner),
    Recovery,
}

impl SlotId {
    fn label(self) -> &'static str {
        match self {
            SlotId::Passphrase(Partner::A) => "passphrase-a",
            SlotId::Passphrase(Partner::B) => "passphrase-b",
            SlotId::Recovery => "recovery",
        }
    }

    fn from_label(label: &str) -> Option<SlotId> {
        [
            SlotId::Passphrase(Partner::A),
            SlotId::Passphrase(Partner::B),
            SlotId::Recovery,
        ]
        .into_iter()
        .find(|slot| slot.label() == label)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    pub id: SlotId,
    pub kdf: KdfParams,
    salt: [u8; SALT_LEN],
    nonce: [u8; NONCE_LEN],
    wrapped: [u8; KEY_LEN + TAG_LEN],
}

#[derive(Debug, Clone, PartialEq)]
pub struct VaultSlots {
    pub space: Space,
    id: [u8; VAULT_ID_LEN],
    pub slots: Vec<Slot>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Keyslots {
    pub vaults: Vec<VaultSlots>,
}

// The on-disk form: hex strings in JSON, read strictly.
#[derive(Serialize, Deserialize)]
struct VersionOnly {
    format: u32,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    format: u32,
    vaults: Vec<RawVault>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVault {
    space: String,
    id: String,
    slots: Vec<RawSlot>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSlot {
    id: String,
    kdf: KdfParams,
    salt: String,
    nonce: String,
    wrapped: String,
}

pub fn path_in(dir: &Path) -> PathBuf {
    dir.join(FILE_NAME)
}

fn fixed<const N: usize>(text: &str, what: &str) -> Result<[u8; N], String> {
    hex::decode(text)
        .and_then(|bytes| <[u8; N]>::try_from(bytes).ok())
        .ok_or_else(|| format!("{what} is not {N} bytes of hex"))
}

impl Keyslots {
    pub fn new() -> Self {
        Keyslots { vaults: Vec::new() }
    }

    /// Reads the file in `dir`, telling a missing file, a damaged one and a newer format apart.
    pub fn load(dir: &Path) -> Result<Keyslots> {
        let path = path_in(dir);
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                return Err(VaultError::KeyslotsMissing { file: path })
            }
            Err(err) => return Err(err.into()),
        };
        Self::parse(&bytes, &path)
    }

    pub fn parse(bytes: &[u8], path: &Path) -> Result<Keyslots> {
        let damaged = |detail: String| VaultError::KeyslotsDamaged {
            file: path.to_path_buf(),
            detail,
        };
        let version: VersionOnly =
            serde_json::from_slice(bytes).map_err(|err| damaged(err.to_string()))?;
        if version.format > FORMAT_VERSION {
            return Err(VaultError::FormatTooNew {
                file: path.to_path_buf(),
                found: version.format,
                supported: FORMAT_VERSION,
            });
        }
        let raw: RawFile = serde_json::from_slice(bytes).map_err(|err| damaged(err.to_string()))?;
        if raw.format != FORMAT_VERSION {
            return Err(damaged(format!("unknown format {}", raw.format)));
        }
        let mut vaults: Vec<VaultSlots> = Vec::new();
        for raw_vault in raw.vaults {
            let space = Space::from_label(&raw_vault.space)
                .ok_or_else(|| damaged(format!("unknown space {:?}", raw_vault.space)))?;
            if vaults.iter().any(|v| v.space == space) {
                return Err(damaged(format!("{} appears twice", space.label())));
            }
            let id = fixed(&raw_vault.id, "a vault id").map_err(damaged)?;
            let mut slots: Vec<Slot> = Vec::new();
            for raw_slot in raw_vault.slots {
                let slot_id = SlotId::from_label(&raw_slot.id)
                    .ok_or_else(|| damaged(format!("unknown slot {:?}", raw_slot.id)))?;
                if slots.iter().any(|s| s.id == slot_id) {
                    return Err(damaged(format!("slot {} appears twice", raw_slot.id)));
                }
                if !raw_slot.kdf.within_bounds() {
                    return Err(damaged(format!(
                        "slot {} asks for key-derivation costs no Hearth writes",
                        raw_slot.id
                    )));
                }
                slots.push(Slot {
                    id: slot_id,
                    kdf: raw_slot.kdf,
                    salt: fixed(&raw_slot.salt, "a salt").map_err(damaged)?,
                    nonce: fixed(&raw_slot.nonce, "a nonce").map_err(damaged)?,
                    wrapped: fixed(&raw_slot.wrapped, "a wrapped key").map_err(damaged)?,
                });
            }
            vaults.push(VaultSlots { space, id, slots });
        }
        Ok(Keyslots { vaults })
    }

    pub fn to_json(&self) -> Result<Vec<u8>> {
        let raw = RawFile {
            format: FORMAT_VERSION,
            vaults: self
                .vaults
                .iter()
                .map(|vault| RawVault {
                    space: vault.space.label().to_string(),
                    id: hex::encode(&vault.id),
                    slots: vault
                        .slots
                        .iter()
                        .map(|slot| RawSlot {
                            id: slot.id.label().to_string(),
                            kdf: slot.kdf,
                            salt: hex::encode(&slot.salt),
                            nonce: hex::encode(&slot.nonce),
                            wrapped: hex::encode(&slot.wrapped),
                        })
                        .collect(),
                })
                .collect(),
        };
        serde_json::to_vec_pretty(&raw).map_err(|err| VaultError::Io(err.into()))
    }

    /// Replaces the file in `dir` so that a crash at any moment leaves the old or the new file.
    pub fn save_atomic(&self, dir: &Path) -> Result<()> {
        Ok(crate::files::write_atomic(
            dir,
            FILE_NAME,
            &self.to_json()?,
        )?)
    }

    pub fn vault(&self, space: Space) -> Result<&VaultSlots> {
        self.vaults
            .iter()
            .find(|v| v.space == space)
            .ok_or_else(|| self.missing(space))
    }

    pub fn vault_mut(&mut self, space: Space) -> Result<&mut VaultSlots> {
        let err = self.missing(space);
        self.vaults.iter_mut().find(|v| v.space == space).ok_or(err)
    }

    fn missing(&self, space: Space) -> VaultError {
        VaultError::KeyslotsDamaged {
            file: PathBuf::from(FILE_NAME),
            detail: format!("no slots for {}", space.label()),
        }
    }

    /// Every slot, for checks such as "the app never writes below the KDF floor".
    pub fn all_slots(&self) -> impl Iterator<Item = &Slot> {
        self.vaults.iter().flat_map(|v| v.slots.iter())
    }
}

impl Default for Keyslots {
    fn default() -> Self {
        Self::new()
    }
}

/// A key-encryption key with the salt and costs it was derived with, so that every slot written
/// with those can reuse it.
pub struct Kek {
    salt: [u8; SALT_LEN],
    kdf: KdfParams,
    key: Key,
}

impl Kek {
    /// A new key-encryption key for `secret`, under a fresh salt.
    pub fn derive(secret: &str, kdf: KdfParams) -> Result<Kek> {
        let salt = crypto::random_salt();
        Ok(Kek {
            salt,
            kdf,
            key: crypto::derive_kek(secret, &salt, kdf)?,
        })
    }

    fn fits(&self, slot: &Slot) -> bool {
        self.salt == slot.salt && self.kdf == slot.kdf
    }
}

impl VaultSlots {
    pub fn new(space: Space) -> Self {
        let mut id = [0u8; VAULT_ID_LEN];
        crypto::fill_random(&mut id);
        Self::with_id(space, id)
    }

    /// Slots for a vault whose id is already known: the shared vault on a laptop that joins it.
    pub fn with_id(space: Space, id: [u8; VAULT_ID_LEN]) -> Self {
        VaultSlots {
            space,
            id,
            slots: Vec::new(),
        }
    }

    /// The vault's id, the same on every laptop that holds it.
    pub fn id(&self) -> [u8; VAULT_ID_LEN] {
        self.id
    }

    fn aad(&self, slot: SlotId) -> Vec<u8> {
        format!(
            "hearth keyslot v{FORMAT_VERSION} vault {} slot {}",
            hex::encode(&self.id),
            slot.label()
        )
        .into_bytes()
    }

    pub fn has_slot(&self, id: SlotId) -> bool {
        self.slots.iter().any(|s| s.id == id)
    }

    /// Unwraps the vault key with `secret`. `Ok(None)` means the secret is wrong (or the slot was
    /// tampered with; the two cannot be told apart, by design of the AEAD).
    pub fn unwrap_key(&self, id: SlotId, secret: &str) -> Result<Option<Key>> {
        Ok(self.open_with(id, secret, None)?.map(|(key, _)| key))
    }

    /// As [`VaultSlots::unwrap_key`], reusing `known` when it was derived with this slot's salt
    /// and costs (no second derivation); returns the key-encryption key used too.
    pub fn open_with(
        &self,
        id: SlotId,
        secret: &str,
        known: Option<Kek>,
    ) -> Result<Option<(Key, Kek)>> {
        let Some(slot) = self.slots.iter().find(|s| s.id == id) else {
            return Ok(None);
        };
        let kek = match known {
            Some(kek) if kek.fits(slot) => kek,
            _ => Kek {
                salt: slot.salt,
                kdf: slot.kdf,
                key: crypto::derive_kek(secret, &slot.salt, slot.kdf)?,
            },
        };
        let Some(plain) = crypto::open(&kek.key, &slot.nonce, &self.aad(id), &slot.wrapped) else {
            return Ok(None);
        };
        let mut key = Key::default();
        if plain.len() != KEY_LEN {
            return Err(VaultError::Crypto);
        }
        key.copy_from_slice(&plain);
        Ok(Some((key, kek)))
    }

    /// Whether slot `id` is wrapped under `kek`'s salt and costs.
    pub fn wrapped_under(&self, id: SlotId, kek: &Kek) -> bool {
        self.slots.iter().any(|s| s.id == id && kek.fits(s))
    }

    /// Wraps `key` under `secret` in slot `id`, with a fresh salt and nonce, replacing any old slot.
    pub fn set_slot(&mut self, id: SlotId, secret: &str, key: &Key, kdf: KdfParams) -> Result<()> {
        self.set_slot_under(id, &Kek::derive(secret, kdf)?, key)
    }

    /// Wraps `key` under `kek` in slot `id`, with a fresh nonce, replacing any old slot.
    pub fn set_slot_under(&mut self, id: SlotId, kek: &Kek, key: &Key) -> Result<()> {
        let nonce = crypto::random_nonce();
        let sealed = crypto::seal(&kek.key, &nonce, &self.aad(id), key.as_ref())?;
        let wrapped =
            <[u8; KEY_LEN + TAG_LEN]>::try_from(sealed).map_err(|_| VaultError::Crypto)?;
        let slot = Slot {
            id,
            kdf: kek.kdf,
            salt: kek.salt,
            nonce,
            wrapped,
        };
        match self.slots.iter_mut().find(|s| s.id == id) {
            Some(existing) => *existing = slot,
            None => self.slots.push(slot),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    //! Slot positions and the parser under arbitrary bytes. The format itself is pinned by the
    //! golden files in `tests/format_vectors.rs`.
    use super::*;
    use proptest::prelude::*;

    const FAST: KdfParams = KdfParams {
        m_kib: 64,
        t: 1,
        p: 1,
    };

    fn sample() -> (Keyslots, Key) {
        let key = crypto::random_key();
        let mut vault = VaultSlots::new(Space::Shared);
        vault
            .set_slot(SlotId::Passphrase(Partner::A), "first secret", &key, FAST)
            .unwrap();
        vault
            .set_slot(SlotId::Passphrase(Partner::B), "second secret", &key, FAST)
            .unwrap();
        (
            Keyslots {
                vaults: vec![vault],
            },
            key,
        )
    }

    #[test]
    fn a_slot_moved_to_another_position_does_not_open() {
        let (mut slots, _) = sample();
        let vault = slots.vault_mut(Space::Shared).unwrap();
        vault.slots[1].wrapped = vault.slots[0].wrapped;
        vault.slots[1].salt = vault.slots[0].salt;
        vault.slots[1].nonce = vault.slots[0].nonce;
        assert!(vault
            .unwrap_key(SlotId::Passphrase(Partner::B), "first secret")
            .unwrap()
            .is_none());
    }

    proptest! {
        #[test]
        fn parser_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = Keyslots::parse(&bytes, Path::new("k"));
        }

        #[test]
        fn parser_rejects_any_single_byte_change_or_opens_the_same(pos in 0usize..2000, byte in any::<u8>()) {
            let (slots, key) = sample();
            let mut json = slots.to_json().unwrap();
            let pos = pos % json.len();
            json[pos] = byte;
            // A change either fails to parse, or parses to slots that still open with the right key
            // or not at all, never to a different key.
            if let Ok(parsed) = Keyslots::parse(&json, Path::new("k")) {
                if let Ok(vault) = parsed.vault(Space::Shared) {
                    if let Ok(Some(opened)) = vault.unwrap_key(SlotId::Passphrase(Partner::A), "first secret") {
                        prop_assert_eq!(&*opened, &*key);
                    }
                }
            }
        }
    }
}
