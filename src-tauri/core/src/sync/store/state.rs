//! This laptop's sync state in the shared vault: its device id, whether changes are being marked,
//! and its clock, which must never run backwards across restarts.

use rusqlite::{params, Connection, OptionalExtension};

use crate::sync::{Clock, DeviceId, Result, Stamp, SyncError};

/// Turns sync on for this laptop as `device`: from now on every change to a synced table is
/// marked, and every row already there is marked too, so the other laptop receives all of it.
pub fn start(conn: &Connection, device: DeviceId) -> Result<()> {
    let tx = conn.unchecked_transaction()?;
    tx.execute(
        "UPDATE sync_state SET device = ?1, capturing = 1 WHERE id = 1",
        [device.to_string()],
    )?;
    for table in crate::sync::tables::SYNCED {
        tx.execute(
            &format!(
                "INSERT OR IGNORE INTO sync_dirty (tbl, local_id) SELECT ?1, rowid FROM main.{}",
                table.name
            ),
            [table.name],
        )?;
    }
    tx.commit()?;
    Ok(())
}

/// This laptop's device id, once sync is set up.
pub fn device(conn: &Connection) -> Result<Option<DeviceId>> {
    let text: Option<String> = conn
        .query_row("SELECT device FROM sync_state WHERE id = 1", [], |row| {
            row.get(0)
        })
        .optional()?
        .flatten();
    Ok(text.as_deref().and_then(DeviceId::parse))
}

/// The clock, resumed from the latest stamp it gave or saw.
pub fn clock(conn: &Connection) -> Result<Clock> {
    let device = device(conn)?.ok_or(SyncError::NotSetUp)?;
    let latest: Option<String> = conn.query_row(
        "SELECT last_stamp FROM sync_state WHERE id = 1",
        [],
        |row| row.get(0),
    )?;
    Ok(match latest.as_deref().and_then(Stamp::parse_key) {
        Some(latest) => Clock::resume(device, latest),
        None => Clock::new(device),
    })
}

pub fn save_clock(conn: &Connection, clock: &Clock) -> Result<()> {
    conn.execute(
        "UPDATE sync_state SET last_stamp = ?1 WHERE id = 1",
        params![clock.latest().to_key()],
    )?;
    Ok(())
}

/// Stops marking changes while received operations are written, so they are not sent back;
/// returns whether marking was on, for [`resume_marking`].
pub fn pause_marking(conn: &Connection) -> Result<bool> {
    let on: bool = conn.query_row("SELECT capturing FROM sync_state WHERE id = 1", [], |row| {
        row.get(0)
    })?;
    conn.execute("UPDATE sync_state SET capturing = 0 WHERE id = 1", [])?;
    Ok(on)
}

pub fn resume_marking(conn: &Connection, was_on: bool) -> Result<()> {
    conn.execute(
        "UPDATE sync_state SET capturing = ?1 WHERE id = 1",
        [i64::from(was_on)],
    )?;
    Ok(())
}
