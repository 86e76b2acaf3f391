//! Measures sync for issue 16's closing note, on real SQLCipher files:
//! 1. the time from a write on laptop A to its arrival in laptop B's vault, through two real
//!    Syncthing daemons on 127.0.0.1, as a median over 20 writes, against a baseline measured in
//!    the same run: a plain file carried by the same daemons;
//! 2. the mailbox folder's size after 1,000 operations (each in a segment of its own, as when every
//!    change is sent at once, and all in one pass), before and after the other laptop has read
//!    them and their author has cleared them.
//!
//!     cargo run --release -p hearth-core --example sync_measure

#[path = "../../../tests/support/syncthing.rs"]
mod syncthing;

use std::error::Error;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::Utc;
use hearth_core::journal::store as journal;
use hearth_core::journal::EntryDraft;
use hearth_core::sync::engine;
use hearth_core::sync::mailbox::Mailbox;
use hearth_core::sync::{store, DeviceId, SegmentKey};
use hearth_core::testing;
use hearth_core::vault::{KdfParams, Space, Vault};

const VAULT: [u8; 16] = [7; 16];
const SHARED_KEY: [u8; 32] = [8; 32];
const WRITES: usize = 20;
const OPERATIONS: usize = 1_000;
const POLL: Duration = Duration::from_millis(10);

struct Laptop {
    vault: Vault,
    mailbox: Mailbox,
}

impl Laptop {
    fn new(data: &Path, folder: &Path) -> Result<Laptop, Box<dyn Error>> {
        let mut vault = Vault::with_kdf(
            data,
            KdfParams {
                m_kib: 256,
                t: 1,
                p: 1,
            },
        );
        testing::set_up_couple(&mut vault)?;
        let device = DeviceId::random();
        store::start(vault.session()?.conn(), device)?;
        let key = SegmentKey::derive(&SHARED_KEY, &VAULT);
        Ok(Laptop {
            vault,
            mailbox: Mailbox::new(folder, VAULT, device, key),
        })
    }

    fn pass(&self) -> Result<engine::Pass, Box<dyn Error>> {
        Ok(engine::run(
            self.vault.session()?.conn(),
            &self.mailbox,
            Utc::now(),
        )?)
    }

    fn write(&self, body: &str) -> Result<i64, Box<dyn Error>> {
        let session = self.vault.session()?;
        let author = session.unlocked_partners()[0];
        Ok(journal::create(session, Space::Shared, author, &EntryDraft::plain(body))?.id)
    }

    fn has(&self, body: &str) -> Result<bool, Box<dyn Error>> {
        let conn = self.vault.session()?.conn();
        let n: i64 = conn.query_row(
            "SELECT count(*) FROM entries WHERE body = ?1",
            [body],
            |r| r.get(0),
        )?;
        Ok(n > 0)
    }
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}

fn wait_for(
    mut arrived: impl FnMut() -> Result<bool, Box<dyn Error>>,
) -> Result<(), Box<dyn Error>> {
    let started = Instant::now();
    while !arrived()? {
        if started.elapsed() > Duration::from_secs(60) {
            return Err("nothing arrived within 60 s".into());
        }
        std::thread::sleep(POLL);
    }
    Ok(())
}

fn folder_bytes(dir: &Path) -> u64 {
    let Ok(listing) = std::fs::read_dir(dir) else {
        return 0;
    };
    listing
        .flatten()
        .map(|item| match item.file_type() {
            Ok(kind) if kind.is_dir() => folder_bytes(&item.path()),
            _ => item.metadata().map_or(0, |m| m.len()),
        })
        .sum()
}

fn arrival(root: &Path) -> Result<(), Box<dyn Error>> {
    let daemons = syncthing::SyncthingPair::start(root);
    daemons.wait_connected(Duration::from_secs(60));
    let a = Laptop::new(&root.join("data-a"), &daemons.a.folder)?;
    let b = Laptop::new(&root.join("data-b"), &daemons.b.folder)?;
    a.pass()?;
    b.pass()?;
    let (mut plain, mut hearth) = (Vec::new(), Vec::new());
    for n in 0..WRITES {
        let name = format!("plain-{n}.txt");
        let started = Instant::now();
        std::fs::write(daemons.a.folder.join(&name), b"a plain file")?;
        let there = daemons.b.folder.join(&name);
        wait_for(|| Ok(there.exists()))?;
        plain.push(started.elapsed());

        let body = format!("Measured write {n}");
        let started = Instant::now();
        a.write(&body)?;
        a.pass()?;
        let written = started.elapsed();
        let seq = store::peers::own(a.vault.session()?.conn())?.next - 1;
        let segment =
            hearth_core::sync::names::device_dir(&daemons.b.folder, &VAULT, a.mailbox.device())
                .join(hearth_core::sync::names::segment_name(seq));
        wait_for(|| Ok(segment.exists()))?;
        let carried = started.elapsed();
        wait_for(|| {
            b.pass()?;
            b.has(&body)
        })?;
        hearth.push(started.elapsed());
        eprintln!(
            "write {n}: written {written:?}, in B's folder {carried:?}, in B's vault {:?}",
            started.elapsed()
        );
    }
    let (plain, hearth) = (median(plain), median(hearth));
    println!(
        "write on A → in B's vault, median of {WRITES}: {:.0} ms",
        hearth.as_secs_f64() * 1e3
    );
    println!(
        "a plain file A → B by the same daemons, median of {WRITES}: {:.0} ms",
        plain.as_secs_f64() * 1e3
    );
    println!("ratio: {:.2}", hearth.as_secs_f64() / plain.as_secs_f64());
    Ok(())
}

fn size(root: &Path, one_pass: bool) -> Result<(), Box<dyn Error>> {
    let folder = root.join("folder");
    let a = Laptop::new(&root.join("data-a"), &folder)?;
    let b = Laptop::new(&root.join("data-b"), &folder)?;
    a.pass()?;
    b.pass()?;
    a.pass()?;
    let id = a.write("The first of many edits")?;
    a.pass()?;
    let session = a.vault.session()?;
    for n in 0..OPERATIONS {
        // Each autosave changes the body and the time it was saved: two operations.
        if n % 2 == 0 {
            journal::update(
                session,
                Space::Shared,
                id,
                &EntryDraft::plain(&format!("Edit number {n} of a long evening's entry")),
            )?;
            if !one_pass {
                a.pass()?;
            }
        }
    }
    a.pass()?;
    let mailbox = folder.join("HearthSync");
    let before = folder_bytes(&mailbox);
    b.pass()?;
    a.pass()?;
    let after = folder_bytes(&mailbox);
    let how = if one_pass {
        "sent in one pass"
    } else {
        "each edit sent at once"
    };
    println!("folder after {OPERATIONS} operations ({how}): {before} bytes before clearing, {after} after");
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    let root = tempfile::tempdir()?;
    arrival(&root.path().join("arrival"))?;
    size(&root.path().join("size-each"), false)?;
    size(&root.path().join("size-batched"), true)?;
    Ok(())
}
