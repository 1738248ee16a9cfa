"""Documents for the check tests: MRZs built by the project's own builder (fictional people only),
contexts around them, and scans rendered by the device simulator (the last few cached: a render
costs ~0.3 s)."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Mapping
from typing import Any

from devices.scan import DocumentScan, Image
from devices.sim.document import Defect, render_document_scan
from mrz import build, parse
from station.checks.base import CheckContext, RegisteredCheck, registered_checks, run_checks
from station.config import Config
from station.findings import Finding

TODAY = datetime.date(2026, 11, 23)

GENUINE: dict[str, Any] = {
    "document_code": "P",
    "issuing_state": "JOR",
    "surname": "HADDAD",
    "given_names": "LAYLA NOUR",
    "document_number": "K4827193",
    "nationality": "JOR",
    "birth_date": datetime.date(1988, 3, 14),
    "sex": "F",
    "expiry_date": datetime.date(2031, 6, 30),
}


def mrz_text(fmt: str = "TD3", **changes: Any) -> str:
    return build(fmt, **{**GENUINE, **changes})


def context(
    text: str | None = None,
    *,
    scan: DocumentScan | None = None,
    today: datetime.date = TODAY,
    config: Config | None = None,
    correct: bool = True,
    live_photo: Image | None = None,
    extras: Mapping[str, object] | None = None,
) -> CheckContext:
    """A context whose MRZ is ``text`` parsed (or the scan's MRZ; ``None`` when neither)."""
    source = text if text is not None else (scan.mrz_text if scan is not None else None)
    return CheckContext(
        scan=scan or DocumentScan(source="test", mrz_text=text),
        mrz=parse(source, today=today, correct=correct) if source else None,
        today=today,
        config=config,
        live_photo=live_photo,
        extras=dict(extras or {}),
    )


def only(prefix: str) -> list[RegisteredCheck]:
    return [c for c in registered_checks() if c.code == prefix]


def run(prefix: str, ctx: CheckContext) -> Finding:
    """The one finding of check ``prefix`` on ``ctx``."""
    findings = run_checks(ctx, only(prefix))
    assert len(findings) == 1, findings
    return findings[0]


@functools.lru_cache(maxsize=16)  # ~11 MB a scan
def rendered(text: str, defects: frozenset[Defect] = frozenset(), seed: int = 0) -> DocumentScan:
    return render_document_scan(text, defects=defects, seed=seed)
