//! What can go wrong with check-ins, reflections and agreements, in plain words.

use thiserror::Error;

use crate::journal::JournalError;
use crate::vault::VaultError;

#[derive(Debug, Error)]
pub enum CheckinError {
    #[error("Unlock as yourself first: each of you answers in your own unlock.")]
    Locked,
    #[error("Answer on your own: lock, then unlock only as yourself, so your answers stay yours until you have both answered.")]
    NotAlone,
    #[error("{0}")]
    InvalidInput(String),
    #[error("This week's answers are already shown side by side, so they stay as they are.")]
    AlreadyRevealed,
    #[error("Hearth could not read or write its storage: {0}")]
    Storage(#[from] rusqlite::Error),
    #[error("{0}")]
    Journal(#[from] JournalError),
    /// What the vault says (damage, a private space closed, …), kept as it is.
    #[error(transparent)]
    Vault(VaultError),
}

impl CheckinError {
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Locked => "locked",
            Self::NotAlone => "not_alone",
            Self::InvalidInput(_) => "invalid_input",
            Self::AlreadyRevealed => "already_revealed",
            Self::Storage(_) => "storage",
            Self::Journal(inner) => inner.kind(),
            Self::Vault(inner) => inner.kind(),
        }
    }
}

crate::vault::domain_error_from_vault!(CheckinError, CheckinError::Locked);

pub type Result<T, E = CheckinError> = std::result::Result<T, E>;
