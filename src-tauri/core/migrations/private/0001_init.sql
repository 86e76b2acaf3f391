-- One partner's private vault, first version.
CREATE TABLE entries (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    body       TEXT NOT NULL
) STRICT;
