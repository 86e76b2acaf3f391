//! The check-in's shapes: an ISO week, four ratings, one partner's answer, and what a partner may
//! see of a week.

use chrono::{DateTime, Datelike, NaiveDate, Utc, Weekday};
use serde::{Deserialize, Serialize};

use super::error::{CheckinError, Result};
use crate::vault::Partner;

/// An ISO week, written "2026-W47": the week a check-in belongs to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Week(String);

impl Week {
    pub fn of(date: NaiveDate) -> Week {
        let iso = date.iso_week();
        Week(format!("{}-W{:02}", iso.year(), iso.week()))
    }

    pub fn parse(text: &str) -> Result<Week> {
        let invalid =
            || CheckinError::InvalidInput(format!("{text:?} is not a week like 2026-W47."));
        let (year, week) = text.split_once("-W").ok_or_else(invalid)?;
        let (year, week) = (
            year.parse::<i32>().map_err(|_| invalid())?,
            week.parse::<u32>().map_err(|_| invalid())?,
        );
        let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).ok_or_else(invalid)?;
        Ok(Week::of(monday))
    }

    /// The Monday the week starts on.
    pub fn monday(&self) -> NaiveDate {
        let (year, week) = self.0.split_once("-W").unwrap_or_default();
        NaiveDate::from_isoywd_opt(
            year.parse().unwrap_or_default(),
            week.parse().unwrap_or_default(),
            Weekday::Mon,
        )
        .unwrap_or_default()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Week {
    type Error = CheckinError;
    fn try_from(text: String) -> Result<Week> {
        Week::parse(&text)
    }
}

impl From<Week> for String {
    fn from(week: Week) -> String {
        week.0
    }
}

/// The four ingredients, each rated from 1 to 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Ingredient {
    Love,
    Vulnerability,
    Trust,
    Commitment,
}

impl Ingredient {
    pub const ALL: [Ingredient; 4] = [
        Ingredient::Love,
        Ingredient::Vulnerability,
        Ingredient::Trust,
        Ingredient::Commitment,
    ];
}

/// A rating left out reads as 0, which the check refuses in plain words: half an answer is no
/// answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Ratings {
    pub love: u8,
    pub vulnerability: u8,
    pub trust: u8,
    pub commitment: u8,
}

impl Ratings {
    pub fn get(&self, ingredient: Ingredient) -> u8 {
        match ingredient {
            Ingredient::Love => self.love,
            Ingredient::Vulnerability => self.vulnerability,
            Ingredient::Trust => self.trust,
            Ingredient::Commitment => self.commitment,
        }
    }
}

/// One partner's answer for one week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Answer {
    pub partner: Partner,
    pub ratings: Ratings,
    pub note: String,
    pub answered_at: DateTime<Utc>,
}

/// A week both partners answered: the two answers side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RevealedWeek {
    pub week: Week,
    pub a: Answer,
    pub b: Answer,
}

/// What the partner who is unlocked may see of a week: whether each has answered, their own answer,
/// and both answers once both are in. Never the other's answer before that.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckinState {
    pub week: Week,
    pub a_answered: bool,
    pub b_answered: bool,
    /// The viewer's own answer, while only they are unlocked.
    pub own: Option<Answer>,
    pub revealed: Option<RevealedWeek>,
}
