//! What an unlock costs in Argon2id derivations, counted on this thread: one key-encryption key
//! per partner opens both their passphrase slots, so an unlock derives once. A keyslots file from
//! before the two slots shared a salt (every file written before December 2026) still unlocks, is
//! rewrapped in place at that unlock, and from then on costs one derivation too, still as format 1.

mod common;

use std::path::Path;
use std::time::Instant;

use common::*;
use hearth_core::vault::crypto::derivations_on_this_thread;
use hearth_core::vault::keyslots::{Keyslots, SlotId};
use hearth_core::vault::{Partner, Space, Vault};

/// How many derivations `action` made.
fn derivations(action: impl FnOnce()) -> u64 {
    let before = derivations_on_this_thread();
    action();
    derivations_on_this_thread() - before
}

/// Rewrites the couple's keyslots as a Hearth before shared salts wrote them: each private
/// passphrase slot under a salt of its own.
fn write_as_before_shared_salts(dir: &Path) {
    let mut slots = Keyslots::load(dir).unwrap();
    for (who, pass) in [(Partner::A, PASS_A), (Partner::B, PASS_B)] {
        let private = slots.vault_mut(Space::Private(who)).unwrap();
        let key = private
            .unwrap_key(SlotId::Passphrase(who), pass)
            .unwrap()
            .unwrap();
        private
            .set_slot(SlotId::Passphrase(who), pass, &key, FAST_KDF)
            .unwrap();
    }
    slots.save_atomic(dir).unwrap();
}

fn unlock(vault: &mut Vault, who: Partner, pass: &str) {
    vault.unlock(Some(who), pass, Instant::now()).unwrap();
}

#[test]
fn an_unlock_derives_one_key_encryption_key() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = set_up(dir.path());
    vault.lock();
    assert_eq!(derivations(|| unlock(&mut vault, Partner::A, PASS_A)), 1);
    vault.lock();
    assert_eq!(derivations(|| unlock(&mut vault, Partner::B, PASS_B)), 1);

    // After a passphrase change, still one.
    vault
        .change_passphrase(Partner::B, PASS_B, NEW_PASS, Instant::now())
        .unwrap();
    vault.lock();
    assert_eq!(derivations(|| unlock(&mut vault, Partner::B, NEW_PASS)), 1);
}

#[test]
fn a_file_from_before_shared_salts_unlocks_once_the_old_way_then_derives_once() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = set_up(dir.path());
    vault.lock();
    write_as_before_shared_salts(dir.path());
    let old = std::fs::read(dir.path().join("keyslots.json")).unwrap();

    // The first unlock of each partner derives twice and rewraps their private slot.
    assert_eq!(derivations(|| unlock(&mut vault, Partner::A, PASS_A)), 2);
    let migrated = std::fs::read(dir.path().join("keyslots.json")).unwrap();
    assert_ne!(migrated, old, "A's private slot was rewrapped");
    vault.lock();
    assert_eq!(derivations(|| unlock(&mut vault, Partner::A, PASS_A)), 1);
    vault.lock();
    assert_eq!(derivations(|| unlock(&mut vault, Partner::B, PASS_B)), 2);
    vault.lock();
    assert_eq!(derivations(|| unlock(&mut vault, Partner::B, PASS_B)), 1);

    // Still format 1, so an older Hearth reads it, and every way in still opens.
    let bytes = std::fs::read(dir.path().join("keyslots.json")).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(json["format"], 1);
    let slots = Keyslots::parse(&bytes, Path::new("keyslots.json")).unwrap();
    for (who, pass) in [(Partner::A, PASS_A), (Partner::B, PASS_B)] {
        for space in [Space::Shared, Space::Private(who)] {
            let opened = slots.vault(space).unwrap();
            assert!(opened
                .unwrap_key(SlotId::Passphrase(who), pass)
                .unwrap()
                .is_some());
        }
    }
    vault.lock();
    unlock(&mut vault, Partner::A, PASS_A);
}
