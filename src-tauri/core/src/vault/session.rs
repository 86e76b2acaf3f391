//! An unlocked session: one SQLite connection with the shared vault as `main` and each unlocked
//! partner's private vault attached, plus the vault keys needed to rewrap slots. Dropping the
//! session closes the connection and wipes the keys: that is what locking means.
//!
//! Which spaces may be read is decided here, once, for every domain: the shared space always; a
//! private space by its owner unlocked alone, or, while both sit together, only after the owner
//! opened it with their passphrase (see [`super::joint`]).

use std::collections::HashMap;
use std::path::Path;

use rusqlite::Connection;

use super::checks::Checks;
use super::clock::{self, SharedClock};
use super::crypto::Key;
use super::db;
use super::error::{Result, VaultError};
use super::joint::Openings;
use super::types::{Partner, Space};

pub struct Session {
    // First, since fields drop in order: a lock stops the checks and closes their connections
    // before `conn` closes, so the session's connection is the file's last one, which checkpoints
    // the write-ahead log and removes it, as before.
    checks: Checks,
    conn: Connection,
    keys: HashMap<Space, Key>,
    openings: Openings,
}

impl Session {
    pub(crate) fn open(dir: &Path, shared_key: Key, clock: SharedClock) -> Result<Session> {
        let mut conn = db::open(dir, Space::Shared, &shared_key)?;
        let mut checks = Checks::default();
        conn.commit_hook(Some(checks.gate()))?;
        start_check(&mut checks, dir, Space::Shared, &shared_key)?;
        let mut keys = HashMap::new();
        keys.insert(Space::Shared, shared_key);
        Ok(Session {
            conn,
            keys,
            openings: Openings::new(clock),
            checks,
        })
    }

    /// The vault file the background check found damaged, if it did. Nothing was
    /// written to it since the unlock: every commit waited for that check.
    pub fn damage_found(&self) -> Option<std::path::PathBuf> {
        self.checks.damaged()
    }

    /// Whether the background check is still running (then a verdict is still to come).
    pub fn checking(&self) -> bool {
        self.checks.running()
    }

    /// `err`, or, when it is SQLite refusing a damaged page, the damage the full check names: which
    /// file it is in. Waits for the check.
    pub(crate) fn name_damage(&self, err: VaultError) -> VaultError {
        match &err {
            VaultError::Storage(cause) if db::is_damage(cause) => self
                .checks
                .wait()
                .map_or(err, |file| VaultError::Damaged { file }),
            _ => err,
        }
    }

    /// Waits until the background checks have finished (tests and benchmarks).
    #[doc(hidden)]
    pub fn wait_for_checks(&self) -> Option<std::path::PathBuf> {
        self.checks.wait()
    }

    /// Checks and migrates a partner's private vault on its own connection, then attaches it.
    pub(crate) fn attach_private(&mut self, dir: &Path, owner: Partner, key: Key) -> Result<()> {
        let space = Space::Private(owner);
        if self.keys.contains_key(&space) {
            return Ok(());
        }
        super::rekey::finish_pending(dir, space, &key)?;
        drop(db::open(dir, space, &key)?);
        start_check(&mut self.checks, dir, space, &key)?;
        db::attach(&self.conn, dir, space, &key)?;
        self.keys.insert(space, key);
        // Whoever was here alone now sits with someone: every private space starts closed.
        self.openings.close_all();
        Ok(())
    }

    /// Closes `owner`'s private vault and wipes its key; the rest of the session stays open.
    pub(crate) fn detach_private(&mut self, owner: Partner) -> Result<()> {
        let space = Space::Private(owner);
        if self.keys.contains_key(&space) {
            db::detach(&self.conn, space)?;
            self.keys.remove(&space);
        }
        self.openings.close_all();
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
        Ok(Session {
            conn,
            keys,
            openings: Openings::new(clock::system()),
            checks: Checks::default(),
        })
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

    /// Whether `space` may be read and written now. Asking counts as using an opened private space.
    pub fn can_read(&self, space: Space) -> bool {
        match space {
            Space::Shared => self.is_open(space),
            Space::Private(owner) => self.private_access(owner, true),
        }
    }

    /// The spaces lists, searches, tags and counts may look at, in [`Space::ALL`] order.
    pub fn readable_spaces(&self) -> Vec<Space> {
        Space::ALL
            .into_iter()
            .filter(|space| self.can_read(*space))
            .collect()
    }

    /// Whether `owner`'s private space can be read now, without counting this as a use.
    pub fn private_readable(&self, owner: Partner) -> bool {
        self.private_access(owner, false)
    }

    /// The one rule for a private space: open in this session, and its owner here alone,
    /// confirmed for the action running now, or sitting together with the space opened.
    fn private_access(&self, owner: Partner, counts_as_use: bool) -> bool {
        let opened = if counts_as_use {
            self.openings.use_if_open(owner)
        } else {
            self.openings.is_open(owner)
        };
        self.is_open(Space::Private(owner))
            && (self.alone() == Some(owner) || self.openings.confirmed() == Some(owner) || opened)
    }

    /// The schema to use for `space`: `Locked` when that vault is not open in this session,
    /// `PrivateClosed` when it is open but its owner sits with their partner and has not opened it.
    pub fn schema(&self, space: Space) -> Result<&'static str> {
        if !self.is_open(space) {
            return Err(VaultError::Locked);
        }
        if !self.can_read(space) {
            return Err(VaultError::PrivateClosed);
        }
        Ok(space.schema())
    }

    /// Succeeds when `owner` is at the keyboard for an action that takes something out of their
    /// private space, moves it or deletes from it: unlocked alone, or confirmed by their
    /// passphrase for this very action (see `Vault::as_owner`).
    pub fn owner_present(&self, owner: Partner) -> Result<()> {
        if !self.is_open(Space::Private(owner)) {
            return Err(VaultError::Locked);
        }
        if self.alone() == Some(owner) || self.openings.confirmed() == Some(owner) {
            Ok(())
        } else {
            Err(VaultError::OwnerMustConfirm)
        }
    }

    pub(crate) fn openings(&self) -> &Openings {
        &self.openings
    }

    pub(crate) fn openings_mut(&mut self) -> &mut Openings {
        &mut self.openings
    }
}

/// Starts the background structure check of `space`'s file, on a read-only connection of its own.
fn start_check(checks: &mut Checks, dir: &Path, space: Space, key: &Key) -> Result<()> {
    let conn = db::open_for_check(dir, space, key)?;
    checks.start(conn, dir.join(space.file_name()))?;
    Ok(())
}
