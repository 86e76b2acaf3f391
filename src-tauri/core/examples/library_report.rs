//! The prompt library in numbers, and a sample of it: counts per category, depth, kind, level and
//! mark, then `COUNT` prompts drawn by the same seeded generator the deals use, so the same seed
//! always quotes the same prompts.
//!
//!     cargo run -p hearth-core --example library_report -- SEED COUNT

use std::collections::BTreeMap;
use std::error::Error;

use hearth_core::prompts::deal::SeededRng;
use hearth_core::prompts::library;

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: library_report SEED COUNT";
    let seed: u64 = args.next().ok_or(usage)?.parse()?;
    let count: usize = args.next().ok_or(usage)?.parse()?;
    let prompts = &library::builtin()?.prompts;
    println!(
        "{} prompts, library format {}",
        prompts.len(),
        library::builtin()?.version
    );
    let tally = |key: &dyn Fn(&hearth_core::prompts::Prompt) -> Option<String>| {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for p in prompts {
            if let Some(k) = key(p) {
                *counts.entry(k).or_default() += 1;
            }
        }
        counts
            .iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!(
        "category: {}",
        tally(&|p| Some(p.category.key().to_string()))
    );
    println!("depth: {}", tally(&|p| Some(p.depth.key().to_string())));
    println!("kind: {}", tally(&|p| Some(p.kind.key().to_string())));
    println!(
        "spice level (sensual prompts): {}",
        tally(&|p| p.spice.map(|s| s.key().to_string()))
    );
    println!(
        "playful: {}, suits love maps: {}",
        prompts.iter().filter(|p| p.playful).count(),
        prompts.iter().filter(|p| p.love_map).count()
    );
    println!("\n{count} prompts drawn with seed {seed}:");
    let mut rng = SeededRng::new(seed);
    let mut left: Vec<_> = prompts.iter().collect();
    for n in 1..=count.min(left.len()) {
        let p = left.remove(rng.below(left.len()));
        let choices = p
            .choices
            .as_ref()
            .map(|[a, b]| format!(" [{a} | {b}]"))
            .unwrap_or_default();
        println!(
            "{n:2}. {} ({}, {}, {}): {}{choices}",
            p.id,
            p.category.key(),
            p.depth.key(),
            p.kind.key(),
            p.text
        );
    }
    Ok(())
}
