//! One backup file for the whole vault: the keyslots and every vault file, each as encrypted as it
//! is on disk (the format is [`super::backup_format`]). Open vaults are copied with SQLite's backup
//! API (a consistent copy while the app runs, keyed with the same key); a locked partner's file is
//! closed, so its bytes are copied as they are, with its `-wal` if a crash left committed pages
//! there. The parts are sealed under the shared vault's key.
//!
//! Restore reads and checks every part, puts them in a staging folder (see [`super::staging`]),
//! unlocks them there with a passphrase (which checks every page of the files it opens), checks the
//! seal with the shared key that unlock gave (which vouches for the parts it could not open), and
//! only then moves them into place, the replaced files kept aside. It never replaces an existing
//! vault unless told to.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::backup_format::{self, damaged, Contents};
use super::error::{Result, VaultError};
use super::keyslots;
use super::session::Session;
use super::staging;
use super::types::Space;
use super::{Status, Vault};

/// What a backup or restore has done so far, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    pub done: u64,
    pub total: u64,
}

/// A consistent copy of one open schema, keyed like the original, as bytes.
fn copy_open_vault(
    session: &Session,
    space: Space,
    scratch: &Path,
    report: &mut dyn FnMut(u64, u64),
) -> Result<Vec<u8>> {
    let path = scratch.join(space.file_name());
    super::db::copy_schema(
        session.conn(),
        space.schema(),
        &path,
        session.key(space)?,
        report,
    )?;
    Ok(std::fs::read(&path)?)
}

/// Writes the backup of `dir` (its open vaults through `session`) to `target`, atomically.
pub fn write(
    session: &Session,
    dir: &Path,
    target: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<()> {
    let scratch = tempfile_dir(target)?;
    let result = (|| {
        let mut parts = vec![(
            keyslots::FILE_NAME.to_string(),
            std::fs::read(keyslots::path_in(dir))?,
        )];
        let spaces = Space::ALL.len() as u64;
        for (step, space) in (0u64..).zip(Space::ALL) {
            let name = space.file_name().to_string();
            if session.is_open(space) {
                let bytes = copy_open_vault(session, space, &scratch, &mut |done, total| {
                    // Each vault is a third of the bar.
                    let share = (done * 1000).checked_div(total).unwrap_or(1000);
                    progress(Progress {
                        done: step * 1000 + share,
                        total: spaces * 1000,
                    });
                })?;
                parts.push((name, bytes));
                continue;
            }
            parts.push((name.clone(), std::fs::read(dir.join(&name))?));
            // A closed vault's WAL holds committed pages only when a crash left them there.
            match std::fs::read(dir.join(staging::wal_name(space))) {
                Ok(wal) if !wal.is_empty() => parts.push((staging::wal_name(space), wal)),
                Ok(_) => {}
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
                Err(err) => return Err(err.into()),
            }
        }
        let seal = backup_format::seal(&parts, session.key(Space::Shared)?);
        let out = backup_format::encode(&parts, &seal);
        let parent = target.parent().unwrap_or(Path::new("."));
        let name = target
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| VaultError::InvalidInput("Choose a file name for the backup.".into()))?;
        crate::files::write_atomic(parent, name, &out)?;
        progress(Progress {
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
    crate::files::create_dir(&dir)?;
    Ok(dir)
}

/// Reads a backup file and checks its structure and checksums.
pub fn read(source: &Path) -> Result<Contents> {
    let mut bytes = Vec::new();
    std::fs::File::open(source)?.read_to_end(&mut bytes)?;
    backup_format::parse(&bytes, source)
}

/// A backup's files failed their check while being tried in the staging folder: that is damage to
/// the backup, not to the files here (which were not touched).
pub fn as_backup_damage(err: VaultError) -> VaultError {
    match err {
        VaultError::KeyslotsDamaged { .. } | VaultError::KeyslotsMissing { .. } => {
            damaged("its keyslots are damaged")
        }
        VaultError::Damaged { file } | VaultError::VaultFileMissing { file } => damaged(&format!(
            "{} in it is damaged",
            file.file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        )),
        other => other,
    }
}

/// Puts a checked backup's files into a fresh staging folder inside `dir`; the caller unlocks them
/// there before [`staging::commit`] moves them into place.
pub fn stage(contents: &Contents, dir: &Path) -> Result<PathBuf> {
    let folder = staging::begin(dir)?;
    for (name, data) in &contents.parts {
        let mut file = crate::files::create_new(&folder.join(name))?;
        file.write_all(data)?;
        file.sync_all()?;
    }
    Ok(folder)
}

/// Whether `dir` already holds a vault that a restore would replace.
pub fn holds_a_vault(dir: &Path) -> bool {
    keyslots::path_in(dir).exists()
        || Space::ALL
            .iter()
            .any(|space| dir.join(space.file_name()).exists())
}

impl Vault {
    /// Writes one backup file of every vault and the keyslots to `target` (see [`backup`]).
    pub fn backup(&self, target: &Path, progress: &mut dyn FnMut(Progress)) -> Result<()> {
        write(self.session()?, &self.dir, target, progress)
    }

    /// Restores a backup into this data folder, then unlocks as whoever `passphrase` belongs to.
    /// The backup is checked (checksums, then an unlock in a staging folder that reads every page of
    /// the files it opens) before anything here is touched; an existing vault is replaced only when
    /// `replace` says so.
    pub fn restore(
        &mut self,
        source: &Path,
        passphrase: &str,
        replace: bool,
        now: Instant,
    ) -> Result<Status> {
        if self.session.is_some() {
            return Err(VaultError::AlreadyUnlocked {
                who: self.unlocked_names(),
            });
        }
        if holds_a_vault(&self.dir) && !replace {
            return Err(VaultError::WouldReplace);
        }
        let contents = read(source)?;
        self.throttle.check(now)?;
        let folder = stage(&contents, &self.dir)?;
        if let Err(err) = self.try_staged(&folder, &contents, passphrase, now) {
            let _ = std::fs::remove_dir_all(&folder);
            return Err(err);
        }
        staging::commit(&self.dir)?;
        self.names = None;
        self.unlock(None, passphrase, now)
    }

    /// Unlocks a staged backup as a trial (which reads every page of the files it opens), then
    /// checks its seal with the shared key, which vouches for the part the trial could not open.
    /// A wrong passphrase counts against the delay like any other.
    fn try_staged(
        &mut self,
        folder: &Path,
        contents: &backup_format::Contents,
        passphrase: &str,
        now: Instant,
    ) -> Result<()> {
        let mut trial = Vault::with_kdf(folder, self.kdf);
        match trial.unlock(None, passphrase, now) {
            Ok(_) => self.count_try(true, now),
            Err(err @ VaultError::WrongPassphrase { .. }) => {
                self.count_try(false, now);
                return Err(err);
            }
            Err(err) => return Err(as_backup_damage(err)),
        }
        backup_format::check_seal(contents, trial.session()?.key(Space::Shared)?)
    }
}
