//! Every domain error keeps the vault's cause: a locked space is said in the domain's own words,
//! and anything else (damage, a disk or database failure, a closed private space) keeps its kind
//! and its message, so a disk failure never reaches anyone as "locked".

use std::path::PathBuf;

use hearth_core::checkins::CheckinError;
use hearth_core::journal::JournalError;
use hearth_core::prompts::PromptsError;
use hearth_core::reminders::ReminderError;
use hearth_core::vault::VaultError;

/// The vault errors a domain can meet, each made afresh (they are not `Clone`).
fn vault_errors() -> Vec<fn() -> VaultError> {
    vec![
        || VaultError::Locked,
        || VaultError::PrivateClosed,
        || VaultError::OwnerMustConfirm,
        || VaultError::Damaged {
            file: PathBuf::from("shared.db"),
        },
        || VaultError::Io(std::io::Error::other("the disk is full")),
        || VaultError::Storage(rusqlite::Error::InvalidQuery),
    ]
}

/// (kind, message) of `err` as each domain reports it.
fn as_each_domain(err: fn() -> VaultError) -> Vec<(String, String)> {
    let kinds = [
        {
            let e = JournalError::from(err());
            (e.kind().to_string(), e.to_string())
        },
        {
            let e = CheckinError::from(err());
            (e.kind().to_string(), e.to_string())
        },
        {
            let e = PromptsError::from(err());
            (e.kind().to_string(), e.to_string())
        },
        {
            let e = ReminderError::from(err());
            (e.kind().to_string(), e.to_string())
        },
    ];
    kinds.to_vec()
}

#[test]
fn only_a_locked_vault_is_reported_as_locked() {
    for err in vault_errors() {
        let original = err();
        for (kind, message) in as_each_domain(err) {
            if matches!(original, VaultError::Locked) {
                assert_eq!(kind, "locked");
            } else {
                assert_ne!(kind, "locked", "{original:?} became locked: {message}");
                assert_eq!(kind, original.kind(), "{original:?}");
                assert_eq!(message, original.to_string(), "{original:?}");
            }
        }
    }
}
