//! Opening SQLCipher files. Each vault file is keyed with its own raw 256-bit key (no SQLCipher KDF:
//! Argon2id already stands in front). Before anything is written, a file is checked page by page
//! and its structure too (in the background after an unlock, see [`super::checks`]), so a damaged
//! file is reported by name and never written over.

use std::path::Path;

use rusqlite::backup::{Backup, Progress, StepResult};
use rusqlite::{Connection, ErrorCode, OpenFlags};
use zeroize::Zeroizing;

use super::crypto::Key;
use super::error::{Result, VaultError};
use super::hex;
use super::migrations;
use super::types::Space;

/// Pages copied per step of [`copy_schema`], between progress reports.
const PAGES_PER_STEP: std::ffi::c_int = 256;

/// SQLCipher's raw-key form: `x'<64 hex digits>'`.
pub fn raw_key(key: &Key) -> Zeroizing<String> {
    Zeroizing::new(format!("x'{}'", *hex::encode_secret(key.as_ref())))
}

/// Keys a connection to a (new or existing) SQLCipher file with a vault's raw key.
pub fn key_connection(conn: &Connection, key: &Key) -> Result<()> {
    let sql = Zeroizing::new(format!("PRAGMA key = \"{}\";", *raw_key(key)));
    conn.execute_batch(&sql)?;
    // cipher_memory_security wipes (and locks) every allocation SQLCipher frees, so the pages and
    // key material it held are not left in freed memory.
    conn.execute_batch(
        "PRAGMA cipher_log_level = NONE; PRAGMA cipher_memory_security = ON;
         PRAGMA temp_store = MEMORY;",
    )?;
    Ok(())
}

/// A connection to `path`, keyed, once SQLCipher has finished starting (see [`sqlcipher_ready`]).
pub fn open_keyed(path: &Path, flags: OpenFlags, key: &Key) -> Result<Connection> {
    sqlcipher_ready()?;
    let conn = Connection::open_with_flags(path, flags)?;
    key_connection(&conn, key)?;
    Ok(conn)
}

extern "C" {
    /// SQLCipher's own start-up (the private heap, its mutexes, the crypto provider). It returns
    /// at once when it has already run, under SQLite's main mutex, so calling it again is safe.
    fn sqlcipher_extra_init(arg: *const std::ffi::c_char) -> std::ffi::c_int;
}

/// Waits until SQLCipher has finished starting, once per process.
///
/// SQLite marks itself initialised before it runs SQLCipher's start-up, so a thread that opened a
/// connection while another thread was still inside that start-up had its key refused ("An error
/// occurred with PRAGMA key": SQLCipher logs "sqlcipher not initialized"). Only a process's first
/// connections can meet it, when several threads open vaults at once, as parallel tests do and a
/// sync connection would. Here the start-up is run to its end before any connection is keyed.
fn sqlcipher_ready() -> Result<()> {
    static STARTED: std::sync::OnceLock<std::ffi::c_int> = std::sync::OnceLock::new();
    let code = *STARTED.get_or_init(|| {
        // SAFETY: both are SQLite's documented, thread-safe start-up calls; neither takes a pointer
        // but the null argument SQLite itself passes to the second.
        unsafe {
            match rusqlite::ffi::sqlite3_initialize() {
                rusqlite::ffi::SQLITE_OK => sqlcipher_extra_init(std::ptr::null()),
                failed => failed,
            }
        }
    });
    if code == rusqlite::ffi::SQLITE_OK {
        return Ok(());
    }
    Err(VaultError::Storage(rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(code),
        Some("SQLCipher could not start".into()),
    )))
}

/// Settings that hold for each schema on a connection: overwrite deleted content, make a commit
/// durable before it is reported, and keep up to 32 MiB of pages in SQLite's cache, so SQLCipher
/// does not decrypt the same pages again on every search.
pub fn configure_schema(conn: &Connection, schema: &str) -> Result<()> {
    conn.execute_batch(&format!(
        "PRAGMA {schema}.secure_delete = ON; PRAGMA {schema}.synchronous = FULL;
         PRAGMA {schema}.cache_size = -32768;"
    ))?;
    Ok(())
}

/// Whether SQLite (SQLCipher) refused a page as damaged: not a database, or malformed.
pub(crate) fn is_damage(err: &rusqlite::Error) -> bool {
    matches!(
        err.sqlite_error_code(),
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt)
    )
}

/// Reads every page of `schema` through SQLCipher's HMAC check and SQLite's structure check.
pub fn verify(conn: &Connection, schema: &str, file: &Path) -> Result<()> {
    check_pages(conn, schema, file)?;
    check_structure(conn, schema, file)
}

/// Reads `schema`'s first page and its list of tables: the key is right and the header whole.
pub fn check_header(conn: &Connection, schema: &str, file: &Path) -> Result<()> {
    conn.query_row(
        &format!("SELECT count(*) FROM {schema}.sqlite_master"),
        [],
        |row| row.get::<_, i64>(0),
    )
    .map_err(damage_or_storage(file))?;
    Ok(())
}

/// Checks every page of `schema` against its HMAC: any byte changed since Hearth wrote the page is
/// found. One pass over the file, several times faster than [`check_structure`].
pub fn check_pages(conn: &Connection, schema: &str, file: &Path) -> Result<()> {
    let classify = damage_or_storage(file);
    check_header(conn, schema, file)?;
    // SQLCipher runs the check while the statement is prepared; each row is a problem.
    let mut problems = conn
        .prepare(&format!("PRAGMA {schema}.cipher_integrity_check"))
        .map_err(classify)?;
    if problems.exists([]).map_err(classify)? {
        return Err(damaged(file));
    }
    Ok(())
}

/// SQLite's structure check of `schema` (b-trees, free list, NOT NULL): what a page's HMAC cannot
/// see, such as whole pages missing from the end of the file or pages from different moments.
pub fn check_structure(conn: &Connection, schema: &str, file: &Path) -> Result<()> {
    let verdict: String = conn
        .query_row(&format!("PRAGMA {schema}.quick_check(1)"), [], |row| {
            row.get(0)
        })
        .map_err(damage_or_storage(file))?;
    if verdict != "ok" {
        return Err(damaged(file));
    }
    Ok(())
}

fn damaged(file: &Path) -> VaultError {
    VaultError::Damaged {
        file: file.to_path_buf(),
    }
}

fn damage_or_storage(file: &Path) -> impl Fn(rusqlite::Error) -> VaultError + Copy + '_ {
    move |err| {
        if is_damage(&err) {
            damaged(file)
        } else {
            VaultError::Storage(err)
        }
    }
}

/// Creates a new vault file for `space`. Refuses to touch an existing file.
pub fn create(dir: &Path, space: Space, key: &Key) -> Result<Connection> {
    let path = dir.join(space.file_name());
    // SQLite gives the -wal and -shm files the mode of the main file, so making it owner-only
    // here makes all three so.
    match crate::files::create_new(&path) {
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(VaultError::AlreadySetUp)
        }
        other => drop(other?),
    }
    let mut conn = open_keyed(
        &path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        key,
    )?;
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
    configure_schema(&conn, "main")?;
    migrations::migrate(&mut conn, &path, migrations::for_space(space))?;
    Ok(conn)
}

/// Opens an existing vault file on its own connection: checks its header, then migrates it. The
/// full check (every page's HMAC, then the structure) is left to the session ([`super::checks`]),
/// which runs it in the background before anything is written, unless a migration is due: then it
/// runs here, first.
pub fn open(dir: &Path, space: Space, key: &Key) -> Result<Connection> {
    let path = dir.join(space.file_name());
    if !path.is_file() {
        return Err(VaultError::VaultFileMissing { file: path });
    }
    restrict_with_journals(&path)?;
    let mut conn = open_keyed(&path, OpenFlags::SQLITE_OPEN_READ_WRITE, key)?;
    check_header(&conn, "main", &path)?;
    let migrations = migrations::for_space(space);
    if migrations::current_version(&conn)? < migrations::latest(migrations) {
        verify(&conn, "main", &path)?;
    }
    configure_schema(&conn, "main")?;
    migrations::migrate(&mut conn, &path, migrations)?;
    Ok(conn)
}

/// A second, read-only connection to `space`'s file, for checking it beside the session's.
pub fn open_for_check(dir: &Path, space: Space, key: &Key) -> Result<Connection> {
    open_keyed(
        &dir.join(space.file_name()),
        OpenFlags::SQLITE_OPEN_READ_ONLY,
        key,
    )
}

/// Copies `schema` of `conn` into a new file at `target`, keyed with `key` (the schema's own key
/// for a backup, a new one to replace it), through SQLite's backup API: a consistent copy of what
/// is committed, the WAL included, taken a few pages at a time so `report(done, total)` can show
/// progress. `target` must not exist yet.
pub fn copy_schema(
    conn: &Connection,
    schema: &str,
    target: &Path,
    key: &Key,
    report: &mut dyn FnMut(u64, u64),
) -> Result<()> {
    drop(crate::files::create_new(target)?);
    let mut copy = open_keyed(
        target,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        key,
    )?;
    let backup = Backup::new_with_names(conn, schema, &mut copy, "main")?;
    loop {
        let step = backup.step(PAGES_PER_STEP)?;
        let Progress {
            remaining,
            pagecount,
        } = backup.progress();
        let total = u64::try_from(pagecount).unwrap_or(0);
        report(
            total.saturating_sub(u64::try_from(remaining).unwrap_or(0)),
            total,
        );
        match step {
            StepResult::Done => break,
            StepResult::More => {}
            // Our own connection holds the source; a busy or locked step is retried.
            _ => std::thread::sleep(std::time::Duration::from_millis(10)),
        }
    }
    Ok(())
}

/// Makes a vault file made by an older Hearth owner-only, with its -wal and -shm.
fn restrict_with_journals(path: &Path) -> Result<()> {
    crate::files::restrict_file(path)?;
    for journal in journal_paths(path) {
        crate::files::restrict_file(&journal)?;
    }
    Ok(())
}

/// The -wal and -shm files SQLite keeps beside a vault file while it is open.
pub fn journal_paths(path: &Path) -> [std::path::PathBuf; 2] {
    ["-wal", "-shm"].map(|suffix| {
        let mut journal = path.as_os_str().to_owned();
        journal.push(suffix);
        std::path::PathBuf::from(journal)
    })
}

/// Attaches an already checked and migrated private vault to the session's connection.
pub fn attach(conn: &Connection, dir: &Path, space: Space, key: &Key) -> Result<()> {
    let path = dir.join(space.file_name());
    let path_text = path.to_str().ok_or_else(|| {
        VaultError::InvalidInput("The data folder's path is not valid text.".into())
    })?;
    conn.execute(
        &format!("ATTACH DATABASE ?1 AS {} KEY ?2", space.schema()),
        rusqlite::params![path_text, raw_key(key).as_str()],
    )?;
    configure_schema(conn, space.schema())
}

pub fn detach(conn: &Connection, space: Space) -> Result<()> {
    conn.execute_batch(&format!("DETACH DATABASE {}", space.schema()))?;
    Ok(())
}
