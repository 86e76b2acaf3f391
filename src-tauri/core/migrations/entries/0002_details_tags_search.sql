-- The entries table is the same in every vault, so this one file is step 2 of the private vaults
-- and the first half of step 4 of the shared one.
-- Entries grow a title, a date, a mood, tags, a link to a prompt or a revealed answer, who wrote
-- them, and a soft delete (undo for a few seconds, then a secure delete). A full-text index (FTS5,
-- external content) lives inside this encrypted file like everything else.
ALTER TABLE entries ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE entries ADD COLUMN entry_date TEXT NOT NULL DEFAULT '';
ALTER TABLE entries ADD COLUMN mood TEXT;
ALTER TABLE entries ADD COLUMN tags TEXT NOT NULL DEFAULT '';
ALTER TABLE entries ADD COLUMN prompt_id TEXT;
ALTER TABLE entries ADD COLUMN answer_id INTEGER;
ALTER TABLE entries ADD COLUMN author TEXT CHECK (author IN ('a', 'b'));
ALTER TABLE entries ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
ALTER TABLE entries ADD COLUMN deleted_at TEXT;
UPDATE entries SET entry_date = substr(created_at, 1, 10), updated_at = created_at;

CREATE INDEX entries_newest ON entries (entry_date DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX entries_by_prompt ON entries (prompt_id) WHERE prompt_id IS NOT NULL;

CREATE TABLE entry_tags (
    tag      TEXT NOT NULL,
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    PRIMARY KEY (tag, entry_id)
) STRICT, WITHOUT ROWID;

CREATE VIRTUAL TABLE entries_fts USING fts5(
    title, body, tags,
    content = 'entries', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
INSERT INTO entries_fts (entries_fts) VALUES ('rebuild');
-- Deleting from the index removes the words at once rather than leaving them until a merge.
INSERT INTO entries_fts (entries_fts, rank) VALUES ('secure-delete', 1);

CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entries_fts (rowid, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
END;
CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, title, body, tags)
    VALUES ('delete', old.id, old.title, old.body, old.tags);
END;
CREATE TRIGGER entries_fts_update AFTER UPDATE OF title, body, tags ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, title, body, tags)
    VALUES ('delete', old.id, old.title, old.body, old.tags);
    INSERT INTO entries_fts (rowid, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
END;
