-- Prompts: the library copy, the couple's own prompts, marks, and what was discussed.
CREATE TABLE prompts (
    id        TEXT PRIMARY KEY,
    text      TEXT NOT NULL,
    category  TEXT NOT NULL,
    depth     TEXT NOT NULL CHECK (depth IN ('light', 'medium', 'deep')),
    kind      TEXT NOT NULL CHECK (kind IN ('question', 'activity', 'gesture', 'reflection')),
    custom    INTEGER NOT NULL DEFAULT 0,
    favourite INTEGER NOT NULL DEFAULT 0,
    hidden    INTEGER NOT NULL DEFAULT 0
) STRICT;

-- The prompt's text is copied so history reads the same after an edit or a delete.
CREATE TABLE discussions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    prompt_id    TEXT NOT NULL,
    prompt_text  TEXT NOT NULL,
    discussed_at TEXT NOT NULL
) STRICT;
CREATE INDEX discussions_by_prompt ON discussions (prompt_id, discussed_at);

CREATE TABLE daily_prompts (
    day       TEXT PRIMARY KEY,
    prompt_id TEXT NOT NULL
) STRICT;

-- Each partner's own choice; commands only ever reveal whether both opted in.
CREATE TABLE consent (
    partner   TEXT PRIMARY KEY CHECK (partner IN ('a', 'b')),
    opted_in  INTEGER NOT NULL
) STRICT;

CREATE TABLE answers (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    prompt_id      TEXT NOT NULL,
    prompt_text    TEXT NOT NULL,
    answered_at    TEXT NOT NULL,
    first_partner  TEXT NOT NULL CHECK (first_partner IN ('a', 'b')),
    first_answer   TEXT NOT NULL,
    second_answer  TEXT NOT NULL
) STRICT;

CREATE TABLE together_notes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at  TEXT NOT NULL,
    note        TEXT NOT NULL,
    prompt_ids  TEXT NOT NULL
) STRICT;
