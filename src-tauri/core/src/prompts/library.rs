//! The built-in prompt library: our own writing, shipped as JSON inside the binary and copied into
//! `shared.db` with its version, so a newer library adds prompts without touching the couple's
//! history, favourites or hidden marks.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde::Deserialize;

use super::error::{PromptsError, Result};
use super::types::{Kind, Prompt};

const LIBRARY_JSON: &str = include_str!("../../data/prompts.json");

pub const MIN_CHARS: usize = 10;
pub const MAX_CHARS: usize = 220;

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
    let library: Library =
        serde_json::from_str(json).map_err(|err| PromptsError::Library(err.to_string()))?;
    let mut ids = BTreeSet::new();
    for prompt in &library.prompts {
        if !ids.insert(prompt.id.as_str()) {
            return Err(PromptsError::Library(format!(
                "{} appears twice",
                prompt.id
            )));
        }
        check_text(&prompt.text, prompt.kind)
            .map_err(|err| PromptsError::Library(format!("{}: {err}", prompt.id)))?;
    }
    Ok(library)
}

/// The rules every prompt follows, the couple's own included.
pub fn check_text(text: &str, kind: Kind) -> Result<()> {
    let chars = text.trim().chars().count();
    if !(MIN_CHARS..=MAX_CHARS).contains(&chars) {
        return Err(PromptsError::InvalidInput(format!(
            "A prompt needs {MIN_CHARS} to {MAX_CHARS} characters; this one has {chars}."
        )));
    }
    if kind == Kind::Question && !text.trim_end().ends_with('?') {
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

/// The lower-case words of a text, for the near-duplicate check.
pub fn word_set(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Shared words as a share of the smaller set: 1.0 means one prompt's words all appear in the other.
pub fn overlap(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / smaller as f64
}
