//! From prompt library format 1 to format 2: the schema step that rebuilds the prompts table keeps
//! every row, mark and day; and a vault that holds library 1 takes library 2 with its ids, texts,
//! favourites, hidden marks and history intact. `vectors/prompts-v1.json` is library 1 as shipped.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{TimeZone, Utc};
use common::*;
use hearth_core::prompts::library::{self, Library};
use hearth_core::prompts::store::{self, Filter};
use hearth_core::prompts::{Category, Spice};
use hearth_core::vault::migrations::{self, SHARED};
use rusqlite::Connection;

const V1_JSON: &str = include_str!("vectors/prompts-v1.json");

fn v1() -> Library {
    library::parse(V1_JSON).unwrap()
}

#[test]
fn library_2_keeps_every_id_and_text_of_library_1() {
    let old = v1();
    assert_eq!(old.version, 1);
    assert_eq!(old.prompts.len(), 311);
    let new: BTreeMap<_, _> = library::builtin()
        .unwrap()
        .prompts
        .iter()
        .map(|p| (p.id.as_str(), p))
        .collect();
    assert!(library::builtin().unwrap().version >= 2);
    for p in &old.prompts {
        let kept = new
            .get(p.id.as_str())
            .unwrap_or_else(|| panic!("{} is gone", p.id));
        assert_eq!(kept.text, p.text, "{} changed its text", p.id);
        assert_eq!((kept.category, kept.kind), (p.category, p.kind), "{}", p.id);
    }
}

#[test]
fn format_1_reads_with_its_sensual_prompts_mild() {
    let old = v1();
    let sensual: Vec<_> = old
        .prompts
        .iter()
        .filter(|p| p.category == Category::Sensual)
        .collect();
    assert!(!sensual.is_empty());
    assert!(sensual.iter().all(|p| p.spice == Some(Spice::Mild)));
    assert!(old
        .prompts
        .iter()
        .all(|p| p.choices.is_none() && !p.love_map && !p.playful));
}

#[test]
fn the_schema_step_keeps_rows_marks_and_days() {
    let mut conn = Connection::open_in_memory().unwrap();
    let file = Path::new("shared.db");
    migrations::migrate(&mut conn, file, &SHARED[..6]).unwrap();
    conn.execute_batch(
        "INSERT INTO prompts (id, text, category, depth, kind, favourite, hidden)
             VALUES ('emo-001', 'What small thing made you smile today?', 'emotional', 'light', 'question', 1, 0),
                    ('sens-001', 'What makes you feel attractive?', 'sensual', 'light', 'question', 0, 1);
         INSERT INTO prompts (id, text, category, depth, kind, custom)
             VALUES ('own-0001', 'Which walk should we take again?', 'memories', 'light', 'question', 1);
         INSERT INTO discussions (prompt_id, prompt_text, discussed_at)
             VALUES ('emo-001', 'What small thing made you smile today?', '2026-11-01T20:00:00Z');
         INSERT INTO daily_prompts (day, prompt_id) VALUES ('2026-11-02', 'own-0001');
         INSERT INTO consent (partner, opted_in) VALUES ('a', 1), ('b', 0);",
    )
    .unwrap();
    assert_eq!(
        migrations::migrate(&mut conn, file, &SHARED[..7]).unwrap(),
        7
    );

    let row = |id: &str| -> (String, bool, bool, bool, Option<String>) {
        conn.query_row(
            "SELECT text, favourite, hidden, custom, spice FROM prompts WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap()
    };
    assert_eq!(
        row("emo-001"),
        (
            "What small thing made you smile today?".into(),
            true,
            false,
            false,
            None
        )
    );
    assert!(row("sens-001").2, "hidden stays hidden");
    assert_eq!(
        row("sens-001").4.as_deref(),
        Some("mild"),
        "a sensual prompt starts mild"
    );
    assert!(row("own-0001").3, "the couple's own prompt stays theirs");
    let (seen, at): (String, String) = conn
        .query_row(
            "SELECT prompt_id, seen_at FROM prompt_sightings WHERE mode = 'daily'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(seen, "own-0001");
    let at: chrono::DateTime<Utc> = at.parse().unwrap();
    assert_eq!(at, Utc.with_ymd_and_hms(2026, 11, 2, 0, 0, 0).unwrap());
    let spices: Vec<String> = conn
        .prepare("SELECT spice FROM consent ORDER BY partner")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        spices,
        ["mild", "mild"],
        "each partner starts at the gentlest level"
    );

    // The new kinds carry their choices as columns, and the schema insists on them.
    let insert = |kind: &str, first: Option<&str>, category: &str, spice: Option<&str>| {
        conn.execute(
            "INSERT INTO prompts (id, text, category, depth, kind, first_choice, second_choice, spice)
             VALUES (hex(randomblob(8)), 'Which one?', ?2, 'light', ?1, ?3, ?3 || ' too', ?4)",
            rusqlite::params![kind, category, first, spice],
        )
    };
    assert!(
        insert("this_or_that", None, "fun", None).is_err(),
        "a quick choice needs its choices"
    );
    assert!(
        insert("question", Some("tea"), "fun", None).is_err(),
        "only a quick choice has choices"
    );
    assert!(
        insert("question", None, "sensual", None).is_err(),
        "a sensual prompt needs a spice level"
    );
    assert!(
        insert("question", None, "fun", Some("hot")).is_err(),
        "only a sensual prompt has one"
    );
    insert("would_you_rather", Some("tea"), "fun", None).unwrap();
    insert("wildcard", None, "fun", None).unwrap();
}

#[test]
fn a_vault_on_library_1_takes_library_2_and_keeps_its_marks_and_history() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = set_up(dir.path());
    let session = vault.session().unwrap();
    let old = v1();
    assert_eq!(
        store::sync_library_from(session, &old).unwrap(),
        old.prompts.len()
    );
    let all = store::list(session, &Filter::default()).unwrap();
    let (loved, hidden, talked) = (&all[0].id, &all[7].id, &all[12].id);
    store::set_favourite(session, loved, true).unwrap();
    store::set_hidden(session, hidden, true).unwrap();
    let at = Utc.with_ymd_and_hms(2026, 11, 1, 20, 0, 0).unwrap();
    store::mark_discussed(session, talked, at).unwrap();

    let new = library::builtin().unwrap();
    let added = store::sync_library(session).unwrap();
    assert_eq!(added, new.prompts.len() - old.prompts.len());
    assert_eq!(store::sync_library(session).unwrap(), 0, "once is enough");
    let after = store::list(
        session,
        &Filter {
            include_hidden: true,
            ..Filter::default()
        },
    )
    .unwrap();
    for p in &old.prompts {
        if p.category.is_gated() {
            continue; // closed until both opt in
        }
        let kept = after.iter().find(|q| q.id == p.id).unwrap();
        assert_eq!(kept.text, p.text);
    }
    assert!(store::get(session, loved).unwrap().favourite);
    assert!(store::get(session, hidden).unwrap().hidden);
    let history = store::history(session, 10).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(&history[0].prompt_id, talked);
    // The library's own marks arrived with it.
    let marked =
        |keep: fn(&hearth_core::prompts::Prompt) -> bool| after.iter().filter(|p| keep(p)).count();
    let shipped = |keep: fn(&hearth_core::prompts::Prompt) -> bool| {
        new.prompts
            .iter()
            .filter(|p| !p.category.is_gated() && keep(p))
            .count()
    };
    assert_eq!(marked(|p| p.love_map), shipped(|p| p.love_map));
    assert_eq!(marked(|p| p.playful), shipped(|p| p.playful));
    assert_eq!(
        marked(|p| p.choices.is_some()),
        shipped(|p| p.choices.is_some())
    );
}
