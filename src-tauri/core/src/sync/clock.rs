//! A hybrid logical clock: each operation is stamped with the wall time, a counter and the device
//! that wrote it, so that stamps order the same way on both laptops even when one laptop's clock is
//! a day off. A stamp is never behind any stamp its device has seen, so an edit made after reading
//! the other laptop's edit always wins over it, whatever the wall clocks say.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::vault::{crypto, hex};

/// One laptop's identity in the mailbox: random, made once, never secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DeviceId(pub [u8; 16]);

impl DeviceId {
    pub fn random() -> Self {
        let mut id = [0u8; 16];
        crypto::fill_random(&mut id);
        Self(id)
    }

    /// Reads the 32 hex digits [`DeviceId`]'s `Display` writes.
    pub fn parse(text: &str) -> Option<Self> {
        let bytes = hex::decode(text)?;
        Some(Self(bytes.try_into().ok()?))
    }
}

impl fmt::Display for DeviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex::encode(&self.0))
    }
}

/// When an operation was written. Stamps compare by wall time, then counter, then device, so two
/// devices never make equal stamps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Stamp {
    /// Milliseconds since the Unix epoch, as the writing laptop's clock (or a later stamp) said.
    pub wall_ms: u64,
    /// Orders stamps made within one millisecond, or behind a clock that ran ahead.
    pub counter: u32,
    pub device: DeviceId,
}

impl Stamp {
    /// A text form whose byte order is the stamps' order, for storing and sorting in SQL.
    pub fn to_key(&self) -> String {
        format!("{:016x}-{:08x}-{}", self.wall_ms, self.counter, self.device)
    }

    pub fn parse_key(text: &str) -> Option<Self> {
        let mut parts = text.split('-');
        let wall = parts.next().filter(|part| part.len() == 16)?;
        let counter = parts.next().filter(|part| part.len() == 8)?;
        let device = DeviceId::parse(parts.next()?)?;
        if parts.next().is_some() {
            return None;
        }
        Some(Self {
            wall_ms: u64::from_str_radix(wall, 16).ok()?,
            counter: u32::from_str_radix(counter, 16).ok()?,
            device,
        })
    }
}

/// One device's clock. It remembers the latest stamp it made or saw.
#[derive(Debug, Clone)]
pub struct Clock {
    device: DeviceId,
    wall_ms: u64,
    counter: u32,
}

impl Clock {
    pub fn new(device: DeviceId) -> Self {
        Self {
            device,
            wall_ms: 0,
            counter: 0,
        }
    }

    /// Resumes from the latest stamp this device made or saw, as stored.
    pub fn resume(device: DeviceId, latest: Stamp) -> Self {
        Self {
            device,
            wall_ms: latest.wall_ms,
            counter: latest.counter,
        }
    }

    pub fn device(&self) -> DeviceId {
        self.device
    }

    /// Where the clock stands: what [`Clock::resume`] takes after a restart.
    pub fn latest(&self) -> Stamp {
        self.current()
    }

    /// A stamp for a new operation, later than every stamp this clock has made or seen.
    pub fn stamp(&mut self, wall_ms: u64) -> Stamp {
        if wall_ms > self.wall_ms {
            self.wall_ms = wall_ms;
            self.counter = 0;
        } else {
            self.tick();
        }
        self.current()
    }

    /// Takes in a stamp read from the other laptop, so that what this device writes next comes
    /// after it.
    pub fn observe(&mut self, seen: Stamp, wall_ms: u64) {
        let newest = wall_ms.max(self.wall_ms).max(seen.wall_ms);
        let counter = match (newest == self.wall_ms, newest == seen.wall_ms) {
            (true, true) => self.counter.max(seen.counter),
            (true, false) => self.counter,
            (false, true) => seen.counter,
            (false, false) => {
                self.wall_ms = newest;
                self.counter = 0;
                return;
            }
        };
        self.wall_ms = newest;
        self.counter = counter;
    }

    fn tick(&mut self) {
        match self.counter.checked_add(1) {
            Some(next) => self.counter = next,
            // Four billion stamps in one millisecond cannot happen honestly; move time on instead.
            None => {
                self.wall_ms = self.wall_ms.saturating_add(1);
                self.counter = 0;
            }
        }
    }

    fn current(&self) -> Stamp {
        Stamp {
            wall_ms: self.wall_ms,
            counter: self.counter,
            device: self.device,
        }
    }
}
