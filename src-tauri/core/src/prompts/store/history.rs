//! What the couple discussed in the together mode, newest first.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::catalogue::get;
use super::consent::both_opted_in;
use crate::prompts::error::Result;
use crate::prompts::types::Category;
use crate::vault::Session;

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
