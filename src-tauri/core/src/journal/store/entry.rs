//! One entry: its draft checked, written (create and autosave) with its tags, and read back.

use chrono::Utc;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{invalid, COLUMNS};
use crate::journal::error::{JournalError, Result};
use crate::journal::types::*;
use crate::vault::{Partner, Session, Space};

/// Tags as stored: trimmed, lower-case, inner spaces as hyphens, no repeats, in the given order.
pub fn normalize_tags(tags: &[String]) -> Result<Vec<String>> {
    let mut clean: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag
            .trim()
            .trim_start_matches('#')
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("-");
        if tag.is_empty() || clean.contains(&tag) {
            continue;
        }
        if tag.chars().count() > MAX_TAG_CHARS || tag.chars().any(char::is_control) {
            return Err(invalid(
                "A tag is one short word or phrase (40 characters at most).",
            ));
        }
        clean.push(tag);
    }
    if clean.len() > MAX_TAGS {
        return Err(invalid("An entry can have up to 20 tags."));
    }
    Ok(clean)
}

fn check(draft: &EntryDraft) -> Result<Vec<String>> {
    if draft.body.len() > MAX_BODY_BYTES {
        return Err(JournalError::TooLong);
    }
    if draft.title.chars().count() > MAX_TITLE_CHARS {
        return Err(invalid("Keep the title to 200 characters or fewer."));
    }
    if draft.title.trim().is_empty() && draft.body.trim().is_empty() {
        return Err(invalid("Write something first: a title or a few words."));
    }
    normalize_tags(&draft.tags)
}

pub(super) fn from_row(space: Space) -> impl Fn(&Row<'_>) -> rusqlite::Result<Entry> {
    move |row| entry_from_row(space, row)
}

/// Reads the [`COLUMNS`] of an entry, in order, from the start of a row.
pub(crate) fn entry_from_row(space: Space, row: &Row<'_>) -> rusqlite::Result<Entry> {
    let tags: String = row.get(5)?;
    let mood: Option<String> = row.get(4)?;
    let author: Option<String> = row.get(8)?;
    Ok(Entry {
        id: row.get(0)?,
        space,
        title: row.get(1)?,
        body: row.get(2)?,
        date: row.get(3)?,
        mood: mood.as_deref().and_then(Mood::from_key),
        tags: tags.split_whitespace().map(str::to_string).collect(),
        prompt_id: row.get(6)?,
        answer_id: row.get(7)?,
        author: author.as_deref().and_then(Partner::parse),
        created_at: row.get(9)?,
        updated_at: row.get(10)?,
    })
}

/// Only someone who is unlocked can write, in the shared vault or their own (which, while the two
/// sit together, its owner must have opened: see [`Session::schema`]).
fn writer_is_here(session: &Session, author: Partner) -> Result<()> {
    if session.is_open(Space::Private(author)) {
        Ok(())
    } else {
        Err(JournalError::SpaceLocked)
    }
}

fn write_tags(conn: &Connection, schema: &str, id: i64, tags: &[String]) -> rusqlite::Result<()> {
    conn.execute(
        &format!("DELETE FROM {schema}.entry_tags WHERE entry_id = ?1"),
        [id],
    )?;
    let mut insert = conn.prepare_cached(&format!(
        "INSERT INTO {schema}.entry_tags (tag, entry_id) VALUES (?1, ?2)"
    ))?;
    for tag in tags {
        insert.execute(params![tag, id])?;
    }
    Ok(())
}

/// Makes a shared entry's tag rows again from its `tags` field, for an entry written by sync,
/// which carries the field and not the rows made from it.
pub fn retag(conn: &Connection, id: i64) -> rusqlite::Result<()> {
    let tags: String =
        conn.query_row("SELECT tags FROM main.entries WHERE id = ?1", [id], |row| {
            row.get(0)
        })?;
    let tags: Vec<String> = tags.split_whitespace().map(str::to_string).collect();
    write_tags(conn, "main", id, &tags)
}

/// The prompt an entry is about; an empty id is no link at all.
fn linked_prompt(draft: &EntryDraft) -> Option<&str> {
    draft
        .prompt_id
        .as_deref()
        .map(str::trim)
        .filter(|id| !id.is_empty())
}

/// Saves a new entry in `space` and returns it once it is committed. `author` is who wrote it.
pub fn create(
    session: &Session,
    space: Space,
    author: Partner,
    draft: &EntryDraft,
) -> Result<Entry> {
    let tags = check(draft)?;
    let schema = session.schema(space)?;
    writer_is_here(session, author)?;
    let now = Utc::now();
    let tx = session.conn().unchecked_transaction()?;
    tx.execute(
        &format!(
            "INSERT INTO {schema}.entries (created_at, updated_at, body, title, entry_date, mood, tags, prompt_id, answer_id, author)
             VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
        ),
        params![now, draft.body, draft.title.trim(), draft.date, draft.mood.map(Mood::key),
            tags.join(" "), linked_prompt(draft), draft.answer_id, author.letter()],
    )?;
    let id = tx.last_insert_rowid();
    write_tags(session.conn(), schema, id, &tags)?;
    tx.commit()?;
    get(session, space, id)?.ok_or(JournalError::NotFound)
}

/// Autosave: replaces what the editor holds. Deleted entries cannot be edited.
pub fn update(session: &Session, space: Space, id: i64, draft: &EntryDraft) -> Result<Entry> {
    let tags = check(draft)?;
    let schema = session.schema(space)?;
    let tx = session.conn().unchecked_transaction()?;
    let changed = tx.execute(
        &format!(
            "UPDATE {schema}.entries SET updated_at = ?2, body = ?3, title = ?4, entry_date = ?5, mood = ?6,
             tags = ?7, prompt_id = ?8, answer_id = ?9 WHERE id = ?1 AND deleted_at IS NULL"
        ),
        params![id, Utc::now(), draft.body, draft.title.trim(), draft.date,
            draft.mood.map(Mood::key), tags.join(" "), linked_prompt(draft), draft.answer_id],
    )?;
    if changed == 0 {
        return Err(JournalError::NotFound);
    }
    write_tags(session.conn(), schema, id, &tags)?;
    tx.commit()?;
    get(session, space, id)?.ok_or(JournalError::NotFound)
}

pub fn get(session: &Session, space: Space, id: i64) -> Result<Option<Entry>> {
    let schema = session.schema(space)?;
    Ok(session
        .conn()
        .query_row(
            &format!("SELECT {COLUMNS} FROM {schema}.entries WHERE id = ?1 AND deleted_at IS NULL"),
            [id],
            from_row(space),
        )
        .optional()?)
}
