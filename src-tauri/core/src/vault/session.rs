//! An unlocked session: one SQLite connection with the shared vault as `main` and each unlocked
//! partner's private vault attached, plus the vault keys needed to rewrap slots. Dropping the
//! session closes the connection and wipes the keys: that is what locking means.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::Connection;

use super::crypto::Key;
use super::db;
use super::error::{Result, VaultError};
use super::types::{Partner, Space};

pub struct Session {
    conn: Connection,
    keys: HashMap<Space, Key>,
}

impl Session {
    pub(crate) fn open(dir: &Path, shared_key: Key) -> Result<Session> {
        let conn = db::open(dir, Space::Shared, &shared_key)?;
        let mut keys = HashMap::new();
        keys.insert(Space::Shared, shared_key);
        Ok(Session { conn, keys })
    }

    /// Checks and migrates a partner's private vault on its own connection, then attaches it.
    pub(crate) fn attach_private(&mut self, dir: &Path, owner: Partner, key: Key) -> Result<()> {
        let space = Space::Private(owner);
        if self.keys.contains_key(&space) {
            return Ok(());
        }
        drop(db::open(dir, space, &key)?);
        db::attach(&self.conn, dir, space, &key)?;
        self.keys.insert(space, key);
        Ok(())
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    pub fn is_open(&self, space: Space) -> bool {
        self.keys.contains_key(&space)
    }

    pub fn unlocked_partners(&self) -> Vec<Partner> {
        Partner::BOTH
            .into_iter()
            .filter(|p| self.is_open(Space::Private(*p)))
            .collect()
    }

    pub(crate) fn key(&self, space: Space) -> Result<&Key> {
        self.keys.get(&space).ok_or(VaultError::Locked)
    }

    /// The schema to use for `space`, or `Locked` when that vault is not open in this session.
    pub fn schema(&self, space: Space) -> Result<&'static str> {
        if self.is_open(space) {
            Ok(space.schema())
        } else {
            Err(VaultError::Locked)
        }
    }
}
