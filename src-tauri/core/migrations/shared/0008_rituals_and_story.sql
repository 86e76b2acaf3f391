-- Step 8 of the shared vault: rituals (the stress talk, the appreciation exchange, how each
-- partner feels cared for) and the couple's story (dreams, dreams within conflict).

-- A stress-reducing conversation held, with its optional one-line note.
CREATE TABLE stress_talks (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    held_at  TEXT NOT NULL,
    note     TEXT NOT NULL DEFAULT ''
) STRICT;

-- An appreciation exchange: each partner writes one note for it alone; both are shown once both
-- exist, and stay hidden from everything until then.
CREATE TABLE appreciation_exchanges (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    opened_at    TEXT NOT NULL,
    revealed_at  TEXT
) STRICT;

-- A note may now say what it meant, and may belong to an exchange.
ALTER TABLE appreciation_notes ADD COLUMN meant TEXT NOT NULL DEFAULT '';
ALTER TABLE appreciation_notes ADD COLUMN exchange_id INTEGER REFERENCES appreciation_exchanges (id);
CREATE UNIQUE INDEX one_note_per_partner_and_exchange
    ON appreciation_notes (exchange_id, author) WHERE exchange_id IS NOT NULL;

-- How a partner feels cared for, rated 1 to 5 each way. A retake adds a row; earlier rows are the
-- history.
CREATE TABLE care_profiles (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    partner      TEXT NOT NULL CHECK (partner IN ('a', 'b')),
    words        INTEGER NOT NULL CHECK (words BETWEEN 1 AND 5),
    time         INTEGER NOT NULL CHECK (time BETWEEN 1 AND 5),
    help         INTEGER NOT NULL CHECK (help BETWEEN 1 AND 5),
    touch        INTEGER NOT NULL CHECK (touch BETWEEN 1 AND 5),
    gifts        INTEGER NOT NULL CHECK (gifts BETWEEN 1 AND 5),
    listening    INTEGER NOT NULL CHECK (listening BETWEEN 1 AND 5),
    play         INTEGER NOT NULL CHECK (play BETWEEN 1 AND 5),
    answered_at  TEXT NOT NULL
) STRICT;

-- Dreams: shared ones (no owner), or one partner's own, shared so the other can support it.
CREATE TABLE dreams (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    owner        TEXT CHECK (owner IN ('a', 'b')),
    title        TEXT NOT NULL,
    horizon      TEXT CHECK (horizon IN ('this_year', 'some_day')),
    first_steps  TEXT NOT NULL DEFAULT '[]',
    created_at   TEXT NOT NULL,
    done_on      TEXT,
    done_note    TEXT NOT NULL DEFAULT ''
) STRICT;

-- Dreams within conflict: the hope under each partner's position, kept with the agreement.
ALTER TABLE repair_agreements ADD COLUMN dream_a TEXT NOT NULL DEFAULT '';
ALTER TABLE repair_agreements ADD COLUMN dream_b TEXT NOT NULL DEFAULT '';
