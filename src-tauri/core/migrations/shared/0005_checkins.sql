-- Step 5 of the shared vault: the weekly four-ingredients check-in and conflict-repair agreements.

-- One row per partner and ISO week. A row exists only once its four ratings are in: the app
-- shows a week side by side only when both partners' rows exist, and until then returns neither
-- row to the other partner.
CREATE TABLE checkin_answers (
    week          TEXT NOT NULL,
    partner       TEXT NOT NULL CHECK (partner IN ('a', 'b')),
    love          INTEGER NOT NULL CHECK (love BETWEEN 1 AND 5),
    vulnerability INTEGER NOT NULL CHECK (vulnerability BETWEEN 1 AND 5),
    trust         INTEGER NOT NULL CHECK (trust BETWEEN 1 AND 5),
    commitment    INTEGER NOT NULL CHECK (commitment BETWEEN 1 AND 5),
    note          TEXT NOT NULL DEFAULT '',
    answered_at   TEXT NOT NULL,
    PRIMARY KEY (week, partner)
) STRICT;

-- The one small agreement a conflict-repair conversation ends with.
CREATE TABLE repair_agreements (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    agreement   TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;
