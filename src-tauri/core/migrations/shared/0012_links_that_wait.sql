-- Step 12 of the shared vault: a link that names a row this laptop does not have yet waits for it
-- (issue 16).
--
-- A journal entry can link to an answer, an appreciation note to its exchange, a love-map answer
-- to the one it updates. Operations arrive in stamp order, segment by segment, so a link can come
-- before the row it names: in a snapshot for a laptop that joins late, an answer whose every field
-- was edited after the entry was written arrives after that entry. Until the row comes, the link
-- column holds nothing here and the uid it names is kept below; reading the row for sending gives
-- that uid back, so a later edit of the entry here does not send the link away.
CREATE TABLE sync_waiting_links (
    tbl         TEXT NOT NULL,
    local_id    INTEGER NOT NULL,
    field       TEXT NOT NULL,
    target_uid  TEXT NOT NULL,
    PRIMARY KEY (tbl, local_id, field)
) STRICT, WITHOUT ROWID;
CREATE INDEX sync_waiting_links_by_target ON sync_waiting_links (target_uid);

-- A row that goes takes its waiting links with it, so a row that later takes its number does not
-- inherit them.
CREATE TRIGGER sync_entries_links_gone AFTER DELETE ON entries BEGIN
    DELETE FROM sync_waiting_links WHERE tbl = 'entries' AND local_id = old.rowid;
END;
CREATE TRIGGER sync_appreciation_notes_links_gone AFTER DELETE ON appreciation_notes BEGIN
    DELETE FROM sync_waiting_links WHERE tbl = 'appreciation_notes' AND local_id = old.rowid;
END;
CREATE TRIGGER sync_love_maps_links_gone AFTER DELETE ON love_maps BEGIN
    DELETE FROM sync_waiting_links WHERE tbl = 'love_maps' AND local_id = old.rowid;
END;
