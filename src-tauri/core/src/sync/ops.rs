//! Operations: what a segment carries. Each sets one field of one row in the shared space,
//! stamped by the [`super::clock`], and names the version of that field its writer saw (`base`),
//! which is how a concurrent edit is told apart from a later one.
//!
//! A segment's body is a JSON list of operations. The format is kept apart from the crypto: the
//! [`super::envelope`] seals whatever bytes it is given.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::clock::Stamp;
use super::{Result, SyncError};

/// The field name an operation that deletes its whole row carries; no column is named so.
pub const DELETED: &str = "~deleted";

/// Sets `field` of row `row` in `table` to `value`, or, with the field [`DELETED`], deletes the
/// row: a delete wins over every edit of that row, before or after it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Op {
    pub stamp: Stamp,
    /// The version of this field the writer had when it wrote; `None` for a new field.
    pub base: Option<Stamp>,
    pub table: String,
    pub row: String,
    pub field: String,
    pub value: Value,
}

impl Op {
    /// Which field this sets.
    pub fn target(&self) -> (&str, &str, &str) {
        (&self.table, &self.row, &self.field)
    }

    pub fn is_deletion(&self) -> bool {
        self.field == DELETED
    }
}

/// A segment's body: its operations, as bytes for the envelope.
pub fn encode(ops: &[Op]) -> Result<Vec<u8>> {
    serde_json::to_vec(ops).map_err(|_| SyncError::Malformed)
}

/// Reads a segment's body. An opened segment that does not parse was written by no Hearth.
pub fn decode(body: &[u8]) -> Result<Vec<Op>> {
    serde_json::from_slice(body).map_err(|_| SyncError::Malformed)
}
