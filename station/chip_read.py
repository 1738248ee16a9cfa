"""The chip in the inspection flow: read it once the printed MRZ gives the access key, and show
what it holds.

The inspector (``station.inspection``) calls :meth:`ChipStation.read` on its worker thread after the
MRZ is read, before the checks run: the chip's data groups go into ``scan.chip`` (the chip checks
verify them), or the reason there are none goes to ``extras["chip_error"]`` (the checks then say
"not checked" with that reason). The booth's chip reader is the ``[[devices]]`` entry of kind
``chip_reader``; its driver is ``pcsc`` (a PC/SC reader through pcscd; ``port`` = the start of
the reader's name, empty: the first reader) or ``emrtd-sim`` (the demo's in-process simulated
reader; ``port`` = its folder). Option ``timeout_s`` bounds one read, waits for a lifted
document included; ``first_contact_s`` bounds the wait for a chip to answer at all, so a document
without a chip holds the officer up for seconds, not for the whole read time. Visas (document code
``V...``) have no chip and are not tried.

A refused access key is not tried again on the same chip: each failed BAC/PACE makes real chips
answer more slowly and some lock up. Until the MRZ changes (a corrected or typed MRZ gives a new
key) or ``denial_hold_s`` passes, a re-presented document gets the same "access denied" at once.

``chip_fields`` is what the booth's screens show beside the printed data: the chip's own MRZ
(DG1), parsed exactly as the printed one is, so a field that differs is a field that was altered.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from devices.chip import lds
from devices.chip.apdu import AccessDeniedError, ChipError
from devices.chip.bac import AccessKey, MRZKeyError
from devices.chip.reader import DEFAULT_GROUPS, CardConnection, CardSource, ChipReader, Progress
from devices.scan import DocumentScan
from mrz import MRZError, MRZResult, parse
from station.config import Config, DeviceSpec

log = logging.getLogger(__name__)

CHIP_READER_KINDS = ("chip_reader", "chip")
DRIVERS = ("emrtd-sim", "pcsc")
DEFAULT_TIMEOUT_S = 15.0
DEFAULT_FIRST_CONTACT_S = 3.0
DEFAULT_DENIAL_HOLD_S = 120.0
KEY_FIELDS = ("document_number", "birth_date", "expiry_date")


@dataclass(frozen=True)
class ChipProgress:
    """How far a chip read has come: ``done`` of ``total`` bytes of the file ``group`` (``"DG2"``
    is the large one; a progress bar per group tells an officer the read is alive)."""

    group: str
    done: int
    total: int


ProgressCallback = Callable[[ChipProgress], None]


@dataclass(frozen=True)
class ChipReadResult:
    """The scan with the chip's data merged in (``scan.chip``), or unchanged with ``error`` saying
    why no chip data came. ``attempted`` is False when the chip was not touched (no usable MRZ,
    a key refused a moment ago, or the scan already carried chip data)."""

    scan: DocumentScan
    error: str | None = None
    attempted: bool = False
    access_control: str = ""
    elapsed_s: float = 0.0
    resumes: int = 0


def chip_fields(scan: DocumentScan) -> dict[str, str] | None:
    """The chip's MRZ (DG1) as the same fields ``mrz.parse(...).fields`` gives for the printed MRZ,
    or ``None`` when no chip was read or its DG1 cannot be read as an MRZ (the chip checks say why).

    Parsed without OCR correction: the chip's bytes are what the issuer wrote, and a "corrected"
    chip MRZ would hide exactly the difference an officer must see.
    """
    return fields_from_chip(scan.chip)


def fields_from_chip(chip: Mapping[str, bytes] | None) -> dict[str, str] | None:
    """:func:`chip_fields` for data groups by name, e.g. those stored with an inspection."""
    if not chip or "DG1" not in chip:
        return None
    try:
        text = lds.parse_dg1(chip["DG1"])
        result = parse(text, correct=False)
    except (lds.LDSError, MRZError):
        return None
    return {name: str(value) for name, value in result.fields.items()}


def access_key(mrz: MRZResult | None) -> AccessKey | str:
    """The chip's access key from the printed MRZ, or why the MRZ cannot give one. The three
    fields' own check digits must pass: a misread digit would only earn an "access denied"."""
    if mrz is None:
        return "no MRZ was read, and the chip opens only with the MRZ's document number and dates"
    failing = [name.replace("_", " ") for name in KEY_FIELDS if not mrz.checks.get(name, False)]
    if failing:
        return (
            f"the MRZ's {', '.join(failing)} check digit does not pass, so it cannot open the chip; "
            "correct the MRZ (or type it) and read again"
        )
    try:
        return AccessKey.from_mrz(mrz.mrz)
    except MRZKeyError as exc:
        return f"the MRZ cannot open the chip: {exc}"


class ChipStation:
    """The booth's chip reader as the inspection uses it: one read at a time (one reader, one
    thread on it), never raising for chip trouble."""

    def __init__(
        self,
        source: CardSource,
        *,
        name: str = "chip",
        timeout_s: float = DEFAULT_TIMEOUT_S,
        first_contact_s: float = DEFAULT_FIRST_CONTACT_S,
        denial_hold_s: float = DEFAULT_DENIAL_HOLD_S,
        groups: tuple[str, ...] = DEFAULT_GROUPS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.source = source
        self.name = name
        self.timeout_s = timeout_s
        self.first_contact_s = first_contact_s
        self.denial_hold_s = denial_hold_s
        self.groups = groups
        self._clock = clock
        self._lock = threading.Lock()
        self._denied: dict[AccessKey, float] = {}

    def read(
        self, scan: DocumentScan, mrz: MRZResult | None, *, progress: ProgressCallback | None = None
    ) -> ChipReadResult:
        """Read the chip of the document ``scan`` shows (whose parsed MRZ is ``mrz``). Blocking, up
        to ``timeout_s``: call it on a worker thread, never on the GUI thread."""
        if scan.chip:
            return ChipReadResult(scan)
        if mrz is not None and str(mrz.fields.get("document_code", "")).startswith("V"):
            return ChipReadResult(scan, "A visa has no chip.")
        key = access_key(mrz)
        if isinstance(key, str):
            return ChipReadResult(scan, key[0].upper() + key[1:] + ".")
        with self._lock:
            refused = self._recently_denied(key)
            if refused is not None:
                return ChipReadResult(scan, refused)
            return self._read(scan, key, progress)

    def _recently_denied(self, key: AccessKey) -> str | None:
        now = self._clock()
        self._denied = {k: at for k, at in self._denied.items() if now - at < self.denial_hold_s}
        at = self._denied.get(key)
        if at is None:
            return None
        log.info("chip not tried again: its key was refused %.0f s ago", now - at)
        return (
            f"The chip refused this MRZ's key {now - at:.0f} s ago and is not tried again with the same "
            "key (chips slow down or lock after repeated failures). Check the document number and "
            "dates, correct the MRZ, then read again."
        )

    def _read(self, scan: DocumentScan, key: AccessKey, progress: ProgressCallback | None) -> ChipReadResult:
        started = self._clock()
        reader = ChipReader(self.source, timeout_s=self.timeout_s, first_contact_s=self.first_contact_s)
        try:
            read = reader.read(key, groups=self.groups, progress=_relay(progress))
        except AccessDeniedError as exc:
            self._denied[key] = self._clock()
            log.warning("chip on %s refused access: %s", self.name, exc)
            return ChipReadResult(scan, str(exc), attempted=True, elapsed_s=self._clock() - started)
        except ChipError as exc:
            log.warning("chip on %s not read: %s", self.name, exc)
            return ChipReadResult(scan, str(exc), attempted=True, elapsed_s=self._clock() - started)
        except Exception as exc:  # a driver fault must become "not checked", not a lost inspection
            log.exception("chip reader %s failed", self.name)
            return ChipReadResult(
                scan,
                f"The chip reader failed ({type(exc).__name__}: {exc}).",
                attempted=True,
                elapsed_s=self._clock() - started,
            )
        log.info(
            "chip read on %s: %s, %d files, %.2f s, %d resumes",
            self.name,
            read.access_control,
            len(read.files),
            read.elapsed_s,
            read.resumes,
        )
        return ChipReadResult(
            dataclasses.replace(scan, chip=read.to_scan_chip()),
            attempted=True,
            access_control=read.access_control,
            elapsed_s=read.elapsed_s,
            resumes=read.resumes,
        )


def _relay(progress: ProgressCallback | None) -> Callable[[Progress], None] | None:
    """The reader's progress as ``ChipProgress``; a failing listener is logged, the read goes on."""
    if progress is None:
        return None
    listener = progress

    def relay(step: Progress) -> None:
        try:
            listener(ChipProgress(step.file, step.done, step.total))
        except Exception:
            log.exception("chip progress listener failed")

    return relay


class _Unavailable:
    """A reader the station cannot use (unknown driver): every read says why, so the chip checks'
    "not checked" names the configuration problem instead of hiding it."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def connect(self, timeout: float) -> CardConnection:
        raise ChipError(self.reason)


def chip_reader_spec(config: Config | None) -> DeviceSpec | None:
    """The booth's chip reader: the first ``[[devices]]`` entry of kind ``chip_reader``."""
    if config is None:
        return None
    return next((d for d in config.devices if d.kind in CHIP_READER_KINDS), None)


def chip_station_from_config(config: Config | None) -> ChipStation | None:
    """The chip station for the booth's configured chip reader; None when the booth has none."""
    spec = chip_reader_spec(config)
    if spec is None or config is None:
        return None
    return ChipStation(
        _source(spec, config),
        name=spec.name,
        timeout_s=_seconds(spec, "timeout_s", DEFAULT_TIMEOUT_S),
        first_contact_s=_seconds(spec, "first_contact_s", DEFAULT_FIRST_CONTACT_S),
    )


def _seconds(spec: DeviceSpec, option: str, default: float) -> float:
    raw = spec.options.get(option, default)
    if isinstance(raw, int | float) and not isinstance(raw, bool) and raw > 0:
        return float(raw)
    log.error(
        "chip reader %s: %s must be a positive number, not %r; using %g s", spec.name, option, raw, default
    )
    return default


def _source(spec: DeviceSpec, config: Config) -> CardSource:
    # drivers are imported on use: a booth without a PC/SC reader never loads pyscard
    if spec.driver == "pcsc":
        from devices.chip.pcsc import PcscCardSource  # noqa: PLC0415

        return PcscCardSource(spec.port or str(spec.options.get("reader", "")))
    if spec.driver == "emrtd-sim":
        from devices.sim.emrtd.desk import DeskChipSource  # noqa: PLC0415

        if not spec.port:
            return _Unavailable(f"The simulated chip reader {spec.name!r} has no folder (port) configured.")
        return DeskChipSource(Path(config.resolve(spec.port)))
    log.error("chip reader %s: unknown driver %r", spec.name, spec.driver)
    return _Unavailable(
        f"The chip reader {spec.name!r} has an unknown driver {spec.driver!r} "
        f"(known: {', '.join(DRIVERS)}); fix the booth configuration."
    )
