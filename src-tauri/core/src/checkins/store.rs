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

fn require_alone(session: &Session, who: Partner) -> Result<()> {
    match session.alone() {
        Some(only) if only == who => Ok(()),
        Some(_) => Err(CheckinError::Locked),
        None => Err(CheckinError::NotAlone),
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

const ANSWER_COLUMNS: &str = "love, vulnerability, trust, commitment, note, answered_at";

/// One partner's answer from six columns starting at `at`, in the order of `ANSWER_COLUMNS`.
fn answer_from(row: &rusqlite::Row<'_>, at: usize, partner: Partner) -> rusqlite::Result<Answer> {
    Ok(Answer {
        partner,
        ratings: Ratings {
            love: row.get(at)?,
            vulnerability: row.get(at + 1)?,
            trust: row.get(at + 2)?,
            commitment: row.get(at + 3)?,
        },
        note: row.get(at + 4)?,
        answered_at: row.get(at + 5)?,
    })
}

/// Both partners' answers for `week`, as stored. Only this module's readers, which apply the
/// reveal rule, ever see the pair.
fn answers_of(session: &Session, week: &Week) -> Result<[Option<Answer>; 2]> {
    let mut statement = session.conn().prepare_cached(&format!(
        "SELECT {ANSWER_COLUMNS} FROM main.checkin_answers WHERE week = ?1 AND partner = ?2"
    ))?;
    let mut read = |who: Partner| {
        statement
            .query_row(params![week.as_str(), who.letter()], |row| {
                answer_from(row, 0, who)
            })
            .optional()
    };
    Ok([read(Partner::A)?, read(Partner::B)?])
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
    if let [Some(_), Some(_)] = answers_of(session, week)? {
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
    let [a, b] = answers_of(session, week)?;
    let (a_answered, b_answered) = (a.is_some(), b.is_some());
    let (own, revealed) = match (a, b) {
        (Some(a), Some(b)) => (
            None,
            Some(RevealedWeek {
                week: week.clone(),
                a,
                b,
            }),
        ),
        (a, b) => {
            let own = match session.alone() {
                Some(Partner::A) => a,
                Some(Partner::B) => b,
                None => None,
            };
            (own, None)
        }
    };
    Ok(CheckinState {
        week: week.clone(),
        a_answered,
        b_answered,
        own,
        revealed,
    })
}

/// The weeks both answered, oldest first, at most the last `limit`: what the trend chart draws.
pub fn trends(session: &Session, limit: u32) -> Result<Vec<RevealedWeek>> {
    let mut statement = session.conn().prepare_cached(
        "SELECT a.week,
                a.love, a.vulnerability, a.trust, a.commitment, a.note, a.answered_at,
                b.love, b.vulnerability, b.trust, b.commitment, b.note, b.answered_at
         FROM main.checkin_answers a
         JOIN main.checkin_answers b ON b.week = a.week AND b.partner = 'b'
         WHERE a.partner = 'a' ORDER BY a.week DESC LIMIT ?1",
    )?;
    let mut weeks = statement
        .query_map([limit], |row| {
            Ok((
                row.get::<_, String>(0)?,
                answer_from(row, 1, Partner::A)?,
                answer_from(row, 7, Partner::B)?,
            ))
        })?
        .map(|row| {
            let (week, a, b) = row?;
            Ok(RevealedWeek {
                week: Week::parse(&week)?,
                a,
                b,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    weeks.reverse();
    Ok(weeks)
}

/// Whether the home screen offers this week's check-in to the partner unlocked alone: they have
/// not answered it yet.
pub fn due_for(session: &Session, week: &Week) -> Result<bool> {
    let [a, b] = answers_of(session, week)?;
    Ok(match session.alone() {
        Some(Partner::A) => a.is_none(),
        Some(Partner::B) => b.is_none(),
        None => false,
    })
}
