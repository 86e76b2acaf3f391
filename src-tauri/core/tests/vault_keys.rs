//! Keys that can be replaced, on real SQLCipher files: a new recovery code retires the old one, and
//! replacing a private vault's key (with a passphrase change, or by a reset with the recovery code)
//! makes an old copy of the keyslots file useless against the current file. A key change cut off
//! at either of its two steps leaves a couple that unlocks with everything in it.

mod common;

use std::fs;
use std::path::Path;
use std::time::Instant;

use common::*;
use hearth_core::testing;
use hearth_core::vault::keyslots::{Keyslots, SlotId};
use hearth_core::vault::{crypto::Key, db, rekey, Partner, Progress, Space, Vault, VaultError};

const A_PRIVATE: Space = Space::Private(Partner::A);

fn now() -> Instant {
    Instant::now()
}

/// A's private key as the keyslots file `bytes` held it, unwrapped with `secret`.
fn old_private_key(bytes: &[u8], slot: SlotId, secret: &str) -> Key {
    Keyslots::parse(bytes, Path::new("copy"))
        .unwrap()
        .vault(A_PRIVATE)
        .unwrap()
        .unwrap_key(slot, secret)
        .unwrap()
        .expect("the copy opens with what it was written with")
}

fn keyslots_bytes(dir: &Path) -> Vec<u8> {
    fs::read(dir.join("keyslots.json")).unwrap()
}

fn private_file(dir: &Path) -> std::path::PathBuf {
    dir.join(A_PRIVATE.file_name())
}

/// The one entry in A's private space, read by A unlocking alone with `passphrase`.
fn a_reads(dir: &Path, passphrase: &str) -> String {
    let mut vault = Vault::with_kdf(dir, FAST_KDF);
    vault.unlock(Some(Partner::A), passphrase, now()).unwrap();
    let entries = testing::list_entries(vault.session().unwrap(), A_PRIVATE, 10).unwrap();
    assert_eq!(entries.len(), 1);
    entries[0].body.clone()
}

#[test]
fn replacing_the_key_with_a_new_passphrase_retires_old_copies_of_the_keyslots() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, codes, marker) = set_up_with_a_private_marker(dir.path(), "A-REKEY-");
    let old_slots = keyslots_bytes(dir.path());
    vault.unlock(Some(Partner::A), PASS_A, now()).unwrap();

    let mut seen: Vec<Progress> = Vec::new();
    let code = vault
        .change_passphrase_and_key(Partner::A, PASS_A, NEW_PASS, now(), &mut |p| seen.push(p))
        .unwrap();
    let last = seen.last().expect("the copy reports progress");
    assert!(last.total > 0 && last.done == last.total, "{seen:?}");
    vault.lock();

    // The old passphrase still unwraps the old key from the copy, but that key opens nothing now.
    let old_key = old_private_key(&old_slots, SlotId::Passphrase(Partner::A), PASS_A);
    assert!(matches!(
        db::open(dir.path(), A_PRIVATE, &old_key),
        Err(VaultError::Damaged { .. })
    ));
    let old_code_key = old_private_key(
        &old_slots,
        SlotId::Recovery,
        &hearth_core::vault::recovery::normalize(&codes.a).unwrap(),
    );
    assert!(db::open(dir.path(), A_PRIVATE, &old_code_key).is_err());
    assert!(!rekey::pending_path(dir.path(), A_PRIVATE).exists());

    assert_eq!(a_reads(dir.path(), NEW_PASS), marker);
    // The old recovery code wrapped the old key; the new one opens the space.
    vault.unlock(Some(Partner::B), PASS_B, now()).unwrap();
    assert!(matches!(
        vault.reset_with_recovery(Partner::A, &codes.a, PASS_A, now()),
        Err(VaultError::WrongRecoveryCode { .. })
    ));
    vault
        .reset_with_recovery(Partner::A, &code, PASS_A, now())
        .unwrap();
}

#[test]
fn a_new_recovery_code_retires_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, codes) = set_up(dir.path());
    // Sitting together, a new code would show on a screen the other partner is looking at.
    assert!(matches!(
        vault.new_recovery_code(Partner::A, PASS_A, now()),
        Err(VaultError::NeedsToBeAlone)
    ));
    vault.leave(Partner::B).unwrap();
    assert!(matches!(
        vault.new_recovery_code(Partner::A, PASS_B, now()),
        Err(VaultError::WrongPassphrase { .. })
    ));
    let code = vault.new_recovery_code(Partner::A, PASS_A, now()).unwrap();
    assert_ne!(*code, codes.a);
    vault.lock();

    vault.unlock(Some(Partner::B), PASS_B, now()).unwrap();
    assert!(matches!(
        vault.reset_with_recovery(Partner::A, &codes.a, NEW_PASS, now()),
        Err(VaultError::WrongRecoveryCode { .. })
    ));
    vault
        .reset_with_recovery(Partner::A, &code, NEW_PASS, now())
        .unwrap();
}

#[test]
fn a_reset_replaces_the_key_and_tells_the_owner_once() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, codes, marker) = set_up_with_a_private_marker(dir.path(), "A-RESET-");
    let old_slots = keyslots_bytes(dir.path());

    let status = vault.unlock(Some(Partner::B), PASS_B, now()).unwrap();
    assert_eq!(status.reset_notice, None);
    vault
        .reset_with_recovery(Partner::A, &codes.a, NEW_PASS, now())
        .unwrap();
    vault.lock();

    let old_key = old_private_key(&old_slots, SlotId::Passphrase(Partner::A), PASS_A);
    assert!(db::open(dir.path(), A_PRIVATE, &old_key).is_err());

    // Alex's next unlock says nothing; Sam's says when the reset happened, once.
    let status = vault.unlock(Some(Partner::B), PASS_B, now()).unwrap();
    assert_eq!(status.reset_notice, None);
    vault.lock();
    let status = vault.unlock(Some(Partner::A), NEW_PASS, now()).unwrap();
    let notice = status.reset_notice.expect("Sam is told of the reset");
    assert_eq!(notice.who, Partner::A);
    let at = chrono::DateTime::parse_from_rfc3339(&notice.at).unwrap();
    assert!((chrono::Utc::now() - at.to_utc()).num_minutes() < 5);
    vault.lock();
    let status = vault.unlock(Some(Partner::A), NEW_PASS, now()).unwrap();
    assert_eq!(status.reset_notice, None);
    vault.lock();
    assert_eq!(a_reads(dir.path(), NEW_PASS), marker);
    // The same code still opens the space after the reset (it was rewrapped, not replaced).
    vault.unlock(Some(Partner::B), PASS_B, now()).unwrap();
    vault
        .reset_with_recovery(Partner::A, &codes.a, PASS_A, now())
        .unwrap();
}

#[test]
fn a_key_change_cut_off_at_either_step_leaves_a_couple_that_unlocks() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _, marker) = set_up_with_a_private_marker(dir.path(), "A-CRASH-");
    let old_slots = keyslots_bytes(dir.path());
    let old_file = fs::read(private_file(dir.path())).unwrap();
    vault.unlock(Some(Partner::A), PASS_A, now()).unwrap();
    vault
        .change_passphrase_and_key(Partner::A, PASS_A, NEW_PASS, now(), &mut |_| {})
        .unwrap();
    vault.lock();
    let new_slots = keyslots_bytes(dir.path());
    let new_file = fs::read(private_file(dir.path())).unwrap();
    let pending = rekey::pending_path(dir.path(), A_PRIVATE);

    // Cut off after the keyslots took the new key, before the copy moved into place.
    fs::write(&pending, &new_file).unwrap();
    fs::write(private_file(dir.path()), &old_file).unwrap();
    assert_eq!(a_reads(dir.path(), NEW_PASS), marker);
    assert!(!pending.exists());
    assert_eq!(fs::read(private_file(dir.path())).unwrap(), new_file);

    // Cut off before the keyslots changed: the copy was never in force and is removed.
    fs::write(dir.path().join("keyslots.json"), &old_slots).unwrap();
    fs::write(private_file(dir.path()), &old_file).unwrap();
    fs::write(&pending, &new_file).unwrap();
    assert_eq!(a_reads(dir.path(), PASS_A), marker);
    assert!(!pending.exists());

    // A copy that neither key opens is left alone, and the file in question is named.
    fs::write(dir.path().join("keyslots.json"), &new_slots).unwrap();
    fs::write(&pending, b"not a vault").unwrap();
    let mut fresh = Vault::with_kdf(dir.path(), FAST_KDF);
    assert!(matches!(
        fresh.unlock(Some(Partner::A), NEW_PASS, now()),
        Err(VaultError::Damaged { .. })
    ));
    assert_eq!(fs::read(&pending).unwrap(), b"not a vault");
}
