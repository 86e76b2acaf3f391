//! A growing delay after repeated wrong passphrases, recovery codes or restore passphrases. It
//! survives a restart: quitting Hearth and starting it again must not reset it, so the count and
//! the time of the last failure are kept in `attempts.json` beside the vaults (no vault file or
//! keyslot changes on a wrong guess). The time is kept on the boot clock, which a partner cannot
//! set back, with the wall clock for after a reboot. Someone holding the files is slowed by
//! Argon2id instead.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::clock::Reading;
use super::error::{Result, VaultError};

pub const FILE_NAME: &str = "attempts.json";

/// What survives a restart: failures in a row, and when the last one was.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Record {
    failures: u32,
    boot_id: Option<String>,
    boot_secs: f64,
    wall: DateTime<Utc>,
}

/// This boot's id, so a boot-clock reading is compared only with one from the same boot.
fn boot_id() -> Option<String> {
    std::fs::read_to_string("/proc/sys/kernel/random/boot_id")
        .ok()
        .map(|id| id.trim().to_string())
}

/// Failures allowed before any wait.
const FREE_TRIES: u32 = 3;
const MAX_WAIT: Duration = Duration::from_secs(300);

#[derive(Debug, Default)]
pub struct Throttle {
    failures: u32,
    last_failure: Option<Instant>,
}

impl Throttle {
    /// How long to wait after `failures` wrong tries in a row: none for the first few, then
    /// 1 s, 2 s, 4 s… up to five minutes.
    pub fn wait_after(failures: u32) -> Duration {
        if failures < FREE_TRIES {
            return Duration::ZERO;
        }
        let doublings = (failures - FREE_TRIES).min(16);
        Duration::from_secs(1u64 << doublings).min(MAX_WAIT)
    }

    pub fn check(&self, now: Instant) -> Result<()> {
        let Some(last) = self.last_failure else {
            return Ok(());
        };
        let ready_at = last + Self::wait_after(self.failures);
        if now < ready_at {
            let wait = ready_at - now;
            return Err(VaultError::TooManyAttempts {
                wait_secs: wait.as_secs() + u64::from(wait.subsec_nanos() > 0),
            });
        }
        Ok(())
    }

    pub fn failed(&mut self, now: Instant) {
        self.failures = self.failures.saturating_add(1);
        self.last_failure = Some(now);
    }

    pub fn succeeded(&mut self) {
        *self = Throttle::default();
    }

    /// No failure counted since the last success.
    pub fn is_clear(&self) -> bool {
        self.failures == 0
    }

    /// The delay as an earlier run left it in `dir`; none if there is no record or it is damaged.
    pub fn load(dir: &Path, now: Instant, clock: Reading) -> Throttle {
        let record = std::fs::read(dir.join(FILE_NAME))
            .ok()
            .filter(|bytes| bytes.len() < 4096)
            .and_then(|bytes| serde_json::from_slice::<Record>(&bytes).ok());
        let Some(record) = record else {
            return Throttle::default();
        };
        let same_boot = record.boot_id.is_some() && record.boot_id == boot_id();
        let elapsed = if same_boot {
            clock.boot.as_secs_f64() - record.boot_secs
        } else {
            (clock.wall - record.wall).num_milliseconds() as f64 / 1000.0
        };
        // A clock that went backwards counts as no time passed: the whole wait applies.
        let elapsed = Duration::try_from_secs_f64(elapsed.max(0.0)).unwrap_or(MAX_WAIT);
        Throttle {
            failures: record.failures,
            last_failure: now.checked_sub(elapsed.min(MAX_WAIT)),
        }
    }

    /// Keeps the count in `dir` for the next run, or removes the record once the count is back to
    /// zero.
    pub fn save(&self, dir: &Path, clock: Reading) -> std::io::Result<()> {
        if self.failures == 0 {
            return crate::files::remove_if_there(&dir.join(FILE_NAME));
        }
        let record = Record {
            failures: self.failures,
            boot_id: boot_id(),
            boot_secs: clock.boot.as_secs_f64(),
            wall: clock.wall,
        };
        let bytes = serde_json::to_vec(&record).map_err(std::io::Error::other)?;
        crate::files::write_atomic(dir, FILE_NAME, &bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delay_grows_after_free_tries_and_resets_on_success() {
        let start = Instant::now();
        let mut throttle = Throttle::default();
        for _ in 0..FREE_TRIES - 1 {
            throttle.failed(start);
            throttle.check(start).unwrap();
        }
        throttle.failed(start);
        assert!(matches!(
            throttle.check(start),
            Err(VaultError::TooManyAttempts { wait_secs: 1 })
        ));
        throttle.check(start + Duration::from_secs(1)).unwrap();
        throttle.failed(start);
        assert!(matches!(
            throttle.check(start),
            Err(VaultError::TooManyAttempts { wait_secs: 2 })
        ));
        assert_eq!(Throttle::wait_after(60), MAX_WAIT);
        throttle.succeeded();
        throttle.check(start).unwrap();
    }
}
