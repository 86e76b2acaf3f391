-- Step 7 of the shared vault: prompt library format 2, and what keeps the prompts fresh.

-- The prompts table gains the quick-choice kinds with their two choices, wildcards, and the
-- playful, love-map and spice marks. SQLite cannot widen a CHECK in place, so the table is rebuilt;
-- ids, texts, favourites and hidden marks are copied as they are. The library's own marks arrive
-- with its next sync; a sensual prompt starts mild, the gentlest level.
CREATE TABLE prompts_v2 (
    id            TEXT PRIMARY KEY,
    text          TEXT NOT NULL,
    category      TEXT NOT NULL,
    depth         TEXT NOT NULL CHECK (depth IN ('light', 'medium', 'deep')),
    kind          TEXT NOT NULL CHECK (kind IN ('question', 'activity', 'gesture', 'reflection',
                                                'this_or_that', 'would_you_rather', 'wildcard')),
    first_choice  TEXT,
    second_choice TEXT,
    playful       INTEGER NOT NULL DEFAULT 0,
    love_map      INTEGER NOT NULL DEFAULT 0,
    spice         TEXT CHECK (spice IN ('mild', 'warm', 'hot')),
    custom        INTEGER NOT NULL DEFAULT 0,
    favourite     INTEGER NOT NULL DEFAULT 0,
    hidden        INTEGER NOT NULL DEFAULT 0,
    CHECK ((kind IN ('this_or_that', 'would_you_rather'))
           = (first_choice IS NOT NULL AND second_choice IS NOT NULL)),
    CHECK ((category = 'sensual') = (spice IS NOT NULL))
) STRICT;

INSERT INTO prompts_v2 (id, text, category, depth, kind, spice, custom, favourite, hidden)
SELECT id, text, category, depth, kind, CASE WHEN category = 'sensual' THEN 'mild' END,
       custom, favourite, hidden
FROM prompts;

DROP TABLE prompts;
ALTER TABLE prompts_v2 RENAME TO prompts;

-- Every card dealt, in every mode, so that none comes back within the couple's come-back window.
-- Prompts of the day chosen before this step count as seen on their day.
CREATE TABLE prompt_sightings (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    prompt_id TEXT NOT NULL,
    mode      TEXT NOT NULL CHECK (mode IN ('daily', 'date_night', 'love_map', 'quick_choice')),
    seen_at   TEXT NOT NULL
) STRICT;
CREATE INDEX prompt_sightings_by_prompt ON prompt_sightings (prompt_id, seen_at);

INSERT INTO prompt_sightings (prompt_id, mode, seen_at)
SELECT prompt_id, 'daily', day || 'T00:00:00+00:00' FROM daily_prompts;

-- Each partner's own spice level, told only to them; the deal reads only the lower of the two.
ALTER TABLE consent ADD COLUMN spice TEXT NOT NULL DEFAULT 'mild'
    CHECK (spice IN ('mild', 'warm', 'hot'));

-- Love maps: one partner's answer, the other's guess, and whether it was close. No score is kept.
-- A "Still true?" round marks when an answer came back (`revisited_at`); an answer that changed is
-- a new row that `updates` the old one, with no guess.
CREATE TABLE love_maps (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    prompt_id     TEXT NOT NULL,
    prompt_text   TEXT NOT NULL,
    answerer      TEXT NOT NULL CHECK (answerer IN ('a', 'b')),
    answer        TEXT NOT NULL,
    guess         TEXT,
    close         INTEGER CHECK (close IN (0, 1)),
    updates       INTEGER REFERENCES love_maps (id),
    saved_at      TEXT NOT NULL,
    revisited_at  TEXT,
    CHECK ((guess IS NULL) = (close IS NULL))
) STRICT;

-- A date idea planned into a one-off reminder, and the one-line memory written after it. The time
-- is kept as the couple chose it (local, in `zone`) and as the instant it starts.
CREATE TABLE date_plans (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    idea_id       TEXT NOT NULL,
    idea_title    TEXT NOT NULL,
    reminder_id   TEXT NOT NULL,
    planned_for   TEXT NOT NULL,
    starts_at     TEXT NOT NULL,
    memory        TEXT,
    remembered_at TEXT,
    created_at    TEXT NOT NULL,
    CHECK ((memory IS NULL) = (remembered_at IS NULL))
) STRICT;
