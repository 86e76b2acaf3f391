//! The shared vault's side of sync: which rows changed here ([`send`]), writing what the other
//! laptop sent ([`apply`]), every version of every field ([`versions`]), rows as fields under the
//! uids both laptops share ([`rows`]), this laptop's device id and clock ([`state`]), whose
//! laptop is which and which are forgotten ([`laptops`]), and everything known at once for a
//! laptop that joins late ([`snapshot`]), and links that wait for the row they name ([`waiting`]).
//!
//! Sending must come before writing what was received, or a change made here would be compared
//! with values it never saw; [`apply`] therefore takes this laptop's changes first and hands them
//! back to be sent.

pub mod apply;
pub mod laptops;
pub mod outbox;
pub mod peers;
pub mod rows;
pub mod send;
pub mod snapshot;
pub mod state;
pub mod versions;
pub mod waiting;

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde_json::Value;

pub use apply::{apply, Applied};
pub use rows::Fields;
pub use send::changes;
pub use state::start;

use super::tables::SYNCED;
use super::Result;

/// One synced row as this laptop shows it: its uid, its fields (links as uids), and for each field
/// the versions that lost to a concurrent edit.
#[derive(Debug, Clone, PartialEq)]
pub struct RowDump {
    pub table: &'static str,
    pub uid: String,
    pub fields: Fields,
    pub revisions: BTreeMap<String, Vec<Value>>,
}

/// Every synced row that travels, as it travels, in a stable order: two laptops that have seen the
/// same operations give the same dump. A row that has never been sent has no uid yet and shows as `unsent:<rowid>`.
pub fn dump(conn: &Connection) -> Result<Vec<RowDump>> {
    let mut dumped = Vec::new();
    for table in SYNCED {
        let ids: Vec<i64> = conn
            .prepare(&format!("SELECT rowid FROM main.{}", table.name))?
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for local_id in ids {
            let known = rows::uid_of(conn, table.name, local_id)?;
            let Some(mut fields) = rows::read(conn, table, local_id)? else {
                continue;
            };
            if !table.travels(&fields, known.is_some()) {
                continue;
            }
            table.keep(&mut fields);
            let uid = known.unwrap_or_else(|| format!("unsent:{local_id}"));
            let mut revisions = BTreeMap::new();
            for field in fields.keys() {
                let lost = versions::revisions(conn, table.name, &uid, field)?;
                if !lost.is_empty() {
                    revisions.insert(field.clone(), lost.into_iter().map(|(_, v)| v).collect());
                }
            }
            dumped.push(RowDump {
                table: table.name,
                uid,
                fields,
                revisions,
            });
        }
    }
    dumped.sort_by(|a, b| (a.table, &a.uid).cmp(&(b.table, &b.uid)));
    Ok(dumped)
}
