//! A couple's data folder for `make bench` (docs/app_bench.py): Sam and Alex set up at the app's
//! own Argon2id costs, with a journal at size (100,000 shared and 20,000 private entries), locked.
//!
//!     cargo run --release -p hearth-core --example seed_couple -- DIR

use std::error::Error;

use hearth_core::testing::{self, sample_journal};
use hearth_core::vault::Vault;

fn main() -> Result<(), Box<dyn Error>> {
    let dir = std::env::args_os()
        .nth(1)
        .ok_or("usage: seed_couple DIR (a folder that does not exist yet)")?;
    std::fs::create_dir_all(&dir)?;
    let mut vault = Vault::new(&dir);
    testing::set_up_couple(&mut vault)?;
    sample_journal::fill_at_size(vault.session()?)?;
    vault.lock();
    Ok(())
}
