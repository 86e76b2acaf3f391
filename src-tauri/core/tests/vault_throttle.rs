//! The wrong-passphrase delay: it survives a restart of Hearth, restore attempts count as tries,
//! and changing one's passphrase no longer answers whether a guess is the other partner's.

mod common;

use std::time::Instant;

use common::*;
use hearth_core::vault::{Partner, Space, Vault, VaultError};

fn now() -> Instant {
    Instant::now()
}

fn too_many(result: Result<impl std::fmt::Debug, VaultError>) -> bool {
    matches!(result, Err(VaultError::TooManyAttempts { .. }))
}

#[test]
fn the_delay_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    set_up(dir.path()).0.lock();
    let mut vault = Vault::with_kdf(dir.path(), FAST_KDF);
    for _ in 0..3 {
        let err = vault.unlock(Some(Partner::A), "a wrong guess", now());
        assert!(matches!(err, Err(VaultError::WrongPassphrase { .. })));
    }
    assert!(too_many(vault.unlock(Some(Partner::A), PASS_A, now())));
    // Quitting and starting Hearth again does not reset it.
    drop(vault);
    let mut restarted = Vault::with_kdf(dir.path(), FAST_KDF);
    assert!(too_many(restarted.unlock(Some(Partner::A), PASS_A, now())));
    // Once the wait is over, the right passphrase opens and the count is gone.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    restarted.unlock(Some(Partner::A), PASS_A, now()).unwrap();
    assert!(!dir
        .path()
        .join(hearth_core::vault::throttle::FILE_NAME)
        .exists());
}

#[test]
fn restore_attempts_count_as_tries() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = set_up(dir.path());
    let file = dir.path().join("../throttle.backup");
    vault.backup(&file, &mut |_| {}).unwrap();
    let fresh = tempfile::tempdir().unwrap();
    let mut target = Vault::with_kdf(fresh.path(), FAST_KDF);
    for _ in 0..3 {
        let err = target.restore(&file, "a wrong guess", false, now());
        assert!(
            matches!(err, Err(VaultError::WrongPassphrase { .. })),
            "{err:?}"
        );
    }
    assert!(too_many(target.restore(&file, PASS_A, false, now())));
    let _ = std::fs::remove_file(&file);
}

#[test]
fn a_new_passphrase_is_not_compared_with_the_partners() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = set_up_alone(dir.path(), Partner::A);
    // Taking Alex's passphrase is answered exactly as any other strong one: nothing is told.
    vault
        .change_passphrase(Partner::A, PASS_A, PASS_B, now())
        .unwrap();
    vault.lock();
    // Each name still opens only its own private space with it.
    let status = vault.unlock(Some(Partner::B), PASS_B, now()).unwrap();
    assert!(!vault.session().unwrap().is_open(Space::Private(Partner::A)));
    assert_eq!(status.partners.iter().filter(|p| p.unlocked).count(), 1);
    vault.lock();
    vault.unlock(Some(Partner::A), PASS_B, now()).unwrap();
    assert!(!vault.session().unwrap().is_open(Space::Private(Partner::B)));
}
