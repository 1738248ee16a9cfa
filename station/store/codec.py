"""Canonical JSON: one byte-exact text per value, so hashes (audit chain, image manifests) and the
central side's idempotency checks agree, whichever process wrote it."""

from __future__ import annotations

import json
from datetime import date, datetime
from enum import Enum
from pathlib import PurePath
from typing import Any


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, set | frozenset):
        return sorted(value)
    raise TypeError(f"{type(value).__name__} cannot be stored as JSON")


def canonical_json(value: Any) -> str:
    """Sorted keys, no spaces, UTF-8 text; dates as ISO strings, enums as their value."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_default)
