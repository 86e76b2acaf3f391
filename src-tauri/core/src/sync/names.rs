//! The mailbox's layout and file names.
//!
//! ```text
//! <folder the couple syncs>/HearthSync/<vault id>/<device id>/seg-000000000001
//!                                                            /ack-<other device id>
//! ```
//!
//! Only the device a folder is named for writes in it, so the sync tool never has two writers for
//! one file. Readers go by exact names and skip everything else: temporary files (ours end in
//! `.tmp`; Syncthing's start with `.syncthing.` or `~syncthing~`), and the copies sync tools make
//! when they think they saw a conflict (`.sync-conflict-` for Syncthing, "(conflicted copy)" for
//! Dropbox, "(Conflict" for others). A conflict copy is never read: the original, under its exact
//! name, is the only one that counts.

use std::path::{Path, PathBuf};

use super::clock::DeviceId;
use super::envelope::VaultId;
use crate::vault::hex;

/// The one folder Hearth writes in, inside the folder the couple chose.
pub const ROOT: &str = "HearthSync";
const SEGMENT_PREFIX: &str = "seg-";
const ACK_PREFIX: &str = "ack-";
const SEQ_DIGITS: usize = 12;
/// The suffix of a file still being written; readers never open one.
pub const TEMP_SUFFIX: &str = ".tmp";

/// What a file in a device's folder is, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Segment number `n` of this device.
    Segment(u64),
    /// How far this device has applied the named device's segments.
    Ack(DeviceId),
    /// Anything else: a temporary file, a conflict copy, a stranger's file. Never read.
    Skip,
}

/// Which paths in the couple's folder can mean new work for one device, so that a watch on the
/// folder wakes a pass for them alone: another device's segment or acknowledgement, and the
/// folders on the way to one (the mailbox appearing, a new laptop's folder). This device's own
/// files, temporary files, conflict copies and pairing files never can: a pass reads none of them
/// as news, and waking for its own writes would wake the next pass for ever.
#[derive(Debug, Clone)]
pub struct Arrivals {
    root: PathBuf,
    vault_dir: PathBuf,
    own: DeviceId,
}

impl Arrivals {
    pub fn new(folder: &Path, vault: &VaultId, own: DeviceId) -> Self {
        Self {
            root: folder.join(ROOT),
            vault_dir: vault_dir(folder, vault),
            own,
        }
    }

    /// `HearthSync/` in the couple's folder: all a watch needs to see, once it is there.
    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn matters(&self, path: &Path) -> bool {
        if path == self.root || path == self.vault_dir {
            return true;
        }
        let Ok(inside) = path.strip_prefix(&self.vault_dir) else {
            return false;
        };
        let mut parts = inside.iter().map(|part| part.to_str());
        let device = parts.next().flatten().and_then(DeviceId::parse);
        if device.is_none_or(|device| device == self.own) {
            return false;
        }
        match (parts.next(), parts.next()) {
            (None, _) => true,
            (Some(Some(name)), None) => classify(name) != FileKind::Skip,
            _ => false,
        }
    }
}

pub fn vault_dir(folder: &Path, vault: &VaultId) -> PathBuf {
    folder.join(ROOT).join(hex::encode(vault))
}

pub fn device_dir(folder: &Path, vault: &VaultId, device: DeviceId) -> PathBuf {
    vault_dir(folder, vault).join(device.to_string())
}

pub fn segment_name(seq: u64) -> String {
    format!("{SEGMENT_PREFIX}{seq:0SEQ_DIGITS$}")
}

pub fn ack_name(of: DeviceId) -> String {
    format!("{ACK_PREFIX}{of}")
}

/// Reads a file name in a device's folder. Only exact names count.
pub fn classify(name: &str) -> FileKind {
    if is_temporary_or_conflict(name) {
        return FileKind::Skip;
    }
    if let Some(digits) = name.strip_prefix(SEGMENT_PREFIX) {
        if digits.len() == SEQ_DIGITS && digits.bytes().all(|byte| byte.is_ascii_digit()) {
            if let Ok(seq) = digits.parse::<u64>() {
                if seq > 0 {
                    return FileKind::Segment(seq);
                }
            }
        }
        return FileKind::Skip;
    }
    match name.strip_prefix(ACK_PREFIX).and_then(DeviceId::parse) {
        Some(device) => FileKind::Ack(device),
        None => FileKind::Skip,
    }
}

fn is_temporary_or_conflict(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with("~syncthing~")
        || name.ends_with(TEMP_SUFFIX)
        || name.contains(".sync-conflict-")
        || name.contains("(conflicted copy")
        || name.contains("(Conflict")
}
