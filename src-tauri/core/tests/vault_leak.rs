//! No plaintext on disk: a unique marker written through every write path that exists (names,
//! passphrases, shared and private entries, reminder titles, which the wake list written beside the
//! vaults must not carry; entry titles and tags, which also fill the full-text index; check-in
//! notes, repair agreements and reflections; a backup file and an age-encrypted export written
//! beside them), and the recovery codes, must appear in no file under the data folder, as UTF-8 or
//! UTF-16LE, while the vaults are open and after lock. No file may be a plaintext SQLite database.

mod common;

use common::*;
use hearth_core::journal;
use hearth_core::reminders::live::LiveSchedule;
use hearth_core::reminders::store::{self, ReminderDraft, ReminderKind};
use hearth_core::reminders::wake_list;
use hearth_core::testing;
use hearth_core::vault::{partners, settings, Partner, Space};

#[test]
fn marker_appears_in_no_file_while_open_or_after_lock() {
    let dir = tempfile::tempdir().unwrap();
    let marker = unique_marker("LEAKMARK");
    let name_a = format!("{marker}a");
    let name_b = format!("{marker}b");
    let pass_a = format!("{PASS_A} {marker}");
    let pass_b = format!("{PASS_B} {marker}");
    let (mut vault, codes) = set_up_named(dir.path(), &name_a, &name_b, &pass_a, &pass_b);
    let now = std::time::Instant::now();
    vault.open_private(Partner::A, &pass_a, now).unwrap();
    vault.open_private(Partner::B, &pass_b, now).unwrap();

    let session = vault.session().unwrap();
    testing::fill_every_space(session, 50, |i| {
        format!("{i} {marker} {}", "filler ".repeat(20))
    })
    .unwrap();
    settings::set_auto_lock_minutes(session, 15).unwrap();
    let soon = chrono::Utc::now().naive_utc() + chrono::Duration::days(1);
    store::create(
        session,
        &ReminderDraft {
            kind: ReminderKind::WeeklySlot,
            title: format!("Our {marker} evening"),
            notification_text: None,
            rule: "FREQ=WEEKLY".into(),
            zone: "UTC".into(),
            start_local: soon,
            lead_minutes: 15,
            duration_minutes: 60,
            active: true,
        },
        chrono::Utc::now(),
    )
    .unwrap();
    for space in Space::ALL {
        let author = match space {
            Space::Private(owner) => owner,
            Space::Shared => Partner::A,
        };
        let draft = journal::EntryDraft {
            title: format!("{marker} title"),
            tags: vec![format!("{marker}tag")],
            ..journal::EntryDraft::plain(&format!("indexed {marker} words"))
        };
        journal::store::create(session, space, author, &draft).unwrap();
    }
    // A check-in note and a repair agreement (the shared vault); a reflection (A's private one).
    hearth_core::checkins::repair::save(
        session,
        &format!("we agree {marker}"),
        &Default::default(),
        chrono::Utc::now(),
    )
    .unwrap();
    vault.lock();
    vault
        .unlock(Some(Partner::A), &pass_a, std::time::Instant::now())
        .unwrap();
    let session = vault.session().unwrap();
    let today = chrono::Utc::now().date_naive();
    let ratings = hearth_core::checkins::Ratings {
        love: 4,
        vulnerability: 3,
        trust: 5,
        commitment: 4,
    };
    hearth_core::checkins::store::answer(
        session,
        Partner::A,
        &hearth_core::checkins::Week::of(today),
        ratings,
        &format!("note {marker}"),
        chrono::Utc::now(),
    )
    .unwrap();
    hearth_core::checkins::reflection::save(
        session,
        Partner::A,
        hearth_core::checkins::reflection::Enemy::Entitlement,
        &format!("reflecting {marker}"),
        today,
    )
    .unwrap();
    vault
        .add_partner(Partner::B, &pass_b, std::time::Instant::now())
        .unwrap();
    let now = std::time::Instant::now();
    let names = partners::names(vault.session().unwrap()).unwrap();
    let entries = vault
        .as_owner(Partner::A, Some(&pass_a), now, |session| {
            journal::export::entries_of(session, Partner::A)
        })
        .unwrap()
        .unwrap();
    let text =
        journal::export::render(&entries, &names, journal::export::ExportFormat::Markdown).unwrap();
    assert!(text.contains(&marker), "the export had the marker to hide");
    let sealed = journal::export::seal(&text, "orchard velvet lantern quiet", Some(10)).unwrap();
    std::fs::write(dir.path().join("export.md.age"), sealed).unwrap();
    vault
        .backup(&dir.path().join("hearth.backup"), &mut |_| {})
        .unwrap();
    let session = vault.session().unwrap();
    let (wake, on_disk) = wake_list::compute(session, chrono::Utc::now()).unwrap();
    let mut live = LiveSchedule::open(dir.path().to_path_buf(), chrono::Utc::now());
    live.replace(wake, on_disk).unwrap();
    assert!(dir.path().join(wake_list::FILE_NAME).exists());
    vault
        .change_passphrase(
            Partner::B,
            &pass_b,
            &format!("{NEW_PASS} {marker}"),
            std::time::Instant::now(),
        )
        .unwrap();

    let secrets = [
        marker.as_str(),
        codes.a.as_str(),
        codes.b.as_str(),
        &codes.a.replace('-', ""),
    ];
    let check = |when: &str| {
        assert!(!files_under(dir.path()).is_empty());
        for secret in secrets {
            let hits = files_containing(dir.path(), secret);
            assert!(hits.is_empty(), "{when}: plaintext found in {hits:?}");
        }
        let plain = plaintext_databases(dir.path());
        assert!(plain.is_empty(), "{when}: unencrypted databases {plain:?}");
    };
    check("while open");
    vault.lock();
    check("after lock");
}

#[test]
fn the_scan_itself_finds_plaintext() {
    // Guards the leak test: a scan that cannot find anything would pass vacuously.
    let dir = tempfile::tempdir().unwrap();
    let marker = unique_marker("SELFCHECK");
    std::fs::write(dir.path().join("utf8.txt"), format!("x{marker}y")).unwrap();
    let utf16: Vec<u8> = marker.encode_utf16().flat_map(u16::to_le_bytes).collect();
    std::fs::write(dir.path().join("utf16.bin"), utf16).unwrap();
    let plain = rusqlite::Connection::open(dir.path().join("plain.db")).unwrap();
    plain.execute_batch("CREATE TABLE t (x)").unwrap();
    drop(plain);
    assert_eq!(files_containing(dir.path(), &marker).len(), 2);
    assert_eq!(plaintext_databases(dir.path()).len(), 1);
}
