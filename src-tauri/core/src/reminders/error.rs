//! What can go wrong with reminders, in plain words.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum ReminderError {
    #[error("That repeat rule isn't one Hearth understands: {0}")]
    InvalidRule(String),
    #[error("\"{0}\" isn't a time zone Hearth knows. Pick one from the list.")]
    UnknownZone(String),
    #[error("{0}")]
    InvalidInput(String),
}

impl ReminderError {
    pub fn kind(&self) -> &'static str {
        match self {
            Self::InvalidRule(_) => "invalid_rule",
            Self::UnknownZone(_) => "unknown_zone",
            Self::InvalidInput(_) => "invalid_input",
        }
    }
}

pub type Result<T, E = ReminderError> = std::result::Result<T, E>;
