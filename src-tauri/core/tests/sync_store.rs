//! The shared vault's side of sync, on real SQLCipher files: two laptops, each with its own vault,
//! hand each other the operations their changes make (the mailbox is tested on its own), and show
//! the same rows, the same search results and the same revisions.

mod common;

use chrono::NaiveDate;
use common::*;
use hearth_core::journal::search;
use hearth_core::journal::store as journal;
use hearth_core::journal::types::EntryDraft;
use hearth_core::prompts::store as prompts;
use hearth_core::sync::ops::Op;
use hearth_core::sync::store::{self, versions};
use hearth_core::sync::DeviceId;
use hearth_core::vault::{Partner, Session, Space, Vault};

const START_MS: u64 = 1_800_000_000_000;

/// One laptop: its own vault in its own folder, with sync on.
struct Laptop {
    _dir: tempfile::TempDir,
    vault: Vault,
    now: u64,
}

impl Laptop {
    fn new(skew_ms: i64) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let vault = set_up_syncing(dir.path());
        Self {
            _dir: dir,
            vault,
            now: START_MS.saturating_add_signed(skew_ms),
        }
    }

    fn session(&self) -> &Session {
        self.vault.session().unwrap()
    }

    fn tick(&mut self) -> u64 {
        self.now += 1_000;
        self.now
    }

    fn changes(&mut self) -> Vec<Op> {
        let now = self.tick();
        store::changes(self.session().conn(), now).unwrap()
    }

    /// Takes in what the other sent; returns what this laptop must send in turn.
    fn receive(&mut self, ops: &[Op]) -> store::Applied {
        let now = self.tick();
        store::apply(self.session().conn(), ops, now).unwrap()
    }

    fn dump(&self) -> Vec<store::RowDump> {
        store::dump(self.session().conn()).unwrap()
    }

    fn shared_entry(&self, body: &str) -> i64 {
        journal::create(
            self.session(),
            Space::Shared,
            Partner::A,
            &EntryDraft::plain(body),
        )
        .unwrap()
        .id
    }

    fn found(&self, words: &str) -> Vec<String> {
        search::search(self.session(), words, 10)
            .unwrap()
            .into_iter()
            .map(|hit| hit.entry.body)
            .collect()
    }

    fn uid_of_entry(&self, id: i64) -> String {
        store::rows::uid_of(self.session().conn(), "entries", id)
            .unwrap()
            .unwrap()
    }

    fn entry_id(&self, uid: &str) -> i64 {
        store::rows::local_of(self.session().conn(), "entries", uid)
            .unwrap()
            .unwrap()
    }
}

/// Both laptops send everything until neither has anything left to send.
fn settle(a: &mut Laptop, b: &mut Laptop) {
    let mut from_a = a.changes();
    for _ in 0..4 {
        let from_b = b.receive(&from_a).to_send;
        from_a = a.receive(&from_b).to_send;
        if from_a.is_empty() {
            break;
        }
    }
    assert!(
        from_a.is_empty() && b.changes().is_empty(),
        "nothing left to send"
    );
}

fn edit(laptop: &Laptop, id: i64, body: &str) {
    edit_shared(laptop.session(), id, body);
}

#[test]
fn an_entry_and_a_reminder_written_on_one_laptop_arrive_on_the_other() {
    let (mut a, mut b) = (Laptop::new(0), Laptop::new(0));
    let draft = EntryDraft {
        title: "Lighthouse walk".into(),
        tags: vec!["walks".into(), "sea".into()],
        ..EntryDraft::plain("We counted the gulls on the pier")
    };
    let sent = journal::create(a.session(), Space::Shared, Partner::A, &draft).unwrap();
    let reminder = common::sync::sunday_tea(a.session());
    settle(&mut a, &mut b);

    let here = journal::get(
        b.session(),
        Space::Shared,
        b.entry_id(&a.uid_of_entry(sent.id)),
    )
    .unwrap()
    .unwrap();
    assert_eq!(
        (here.title.as_str(), here.body.as_str(), here.tags.clone()),
        ("Lighthouse walk", sent.body.as_str(), sent.tags.clone())
    );
    assert_eq!(b.found("gulls"), [sent.body.as_str()], "the index follows");
    assert!(journal::tags(b.session())
        .unwrap()
        .contains(&"sea".to_string()));
    let titles: Vec<String> = hearth_core::reminders::store::list(b.session())
        .unwrap()
        .into_iter()
        .map(|r| r.title)
        .collect();
    assert_eq!(titles, [reminder]);
    assert_eq!(a.dump(), b.dump());
}

#[test]
fn concurrent_edits_keep_the_version_that_lost_as_a_revision_on_both() {
    let (mut a, mut b) = (Laptop::new(0), Laptop::new(-3_600_000));
    let on_a = a.shared_entry("Plan the picnic");
    settle(&mut a, &mut b);
    let on_b = b.entry_id(&a.uid_of_entry(on_a));

    edit(&a, on_a, "Plan the picnic by the river");
    edit(&b, on_b, "Plan the picnic in the orchard");
    settle(&mut a, &mut b);

    let body_a = journal::get(a.session(), Space::Shared, on_a)
        .unwrap()
        .unwrap()
        .body;
    let body_b = journal::get(b.session(), Space::Shared, on_b)
        .unwrap()
        .unwrap()
        .body;
    assert_eq!(body_a, body_b);
    let uid = a.uid_of_entry(on_a);
    let lost: Vec<_> = versions::revisions(a.session().conn(), "entries", &uid, "body")
        .unwrap()
        .into_iter()
        .map(|(_, value)| value)
        .collect();
    let other = if body_a.contains("river") {
        "Plan the picnic in the orchard"
    } else {
        "Plan the picnic by the river"
    };
    assert_eq!(lost, [serde_json::json!(other)], "nothing dropped silently");
    assert_eq!(a.dump(), b.dump());

    // An edit written on top of what both show replaces it, and the revision stays.
    edit(&b, on_b, "Picnic: river, then orchard");
    settle(&mut a, &mut b);
    assert_eq!(
        journal::get(a.session(), Space::Shared, on_a)
            .unwrap()
            .unwrap()
            .body,
        "Picnic: river, then orchard"
    );
    assert_eq!(a.dump(), b.dump());
}

#[test]
fn a_deleted_entry_is_gone_from_both_and_a_late_edit_cannot_bring_it_back() {
    let (mut a, mut b) = (Laptop::new(0), Laptop::new(0));
    let on_a = a.shared_entry("The lantern festival tickets");
    settle(&mut a, &mut b);
    let uid = a.uid_of_entry(on_a);
    let on_b = b.entry_id(&uid);

    edit(&b, on_b, "The lantern festival tickets, row twelve");
    journal::delete(a.session(), Space::Shared, on_a, chrono::Utc::now()).unwrap();
    journal::erase_all_deleted(a.session()).unwrap();
    settle(&mut a, &mut b);

    for laptop in [&a, &b] {
        assert!(laptop.found("lantern").is_empty());
        let conn = laptop.session().conn();
        assert!(store::rows::local_of(conn, "entries", &uid)
            .unwrap()
            .is_none());
        let kept: i64 = conn
            .query_row(
                "SELECT count(*) FROM sync_versions WHERE uid = ?1",
                [&uid],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(kept, 0, "no version of a deleted row is kept");
        assert!(versions::is_deleted(conn, "entries", &uid).unwrap());
    }
    assert_eq!(a.dump(), b.dump());
}

#[test]
fn a_private_entry_never_becomes_an_operation() {
    let (mut a, mut b) = (Laptop::new(0), Laptop::new(0));
    journal::create(
        a.session(),
        Space::Private(Partner::A),
        Partner::A,
        &EntryDraft::plain("private-marker-quartz-otter"),
    )
    .unwrap();
    a.shared_entry("shared-marker-amber-heron");
    let ops = a.changes();
    let text = serde_json::to_string(&ops).unwrap();
    assert!(text.contains("shared-marker-amber-heron"));
    assert!(!text.contains("private-marker-quartz-otter"));
    b.receive(&ops);
    assert!(b.found("quartz").is_empty());
}

#[test]
fn autosaves_between_two_sends_travel_once() {
    let mut a = Laptop::new(0);
    let id = a.shared_entry("Draft");
    a.changes();
    for n in 0..50 {
        edit(&a, id, &format!("Draft, take {n}"));
    }
    let ops = a.changes();
    let bodies = ops.iter().filter(|op| op.field == "body").count();
    assert_eq!(bodies, 1, "{ops:?}");
}

#[test]
fn receiving_the_same_operations_again_changes_nothing() {
    let (mut a, mut b) = (Laptop::new(0), Laptop::new(0));
    a.shared_entry("Twice told");
    let ops = a.changes();
    assert!(b.receive(&ops).rows_changed > 0);
    let before = b.dump();
    let mut reversed = ops.clone();
    reversed.reverse();
    let again = b.receive(&reversed);
    assert_eq!((again.rows_changed, again.to_send.len()), (0, 0));
    assert_eq!(b.dump(), before);
}

#[test]
fn the_sexual_prompt_gate_opens_only_with_both_opt_ins_and_closes_with_one_withdrawal() {
    let (mut a, mut b) = (Laptop::new(0), Laptop::new(0));
    unlock_alone(&mut a.vault, Partner::A);
    unlock_alone(&mut b.vault, Partner::B);
    prompts::set_consent(a.session(), Partner::A, true).unwrap();
    settle(&mut a, &mut b);
    assert!(!prompts::both_opted_in(a.session()).unwrap());
    assert!(!prompts::both_opted_in(b.session()).unwrap());

    prompts::set_consent(b.session(), Partner::B, true).unwrap();
    settle(&mut a, &mut b);
    assert!(prompts::both_opted_in(a.session()).unwrap());
    assert!(prompts::both_opted_in(b.session()).unwrap());

    prompts::set_consent(a.session(), Partner::A, false).unwrap();
    settle(&mut a, &mut b);
    assert!(!prompts::both_opted_in(a.session()).unwrap());
    assert!(!prompts::both_opted_in(b.session()).unwrap());
}

#[test]
fn an_entry_keeps_its_link_to_a_revealed_answer_across_laptops() {
    let (mut a, mut b) = (Laptop::new(0), Laptop::new(0));
    let conn = a.session().conn();
    conn.execute(
        "INSERT INTO answers (prompt_id, prompt_text, answered_at, first_partner, first_answer, second_answer)
         VALUES ('dream-008', 'What does success look like?', '2026-12-05T10:00:00Z', 'a', 'Calm', 'Space')",
        [],
    )
    .unwrap();
    let answer = conn.last_insert_rowid();
    let draft = EntryDraft {
        answer_id: Some(answer),
        date: NaiveDate::from_ymd_opt(2026, 12, 5).unwrap(),
        ..EntryDraft::plain("About our answers")
    };
    let entry = journal::create(a.session(), Space::Shared, Partner::A, &draft).unwrap();
    settle(&mut a, &mut b);
    let here = journal::get(
        b.session(),
        Space::Shared,
        b.entry_id(&a.uid_of_entry(entry.id)),
    )
    .unwrap()
    .unwrap();
    let linked: String = b
        .session()
        .conn()
        .query_row(
            "SELECT first_answer FROM answers WHERE id = ?1",
            [here.answer_id.unwrap()],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(linked, "Calm");
    assert_eq!(a.dump(), b.dump());
}

/// The answer an entry links to, as `laptop` has it.
fn linked_answer(laptop: &Laptop, entry_uid: &str) -> Option<String> {
    let here = journal::get(laptop.session(), Space::Shared, laptop.entry_id(entry_uid))
        .unwrap()
        .unwrap();
    here.answer_id.map(|id| {
        laptop
            .session()
            .conn()
            .query_row(
                "SELECT first_answer FROM answers WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap()
    })
}

#[test]
fn a_link_that_arrives_before_its_row_waits_for_it_and_an_edit_meanwhile_keeps_it() {
    let (mut a, mut b, mut c) = (Laptop::new(0), Laptop::new(0), Laptop::new(0));
    a.session()
        .conn()
        .execute(
            "INSERT INTO answers (prompt_id, prompt_text, answered_at, first_partner, first_answer, second_answer)
             VALUES ('dream-008', 'What does success look like?', '2026-12-05T10:00:00Z', 'a', 'Calm', 'Space')",
            [],
        )
        .unwrap();
    let answer = a.session().conn().last_insert_rowid();
    let draft = EntryDraft {
        answer_id: Some(answer),
        ..EntryDraft::plain("About our answers")
    };
    let entry = journal::create(a.session(), Space::Shared, Partner::A, &draft).unwrap();
    let first = a.changes();
    // Every field of the answer is edited after the entry, so (as in a snapshot for a laptop that
    // joins late) what is left of the answer comes after the entry that links to it.
    a.session()
        .conn()
        .execute(
            "UPDATE answers SET prompt_id = 'dream-009', prompt_text = 'What does rest look like?',
               answered_at = '2026-12-05T11:00:00Z', first_partner = 'b',
               first_answer = 'Slow mornings', second_answer = 'A long walk'
             WHERE id = ?1",
            [answer],
        )
        .unwrap();
    let later = a.changes();
    let entry_ops: Vec<Op> = first
        .into_iter()
        .filter(|op| op.table != "answers")
        .collect();
    let uid = a.uid_of_entry(entry.id);

    // B: in one batch, the entry first.
    b.receive(&[entry_ops.clone(), later.clone()].concat());
    assert_eq!(linked_answer(&b, &uid).as_deref(), Some("Slow mornings"));

    // C: the entry in one segment and the answer in the next; meanwhile the entry is edited there.
    c.receive(&entry_ops);
    assert_eq!(linked_answer(&c, &uid), None);
    edit(
        &c,
        c.entry_id(&uid),
        "About our answers, and what came after",
    );
    let from_c = c.changes();
    assert!(
        from_c.iter().all(|op| op.field != "answer_id"),
        "the waiting link is not sent away: {from_c:?}"
    );
    c.receive(&later);
    assert_eq!(linked_answer(&c, &uid).as_deref(), Some("Slow mornings"));
    a.receive(&from_c);
    b.receive(&from_c);
    // The rows each laptop made when it was set up never travelled here; the linked pair did.
    let linked_pair = |laptop: &Laptop| -> Vec<store::RowDump> {
        let mut rows = laptop.dump();
        rows.retain(|row| row.table == "entries" || row.table == "answers");
        rows
    };
    assert_eq!(linked_pair(&a), linked_pair(&c));
    assert_eq!(linked_pair(&b), linked_pair(&c));
}

#[test]
fn every_shared_table_is_synced_or_said_to_stay_and_every_synced_one_is_marked() {
    use hearth_core::sync::tables::{STAYS, SYNCED};
    let a = Laptop::new(0);
    let conn = a.session().conn();
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM main.sqlite_master WHERE type = 'table'
               AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'sync_%' AND name NOT LIKE 'entries_fts%'",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for table in &tables {
        let synced = SYNCED.iter().any(|t| t.name == table);
        let stays = STAYS.iter().any(|(name, _)| name == table);
        assert!(synced != stays, "{table}: synced or stays, exactly one");
    }
    for table in SYNCED {
        let triggers: Vec<String> = conn
            .prepare("SELECT name FROM main.sqlite_master WHERE type = 'trigger' AND tbl_name = ?1 AND name LIKE 'sync_%' ORDER BY name")
            .unwrap()
            .query_map([table.name], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        // A table with links also lets go of the links its rows wait for when a row goes.
        let links_gone = (!table.links.is_empty()).then_some("links_gone");
        let mut expected: Vec<String> = ["delete", "insert", "update"]
            .into_iter()
            .chain(links_gone)
            .map(|what| format!("sync_{}_{what}", table.name))
            .collect();
        expected.sort();
        assert_eq!(triggers, expected);
        for link in table.links {
            assert!(
                SYNCED.iter().any(|t| t.name == link.table),
                "{}",
                link.table
            );
        }
    }
}

#[test]
fn turning_sync_on_sends_what_the_vault_already_holds() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = set_up_open(dir.path());
    let session = vault.session().unwrap();
    journal::create(
        session,
        Space::Shared,
        Partner::A,
        &EntryDraft::plain("Written before sync"),
    )
    .unwrap();
    let conn = session.conn();
    assert!(matches!(
        store::changes(conn, START_MS),
        Err(hearth_core::sync::SyncError::NotSetUp)
    ));
    let marked: i64 = conn
        .query_row("SELECT count(*) FROM sync_dirty", [], |r| r.get(0))
        .unwrap();
    assert_eq!(marked, 0, "nothing is marked before sync is on");
    store::start(conn, DeviceId::random()).unwrap();
    let ops = store::changes(conn, START_MS).unwrap();
    let values: Vec<&serde_json::Value> = ops.iter().map(|op| &op.value).collect();
    assert!(values.contains(&&serde_json::json!("Written before sync")));
    assert!(
        values.contains(&&serde_json::json!("Alex")),
        "the partners' names too"
    );
}

#[test]
fn schema_step_nine_keeps_every_row_and_marks_nothing_until_sync_is_on() {
    use hearth_core::vault::migrations::{self, SHARED};
    let mut conn = rusqlite::Connection::open_in_memory().unwrap();
    let file = std::path::Path::new("shared.db");
    migrations::migrate(&mut conn, file, &SHARED[..8]).unwrap();
    conn.execute_batch(
        "INSERT INTO partners VALUES ('a', 'Sam'), ('b', 'Alex');
         INSERT INTO entries (created_at, body) VALUES ('2026-11-01T08:00:00Z', 'Kept across step nine');",
    )
    .unwrap();
    // Steps nine (sync) and ten (whose laptop is which) together, as a vault from before sync
    // takes them.
    assert_eq!(
        migrations::migrate(&mut conn, file, SHARED).unwrap(),
        migrations::latest(SHARED)
    );
    conn.execute("UPDATE entries SET body = 'Edited after step nine'", [])
        .unwrap();
    let marked: i64 = conn
        .query_row("SELECT count(*) FROM sync_dirty", [], |r| r.get(0))
        .unwrap();
    assert_eq!(marked, 0);
    store::start(&conn, DeviceId::random()).unwrap();
    let ops = store::changes(&conn, START_MS).unwrap();
    assert!(ops
        .iter()
        .any(|op| op.value == serde_json::json!("Edited after step nine")));
    conn.execute("UPDATE entries SET title = 'Marked now'", [])
        .unwrap();
    let marked: i64 = conn
        .query_row("SELECT count(*) FROM sync_dirty", [], |r| r.get(0))
        .unwrap();
    assert_eq!(marked, 1, "with sync on, a change is marked");
    conn.execute(
        "INSERT INTO laptops VALUES ('0123456789abcdef0123456789abcdef', 'b')",
        [],
    )
    .unwrap();
    let marked: i64 = conn
        .query_row(
            "SELECT count(*) FROM sync_dirty WHERE tbl = 'laptops'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(marked, 1, "whose laptop is which travels too");
}

#[test]
fn schema_step_twelve_keeps_every_row_and_a_row_that_goes_takes_its_waiting_links() {
    use hearth_core::vault::migrations::{self, SHARED};
    let mut conn = rusqlite::Connection::open_in_memory().unwrap();
    let file = std::path::Path::new("shared.db");
    migrations::migrate(&mut conn, file, &SHARED[..11]).unwrap();
    conn.execute(
        "INSERT INTO entries (created_at, body) VALUES ('2026-12-05T10:00:00Z', 'Kept across step twelve')",
        [],
    )
    .unwrap();
    let entry = conn.last_insert_rowid();
    assert_eq!(
        migrations::migrate(&mut conn, file, &SHARED[..12]).unwrap(),
        12
    );
    let body: String = conn
        .query_row("SELECT body FROM entries WHERE id = ?1", [entry], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(body, "Kept across step twelve");
    store::waiting::wait(
        &conn,
        "entries",
        entry,
        "answer_id",
        "an-answer-not-here-yet",
    )
    .unwrap();
    assert_eq!(
        store::waiting::waiting_for(&conn, "an-answer-not-here-yet").unwrap(),
        [("entries".to_owned(), entry)]
    );
    conn.execute("DELETE FROM entries WHERE id = ?1", [entry])
        .unwrap();
    assert!(store::waiting::waiting_for(&conn, "an-answer-not-here-yet")
        .unwrap()
        .is_empty());
}
