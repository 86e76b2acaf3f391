//! Writes the fingerprint of the articles Hearth grew from: one hex hash per run of six words
//! (`prompts::likeness::runs`), sorted. The library test compares every prompt against this file,
//! so the articles' sentences never have to ship with Hearth, nor be present where tests run.
//!
//!     cargo run -p hearth-core --example seed_runs -- ../shared/seeds > \
//!         src-tauri/core/tests/vectors/seed-runs.txt

use std::collections::BTreeSet;
use std::error::Error;

use hearth_core::prompts::likeness::runs;

fn main() -> Result<(), Box<dyn Error>> {
    let dir = std::env::args_os()
        .nth(1)
        .ok_or("usage: seed_runs DIR (the folder of seed articles)")?;
    let mut all = BTreeSet::new();
    let mut files: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    files.sort_by_key(|f| f.path());
    for file in files {
        all.extend(runs(&std::fs::read_to_string(file.path())?));
    }
    for hash in all {
        println!("{hash:016x}");
    }
    Ok(())
}
