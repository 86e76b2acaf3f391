//! What can go wrong with entries, in plain words.

use thiserror::Error;

use crate::vault::VaultError;

#[derive(Debug, Error)]
pub enum JournalError {
    #[error("That space is locked. Unlock it to read or write its entries.")]
    SpaceLocked,
    #[error("That entry is too long to save (over 10 MB). Split it into shorter entries.")]
    TooLong,
    #[error("{0}")]
    InvalidInput(String),
    #[error("That entry no longer exists.")]
    NotFound,
    #[error("Hearth could not read or write its storage: {0}")]
    Storage(#[from] rusqlite::Error),
    /// What the vault says (who may read or change a space, damage, …), kept as it is.
    #[error(transparent)]
    Vault(VaultError),
}

impl JournalError {
    pub fn kind(&self) -> &'static str {
        match self {
            Self::SpaceLocked => "locked",
            Self::TooLong => "too_long",
            Self::InvalidInput(_) => "invalid_input",
            Self::NotFound => "not_found",
            Self::Storage(_) => "storage",
            Self::Vault(err) => err.kind(),
        }
    }
}

crate::vault::domain_error_from_vault!(JournalError, JournalError::SpaceLocked);

pub type Result<T, E = JournalError> = std::result::Result<T, E>;
