//! How every version of one field becomes what both laptops show: a function of the *set* of
//! versions seen, so the order they arrived in, duplicates and redeliveries cannot matter, and two
//! laptops that have seen the same operations show the same thing.
//!
//! - The current value is the version with the latest stamp.
//! - A version that a later edit was written on top of (some version's `base`) was replaced on
//!   purpose; it is history, not a conflict.
//! - Every other version that is not current lost to a concurrent edit: it is kept as a revision
//!   ("You both edited this: see Kai's version"), unless it says what the current one says.
//!   Nothing is dropped silently.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::clock::Stamp;
use super::ops::Op;

/// One version of a field, as an operation wrote it.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    pub stamp: Stamp,
    pub base: Option<Stamp>,
    pub value: Value,
}

/// Every version of one field seen so far.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldHistory {
    versions: BTreeMap<Stamp, Version>,
}

impl FieldHistory {
    /// Adds a version; one already seen (a duplicate or redelivered segment) changes nothing.
    /// Returns whether it was new.
    pub fn add(&mut self, version: Version) -> bool {
        if self.versions.contains_key(&version.stamp) {
            return false;
        }
        self.versions.insert(version.stamp, version);
        true
    }

    pub fn current(&self) -> Option<&Version> {
        self.versions.values().next_back()
    }

    /// The versions that lost to a concurrent edit, oldest first.
    pub fn revisions(&self) -> Vec<&Version> {
        // A base counts only when older than the version naming it, as every honest clock makes it.
        let replaced: BTreeSet<Stamp> = self
            .versions
            .values()
            .filter_map(|v| v.base.filter(|base| *base < v.stamp))
            .collect();
        let Some(current) = self.current() else {
            return Vec::new();
        };
        self.versions
            .values()
            .filter(|v| v.value != current.value && !replaced.contains(&v.stamp))
            .collect()
    }
}

/// One laptop's view of the shared space as operations build it, keyed by table, row and field.
/// The store keeps the same shape in SQL; this model is what it must agree with.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Replica {
    fields: BTreeMap<(String, String, String), FieldHistory>,
}

impl Replica {
    /// Applies one operation; a duplicate is a no-op. Returns whether anything changed.
    pub fn apply(&mut self, op: &Op) -> bool {
        let (table, row, field) = op.target();
        let key = (table.to_owned(), row.to_owned(), field.to_owned());
        self.fields.entry(key).or_default().add(Version {
            stamp: op.stamp,
            base: op.base,
            value: op.value.clone(),
        })
    }

    pub fn field(&self, table: &str, row: &str, field: &str) -> Option<&FieldHistory> {
        self.fields
            .get(&(table.to_owned(), row.to_owned(), field.to_owned()))
    }

    /// What a laptop shows: each field's current value and its revisions' values, in a stable
    /// order, for comparing two laptops.
    pub fn dump(&self) -> Vec<(String, String, String, Value, Vec<Value>)> {
        self.fields
            .iter()
            .filter_map(|((table, row, field), history)| {
                let current = history.current()?;
                let revisions = history
                    .revisions()
                    .into_iter()
                    .map(|v| v.value.clone())
                    .collect();
                Some((
                    table.clone(),
                    row.clone(),
                    field.clone(),
                    current.value.clone(),
                    revisions,
                ))
            })
            .collect()
    }
}
