//! Consent to the sensual and sexual category: open only when both partners opted in, and each
//! partner's own choice is told only to them.

use rusqlite::OptionalExtension;

use crate::prompts::error::{PromptsError, Result};
use crate::prompts::types::Category;
use crate::vault::{Partner, Session};

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

pub(super) fn gate_allows(session: &Session, category: Category) -> Result<bool> {
    Ok(!category.is_gated() || both_opted_in(session)?)
}
