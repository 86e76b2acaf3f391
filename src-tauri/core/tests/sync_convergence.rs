//! Convergence, without Syncthing: two laptops edit the same fields while a make-believe sync tool
//! carries their segments late, out of order, twice, or next to conflict copies of its own, and
//! their clocks are up to a day apart. Once everything has crossed, both show the same thing.

use std::fs;
use std::path::{Path, PathBuf};

use hearth_core::sync::mailbox::{Cursor, Mailbox, Stop};
use hearth_core::sync::merge::Replica;
use hearth_core::sync::names::{self, FileKind};
use hearth_core::sync::ops::Op;
use hearth_core::sync::{Clock, DeviceId, SegmentKey};
use proptest::prelude::*;
use serde_json::json;

const VAULT: [u8; 16] = [5; 16];
const SHARED_KEY: [u8; 32] = [6; 32];
const DAY_MS: i64 = 24 * 60 * 60 * 1000;
const START_MS: u64 = 1_800_000_000_000;

/// One laptop: its own copy of the synced folder, its clock, what it has applied.
struct Laptop {
    view: PathBuf,
    device: DeviceId,
    mailbox: Mailbox,
    clock: Clock,
    skew: i64,
    replica: Replica,
    written: u64,
    last_hash: [u8; 32],
    cursor: Cursor,
    cursors_seen: Vec<Cursor>,
    /// How far this laptop has told the other it has read; never rewound past.
    acknowledged: u64,
}

impl Laptop {
    fn new(root: &Path, name: &str, device: DeviceId, skew: i64) -> Self {
        let view = root.join(name);
        let key = SegmentKey::derive(&SHARED_KEY, &VAULT);
        Self {
            mailbox: Mailbox::new(&view, VAULT, device, key),
            view,
            device,
            clock: Clock::new(device),
            skew,
            replica: Replica::default(),
            written: 0,
            last_hash: [0; 32],
            cursor: Cursor::default(),
            cursors_seen: vec![Cursor::default()],
            acknowledged: 0,
        }
    }

    fn wall(&self, now: u64) -> u64 {
        now.saturating_add_signed(self.skew)
    }

    /// Edits `count` fields, each on top of the version this laptop shows.
    fn edit(&mut self, now: u64, pick: u8, count: u8) {
        let ops: Vec<Op> = (0..count.max(1))
            .map(|n| {
                let which = u16::from(pick) + u16::from(n);
                let row = format!("row-{}", which % 3);
                let field = if which % 2 == 0 { "text" } else { "title" };
                let base = self
                    .replica
                    .field("entries", &row, field)
                    .and_then(|history| history.current())
                    .map(|version| version.stamp);
                let stamp = self.clock.stamp(self.wall(now));
                let value = json!(format!("{} at {}", self.device, stamp.to_key()));
                Op {
                    stamp,
                    base,
                    table: "entries".into(),
                    row,
                    field: field.into(),
                    value,
                }
            })
            .collect();
        for op in &ops {
            self.replica.apply(op);
        }
        self.written += 1;
        self.last_hash = self
            .mailbox
            .write(self.written, self.last_hash, &ops)
            .expect("a segment is written");
    }

    /// Reads what has arrived from `other`; only waiting may stop it.
    fn receive(&mut self, other: DeviceId, now: u64) {
        let (received, stop) = self
            .mailbox
            .receive(other, self.cursor)
            .expect("the folder reads");
        assert!(matches!(stop, Stop::Waiting), "reading stopped: {stop:?}");
        for segment in received {
            for op in &segment.ops {
                self.replica.apply(op);
                self.clock.observe(op.stamp, self.wall(now));
            }
            self.cursor = Cursor {
                next: segment.seq + 1,
                prev: segment.hash,
            };
            self.cursors_seen.push(self.cursor);
        }
    }

    /// Says how far it has read `other`, and clears its own segments `other` says it has read.
    fn acknowledge_and_clear(&mut self, other: DeviceId) {
        // Only what is applied and kept is acknowledged, so a restart never goes back before it.
        self.acknowledged = self.cursor.next - 1;
        self.mailbox
            .acknowledge(other, self.acknowledged)
            .expect("acknowledged");
        let through = self.mailbox.acknowledged_by(other).expect("an intact ack");
        if let Some(through) = through {
            self.mailbox.clear_through(through).expect("cleared");
        }
    }

    /// As after a crash before the cursor was saved: reading starts again from an earlier point.
    fn rewind(&mut self, pick: u8) {
        self.cursors_seen
            .retain(|cursor| cursor.next > self.acknowledged);
        self.cursor = self.cursors_seen[usize::from(pick) % self.cursors_seen.len()];
    }
}

/// The sync tool: copies a device's files from one view to the other, whenever it likes, and
/// now and then carries over that some were removed.
fn carry(from: &Laptop, to: &Laptop, pick: u8, conflict_copy: bool) {
    let source = names::device_dir(&from.view, &VAULT, from.device);
    let target = names::device_dir(&to.view, &VAULT, from.device);
    if pick % 2 == 0 {
        carry_removals(&source, &target);
    }
    let Ok(listing) = fs::read_dir(&source) else {
        return;
    };
    let mut files: Vec<_> = listing
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name())
        .collect();
    files.sort();
    files.retain(|name| !name.to_string_lossy().ends_with(names::TEMP_SUFFIX));
    if files.is_empty() {
        return;
    }
    let name = &files[usize::from(pick) % files.len()];
    fs::create_dir_all(&target).expect("the view's folder");
    let bytes = fs::read(source.join(name)).expect("the source file");
    fs::write(target.join(name), &bytes).expect("carried");
    if conflict_copy {
        let mut garbled = bytes;
        garbled.truncate(garbled.len() / 2);
        let copy = format!(
            "{}.sync-conflict-20261205-101010-ABCDEFG",
            name.to_string_lossy()
        );
        fs::write(target.join(copy), garbled).expect("a conflict copy");
    }
}

fn carry_removals(source: &Path, target: &Path) {
    let Ok(listing) = fs::read_dir(target) else {
        return;
    };
    for entry in listing.filter_map(|entry| entry.ok()) {
        let name = entry.file_name();
        let is_segment = matches!(
            names::classify(&name.to_string_lossy()),
            FileKind::Segment(_)
        );
        if is_segment && !source.join(&name).exists() {
            fs::remove_file(entry.path()).expect("a removal carried");
        }
    }
}

fn segments_in(dir: &Path) -> usize {
    let Ok(listing) = fs::read_dir(dir) else {
        return 0;
    };
    listing
        .filter_map(|entry| entry.ok())
        .filter(|entry| {
            matches!(
                names::classify(&entry.file_name().to_string_lossy()),
                FileKind::Segment(_)
            )
        })
        .count()
}

fn carry_everything(from: &Laptop, to: &Laptop) {
    for pick in 0..=u8::MAX {
        carry(from, to, pick, false);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn two_laptops_end_the_same(
        skews in (-DAY_MS..=DAY_MS, -DAY_MS..=DAY_MS),
        steps in prop::collection::vec((0u8..10, any::<u8>(), 1u8..4, 0u64..600_000), 1..40),
    ) {
        let root = tempfile::tempdir().expect("a folder");
        let mut a = Laptop::new(root.path(), "a", DeviceId([1; 16]), skews.0);
        let mut b = Laptop::new(root.path(), "b", DeviceId([2; 16]), skews.1);
        let mut now = START_MS;
        for (action, pick, count, elapsed) in steps {
            now += elapsed;
            match action {
                0 => a.edit(now, pick, count),
                1 => b.edit(now, pick, count),
                2 => carry(&a, &b, pick, count == 3),
                3 => carry(&b, &a, pick, count == 3),
                4 => { let other = b.device; a.receive(other, now) }
                5 => { let other = a.device; b.receive(other, now) }
                6 => a.rewind(pick),
                7 => b.rewind(pick),
                8 => { let other = b.device; a.acknowledge_and_clear(other) }
                _ => { let other = a.device; b.acknowledge_and_clear(other) }
            }
        }
        carry_everything(&a, &b);
        carry_everything(&b, &a);
        let (a_device, b_device) = (a.device, b.device);
        a.receive(b_device, now);
        b.receive(a_device, now);
        prop_assert_eq!(a.cursor.next, b.written + 1);
        prop_assert_eq!(b.cursor.next, a.written + 1);
        prop_assert_eq!(a.replica.dump(), b.replica.dump());

        // Once each has said it read everything, each clears all it wrote.
        a.acknowledge_and_clear(b_device);
        b.acknowledge_and_clear(a_device);
        carry_everything(&a, &b);
        carry_everything(&b, &a);
        a.acknowledge_and_clear(b_device);
        b.acknowledge_and_clear(a_device);
        for laptop in [&a, &b] {
            let own = names::device_dir(&laptop.view, &VAULT, laptop.device);
            prop_assert_eq!(segments_in(&own), 0);
        }
    }
}
