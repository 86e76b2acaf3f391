-- Step 10 of the shared vault: whose laptop is which (issue 16).
--
-- The laptop that joins writes both rows, its own and the inviting laptop's, since it is the one
-- that learns which partner it belongs to; they travel like any shared row. Both laptops can then
-- say "Kai's laptop" on the Sync screen and "Kai's version" under an entry both edited at once.
-- (This replaces `sync_peers.name`, which nothing writes.)
CREATE TABLE laptops (
    device   TEXT PRIMARY KEY,
    partner  TEXT NOT NULL CHECK (partner IN ('a', 'b'))
) STRICT;

CREATE TRIGGER sync_laptops_insert AFTER INSERT ON laptops WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('laptops', new.rowid);
END;
CREATE TRIGGER sync_laptops_update AFTER UPDATE ON laptops WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('laptops', new.rowid);
END;
CREATE TRIGGER sync_laptops_delete AFTER DELETE ON laptops WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('laptops', old.rowid);
END;
