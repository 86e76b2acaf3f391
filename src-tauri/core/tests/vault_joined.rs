//! A laptop that joined through sync holds its partner alone: no one else can unlock it to lend
//! the shared vault's key, so the recovery code shown when it joined opens both of its vaults, and
//! a forgotten passphrase is reset from the lock screen. A wrong code counts against the delay, a
//! weak passphrase changes nothing, the private space survives the reset, and a new recovery code
//! retires the old one for both vaults. The laptop the couple set up offers none of this.

mod common;

use std::time::{Duration, Instant};

use common::*;
use hearth_core::journal::store as journal;
use hearth_core::journal::types::EntryDraft;
use hearth_core::sync::link;
use hearth_core::vault::{Partner, Space, Vault, VaultError};

const B_PASSPHRASE: &str = "willow ferry cobalt lantern";

/// Alex's private entry on this laptop, read through the session that is open.
fn private_body(vault: &Vault, id: i64) -> String {
    journal::get(vault.session().unwrap(), Space::Private(Partner::B), id)
        .unwrap()
        .unwrap()
        .body
}

#[test]
fn a_laptop_that_joined_resets_a_forgotten_passphrase_with_the_recovery_code_from_its_lock_screen()
{
    let (dir_a, dir_b, folder) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let (mut a, _) = set_up(dir_a.path());
    unlock_alone(&mut a, Partner::A);
    let code = link::invite(&a, folder.path()).unwrap();
    let mut b = Vault::with_kdf(dir_b.path(), FAST_KDF);
    let recovery = link::join(&mut b, folder.path(), &code, Partner::B, B_PASSPHRASE).unwrap();
    let private = journal::create(
        b.session().unwrap(),
        Space::Private(Partner::B),
        Partner::B,
        &EntryDraft::plain("Only on Alex's laptop"),
    )
    .unwrap()
    .id;
    assert!(!b.status().recovers_at_lock_screen, "not while unlocked");
    b.lock();
    assert!(b.status().recovers_at_lock_screen);
    a.lock();
    assert!(
        !a.status().recovers_at_lock_screen,
        "the first laptop resets through the other partner"
    );
    assert!(matches!(
        a.reset_alone(&recovery, NEW_PASS, Instant::now()),
        Err(VaultError::Locked)
    ));

    let mut now = Instant::now();
    let mut later = || {
        now += Duration::from_secs(600);
        now
    };
    let wrong = "0000-0000-0000-0000-0000-0000-0000-0000";
    assert!(matches!(
        b.reset_alone(wrong, NEW_PASS, later()),
        Err(VaultError::WrongRecoveryCode { .. })
    ));
    assert!(matches!(
        b.reset_alone(&recovery, "short", later()),
        Err(VaultError::WeakPassphrase { .. })
    ));
    assert!(
        b.session().is_err(),
        "a weak passphrase leaves the laptop locked"
    );
    assert!(
        b.unlock(None, B_PASSPHRASE, later()).is_ok(),
        "and the old passphrase in place"
    );
    b.lock();

    let opened = b
        .reset_alone(&recovery.to_lowercase(), NEW_PASS, later())
        .unwrap();
    assert!(opened.partners[1].unlocked);
    assert_eq!(private_body(&b, private), "Only on Alex's laptop");
    b.lock();
    assert!(matches!(
        b.unlock(None, B_PASSPHRASE, later()),
        Err(VaultError::WrongPassphrase { .. })
    ));
    b.unlock(None, NEW_PASS, later()).unwrap();
    assert_eq!(private_body(&b, private), "Only on Alex's laptop");

    // A new recovery code retires the old one for the shared vault too.
    let renewed = b.new_recovery_code(Partner::B, NEW_PASS, later()).unwrap();
    b.lock();
    assert!(matches!(
        b.reset_alone(&recovery, B_PASSPHRASE, later()),
        Err(VaultError::WrongRecoveryCode { .. })
    ));
    b.reset_alone(&renewed, B_PASSPHRASE, later()).unwrap();
    assert_eq!(private_body(&b, private), "Only on Alex's laptop");
}
