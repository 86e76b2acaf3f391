//! Which tables of the shared space travel between the laptops, how both laptops know a row, and
//! which columns point at a row of another table. One list, read by sending, receiving and the
//! schema test that holds every shared table to either this list or [`STAYS`].
//!
//! A numbered row (`INTEGER PRIMARY KEY`) has a different number on each laptop, so it travels
//! under a random uid; a row with a natural key (a partner's letter, a reminder's random id, a
//! week and a partner) travels under that key, so the same row written on both laptops is one row.

use super::shared_rows as shared;
use super::store::Fields;

/// How a row is known on both laptops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKey {
    /// Numbered by each file (`id INTEGER PRIMARY KEY`): known by a random uid.
    Numbered,
    /// Known by these columns' values, the same on both laptops.
    Natural(&'static [&'static str]),
}

/// A column holding the number of a row in another table, which travels as that row's uid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub column: &'static str,
    pub table: &'static str,
}

/// Which of a table's rows travel.
#[derive(Debug, Clone, Copy)]
pub enum Rows {
    /// Every row.
    All,
    /// Only rows this says are shared, both ways: a row that is not is neither sent nor written.
    Only(fn(&Fields) -> bool),
    /// A row starts to travel once `starts` says it is worth sending, and keeps travelling after
    /// (so taking a mark off travels too), as the fields `keep` leaves.
    Marked {
        starts: fn(&Fields) -> bool,
        keep: fn(&mut Fields),
    },
}

/// One synced table.
#[derive(Debug, Clone, Copy)]
pub struct Synced {
    pub name: &'static str,
    pub key: RowKey,
    pub links: &'static [Link],
    pub rows: Rows,
}

const fn numbered(name: &'static str) -> Synced {
    linked(name, &[])
}

const fn natural(name: &'static str, columns: &'static [&'static str]) -> Synced {
    Synced {
        name,
        key: RowKey::Natural(columns),
        links: &[],
        rows: Rows::All,
    }
}

const fn linked(name: &'static str, links: &'static [Link]) -> Synced {
    Synced {
        name,
        key: RowKey::Numbered,
        links,
        rows: Rows::All,
    }
}

/// A natural-keyed table of which only some rows travel.
const fn some_of(name: &'static str, columns: &'static [&'static str], rows: Rows) -> Synced {
    Synced {
        name,
        key: RowKey::Natural(columns),
        links: &[],
        rows,
    }
}

/// Every synced table, each with capture triggers in `migrations/shared/0009_sync.sql` (or, for a
/// table added later, in the migration that made it; for prompts and settings, in 0011).
pub const SYNCED: &[Synced] = &[
    natural("partners", &["id"]),
    natural("consent", &["partner"]),
    natural("reminders", &["id"]),
    natural("together_times", &["reminder_id", "occurrence"]),
    natural("checkin_answers", &["week", "partner"]),
    natural("daily_prompts", &["day"]),
    linked(
        "entries",
        &[Link {
            column: "answer_id",
            table: "answers",
        }],
    ),
    numbered("answers"),
    numbered("discussions"),
    numbered("prompt_sightings"),
    numbered("together_notes"),
    numbered("appreciation_exchanges"),
    linked(
        "appreciation_notes",
        &[Link {
            column: "exchange_id",
            table: "appreciation_exchanges",
        }],
    ),
    numbered("repair_agreements"),
    numbered("stress_talks"),
    numbered("care_profiles"),
    numbered("dreams"),
    linked(
        "love_maps",
        &[Link {
            column: "updates",
            table: "love_maps",
        }],
    ),
    numbered("date_plans"),
    numbered("milestones"),
    natural("laptops", &["device"]),
    natural("forgotten_laptops", &["device"]),
    some_of(
        "prompts",
        &["id"],
        Rows::Marked {
            starts: shared::prompt_is_ours,
            keep: shared::prompt_fields,
        },
    ),
    some_of("settings", &["key"], Rows::Only(shared::is_couples_setting)),
];

/// Shared tables that do not travel, and why.
pub const STAYS: &[(&str, &str)] = &[("entry_tags", "made from an entry's tags on each laptop")];

/// The synced table called `name`, if it is one.
pub fn find(name: &str) -> Option<&'static Synced> {
    SYNCED.iter().find(|table| table.name == name)
}

impl Synced {
    /// Whether a row with these fields travels, given whether it has travelled before.
    pub fn travels(&self, fields: &Fields, travelled: bool) -> bool {
        match self.rows {
            Rows::All => true,
            Rows::Only(shared) => shared(fields),
            Rows::Marked { starts, .. } => travelled || starts(fields),
        }
    }

    /// The fields of a row that travel.
    pub fn keep(&self, fields: &mut Fields) {
        if let Rows::Marked { keep, .. } = self.rows {
            keep(fields);
        }
    }

    /// The table a column points into, if it is a link.
    pub fn link(&self, column: &str) -> Option<&'static str> {
        self.links
            .iter()
            .find(|link| link.column == column)
            .map(|link| link.table)
    }
}
