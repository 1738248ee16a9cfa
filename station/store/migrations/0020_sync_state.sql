-- Sync bookkeeping on the booth: list versions held, last sync outcome (sync/state.py SYNC_STATE_SCHEMA_V1).
CREATE TABLE sync_lists (
    kind       TEXT PRIMARY KEY,
    version    INTEGER NOT NULL,
    expires_at TEXT NOT NULL,
    applied_at TEXT NOT NULL
);
CREATE TABLE sync_status (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
