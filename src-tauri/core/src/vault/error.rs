//! Everything that can go wrong while setting up, unlocking or changing a vault, in words a person
//! can act on. Each case is its own variant so the UI (and tests) can tell them apart.

use std::path::PathBuf;

use thiserror::Error;

#[derive(Debug, Error)]
pub enum VaultError {
    #[error("Hearth is already set up here. Nothing was changed.")]
    AlreadySetUp,
    #[error("Hearth isn't set up yet.")]
    NotSetUp,
    #[error("{0}")]
    InvalidInput(String),
    #[error("{reason}")]
    WeakPassphrase { reason: String },
    #[error("{}", wrong_passphrase_message(.who.as_deref()))]
    WrongPassphrase { who: Option<String> },
    #[error("That recovery code doesn't open {}'s private space. Check each group of letters.", .who)]
    WrongRecoveryCode { who: String },
    #[error("Too many tries. Wait {wait_secs} seconds, then try again.")]
    TooManyAttempts { wait_secs: u64 },
    #[error("Hearth is locked. Unlock it first.")]
    Locked,
    #[error(
        "This private space stays closed while you sit together. Its owner can open it with \
         their passphrase."
    )]
    PrivateClosed,
    #[error(
        "While you sit together, this needs the passphrase of the partner whose private space it \
         is."
    )]
    OwnerMustConfirm,
    #[error(
        "This shows a new recovery code, so do it while you are unlocked on your own. Nobody else \
         should see the code."
    )]
    NeedsToBeAlone,
    #[error("{} is already unlocked.", .who)]
    AlreadyUnlocked { who: String },
    #[error(
        "The vault file {} is damaged, so Hearth can't open it. It was left exactly as it was; \
         restore it from a backup.",
        .file.display()
    )]
    Damaged { file: PathBuf },
    #[error("The vault file {} is missing. Restore it from a backup.", .file.display())]
    VaultFileMissing { file: PathBuf },
    #[error(
        "The keyslots file {} is missing, so no passphrase can open the vaults. Restore it from a \
         backup.",
        .file.display()
    )]
    KeyslotsMissing { file: PathBuf },
    #[error(
        "The keyslots file {} is damaged ({detail}). It was left as it was; restore it from a backup.",
        .file.display()
    )]
    KeyslotsDamaged { file: PathBuf, detail: String },
    #[error(
        "{} was written by a newer Hearth (data format {found}; this one reads up to {supported}). \
         Update Hearth to open it.",
        .file.display()
    )]
    FormatTooNew {
        file: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("Hearth couldn't read or write its files: {0}")]
    Io(#[from] std::io::Error),
    #[error("Hearth could not read or write its storage: {0}")]
    Storage(#[from] rusqlite::Error),
    #[error("Encryption stopped unexpectedly. Nothing was changed.")]
    Crypto,
    #[error("That backup file is damaged ({detail}). Nothing was changed.")]
    BackupDamaged { detail: String },
    #[error("Hearth already holds a vault here. Restoring would replace it; confirm to go ahead.")]
    WouldReplace,
}

fn wrong_passphrase_message(who: Option<&str>) -> String {
    match who {
        Some(name) => format!("That passphrase doesn't open {name}'s space. Check Caps Lock."),
        None => "That passphrase doesn't open either space. Check Caps Lock.".to_string(),
    }
}

impl VaultError {
    /// A stable machine-readable name for the case, used by the UI and by tests.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::AlreadySetUp => "already_set_up",
            Self::NotSetUp => "not_set_up",
            Self::InvalidInput(_) => "invalid_input",
            Self::WeakPassphrase { .. } => "weak_passphrase",
            Self::WrongPassphrase { .. } => "wrong_passphrase",
            Self::WrongRecoveryCode { .. } => "wrong_recovery_code",
            Self::TooManyAttempts { .. } => "too_many_attempts",
            Self::Locked => "locked",
            Self::PrivateClosed => "private_closed",
            Self::OwnerMustConfirm => "owner_must_confirm",
            Self::NeedsToBeAlone => "needs_to_be_alone",
            Self::AlreadyUnlocked { .. } => "already_unlocked",
            Self::Damaged { .. } => "vault_damaged",
            Self::VaultFileMissing { .. } => "vault_file_missing",
            Self::KeyslotsMissing { .. } => "keyslots_missing",
            Self::KeyslotsDamaged { .. } => "keyslots_damaged",
            Self::FormatTooNew { .. } => "format_too_new",
            Self::Io(_) => "io",
            Self::Storage(_) => "storage",
            Self::Crypto => "crypto",
            Self::BackupDamaged { .. } => "backup_damaged",
            Self::WouldReplace => "would_replace",
        }
    }
}

pub type Result<T, E = VaultError> = std::result::Result<T, E>;

/// The one rule by which a domain's error takes a vault error: a locked vault in the domain's own
/// words (`$locked`), a database failure as the domain's `Storage`, and anything else whole, as its
/// `Vault` variant, so a disk error never reaches anyone as "locked".
macro_rules! domain_error_from_vault {
    ($domain:ident, $locked:expr) => {
        impl From<$crate::vault::VaultError> for $domain {
            fn from(err: $crate::vault::VaultError) -> Self {
                match err {
                    $crate::vault::VaultError::Locked => $locked,
                    $crate::vault::VaultError::Storage(err) => $domain::Storage(err),
                    other => $domain::Vault(other),
                }
            }
        }
    };
}
pub(crate) use domain_error_from_vault;
