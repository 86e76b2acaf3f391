//! The built-in library meets its rules: enough prompts in every category, depth, kind and level;
//! each unique, well formed and our own (no near duplicates, no run of words from the articles
//! Hearth grew from), and inclusive.

use std::collections::{BTreeMap, BTreeSet};

use hearth_core::prompts::likeness::{meaning_words, overlap, runs, word_set, MAX_LIKENESS};
use hearth_core::prompts::{library, Category, Depth, Kind, Prompt, Spice};

const SEED_RUNS: &str = include_str!("vectors/seed-runs.txt");

fn prompts() -> &'static [Prompt] {
    &library::builtin().unwrap().prompts
}

fn count(keep: impl Fn(&Prompt) -> bool) -> usize {
    prompts().iter().filter(|p| keep(p)).count()
}

#[test]
fn counts_per_category_depth_kind_and_level() {
    let total = prompts().len();
    assert!(total >= 1000, "{total} prompts");
    let mut per_category: BTreeMap<Category, usize> = BTreeMap::new();
    for p in prompts() {
        *per_category.entry(p.category).or_default() += 1;
    }
    for category in Category::ALL {
        let n = per_category.get(&category).copied().unwrap_or(0);
        assert!(n >= 60, "{category:?} has {n}");
    }
    let deep = count(|p| p.depth == Depth::Deep);
    assert!(deep * 4 >= total, "only {deep} deep of {total}");
    let playful = count(|p| p.playful);
    assert!(playful * 5 >= total, "only {playful} playful of {total}");
    for depth in Depth::ALL {
        assert!(count(|p| p.depth == depth) > 0, "{depth:?}");
    }
    for kind in [Kind::ThisOrThat, Kind::WouldYouRather] {
        let n = count(|p| p.kind == kind);
        assert!(n >= 40, "{kind:?} has {n}");
    }
    let wildcards = count(|p| p.kind == Kind::Wildcard);
    assert!(
        (12..=40).contains(&wildcards),
        "{wildcards} wildcards: a small set"
    );
    let love_maps = count(|p| p.love_map);
    assert!(love_maps >= 100, "{love_maps} prompts suit love maps");
    for spice in Spice::ALL {
        let n = count(|p| p.spice == Some(spice));
        assert!(n >= 15, "{spice:?} has {n}");
    }
}

#[test]
fn every_prompt_is_well_formed_with_its_kinds_fields() {
    for p in prompts() {
        // The parser already applies these; they are restated so a change there is seen here.
        library::check_prompt(p).unwrap_or_else(|err| panic!("{}: {err}", p.id));
        let chars = p.text.chars().count();
        assert!((10..=220).contains(&chars), "{}: {chars} characters", p.id);
        assert_eq!(p.text.trim(), p.text, "{}", p.id);
        if p.kind.asks() {
            assert!(p.text.ends_with('?'), "{} asks without a '?'", p.id);
        }
        assert_eq!(p.choices.is_some(), p.kind.is_quick_choice(), "{}", p.id);
        assert_eq!(p.spice.is_some(), p.category.is_gated(), "{}", p.id);
        assert!(!p.love_map || p.kind == Kind::Question, "{}", p.id);
        assert!(!p.custom && !p.favourite && !p.hidden, "{}", p.id);
        if let Some([a, b]) = &p.choices {
            // The choices are what the two keys pick, so the question names both.
            let text = p.text.to_lowercase();
            for choice in [a, b] {
                assert!(
                    choice.chars().count() <= 40,
                    "{}: {choice:?} is long for a key",
                    p.id
                );
                let first_word = choice
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                assert!(
                    text.contains(&first_word),
                    "{}: {choice:?} is not in the question",
                    p.id
                );
            }
        }
    }
}

#[test]
fn ids_and_texts_are_unique_and_no_two_prompts_are_near_duplicates() {
    let mut ids = BTreeSet::new();
    for p in prompts() {
        assert!(ids.insert(&p.id), "{} twice", p.id);
    }
    // The meaning words once per prompt: the pairs number half a million.
    let words: Vec<_> = prompts()
        .iter()
        .map(|p| (p, meaning_words(&p.text)))
        .collect();
    for (i, (a, a_words)) in words.iter().enumerate() {
        for (b, b_words) in &words[i + 1..] {
            assert_ne!(a.text, b.text, "{} and {} are the same", a.id, b.id);
            let alike = overlap(a_words, b_words);
            assert!(
                alike <= MAX_LIKENESS,
                "{} and {} share {:.0}% of their meaning words:\n  {}\n  {}",
                a.id,
                b.id,
                alike * 100.0,
                a.text,
                b.text
            );
        }
    }
}

#[test]
fn no_prompt_borrows_six_words_in_a_row_from_the_seed_articles() {
    let seed_runs: BTreeSet<u64> = SEED_RUNS
        .lines()
        .map(|line| u64::from_str_radix(line, 16).unwrap())
        .collect();
    assert!(seed_runs.len() > 4000, "the fingerprint file is complete");
    for p in prompts() {
        let mut text = p.text.clone();
        for choice in p.choices.iter().flatten() {
            text = format!("{text} {choice}");
        }
        assert!(
            runs(&text).is_disjoint(&seed_runs),
            "{} borrows a run of six words: {}",
            p.id,
            p.text
        );
    }
}

#[test]
fn inclusive_wording() {
    // No assumptions of marriage, gender, children or a religion.
    let words = [
        "husband",
        "wife",
        "spouse",
        "marriage",
        "married",
        "wedding",
        "bride",
        "groom",
        "boyfriend",
        "girlfriend",
        "he",
        "she",
        "his",
        "her",
        "hers",
        "him",
        "kids",
        "children",
        "baby",
        "babies",
        "son",
        "daughter",
        "church",
        "god",
        "pray",
        "prayer",
        "bible",
    ];
    for p in prompts() {
        let mut text = word_set(&p.text);
        for choice in p.choices.iter().flatten() {
            text.extend(word_set(choice));
        }
        for word in words {
            assert!(!text.contains(word), "{} uses {word:?}: {}", p.id, p.text);
        }
    }
}

#[test]
fn the_checks_catch_bad_prompts() {
    let question = |extra: serde_json::Value| {
        let mut prompt = serde_json::json!({ "id": "y", "text": "What is your favourite colour?",
            "category": "fun", "depth": "light", "kind": "question" });
        for (key, value) in extra.as_object().unwrap() {
            prompt[key] = value.clone();
        }
        library::parse(&serde_json::json!({ "version": 2, "prompts": [prompt] }).to_string())
    };
    assert!(question(serde_json::json!({})).is_ok());
    for (what, bad) in [
        (
            "an unknown category",
            serde_json::json!({ "category": "romance" }),
        ),
        (
            "an unknown depth",
            serde_json::json!({ "depth": "abyssal" }),
        ),
        ("an unknown kind", serde_json::json!({ "kind": "quiz" })),
        ("too short", serde_json::json!({ "text": "Too short" })),
        (
            "too long",
            serde_json::json!({ "text": format!("{}?", "x".repeat(220)) }),
        ),
        (
            "a question without its mark",
            serde_json::json!({ "text": "Tell me your colour" }),
        ),
        (
            "a quick choice without choices",
            serde_json::json!({ "kind": "this_or_that" }),
        ),
        (
            "choices on a question",
            serde_json::json!({ "choices": ["Red", "Blue"] }),
        ),
        (
            "the same choice twice",
            serde_json::json!({ "kind": "this_or_that", "choices": ["Red", "red"] }),
        ),
        (
            "an empty choice",
            serde_json::json!({ "kind": "would_you_rather", "choices": ["Red", " "] }),
        ),
        (
            "spice outside the sensual category",
            serde_json::json!({ "spice": "warm" }),
        ),
        (
            "a sensual prompt without spice",
            serde_json::json!({ "category": "sensual" }),
        ),
        (
            "an unknown spice",
            serde_json::json!({ "category": "sensual", "spice": "volcanic" }),
        ),
        (
            "a love map that is not a question",
            serde_json::json!({ "kind": "activity", "text": "Cook a meal together.", "loveMap": true }),
        ),
        ("an unknown field", serde_json::json!({ "mood": "sunny" })),
    ] {
        assert!(question(bad).is_err(), "{what} must be refused");
    }
    assert!(
        question(serde_json::json!({ "kind": "this_or_that", "choices": ["Red", "Blue"] })).is_ok()
    );
    let twice = r#"{"version": 2, "prompts": [
        {"id": "x", "text": "What is your favourite colour?", "category": "fun", "depth": "light", "kind": "question"},
        {"id": "x", "text": "What is your favourite season?", "category": "fun", "depth": "light", "kind": "question"}]}"#;
    assert!(library::parse(twice).is_err());
}
