//! Hearth's first job: conversation prompts. A library of our own prompts across the kinds of
//! intimacy, the couple's own additions, a consent gate for the sensual and sexual category, the
//! date-night deal, the prompt of the day, the history of what was discussed, and gesture ideas.

pub mod daily;
pub mod deal;
mod error;
pub mod gestures;
pub mod levels;
pub mod library;
pub mod likeness;
pub mod store;
mod types;

pub use error::{PromptsError, Result};
pub use levels::{Level, Spice};
pub use types::{Category, Depth, Kind, Prompt};
