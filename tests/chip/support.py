"""Shared test data for the chip tests: one synthetic traveller, the test PKI, and a helper that
runs the station's chip checks on a read."""

from __future__ import annotations

import datetime
import random

from devices.chip.reader import ChipRead
from devices.scan import DocumentScan
from devices.sim.emrtd.pki import TestPKI, make_pki
from mrz.synthetic import random_mrz
from station.checks.base import CheckContext, registered_checks, run_checks
from station.chip_trust import TrustList, parse_trust_file
from station.findings import Finding

TODAY = datetime.date.today()
MRZ = random_mrz(random.Random(9303), "TD3", today=TODAY)
PKI: TestPKI = make_pki()
TRUST: TrustList = parse_trust_file(PKI.trust_bundle_pem())


def chip_findings(
    read: ChipRead | None,
    *,
    mrz: str = MRZ,
    trust: TrustList | None = TRUST,
    extras: dict[str, object] | None = None,
) -> dict[str, Finding]:
    context_extras: dict[str, object] = dict(extras or {})
    if trust is not None:
        context_extras["chip_trust"] = trust
    scan = DocumentScan("test", mrz_text=mrz, chip=read.to_scan_chip() if read is not None else None)
    ctx = CheckContext(scan=scan, mrz=None, today=TODAY, config=None, extras=context_extras)
    checks = [c for c in registered_checks() if c.code.startswith("chip.")]
    return {finding.code: finding for finding in run_checks(ctx, checks)}


def failing(findings: dict[str, Finding]) -> set[str]:
    return {code for code, f in findings.items() if f.status.value == "failed"}
