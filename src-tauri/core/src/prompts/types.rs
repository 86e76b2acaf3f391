//! What a prompt is: its category (a kind of intimacy), depth and kind, and the marks the deals
//! read: playful, suits love maps, and spice.

use serde::{Deserialize, Serialize};

use super::levels::Spice;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Emotional,
    PhysicalAffection,
    Sensual,
    Intellectual,
    Spiritual,
    Fun,
    Appreciation,
    Trust,
    Dreams,
    Memories,
    Conflict,
}

impl Category {
    pub const ALL: [Category; 11] = [
        Category::Emotional,
        Category::PhysicalAffection,
        Category::Sensual,
        Category::Intellectual,
        Category::Spiritual,
        Category::Fun,
        Category::Appreciation,
        Category::Trust,
        Category::Dreams,
        Category::Memories,
        Category::Conflict,
    ];

    /// Sensual and sexual prompts appear only when both partners have opted in.
    pub fn is_gated(self) -> bool {
        self == Category::Sensual
    }

    pub fn key(self) -> &'static str {
        match self {
            Category::Emotional => "emotional",
            Category::PhysicalAffection => "physical_affection",
            Category::Sensual => "sensual",
            Category::Intellectual => "intellectual",
            Category::Spiritual => "spiritual",
            Category::Fun => "fun",
            Category::Appreciation => "appreciation",
            Category::Trust => "trust",
            Category::Dreams => "dreams",
            Category::Memories => "memories",
            Category::Conflict => "conflict",
        }
    }

    pub fn from_key(key: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// How far a prompt reaches. The order matters: a date night ramps from light to deep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Depth {
    Light,
    Medium,
    Deep,
}

impl Depth {
    pub const ALL: [Depth; 3] = [Depth::Light, Depth::Medium, Depth::Deep];

    pub fn key(self) -> &'static str {
        match self {
            Depth::Light => "light",
            Depth::Medium => "medium",
            Depth::Deep => "deep",
        }
    }

    pub fn from_key(key: &str) -> Option<Depth> {
        Depth::ALL.into_iter().find(|d| d.key() == key)
    }
}

/// What a card asks of the couple. The two quick-choice kinds carry their two choices as fields of
/// the prompt; a wildcard breaks the pattern of a date night and is never dealt as a prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Question,
    Activity,
    Gesture,
    Reflection,
    ThisOrThat,
    WouldYouRather,
    Wildcard,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Question,
        Kind::Activity,
        Kind::Gesture,
        Kind::Reflection,
        Kind::ThisOrThat,
        Kind::WouldYouRather,
        Kind::Wildcard,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Kind::Question => "question",
            Kind::Activity => "activity",
            Kind::Gesture => "gesture",
            Kind::Reflection => "reflection",
            Kind::ThisOrThat => "this_or_that",
            Kind::WouldYouRather => "would_you_rather",
            Kind::Wildcard => "wildcard",
        }
    }

    pub fn from_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Both partners pick one of two choices at once: `this_or_that` and `would_you_rather`.
    pub fn is_quick_choice(self) -> bool {
        matches!(self, Kind::ThisOrThat | Kind::WouldYouRather)
    }

    /// Talked over as a conversation, as a date night and the prompt of the day deal them: not a
    /// quick choice (a round of its own), not a wildcard (slipped in by the deal).
    pub fn is_conversation(self) -> bool {
        !self.is_quick_choice() && self != Kind::Wildcard
    }

    /// Read out and talked over, so the text asks something: it ends with a question mark.
    pub fn asks(self) -> bool {
        matches!(
            self,
            Kind::Question | Kind::ThisOrThat | Kind::WouldYouRather
        )
    }
}

/// A prompt as stored: from the library, or written by the couple.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Prompt {
    pub id: String,
    pub text: String,
    pub category: Category,
    pub depth: Depth,
    pub kind: Kind,
    /// The two choices of a quick-choice prompt, and only of one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choices: Option<[String; 2]>,
    /// Silly, light or quick: the deal mixes these in among the deeper ones.
    #[serde(default)]
    pub playful: bool,
    /// Suits a love-maps round: one partner answers, the other guesses.
    #[serde(default)]
    pub love_map: bool,
    /// How hot a sensual or sexual prompt runs; only those carry one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spice: Option<Spice>,
    #[serde(default)]
    pub custom: bool,
    #[serde(default)]
    pub favourite: bool,
    #[serde(default)]
    pub hidden: bool,
}
