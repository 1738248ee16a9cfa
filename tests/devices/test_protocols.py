"""Frame decoders on recorded byte streams: whole, split, merged, noisy, torn and corrupt frames,
and random bytes, which must never crash a decoder or become a scan."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.protocols import desko, plain, rte, wedge
from devices.protocols.base import READ_FAILED, DecoderBase, FrameDecoder, plausible_mrz
from devices.scan import DeviceEvent, DeviceState, DeviceStatus, DocumentScan
from tests.helpers.device_clock import FakeClock

TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
TD2 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6"
TD1 = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"
DOCS = [TD3, TD2, TD1]

Encoder = Callable[[str], bytes]
PROTOCOLS: dict[str, tuple[type[DecoderBase], Encoder]] = {
    "plain": (plain.PlainLineDecoder, plain.encode),
    "desko": (desko.DeskoDecoder, desko.encode),
    "rte": (rte.RteDecoder, rte.encode),
}


def make(name: str, clock: FakeClock | None = None) -> FrameDecoder:
    clock = clock or FakeClock()
    cls = PROTOCOLS[name][0]
    decoder: FrameDecoder = cls("test", monotonic=clock.monotonic, clock=clock.wall)  # type: ignore[call-arg]
    return decoder


def encode(name: str, text: str) -> bytes:
    return PROTOCOLS[name][1](text)


def scans(events: list[DeviceEvent]) -> list[str | None]:
    return [e.mrz_text for e in events if isinstance(e, DocumentScan)]


def errors(events: list[DeviceEvent]) -> list[DeviceStatus]:
    return [e for e in events if isinstance(e, DeviceStatus)]


def test_plausible_mrz() -> None:
    assert plausible_mrz(TD3.split("\n")) == TD3
    assert plausible_mrz(TD1.split("\n")) == TD1
    assert plausible_mrz(TD3.split("\n")[:1]) is None
    assert plausible_mrz([TD3.split("\n", maxsplit=1)[0], TD2.split("\n")[1]]) is None
    assert plausible_mrz([TD3.split("\n", maxsplit=1)[0], TD3.split("\n")[1].lower()]) is None


@pytest.mark.parametrize("name", sorted(PROTOCOLS))
@pytest.mark.parametrize("text", DOCS, ids=["TD3", "TD2", "TD1"])
def test_whole_frame_becomes_one_scan(name: str, text: str) -> None:
    clock = FakeClock()
    decoder = make(name, clock)
    data = encode(name, text)
    events = decoder.data_received(data)
    assert scans(events) == [text] and not errors(events)
    scan = events[0]
    assert isinstance(scan, DocumentScan) and scan.source == "test" and data.startswith(scan.raw[:3])
    clock.advance(5)
    assert decoder.idle() == []


@pytest.mark.parametrize("name", sorted(PROTOCOLS))
def test_byte_by_byte_and_merged(name: str) -> None:
    decoder = make(name)
    stream = b"".join(encode(name, text) for text in DOCS)
    events = [event for byte in stream for event in decoder.data_received(bytes([byte]))]
    assert scans(events) == DOCS and not errors(events)
    assert scans(make(name).data_received(stream * 2)) == DOCS * 2


@pytest.mark.parametrize("name", sorted(PROTOCOLS))
@given(cuts=st.lists(st.integers(min_value=0, max_value=400), max_size=12))
def test_any_split_decodes_the_same(name: str, cuts: list[int]) -> None:
    decoder = make(name)
    stream = encode(name, TD3) + encode(name, TD1)
    points = sorted({c % (len(stream) + 1) for c in cuts} | {0, len(stream)})
    events = [e for a, b in itertools.pairwise(points) for e in decoder.data_received(stream[a:b])]
    assert scans(events) == [TD3, TD1] and not errors(events)


@pytest.mark.parametrize("name", sorted(PROTOCOLS))
def test_torn_frame_is_dropped_and_the_next_one_read(name: str) -> None:
    clock = FakeClock()
    decoder = make(name, clock)
    torn = encode(name, TD3)[:50]
    events = decoder.data_received(torn)
    clock.advance(0.1)
    assert decoder.idle() == []  # a short pause is not yet a tear
    clock.advance(1.0)
    events += decoder.idle()
    events += decoder.data_received(encode(name, TD1))
    assert scans(events) == [TD1]
    assert [e.state for e in errors(events)] == [DeviceState.ERROR]
    assert errors(events)[0].reason == READ_FAILED


@pytest.mark.parametrize("name", sorted(PROTOCOLS))
def test_torn_frame_followed_at_once_by_a_good_one(name: str) -> None:
    decoder = make(name)
    # plain lines have no start marker, so a torn line is only separable once its terminator came
    torn = encode(name, TD3)[:40] + (b"\r\n" if name == "plain" else b"")
    events = decoder.data_received(torn + encode(name, TD2))
    assert scans(events) == [TD2]
    assert len(errors(events)) >= 1 or name == "rte"  # RTE may still wait for the torn frame's length
    clock_events = decoder.data_received(encode(name, TD1))
    assert scans(clock_events) == [TD1]


@pytest.mark.parametrize("name", sorted(PROTOCOLS))
def test_corrupt_character_is_a_failed_read(name: str) -> None:
    data = bytearray(encode(name, TD3))
    data[data.index(b"ERIKSSON") + 2] = ord("?")
    events = make(name).data_received(bytes(data))
    assert scans(events) == [] and len(errors(events)) == 1


@pytest.mark.parametrize("name", sorted(PROTOCOLS))
def test_noise_between_frames_does_not_hide_them(name: str) -> None:
    noise = b"\x00\xff garbage \x7f\x13" + (b"\r\n" if name == "plain" else b"")
    decoder = make(name)
    events = decoder.data_received(noise + encode(name, TD3) + noise + encode(name, TD1) + noise)
    assert scans(events) == [TD3, TD1]


@pytest.mark.parametrize("name", sorted(PROTOCOLS))
def test_reset_reports_a_partial_frame_once(name: str) -> None:
    decoder = make(name)
    decoder.data_received(encode(name, TD3)[:30])
    assert len(errors(decoder.reset())) == 1
    assert decoder.reset() == []
    assert scans(decoder.data_received(encode(name, TD3))) == [TD3]


@pytest.mark.parametrize("name", sorted(PROTOCOLS))
@given(data=st.binary(max_size=600), chunks=st.integers(min_value=1, max_value=64))
def test_random_bytes_never_crash_nor_scan(name: str, data: bytes, chunks: int) -> None:
    clock = FakeClock()
    decoder = make(name, clock)
    events: list[DeviceEvent] = []
    for i in range(0, len(data), chunks):
        events += decoder.data_received(data[i : i + chunks])
    clock.advance(10)
    events += decoder.idle() + decoder.reset()
    assert scans(events) == []
    assert all(isinstance(e, DeviceStatus) and e.state is DeviceState.ERROR for e in events)


@pytest.mark.parametrize("name", sorted(PROTOCOLS))
@given(noise=st.binary(max_size=200))
def test_a_good_frame_after_random_noise_and_a_pause_is_read(name: str, noise: bytes) -> None:
    clock = FakeClock()
    decoder = make(name, clock)
    events = decoder.data_received(noise)
    clock.advance(10)
    events += decoder.idle()
    events += decoder.data_received(encode(name, TD3))
    assert scans(events) == [TD3]


# -- protocol specifics -------------------------------------------------------------------------------


def test_plain_line_terminators_and_early_completion() -> None:
    for terminator in (b"\r", b"\n", b"\r\n"):
        assert scans(make("plain").data_received(plain.encode(TD1, terminator=terminator))) == [TD1]
    # no blank line between documents: the line count still separates them
    stream = b"".join(line.encode() + b"\r\n" for text in (TD3, TD1) for line in text.split("\n"))
    assert scans(make("plain").data_received(stream)) == [TD3, TD1]


def test_plain_document_ends_on_empty_line_or_pause() -> None:
    clock = FakeClock()
    decoder = make("plain", clock)
    first = TD3.split("\n", maxsplit=1)[0].encode()
    events = decoder.data_received(first + b"\r\n\r\n")
    assert len(errors(events)) == 1
    decoder.data_received(first + b"\r\n")
    clock.advance(1)
    assert len(errors(decoder.idle())) == 1
    decoder.data_received(first)  # a line that never ends
    clock.advance(1)
    assert len(errors(decoder.idle())) == 1


def test_plain_mixed_lengths_and_overlong_lines() -> None:
    first = TD3.split("\n", maxsplit=1)[0].encode()
    events = make("plain").data_received(first + b"\r" + TD1.encode().replace(b"\n", b"\r") + b"\r")
    assert len(errors(events)) == 1 and scans(events) == [TD1]  # the torn TD3, then a whole TD1
    events = make("plain").data_received(b"A" * 2000)
    assert len(errors(events)) == 1


def test_desko_new_sod_inside_a_frame_tears_it() -> None:
    data = desko.encode(TD3)
    events = make("desko").data_received(data[:20] + data)
    assert scans(events) == [TD3] and len(errors(events)) == 1


def test_desko_wrong_device_id_is_rejected() -> None:
    events = make("desko").data_received(desko.encode(TD3, device_id=ord("M")))
    assert scans(events) == [] and len(errors(events)) == 1


def test_rte_layout_and_bcc() -> None:
    data = rte.encode(TD3)
    assert data[0] == rte.SOH and data[3:6] == b"OU\x02" and data[-2] == rte.ETX
    assert int.from_bytes(data[1:3], "little") == len(data) - 4
    assert rte.bcc(data[1:-1]) == data[-1]
    assert b"____\r\r" not in data and b"\r" + b"_" * 44 + b"\r" in data  # slot 2 empty for TD3


@pytest.mark.parametrize(
    ("mutate", "why"),
    [
        (lambda d: d[:-1] + bytes([d[-1] ^ 0x55]), "bad BCC"),
        (lambda d: d[:6] + b"1" + d[7:-1] + bytes([rte.bcc(d[1:6] + b"1" + d[7:-1])]), "flagged failed"),
        (lambda d: d[:3] + b"XU" + d[5:], "bad marker"),
        (lambda d: d[:1] + b"\xff\x7f" + d[3:], "impossible length"),
    ],
)
def test_rte_corrupt_frames_are_failed_reads(mutate: Callable[[bytes], bytes], why: str) -> None:
    clock = FakeClock()
    decoder = make("rte", clock)
    events = decoder.data_received(mutate(rte.encode(TD3)))
    clock.advance(1)
    events += decoder.idle()
    assert scans(events) == [], why
    assert errors(events), why
    assert scans(decoder.data_received(rte.encode(TD2))) == [TD2]


def test_rte_corrupt_length_does_not_swallow_the_next_frame() -> None:
    good = rte.encode(TD3)
    bad = good[:1] + bytes([good[1] + 20]) + good[2:]  # claims 20 more bytes than it has
    clock = FakeClock()
    decoder = make("rte", clock)
    events = decoder.data_received(bad + good)
    clock.advance(1)
    events += decoder.idle()
    assert scans(events) == [TD3]


# -- keyboard wedge ----------------------------------------------------------------------------------


def feed_keys(decoder: wedge.WedgeDecoder, keys: list[tuple[str, float]]) -> list[DeviceEvent]:
    return [event for char, at in keys for event in decoder.key(char, at)]


def test_wedge_reader_burst_becomes_a_scan() -> None:
    clock = FakeClock()
    decoder = wedge.WedgeDecoder("wedge", monotonic=clock.monotonic, clock=clock.wall)
    events = feed_keys(decoder, wedge.keystrokes(TD3, start=1.0) + wedge.keystrokes(TD1, start=5.0))
    assert scans(events) == [TD3, TD1] and not errors(events)


def test_wedge_person_typing_an_mrz_is_not_a_scan_nor_an_error() -> None:
    decoder = wedge.WedgeDecoder("wedge")
    events = feed_keys(decoder, wedge.keystrokes(TD3, start=1.0, gap=0.12))
    assert events == []


def test_wedge_burst_interrupted_mid_line_is_a_failed_read() -> None:
    clock = FakeClock()
    decoder = wedge.WedgeDecoder("wedge", monotonic=clock.monotonic, clock=clock.wall)
    keys = wedge.keystrokes(TD3, start=clock.now)[:60]
    events = feed_keys(decoder, keys)
    clock.advance(1)
    events += decoder.idle()
    assert scans(events) == [] and len(errors(events)) == 1
    assert scans(feed_keys(decoder, wedge.keystrokes(TD3, start=clock.now))) == [TD3]


def test_wedge_short_fast_bursts_are_ignored() -> None:
    decoder = wedge.WedgeDecoder("wedge")
    assert feed_keys(decoder, [("a", 0.0), ("b", 0.01), ("\r", 0.02), ("c", 1.0)]) == []
    assert decoder.reset() == []


@given(keys=st.lists(st.tuples(st.characters(), st.floats(min_value=0, max_value=0.2)), max_size=300))
def test_wedge_random_keys_never_crash_nor_scan(keys: list[tuple[str, float]]) -> None:
    decoder = wedge.WedgeDecoder("wedge")
    at = 0.0
    events: list[DeviceEvent] = []
    for char, gap in keys:
        at += gap
        events += decoder.key(char, at)
    events += decoder.reset()
    assert scans(events) == []
