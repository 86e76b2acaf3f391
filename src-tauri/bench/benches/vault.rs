//! Unlock (Argon2id at the floor, then opening and checking the vault files), opening a vault with
//! 10,000 rows, and unlock with the journal at size, each beside a baseline measured in the same
//! run: Argon2id alone, and the same rows in a plain SQLite file. `make bench` prints each median
//! and its ratio to the group's baseline (docs/bench_medians.py).

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion};
use hearth_core::testing::{self, sample_journal, PASS_A};
use hearth_core::vault::crypto::{self, KdfParams};
use hearth_core::vault::{settings, Partner, Space, Vault};

const ROWS: usize = 10_000;

fn couple(dir: &std::path::Path, rows: usize) -> Vault {
    let mut vault = Vault::new(dir);
    testing::set_up_couple(&mut vault).expect("setup");
    {
        let session = vault.session_mut().expect("session");
        let tx = session.conn_mut().transaction().expect("tx");
        for i in 0..rows {
            tx.execute(
                "INSERT INTO main.entries (created_at, body) VALUES ('2026-01-01T00:00:00Z', ?1)",
                [format!(
                    "entry {i}: a few sentences about an evening together, kept for later."
                )],
            )
            .expect("insert");
        }
        tx.commit().expect("commit");
    }
    vault.lock();
    vault
}

/// One Argon2id derivation at the floor (the baseline), and Sam's unlock and lock of `vault`.
fn unlock_against_argon2id(group: &mut BenchmarkGroup<'_, WallTime>, vault: &mut Vault) {
    group.bench_function("argon2id_floor_baseline", |b| {
        let salt = crypto::random_salt();
        b.iter(|| black_box(crypto::derive_kek(PASS_A, &salt, KdfParams::FLOOR).expect("kdf")));
    });
    group.bench_function("unlock_partner_a", |b| {
        b.iter(|| {
            vault
                .unlock(Some(Partner::A), PASS_A, Instant::now())
                .expect("unlock");
            vault.lock();
        });
    });
}

fn unlock(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut vault = couple(dir.path(), 0);
    let mut group = c.benchmark_group("unlock");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(20));
    unlock_against_argon2id(&mut group, &mut vault);
    group.finish();
}

fn open_10k(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    couple(dir.path(), ROWS);
    let plain_path = dir.path().join("plain.db");
    {
        let conn = rusqlite::Connection::open(&plain_path).expect("plain");
        conn.execute_batch(include_str!("../../core/migrations/shared/0001_init.sql"))
            .expect("schema");
        conn.execute_batch("PRAGMA journal_mode = WAL")
            .expect("wal");
        let tx = conn.unchecked_transaction().expect("tx");
        for i in 0..ROWS {
            tx.execute(
                "INSERT INTO entries (created_at, body) VALUES ('2026-01-01T00:00:00Z', ?1)",
                [format!(
                    "entry {i}: a few sentences about an evening together, kept for later."
                )],
            )
            .expect("insert");
        }
        tx.commit().expect("commit");
    }
    // Unlock cost without the KDF: unwrap once, then time opening the file with its raw key, which
    // checks its header only (the full check runs in the background, `unlock_at_size`), and a first
    // query, against the same on a plain SQLite file.
    let mut vault = Vault::with_kdf(dir.path(), KdfParams::FLOOR);
    let mut group = c.benchmark_group("open_10k_rows");
    group.sample_size(30);
    group.bench_function("plain_sqlite_baseline", |b| {
        b.iter(|| {
            let conn = rusqlite::Connection::open(&plain_path).expect("open");
            let count: i64 = conn
                .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
                .expect("count");
            black_box(count)
        });
    });
    let keys = hearth_core::vault::keyslots::Keyslots::load(dir.path()).expect("slots");
    let shared_key = keys
        .vault(Space::Shared)
        .expect("shared")
        .unwrap_key(
            hearth_core::vault::keyslots::SlotId::Passphrase(Partner::A),
            PASS_A,
        )
        .expect("unwrap")
        .expect("right passphrase");
    group.bench_function("sqlcipher_open", |b| {
        b.iter(|| {
            let conn =
                hearth_core::vault::db::open(dir.path(), Space::Shared, &shared_key).expect("open");
            let count: i64 = conn
                .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
                .expect("count");
            black_box(count)
        });
    });
    group.finish();
    vault
        .unlock(Some(Partner::A), PASS_A, Instant::now())
        .expect("unlock");
    assert_eq!(
        testing::count_entries(vault.session().expect("s"), Space::Shared).expect("count"),
        ROWS as u64
    );
}

/// Unlock with the journal at size (100,000 shared and 20,000 private entries): what the couple
/// waits for (one Argon2id derivation, each file's header), and an unlock followed by a first
/// write, which waits for the structure check that runs in the background after the unlock.
fn unlock_at_size(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut vault = Vault::new(dir.path());
    testing::set_up_couple(&mut vault).expect("setup");
    sample_journal::fill_at_size(vault.session().expect("session")).expect("fill");
    vault.lock();
    let mut group = c.benchmark_group("unlock_at_size");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(30));
    unlock_against_argon2id(&mut group, &mut vault);
    group.bench_function("unlock_then_first_write", |b| {
        b.iter(|| {
            vault
                .unlock(Some(Partner::A), PASS_A, Instant::now())
                .expect("unlock");
            settings::set_auto_lock_minutes(vault.session().expect("session"), 10).expect("write");
            vault.lock();
        });
    });
    group.finish();
}

criterion_group!(benches, unlock, open_10k, unlock_at_size);
criterion_main!(benches);
