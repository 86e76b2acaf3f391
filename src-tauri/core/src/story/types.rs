//! The pieces of a couple's story: milestones, dreams, and the items of the timeline.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::prompts::store::AnswerPair;
use crate::vault::{Partner, Space};

/// A day that mattered: how they met, moving in, a trip. Shared, or private to its writer (then
/// it lives in their private vault).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Milestone {
    pub id: i64,
    pub space: Space,
    pub day: NaiveDate,
    pub title: String,
    pub note: String,
    /// The yearly reminder made from it, if any.
    pub reminder_id: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MilestoneDraft {
    pub day: NaiveDate,
    pub title: String,
    #[serde(default)]
    pub note: String,
}

/// When a dream might come true.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Horizon {
    ThisYear,
    SomeDay,
}

impl Horizon {
    pub(crate) fn key(self) -> &'static str {
        match self {
            Horizon::ThisYear => "this_year",
            Horizon::SomeDay => "some_day",
        }
    }

    pub(crate) fn from_key(key: &str) -> Option<Horizon> {
        [Horizon::ThisYear, Horizon::SomeDay]
            .into_iter()
            .find(|h| h.key() == key)
    }
}

/// Something to do, see or become: together (no owner), or one partner's own, shared so the other
/// can support it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Dream {
    pub id: i64,
    pub owner: Option<Partner>,
    pub title: String,
    pub horizon: Option<Horizon>,
    pub first_steps: Vec<String>,
    pub created_at: DateTime<Utc>,
    /// The day they said "we did it".
    pub done_on: Option<NaiveDate>,
    pub done_note: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DreamDraft {
    #[serde(default)]
    pub owner: Option<Partner>,
    pub title: String,
    #[serde(default)]
    pub horizon: Option<Horizon>,
    #[serde(default)]
    pub first_steps: Vec<String>,
}

/// What a timeline item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StoryKind {
    Milestone,
    DreamReached,
    DateKept,
    Agreement,
    TogetherNote,
    StressTalk,
}

/// One line of the timeline, from whichever part of Hearth it came.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StoryItem {
    pub kind: StoryKind,
    /// The local day it happened.
    pub day: NaiveDate,
    /// The moment, for things Hearth saw happen; none for a milestone, which is a whole day.
    pub at: Option<DateTime<Utc>>,
    pub title: String,
    pub note: String,
    /// Where it lives: a milestone may be private to one partner; everything else is shared.
    pub space: Space,
    /// Its id where it lives (a milestone's, a dream's, …).
    pub id: i64,
    /// A milestone's yearly reminder, once it has one.
    pub reminder_id: Option<String>,
}

/// Something from this day in an earlier year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct YearsAgo<T> {
    pub years_ago: i32,
    #[serde(flatten)]
    pub item: T,
}

/// What Home can bring back today.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OnThisDay {
    pub items: Vec<YearsAgo<StoryItem>>,
    /// Answer-then-reveals both gave, to answer again and compare.
    pub answers: Vec<YearsAgo<AnswerPair>>,
}
