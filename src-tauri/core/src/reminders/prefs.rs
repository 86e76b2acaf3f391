//! How reminders reach the couple, kept in the shared vault: quiet hours, and whether a wake list may
//! be written at all ("remind me only while unlocked" keeps even fire times out of files).

use serde::{Deserialize, Serialize};

use super::error::{ReminderError, Result};
use super::scheduler::QuietHours;
use crate::vault::settings::{read_value, write_value};
use crate::vault::Session;

const PREFS_KEY: &str = "reminder_prefs";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReminderPrefs {
    /// Hours in which nothing pops up; what comes due then is shown when they end.
    pub quiet: Option<QuietHours>,
    /// No wake list on disk: reminders fire only while Hearth is unlocked.
    pub only_while_unlocked: bool,
}

impl ReminderPrefs {
    fn check(&self) -> Result<()> {
        if let Some(quiet) = &self.quiet {
            if quiet.start == quiet.end {
                return Err(ReminderError::InvalidInput(
                    "Quiet hours need different start and end times.".into(),
                ));
            }
            quiet.contains(chrono::Utc::now())?;
        }
        Ok(())
    }
}

pub fn get(session: &Session) -> Result<ReminderPrefs> {
    let stored = read_value(session, PREFS_KEY)?;
    // A value this build cannot read falls back to the defaults rather than stopping reminders.
    Ok(stored
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default())
}

pub fn set(session: &Session, prefs: &ReminderPrefs) -> Result<()> {
    prefs.check()?;
    let text = serde_json::to_string(prefs).map_err(|e| ReminderError::Io(e.into()))?;
    Ok(write_value(session, PREFS_KEY, &text)?)
}
