//! "How we feel cared for": each partner rates, 1 to 5, how cared for each way makes them feel.
//! The profile is our own design, in our own words (the UI holds them); the ways are keys.
//!
//! The reveal rule is the check-in's: a partner's profile reaches no one but them until both have
//! answered at least once; from then on each partner's latest is shown side by side, with the
//! earlier ones as history. Answering needs the partner unlocked alone.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::error::{require_alone, Result, RitualsError};
use crate::prompts::gestures::{self, Gesture};
use crate::vault::{Partner, Session};

/// The ways of being cared for, in the order the profile asks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CareWay {
    Words,
    Time,
    Help,
    Touch,
    Gifts,
    Listening,
    Play,
}

impl CareWay {
    pub const ALL: [CareWay; 7] = [
        CareWay::Words,
        CareWay::Time,
        CareWay::Help,
        CareWay::Touch,
        CareWay::Gifts,
        CareWay::Listening,
        CareWay::Play,
    ];

    /// The gesture ideas' category that suits this way.
    pub fn gesture_category(self) -> &'static str {
        match self {
            CareWay::Words => "words",
            CareWay::Time => "attention",
            CareWay::Help => "help",
            CareWay::Touch => "touch",
            CareWay::Gifts => "surprise",
            CareWay::Listening => "listening",
            CareWay::Play => "play",
        }
    }
}

/// One rating per way, 1 (hardly) to 5 (very much). A way left out reads as 0 and is refused.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CareRatings {
    pub words: u8,
    pub time: u8,
    pub help: u8,
    pub touch: u8,
    pub gifts: u8,
    pub listening: u8,
    pub play: u8,
}

impl CareRatings {
    pub fn get(&self, way: CareWay) -> u8 {
        match way {
            CareWay::Words => self.words,
            CareWay::Time => self.time,
            CareWay::Help => self.help,
            CareWay::Touch => self.touch,
            CareWay::Gifts => self.gifts,
            CareWay::Listening => self.listening,
            CareWay::Play => self.play,
        }
    }

    /// The ways that matter most: those rated 4 or 5, highest first (at most two), or else the
    /// highest rated one.
    pub fn strongest(&self) -> Vec<CareWay> {
        let mut ways = CareWay::ALL.to_vec();
        ways.sort_by_key(|way| std::cmp::Reverse(self.get(*way)));
        let strong: Vec<CareWay> = ways
            .iter()
            .copied()
            .filter(|w| self.get(*w) >= 4)
            .take(2)
            .collect();
        if strong.is_empty() {
            ways.truncate(1);
            ways
        } else {
            strong
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CareProfile {
    pub id: i64,
    pub partner: Partner,
    pub ratings: CareRatings,
    pub answered_at: DateTime<Utc>,
}

/// What the unlocked partner may see of the two profiles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CareState {
    pub a_answered: bool,
    pub b_answered: bool,
    /// Each partner's latest, side by side, once both have answered.
    pub revealed: Option<[CareProfile; 2]>,
    /// Before the reveal: the partner's own latest, only while they are unlocked alone.
    pub own: Option<CareProfile>,
    /// The earlier profiles, newest first: both partners' once revealed, else one's own alone.
    pub history: Vec<CareProfile>,
}

/// Gesture ideas for one way the other partner feels cared for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CareSuggestion {
    pub way: CareWay,
    pub rating: u8,
    pub gestures: Vec<Gesture>,
}

const GESTURES_PER_WAY: usize = 3;

/// Saves a new profile for `who`: the first, or a retake that keeps the earlier ones.
pub fn answer(
    session: &Session,
    who: Partner,
    ratings: CareRatings,
    now: DateTime<Utc>,
) -> Result<CareState> {
    require_alone(session, who)?;
    if CareWay::ALL
        .iter()
        .any(|w| !(1..=5).contains(&ratings.get(*w)))
    {
        return Err(RitualsError::InvalidInput(
            "Rate each way from 1 to 5.".into(),
        ));
    }
    let r = ratings;
    session.conn().execute(
        "INSERT INTO main.care_profiles
             (partner, words, time, help, touch, gifts, listening, play, answered_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            who.letter(),
            r.words,
            r.time,
            r.help,
            r.touch,
            r.gifts,
            r.listening,
            r.play,
            now
        ],
    )?;
    state(session)
}

/// Every profile of `who`, newest first. Only this module's readers, which apply the reveal rule,
/// ever see them.
fn profiles_of(session: &Session, who: Partner) -> Result<Vec<CareProfile>> {
    let mut statement = session.conn().prepare_cached(
        "SELECT id, words, time, help, touch, gifts, listening, play, answered_at
         FROM main.care_profiles WHERE partner = ?1 ORDER BY answered_at DESC, id DESC",
    )?;
    let rows = statement.query_map([who.letter()], |r| {
        Ok(CareProfile {
            id: r.get(0)?,
            partner: who,
            ratings: CareRatings {
                words: r.get(1)?,
                time: r.get(2)?,
                help: r.get(3)?,
                touch: r.get(4)?,
                gifts: r.get(5)?,
                listening: r.get(6)?,
                play: r.get(7)?,
            },
            answered_at: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What the unlocked partner may see.
pub fn state(session: &Session) -> Result<CareState> {
    let mut a = profiles_of(session, Partner::A)?.into_iter();
    let mut b = profiles_of(session, Partner::B)?.into_iter();
    let (a_latest, b_latest) = (a.next(), b.next());
    let (a_answered, b_answered) = (a_latest.is_some(), b_latest.is_some());
    if let (Some(a_latest), Some(b_latest)) = (a_latest.clone(), b_latest.clone()) {
        let mut history: Vec<CareProfile> = a.chain(b).collect();
        history.sort_by_key(|p| std::cmp::Reverse((p.answered_at, p.id)));
        return Ok(CareState {
            a_answered,
            b_answered,
            revealed: Some([a_latest, b_latest]),
            own: None,
            history,
        });
    }
    let (own, history) = match session.alone() {
        Some(Partner::A) => (a_latest, a.collect()),
        Some(Partner::B) => (b_latest, b.collect()),
        None => (None, Vec::new()),
    };
    Ok(CareState {
        a_answered,
        b_answered,
        revealed: None,
        own,
        history,
    })
}

/// Gesture ideas for caring for `whom`, from their latest profile: for the ways that matter most
/// to them, a few ideas that change day by day. Nothing before both profiles are revealed.
pub fn suggestions(
    session: &Session,
    whom: Partner,
    today: NaiveDate,
) -> Result<Vec<CareSuggestion>> {
    let Some(revealed) = state(session)?.revealed else {
        return Ok(Vec::new());
    };
    let profile = &revealed[usize::from(whom == Partner::B)];
    let library = gestures::builtin().map_err(|err| RitualsError::Library(err.to_string()))?;
    let day = usize::try_from(today.num_days_from_ce()).unwrap_or_default();
    Ok(profile
        .ratings
        .strongest()
        .into_iter()
        .map(|way| {
            let fitting: Vec<&Gesture> = library
                .gestures
                .iter()
                .filter(|g| g.category == way.gesture_category())
                .collect();
            let gestures = (0..GESTURES_PER_WAY.min(fitting.len()))
                .map(|i| fitting[(day * GESTURES_PER_WAY + i) % fitting.len()].clone())
                .collect();
            CareSuggestion {
                way,
                rating: profile.ratings.get(way),
                gestures,
            }
        })
        .collect())
}
