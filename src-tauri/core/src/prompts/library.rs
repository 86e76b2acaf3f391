//! The built-in prompt library: our own writing, shipped as JSON inside the binary and copied into
//! `shared.db` with its version, so a newer library adds prompts without touching the couple's
//! history, favourites or hidden marks.
//!
//! Format 2 added the quick-choice kinds with their `choices`, wildcards, and the `playful`,
//! `loveMap` and `spice` marks. A format-1 file still reads: its sensual prompts count as mild.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde::Deserialize;

use super::error::{PromptsError, Result};
use super::levels::Spice;
use super::types::{Kind, Prompt};

const LIBRARY_JSON: &str = include_str!("../../data/prompts.json");

pub const MIN_CHARS: usize = 10;
pub const MAX_CHARS: usize = 220;
pub const MAX_CHOICE_CHARS: usize = 80;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Library {
    pub version: u32,
    pub prompts: Vec<Prompt>,
}

/// The library shipped in this build, parsed once.
pub fn builtin() -> Result<&'static Library> {
    static LIBRARY: OnceLock<std::result::Result<Library, String>> = OnceLock::new();
    parsed_once(&LIBRARY, || parse(LIBRARY_JSON))
}

/// A file shipped inside the binary, parsed and checked on first use; a damaged one gives the same
/// error every time it is asked for.
pub(super) fn parsed_once<T>(
    cell: &'static OnceLock<std::result::Result<T, String>>,
    parse: impl FnOnce() -> Result<T>,
) -> Result<&'static T> {
    cell.get_or_init(|| parse().map_err(|err| err.to_string()))
        .as_ref()
        .map_err(|err| PromptsError::Library(err.clone()))
}

pub fn parse(json: &str) -> Result<Library> {
    let mut library: Library =
        serde_json::from_str(json).map_err(|err| PromptsError::Library(err.to_string()))?;
    if library.version < 2 {
        for prompt in &mut library.prompts {
            if prompt.category.is_gated() && prompt.spice.is_none() {
                prompt.spice = Some(Spice::Mild);
            }
        }
    }
    let mut ids = BTreeSet::new();
    for prompt in &library.prompts {
        if !ids.insert(prompt.id.as_str()) {
            return Err(PromptsError::Library(format!(
                "{} appears twice",
                prompt.id
            )));
        }
        check_prompt(prompt)
            .map_err(|err| PromptsError::Library(format!("{}: {err}", prompt.id)))?;
    }
    Ok(library)
}

/// The rules every prompt follows, the couple's own included: its text, its kind's own fields,
/// and the marks that only some prompts may carry.
pub fn check_prompt(prompt: &Prompt) -> Result<()> {
    check_text(&prompt.text, prompt.kind)?;
    let invalid = |message: &str| Err(PromptsError::InvalidInput(message.into()));
    match (&prompt.choices, prompt.kind.is_quick_choice()) {
        (Some(choices), true) => check_choices(choices)?,
        (None, true) => return invalid("A quick choice needs its two choices."),
        (Some(_), false) => return invalid("Only a quick choice has two choices."),
        (None, false) => {}
    }
    match (prompt.spice, prompt.category.is_gated()) {
        (None, true) => return invalid("A sensual prompt needs its spice level."),
        (Some(_), false) => return invalid("Only a sensual prompt has a spice level."),
        _ => {}
    }
    if prompt.love_map && prompt.kind != Kind::Question {
        return invalid("Only a question can be guessed in love maps.");
    }
    if prompt.kind == Kind::Wildcard && prompt.category.is_gated() {
        return invalid("A wildcard can't be in the sensual category.");
    }
    Ok(())
}

/// Two short, different choices, each one line.
pub fn check_choices(choices: &[String; 2]) -> Result<()> {
    for choice in choices {
        let chars = choice.trim().chars().count();
        if !(1..=MAX_CHOICE_CHARS).contains(&chars) || choice.chars().any(|c| c.is_control()) {
            return Err(PromptsError::InvalidInput(format!(
                "Each choice is one line of 1 to {MAX_CHOICE_CHARS} characters."
            )));
        }
    }
    if choices[0].trim().to_lowercase() == choices[1].trim().to_lowercase() {
        return Err(PromptsError::InvalidInput(
            "The two choices need to differ.".into(),
        ));
    }
    Ok(())
}

/// The rules every prompt's text follows.
pub fn check_text(text: &str, kind: Kind) -> Result<()> {
    let chars = text.trim().chars().count();
    if !(MIN_CHARS..=MAX_CHARS).contains(&chars) {
        return Err(PromptsError::InvalidInput(format!(
            "A prompt needs {MIN_CHARS} to {MAX_CHARS} characters; this one has {chars}."
        )));
    }
    if kind.asks() && !text.trim_end().ends_with('?') {
        return Err(PromptsError::InvalidInput(
            "A question ends with a question mark.".into(),
        ));
    }
    if text.chars().any(|c| c.is_control()) {
        return Err(PromptsError::InvalidInput(
            "A prompt is one line of text, without control characters.".into(),
        ));
    }
    Ok(())
}
