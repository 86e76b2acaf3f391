//! The couple's story: milestones (shared, or private to one partner), dreams and the bucket list,
//! and the timeline that gathers them with dates kept, agreements and notes, with "on this day".

pub mod dreams;
mod error;
pub mod milestones;
pub mod timeline;
mod types;

pub use error::{Result, StoryError};
pub use types::{
    Dream, DreamDraft, Horizon, Milestone, MilestoneDraft, OnThisDay, StoryItem, StoryKind,
    YearsAgo,
};
