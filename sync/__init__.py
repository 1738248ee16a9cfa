"""The booth's outbox, the sync client, and the reference central server (optional extra)."""
