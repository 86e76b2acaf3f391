//! Date ideas the couple can plan: a library of our own ideas tagged by cost, place, length and
//! energy, with filters; "Plan this" turns one into a one-off together-time reminder; afterwards a
//! one-line memory of it joins the shared history.

mod error;
pub mod library;
pub mod store;
mod types;

pub use error::{DatesError, Result};
pub use types::{Cost, DateFilter, DateIdea, Energy, Length, Place};
