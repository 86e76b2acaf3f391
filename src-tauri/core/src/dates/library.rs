//! The built-in date ideas: our own writing, shipped as JSON inside the binary and checked on
//! first use. Ideas are read from the binary, not copied into the vault: a plan keeps its title.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde::Deserialize;

use super::error::{DatesError, Result};
use super::types::{DateFilter, DateIdea};

const IDEAS_JSON: &str = include_str!("../../data/date_ideas.json");

pub const MAX_TITLE_CHARS: usize = 60;
pub const DETAILS_CHARS: std::ops::RangeInclusive<usize> = 20..=240;
pub const MINUTES: std::ops::RangeInclusive<u32> = 15..=720;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateIdeas {
    pub version: u32,
    pub ideas: Vec<DateIdea>,
}

/// The ideas shipped in this build, parsed once.
pub fn builtin() -> Result<&'static DateIdeas> {
    static IDEAS: OnceLock<std::result::Result<DateIdeas, String>> = OnceLock::new();
    IDEAS
        .get_or_init(|| parse(IDEAS_JSON).map_err(|err| err.to_string()))
        .as_ref()
        .map_err(|err| DatesError::Library(err.clone()))
}

pub fn parse(json: &str) -> Result<DateIdeas> {
    let ideas: DateIdeas =
        serde_json::from_str(json).map_err(|err| DatesError::Library(err.to_string()))?;
    let mut ids = BTreeSet::new();
    for idea in &ideas.ideas {
        if !ids.insert(idea.id.as_str()) {
            return Err(DatesError::Library(format!("{} appears twice", idea.id)));
        }
        check(idea).map_err(|why| DatesError::Library(format!("{}: {why}", idea.id)))?;
    }
    Ok(ideas)
}

fn check(idea: &DateIdea) -> std::result::Result<(), String> {
    let title = idea.title.chars().count();
    if title == 0 || title > MAX_TITLE_CHARS || idea.title.trim() != idea.title {
        return Err(format!("a title needs 1 to {MAX_TITLE_CHARS} characters"));
    }
    if !DETAILS_CHARS.contains(&idea.details.chars().count()) {
        return Err(format!("details need {DETAILS_CHARS:?} characters"));
    }
    if !MINUTES.contains(&idea.minutes) {
        return Err(format!("a date takes {MINUTES:?} minutes"));
    }
    if [&idea.title, &idea.details]
        .iter()
        .any(|t| t.chars().any(char::is_control))
    {
        return Err("one line of text each".into());
    }
    Ok(())
}

/// The ideas that `filter` keeps, in the library's order.
pub fn ideas(filter: &DateFilter) -> Result<Vec<DateIdea>> {
    Ok(builtin()?
        .ideas
        .iter()
        .filter(|idea| filter.keeps(idea))
        .cloned()
        .collect())
}

pub fn idea(id: &str) -> Result<DateIdea> {
    builtin()?
        .ideas
        .iter()
        .find(|idea| idea.id == id)
        .cloned()
        .ok_or(DatesError::NotFound)
}
