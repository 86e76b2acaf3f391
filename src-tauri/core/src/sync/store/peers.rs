//! The other laptop as this one knows it (`sync_peers`), and this laptop's own place in its
//! mailbox (`sync_state`): where reading goes on from, how far it was acknowledged, when it was
//! last heard from, and why reading stopped.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::sync::mailbox::Cursor;
use crate::sync::{DeviceId, Result};
use crate::vault::Partner;

/// Why reading a laptop's segments stopped, as the Sync screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Stopped {
    /// Segment `seq` did not pass its check; nothing from it on was applied.
    Quarantined { seq: u64, reason: String },
    /// Segment `seq` differs from the one applied under that number.
    Forked { seq: u64 },
}

/// One other laptop.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Peer {
    pub device: String,
    /// Whose laptop it is, once the joining laptop has said (see [`super::laptops`]).
    pub owner: Option<Partner>,
    /// How many of its segments this laptop has applied.
    pub applied: u64,
    pub last_heard: Option<DateTime<Utc>>,
    pub stopped: Option<Stopped>,
}

/// Every laptop this one has read from or been paired with, but for those forgotten.
pub fn list(conn: &Connection) -> Result<Vec<Peer>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.device, l.partner, p.next_seq, p.last_heard, p.stopped
         FROM sync_peers p LEFT JOIN laptops l ON l.device = p.device
         WHERE p.device NOT IN (SELECT device FROM forgotten_laptops)
         ORDER BY p.device",
    )?;
    let rows = stmt.query_map([], |row| {
        let stopped: Option<String> = row.get(4)?;
        Ok(Peer {
            device: row.get(0)?,
            owner: row
                .get::<_, Option<String>>(1)?
                .as_deref()
                .and_then(Partner::parse),
            applied: from_sql(row.get(2)?).saturating_sub(1),
            last_heard: row.get(3)?,
            stopped: stopped.and_then(|text| serde_json::from_str(&text).ok()),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Makes sure a laptop found in the mailbox is known, without touching one already known.
pub fn know(conn: &Connection, device: DeviceId) -> Result<()> {
    conn.prepare_cached("INSERT OR IGNORE INTO sync_peers (device) VALUES (?1)")?
        .execute([device.to_string()])?;
    Ok(())
}

/// Reading `device`'s segments starts at `cursor`: where its pairing file said, for a laptop that
/// joins after the first segments were cleared.
pub fn start_at(conn: &Connection, device: DeviceId, cursor: Cursor) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO sync_peers (device, next_seq, last_hash) VALUES (?1, ?2, ?3)
         ON CONFLICT (device) DO UPDATE SET next_seq = excluded.next_seq,
                                            last_hash = excluded.last_hash",
    )?
    .execute(params![
        device.to_string(),
        to_sql(cursor.next),
        cursor.prev.to_vec()
    ])?;
    Ok(())
}

/// Notes every laptop known now as known before the pairing file just written.
pub fn mark_before_pairing(conn: &Connection) -> Result<()> {
    conn.execute("UPDATE sync_peers SET before_pairing = 1", [])?;
    Ok(())
}

/// Whether `device` was known before this laptop's latest pairing file was written.
pub fn before_pairing(conn: &Connection, device: DeviceId) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT before_pairing FROM sync_peers WHERE device = ?1")?
        .query_row([device.to_string()], |row| row.get(0))
        .optional()?
        .unwrap_or(false))
}

/// Where reading `device`'s segments goes on from.
pub fn cursor(conn: &Connection, device: DeviceId) -> Result<Cursor> {
    let found: Option<(i64, Option<Vec<u8>>)> = conn
        .prepare_cached("SELECT next_seq, last_hash FROM sync_peers WHERE device = ?1")?
        .query_row([device.to_string()], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    Ok(to_cursor(found))
}

/// Segment `cursor.next - 1` of `device` was applied, now.
pub fn advance(
    conn: &Connection,
    device: DeviceId,
    cursor: Cursor,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE sync_peers SET next_seq = ?2, last_hash = ?3, last_heard = ?4, stopped = NULL
         WHERE device = ?1",
    )?
    .execute(params![
        device.to_string(),
        to_sql(cursor.next),
        cursor.prev.to_vec(),
        now
    ])?;
    Ok(())
}

/// `device` says it has read this laptop's segments through `through`: heard from now, if that is
/// news. The same acknowledgement read again writes nothing.
pub fn heard(conn: &Connection, device: DeviceId, through: u64, now: DateTime<Utc>) -> Result<()> {
    conn.prepare_cached(
        "UPDATE sync_peers SET last_heard = ?3, heard_through = ?2
         WHERE device = ?1 AND heard_through IS NOT ?2",
    )?
    .execute(params![device.to_string(), to_sql(through), now])?;
    Ok(())
}

/// Records why reading `device` stopped (`None`: it did not); unchanged, it writes nothing.
pub fn stop(conn: &Connection, device: DeviceId, stopped: Option<&Stopped>) -> Result<()> {
    let text = stopped.and_then(|s| serde_json::to_string(s).ok());
    conn.prepare_cached(
        "UPDATE sync_peers SET stopped = ?2 WHERE device = ?1 AND stopped IS NOT ?2",
    )?
    .execute(params![device.to_string(), text])?;
    Ok(())
}

/// How far this laptop last told `device` it had read; `acknowledged` records a new telling.
pub fn acked(conn: &Connection, device: DeviceId) -> Result<u64> {
    Ok(conn
        .prepare_cached("SELECT acked FROM sync_peers WHERE device = ?1")?
        .query_row([device.to_string()], |row| row.get(0))
        .optional()?
        .map_or(0, from_sql))
}

pub fn acknowledged(conn: &Connection, device: DeviceId, through: u64) -> Result<()> {
    conn.prepare_cached("UPDATE sync_peers SET acked = ?2 WHERE device = ?1")?
        .execute(params![device.to_string(), to_sql(through)])?;
    Ok(())
}

/// Where this laptop's own mailbox stands: the next number to write, the hash of the last.
pub fn own(conn: &Connection) -> Result<Cursor> {
    let found = conn
        .prepare_cached("SELECT next_seq, last_hash FROM sync_state WHERE id = 1")?
        .query_row([], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    Ok(to_cursor(found))
}

pub fn advance_own(conn: &Connection, cursor: Cursor) -> Result<()> {
    conn.prepare_cached("UPDATE sync_state SET next_seq = ?1, last_hash = ?2 WHERE id = 1")?
        .execute(params![to_sql(cursor.next), cursor.prev.to_vec()])?;
    Ok(())
}

/// Segment numbers are stored as SQLite integers; none comes near 2^63.
fn to_sql(seq: u64) -> i64 {
    i64::try_from(seq).unwrap_or(i64::MAX)
}

fn from_sql(seq: i64) -> u64 {
    u64::try_from(seq).unwrap_or(0)
}

fn to_cursor(found: Option<(i64, Option<Vec<u8>>)>) -> Cursor {
    let Some((next, hash)) = found else {
        return Cursor::default();
    };
    let next = from_sql(next).max(1);
    let prev = hash
        .and_then(|bytes| <[u8; 32]>::try_from(bytes.as_slice()).ok())
        .unwrap_or([0; 32]);
    Cursor { next, prev }
}
