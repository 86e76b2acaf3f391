//! The one shape every command error takes across IPC: `{ "kind": ..., "message": ... }`. The kind is
//! for code and tests; the message is plain words the UI shows as they are.

use hearth_core::checkins::CheckinError;
use hearth_core::dates::DatesError;
use hearth_core::journal::JournalError;
use hearth_core::prompts::PromptsError;
use hearth_core::reminders::ReminderError;
use hearth_core::rituals::RitualsError;
use hearth_core::story::StoryError;
use hearth_core::sync::SyncError;
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

    /// A desktop feature this build or session does not have (the IPC tests run without plugins).
    pub fn unavailable(what: &str) -> Self {
        CommandError {
            kind: "unavailable".into(),
            message: format!("{what} isn't available in this session of Hearth."),
        }
    }
}

/// Every core domain error knows its kind and its plain message; each converts the same way.
macro_rules! from_domain_errors {
    ($($error:ty),+ $(,)?) => {$(
        impl From<$error> for CommandError {
            fn from(err: $error) -> Self {
                CommandError {
                    kind: err.kind().into(),
                    message: err.to_string(),
                }
            }
        }
    )+};
}

from_domain_errors!(
    VaultError,
    JournalError,
    PromptsError,
    ReminderError,
    CheckinError,
    DatesError,
    RitualsError,
    StoryError,
    SyncError
);

pub type CommandResult<T> = Result<T, CommandError>;
