"""The reader against the virtual chip in-process: access control, resume, timeouts, progress,
and the chip's refusals."""

from __future__ import annotations

import random
import threading

import pytest

from devices.chip.apdu import AccessDeniedError, ChipError, ChipTimeoutError, Command, Response
from devices.chip.bac import AccessKey, MRZKeyError
from devices.chip.pace import PARAM_BRAINPOOL_P256, PARAM_P256
from devices.chip.reader import ChipReader, Progress
from devices.sim.emrtd.card import ChipSlot, VirtualChip
from devices.sim.emrtd.passport import ChipImage, build_chip
from mrz import build
from mrz.synthetic import random_mrz
from tests.chip.support import MRZ, PKI, chip_findings, failing

KEY = AccessKey.from_mrz(MRZ)


@pytest.fixture(scope="module")
def image() -> ChipImage:
    return build_chip(MRZ, PKI)


def test_bac_read_gets_every_group_and_passes(image: ChipImage) -> None:
    read = ChipReader(ChipSlot(VirtualChip(image))).read(KEY)
    assert read.access_control == "BAC"
    assert read.files == dict(image.files)
    assert failing(chip_findings(read)) == set()


@pytest.mark.parametrize("parameter", [PARAM_P256, PARAM_BRAINPOOL_P256])
def test_pace_is_used_when_the_chip_offers_it(parameter: int) -> None:
    chip = VirtualChip(build_chip(MRZ, PKI, pace=True, pace_parameter=parameter))
    read = ChipReader(ChipSlot(chip)).read(KEY)
    assert read.access_control == "PACE"
    assert chip.counts["mutual_authenticate"] == 0 and chip.counts["general_authenticate"] == 4
    assert read.to_scan_chip()["CardAccess"] == chip.image.card_access


@pytest.mark.parametrize("pace", [False, True])
def test_wrong_key_is_denied_after_one_attempt(pace: bool) -> None:
    chip = VirtualChip(build_chip(MRZ, PKI, pace=pace))
    wrong = AccessKey("X1234567", KEY.birth_date, KEY.expiry_date)
    with pytest.raises(AccessDeniedError, match="does not open this chip"):
        ChipReader(ChipSlot(chip)).read(wrong)
    attempts = chip.counts["general_authenticate"] // 4 if pace else chip.counts["mutual_authenticate"]
    assert attempts == 1
    assert chip.counts["read_binary"] <= (1 if pace else 0)  # EF.CardAccess only


def test_the_chip_refuses_data_groups_without_secure_messaging(image: ChipImage) -> None:
    chip = VirtualChip(image)
    assert Response.from_bytes(
        chip.transmit(Command(0, 0xA4, 4, 0x0C, bytes.fromhex("A0000002471001")).to_bytes())
    ).ok
    answer = Response.from_bytes(chip.transmit(Command(0, 0xA4, 2, 0x0C, b"\x01\x01").to_bytes()))
    assert answer.sw == 0x6982
    with pytest.raises(AccessDeniedError):
        ChipReader(ChipSlot(VirtualChip(image)), secure=False).read(KEY)


def test_read_resumes_after_a_lift_and_keeps_what_it_had(image: ChipImage) -> None:
    slot = ChipSlot(VirtualChip(image))
    slot.lift_after(60)  # in the middle of DG2
    events: list[Progress] = []
    done = threading.Event()

    def traveller_puts_it_back() -> None:
        while not done.wait(0.01):
            if not slot.present:
                slot.put_back()
                return

    helper = threading.Thread(target=traveller_puts_it_back)
    helper.start()
    try:
        read = ChipReader(slot, timeout_s=5).read(KEY, progress=events.append)
    finally:
        done.set()
        helper.join()
    assert read.resumes == 1
    assert read.files == dict(image.files)
    dg2 = [e.done for e in events if e.file == "DG2"]
    assert dg2 == sorted(set(dg2))  # no block read twice: the resume continued at its offset
    assert dg2[-1] == len(image.files["DG2"])


def test_lifted_and_not_put_back_times_out_with_a_clear_message(image: ChipImage) -> None:
    slot = ChipSlot(VirtualChip(image))
    slot.lift_after(30)
    with pytest.raises(ChipTimeoutError, match="lifted and not put back"):
        ChipReader(slot, timeout_s=0.3).read(KEY)


def test_no_document_times_out() -> None:
    with pytest.raises(ChipTimeoutError, match="place the document on the reader"):
        ChipReader(ChipSlot(), timeout_s=0.1).read(KEY)


def test_a_document_lifted_again_and_again_is_given_up(image: ChipImage) -> None:
    slot = ChipSlot(VirtualChip(image))

    class Flaky:
        def connect(self, timeout: float) -> object:
            slot.put_back()
            slot.lift_after(5)
            return slot.connect(timeout)

    with pytest.raises(ChipError, match="lifted 4 times"):
        ChipReader(Flaky(), max_resumes=3).read(KEY)  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["TD1", "TD2", "TD3"])
def test_access_key_from_every_format(fmt: str) -> None:
    import datetime

    text = build(
        fmt,
        document_code="P" if fmt == "TD3" else "I",
        issuing_state="UTO",
        surname="ERIKSSON",
        given_names="ANNA MARIA",
        document_number="D23145890",
        nationality="UTO",
        birth_date=datetime.date(1974, 8, 12),
        sex="F",
        expiry_date=datetime.date(2032, 4, 15),
    )
    assert AccessKey.from_mrz(text) == AccessKey("D23145890", "740812", "320415")


def test_access_key_rejects_text_that_is_no_mrz() -> None:
    with pytest.raises(MRZKeyError):
        AccessKey.from_mrz("hello\nworld")


def test_read_document_chip_gives_data_or_a_reason(image: ChipImage) -> None:
    from devices.chip.reader import read_document_chip

    outcome = read_document_chip(ChipSlot(VirtualChip(image)), MRZ)
    assert outcome.error is None and outcome.chip is not None and "AA.signature" in outcome.chip
    other_traveller = random_mrz(random.Random(1), "TD3")
    denied = read_document_chip(ChipSlot(VirtualChip(build_chip(other_traveller, PKI))), MRZ)
    assert denied.chip is None and denied.error is not None and "refused access" in denied.error
    absent = read_document_chip(ChipSlot(), MRZ, timeout_s=0.05)
    assert absent.chip is None and absent.error is not None and "place the document" in absent.error
    garbage = read_document_chip(ChipSlot(VirtualChip(image)), "not an mrz")
    assert garbage.error is not None and "cannot open the chip" in garbage.error


def test_first_contact_is_bounded_separately_from_the_read() -> None:
    with pytest.raises(ChipTimeoutError, match=r"No chip answered within 0\.1 s.*has no chip"):
        ChipReader(ChipSlot(), timeout_s=30, first_contact_s=0.1).read(KEY)
