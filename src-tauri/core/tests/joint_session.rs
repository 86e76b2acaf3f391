//! Sitting together: while both partners are unlocked, neither private space can be read, searched,
//! counted, exported, shared or deleted from until its owner opens it or confirms with their own
//! passphrase; an opened space closes on request or after a few minutes; either partner can leave.
//! On real SQLCipher files.

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use common::*;
use hearth_core::journal::export;
use hearth_core::journal::store;
use hearth_core::journal::types::{EntryDraft, EntryFilter};
use hearth_core::journal::{search, JournalError};
use hearth_core::vault::joint::OPEN_FOR;
use hearth_core::vault::{Partner, Space, Vault, VaultError};

const A: Partner = Partner::A;
const B: Partner = Partner::B;

/// Sam writes a private entry holding a marker and locks; Alex unlocks and adds Sam.
fn sitting_together(dir: &std::path::Path, clock: ManualClock) -> (Vault, String, i64) {
    let mut vault = set_up_alone(dir, A).with_clock(Arc::new(clock));
    vault.lock();
    vault.unlock(Some(A), PASS_A, Instant::now()).unwrap();
    let marker = unique_marker("JOINTMARK");
    let draft = EntryDraft {
        tags: vec![format!("{marker}tag")],
        prompt_id: Some("emotional-001".into()),
        ..EntryDraft::plain(&format!("only mine {marker}"))
    };
    let entry = store::create(vault.session().unwrap(), Space::Private(A), A, &draft).unwrap();
    vault.lock();
    vault.unlock(Some(B), PASS_B, Instant::now()).unwrap();
    vault.add_partner(A, PASS_A, Instant::now()).unwrap();
    (vault, marker, entry.id)
}

fn is_closed<T: std::fmt::Debug>(result: Result<T, JournalError>) -> bool {
    matches!(result, Err(JournalError::Vault(VaultError::PrivateClosed)))
}

fn needs_owner<T: std::fmt::Debug>(result: Result<T, JournalError>) -> bool {
    matches!(
        result,
        Err(JournalError::Vault(VaultError::OwnerMustConfirm))
    )
}

/// Everything a partner could try to find the other's private words by, as text.
fn what_shows(vault: &Vault, marker: &str) -> String {
    let session = vault.session().unwrap();
    let listed = store::list(session, &EntryFilter::default(), None, 200).unwrap();
    let own_tab = store::list(
        session,
        &EntryFilter {
            space: Some(Space::Private(A)),
            ..EntryFilter::default()
        },
        None,
        200,
    )
    .unwrap();
    let hits = search::search(session, marker, 20).unwrap();
    format!(
        "{:?}{:?}{:?}{:?}{:?}",
        listed,
        own_tab,
        hits,
        store::tags(session).unwrap(),
        store::linked_prompts(session).unwrap()
    )
}

#[test]
fn the_other_partner_sees_nothing_of_a_closed_private_space() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, marker, id) = sitting_together(dir.path(), ManualClock::new());
    let status = vault.status();
    assert!(status
        .partners
        .iter()
        .all(|p| p.unlocked && !p.private_open));
    assert!(!what_shows(&vault, &marker).contains(&marker));

    let session = vault.session().unwrap();
    let space = Space::Private(A);
    assert!(is_closed(store::get(session, space, id)));
    assert!(is_closed(store::count(session, space)));
    assert!(is_closed(store::share(session, A, id)));
    assert!(is_closed(store::delete(
        session,
        space,
        id,
        chrono::Utc::now()
    )));
    assert!(is_closed(store::update(
        session,
        space,
        id,
        &EntryDraft::plain("overwritten")
    )));
    assert!(is_closed(store::create(
        session,
        space,
        A,
        &EntryDraft::plain("planted")
    )));
    assert!(needs_owner(export::entries_of(session, A)));
    // Alex's own private space is closed too while they sit together.
    assert!(is_closed(store::count(session, Space::Private(B))));
    assert!(needs_owner(export::entries_of(session, B)));

    // Alex's passphrase does not open Sam's space, nor confirm an action as Sam.
    assert!(matches!(
        vault.open_private(A, PASS_B, Instant::now()),
        Err(VaultError::WrongPassphrase { .. })
    ));
    assert!(matches!(
        vault.as_owner(A, Some(PASS_B), Instant::now(), |_| ()),
        Err(VaultError::WrongPassphrase { .. })
    ));
    assert!(matches!(
        vault.as_owner(A, None, Instant::now(), |_| ()),
        Err(VaultError::OwnerMustConfirm)
    ));
    assert!(!what_shows(&vault, &marker).contains(&marker));
    assert_eq!(
        store::count(vault.session().unwrap(), Space::Shared).unwrap(),
        0
    );
}

#[test]
fn the_owner_opens_their_space_with_their_passphrase_and_it_closes_again() {
    let dir = tempfile::tempdir().unwrap();
    let clock = ManualClock::new();
    let (mut vault, marker, id) = sitting_together(dir.path(), clock.clone());
    let status = vault.open_private(A, PASS_A, Instant::now()).unwrap();
    let sam = status.partners.iter().find(|p| p.id == A).unwrap();
    let alex = status.partners.iter().find(|p| p.id == B).unwrap();
    assert!(sam.private_open && !alex.private_open);
    assert!(what_shows(&vault, &marker).contains(&marker));

    // Open is not enough for what moves or takes entries out: that needs the passphrase again.
    let session = vault.session().unwrap();
    assert!(needs_owner(store::share(session, A, id)));
    assert!(needs_owner(store::delete(
        session,
        Space::Private(A),
        id,
        chrono::Utc::now()
    )));
    assert!(needs_owner(export::entries_of(session, A)));
    let exported = vault
        .as_owner(A, Some(PASS_A), Instant::now(), |s| {
            export::entries_of(s, A)
        })
        .unwrap()
        .unwrap();
    assert!(exported.iter().any(|e| e.body.contains(&marker)));
    // The confirmation lasted for that action only.
    assert!(needs_owner(export::entries_of(vault.session().unwrap(), A)));

    let status = vault.close_private(A);
    assert!(status.partners.iter().all(|p| !p.private_open));
    assert!(!what_shows(&vault, &marker).contains(&marker));

    // Opened again, it stays open while used and closes after a few minutes without use.
    vault.open_private(A, PASS_A, Instant::now()).unwrap();
    clock.advance(OPEN_FOR - Duration::from_secs(30));
    assert!(what_shows(&vault, &marker).contains(&marker));
    clock.advance(OPEN_FOR - Duration::from_secs(30));
    assert!(
        what_shows(&vault, &marker).contains(&marker),
        "use kept it open"
    );
    clock.sleep(OPEN_FOR);
    assert!(!what_shows(&vault, &marker).contains(&marker));
    assert!(vault.status().partners.iter().all(|p| !p.private_open));
}

#[test]
fn share_and_delete_from_a_private_space_need_the_owner_at_that_moment() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, marker, id) = sitting_together(dir.path(), ManualClock::new());
    let now = Instant::now();
    let shared = vault
        .as_owner(A, Some(PASS_A), now, |s| store::share(s, A, id))
        .unwrap()
        .unwrap();
    assert_eq!(shared.space, Space::Shared);
    // Once shared it is the couple's: both see it without a passphrase.
    assert!(what_shows(&vault, &marker).contains(&marker));

    let second = vault
        .as_owner(A, Some(PASS_A), now, |s| {
            store::create(s, Space::Private(A), A, &EntryDraft::plain("to delete"))
        })
        .unwrap()
        .unwrap();
    vault
        .as_owner(A, Some(PASS_A), now, |s| {
            store::delete(s, Space::Private(A), second.id, chrono::Utc::now())
        })
        .unwrap()
        .unwrap();
}

#[test]
fn either_partner_can_leave_and_the_other_stays() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, marker, _) = sitting_together(dir.path(), ManualClock::new());
    let status = vault.leave(A).unwrap();
    let unlocked: Vec<_> = status
        .partners
        .iter()
        .filter(|p| p.unlocked)
        .map(|p| p.id)
        .collect();
    assert_eq!(unlocked, [B]);
    let session = vault.session().unwrap();
    assert!(matches!(
        store::count(session, Space::Private(A)),
        Err(JournalError::SpaceLocked)
    ));
    assert!(!what_shows(&vault, &marker).contains(&marker));
    // Alone again, Alex reads their own space without another passphrase.
    assert_eq!(
        store::count(vault.session().unwrap(), Space::Private(B)).unwrap(),
        0
    );
    assert!(vault
        .status()
        .partners
        .iter()
        .any(|p| p.id == B && p.private_open));
    // The last one to leave locks Hearth.
    let status = vault.leave(B).unwrap();
    assert_eq!(status.state, hearth_core::vault::State::Locked);
}

#[test]
fn a_wrong_passphrase_to_open_a_space_counts_against_the_delay() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _, _) = sitting_together(dir.path(), ManualClock::new());
    let now = Instant::now();
    for _ in 0..3 {
        assert!(matches!(
            vault.open_private(A, "not it at all", now),
            Err(VaultError::WrongPassphrase { .. })
        ));
    }
    assert!(matches!(
        vault.open_private(A, PASS_A, now),
        Err(VaultError::TooManyAttempts { .. })
    ));
}
