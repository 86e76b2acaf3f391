//! What the UI may know of the vault: its state and, once someone has unlocked, the partners,
//! who is unlocked and whose private space can be read now.

use serde::Serialize;

use super::keys::ResetNotice;
use super::types::{Partner, Space};
use super::{index, Result, Vault};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    NeedsSetup,
    Locked,
    Unlocked,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartnerStatus {
    pub id: Partner,
    pub name: String,
    pub unlocked: bool,
    /// Whether this partner's private space can be read now: unlocked alone, or opened with their
    /// passphrase while the two sit together.
    pub private_open: bool,
    /// Whether this partner's passphrase opens Hearth on this laptop: on a laptop that joined
    /// through sync, only the partner who joined has one here.
    pub can_unlock_here: bool,
}

/// What the UI may show. `partners` is empty after a restart until someone unlocks: the names live
/// only inside the shared vault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Status {
    pub state: State,
    pub partners: Vec<PartnerStatus>,
    /// Whether the lock screen offers to set a new passphrase with the recovery code: on a laptop
    /// that joined through sync, where no other partner can unlock to lend the shared key.
    pub recovers_at_lock_screen: bool,
    /// Only in the answer to an unlock: this partner's passphrase was reset with their recovery
    /// code since they last unlocked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reset_notice: Option<ResetNotice>,
}

impl Vault {
    pub fn status(&self) -> Status {
        let state = if self.session.is_some() {
            State::Unlocked
        } else if self.is_set_up() {
            State::Locked
        } else {
            State::NeedsSetup
        };
        let session = self.session.as_ref();
        let partners = match &self.names {
            Some(names) => Partner::BOTH
                .into_iter()
                .map(|id| PartnerStatus {
                    id,
                    name: names[index(id)].clone(),
                    unlocked: session.is_some_and(|s| s.is_open(Space::Private(id))),
                    private_open: session.is_some_and(|s| s.private_readable(id)),
                    can_unlock_here: self.passphrases_here[index(id)],
                })
                .collect(),
            None => Vec::new(),
        };
        Status {
            state,
            partners,
            recovers_at_lock_screen: self.recovers_at_lock_screen(),
            reset_notice: None,
        }
    }

    /// The status as `who` arrives, with the reset notice they are owed, if any.
    pub(super) fn status_for_arrival(&self, who: Partner) -> Result<Status> {
        let mut status = self.status();
        status.reset_notice = self.take_reset_notice(who)?;
        Ok(status)
    }

    pub(super) fn unlocked_names(&self) -> String {
        self.status()
            .partners
            .iter()
            .filter(|p| p.unlocked)
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(" and ")
    }
}
