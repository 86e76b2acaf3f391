//! Freshness, levels and spice on a real shared vault: no card comes back within the come-back
//! window in any mode, the spice dealt never exceeds the lower of the two partners' choices, and
//! the prompt of the day rotates its categories, mixes light and deep, and keeps the gate.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, TimeZone, Utc};
use common::*;
use hearth_core::prompts::store::{self, Filter};
use hearth_core::prompts::{Category, Depth, Kind, Level, Prompt, PromptsError, Spice};
use hearth_core::vault::{Partner, Vault};
use proptest::prelude::*;

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 1, 4, 19, 0, 0).unwrap()
}

/// A couple with the library loaded; each partner, alone, opts in (or not) at their own spice
/// level; then both are unlocked together.
fn couple(dir: &std::path::Path, choices: [Option<Spice>; 2]) -> Vault {
    let (mut vault, _) = set_up(dir);
    for (who, pass, choice) in [
        (Partner::A, PASS_A, choices[0]),
        (Partner::B, PASS_B, choices[1]),
    ] {
        vault.lock();
        vault.unlock(Some(who), pass, Instant::now()).unwrap();
        let session = vault.session().unwrap();
        store::sync_library(session).unwrap();
        if let Some(spice) = choice {
            store::set_consent(session, who, true).unwrap();
            store::set_spice(session, who, spice).unwrap();
        }
    }
    vault
        .add_partner(Partner::A, PASS_A, Instant::now())
        .unwrap();
    vault
}

#[derive(Debug, Clone, Copy)]
enum Step {
    Daily,
    DateNight(Level),
    Swap(usize),
    LoveMaps,
    QuickChoices,
    Wait(i64),
}

fn step_strategy() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => Just(Step::Daily),
        3 => proptest::sample::select(Level::ALL.to_vec()).prop_map(Step::DateNight),
        1 => (0usize..3).prop_map(Step::Swap),
        2 => Just(Step::LoveMaps),
        2 => Just(Step::QuickChoices),
        3 => (1i64..40).prop_map(Step::Wait),
    ]
}

fn spice_strategy() -> impl Strategy<Value = Option<Spice>> {
    proptest::option::of(proptest::sample::select(Spice::ALL.to_vec()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, .. ProptestConfig::default() })]

    /// Whatever the modes do, in whatever order and over whatever time, a card seen once is not
    /// dealt again until the window has passed (never, with a window of 0).
    #[test]
    fn no_card_repeats_within_the_window_across_all_modes(
        months in proptest::sample::select(vec![0u32, 1, 2]),
        steps in proptest::collection::vec(step_strategy(), 10..60),
        seed in any::<u64>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let vault = couple(dir.path(), [Some(Spice::Hot), Some(Spice::Hot)]);
        let session = vault.session().unwrap();
        store::set_resurface_months(session, months).unwrap();
        let mut now = start();
        let mut seen: BTreeMap<String, DateTime<Utc>> = BTreeMap::new();
        let mut hand: Vec<String> = Vec::new();
        let mut level = Level::Closer;
        let mut daily_days = BTreeSet::new();
        for (n, step) in steps.iter().enumerate() {
            let seed = seed.wrapping_add(n as u64);
            let dealt: Vec<Prompt> = match *step {
                Step::Wait(days) => { now += Duration::days(days); continue; }
                Step::Daily => {
                    let today = now.date_naive();
                    let card = store::prompt_of_the_day(session, today, now).unwrap();
                    // The same card all day is one showing, not a repeat.
                    if !daily_days.insert(today) { continue; }
                    card.into_iter().collect()
                }
                Step::DateNight(l) => {
                    level = l;
                    let cards = store::deal_date_night(session, None, l, seed, now).unwrap();
                    hand = cards.iter().map(|p| p.id.clone()).collect();
                    cards
                }
                Step::Swap(index) => {
                    if index >= hand.len() { continue; }
                    let new = store::swap_card(session, None, level, &hand, index, seed, now).unwrap();
                    if let Some(p) = &new { hand[index] = p.id.clone(); }
                    new.into_iter().collect()
                }
                Step::LoveMaps => store::deal_love_maps(session, seed, now).unwrap(),
                Step::QuickChoices => store::deal_quick_choices(session, seed, now).unwrap(),
            };
            for p in dealt {
                if let Some(&last) = seen.get(&p.id) {
                    let back_after = last.checked_add_months(Months::new(months)).unwrap();
                    prop_assert!(months > 0 && now >= back_after,
                        "{} came back in {:?} on {} after {} (window {} months)", p.id, step, now, last, months);
                }
                seen.insert(p.id.clone(), now);
            }
        }
    }

    /// Each partner chooses alone; whatever they choose, no deal or listing shows a gated prompt
    /// hotter than the lower of the two choices, nor any gated prompt unless both opted in.
    #[test]
    fn spice_never_exceeds_the_lower_of_the_two_choices(a in spice_strategy(), b in spice_strategy(), seed in any::<u64>()) {
        let dir = tempfile::tempdir().unwrap();
        let vault = couple(dir.path(), [a, b]);
        let session = vault.session().unwrap();
        let allowed = a.zip(b).map(|(a, b)| Spice::shared(a, b));
        prop_assert_eq!(store::shared_spice(session).unwrap(), allowed);
        let within = |p: &Prompt| !p.category.is_gated() || allowed.is_some_and(|l| p.spice.unwrap() <= l);
        let listed = store::list(session, &Filter::default()).unwrap();
        prop_assert!(listed.iter().all(within));
        if let Some(level) = allowed {
            // Everything up to the level is offered, not just something under it.
            prop_assert!(listed.iter().any(|p| p.spice == Some(level)));
        }
        for level in Level::ALL {
            let hand = store::deal_date_night(session, Some(Category::Sensual), level, seed, start()).unwrap();
            prop_assert!(hand.iter().all(within));
            prop_assert_eq!(hand.is_empty(), allowed.is_none());
        }
        prop_assert!(store::deal_quick_choices(session, seed, start()).unwrap().iter().all(within));
        prop_assert!(store::deal_love_maps(session, seed, start()).unwrap().iter().all(within));
        for day in 0..22 {
            let today = NaiveDate::from_ymd_opt(2027, 2, 1).unwrap() + Duration::days(day);
            if let Some(p) = store::prompt_of_the_day(session, today, start()).unwrap() {
                prop_assert!(within(&p), "{} on {today}", p.id);
            }
        }
    }
}

#[test]
fn each_partner_s_spice_is_told_only_to_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = couple(dir.path(), [Some(Spice::Hot), Some(Spice::Mild)]);
    let session = vault.session().unwrap();
    assert!(matches!(
        store::own_spice(session, Partner::A),
        Err(PromptsError::NotAlone)
    ));
    assert!(
        matches!(
            store::set_spice(session, Partner::B, Spice::Hot),
            Err(PromptsError::NotAlone)
        ),
        "raising needs B alone"
    );
    store::set_spice(session, Partner::A, Spice::Warm).unwrap();
    assert_eq!(
        store::shared_spice(session).unwrap(),
        Some(Spice::Mild),
        "only the lower one is used"
    );
    vault.leave(Partner::A).unwrap();
    let session = vault.session().unwrap();
    assert_eq!(store::own_spice(session, Partner::B).unwrap(), Spice::Mild);
    assert!(
        matches!(
            store::own_spice(session, Partner::A),
            Err(PromptsError::Locked)
        ),
        "B cannot read A's level"
    );
    store::set_spice(session, Partner::B, Spice::Hot).unwrap();
    assert_eq!(store::shared_spice(session).unwrap(), Some(Spice::Warm));
}

#[test]
fn levels_shape_the_date_night() {
    let dir = tempfile::tempdir().unwrap();
    let vault = couple(dir.path(), [None, None]);
    let session = vault.session().unwrap();
    for seed in 0..30 {
        let gentle = store::deal_date_night(session, None, Level::Gentle, seed, start()).unwrap();
        assert!(gentle
            .iter()
            .all(|p| p.depth != Depth::Deep || p.kind == Kind::Wildcard));
        let deepest = store::deal_date_night(session, None, Level::Deepest, seed, start()).unwrap();
        assert!(deepest
            .iter()
            .all(|p| p.depth != Depth::Light || p.kind == Kind::Wildcard));
        let deep_or_wild = |p: &&Prompt| p.depth == Depth::Deep || p.kind == Kind::Wildcard;
        assert_eq!(
            deepest.iter().filter(deep_or_wild).count(),
            2,
            "two deep cards, or a wildcard in place of one"
        );
        for hand in [&gentle, &deepest] {
            assert_eq!(hand.len(), 3);
            assert_ne!(
                hand[0].kind,
                Kind::Wildcard,
                "the first card is never a wildcard"
            );
            assert!(hand.iter().all(|p| !p.kind.is_quick_choice()));
        }
    }
}

#[test]
fn rounds_deal_their_own_kinds_and_the_couple_s_prompts_join_them() {
    let dir = tempfile::tempdir().unwrap();
    let vault = couple(dir.path(), [None, None]);
    let session = vault.session().unwrap();
    let own = store::add_custom(
        session,
        &store::PromptDraft {
            text: "Which bakery should we try on Saturday?".into(),
            category: Category::Fun,
            depth: Depth::Light,
            kind: Kind::Question,
            choices: None,
            spice: None,
        },
    )
    .unwrap();
    let choice = store::add_custom(
        session,
        &store::PromptDraft {
            text: "Saturday: bakery or market?".into(),
            category: Category::Fun,
            depth: Depth::Light,
            kind: Kind::ThisOrThat,
            choices: Some(["Bakery".into(), "Market".into()]),
            spice: None,
        },
    )
    .unwrap();
    let (mut own_in_maps, mut own_in_choices) = (false, false);
    for seed in 0..400 {
        let maps = store::deal_love_maps(session, seed, start()).unwrap();
        let choices = store::deal_quick_choices(session, seed, start()).unwrap();
        if maps.is_empty() && choices.is_empty() {
            break;
        }
        assert!(maps.iter().all(|p| p.love_map && p.kind == Kind::Question));
        assert!(choices
            .iter()
            .all(|p| p.kind.is_quick_choice() && p.choices.is_some()));
        own_in_maps |= maps.iter().any(|p| p.id == own.id);
        own_in_choices |= choices.iter().any(|p| p.id == choice.id);
    }
    assert!(
        own_in_maps && own_in_choices,
        "the couple's own prompts are dealt as equals"
    );
}

#[test]
fn the_prompt_of_the_day_rotates_categories_and_mixes_light_and_deep() {
    let dir = tempfile::tempdir().unwrap();
    let vault = couple(dir.path(), [None, None]);
    let session = vault.session().unwrap();
    let first = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
    let days: Vec<(NaiveDate, Prompt)> = (0..28)
        .map(|n| {
            let day = first + Duration::days(n);
            (
                day,
                store::prompt_of_the_day(session, day, start())
                    .unwrap()
                    .unwrap(),
            )
        })
        .collect();
    for (day, p) in &days {
        assert!(!p.category.is_gated(), "{day}: gated without consent");
        assert!(
            !p.kind.is_quick_choice() && p.kind != Kind::Wildcard,
            "{day}: {:?}",
            p.kind
        );
    }
    // Consecutive days never share a category, and any eleven days in a row cover the ten open ones.
    for pair in days.windows(2) {
        assert_ne!(
            pair[0].1.category, pair[1].1.category,
            "{} and {}",
            pair[0].0, pair[1].0
        );
    }
    for run in days.windows(11) {
        let categories: BTreeSet<Category> = run.iter().map(|(_, p)| p.category).collect();
        assert_eq!(categories.len(), 10, "from {}", run[0].0);
    }
    // Every week holds light and deep days, and the playful ones fall on the light days.
    for week in days.chunks(7) {
        let depths: BTreeSet<Depth> = week.iter().map(|(_, p)| p.depth).collect();
        assert!(
            depths.contains(&Depth::Light) && depths.contains(&Depth::Deep),
            "{depths:?}"
        );
        assert!(week
            .iter()
            .any(|(day, p)| p.playful && day.weekday().number_from_monday() == 1));
    }
}
