//! Every file and folder Hearth makes: owner-only (0600 files, 0700 folders) whatever the umask,
//! and created exclusively, so a file or symlink someone planted under the same name is refused
//! rather than followed.
//!
//! Replacing a small file (the keyslots, the wake list, a backup, an export) goes through
//! [`write_atomic`], so a crash at any moment leaves either the old or the new one: write a fresh
//! temporary file, fsync it, rename it over the old one, then fsync the folder.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};

/// The mode of every file Hearth creates.
pub const FILE_MODE: u32 = 0o600;
/// The mode of every folder Hearth creates.
pub const DIR_MODE: u32 = 0o700;

/// Creates `path` as a new, empty, owner-only file. Fails with `AlreadyExists` if anything, a
/// symlink included, is already there.
pub fn create_new(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create_new(true);
    #[cfg(unix)]
    options.mode(FILE_MODE);
    options.open(path)
}

/// Creates `path` and any missing parents as owner-only folders. An existing folder is left as it
/// is, except the last one, which is made owner-only.
pub fn create_dir_all(path: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    builder.mode(DIR_MODE);
    builder.create(path)?;
    restrict(path, DIR_MODE)
}

/// Creates `path` and any missing parents as owner-only folders, and leaves an existing one
/// untouched. For folders a sync tool watches: making an existing folder owner-only again is a
/// change to it, and Syncthing then holds back everything in that folder, new files too, for six
/// times its usual delay (seven seconds instead of one, measured).
pub fn create_dir_if_missing(path: &Path) -> io::Result<()> {
    if path.is_dir() {
        return Ok(());
    }
    create_dir_all(path)
}

/// Creates `path` as a new owner-only folder; fails if it exists.
pub fn create_dir(path: &Path) -> io::Result<()> {
    #[cfg_attr(not(unix), allow(unused_mut))]
    let mut builder = fs::DirBuilder::new();
    #[cfg(unix)]
    builder.mode(DIR_MODE);
    builder.create(path)
}

/// Makes an existing file owner-only (for files an older Hearth made before this rule), when
/// it is there at all.
pub fn restrict_file(path: &Path) -> io::Result<()> {
    match restrict(path, FILE_MODE) {
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

/// Removes `path` if it is there; a file already gone is what was wanted.
pub fn remove_if_there(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

#[cfg(unix)]
fn restrict(path: &Path, mode: u32) -> io::Result<()> {
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn restrict(_path: &Path, _mode: u32) -> io::Result<()> {
    Ok(())
}

/// A temporary file's name beside `name`, unique within this process; [`create_new`] refuses
/// any that another process planted.
fn temp_path(dir: &Path, name: &str) -> PathBuf {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".{name}.{}-{n}.tmp", std::process::id()))
}

/// Replaces `dir/name` with `bytes`, owner-only, so that a crash leaves the old or the new file.
pub fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<()> {
    let temp = temp_path(dir, name);
    let written = (|| {
        let mut file = create_new(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temp, dir.join(name))
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written?;
    sync_dir(dir)
}

/// Makes a rename in `dir` durable. Windows cannot open a folder as a file, and its renames are
/// already durable once `MoveFileEx` returns, so there is nothing to do there.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use super::*;

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn a_planted_symlink_is_refused_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("elsewhere");
        std::os::unix::fs::symlink(&target, dir.path().join("planted")).unwrap();
        let err = create_new(&dir.path().join("planted")).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert!(!target.exists());
    }

    #[test]
    fn write_atomic_leaves_one_owner_only_file() {
        let dir = tempfile::tempdir().unwrap();
        write_atomic(dir.path(), "slots.json", b"one").unwrap();
        write_atomic(dir.path(), "slots.json", b"two").unwrap();
        assert_eq!(fs::read(dir.path().join("slots.json")).unwrap(), b"two");
        assert_eq!(mode(&dir.path().join("slots.json")), FILE_MODE);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn folders_are_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a/b");
        create_dir_all(&nested).unwrap();
        assert_eq!(mode(&nested), DIR_MODE);
        assert_eq!(mode(&dir.path().join("a")), DIR_MODE);
    }

    #[test]
    fn a_folder_a_sync_tool_watches_is_left_untouched_once_it_exists() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let mailbox = dir.path().join("HearthSync/vault/device");
        create_dir_if_missing(&mailbox).unwrap();
        assert_eq!(mode(&mailbox), DIR_MODE);
        let changed = |path: &Path| {
            let meta = fs::metadata(path).unwrap();
            (meta.ctime(), meta.ctime_nsec())
        };
        let before = changed(&mailbox);
        std::thread::sleep(std::time::Duration::from_millis(20));
        create_dir_if_missing(&mailbox).unwrap();
        assert_eq!(changed(&mailbox), before, "no change a watcher would see");
        create_dir_all(&mailbox).unwrap();
        assert_ne!(changed(&mailbox), before, "which create_dir_all does make");
    }
}
