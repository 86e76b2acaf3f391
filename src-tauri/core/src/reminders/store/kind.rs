//! The kinds of reminder, how they are stored, and the ready-made rule each offers the editor.

use chrono::{Datelike, NaiveDateTime};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    WeeklySlot,
    MonthlyDate,
    DailyPrompt,
    Appreciation,
    OneOff,
    Yearly,
}

impl ReminderKind {
    const ALL: [ReminderKind; 6] = [
        ReminderKind::WeeklySlot,
        ReminderKind::MonthlyDate,
        ReminderKind::DailyPrompt,
        ReminderKind::Appreciation,
        ReminderKind::OneOff,
        ReminderKind::Yearly,
    ];

    pub(super) fn key(self) -> &'static str {
        match self {
            ReminderKind::WeeklySlot => "weekly_slot",
            ReminderKind::MonthlyDate => "monthly_date",
            ReminderKind::DailyPrompt => "daily_prompt",
            ReminderKind::Appreciation => "appreciation",
            ReminderKind::OneOff => "one_off",
            ReminderKind::Yearly => "yearly",
        }
    }

    pub(super) fn from_key(key: &str) -> Option<ReminderKind> {
        ReminderKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Time the two spend together, as opposed to a nudge: these can be kept, and go to calendars.
    pub fn is_together_time(self) -> bool {
        matches!(
            self,
            ReminderKind::WeeklySlot
                | ReminderKind::MonthlyDate
                | ReminderKind::OneOff
                | ReminderKind::Yearly
        )
    }
}

/// Ready-made rules for the editor, as RRULE values starting from `start`.
pub fn preset_rule(kind: ReminderKind, start: NaiveDateTime) -> String {
    let day =
        ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][start.weekday().num_days_from_monday() as usize];
    let nth = (start.day() - 1) / 7 + 1;
    match kind {
        ReminderKind::WeeklySlot => format!("FREQ=WEEKLY;BYDAY={day}"),
        ReminderKind::MonthlyDate => format!("FREQ=MONTHLY;BYDAY={nth}{day}"),
        ReminderKind::DailyPrompt => "FREQ=DAILY".into(),
        ReminderKind::Appreciation => format!("FREQ=WEEKLY;BYDAY={day}"),
        ReminderKind::OneOff => "FREQ=DAILY;COUNT=1".into(),
        ReminderKind::Yearly => "FREQ=YEARLY".into(),
    }
}
