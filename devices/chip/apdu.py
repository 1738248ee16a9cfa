"""ISO 7816-4 command and response APDUs, status words, and the transport seam.

A ``Transport`` is anything that sends one command APDU and returns the response (data and status
word): the PC/SC driver, the in-process virtual chip, or secure messaging wrapped around either.
Errors are split the way a caller acts on them: the card went away (resume later), the chip refused
access (do not retry: a wrong key retried locks nothing but annoys the traveller and wastes time),
other chip errors.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class ChipError(Exception):
    """A chip operation failed; the message is written for the officer."""


class CardRemovedError(ChipError):
    """The document left the reader (or the reader lost it) during an exchange."""


class NoCardError(ChipError):
    """No chip is on the reader (yet)."""


class AccessDeniedError(ChipError):
    """The chip refused the access keys: the MRZ used does not belong to this chip."""


class SecureMessagingError(ChipError):
    """A secured response failed its MAC or could not be decrypted."""


class ChipTimeoutError(ChipError):
    """The read did not finish within its time limit."""


SW_OK = 0x9000


@dataclass(frozen=True)
class Command:
    cla: int
    ins: int
    p1: int
    p2: int
    data: bytes = b""
    le: int | None = None  # None: no Le; 0 means 256 (short) as ISO 7816-4 says

    def to_bytes(self) -> bytes:
        """Short APDU encoding (the LDS reads in blocks well below 256 bytes)."""
        if len(self.data) > 255:
            raise ValueError("command data longer than 255 bytes needs extended length")
        out = bytes([self.cla, self.ins, self.p1, self.p2])
        if self.data:
            out += bytes([len(self.data)]) + self.data
        if self.le is not None:
            out += bytes([self.le & 0xFF])
        return out

    @classmethod
    def from_bytes(cls, raw: bytes) -> Command:
        if len(raw) < 4:
            raise ValueError(f"APDU of {len(raw)} bytes is shorter than a header")
        cla, ins, p1, p2 = raw[:4]
        body = raw[4:]
        if not body:
            return cls(cla, ins, p1, p2)
        if len(body) == 1:
            return cls(cla, ins, p1, p2, le=body[0])
        lc = body[0]
        if lc == 0 or len(body) not in (1 + lc, 2 + lc):
            raise ValueError(f"APDU length byte {lc} does not match {len(body) - 1} body bytes")
        le = body[1 + lc] if len(body) == 2 + lc else None
        return cls(cla, ins, p1, p2, body[1 : 1 + lc], le)


@dataclass(frozen=True)
class Response:
    data: bytes
    sw: int

    @property
    def ok(self) -> bool:
        return self.sw == SW_OK

    @classmethod
    def from_bytes(cls, raw: bytes) -> Response:
        if len(raw) < 2:
            raise ChipError(f"response of {len(raw)} bytes has no status word")
        return cls(raw[:-2], int.from_bytes(raw[-2:], "big"))

    def to_bytes(self) -> bytes:
        return self.data + self.sw.to_bytes(2, "big")


class Transport(Protocol):
    """Sends one command APDU, returns the raw response (data + SW1 SW2)."""

    def transmit(self, apdu: bytes) -> bytes: ...


def exchange(transport: Transport, command: Command) -> Response:
    return Response.from_bytes(transport.transmit(command.to_bytes()))
