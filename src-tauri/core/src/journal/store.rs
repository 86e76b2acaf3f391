//! Entries on disk: create, autosave, delete with undo then a secure delete, share a private entry,
//! and list newest first across the spaces that are open, a page at a time (keyset paging, so the
//! first page costs the same at 100,000 entries as at 100).

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, OptionalExtension, Row};

use super::error::{JournalError, Result};
use super::types::*;
use crate::vault::{Partner, Session, Space};

pub const PAGE_SIZE: u32 = 50;
/// How long a deleted entry can be brought back before it is erased for good.
pub const UNDO_SECONDS: i64 = 10;

const COLUMNS: &str =
    "id, title, body, entry_date, mood, tags, prompt_id, answer_id, author, created_at, updated_at";

/// Newest first across spaces: within one date, private entries (rank 2, 1) before shared (0).
fn rank(space: Space) -> u8 {
    match space {
        Space::Shared => 0,
        Space::Private(Partner::A) => 1,
        Space::Private(Partner::B) => 2,
    }
}

fn invalid(message: &str) -> JournalError {
    JournalError::InvalidInput(message.to_string())
}

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

fn from_row(space: Space) -> impl Fn(&Row<'_>) -> rusqlite::Result<Entry> {
    move |row| entry_from_row(space, row)
}

/// Reads the [`COLUMNS`] of an entry, in order, from the start of a row.
pub(super) fn entry_from_row(space: Space, row: &Row<'_>) -> rusqlite::Result<Entry> {
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
pub(super) fn writer_is_here(session: &Session, author: Partner) -> Result<()> {
    if session.is_open(Space::Private(author)) {
        Ok(())
    } else {
        Err(JournalError::SpaceLocked)
    }
}

fn write_tags(session: &Session, schema: &str, id: i64, tags: &[String]) -> Result<()> {
    let conn = session.conn();
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
    write_tags(session, schema, id, &tags)?;
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
    write_tags(session, schema, id, &tags)?;
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

/// Hides an entry at once; [`undo_delete`] brings it back within [`UNDO_SECONDS`], and
/// [`purge_deleted`] then erases it. Deleting from a private space needs its owner at the keyboard.
pub fn delete(session: &Session, space: Space, id: i64, now: DateTime<Utc>) -> Result<()> {
    let schema = session.schema(space)?;
    if let Space::Private(owner) = space {
        session.owner_present(owner)?;
    }
    let changed = session.conn().execute(
        &format!(
            "UPDATE {schema}.entries SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL"
        ),
        params![id, now],
    )?;
    if changed == 0 {
        return Err(JournalError::NotFound);
    }
    Ok(())
}

pub fn undo_delete(session: &Session, space: Space, id: i64, now: DateTime<Utc>) -> Result<Entry> {
    let schema = session.schema(space)?;
    let changed = session.conn().execute(
        &format!(
            "UPDATE {schema}.entries SET deleted_at = NULL WHERE id = ?1 AND deleted_at >= ?2"
        ),
        params![id, now - Duration::seconds(UNDO_SECONDS)],
    )?;
    if changed == 0 {
        return Err(invalid("It is too late to bring that entry back."));
    }
    get(session, space, id)?.ok_or(JournalError::NotFound)
}

/// Erases entries deleted more than [`UNDO_SECONDS`] ago in every open space: the rows, their
/// tags and their index entries, with `secure_delete` zeroing the freed pages, then a WAL
/// checkpoint so no copy stays behind in the log. Returns how many were erased.
pub fn purge_deleted(session: &Session, now: DateTime<Utc>) -> Result<usize> {
    erase_deleted(session, Some(now - Duration::seconds(UNDO_SECONDS)))
}

/// Erases every deleted entry in every open space, however recent: on lock and at unlock, when no
/// screen can offer its undo any more.
pub fn erase_all_deleted(session: &Session) -> Result<usize> {
    erase_deleted(session, None)
}

/// Deleted, and before the cutoff `?1` when there is one.
pub(crate) const DELETED_BEFORE: &str =
    "deleted_at IS NOT NULL AND (?1 IS NULL OR deleted_at < ?1)";

/// Erases entries deleted before `cutoff`, or all deleted ones with none.
fn erase_deleted(session: &Session, cutoff: Option<DateTime<Utc>>) -> Result<usize> {
    let mut erased = 0;
    for space in Space::ALL.into_iter().filter(|s| session.is_open(*s)) {
        let schema = space.schema();
        let tx = session.conn().unchecked_transaction()?;
        tx.execute(
            &format!(
                "DELETE FROM {schema}.entry_tags WHERE entry_id IN
                 (SELECT id FROM {schema}.entries WHERE {DELETED_BEFORE})"
            ),
            [cutoff],
        )?;
        let count = tx.execute(
            &format!("DELETE FROM {schema}.entries WHERE {DELETED_BEFORE}"),
            [cutoff],
        )?;
        tx.commit()?;
        if count > 0 {
            checkpoint(session, schema)?;
        }
        erased += count;
    }
    Ok(erased)
}

fn checkpoint(session: &Session, schema: &str) -> Result<()> {
    session.conn().query_row(
        &format!("PRAGMA {schema}.wal_checkpoint(TRUNCATE)"),
        [],
        |_| Ok(()),
    )?;
    Ok(())
}

/// Moves one's private entry into the shared vault on purpose, and erases the private copy. Only
/// its owner can do it: alone, or confirmed by their passphrase while the two sit together.
pub fn share(session: &Session, owner: Partner, id: i64) -> Result<Entry> {
    let private = Space::Private(owner);
    let from = session.schema(private)?;
    session.owner_present(owner)?;
    let tx = session.conn().unchecked_transaction()?;
    let moved = tx.execute(
        &format!(
            "INSERT INTO main.entries (created_at, updated_at, body, title, entry_date, mood, tags, prompt_id, answer_id, author)
             SELECT created_at, ?2, body, title, entry_date, mood, tags, prompt_id, answer_id, ?3
             FROM {from}.entries WHERE id = ?1 AND deleted_at IS NULL"
        ),
        params![id, Utc::now(), owner.letter()],
    )?;
    if moved == 0 {
        return Err(JournalError::NotFound);
    }
    let shared_id = tx.last_insert_rowid();
    tx.execute(
        &format!(
            "INSERT INTO main.entry_tags (tag, entry_id) SELECT tag, ?2 FROM {from}.entry_tags WHERE entry_id = ?1"
        ),
        params![id, shared_id],
    )?;
    tx.execute(
        &format!("DELETE FROM {from}.entry_tags WHERE entry_id = ?1"),
        [id],
    )?;
    tx.execute(&format!("DELETE FROM {from}.entries WHERE id = ?1"), [id])?;
    tx.commit()?;
    checkpoint(session, from)?;
    get(session, Space::Shared, shared_id)?.ok_or(JournalError::NotFound)
}

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
