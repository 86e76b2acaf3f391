//! Prompts in `shared.db`, one concept per module: the library copy and browsing (`catalogue`),
//! the couple's own prompts (`own`), consent and spice levels for the gated category (`consent`),
//! what was seen and when it may come back (`freshness`), the date-night deal, love-maps sets and
//! quick-choice rounds (`dealing`), the prompt of the day (`daily`), what was discussed
//! (`history`), love maps and their "Still true?" rounds (`love_maps`), and answers and
//! together-mode notes (`answers`).

mod answers;
mod catalogue;
mod consent;
mod daily;
mod dealing;
mod freshness;
mod history;
mod love_maps;
mod own;

pub use answers::{
    answers, save_answers, save_together_note, together_notes, AnswerPair, TogetherNote,
    MAX_ANSWER_CHARS, MAX_NOTE_CHARS,
};
pub use catalogue::{
    get, list, set_favourite, set_hidden, sync_library, sync_library_from, Filter,
};
pub use consent::{both_opted_in, own_consent, own_spice, set_consent, set_spice, shared_spice};
pub use daily::prompt_of_the_day;
pub use dealing::{deal_date_night, deal_love_maps, deal_quick_choices, swap_card, ROUND_CARDS};
pub use freshness::{is_fresh, resurface_months, set_resurface_months, Mode, RESURFACE_KEY};
pub use history::{history, mark_discussed, Discussion};
pub use love_maps::{
    answer_still_true, love_maps, save_love_map, still_true_round, LoveMap, LoveMapRound,
    MAX_LOVE_MAP_CHARS, STILL_TRUE_AFTER_MONTHS,
};
pub use own::{add_custom, delete_custom, update_custom, PromptDraft};

use super::error::Result;
use crate::vault::Session;

fn setting(session: &Session, key: &str) -> Result<Option<String>> {
    Ok(crate::vault::settings::read_value(session, key)?)
}

fn set_setting(session: &Session, key: &str, value: &str) -> Result<()> {
    Ok(crate::vault::settings::write_value(session, key, value)?)
}
