-- Screening lists kept at the booth (owner: station.screening). Each list is replaced by a snapshot or
-- changed by a delta inside one transaction (station.screening.lists.apply_list); `list_versions`
-- says which version of each list the booth holds, so the officer and sync can tell how fresh it is.
CREATE TABLE screening_list_versions (
    kind        TEXT PRIMARY KEY,          -- persons | documents | api | history
    version     TEXT NOT NULL,
    applied_at  TEXT NOT NULL,
    entries     INTEGER NOT NULL
);

-- Persons of interest. `birth_date` is YYYY-MM-DD, YYYY or NULL; `aliases` is a JSON list of names in
-- any script. The name index (screening_index) is derived from this table.
CREATE TABLE screening_persons (
    id           TEXT PRIMARY KEY,
    surname      TEXT NOT NULL,
    given_names  TEXT NOT NULL,
    aliases      TEXT NOT NULL DEFAULT '[]',
    birth_date   TEXT,
    nationality  TEXT NOT NULL DEFAULT '',
    reason       TEXT NOT NULL DEFAULT '',
    action       TEXT NOT NULL DEFAULT ''
);

-- Lost, stolen and invalidated documents. `folded_number` is the number with OCR-confusable
-- characters folded (0/O, 1/I, 5/S, 8/B, 2/Z, 6/G), so a misread MRZ still finds its entry.
CREATE TABLE screening_documents (
    number         TEXT NOT NULL,
    issuing_state  TEXT NOT NULL,
    type           TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL DEFAULT '',
    folded_number  TEXT NOT NULL,
    PRIMARY KEY (number, issuing_state)
);
CREATE INDEX screening_documents_folded ON screening_documents (folded_number);

-- Advance passenger information: who is expected on which flight or vehicle, and the PNR risk flags
-- the central targeting centre attached (JSON list of {"flag": ..., "source": ...}).
CREATE TABLE screening_api (
    id               TEXT PRIMARY KEY,
    flight           TEXT NOT NULL,
    expected_date    TEXT NOT NULL,
    document_number  TEXT NOT NULL DEFAULT '',
    issuing_state    TEXT NOT NULL DEFAULT '',
    surname          TEXT NOT NULL DEFAULT '',
    given_names      TEXT NOT NULL DEFAULT '',
    birth_date       TEXT,
    nationality      TEXT NOT NULL DEFAULT '',
    pnr              TEXT NOT NULL DEFAULT '',
    flags            TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX screening_api_flight ON screening_api (flight, expected_date);
CREATE INDEX screening_api_document ON screening_api (document_number);

-- Crossings recorded elsewhere and synced from central (the booth's own crossings are its records).
CREATE TABLE screening_history (
    id               TEXT PRIMARY KEY,
    document_number  TEXT NOT NULL,
    issuing_state    TEXT NOT NULL,
    direction        TEXT NOT NULL CHECK (direction IN ('entry', 'exit')),
    crossed_on       TEXT NOT NULL,
    crossing_point   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX screening_history_document ON screening_history (document_number, issuing_state);

-- The persons' name index as compact arrays (see station.screening.index), rebuilt in the same
-- transaction as every change of screening_persons, so opening a booth does not re-normalise a
-- million names.
CREATE TABLE screening_index (
    name  TEXT PRIMARY KEY,
    data  BLOB NOT NULL
);
