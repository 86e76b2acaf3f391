//! Prompts in `shared.db`: the library copy, the couple's own prompts, favourites and hidden marks,
//! consent, discussions, the prompt of the day, answers and together-mode notes.

use std::collections::HashMap;

use chrono::{DateTime, Months, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::deal::{self, Candidate};
use super::error::{PromptsError, Result};
use super::library::{self, check_text};
use super::types::{Category, Depth, Kind, Prompt};
use crate::vault::{Partner, Session};

const LIBRARY_VERSION_KEY: &str = "prompt_library_version";
const RESURFACE_KEY: &str = "prompt_resurface_months";
pub const MAX_ANSWER_CHARS: usize = 5_000;
pub const MAX_NOTE_CHARS: usize = 20_000;

const PROMPT_COLUMNS: &str = "id, text, category, depth, kind, custom, favourite, hidden";

fn setting(session: &Session, key: &str) -> Result<Option<String>> {
    Ok(crate::vault::settings::read_value(session, key)?)
}

fn set_setting(session: &Session, key: &str, value: &str) -> Result<()> {
    Ok(crate::vault::settings::write_value(session, key, value)?)
}

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

// ---- consent -------------------------------------------------------------------------------

/// Whether the sensual and sexual category is open: only when both partners opted in.
pub fn both_opted_in(session: &Session) -> Result<bool> {
    let count: i64 = session.conn().query_row(
        "SELECT count(*) FROM main.consent WHERE opted_in = 1",
        [],
        |r| r.get(0),
    )?;
    Ok(count == 2)
}

/// `who`'s own choice, told only while `who` is unlocked alone, so the other never sees it.
pub fn own_consent(session: &Session, who: Partner) -> Result<bool> {
    require_alone(session, who)?;
    Ok(session
        .conn()
        .query_row(
            "SELECT opted_in FROM main.consent WHERE partner = ?1",
            [who.letter()],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(false))
}

/// Opting in needs `who` alone; opting out works at any time, for either unlocked partner.
pub fn set_consent(session: &Session, who: Partner, opted_in: bool) -> Result<()> {
    if opted_in {
        require_alone(session, who)?;
    } else if !session.unlocked_partners().contains(&who) {
        return Err(PromptsError::Locked);
    }
    session.conn().execute(
        "INSERT INTO main.consent (partner, opted_in) VALUES (?1, ?2)
         ON CONFLICT (partner) DO UPDATE SET opted_in = excluded.opted_in",
        (who.letter(), opted_in),
    )?;
    Ok(())
}

fn require_alone(session: &Session, who: Partner) -> Result<()> {
    match session.alone() {
        Some(only) if only == who => Ok(()),
        Some(_) => Err(PromptsError::Locked),
        None => Err(PromptsError::NotAlone),
    }
}

fn gate_allows(session: &Session, category: Category) -> Result<bool> {
    Ok(!category.is_gated() || both_opted_in(session)?)
}

// ---- browsing and marks ----------------------------------------------------------------------

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

#[derive(Debug, Clone, Deserialize)]
pub struct PromptDraft {
    pub text: String,
    pub category: Category,
    pub depth: Depth,
    pub kind: Kind,
}

fn check_draft(session: &Session, draft: &PromptDraft) -> Result<()> {
    check_text(&draft.text, draft.kind)?;
    if !gate_allows(session, draft.category)? {
        return Err(PromptsError::InvalidInput(
            "Choose another category.".into(),
        ));
    }
    Ok(())
}

pub fn add_custom(session: &Session, draft: &PromptDraft) -> Result<Prompt> {
    check_draft(session, draft)?;
    let next: i64 = session.conn().query_row(
        "SELECT count(*) + 1 FROM main.prompts WHERE custom = 1",
        [],
        |r| r.get(0),
    )?;
    let mut n = next;
    let id = loop {
        let candidate = format!("own-{n:04}");
        let taken: bool = session.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM main.prompts WHERE id = ?1)",
            [&candidate],
            |r| r.get(0),
        )?;
        if !taken {
            break candidate;
        }
        n += 1;
    };
    session.conn().execute(
        "INSERT INTO main.prompts (id, text, category, depth, kind, custom) VALUES (?1, ?2, ?3, ?4, ?5, 1)",
        params![id, draft.text.trim(), draft.category.key(), draft.depth.key(), draft.kind.key()],
    )?;
    get(session, &id)
}

fn require_custom(session: &Session, id: &str) -> Result<()> {
    if !get(session, id)?.custom {
        return Err(PromptsError::InvalidInput(
            "Hearth's own prompts can't be changed, but you can hide them or write your own."
                .into(),
        ));
    }
    Ok(())
}

pub fn update_custom(session: &Session, id: &str, draft: &PromptDraft) -> Result<Prompt> {
    require_custom(session, id)?;
    check_draft(session, draft)?;
    session.conn().execute(
        "UPDATE main.prompts SET text = ?2, category = ?3, depth = ?4, kind = ?5 WHERE id = ?1",
        params![
            id,
            draft.text.trim(),
            draft.category.key(),
            draft.depth.key(),
            draft.kind.key()
        ],
    )?;
    get(session, id)
}

pub fn delete_custom(session: &Session, id: &str) -> Result<()> {
    require_custom(session, id)?;
    session
        .conn()
        .execute("DELETE FROM main.prompts WHERE id = ?1", [id])?;
    Ok(())
}

// ---- dealing ---------------------------------------------------------------------------------

pub fn resurface_months(session: &Session) -> Result<u32> {
    Ok(setting(session, RESURFACE_KEY)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0))
}

/// After how many months a discussed prompt may be dealt again; 0 means never.
pub fn set_resurface_months(session: &Session, months: u32) -> Result<()> {
    if months > 120 {
        return Err(PromptsError::InvalidInput(
            "Choose up to 120 months, or 0 for never.".into(),
        ));
    }
    set_setting(session, RESURFACE_KEY, &months.to_string())
}

/// Cards that may be dealt now: not hidden, allowed by consent, and not discussed (or discussed
/// long enough ago to come back).
fn pool(session: &Session, theme: Option<Category>, now: DateTime<Utc>) -> Result<Vec<Candidate>> {
    let months = resurface_months(session)?;
    let cutoff = if months == 0 {
        None
    } else {
        now.checked_sub_months(Months::new(months))
    };
    let candidates = list(
        session,
        &Filter {
            category: theme,
            ..Filter::default()
        },
    )?;
    // One pass over the discussions, not one query per prompt.
    let mut statement = session
        .conn()
        .prepare("SELECT prompt_id, max(discussed_at) FROM main.discussions GROUP BY prompt_id")?;
    let last_discussed: HashMap<String, DateTime<Utc>> = statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for prompt in candidates {
        let last = last_discussed.get(&prompt.id).copied();
        let fresh = match (last, cutoff) {
            (None, _) => true,
            (Some(at), Some(cutoff)) => at < cutoff,
            (Some(_), None) => false,
        };
        if fresh {
            out.push(Candidate {
                id: prompt.id,
                depth: prompt.depth,
            });
        }
    }
    Ok(out)
}

fn prompts_for(session: &Session, cards: Vec<Candidate>) -> Result<Vec<Prompt>> {
    cards.into_iter().map(|c| get(session, &c.id)).collect()
}

/// The date-night deal: up to three never-discussed prompts, light to deep.
pub fn deal_date_night(
    session: &Session,
    theme: Option<Category>,
    seed: u64,
    now: DateTime<Utc>,
) -> Result<Vec<Prompt>> {
    let pool = pool(session, theme, now)?;
    prompts_for(session, deal::deal(&pool, 3, seed))
}

/// Swaps card `index` of `hand` (prompt ids) for another that keeps the ramp.
pub fn swap_card(
    session: &Session,
    theme: Option<Category>,
    hand: &[String],
    index: usize,
    seed: u64,
    now: DateTime<Utc>,
) -> Result<Option<Prompt>> {
    let held = hand
        .iter()
        .map(|id| {
            get(session, id).map(|p| Candidate {
                id: p.id,
                depth: p.depth,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let pool = pool(session, theme, now)?;
    deal::swap(&pool, &held, index, seed)
        .map(|c| get(session, &c.id))
        .transpose()
}

/// The same prompt all day for the couple, chosen from prompts not yet discussed.
pub fn prompt_of_the_day(
    session: &Session,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Option<Prompt>> {
    let day = today.to_string();
    let chosen: Option<String> = session
        .conn()
        .query_row(
            "SELECT prompt_id FROM main.daily_prompts WHERE day = ?1",
            [&day],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = chosen {
        match get(session, &id) {
            Ok(prompt) if !prompt.hidden => return Ok(Some(prompt)),
            Ok(_) | Err(PromptsError::NotFound) => {}
            Err(err) => return Err(err),
        }
    }
    use chrono::Datelike;
    let pool = pool(session, None, now)?;
    let Some(card) = deal::deal(&pool, 1, deal::day_seed(today.year(), today.ordinal())).pop()
    else {
        return Ok(None);
    };
    session.conn().execute(
        "INSERT INTO main.daily_prompts (day, prompt_id) VALUES (?1, ?2)
         ON CONFLICT (day) DO UPDATE SET prompt_id = excluded.prompt_id",
        (&day, &card.id),
    )?;
    get(session, &card.id).map(Some)
}

// ---- history, answers and notes --------------------------------------------------------------

/// Marks a prompt discussed: it was shown in the together mode and not skipped.
pub fn mark_discussed(session: &Session, id: &str, at: DateTime<Utc>) -> Result<()> {
    let prompt = get(session, id)?;
    session.conn().execute(
        "INSERT INTO main.discussions (prompt_id, prompt_text, discussed_at) VALUES (?1, ?2, ?3)",
        (&prompt.id, &prompt.text, at),
    )?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Discussion {
    pub prompt_id: String,
    pub text: String,
    pub discussed_at: DateTime<Utc>,
}

pub fn history(session: &Session, limit: u32) -> Result<Vec<Discussion>> {
    let gate_open = both_opted_in(session)?;
    let mut statement = session.conn().prepare(
        "SELECT d.prompt_id, d.prompt_text, d.discussed_at, p.category
         FROM main.discussions d LEFT JOIN main.prompts p ON p.id = d.prompt_id
         ORDER BY d.discussed_at DESC, d.id DESC LIMIT ?1",
    )?;
    let rows = statement.query_map([limit], |r| {
        let category: Option<String> = r.get(3)?;
        Ok((
            Discussion {
                prompt_id: r.get(0)?,
                text: r.get(1)?,
                discussed_at: r.get(2)?,
            },
            category.and_then(|c| Category::from_key(&c)),
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (discussion, category) = row?;
        if gate_open || !category.is_some_and(Category::is_gated) {
            out.push(discussion);
        }
    }
    Ok(out)
}

fn check_len(text: &str, max: usize, what: &str) -> Result<()> {
    if text.chars().count() > max {
        return Err(PromptsError::InvalidInput(format!(
            "{what} can be up to {max} characters."
        )));
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AnswerPair {
    pub id: i64,
    pub prompt_id: String,
    pub prompt_text: String,
    pub answered_at: DateTime<Utc>,
    pub first_partner: Partner,
    pub first_answer: String,
    pub second_answer: String,
}

/// Saves an answer-then-reveal: both answers, with the prompt and the date.
pub fn save_answers(
    session: &Session,
    id: &str,
    first_partner: Partner,
    first_answer: &str,
    second_answer: &str,
    at: DateTime<Utc>,
) -> Result<AnswerPair> {
    let prompt = get(session, id)?;
    for answer in [first_answer, second_answer] {
        check_len(answer, MAX_ANSWER_CHARS, "An answer")?;
        if answer.trim().is_empty() {
            return Err(PromptsError::InvalidInput(
                "Each of you writes an answer first.".into(),
            ));
        }
    }
    session.conn().execute(
        "INSERT INTO main.answers (prompt_id, prompt_text, answered_at, first_partner, first_answer, second_answer)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![prompt.id, prompt.text, at, first_partner.letter(), first_answer, second_answer],
    )?;
    Ok(AnswerPair {
        id: session.conn().last_insert_rowid(),
        prompt_id: prompt.id,
        prompt_text: prompt.text,
        answered_at: at,
        first_partner,
        first_answer: first_answer.to_string(),
        second_answer: second_answer.to_string(),
    })
}

pub fn answers(session: &Session, limit: u32) -> Result<Vec<AnswerPair>> {
    let mut statement = session.conn().prepare(
        "SELECT id, prompt_id, prompt_text, answered_at, first_partner, first_answer, second_answer
         FROM main.answers ORDER BY answered_at DESC, id DESC LIMIT ?1",
    )?;
    let rows = statement.query_map([limit], |r| {
        let partner: String = r.get(4)?;
        Ok(AnswerPair {
            id: r.get(0)?,
            prompt_id: r.get(1)?,
            prompt_text: r.get(2)?,
            answered_at: r.get(3)?,
            first_partner: Partner::parse(&partner).unwrap_or(Partner::A),
            first_answer: r.get(5)?,
            second_answer: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The shared note written at the end of a together session.
pub fn save_together_note(
    session: &Session,
    note: &str,
    prompt_ids: &[String],
    at: DateTime<Utc>,
) -> Result<i64> {
    check_len(note, MAX_NOTE_CHARS, "A note")?;
    let ids =
        serde_json::to_string(prompt_ids).map_err(|e| PromptsError::InvalidInput(e.to_string()))?;
    session.conn().execute(
        "INSERT INTO main.together_notes (created_at, note, prompt_ids) VALUES (?1, ?2, ?3)",
        (at, note, ids),
    )?;
    Ok(session.conn().last_insert_rowid())
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TogetherNote {
    pub created_at: DateTime<Utc>,
    pub note: String,
}

pub fn together_notes(session: &Session, limit: u32) -> Result<Vec<TogetherNote>> {
    let mut statement = session
        .conn()
        .prepare("SELECT created_at, note FROM main.together_notes ORDER BY created_at DESC, id DESC LIMIT ?1")?;
    let rows = statement.query_map([limit], |r| {
        Ok(TogetherNote {
            created_at: r.get(0)?,
            note: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
