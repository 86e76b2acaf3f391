//! The partners' names. They are checked at setup and kept only inside the shared vault, so after
//! a restart the lock screen shows none; an unlock reads them back.

use rusqlite::Connection;

use super::error::{Result, VaultError};
use super::session::Session;
use super::types::Partner;

pub const MAX_NAME_CHARS: usize = 40;

/// Both names, A's first, as the shared vault holds them.
pub fn names(session: &Session) -> Result<[String; 2]> {
    let name = |who: Partner| -> Result<String> {
        Ok(session.conn().query_row(
            "SELECT display_name FROM main.partners WHERE id = ?1",
            [who.letter()],
            |row| row.get(0),
        )?)
    };
    Ok([name(Partner::A)?, name(Partner::B)?])
}

/// Stores both names, A's first, in a new shared vault.
pub(crate) fn write(shared: &Connection, names: &[String; 2]) -> Result<()> {
    for (who, name) in Partner::BOTH.into_iter().zip(names) {
        shared.execute(
            "INSERT INTO partners (id, display_name) VALUES (?1, ?2)",
            (who.letter(), name),
        )?;
    }
    Ok(())
}

/// A name as typed at setup, trimmed and checked.
pub(crate) fn clean(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(VaultError::InvalidInput(
            "Each of you needs a name, even a nickname.".into(),
        ));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(VaultError::InvalidInput(format!(
            "Names can be up to {MAX_NAME_CHARS} characters."
        )));
    }
    if name.chars().any(char::is_control) {
        return Err(VaultError::InvalidInput(
            "Names can't contain control characters.".into(),
        ));
    }
    Ok(name.to_string())
}
