-- The append-only records (inspections, decisions, referrals, ...), their image files and the outbox.
-- A correction is a new record whose `supersedes` names the record it replaces; `root_id` names the
-- first record of the chain, so "latest version" is one indexed lookup. Rows are never updated or
-- deleted: the triggers turn any attempt into an error.
CREATE TABLE records (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id   TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    supersedes  TEXT UNIQUE REFERENCES records (record_id),
    root_id     TEXT NOT NULL
);
CREATE INDEX records_kind_time ON records (kind, created_at);
CREATE INDEX records_time ON records (created_at);
CREATE INDEX records_root ON records (root_id, seq);

CREATE TRIGGER records_no_update BEFORE UPDATE ON records
BEGIN
    SELECT RAISE(ABORT, 'records are append-only: write a correction that supersedes the record');
END;
CREATE TRIGGER records_no_delete BEFORE DELETE ON records
BEGIN
    SELECT RAISE(ABORT, 'records are append-only');
END;

-- Image files of a record. The file is written and fsynced under its final name BEFORE this row
-- commits; on open, files without a row are removed (a crash between rename and commit).
-- Retention sets purged_at (committed) and then deletes the file.
CREATE TABLE images (
    record_id   TEXT NOT NULL REFERENCES records (record_id),
    name        TEXT NOT NULL,
    path        TEXT NOT NULL UNIQUE,
    media_type  TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    size        INTEGER NOT NULL,
    purged_at   TEXT,
    PRIMARY KEY (record_id, name)
);
CREATE TRIGGER images_no_delete BEFORE DELETE ON images
BEGIN
    SELECT RAISE(ABORT, 'image rows are kept; retention only marks them purged');
END;

-- !include sync.outbox.OUTBOX_SCHEMA_V1
