"""Time to read and verify an eMRTD chip with a 20 KB DG2, in-process and through pcscd + vpcd.

Run: ``.venv/bin/python -m bench.chip [--repeat N]``. The baseline in the same run is a plain read
of the same files from a chip without access control (no BAC/PACE, no secure messaging, no
verification), so the table shows what access control, secure messaging, active and chip
authentication and verification (passive authentication, chip MRZ, AA, CA checks) cost on top of
moving the bytes. The first read through pcscd waits for the card's power-up (the max column);
the median is the steady state. The PC/SC rows need apt pcscd + vsmartcard-vpcd and pip pyscard;
without them they are reported as skipped.
"""

from __future__ import annotations

import argparse
import datetime
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from devices.chip.bac import AccessKey
from devices.chip.reader import CardSource, ChipRead, ChipReader
from devices.scan import DocumentScan
from devices.sim.emrtd.card import ChipSlot, VirtualChip
from devices.sim.emrtd.passport import ChipImage, build_chip
from devices.sim.emrtd.pki import make_pki
from devices.sim.emrtd.stack import missing_parts, pcsc_stack
from mrz.synthetic import random_mrz
from station.checks.base import CheckContext, registered_checks, run_checks
from station.chip_trust import parse_trust_file

TODAY = datetime.date.today()


def _verify(read: ChipRead, mrz: str, trust: object) -> None:
    scan = DocumentScan("bench", mrz_text=mrz, chip=read.to_scan_chip())
    ctx = CheckContext(scan=scan, mrz=None, today=TODAY, config=None, extras={"chip_trust": trust})
    findings = run_checks(ctx, [c for c in registered_checks() if c.code.startswith("chip.")])
    bad = [f.code for f in findings if f.status.value != "passed"]
    if bad:
        raise SystemExit(f"verification did not pass: {bad}")


def _time(repeat: int, once: Callable[[], ChipRead]) -> tuple[float, float, int]:
    samples, exchanges = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        read = once()
        samples.append((time.perf_counter() - started) * 1000)
        exchanges = read.exchanges
    return statistics.median(samples), max(samples), exchanges


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    mrz = random_mrz(random.Random(20), "TD3", today=TODAY)
    key = AccessKey.from_mrz(mrz)
    pki = make_pki()
    trust = parse_trust_file(pki.trust_bundle_pem())
    bac_image = build_chip(mrz, pki, dg2_size=20_000, chip_auth=True)
    pace_image = build_chip(mrz, pki, dg2_size=20_000, pace=True, chip_auth=True)
    dg2 = len(bac_image.files["DG2"])
    rows: list[tuple[str, str]] = []

    def run(
        label: str,
        source_for: Callable[[ChipImage, bool], CardSource],
        image: ChipImage,
        *,
        plain: bool = False,
    ) -> None:
        source = source_for(image, plain)  # the document is put on the reader before timing

        def once() -> ChipRead:
            read = ChipReader(source, secure=not plain).read(key)
            if not plain:
                _verify(read, mrz, trust)
            return read

        median, worst, exchanges = _time(args.repeat, once)
        rows.append((label, f"{median:9.1f} {worst:9.1f} {exchanges:6d}"))

    def in_process(image: ChipImage, plain: bool) -> CardSource:
        return ChipSlot(VirtualChip(image, open_access=plain))

    run("in-process  plain read (baseline)", in_process, bac_image, plain=True)
    run("in-process  BAC+SM+AA+CA, verified", in_process, bac_image)
    run("in-process  PACE+SM+AA+CA, verified", in_process, pace_image)
    missing = missing_parts()
    if missing:
        rows.append(("pcscd+vpcd  (skipped)", f"needs {', '.join(missing)}"))
    else:
        from devices.chip.pcsc import PcscCardSource  # noqa: PLC0415 - optional dependency

        with tempfile.TemporaryDirectory() as workdir, pcsc_stack(Path(workdir)) as stack:

            def through_pcscd(image: ChipImage, plain: bool) -> CardSource:
                stack.remove_all()
                stack.insert(VirtualChip(image, open_access=plain))
                return PcscCardSource(stack.reader)

            run("pcscd+vpcd  plain read (baseline)", through_pcscd, bac_image, plain=True)
            run("pcscd+vpcd  BAC+SM+AA+CA, verified", through_pcscd, bac_image)
            run("pcscd+vpcd  PACE+SM+AA+CA, verified", through_pcscd, pace_image)
    print(f"chip read with DG2 of {dg2} bytes, {args.repeat} runs each (card insertion not timed)")
    print(f"{'path':36s} {'median ms':>9s} {'max ms':>9s} {'APDUs':>6s}")
    for label, values in rows:
        print(f"{label:36s} {values}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
