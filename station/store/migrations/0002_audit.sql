-- The hash-chained audit log (see station/audit.py). `audit_head` holds the anchor: the number of
-- entries and the last hash, updated in the same transaction as each append, so a truncated tail
-- no longer matches it.
CREATE TABLE audit_log (
    seq      INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    actor    TEXT NOT NULL,
    action   TEXT NOT NULL,
    target   TEXT NOT NULL,
    details  TEXT NOT NULL,
    prev     TEXT NOT NULL,
    hash     TEXT NOT NULL
);
CREATE INDEX audit_action ON audit_log (action, at);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TABLE audit_head (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    count      INTEGER NOT NULL,
    last_hash  TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
