"""From a scanned document to an inspection: read the MRZ, run every check, derive the verdict.

Nothing here stores anything or asks for a role: an inspection is computed, shown, and only then
recorded by the workflow together with the officer's decision (``station.workflow``). So the CLI's
``station inspect`` and the booth share this one path.

Where the MRZ comes from: the device's own reading (``scan.mrz_text``) when it has one, else the
injected OCR callable (``page_ocr``, the project's MRZ reader on the page images, or another engine),
else nowhere — then the MRZ checks say "not checked" and the verdict panel shows why.

The chip is read between the MRZ and the checks (``station.chip_read``), when the booth has a chip
reader: the MRZ's document number and dates open it. That read blocks for up to its timeout, so
``Inspector.inspect``/``start`` run on a worker thread; ``inspect`` also returns the scan with the
chip's data groups, which is what the screens show (``chip_fields``) and the store should keep.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from devices.scan import DocumentScan, Image, Light
from mrz import MRZError, MRZResult, parse
from mrz import ocr as mrz_ocr
from station.checks import CheckContext, run_checks
from station.chip_read import ChipStation, ProgressCallback, chip_station_from_config
from station.clock import Clock, SystemClock
from station.config import Config
from station.domain import BoothRef, Document, Inspection, OfficerRef, Traveller, new_id
from station.store import Store
from station.verdict import VerdictRules, assess

log = logging.getLogger(__name__)

OcrReader = Callable[[DocumentScan], MRZResult | None]
"""Reads the MRZ from a scan's images and parses it (keeping the corrections it made, which the
``mrz.corrections`` check reports); returns ``None`` when it finds no MRZ."""


def page_ocr(scan: DocumentScan) -> MRZResult | None:
    """The project's MRZ reader on the white-light page, helped by the infrared one (where the
    artwork vanishes and the MRZ ink stays)."""
    white = scan.images.get(Light.WHITE)
    infrared = scan.images.get(Light.IR)
    image = white if white is not None else infrared
    if image is None:
        return None
    reading = mrz_ocr.read_mrz(image, infrared=infrared if white is not None else None)
    return reading.result


@dataclass(frozen=True)
class MrzReading:
    """What became of the MRZ: the parsed result, or why there is none (``error`` is None when
    there simply was no MRZ to read)."""

    text: str | None
    result: MRZResult | None
    error: str | None = None


def read_mrz(scan: DocumentScan, today: datetime.date, ocr: OcrReader | None = None) -> MrzReading:
    """The MRZ of ``scan``: the device's own reading first (parsed, with OCR-confusion correction),
    else the OCR on its images. Never raises: a faulty reader or parser becomes ``error``."""
    if scan.mrz_text and scan.mrz_text.strip():
        text = scan.mrz_text
        try:
            return MrzReading(text, parse(text, today=today, correct=True))
        except MRZError as exc:
            return MrzReading(text, None, str(exc))
        except Exception as exc:  # a parser bug must show as a finding, not take the booth down
            log.exception("MRZ parser fault on %r", text)
            return MrzReading(text, None, f"MRZ parser fault: {type(exc).__name__}: {exc}")
    if ocr is None or not scan.images:
        return MrzReading(None, None)
    try:
        result = ocr(scan)
    except Exception as exc:  # the OCR is a plug-in; its fault must not lose the scan
        log.exception("MRZ OCR failed on a scan from %s", scan.source)
        return MrzReading(None, None, f"the MRZ reader failed ({type(exc).__name__}: {exc})")
    return MrzReading(result.mrz if result else None, result)


@dataclass(frozen=True)
class InspectionRun:
    """An inspection with the scan it was made from: the device's scan plus what the station added
    (the chip's data groups, read during the inspection), which is what should be shown and stored."""

    inspection: Inspection
    scan: DocumentScan


@dataclass
class Inspector:
    """Runs inspections for one booth: its config, clock, identity, (optionally) OCR and chip reader.

    ``today`` for the checks is the booth's local date, taken from ``clock``. ``store`` is where
    the screening checks find the booth's lists (they only read it; nothing is written here).
    ``chip`` is the booth's chip reader; left None, it comes from the config's ``chip_reader``
    device (none configured: no chip is read, and the chip checks say so).
    """

    config: Config | None = None
    clock: Clock = field(default_factory=SystemClock)
    ocr: OcrReader | None = None
    booth: BoothRef | None = None
    store: Store | None = None
    chip: ChipStation | None = None

    def __post_init__(self) -> None:
        if self.chip is None:
            self.chip = chip_station_from_config(self.config)

    def start(self, scan: DocumentScan, **options: Any) -> Inspection:
        """:meth:`inspect` for callers that need only the inspection, not the scan with its chip data."""
        return self.inspect(scan, **options).inspection

    def inspect(
        self,
        scan: DocumentScan,
        *,
        officer: OfficerRef | None = None,
        live_photo: Image | None = None,
        extras: Mapping[str, object] | None = None,
        supersedes: str | None = None,
        correction_note: str = "",
        chip_progress: ProgressCallback | None = None,
    ) -> InspectionRun:
        """Read the MRZ, then the chip (when a reader is configured and the scan has none; blocking,
        so on a worker thread, with ``chip_progress`` per block read), then check and judge.
        Returns the inspection (not yet stored) and the scan with the chip's data."""
        started = self.clock.now()
        today = started.astimezone().date()
        reading = read_mrz(scan, today, self.ocr)
        context_extras: dict[str, object] = dict(extras or {})
        if reading.error:
            context_extras["mrz_error"] = reading.error
        if self.chip is not None and not scan.chip and "chip_error" not in context_extras:
            chip = self.chip.read(scan, reading.result, progress=chip_progress)
            scan = chip.scan
            if chip.error:
                context_extras["chip_error"] = chip.error
        ctx = CheckContext(
            scan=scan,
            mrz=reading.result,
            today=today,
            config=self.config,
            live_photo=live_photo,
            store=self.store,
            extras=context_extras,
        )
        findings = run_checks(ctx)
        assessment = assess(findings, VerdictRules.from_config(self.config))
        result = reading.result
        inspection = Inspection(
            inspection_id=new_id(),
            source=scan.source,
            started_at=started,
            finished_at=self.clock.now(),
            findings=tuple(findings),
            assessment=assessment,
            mrz=_mrz_json(reading),
            traveller=Traveller.from_mrz(result) if result else None,
            document=Document.from_mrz(result) if result else None,
            booth=self.booth,
            officer=officer,
            images=tuple(sorted(str(light) for light in scan.images)),
            supersedes=supersedes,
            correction_note=correction_note,
        )
        return InspectionRun(inspection, scan)


def _mrz_json(reading: MrzReading) -> dict[str, object] | None:
    if reading.result is not None:
        return dict(reading.result.to_json())
    if reading.text is None and reading.error is None:
        return None
    return {"mrz": reading.text, "valid": False, "error": reading.error}
