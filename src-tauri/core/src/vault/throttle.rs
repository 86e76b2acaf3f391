//! A growing delay after repeated wrong passphrases. It lives in memory only: a wrong passphrase must
//! not change a byte on disk, and an attacker holding the files is slowed by Argon2id instead.

use std::time::{Duration, Instant};

use super::error::{Result, VaultError};

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
