//! Listing entries newest first across the spaces that are open, a page at a time (keyset paging,
//! so the first page costs the same at 100,000 entries as at 100), and the tags, linked prompts and
//! counts the filters offer.

use super::entry::{from_row, normalize_tags};
use super::{rank, COLUMNS};
use crate::journal::error::Result;
use crate::journal::types::*;
use crate::vault::{Session, Space};

/// One page of entries, newest first, from the open spaces the filter allows.
pub fn list(
    session: &Session,
    filter: &EntryFilter,
    after: Option<&Cursor>,
    limit: u32,
) -> Result<Page> {
    let limit = limit.clamp(1, 200);
    let spaces: Vec<Space> = session
        .readable_spaces()
        .into_iter()
        .filter(|s| filter.space.is_none_or(|wanted| wanted == *s))
        .collect();
    let mut entries = Vec::new();
    for space in spaces {
        let (sql, values) = page_query(space, filter, after, limit)?;
        let mut statement = session.conn().prepare_cached(&sql)?;
        let rows = statement.query_map(rusqlite::params_from_iter(values), from_row(space))?;
        for row in rows {
            entries.push(row?);
        }
    }
    entries.sort_by_key(|e| std::cmp::Reverse((e.date, rank(e.space), e.id)));
    entries.truncate(limit as usize);
    let next = (entries.len() == limit as usize)
        .then(|| entries.last())
        .flatten()
        .map(|last| Cursor {
            date: last.date,
            space_rank: rank(last.space),
            id: last.id,
        });
    Ok(Page { entries, next })
}

/// The query for one page of `space`: after `after` in (date, space rank, id) order, descending,
/// and within the filter's tag and prompt.
fn page_query(
    space: Space,
    filter: &EntryFilter,
    after: Option<&Cursor>,
    limit: u32,
) -> Result<(String, Vec<rusqlite::types::Value>)> {
    let schema = space.schema();
    let mut sql = format!("SELECT {COLUMNS} FROM {schema}.entries WHERE deleted_at IS NULL");
    let mut values: Vec<rusqlite::types::Value> = Vec::new();
    if let Some(cursor) = after {
        // Keyset paging: strictly after the cursor in (date, space rank, id) order, descending.
        let same_date_below = match rank(space).cmp(&cursor.space_rank) {
            std::cmp::Ordering::Less => i64::MAX,
            std::cmp::Ordering::Equal => cursor.id,
            std::cmp::Ordering::Greater => i64::MIN,
        };
        sql.push_str(&format!(
            " AND (entry_date < ?{a} OR (entry_date = ?{a} AND id < ?{b}))",
            a = values.len() + 1,
            b = values.len() + 2
        ));
        values.push(cursor.date.to_string().into());
        values.push(same_date_below.into());
    }
    if let Some(tag) = &filter.tag {
        sql.push_str(&format!(
            " AND id IN (SELECT entry_id FROM {schema}.entry_tags WHERE tag = ?{})",
            values.len() + 1
        ));
        values.push(normalize_tags(std::slice::from_ref(tag))?.join("").into());
    }
    if let Some(prompt) = &filter.prompt_id {
        sql.push_str(&format!(" AND prompt_id = ?{}", values.len() + 1));
        values.push(prompt.clone().into());
    }
    sql.push_str(&format!(" ORDER BY entry_date DESC, id DESC LIMIT {limit}"));
    Ok((sql, values))
}

/// Every tag in use in the readable spaces, for the filter.
pub fn tags(session: &Session) -> Result<Vec<String>> {
    let mut all = std::collections::BTreeSet::new();
    for space in session.readable_spaces() {
        let mut statement = session.conn().prepare_cached(&format!(
            "SELECT DISTINCT t.tag FROM {s}.entry_tags t JOIN {s}.entries e ON e.id = t.entry_id
             WHERE e.deleted_at IS NULL",
            s = space.schema()
        ))?;
        for tag in statement.query_map([], |r| r.get::<_, String>(0))? {
            all.insert(tag?);
        }
    }
    Ok(all.into_iter().collect())
}

/// The prompts that entries in the open spaces are about, each with its text where the library
/// still shows it, in the order of their text.
pub fn linked_prompts(session: &Session) -> Result<Vec<LinkedPrompt>> {
    let mut ids = std::collections::BTreeSet::new();
    for space in session.readable_spaces() {
        let mut statement = session.conn().prepare_cached(&format!(
            "SELECT DISTINCT prompt_id FROM {}.entries
             WHERE prompt_id IS NOT NULL AND deleted_at IS NULL",
            space.schema()
        ))?;
        for id in statement.query_map([], |r| r.get::<_, String>(0))? {
            ids.insert(id?);
        }
    }
    let mut linked = Vec::with_capacity(ids.len());
    for id in ids {
        let text = match crate::prompts::store::get(session, &id) {
            Ok(prompt) => Some(prompt.text),
            Err(crate::prompts::PromptsError::Storage(err)) => return Err(err.into()),
            Err(_) => None,
        };
        linked.push(LinkedPrompt { id, text });
    }
    linked.sort_by(|a, b| {
        a.text
            .is_none()
            .cmp(&b.text.is_none())
            .then(a.text.cmp(&b.text))
    });
    Ok(linked)
}

pub fn count(session: &Session, space: Space) -> Result<u64> {
    let schema = session.schema(space)?;
    Ok(session
        .conn()
        .query_row(
            &format!("SELECT count(*) FROM {schema}.entries WHERE deleted_at IS NULL"),
            [],
            |row| row.get::<_, i64>(0),
        )?
        .unsigned_abs())
}
