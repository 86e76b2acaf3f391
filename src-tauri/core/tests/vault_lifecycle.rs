//! Setup, unlock, add a partner, lock, change and reset passphrases: on real SQLCipher files.

mod common;

use std::time::{Duration, Instant};

use common::*;
use hearth_core::journal;
use hearth_core::testing;
use hearth_core::vault::clock::ClockSource;
use hearth_core::vault::keyslots::{Keyslots, SlotId};
use hearth_core::vault::{
    settings, IdleClock, KdfParams, Partner, Space, State, Vault, VaultError,
};

fn now() -> Instant {
    Instant::now()
}

#[test]
fn setup_creates_three_vaults_and_keyslots_and_leaves_both_unlocked() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, codes) = set_up(dir.path());
    for file in ["shared.db", "private-a.db", "private-b.db", "keyslots.json"] {
        assert!(dir.path().join(file).is_file(), "{file}");
    }
    assert_ne!(codes.a, codes.b);
    let status = vault.status();
    assert_eq!(status.state, State::Unlocked);
    let names: Vec<_> = status
        .partners
        .iter()
        .map(|p| (p.name.as_str(), p.unlocked))
        .collect();
    assert_eq!(names, [("Sam", true), ("Alex", true)]);
}

#[test]
fn setup_refuses_weak_or_shared_passphrases_and_bad_names_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = Vault::with_kdf(dir.path(), FAST_KDF);
    let attempt = |vault: &mut Vault, a: &str, pa: &str, b: &str, pb: &str| {
        testing::set_up_named(vault, [a, b], [pa, pb]).unwrap_err()
    };
    assert!(matches!(
        attempt(&mut vault, "Sam", "password1", "Alex", PASS_B),
        VaultError::WeakPassphrase { .. }
    ));
    assert!(matches!(
        attempt(&mut vault, "Sam", PASS_A, "Alex", PASS_A),
        VaultError::InvalidInput(_)
    ));
    assert!(matches!(
        attempt(&mut vault, "  ", PASS_A, "Alex", PASS_B),
        VaultError::InvalidInput(_)
    ));
    assert!(matches!(
        attempt(&mut vault, "Sam", PASS_A, "sam", PASS_B),
        VaultError::InvalidInput(_)
    ));
    assert!(files_under(dir.path()).is_empty());
    assert_eq!(vault.status().state, State::NeedsSetup);
}

#[test]
fn setup_never_runs_over_an_existing_couple() {
    let dir = tempfile::tempdir().unwrap();
    let (_, _) = set_up(dir.path());
    let before = hash_all(dir.path());
    let mut again = Vault::with_kdf(dir.path(), FAST_KDF);
    let err = testing::set_up_named(&mut again, ["X", "Y"], [NEW_PASS, PASS_B]).unwrap_err();
    assert!(matches!(err, VaultError::AlreadySetUp));
    assert_eq!(hash_all(dir.path()), before);
}

#[test]
fn unlock_opens_shared_and_own_private_only_then_partner_joins() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = set_up(dir.path());
    vault.lock();

    // After a restart the lock screen knows no names: the passphrase alone picks the partner.
    let mut restarted = Vault::with_kdf(dir.path(), FAST_KDF);
    assert_eq!(restarted.status().state, State::Locked);
    assert!(restarted.status().partners.is_empty());
    let status = restarted.unlock(None, PASS_B, now()).unwrap();
    let unlocked: Vec<_> = status
        .partners
        .iter()
        .filter(|p| p.unlocked)
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(unlocked, ["Alex"]);
    let session = restarted.session().unwrap();
    assert!(session.is_open(Space::Shared) && session.is_open(Space::Private(Partner::B)));
    assert!(!session.is_open(Space::Private(Partner::A)));

    let err = restarted
        .add_partner(Partner::A, PASS_B, now())
        .unwrap_err();
    assert!(matches!(err, VaultError::WrongPassphrase { who: Some(ref name) } if name == "Sam"));
    let status = restarted.add_partner(Partner::A, PASS_A, now()).unwrap();
    assert!(status.partners.iter().all(|p| p.unlocked));

    let status = restarted.lock();
    assert_eq!(status.state, State::Locked);
    assert!(status.partners.iter().all(|p| !p.unlocked));
    assert_eq!(
        status.partners.len(),
        2,
        "names stay known on the lock screen until Hearth quits"
    );
    assert!(matches!(restarted.session(), Err(VaultError::Locked)));
}

#[test]
fn wrong_passphrase_names_the_partner_and_delay_grows() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = set_up(dir.path());
    vault.lock();
    let start = now();
    let err = vault.unlock(Some(Partner::B), PASS_A, start).unwrap_err();
    assert_eq!(
        err.to_string(),
        "That passphrase doesn't open Alex's space. Check Caps Lock."
    );
    vault
        .unlock(Some(Partner::B), "nope nope", start)
        .unwrap_err();
    vault
        .unlock(Some(Partner::B), "still nope", start)
        .unwrap_err();
    let err = vault.unlock(Some(Partner::B), PASS_B, start).unwrap_err();
    assert!(
        matches!(err, VaultError::TooManyAttempts { wait_secs: 1 }),
        "{err:?}"
    );
    vault
        .unlock(Some(Partner::B), PASS_B, start + Duration::from_secs(1))
        .unwrap();
}

#[test]
fn partner_isolation_b_cannot_open_or_read_a_private() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _, marker) = set_up_with_a_private_marker(dir.path(), "A-PRIVATE-");

    let slots = Keyslots::load(dir.path()).unwrap();
    let private_a = slots.vault(Space::Private(Partner::A)).unwrap();
    assert!(private_a
        .unwrap_key(SlotId::Passphrase(Partner::A), PASS_B)
        .unwrap()
        .is_none());
    assert!(private_a
        .unwrap_key(SlotId::Passphrase(Partner::B), PASS_B)
        .unwrap()
        .is_none());
    assert!(private_a
        .unwrap_key(SlotId::Recovery, PASS_B)
        .unwrap()
        .is_none());

    vault.unlock(Some(Partner::B), PASS_B, now()).unwrap();
    let session = vault.session().unwrap();
    assert!(matches!(
        testing::list_entries(session, Space::Private(Partner::A), 10),
        Err(journal::JournalError::SpaceLocked)
    ));
    for space in [Space::Shared, Space::Private(Partner::B)] {
        let entries = testing::list_entries(session, space, 1000).unwrap();
        assert!(entries.iter().all(|e| !e.body.contains(&marker)));
    }
}

#[test]
fn passphrase_change_over_1000_rows_rewraps_without_reencrypting() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = set_up(dir.path());
    {
        let session = vault.session_mut().unwrap();
        let tx = session.conn_mut().transaction().unwrap();
        for i in 0..1000 {
            tx.execute(
                "INSERT INTO private_a.entries (created_at, body) VALUES ('2026-01-01T00:00:00Z', ?1)",
                [format!("row {i} with a little text to fill the pages")],
            )
            .unwrap();
        }
        tx.commit().unwrap();
    }
    vault.lock();
    let db_hashes = |dir: &std::path::Path| {
        ["shared.db", "private-a.db", "private-b.db"].map(|f| hash_file(&dir.join(f)))
    };
    let before = db_hashes(dir.path());

    vault.unlock(Some(Partner::A), PASS_A, now()).unwrap();
    let err = vault
        .change_passphrase(Partner::A, "not my passphrase", NEW_PASS, now())
        .unwrap_err();
    assert!(matches!(err, VaultError::WrongPassphrase { .. }));
    let err = vault
        .change_passphrase(Partner::A, PASS_A, "weak", now())
        .unwrap_err();
    assert!(matches!(err, VaultError::WeakPassphrase { .. }));
    vault
        .change_passphrase(Partner::A, PASS_A, NEW_PASS, now())
        .unwrap();
    vault.lock();

    assert_eq!(
        db_hashes(dir.path()),
        before,
        "vault files must not be re-encrypted"
    );
    let mut fresh = Vault::with_kdf(dir.path(), FAST_KDF);
    assert!(matches!(
        fresh.unlock(Some(Partner::A), PASS_A, now()),
        Err(VaultError::WrongPassphrase { .. })
    ));
    fresh.unlock(Some(Partner::A), NEW_PASS, now()).unwrap();
    assert_eq!(
        testing::count_entries(fresh.session().unwrap(), Space::Private(Partner::A)).unwrap(),
        1000
    );
}

#[test]
fn recovery_code_resets_a_forgotten_passphrase_through_the_other_partner() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, codes, marker) = set_up_with_a_private_marker(dir.path(), "A-KEEPS-");

    // Sam forgot. Nobody unlocked: the recovery code alone cannot reach the shared vault.
    let err = vault
        .reset_with_recovery(Partner::A, &codes.a, NEW_PASS, now())
        .unwrap_err();
    assert!(matches!(err, VaultError::Locked));

    vault.unlock(Some(Partner::B), PASS_B, now()).unwrap();
    let err = vault
        .reset_with_recovery(Partner::A, &codes.b, NEW_PASS, now())
        .unwrap_err();
    assert!(
        matches!(err, VaultError::WrongRecoveryCode { .. }),
        "B's code must not open A's vault"
    );
    let typed = codes.a.to_lowercase().replace('-', " ");
    let status = vault
        .reset_with_recovery(Partner::A, &typed, NEW_PASS, now())
        .unwrap();
    assert!(status.partners.iter().all(|p| p.unlocked));
    vault.lock();

    let mut fresh = Vault::with_kdf(dir.path(), FAST_KDF);
    fresh.unlock(Some(Partner::A), NEW_PASS, now()).unwrap();
    let entries =
        testing::list_entries(fresh.session().unwrap(), Space::Private(Partner::A), 10).unwrap();
    assert_eq!(entries[0].body, marker);
}

#[test]
fn auto_lock_setting_persists_and_is_validated() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = set_up(dir.path());
    let session = vault.session().unwrap();
    assert_eq!(settings::auto_lock_minutes(session).unwrap(), 10);
    assert!(matches!(
        settings::set_auto_lock_minutes(session, 0),
        Err(VaultError::InvalidInput(_))
    ));
    settings::set_auto_lock_minutes(session, 25).unwrap();
    vault.lock();
    vault.unlock(Some(Partner::B), PASS_B, now()).unwrap();
    assert_eq!(
        settings::auto_lock_minutes(vault.session().unwrap()).unwrap(),
        25
    );
}

#[test]
fn every_slot_the_app_writes_meets_the_kdf_floor() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = set_up_vault(Vault::new(dir.path()), ["Sam", "Alex"], [PASS_A, PASS_B]);
    vault
        .change_passphrase(Partner::B, PASS_B, NEW_PASS, now())
        .unwrap();
    let slots = Keyslots::load(dir.path()).unwrap();
    assert_eq!(slots.all_slots().count(), 6);
    for slot in slots.all_slots() {
        assert!(slot.kdf.meets_floor(), "{slot:?}");
        assert!(slot.kdf.m_kib >= KdfParams::FLOOR.m_kib);
    }
}

#[test]
fn entries_round_trip_any_unicode() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = set_up(dir.path());
    let session = vault.session().unwrap();
    for body in [
        " leading and trailing spaces kept ",
        "<script>alert(1)</script>",
        "שלום \u{202e}rtl",
        "👩‍❤️‍👨 \u{0}\u{7}",
        "line\nbreak\r\n",
    ] {
        let id = testing::add_entry(session, Space::Shared, body).unwrap();
        assert_eq!(
            testing::get_entry(session, Space::Shared, id)
                .unwrap()
                .unwrap()
                .body,
            body
        );
    }
    let big = "x".repeat(journal::MAX_BODY_BYTES + 1);
    assert!(matches!(
        testing::add_entry(session, Space::Shared, &big),
        Err(journal::JournalError::TooLong)
    ));
}

#[test]
fn auto_lock_fires_only_after_the_chosen_idle_time() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = set_up(dir.path());
    settings::set_auto_lock_minutes(vault.session().unwrap(), 2).unwrap();
    let clock = ManualClock::new();
    let mut idle = IdleClock::new(clock.read());
    clock.advance(Duration::from_secs(119));
    assert!(!vault.lock_if_idle(&idle, clock.read()));
    // What the app's timer sleeps for: the second that is left.
    assert_eq!(
        vault.auto_lock_in(&idle, clock.read()),
        Some(Duration::from_secs(1))
    );
    idle.touch(clock.read());
    clock.advance(Duration::from_secs(100));
    assert!(!vault.lock_if_idle(&idle, clock.read()));
    clock.advance(Duration::from_secs(20));
    assert!(vault.lock_if_idle(&idle, clock.read()));
    assert_eq!(vault.status().state, State::Locked);
    assert_eq!(vault.auto_lock_in(&idle, clock.read()), None);
    clock.advance(Duration::from_secs(999));
    assert!(!vault.lock_if_idle(&idle, clock.read()), "already locked");
}

/// The lid closes for two hours: `Instant`'s clock stands still, the boot clock moves on, and
/// auto-lock fires the moment the timer looks again.
#[test]
fn auto_lock_counts_the_time_the_machine_slept() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = set_up(dir.path());
    settings::set_auto_lock_minutes(vault.session().unwrap(), 10).unwrap();
    let clock = ManualClock::new();
    let idle = IdleClock::new(clock.read());
    clock.sleep(Duration::from_secs(2 * 3600));
    let after = clock.read();
    assert_eq!(
        after.monotonic,
        Duration::ZERO,
        "the monotonic clock stood still"
    );
    assert!(vault.lock_if_idle(&idle, after));
    assert_eq!(vault.status().state, State::Locked);
}
