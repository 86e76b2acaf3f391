//! Who the partners are, and which encrypted space (vault) a piece of data lives in.

use serde::{Deserialize, Serialize};

/// One of the two partners. Their names live only inside the shared vault; on disk outside it they
/// are just `a` and `b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Partner {
    A,
    B,
}

impl Partner {
    pub const BOTH: [Partner; 2] = [Partner::A, Partner::B];

    pub fn other(self) -> Partner {
        match self {
            Partner::A => Partner::B,
            Partner::B => Partner::A,
        }
    }

    pub fn letter(self) -> &'static str {
        match self {
            Partner::A => "a",
            Partner::B => "b",
        }
    }

    pub fn parse(text: &str) -> Option<Partner> {
        match text {
            "a" => Some(Partner::A),
            "b" => Some(Partner::B),
            _ => None,
        }
    }
}

/// An encrypted space: the couple's shared vault, or one partner's private vault. Each is its own
/// SQLCipher file with its own key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "space", content = "owner")]
pub enum Space {
    Shared,
    Private(Partner),
}

impl Space {
    pub const ALL: [Space; 3] = [
        Space::Shared,
        Space::Private(Partner::A),
        Space::Private(Partner::B),
    ];

    pub fn file_name(self) -> &'static str {
        match self {
            Space::Shared => "shared.db",
            Space::Private(Partner::A) => "private-a.db",
            Space::Private(Partner::B) => "private-b.db",
        }
    }

    /// The schema name on the session's one connection: shared is `main`, privates are attached.
    pub fn schema(self) -> &'static str {
        match self {
            Space::Shared => "main",
            Space::Private(Partner::A) => "private_a",
            Space::Private(Partner::B) => "private_b",
        }
    }

    /// The label used in the keyslots file.
    pub fn label(self) -> &'static str {
        match self {
            Space::Shared => "shared",
            Space::Private(Partner::A) => "private-a",
            Space::Private(Partner::B) => "private-b",
        }
    }

    pub fn from_label(label: &str) -> Option<Space> {
        Space::ALL.into_iter().find(|space| space.label() == label)
    }
}
