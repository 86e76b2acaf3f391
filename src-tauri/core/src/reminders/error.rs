//! What can go wrong with reminders, in plain words.

use thiserror::Error;

use crate::vault::VaultError;

#[derive(Debug, Error)]
pub enum ReminderError {
    #[error("That repeat rule isn't one Hearth understands: {0}")]
    InvalidRule(String),
    #[error("\"{0}\" isn't a time zone Hearth knows. Pick one from the list.")]
    UnknownZone(String),
    #[error("{0}")]
    InvalidInput(String),
    #[error("That reminder no longer exists.")]
    NotFound,
    #[error("Hearth could not read or write its storage: {0}")]
    Storage(#[from] rusqlite::Error),
    #[error("Hearth couldn't write its reminder list: {0}")]
    Io(#[from] std::io::Error),
    /// What the vault says (locked, damaged, …), kept as it is.
    #[error(transparent)]
    Vault(#[from] VaultError),
}

impl ReminderError {
    pub fn kind(&self) -> &'static str {
        match self {
            Self::InvalidRule(_) => "invalid_rule",
            Self::UnknownZone(_) => "unknown_zone",
            Self::InvalidInput(_) => "invalid_input",
            Self::NotFound => "not_found",
            Self::Storage(_) => "storage",
            Self::Io(_) => "io",
            Self::Vault(err) => err.kind(),
        }
    }
}

pub type Result<T, E = ReminderError> = std::result::Result<T, E>;
