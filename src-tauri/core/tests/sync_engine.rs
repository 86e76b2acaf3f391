//! Whole sync passes on real SQLCipher files and a real folder: what one laptop writes reaches
//! the other, acknowledged segments leave the folder, a crash between writing a segment and
//! recording it sends nothing twice, a damaged segment is quarantined and shown, and no marker
//! ever appears in the folder in plaintext.

mod common;

use std::fs;
use std::path::Path;

use chrono::Utc;
use common::sync::{SyncLaptop, SHARED_KEY, VAULT};
use common::*;
use hearth_core::journal::store as journal;
use hearth_core::journal::types::EntryDraft;
use hearth_core::sync::engine;
use hearth_core::sync::store::{self, outbox, peers, peers::Stopped};
use hearth_core::vault::{Partner, Space};

fn segments_in(folder: &Path) -> Vec<String> {
    files_under(folder)
        .into_iter()
        .filter_map(|p| p.file_name()?.to_str().map(str::to_owned))
        .filter(|name| name.starts_with("seg-"))
        .collect()
}

/// Flips a bit in the first segment in `folder`, as a disk or a sync tool might.
fn damage_a_segment(folder: &Path) {
    let segment = files_under(folder)
        .into_iter()
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("seg-"))
        .unwrap();
    let mut bytes = fs::read(&segment).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    fs::write(&segment, bytes).unwrap();
}

/// Passes on both until a round changes nothing.
fn settle(a: &mut SyncLaptop, b: &mut SyncLaptop) {
    for _ in 0..6 {
        let (pa, pb) = (a.pass(), b.pass());
        if pa == engine::Pass::default() && pb == engine::Pass::default() {
            return;
        }
    }
    panic!("sync did not settle");
}

#[test]
fn an_entry_crosses_and_acknowledged_segments_leave_the_folder() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (
        SyncLaptop::new(folder.path()),
        SyncLaptop::new(folder.path()),
    );
    write_shared(a.session(), "Tea on the balcony");
    let first = a.pass();
    assert_eq!(first.segments_written, 1);
    assert_eq!(segments_in(folder.path()).len(), 1);
    let second = b.pass();
    assert_eq!(second.segments_applied, 1);
    assert_eq!(b.bodies(), ["Tea on the balcony"]);
    settle(&mut a, &mut b);
    assert!(
        segments_in(folder.path()).is_empty(),
        "both read everything"
    );
    assert_eq!(
        store::dump(a.session().conn()).unwrap(),
        store::dump(b.session().conn()).unwrap()
    );
    let heard = peers::list(b.session().conn()).unwrap();
    assert_eq!(heard.len(), 1);
    assert!(heard[0].last_heard.is_some() && heard[0].stopped.is_none());
    assert!(heard[0].applied >= 1);
}

#[test]
fn a_deleted_entry_leaves_both_vaults_and_the_folder() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (
        SyncLaptop::new(folder.path()),
        SyncLaptop::new(folder.path()),
    );
    let marker = unique_marker("gone");
    let id = write_shared(a.session(), &marker);
    settle(&mut a, &mut b);
    assert_eq!(b.bodies(), [marker.as_str()]);
    journal::delete(a.session(), Space::Shared, id, Utc::now()).unwrap();
    journal::erase_all_deleted(a.session()).unwrap();
    settle(&mut a, &mut b);
    assert!(a.bodies().is_empty() && b.bodies().is_empty());
    assert!(segments_in(folder.path()).is_empty());
    assert!(files_containing(folder.path(), &marker).is_empty());
}

#[test]
fn no_marker_of_any_kind_reaches_the_folder_in_plaintext() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (
        SyncLaptop::new(folder.path()),
        SyncLaptop::new(folder.path()),
    );
    let shared = unique_marker("shared");
    let private = unique_marker("private");
    write_shared(a.session(), &shared);
    journal::create(
        a.session(),
        Space::Private(Partner::A),
        Partner::A,
        &EntryDraft::plain(&private),
    )
    .unwrap();
    let reminder = common::sync::sunday_tea(a.session());
    a.pass();
    assert!(!segments_in(folder.path()).is_empty());
    // What the Sync screen and the README promise: nothing readable reaches the folder, and
    // private spaces and passphrases never do at all.
    for marker in [
        &shared,
        &private,
        &reminder,
        &"Sam".to_string(),
        &PASS_A.to_string(),
        &PASS_B.to_string(),
    ] {
        assert!(
            files_containing(folder.path(), marker).is_empty(),
            "{marker}"
        );
    }
    b.pass();
    assert_eq!(b.bodies(), [shared.as_str()]);
    let b_files = b.dir.path().to_owned();
    assert!(files_containing(&b_files, &private).is_empty());
}

#[test]
fn a_segment_written_just_before_a_crash_is_taken_as_sent_and_never_written_again() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (
        SyncLaptop::new(folder.path()),
        SyncLaptop::new(folder.path()),
    );
    write_shared(a.session(), "Before the crash");
    let conn = a.session().conn();
    store::changes(conn, 1_800_000_000_000).unwrap();
    // The segment reaches the disk; the crash comes before the vault records it.
    let waiting = outbox::waiting(conn).unwrap();
    let own = peers::own(conn).unwrap();
    a.mailbox.write(own.next, own.prev, &waiting).unwrap();

    let after = a.pass();
    assert_eq!(after.segments_written, 0, "nothing was left to send");
    assert!(outbox::waiting(a.session().conn()).unwrap().is_empty());
    assert_eq!(peers::own(a.session().conn()).unwrap().next, own.next + 1);
    b.pass();
    assert_eq!(b.bodies(), ["Before the crash"]);
}

#[test]
fn a_damaged_segment_is_quarantined_shown_and_nothing_in_it_applied() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (
        SyncLaptop::new(folder.path()),
        SyncLaptop::new(folder.path()),
    );
    write_shared(a.session(), "Flipped");
    a.pass();
    damage_a_segment(folder.path());

    let pass = b.pass();
    assert_eq!(pass.segments_applied, 0);
    assert!(b.bodies().is_empty());
    let shown = peers::list(b.session().conn()).unwrap();
    assert!(
        matches!(shown[0].stopped, Some(Stopped::Quarantined { seq: 1, .. })),
        "{shown:?}"
    );
}

#[test]
fn the_pairing_file_leaves_the_folder_once_the_other_laptop_has_read() {
    use hearth_core::sync::pairing::{self, Invitation};
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (
        SyncLaptop::new(folder.path()),
        SyncLaptop::new(folder.path()),
    );
    let code = pairing::new_code();
    let invitation = Invitation {
        vault: VAULT,
        shared_key: SHARED_KEY,
        from: a.mailbox.device().to_string(),
        names: ["Sam".into(), "Alex".into()],
        start_seq: 1,
        start_hash: [0; 32],
    };
    pairing::write(folder.path(), &invitation, &code).unwrap();
    a.pass();
    assert_eq!(
        pairing::find(folder.path()).unwrap().len(),
        1,
        "not read yet"
    );
    b.pass();
    a.pass();
    assert!(pairing::find(folder.path()).unwrap().is_empty());
}

/// What a pass could have written: each vault's write-ahead log and every file in the folder, by
/// size and modification time.
fn written(
    laptops: [&SyncLaptop; 2],
    folder: &Path,
) -> Vec<(std::path::PathBuf, u64, std::time::SystemTime)> {
    let wals = laptops.map(|laptop| laptop.dir.path().join("shared.db-wal"));
    wals.into_iter()
        .chain(files_under(folder))
        .map(|path| {
            let meta = fs::metadata(&path).unwrap();
            (path, meta.len(), meta.modified().unwrap())
        })
        .collect()
}

#[test]
fn a_pass_that_finds_nothing_new_writes_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (
        SyncLaptop::new(folder.path()),
        SyncLaptop::new(folder.path()),
    );
    write_shared(a.session(), "A quiet evening");
    settle(&mut a, &mut b);
    let before = written([&a, &b], folder.path());
    let heard = peers::list(a.session().conn()).unwrap();
    assert!(heard[0].last_heard.is_some());
    let changes = [&a, &b].map(|laptop| laptop.session().conn().total_changes());
    std::thread::sleep(std::time::Duration::from_millis(20));
    for _ in 0..3 {
        assert_eq!(a.pass(), engine::Pass::default());
        assert_eq!(b.pass(), engine::Pass::default());
    }
    assert_eq!(
        [&a, &b].map(|laptop| laptop.session().conn().total_changes()),
        changes,
        "no row was written"
    );
    assert_eq!(
        written([&a, &b], folder.path()),
        before,
        "no file was written"
    );
    assert_eq!(
        peers::list(a.session().conn()).unwrap(),
        heard,
        "the same acknowledgement read again is not news"
    );

    // Something new is still heard: B's next entry moves A's "last heard".
    write_shared(b.session(), "A second evening");
    settle(&mut a, &mut b);
    let now_heard = peers::list(a.session().conn()).unwrap();
    assert!(
        now_heard[0].last_heard > heard[0].last_heard,
        "{now_heard:?}"
    );
}

#[test]
fn a_quarantined_segment_read_again_writes_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (
        SyncLaptop::new(folder.path()),
        SyncLaptop::new(folder.path()),
    );
    write_shared(a.session(), "Flipped again");
    a.pass();
    damage_a_segment(folder.path());
    b.pass();
    let before = written([&a, &b], folder.path());
    let changes = b.session().conn().total_changes();
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert_eq!(b.pass(), engine::Pass::default());
    assert_eq!(written([&a, &b], folder.path()), before);
    assert_eq!(
        b.session().conn().total_changes(),
        changes,
        "no row was written"
    );
    assert!(peers::list(b.session().conn()).unwrap()[0]
        .stopped
        .is_some());
}
