//! The couple's own prompts: written, edited and deleted by them; Hearth's own stay as they are.

use rusqlite::params;
use serde::Deserialize;

use super::catalogue::get;
use super::consent::gate_allows;
use crate::prompts::error::{PromptsError, Result};
use crate::prompts::levels::Spice;
use crate::prompts::library::check_prompt;
use crate::prompts::types::{Category, Depth, Kind, Prompt};
use crate::vault::Session;

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PromptDraft {
    pub text: String,
    pub category: Category,
    pub depth: Depth,
    pub kind: Kind,
    /// The two choices, for a quick-choice prompt.
    #[serde(default)]
    pub choices: Option<[String; 2]>,
    /// For a sensual prompt; left out, it is mild, the level both partners always allow.
    #[serde(default)]
    pub spice: Option<Spice>,
}

/// The draft as the prompt it would become, checked by the library's own rules. The couple's own
/// prompts are dealt as equals, so a question they write can be guessed in love maps too.
fn checked(session: &Session, draft: &PromptDraft) -> Result<Prompt> {
    if draft.kind == Kind::Wildcard {
        return Err(PromptsError::InvalidInput(
            "Choose a question, activity, gesture, reflection or quick choice.".into(),
        ));
    }
    let prompt = Prompt {
        id: String::new(),
        text: draft.text.trim().to_string(),
        category: draft.category,
        depth: draft.depth,
        kind: draft.kind,
        choices: draft
            .choices
            .as_ref()
            .map(|[a, b]| [a.trim().to_string(), b.trim().to_string()]),
        playful: false,
        love_map: draft.kind == Kind::Question,
        spice: draft
            .category
            .is_gated()
            .then(|| draft.spice.unwrap_or(Spice::Mild)),
        custom: true,
        favourite: false,
        hidden: false,
    };
    check_prompt(&prompt)?;
    if !gate_allows(session, &prompt)? {
        return Err(PromptsError::InvalidInput(
            "Choose another category or spice level.".into(),
        ));
    }
    Ok(prompt)
}

fn choice(prompt: &Prompt, index: usize) -> Option<&str> {
    prompt.choices.as_ref().map(|c| c[index].as_str())
}

/// Adds an own prompt under a random id: the other laptop may add one at the same time, and two
/// counted ids would then be one prompt.
pub fn add_custom(session: &Session, draft: &PromptDraft) -> Result<Prompt> {
    let prompt = checked(session, draft)?;
    let mut raw = [0u8; 8];
    crate::vault::crypto::fill_random(&mut raw);
    let id = format!("own-{}", crate::vault::hex::encode(&raw));
    write(session, &id, &prompt)
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
    let prompt = checked(session, draft)?;
    write(session, id, &prompt)
}

/// Writes an own prompt: a new one, or the fields of one the couple edits (its marks stay).
fn write(session: &Session, id: &str, prompt: &Prompt) -> Result<Prompt> {
    session.conn().execute(
        "INSERT INTO main.prompts (id, text, category, depth, kind, first_choice, second_choice,
                                   love_map, spice, custom)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1)
         ON CONFLICT (id) DO UPDATE SET
             text = excluded.text, category = excluded.category, depth = excluded.depth,
             kind = excluded.kind, first_choice = excluded.first_choice,
             second_choice = excluded.second_choice, love_map = excluded.love_map,
             spice = excluded.spice",
        params![
            id,
            prompt.text,
            prompt.category.key(),
            prompt.depth.key(),
            prompt.kind.key(),
            choice(prompt, 0),
            choice(prompt, 1),
            prompt.love_map,
            prompt.spice.map(Spice::key),
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
