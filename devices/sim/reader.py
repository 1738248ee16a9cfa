"""A serial MRZ reader simulator: writes the frames of generated documents to a real port, with faults.

It speaks exactly the bytes the decoders in ``devices.protocols`` read (their ``encode`` functions),
and reports what it sent as one dict per frame, so a test can check that every good document arrived
once, and every fault was reported, never turned into a scan.

Faults (injected before every ``fault_every``-th good document; the good document still follows):

- ``torn``: the first half of a frame, then silence longer than the readers' idle gap;
- ``noise``: line noise between frames (for plain lines: a garbage line);
- ``corrupt``: a whole frame with one MRZ character replaced by ``?`` (readers send what they failed to read);
- ``bad-bcc``: a 3M RTE frame with a wrong block check (RTE only);
- ``pause``: the good frame itself is sent in two halves with a short pause (slower than a reader, but
  within the idle gap), so it must still be read;
- ``disconnect``: half a frame, then the simulator closes the port and stops (pair it with pulling
  the cable, e.g. killing socat).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any, Protocol

from devices.protocols import desko, plain, rte
from mrz.synthetic import random_mrz

ENCODERS: dict[str, Callable[[str], bytes]] = {
    "plain": plain.encode,
    "desko": desko.encode,
    "rte": rte.encode,
}
TORN_SILENCE = 1.0
"""Seconds of silence after a torn frame: longer than any decoder's idle gap (0.5 s by default)."""
PAUSE = 0.15
"""Seconds a ``pause`` fault stops mid-frame: shorter than the idle gap, so the frame still reads."""


class Fault(StrEnum):
    TORN = "torn"
    NOISE = "noise"
    CORRUPT = "corrupt"
    BAD_BCC = "bad-bcc"
    PAUSE = "pause"
    DISCONNECT = "disconnect"


class Writable(Protocol):
    def write(self, data: bytes, /) -> int | None: ...

    def flush(self) -> None: ...


Report = Callable[[dict[str, Any]], None]


def _noise(protocol: str, rng: random.Random) -> bytes:
    if protocol == "plain":
        return bytes(rng.randrange(0x21, 0x7F) for _ in range(rng.randint(5, 40))) + b"\r\n"
    return bytes(rng.randrange(0x20, 0x100) for _ in range(rng.randint(5, 40)))


def _corrupt(protocol: str, frame: bytes, rng: random.Random) -> bytes:
    if protocol == "rte":  # a character changed *and* the BCC recomputed is still caught by the charset
        text = frame[7:-2]  # SOH, length (2), 'O' 'U' STX, flag | data | ETX, BCC
        pos = 7 + rng.choice([i for i, b in enumerate(text) if 0x30 <= b <= 0x5A])
        body = frame[:pos] + b"?" + frame[pos + 1 : -1]
        return body + bytes([rte.bcc(body[1:])])
    letters = [i for i, b in enumerate(frame) if 0x30 <= b <= 0x5A]
    pos = rng.choice(letters)
    return frame[:pos] + b"?" + frame[pos + 1 :]


def simulate(
    port: Writable,
    protocol: str,
    *,
    count: int,
    interval: float = 0.2,
    faults: Iterable[Fault] = (),
    fault_every: int = 2,
    seed: int = 0,
    report: Report = lambda _: None,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Send ``count`` good documents (fewer if ``disconnect`` stops early); returns how many were sent.

    ``report`` gets ``{"event": "sent", "mrz": ...}`` for each good frame and
    ``{"event": "fault", "fault": ...}`` for each fault injected.
    """
    if protocol not in ENCODERS:
        raise ValueError(f"unknown protocol {protocol!r}; known: {', '.join(ENCODERS)}")
    faults = list(dict.fromkeys(faults))
    if Fault.BAD_BCC in faults and protocol != "rte":
        raise ValueError("the bad-bcc fault needs the rte protocol (the others have no block check)")
    encode = ENCODERS[protocol]
    rng = random.Random(seed)
    sent = 0

    def write(data: bytes) -> None:
        port.write(data)
        port.flush()

    for index in range(count):
        text = random_mrz(rng)
        frame = encode(text)
        faulty = bool(faults) and index % fault_every == fault_every - 1
        for fault in faults if faulty else ():
            if fault is Fault.PAUSE:
                continue
            report({"event": "fault", "fault": str(fault)})
            if fault is Fault.NOISE:
                write(_noise(protocol, rng))
            elif fault is Fault.TORN:
                write(encode(random_mrz(rng))[: len(frame) // 2])
                sleep(TORN_SILENCE)
            elif fault is Fault.CORRUPT:
                write(_corrupt(protocol, encode(random_mrz(rng)), rng))
            elif fault is Fault.BAD_BCC:
                bad = encode(random_mrz(rng))
                write(bad[:-1] + bytes([bad[-1] ^ 0x5A]))
            elif fault is Fault.DISCONNECT:
                write(frame[: len(frame) // 2])
                return sent
        if faulty and Fault.PAUSE in faults:
            report({"event": "fault", "fault": str(Fault.PAUSE)})
            write(frame[: len(frame) // 2])
            sleep(PAUSE)
            write(frame[len(frame) // 2 :])
        else:
            write(frame)
        sent += 1
        report({"event": "sent", "mrz": text})
        if index < count - 1:
            sleep(interval)
    return sent
