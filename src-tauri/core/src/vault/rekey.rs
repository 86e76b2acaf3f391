//! Replacing a private vault's encryption key, so that an old passphrase or recovery code, or an old
//! copy of the keyslots file, no longer opens the current file.
//!
//! The vault is copied, page by page with progress, into a new file beside it under the new key.
//! Then the keyslots file is replaced with slots wrapping the new key: that atomic rename is the
//! moment the change happens. Only then does the copy take the old file's place. A crash before the
//! keyslots change leaves a stray copy that the old key cannot open; a crash after it leaves a copy
//! that the slots' key opens and the old file does not. [`finish_pending`], run before every open
//! of a private vault, tells the two apart and either removes the copy or moves it into place.

use std::fs;
use std::path::{Path, PathBuf};

use super::crypto::Key;
use super::db;
use super::error::{Result, VaultError};
use super::session::Session;
use super::types::Space;

/// Where the copy under a new key waits until the keyslots hold that key.
pub fn pending_path(dir: &Path, space: Space) -> PathBuf {
    dir.join(format!("{}.rekeyed", space.file_name()))
}

/// Copies the open `space` into its pending file under `new_key`, reporting `(done, total)` pages.
pub(crate) fn copy_under_new_key(
    session: &Session,
    dir: &Path,
    space: Space,
    new_key: &Key,
    report: &mut dyn FnMut(u64, u64),
) -> Result<()> {
    let pending = pending_path(dir, space);
    // A copy left by an earlier attempt was never in force (this session opened the vault after
    // `finish_pending` looked at it), so it can go.
    crate::files::remove_if_there(&pending)?;
    let copied = db::copy_schema(session.conn(), space.schema(), &pending, new_key, report);
    if copied.is_err() {
        let _ = fs::remove_file(&pending);
    }
    copied
}

/// Once the keyslots hold `new_key`: closes the old file, moves the copy into its place and opens
/// it again in `session`.
pub(crate) fn swap_in(session: &mut Session, dir: &Path, space: Space, new_key: Key) -> Result<()> {
    let Space::Private(owner) = space else {
        return Err(VaultError::InvalidInput(
            "Only a private space's key can be replaced.".into(),
        ));
    };
    session.conn().execute_batch(&format!(
        "PRAGMA {}.wal_checkpoint(TRUNCATE)",
        space.schema()
    ))?;
    session.detach_private(owner)?;
    move_into_place(dir, space)?;
    session.attach_private(dir, owner, new_key)
}

/// Before `space` is opened with `key` (the key its slots hold now): finishes or discards a key
/// change that a crash interrupted. Without a pending copy this costs one `stat`.
pub(crate) fn finish_pending(dir: &Path, space: Space, key: &Key) -> Result<()> {
    let pending = pending_path(dir, space);
    if !pending.exists() {
        return Ok(());
    }
    if opens_with(&dir.join(space.file_name()), key) {
        // The slots never took the new key: the copy was not in force.
        return Ok(crate::files::remove_if_there(&pending)?);
    }
    if opens_with(&pending, key) {
        return move_into_place(dir, space);
    }
    // Neither opens: leave both exactly as they are, and say which file is in question.
    Err(VaultError::Damaged {
        file: dir.join(space.file_name()),
    })
}

/// Whether `path` is a whole vault file under `key`. With the wrong key the first page fails to
/// decrypt, before anything could be written.
fn opens_with(path: &Path, key: &Key) -> bool {
    db::open_keyed(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE, key)
        .is_ok_and(|conn| db::verify(&conn, "main", path).is_ok())
}

/// Replaces the vault file with its pending copy. The old file's -wal and -shm go first: their
/// pages belong to the old key, and the copy already holds everything they committed.
fn move_into_place(dir: &Path, space: Space) -> Result<()> {
    let path = dir.join(space.file_name());
    for journal in db::journal_paths(&path) {
        crate::files::remove_if_there(&journal)?;
    }
    fs::rename(pending_path(dir, space), &path)?;
    crate::files::sync_dir(dir)?;
    Ok(())
}
