//! Two laptops through commands: A starts pairing in a folder, B opens the pairing file with the
//! code and joins as Alex, and a shared entry written on A reaches B's journal with "Sync now". A
//! wrong code opens nothing; no folder chosen is said in plain words; the folder dialog is the
//! only way to name a folder. Each laptop then knows the other by its owner, and an entry both
//! edit while apart keeps the losing text as a revision, said to be Sam's. A new laptop pairs
//! through the folder already in use and receives what was cleared long before; the one it
//! replaces is forgotten.

use std::path::Path;

use chrono::Local;
use serde_json::json;

use crate::support::ipc::{setup_args, start, unlocked, TestApp};
use crate::support::PASS_A;

const B_HERE: &str = "willow ferry cobalt lantern";

#[test]
fn a_second_laptop_joins_with_the_code_and_receives_the_shared_space() {
    let (dir_a, dir_b, folder) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let a = start(dir_a.path());
    a.ok("setup_couple", setup_args());
    assert_eq!(a.err_kind("start_sync", json!({})), "invalid_input");
    assert_eq!(a.err_kind("choose_sync_folder", json!({})), "unavailable");
    a.choose_sync_folder(folder.path());
    let today = Local::now().date_naive().to_string();
    write_entry(&a, "our lighthouse walk");
    let pairing = a.ok("start_sync", json!({}));
    let code = pairing["code"].as_str().unwrap().to_string();
    assert_eq!(code.replace('-', "").len(), 26);
    let status = a.ok("sync_status", json!({}));
    assert_eq!(status["pairingWaiting"], json!(true));
    a.ok("sync_now", json!({}));

    let b = start(dir_b.path());
    b.choose_sync_folder(folder.path());
    assert_eq!(
        b.err_kind(
            "read_pairing",
            json!({ "code": "0000-0000-0000-0000-0000-0000-00" })
        ),
        "sync_pairing_code"
    );
    let names = b.ok("read_pairing", json!({ "code": code.to_lowercase() }));
    assert_eq!(names, json!(["Sam", "Alex"]));
    let joined = b.ok(
        "join_sync",
        json!({ "code": code, "partner": "b", "passphrase": B_HERE }),
    );
    assert_eq!(unlocked(&joined["status"]), ["Alex"]);
    assert!(!joined["recoveryCode"].as_str().unwrap().is_empty());

    b.ok("sync_now", json!({}));
    let page = b.ok("list_entries", json!({ "filter": {} }));
    let bodies: Vec<&str> = page["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["body"].as_str().unwrap())
        .collect();
    assert_eq!(bodies, ["our lighthouse walk"]);

    let status = a.ok("sync_now", json!({}));
    assert_eq!(status["pairingWaiting"], json!(false), "{status}");
    assert!(status["peers"][0]["lastHeard"].is_string(), "{status}");
    assert_eq!(
        status["peers"][0]["owner"],
        json!("b"),
        "B said it is Alex's"
    );
    assert_eq!(a.ok("entry_revisions", json!({})), json!([]));

    // Both edit the entry before either hears of the other: B's later text wins on both, and
    // A's is kept as a revision, said to be Sam's.
    let edit = |laptop: &crate::support::ipc::TestApp, id: &serde_json::Value, body: &str| {
        laptop.ok(
            "update_entry",
            json!({ "space": { "space": "shared" }, "id": id,
                "draft": { "body": body, "date": today } }),
        );
    };
    let on_b = page["entries"][0]["id"].clone();
    let on_a = a.ok("list_entries", json!({ "filter": {} }))["entries"][0]["id"].clone();
    // Apart: the folder is gone for a while, as a USB stick unplugged, so that neither laptop's
    // own passes (each command wakes them) can carry one edit across before the other is made.
    let away = folder.path().with_extension("away");
    std::fs::rename(folder.path(), &away).unwrap();
    edit(&a, &on_a, "our lighthouse walk, in the fog");
    std::thread::sleep(std::time::Duration::from_millis(300));
    edit(&b, &on_b, "our lighthouse walk at dawn");
    std::fs::rename(&away, folder.path()).unwrap();
    a.ok("sync_now", json!({}));
    b.ok("sync_now", json!({}));
    a.ok("sync_now", json!({}));
    for (laptop, id) in [(&a, &on_a), (&b, &on_b)] {
        let kept = laptop.ok("entry_revisions", json!({}));
        assert_eq!(
            kept,
            json!([{ "row": id, "field": "body", "by": "a",
                "writtenAt": kept[0]["writtenAt"], "value": "our lighthouse walk, in the fog" }])
        );
        assert!(kept[0]["writtenAt"].is_string());
    }
}

/// The first laptop: a couple set up in `dir` with one shared entry, "our lighthouse walk", and
/// pairing started in `folder`, its first segment written; the code it shows.
pub fn first_laptop(dir: &Path, folder: &Path) -> (TestApp, serde_json::Value) {
    let a = start(dir);
    a.ok("setup_couple", setup_args());
    a.choose_sync_folder(folder);
    write_entry(&a, "our lighthouse walk");
    let code = a.ok("start_sync", json!({}))["code"].clone();
    a.ok("sync_now", json!({}));
    (a, code)
}

pub fn write_entry(laptop: &TestApp, body: &str) {
    let today = Local::now().date_naive().to_string();
    laptop.ok(
        "create_entry",
        json!({ "space": { "space": "shared" }, "author": "a",
            "draft": { "body": body, "date": today } }),
    );
}

fn shared_bodies(laptop: &TestApp) -> Vec<String> {
    let page = laptop.ok("list_entries", json!({ "filter": {} }));
    page["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["body"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_new_laptop_pairs_through_the_folder_in_use_and_the_old_one_is_forgotten() {
    let (dir_a, dir_b, dir_c, folder) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let (a, code) = first_laptop(dir_a.path(), folder.path());
    let b = start(dir_b.path());
    b.choose_sync_folder(folder.path());
    b.ok(
        "join_sync",
        json!({ "code": code, "partner": "b", "passphrase": B_HERE }),
    );
    for laptop in [&b, &a, &b, &a] {
        laptop.ok("sync_now", json!({}));
    }
    let old = a.ok("sync_status", json!({}))["peers"][0]["device"].clone();
    drop(a);

    // Another day: no folder chosen since Hearth started, so pairing uses the one in use.
    let a = start(dir_a.path());
    a.ok("unlock", json!({ "partner": "a", "passphrase": PASS_A }));
    let pairing = a.ok("start_sync", json!({}));
    assert_eq!(
        pairing["folder"],
        json!(folder.path().display().to_string())
    );
    a.ok("sync_now", json!({}));
    let c = start(dir_c.path());
    c.choose_sync_folder(folder.path());
    c.ok(
        "join_sync",
        json!({ "code": pairing["code"], "partner": "b", "passphrase": B_HERE }),
    );
    c.ok("sync_now", json!({}));
    assert_eq!(shared_bodies(&c), ["our lighthouse walk"]);

    assert_eq!(
        a.err_kind("forget_laptop", json!({ "device": "not a laptop" })),
        "sync_unknown_laptop"
    );
    let status = a.ok("forget_laptop", json!({ "device": old }));
    let devices: Vec<&serde_json::Value> = status["peers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|peer| &peer["device"])
        .collect();
    assert!(!devices.contains(&&old), "{status}");
    for laptop in [&a, &c, &a, &c] {
        laptop.ok("sync_now", json!({}));
    }
    let status = c.ok("sync_status", json!({}));
    assert_eq!(status["peers"].as_array().unwrap().len(), 1, "{status}");
    assert_eq!(status["peers"][0]["owner"], json!("a"));
    assert_eq!(status["forgotten"], json!(false));
}
