-- Step 9 of the shared vault: sync between two laptops through a folder (issue 16).
--
-- Each laptop's shared.db stays its own source of truth. Triggers mark which rows of the synced
-- tables changed (`sync_dirty`, only while sync is on and not while received operations are being
-- applied); sending reads each marked row and compares it with the versions already known
-- (`sync_versions`), so an entry autosaved a hundred times between two sends travels once. Rows
-- are known across laptops by a uid (`sync_rows`): a random one for rows numbered by this file, the
-- natural key for the rest. A deleted row leaves only its uid behind (`sync_deleted`), so that a
-- late edit cannot bring it back.

-- This laptop: its device id once sync is set up, whether changes are being marked, its clock,
-- and where its own mailbox stands (the next segment's number, the hash of the last one).
CREATE TABLE sync_state (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    device      TEXT,
    capturing   INTEGER NOT NULL DEFAULT 0 CHECK (capturing IN (0, 1)),
    last_stamp  TEXT,
    next_seq    INTEGER NOT NULL DEFAULT 1,
    last_hash   BLOB
) STRICT;
INSERT INTO sync_state (id) VALUES (1);

-- The other laptop: its name as shown, how far it has been read (the next number, the hash of the
-- last segment applied), how far this laptop has said so, when it was last heard from, and why
-- reading it stopped, if it did.
CREATE TABLE sync_peers (
    device      TEXT PRIMARY KEY,
    name        TEXT NOT NULL DEFAULT '',
    next_seq    INTEGER NOT NULL DEFAULT 1,
    last_hash   BLOB,
    acked       INTEGER NOT NULL DEFAULT 0,
    last_heard  TEXT,
    stopped     TEXT
) STRICT;

-- Rows changed here since the last send, by table and rowid.
CREATE TABLE sync_dirty (
    tbl       TEXT NOT NULL,
    local_id  INTEGER NOT NULL,
    PRIMARY KEY (tbl, local_id)
) STRICT, WITHOUT ROWID;

-- Operations made here and not yet in a segment of this laptop's mailbox. Making an operation and
-- recording its version happen in one transaction with putting it here, so a crash before the
-- segment is written loses nothing; a segment is written first and the operations leave here after.
CREATE TABLE sync_outbox (
    stamp  TEXT PRIMARY KEY,
    op     TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Which row here a uid names.
CREATE TABLE sync_rows (
    tbl       TEXT NOT NULL,
    local_id  INTEGER NOT NULL,
    uid       TEXT NOT NULL,
    PRIMARY KEY (tbl, local_id),
    UNIQUE (tbl, uid)
) STRICT;

-- Every version of every synced field seen, from either laptop. `value` (JSON) is kept for the
-- current version and for versions that lost to a concurrent edit (revisions); a version a later
-- edit replaced keeps only its stamp, so that seeing it again changes nothing.
CREATE TABLE sync_versions (
    tbl    TEXT NOT NULL,
    uid    TEXT NOT NULL,
    field  TEXT NOT NULL,
    stamp  TEXT NOT NULL,
    base   TEXT,
    value  TEXT,
    PRIMARY KEY (tbl, uid, field, stamp)
) STRICT, WITHOUT ROWID;

-- Rows deleted on either laptop: the uid and when, nothing of what they held.
CREATE TABLE sync_deleted (
    tbl    TEXT NOT NULL,
    uid    TEXT NOT NULL,
    stamp  TEXT NOT NULL,
    PRIMARY KEY (tbl, uid)
) STRICT, WITHOUT ROWID;


CREATE TRIGGER sync_partners_insert AFTER INSERT ON partners WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('partners', new.rowid);
END;
CREATE TRIGGER sync_partners_update AFTER UPDATE ON partners WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('partners', new.rowid);
END;
CREATE TRIGGER sync_partners_delete AFTER DELETE ON partners WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('partners', old.rowid);
END;

CREATE TRIGGER sync_consent_insert AFTER INSERT ON consent WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('consent', new.rowid);
END;
CREATE TRIGGER sync_consent_update AFTER UPDATE ON consent WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('consent', new.rowid);
END;
CREATE TRIGGER sync_consent_delete AFTER DELETE ON consent WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('consent', old.rowid);
END;

CREATE TRIGGER sync_reminders_insert AFTER INSERT ON reminders WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('reminders', new.rowid);
END;
CREATE TRIGGER sync_reminders_update AFTER UPDATE ON reminders WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('reminders', new.rowid);
END;
CREATE TRIGGER sync_reminders_delete AFTER DELETE ON reminders WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('reminders', old.rowid);
END;

CREATE TRIGGER sync_together_times_insert AFTER INSERT ON together_times WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('together_times', new.rowid);
END;
CREATE TRIGGER sync_together_times_update AFTER UPDATE ON together_times WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('together_times', new.rowid);
END;
CREATE TRIGGER sync_together_times_delete AFTER DELETE ON together_times WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('together_times', old.rowid);
END;

CREATE TRIGGER sync_checkin_answers_insert AFTER INSERT ON checkin_answers WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('checkin_answers', new.rowid);
END;
CREATE TRIGGER sync_checkin_answers_update AFTER UPDATE ON checkin_answers WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('checkin_answers', new.rowid);
END;
CREATE TRIGGER sync_checkin_answers_delete AFTER DELETE ON checkin_answers WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('checkin_answers', old.rowid);
END;

CREATE TRIGGER sync_daily_prompts_insert AFTER INSERT ON daily_prompts WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('daily_prompts', new.rowid);
END;
CREATE TRIGGER sync_daily_prompts_update AFTER UPDATE ON daily_prompts WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('daily_prompts', new.rowid);
END;
CREATE TRIGGER sync_daily_prompts_delete AFTER DELETE ON daily_prompts WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('daily_prompts', old.rowid);
END;

CREATE TRIGGER sync_entries_insert AFTER INSERT ON entries WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('entries', new.rowid);
END;
CREATE TRIGGER sync_entries_update AFTER UPDATE ON entries WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('entries', new.rowid);
END;
CREATE TRIGGER sync_entries_delete AFTER DELETE ON entries WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('entries', old.rowid);
END;

CREATE TRIGGER sync_answers_insert AFTER INSERT ON answers WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('answers', new.rowid);
END;
CREATE TRIGGER sync_answers_update AFTER UPDATE ON answers WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('answers', new.rowid);
END;
CREATE TRIGGER sync_answers_delete AFTER DELETE ON answers WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('answers', old.rowid);
END;

CREATE TRIGGER sync_discussions_insert AFTER INSERT ON discussions WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('discussions', new.rowid);
END;
CREATE TRIGGER sync_discussions_update AFTER UPDATE ON discussions WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('discussions', new.rowid);
END;
CREATE TRIGGER sync_discussions_delete AFTER DELETE ON discussions WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('discussions', old.rowid);
END;

CREATE TRIGGER sync_prompt_sightings_insert AFTER INSERT ON prompt_sightings WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('prompt_sightings', new.rowid);
END;
CREATE TRIGGER sync_prompt_sightings_update AFTER UPDATE ON prompt_sightings WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('prompt_sightings', new.rowid);
END;
CREATE TRIGGER sync_prompt_sightings_delete AFTER DELETE ON prompt_sightings WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('prompt_sightings', old.rowid);
END;

CREATE TRIGGER sync_together_notes_insert AFTER INSERT ON together_notes WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('together_notes', new.rowid);
END;
CREATE TRIGGER sync_together_notes_update AFTER UPDATE ON together_notes WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('together_notes', new.rowid);
END;
CREATE TRIGGER sync_together_notes_delete AFTER DELETE ON together_notes WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('together_notes', old.rowid);
END;

CREATE TRIGGER sync_appreciation_exchanges_insert AFTER INSERT ON appreciation_exchanges WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('appreciation_exchanges', new.rowid);
END;
CREATE TRIGGER sync_appreciation_exchanges_update AFTER UPDATE ON appreciation_exchanges WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('appreciation_exchanges', new.rowid);
END;
CREATE TRIGGER sync_appreciation_exchanges_delete AFTER DELETE ON appreciation_exchanges WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('appreciation_exchanges', old.rowid);
END;

CREATE TRIGGER sync_appreciation_notes_insert AFTER INSERT ON appreciation_notes WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('appreciation_notes', new.rowid);
END;
CREATE TRIGGER sync_appreciation_notes_update AFTER UPDATE ON appreciation_notes WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('appreciation_notes', new.rowid);
END;
CREATE TRIGGER sync_appreciation_notes_delete AFTER DELETE ON appreciation_notes WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('appreciation_notes', old.rowid);
END;

CREATE TRIGGER sync_repair_agreements_insert AFTER INSERT ON repair_agreements WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('repair_agreements', new.rowid);
END;
CREATE TRIGGER sync_repair_agreements_update AFTER UPDATE ON repair_agreements WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('repair_agreements', new.rowid);
END;
CREATE TRIGGER sync_repair_agreements_delete AFTER DELETE ON repair_agreements WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('repair_agreements', old.rowid);
END;

CREATE TRIGGER sync_stress_talks_insert AFTER INSERT ON stress_talks WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('stress_talks', new.rowid);
END;
CREATE TRIGGER sync_stress_talks_update AFTER UPDATE ON stress_talks WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('stress_talks', new.rowid);
END;
CREATE TRIGGER sync_stress_talks_delete AFTER DELETE ON stress_talks WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('stress_talks', old.rowid);
END;

CREATE TRIGGER sync_care_profiles_insert AFTER INSERT ON care_profiles WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('care_profiles', new.rowid);
END;
CREATE TRIGGER sync_care_profiles_update AFTER UPDATE ON care_profiles WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('care_profiles', new.rowid);
END;
CREATE TRIGGER sync_care_profiles_delete AFTER DELETE ON care_profiles WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('care_profiles', old.rowid);
END;

CREATE TRIGGER sync_dreams_insert AFTER INSERT ON dreams WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('dreams', new.rowid);
END;
CREATE TRIGGER sync_dreams_update AFTER UPDATE ON dreams WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('dreams', new.rowid);
END;
CREATE TRIGGER sync_dreams_delete AFTER DELETE ON dreams WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('dreams', old.rowid);
END;

CREATE TRIGGER sync_love_maps_insert AFTER INSERT ON love_maps WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('love_maps', new.rowid);
END;
CREATE TRIGGER sync_love_maps_update AFTER UPDATE ON love_maps WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('love_maps', new.rowid);
END;
CREATE TRIGGER sync_love_maps_delete AFTER DELETE ON love_maps WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('love_maps', old.rowid);
END;

CREATE TRIGGER sync_date_plans_insert AFTER INSERT ON date_plans WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('date_plans', new.rowid);
END;
CREATE TRIGGER sync_date_plans_update AFTER UPDATE ON date_plans WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('date_plans', new.rowid);
END;
CREATE TRIGGER sync_date_plans_delete AFTER DELETE ON date_plans WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('date_plans', old.rowid);
END;

CREATE TRIGGER sync_milestones_insert AFTER INSERT ON milestones WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('milestones', new.rowid);
END;
CREATE TRIGGER sync_milestones_update AFTER UPDATE ON milestones WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('milestones', new.rowid);
END;
CREATE TRIGGER sync_milestones_delete AFTER DELETE ON milestones WHEN (SELECT capturing FROM sync_state) BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, local_id) VALUES ('milestones', old.rowid);
END;
