//! Keyslots from a hostile or broken source. Argon2 costs outside what Hearth writes (in a keyslots
//! file or inside a backup) are reported as damage at once: they must never make Hearth allocate
//! gigabytes, abort, or run for hours. Each case runs in a child process (this same test binary),
//! so that an abort or a hang shows as what it is rather than taking the test runner down with it.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::*;
use hearth_core::vault::{backup, backup_format};
use hearth_core::vault::{Partner, Vault, VaultError};

/// Set in the child: which case to run, and where.
const CASE_ENV: &str = "HEARTH_HOSTILE_CASE";
const DIR_ENV: &str = "HEARTH_HOSTILE_DIR";
/// Longer than any honest check takes, so a hang ends the child rather than the suite.
const HANG: Duration = Duration::from_secs(60);

/// The keyslots JSON with the first slot's `field` set to `value`.
fn with_cost(json: &[u8], field: &str, value: u64) -> Vec<u8> {
    let mut doc: serde_json::Value = serde_json::from_slice(json).unwrap();
    doc["vaults"][0]["slots"][0]["kdf"][field] = value.into();
    serde_json::to_vec(&doc).unwrap()
}

/// Prepares `case` in `dir` (a couple whose keyslots, or whose backup, asks for a hostile cost).
fn prepare(case: &str, dir: &Path) {
    let data = dir.join("data");
    let (vault, _) = set_up(&data);
    let (field, in_backup) = match case {
        "keyslots-m" => ("m_kib", false),
        "keyslots-t" => ("t", false),
        "backup-m" => ("m_kib", true),
        _ => ("t", true),
    };
    let slots_path = data.join("keyslots.json");
    let hostile = with_cost(&std::fs::read(&slots_path).unwrap(), field, 4_294_967_295);
    if in_backup {
        let file = dir.join("hostile.hearthbackup");
        vault.backup(&file, &mut |_| {}).unwrap();
        let mut contents = backup::read(&file).unwrap();
        assert_eq!(contents.parts[0].0, "keyslots.json");
        contents.parts[0].1 = hostile;
        let seal = contents.seal.unwrap();
        std::fs::write(&file, backup_format::encode(&contents.parts, &seal)).unwrap();
    } else {
        std::fs::write(&slots_path, hostile).unwrap();
    }
}

/// What the child does: the one call a person would make, timed from inside.
fn run_case(case: &str, dir: &Path) -> (VaultError, Duration) {
    let started = Instant::now();
    let err = if case.starts_with("backup") {
        let mut fresh = Vault::with_kdf(dir.join("restored"), FAST_KDF);
        fresh
            .restore(
                &dir.join("hostile.hearthbackup"),
                PASS_A,
                false,
                Instant::now(),
            )
            .unwrap_err()
    } else {
        let mut vault = Vault::with_kdf(dir.join("data"), FAST_KDF);
        vault
            .unlock(Some(Partner::A), PASS_A, Instant::now())
            .unwrap_err()
    };
    (err, started.elapsed())
}

#[test]
fn hostile_argon2_costs_are_reported_as_damage_within_a_second() {
    if let (Ok(case), Ok(dir)) = (std::env::var(CASE_ENV), std::env::var(DIR_ENV)) {
        // In the child: print what happened for the parent to judge.
        let (err, took) = run_case(&case, Path::new(&dir));
        println!("RESULT {} {}", err.kind(), took.as_millis());
        return;
    }
    for case in ["keyslots-m", "keyslots-t", "backup-m", "backup-t"] {
        let dir = tempfile::tempdir().unwrap();
        prepare(case, dir.path());
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "hostile_argon2_costs_are_reported_as_damage_within_a_second",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CASE_ENV, case)
            .env(DIR_ENV, dir.path())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let started = Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > HANG {
                let _ = child.kill();
                panic!("{case}: the child hung");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{case}: {:?}", output.status);
        let stdout = String::from_utf8_lossy(&output.stdout);
        let result = stdout
            .lines()
            // libtest prints "test <name> ... " before the child's first line.
            .find_map(|line| line.split("RESULT ").nth(1))
            .unwrap_or_else(|| panic!("{case}: no result in {stdout}"));
        let (kind, millis) = result.split_once(' ').unwrap();
        let expected = if case.starts_with("backup") {
            "backup_damaged"
        } else {
            "keyslots_damaged"
        };
        assert_eq!(kind, expected, "{case}");
        let millis: u64 = millis.parse().unwrap();
        assert!(millis < 1000, "{case}: took {millis} ms");
    }
}
