//! The library copy in `shared.db`, browsing it, and the favourite and hidden marks.

use rusqlite::{params, OptionalExtension, Row};
use serde::Deserialize;

use super::consent::{both_opted_in, gate_allows};
use super::setting;
use crate::prompts::error::{PromptsError, Result};
use crate::prompts::library;
use crate::prompts::types::{Category, Depth, Kind, Prompt};
use crate::vault::Session;

const LIBRARY_VERSION_KEY: &str = "prompt_library_version";
const PROMPT_COLUMNS: &str = "id, text, category, depth, kind, custom, favourite, hidden";

/// Copies library prompts this vault has not seen yet. Existing rows (and so marks and history) are
/// left alone. Returns how many were added.
pub fn sync_library(session: &Session) -> Result<usize> {
    let library = library::builtin()?;
    let stored: u32 = setting(session, LIBRARY_VERSION_KEY)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    if stored >= library.version {
        return Ok(0);
    }
    let mut added = 0;
    let tx = session.conn().unchecked_transaction()?;
    {
        let mut insert = tx.prepare(
            "INSERT OR IGNORE INTO main.prompts (id, text, category, depth, kind, custom)
             VALUES (?1, ?2, ?3, ?4, ?5, 0)",
        )?;
        for p in &library.prompts {
            added += insert.execute(params![
                p.id,
                p.text,
                p.category.key(),
                p.depth.key(),
                p.kind.key()
            ])?;
        }
    }
    tx.execute(
        "INSERT INTO main.settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (LIBRARY_VERSION_KEY, library.version.to_string()),
    )?;
    tx.commit()?;
    Ok(added)
}

fn prompt_from_row(row: &Row<'_>) -> rusqlite::Result<Prompt> {
    let bad = |i: usize, what: &str| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            what.to_string().into(),
        )
    };
    let category: String = row.get(2)?;
    let depth: String = row.get(3)?;
    let kind: String = row.get(4)?;
    Ok(Prompt {
        id: row.get(0)?,
        text: row.get(1)?,
        category: Category::from_key(&category).ok_or_else(|| bad(2, "category"))?,
        depth: Depth::from_key(&depth).ok_or_else(|| bad(3, "depth"))?,
        kind: Kind::from_key(&kind).ok_or_else(|| bad(4, "kind"))?,
        custom: row.get(5)?,
        favourite: row.get(6)?,
        hidden: row.get(7)?,
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
}

/// Prompts matching `filter`, the gated category left out unless both opted in.
pub fn list(session: &Session, filter: &Filter) -> Result<Vec<Prompt>> {
    let gate_open = both_opted_in(session)?;
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
        let keep = (gate_open || !p.category.is_gated())
            && filter.category.is_none_or(|c| c == p.category)
            && filter.depth.is_none_or(|d| d == p.depth)
            && filter.kind.is_none_or(|k| k == p.kind)
            && (!filter.favourites_only || p.favourite)
            && (filter.include_hidden || !p.hidden)
            && needle
                .as_ref()
                .is_none_or(|n| p.text.to_lowercase().contains(n.as_str()));
        if keep {
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
    if !gate_allows(session, prompt.category)? {
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
