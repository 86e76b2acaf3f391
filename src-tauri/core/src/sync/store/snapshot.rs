//! A snapshot for a laptop that joins late: everything this laptop knows of the shared space, put
//! in the outbox as operations under their original stamps. The segments that first carried it
//! may have been cleared long ago (delete means delete), so the laptop that joins starts reading
//! at the segments that carry the snapshot instead.
//!
//! It is made of the versions that still hold a value (each field's current one, and every
//! revision, so "You both edited this" survives) and of every deletion, so a row deleted here
//! cannot come back from an older laptop's segments. Versions a later edit replaced are left out:
//! nothing would show them. Applying a snapshot to a laptop that has seen it all changes nothing.

use rusqlite::Connection;
use serde_json::Value;

use super::{outbox, versions};
use crate::sync::ops::{Op, DELETED};
use crate::sync::{Result, Stamp, SyncError};

/// Puts the snapshot in the outbox; returns how many operations it holds.
pub fn put(conn: &Connection) -> Result<usize> {
    let tx = conn.unchecked_transaction()?;
    let mut ops = versions(&tx)?;
    ops.extend(deletions(&tx)?);
    for op in &ops {
        outbox::put(&tx, op)?;
    }
    tx.commit()?;
    Ok(ops.len())
}

fn versions(conn: &Connection) -> Result<Vec<Op>> {
    let mut stmt = conn.prepare(
        "SELECT tbl, uid, field, stamp, base, value FROM sync_versions WHERE value IS NOT NULL",
    )?;
    let rows = stmt.query_map([], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, String>(3)?,
            row.get::<_, Option<String>>(4)?,
            row.get::<_, String>(5)?,
        ))
    })?;
    let mut ops = Vec::new();
    for row in rows {
        let (table, uid, field, stamp, base, value) = row?;
        let (stamp, value) = versions::stored(&stamp, Some(value))?;
        ops.push(Op {
            stamp,
            base: base.as_deref().map(stamp_of).transpose()?,
            table,
            row: uid,
            field,
            value,
        });
    }
    Ok(ops)
}

fn deletions(conn: &Connection) -> Result<Vec<Op>> {
    let mut stmt = conn.prepare("SELECT tbl, uid, stamp FROM sync_deleted")?;
    let rows = stmt.query_map([], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
        ))
    })?;
    let mut ops = Vec::new();
    for row in rows {
        let (table, uid, stamp) = row?;
        ops.push(Op {
            stamp: stamp_of(&stamp)?,
            base: None,
            table,
            row: uid,
            field: DELETED.to_owned(),
            value: Value::Null,
        });
    }
    Ok(ops)
}

fn stamp_of(key: &str) -> Result<Stamp> {
    Stamp::parse_key(key).ok_or(SyncError::Malformed)
}
