"""Parsers of chip bytes: well-formed data round-trips, and any garbage gives the parser's own
error (a forged or torn chip must never crash the station)."""

from __future__ import annotations

import contextlib

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from hypothesis import given
from hypothesis import strategies as st

from devices.chip import lds, passive, tlv
from devices.chip.apdu import Command
from devices.chip.pace import CURVES, PARAM_BRAINPOOL_P256, PARAM_P256, multiply
from devices.sim.emrtd.passport import encode_dg1, encode_dg2, face_jpeg
from tests.chip.support import MRZ


@given(st.integers(0x01, 0x1E), st.binary(max_size=600))
def test_tlv_round_trip(tag: int, value: bytes) -> None:
    assert tlv.parse_one(tlv.encode(tag, value)) == tlv.TLV(tag, value)


@given(st.integers(0x5F01, 0x5F7F), st.binary(max_size=300))
def test_two_byte_tags_round_trip(tag: int, value: bytes) -> None:
    assert tlv.parse_one(tlv.encode(tag, value)).tag == tag


@given(st.binary(max_size=200))
def test_garbage_tlv_raises_only_tlv_error(data: bytes) -> None:
    with contextlib.suppress(tlv.TLVError):
        tlv.parse_all(data)


@given(st.binary(max_size=300))
def test_garbage_data_groups_raise_only_lds_errors(data: bytes) -> None:
    for parser in (lds.parse_com, lds.parse_dg1, lds.parse_dg2, lds.parse_dg15, lds.parse_security_infos):
        with contextlib.suppress(lds.LDSError):
            parser(data)


@given(st.binary(max_size=300))
def test_garbage_sod_raises_only_sod_error(data: bytes) -> None:
    with contextlib.suppress(passive.SODError):
        passive.parse_sod(data)


@given(st.binary(min_size=4, max_size=270))
def test_garbage_apdus_are_rejected_or_parsed(data: bytes) -> None:
    with contextlib.suppress(ValueError):
        Command.from_bytes(data)


def test_dg1_and_dg2_round_trip() -> None:
    assert lds.parse_dg1(encode_dg1(MRZ)) == MRZ
    jpeg = face_jpeg(3, size=18_000)
    [face] = lds.parse_dg2(encode_dg2(jpeg))
    assert (face.mime, face.data, face.width, face.height) == ("image/jpeg", jpeg, 240, 320)
    assert 17_000 < len(jpeg) < 18_100


def test_truncated_dg2_is_reported() -> None:
    data = encode_dg2(face_jpeg(3))
    with pytest.raises(lds.LDSError):
        lds.parse_dg2(data[: len(data) // 2])


@pytest.mark.parametrize(
    ("parameter", "curve"), [(PARAM_P256, ec.SECP256R1()), (PARAM_BRAINPOOL_P256, ec.BrainpoolP256R1())]
)
def test_pace_curve_arithmetic_agrees_with_cryptography(parameter: int, curve: ec.EllipticCurve) -> None:
    params = CURVES[parameter]
    assert multiply(params, params.n, params.g) is None
    numbers = ec.derive_private_key(0xC0FFEE, curve).public_key().public_numbers()
    assert multiply(params, 0xC0FFEE, params.g) == (numbers.x, numbers.y)
