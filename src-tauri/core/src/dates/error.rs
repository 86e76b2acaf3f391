//! What can go wrong with date ideas and plans, in plain words.

use thiserror::Error;

use crate::reminders::ReminderError;
use crate::vault::VaultError;

#[derive(Debug, Error)]
pub enum DatesError {
    #[error("That date idea or plan no longer exists.")]
    NotFound,
    #[error("{0}")]
    InvalidInput(String),
    #[error("The built-in date ideas are damaged ({0}). Reinstall Hearth.")]
    Library(String),
    /// The reminder a plan makes was refused (a bad time zone, say), as the reminders say it.
    #[error(transparent)]
    Reminder(#[from] ReminderError),
    #[error("Hearth could not read or write its storage: {0}")]
    Storage(#[from] rusqlite::Error),
    #[error("Hearth is locked. Unlock it first.")]
    Locked,
    /// What the vault says (damage, …), kept as it is.
    #[error(transparent)]
    Vault(VaultError),
}

impl DatesError {
    pub fn kind(&self) -> &'static str {
        match self {
            Self::NotFound => "not_found",
            Self::InvalidInput(_) => "invalid_input",
            Self::Library(_) => "library",
            Self::Reminder(err) => err.kind(),
            Self::Storage(_) => "storage",
            Self::Locked => "locked",
            Self::Vault(err) => err.kind(),
        }
    }
}

crate::vault::domain_error_from_vault!(DatesError, DatesError::Locked);

pub type Result<T, E = DatesError> = std::result::Result<T, E>;
