//! Consent to the sensual and sexual category: open only when both partners opted in, and each
//! partner's own choice is told only to them. The same holds for each partner's spice level: only
//! the lower of the two is ever used, and neither partner's own level is told to the other.

use rusqlite::OptionalExtension;

use crate::prompts::error::{PromptsError, Result};
use crate::prompts::levels::Spice;
use crate::prompts::types::Prompt;
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

/// The spice level prompts are dealt up to: the lower of the two partners' levels, and `None`
/// while the category is closed.
pub fn shared_spice(session: &Session) -> Result<Option<Spice>> {
    if !both_opted_in(session)? {
        return Ok(None);
    }
    let mut statement = session.conn().prepare("SELECT spice FROM main.consent")?;
    let levels = statement
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // An unknown level reads as the mildest, so a damaged row can only narrow what is shown.
    Ok(levels
        .iter()
        .map(|key| Spice::from_key(key).unwrap_or(Spice::Mild))
        .min())
}

/// `who`'s own spice level, told only while `who` is unlocked alone.
pub fn own_spice(session: &Session, who: Partner) -> Result<Spice> {
    require_alone(session, who)?;
    let key: Option<String> = session
        .conn()
        .query_row(
            "SELECT spice FROM main.consent WHERE partner = ?1",
            [who.letter()],
            |r| r.get(0),
        )
        .optional()?;
    Ok(key.and_then(|k| Spice::from_key(&k)).unwrap_or(Spice::Mild))
}

/// Raising a level needs `who` alone, as opting in does; lowering it works for either unlocked
/// partner at any time.
pub fn set_spice(session: &Session, who: Partner, spice: Spice) -> Result<()> {
    let current = session
        .conn()
        .query_row(
            "SELECT spice FROM main.consent WHERE partner = ?1",
            [who.letter()],
            |r| r.get::<_, String>(0),
        )
        .optional()?
        .and_then(|k| Spice::from_key(&k))
        .unwrap_or(Spice::Mild);
    if spice > current {
        require_alone(session, who)?;
    } else if !session.unlocked_partners().contains(&who) {
        return Err(PromptsError::Locked);
    }
    session.conn().execute(
        "INSERT INTO main.consent (partner, opted_in, spice) VALUES (?1, 0, ?2)
         ON CONFLICT (partner) DO UPDATE SET spice = excluded.spice",
        (who.letter(), spice.key()),
    )?;
    Ok(())
}

/// Whether `prompt` may be shown now: outside the gated category always; inside it only when
/// both opted in and its spice is within the shared level.
pub(super) fn gate_allows(session: &Session, prompt: &Prompt) -> Result<bool> {
    Ok(within(shared_spice(session)?, prompt))
}

/// The gate's rule, given the shared level (`None`: the category is closed).
pub(super) fn within(level: Option<Spice>, prompt: &Prompt) -> bool {
    if !prompt.category.is_gated() {
        return true;
    }
    // A gated prompt without a level counts as the hottest, so it is never shown by mistake.
    level.is_some_and(|level| prompt.spice.unwrap_or(Spice::Hot) <= level)
}
