//! Turning this laptop's changes into operations: every row marked since the last send is read and
//! compared with the versions already known, and each field that differs becomes one operation,
//! stamped now and written on top of the version this laptop had. A marked row that is gone
//! becomes one deletion. The versions are recorded, and the operations put in the outbox
//! (`sync_outbox`), in the same transaction: an operation is never made twice, and none is lost
//! before a segment carries it.

use rusqlite::Connection;

use super::rows::{self, Fields};
use super::{state, versions};
use crate::sync::ops::{Op, DELETED};
use crate::sync::tables::{self, RowKey, Synced};
use crate::sync::{Clock, Result, SyncError};

/// The operations for everything changed here since the last call, in stamp order.
pub fn changes(conn: &Connection, wall_ms: u64) -> Result<Vec<Op>> {
    if state::device(conn)?.is_none() {
        return Err(SyncError::NotSetUp);
    }
    if !anything_marked(conn)? {
        // Nothing changed here: no transaction, so a pass that finds nothing writes nothing.
        return Ok(Vec::new());
    }
    let tx = conn.unchecked_transaction()?;
    let mut clock = state::clock(&tx)?;
    let marked: Vec<(String, i64)> = tx
        .prepare("SELECT tbl, local_id FROM sync_dirty ORDER BY tbl, local_id")?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut ops = Vec::new();
    for (name, local_id) in marked {
        if let Some(table) = tables::find(&name) {
            let mut making = Making {
                conn: &tx,
                clock: &mut clock,
                wall_ms,
                ops: &mut ops,
            };
            making.row(table, local_id)?;
        }
    }
    tx.execute("DELETE FROM sync_dirty", [])?;
    state::save_clock(&tx, &clock)?;
    tx.commit()?;
    Ok(ops)
}

fn anything_marked(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM sync_dirty)")?
        .query_row([], |row| row.get(0))?)
}

struct Making<'a> {
    conn: &'a Connection,
    clock: &'a mut Clock,
    wall_ms: u64,
    ops: &'a mut Vec<Op>,
}

impl Making<'_> {
    fn row(&mut self, table: &Synced, local_id: i64) -> Result<()> {
        let known = rows::uid_of(self.conn, table.name, local_id)?;
        let Some(mut fields) = rows::read(self.conn, table, local_id)? else {
            if let Some(uid) = known {
                self.delete(table, &uid)?;
            }
            return Ok(());
        };
        if !table.travels(&fields, known.is_some()) {
            return Ok(());
        }
        table.keep(&mut fields);
        let uid = match (table.key, known) {
            (RowKey::Natural(key), known) => {
                let uid = rows::natural_uid(key, &fields);
                // The number was taken again by another row (or the key changed): the old row
                // went, and this is a new one.
                if let Some(old) = known.filter(|old| *old != uid) {
                    self.delete(table, &old)?;
                }
                uid
            }
            (RowKey::Numbered, Some(uid)) => uid,
            (RowKey::Numbered, None) => rows::random_uid(),
        };
        if versions::is_deleted(self.conn, table.name, &uid)? {
            return Ok(());
        }
        rows::remember(self.conn, table.name, local_id, &uid)?;
        self.fields(table, &uid, fields)
    }

    fn fields(&mut self, table: &Synced, uid: &str, fields: Fields) -> Result<()> {
        for (field, value) in fields {
            let current = versions::current(self.conn, table.name, uid, &field)?;
            if current.as_ref().is_some_and(|(_, known)| *known == value) {
                continue;
            }
            let op = Op {
                stamp: self.clock.stamp(self.wall_ms),
                base: current.map(|(stamp, _)| stamp),
                table: table.name.to_owned(),
                row: uid.to_owned(),
                field,
                value,
            };
            self.keep(op)?;
        }
        Ok(())
    }

    fn delete(&mut self, table: &Synced, uid: &str) -> Result<()> {
        let op = Op {
            stamp: self.clock.stamp(self.wall_ms),
            base: None,
            table: table.name.to_owned(),
            row: uid.to_owned(),
            field: DELETED.to_owned(),
            value: serde_json::Value::Null,
        };
        versions::mark_deleted(self.conn, table.name, uid, op.stamp)?;
        rows::forget(self.conn, table.name, uid)?;
        self.keep(op)
    }

    fn keep(&mut self, op: Op) -> Result<()> {
        if !op.is_deletion() {
            versions::add(self.conn, &op)?;
        }
        super::outbox::put(self.conn, &op)?;
        self.ops.push(op);
        Ok(())
    }
}
