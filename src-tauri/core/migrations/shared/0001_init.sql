-- The couple's shared vault, first version.
CREATE TABLE partners (
    id           TEXT PRIMARY KEY CHECK (id IN ('a', 'b')),
    display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200)
) STRICT;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE entries (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    body       TEXT NOT NULL
) STRICT;
