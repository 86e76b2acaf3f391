//! Every file and folder Hearth makes is owner-only (0600 and 0700), whatever the umask: set up,
//! write, back up, restore, export and save the wake list with the common umask 022, then look at
//! everything that appeared. One test in its own binary, because the umask is the process's.
//! Modes and the umask are Unix's; on Windows, owner-only is an access list (issue 36).
#![cfg(unix)]

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::Instant;

use common::*;
use hearth_core::journal::export::{self, ExportFormat};
use hearth_core::journal::store;
use hearth_core::journal::types::EntryDraft;
use hearth_core::reminders::wake_list::WakeList;
use hearth_core::vault::{Partner, Space, Vault};

/// Every path under `root` whose mode is not owner-only, with its mode.
fn too_open(root: &Path) -> Vec<(String, u32)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(root).unwrap() {
        let path = entry.unwrap().path();
        let meta = std::fs::symlink_metadata(&path).unwrap();
        let mode = meta.permissions().mode() & 0o777;
        let wanted = if meta.is_dir() { 0o700 } else { 0o600 };
        if mode != wanted {
            found.push((path.display().to_string(), mode));
        }
        if meta.is_dir() {
            found.extend(too_open(&path));
        }
    }
    found
}

#[test]
fn with_umask_022_everything_hearth_makes_is_owner_only() {
    // SAFETY: umask only sets the process's file-creation mask; this binary runs one test.
    unsafe { libc::umask(0o022) };
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let (mut vault, _) = set_up_open(&data);
    let session = vault.session().unwrap();
    for space in [Space::Shared, Space::Private(Partner::A)] {
        store::create(
            session,
            space,
            Partner::A,
            &EntryDraft::plain("by the fire"),
        )
        .unwrap();
    }
    WakeList::new(Vec::new(), None, None).save(&data).unwrap();
    // Sam goes on alone, as for an export.
    vault.leave(Partner::B).unwrap();

    let backups = root.path().join("backups");
    hearth_core::files::create_dir_all(&backups).unwrap();
    let backup = backups.join("hearth.backup");
    vault.backup(&backup, &mut |_| {}).unwrap();
    let entries = export::entries_of(vault.session().unwrap(), Partner::A).unwrap();
    let names = ["Sam".to_string(), "Alex".to_string()];
    let text = export::render(&entries, &names, ExportFormat::Markdown).unwrap();
    hearth_core::files::write_atomic(&backups, "journal.md", text.as_bytes()).unwrap();

    // Before the restores below replace them, the files setup and daily use made.
    assert_eq!(too_open(root.path()), Vec::<(String, u32)>::new());

    vault.lock();
    let restored_dir = root.path().join("restored");
    let mut restored = Vault::with_kdf(&restored_dir, FAST_KDF);
    restored
        .restore(&backup, PASS_A, false, Instant::now())
        .unwrap();
    // The -wal and -shm of every vault exist while both are unlocked and writing.
    store::create(
        restored.session().unwrap(),
        Space::Shared,
        Partner::A,
        &EntryDraft::plain("after the restore"),
    )
    .unwrap();
    vault
        .restore(&backup, PASS_A, true, Instant::now())
        .unwrap();

    let wal = data.join(format!("{}-wal", Space::Shared.file_name()));
    assert!(wal.exists(), "the test looks at a live -wal file");
    assert_eq!(too_open(root.path()), Vec::<(String, u32)>::new());
}
