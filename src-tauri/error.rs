//! The one shape every command error takes across IPC: `{ "kind": ..., "message": ... }`. The kind is
//! for code and tests; the message is plain words the UI shows as they are.

use hearth_core::journal::JournalError;
use hearth_core::prompts::PromptsError;
use hearth_core::reminders::ReminderError;
use hearth_core::vault::VaultError;
use serde::Serialize;

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct CommandError {
    pub kind: String,
    pub message: String,
}

impl CommandError {
    pub fn internal() -> Self {
        CommandError {
            kind: "internal".into(),
            message: "Something went wrong inside Hearth. Nothing was changed; try again.".into(),
        }
    }
}

impl From<VaultError> for CommandError {
    fn from(err: VaultError) -> Self {
        CommandError {
            kind: err.kind().into(),
            message: err.to_string(),
        }
    }
}

impl From<JournalError> for CommandError {
    fn from(err: JournalError) -> Self {
        CommandError {
            kind: err.kind().into(),
            message: err.to_string(),
        }
    }
}

impl From<PromptsError> for CommandError {
    fn from(err: PromptsError) -> Self {
        CommandError {
            kind: err.kind().into(),
            message: err.to_string(),
        }
    }
}

impl From<ReminderError> for CommandError {
    fn from(err: ReminderError) -> Self {
        CommandError {
            kind: err.kind().into(),
            message: err.to_string(),
        }
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
