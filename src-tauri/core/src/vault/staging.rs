//! Putting a whole set of vault files in place so that a crash at any moment leaves either the old
//! set or the new one, whole: first setup, and restore from a backup.
//!
//! The new files are made in a staging folder inside the data folder and checked there. Then a
//! `ready` marker is written into it (the moment the change is decided), and the files are renamed
//! into place one by one, the keyslots last, each old file (with its `-wal` and `-shm`) moved
//! aside into a `replaced-…` folder rather than deleted. A crash before the marker leaves a
//! staging folder that [`finish_interrupted`] removes; a crash after it leaves one that
//! [`finish_interrupted`] finishes moving. Every way into a data folder runs it first.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::db;
use super::error::Result;
use super::keyslots;
use super::types::Space;

const FOLDER: &str = ".staging";
const READY: &str = "ready";

/// A fresh, empty staging folder in `dir` (an unfinished one from before is removed).
pub fn begin(dir: &Path) -> Result<PathBuf> {
    crate::files::create_dir_all(dir)?;
    finish_interrupted(dir)?;
    let staging = dir.join(FOLDER);
    crate::files::create_dir(&staging)?;
    Ok(staging)
}

/// Whether a staging folder is there (not yet in place, or interrupted).
pub fn exists(dir: &Path) -> bool {
    dir.join(FOLDER).exists()
}

/// Moves the staged set into `dir`. Returns the folder the replaced files went to, if any did.
pub fn commit(dir: &Path) -> Result<Option<PathBuf>> {
    commit_partly(dir, usize::MAX)
}

/// As [`commit`], but stops after moving `files` files, as a crash would. Only for tests.
#[doc(hidden)]
pub fn commit_partly(dir: &Path, files: usize) -> Result<Option<PathBuf>> {
    let staging = dir.join(FOLDER);
    let aside = format!("replaced-{}", chrono::Utc::now().format("%Y%m%d-%H%M%S"));
    let mut marker = crate::files::create_new(&staging.join(READY))?;
    marker.write_all(aside.as_bytes())?;
    marker.sync_all()?;
    crate::files::sync_dir(&staging)?;
    move_in(dir, files)
}

/// Before anything opens `dir`: finishes a commit that a crash cut short, or removes a staging
/// folder that never became ready.
pub fn finish_interrupted(dir: &Path) -> Result<()> {
    let staging = dir.join(FOLDER);
    if staging.join(READY).exists() {
        move_in(dir, usize::MAX)?;
    } else if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    Ok(())
}

/// The files a set may hold, in the order they move: each vault file then its `-wal` (a backup
/// keeps what a closed vault's WAL still held), and the keyslots last, which make the folder count
/// as set up.
pub fn set_names() -> Vec<String> {
    let mut names = Vec::new();
    for space in Space::ALL {
        names.push(space.file_name().to_string());
        names.push(wal_name(space));
    }
    names.push(keyslots::FILE_NAME.to_string());
    names
}

pub fn wal_name(space: Space) -> String {
    format!("{}-wal", space.file_name())
}

fn move_in(dir: &Path, limit: usize) -> Result<Option<PathBuf>> {
    let staging = dir.join(FOLDER);
    let aside_name = fs::read_to_string(staging.join(READY))?;
    let aside = dir.join(aside_name.trim());
    let mut moved = 0;
    for name in set_names() {
        let staged = staging.join(&name);
        if !staged.exists() {
            continue; // not in this set, or moved before a crash
        }
        if moved == limit {
            return Ok(None);
        }
        let target = dir.join(&name);
        // An old vault file goes aside with its journals, before anything new arrives; a staged
        // -wal follows its file.
        if !name.ends_with("-wal") {
            let mut old = vec![target.clone()];
            old.extend(db::journal_paths(&target));
            for path in old.into_iter().filter(|path| path.exists()) {
                crate::files::create_dir_all(&aside)?;
                let file_name = path.file_name().unwrap_or_default();
                fs::rename(&path, aside.join(file_name))?;
            }
        }
        fs::rename(&staged, &target)?;
        moved += 1;
    }
    crate::files::sync_dir(dir)?;
    fs::remove_dir_all(&staging)?;
    Ok(aside.exists().then_some(aside))
}
