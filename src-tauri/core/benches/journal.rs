//! The journal at size: 100,000 shared and 20,000 private entries. The first page of the list (on
//! its own, and as the list command runs it, after erasing expired deletions), a search for the
//! top 20, and one insert (committed, fsync'd), each run by the same code on the
//! encrypted vault and on plain SQLite files with the same schema and settings (the baseline), so
//! the cost of encryption shows as a ratio. `make bench` prints the medians and ratios.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use hearth_core::journal::search;
use hearth_core::journal::store;
use hearth_core::journal::types::{EntryDraft, EntryFilter};
use hearth_core::testing;
use hearth_core::vault::{Partner, Session, Space, Vault};

const SHARED_ENTRIES: u32 = 100_000;
const PRIVATE_ENTRIES: u32 = 20_000;
const WORDS: &[&str] = &[
    "evening", "walk", "kitchen", "laughed", "tired", "grateful", "garden", "rain", "coffee",
    "letter", "argument", "repair", "slow", "morning", "music", "dancing", "quiet", "sunday",
    "friends", "holiday", "train", "soup", "candle", "promise", "worry", "hug", "beach", "book",
    "film", "bread", "bicycle", "market", "storm", "window", "sister", "mountain", "balcony",
];

/// A deterministic sentence generator (SplitMix64), so every run builds the same journal.
fn body(seed: u64) -> String {
    let mut state = seed;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut words: Vec<&str> = (0..40)
        .map(|_| WORDS[(next() % WORDS.len() as u64) as usize])
        .collect();
    // One entry in a hundred mentions the lantern: what the search looks for.
    if seed % 100 == 7 {
        words.push("lantern");
    }
    words.join(" ")
}

/// Writes `count` entries into `schema` in one transaction, 40 to a day, through the real triggers
/// (so the full-text index is built as the app builds it).
fn fill(session: &Session, schema: &str, count: u32, seed: u64) {
    let tx = session.conn().unchecked_transaction().expect("tx");
    {
        let mut insert = tx
            .prepare(&format!(
                "INSERT INTO {schema}.entries (created_at, updated_at, body, title, entry_date, tags, author)
                 VALUES ('2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', ?1, '', date('2020-01-01', ?2), '', 'a')"
            ))
            .expect("prepare");
        for i in 0..count {
            let offset = format!("+{} days", i / 40);
            insert
                .execute(rusqlite::params![body(seed + u64::from(i)), offset])
                .expect("insert");
        }
    }
    tx.commit().expect("commit");
}

fn encrypted(dir: &std::path::Path) -> Vault {
    let mut vault = Vault::new(dir);
    testing::set_up_couple(&mut vault).expect("setup");
    vault.lock();
    vault
        .unlock(Some(Partner::A), testing::PASS_A, std::time::Instant::now())
        .expect("unlock");
    let session = vault.session().expect("session");
    fill(session, "main", SHARED_ENTRIES, 0);
    fill(session, "private_a", PRIVATE_ENTRIES, 1_000_000);
    vault
}

fn plain(dir: &std::path::Path) -> Session {
    let session = Session::unencrypted_baseline(dir).expect("plain");
    fill(&session, "main", SHARED_ENTRIES, 0);
    fill(&session, "private_a", PRIVATE_ENTRIES, 1_000_000);
    session
}

fn journal(c: &mut Criterion) {
    let encrypted_dir = tempfile::tempdir().expect("tempdir");
    let plain_dir = tempfile::tempdir().expect("tempdir");
    let vault = encrypted(encrypted_dir.path());
    let sealed = vault.session().expect("session");
    let open = plain(plain_dir.path());
    let sessions = [("sqlcipher", sealed), ("plain_sqlite_baseline", &open)];
    for (_, session) in &sessions {
        let page =
            store::list(session, &EntryFilter::default(), None, store::PAGE_SIZE).expect("list");
        assert_eq!(page.entries.len(), store::PAGE_SIZE as usize);
        assert_eq!(
            search::search(session, "lantern", 20)
                .expect("search")
                .len(),
            20
        );
    }

    let mut group = c.benchmark_group("journal_first_page");
    for (name, session) in &sessions {
        group.bench_function(*name, |b| {
            b.iter(|| {
                black_box(
                    store::list(session, &EntryFilter::default(), None, store::PAGE_SIZE)
                        .expect("list"),
                )
            })
        });
    }
    group.finish();

    // What the list command does: erase what outlived its undo time (here: nothing), then page 1.
    let mut group = c.benchmark_group("journal_list_command");
    for (name, session) in &sessions {
        group.bench_function(*name, |b| {
            b.iter(|| {
                store::purge_deleted(session, chrono::Utc::now()).expect("purge");
                black_box(
                    store::list(session, &EntryFilter::default(), None, store::PAGE_SIZE)
                        .expect("list"),
                )
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("journal_search_top_20");
    for (name, session) in &sessions {
        group.bench_function(*name, |b| {
            b.iter(|| black_box(search::search(session, "lantern", 20).expect("search")))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("journal_insert");
    group.measurement_time(Duration::from_secs(10));
    for (name, session) in &sessions {
        let mut n = 0u64;
        group.bench_function(*name, |b| {
            b.iter(|| {
                n += 1;
                let draft = EntryDraft {
                    tags: vec!["bench".into()],
                    ..EntryDraft::plain(&body(n + 9_000_000))
                };
                black_box(
                    store::create(session, Space::Shared, Partner::A, &draft).expect("insert"),
                )
            })
        });
    }
    group.finish();
}

criterion_group!(benches, journal);
criterion_main!(benches);
