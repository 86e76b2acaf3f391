//! Commands for the rituals: appreciation notes and the exchange, "How we feel cared for", the
//! stress talk, and Home's one suggestion.

use chrono::{Local, Utc};
use hearth_core::rituals::appreciation::{self, AppreciationNote};
use hearth_core::rituals::care::{self, CareRatings, CareState, CareSuggestion};
use hearth_core::rituals::exchange::{self, ExchangeState, RevealedExchange};
use hearth_core::rituals::stress_talk::{self, StressTalk};
use hearth_core::rituals::suggest::{self, Suggestion};
use hearth_core::vault::Partner;
use tauri::{AppHandle, Runtime};

use super::on_session;
use crate::error::CommandResult;

#[tauri::command]
pub async fn add_appreciation<R: Runtime>(
    app: AppHandle<R>,
    author: Partner,
    body: String,
) -> CommandResult<AppreciationNote> {
    on_session(app, move |s| {
        appreciation::add(s, author, &body, Utc::now())
    })
    .await
}

/// The two "What I love about you" lists, newest first.
#[tauri::command]
pub async fn list_appreciations<R: Runtime>(
    app: AppHandle<R>,
) -> CommandResult<Vec<AppreciationNote>> {
    on_session(app, appreciation::list).await
}

/// Now and then an older note comes back on the home screen; most days there is none.
#[tauri::command]
pub async fn appreciation_of_the_day<R: Runtime>(
    app: AppHandle<R>,
) -> CommandResult<Option<AppreciationNote>> {
    on_session(app, |s| {
        appreciation::resurface(s, Local::now().date_naive(), Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn exchange_state<R: Runtime>(app: AppHandle<R>) -> CommandResult<ExchangeState> {
    on_session(app, exchange::state).await
}

#[tauri::command]
pub async fn write_exchange<R: Runtime>(
    app: AppHandle<R>,
    author: Partner,
    did: String,
    meant: String,
) -> CommandResult<ExchangeState> {
    on_session(app, move |s| {
        exchange::write(s, author, &did, &meant, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn reveal_exchange<R: Runtime>(app: AppHandle<R>) -> CommandResult<RevealedExchange> {
    on_session(app, |s| exchange::reveal(s, Utc::now())).await
}

#[tauri::command]
pub async fn care_state<R: Runtime>(app: AppHandle<R>) -> CommandResult<CareState> {
    on_session(app, care::state).await
}

#[tauri::command]
pub async fn answer_care<R: Runtime>(
    app: AppHandle<R>,
    partner: Partner,
    ratings: CareRatings,
) -> CommandResult<CareState> {
    on_session(app, move |s| care::answer(s, partner, ratings, Utc::now())).await
}

/// Gesture ideas for caring for `whom`, from their profile.
#[tauri::command]
pub async fn care_suggestions<R: Runtime>(
    app: AppHandle<R>,
    whom: Partner,
) -> CommandResult<Vec<CareSuggestion>> {
    on_session(app, move |s| {
        care::suggestions(s, whom, Local::now().date_naive())
    })
    .await
}

#[tauri::command]
pub async fn record_stress_talk<R: Runtime>(
    app: AppHandle<R>,
    note: String,
) -> CommandResult<StressTalk> {
    on_session(app, move |s| stress_talk::record(s, &note, Utc::now())).await
}

/// Home's "what now?": one ritual at most.
#[tauri::command]
pub async fn home_suggestion<R: Runtime>(app: AppHandle<R>) -> CommandResult<Option<Suggestion>> {
    on_session(app, |s| suggest::one(s, &Local, Utc::now())).await
}
