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

    /// The same schema and settings as a session, on plain (unencrypted) SQLite files: shared and
    /// A's private vault. Only for benchmarks, which run the same code on both to report the cost of
    /// encryption as a ratio. The app never calls it.
    #[doc(hidden)]
    pub fn unencrypted_baseline(dir: &Path) -> Result<Session> {
        let open = |space: Space| -> Result<Connection> {
            let path = dir.join(space.file_name());
            let mut conn = Connection::open(&path)?;
            conn.execute_batch("PRAGMA temp_store = MEMORY;")?;
            conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
            db::configure_schema(&conn, "main")?;
            super::migrations::migrate(&mut conn, &path, super::migrations::for_space(space))?;
            Ok(conn)
        };
        let conn = open(Space::Shared)?;
        let private = Space::Private(Partner::A);
        drop(open(private)?);
        let path = dir.join(private.file_name());
        conn.execute(
            &format!("ATTACH DATABASE ?1 AS {} KEY ''", private.schema()),
            [path.to_string_lossy()],
        )?;
        db::configure_schema(&conn, private.schema())?;
        let keys = [Space::Shared, private]
            .into_iter()
            .map(|space| (space, Key::default()))
            .collect();
        Ok(Session { conn, keys })
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

    /// The partner unlocked on their own, if only one is: who is at the keyboard for things the
    /// other must not see over their shoulder.
    pub fn alone(&self) -> Option<Partner> {
        match self.unlocked_partners().as_slice() {
            [only] => Some(*only),
            _ => None,
        }
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
