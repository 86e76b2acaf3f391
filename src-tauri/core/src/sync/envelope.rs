//! A segment's bytes, apart from what its operations mean.
//!
//! ```text
//! magic "HRTHSEG" | version (1) | vault id (16) | device id (16) | sequence (8, big-endian)
//!   | hash of the previous segment (32) | nonce (24) | XChaCha20-Poly1305(padded body) + tag (16)
//! ```
//!
//! Everything before the nonce is the header, bound to the ciphertext as associated data, so a
//! segment renamed, moved to another device's folder, replayed from another vault or spliced out of
//! its chain fails to open. The body is its length (4 bytes, big-endian) followed by the operations
//! and zeros up to a size bucket, so the folder shows roughly how much was written but not the
//! length of any one entry.
//!
//! The key is derived with HKDF-SHA256 from the shared vault's key, salted with the vault id, under
//! a label of its own, so the sync key opens nothing else and nothing else opens a segment.

use hkdf::Hkdf;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::clock::DeviceId;
use super::{Result, SyncError};
use crate::vault::crypto::{self, KEY_LEN, NONCE_LEN, TAG_LEN};

const MAGIC: &[u8; 7] = b"HRTHSEG";
/// The format this Hearth writes, and the newest it reads.
pub const FORMAT_VERSION: u8 = 1;
const HEADER_LEN: usize = MAGIC.len() + 1 + 16 + 16 + 8 + 32;
const LENGTH_PREFIX: usize = 4;
/// The smallest padded body, and the size past which buckets stop doubling.
const MIN_BUCKET: usize = 1024;
const BIG_BUCKET: usize = 1024 * 1024;
/// The most one segment's body may hold; a writer splits more across segments.
pub const MAX_BODY: usize = 64 * BIG_BUCKET - LENGTH_PREFIX;
const SEGMENT_LABEL: &[u8] = b"hearth sync segment key v1";

/// A shared vault's identity in the mailbox, the same on both laptops.
pub type VaultId = [u8; 16];
/// SHA-256 of a whole segment file, which the next segment names in its header.
pub type SegmentHash = [u8; 32];

/// What a segment says about itself, checked against where it was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub vault: VaultId,
    pub device: DeviceId,
    pub seq: u64,
    /// The hash of this device's segment `seq - 1`; zeros for the first.
    pub prev: SegmentHash,
}

impl Header {
    fn to_bytes(self) -> [u8; HEADER_LEN] {
        let mut out = [0u8; HEADER_LEN];
        let mut at = 0;
        for part in [
            &MAGIC[..],
            &[FORMAT_VERSION],
            &self.vault,
            &self.device.0,
            &self.seq.to_be_bytes(),
            &self.prev,
        ] {
            out[at..at + part.len()].copy_from_slice(part);
            at += part.len();
        }
        out
    }

    fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let bytes = bytes.get(..HEADER_LEN).ok_or(SyncError::Malformed)?;
        if &bytes[..MAGIC.len()] != MAGIC {
            return Err(SyncError::Malformed);
        }
        let version = bytes[MAGIC.len()];
        if version > FORMAT_VERSION {
            return Err(SyncError::NewerFormat(version));
        }
        if version != FORMAT_VERSION {
            return Err(SyncError::Malformed);
        }
        let field = |from: usize, len: usize| &bytes[from..from + len];
        let start = MAGIC.len() + 1;
        Ok(Self {
            vault: copy(field(start, 16)),
            device: DeviceId(copy(field(start + 16, 16))),
            seq: u64::from_be_bytes(copy(field(start + 32, 8))),
            prev: copy(field(start + 40, 32)),
        })
    }
}

fn copy<const N: usize>(slice: &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    out.copy_from_slice(slice);
    out
}

/// The key that seals and opens one vault's segments. Wiped when dropped.
pub struct SegmentKey(Zeroizing<[u8; KEY_LEN]>);

impl SegmentKey {
    pub fn derive(shared_vault_key: &[u8; KEY_LEN], vault: &VaultId) -> Self {
        let mut key = Zeroizing::new([0u8; KEY_LEN]);
        // HKDF-SHA256 can only fail for outputs longer than 255 hashes; 32 bytes is one.
        let _ =
            Hkdf::<Sha256>::new(Some(vault), shared_vault_key).expand(SEGMENT_LABEL, key.as_mut());
        Self(key)
    }
}

/// The size a body of `len` bytes is padded to, its length prefix included.
pub fn bucket(len: usize) -> usize {
    let needed = (len + LENGTH_PREFIX).max(MIN_BUCKET);
    if needed <= BIG_BUCKET {
        needed.next_power_of_two()
    } else {
        needed.div_ceil(BIG_BUCKET) * BIG_BUCKET
    }
}

/// Seals `body` into a segment file's bytes.
pub fn seal(key: &SegmentKey, header: Header, body: &[u8]) -> Result<Vec<u8>> {
    if body.len() > MAX_BODY {
        return Err(SyncError::TooLarge);
    }
    let length = u32::try_from(body.len()).map_err(|_| SyncError::TooLarge)?;
    let mut padded = Zeroizing::new(vec![0u8; bucket(body.len())]);
    padded[..LENGTH_PREFIX].copy_from_slice(&length.to_be_bytes());
    padded[LENGTH_PREFIX..LENGTH_PREFIX + body.len()].copy_from_slice(body);
    let mut nonce = [0u8; NONCE_LEN];
    crypto::fill_random(&mut nonce);
    let head = header.to_bytes();
    let sealed = crypto::seal(&key.0, &nonce, &head, &padded).map_err(|_| SyncError::Tampered)?;
    let mut out = Vec::with_capacity(HEADER_LEN + NONCE_LEN + sealed.len());
    out.extend_from_slice(&head);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&sealed);
    Ok(out)
}

/// Opens a segment file's bytes. The header must be intact and name `expected`'s vault, device
/// and number, or nothing is returned.
pub fn open(
    key: &SegmentKey,
    bytes: &[u8],
    expected: &Expected,
) -> Result<(Header, Zeroizing<Vec<u8>>)> {
    let header = Header::from_bytes(bytes)?;
    let rest = &bytes[HEADER_LEN..];
    if rest.len() < NONCE_LEN + TAG_LEN + MIN_BUCKET {
        return Err(SyncError::Malformed);
    }
    let nonce: [u8; NONCE_LEN] = copy(&rest[..NONCE_LEN]);
    let padded = crypto::open(&key.0, &nonce, &bytes[..HEADER_LEN], &rest[NONCE_LEN..])
        .ok_or(SyncError::Tampered)?;
    if header.vault != expected.vault
        || header.device != expected.device
        || header.seq != expected.seq
    {
        return Err(SyncError::Misplaced);
    }
    let length = u32::from_be_bytes(copy(
        padded.get(..LENGTH_PREFIX).ok_or(SyncError::Malformed)?,
    ));
    let end = usize::try_from(length)
        .ok()
        .and_then(|length| length.checked_add(LENGTH_PREFIX))
        .filter(|end| *end <= padded.len())
        .ok_or(SyncError::Malformed)?;
    Ok((header, Zeroizing::new(padded[LENGTH_PREFIX..end].to_vec())))
}

/// Where a segment was found: the vault folder, the device folder and the number in its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expected {
    pub vault: VaultId,
    pub device: DeviceId,
    pub seq: u64,
}

/// The hash the next segment names as its previous one.
pub fn hash(segment: &[u8]) -> SegmentHash {
    Sha256::digest(segment).into()
}
