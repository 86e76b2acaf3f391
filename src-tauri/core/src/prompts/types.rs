//! What a prompt is: its category (a kind of intimacy), depth and kind.

use serde::{Deserialize, Serialize};

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Question,
    Activity,
    Gesture,
    Reflection,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::Question,
        Kind::Activity,
        Kind::Gesture,
        Kind::Reflection,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Kind::Question => "question",
            Kind::Activity => "activity",
            Kind::Gesture => "gesture",
            Kind::Reflection => "reflection",
        }
    }

    pub fn from_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// A prompt as stored: from the library, or written by the couple.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Prompt {
    pub id: String,
    pub text: String,
    pub category: Category,
    pub depth: Depth,
    pub kind: Kind,
    #[serde(default)]
    pub custom: bool,
    #[serde(default)]
    pub favourite: bool,
    #[serde(default)]
    pub hidden: bool,
}
