//! The four-enemies reflection: questions a partner asks themselves, alone, about selfishness,
//! dishonesty, entitlement and resentment. An answer is kept as an entry in that partner's private
//! vault, so it is encrypted, searchable and unreadable to the other, like any private entry.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::error::{CheckinError, Result};
use crate::journal::store;
use crate::journal::types::EntryDraft;
use crate::journal::Entry;
use crate::vault::{Partner, Session, Space};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Enemy {
    Selfishness,
    Dishonesty,
    Entitlement,
    Resentment,
}

impl Enemy {
    pub const ALL: [Enemy; 4] = [
        Enemy::Selfishness,
        Enemy::Dishonesty,
        Enemy::Entitlement,
        Enemy::Resentment,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Enemy::Selfishness => "selfishness",
            Enemy::Dishonesty => "dishonesty",
            Enemy::Entitlement => "entitlement",
            Enemy::Resentment => "resentment",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Enemy::Selfishness => "Selfishness",
            Enemy::Dishonesty => "Dishonesty",
            Enemy::Entitlement => "Entitlement",
            Enemy::Resentment => "Resentment",
        }
    }

    /// What the enemy looks like, in a sentence, so no one needs a glossary.
    pub fn about(self) -> &'static str {
        match self {
            Enemy::Selfishness => {
                "When my comfort quietly comes first, and the two of us come second."
            }
            Enemy::Dishonesty => {
                "The small omissions and polished versions that make trust thinner over time."
            }
            Enemy::Entitlement => "Expecting care as a due rather than receiving it as a gift.",
            Enemy::Resentment => {
                "Old hurts kept in a drawer, unspoken, and taken out in other arguments."
            }
        }
    }

    pub fn questions(self) -> &'static [&'static str] {
        match self {
            Enemy::Selfishness => &[
                "When did I last put my own ease ahead of what we needed this week?",
                "What does my partner give up for me that I have stopped noticing?",
                "What is one thing I could do this week only because it would help us?",
            ],
            Enemy::Dishonesty => &[
                "Is there something I have left out or softened when talking with my partner lately?",
                "What am I afraid would happen if I said it plainly?",
                "What would a kind, honest version of that conversation sound like?",
            ],
            Enemy::Entitlement => &[
                "What do I expect from my partner without ever asking for it?",
                "Which of their everyday efforts have I come to treat as owed?",
                "How could I show that I see those efforts, starting today?",
            ],
            Enemy::Resentment => &[
                "Is there an old hurt I still carry that my partner may not know about?",
                "What would I need in order to set it down, or to raise it gently?",
                "What part of it is about a wish for closeness that was not met?",
            ],
        }
    }
}

/// One enemy with its questions, as the reflection screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReflectionTopic {
    pub enemy: Enemy,
    pub label: &'static str,
    pub about: &'static str,
    pub questions: &'static [&'static str],
}

pub fn topics() -> Vec<ReflectionTopic> {
    Enemy::ALL
        .into_iter()
        .map(|enemy| ReflectionTopic {
            enemy,
            label: enemy.label(),
            about: enemy.about(),
            questions: enemy.questions(),
        })
        .collect()
}

/// Keeps `who`'s reflection on `enemy` in their private vault, tagged so it can be found again.
pub fn save(
    session: &Session,
    who: Partner,
    enemy: Enemy,
    body: &str,
    today: NaiveDate,
) -> Result<Entry> {
    if body.trim().is_empty() {
        return Err(CheckinError::InvalidInput(
            "Write a few words first; the reflection is only for you.".into(),
        ));
    }
    let draft = EntryDraft {
        title: format!("Reflection: {}", enemy.label().to_lowercase()),
        date: today,
        tags: vec!["reflection".into(), enemy.key().into()],
        ..EntryDraft::plain(body)
    };
    Ok(store::create(session, Space::Private(who), who, &draft)?)
}
