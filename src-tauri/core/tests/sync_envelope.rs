//! A segment opens only where it was written, with the key it was written under, byte for byte;
//! its padding hides how long any one body was; the mailbox's names are read exactly.

use hearth_core::sync::envelope::{self, Expected, Header, VaultId};
use hearth_core::sync::names::{self, FileKind};
use hearth_core::sync::{DeviceId, SegmentKey, SyncError};

const VAULT: VaultId = [7; 16];
const DEVICE: DeviceId = DeviceId([9; 16]);

fn key(vault: &VaultId) -> SegmentKey {
    SegmentKey::derive(&[42; 32], vault)
}

fn header(seq: u64) -> Header {
    Header {
        vault: VAULT,
        device: DEVICE,
        seq,
        prev: [1; 32],
    }
}

fn expected(seq: u64) -> Expected {
    Expected {
        vault: VAULT,
        device: DEVICE,
        seq,
    }
}

fn sealed(body: &[u8]) -> Vec<u8> {
    envelope::seal(&key(&VAULT), header(3), body).expect("a small body seals")
}

#[test]
fn a_segment_opens_to_its_body_and_header() {
    let bytes = sealed(b"set entry 1 text");
    let (header, body) = envelope::open(&key(&VAULT), &bytes, &expected(3)).expect("opens");
    assert_eq!(header, self::header(3));
    assert_eq!(body.as_slice(), b"set entry 1 text");
    assert!(
        !bytes.windows(5).any(|window| window == b"entry"),
        "the body is not readable in the file"
    );
}

#[test]
fn every_flipped_byte_is_refused() {
    let bytes = sealed(b"a body");
    for at in 0..bytes.len() {
        let mut flipped = bytes.clone();
        flipped[at] ^= 0x20;
        let result = envelope::open(&key(&VAULT), &flipped, &expected(3));
        assert!(result.is_err(), "byte {at} flipped was accepted");
    }
}

#[test]
fn a_truncated_or_extended_segment_is_refused() {
    let bytes = sealed(b"a body");
    for len in [0, 10, 80, 104, bytes.len() - 1] {
        let result = envelope::open(&key(&VAULT), &bytes[..len], &expected(3));
        assert!(result.is_err(), "{len} bytes were accepted");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(matches!(
        envelope::open(&key(&VAULT), &longer, &expected(3)),
        Err(SyncError::Tampered)
    ));
}

#[test]
fn a_segment_from_another_vault_or_place_is_refused() {
    let bytes = sealed(b"a body");
    let other_vault = [8; 16];
    let replayed = envelope::open(
        &key(&other_vault),
        &bytes,
        &Expected {
            vault: other_vault,
            ..expected(3)
        },
    );
    assert!(matches!(replayed, Err(SyncError::Tampered)));
    let other_key = SegmentKey::derive(&[43; 32], &VAULT);
    assert!(matches!(
        envelope::open(&other_key, &bytes, &expected(3)),
        Err(SyncError::Tampered)
    ));
    assert!(matches!(
        envelope::open(&key(&VAULT), &bytes, &expected(4)),
        Err(SyncError::Misplaced)
    ));
    let moved = Expected {
        device: DeviceId([10; 16]),
        ..expected(3)
    };
    assert!(matches!(
        envelope::open(&key(&VAULT), &bytes, &moved),
        Err(SyncError::Misplaced)
    ));
}

#[test]
fn a_newer_format_says_so() {
    let mut bytes = sealed(b"a body");
    bytes[7] = 2;
    assert!(matches!(
        envelope::open(&key(&VAULT), &bytes, &expected(3)),
        Err(SyncError::NewerFormat(2))
    ));
}

#[test]
fn bodies_are_padded_to_buckets() {
    assert_eq!(sealed(b"").len(), sealed(&[b'x'; 1000]).len());
    assert_eq!(sealed(&[b'x'; 1500]).len(), sealed(&[b'x'; 2000]).len());
    assert_eq!(envelope::bucket(0), 1024);
    assert_eq!(envelope::bucket(1021), 2048);
    assert_eq!(envelope::bucket(600_000), 1024 * 1024);
    assert_eq!(envelope::bucket(1024 * 1024), 2 * 1024 * 1024);
    assert!(matches!(
        envelope::seal(&key(&VAULT), header(1), &vec![0; envelope::MAX_BODY + 1]),
        Err(SyncError::TooLarge)
    ));
}

#[test]
fn two_seals_of_one_body_differ_and_hash_apart() {
    let (first, second) = (sealed(b"same"), sealed(b"same"));
    assert_ne!(first, second, "each seal takes a fresh nonce");
    assert_ne!(envelope::hash(&first), envelope::hash(&second));
}

#[test]
fn the_mailbox_reads_only_exact_names() {
    assert_eq!(names::segment_name(12), "seg-000000000012");
    assert_eq!(names::classify("seg-000000000012"), FileKind::Segment(12));
    let ack = names::ack_name(DEVICE);
    assert_eq!(names::classify(&ack), FileKind::Ack(DEVICE));
    for skipped in [
        "seg-000000000000",
        "seg-12",
        "seg-00000000001x",
        "seg-000000000012.tmp",
        ".syncthing.seg-000000000012.tmp",
        "~syncthing~seg-000000000012.tmp",
        "seg-000000000012.sync-conflict-20261205-101010-ABCDEFG",
        "seg-000000000012 (Kai's conflicted copy 2026-12-05)",
        "seg-000000000012 (Conflict 1)",
        "ack-nothex",
        "notes.txt",
    ] {
        assert_eq!(names::classify(skipped), FileKind::Skip, "{skipped}");
    }
}

#[test]
fn a_watch_wakes_only_for_what_another_laptop_brings() {
    let folder = std::path::Path::new("/home/sam/Sync");
    let other = DeviceId([4; 16]);
    let arrivals = names::Arrivals::new(folder, &VAULT, DEVICE);
    let vault_dir = names::vault_dir(folder, &VAULT);
    let theirs = names::device_dir(folder, &VAULT, other);
    let ours = names::device_dir(folder, &VAULT, DEVICE);
    for news in [
        folder.join(names::ROOT),
        vault_dir.clone(),
        theirs.clone(),
        theirs.join(names::segment_name(3)),
        theirs.join(names::ack_name(DEVICE)),
    ] {
        assert!(arrivals.matters(&news), "{}", news.display());
    }
    for not_news in [
        folder.to_path_buf(),
        folder.join("holiday.jpg"),
        folder.join(names::ROOT).join(format!("pair-{DEVICE}")),
        ours.clone(),
        ours.join(names::segment_name(3)),
        ours.join(names::ack_name(other)),
        theirs.join(".syncthing.seg-000000000003.tmp"),
        theirs.join("seg-000000000003.sync-conflict-20261205-101010-ABCDEFG"),
        theirs.join("notes").join(names::segment_name(3)),
        vault_dir.join("not-a-device"),
        names::device_dir(folder, &[8; 16], other).join(names::segment_name(1)),
    ] {
        assert!(!arrivals.matters(&not_news), "{}", not_news.display());
    }
}
