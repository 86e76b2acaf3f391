//! How far a deal reaches. A date night's level (gentle, closer, deepest) sets the depths of its
//! cards; a sensual prompt's spice (mild, warm, hot) is dealt only up to the lower of the two
//! partners' own choices.

use serde::{Deserialize, Serialize};

use super::types::Depth;

/// The level a date night is dealt at, on top of its theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Gentle,
    #[default]
    Closer,
    Deepest,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Gentle, Level::Closer, Level::Deepest];

    pub fn key(self) -> &'static str {
        match self {
            Level::Gentle => "gentle",
            Level::Closer => "closer",
            Level::Deepest => "deepest",
        }
    }

    /// The depth each card of a three-card hand aims for, first to last: every level still rises.
    pub fn ramp(self) -> [Depth; 3] {
        match self {
            Level::Gentle => [Depth::Light, Depth::Light, Depth::Medium],
            Level::Closer => [Depth::Light, Depth::Medium, Depth::Deep],
            Level::Deepest => [Depth::Medium, Depth::Deep, Depth::Deep],
        }
    }

    /// Depths a hand at this level may hold at all: a gentle evening never turns deep, and the
    /// deepest never stays light.
    pub fn allows(self, depth: Depth) -> bool {
        match self {
            Level::Gentle => depth != Depth::Deep,
            Level::Closer => true,
            Level::Deepest => depth != Depth::Light,
        }
    }
}

/// How hot a sensual or sexual prompt runs. The order matters: a partner's choice admits every
/// level up to and including it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Spice {
    Mild,
    Warm,
    Hot,
}

impl Spice {
    pub const ALL: [Spice; 3] = [Spice::Mild, Spice::Warm, Spice::Hot];

    pub fn key(self) -> &'static str {
        match self {
            Spice::Mild => "mild",
            Spice::Warm => "warm",
            Spice::Hot => "hot",
        }
    }

    pub fn from_key(key: &str) -> Option<Spice> {
        Spice::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The one level ever shown: the lower of the two partners' choices.
    pub fn shared(a: Spice, b: Spice) -> Spice {
        a.min(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ramp_rises_and_stays_inside_its_level() {
        for level in Level::ALL {
            let ramp = level.ramp();
            assert!(ramp.windows(2).all(|w| w[0] <= w[1]), "{level:?}");
            assert!(ramp.iter().all(|&d| level.allows(d)), "{level:?}");
        }
    }

    #[test]
    fn the_shared_spice_is_the_lower_choice() {
        for a in Spice::ALL {
            for b in Spice::ALL {
                let shared = Spice::shared(a, b);
                assert!(shared <= a && shared <= b);
                assert!(shared == a || shared == b);
            }
        }
    }
}
