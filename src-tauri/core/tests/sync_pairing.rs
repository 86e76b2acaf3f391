//! Pairing through the folder: the file opens only with the one-time code, as typed by a person;
//! a wrong code or a changed file reveals nothing; neither the code nor the key is in the folder
//! in any readable form.

mod common;

use std::fs;

use common::files_containing;
use hearth_core::sync::pairing::{self, Invitation};
use hearth_core::sync::{DeviceId, SyncError};
use hearth_core::vault::hex;

const VAULT: [u8; 16] = [0x42; 16];
const KEY: [u8; 32] = [0x17; 32];

fn invitation(from: DeviceId) -> Invitation {
    Invitation {
        vault: VAULT,
        shared_key: KEY,
        from: from.to_string(),
        names: ["Sam".into(), "Alex".into()],
        start_seq: 1,
        start_hash: [0; 32],
    }
}

#[test]
fn the_file_opens_with_the_code_as_a_person_types_it() {
    let folder = tempfile::tempdir().unwrap();
    let from = DeviceId::random();
    let code = pairing::new_code();
    pairing::write(folder.path(), &invitation(from), &code).unwrap();

    let found = pairing::find(folder.path()).unwrap();
    assert_eq!(found, [pairing::path(folder.path(), from)]);
    let typed = code.to_lowercase().replace('-', " ").replace('0', "o");
    let opened = pairing::open(&found[0], &typed).unwrap();
    assert_eq!(
        (opened.vault, opened.shared_key, opened.from.as_str()),
        (VAULT, KEY, from.to_string().as_str())
    );
}

#[test]
fn a_code_carries_at_least_128_bits_and_is_never_the_same_twice() {
    let codes: Vec<String> = (0..50).map(|_| pairing::new_code().to_string()).collect();
    for code in &codes {
        let chars: String = code.chars().filter(|c| *c != '-').collect();
        assert_eq!(chars.len(), 26, "{code}");
        assert!(chars
            .chars()
            .all(|c| "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(c)));
    }
    let mut unique = codes.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), codes.len());
}

#[test]
fn a_wrong_code_or_a_changed_file_reveals_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let from = DeviceId::random();
    let code = pairing::new_code();
    pairing::write(folder.path(), &invitation(from), &code).unwrap();
    let file = pairing::path(folder.path(), from);

    let other = pairing::new_code();
    assert!(matches!(
        pairing::open(&file, &other),
        Err(SyncError::PairingCode)
    ));
    assert!(matches!(
        pairing::open(&file, "ABCD-EFGH"),
        Err(SyncError::PairingCode)
    ));
    assert!(matches!(
        pairing::open(&file, &format!("{}!", &code[..code.len() - 1])),
        Err(SyncError::PairingCode)
    ));
    let bytes = fs::read(&file).unwrap();
    for at in [9, 20, bytes.len() - 1] {
        let mut changed = bytes.clone();
        changed[at] ^= 0x01;
        fs::write(&file, &changed).unwrap();
        assert!(
            matches!(pairing::open(&file, &code), Err(SyncError::PairingCode)),
            "byte {at}"
        );
    }
    fs::write(&file, &bytes[..30]).unwrap();
    assert!(matches!(
        pairing::open(&file, &code),
        Err(SyncError::Malformed)
    ));
}

#[test]
fn neither_the_code_nor_the_key_is_in_the_folder() {
    let folder = tempfile::tempdir().unwrap();
    let code = pairing::new_code();
    pairing::write(folder.path(), &invitation(DeviceId::random()), &code).unwrap();
    let plain: String = code.chars().filter(|c| *c != '-').collect();
    for marker in [code.as_str(), plain.as_str(), &hex::encode(&KEY)] {
        assert!(
            files_containing(folder.path(), marker).is_empty(),
            "{marker}"
        );
    }
    let bytes = fs::read(pairing::find(folder.path()).unwrap()[0].clone()).unwrap();
    assert!(!bytes.windows(KEY.len()).any(|w| w == KEY));
}
