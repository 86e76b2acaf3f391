//! A hostile or damaged mailbox: a segment flipped, truncated, replayed from another vault or
//! renamed is quarantined, and nothing from it on is applied; a second history under one device is
//! reported as a fork; a gap waits for the missing number.

use std::fs;
use std::path::Path;

use hearth_core::sync::mailbox::{Cursor, Mailbox, Stop};
use hearth_core::sync::names;
use hearth_core::sync::ops::Op;
use hearth_core::sync::{DeviceId, SegmentKey, Stamp, SyncError};
use serde_json::json;

const VAULT: [u8; 16] = [5; 16];
const OTHER_VAULT: [u8; 16] = [6; 16];
const KEY: [u8; 32] = [7; 32];
const WRITER: DeviceId = DeviceId([1; 16]);
const READER: DeviceId = DeviceId([2; 16]);

fn mailbox(folder: &Path, vault: [u8; 16], device: DeviceId) -> Mailbox {
    Mailbox::new(folder, vault, device, SegmentKey::derive(&KEY, &vault))
}

fn op(n: u64) -> Op {
    Op {
        stamp: Stamp {
            wall_ms: n,
            counter: 0,
            device: WRITER,
        },
        base: None,
        table: "entries".into(),
        row: format!("row-{n}"),
        field: "text".into(),
        value: json!("a line"),
    }
}

/// Writes segments 1..=count from the writer, returns their folder.
fn write_chain(folder: &Path, vault: [u8; 16], count: u64) -> std::path::PathBuf {
    let writer = mailbox(folder, vault, WRITER);
    let mut prev = [0; 32];
    for seq in 1..=count {
        prev = writer.write(seq, prev, &[op(seq)]).expect("written");
    }
    names::device_dir(folder, &vault, WRITER)
}

fn read_all(folder: &Path) -> (Vec<u64>, Stop) {
    let (received, stop) = mailbox(folder, VAULT, READER)
        .receive(WRITER, Cursor::default())
        .expect("the folder reads");
    (received.iter().map(|segment| segment.seq).collect(), stop)
}

fn damage(folder: &Path, seq: u64, change: impl Fn(&mut Vec<u8>)) {
    let path = names::device_dir(folder, &VAULT, WRITER).join(names::segment_name(seq));
    let mut bytes = fs::read(&path).expect("the segment");
    change(&mut bytes);
    fs::write(path, bytes).expect("damaged");
}

#[test]
fn an_intact_chain_is_read_in_order_and_a_gap_waits() {
    let folder = tempfile::tempdir().expect("a folder");
    let dir = write_chain(folder.path(), VAULT, 4);
    fs::remove_file(dir.join(names::segment_name(3))).expect("segment 3 not carried yet");
    let (seqs, stop) = read_all(folder.path());
    assert_eq!(seqs, [1, 2]);
    assert!(matches!(stop, Stop::Waiting));
}

#[test]
fn a_flipped_or_truncated_segment_is_quarantined_with_all_after_it() {
    for change in [
        (|bytes: &mut Vec<u8>| bytes[120] ^= 1) as fn(&mut Vec<u8>),
        |bytes| bytes.truncate(bytes.len() - 1),
        |bytes| bytes.truncate(50),
    ] {
        let folder = tempfile::tempdir().expect("a folder");
        write_chain(folder.path(), VAULT, 3);
        damage(folder.path(), 2, change);
        let (seqs, stop) = read_all(folder.path());
        assert_eq!(seqs, [1], "nothing from the damaged segment on is applied");
        assert!(matches!(stop, Stop::Quarantined { seq: 2, .. }), "{stop:?}");
    }
}

#[test]
fn a_segment_replayed_from_another_vault_is_quarantined() {
    let folder = tempfile::tempdir().expect("a folder");
    write_chain(folder.path(), VAULT, 1);
    let other = write_chain(folder.path(), OTHER_VAULT, 2);
    let ours = names::device_dir(folder.path(), &VAULT, WRITER);
    fs::copy(
        other.join(names::segment_name(2)),
        ours.join(names::segment_name(2)),
    )
    .expect("replayed");
    let (seqs, stop) = read_all(folder.path());
    assert_eq!(seqs, [1]);
    assert!(
        matches!(
            stop,
            Stop::Quarantined {
                seq: 2,
                reason: SyncError::Tampered
            }
        ),
        "{stop:?}"
    );
}

#[test]
fn a_renamed_segment_is_quarantined() {
    let folder = tempfile::tempdir().expect("a folder");
    let dir = write_chain(folder.path(), VAULT, 2);
    fs::copy(
        dir.join(names::segment_name(2)),
        dir.join(names::segment_name(3)),
    )
    .expect("copied");
    let (seqs, stop) = read_all(folder.path());
    assert_eq!(seqs, [1, 2]);
    assert!(
        matches!(
            stop,
            Stop::Quarantined {
                seq: 3,
                reason: SyncError::Misplaced
            }
        ),
        "{stop:?}"
    );
}

/// The reader applied segments 1 and 2; then the writer's laptop, restored from an old copy,
/// wrote another segment 2 and a segment 3 after it. `keep_other_two` says whether that other
/// segment 2 is still in the folder, or was cleared away since.
fn read_after_a_second_history(keep_other_two: bool) -> (usize, Stop) {
    let folder = tempfile::tempdir().expect("a folder");
    let dir = write_chain(folder.path(), VAULT, 2);
    let reader = mailbox(folder.path(), VAULT, READER);
    let (received, _) = reader.receive(WRITER, Cursor::default()).expect("reads");
    let applied = Cursor {
        next: 3,
        prev: received[1].hash,
    };
    fs::remove_file(dir.join(names::segment_name(2))).expect("removed");
    let writer = mailbox(folder.path(), VAULT, WRITER);
    let other_two = writer
        .write(2, received[0].hash, &[op(20)])
        .expect("another 2");
    writer.write(3, other_two, &[op(30)]).expect("its 3");
    if !keep_other_two {
        fs::remove_file(dir.join(names::segment_name(2))).expect("cleared");
    }
    let (received, stop) = reader.receive(WRITER, applied).expect("reads");
    (received.len(), stop)
}

#[test]
fn a_second_history_under_one_device_is_a_fork() {
    for keep_other_two in [true, false] {
        let (applied, stop) = read_after_a_second_history(keep_other_two);
        assert_eq!(applied, 0, "nothing from a fork is applied");
        assert!(matches!(stop, Stop::Forked { seq: 2 }), "{stop:?}");
    }
}

#[test]
fn a_segment_number_is_never_written_twice() {
    let folder = tempfile::tempdir().expect("a folder");
    write_chain(folder.path(), VAULT, 1);
    let writer = mailbox(folder.path(), VAULT, WRITER);
    assert!(writer.write(1, [0; 32], &[op(9)]).is_err());
}

#[test]
fn an_acknowledgement_opens_only_as_one() {
    let folder = tempfile::tempdir().expect("a folder");
    let dir = write_chain(folder.path(), VAULT, 2);
    let writer = mailbox(folder.path(), VAULT, WRITER);
    let reader = mailbox(folder.path(), VAULT, READER);
    assert_eq!(writer.acknowledged_by(READER).expect("none yet"), None);
    reader.acknowledge(WRITER, 2).expect("acknowledged");
    assert_eq!(writer.acknowledged_by(READER).expect("read"), Some(2));

    // Passed off as a segment, it is quarantined; a segment passed off as it is refused.
    let ack = names::device_dir(folder.path(), &VAULT, READER).join(names::ack_name(WRITER));
    fs::copy(&ack, dir.join(names::segment_name(3))).expect("copied");
    let (seqs, stop) = read_all(folder.path());
    assert_eq!(seqs, [1, 2]);
    assert!(matches!(stop, Stop::Quarantined { seq: 3, .. }), "{stop:?}");
    fs::copy(dir.join(names::segment_name(1)), &ack).expect("copied");
    assert!(writer.acknowledged_by(READER).is_err());

    // One sealed under another key says nothing.
    let stranger = Mailbox::new(
        folder.path(),
        VAULT,
        READER,
        SegmentKey::derive(&[8; 32], &VAULT),
    );
    stranger.acknowledge(WRITER, 99).expect("written");
    assert!(matches!(
        writer.acknowledged_by(READER),
        Err(SyncError::Tampered)
    ));
}

#[test]
fn clearing_removes_only_what_was_acknowledged() {
    let folder = tempfile::tempdir().expect("a folder");
    let dir = write_chain(folder.path(), VAULT, 3);
    let writer = mailbox(folder.path(), VAULT, WRITER);
    assert_eq!(writer.clear_through(2).expect("cleared"), 2);
    let left: Vec<_> = fs::read_dir(&dir)
        .expect("the folder")
        .map(|entry| {
            entry
                .expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(left, [names::segment_name(3)]);
    let reader = mailbox(folder.path(), VAULT, READER);
    let (received, stop) = reader.receive(WRITER, Cursor::default()).expect("reads");
    assert!(
        received.is_empty() && matches!(stop, Stop::Waiting),
        "a cleared start waits"
    );
}
