//! One backup file for the whole vault: the keyslots and every vault file, each as encrypted as it
//! is on disk. Open vaults are copied with SQLite's backup API (a consistent copy while the app
//! runs, keyed with the same key); a locked partner's file is closed, so its bytes are copied as
//! they are. Each part carries a SHA-256, so a damaged backup is refused before anything is
//! written. Restore goes into a staging folder, is unlocked there with a passphrase (which checks
//! every page of the files it opens), and only then moves into place; it never replaces an
//! existing vault unless told to.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use rusqlite::backup::{Backup, Progress, StepResult};
use rusqlite::Connection;
use sha2::{Digest, Sha256};

use super::error::{Result, VaultError};
use super::keyslots;
use super::session::Session;
use super::types::Space;

const MAGIC: &[u8; 8] = b"HEARTHBK";
const FORMAT: u32 = 1;
/// Pages copied per backup step, between progress reports.
const PAGES_PER_STEP: std::ffi::c_int = 256;

/// What a backup or restore has done so far, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupProgress {
    pub done: u64,
    pub total: u64,
}

fn damaged(detail: &str) -> VaultError {
    VaultError::BackupDamaged {
        detail: detail.to_string(),
    }
}

/// The parts a backup holds, by file name.
fn part_names() -> Vec<&'static str> {
    let mut names = vec![keyslots::FILE_NAME];
    names.extend(Space::ALL.map(Space::file_name));
    names
}

/// A consistent copy of one open schema, keyed like the original, as bytes.
fn copy_open_vault(
    session: &Session,
    space: Space,
    scratch: &Path,
    report: &mut dyn FnMut(u64, u64),
) -> Result<Vec<u8>> {
    let path = scratch.join(space.file_name());
    {
        let mut copy = Connection::open(&path)?;
        super::db::key_connection(&copy, session.key(space)?)?;
        let backup = Backup::new_with_names(session.conn(), space.schema(), &mut copy, "main")?;
        loop {
            let step = backup.step(PAGES_PER_STEP)?;
            let Progress {
                remaining,
                pagecount,
            } = backup.progress();
            let total = u64::try_from(pagecount).unwrap_or(0);
            report(
                total.saturating_sub(u64::try_from(remaining).unwrap_or(0)),
                total,
            );
            match step {
                StepResult::Done => break,
                StepResult::More => {}
                // Our own connection holds the source; a busy or locked step is retried.
                _ => std::thread::sleep(std::time::Duration::from_millis(10)),
            }
        }
    }
    Ok(std::fs::read(&path)?)
}

/// Writes the backup of `dir` (its open vaults through `session`) to `target`, atomically.
pub fn write(
    session: &Session,
    dir: &Path,
    target: &Path,
    progress: &mut dyn FnMut(BackupProgress),
) -> Result<()> {
    let scratch = tempfile_dir(target)?;
    let result = (|| {
        let mut parts: Vec<(&str, Vec<u8>)> = Vec::new();
        let spaces = Space::ALL.len() as u64;
        for (index, name) in part_names().into_iter().enumerate() {
            let space = Space::ALL.into_iter().find(|s| s.file_name() == name);
            let bytes = match space {
                Some(space) if session.is_open(space) => {
                    let step = index as u64 - 1;
                    copy_open_vault(session, space, &scratch, &mut |done, total| {
                        // Each vault is a third of the bar.
                        let share = (done * 1000).checked_div(total).unwrap_or(1000);
                        progress(BackupProgress {
                            done: step * 1000 + share,
                            total: spaces * 1000,
                        });
                    })?
                }
                _ => std::fs::read(dir.join(name))?,
            };
            parts.push((name, bytes));
        }
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT.to_le_bytes());
        out.extend_from_slice(&(parts.len() as u32).to_le_bytes());
        for (name, bytes) in &parts {
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
            out.extend_from_slice(bytes);
            out.extend_from_slice(&Sha256::digest(bytes));
        }
        let parent = target.parent().unwrap_or(Path::new("."));
        let name = target
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| VaultError::InvalidInput("Choose a file name for the backup.".into()))?;
        crate::files::write_atomic(parent, name, &out)?;
        progress(BackupProgress {
            done: spaces * 1000,
            total: spaces * 1000,
        });
        Ok(())
    })();
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

/// A scratch folder beside `near`, removed by the caller.
fn tempfile_dir(near: &Path) -> Result<PathBuf> {
    let parent = near.parent().unwrap_or(Path::new("."));
    let mut random = [0u8; 6];
    super::crypto::fill_random(&mut random);
    let dir = parent.join(format!(".hearth-backup-{}", super::hex::encode(&random)));
    std::fs::create_dir(&dir)?;
    Ok(dir)
}

/// Reads and checks a backup file: every part present, whole, and matching its checksum.
pub fn read(source: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    let mut bytes = Vec::new();
    std::fs::File::open(source)?.read_to_end(&mut bytes)?;
    let mut rest = bytes.as_slice();
    let mut take = |n: usize| -> Result<&[u8]> {
        if rest.len() < n {
            return Err(damaged("the file ends too soon"));
        }
        let (head, tail) = rest.split_at(n);
        rest = tail;
        Ok(head)
    };
    if take(8)? != MAGIC {
        return Err(damaged("this is not a Hearth backup"));
    }
    let format = u32::from_le_bytes(take(4)?.try_into().map_err(|_| damaged("header"))?);
    if format != FORMAT {
        return Err(VaultError::FormatTooNew {
            file: source.to_path_buf(),
            found: format,
            supported: FORMAT,
        });
    }
    let count = u32::from_le_bytes(take(4)?.try_into().map_err(|_| damaged("header"))?);
    let expected = part_names();
    if count as usize != expected.len() {
        return Err(damaged("it holds the wrong number of files"));
    }
    let mut parts = Vec::new();
    for wanted in expected {
        let len = u16::from_le_bytes(take(2)?.try_into().map_err(|_| damaged("a name"))?);
        let name = std::str::from_utf8(take(len.into())?).map_err(|_| damaged("a name"))?;
        if name != wanted {
            return Err(damaged("its files are not the ones a backup holds"));
        }
        let size = u64::from_le_bytes(take(8)?.try_into().map_err(|_| damaged("a size"))?);
        let size = usize::try_from(size).map_err(|_| damaged("a size"))?;
        let data = take(size)?.to_vec();
        let sum = take(32)?;
        if Sha256::digest(&data).as_slice() != sum {
            return Err(damaged(&format!("{name} does not match its checksum")));
        }
        parts.push((name.to_string(), data));
    }
    if !rest.is_empty() {
        return Err(damaged("there is extra data at its end"));
    }
    Ok(parts)
}

/// Puts a checked backup's files into a staging folder inside `dir`; the caller unlocks them there
/// before [`commit_staged`] moves them into place.
pub fn stage(parts: &[(String, Vec<u8>)], dir: &Path) -> Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let staging = dir.join(".restore");
    if staging.exists() {
        std::fs::remove_dir_all(&staging)?;
    }
    std::fs::create_dir(&staging)?;
    for (name, data) in parts {
        let mut file = std::fs::File::create(staging.join(name))?;
        file.write_all(data)?;
        file.sync_all()?;
    }
    Ok(staging)
}

/// Whether `dir` already holds a vault that a restore would replace.
pub fn holds_a_vault(dir: &Path) -> bool {
    part_names().iter().any(|name| dir.join(name).exists())
}

/// Moves the staged files into `dir`, vault files first and the keyslots last, so an interrupted
/// restore leaves no keyslots file pointing at missing vaults.
pub fn commit_staged(staging: &Path, dir: &Path) -> Result<()> {
    for space in Space::ALL {
        let name = space.file_name();
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(dir.join(format!("{name}{suffix}")));
        }
        std::fs::rename(staging.join(name), dir.join(name))?;
    }
    std::fs::rename(
        staging.join(keyslots::FILE_NAME),
        dir.join(keyslots::FILE_NAME),
    )?;
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    let _ = std::fs::remove_dir_all(staging);
    Ok(())
}
