//! The couple's own prompts: written, edited and deleted by them; Hearth's own stay as they are.

use rusqlite::params;
use serde::Deserialize;

use super::catalogue::get;
use super::consent::gate_allows;
use crate::prompts::error::{PromptsError, Result};
use crate::prompts::library::check_text;
use crate::prompts::types::{Category, Depth, Kind, Prompt};
use crate::vault::Session;

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
