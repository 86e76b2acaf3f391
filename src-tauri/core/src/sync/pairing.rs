//! Pairing a second laptop through the folder itself. Laptop A writes a pairing file,
//! `HearthSync/pair-<A's device id>`, holding the vault id, the shared vault's key, A's device
//! id and the couple's names, sealed under a one-time code of 130 random bits that A's screen shows and B types. The code
//! never enters the folder. A removes the file once B has acknowledged anything, which B can only
//! do after opening it.
//!
//! ```text
//! magic "HRTHPAIR" | version (1) | salt (16) | nonce (24) | XChaCha20-Poly1305(JSON) + tag (16)
//! ```
//!
//! The code is already a key's worth of randomness, so HKDF-SHA256 (salted per file) turns it into
//! the sealing key; a slow hash would add nothing but waiting. Everything before the nonce is
//! bound as associated data.

use std::fs;
use std::path::{Path, PathBuf};

use hkdf::Hkdf;
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use zeroize::Zeroizing;

use super::clock::DeviceId;
use super::envelope::VaultId;
use super::{names, Result, SyncError};
use crate::files;
use crate::vault::crypto::{self, KEY_LEN, NONCE_LEN};

const MAGIC: &[u8; 8] = b"HRTHPAIR";
const VERSION: u8 = 1;
const SALT_LEN: usize = 16;
const HEADER_LEN: usize = MAGIC.len() + 1 + SALT_LEN;
const LABEL: &[u8] = b"hearth pairing key v1";
const PREFIX: &str = "pair-";
/// Crockford's base32: no I, L, O or U, so nothing typed is ambiguous.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// 26 characters of 5 bits: 130 bits, shown in groups of four.
const CODE_CHARS: usize = 26;

/// What a pairing file carries to the second laptop.
#[derive(Serialize, Deserialize)]
pub struct Invitation {
    #[serde(with = "hex_array")]
    pub vault: VaultId,
    #[serde(with = "hex_array")]
    pub shared_key: [u8; KEY_LEN],
    pub from: String,
    /// The couple's names, as the first laptop has them, for the second laptop's screens until
    /// the first segments arrive.
    pub names: [String; 2],
    /// Where the second laptop starts reading the first one's segments: 1, or, once earlier
    /// segments were cleared, the first segment of the snapshot made for it.
    #[serde(default = "first_segment")]
    pub start_seq: u64,
    /// The hash of the segment before `start_seq`; zeros before the first.
    #[serde(default, with = "hex_array")]
    pub start_hash: [u8; 32],
}

fn first_segment() -> u64 {
    1
}

impl Drop for Invitation {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.shared_key);
    }
}

/// A one-time code, as shown: groups of four characters.
pub fn new_code() -> Zeroizing<String> {
    let mut raw = [0u8; CODE_CHARS];
    crypto::fill_random(&mut raw);
    let chars: Vec<char> = raw
        .iter()
        .map(|byte| char::from(ALPHABET[usize::from(byte % 32)]))
        .collect();
    let groups: Vec<String> = chars.chunks(4).map(|g| g.iter().collect()).collect();
    Zeroizing::new(groups.join("-"))
}

/// A code as typed: case, spaces and dashes do not matter, and O, I and L read as 0, 1 and 1.
fn normalize(typed: &str) -> Result<Zeroizing<String>> {
    let mut clean = Zeroizing::new(String::new());
    for c in typed.chars().filter(|c| !c.is_whitespace() && *c != '-') {
        let c = match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        };
        if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
            return Err(SyncError::PairingCode);
        }
        clean.push(c);
    }
    if clean.len() != CODE_CHARS {
        return Err(SyncError::PairingCode);
    }
    Ok(clean)
}

fn sealing_key(code: &str, salt: &[u8]) -> Result<Zeroizing<[u8; KEY_LEN]>> {
    let code = normalize(code)?;
    let mut key = Zeroizing::new([0u8; KEY_LEN]);
    Hkdf::<Sha256>::new(Some(salt), code.as_bytes())
        .expand(LABEL, key.as_mut())
        .map_err(|_| SyncError::Malformed)?;
    Ok(key)
}

/// Where `device`'s pairing file goes in the folder the couple syncs.
pub fn path(folder: &Path, device: DeviceId) -> PathBuf {
    folder.join(names::ROOT).join(format!("{PREFIX}{device}"))
}

/// Writes the pairing file for `invitation`, sealed under `code`.
pub fn write(folder: &Path, invitation: &Invitation, code: &str) -> Result<()> {
    let from = DeviceId::parse(&invitation.from).ok_or(SyncError::Malformed)?;
    let mut salt = [0u8; SALT_LEN];
    crypto::fill_random(&mut salt);
    let key = sealing_key(code, &salt)?;
    let mut header = Vec::with_capacity(HEADER_LEN);
    header.extend_from_slice(MAGIC);
    header.push(VERSION);
    header.extend_from_slice(&salt);
    let body = Zeroizing::new(serde_json::to_vec(invitation).map_err(|_| SyncError::Malformed)?);
    let nonce = crypto::random_nonce();
    let sealed = crypto::seal(&key, &nonce, &header, &body).map_err(|_| SyncError::Malformed)?;
    let mut bytes = header;
    bytes.extend_from_slice(&nonce);
    bytes.extend_from_slice(&sealed);
    let root = folder.join(names::ROOT);
    files::create_dir_if_missing(&root)?;
    files::write_atomic(&root, &format!("{PREFIX}{from}"), &bytes)?;
    Ok(())
}

/// The pairing files in the folder (usually one).
pub fn find(folder: &Path) -> Result<Vec<PathBuf>> {
    let root = folder.join(names::ROOT);
    let listing = match fs::read_dir(&root) {
        Ok(listing) => listing,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(err.into()),
    };
    let mut found = Vec::new();
    for item in listing {
        let item = item?;
        let name = item.file_name();
        let pairing = name
            .to_str()
            .and_then(|n| n.strip_prefix(PREFIX))
            .and_then(DeviceId::parse);
        if pairing.is_some() && item.file_type()?.is_file() {
            found.push(item.path());
        }
    }
    found.sort();
    Ok(found)
}

/// Opens a pairing file with a typed code. A wrong code, or a file changed in any way, reveals
/// nothing and says only that the code does not open it.
pub fn open(file: &Path, code: &str) -> Result<Invitation> {
    let bytes = fs::read(file)?;
    if bytes.len() < HEADER_LEN + NONCE_LEN || &bytes[..MAGIC.len()] != MAGIC {
        return Err(SyncError::Malformed);
    }
    if bytes[MAGIC.len()] != VERSION {
        return Err(SyncError::NewerFormat(bytes[MAGIC.len()]));
    }
    let (header, rest) = bytes.split_at(HEADER_LEN);
    let (nonce, sealed) = rest.split_at(NONCE_LEN);
    let nonce: [u8; NONCE_LEN] = nonce.try_into().map_err(|_| SyncError::Malformed)?;
    let key = sealing_key(code, &header[MAGIC.len() + 1..])?;
    let body = crypto::open(&key, &nonce, header, sealed).ok_or(SyncError::PairingCode)?;
    serde_json::from_slice(&body).map_err(|_| SyncError::Malformed)
}

/// Removes this laptop's pairing file, if it is there: once the other laptop has acknowledged
/// anything, it has opened it, and the shared key should not sit in the folder any longer.
pub fn remove(folder: &Path, device: DeviceId) -> Result<()> {
    files::remove_if_there(&path(folder, device))?;
    Ok(())
}

mod hex_array {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::vault::hex;

    pub fn serialize<S: Serializer, const N: usize>(
        bytes: &[u8; N],
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.serialize_str(&hex::encode_secret(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>, const N: usize>(
        d: D,
    ) -> Result<[u8; N], D::Error> {
        let text = zeroize::Zeroizing::new(String::deserialize(d)?);
        hex::decode(&text)
            .map(zeroize::Zeroizing::new)
            .and_then(|bytes| bytes.as_slice().try_into().ok())
            .ok_or_else(|| serde::de::Error::custom("not hex of the right length"))
    }
}
