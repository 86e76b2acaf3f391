-- Together-time reminders. Titles stay in here; only fire times and the discreet text ever leave,
-- in the wake list.
CREATE TABLE reminders (
    id                 TEXT PRIMARY KEY,
    kind               TEXT NOT NULL CHECK (kind IN ('weekly_slot', 'monthly_date', 'daily_prompt',
                                                     'appreciation', 'one_off', 'yearly')),
    title              TEXT NOT NULL,
    notification_text  TEXT NOT NULL,
    rule               TEXT NOT NULL,
    zone               TEXT NOT NULL,
    start_local        TEXT NOT NULL,
    lead_minutes       INTEGER NOT NULL CHECK (lead_minutes IN (0, 5, 15, 60)),
    duration_minutes   INTEGER NOT NULL CHECK (duration_minutes BETWEEN 0 AND 1440),
    active             INTEGER NOT NULL DEFAULT 1,
    created_at         TEXT NOT NULL
) STRICT;

-- Kept or skipped together-times: only positive counts are ever shown.
CREATE TABLE together_times (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    reminder_id  TEXT NOT NULL,
    occurrence   TEXT NOT NULL,
    outcome      TEXT NOT NULL CHECK (outcome IN ('kept', 'skipped')),
    recorded_at  TEXT NOT NULL,
    UNIQUE (reminder_id, occurrence)
) STRICT;
