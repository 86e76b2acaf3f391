//! A journal at size, the same in every run: what the journal benchmarks and `make bench`'s couple
//! (the `seed_couple` example) fill their vaults with.

use crate::vault::Session;

/// The shared entries of a journal at size, and the private entries of partner A.
pub const SHARED_ENTRIES: u32 = 100_000;
pub const PRIVATE_ENTRIES: u32 = 20_000;

const WORDS: &[&str] = &[
    "evening", "walk", "kitchen", "laughed", "tired", "grateful", "garden", "rain", "coffee",
    "letter", "argument", "repair", "slow", "morning", "music", "dancing", "quiet", "sunday",
    "friends", "holiday", "train", "soup", "candle", "promise", "worry", "hug", "beach", "book",
    "film", "bread", "bicycle", "market", "storm", "window", "sister", "mountain", "balcony",
];

/// A deterministic sentence (SplitMix64), so every run builds the same journal. One entry in a
/// hundred mentions the lantern: what the search benchmark looks for.
pub fn body(seed: u64) -> String {
    let mut state = seed;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut words: Vec<&str> = (0..40)
        .map(|_| WORDS[(next() % WORDS.len() as u64) as usize])
        .collect();
    if seed % 100 == 7 {
        words.push("lantern");
    }
    words.join(" ")
}

/// Writes `count` entries into `schema` in one transaction, 40 to a day, through the real triggers
/// (so the full-text index is built as the app builds it).
pub fn fill(session: &Session, schema: &str, count: u32, seed: u64) -> rusqlite::Result<()> {
    let tx = session.conn().unchecked_transaction()?;
    {
        let mut insert = tx.prepare(&format!(
            "INSERT INTO {schema}.entries (created_at, updated_at, body, title, entry_date, tags, author)
             VALUES ('2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', ?1, '', date('2020-01-01', ?2), '', 'a')"
        ))?;
        for i in 0..count {
            let offset = format!("+{} days", i / 40);
            insert.execute(rusqlite::params![body(seed + u64::from(i)), offset])?;
        }
    }
    tx.commit()
}

/// Fills a journal at size: the shared entries, and partner A's private ones.
pub fn fill_at_size(session: &Session) -> rusqlite::Result<()> {
    fill(session, "main", SHARED_ENTRIES, 0)?;
    fill(session, "private_a", PRIVATE_ENTRIES, 1_000_000)
}
