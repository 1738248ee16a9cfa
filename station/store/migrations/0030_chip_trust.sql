-- The booth's eMRTD trust list (see station/chip_trust.py): CSCA certificates and the CRLs they
-- issued, keyed by the SHA-256 of their DER so loading the same file twice adds nothing.
CREATE TABLE chip_trust (
    fingerprint  TEXT PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('csca', 'crl')),
    subject      TEXT NOT NULL,
    der          BLOB NOT NULL,
    source       TEXT NOT NULL,
    loaded_at    TEXT NOT NULL
);
