//! What can go wrong with the rituals (appreciation, the care profile, the stress talk), in plain
//! words.

use thiserror::Error;

use crate::story::StoryError;
use crate::vault::VaultError;

#[derive(Debug, Error)]
pub enum RitualsError {
    #[error("Unlock as yourself first: each of you writes this in your own unlock.")]
    Locked,
    #[error("Write this on your own: lock, then unlock only as yourself, so it stays yours until you have both written.")]
    NotAlone,
    #[error("{0}")]
    InvalidInput(String),
    #[error("Nothing is waiting to be revealed yet: it opens once you have both written.")]
    NotReady,
    #[error("You have both written this time: reveal it together first, then start a new one.")]
    BothWritten,
    #[error("Hearth could not read or write its storage: {0}")]
    Storage(#[from] rusqlite::Error),
    #[error("The built-in gesture ideas are damaged ({0}). Reinstall Hearth.")]
    Library(String),
    /// What the story says, for Home's suggestion from this day in earlier years.
    #[error(transparent)]
    Story(#[from] StoryError),
    /// What the vault says (damage, …), kept as it is.
    #[error(transparent)]
    Vault(VaultError),
}

impl RitualsError {
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Locked => "locked",
            Self::NotAlone => "not_alone",
            Self::InvalidInput(_) => "invalid_input",
            Self::NotReady => "not_ready",
            Self::BothWritten => "both_written",
            Self::Storage(_) => "storage",
            Self::Library(_) => "library",
            Self::Story(err) => err.kind(),
            Self::Vault(err) => err.kind(),
        }
    }
}

crate::vault::domain_error_from_vault!(RitualsError, RitualsError::Locked);

pub type Result<T, E = RitualsError> = std::result::Result<T, E>;

/// A line of the couple's text, checked by the one rule in `text.rs`.
pub(crate) fn one_line(text: &str, max: usize, what: &str, required: bool) -> Result<String> {
    crate::text::one_line(text, max, what, required).map_err(RitualsError::InvalidInput)
}

/// The partner writing must be unlocked on their own, so that no one reads over their shoulder.
pub(crate) fn require_alone(
    session: &crate::vault::Session,
    who: crate::vault::Partner,
) -> Result<()> {
    match session.alone() {
        Some(only) if only == who => Ok(()),
        Some(_) => Err(RitualsError::Locked),
        None => Err(RitualsError::NotAlone),
    }
}
