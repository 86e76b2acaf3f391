//! Whose laptop is which (`laptops`, a synced table): the laptop that joins writes its own row and
//! the inviting laptop's, and both laptops read them to put a name to a device, as in "Kai's
//! laptop" and "Kai's version".

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
