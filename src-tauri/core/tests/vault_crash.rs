//! Crash safety with real processes: a child writer is SIGKILLed at a random moment, 30 times. Every
//! id it reported as committed must be there afterwards, and both SQLite's and SQLCipher's integrity
//! checks must be clean. A kill during keyslot rewrites must leave a file that the old or the new
//! passphrase opens. A kill anywhere in first setup leaves either nothing (setup is offered again)
//! or a whole couple.
//!
//! The child is this same test binary, re-run with `HEARTH_CRASH_ROLE` set, so no extra binary
//! needs building.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::*;
use hearth_core::testing;
use hearth_core::vault::{Partner, Space, State, Vault};

const RUNS: usize = 30;
const ROLE_ENV: &str = "HEARTH_CRASH_ROLE";
const DIR_ENV: &str = "HEARTH_CRASH_DIR";

fn random_below(limit: u64) -> u64 {
    let mut bytes = [0u8; 8];
    hearth_core::vault::crypto::fill_random(&mut bytes);
    u64::from_le_bytes(bytes) % limit
}

/// Kills the child if the parent test panics, so no writer outlives its test.
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn_child(role: &str, dir: &Path, helper: &str) -> KillOnDrop {
    KillOnDrop(
        Command::new(std::env::current_exe().unwrap())
            .args([
                helper,
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(ROLE_ENV, role)
            .env(DIR_ENV, dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap(),
    )
}

/// Reads the child's "committed <space> <id>" lines until it dies.
fn collect_lines(child: &mut Child) -> mpsc::Receiver<String> {
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// Collects the child's lines until one ends with `marker`, so the kill lands after work began.
fn wait_for(lines: &mpsc::Receiver<String>, seen: &mut Vec<String>, marker: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Ok(line) = lines.recv_timeout(Duration::from_millis(100)) {
            // libtest prints "test <name> ... " without a newline before the child's first line.
            let found = line.contains(marker);
            seen.push(line);
            if found {
                return;
            }
        }
    }
    panic!("the child never printed {marker:?}");
}

#[test]
fn sigkill_during_writes_loses_no_committed_entry() {
    let dir = tempfile::tempdir().unwrap();
    set_up(dir.path()).0.lock();
    let mut committed: Vec<(String, i64)> = Vec::new();

    for run in 0..RUNS {
        let mut child = spawn_child("writer", dir.path(), "helper_process_writer");
        let lines = collect_lines(&mut child.0);
        let mut seen = Vec::new();
        // Kill at a random moment after the first commit, so every run has something to lose.
        wait_for(&lines, &mut seen, "committed ");
        std::thread::sleep(Duration::from_millis(random_below(150)));
        child.0.kill().unwrap(); // SIGKILL on Unix
        child.0.wait().unwrap();
        seen.extend(lines.iter());
        let before = committed.len();
        for line in seen {
            let Some(record) = line.split("committed ").nth(1) else {
                continue;
            };
            let mut parts = record.split_whitespace();
            {
                let space = parts.next().unwrap().to_string();
                let id = parts.next().unwrap().parse().unwrap();
                committed.push((space, id));
            }
        }
        assert!(
            committed.len() > before,
            "run {run}: the writer committed nothing before the kill"
        );

        let mut vault = Vault::with_kdf(dir.path(), FAST_KDF);
        vault
            .unlock(Some(Partner::A), PASS_A, Instant::now())
            .unwrap();
        let session = vault.session().unwrap();
        for (label, id) in &committed {
            let space = if label == "shared" {
                Space::Shared
            } else {
                Space::Private(Partner::A)
            };
            assert!(
                testing::get_entry(session, space, *id).unwrap().is_some(),
                "run {run}: committed {label} entry {id} was lost"
            );
        }
        for schema in ["main", "private_a"] {
            let verdict: String = session
                .conn()
                .query_row(&format!("PRAGMA {schema}.integrity_check"), [], |r| {
                    r.get(0)
                })
                .unwrap();
            assert_eq!(verdict, "ok", "run {run}: {schema}");
            let problems: Vec<String> = session
                .conn()
                .prepare(&format!("PRAGMA {schema}.cipher_integrity_check"))
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            assert!(problems.is_empty(), "run {run}: {schema}: {problems:?}");
        }
        vault.lock();
    }
    assert!(committed.len() >= RUNS);
}

#[test]
fn sigkill_during_keyslot_rewrite_leaves_old_or_new_passphrase_working() {
    let dir = tempfile::tempdir().unwrap();
    set_up(dir.path()).0.lock();
    let mut opened_with_new = 0;

    for run in 0..RUNS {
        let mut child = spawn_child("rewrapper", dir.path(), "helper_process_rewrapper");
        let lines = collect_lines(&mut child.0);
        let mut seen = Vec::new();
        wait_for(&lines, &mut seen, "ready");
        std::thread::sleep(Duration::from_millis(random_below(120)));
        child.0.kill().unwrap();
        child.0.wait().unwrap();

        let mut vault = Vault::with_kdf(dir.path(), FAST_KDF);
        let old = vault.unlock(Some(Partner::A), PASS_A, Instant::now());
        if old.is_err() {
            vault
                .unlock(Some(Partner::A), NEW_PASS, Instant::now())
                .unwrap_or_else(|err| panic!("run {run}: neither passphrase opens: {err:?}"));
            opened_with_new += 1;
            // Put the old passphrase back so the next run starts from a known state.
            vault
                .change_passphrase(Partner::A, NEW_PASS, PASS_A, Instant::now())
                .unwrap();
        }
        vault.lock();
    }
    // Both outcomes are fine; the count shows the kills landed in different places.
    println!("{opened_with_new} of {RUNS} kills left the new passphrase in place");
}

#[test]
fn sigkill_during_setup_leaves_nothing_or_a_whole_couple() {
    // How long one setup takes here, so the kills spread over all of it.
    let timing = tempfile::tempdir().unwrap();
    let started = Instant::now();
    set_up(timing.path());
    let span = (started.elapsed().as_millis() as u64 * 6 / 5).max(20);
    let (mut offered, mut whole) = (0, 0);

    for run in 0..20 {
        let dir = tempfile::tempdir().unwrap();
        let mut child = spawn_child("setup", dir.path(), "helper_process_setup");
        let lines = collect_lines(&mut child.0);
        wait_for(&lines, &mut Vec::new(), "ready");
        std::thread::sleep(Duration::from_millis(random_below(span)));
        child.0.kill().unwrap();
        child.0.wait().unwrap();

        // The next start either offers setup, which then works, or unlocks the whole couple.
        let mut vault = Vault::with_kdf(dir.path(), FAST_KDF);
        match vault.status().state {
            State::NeedsSetup => {
                set_up_vault(vault, ["Sam", "Alex"], [PASS_A, PASS_B]);
                offered += 1;
            }
            State::Locked => {
                for (who, pass) in [(Partner::A, PASS_A), (Partner::B, PASS_B)] {
                    vault
                        .unlock(Some(who), pass, Instant::now())
                        .unwrap_or_else(|err| panic!("run {run}: {who:?}: {err}"));
                    vault.lock();
                }
                whole += 1;
            }
            State::Unlocked => unreachable!("a fresh Vault starts locked"),
        }
    }
    println!("setup killed 20 times: offered again {offered}, whole couple {whole}");
}

/// Not a test: the child process for `sigkill_during_setup_leaves_nothing_or_a_whole_couple`.
#[test]
#[ignore = "run only as a child process of the crash tests"]
fn helper_process_setup() {
    let Some(dir) = std::env::var_os(DIR_ENV) else {
        return;
    };
    assert_eq!(std::env::var(ROLE_ENV).as_deref(), Ok("setup"));
    let mut out = std::io::stdout().lock();
    writeln!(out, "ready").unwrap();
    out.flush().unwrap();
    set_up(Path::new(&dir));
    writeln!(out, "done").unwrap();
}

/// Not a test: the child process for `sigkill_during_writes_loses_no_committed_entry`.
#[test]
#[ignore = "run only as a child process of the crash tests"]
fn helper_process_writer() {
    let Some(dir) = std::env::var_os(DIR_ENV) else {
        return;
    };
    assert_eq!(std::env::var(ROLE_ENV).as_deref(), Ok("writer"));
    let mut vault = Vault::with_kdf(dir, FAST_KDF);
    vault
        .unlock(Some(Partner::A), PASS_A, Instant::now())
        .unwrap();
    let session = vault.session().unwrap();
    let mut out = std::io::stdout().lock();
    writeln!(out, "ready").unwrap();
    out.flush().unwrap();
    for i in 0u64.. {
        let (space, label) = if i % 2 == 0 {
            (Space::Shared, "shared")
        } else {
            (Space::Private(Partner::A), "private")
        };
        let id = testing::add_entry(
            session,
            space,
            &format!("crash test entry {i} {}", "x".repeat((i % 900) as usize)),
        )
        .unwrap();
        writeln!(out, "committed {label} {id}").unwrap();
        out.flush().unwrap();
    }
}

/// Not a test: the child process for `sigkill_during_keyslot_rewrite_…`.
#[test]
#[ignore = "run only as a child process of the crash tests"]
fn helper_process_rewrapper() {
    let Some(dir) = std::env::var_os(DIR_ENV) else {
        return;
    };
    assert_eq!(std::env::var(ROLE_ENV).as_deref(), Ok("rewrapper"));
    let mut vault = Vault::with_kdf(dir, FAST_KDF);
    let current = if vault
        .unlock(Some(Partner::A), PASS_A, Instant::now())
        .is_ok()
    {
        PASS_A
    } else {
        NEW_PASS
    };
    if current == NEW_PASS {
        vault
            .unlock(Some(Partner::A), NEW_PASS, Instant::now())
            .unwrap();
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "ready").unwrap();
    out.flush().unwrap();
    let (mut from, mut to) = (current, if current == PASS_A { NEW_PASS } else { PASS_A });
    loop {
        vault
            .change_passphrase(Partner::A, from, to, Instant::now())
            .unwrap();
        std::mem::swap(&mut from, &mut to);
    }
}
