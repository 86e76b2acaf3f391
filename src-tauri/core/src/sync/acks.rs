//! Acknowledgements, and clearing what both laptops have.
//!
//! Each device says, in its own folder, how far it has applied the other's segments
//! (`ack-<other device>`). It is sealed like a segment, under the reserved number 0, so an
//! acknowledgement cannot pass for a segment nor a segment for one, and nobody without the key
//! can forge one to make a laptop clear segments the other never read. Once the other laptop has
//! acknowledged a segment, its author removes it: what was deleted in Hearth does not live on in
//! the folder.

use std::fs;

use serde::{Deserialize, Serialize};

use super::clock::DeviceId;
use super::envelope::{self, Expected, Header};
use super::mailbox::{read_if_there, Mailbox};
use super::names::{self, FileKind};
use super::{Result, SyncError};
use crate::files;

/// The number acknowledgements are sealed under; segments start at 1.
const ACK_SEQ: u64 = 0;

#[derive(Serialize, Deserialize)]
struct Ack {
    of: DeviceId,
    through: u64,
}

impl Mailbox {
    /// Says that this device has applied `of`'s segments up to and including `through`.
    pub fn acknowledge(&self, of: DeviceId, through: u64) -> Result<()> {
        let dir = self.dir_of(self.device);
        files::create_dir_if_missing(&dir)?;
        let body = serde_json::to_vec(&Ack { of, through }).map_err(|_| SyncError::Malformed)?;
        let header = Header {
            vault: self.vault,
            device: self.device,
            seq: ACK_SEQ,
            prev: [0; 32],
        };
        let bytes = envelope::seal(&self.key, header, &body)?;
        files::write_atomic(&dir, &names::ack_name(of), &bytes)?;
        Ok(())
    }

    /// How far `from` says it has applied this device's segments; `None` before it has said.
    pub fn acknowledged_by(&self, from: DeviceId) -> Result<Option<u64>> {
        let path = self.dir_of(from).join(names::ack_name(self.device));
        let Some(bytes) = read_if_there(&path)? else {
            return Ok(None);
        };
        let expected = Expected {
            vault: self.vault,
            device: from,
            seq: ACK_SEQ,
        };
        let (_, body) = envelope::open(&self.key, &bytes, &expected)?;
        let ack: Ack = serde_json::from_slice(&body).map_err(|_| SyncError::Malformed)?;
        if ack.of != self.device {
            return Err(SyncError::Misplaced);
        }
        Ok(Some(ack.through))
    }

    /// Removes this device's segments up to and including `through`; returns how many went.
    pub fn clear_through(&self, through: u64) -> Result<usize> {
        let dir = self.dir_of(self.device);
        let Ok(listing) = fs::read_dir(&dir) else {
            return Ok(0);
        };
        let mut cleared = 0;
        for entry in listing {
            let name = entry?.file_name();
            if let FileKind::Segment(seq) = names::classify(&name.to_string_lossy()) {
                if seq <= through {
                    files::remove_if_there(&dir.join(&name))?;
                    cleared += 1;
                }
            }
        }
        if cleared > 0 {
            files::sync_dir(&dir)?;
        }
        Ok(cleared)
    }
}
