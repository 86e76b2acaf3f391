//! Wrong passphrases change nothing on disk; damaged, truncated or missing files each give their own
//! clear error and are left exactly as they were, whether the unlock finds it (a header) or the
//! full check that runs after it, before anything is written (a page further in).

mod common;

use std::fs::{self, OpenOptions};
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use common::*;
use hearth_core::testing::{self, sample_journal};
use hearth_core::vault::keyslots::{Keyslots, SlotId};
use hearth_core::vault::{db, settings, throttle, Partner, Space, Vault, VaultError};
use rusqlite::Connection;

const PAGE: u64 = 4096;

/// A couple with enough rows that every vault file has several pages, locked.
fn pristine() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = set_up_open(dir.path());
    let session = vault.session().unwrap();
    testing::fill_every_space(session, 60, |i| {
        format!("entry {i}: {}", "words ".repeat(30))
    })
    .unwrap();
    vault.lock();
    dir
}

fn copy_of(pristine: &Path) -> tempfile::TempDir {
    let copy = tempfile::tempdir().unwrap();
    copy_dir(pristine, copy.path());
    copy
}

/// What Sam hears when unlocking: an error at once (a header, a missing file), or, for damage
/// further in, the error of the full check that runs after the unlock, before anything is written.
fn unlock_as_a(dir: &Path) -> VaultError {
    let mut vault = Vault::with_kdf(dir, FAST_KDF);
    match vault.unlock(Some(Partner::A), PASS_A, Instant::now()) {
        Err(err) => err,
        Ok(_) => {
            vault.session().unwrap().wait_for_checks();
            let err = vault
                .damage_found()
                .expect_err("the check finds the damage");
            assert!(vault.session().is_err(), "the vault locks");
            err
        }
    }
}

fn flip_byte(path: &Path, offset: u64) {
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
        .unwrap();
    let mut byte = [0u8; 1];
    file.seek(SeekFrom::Start(offset)).unwrap();
    std::io::Read::read_exact(&mut file, &mut byte).unwrap();
    file.seek(SeekFrom::Start(offset)).unwrap();
    file.write_all(&[byte[0] ^ 0x5a]).unwrap();
}

fn assert_damaged(err: VaultError, file: &Path) {
    match err {
        VaultError::Damaged { file: named } => {
            assert_eq!(named, file);
            assert!(VaultError::Damaged {
                file: named.clone()
            }
            .to_string()
            .contains(&named.display().to_string()));
        }
        other => panic!("expected Damaged for {}, got {other:?}", file.display()),
    }
}

/// A wrong passphrase changes no byte of a vault file or the keyslots. The one file it writes is
/// the count of failed tries (`attempts.json`), so the delay survives a restart.
#[test]
fn wrong_passphrase_changes_no_byte_on_disk() {
    let base = pristine();
    let before = hash_all(base.path());
    let mut vault = Vault::with_kdf(base.path(), FAST_KDF);
    for who in [Some(Partner::A), Some(Partner::B), None] {
        let err = vault
            .unlock(who, "definitely not it", Instant::now())
            .unwrap_err();
        assert!(matches!(err, VaultError::WrongPassphrase { .. }));
    }
    let mut after = hash_all(base.path());
    let attempts = base.path().join(throttle::FILE_NAME);
    assert!(
        after.remove(&attempts).is_some(),
        "the failures are counted on disk"
    );
    assert_eq!(after, before);
    let record = std::fs::read_to_string(&attempts).unwrap();
    assert!(!record.contains("definitely"), "{record}");
}

#[test]
fn flipped_byte_in_a_later_page_is_reported_and_left_alone() {
    let base = pristine();
    for (file, page) in [("shared.db", 2), ("private-a.db", 2), ("private-a.db", 3)] {
        let dir = copy_of(base.path());
        let path = dir.path().join(file);
        flip_byte(&path, (page - 1) * PAGE + 300);
        let damaged = hash_file(&path);
        assert_damaged(unlock_as_a(dir.path()), &path);
        assert_eq!(hash_file(&path), damaged, "{file} must not be written over");
    }
}

#[test]
fn truncated_file_is_reported_and_left_alone() {
    let base = pristine();
    for file in ["shared.db", "private-a.db"] {
        let dir = copy_of(base.path());
        let path = dir.path().join(file);
        let len = fs::metadata(&path).unwrap().len();
        assert!(len > 2 * PAGE);
        OpenOptions::new()
            .write(true)
            .open(&path)
            .unwrap()
            .set_len(PAGE + 1000)
            .unwrap();
        let damaged = hash_file(&path);
        assert_damaged(unlock_as_a(dir.path()), &path);
        assert_eq!(hash_file(&path), damaged);
    }
}

/// Pages from two moments: a file whose pages after the first are put back as they were before
/// more entries were written. Each page still passes its HMAC (the same key wrote it, at the same
/// place), and the header is whole, so the unlock goes ahead. The structure check, which runs in
/// the background after the unlock, finds it before anything is written: a write waits for it and
/// is refused, the vault locks and names the file, and the file is left as it was.
#[test]
fn pages_from_an_older_copy_are_found_before_anything_is_written() {
    let before = pristine();
    let after = copy_of(before.path());
    let mut vault = Vault::with_kdf(after.path(), FAST_KDF);
    vault
        .unlock(Some(Partner::A), PASS_A, Instant::now())
        .unwrap();
    for schema in ["main", "private_a"] {
        sample_journal::fill(vault.session().unwrap(), schema, 60, 7).unwrap();
    }
    vault.lock();
    for file in ["shared.db", "private-a.db"] {
        let dir = copy_of(after.path());
        let path = dir.path().join(file);
        let mut mixed = fs::read(&path).unwrap();
        let older = fs::read(before.path().join(file)).unwrap();
        let first = PAGE as usize;
        mixed[first..older.len()].copy_from_slice(&older[first..]);
        fs::write(&path, &mixed).unwrap();
        let damaged = hash_file(&path);
        let mut vault = Vault::with_kdf(dir.path(), FAST_KDF);
        vault
            .unlock(Some(Partner::A), PASS_A, Instant::now())
            .expect("every page passes its HMAC");
        let write = settings::set_auto_lock_minutes(vault.session().unwrap(), 30);
        assert!(write.is_err(), "{file}: a write went ahead of the check");
        assert_damaged(vault.damage_found().unwrap_err(), &path);
        assert!(vault.session().is_err(), "the vault locks");
        assert_eq!(hash_file(&path), damaged, "{file} must not be written over");
    }
}

/// The background check of a sound file passes, and writes go ahead once it has.
#[test]
fn a_sound_file_passes_the_background_check() {
    let base = pristine();
    let mut vault = Vault::with_kdf(base.path(), FAST_KDF);
    vault
        .unlock(Some(Partner::A), PASS_A, Instant::now())
        .unwrap();
    settings::set_auto_lock_minutes(vault.session().unwrap(), 30).unwrap();
    assert_eq!(vault.session().unwrap().wait_for_checks(), None);
    assert!(vault.damage_found().is_ok());
    assert_eq!(
        settings::auto_lock_minutes(vault.session().unwrap()).unwrap(),
        30
    );
}

#[test]
fn damaged_first_16_bytes_are_reported_and_left_alone() {
    let base = pristine();
    for file in ["shared.db", "private-a.db"] {
        let dir = copy_of(base.path());
        let path = dir.path().join(file);
        let mut bytes = fs::read(&path).unwrap();
        for b in &mut bytes[..16] {
            *b ^= 0xff;
        }
        fs::write(&path, &bytes).unwrap();
        let damaged = hash_file(&path);
        assert_damaged(unlock_as_a(dir.path()), &path);
        assert_eq!(hash_file(&path), damaged);
    }
}

#[test]
fn missing_keyslots_file_is_its_own_error() {
    let base = pristine();
    let dir = copy_of(base.path());
    fs::remove_file(dir.path().join("keyslots.json")).unwrap();
    let before = hash_all(dir.path());
    match unlock_as_a(dir.path()) {
        VaultError::KeyslotsMissing { file } => assert!(file.ends_with("keyslots.json")),
        other => panic!("{other:?}"),
    }
    assert_eq!(hash_all(dir.path()), before);
    let mut vault = Vault::with_kdf(dir.path(), FAST_KDF);
    assert_eq!(
        vault.status().state,
        hearth_core::vault::State::Locked,
        "not mistaken for a fresh install"
    );
    assert!(matches!(
        testing::set_up_named(&mut vault, ["X", "Y"], [NEW_PASS, PASS_B]),
        Err(VaultError::AlreadySetUp)
    ));
}

#[test]
fn damaged_keyslots_file_is_its_own_error() {
    let base = pristine();
    let dir = copy_of(base.path());
    fs::write(
        dir.path().join("keyslots.json"),
        b"{\"format\": 1, \"vaults\": [tru",
    )
    .unwrap();
    assert!(matches!(
        unlock_as_a(dir.path()),
        VaultError::KeyslotsDamaged { .. }
    ));
}

#[test]
fn missing_vault_file_is_its_own_error() {
    let base = pristine();
    let dir = copy_of(base.path());
    fs::remove_file(dir.path().join("private-a.db")).unwrap();
    match unlock_as_a(dir.path()) {
        VaultError::VaultFileMissing { file } => assert!(file.ends_with("private-a.db")),
        other => panic!("{other:?}"),
    }
    assert!(
        !dir.path().join("private-a.db").exists(),
        "a missing vault is never silently recreated"
    );
}

#[test]
fn newer_data_formats_are_refused_untouched() {
    let base = pristine();

    let dir = copy_of(base.path());
    let path = dir.path().join("keyslots.json");
    let text = fs::read_to_string(&path)
        .unwrap()
        .replacen("\"format\": 1", "\"format\": 2", 1);
    fs::write(&path, text).unwrap();
    assert!(matches!(
        unlock_as_a(dir.path()),
        VaultError::FormatTooNew {
            found: 2,
            supported: 1,
            ..
        }
    ));

    let dir = copy_of(base.path());
    let key = Keyslots::load(dir.path())
        .unwrap()
        .vault(Space::Shared)
        .unwrap()
        .unwrap_key(SlotId::Passphrase(Partner::A), PASS_A)
        .unwrap()
        .unwrap();
    let shared: PathBuf = dir.path().join("shared.db");
    {
        let conn = Connection::open(&shared).unwrap();
        conn.execute_batch(&format!(
            "PRAGMA key = \"{}\"; PRAGMA user_version = 42;",
            *db::raw_key(&key)
        ))
        .unwrap();
    }
    let before = hash_file(&shared);
    let supported = hearth_core::vault::migrations::latest(hearth_core::vault::migrations::SHARED);
    match unlock_as_a(dir.path()) {
        VaultError::FormatTooNew {
            file,
            found: 42,
            supported: reported,
        } => assert_eq!((file, reported), (shared.clone(), supported)),
        other => panic!("{other:?}"),
    }
    assert_eq!(hash_file(&shared), before);
}
