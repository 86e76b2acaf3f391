//! Prompts in `shared.db`, one concept per module: the library copy and browsing (`catalogue`),
//! the couple's own prompts (`own`), consent to the gated category (`consent`), the date-night deal
//! and the prompt of the day (`dealing`), what was discussed (`history`), and answers and
//! together-mode notes (`answers`).

mod answers;
mod catalogue;
mod consent;
mod dealing;
mod history;
mod own;

pub use answers::{
    answers, save_answers, save_together_note, together_notes, AnswerPair, TogetherNote,
    MAX_ANSWER_CHARS, MAX_NOTE_CHARS,
};
pub use catalogue::{get, list, set_favourite, set_hidden, sync_library, Filter};
pub use consent::{both_opted_in, own_consent, set_consent};
pub use dealing::{
    deal_date_night, prompt_of_the_day, resurface_months, set_resurface_months, swap_card,
};
pub use history::{history, mark_discussed, Discussion};
pub use own::{add_custom, delete_custom, update_custom, PromptDraft};

use super::error::Result;
use crate::vault::Session;

fn setting(session: &Session, key: &str) -> Result<Option<String>> {
    Ok(crate::vault::settings::read_value(session, key)?)
}

fn set_setting(session: &Session, key: &str, value: &str) -> Result<()> {
    Ok(crate::vault::settings::write_value(session, key, value)?)
}
