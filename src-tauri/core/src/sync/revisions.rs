//! What an edit made at the same time on the other laptop replaced. The last writer wins field by
//! field, but the version that lost is kept (see [`super::store::versions`]) and shown under its
//! row: "You both edited this: see Kai's version". Nothing is dropped silently.

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use serde_json::Value;

use super::store::{laptops, rows, versions};
use super::Result;
use crate::vault::{Partner, Vault};

/// One version of one field that lost to a concurrent edit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Revision {
    /// The row's number on this laptop.
    pub row: i64,
    pub field: String,
    /// Whose laptop wrote it, once the laptops are known by name.
    pub by: Option<Partner>,
    pub written_at: Option<DateTime<Utc>>,
    pub value: Value,
}

/// The fields of an entry a person writes. The others (when it was saved, a deletion's time) are
/// bookkeeping: both laptops change them at every edit, and a lost one says nothing to anyone.
const ENTRY_FIELDS: &[&str] = &["title", "body", "entry_date", "mood", "tags"];

/// The revisions of the shared entries, oldest first within each field.
pub fn of_entries(vault: &Vault) -> Result<Vec<Revision>> {
    of_table(vault.session()?.conn(), "entries", ENTRY_FIELDS)
}

/// The revisions of `fields` in every row of `table` that has any.
pub fn of_table(conn: &Connection, table: &str, fields: &[&str]) -> Result<Vec<Revision>> {
    // Only a field with two versions still holding a value can have lost one.
    let mut stmt = conn.prepare_cached(
        "SELECT uid, field FROM sync_versions WHERE tbl = ?1 AND value IS NOT NULL
         GROUP BY uid, field HAVING count(*) > 1 ORDER BY uid, field",
    )?;
    let candidates = stmt
        .query_map([table], |row| Ok((row.get::<_, String>(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<Vec<(String, String)>>>()?;
    let mut found = Vec::new();
    for (uid, field) in candidates {
        if !fields.contains(&field.as_str()) {
            continue;
        }
        let Some(row) = rows::local_of(conn, table, &uid)? else {
            continue;
        };
        for (stamp, value) in versions::revisions(conn, table, &uid, &field)? {
            found.push(Revision {
                row,
                field: field.clone(),
                by: laptops::owner(conn, stamp.device)?,
                written_at: i64::try_from(stamp.wall_ms)
                    .ok()
                    .and_then(DateTime::from_timestamp_millis),
                value,
            });
        }
    }
    Ok(found)
}
