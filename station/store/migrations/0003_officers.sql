-- Officer accounts (see station/auth.py). Mutable state (failures, lockout) lives here; every change
-- is also written to the audit log.
CREATE TABLE officers (
    officer_id       TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    role             TEXT NOT NULL CHECK (role IN ('officer', 'examiner', 'supervisor', 'admin')),
    pin_hash         TEXT NOT NULL,
    failed_attempts  INTEGER NOT NULL DEFAULT 0,
    locked_until     TEXT,
    disabled         INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
