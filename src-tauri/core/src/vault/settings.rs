//! Settings that live inside the shared vault (so they are private too): the auto-lock idle time and
//! whether closing the window locks. The partners' names are in [`super::partners`]; the idle clock
//! that decides when auto-lock is due is in [`super::clock`].

use rusqlite::OptionalExtension;

use super::error::{Result, VaultError};
use super::session::Session;

pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 10;
pub const AUTO_LOCK_RANGE: std::ops::RangeInclusive<u32> = 1..=240;
const AUTO_LOCK_KEY: &str = "auto_lock_minutes";
const LOCK_ON_CLOSE_KEY: &str = "lock_on_close";

/// One value of the shared vault's key-value settings, for any domain that keeps a setting there.
pub fn read_value(session: &Session, key: &str) -> rusqlite::Result<Option<String>> {
    session
        .conn()
        .query_row(
            "SELECT value FROM main.settings WHERE key = ?1",
            [key],
            |row| row.get(0),
        )
        .optional()
}

pub fn write_value(session: &Session, key: &str, value: &str) -> rusqlite::Result<()> {
    session.conn().execute(
        "INSERT INTO main.settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )?;
    Ok(())
}

pub fn auto_lock_minutes(session: &Session) -> Result<u32> {
    Ok(read_value(session, AUTO_LOCK_KEY)?
        .and_then(|text| text.parse().ok())
        .filter(|minutes| AUTO_LOCK_RANGE.contains(minutes))
        .unwrap_or(DEFAULT_AUTO_LOCK_MINUTES))
}

/// Whether closing the window to the tray locks Hearth: on unless the couple turned it off.
pub fn lock_on_close(session: &Session) -> Result<bool> {
    Ok(read_value(session, LOCK_ON_CLOSE_KEY)?.as_deref() != Some("off"))
}

pub fn set_lock_on_close(session: &Session, on: bool) -> Result<()> {
    write_value(session, LOCK_ON_CLOSE_KEY, if on { "on" } else { "off" })?;
    Ok(())
}

pub fn set_auto_lock_minutes(session: &Session, minutes: u32) -> Result<()> {
    if !AUTO_LOCK_RANGE.contains(&minutes) {
        return Err(VaultError::InvalidInput(format!(
            "Auto-lock can be set from {} to {} minutes.",
            AUTO_LOCK_RANGE.start(),
            AUTO_LOCK_RANGE.end()
        )));
    }
    write_value(session, AUTO_LOCK_KEY, &minutes.to_string())?;
    Ok(())
}
