-- Step 13 of the shared vault: how far the other laptop had said it read when this one last heard
-- from it (issue 35).
--
-- "Last heard from the other laptop" moves when something new arrives from it: a segment, or an
-- acknowledgement that says more than the one before. Reading the same acknowledgement again is
-- not news, and a pass that finds nothing new must write nothing to the vault.
ALTER TABLE sync_peers ADD COLUMN heard_through INTEGER NOT NULL DEFAULT 0;
