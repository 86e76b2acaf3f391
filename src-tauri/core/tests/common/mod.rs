//! Helpers shared by the vault integration tests: a couple set up on real SQLCipher files in a
//! temporary folder, file hashing, and a byte-level search for leaked plaintext.
#![allow(dead_code)]

pub mod sync;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use std::sync::{Arc, Mutex};
use std::time::Duration;

use hearth_core::testing;
use hearth_core::vault::clock::{ClockSource, Reading};
use hearth_core::vault::{KdfParams, Partner, RecoveryCodes, Vault};
use sha2::{Digest, Sha256};

/// Weak Argon2id for tests that are not about the KDF, so that each unlock is fast.
pub const FAST_KDF: KdfParams = KdfParams {
    m_kib: 256,
    t: 1,
    p: 1,
};

pub use hearth_core::testing::{PASS_A, PASS_B};
pub const NEW_PASS: &str = "copper meadow signal walrus";

pub fn set_up(dir: &Path) -> (Vault, RecoveryCodes) {
    set_up_named(dir, "Sam", "Alex", PASS_A, PASS_B)
}

pub fn set_up_named(
    dir: &Path,
    a: &str,
    b: &str,
    pass_a: &str,
    pass_b: &str,
) -> (Vault, RecoveryCodes) {
    set_up_vault(Vault::with_kdf(dir, FAST_KDF), [a, b], [pass_a, pass_b])
}

/// Sets up Sam and Alex in `vault`, whatever KDF parameters it writes with.
pub fn set_up_vault(
    mut vault: Vault,
    names: [&str; 2],
    passphrases: [&str; 2],
) -> (Vault, RecoveryCodes) {
    let codes = testing::set_up_named(&mut vault, names, passphrases).unwrap();
    (vault, codes)
}

/// A clock the test moves by hand. `sleep` moves only the clocks that count a suspend.
#[derive(Clone)]
pub struct ManualClock(Arc<Mutex<Reading>>);

impl ManualClock {
    pub fn new() -> Self {
        ManualClock(Arc::new(Mutex::new(Reading {
            monotonic: Duration::ZERO,
            boot: Duration::from_secs(1_000),
            wall: chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
        })))
    }

    pub fn advance(&self, by: Duration) {
        let mut now = self.0.lock().unwrap();
        now.monotonic += by;
        now.boot += by;
        now.wall += chrono::Duration::from_std(by).unwrap();
    }

    pub fn sleep(&self, by: Duration) {
        let mut now = self.0.lock().unwrap();
        now.boot += by;
        now.wall += chrono::Duration::from_std(by).unwrap();
    }
}

impl ClockSource for ManualClock {
    fn read(&self) -> Reading {
        *self.0.lock().unwrap()
    }
}

/// Opens both private spaces of a couple sitting together (as just after setup), each with its
/// owner's passphrase, so a test can write into them.
pub fn open_both(vault: &mut Vault) {
    let now = std::time::Instant::now();
    vault.open_private(Partner::A, PASS_A, now).unwrap();
    vault.open_private(Partner::B, PASS_B, now).unwrap();
}

/// As [`set_up`], with both private spaces opened, for tests that write into them.
pub fn set_up_open(dir: &Path) -> (Vault, RecoveryCodes) {
    let (mut vault, codes) = set_up(dir);
    open_both(&mut vault);
    (vault, codes)
}

/// Locks, then unlocks `who` on their own, as a partner at the keyboard alone.
pub fn unlock_alone(vault: &mut Vault, who: Partner) {
    vault.lock();
    let pass = match who {
        Partner::A => PASS_A,
        Partner::B => PASS_B,
    };
    vault
        .unlock(Some(who), pass, std::time::Instant::now())
        .unwrap();
}

/// As [`set_up`], then `other` leaves: the remaining partner is unlocked alone.
pub fn set_up_alone(dir: &Path, who: Partner) -> Vault {
    let (mut vault, _) = set_up(dir);
    vault.leave(who.other()).unwrap();
    vault
}

/// A couple whose partner A has one private entry holding a fresh marker; returned locked.
pub fn set_up_with_a_private_marker(dir: &Path, prefix: &str) -> (Vault, RecoveryCodes, String) {
    let (mut vault, codes) = set_up(dir);
    open_both(&mut vault);
    let marker = unique_marker(prefix);
    let space = hearth_core::vault::Space::Private(hearth_core::vault::Partner::A);
    hearth_core::testing::add_entry(vault.session().unwrap(), space, &marker).unwrap();
    vault.lock();
    (vault, codes, marker)
}

pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

pub fn hash_file(path: &Path) -> String {
    let bytes = fs::read(path).unwrap();
    format!("{:x}", Sha256::digest(&bytes))
}

pub fn hash_all(dir: &Path) -> BTreeMap<PathBuf, String> {
    files_under(dir)
        .into_iter()
        .map(|path| {
            let hash = hash_file(&path);
            (path, hash)
        })
        .collect()
}

fn utf16le(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every file under `dir` holding `marker` as UTF-8 or UTF-16LE.
pub fn files_containing(dir: &Path, marker: &str) -> Vec<String> {
    let forms = [marker.as_bytes().to_vec(), utf16le(marker)];
    files_under(dir)
        .into_iter()
        .filter_map(|path| {
            let bytes = fs::read(&path).ok()?;
            forms
                .iter()
                .any(|form| contains(&bytes, form))
                .then(|| path.display().to_string())
        })
        .collect()
}

/// Files that begin with SQLite's plaintext header, i.e. unencrypted databases.
pub fn plaintext_databases(dir: &Path) -> Vec<String> {
    files_under(dir)
        .into_iter()
        .filter(|path| {
            fs::read(path)
                .map(|bytes| bytes.starts_with(b"SQLite format 3"))
                .unwrap_or(false)
        })
        .map(|path| path.display().to_string())
        .collect()
}

pub fn unique_marker(prefix: &str) -> String {
    let mut bytes = [0u8; 8];
    hearth_core::vault::crypto::fill_random(&mut bytes);
    format!("{prefix}{}", hearth_core::vault::hex::encode(&bytes))
}

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for path in files_under(from) {
        fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
    }
}

/// Runs a reference script under Debian's own python3 (where `make test` installs
/// python3-dateutil and python3-icalendar), JSON in, JSON out.
pub fn python_reference(script: &str, input: &serde_json::Value) -> serde_json::Value {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/reference")
        .join(script);
    let python = if Path::new("/usr/bin/python3").exists() {
        "/usr/bin/python3"
    } else {
        "python3"
    };
    let mut child = Command::new(python)
        .arg(&script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 is needed for the reference (make test installs it)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.to_string().as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{} failed (are python3-dateutil and python3-icalendar installed? `make test` installs them): {}",
        script.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// One laptop's vault for the sync tests: the couple set up in `dir`, both unlocked, sync on
/// under a fresh device id.
pub fn set_up_syncing(dir: &Path) -> Vault {
    let (vault, _) = set_up_open(dir);
    let conn = vault.session().unwrap().conn();
    hearth_core::sync::store::start(conn, hearth_core::sync::DeviceId::random()).unwrap();
    vault
}

/// Writes a plain shared entry by Sam and returns its id.
pub fn write_shared(session: &hearth_core::vault::Session, body: &str) -> i64 {
    hearth_core::journal::store::create(
        session,
        hearth_core::vault::Space::Shared,
        Partner::A,
        &hearth_core::journal::EntryDraft::plain(body),
    )
    .unwrap()
    .id
}

/// Replaces a shared entry's text, as an autosave does.
pub fn edit_shared(session: &hearth_core::vault::Session, id: i64, body: &str) {
    hearth_core::journal::store::update(
        session,
        hearth_core::vault::Space::Shared,
        id,
        &hearth_core::journal::EntryDraft::plain(body),
    )
    .unwrap();
}
