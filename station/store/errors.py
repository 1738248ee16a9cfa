"""Errors of the booth store, split as qutebrowser's ``misc/sql.py`` does: known conditions of the
machine (a full disk, a failing disk, a damaged file) that an officer or technician must act on,
distinct from bugs, which propagate unchanged.

The UI shows ``KnownStoreError.officer_message`` and keeps the traveller's data on screen: the
record was NOT saved and must be saved again once the condition is fixed.
"""

from __future__ import annotations

import errno
import sqlite3

# SQLite primary result codes (the low byte of an extended code)
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_IOERR = 10
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26
SQLITE_READONLY = 8


class KnownStoreError(Exception):
    """A condition of the machine, not a bug; ``officer_message`` says what to do."""

    officer_message = "The booth cannot save records. Call a supervisor; keep the document until it is saved."

    def __init__(self, detail: str) -> None:
        super().__init__(f"{self.officer_message} ({detail})")
        self.detail = detail


class StoreFullError(KnownStoreError):
    officer_message = (
        "The booth's disk is full: the record was NOT saved. Call a supervisor to free space;"
        " keep the document until the record is saved."
    )


class StoreIOError(KnownStoreError):
    officer_message = (
        "The booth's disk failed to read or write: the record was NOT saved. Call a technician;"
        " keep the document until the record is saved."
    )


class StoreCorruptError(KnownStoreError):
    officer_message = "The booth's database file is damaged. Call a technician; do not switch the booth off."


class SchemaTooNewError(KnownStoreError):
    officer_message = (
        "The booth's database was written by a newer version of this software. Call a technician."
    )


def translate(exc: BaseException) -> KnownStoreError | None:
    """The known condition behind ``exc``, or None when it is a bug (or anything else)."""
    if isinstance(exc, KnownStoreError):
        return exc
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        if primary == SQLITE_FULL:
            return StoreFullError(f"SQLite: {exc}")
        if primary in (SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_READONLY):
            return StoreIOError(f"SQLite: {exc}")
        if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
            return StoreCorruptError(f"SQLite: {exc}")
        return None
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return StoreFullError(f"{exc.strerror}: {exc.filename}" if exc.filename else str(exc))
        if exc.errno in (errno.EIO, errno.EROFS, errno.ENXIO, errno.ENODEV):
            return StoreIOError(f"{exc.strerror}: {exc.filename}" if exc.filename else str(exc))
    return None
