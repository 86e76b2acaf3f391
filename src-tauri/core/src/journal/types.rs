//! Entries as the UI sees them: where they live, what they hold, and the draft the editor sends.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::vault::{Partner, Space};

/// Bodies over this size are refused rather than stored.
pub const MAX_BODY_BYTES: usize = 10 * 1024 * 1024;
pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_TAGS: usize = 20;
pub const MAX_TAG_CHARS: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mood {
    Joyful,
    Calm,
    Grateful,
    Tender,
    Tired,
    Worried,
    Sad,
    Frustrated,
}

impl Mood {
    pub const ALL: [Mood; 8] = [
        Mood::Joyful,
        Mood::Calm,
        Mood::Grateful,
        Mood::Tender,
        Mood::Tired,
        Mood::Worried,
        Mood::Sad,
        Mood::Frustrated,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Mood::Joyful => "joyful",
            Mood::Calm => "calm",
            Mood::Grateful => "grateful",
            Mood::Tender => "tender",
            Mood::Tired => "tired",
            Mood::Worried => "worried",
            Mood::Sad => "sad",
            Mood::Frustrated => "frustrated",
        }
    }

    pub fn from_key(key: &str) -> Option<Mood> {
        Mood::ALL.into_iter().find(|m| m.key() == key)
    }
}

/// What the editor sends: everything but the id and the times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EntryDraft {
    #[serde(default)]
    pub title: String,
    pub body: String,
    pub date: NaiveDate,
    #[serde(default)]
    pub mood: Option<Mood>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub prompt_id: Option<String>,
    #[serde(default)]
    pub answer_id: Option<i64>,
}

impl EntryDraft {
    /// A body and today's date, nothing else.
    pub fn plain(body: &str) -> EntryDraft {
        EntryDraft {
            title: String::new(),
            body: body.to_string(),
            date: Utc::now().date_naive(),
            mood: None,
            tags: Vec::new(),
            prompt_id: None,
            answer_id: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    pub id: i64,
    pub space: Space,
    pub title: String,
    pub body: String,
    pub date: NaiveDate,
    pub mood: Option<Mood>,
    pub tags: Vec<String>,
    pub prompt_id: Option<String>,
    pub answer_id: Option<i64>,
    pub author: Option<Partner>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Which entries a list shows. Spaces that are locked are left out whatever is asked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EntryFilter {
    #[serde(default)]
    pub space: Option<Space>,
    #[serde(default)]
    pub tag: Option<String>,
    #[serde(default)]
    pub prompt_id: Option<String>,
}

/// Where the next page starts: the last entry of the page before, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cursor {
    pub date: NaiveDate,
    pub space_rank: u8,
    pub id: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Page {
    pub entries: Vec<Entry>,
    pub next: Option<Cursor>,
}

/// A prompt that some entry in an open space is about, for the list's prompt filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkedPrompt {
    pub id: String,
    /// `None` when the prompt is no longer shown: a deleted own prompt, or a topic now hidden.
    pub text: Option<String>,
}

/// A piece of a search snippet; `hit` pieces are what matched, for the UI to mark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub entry: Entry,
    pub snippet: Vec<SnippetPart>,
}
