"""A finding: what one check concluded, in words an officer can act on, with its evidence.

Every check (document, chip, face, screening) reports findings of this one shape, so the verdict
panel, the store and the central side treat them alike. A check whose inputs are missing reports
``NOT_CHECKED``: it is never silently counted as passed.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.StrEnum):
    INFO = "info"
    WARNING = "warning"
    FAIL = "fail"


class Status(enum.StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    NOT_CHECKED = "not_checked"


@dataclass(frozen=True)
class Finding:
    """``code`` is stable (e.g. ``"mrz.check_digit"``, ``"screening.person_hit"``) for rules and
    statistics; ``message`` is for the officer; ``evidence`` is JSON-serialisable detail."""

    code: str
    status: Status
    severity: Severity
    message: str
    evidence: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "status": self.status.value,
            "severity": self.severity.value,
            "message": self.message,
            "evidence": dict(self.evidence),
        }
