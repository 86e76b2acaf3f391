-- Step 4 of the shared vault: migrations/entries/0002_details_tags_search.sql, then this.

-- One-line appreciation notes from one partner to the other.
CREATE TABLE appreciation_notes (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    author       TEXT NOT NULL CHECK (author IN ('a', 'b')),
    body         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    resurfaced_at TEXT
) STRICT;
