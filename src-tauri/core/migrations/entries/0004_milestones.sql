-- Milestones of a couple's story: how they met, moving in, trips, big days. The table sits in
-- every vault with the same shape, like the entries: a shared milestone lives in shared.db, a
-- private one in its writer's own private file, where the other's key cannot reach it.

CREATE TABLE milestones (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    day          TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    title        TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    -- The yearly reminder made from it, if any (reminders live in shared.db).
    reminder_id  TEXT,
    created_at   TEXT NOT NULL
) STRICT;

-- "On this day" looks milestones up by month and day.
CREATE INDEX milestones_by_month_day ON milestones (substr(day, 6, 5));
