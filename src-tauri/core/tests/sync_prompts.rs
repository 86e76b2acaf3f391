//! The couple's prompts across two laptops: own prompts travel whole (two written at once stay
//! two), the marks on Hearth's library travel as marks only (favourite, hidden, and taking a mark
//! off), and the come-back window is the couple's. The library itself never enters the folder,
//! nor does any setting of a laptop's own.

mod common;

use common::sync::SyncLaptop;
use hearth_core::prompts::store::{self as prompts, PromptDraft};
use hearth_core::prompts::{Category, Depth, Kind};
use hearth_core::sync::store;
use hearth_core::vault::settings;

const START_MS: u64 = 1_796_000_000_000;

fn draft(text: &str) -> PromptDraft {
    PromptDraft {
        text: text.into(),
        category: Category::Fun,
        depth: Depth::Light,
        kind: Kind::Question,
        choices: None,
        spice: None,
    }
}

fn settle(a: &mut SyncLaptop, b: &mut SyncLaptop) {
    for _ in 0..2 {
        a.pass();
        b.pass();
    }
}

fn own_texts(laptop: &SyncLaptop) -> Vec<String> {
    let mut texts: Vec<String> = prompts::list(laptop.session(), &prompts::Filter::default())
        .unwrap()
        .into_iter()
        .filter(|p| p.custom)
        .map(|p| p.text)
        .collect();
    texts.sort();
    texts
}

fn library_laptop(folder: &std::path::Path) -> SyncLaptop {
    let laptop = SyncLaptop::new(folder);
    prompts::sync_library(laptop.session()).unwrap();
    laptop
}

#[test]
fn own_prompts_marks_and_the_come_back_window_reach_the_other_laptop() {
    let folder = tempfile::tempdir().unwrap();
    let mut a = library_laptop(folder.path());
    let mut b = library_laptop(folder.path());
    let library = prompts::list(a.session(), &prompts::Filter::default()).unwrap();
    let (loved, skipped) = (&library[0].id, &library[1].id);

    // Written at the same moment on both laptops: two prompts, not one.
    prompts::add_custom(
        a.session(),
        &draft("Which bakery should we try on Saturday?"),
    )
    .unwrap();
    prompts::add_custom(b.session(), &draft("Where shall we watch the sunrise?")).unwrap();
    prompts::set_favourite(a.session(), loved, true).unwrap();
    prompts::set_hidden(a.session(), skipped, true).unwrap();
    prompts::set_resurface_months(a.session(), 6).unwrap();
    settings::write_value(a.session(), "lock_after_minutes", "1").unwrap();
    settle(&mut a, &mut b);

    let both = [
        "Where shall we watch the sunrise?",
        "Which bakery should we try on Saturday?",
    ];
    assert_eq!(own_texts(&a), both);
    assert_eq!(own_texts(&b), both);
    for text in both {
        assert!(
            common::files_containing(folder.path(), text).is_empty(),
            "an own prompt crosses sealed: {text}"
        );
    }
    assert!(prompts::get(b.session(), loved).unwrap().favourite);
    assert!(prompts::get(b.session(), skipped).unwrap().hidden);
    assert_eq!(prompts::resurface_months(b.session()).unwrap(), 6);
    assert_eq!(
        settings::read_value(b.session(), "lock_after_minutes").unwrap(),
        None,
        "a laptop's own setting stays on it"
    );

    // Taking a mark off travels too, and so does deleting an own prompt.
    prompts::set_favourite(b.session(), loved, false).unwrap();
    let sunrise = prompts::list(b.session(), &prompts::Filter::default())
        .unwrap()
        .into_iter()
        .find(|p| p.text.starts_with("Where shall we"))
        .unwrap();
    prompts::delete_custom(b.session(), &sunrise.id).unwrap();
    settle(&mut a, &mut b);
    assert!(!prompts::get(a.session(), loved).unwrap().favourite);
    assert_eq!(own_texts(&a), ["Which bakery should we try on Saturday?"]);

    let travelled: Vec<store::RowDump> = store::dump(a.session().conn())
        .unwrap()
        .into_iter()
        .filter(|row| row.table == "prompts" || row.table == "settings")
        .collect();
    assert_eq!(
        travelled.len(),
        4,
        "one own prompt, two marked, one setting: {travelled:?}"
    );
    let marked = travelled
        .iter()
        .find(|row| row.uid.contains(loved.as_str()));
    let fields: Vec<&String> = marked.unwrap().fields.keys().collect();
    assert_eq!(
        fields,
        ["favourite", "hidden", "id"],
        "a mark, not the text"
    );
    assert_eq!(
        store::dump(a.session().conn()).unwrap(),
        store::dump(b.session().conn()).unwrap()
    );
}

#[test]
fn a_setting_of_a_laptop_s_own_sent_by_the_other_is_refused() {
    use hearth_core::sync::ops::Op;
    use hearth_core::sync::{Clock, DeviceId};
    let folder = tempfile::tempdir().unwrap();
    let b = SyncLaptop::new(folder.path());
    let mut clock = Clock::new(DeviceId::random());
    let op = Op {
        stamp: clock.stamp(START_MS),
        base: None,
        table: "settings".into(),
        row: r#"["sync_folder"]"#.into(),
        field: "value".into(),
        value: serde_json::json!("/somewhere/else"),
    };
    let key = Op {
        stamp: clock.stamp(START_MS),
        field: "key".into(),
        value: serde_json::json!("sync_folder"),
        ..op.clone()
    };
    let applied = store::apply(b.session().conn(), &[op, key], START_MS).unwrap();
    assert_eq!(applied.refused.len(), 1);
    assert_eq!(
        settings::read_value(b.session(), "sync_folder").unwrap(),
        None
    );
}

#[test]
fn schema_step_eleven_marks_what_the_couple_made_before_it_on_a_laptop_already_syncing() {
    use hearth_core::vault::migrations::{self, SHARED};
    let mut conn = rusqlite::Connection::open_in_memory().unwrap();
    let file = std::path::Path::new("shared.db");
    migrations::migrate(&mut conn, file, &SHARED[..10]).unwrap();
    conn.execute_batch(
        "UPDATE sync_state SET device = '0123456789abcdef0123456789abcdef', capturing = 1;
         INSERT INTO prompts (id, text, category, depth, kind, custom, favourite, hidden) VALUES
             ('own-0001', 'Which walk should we take again?', 'fun', 'light', 'question', 1, 0, 0),
             ('lib-loved', 'A library prompt we love', 'fun', 'light', 'question', 0, 1, 0),
             ('lib-plain', 'A library prompt', 'fun', 'light', 'question', 0, 0, 0);
         INSERT INTO settings (key, value) VALUES ('prompt_resurface_months', '6'),
                                                  ('lock_after_minutes', '5');
         DELETE FROM sync_dirty;",
    )
    .unwrap();
    migrations::migrate(&mut conn, file, SHARED).unwrap();
    let ops = store::changes(&conn, START_MS).unwrap();
    let mut rows: Vec<&str> = ops.iter().map(|op| op.row.as_str()).collect();
    rows.sort();
    rows.dedup();
    assert_eq!(
        rows,
        [
            r#"["lib-loved"]"#,
            r#"["own-0001"]"#,
            r#"["prompt_resurface_months"]"#
        ]
    );
}
