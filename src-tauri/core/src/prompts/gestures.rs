//! Gesture ideas: small acts of appreciation and gentle, non-sexual touch, our own writing, shipped
//! inside the binary. Each has a category; "Plan this" in the UI turns one into a one-off reminder.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::error::{PromptsError, Result};

const GESTURES_JSON: &str = include_str!("../../data/gestures.json");

/// Each gesture fits a reminder's title, which holds 120 characters.
pub const MAX_CHARS: usize = 120;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gesture {
    pub id: String,
    pub category: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GestureCategory {
    pub key: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gestures {
    pub version: u32,
    pub categories: Vec<GestureCategory>,
    pub gestures: Vec<Gesture>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GesturesFile {
    version: u32,
    categories: serde_json::Map<String, serde_json::Value>,
    gestures: Vec<Gesture>,
}

/// The gestures shipped in this build, parsed and checked once.
pub fn builtin() -> Result<&'static Gestures> {
    static GESTURES: OnceLock<std::result::Result<Gestures, String>> = OnceLock::new();
    super::library::parsed_once(&GESTURES, || parse(GESTURES_JSON))
}

/// Parses a gesture file and checks it: known categories, unique ids, texts that fit.
pub fn parse(json: &str) -> Result<Gestures> {
    let bad = |what: String| PromptsError::Library(what);
    let file: GesturesFile = serde_json::from_str(json).map_err(|err| bad(err.to_string()))?;
    let categories = file
        .categories
        .into_iter()
        .map(|(key, label)| match label {
            serde_json::Value::String(label) => Ok(GestureCategory { key, label }),
            _ => Err(bad(format!("category {key} has no label"))),
        })
        .collect::<Result<Vec<_>>>()?;
    let mut ids = BTreeSet::new();
    for gesture in &file.gestures {
        if !ids.insert(gesture.id.as_str()) {
            return Err(bad(format!("{} appears twice", gesture.id)));
        }
        if !categories.iter().any(|c| c.key == gesture.category) {
            return Err(bad(format!(
                "{} has an unknown category {:?}",
                gesture.id, gesture.category
            )));
        }
        let chars = gesture.text.trim().chars().count();
        if !(10..=MAX_CHARS).contains(&chars) {
            return Err(bad(format!(
                "{} needs 10 to {MAX_CHARS} characters; it has {chars}",
                gesture.id
            )));
        }
    }
    Ok(Gestures {
        version: file.version,
        categories,
        gestures: file.gestures,
    })
}
