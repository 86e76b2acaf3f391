//! One device's side of the mailbox: writing its own segments, and reading the other device's in
//! order.
//!
//! A segment is written once, to a temporary name, fsynced, then renamed, so the sync tool never
//! carries half a file under a segment's name. Reading takes the other device's segments from the
//! next number on, each checked against its place and against the hash of the one before it:
//! - a number not there yet waits (the sync tool may carry them out of order);
//! - a segment that fails its check is quarantined: reported, never applied, and nothing after it
//!   is applied either;
//! - a segment already applied whose file now differs is a fork: two histories under one device.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::clock::DeviceId;
use super::envelope::{self, Expected, Header, SegmentHash, SegmentKey, VaultId};
use super::names;
use super::ops::{self, Op};
use super::{Result, SyncError};
use crate::files;

/// Where reading the other device's segments goes on from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    /// The next number to apply; 1 before any.
    pub next: u64,
    /// The hash of segment `next - 1`; zeros before any.
    pub prev: SegmentHash,
}

impl Default for Cursor {
    fn default() -> Self {
        Self {
            next: 1,
            prev: [0; 32],
        }
    }
}

/// A segment read and opened, ready to apply.
#[derive(Debug, Clone, PartialEq)]
pub struct Received {
    pub seq: u64,
    pub hash: SegmentHash,
    pub ops: Vec<Op>,
}

/// Why reading stopped.
#[derive(Debug)]
pub enum Stop {
    /// The next segment has not arrived yet.
    Waiting,
    /// Segment `seq` failed its check; nothing from it on was applied.
    Quarantined { seq: u64, reason: SyncError },
    /// Segment `seq` differs from the one already applied under that number.
    Forked { seq: u64 },
}

/// This device's view of one vault's mailbox in the folder the couple syncs.
pub struct Mailbox {
    folder: PathBuf,
    pub(super) vault: VaultId,
    pub(super) device: DeviceId,
    pub(super) key: SegmentKey,
}

impl Mailbox {
    pub fn new(folder: &Path, vault: VaultId, device: DeviceId, key: SegmentKey) -> Self {
        Self {
            folder: folder.to_owned(),
            vault,
            device,
            key,
        }
    }

    pub(super) fn dir_of(&self, device: DeviceId) -> PathBuf {
        names::device_dir(&self.folder, &self.vault, device)
    }

    /// Writes this device's segment `seq`, after the one whose hash is `prev`. Returns its hash,
    /// which the next segment names. A number already written is refused, never replaced.
    pub fn write(&self, seq: u64, prev: SegmentHash, ops: &[Op]) -> Result<SegmentHash> {
        let dir = self.dir_of(self.device);
        files::create_dir_if_missing(&dir)?;
        let name = names::segment_name(seq);
        if dir.join(&name).symlink_metadata().is_ok() {
            return Err(io::Error::new(io::ErrorKind::AlreadyExists, name).into());
        }
        let header = Header {
            vault: self.vault,
            device: self.device,
            seq,
            prev,
        };
        let bytes = envelope::seal(&self.key, header, &ops::encode(ops)?)?;
        files::write_atomic(&dir, &name, &bytes)?;
        Ok(envelope::hash(&bytes))
    }

    /// The other devices with a folder in this vault's mailbox, found by their folders' names.
    pub fn others(&self) -> Result<Vec<DeviceId>> {
        let dir = names::vault_dir(&self.folder, &self.vault);
        let listing = match fs::read_dir(&dir) {
            Ok(listing) => listing,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(err) => return Err(err.into()),
        };
        let mut found = Vec::new();
        for item in listing {
            let item = item?;
            let device = item.file_name().to_str().and_then(DeviceId::parse);
            if let Some(device) = device.filter(|d| *d != self.device) {
                if item.file_type()?.is_dir() {
                    found.push(device);
                }
            }
        }
        found.sort_by_key(|d| d.0);
        Ok(found)
    }

    /// Removes a forgotten device's files: its segments and acknowledgements, and its pairing
    /// file if one still waits.
    pub fn remove_device(&self, device: DeviceId) -> Result<()> {
        match fs::remove_dir_all(self.dir_of(device)) {
            Ok(()) => {}
            Err(err) if err.kind() == io::ErrorKind::NotFound => {}
            Err(err) => return Err(err.into()),
        }
        super::pairing::remove(&self.folder, device)
    }

    /// Which paths in the folder can mean new work for this device.
    pub fn arrivals(&self) -> names::Arrivals {
        names::Arrivals::new(&self.folder, &self.vault, self.device)
    }

    pub fn device(&self) -> DeviceId {
        self.device
    }

    /// The folder the couple syncs, which holds `HearthSync/`.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Reads `from`'s segments after `cursor`, in order, until one is missing or fails.
    pub fn receive(&self, from: DeviceId, cursor: Cursor) -> Result<(Vec<Received>, Stop)> {
        let dir = self.dir_of(from);
        if cursor.next > 1 {
            if let Some(bytes) = read_if_there(&dir.join(names::segment_name(cursor.next - 1)))? {
                if envelope::hash(&bytes) != cursor.prev {
                    return Ok((
                        Vec::new(),
                        Stop::Forked {
                            seq: cursor.next - 1,
                        },
                    ));
                }
            }
        }
        let mut received = Vec::new();
        let mut at = cursor;
        loop {
            let Some(bytes) = read_if_there(&dir.join(names::segment_name(at.next)))? else {
                return Ok((received, Stop::Waiting));
            };
            match self.check(from, at, &bytes) {
                Ok(ops) => {
                    let hash = envelope::hash(&bytes);
                    received.push(Received {
                        seq: at.next,
                        hash,
                        ops,
                    });
                    at = Cursor {
                        next: at.next + 1,
                        prev: hash,
                    };
                }
                Err(SyncError::Io(err)) => return Err(err.into()),
                Err(SyncError::Forked) => return Ok((received, Stop::Forked { seq: at.next - 1 })),
                Err(reason) => {
                    return Ok((
                        received,
                        Stop::Quarantined {
                            seq: at.next,
                            reason,
                        },
                    ))
                }
            }
        }
    }

    fn check(&self, from: DeviceId, at: Cursor, bytes: &[u8]) -> Result<Vec<Op>> {
        let expected = Expected {
            vault: self.vault,
            device: from,
            seq: at.next,
        };
        let (header, body) = envelope::open(&self.key, bytes, &expected)?;
        if header.prev != at.prev {
            // It follows a segment other than the one applied under the number before it.
            return Err(SyncError::Forked);
        }
        ops::decode(&body)
    }
}

pub(super) fn read_if_there(path: &Path) -> Result<Option<Vec<u8>>> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(err.into()),
    }
}
