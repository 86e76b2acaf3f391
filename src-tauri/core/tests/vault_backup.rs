//! Backup and restore on real SQLCipher files: one backup file made while Hearth runs (a partner
//! locked, the other writing), restored into a fresh folder, gives the same rows in every vault
//! (compared by hash). A damaged or foreign file, or a wrong passphrase, gives a clear error and
//! writes nothing; an existing vault is replaced only when asked. The file holds no plaintext.

mod common;

use std::path::Path;
use std::time::Instant;

use common::*;
use hearth_core::journal::store;
use hearth_core::journal::types::EntryDraft;
use hearth_core::rituals::appreciation as notes;
use hearth_core::vault::backup::Progress;
use hearth_core::vault::{
    backup, backup_format, staging, Partner, Session, Space, Vault, VaultError,
};
use sha2::{Digest, Sha256};

/// A hash of every row a person could see in one schema.
fn rows_hash(session: &Session, space: Space) -> String {
    let schema = space.schema();
    let mut hasher = Sha256::new();
    let mut statement = session
        .conn()
        .prepare(&format!(
            "SELECT id, title, body, entry_date, tags, author, created_at FROM {schema}.entries ORDER BY id"
        ))
        .unwrap();
    let mut rows = statement.query([]).unwrap();
    while let Some(row) = rows.next().unwrap() {
        for i in 0..7 {
            let value: rusqlite::types::Value = row.get(i).unwrap();
            hasher.update(format!("{value:?}\u{1f}").as_bytes());
        }
    }
    if space == Space::Shared {
        for (text,) in notes::list(session)
            .unwrap()
            .iter()
            .map(|n| (n.body.clone(),))
        {
            hasher.update(text.as_bytes());
        }
    }
    format!("{:x}", hasher.finalize())
}

fn write_entries(session: &Session, marker: &str) {
    for i in 0..200 {
        for (space, author) in [
            (Space::Shared, Partner::A),
            (Space::Private(Partner::A), Partner::A),
            (Space::Private(Partner::B), Partner::B),
        ] {
            if session.is_open(space) {
                let draft = EntryDraft {
                    tags: vec!["kept".into()],
                    ..EntryDraft::plain(&format!("{i} {marker} {}", "words ".repeat(30)))
                };
                store::create(session, space, author, &draft).unwrap();
            }
        }
    }
    notes::add(
        session,
        Partner::A,
        &format!("I appreciated {marker}"),
        chrono::Utc::now(),
    )
    .unwrap();
}

/// Sam and Alex with entries in all three vaults; Alex then locked out, as in daily use.
fn couple_with_entries(dir: &Path, marker: &str) -> (Vault, String) {
    let (mut vault, _) = set_up_open(dir);
    write_entries(vault.session().unwrap(), marker);
    let b_hash = rows_hash(vault.session().unwrap(), Space::Private(Partner::B));
    vault.lock();
    vault
        .unlock(Some(Partner::A), PASS_A, Instant::now())
        .unwrap();
    (vault, b_hash)
}

#[test]
fn a_backup_restores_the_same_rows_into_a_fresh_folder() {
    let dir = tempfile::tempdir().unwrap();
    let marker = unique_marker("BACKUPMARK");
    let (vault, b_hash) = couple_with_entries(dir.path(), &marker);
    let session = vault.session().unwrap();
    let shared_hash = rows_hash(session, Space::Shared);
    let a_hash = rows_hash(session, Space::Private(Partner::A));

    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("hearth.backup");
    let mut seen: Vec<Progress> = Vec::new();
    vault.backup(&file, &mut |p| seen.push(p)).unwrap();
    assert!(seen.len() >= 3, "progress was reported: {seen:?}");
    assert!(seen.windows(2).all(|w| w[0].done <= w[1].done));
    let last = seen.last().unwrap();
    assert_eq!(last.done, last.total);

    // The backup file: no plaintext marker, no plaintext database.
    assert!(files_containing(out.path(), &marker).is_empty());
    assert!(plaintext_databases(out.path()).is_empty());

    let fresh = tempfile::tempdir().unwrap();
    let mut restored = Vault::new(fresh.path().join("data"));
    restored
        .restore(&file, PASS_A, false, Instant::now())
        .unwrap();
    let session = restored.session().unwrap();
    assert_eq!(rows_hash(session, Space::Shared), shared_hash);
    assert_eq!(rows_hash(session, Space::Private(Partner::A)), a_hash);
    restored.lock();
    restored
        .unlock(Some(Partner::B), PASS_B, Instant::now())
        .unwrap();
    assert_eq!(
        rows_hash(restored.session().unwrap(), Space::Private(Partner::B)),
        b_hash,
        "the locked partner's vault came along untouched"
    );
    assert!(
        !fresh.path().join("data/.staging").exists(),
        "no staging left behind"
    );
}

#[test]
fn a_damaged_backup_or_a_wrong_passphrase_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = couple_with_entries(dir.path(), "plain words");
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("hearth.backup");
    vault.backup(&file, &mut |_| {}).unwrap();
    let good = std::fs::read(&file).unwrap();

    let fresh = tempfile::tempdir().unwrap();
    let target = fresh.path().join("data");
    let try_restore = |bytes: &[u8], pass: &str| {
        let candidate = out.path().join("candidate.backup");
        std::fs::write(&candidate, bytes).unwrap();
        Vault::new(&target).restore(&candidate, pass, false, Instant::now())
    };
    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x40;
    for (what, bytes) in [
        ("a flipped byte", flipped),
        ("a truncated file", good[..good.len() - 100].to_vec()),
        ("not a backup", b"SQLite format 3\0 and so on".to_vec()),
        ("extra bytes", [good.clone(), vec![0; 10]].concat()),
    ] {
        let err = try_restore(&bytes, PASS_A).unwrap_err();
        assert!(
            matches!(err, VaultError::BackupDamaged { .. }),
            "{what}: {err:?}"
        );
        assert!(err.to_string().contains("Nothing was changed"), "{err}");
        assert!(
            !target.exists() || files_under(&target).is_empty(),
            "{what} wrote something"
        );
    }
    let wrong = try_restore(&good, "not the passphrase at all").unwrap_err();
    assert!(
        matches!(wrong, VaultError::WrongPassphrase { .. }),
        "{wrong:?}"
    );
    // Nothing but the count of failed tries, which outlives a restart.
    assert_eq!(
        files_under(&target),
        [target.join(hearth_core::vault::throttle::FILE_NAME)],
        "a wrong passphrase wrote nothing else"
    );
}

#[test]
fn an_existing_vault_is_replaced_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = couple_with_entries(dir.path(), "first couple");
    let file = dir.path().join("../first.backup");
    vault.backup(&file, &mut |_| {}).unwrap();

    let other = tempfile::tempdir().unwrap();
    let (mut existing, _) = set_up(other.path());
    existing.lock();
    let before = hash_all(other.path());
    let err = existing
        .restore(&file, PASS_A, false, Instant::now())
        .unwrap_err();
    assert!(matches!(err, VaultError::WouldReplace), "{err:?}");
    assert_eq!(
        hash_all(other.path()),
        before,
        "nothing replaced without asking"
    );
    existing
        .restore(&file, PASS_A, true, Instant::now())
        .unwrap();
    let count = store::count(existing.session().unwrap(), Space::Shared).unwrap();
    assert_eq!(count, 200, "the backup's entries are there now");
    // The replaced set is kept aside, whole, not deleted.
    let aside = replaced_folder(other.path());
    for name in ["keyslots.json", "shared.db", "private-a.db", "private-b.db"] {
        assert_eq!(
            hash_file(&aside.join(name)),
            before[&other.path().join(name)],
            "{name} kept aside as it was"
        );
    }
    let _ = std::fs::remove_file(&file);
}

/// The one `replaced-…` folder a restore over an existing vault left in `dir`.
fn replaced_folder(dir: &Path) -> std::path::PathBuf {
    let found: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with("replaced-"))
        })
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    found[0].clone()
}

#[test]
fn a_backup_keeps_what_a_closed_vaults_wal_still_held() {
    // Sam writes while the app runs; the app is then killed, leaving Sam's last commits in the
    // -wal of a file nobody has open (the copy below is what the disk holds after the kill).
    let running = tempfile::tempdir().unwrap();
    let (mut vault, _) = set_up(running.path());
    vault.leave(Partner::B).unwrap();
    for n in 0..20 {
        hearth_core::testing::add_entry(
            vault.session().unwrap(),
            Space::Private(Partner::A),
            &format!("written before the crash {n}"),
        )
        .unwrap();
    }
    let crashed = tempfile::tempdir().unwrap();
    // The -shm is shared memory, rebuilt on the next open; a kill leaves the rest as copied here.
    for file in files_under(running.path()) {
        if !file.to_string_lossy().ends_with("-shm") {
            std::fs::copy(&file, crashed.path().join(file.file_name().unwrap())).unwrap();
        }
    }
    drop(vault);
    let wal = crashed.path().join("private-a.db-wal");
    assert!(
        std::fs::metadata(&wal).unwrap().len() > 0,
        "the test needs a live WAL"
    );

    // Alex unlocks alone (Sam's file stays closed) and makes a backup.
    let mut alex = Vault::with_kdf(crashed.path(), FAST_KDF);
    alex.unlock(Some(Partner::B), PASS_B, Instant::now())
        .unwrap();
    let file = crashed.path().join("../wal.backup");
    alex.backup(&file, &mut |_| {}).unwrap();

    let fresh = tempfile::tempdir().unwrap();
    let mut restored = Vault::with_kdf(fresh.path(), FAST_KDF);
    restored
        .restore(&file, PASS_A, false, Instant::now())
        .unwrap();
    assert_eq!(
        store::count(restored.session().unwrap(), Space::Private(Partner::A)).unwrap(),
        20,
        "every committed entry came through the backup"
    );
    let _ = std::fs::remove_file(&file);
}

#[test]
fn a_backup_whose_other_partners_part_is_garbage_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = couple_with_entries(dir.path(), "garbage test");
    let file = dir.path().join("../garbage.backup");
    vault.backup(&file, &mut |_| {}).unwrap();
    // Alex's part becomes garbage of a plausible size; its checksum is made to match, as damage
    // that slipped past a checksum would. Sam, restoring, cannot open Alex's part.
    let mut contents = backup::read(&file).unwrap();
    let alex = contents
        .parts
        .iter_mut()
        .find(|(name, _)| name == "private-b.db")
        .unwrap();
    alex.1 = (0..alex.1.len()).map(|i| (i * 31 % 251) as u8).collect();
    let seal = contents.seal.unwrap();
    std::fs::write(&file, backup_format::encode(&contents.parts, &seal)).unwrap();

    let other = tempfile::tempdir().unwrap();
    let (mut existing, _) = set_up(other.path());
    existing.lock();
    let before = hash_all(other.path());
    let err = existing
        .restore(&file, PASS_A, true, Instant::now())
        .unwrap_err();
    assert!(matches!(err, VaultError::BackupDamaged { .. }), "{err:?}");
    assert_eq!(
        hash_all(other.path()),
        before,
        "the files here are untouched"
    );
    let _ = std::fs::remove_file(&file);
}

#[test]
fn a_restore_cut_off_at_any_point_leaves_a_set_that_opens() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = couple_with_entries(dir.path(), "cut off");
    let file = dir.path().join("../cut.backup");
    vault.backup(&file, &mut |_| {}).unwrap();
    let contents = backup::read(&file).unwrap();
    let files = contents.parts.len();

    for moved in 0..=files {
        let other = tempfile::tempdir().unwrap();
        let (mut existing, _) = set_up_named(other.path(), "Kim", "Lee", NEW_PASS, PASS_B);
        existing.lock();
        backup::stage(&contents, other.path()).unwrap();
        if moved > 0 {
            // The decision is made, then the renames stop after `moved - 1` files.
            staging::commit_partly(other.path(), moved - 1).unwrap();
        }
        // The next start: the old couple if the crash came before the decision, else the new.
        let mut next = Vault::with_kdf(other.path(), FAST_KDF);
        let passphrase = if moved == 0 { NEW_PASS } else { PASS_A };
        next.unlock(Some(Partner::A), passphrase, Instant::now())
            .unwrap_or_else(|err| panic!("after {moved} steps: {err}"));
        let names = hearth_core::vault::partners::names(next.session().unwrap()).unwrap();
        assert_eq!(names[0], if moved == 0 { "Kim" } else { "Sam" });
        assert!(!staging::exists(other.path()));
    }
    let _ = std::fs::remove_file(&file);
}
