//! Golden files for Hearth's two on-disk formats: `keyslots.json` (format 1) and the backup file
//! (formats 1 and 2). Round trips alone would let a change to both the writer and the reader pass;
//! these files were written once and must keep reading (and, for the current formats, writing)
//! byte for byte. The secrets and keys inside them are in `tests/vectors/README.md`.
//!
//! To write the vectors again after a deliberate format change (with a new format number), run
//! `HEARTH_WRITE_VECTORS=1 cargo test -p hearth-core --test format_vectors`.

use std::path::{Path, PathBuf};

use hearth_core::vault::backup_format;
use hearth_core::vault::crypto::{KdfParams, Key};
use hearth_core::vault::keyslots::{Keyslots, SlotId, VaultSlots};
use hearth_core::vault::{Partner, Space, VaultError};
use zeroize::Zeroizing;

/// Small, but within the bounds a keyslots file may ask for.
const VECTOR_KDF: KdfParams = KdfParams {
    m_kib: 64,
    t: 1,
    p: 1,
};

fn vector(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vectors")
        .join(name)
}

fn writing() -> bool {
    std::env::var_os("HEARTH_WRITE_VECTORS").is_some()
}

fn key(byte: u8) -> Key {
    Zeroizing::new([byte; 32])
}

/// Each way in of the vector's keyslots file, with its secret and the key it must give.
fn ways_in() -> Vec<(Space, SlotId, &'static str, Key)> {
    let (a, b) = (Partner::A, Partner::B);
    let (shared, private_a, private_b) = (Space::Shared, Space::Private(a), Space::Private(b));
    [
        (shared, SlotId::Passphrase(a), "golden passphrase a", 0x11),
        (shared, SlotId::Passphrase(b), "golden passphrase b", 0x11),
        (
            private_a,
            SlotId::Passphrase(a),
            "golden passphrase a",
            0x22,
        ),
        (private_a, SlotId::Recovery, "golden recovery a", 0x22),
        (
            private_b,
            SlotId::Passphrase(b),
            "golden passphrase b",
            0x33,
        ),
        (private_b, SlotId::Recovery, "golden recovery b", 0x33),
    ]
    .into_iter()
    .map(|(space, slot, secret, byte)| (space, slot, secret, key(byte)))
    .collect()
}

fn write_keyslots_vector(path: &Path) {
    let mut slots = Keyslots::new();
    for space in Space::ALL {
        let mut vault = VaultSlots::new(space);
        for (_, slot, secret, key) in ways_in().into_iter().filter(|w| w.0 == space) {
            vault.set_slot(slot, secret, &key, VECTOR_KDF).unwrap();
        }
        slots.vaults.push(vault);
    }
    std::fs::write(path, slots.to_json().unwrap()).unwrap();
}

#[test]
fn keyslots_v1_vector_opens_every_way_in_and_writes_back_byte_for_byte() {
    let path = vector("keyslots-v1.json");
    if writing() {
        write_keyslots_vector(&path);
    }
    let bytes = std::fs::read(&path).unwrap();
    let slots = Keyslots::parse(&bytes, &path).unwrap();
    for (space, slot, secret, expected) in ways_in() {
        let opened = slots
            .vault(space)
            .unwrap()
            .unwrap_key(slot, secret)
            .unwrap();
        assert_eq!(opened.as_deref(), Some(&*expected), "{space:?} {slot:?}");
        let wrong = slots
            .vault(space)
            .unwrap()
            .unwrap_key(slot, "not it")
            .unwrap();
        assert!(
            wrong.is_none(),
            "{space:?} {slot:?} opened with a wrong secret"
        );
    }
    assert_eq!(
        slots.to_json().unwrap(),
        bytes,
        "the writer's output changed"
    );
}

#[test]
fn a_keyslots_file_from_a_newer_hearth_is_told_apart_from_damage() {
    let path = Path::new("k");
    let newer = Keyslots::parse(br#"{"format": 7, "anything": true}"#, path);
    assert!(matches!(
        newer,
        Err(VaultError::FormatTooNew { found: 7, .. })
    ));
    let broken = Keyslots::parse(b"{not json", path);
    assert!(matches!(broken, Err(VaultError::KeyslotsDamaged { .. })));
}

/// The parts of the backup vectors: not real vaults (the format does not look inside them), each
/// a few recognisable bytes.
fn backup_parts(with_wal: bool) -> Vec<(String, Vec<u8>)> {
    let mut parts = vec![("keyslots.json".to_string(), b"{\"format\":1}".to_vec())];
    for space in Space::ALL {
        parts.push((
            space.file_name().to_string(),
            space.label().as_bytes().to_vec(),
        ));
        if with_wal && space == Space::Shared {
            let wal = format!("{}-wal", space.file_name());
            parts.push((wal, b"committed pages".to_vec()));
        }
    }
    parts
}

/// Format 1 is format 2's layout with the number 1, no `-wal` parts and no seal at the end.
fn write_backup_vectors() {
    let sealed = backup_format::encode(
        &backup_parts(true),
        &backup_format::seal(&backup_parts(true), &key(0x11)),
    );
    std::fs::write(vector("backup-v2.bin"), sealed).unwrap();
    let mut v1 = backup_format::encode(&backup_parts(false), &[0; 32]);
    v1.truncate(v1.len() - 32);
    v1[8..12].copy_from_slice(&1u32.to_le_bytes());
    std::fs::write(vector("backup-v1.bin"), v1).unwrap();
}

/// Writes the backup vectors once per run, when asked to, before either test reads them.
fn backup_vectors_ready() {
    static WRITE: std::sync::Once = std::sync::Once::new();
    if writing() {
        WRITE.call_once(write_backup_vectors);
    }
}

#[test]
fn backup_v2_vector_reads_checks_its_seal_and_writes_back_byte_for_byte() {
    backup_vectors_ready();
    let path = vector("backup-v2.bin");
    let bytes = std::fs::read(&path).unwrap();
    let contents = backup_format::parse(&bytes, &path).unwrap();
    assert_eq!(contents.parts, backup_parts(true));
    backup_format::check_seal(&contents, &key(0x11)).unwrap();
    let other_key = backup_format::check_seal(&contents, &key(0x12));
    assert!(matches!(other_key, Err(VaultError::BackupDamaged { .. })));
    let seal = backup_format::seal(&contents.parts, &key(0x11));
    assert_eq!(backup_format::encode(&contents.parts, &seal), bytes);
}

#[test]
fn backup_v1_vector_still_reads_without_a_seal() {
    backup_vectors_ready();
    let path = vector("backup-v1.bin");
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(&bytes[8..12], &1u32.to_le_bytes(), "the vector is format 1");
    let contents = backup_format::parse(&bytes, &path).unwrap();
    assert_eq!(contents.parts, backup_parts(false));
    assert!(contents.seal.is_none());
    backup_format::check_seal(&contents, &key(0x11)).unwrap();
}
