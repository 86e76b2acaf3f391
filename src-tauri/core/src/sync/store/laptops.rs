//! Whose laptop is which (`laptops`, a synced table): the laptop that joins writes its own row and
//! the inviting laptop's, and both laptops read them to put a name to a device, as in "Kai's
//! laptop" and "Kai's version".
//!
//! A laptop that no longer syncs (one replaced by a new laptop) is forgotten
//! (`forgotten_laptops`, synced too, so both laptops stop at once): its segments are no longer
//! read, and its acknowledgements no longer waited for, so what both remaining laptops have read
//! is cleared again.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use crate::sync::{DeviceId, Result};
use crate::vault::Partner;

/// Says that `device` is `partner`'s laptop.
pub fn record(conn: &Connection, device: DeviceId, partner: Partner) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO laptops (device, partner) VALUES (?1, ?2)
         ON CONFLICT (device) DO UPDATE SET partner = excluded.partner
         WHERE partner IS NOT excluded.partner",
    )?
    .execute(params![device.to_string(), partner.letter()])?;
    Ok(())
}

/// Whose laptop `device` is, once the joining laptop has said.
pub fn owner(conn: &Connection, device: DeviceId) -> Result<Option<Partner>> {
    let letter: Option<String> = conn
        .prepare_cached("SELECT partner FROM laptops WHERE device = ?1")?
        .query_row([device.to_string()], |row| row.get(0))
        .optional()?;
    Ok(letter.as_deref().and_then(Partner::parse))
}

/// Forgets `device` from `now` on.
pub fn forget(conn: &Connection, device: DeviceId, now: DateTime<Utc>) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO forgotten_laptops (device, forgotten_at) VALUES (?1, ?2)",
    )?
    .execute(params![device.to_string(), now.to_rfc3339()])?;
    Ok(())
}

/// Whether `device` was forgotten, here or on the other laptop.
pub fn is_forgotten(conn: &Connection, device: DeviceId) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM forgotten_laptops WHERE device = ?1")?
        .query_row([device.to_string()], |_| Ok(()))
        .optional()?
        .is_some())
}
