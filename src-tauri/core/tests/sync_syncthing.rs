//! Two laptops on one machine, joined by two real Syncthing daemons on 127.0.0.1: each laptop's
//! vault syncs through its own copy of the folder, and only Syncthing carries files between them.
//! Scenarios of issue 16: an entry and a reminder cross; a concurrent edit keeps both versions; a
//! deleted entry leaves both vaults and both folders; a private marker never reaches either folder
//! nor the other laptop; the sexual-prompt gate opens with both opt-ins and closes with one
//! withdrawal.

mod common;
#[path = "../../../tests/support/syncthing.rs"]
mod syncthing;

use std::path::Path;
use std::time::{Duration, Instant};

use common::sync::SyncLaptop;
use common::*;
use hearth_core::journal::store as journal;
use hearth_core::journal::types::EntryDraft;
use hearth_core::prompts::store as prompts;
use hearth_core::sync::store::{self as sync_store, versions};
use hearth_core::vault::{Partner, Space};
use syncthing::SyncthingPair;

struct Couple {
    // Dropped first: the daemons stop before their folders go.
    daemons: SyncthingPair,
    a: SyncLaptop,
    b: SyncLaptop,
    _root: tempfile::TempDir,
}

impl Couple {
    fn start() -> Couple {
        let root = tempfile::tempdir().unwrap();
        let daemons = SyncthingPair::start(root.path());
        daemons.wait_connected(Duration::from_secs(60));
        let a = SyncLaptop::new(&daemons.a.folder);
        let b = SyncLaptop::new(&daemons.b.folder);
        Couple {
            daemons,
            a,
            b,
            _root: root,
        }
    }

    /// Runs passes on both laptops until `done` holds (Syncthing carries files in the meantime).
    fn until(&mut self, what: &str, done: impl Fn(&Couple) -> bool) {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(90) {
            self.a.pass();
            self.b.pass();
            if done(self) {
                return;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        panic!(
            "{what}: not within 90 s\n{}\n{}",
            self.daemons.a.log(),
            self.daemons.b.log()
        );
    }
}

fn segments_in(folder: &Path) -> usize {
    files_under(folder)
        .iter()
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("seg-"))
        })
        .count()
}

fn reminder_titles(laptop: &SyncLaptop) -> Vec<String> {
    hearth_core::reminders::store::list(laptop.session())
        .unwrap()
        .into_iter()
        .map(|r| r.title)
        .collect()
}

fn body_of(laptop: &SyncLaptop, uid: &str) -> Option<String> {
    let id = sync_store::rows::local_of(laptop.session().conn(), "entries", uid).unwrap()?;
    journal::get(laptop.session(), Space::Shared, id)
        .unwrap()
        .map(|e| e.body)
}

#[test]
fn two_laptops_converge_through_two_real_syncthing_daemons() {
    let mut couple = Couple::start();

    // 1. A writes a shared entry and a reminder; B sees both.
    let id = write_shared(couple.a.session(), "Picnic by the river");
    let title = common::sync::sunday_tea(couple.a.session());
    couple.until("the entry and the reminder reach B", |c| {
        c.b.bodies() == ["Picnic by the river"] && reminder_titles(&c.b) == [title.clone()]
    });
    let uid = sync_store::rows::uid_of(couple.a.session().conn(), "entries", id)
        .unwrap()
        .unwrap();

    // 2. Both edit it while apart: both versions survive, on both.
    let on_b = sync_store::rows::local_of(couple.b.session().conn(), "entries", &uid)
        .unwrap()
        .unwrap();
    let edit = |laptop: &SyncLaptop, id: i64, body: &str| edit_shared(laptop.session(), id, body);
    edit(&couple.a, id, "Picnic by the river, with lemonade");
    edit(&couple.b, on_b, "Picnic in the orchard");
    let revisions = |laptop: &SyncLaptop| {
        versions::revisions(laptop.session().conn(), "entries", &uid, "body")
            .unwrap()
            .len()
    };
    couple.until("both versions are on both laptops", |c| {
        body_of(&c.a, &uid) == body_of(&c.b, &uid) && revisions(&c.a) == 1 && revisions(&c.b) == 1
    });

    // 3. A deletes it: once both have acknowledged, it is gone from both vaults and both folders.
    journal::delete(couple.a.session(), Space::Shared, id, chrono::Utc::now()).unwrap();
    journal::erase_all_deleted(couple.a.session()).unwrap();
    couple.until("the entry is gone everywhere", |c| {
        c.a.bodies().is_empty()
            && c.b.bodies().is_empty()
            && segments_in(&c.daemons.a.folder) == 0
            && segments_in(&c.daemons.b.folder) == 0
    });
    for folder in [&couple.daemons.a.folder, &couple.daemons.b.folder] {
        for word in ["lemonade", "orchard", "Picnic"] {
            assert!(files_containing(folder, word).is_empty(), "{word}");
        }
    }

    // 4. A private marker written on A reaches neither folder nor B's disk.
    let marker = unique_marker("private");
    journal::create(
        couple.a.session(),
        Space::Private(Partner::A),
        Partner::A,
        &EntryDraft::plain(&marker),
    )
    .unwrap();
    let shared = unique_marker("shared");
    write_shared(couple.a.session(), &shared);
    couple.until("the shared marker reaches B", |c| {
        c.b.bodies().contains(&shared)
    });
    for place in [
        &couple.daemons.a.folder,
        &couple.daemons.b.folder,
        &couple.b.dir.path().to_owned(),
    ] {
        assert!(files_containing(place, &marker).is_empty(), "{place:?}");
    }

    // 5. The gate opens on both only once both opt-ins crossed, and closes on one withdrawal.
    unlock_alone(&mut couple.a.vault, Partner::A);
    unlock_alone(&mut couple.b.vault, Partner::B);
    let open = |laptop: &SyncLaptop| prompts::both_opted_in(laptop.session()).unwrap();
    prompts::set_consent(couple.a.session(), Partner::A, true).unwrap();
    couple.until("A's opt-in reaches B", |c| {
        c.b.session()
            .conn()
            .query_row(
                "SELECT opted_in FROM consent WHERE partner = 'a'",
                [],
                |r| r.get(0),
            )
            .unwrap_or(false)
    });
    assert!(
        !open(&couple.a) && !open(&couple.b),
        "one opt-in opens nothing"
    );
    prompts::set_consent(couple.b.session(), Partner::B, true).unwrap();
    couple.until("the gate opens on both", |c| open(&c.a) && open(&c.b));
    prompts::set_consent(couple.b.session(), Partner::B, false).unwrap();
    couple.until("the gate closes on both", |c| !open(&c.a) && !open(&c.b));
}
