//! The sync folder's watch in the app, with the real housekeeping thread and a real inotify watch
//! (issue 35): an idle laptop runs no pass until the other laptop's files arrive. Each laptop has
//! its own copy of the shared folder, as a sync tool keeps one on each; here a child process
//! carries files between the copies the way Syncthing does (a temporary name, then a rename). The
//! other laptop is hearth-core on a data folder of its own, so it runs a pass only when asked.
//! One segment carried in wakes exactly one pass, and so do ten carried in at once.
//! Passes are counted, as the app counts them, never timed.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use chrono::Utc;
use hearth_core::journal::{store as journal, EntryDraft};
use hearth_core::sync::{link, names, store::state};
use hearth_core::vault::{Partner, Space, Vault};
use hearth_lib::PassCounts;
use serde_json::json;

use crate::support::eventually;
use crate::support::ipc::TestApp;
use crate::sync::{first_laptop, write_entry};

const B_HERE: &str = "willow ferry cobalt lantern";
/// Longer than the watch takes to gather a burst (at most 2.25 s), well short of the minute's
/// rescan: a wake the watch should not have made would be counted within it.
const QUIET: Duration = Duration::from_secs(3);

#[test]
fn an_idle_laptop_runs_no_pass_until_the_other_laptop_brings_a_segment() {
    let (dir_a, dir_b, folder_a, folder_b) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let (a, code) = first_laptop(dir_a.path(), folder_a.path());

    // The sync tool brings A's files to B's copy; B joins there and reads them.
    carry_tree(&folder_a.path().join(names::ROOT), folder_b.path());
    let mut b = Vault::new(dir_b.path());
    link::join(
        &mut b,
        folder_b.path(),
        code.as_str().unwrap(),
        Partner::B,
        B_HERE,
    )
    .unwrap();
    link::run(&b, Utc::now()).unwrap();
    let b_device = state::device(b.session().unwrap().conn()).unwrap().unwrap();
    let vault_dir = only_vault_dir(folder_a.path());
    let b_in_a = vault_dir.join(b_device.to_string());
    let b_in_b = folder_b
        .path()
        .join(vault_dir.strip_prefix(folder_a.path()).unwrap())
        .join(b_device.to_string());
    // B's acknowledgement arrives: A's watch wakes a pass, which removes the pairing file.
    let mut carried = names_in(&b_in_b);
    carry(&b_in_b, &b_in_a, &carried);
    eventually(
        "A reads B's acknowledgement",
        Duration::from_secs(30),
        || !a_pairing_waits(folder_a.path()),
    );

    // A writes: its command's pass writes a segment in A's own folder, which wakes nothing.
    write_entry(&a, "a second evening");
    let a_dir = own_dir(&vault_dir, &b_device);
    let first = names::segment_name(1);
    eventually("A sends its entry", Duration::from_secs(30), || {
        names_in(&a_dir)
            .iter()
            .any(|name| name.starts_with("seg-") && *name != first)
    });
    let before = a.sync_passes();
    std::thread::sleep(QUIET);
    assert_eq!(a.sync_passes(), before, "a quiet folder woke a pass");

    // B writes an entry; its segment arrives through the sync tool and wakes exactly one pass.
    let one = sends(&b, &b_in_b, &mut carried, &["a note from Alex".to_owned()]);
    assert_eq!(one.len(), 1, "one new segment: {one:?}");
    carry(&b_in_b, &b_in_a, &one);
    let after = after_a_wake(&a, before);
    assert_eq!(after.folder, before.folder + 1, "{before:?} → {after:?}");
    assert_eq!(after.passes, before.passes + 1, "{before:?} → {after:?}");

    // Ten segments brought at once, as a sync tool brings a backlog, wake one pass too.
    let notes: Vec<String> = (1..=10).map(|n| format!("backlog note {n}")).collect();
    let ten = sends(&b, &b_in_b, &mut carried, &notes);
    assert_eq!(ten.len(), 10, "{ten:?}");
    carry(&b_in_b, &b_in_a, &ten);
    let last = after_a_wake(&a, after);
    assert_eq!(last.folder, after.folder + 1, "{after:?} → {last:?}");
    assert_eq!(last.passes, after.passes + 1, "{after:?} → {last:?}");
    let page = a.ok("list_entries", json!({ "filter": {} }));
    let bodies: Vec<&str> = page["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|entry| entry["body"].as_str())
        .collect();
    for note in ["a note from Alex", "backlog note 1", "backlog note 10"] {
        assert!(bodies.contains(&note), "{note}: {bodies:?}");
    }
}

/// B writes each of `bodies` as a shared entry and runs a pass after each, so each goes in a
/// segment of its own in B's copy; the files that are new there since `carried`, now carried too.
fn sends(b: &Vault, b_dir: &Path, carried: &mut Vec<String>, bodies: &[String]) -> Vec<String> {
    for body in bodies {
        let session = b.session().unwrap();
        journal::create(session, Space::Shared, Partner::B, &EntryDraft::plain(body)).unwrap();
        link::run(b, Utc::now()).unwrap();
    }
    let new: Vec<String> = names_in(b_dir)
        .into_iter()
        .filter(|name| !carried.contains(name))
        .collect();
    carried.extend(new.iter().cloned());
    new
}

/// A's counts once the watch has woken it for what was just carried in, and a quiet interval
/// after, in which nothing more may wake it.
fn after_a_wake(a: &TestApp, before: PassCounts) -> PassCounts {
    eventually("A wakes for B's segments", Duration::from_secs(30), || {
        a.sync_passes().folder > before.folder
    });
    std::thread::sleep(QUIET);
    a.sync_passes()
}

/// The one vault's mailbox in a copy of the shared folder.
fn only_vault_dir(folder: &Path) -> PathBuf {
    let mut vaults: Vec<PathBuf> = std::fs::read_dir(folder.join(names::ROOT))
        .unwrap()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.is_dir())
        .collect();
    assert_eq!(vaults.len(), 1, "{vaults:?}");
    vaults.remove(0)
}

/// The device folder in `vault_dir` that is not `other`'s.
fn own_dir(vault_dir: &Path, other: &hearth_core::sync::DeviceId) -> PathBuf {
    std::fs::read_dir(vault_dir)
        .unwrap()
        .flatten()
        .map(|entry| entry.path())
        .find(|path| !path.ends_with(other.to_string()))
        .unwrap()
}

fn a_pairing_waits(folder: &Path) -> bool {
    hearth_core::sync::pairing::find(folder).is_ok_and(|found| !found.is_empty())
}

fn names_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter_map(|entry| entry.file_name().into_string().ok())
        .collect()
}

/// As a sync tool brings a whole folder the first time (nothing watches B's copy).
fn carry_tree(from: &Path, into: &Path) {
    let status = Command::new("cp")
        .arg("-a")
        .arg(from)
        .arg(into)
        .status()
        .unwrap();
    assert!(status.success());
}

/// As Syncthing brings files, in a process of its own: each is written under a temporary name,
/// then renamed into place.
fn carry(from: &Path, to: &Path, files: &[String]) {
    let script = r#"set -e; from="$1"; to="$2"; shift 2; mkdir -p "$to"
        for name in "$@"; do
          cp "$from/$name" "$to/.syncthing.$name.tmp"
          mv "$to/.syncthing.$name.tmp" "$to/$name"
        done"#;
    let status = Command::new("sh")
        .args(["-c", script, "carry"])
        .arg(from)
        .arg(to)
        .args(files)
        .status()
        .unwrap();
    assert!(status.success());
}
