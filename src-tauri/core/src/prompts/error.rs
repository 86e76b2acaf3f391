//! What can go wrong with prompts, in plain words.

use thiserror::Error;

use crate::vault::VaultError;

#[derive(Debug, Error)]
pub enum PromptsError {
    #[error("That prompt no longer exists.")]
    NotFound,
    #[error("{0}")]
    InvalidInput(String),
    #[error("Choose this on your own: only one of you should be unlocked for it.")]
    NotAlone,
    #[error("Hearth is locked. Unlock it first.")]
    Locked,
    #[error("The built-in prompt library is damaged ({0}). Reinstall Hearth.")]
    Library(String),
    #[error("Hearth could not read or write its storage: {0}")]
    Storage(#[from] rusqlite::Error),
    /// What the vault says (damage, a private space closed, …), kept as it is.
    #[error(transparent)]
    Vault(VaultError),
}

impl PromptsError {
    pub fn kind(&self) -> &'static str {
        match self {
            Self::NotFound => "not_found",
            Self::InvalidInput(_) => "invalid_input",
            Self::NotAlone => "not_alone",
            Self::Locked => "locked",
            Self::Library(_) => "library",
            Self::Storage(_) => "storage",
            Self::Vault(err) => err.kind(),
        }
    }
}

crate::vault::domain_error_from_vault!(PromptsError, PromptsError::Locked);

pub type Result<T, E = PromptsError> = std::result::Result<T, E>;
