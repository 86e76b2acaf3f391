//! When the housekeeping thread runs a sync pass, and how many it ran for each reason.
//!
//! A pass is due when something asked for one since the last (a vault command, which may have
//! changed the shared space; the folder watch, which saw the other laptop's files arrive), or when
//! a minute has gone by without one: the rescan that catches what a watch misses on network file
//! systems. Any other wake of the thread (auto-lock's deadline, an erase, a check's verdict) runs
//! none. The counts are what the tests and `make bench` read (through `sync_status`), so that "an
//! idle laptop runs one pass a minute" is counted, not guessed from timings.

use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::state::recover;

/// The minute's rescan: the longest a laptop with sync on goes without a pass.
pub const RESCAN: Duration = Duration::from_secs(60);
/// A wake this close to the rescan counts as it, so a sleep that ends a hair early costs no second
/// wake-up.
const EARLY: Duration = Duration::from_millis(500);

/// What asks for a pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    Command = 1,
    Folder = 2,
}

/// Why one pass is due: any of these may hold at once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Due {
    pub command: bool,
    pub folder: bool,
    pub rescan: bool,
}

/// Passes run since the app started, by what asked for each; a pass asked for twice counts under
/// both, so `passes` is the total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PassCounts {
    pub passes: u64,
    pub command: u64,
    pub folder: u64,
    pub rescan: u64,
}

#[derive(Default)]
pub struct SyncPasses {
    asked: AtomicU8,
    last: Mutex<Option<Instant>>,
    passes: AtomicU64,
    command: AtomicU64,
    folder: AtomicU64,
    rescan: AtomicU64,
}

impl SyncPasses {
    pub fn ask(&self, why: Ask) {
        self.asked.fetch_or(why as u8, Ordering::SeqCst);
    }

    /// Whether a pass is due at `now`, and why. Saying yes takes the asks it answers, and starts
    /// the next minute towards the rescan.
    pub fn take_due(&self, now: Instant) -> Option<Due> {
        let asked = self.asked.swap(0, Ordering::SeqCst);
        let due = Due {
            command: asked & Ask::Command as u8 != 0,
            folder: asked & Ask::Folder as u8 != 0,
            rescan: self.until_rescan(now) <= EARLY,
        };
        if due == Due::default() {
            return None;
        }
        *recover(&self.last, |_| {}) = Some(now);
        Some(due)
    }

    /// How long until the minute's rescan is due.
    pub fn until_rescan(&self, now: Instant) -> Duration {
        let last = *recover(&self.last, |_| {});
        last.map_or(Duration::ZERO, |last| {
            RESCAN.saturating_sub(now.saturating_duration_since(last))
        })
    }

    /// A pass ran for `due` (none runs while sync is not set up here).
    pub fn ran(&self, due: Due) {
        self.passes.fetch_add(1, Ordering::SeqCst);
        for (counter, why) in [
            (&self.command, due.command),
            (&self.folder, due.folder),
            (&self.rescan, due.rescan),
        ] {
            if why {
                counter.fetch_add(1, Ordering::SeqCst);
            }
        }
    }

    pub fn counts(&self) -> PassCounts {
        PassCounts {
            passes: self.passes.load(Ordering::SeqCst),
            command: self.command.load(Ordering::SeqCst),
            folder: self.folder.load(Ordering::SeqCst),
            rescan: self.rescan.load(Ordering::SeqCst),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_look_rescans_then_only_an_ask_or_the_minute_brings_a_pass() {
        let passes = SyncPasses::default();
        let start = Instant::now();
        let first = passes.take_due(start).unwrap();
        assert!(first.rescan);
        passes.ran(first);
        assert_eq!(passes.take_due(start + Duration::from_secs(30)), None);
        passes.ask(Ask::Folder);
        passes.ask(Ask::Folder);
        let woken = passes.take_due(start + Duration::from_secs(31)).unwrap();
        assert_eq!(
            woken,
            Due {
                folder: true,
                ..Due::default()
            }
        );
        passes.ran(woken);
        assert_eq!(passes.take_due(start + Duration::from_secs(32)), None);
        let later = start + Duration::from_secs(31) + RESCAN;
        assert_eq!(passes.until_rescan(later), Duration::ZERO);
        passes.ran(passes.take_due(later).unwrap());
        assert_eq!(
            passes.counts(),
            PassCounts {
                passes: 3,
                command: 0,
                folder: 1,
                rescan: 2
            }
        );
    }
}
