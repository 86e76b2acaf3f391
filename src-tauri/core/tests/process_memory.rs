//! Keys stay out of core dumps and out of SQLCipher's freed memory: the process is non-dumpable once
//! Hearth asks, and every vault connection has `cipher_memory_security` on.

mod common;

use common::*;

#[test]
fn hearth_makes_its_process_non_dumpable() {
    assert_eq!(hearth_core::memory::is_dumpable(), Some(true));
    assert!(hearth_core::memory::keep_out_of_core_dumps());
    assert_eq!(hearth_core::memory::is_dumpable(), Some(false));
}

#[test]
fn vault_connections_wipe_what_sqlcipher_frees() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = set_up(dir.path());
    let on: String = vault
        .session()
        .unwrap()
        .conn()
        .query_row("PRAGMA cipher_memory_security", [], |row| row.get(0))
        .unwrap();
    assert_eq!(on, "1");
}
