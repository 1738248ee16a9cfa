"""Lost, stolen and invalidated documents: the presented number against the list.

The match is on document number + issuing state, exactly, except for the characters OCR confuses
on an MRZ (0/O, 1/I, 5/S, 8/B, 2/Z, 6/G): both the listed number and the read number are folded to
one key (letters to their look-alike digits), so a misread number still finds its entry. A hit that
needed folding says so, for the officer to compare the printed number by eye.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

_FOLD = str.maketrans({"O": "0", "I": "1", "S": "5", "B": "8", "Z": "2", "G": "6"})


def normalise_number(number: str) -> str:
    """Upper case, without MRZ fillers, spaces or hyphens."""
    return "".join(ch for ch in number.upper() if ch.isascii() and ch.isalnum())


def fold_number(number: str) -> str:
    """The OCR-confusion-folded key of a document number (normalised first)."""
    return normalise_number(number).translate(_FOLD)


@dataclass(frozen=True)
class DocumentHit:
    number: str
    issuing_state: str
    type: str
    status: str
    read_number: str
    folded: bool

    @property
    def id(self) -> str:
        return f"{self.issuing_state}/{self.number}"

    def explanation(self) -> dict[str, Any]:
        how = (
            f"read {self.read_number}, listed {self.number}: equal after folding OCR look-alike characters"
            if self.folded
            else "document number and issuing state equal"
        )
        return {
            "summary": f"{self.status or 'listed'} {self.type or 'document'} {self.number}"
            f" ({self.issuing_state}): {how}",
            "listed_number": self.number,
            "read_number": self.read_number,
            "issuing_state": self.issuing_state,
            "type": self.type,
            "status": self.status,
            "needed_folding": self.folded,
        }


def screen_document(conn: sqlite3.Connection, number: str, issuing_state: str) -> list[DocumentHit]:
    """Listed documents with this number (exactly, else OCR-folded) and issuing state."""
    read = normalise_number(number)
    state = issuing_state.upper().replace("<", "")
    if not read or not state:
        return []
    rows = conn.execute(
        "SELECT number, issuing_state, type, status FROM screening_documents"
        " WHERE folded_number = ? AND issuing_state = ? ORDER BY number",
        (fold_number(read), state),
    ).fetchall()
    exact = [r for r in rows if r[0] == read]
    return [DocumentHit(n, s, t, st, read, folded=n != read) for n, s, t, st in (exact or rows)]
