//! Operations made here that no segment carries yet, oldest first. The mailbox writes them into
//! this laptop's next segments; only once a segment is on disk do they leave the outbox.

use rusqlite::{params, Connection};

use crate::sync::ops::Op;
use crate::sync::{Result, SyncError};

pub fn put(conn: &Connection, op: &Op) -> Result<()> {
    let text = serde_json::to_string(op).map_err(|_| SyncError::Malformed)?;
    conn.prepare_cached("INSERT OR IGNORE INTO sync_outbox (stamp, op) VALUES (?1, ?2)")?
        .execute(params![op.stamp.to_key(), text])?;
    Ok(())
}

/// Everything waiting, in stamp order.
pub fn waiting(conn: &Connection) -> Result<Vec<Op>> {
    let mut stmt = conn.prepare_cached("SELECT op FROM sync_outbox ORDER BY stamp")?;
    let texts = stmt.query_map([], |row| row.get::<_, String>(0))?;
    let mut ops = Vec::new();
    for text in texts {
        ops.push(serde_json::from_str(&text?).map_err(|_| SyncError::Malformed)?);
    }
    Ok(ops)
}

/// Takes out the operations a written segment carries.
pub fn sent(conn: &Connection, ops: &[Op]) -> Result<()> {
    let mut stmt = conn.prepare_cached("DELETE FROM sync_outbox WHERE stamp = ?1")?;
    for op in ops {
        stmt.execute([op.stamp.to_key()])?;
    }
    Ok(())
}
