//! Commands for the consent gate and the spice levels: each partner's own choices are told only to
//! them, alone; the UI otherwise learns only whether both opted in.

use hearth_core::prompts::store;
use hearth_core::prompts::{PromptsError, Spice};
use hearth_core::vault::{Partner, Session};
use serde::Serialize;
use tauri::{AppHandle, Runtime};

use super::prompts::on_prompts;
use crate::error::CommandResult;

/// What the UI may know about the consent gate: whether both opted in, and, only to a partner who
/// is unlocked alone, their own choice.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsentStatus {
    both_opted_in: bool,
    alone: Option<Partner>,
    own_choice: Option<bool>,
    own_spice: Option<Spice>,
}

fn consent_status_of(s: &Session) -> Result<ConsentStatus, PromptsError> {
    let alone = s.alone();
    Ok(ConsentStatus {
        both_opted_in: store::both_opted_in(s)?,
        alone,
        own_choice: alone.map(|who| store::own_consent(s, who)).transpose()?,
        own_spice: alone.map(|who| store::own_spice(s, who)).transpose()?,
    })
}

#[tauri::command]
pub async fn consent_status<R: Runtime>(app: AppHandle<R>) -> CommandResult<ConsentStatus> {
    on_prompts(app, consent_status_of).await
}

#[tauri::command]
pub async fn set_consent<R: Runtime>(
    app: AppHandle<R>,
    partner: Partner,
    opted_in: bool,
) -> CommandResult<ConsentStatus> {
    on_prompts(app, move |s| {
        store::set_consent(s, partner, opted_in)?;
        consent_status_of(s)
    })
    .await
}

#[tauri::command]
pub async fn set_spice<R: Runtime>(
    app: AppHandle<R>,
    partner: Partner,
    spice: Spice,
) -> CommandResult<ConsentStatus> {
    on_prompts(app, move |s| {
        store::set_spice(s, partner, spice)?;
        consent_status_of(s)
    })
    .await
}
