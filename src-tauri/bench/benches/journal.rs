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
use hearth_core::testing::sample_journal;
use hearth_core::vault::{Partner, Session, Space, Vault};

fn encrypted(dir: &std::path::Path) -> Vault {
    let mut vault = Vault::new(dir);
    testing::set_up_couple(&mut vault).expect("setup");
    vault.lock();
    vault
        .unlock(Some(Partner::A), testing::PASS_A, std::time::Instant::now())
        .expect("unlock");
    let session = vault.session().expect("session");
    sample_journal::fill_at_size(session).expect("fill");
    vault
}

fn plain(dir: &std::path::Path) -> Session {
    let session = Session::unencrypted_baseline(dir).expect("plain");
    sample_journal::fill_at_size(&session).expect("fill");
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
                    ..EntryDraft::plain(&sample_journal::body(n + 9_000_000))
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
