-- Alerts from other booths and agencies, delivered by sync as the signed "alerts" list (owner: sync).
-- A snapshot replaces the table; a delta adds the alerts it carries.
CREATE TABLE sync_alerts (
    alert_seq    INTEGER PRIMARY KEY,
    event_id     TEXT NOT NULL UNIQUE,
    origin_booth TEXT NOT NULL,
    alert        TEXT NOT NULL,
    received_at  TEXT NOT NULL
);
