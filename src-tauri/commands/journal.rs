//! Commands for entries. A deleted entry can be brought back for 10 s; then a
//! one-shot timer erases it (and so does the next list, or lock, whichever comes first).

use std::time::Duration;

use chrono::Utc;
use hearth_core::journal::store::{self, UNDO_SECONDS};
use hearth_core::journal::types::{
    Cursor, Entry, EntryDraft, EntryFilter, LinkedPrompt, Page, SearchHit,
};
use hearth_core::journal::{search, JournalError};
use hearth_core::vault::{Partner, Session, Space};
use tauri::{AppHandle, Manager, Runtime};

use super::{as_owner, on_session};
use zeroize::Zeroizing;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_entries<R: Runtime>(
    app: AppHandle<R>,
    filter: EntryFilter,
    after: Option<Cursor>,
) -> CommandResult<Page> {
    on_session(app, move |s| {
        store::purge_deleted(s, Utc::now())?;
        store::list(s, &filter, after.as_ref(), store::PAGE_SIZE)
    })
    .await
}

#[tauri::command]
pub async fn get_entry<R: Runtime>(
    app: AppHandle<R>,
    space: Space,
    id: i64,
) -> CommandResult<Entry> {
    on_session(app, move |s| {
        store::get(s, space, id)?.ok_or(JournalError::NotFound)
    })
    .await
}

#[tauri::command]
pub async fn create_entry<R: Runtime>(
    app: AppHandle<R>,
    space: Space,
    author: Partner,
    draft: EntryDraft,
) -> CommandResult<Entry> {
    on_session(app, move |s| store::create(s, space, author, &draft)).await
}

#[tauri::command]
pub async fn update_entry<R: Runtime>(
    app: AppHandle<R>,
    space: Space,
    id: i64,
    draft: EntryDraft,
) -> CommandResult<Entry> {
    on_session(app, move |s| store::update(s, space, id, &draft)).await
}

/// Deleting from a private space while the two sit together needs its owner's `passphrase`.
#[tauri::command]
pub async fn delete_entry<R: Runtime>(
    app: AppHandle<R>,
    space: Space,
    id: i64,
    passphrase: Option<String>,
) -> CommandResult<()> {
    let passphrase = passphrase.map(Zeroizing::new);
    let delete = move |s: &Session| store::delete(s, space, id, Utc::now());
    match space {
        Space::Private(owner) => as_owner(app.clone(), owner, passphrase, delete).await?,
        Space::Shared => on_session(app.clone(), delete).await?,
    }
    // Erased for good by the housekeeping tick once the undo time is over.
    let undo_over = Duration::from_secs(UNDO_SECONDS.unsigned_abs() + 1);
    app.state::<AppState>()
        .erase_after(std::time::Instant::now() + undo_over);
    Ok(())
}

#[tauri::command]
pub async fn undo_delete_entry<R: Runtime>(
    app: AppHandle<R>,
    space: Space,
    id: i64,
) -> CommandResult<Entry> {
    on_session(app, move |s| store::undo_delete(s, space, id, Utc::now())).await
}

/// Sharing a private entry while the two sit together needs its owner's `passphrase`.
#[tauri::command]
pub async fn share_entry<R: Runtime>(
    app: AppHandle<R>,
    owner: Partner,
    id: i64,
    passphrase: Option<String>,
) -> CommandResult<Entry> {
    let passphrase = passphrase.map(Zeroizing::new);
    as_owner(app, owner, passphrase, move |s| store::share(s, owner, id)).await
}

#[tauri::command]
pub async fn search_entries<R: Runtime>(
    app: AppHandle<R>,
    query: String,
) -> CommandResult<Vec<SearchHit>> {
    on_session(app, move |s| search::search(s, &query, 20)).await
}

#[tauri::command]
pub async fn entry_tags<R: Runtime>(app: AppHandle<R>) -> CommandResult<Vec<String>> {
    on_session(app, store::tags).await
}

#[tauri::command]
pub async fn entry_prompts<R: Runtime>(app: AppHandle<R>) -> CommandResult<Vec<LinkedPrompt>> {
    on_session(app, store::linked_prompts).await
}
