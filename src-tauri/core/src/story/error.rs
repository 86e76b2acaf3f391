//! What can go wrong with milestones, dreams and the timeline, in plain words.

use thiserror::Error;

use crate::prompts::PromptsError;
use crate::reminders::ReminderError;
use crate::vault::VaultError;

#[derive(Debug, Error)]
pub enum StoryError {
    #[error("That milestone or dream is no longer there.")]
    NotFound,
    #[error("{0}")]
    InvalidInput(String),
    #[error("A private milestone cannot become a reminder: reminders are shared, and its title would show in the list. Make it a shared milestone first.")]
    PrivateReminder,
    /// The reminder an anniversary makes was refused, as the reminders say it.
    #[error(transparent)]
    Reminder(#[from] ReminderError),
    /// What the prompts say, reading past answers for "on this day".
    #[error(transparent)]
    Prompts(#[from] PromptsError),
    #[error("Hearth could not read or write its storage: {0}")]
    Storage(#[from] rusqlite::Error),
    #[error("That space is locked. Unlock it to read or write there.")]
    Locked,
    /// What the vault says (a private space closed, damage, …), kept as it is.
    #[error(transparent)]
    Vault(VaultError),
}

impl StoryError {
    pub fn kind(&self) -> &'static str {
        match self {
            Self::NotFound => "not_found",
            Self::InvalidInput(_) => "invalid_input",
            Self::PrivateReminder => "private_reminder",
            Self::Reminder(err) => err.kind(),
            Self::Prompts(err) => err.kind(),
            Self::Storage(_) => "storage",
            Self::Locked => "locked",
            Self::Vault(err) => err.kind(),
        }
    }
}

crate::vault::domain_error_from_vault!(StoryError, StoryError::Locked);

pub type Result<T, E = StoryError> = std::result::Result<T, E>;

/// A line of the couple's text, checked by the one rule in `text.rs`.
pub(crate) fn line(text: &str, max: usize, what: &str, required: bool) -> Result<String> {
    crate::text::one_line(text, max, what, required).map_err(StoryError::InvalidInput)
}
