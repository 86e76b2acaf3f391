//! Test support, behind the `test-support` feature so the app never carries it: the couple that
//! every test and benchmark sets up (Sam and Alex), and shortcuts to entries that the product API
//! reaches only through drafts and filters.

pub mod sample_journal;

use crate::journal::{self, Entry, EntryDraft, EntryFilter};
use crate::vault::{NewPartner, Partner, RecoveryCodes, Result, Session, Space, Vault};

pub const NAMES: [&str; 2] = ["Sam", "Alex"];
pub const PASS_A: &str = "lantern orbit velvet cactus";
pub const PASS_B: &str = "quiet harbor mosaic tundra";

/// Sets up Sam (`PASS_A`) and Alex (`PASS_B`) in `vault`; both are left unlocked.
pub fn set_up_couple(vault: &mut Vault) -> Result<RecoveryCodes> {
    set_up_named(vault, NAMES, [PASS_A, PASS_B])
}

/// Sets up a couple with these names and passphrases in `vault`; both are left unlocked.
pub fn set_up_named(
    vault: &mut Vault,
    names: [&str; 2],
    passphrases: [&str; 2],
) -> Result<RecoveryCodes> {
    vault.setup(
        NewPartner {
            name: names[0],
            passphrase: passphrases[0],
        },
        NewPartner {
            name: names[1],
            passphrase: passphrases[1],
        },
    )
}

/// Saves a plain entry dated today and returns its id once committed.
pub fn add_entry(session: &Session, space: Space, body: &str) -> journal::Result<i64> {
    let author = match space {
        Space::Private(owner) => owner,
        Space::Shared => session
            .unlocked_partners()
            .first()
            .copied()
            .unwrap_or(Partner::A),
    };
    Ok(journal::store::create(session, space, author, &EntryDraft::plain(body))?.id)
}

/// Writes `per_space` plain entries in every space, the `i`th with `body(i)`.
pub fn fill_every_space(
    session: &Session,
    per_space: usize,
    body: impl Fn(usize) -> String,
) -> journal::Result<()> {
    for space in Space::ALL {
        for i in 0..per_space {
            add_entry(session, space, &body(i))?;
        }
    }
    Ok(())
}

pub fn get_entry(session: &Session, space: Space, id: i64) -> journal::Result<Option<Entry>> {
    journal::store::get(session, space, id)
}

/// The newest entries of one space first.
pub fn list_entries(session: &Session, space: Space, limit: u32) -> journal::Result<Vec<Entry>> {
    session.schema(space)?;
    let filter = EntryFilter {
        space: Some(space),
        ..EntryFilter::default()
    };
    Ok(journal::store::list(session, &filter, None, limit)?.entries)
}

pub fn count_entries(session: &Session, space: Space) -> journal::Result<u64> {
    journal::store::count(session, space)
}
