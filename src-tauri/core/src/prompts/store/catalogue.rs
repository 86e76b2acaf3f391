//! The library copy in `shared.db`, browsing it, and the favourite and hidden marks.

use rusqlite::{params, OptionalExtension, Row};
use serde::Deserialize;

use super::consent::{gate_allows, shared_spice, within};
use super::setting;
use crate::prompts::error::{PromptsError, Result};
use crate::prompts::levels::Spice;
use crate::prompts::library::{self, Library};
use crate::prompts::types::{Category, Depth, Kind, Prompt};
use crate::vault::Session;

const LIBRARY_VERSION_KEY: &str = "prompt_library_version";
const PROMPT_COLUMNS: &str = "id, text, category, depth, kind, first_choice, second_choice, \
                              playful, love_map, spice, custom, favourite, hidden";

/// Brings the library copy up to the library shipped in this build.
pub fn sync_library(session: &Session) -> Result<usize> {
    sync_library_from(session, library::builtin()?)
}

/// Copies `library` into a vault that holds an older one: new prompts are added, and Hearth's own
/// prompts take the library's fields (a newer format brings new marks). The couple's favourites,
/// hidden marks, history and own prompts are left alone. Returns how many were added.
pub fn sync_library_from(session: &Session, library: &Library) -> Result<usize> {
    let stored: u32 = setting(session, LIBRARY_VERSION_KEY)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    if stored >= library.version {
        return Ok(0);
    }
    let tx = session.conn().unchecked_transaction()?;
    let count = |tx: &rusqlite::Transaction<'_>| -> rusqlite::Result<i64> {
        tx.query_row("SELECT count(*) FROM main.prompts", [], |r| r.get(0))
    };
    let before = count(&tx)?;
    {
        let mut upsert = tx.prepare(
            "INSERT INTO main.prompts (id, text, category, depth, kind, first_choice, second_choice,
                                       playful, love_map, spice, custom)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0)
             ON CONFLICT (id) DO UPDATE SET
                 text = excluded.text, category = excluded.category, depth = excluded.depth,
                 kind = excluded.kind, first_choice = excluded.first_choice,
                 second_choice = excluded.second_choice, playful = excluded.playful,
                 love_map = excluded.love_map, spice = excluded.spice
             WHERE custom = 0",
        )?;
        for p in &library.prompts {
            let [first, second] = p
                .choices
                .as_ref()
                .map(|[a, b]| [Some(a), Some(b)])
                .unwrap_or_default();
            upsert.execute(params![
                p.id,
                p.text,
                p.category.key(),
                p.depth.key(),
                p.kind.key(),
                first,
                second,
                p.playful,
                p.love_map,
                p.spice.map(Spice::key),
            ])?;
        }
    }
    let added = usize::try_from(count(&tx)? - before).unwrap_or(0);
    tx.execute(
        "INSERT INTO main.settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (LIBRARY_VERSION_KEY, library.version.to_string()),
    )?;
    tx.commit()?;
    Ok(added)
}

fn prompt_from_row(row: &Row<'_>) -> rusqlite::Result<Prompt> {
    fn known<T>(row: &Row<'_>, i: usize, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
        let key: String = row.get(i)?;
        parse(&key).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                i,
                rusqlite::types::Type::Text,
                format!("unknown value {key:?}").into(),
            )
        })
    }
    let first: Option<String> = row.get(5)?;
    let second: Option<String> = row.get(6)?;
    let spice: Option<String> = row.get(9)?;
    Ok(Prompt {
        id: row.get(0)?,
        text: row.get(1)?,
        category: known(row, 2, Category::from_key)?,
        depth: known(row, 3, Depth::from_key)?,
        kind: known(row, 4, Kind::from_key)?,
        choices: first.zip(second).map(|(a, b)| [a, b]),
        playful: row.get(7)?,
        love_map: row.get(8)?,
        spice: spice.as_deref().and_then(Spice::from_key),
        custom: row.get(10)?,
        favourite: row.get(11)?,
        hidden: row.get(12)?,
    })
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Filter {
    pub category: Option<Category>,
    pub depth: Option<Depth>,
    pub kind: Option<Kind>,
    pub search: Option<String>,
    pub favourites_only: bool,
    pub include_hidden: bool,
    pub love_maps_only: bool,
}

impl Filter {
    fn keeps(&self, p: &Prompt, needle: Option<&str>) -> bool {
        self.category.is_none_or(|c| c == p.category)
            && self.depth.is_none_or(|d| d == p.depth)
            && self.kind.is_none_or(|k| k == p.kind)
            && (!self.favourites_only || p.favourite)
            && (!self.love_maps_only || p.love_map)
            && (self.include_hidden || !p.hidden)
            && needle.is_none_or(|n| p.text.to_lowercase().contains(n))
    }
}

/// Prompts matching `filter`; gated prompts only when both opted in, up to the shared spice.
pub fn list(session: &Session, filter: &Filter) -> Result<Vec<Prompt>> {
    let level = shared_spice(session)?;
    let needle = filter
        .search
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_lowercase);
    let mut statement = session.conn().prepare(&format!(
        "SELECT {PROMPT_COLUMNS} FROM main.prompts ORDER BY custom DESC, id"
    ))?;
    let rows = statement.query_map([], prompt_from_row)?;
    let mut out = Vec::new();
    for prompt in rows {
        let p = prompt?;
        if within(level, &p) && filter.keeps(&p, needle.as_deref()) {
            out.push(p);
        }
    }
    Ok(out)
}

pub fn get(session: &Session, id: &str) -> Result<Prompt> {
    let prompt = session
        .conn()
        .query_row(
            &format!("SELECT {PROMPT_COLUMNS} FROM main.prompts WHERE id = ?1"),
            [id],
            prompt_from_row,
        )
        .optional()?
        .ok_or(PromptsError::NotFound)?;
    if !gate_allows(session, &prompt)? {
        return Err(PromptsError::NotFound);
    }
    Ok(prompt)
}

fn set_mark(session: &Session, id: &str, column: &str, on: bool) -> Result<Prompt> {
    get(session, id)?;
    session.conn().execute(
        &format!("UPDATE main.prompts SET {column} = ?2 WHERE id = ?1"),
        params![id, on],
    )?;
    get(session, id)
}

pub fn set_favourite(session: &Session, id: &str, on: bool) -> Result<Prompt> {
    set_mark(session, id, "favourite", on)
}

/// "Not for us": a hidden prompt is never dealt and is left out of browsing unless asked for.
pub fn set_hidden(session: &Session, id: &str, on: bool) -> Result<Prompt> {
    set_mark(session, id, "hidden", on)
}
