//! The clocks that decide whether someone walked away. `Instant` stops while Linux and macOS sleep,
//! so an idle timer built on it does not see a night with the lid closed: Sam closes the lid at
//! 22:03 and at 07:00 the journal is still open. Hearth counts idle time on a clock that keeps
//! running through suspend (`CLOCK_BOOTTIME` on Linux, `CLOCK_MONOTONIC` on macOS, which counts
//! sleep there), and the wall clock as a second opinion.
//!
//! Every clock reading comes through a [`ClockSource`], so tests can stand one clock still and move
//! another.

use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

/// One reading of every clock Hearth cares about, taken together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// Time on the clock `Instant` uses: it stands still while the machine sleeps. Kept only so
    /// tests can show that nothing relies on it.
    pub monotonic: Duration,
    /// Time since boot, sleep included.
    pub boot: Duration,
    pub wall: DateTime<Utc>,
}

pub trait ClockSource: Send + Sync {
    fn read(&self) -> Reading;
}

/// The machine's own clocks.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl ClockSource for SystemClock {
    fn read(&self) -> Reading {
        Reading {
            monotonic: since_start(),
            boot: boot_time(),
            wall: Utc::now(),
        }
    }
}

pub type SharedClock = Arc<dyn ClockSource>;

pub fn system() -> SharedClock {
    Arc::new(SystemClock)
}

fn since_start() -> Duration {
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

#[cfg(any(
    target_os = "linux",
    target_os = "android",
    target_os = "macos",
    target_os = "ios"
))]
fn boot_time() -> Duration {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    const CLOCK: libc::clockid_t = libc::CLOCK_BOOTTIME;
    // Apple's CLOCK_MONOTONIC counts the time the machine slept (CLOCK_UPTIME_RAW does not).
    #[cfg(any(target_os = "macos", target_os = "ios"))]
    const CLOCK: libc::clockid_t = libc::CLOCK_MONOTONIC;
    let mut spec = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `spec` is a valid, writable timespec for the duration of the call.
    let status = unsafe { libc::clock_gettime(CLOCK, &mut spec) };
    if status != 0 {
        return since_start();
    }
    Duration::new(
        u64::try_from(spec.tv_sec).unwrap_or(0),
        u32::try_from(spec.tv_nsec).unwrap_or(0),
    )
}

/// Windows' `Instant` (QueryPerformanceCounter) already counts sleep.
#[cfg(not(any(
    target_os = "linux",
    target_os = "android",
    target_os = "macos",
    target_os = "ios"
)))]
fn boot_time() -> Duration {
    since_start()
}

/// When the person last did something in the app, by the boot clock and the wall clock.
#[derive(Debug, Clone, Copy)]
pub struct IdleClock {
    last: Reading,
}

impl IdleClock {
    pub fn new(now: Reading) -> Self {
        IdleClock { last: now }
    }

    pub fn touch(&mut self, now: Reading) {
        self.last.boot = self.last.boot.max(now.boot);
        self.last.wall = self.last.wall.max(now.wall);
    }

    /// How long nobody has done anything: the longer of the two clocks' answers, so a clock that
    /// missed a suspend cannot keep a session open.
    pub fn idle_for(&self, now: Reading) -> Duration {
        let boot = now.boot.saturating_sub(self.last.boot);
        let wall = (now.wall - self.last.wall).to_std().unwrap_or_default();
        boot.max(wall)
    }

    pub fn is_idle_for(&self, now: Reading, minutes: u32) -> bool {
        self.until_idle_for(now, minutes).is_zero()
    }

    /// How much longer until nobody has done anything for `minutes`; zero once they have not.
    pub fn until_idle_for(&self, now: Reading, minutes: u32) -> Duration {
        Duration::from_secs(u64::from(minutes) * 60).saturating_sub(self.idle_for(now))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(monotonic: u64, boot: u64, wall: i64) -> Reading {
        Reading {
            monotonic: Duration::from_secs(monotonic),
            boot: Duration::from_secs(boot),
            wall: DateTime::from_timestamp(wall, 0).unwrap_or_default(),
        }
    }

    #[test]
    fn idle_clock_counts_from_the_last_activity() {
        let mut clock = IdleClock::new(at(0, 0, 1_000));
        assert!(!clock.is_idle_for(at(599, 599, 1_599), 10));
        assert_eq!(
            clock.until_idle_for(at(599, 599, 1_599), 10),
            Duration::from_secs(1)
        );
        assert!(clock.is_idle_for(at(600, 600, 1_600), 10));
        assert_eq!(
            clock.until_idle_for(at(900, 900, 1_900), 10),
            Duration::ZERO
        );
        clock.touch(at(500, 500, 1_500));
        assert!(!clock.is_idle_for(at(600, 600, 1_600), 10));
    }

    #[test]
    fn a_suspend_counts_as_idle_time_though_the_monotonic_clock_stood_still() {
        let clock = IdleClock::new(at(100, 100, 1_000));
        // Two hours asleep: Instant's clock did not move, the boot clock did.
        assert!(clock.is_idle_for(at(100, 100 + 7_200, 1_000), 10));
    }

    #[test]
    fn the_wall_clock_is_a_second_check_and_going_back_is_not_activity() {
        let clock = IdleClock::new(at(0, 0, 10_000));
        assert!(clock.is_idle_for(at(1, 1, 10_000 + 3_600), 10));
        assert!(!clock.is_idle_for(at(1, 1, 0), 10));
    }

    #[test]
    fn the_system_boot_clock_moves_forward() {
        let first = SystemClock.read();
        std::thread::sleep(Duration::from_millis(5));
        let second = SystemClock.read();
        assert!(second.boot > first.boot);
        assert!(second.boot >= second.monotonic.min(second.boot));
    }
}
