-- Step 11 of the shared vault: the couple's own prompts, their marks on the library and the
-- come-back window travel; a laptop that no longer syncs can be forgotten (issue 16).
--
-- Only some rows of `prompts` and `settings` travel (see `sync::shared_rows`): the triggers mark
-- every change, and sending leaves out the rows that stay. On a laptop already syncing, the rows
-- that now travel are marked once, so what the couple made before this step reaches the other.

-- The laptops known here when the pairing file now in the folder was written: an acknowledgement
-- from one of them says nothing of whether the new laptop has opened the file.
ALTER TABLE sync_peers ADD COLUMN before_pairing INTEGER NOT NULL DEFAULT 0
    CHECK (before_pairing IN (0, 1));

-- A laptop forgotten on either: neither reads its segments nor waits for its acknowledgements.
CREATE TABLE forgotten_laptops (
    device        TEXT PRIMARY KEY,
    forgotten_at  TEXT NOT NULL
) STRICT;

CREATE TRIGGER sync_forgotten_laptops_insert AFTER INSERT ON forgotten_laptops WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('forgotten_laptops', new.rowid);
END;
CREATE TRIGGER sync_forgotten_laptops_update AFTER UPDATE ON forgotten_laptops WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('forgotten_laptops', new.rowid);
END;
CREATE TRIGGER sync_forgotten_laptops_delete AFTER DELETE ON forgotten_laptops WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('forgotten_laptops', old.rowid);
END;

CREATE TRIGGER sync_prompts_insert AFTER INSERT ON prompts WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('prompts', new.rowid);
END;
CREATE TRIGGER sync_prompts_update AFTER UPDATE ON prompts WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('prompts', new.rowid);
END;
CREATE TRIGGER sync_prompts_delete AFTER DELETE ON prompts WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('prompts', old.rowid);
END;

CREATE TRIGGER sync_settings_insert AFTER INSERT ON settings WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('settings', new.rowid);
END;
CREATE TRIGGER sync_settings_update AFTER UPDATE ON settings WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('settings', new.rowid);
END;
CREATE TRIGGER sync_settings_delete AFTER DELETE ON settings WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('settings', old.rowid);
END;

INSERT OR IGNORE INTO sync_dirty (tbl, local_id)
SELECT 'prompts', rowid FROM prompts
WHERE (SELECT capturing FROM sync_state) AND (custom OR favourite OR hidden);

INSERT OR IGNORE INTO sync_dirty (tbl, local_id)
SELECT 'settings', rowid FROM settings
WHERE (SELECT capturing FROM sync_state) AND key = 'prompt_resurface_months';
