//! Applying the other laptop's operations to this laptop's shared vault, in one transaction and in
//! stamp order: each version is recorded once (a duplicate changes nothing), a deletion wins over
//! every edit of its row, and each touched row is then written with its fields' current values.
//! The full-text index follows through the entries' own triggers, and an entry's tags are made
//! again from its `tags` field. Marking is paused meanwhile, so nothing received is sent back.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::Connection;

use super::{rows, send, state, versions, waiting};
use crate::sync::ops::Op;
use crate::sync::tables::{self, Synced};
use crate::sync::Result;

/// What one call changed.
#[derive(Debug, Default, PartialEq)]
pub struct Applied {
    /// This laptop's own changes, taken before anything received was written: send these.
    pub to_send: Vec<Op>,
    /// Rows written or deleted here.
    pub rows_changed: usize,
    /// Rows whose received values this vault's rules refused (table, uid), left as they were.
    pub refused: Vec<(String, String)>,
}

/// Applies `received` (in any order, with duplicates) at the wall time `wall_ms`.
pub fn apply(conn: &Connection, received: &[Op], wall_ms: u64) -> Result<Applied> {
    let to_send = send::changes(conn, wall_ms)?;
    let tx = conn.unchecked_transaction()?;
    let marking = state::pause_marking(&tx)?;
    let mut clock = state::clock(&tx)?;
    let mut ops: Vec<&Op> = received.iter().collect();
    ops.sort_by_key(|op| op.stamp);
    // Each touched row, with the stamp of its first operation here, to write rows in that order.
    let mut touched: BTreeMap<(String, String), crate::sync::Stamp> = BTreeMap::new();
    let mut applied = Applied {
        to_send,
        ..Applied::default()
    };
    for op in ops {
        clock.observe(op.stamp, wall_ms);
        if versions::is_deleted(&tx, &op.table, &op.row)? {
            continue;
        }
        if op.is_deletion() {
            if let Some(table) = tables::find(&op.table) {
                rows::delete(&tx, table, &op.row)?;
            }
            versions::mark_deleted(&tx, &op.table, &op.row, op.stamp)?;
            touched.remove(&(op.table.clone(), op.row.clone()));
            applied.rows_changed += 1;
        } else if versions::add(&tx, op)? {
            touched
                .entry((op.table.clone(), op.row.clone()))
                .or_insert(op.stamp);
        }
    }
    let mut order: Vec<_> = touched.into_iter().collect();
    order.sort_by_key(|(_, first)| *first);
    let mut written = BTreeSet::new();
    for ((name, uid), _) in order {
        // A table this Hearth does not know keeps its versions, for a newer Hearth to write.
        let Some(table) = tables::find(&name) else {
            continue;
        };
        if write_row(&tx, table, &uid)? {
            written.insert((name, uid));
        } else {
            applied.refused.push((name, uid));
        }
    }
    write_waiting(&tx, &mut written, &mut applied.refused)?;
    applied.rows_changed += written.len();
    state::save_clock(&tx, &clock)?;
    state::resume_marking(&tx, marking)?;
    tx.commit()?;
    Ok(applied)
}

/// Writes again each row that waited for a row just written, so that its link now holds: the
/// row it names may have come later in this batch, or in a later segment.
fn write_waiting(
    conn: &Connection,
    written: &mut BTreeSet<(String, String)>,
    refused: &mut Vec<(String, String)>,
) -> Result<()> {
    let mut again = BTreeSet::new();
    for (_, uid) in written.iter() {
        again.extend(waiting::waiting_for(conn, uid)?);
    }
    for (name, local_id) in again {
        let (Some(table), Some(uid)) = (tables::find(&name), rows::uid_of(conn, &name, local_id)?)
        else {
            continue;
        };
        if write_row(conn, table, &uid)? {
            written.insert((name, uid));
        } else {
            refused.push((name, uid));
        }
    }
    Ok(())
}

/// Writes one row with its current values, inside a savepoint: a row this vault's rules refuse
/// (a check, a unique key) is left as it was, and the rest still applies.
fn write_row(conn: &Connection, table: &Synced, uid: &str) -> Result<bool> {
    let fields = versions::currents(conn, table.name, uid)?;
    if !table.travels(&fields, true) {
        // A row of this laptop's own (a setting that is not the couple's) is never written.
        return Ok(false);
    }
    conn.execute_batch("SAVEPOINT sync_row")?;
    let written = rows::write(conn, table, uid, &fields).and_then(|local_id| {
        if table.name == "entries" {
            crate::journal::store::retag(conn, local_id)?;
        }
        Ok(())
    });
    match written {
        Ok(()) => {
            conn.execute_batch("RELEASE sync_row")?;
            Ok(true)
        }
        Err(crate::sync::SyncError::Storage(err)) if is_refusal(&err) => {
            conn.execute_batch("ROLLBACK TO sync_row; RELEASE sync_row")?;
            Ok(false)
        }
        Err(err) => Err(err),
    }
}

fn is_refusal(err: &rusqlite::Error) -> bool {
    err.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation)
}
