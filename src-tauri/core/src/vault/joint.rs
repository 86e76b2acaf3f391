//! Sitting together: what a joint session (both partners unlocked at one screen) may read.
//!
//! A joint session exists for what is meant for two. It is not a way for one partner to browse the
//! other's private space, so while both are unlocked neither private space can be read, listed,
//! searched or written until its owner opens it with their passphrase on the spot. An opened space
//! closes again when the owner closes it (the journal does so when its screen is left) or after
//! [`OPEN_FOR`] without use. Taking something out of a private space, or moving or deleting from
//! it, needs the owner's passphrase at that moment ([`Openings::confirmed`]); opening it earlier
//! is not enough.
//!
//! A partner unlocked alone reads their own private space as before.

use std::cell::Cell;
use std::collections::HashMap;
use std::time::Duration;

use super::clock::SharedClock;
use super::types::Partner;

/// How long an opened private space stays open without being used.
pub const OPEN_FOR: Duration = Duration::from_secs(5 * 60);

/// The private spaces opened during a joint session, each until a time on the boot clock, and the
/// partner who confirmed the action running right now, if any.
pub(crate) struct Openings {
    clock: SharedClock,
    until: HashMap<Partner, Cell<Duration>>,
    confirmed: Cell<Option<Partner>>,
}

impl Openings {
    pub(crate) fn new(clock: SharedClock) -> Self {
        Openings {
            clock,
            until: HashMap::new(),
            confirmed: Cell::new(None),
        }
    }

    pub(crate) fn open(&mut self, owner: Partner) {
        let until = self.clock.read().boot + OPEN_FOR;
        self.until.insert(owner, Cell::new(until));
    }

    pub(crate) fn close(&mut self, owner: Partner) {
        self.until.remove(&owner);
    }

    pub(crate) fn close_all(&mut self) {
        self.until.clear();
    }

    /// Whether `owner` opened their space and has used it within [`OPEN_FOR`]. Each use keeps it
    /// open a little longer, so an entry being written does not close under its writer's hands.
    pub(crate) fn use_if_open(&self, owner: Partner) -> bool {
        let Some(until) = self.until.get(&owner) else {
            return false;
        };
        let now = self.clock.read().boot;
        if now >= until.get() {
            return false;
        }
        until.set(now + OPEN_FOR);
        true
    }

    /// Whether the open space is still open, without counting this as a use.
    pub(crate) fn is_open(&self, owner: Partner) -> bool {
        self.until
            .get(&owner)
            .is_some_and(|until| self.clock.read().boot < until.get())
    }

    pub(crate) fn confirmed(&self) -> Option<Partner> {
        self.confirmed.get()
    }

    /// Runs `job` with `owner`'s passphrase confirmed for it alone; the confirmation ends with it,
    /// even when `job` panics.
    pub(crate) fn with_confirmed<T>(&self, owner: Partner, job: impl FnOnce() -> T) -> T {
        struct Reset<'a>(&'a Cell<Option<Partner>>);
        impl Drop for Reset<'_> {
            fn drop(&mut self) {
                self.0.set(None);
            }
        }
        self.confirmed.set(Some(owner));
        let _reset = Reset(&self.confirmed);
        job()
    }
}
