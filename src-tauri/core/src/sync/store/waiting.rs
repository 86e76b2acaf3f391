//! Links that wait for their row. Operations arrive segment by segment, so a received row can link
//! to a row this laptop does not have yet (see migration 12). The link column then holds nothing,
//! and the uid it names waits in `sync_waiting_links` until that row is written; the linking row is
//! then written again, and the link holds. Reading a row for sending or for a dump gives the
//! waiting uid back, so both laptops still show the same link and an edit here does not drop it.

use rusqlite::{params, Connection, OptionalExtension};

use crate::sync::Result;

/// Notes that `field` of this row names `target_uid`, which is not here yet.
pub fn wait(
    conn: &Connection,
    table: &str,
    local_id: i64,
    field: &str,
    target_uid: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO sync_waiting_links (tbl, local_id, field, target_uid)
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![table, local_id, field, target_uid])?;
    Ok(())
}

/// Forgets what this row waited for; called each time it is written.
pub fn clear(conn: &Connection, table: &str, local_id: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM sync_waiting_links WHERE tbl = ?1 AND local_id = ?2")?
        .execute(params![table, local_id])?;
    Ok(())
}

/// The uid `field` of this row waits for, if it waits.
pub fn waited_for(
    conn: &Connection,
    table: &str,
    local_id: i64,
    field: &str,
) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT target_uid FROM sync_waiting_links
             WHERE tbl = ?1 AND local_id = ?2 AND field = ?3",
        )?
        .query_row(params![table, local_id, field], |row| row.get(0))
        .optional()?)
}

/// The rows (table, rowid) that wait for the row with this uid.
pub fn waiting_for(conn: &Connection, target_uid: &str) -> Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT tbl, local_id FROM sync_waiting_links WHERE target_uid = ?1
         ORDER BY tbl, local_id",
    )?;
    let rows = stmt.query_map([target_uid], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
