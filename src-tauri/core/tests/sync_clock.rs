//! The hybrid logical clock: stamps only move forward, an edit made after seeing the other
//! laptop's comes after it whatever the wall clocks say, and the stored form sorts as stamps do.

use hearth_core::sync::{Clock, DeviceId, Stamp};
use proptest::prelude::*;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

fn wall(base: u64, skew: i64) -> u64 {
    base.saturating_add_signed(skew)
}

proptest! {
    #[test]
    fn stamps_only_move_forward(walls in prop::collection::vec(0u64..10_000, 1..200)) {
        let mut clock = Clock::new(DeviceId([1; 16]));
        let mut last: Option<Stamp> = None;
        for wall in walls {
            let stamp = clock.stamp(wall);
            if let Some(last) = last {
                prop_assert!(stamp > last);
            }
            last = Some(stamp);
        }
    }

    #[test]
    fn an_edit_after_reading_the_other_laptops_comes_after_it(
        steps in prop::collection::vec((any::<bool>(), 0u64..50_000), 1..100),
        skew_a in -DAY_MS..DAY_MS,
        skew_b in -DAY_MS..DAY_MS,
    ) {
        let base = 1_800_000_000_000u64;
        let mut a = Clock::new(DeviceId([1; 16]));
        let mut b = Clock::new(DeviceId([2; 16]));
        for (a_writes, elapsed) in steps {
            let (writer, reader, writer_skew, reader_skew) = if a_writes {
                (&mut a, &mut b, skew_a, skew_b)
            } else {
                (&mut b, &mut a, skew_b, skew_a)
            };
            let written = writer.stamp(wall(base + elapsed, writer_skew));
            reader.observe(written, wall(base + elapsed, reader_skew));
            let reply = reader.stamp(wall(base + elapsed, reader_skew));
            prop_assert!(reply > written);
            writer.observe(reply, wall(base + elapsed, writer_skew));
        }
    }

    #[test]
    fn stored_stamps_sort_as_stamps(
        first in (any::<u64>(), any::<u32>(), any::<[u8; 16]>()),
        second in (any::<u64>(), any::<u32>(), any::<[u8; 16]>()),
    ) {
        let make = |(wall_ms, counter, device): (u64, u32, [u8; 16])| Stamp { wall_ms, counter, device: DeviceId(device) };
        let (first, second) = (make(first), make(second));
        prop_assert_eq!(first.cmp(&second), first.to_key().cmp(&second.to_key()));
        prop_assert_eq!(Stamp::parse_key(&first.to_key()), Some(first));
    }
}

#[test]
fn a_stored_stamp_must_be_exact() {
    let stamp = Stamp {
        wall_ms: 5,
        counter: 1,
        device: DeviceId([3; 16]),
    };
    let key = stamp.to_key();
    assert_eq!(Stamp::parse_key(&key), Some(stamp));
    assert_eq!(Stamp::parse_key(&format!("{key}-x")), None);
    assert_eq!(Stamp::parse_key(&key[1..]), None);
    assert_eq!(Stamp::parse_key(""), None);
}

#[test]
fn a_resumed_clock_stays_ahead_of_what_it_stored() {
    let device = DeviceId([4; 16]);
    let mut clock = Clock::new(device);
    let stored = clock.stamp(10_000_000);
    let mut resumed = Clock::resume(device, stored);
    // The laptop's clock went back an hour while Hearth was closed.
    assert!(resumed.stamp(10_000_000 - 3_600_000) > stored);
}
