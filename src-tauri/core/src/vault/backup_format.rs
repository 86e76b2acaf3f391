//! The backup file's format, kept apart from what writes and restores it.
//!
//! Little-endian throughout: `HEARTHBK`, the format (u32), the number of parts (u32), then each part
//! as its name's length (u16), the name, its size (u64), its bytes and their SHA-256. Format 2 adds
//! a 32-byte seal after the parts: HMAC-SHA256, under a key derived from the shared vault's key,
//! over every part's name and SHA-256. Whoever restores unlocks the shared vault, so they can
//! check the seal, and with it the part they cannot open themselves: the other partner's private
//! vault. Format 2 may also carry a vault's `-wal` after the vault, for a closed vault whose WAL
//! still held committed pages. Format 1 files (no seal, no `-wal`) are still read.

use std::path::Path;

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use super::crypto::Key;
use super::error::{Result, VaultError};
use super::keyslots;
use super::staging;
use super::types::Space;

const MAGIC: &[u8; 8] = b"HEARTHBK";
/// The format this Hearth writes.
pub const FORMAT: u32 = 2;
const SEAL_LEN: usize = 32;

/// A backup as read: its parts by file name, in order, and (from format 2) its seal.
pub struct Contents {
    pub parts: Vec<(String, Vec<u8>)>,
    pub seal: Option<[u8; SEAL_LEN]>,
}

pub(crate) fn damaged(detail: &str) -> VaultError {
    VaultError::BackupDamaged {
        detail: detail.to_string(),
    }
}

/// The names a backup may hold, in the order it holds them, and whether each must be there.
fn allowed_parts(format: u32) -> Vec<(String, bool)> {
    let mut names = vec![(keyslots::FILE_NAME.to_string(), true)];
    for space in Space::ALL {
        names.push((space.file_name().to_string(), true));
        if format >= 2 {
            names.push((staging::wal_name(space), false));
        }
    }
    names
}

/// A backup file's bytes in the current format.
pub fn encode(parts: &[(String, Vec<u8>)], seal: &[u8; SEAL_LEN]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&(parts.len() as u32).to_le_bytes());
    for (name, bytes) in parts {
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        out.extend_from_slice(bytes);
        out.extend_from_slice(&Sha256::digest(bytes));
    }
    out.extend_from_slice(seal);
    out
}

/// The seal of `parts` under the shared vault's key.
pub fn seal(parts: &[(String, Vec<u8>)], shared_key: &Key) -> [u8; SEAL_LEN] {
    seal_mac(parts, shared_key).finalize().into_bytes().into()
}

/// Checks `contents`' seal, in constant time, with the shared key its restorer unlocked. A format
/// 1 backup has none.
pub fn check_seal(contents: &Contents, shared_key: &Key) -> Result<()> {
    let Some(expected) = contents.seal else {
        return Ok(());
    };
    seal_mac(&contents.parts, shared_key)
        .verify_slice(&expected)
        .map_err(|_| damaged("one of its parts is not the one it was made with"))
}

fn seal_mac(parts: &[(String, Vec<u8>)], shared_key: &Key) -> Hmac<Sha256> {
    // A key of its own for sealing, so the vault key itself is used for nothing else.
    let mut derive = hmac(shared_key.as_ref());
    derive.update(b"hearth backup seal v2");
    let mut mac = hmac(&derive.finalize().into_bytes());
    for (name, bytes) in parts {
        mac.update(&(name.len() as u16).to_le_bytes());
        mac.update(name.as_bytes());
        mac.update(&Sha256::digest(bytes));
    }
    mac
}

fn hmac(key: &[u8]) -> Hmac<Sha256> {
    <Hmac<Sha256> as Mac>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC takes a key of any length"))
}

/// Reads and checks a backup's structure: the parts a backup holds, in order, each whole and
/// matching its checksum.
pub fn parse(bytes: &[u8], source: &Path) -> Result<Contents> {
    let mut reader = Reader(bytes);
    let format = reader.header(source)?;
    let count = u32::from_le_bytes(reader.array("header")?);
    let mut allowed = allowed_parts(format).into_iter();
    let mut parts = Vec::new();
    for _ in 0..count {
        let (name, data) = reader.part()?;
        // Each part is the next allowed one, skipping only optional ones.
        loop {
            match allowed.next() {
                Some((wanted, _)) if wanted == name => break,
                Some((_, false)) => continue,
                _ => return Err(damaged("its files are not the ones a backup holds")),
            }
        }
        parts.push((name, data));
    }
    if allowed.any(|(_, required)| required) {
        return Err(damaged("it holds the wrong number of files"));
    }
    let seal = if format >= 2 {
        Some(reader.array("the seal")?)
    } else {
        None
    };
    if !reader.0.is_empty() {
        return Err(damaged("there is extra data at its end"));
    }
    Ok(Contents { parts, seal })
}

/// What is left of a backup file's bytes, read from the front.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        if self.0.len() < n {
            return Err(damaged("the file ends too soon"));
        }
        let (head, tail) = self.0.split_at(n);
        self.0 = tail;
        Ok(head)
    }

    fn array<const N: usize>(&mut self, what: &str) -> Result<[u8; N]> {
        self.take(N)?.try_into().map_err(|_| damaged(what))
    }

    /// The magic and the format, which must be one this Hearth reads.
    fn header(&mut self, source: &Path) -> Result<u32> {
        if self.take(8)? != MAGIC {
            return Err(damaged("this is not a Hearth backup"));
        }
        let format = u32::from_le_bytes(self.array("header")?);
        if format > FORMAT {
            return Err(VaultError::FormatTooNew {
                file: source.to_path_buf(),
                found: format,
                supported: FORMAT,
            });
        }
        if format == 0 {
            return Err(damaged("header"));
        }
        Ok(format)
    }

    /// One part: its name, and its bytes once they match their checksum.
    fn part(&mut self) -> Result<(String, Vec<u8>)> {
        let len = u16::from_le_bytes(self.array("a name")?);
        let name = std::str::from_utf8(self.take(len.into())?).map_err(|_| damaged("a name"))?;
        let size = u64::from_le_bytes(self.array("a size")?);
        let size = usize::try_from(size).map_err(|_| damaged("a size"))?;
        let data = self.take(size)?.to_vec();
        if Sha256::digest(&data).as_slice() != self.take(32)? {
            return Err(damaged(&format!("{name} does not match its checksum")));
        }
        Ok((name.to_string(), data))
    }
}
