//! The full check of a session's vault files, in the background, with nothing written before it
//! passes.
//!
//! At unlock only a file's header is read ([`db::check_header`]). The full check is SQLite's
//! structure check, which reads every page in use, so SQLCipher checks each one's HMAC on the way
//! (any byte changed since Hearth wrote it), and finds what an HMAC cannot (pages from different
//! moments). Free pages are not read: SQLite never reads one back, it overwrites it whole. With
//! 100,000 entries the check takes about a second, and it grows with the journal, so it runs here,
//! on a thread of its own with a read-only connection, while the couple already reads (every read
//! checks its pages' HMACs too). Writes wait for it: the session's commit hook
//! ([`Checks::gate`]) holds each commit until every check has passed, and rolls it back if one
//! found damage. The vault then locks and names the file ([`super::Vault::damage_found`]).
//! Locking stops a check that is still running.

use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;

use rusqlite::{Connection, InterruptHandle};

use super::db;
use super::error::VaultError;

/// The checks of one session's files.
#[derive(Default)]
pub struct Checks {
    progress: Arc<Progress>,
    running: Vec<(JoinHandle<()>, InterruptHandle)>,
}

#[derive(Default)]
struct Progress {
    state: Mutex<State>,
    finished: Condvar,
}

#[derive(Default)]
struct State {
    pending: usize,
    damaged: Option<PathBuf>,
}

impl Progress {
    fn state(&self) -> MutexGuard<'_, State> {
        // The state is two plain fields, whole after any panic.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits until no check is running; the file a check found damaged, if one did.
    fn wait(&self) -> Option<PathBuf> {
        let mut state = self.state();
        while state.pending > 0 {
            state = self
                .finished
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
        state.damaged.clone()
    }
}

/// Counts one check as finished when dropped, and wakes whoever waits.
struct Finished(Arc<Progress>);

impl Drop for Finished {
    fn drop(&mut self) {
        self.0.state().pending -= 1;
        self.0.finished.notify_all();
    }
}

fn interrupted(err: &rusqlite::Error) -> bool {
    err.sqlite_error_code() == Some(rusqlite::ErrorCode::OperationInterrupted)
}

impl Checks {
    /// Checks `file` through `conn` (its own connection to it) on a new thread.
    pub fn start(&mut self, conn: Connection, file: PathBuf) -> std::io::Result<()> {
        let interrupt = conn.get_interrupt_handle();
        let progress = Arc::clone(&self.progress);
        progress.state().pending += 1;
        let spawned = std::thread::Builder::new()
            .name("vault-check".into())
            .spawn({
                let progress = Arc::clone(&progress);
                move || {
                    // Counted as finished however the check ends, a panic included, so a commit
                    // never waits for a check that will not come back.
                    let finished = Finished(progress);
                    let verdict = db::check_structure(&conn, "main", &file);
                    drop(conn);
                    match verdict {
                        Ok(()) => {}
                        // Stopped by a lock: nothing was learned, and nothing will be written.
                        Err(VaultError::Storage(err)) if interrupted(&err) => {}
                        // Damage, or a file that could not be read to the end: both refuse writes.
                        Err(_) => finished.0.state().damaged = Some(file),
                    }
                }
            });
        match spawned {
            Ok(handle) => {
                self.running.push((handle, interrupt));
                Ok(())
            }
            Err(err) => {
                progress.state().pending -= 1;
                Err(err)
            }
        }
    }

    /// The commit hook of the session's connection: waits for the checks, and answers `true`
    /// (roll back) when one found damage.
    pub fn gate(&self) -> impl FnMut() -> bool + Send + 'static {
        let progress = Arc::clone(&self.progress);
        move || progress.wait().is_some()
    }

    /// The file a finished check found damaged, without waiting for the others.
    pub fn damaged(&self) -> Option<PathBuf> {
        self.progress.state().damaged.clone()
    }

    /// Whether a check is still running.
    pub fn running(&self) -> bool {
        self.progress.state().pending > 0
    }

    /// Waits for every check; the file one found damaged, if any.
    pub fn wait(&self) -> Option<PathBuf> {
        self.progress.wait()
    }
}

impl Drop for Checks {
    /// A lock stops the checks still running, and waits for their threads, so no connection keyed
    /// with a vault key outlives the session.
    fn drop(&mut self) {
        for (handle, interrupt) in self.running.drain(..) {
            // Again until it ends: an interrupt that comes before the check's statement has
            // started is forgotten by SQLite.
            while !handle.is_finished() {
                interrupt.interrupt();
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            let _ = handle.join();
        }
    }
}
