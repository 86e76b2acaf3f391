//! A laptop that joins late, and forgetting the laptop it replaces. After the first two laptops
//! have cleared their segments, a third (Alex's new laptop) is invited: it starts from a snapshot
//! of everything the inviting laptop knows, revisions and deletions included. Once the old laptop
//! is forgotten, neither remaining laptop waits for it, and clearing goes on.

mod common;

use std::path::Path;

use chrono::Utc;
use common::*;
use hearth_core::journal::store as journal;
use hearth_core::sync::{link, names, revisions, store, SyncError};
use hearth_core::vault::{Partner, Space, Vault};

const B_PASSPHRASE: &str = "willow ferry cobalt lantern";
const NEW_PASSPHRASE: &str = "harbour quince velvet almanac";

fn run(vault: &Vault) {
    link::run(vault, Utc::now()).unwrap();
}

fn device(vault: &Vault) -> String {
    store::state::device(vault.session().unwrap().conn())
        .unwrap()
        .unwrap()
        .to_string()
}

fn joined(dir: &Path, folder: &Path, code: &str, passphrase: &str) -> Vault {
    let mut vault = Vault::with_kdf(dir, FAST_KDF);
    link::join(&mut vault, folder, code, Partner::B, passphrase).unwrap();
    vault
}

fn bodies(vault: &Vault) -> Vec<String> {
    vault
        .session()
        .unwrap()
        .conn()
        .prepare("SELECT body FROM entries WHERE deleted_at IS NULL ORDER BY body")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// The segment files of `vault`'s own folder in the mailbox.
fn own_segments(vault: &Vault, folder: &Path) -> Vec<String> {
    let device = device(vault);
    let mut found: Vec<String> = files_under(folder)
        .into_iter()
        .filter(|path| path.parent().is_some_and(|dir| dir.ends_with(&device)))
        .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("seg-"))
        .collect();
    found.sort();
    found
}

#[test]
fn a_laptop_that_joins_after_clearing_starts_from_a_snapshot_and_the_old_one_can_be_forgotten() {
    let (dir_a, dir_b, dir_c, folder) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let (mut a, _) = set_up(dir_a.path());
    unlock_alone(&mut a, Partner::A);
    let kept = write_shared(a.session().unwrap(), "The lighthouse walk");
    let gone = write_shared(a.session().unwrap(), "A list we tore up");
    let code = link::invite(&a, folder.path()).unwrap();
    run(&a);
    let b = joined(dir_b.path(), folder.path(), &code, B_PASSPHRASE);
    run(&b);
    run(&a);

    // Both edit one entry at once (Alex's edit is later and wins), and Sam deletes another.
    edit_shared(a.session().unwrap(), kept, "Sam: the lighthouse, at dusk");
    run(&a);
    std::thread::sleep(std::time::Duration::from_millis(5));
    let on_b: i64 = b
        .session()
        .unwrap()
        .conn()
        .query_row(
            "SELECT id FROM entries WHERE body = 'The lighthouse walk'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    edit_shared(b.session().unwrap(), on_b, "Alex: the lighthouse, in fog");
    journal::delete(a.session().unwrap(), Space::Shared, gone, Utc::now()).unwrap();
    journal::erase_all_deleted(a.session().unwrap()).unwrap();
    for _ in 0..3 {
        run(&b);
        run(&a);
    }
    assert_eq!(bodies(&a), ["Alex: the lighthouse, in fog"]);
    assert!(
        !own_segments(&a, folder.path()).contains(&names::segment_name(1)),
        "the first segments were cleared: a late laptop cannot read them"
    );

    // Alex's new laptop joins: A puts a snapshot in its mailbox and says where it starts.
    let code = link::invite(&a, folder.path()).unwrap();
    run(&a);
    // The old laptop, still on, reads the snapshot first: it stays for the laptop it is for.
    run(&b);
    run(&a);
    assert!(
        files_containing(folder.path(), "lighthouse").is_empty(),
        "the snapshot is sealed like any segment"
    );
    let c = joined(dir_c.path(), folder.path(), &code, NEW_PASSPHRASE);
    run(&c);
    assert_eq!(bodies(&c), ["Alex: the lighthouse, in fog"]);
    let kept_on_c = revisions::of_entries(&c).unwrap();
    assert_eq!(kept_on_c.len(), 1, "{kept_on_c:?}");
    assert_eq!(kept_on_c[0].value, "Sam: the lighthouse, at dusk");
    let dumped = |vault: &Vault| store::dump(vault.session().unwrap().conn()).unwrap();
    run(&a);
    run(&c);
    let entries = |vault: &Vault| -> Vec<store::RowDump> {
        dumped(vault)
            .into_iter()
            .filter(|row| row.table == "entries")
            .collect()
    };
    assert_eq!(entries(&a), entries(&c), "the shared journal is the same");

    // The old laptop is forgotten on A; C hears of it, and neither waits for it any more.
    let old = device(&b);
    assert!(matches!(
        link::forget(&a, &device(&a), Utc::now()),
        Err(SyncError::UnknownLaptop)
    ));
    link::forget(&a, &old, Utc::now()).unwrap();
    for _ in 0..3 {
        run(&a);
        run(&c);
    }
    for vault in [&a, &c] {
        let peers = link::status(vault).unwrap().peers;
        assert_eq!(peers.len(), 1, "{peers:?}");
        assert_ne!(peers[0].device, old);
        assert!(peers[0].stopped.is_none());
        assert!(peers[0].last_heard.is_some());
    }
    assert!(
        own_segments(&a, folder.path()).is_empty(),
        "with only C to wait for, A's segments are cleared"
    );
    assert!(own_segments(&c, folder.path()).is_empty());
    assert!(
        own_segments(&b, folder.path()).is_empty(),
        "the old laptop's files left the folder"
    );
    assert!(!link::status(&c).unwrap().forgotten);
}

#[test]
fn the_first_laptop_invited_again_before_clearing_sends_no_snapshot() {
    let (dir_a, folder) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut a, _) = set_up(dir_a.path());
    unlock_alone(&mut a, Partner::A);
    write_shared(a.session().unwrap(), "Only once");
    link::invite(&a, folder.path()).unwrap();
    run(&a);
    let before = own_segments(&a, folder.path());
    // A new code, as when the first was mistyped: every segment is still there to read.
    link::invite(&a, folder.path()).unwrap();
    run(&a);
    assert_eq!(own_segments(&a, folder.path()), before);
}

#[test]
fn a_laptop_forgotten_while_still_in_use_says_so() {
    let (dir_a, dir_b, folder) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let (mut a, _) = set_up(dir_a.path());
    unlock_alone(&mut a, Partner::A);
    let code = link::invite(&a, folder.path()).unwrap();
    run(&a);
    let b = joined(dir_b.path(), folder.path(), &code, B_PASSPHRASE);
    run(&b);
    run(&a);
    assert!(!link::status(&b).unwrap().forgotten);
    // Forgotten by mistake: the laptop still in use hears of it, rather than going quiet.
    link::forget(&a, &device(&b), Utc::now()).unwrap();
    run(&a);
    run(&b);
    assert!(link::status(&b).unwrap().forgotten);
    assert!(link::status(&a).unwrap().peers.is_empty());
}
