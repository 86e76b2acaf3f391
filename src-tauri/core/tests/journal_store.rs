//! Entries on real SQLCipher files: every field round-trips, autosave, tags and filters, newest-first
//! paging, full-text search across the open spaces (never a locked partner's), delete with undo and
//! then a secure delete, sharing a private entry, and bad input.

mod common;

use chrono::{Duration, NaiveDate, Utc};
use common::*;
use hearth_core::journal::store::{self, UNDO_SECONDS};
use hearth_core::journal::types::{EntryDraft, EntryFilter, Mood};
use hearth_core::journal::{search, JournalError};
use hearth_core::vault::{Partner, Space};
use proptest::prelude::*;

fn draft(body: &str) -> EntryDraft {
    EntryDraft::plain(body)
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

#[test]
fn every_field_round_trips_and_autosave_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = set_up_open(dir.path());
    let session = vault.session().unwrap();
    let full = EntryDraft {
        title: "  Sunday  ".into(),
        body: "First line\n\nSecond paragraph\r\n\tindented".into(),
        date: day(15),
        mood: Some(Mood::Grateful),
        tags: vec!["#Date Night".into(), "date night".into(), "walks".into()],
        prompt_id: Some("emotional-001".into()),
        answer_id: Some(7),
    };
    let created = store::create(session, Space::Private(Partner::A), Partner::A, &full).unwrap();
    assert_eq!(created.title, "Sunday");
    assert_eq!(created.body, full.body, "paragraphs and line breaks kept");
    assert_eq!(created.tags, ["date-night", "walks"]);
    assert_eq!(
        (created.date, created.mood),
        (day(15), Some(Mood::Grateful))
    );
    assert_eq!(created.prompt_id.as_deref(), Some("emotional-001"));
    assert_eq!(
        (created.answer_id, created.author),
        (Some(7), Some(Partner::A))
    );

    let edited = store::update(
        session,
        Space::Private(Partner::A),
        created.id,
        &EntryDraft {
            body: "Changed".into(),
            tags: vec!["walks".into()],
            ..full.clone()
        },
    )
    .unwrap();
    assert_eq!(
        (edited.body.as_str(), edited.tags.clone()),
        ("Changed", vec!["walks".to_string()])
    );
    assert!(edited.updated_at >= created.updated_at);
    assert_eq!(store::tags(session).unwrap(), ["walks"]);

    // An empty prompt id (an editor opened without a prompt) is no link, on create and on save.
    let unlinked = EntryDraft {
        prompt_id: Some(" ".into()),
        ..draft("not about a prompt")
    };
    let plain = store::create(session, Space::Shared, Partner::A, &unlinked).unwrap();
    assert_eq!(plain.prompt_id, None);
    let edited = store::update(session, Space::Private(Partner::A), created.id, &unlinked).unwrap();
    assert_eq!(edited.prompt_id, None);
    assert!(store::linked_prompts(session).unwrap().is_empty());
}

#[test]
fn bad_input_gets_clear_errors_and_odd_text_is_kept_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = set_up_open(dir.path());
    let session = vault.session().unwrap();
    let shared = Space::Shared;
    let megabyte = "a".repeat(1024 * 1024);
    let big = store::create(session, shared, Partner::A, &draft(&megabyte)).unwrap();
    assert_eq!(big.body.len(), 1024 * 1024, "1 MB works");
    let too_big = "a".repeat(10 * 1024 * 1024 + 1);
    assert!(matches!(
        store::create(session, shared, Partner::A, &draft(&too_big)),
        Err(JournalError::TooLong)
    ));
    assert!(matches!(
        store::create(session, shared, Partner::A, &draft("   ")),
        Err(JournalError::InvalidInput(_))
    ));
    let many_tags = EntryDraft {
        tags: (0..21).map(|i| format!("t{i}")).collect(),
        ..draft("x")
    };
    assert!(matches!(
        store::create(session, shared, Partner::A, &many_tags),
        Err(JournalError::InvalidInput(_))
    ));
    let odd = "<script>alert(1)</script> \u{202E}עברית\u{202C} 👩‍❤️‍👨 \u{0007}\u{0000} &amp;";
    let kept = store::create(session, shared, Partner::A, &draft(odd)).unwrap();
    assert_eq!(
        store::get(session, shared, kept.id).unwrap().unwrap().body,
        odd
    );
    assert_eq!(
        store::count(session, shared).unwrap(),
        2,
        "refused ones were not saved"
    );
}

#[test]
fn lists_newest_first_in_pages_with_filters() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = set_up_open(dir.path());
    let session = vault.session().unwrap();
    for i in 0..30u32 {
        let space = [
            Space::Shared,
            Space::Private(Partner::A),
            Space::Private(Partner::B),
        ][i as usize % 3];
        let author = match space {
            Space::Private(p) => p,
            Space::Shared => Partner::A,
        };
        let entry = EntryDraft {
            date: day(1 + i % 10),
            tags: if i % 2 == 0 {
                vec!["even".into()]
            } else {
                vec![]
            },
            prompt_id: (i % 5 == 0).then(|| "fun-001".to_string()),
            ..draft(&format!("entry {i}"))
        };
        store::create(session, space, author, &entry).unwrap();
    }
    let mut seen = Vec::new();
    let mut cursor = None;
    loop {
        let page = store::list(session, &EntryFilter::default(), cursor.as_ref(), 7).unwrap();
        seen.extend(page.entries.iter().map(|e| (e.date, e.space, e.id)));
        match page.next {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    assert_eq!(seen.len(), 30, "every entry once across pages");
    assert!(
        seen.windows(2).all(|w| w[0].0 >= w[1].0),
        "newest date first"
    );
    let unique: std::collections::HashSet<_> = seen.iter().collect();
    assert_eq!(unique.len(), 30);

    let even = EntryFilter {
        tag: Some("Even".into()),
        ..EntryFilter::default()
    };
    assert_eq!(
        store::list(session, &even, None, 100)
            .unwrap()
            .entries
            .len(),
        15
    );
    let shared_only = EntryFilter {
        space: Some(Space::Shared),
        ..EntryFilter::default()
    };
    let shared = store::list(session, &shared_only, None, 100)
        .unwrap()
        .entries;
    assert!(shared.len() == 10 && shared.iter().all(|e| e.space == Space::Shared));
    let by_prompt = EntryFilter {
        prompt_id: Some("fun-001".into()),
        ..EntryFilter::default()
    };
    assert_eq!(
        store::list(session, &by_prompt, None, 100)
            .unwrap()
            .entries
            .len(),
        6
    );

    // The prompt filter offers the prompts entries are about, named once the library is there.
    let linked = store::linked_prompts(session).unwrap();
    assert_eq!(linked.len(), 1);
    assert_eq!(
        (linked[0].id.as_str(), linked[0].text.as_deref()),
        ("fun-001", None)
    );
    hearth_core::prompts::store::sync_library(session).unwrap();
    let library_text = hearth_core::prompts::store::get(session, "fun-001")
        .unwrap()
        .text;
    assert_eq!(
        store::linked_prompts(session).unwrap()[0].text,
        Some(library_text)
    );
}

#[test]
fn search_covers_open_spaces_only_and_marks_what_matched() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = set_up_open(dir.path());
    let session = vault.session().unwrap();
    let a_private = store::create(
        session,
        Space::Private(Partner::A),
        Partner::A,
        &draft("We watched the moonrise over the harbour"),
    )
    .unwrap();
    store::create(
        session,
        Space::Shared,
        Partner::A,
        &draft("The moonlight walk home"),
    )
    .unwrap();
    let hits = search::search(session, "moon", 20).unwrap();
    assert_eq!(hits.len(), 2, "prefix matching");
    let marked: Vec<&str> = hits[0]
        .snippet
        .iter()
        .filter(|p| p.hit)
        .map(|p| p.text.as_str())
        .collect();
    assert!(
        marked.iter().all(|m| m.to_lowercase().starts_with("moon")),
        "{marked:?}"
    );
    assert!(search::search(session, "\"unbalanced OR", 20)
        .unwrap()
        .is_empty());

    // B alone: A's private entry is not there, not even counted.
    vault.lock();
    vault
        .unlock(Some(Partner::B), PASS_B, std::time::Instant::now())
        .unwrap();
    let session = vault.session().unwrap();
    let hits = search::search(session, "moon", 20).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].entry.space, Space::Shared);
    assert!(hits
        .iter()
        .all(|h| h.entry.id != a_private.id || h.entry.space != Space::Private(Partner::A)));
    let all = store::list(session, &EntryFilter::default(), None, 100).unwrap();
    assert_eq!(all.entries.len(), 1);
    assert!(matches!(
        store::count(session, Space::Private(Partner::A)),
        Err(JournalError::SpaceLocked)
    ));
}

#[test]
fn delete_can_be_undone_for_ten_seconds_then_is_erased() {
    let dir = tempfile::tempdir().unwrap();
    let vault = set_up_alone(dir.path(), Partner::A);
    let session = vault.session().unwrap();
    let marker = unique_marker("ERASEME");
    let space = Space::Private(Partner::A);
    let entry = store::create(
        session,
        space,
        Partner::A,
        &draft(&format!("gone {marker}")),
    )
    .unwrap();
    let now = Utc::now();
    store::delete(session, space, entry.id, now).unwrap();
    assert!(store::get(session, space, entry.id).unwrap().is_none());
    assert!(search::search(session, &marker, 5).unwrap().is_empty());
    store::undo_delete(session, space, entry.id, now + Duration::seconds(5)).unwrap();
    assert!(store::get(session, space, entry.id).unwrap().is_some());

    store::delete(session, space, entry.id, now).unwrap();
    let late = now + Duration::seconds(UNDO_SECONDS + 1);
    assert!(matches!(
        store::undo_delete(session, space, entry.id, late),
        Err(JournalError::InvalidInput(_))
    ));
    assert_eq!(
        store::purge_deleted(session, now).unwrap(),
        0,
        "not before the undo time"
    );
    let in_index = |session: &hearth_core::vault::Session| -> i64 {
        session
            .conn()
            .query_row(
                "SELECT count(*) FROM private_a.entries_fts_data WHERE instr(block, CAST(?1 AS BLOB)) > 0",
                [marker.to_lowercase()],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert!(in_index(session) > 0, "the index held the word");
    assert_eq!(store::purge_deleted(session, late).unwrap(), 1);
    assert_eq!(in_index(session), 0, "and holds it no more");
    let rows: i64 = session
        .conn()
        .query_row("SELECT count(*) FROM private_a.entries", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 0);
}

#[test]
fn sharing_moves_a_private_entry_into_the_shared_vault() {
    let dir = tempfile::tempdir().unwrap();
    let vault = set_up_alone(dir.path(), Partner::A);
    let session = vault.session().unwrap();
    let private = store::create(
        session,
        Space::Private(Partner::A),
        Partner::A,
        &EntryDraft {
            tags: vec!["us".into()],
            ..draft("For both of us now")
        },
    )
    .unwrap();
    let shared = store::share(session, Partner::A, private.id).unwrap();
    assert_eq!(
        (shared.space, shared.author),
        (Space::Shared, Some(Partner::A))
    );
    assert_eq!(
        (shared.body.as_str(), shared.tags.clone()),
        ("For both of us now", vec!["us".to_string()])
    );
    assert!(store::get(session, Space::Private(Partner::A), private.id)
        .unwrap()
        .is_none());
    assert!(matches!(
        store::share(session, Partner::A, private.id),
        Err(JournalError::NotFound)
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn save_then_load_gives_back_any_unicode(title in "\\PC{0,60}", body in "\\PC{1,400}") {
        let dir = tempfile::tempdir().unwrap();
        let (vault, _) = set_up_open(dir.path());
        let session = vault.session().unwrap();
        let entry = EntryDraft { title: title.clone(), body: body.clone(), ..draft("x") };
        match store::create(session, Space::Shared, Partner::A, &entry) {
            Ok(saved) => {
                let loaded = store::get(session, Space::Shared, saved.id).unwrap().unwrap();
                prop_assert_eq!(&loaded.body, &body);
                prop_assert_eq!(loaded.title, title.trim());
            }
            Err(JournalError::InvalidInput(_)) => prop_assert!(title.trim().is_empty() && body.trim().is_empty()),
            Err(other) => prop_assert!(false, "{other}"),
        }
    }
}

/// The deleted entry's row and index words in `space`'s file, read straight from the file with its
/// key (no unlock, which would erase them itself).
fn traces_in_file(dir: &std::path::Path, space: Space, passphrase: &str, word: &str) -> (i64, i64) {
    use hearth_core::vault::keyslots::{Keyslots, SlotId};
    let Space::Private(owner) = space else {
        unreachable!("private spaces only")
    };
    let key = Keyslots::load(dir)
        .unwrap()
        .vault(space)
        .unwrap()
        .unwrap_key(SlotId::Passphrase(owner), passphrase)
        .unwrap()
        .unwrap();
    let conn = hearth_core::vault::db::open(dir, space, &key).unwrap();
    let rows = conn
        .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
        .unwrap();
    let words = conn
        .query_row(
            "SELECT count(*) FROM entries_fts_data WHERE instr(block, CAST(?1 AS BLOB)) > 0",
            [word.to_lowercase()],
            |r| r.get(0),
        )
        .unwrap();
    (rows, words)
}

#[test]
fn a_deleted_entry_is_erased_on_lock_and_at_unlock() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = set_up_alone(dir.path(), Partner::A);
    let space = Space::Private(Partner::A);
    let marker = unique_marker("LOCKERASE");
    let entry = store::create(
        vault.session().unwrap(),
        space,
        Partner::A,
        &draft(&format!("gone {marker}")),
    )
    .unwrap();
    store::delete(vault.session().unwrap(), space, entry.id, Utc::now()).unwrap();
    vault.lock();
    assert_eq!(
        traces_in_file(dir.path(), space, PASS_A, &marker),
        (0, 0),
        "row and index words gone from the file on lock"
    );

    // Deleted, then Hearth killed before any lock: the next unlock erases it.
    vault
        .unlock(Some(Partner::A), PASS_A, std::time::Instant::now())
        .unwrap();
    let entry = store::create(
        vault.session().unwrap(),
        space,
        Partner::A,
        &draft(&format!("also gone {marker}")),
    )
    .unwrap();
    store::delete(vault.session().unwrap(), space, entry.id, Utc::now()).unwrap();
    drop(vault);
    assert_eq!(traces_in_file(dir.path(), space, PASS_A, &marker).0, 1);
    let mut next = hearth_core::vault::Vault::with_kdf(dir.path(), FAST_KDF);
    next.unlock(Some(Partner::A), PASS_A, std::time::Instant::now())
        .unwrap();
    // Read in the same session, before any lock could have done it.
    let rows: i64 = next
        .session()
        .unwrap()
        .conn()
        .query_row("SELECT count(*) FROM private_a.entries", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 0, "erased at unlock");
}
