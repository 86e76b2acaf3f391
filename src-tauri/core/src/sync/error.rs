//! What can go wrong while syncing, in plain words. A segment that fails a check is never applied:
//! the error says why, and the reader quarantines it.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum SyncError {
    /// The segment's bytes are not a Hearth segment, or are cut short.
    #[error("A file in the sync folder is not a Hearth sync file, or it was cut short. It was set aside and nothing in it was used.")]
    Malformed,
    /// Written by a newer Hearth.
    #[error("A file in the sync folder was written by a newer Hearth (format {0}). Update Hearth on this laptop to read it.")]
    NewerFormat(u8),
    /// The header names another vault, device or number than where the file sits.
    #[error("A file in the sync folder does not belong where it was found. It was set aside and nothing in it was used.")]
    Misplaced,
    /// The authentication tag did not match: the file was changed, or sealed with another key.
    #[error("A file in the sync folder did not pass its integrity check: it was changed, or it comes from another couple's space. It was set aside and nothing in it was used.")]
    Tampered,
    /// A segment follows another than the one applied before it: two histories under one device.
    #[error("The other laptop's sync files disagree with what this laptop already has from it. Nothing more from it was used; see the Sync screen.")]
    Forked,
    /// The body is larger than a segment may be.
    #[error("There is too much to send in one sync file.")]
    TooLarge,
    #[error("Hearth could not read or write the sync folder: {0}")]
    Io(#[from] std::io::Error),
    /// This laptop's sync records in the shared vault could not be read or written.
    #[error("Hearth could not read or write this laptop's sync records: {0}")]
    Storage(#[from] rusqlite::Error),
    /// A typed pairing code that is not a code, or that does not open the pairing file.
    #[error("That code does not open the pairing file. Check it against the code on the other laptop's screen.")]
    PairingCode,
    /// The folder chosen for sync is not there (a drive not mounted, a folder moved).
    #[error("The sync folder {} is not there. Is the drive connected, or was the folder moved?", .0.display())]
    FolderMissing(std::path::PathBuf),
    /// No pairing file in the folder.
    #[error("There is no pairing file in that folder yet. Start pairing on the other laptop, and wait until your sync tool has carried the file here.")]
    NoPairingFile,
    /// Joining or reading the vault went wrong.
    #[error(transparent)]
    Vault(#[from] crate::vault::VaultError),
    /// Sync has not been set up on this laptop yet.
    #[error("Sync is not set up on this laptop yet.")]
    NotSetUp,
    /// Asked to forget a laptop that is not another laptop of this couple's.
    #[error("That is not one of the other laptops this one syncs with.")]
    UnknownLaptop,
}

impl SyncError {
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Malformed => "sync_malformed",
            Self::NewerFormat(_) => "sync_newer_format",
            Self::Misplaced => "sync_misplaced",
            Self::Tampered => "sync_tampered",
            Self::Forked => "sync_forked",
            Self::TooLarge => "sync_too_large",
            Self::Io(_) | Self::Storage(_) => "storage",
            Self::NotSetUp => "sync_not_set_up",
            Self::PairingCode => "sync_pairing_code",
            Self::FolderMissing(_) => "sync_folder_missing",
            Self::NoPairingFile => "sync_no_pairing_file",
            Self::UnknownLaptop => "sync_unknown_laptop",
            Self::Vault(err) => err.kind(),
        }
    }
}
