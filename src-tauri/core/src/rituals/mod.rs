//! Rituals that keep the practices up week after week: the appreciation notes and the appreciation
//! exchange, "How we feel cared for" with gesture ideas for the other, the stress-reducing
//! conversation, and the one suggestion Home makes.

pub mod appreciation;
pub mod care;
mod error;
pub mod exchange;
pub mod stress_talk;
pub mod suggest;

pub use error::{Result, RitualsError};
