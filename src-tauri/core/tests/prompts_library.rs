//! The built-in library meets its rules: enough prompts, in every category, with enough depth, each
//! unique and well formed.

use std::collections::BTreeMap;

use hearth_core::prompts::library::{self, overlap, word_set};
use hearth_core::prompts::{Category, Depth, Kind};

#[test]
fn library_counts_per_category_and_depth() {
    let lib = library::builtin().unwrap();
    assert!(lib.prompts.len() >= 300, "{}", lib.prompts.len());
    let mut per_category: BTreeMap<Category, usize> = BTreeMap::new();
    let mut per_depth: BTreeMap<Depth, usize> = BTreeMap::new();
    for p in &lib.prompts {
        *per_category.entry(p.category).or_default() += 1;
        *per_depth.entry(p.depth).or_default() += 1;
    }
    for category in Category::ALL {
        let n = per_category.get(&category).copied().unwrap_or(0);
        assert!(n >= 20, "{category:?} has {n}");
    }
    let deep = per_depth.get(&Depth::Deep).copied().unwrap_or(0);
    assert!(
        deep * 5 >= lib.prompts.len(),
        "only {deep} deep of {}",
        lib.prompts.len()
    );
    for depth in Depth::ALL {
        assert!(per_depth.contains_key(&depth));
    }
}

#[test]
fn every_category_and_depth_is_a_known_value() {
    // The library parses into closed enums, so an unknown value cannot load; this pins the keys too.
    let lib = library::builtin().unwrap();
    for p in &lib.prompts {
        assert_eq!(Category::from_key(p.category.key()), Some(p.category));
        assert_eq!(Depth::from_key(p.depth.key()), Some(p.depth));
        assert_eq!(Kind::from_key(p.kind.key()), Some(p.kind));
    }
}

#[test]
fn every_prompt_is_well_formed() {
    let lib = library::builtin().unwrap();
    for p in &lib.prompts {
        let chars = p.text.chars().count();
        assert!((10..=220).contains(&chars), "{}: {chars} characters", p.id);
        if p.kind == Kind::Question {
            assert!(p.text.ends_with('?'), "{} is a question without '?'", p.id);
        }
        assert!(!p.custom && !p.favourite && !p.hidden, "{}", p.id);
        assert_eq!(p.text.trim(), p.text, "{}", p.id);
    }
}

#[test]
fn no_two_prompts_are_near_duplicates() {
    let lib = library::builtin().unwrap();
    let sets: Vec<_> = lib
        .prompts
        .iter()
        .map(|p| (&p.id, &p.text, word_set(&p.text)))
        .collect();
    for (i, (id_a, text_a, a)) in sets.iter().enumerate() {
        for (id_b, text_b, b) in &sets[i + 1..] {
            assert_ne!(text_a, text_b, "{id_a} and {id_b} are the same");
            let shared = overlap(a, b);
            assert!(
                shared <= 0.8,
                "{id_a} and {id_b} share {:.0}% of their words",
                shared * 100.0
            );
        }
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
        "boyfriend",
        "girlfriend",
        "kids",
        "children",
        "church",
        "god",
        "pray",
        "he",
        "she",
        "his",
        "her",
        "him",
    ];
    let lib = library::builtin().unwrap();
    for p in &lib.prompts {
        let text = word_set(&p.text);
        for word in words {
            assert!(!text.contains(word), "{} uses {word:?}: {}", p.id, p.text);
        }
    }
}

#[test]
fn the_checks_catch_bad_prompts() {
    assert!(library::check_text("Too short", Kind::Activity).is_err());
    assert!(library::check_text("A question without its mark", Kind::Question).is_err());
    assert!(library::check_text(&"x".repeat(221), Kind::Activity).is_err());
    let broken = r#"{"version": 1, "prompts": [
        {"id": "x", "text": "What is your favourite colour?", "category": "fun", "depth": "light", "kind": "question"},
        {"id": "x", "text": "What is your favourite season?", "category": "fun", "depth": "light", "kind": "question"}]}"#;
    assert!(library::parse(broken).is_err());
    for (field, bad) in [
        ("category", "romance"),
        ("depth", "abyssal"),
        ("kind", "quiz"),
    ] {
        let mut prompt = serde_json::json!({ "id": "y", "text": "What is your favourite colour?",
            "category": "fun", "depth": "light", "kind": "question" });
        prompt[field] = bad.into();
        let json = serde_json::json!({ "version": 1, "prompts": [prompt] }).to_string();
        assert!(
            library::parse(&json).is_err(),
            "an unknown {field} must be refused"
        );
    }
    assert!(
        overlap(
            &word_set("What is your favourite colour?"),
            &word_set("What is your favourite colour today?")
        ) > 0.8
    );
}
