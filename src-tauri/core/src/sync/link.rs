//! This laptop's link to the couple's mailbox: the folder it was given, set up by inviting (the
//! first laptop, which writes a pairing file) or by joining (the second, which opens it with the
//! code and becomes its partner's laptop), and one sync pass with what the vault knows.
//!
//! The folder is this laptop's own setting (`settings` stays on each laptop): the couple's sync
//! tool may keep the shared folder at a different path on each.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use zeroize::Zeroizing;

use super::engine::{self, Pass};
use super::envelope::VaultId;
use super::mailbox::{Cursor, Mailbox};
use super::names;
use super::pairing::{self, Invitation};
use super::store::{self, laptops, peers, state};
use super::{DeviceId, Result, SegmentKey, SyncError};
use crate::vault::{partners, settings, Joining, Partner, Vault};

const FOLDER_SETTING: &str = "sync_folder";

/// What the Sync screen shows.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncStatus {
    /// The folder the couple syncs, once sync is set up on this laptop.
    pub folder: Option<String>,
    /// Whether this laptop's pairing file still waits for the other laptop.
    pub pairing_waiting: bool,
    /// Whether the other laptop has forgotten this one, which then syncs no more.
    pub forgotten: bool,
    pub peers: Vec<peers::Peer>,
}

/// Starts sync on this laptop in `folder` (if it is not on yet) and writes a pairing file there
/// for the other laptop. Returns the one-time code to show; it is kept nowhere.
pub fn invite(vault: &Vault, folder: &Path) -> Result<Zeroizing<String>> {
    let folder = usable(folder)?;
    let (vault_id, key) = vault.shared_identity()?;
    let session = vault.session()?;
    let device = this_device(vault)?;
    settings::write_value(session, FOLDER_SETTING, &folder.to_string_lossy())?;
    let start = start_for_joiner(session.conn(), &folder, &vault_id, device)?;
    let code = pairing::new_code();
    let invitation = Invitation {
        vault: vault_id,
        shared_key: *key,
        from: device.to_string(),
        names: partners::names(session)?,
        start_seq: start.next,
        start_hash: start.prev,
    };
    pairing::write(&folder, &invitation, &code)?;
    peers::mark_before_pairing(session.conn())?;
    Ok(code)
}

/// The couple's names from the pairing file in `folder`, opened with `code`: what the second
/// laptop shows so its partner can say which of the two they are.
pub fn invitation_names(folder: &Path, code: &str) -> Result<[String; 2]> {
    Ok(invitation(folder, code)?.names.clone())
}

/// Sets this laptop up as `who`'s from the pairing file in `folder`, opened with `code`, with
/// `passphrase` for this laptop. Returns `who`'s new recovery code.
pub fn join(
    vault: &mut Vault,
    folder: &Path,
    code: &str,
    who: Partner,
    passphrase: &str,
) -> Result<String> {
    let folder = usable(folder)?;
    let invitation = invitation(&folder, code)?;
    let recovery = vault.join(Joining {
        vault_id: invitation.vault,
        shared_key: Zeroizing::new(invitation.shared_key),
        names: invitation.names.clone(),
        who,
        passphrase,
    })?;
    let here = this_device(vault)?;
    let conn = vault.session()?.conn();
    laptops::record(conn, here, who)?;
    if let Some(inviting) = DeviceId::parse(&invitation.from) {
        laptops::record(conn, inviting, who.other())?;
        let start = Cursor {
            next: invitation.start_seq.max(1),
            prev: invitation.start_hash,
        };
        peers::start_at(conn, inviting, start)?;
    }
    settings::write_value(vault.session()?, FOLDER_SETTING, &folder.to_string_lossy())?;
    Ok(recovery)
}

/// This laptop's side of the mailbox, once sync is set up here.
pub fn mailbox(vault: &Vault) -> Result<Option<Mailbox>> {
    let Some(folder) = folder(vault)? else {
        return Ok(None);
    };
    let Some(device) = state::device(vault.session()?.conn())? else {
        return Ok(None);
    };
    let (vault_id, key) = vault.shared_identity()?;
    let key = SegmentKey::derive(&key, &vault_id);
    Ok(Some(Mailbox::new(&folder, vault_id, device, key)))
}

/// The folder this laptop syncs through, once it has one.
pub fn folder(vault: &Vault) -> Result<Option<PathBuf>> {
    Ok(settings::read_value(vault.session()?, FOLDER_SETTING)?.map(PathBuf::from))
}

/// One sync pass now, if sync is set up on this laptop.
pub fn run(vault: &Vault, now: DateTime<Utc>) -> Result<Option<Pass>> {
    let Some(mailbox) = mailbox(vault)? else {
        return Ok(None);
    };
    let conn = vault.session()?.conn();
    if let Err(missing) = usable(mailbox.folder()) {
        // Stamped now and sent once the folder is back, so an edit made while apart counts from
        // when it was made, not from when the drive came back: the last writer is the last to write.
        store::changes(conn, engine::wall_ms(now))?;
        return Err(missing);
    }
    Ok(Some(engine::run(conn, &mailbox, now)?))
}

pub fn status(vault: &Vault) -> Result<SyncStatus> {
    let session = vault.session()?;
    let folder = settings::read_value(session, FOLDER_SETTING)?;
    let device = state::device(session.conn())?;
    let pairing_waiting = match (&folder, device) {
        (Some(folder), Some(device)) => pairing::path(Path::new(folder), device).exists(),
        _ => false,
    };
    let forgotten = match device {
        Some(device) => laptops::is_forgotten(session.conn(), device)?,
        None => false,
    };
    Ok(SyncStatus {
        folder,
        pairing_waiting,
        forgotten,
        peers: peers::list(session.conn())?,
    })
}

/// Forgets another laptop that no longer syncs (one replaced by a new one): neither laptop reads
/// it or waits for it from now on, and its files leave the folder. What it wrote stays.
pub fn forget(vault: &Vault, device: &str, now: DateTime<Utc>) -> Result<()> {
    let conn = vault.session()?.conn();
    let device = DeviceId::parse(device).ok_or(SyncError::UnknownLaptop)?;
    // Only a laptop this one has heard of and not yet forgotten; never this laptop itself.
    let listed = peers::list(conn)?;
    if !listed.iter().any(|peer| peer.device == device.to_string()) {
        return Err(SyncError::UnknownLaptop);
    }
    laptops::forget(conn, device, now)?;
    if let Some(mailbox) = mailbox(vault)? {
        mailbox.remove_device(device)?;
    }
    Ok(())
}

/// Takes this laptop's pairing file out of the folder: a new laptop that was to join will not, and
/// clearing may go on.
pub fn stop_waiting(vault: &Vault) -> Result<()> {
    if let Some(mailbox) = mailbox(vault)? {
        pairing::remove(mailbox.folder(), mailbox.device())?;
    }
    Ok(())
}

/// Where the laptop that joins starts reading this one's segments: at the first while it is still
/// in the folder; otherwise at the next, after a snapshot of everything known here is put in the
/// outbox, since the segments that carried it were cleared.
fn start_for_joiner(
    conn: &Connection,
    folder: &Path,
    vault_id: &VaultId,
    device: DeviceId,
) -> Result<Cursor> {
    let own = peers::own(conn)?;
    let first = names::device_dir(folder, vault_id, device).join(names::segment_name(1));
    if own.next == 1 || first.exists() {
        return Ok(Cursor::default());
    }
    store::changes(conn, engine::wall_ms(Utc::now()))?;
    store::snapshot::put(conn)?;
    peers::own(conn)
}

/// The pairing file in `folder` that `code` opens.
fn invitation(folder: &Path, code: &str) -> Result<Invitation> {
    let files = pairing::find(&usable(folder)?)?;
    if files.is_empty() {
        return Err(SyncError::NoPairingFile);
    }
    files
        .iter()
        .find_map(|file| pairing::open(file, code).ok())
        .ok_or(SyncError::PairingCode)
}

/// This laptop's device id, starting sync under a new one if it has none yet.
fn this_device(vault: &Vault) -> Result<DeviceId> {
    let conn = vault.session()?.conn();
    if let Some(device) = state::device(conn)? {
        return Ok(device);
    }
    let device = DeviceId::random();
    store::start(conn, device)?;
    Ok(device)
}

/// The folder as given, if it is a folder that is there (a sync tool's folder on a drive that is
/// not mounted is not).
fn usable(folder: &Path) -> Result<PathBuf> {
    if folder.is_dir() {
        Ok(folder.to_path_buf())
    } else {
        Err(SyncError::FolderMissing(folder.to_path_buf()))
    }
}
