//! The check-in on disk, and its one rule: a partner's answer reaches no one but them until both
//! partners have answered that week; then both are shown side by side and stay as they are.
//!
//! The answers sit in the shared vault, since the reveal must work whichever partner unlocks next.
//! The rule is kept here, in every read: nothing returns the other partner's row of an unrevealed
//! week, and answering (or reading one's own answer) needs the partner to be unlocked alone, so
//! the other cannot be looking over the same session.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

use super::error::{CheckinError, Result};
use super::types::*;
use crate::vault::{Partner, Session};

pub const MAX_NOTE_CHARS: usize = 2_000;

/// Who is unlocked alone, if exactly `who` is.
fn require_alone(session: &Session, who: Partner) -> Result<()> {
    match session.unlocked_partners().as_slice() {
        [only] if *only == who => Ok(()),
        [_] => Err(CheckinError::Locked),
        _ => Err(CheckinError::NotAlone),
    }
}

fn alone(session: &Session) -> Option<Partner> {
    match session.unlocked_partners().as_slice() {
        [only] => Some(*only),
        _ => None,
    }
}

fn validate(ratings: &Ratings, note: &str) -> Result<()> {
    if Ingredient::ALL
        .iter()
        .any(|i| !(1..=5).contains(&ratings.get(*i)))
    {
        return Err(CheckinError::InvalidInput(
            "Rate each of the four from 1 to 5.".into(),
        ));
    }
    if note.chars().count() > MAX_NOTE_CHARS {
        return Err(CheckinError::InvalidInput(format!(
            "The note is too long: keep it under {MAX_NOTE_CHARS} characters."
        )));
    }
    Ok(())
}

fn answer_of(session: &Session, week: &Week, who: Partner) -> Result<Option<Answer>> {
    Ok(session
        .conn()
        .query_row(
            "SELECT love, vulnerability, trust, commitment, note, answered_at
             FROM main.checkin_answers WHERE week = ?1 AND partner = ?2",
            params![week.as_str(), who.letter()],
            |row| {
                Ok(Answer {
                    partner: who,
                    ratings: Ratings {
                        love: row.get(0)?,
                        vulnerability: row.get(1)?,
                        trust: row.get(2)?,
                        commitment: row.get(3)?,
                    },
                    note: row.get(4)?,
                    answered_at: row.get(5)?,
                })
            },
        )
        .optional()?)
}

fn revealed(session: &Session, week: &Week) -> Result<Option<RevealedWeek>> {
    let (a, b) = (
        answer_of(session, week, Partner::A)?,
        answer_of(session, week, Partner::B)?,
    );
    Ok(match (a, b) {
        (Some(a), Some(b)) => Some(RevealedWeek {
            week: week.clone(),
            a,
            b,
        }),
        _ => None,
    })
}

/// Saves `who`'s answer for `week`. Until the other partner answers it can be changed; after
/// that the week is shown side by side and stays as it is.
pub fn answer(
    session: &Session,
    who: Partner,
    week: &Week,
    ratings: Ratings,
    note: &str,
    now: DateTime<Utc>,
) -> Result<CheckinState> {
    require_alone(session, who)?;
    let note = note.trim();
    validate(&ratings, note)?;
    if revealed(session, week)?.is_some() {
        return Err(CheckinError::AlreadyRevealed);
    }
    session.conn().execute(
        "INSERT INTO main.checkin_answers
             (week, partner, love, vulnerability, trust, commitment, note, answered_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (week, partner) DO UPDATE SET
             love = excluded.love, vulnerability = excluded.vulnerability,
             trust = excluded.trust, commitment = excluded.commitment,
             note = excluded.note, answered_at = excluded.answered_at",
        params![
            week.as_str(),
            who.letter(),
            ratings.love,
            ratings.vulnerability,
            ratings.trust,
            ratings.commitment,
            note,
            now
        ],
    )?;
    state(session, week)
}

/// What the unlocked partner may see of `week`.
pub fn state(session: &Session, week: &Week) -> Result<CheckinState> {
    if session.unlocked_partners().is_empty() {
        return Err(CheckinError::Locked);
    }
    let answered = |who: Partner| -> Result<bool> {
        Ok(session.conn().query_row(
            "SELECT count(*) FROM main.checkin_answers WHERE week = ?1 AND partner = ?2",
            params![week.as_str(), who.letter()],
            |row| row.get::<_, i64>(0),
        )? > 0)
    };
    let revealed = revealed(session, week)?;
    let own = match (&revealed, alone(session)) {
        (None, Some(viewer)) => answer_of(session, week, viewer)?,
        _ => None,
    };
    Ok(CheckinState {
        week: week.clone(),
        a_answered: answered(Partner::A)?,
        b_answered: answered(Partner::B)?,
        own,
        revealed,
    })
}

/// The weeks both answered, oldest first, at most the last `limit`: what the trend chart draws.
pub fn trends(session: &Session, limit: u32) -> Result<Vec<RevealedWeek>> {
    if session.unlocked_partners().is_empty() {
        return Err(CheckinError::Locked);
    }
    let mut statement = session.conn().prepare_cached(
        "SELECT week FROM main.checkin_answers GROUP BY week HAVING count(*) = 2
         ORDER BY week DESC LIMIT ?1",
    )?;
    let weeks = statement
        .query_map([limit], |row| row.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut shown = Vec::with_capacity(weeks.len());
    for week in weeks.iter().rev() {
        if let Some(both) = revealed(session, &Week::parse(week)?)? {
            shown.push(both);
        }
    }
    Ok(shown)
}

/// Whether the home screen offers this week's check-in to the partner unlocked alone: they have
/// not answered it yet.
pub fn due_for(session: &Session, week: &Week) -> Result<bool> {
    match alone(session) {
        Some(viewer) => Ok(answer_of(session, week, viewer)?.is_none()),
        None => Ok(false),
    }
}
