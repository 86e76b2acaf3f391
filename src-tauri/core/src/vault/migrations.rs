//! Numbered schema migrations, one list per kind of vault. Each runs in its own transaction together
//! with the bump of `PRAGMA user_version`, so a crash leaves the schema at one numbered version or
//! the next. A file from a newer Hearth (a higher version than we know) is refused, not touched.
//!
//! File numbers and schema versions: each vault counts its own versions (`PRAGMA user_version`).
//! Files in `migrations/shared/` and `migrations/private/` belong to one vault, and their number is
//! that vault's version. Files in `migrations/entries/` are steps the journal's entry tables take in
//! both vaults; their number is the step's place in the entries' own history, not a version:
//!
//! | entries step                  | shared version                 | private version |
//! |-------------------------------|--------------------------------|-----------------|
//! | (the tables, in each `0001_init`) | 1                          | 1               |
//! | `0002_details_tags_search`    | 4 (with `shared/0004_journal`) | 2               |
//! | `0003_lookup_indexes`         | 6                              | 3               |
//! | `0004_milestones`             | 8 (with `shared/0008_rituals_and_story`) | 4     |

use std::path::Path;

use rusqlite::Connection;

use super::error::{Result, VaultError};
use super::types::Space;

pub struct Migration {
    pub version: u32,
    pub name: &'static str,
    pub sql: &'static str,
}

/// A migration file's text, by its path under `migrations/`.
macro_rules! sql {
    ($path:literal) => {
        include_str!(concat!("../../migrations/", $path))
    };
}

const fn step(version: u32, name: &'static str, sql: &'static str) -> Migration {
    Migration { version, name, sql }
}

pub const SHARED: &[Migration] = &[
    step(
        1,
        "partners, settings, entries",
        sql!("shared/0001_init.sql"),
    ),
    step(
        2,
        "prompts, discussions, consent, answers",
        sql!("shared/0002_prompts.sql"),
    ),
    step(
        3,
        "reminders, together-times",
        sql!("shared/0003_reminders.sql"),
    ),
    step(
        4,
        "journal entries: details, tags, full-text index; appreciation notes",
        concat!(
            sql!("entries/0002_details_tags_search.sql"),
            sql!("shared/0004_journal.sql")
        ),
    ),
    step(
        5,
        "check-ins, repair agreements",
        sql!("shared/0005_checkins.sql"),
    ),
    step(6, ENTRY_INDEXES, sql!("entries/0003_lookup_indexes.sql")),
    step(
        7,
        "prompt library format 2: quick choices, wildcards, marks; sightings, spice, love maps, date plans",
        sql!("shared/0007_fresh_prompts.sql"),
    ),
    step(
        8,
        "milestones; stress talks, appreciation exchanges, care profiles, dreams",
        concat!(
            sql!("entries/0004_milestones.sql"),
            sql!("shared/0008_rituals_and_story.sql")
        ),
    ),
    step(
        9,
        "sync between two laptops: changed rows, versions, uids, deletions",
        sql!("shared/0009_sync.sql"),
    ),
    step(10, "whose laptop is which", sql!("shared/0010_laptops.sql")),
    step(
        11,
        "the couple's own prompts, marks and come-back window travel; forgotten laptops",
        sql!("shared/0011_couples_prompts_and_forgetting.sql"),
    ),
    step(
        12,
        "a link that names a row not here yet waits for it",
        sql!("shared/0012_links_that_wait.sql"),
    ),
    step(
        13,
        "how far the other laptop had read when last heard from",
        sql!("shared/0013_heard_through.sql"),
    ),
];

pub const PRIVATE: &[Migration] = &[
    step(1, "entries", sql!("private/0001_init.sql")),
    step(
        2,
        ENTRY_DETAILS,
        sql!("entries/0002_details_tags_search.sql"),
    ),
    step(3, ENTRY_INDEXES, sql!("entries/0003_lookup_indexes.sql")),
    step(4, MILESTONES, sql!("entries/0004_milestones.sql")),
];

const ENTRY_DETAILS: &str = "journal entries: details, tags, full-text index";
const MILESTONES: &str = "milestones of the couple's story";
const ENTRY_INDEXES: &str = "journal entries: indexes for erasing and for tags by entry";

pub fn for_space(space: Space) -> &'static [Migration] {
    match space {
        Space::Shared => SHARED,
        Space::Private(_) => PRIVATE,
    }
}

pub fn latest(migrations: &[Migration]) -> u32 {
    migrations.last().map_or(0, |m| m.version)
}

pub fn current_version(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
}

/// Brings the database on `conn` (as `main`) up to the newest version in `migrations`.
pub fn migrate(conn: &mut Connection, file: &Path, migrations: &[Migration]) -> Result<u32> {
    let current = current_version(conn)?;
    let supported = latest(migrations);
    if current > supported {
        return Err(VaultError::FormatTooNew {
            file: file.to_path_buf(),
            found: current,
            supported,
        });
    }
    for migration in migrations.iter().filter(|m| m.version > current) {
        let tx = conn.transaction()?;
        tx.execute_batch(migration.sql)?;
        tx.pragma_update(None, "user_version", migration.version)?;
        tx.commit()?;
    }
    Ok(supported)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_numbered_from_one_without_gaps() {
        for list in [SHARED, PRIVATE] {
            for (index, migration) in list.iter().enumerate() {
                assert_eq!(migration.version as usize, index + 1, "{}", migration.name);
            }
        }
    }

    #[test]
    fn fresh_database_reaches_latest_and_rerun_is_a_no_op() {
        let mut conn = Connection::open_in_memory().unwrap();
        assert_eq!(
            migrate(&mut conn, Path::new("x"), SHARED).unwrap(),
            latest(SHARED)
        );
        assert_eq!(current_version(&conn).unwrap(), latest(SHARED));
        conn.execute("INSERT INTO partners VALUES ('a', 'Sam')", [])
            .unwrap();
        migrate(&mut conn, Path::new("x"), SHARED).unwrap();
        let name: String = conn
            .query_row("SELECT display_name FROM partners", [], |r| r.get(0))
            .unwrap();
        assert_eq!(name, "Sam");
    }

    #[test]
    fn a_later_migration_keeps_existing_rows_and_indexes_them() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, Path::new("x"), &PRIVATE[..1]).unwrap();
        conn.execute(
            "INSERT INTO entries (created_at, body) VALUES ('2026-01-01T10:00:00Z', 'kept from before')",
            [],
        )
        .unwrap();
        assert_eq!(
            migrate(&mut conn, Path::new("x"), PRIVATE).unwrap(),
            latest(PRIVATE)
        );
        let (body, title, date): (String, String, String) = conn
            .query_row("SELECT body, title, entry_date FROM entries", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .unwrap();
        assert_eq!(
            (body.as_str(), title.as_str(), date.as_str()),
            ("kept from before", "", "2026-01-01")
        );
        let found: i64 = conn
            .query_row(
                "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH 'kep*'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(found, 1, "rows from before are in the new index");
    }

    #[test]
    fn erasing_and_autosave_look_up_rows_by_index_not_by_reading_every_row() {
        let plan = |conn: &Connection, sql: &str| -> Vec<String> {
            let mut statement = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
            // Any parameter is left NULL: the plan does not depend on it.
            let nulls = vec![rusqlite::types::Null; statement.parameter_count()];
            statement
                .query_map(rusqlite::params_from_iter(nulls), |r| r.get::<_, String>(3))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        for list in [SHARED, PRIVATE] {
            let mut conn = Connection::open_in_memory().unwrap();
            migrate(&mut conn, Path::new("x"), list).unwrap();
            // The very condition the journal erases with, with and without a cutoff.
            let erase = plan(
                &conn,
                &format!(
                    "DELETE FROM entries WHERE {}",
                    crate::journal::store::DELETED_BEFORE
                ),
            );
            assert!(
                erase.iter().any(|s| s.contains("entries_deleted")),
                "{erase:?}"
            );
            let retag = plan(&conn, "DELETE FROM entry_tags WHERE entry_id = 7");
            assert!(
                retag.iter().any(|s| s.contains("entry_tags_by_entry")),
                "{retag:?}"
            );
        }
    }

    #[test]
    fn a_newer_database_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        let err = migrate(&mut conn, Path::new("shared.db"), SHARED).unwrap_err();
        assert!(matches!(
            err,
            VaultError::FormatTooNew { found: 99, supported, .. } if supported == latest(SHARED)
        ));
    }

    #[test]
    fn check_ins_arrive_beside_existing_rows_and_keep_ratings_in_range() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, Path::new("shared.db"), &SHARED[..4]).unwrap();
        conn.execute(
            "INSERT INTO appreciation_notes (author, body, created_at) VALUES ('a', 'kept', 'now')",
            [],
        )
        .unwrap();
        assert_eq!(
            migrate(&mut conn, Path::new("shared.db"), SHARED).unwrap(),
            latest(SHARED)
        );
        let kept: String = conn
            .query_row("SELECT body FROM appreciation_notes", [], |r| r.get(0))
            .unwrap();
        assert_eq!(kept, "kept");
        let insert = |rating: i64| {
            conn.execute(
                "INSERT INTO checkin_answers (week, partner, love, vulnerability, trust, commitment, answered_at)
                 VALUES ('2026-W47', 'a', ?1, 3, 3, 3, 'now')",
                [rating],
            )
        };
        assert!(
            insert(6).is_err(),
            "a rating above 5 is refused by the schema too"
        );
        assert!(insert(0).is_err());
        insert(5).unwrap();
        assert!(insert(4).is_err(), "one answer per partner and week");
    }
}
