//! What the About screen shows: the version, the licence, and the folder that holds everything.
//! Answered locked or unlocked, since none of it is the couple's own.

use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime};

use crate::error::CommandResult;
use crate::state::AppState;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct About {
    version: &'static str,
    licence: &'static str,
    data_folder: String,
}

#[tauri::command]
pub async fn about_hearth<R: Runtime>(app: AppHandle<R>) -> CommandResult<About> {
    Ok(About {
        version: env!("CARGO_PKG_VERSION"),
        licence: env!("CARGO_PKG_LICENSE"),
        data_folder: app.state::<AppState>().data_dir().display().to_string(),
    })
}
