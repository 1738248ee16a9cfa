"""Reading a travel document's chip: access control, the data groups, active authentication.

The reader is written for a booth: the traveller may lift the passport mid-read, so a read resumes
where it stopped once the chip is back (re-opening access, keeping the bytes already read); it
gives up with a clear message when its time runs out; a refused access key fails at once instead
of being retried; and it reports progress while the large DG2 comes in.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from devices.chip import chip_auth, lds, pace, tlv
from devices.chip.apdu import (
    AccessDeniedError,
    CardRemovedError,
    ChipError,
    ChipTimeoutError,
    Command,
    NoCardError,
    Response,
    Transport,
    exchange,
)
from devices.chip.bac import AccessKey, perform_bac
from devices.chip.sm import SecureChannel

log = logging.getLogger(__name__)

CHUNK = 0xDF  # largest block whose secured answer still fits a short APDU response
DEFAULT_GROUPS = ("DG1", "DG2", "DG11", "DG12", "DG14", "DG15")
SW_NOT_FOUND = 0x6A82


class CardConnection(Transport, Protocol):
    """A transport to one chip that must be released when done (PC/SC keeps a handle open)."""

    def close(self) -> None: ...


class CardSource(Protocol):
    """Where chips come from: a PC/SC reader, or an in-process slot in tests."""

    def connect(self, timeout: float) -> CardConnection:
        """A connection to the chip on the reader, waiting up to ``timeout`` s; ``NoCardError``."""
        ...


@dataclass(frozen=True)
class Progress:
    file: str
    done: int
    total: int


@dataclass
class ChipRead:
    """What a read produced. ``files`` by LDS name; ``aa_challenge``/``aa_signature`` are set when
    the chip answered active authentication."""

    files: dict[str, bytes] = field(default_factory=dict)
    access_control: str = ""
    card_access: bytes | None = None
    aa_challenge: bytes | None = None
    aa_signature: bytes | None = None
    chip_auth: str | None = None  # "passed" or "failed: <reason>" when DG14 offered chip authentication
    resumes: int = 0
    exchanges: int = 0
    elapsed_s: float = 0.0
    partial: dict[str, bytes] = field(default_factory=dict, repr=False)  # files cut off by a lift

    def to_scan_chip(self) -> dict[str, bytes]:
        """The mapping ``DocumentScan.chip`` carries: data groups plus the AA exchange, so the
        station can verify everything again from what it stored."""
        chip = dict(self.files)
        if self.card_access is not None:
            chip["CardAccess"] = self.card_access
        if self.aa_challenge is not None and self.aa_signature is not None:
            chip["AA.challenge"] = self.aa_challenge
            chip["AA.signature"] = self.aa_signature
        if self.chip_auth is not None:
            chip["CA.result"] = self.chip_auth.encode()
        return chip


class _Counting:
    def __init__(self, inner: Transport, read: ChipRead) -> None:
        self._inner, self._read = inner, read

    def transmit(self, apdu: bytes) -> bytes:
        self._read.exchanges += 1
        return self._inner.transmit(apdu)


class ChipReader:
    """Reads one document per ``read`` call. ``timeout_s`` bounds the whole read including waits
    for a lifted document; ``max_resumes`` bounds how often a lifted read is resumed.
    ``first_contact_s`` (default: ``timeout_s``) bounds the wait for a chip to answer at all, so a
    document without a chip is given up on quickly while a slow read still gets the whole time."""

    def __init__(
        self,
        source: CardSource,
        *,
        timeout_s: float = 15.0,
        first_contact_s: float | None = None,
        max_resumes: int = 3,
        secure: bool = True,
        random: Callable[[int], bytes] = os.urandom,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._source = source
        self._timeout_s = timeout_s
        self._first_contact_s = min(timeout_s, first_contact_s) if first_contact_s is not None else timeout_s
        self._max_resumes = max_resumes
        self._secure = secure
        self._random = random
        self._clock = clock

    def read(
        self,
        key: AccessKey,
        *,
        groups: Iterable[str] = DEFAULT_GROUPS,
        progress: Callable[[Progress], None] | None = None,
    ) -> ChipRead:
        started = self._clock()
        deadline = started + self._timeout_s
        result = ChipRead()
        wanted = tuple(groups)
        contacted = False
        while True:
            remaining = deadline - self._clock()
            if remaining <= 0:
                raise self._timed_out(result)
            try:
                connection = self._source.connect(remaining if contacted else self._first_contact_s)
            except NoCardError:
                raise self._timed_out(result, contacted) from None
            contacted = True
            try:
                self._read_session(
                    _Counting(connection, result), key, wanted, result, progress=progress, deadline=deadline
                )
            except CardRemovedError as exc:
                result.resumes += 1
                log.info("chip lifted mid-read (%d so far): %s", result.resumes, exc)
                if result.resumes > self._max_resumes:
                    raise ChipError(
                        f"The document was lifted {result.resumes} times during the chip read. "
                        "Ask the traveller to leave it on the reader and try again."
                    ) from None
                continue
            finally:
                connection.close()
            result.elapsed_s = self._clock() - started
            return result

    def _timed_out(self, result: ChipRead, contacted: bool = True) -> ChipTimeoutError:
        if result.resumes:
            return ChipTimeoutError(
                f"The chip read did not finish within {self._timeout_s:g} s: the document was lifted "
                "and not put back. Place it on the reader again."
            )
        waited = self._timeout_s if contacted else self._first_contact_s
        return ChipTimeoutError(
            f"No chip answered within {waited:g} s: place the document on the reader "
            "(or the document has no chip)."
        )

    def _read_session(
        self,
        transport: Transport,
        key: AccessKey,
        wanted: tuple[str, ...],
        result: ChipRead,
        *,
        progress: Callable[[Progress], None] | None,
        deadline: float,
    ) -> None:
        channel = self._open(transport, key, result)
        if "COM" not in result.files:
            self._read_file(channel, "COM", result, progress, deadline)
        present = set(lds.parse_com(result.files["COM"]).data_groups)
        for name in ("SOD", *(g for g in wanted if g in present)):
            if name not in result.files:
                self._read_file(channel, name, result, progress, deadline)
        if "DG15" in result.files and result.aa_signature is None:
            self._active_authentication(channel, result)
        if "DG14" in result.files and result.chip_auth is None and isinstance(channel, SecureChannel):
            self._chip_authentication(channel, result)

    def _open(self, transport: Transport, key: AccessKey, result: ChipRead) -> Transport:
        """Access control: PACE when EF.CardAccess offers a variant we speak, else BAC."""
        offer = None
        if self._secure:
            card_access = self._read_card_access(transport)
            if card_access is not None:
                result.card_access = card_access
                try:
                    offer = pace.supported_offer(lds.parse_security_infos(card_access))
                except lds.LDSError as exc:
                    log.warning("EF.CardAccess unreadable, falling back to BAC: %s", exc)
        select = exchange(transport, Command(0x00, 0xA4, 0x04, 0x0C, lds.LDS_AID))
        if not select.ok:
            raise ChipError(f"This chip has no travel-document application (status {select.sw:04X}).")
        if not self._secure:
            result.access_control = "none"
            return transport
        if offer is not None:
            keys = pace.perform_pace(transport, key, offer)
            result.access_control = "PACE"
        else:
            keys = perform_bac(transport, key, random=self._random)
            result.access_control = "BAC"
        return SecureChannel(transport, keys)

    def _read_card_access(self, transport: Transport) -> bytes | None:
        select = exchange(transport, Command(0x00, 0xA4, 0x02, 0x0C, lds.CARD_ACCESS_FID.to_bytes(2, "big")))
        if not select.ok:
            return None
        data = b""
        while True:
            part = exchange(transport, Command(0x00, 0xB0, len(data) >> 8, len(data) & 0xFF, le=CHUNK))
            if not part.ok or not part.data:
                break
            data += part.data
            if len(part.data) < CHUNK:
                break
        return data or None

    def _read_file(
        self,
        channel: Transport,
        name: str,
        result: ChipRead,
        progress: Callable[[Progress], None] | None,
        deadline: float,
    ) -> None:
        fid = lds.FILES[name][0]
        select = exchange(channel, Command(0x00, 0xA4, 0x02, 0x0C, fid.to_bytes(2, "big")))
        if select.sw == SW_NOT_FOUND:
            log.info("chip lists %s but has no such file", name)
            return
        _check(select, f"selecting {name}")
        partial = result.partial.get(name, b"")
        if len(partial) < 4:
            partial = _check(exchange(channel, Command(0x00, 0xB0, 0, 0, le=4)), f"reading {name}").data
        try:
            _, length, offset = tlv.parse_header(partial)
        except tlv.TLVError as exc:
            raise ChipError(f"{name} on the chip is malformed: {exc}") from exc
        total = offset + length
        while len(partial) < total:
            if self._clock() > deadline:
                raise ChipTimeoutError(
                    f"The chip read did not finish within {self._timeout_s:g} s (reading {name})."
                )
            size = min(CHUNK, total - len(partial))
            block = _check(
                exchange(channel, Command(0x00, 0xB0, len(partial) >> 8, len(partial) & 0xFF, le=size)),
                f"reading {name}",
            ).data
            if not block:
                raise ChipError(f"The chip returned no data for {name} at offset {len(partial)}.")
            partial += block
            result.partial[name] = partial
            if progress is not None:
                progress(Progress(name, len(partial), total))
        result.partial.pop(name, None)
        result.files[name] = partial[:total]

    def _active_authentication(self, channel: Transport, result: ChipRead) -> None:
        challenge = self._random(8)
        answer = exchange(channel, Command(0x00, 0x88, 0x00, 0x00, challenge, le=0))
        if answer.ok and answer.data:
            result.aa_challenge, result.aa_signature = challenge, answer.data
        else:
            log.warning("chip refused INTERNAL AUTHENTICATE (status %04X)", answer.sw)

    def _chip_authentication(self, channel: SecureChannel, result: ChipRead) -> None:
        try:
            offer = chip_auth.offer_from_dg14(lds.parse_security_infos(result.files["DG14"]))
        except (lds.LDSError, ValueError) as exc:
            log.warning("DG14 unusable for chip authentication: %s", exc)
            return
        if offer is None:
            return
        probe = Command(0x00, 0xA4, 0x02, 0x0C, lds.FILES["COM"][0].to_bytes(2, "big"))
        ok, reason = chip_auth.perform_chip_auth(channel, offer, probe)
        result.chip_auth = "passed" if ok else f"failed: {reason}"
        if not ok:
            log.warning("chip authentication failed: %s", reason)


def _check(response: Response, what: str) -> Response:
    if response.ok:
        return response
    if response.sw == 0x6982:
        raise AccessDeniedError(f"The chip denied access while {what} (status 6982).")
    raise ChipError(f"The chip failed while {what} (status {response.sw:04X}).")


@dataclass(frozen=True)
class ChipOutcome:
    """What the station needs from one chip read: the data for ``DocumentScan.chip``, or the reason
    it could not be read (for the officer, and for the chip checks' "not checked" findings)."""

    chip: dict[str, bytes] | None
    error: str | None
    read: ChipRead | None = None


def read_document_chip(
    source: CardSource,
    mrz_text: str,
    *,
    timeout_s: float = 15.0,
    progress: Callable[[Progress], None] | None = None,
) -> ChipOutcome:
    """Reads the chip of the document whose MRZ is ``mrz_text``; never raises for chip trouble."""
    try:
        key = AccessKey.from_mrz(mrz_text)
    except ValueError as exc:
        return ChipOutcome(None, f"The MRZ cannot open the chip: {exc}.")
    try:
        read = ChipReader(source, timeout_s=timeout_s).read(key, progress=progress)
    except ChipError as exc:
        log.warning("chip read failed: %s", exc)
        return ChipOutcome(None, str(exc))
    return ChipOutcome(read.to_scan_chip(), None, read)
