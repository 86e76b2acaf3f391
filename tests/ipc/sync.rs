//! Two laptops through commands: A starts pairing in a folder, B opens the pairing file with the
//! code and joins as Alex, and a shared entry written on A reaches B's journal with "Sync now". A
//! wrong code opens nothing; no folder chosen is said in plain words; the folder dialog is the
//! only way to name a folder.

use chrono::Local;
use serde_json::json;

use crate::support::ipc::{setup_args, start, unlocked};

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
    a.ok(
        "create_entry",
        json!({ "space": { "space": "shared" }, "author": "a",
            "draft": { "body": "our lighthouse walk", "date": today } }),
    );
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
}
