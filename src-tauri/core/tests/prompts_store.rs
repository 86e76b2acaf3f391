//! Prompts on a real shared vault: the consent gate, hidden prompts, deals until the library is
//! exhausted, the prompt of the day, history and resurfacing, answers, notes, and the couple's own
//! prompts.

mod common;

use std::time::Instant;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use common::*;
use hearth_core::prompts::store::{self, Filter, PromptDraft};
use hearth_core::prompts::{Category, Depth, Kind, Level, PromptsError};
use hearth_core::vault::{Partner, Vault};
use proptest::prelude::*;

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 19, 0, 0).unwrap()
}

/// A couple with the library loaded, unlocked as `who` only.
fn unlocked_as(dir: &std::path::Path, who: Partner) -> Vault {
    let (mut vault, _) = set_up(dir);
    vault.lock();
    let pass = if who == Partner::A { PASS_A } else { PASS_B };
    vault.unlock(Some(who), pass, Instant::now()).unwrap();
    store::sync_library(vault.session().unwrap()).unwrap();
    vault
}

fn switch_to(vault: &mut Vault, who: Partner) {
    vault.lock();
    let pass = if who == Partner::A { PASS_A } else { PASS_B };
    vault.unlock(Some(who), pass, Instant::now()).unwrap();
}

fn sensual_visible(vault: &Vault) -> bool {
    let session = vault.session().unwrap();
    let listed = store::list(session, &Filter::default()).unwrap();
    listed.iter().any(|p| p.category == Category::Sensual)
}

#[test]
fn consent_gate_needs_both_and_each_chooses_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = unlocked_as(dir.path(), Partner::A);
    assert!(!sensual_visible(&vault));

    store::set_consent(vault.session().unwrap(), Partner::A, true).unwrap();
    assert!(!sensual_visible(&vault), "one opt-in alone changes nothing");
    assert!(!store::both_opted_in(vault.session().unwrap()).unwrap());

    switch_to(&mut vault, Partner::B);
    assert!(!sensual_visible(&vault));
    assert!(!store::own_consent(vault.session().unwrap(), Partner::B).unwrap());
    assert!(
        matches!(
            store::own_consent(vault.session().unwrap(), Partner::A),
            Err(PromptsError::Locked)
        ),
        "B cannot read A's choice"
    );
    store::set_consent(vault.session().unwrap(), Partner::B, true).unwrap();
    assert!(sensual_visible(&vault));
    let deal = store::deal_date_night(
        vault.session().unwrap(),
        Some(Category::Sensual),
        Level::Closer,
        1,
        now(),
    )
    .unwrap();
    assert_eq!(deal.len(), 3);

    // Together, nobody can opt in or read a choice; either can opt out at once.
    vault
        .add_partner(Partner::A, PASS_A, Instant::now())
        .unwrap();
    let session = vault.session().unwrap();
    assert!(matches!(
        store::set_consent(session, Partner::A, true),
        Err(PromptsError::NotAlone)
    ));
    assert!(matches!(
        store::own_consent(session, Partner::A),
        Err(PromptsError::NotAlone)
    ));
    store::set_consent(session, Partner::A, false).unwrap();
    assert!(!sensual_visible(&vault));
    assert!(store::deal_date_night(
        vault.session().unwrap(),
        Some(Category::Sensual),
        Level::Closer,
        1,
        now()
    )
    .unwrap()
    .is_empty());
}

#[test]
fn hidden_prompts_and_favourites() {
    let dir = tempfile::tempdir().unwrap();
    let vault = unlocked_as(dir.path(), Partner::A);
    let session = vault.session().unwrap();
    let first = store::list(
        session,
        &Filter {
            category: Some(Category::Fun),
            ..Filter::default()
        },
    )
    .unwrap();
    let target = first[0].id.clone();
    store::set_hidden(session, &target, true).unwrap();
    store::set_favourite(session, &first[1].id, true).unwrap();
    let fun = store::list(
        session,
        &Filter {
            category: Some(Category::Fun),
            ..Filter::default()
        },
    )
    .unwrap();
    assert!(!fun.iter().any(|p| p.id == target));
    let with_hidden = store::list(
        session,
        &Filter {
            category: Some(Category::Fun),
            include_hidden: true,
            ..Filter::default()
        },
    )
    .unwrap();
    assert!(with_hidden.iter().any(|p| p.id == target && p.hidden));
    let favourites = store::list(
        session,
        &Filter {
            favourites_only: true,
            ..Filter::default()
        },
    )
    .unwrap();
    assert_eq!(favourites.len(), 1);
    for seed in 0..200 {
        let deal = store::deal_date_night(session, Some(Category::Fun), Level::Closer, seed, now())
            .unwrap();
        assert!(
            !deal.iter().any(|p| p.id == target),
            "hidden prompt dealt with seed {seed}"
        );
    }
}

#[test]
fn filters_and_search() {
    let dir = tempfile::tempdir().unwrap();
    let vault = unlocked_as(dir.path(), Partner::A);
    let session = vault.session().unwrap();
    let deep_questions = store::list(
        session,
        &Filter {
            depth: Some(Depth::Deep),
            kind: Some(Kind::Question),
            ..Filter::default()
        },
    )
    .unwrap();
    assert!(!deep_questions.is_empty());
    assert!(deep_questions
        .iter()
        .all(|p| p.depth == Depth::Deep && p.kind == Kind::Question));
    let found = store::list(
        session,
        &Filter {
            search: Some("SUNSET".into()),
            ..Filter::default()
        },
    )
    .unwrap();
    assert!(
        !found.is_empty()
            && found
                .iter()
                .all(|p| p.text.to_lowercase().contains("sunset"))
    );
}

#[test]
fn deals_never_repeat_discussed_prompts_until_the_theme_is_exhausted() {
    let dir = tempfile::tempdir().unwrap();
    let vault = unlocked_as(dir.path(), Partner::A);
    let session = vault.session().unwrap();
    let theme = Some(Category::Memories);
    // A date night deals conversation cards of its theme, and now and then a wildcard of any.
    let talked_over: std::collections::BTreeSet<String> = store::list(
        session,
        &Filter {
            category: theme,
            ..Filter::default()
        },
    )
    .unwrap()
    .into_iter()
    .filter(|p| p.kind.is_conversation())
    .map(|p| p.id)
    .collect();
    let mut seen = std::collections::BTreeSet::new();
    let mut seed = 0;
    loop {
        let deal = store::deal_date_night(session, theme, Level::Closer, seed, now()).unwrap();
        if deal.is_empty() {
            break;
        }
        let ramp: Vec<Depth> = deal
            .iter()
            .filter(|p| p.kind != Kind::Wildcard)
            .map(|p| p.depth)
            .collect();
        assert!(ramp.windows(2).all(|w| w[0] <= w[1]), "ramp");
        for p in &deal {
            assert!(seen.insert(p.id.clone()), "{} dealt again", p.id);
            store::mark_discussed(session, &p.id, now()).unwrap();
        }
        seed += 1;
    }
    let wildcards = seen.iter().filter(|id| !talked_over.contains(*id)).count();
    assert_eq!(
        seen.len() - wildcards,
        talked_over.len(),
        "every card of the theme, once"
    );
    assert_eq!(store::history(session, 1000).unwrap().len(), seen.len());

    // With resurfacing after 3 months, prompts discussed 4 months ago come back.
    store::set_resurface_months(session, 3).unwrap();
    let later = now() + Duration::days(124);
    assert_eq!(
        store::deal_date_night(session, theme, Level::Closer, 0, later)
            .unwrap()
            .len(),
        3
    );
    assert!(
        store::deal_date_night(session, theme, Level::Closer, 0, now() + Duration::days(30))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn swap_brings_a_new_card_that_keeps_the_ramp() {
    let dir = tempfile::tempdir().unwrap();
    let vault = unlocked_as(dir.path(), Partner::A);
    let session = vault.session().unwrap();
    let hand = store::deal_date_night(session, None, Level::Closer, 42, now()).unwrap();
    let ids: Vec<String> = hand.iter().map(|p| p.id.clone()).collect();
    let new = store::swap_card(session, None, Level::Closer, &ids, 1, 43, now())
        .unwrap()
        .unwrap();
    assert!(!ids.contains(&new.id));
    assert!(hand[0].depth <= new.depth && new.depth <= hand[2].depth);
}

#[test]
fn same_seed_same_deal_on_the_store() {
    // Two couples with the same library: a deal records what it dealt, so one vault cannot deal
    // the same hand twice.
    let deal_in = |seed| {
        let dir = tempfile::tempdir().unwrap();
        let vault = unlocked_as(dir.path(), Partner::A);
        let session = vault.session().unwrap();
        let hand = store::deal_date_night(session, None, Level::Closer, seed, now()).unwrap();
        let again = store::deal_date_night(session, None, Level::Closer, seed, now()).unwrap();
        assert!(
            hand.iter().all(|p| !again.contains(p)),
            "dealt twice in one vault"
        );
        hand
    };
    assert_eq!(deal_in(99), deal_in(99));
}

#[test]
fn prompt_of_the_day_is_stable_all_day_and_changes_daily() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = unlocked_as(dir.path(), Partner::A);
    let day = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    let morning = store::prompt_of_the_day(vault.session().unwrap(), day, now())
        .unwrap()
        .unwrap();
    switch_to(&mut vault, Partner::B);
    let evening = store::prompt_of_the_day(vault.session().unwrap(), day, now())
        .unwrap()
        .unwrap();
    assert_eq!(morning, evening, "same prompt for both partners all day");
    let tomorrow =
        store::prompt_of_the_day(vault.session().unwrap(), day.succ_opt().unwrap(), now())
            .unwrap()
            .unwrap();
    assert_ne!(morning.id, tomorrow.id);
    let gated = store::list(vault.session().unwrap(), &Filter::default()).unwrap();
    assert!(gated.iter().all(|p| p.category != Category::Sensual));
}

#[test]
fn library_sync_adds_once_and_keeps_marks_and_history() {
    let dir = tempfile::tempdir().unwrap();
    let vault = unlocked_as(dir.path(), Partner::A);
    let session = vault.session().unwrap();
    let any = store::list(session, &Filter::default()).unwrap()[0]
        .id
        .clone();
    store::set_favourite(session, &any, true).unwrap();
    store::mark_discussed(session, &any, now()).unwrap();
    assert_eq!(store::sync_library(session).unwrap(), 0, "already current");
    assert!(store::get(session, &any).unwrap().favourite);
    assert_eq!(store::history(session, 10).unwrap().len(), 1);
}

#[test]
fn own_prompts_add_edit_delete_and_history_survives() {
    let dir = tempfile::tempdir().unwrap();
    let vault = unlocked_as(dir.path(), Partner::A);
    let session = vault.session().unwrap();
    let draft = PromptDraft {
        text: "What made us laugh hardest this year?".into(),
        category: Category::Fun,
        depth: Depth::Light,
        kind: Kind::Question,
        choices: None,
        spice: None,
    };
    let mine = store::add_custom(session, &draft).unwrap();
    assert!(mine.custom);
    let bad = PromptDraft {
        text: "No mark".into(),
        ..draft.clone()
    };
    assert!(matches!(
        store::add_custom(session, &bad),
        Err(PromptsError::InvalidInput(_))
    ));
    let gated = PromptDraft {
        category: Category::Sensual,
        ..draft.clone()
    };
    assert!(
        store::add_custom(session, &gated).is_err(),
        "no gated prompts before both opt in"
    );
    let edited = store::update_custom(
        session,
        &mine.id,
        &PromptDraft {
            text: "What made us laugh hardest this month?".into(),
            ..draft.clone()
        },
    )
    .unwrap();
    assert_eq!(edited.text, "What made us laugh hardest this month?");
    store::mark_discussed(session, &mine.id, now()).unwrap();
    store::delete_custom(session, &mine.id).unwrap();
    assert!(matches!(
        store::get(session, &mine.id),
        Err(PromptsError::NotFound)
    ));
    assert_eq!(store::history(session, 10).unwrap()[0].text, edited.text);
    let builtin = store::list(session, &Filter::default())
        .unwrap()
        .into_iter()
        .find(|p| !p.custom)
        .unwrap();
    assert!(store::delete_custom(session, &builtin.id).is_err());
}

#[test]
fn answers_and_notes_are_saved_with_prompt_and_date() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = unlocked_as(dir.path(), Partner::A);
    let prompt = store::deal_date_night(vault.session().unwrap(), None, Level::Closer, 5, now())
        .unwrap()
        .remove(0);
    let pair = store::save_answers(
        vault.session().unwrap(),
        &prompt.id,
        Partner::B,
        "Blue\nand green",
        "<b>Red</b>",
        now(),
    )
    .unwrap();
    assert!(store::save_answers(
        vault.session().unwrap(),
        &prompt.id,
        Partner::A,
        "only one",
        "  ",
        now()
    )
    .is_err());
    store::save_together_note(
        vault.session().unwrap(),
        "We laughed a lot.",
        std::slice::from_ref(&prompt.id),
        now(),
    )
    .unwrap();
    switch_to(&mut vault, Partner::B);
    let saved = store::answers(vault.session().unwrap(), 10).unwrap();
    assert_eq!(saved, vec![pair]);
    assert_eq!(saved[0].prompt_text, prompt.text);
    assert_eq!(
        store::together_notes(vault.session().unwrap(), 10).unwrap()[0].note,
        "We laughed a lot."
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    /// Whatever is hidden and whatever the consent state, a deal holds neither hidden nor (unless
    /// both opted in) gated prompts, and never deals a card twice.
    #[test]
    fn deals_respect_hidden_and_consent(seed in any::<u64>(), hide_every in 2usize..9, a_in in any::<bool>(), b_in in any::<bool>()) {
        let dir = tempfile::tempdir().unwrap();
        let mut vault = unlocked_as(dir.path(), Partner::A);
        if a_in { store::set_consent(vault.session().unwrap(), Partner::A, true).unwrap(); }
        switch_to(&mut vault, Partner::B);
        if b_in { store::set_consent(vault.session().unwrap(), Partner::B, true).unwrap(); }
        let session = vault.session().unwrap();
        let all = store::list(session, &Filter::default()).unwrap();
        let mut hidden = std::collections::BTreeSet::new();
        for p in all.iter().step_by(hide_every) {
            store::set_hidden(session, &p.id, true).unwrap();
            hidden.insert(p.id.clone());
        }
        for theme in [None, Some(Category::Sensual), Some(Category::Trust)] {
            let deal = store::deal_date_night(session, theme, Level::Closer, seed, now()).unwrap();
            let again = store::deal_date_night(session, theme, Level::Closer, seed, now()).unwrap();
            prop_assert!(deal.iter().all(|p| !again.contains(p)));
            for p in &deal {
                prop_assert!(!hidden.contains(&p.id));
                prop_assert!(p.category != Category::Sensual || (a_in && b_in));
            }
        }
    }
}
