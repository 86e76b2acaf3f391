//! What a date idea is, and the four tags the filters read: cost, place, length and energy.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cost {
    Free,
    Low,
    Treat,
}

/// Where the date happens; `apart` is for couples in two places, over a call or by post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    Home,
    Out,
    Apart,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Energy {
    Quiet,
    Lively,
}

/// How long a date takes, in the buckets the filter offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Length {
    /// Under an hour.
    Short,
    /// One to three hours.
    Evening,
    /// More than three hours.
    Long,
}

impl Length {
    pub const ALL: [Length; 3] = [Length::Short, Length::Evening, Length::Long];

    pub fn of(minutes: u32) -> Length {
        match minutes {
            0..=59 => Length::Short,
            60..=180 => Length::Evening,
            _ => Length::Long,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DateIdea {
    pub id: String,
    pub title: String,
    pub details: String,
    pub cost: Cost,
    pub place: Place,
    pub minutes: u32,
    pub energy: Energy,
}

impl DateIdea {
    pub fn length(&self) -> Length {
        Length::of(self.minutes)
    }
}

/// Any of the four tags; an empty filter keeps every idea.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DateFilter {
    pub cost: Option<Cost>,
    pub place: Option<Place>,
    pub length: Option<Length>,
    pub energy: Option<Energy>,
}

impl DateFilter {
    pub fn keeps(&self, idea: &DateIdea) -> bool {
        self.cost.is_none_or(|c| c == idea.cost)
            && self.place.is_none_or(|p| p == idea.place)
            && self.length.is_none_or(|l| l == idea.length())
            && self.energy.is_none_or(|e| e == idea.energy)
    }
}
