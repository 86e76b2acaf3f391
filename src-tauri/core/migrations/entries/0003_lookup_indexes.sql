-- Step 3 of the private vaults and step 6 of the shared one: two lookups that used to read whole
-- tables (at 100,000 entries, every page decrypted).
-- Every list first erases entries whose undo time has passed; this partial index holds only the
-- few rows waiting to be erased.
CREATE INDEX entries_deleted ON entries (deleted_at) WHERE deleted_at IS NOT NULL;
-- Every autosave replaces an entry's tags, and erasing removes them; both look tags up by entry,
-- which the (tag, entry_id) key cannot serve.
CREATE INDEX entry_tags_by_entry ON entry_tags (entry_id);
