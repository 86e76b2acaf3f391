//! Answer-then-reveal pairs and the shared notes written at the end of a together session.

use chrono::{DateTime, Utc};
use rusqlite::params;
use serde::Serialize;

use super::catalogue::get;
use crate::prompts::error::{PromptsError, Result};
use crate::vault::{Partner, Session};

pub const MAX_ANSWER_CHARS: usize = 5_000;
pub const MAX_NOTE_CHARS: usize = 20_000;

pub(super) fn check_len(text: &str, max: usize, what: &str) -> Result<()> {
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
