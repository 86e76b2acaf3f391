//! Pairing two laptops end to end in the core: laptop A invites through the folder, laptop B
//! joins with the code typed and a passphrase of its partner's own, and the two then sync. B's
//! laptop holds only B's keyslot; a wrong code makes nothing; A's pairing file leaves the folder
//! once B has read.

mod common;

use chrono::Utc;
use common::*;
use hearth_core::sync::store::outbox;
use hearth_core::sync::{link, pairing, revisions, SyncError};
use hearth_core::vault::{Partner, Vault, VaultError};

const B_PASSPHRASE: &str = "willow ferry cobalt lantern";

fn laptop_a(dir: &std::path::Path) -> Vault {
    let (mut vault, _) = set_up(dir);
    unlock_alone(&mut vault, Partner::A);
    vault
}

#[test]
fn the_second_laptop_joins_with_the_code_and_the_two_sync() {
    let (dir_a, dir_b, folder) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let a = laptop_a(dir_a.path());
    write_shared(a.session().unwrap(), "Written before pairing");
    let code = link::invite(&a, folder.path()).unwrap();
    assert!(link::status(&a).unwrap().pairing_waiting);
    link::run(&a, Utc::now()).unwrap();

    let mut b = Vault::with_kdf(dir_b.path(), FAST_KDF);
    let typed = code.to_lowercase().replace('-', " ");
    let recovery = link::join(&mut b, folder.path(), &typed, Partner::B, B_PASSPHRASE).unwrap();
    assert!(!recovery.is_empty());
    link::run(&b, Utc::now()).unwrap();
    let bodies: Vec<String> = b
        .session()
        .unwrap()
        .conn()
        .prepare("SELECT body FROM entries")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(bodies, ["Written before pairing"]);

    // A reads B's acknowledgement: the pairing file, with the shared key in it, leaves the folder.
    link::run(&a, Utc::now()).unwrap();
    assert!(pairing::find(folder.path()).unwrap().is_empty());
    let status = link::status(&a).unwrap();
    assert!(!status.pairing_waiting);
    assert_eq!(status.peers.len(), 1);
    assert!(status.peers[0].last_heard.is_some());
    // B said whose laptop is which: each names the other by its owner.
    assert_eq!(status.peers[0].owner, Some(Partner::B));
    assert_eq!(link::status(&b).unwrap().peers[0].owner, Some(Partner::A));

    // This laptop is B's: B's own passphrase opens it, Sam's does not, and the lock screen is
    // told so, while A's laptop opens for both.
    let here = |vault: &Vault| -> Vec<bool> {
        vault
            .status()
            .partners
            .iter()
            .map(|p| p.can_unlock_here)
            .collect()
    };
    assert_eq!(here(&b), [false, true]);
    assert_eq!(here(&a), [true, true]);
    let now = std::time::Instant::now();
    b.lock();
    assert_eq!(here(&b), [false, true], "the lock screen still knows");
    assert!(matches!(
        b.unlock(None, PASS_A, now),
        Err(VaultError::WrongPassphrase { .. })
    ));
    let opened = b.unlock(None, B_PASSPHRASE, now).unwrap();
    let names: Vec<&str> = opened.partners.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Sam", "Alex"]);
    assert_eq!(here(&b), [false, true]);
}

#[test]
fn a_wrong_code_or_an_empty_folder_makes_nothing() {
    let (dir_a, dir_b, folder) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let mut b = Vault::with_kdf(dir_b.path(), FAST_KDF);
    assert!(matches!(
        link::join(&mut b, folder.path(), "ABCD", Partner::B, B_PASSPHRASE),
        Err(SyncError::NoPairingFile)
    ));
    let a = laptop_a(dir_a.path());
    link::invite(&a, folder.path()).unwrap();
    let wrong = pairing::new_code();
    assert!(matches!(
        link::join(&mut b, folder.path(), &wrong, Partner::B, B_PASSPHRASE),
        Err(SyncError::PairingCode)
    ));
    assert!(matches!(
        link::join(
            &mut b,
            &folder.path().join("not-there"),
            &wrong,
            Partner::B,
            B_PASSPHRASE
        ),
        Err(SyncError::FolderMissing(_))
    ));
    assert_eq!(
        std::fs::read_dir(dir_b.path()).unwrap().count(),
        0,
        "nothing made"
    );
}

#[test]
fn an_entry_both_edit_at_once_keeps_the_losing_text_as_a_revision_with_its_author() {
    let (dir_a, dir_b, folder) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let a = laptop_a(dir_a.path());
    let on_a = write_shared(a.session().unwrap(), "Our walk by the river");
    let code = link::invite(&a, folder.path()).unwrap();
    link::run(&a, Utc::now()).unwrap();
    let mut b = Vault::with_kdf(dir_b.path(), FAST_KDF);
    link::join(&mut b, folder.path(), &code, Partner::B, B_PASSPHRASE).unwrap();
    link::run(&b, Utc::now()).unwrap();
    link::run(&a, Utc::now()).unwrap();
    let on_b: i64 = b
        .session()
        .unwrap()
        .conn()
        .query_row("SELECT id FROM entries", [], |r| r.get(0))
        .unwrap();
    assert!(revisions::of_entries(&a).unwrap().is_empty());

    // Both edit before either hears of the other's edit; B's comes second and wins.
    edit_shared(a.session().unwrap(), on_a, "Sam: the river, and the heron");
    link::run(&a, Utc::now()).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    edit_shared(b.session().unwrap(), on_b, "Alex: the river, in the rain");
    link::run(&b, Utc::now()).unwrap();
    link::run(&a, Utc::now()).unwrap();

    for (vault, id) in [(&a, on_a), (&b, on_b)] {
        let body: String = vault
            .session()
            .unwrap()
            .conn()
            .query_row("SELECT body FROM entries WHERE id = ?1", [id], |r| r.get(0))
            .unwrap();
        assert_eq!(body, "Alex: the river, in the rain");
        let kept = revisions::of_entries(vault).unwrap();
        assert_eq!(kept.len(), 1, "{kept:?}");
        assert_eq!(kept[0].row, id);
        assert_eq!(kept[0].field, "body");
        assert_eq!(kept[0].by, Some(Partner::A), "Sam's laptop wrote it");
        assert_eq!(kept[0].value, "Sam: the river, and the heron");
        assert!(kept[0].written_at.is_some());
    }
}

#[test]
fn an_edit_made_while_the_folder_is_away_is_stamped_when_it_is_made() {
    let (dir_a, folder) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let a = laptop_a(dir_a.path());
    let id = write_shared(a.session().unwrap(), "Before the stick was unplugged");
    link::invite(&a, folder.path()).unwrap();
    link::run(&a, Utc::now()).unwrap();
    let away = folder.path().with_extension("away");
    std::fs::rename(folder.path(), &away).unwrap();

    edit_shared(a.session().unwrap(), id, "Written while it was away");
    let made = Utc::now();
    assert!(matches!(
        link::run(&a, made),
        Err(SyncError::FolderMissing(_))
    ));
    let waiting = outbox::waiting(a.session().unwrap().conn()).unwrap();
    assert!(!waiting.is_empty(), "the edit waits, stamped");
    let stamped = waiting.iter().map(|op| op.stamp.wall_ms).max().unwrap();
    assert_eq!(stamped, u64::try_from(made.timestamp_millis()).unwrap());

    // Back again, it goes out under that stamp.
    std::fs::rename(&away, folder.path()).unwrap();
    let pass = link::run(&a, made + chrono::Duration::hours(3))
        .unwrap()
        .unwrap();
    assert_eq!(pass.segments_written, 1);
    assert!(outbox::waiting(a.session().unwrap().conn())
        .unwrap()
        .is_empty());
}
