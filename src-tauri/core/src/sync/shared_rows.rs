//! The tables of which only some rows travel, and which.
//!
//! - `prompts` holds Hearth's library, which each laptop copies from its own Hearth, beside the
//!   couple's own prompts. An own prompt travels whole. A library prompt travels only once the
//!   couple marks it (a favourite, or hidden), and then only as its marks: the text stays the one
//!   each laptop's library gave, so two Hearth versions never overwrite each other's library.
//! - `settings` is mostly this laptop's own (when it locks, its sync folder, its library copy's
//!   version). Only the couple's choices travel: the prompts' come-back window.

use serde_json::Value;

use super::store::Fields;
use crate::prompts::store::RESURFACE_KEY;

/// The settings both laptops share.
const COUPLES_SETTINGS: &[&str] = &[RESURFACE_KEY];

/// The fields a library prompt travels with.
const MARKS: &[&str] = &["id", "favourite", "hidden"];

fn is_set(fields: &Fields, name: &str) -> bool {
    fields.get(name).and_then(Value::as_i64).unwrap_or(0) != 0
}

/// An own prompt, or a library prompt the couple has marked.
pub fn prompt_is_ours(fields: &Fields) -> bool {
    is_set(fields, "custom") || is_set(fields, "favourite") || is_set(fields, "hidden")
}

/// An own prompt's fields, or only a library prompt's marks.
pub fn prompt_fields(fields: &mut Fields) {
    if !is_set(fields, "custom") {
        fields.retain(|name, _| MARKS.contains(&name.as_str()));
    }
}

pub fn is_couples_setting(fields: &Fields) -> bool {
    fields
        .get("key")
        .and_then(Value::as_str)
        .is_some_and(|key| COUPLES_SETTINGS.contains(&key))
}
