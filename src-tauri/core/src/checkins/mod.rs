//! Practices beyond conversation: the weekly four-ingredients check-in (each partner rates alone;
//! both answers are shown side by side only once both are in), the private four-enemies reflection,
//! and the one small agreement a conflict-repair conversation ends with.

mod error;
pub mod reflection;
pub mod repair;
pub mod store;
pub mod types;

pub use error::{CheckinError, Result};
pub use types::{Answer, CheckinState, Ingredient, Ratings, RevealedWeek, Week};
