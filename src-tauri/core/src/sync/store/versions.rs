//! Every version of each synced field, kept in `sync_versions`: the rule of [`crate::sync::merge`]
//! in SQL. The current value is the latest stamp; a version some other version names as its base
//! was replaced on purpose and keeps only its stamp; every other one lost to a concurrent edit and
//! is a revision, unless it says the same as the current one. A deleted row keeps no versions, only its uid in `sync_deleted`.

use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;

use super::rows::Fields;
use crate::sync::ops::Op;
use crate::sync::{Result, Stamp, SyncError};

/// Adds the version an operation carries; one already seen changes nothing. Returns whether it
/// was new.
pub fn add(conn: &Connection, op: &Op) -> Result<bool> {
    let added = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO sync_versions (tbl, uid, field, stamp, base, value)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            op.table,
            op.row,
            op.field,
            op.stamp.to_key(),
            op.base.map(|b| b.to_key()),
            op.value.to_string()
        ])?;
    if added == 1 {
        conn.prepare_cached(
            "UPDATE sync_versions SET value = NULL
             WHERE tbl = ?1 AND uid = ?2 AND field = ?3 AND stamp = ?4 AND stamp < ?5",
        )?
        .execute(params![
            op.table,
            op.row,
            op.field,
            op.base.map(|b| b.to_key()),
            op.stamp.to_key()
        ])?;
        replaced_already(conn, op)?;
    }
    Ok(added == 1)
}

/// A version that arrives after the edit written on top of it was replaced before it came. (A base
/// counts only when it is older than the version naming it, as the clock makes every honest one.)
fn replaced_already(conn: &Connection, op: &Op) -> Result<()> {
    conn.prepare_cached(
        "UPDATE sync_versions SET value = NULL
         WHERE tbl = ?1 AND uid = ?2 AND field = ?3 AND stamp = ?4
           AND EXISTS (SELECT 1 FROM sync_versions
                       WHERE tbl = ?1 AND uid = ?2 AND field = ?3 AND base = ?4
                         AND stamp > ?4)",
    )?
    .execute(params![op.table, op.row, op.field, op.stamp.to_key()])?;
    Ok(())
}

/// The current version of one field, if it has any.
pub fn current(
    conn: &Connection,
    table: &str,
    uid: &str,
    field: &str,
) -> Result<Option<(Stamp, Value)>> {
    let found: Option<(String, Option<String>)> = conn
        .prepare_cached(
            "SELECT stamp, value FROM sync_versions WHERE tbl = ?1 AND uid = ?2 AND field = ?3
             ORDER BY stamp DESC LIMIT 1",
        )?
        .query_row(params![table, uid, field], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .optional()?;
    found
        .map(|(stamp, value)| stored(&stamp, value))
        .transpose()
}

/// Every field's current value, for writing the row.
pub fn currents(conn: &Connection, table: &str, uid: &str) -> Result<Fields> {
    let mut stmt = conn.prepare_cached(
        "SELECT field, stamp, value FROM sync_versions v WHERE tbl = ?1 AND uid = ?2
           AND stamp = (SELECT max(stamp) FROM sync_versions
                        WHERE tbl = v.tbl AND uid = v.uid AND field = v.field)",
    )?;
    let rows = stmt.query_map(params![table, uid], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get(2)?,
        ))
    })?;
    let mut fields = Fields::new();
    for row in rows {
        let (field, stamp, value) = row?;
        fields.insert(field, stored(&stamp, value)?.1);
    }
    Ok(fields)
}

/// The versions of one field that lost to a concurrent edit, oldest first; one that says what
/// the current version says lost nothing and is not shown.
pub fn revisions(
    conn: &Connection,
    table: &str,
    uid: &str,
    field: &str,
) -> Result<Vec<(Stamp, Value)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT stamp, value FROM sync_versions WHERE tbl = ?1 AND uid = ?2 AND field = ?3
           AND value IS NOT NULL
           AND value IS NOT (SELECT value FROM sync_versions WHERE tbl = ?1 AND uid = ?2 AND field = ?3
                             ORDER BY stamp DESC LIMIT 1)
         ORDER BY stamp",
    )?;
    let rows = stmt.query_map(params![table, uid, field], |row| {
        Ok((row.get::<_, String>(0)?, row.get(1)?))
    })?;
    let mut found = Vec::new();
    for row in rows {
        let (stamp, value) = row?;
        found.push(stored(&stamp, value)?);
    }
    Ok(found)
}

/// Whether this row was deleted on either laptop.
pub fn is_deleted(conn: &Connection, table: &str, uid: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM sync_deleted WHERE tbl = ?1 AND uid = ?2")?
        .query_row(params![table, uid], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Keeps only that a row was deleted: its versions go, with `secure_delete` zeroing them.
pub fn mark_deleted(conn: &Connection, table: &str, uid: &str, stamp: Stamp) -> Result<()> {
    conn.prepare_cached("DELETE FROM sync_versions WHERE tbl = ?1 AND uid = ?2")?
        .execute(params![table, uid])?;
    conn.prepare_cached(
        "INSERT OR IGNORE INTO sync_deleted (tbl, uid, stamp) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![table, uid, stamp.to_key()])?;
    Ok(())
}

/// A stored stamp and value (JSON), as read from `sync_versions`.
pub(super) fn stored(stamp: &str, value: Option<String>) -> Result<(Stamp, Value)> {
    let stamp = Stamp::parse_key(stamp).ok_or(SyncError::Malformed)?;
    let value = match value {
        Some(text) => serde_json::from_str(&text).map_err(|_| SyncError::Malformed)?,
        None => Value::Null,
    };
    Ok((stamp, value))
}
