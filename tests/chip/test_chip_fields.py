"""chip_fields: the chip's MRZ as the fields the screens show beside the printed ones."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from devices.chip import tlv
from devices.scan import DocumentScan
from devices.sim.emrtd.passport import encode_dg1
from mrz import parse
from mrz.synthetic import random_mrz
from station.chip_read import ChipProgress, chip_fields


def test_fields_equal_the_printed_mrz_fields_for_every_format() -> None:
    rng = random.Random(7)
    for fmt in ("TD1", "TD2", "TD3"):
        text = random_mrz(rng, fmt)
        scan = DocumentScan("test", mrz_text=text, chip={"DG1": encode_dg1(text)})
        assert chip_fields(scan) == parse(text).fields


def test_a_rewritten_name_on_the_chip_shows_in_its_fields() -> None:
    text = random_mrz(random.Random(3), "TD3")
    altered = text[:5] + "FORGED<<" + text[13:]
    fields = chip_fields(DocumentScan("test", mrz_text=text, chip={"DG1": encode_dg1(altered)}))
    assert fields is not None
    assert fields["surname"] != parse(text).fields["surname"]
    assert fields["surname"].startswith("FORGED")


def test_no_chip_or_no_dg1_gives_none() -> None:
    assert chip_fields(DocumentScan("test")) is None
    assert chip_fields(DocumentScan("test", chip={})) is None
    assert chip_fields(DocumentScan("test", chip={"COM": b"\x60\x00"})) is None


@given(st.binary(max_size=120))
def test_garbage_dg1_gives_none_not_an_exception(data: bytes) -> None:
    assert chip_fields(DocumentScan("test", chip={"DG1": data})) is None


@given(st.text(alphabet="ABCXYZ0123456789<", min_size=88, max_size=88))
def test_well_framed_dg1_with_any_content_never_raises(content: str) -> None:
    dg1 = tlv.encode(0x61, tlv.encode(0x5F1F, content.encode("ascii")))
    fields = chip_fields(DocumentScan("test", chip={"DG1": dg1}))
    assert fields is None or all(isinstance(v, str) for v in fields.values())


def test_progress_is_a_value() -> None:
    progress = ChipProgress("DG2", 1024, 20_480)
    assert (progress.group, progress.done, progress.total) == ("DG2", 1024, 20_480)
    assert progress == ChipProgress("DG2", 1024, 20_480)
