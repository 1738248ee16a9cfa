"""PACE with the MRZ as password (Doc 9303-11 §4.4): ECDH Generic Mapping, AES-128, on NIST P-256
or brainpoolP256r1.

Generic Mapping needs scalar multiplication on a generator that exists only for this session
(G~ = s*G + H), which ``cryptography`` does not expose, so the curve arithmetic is done here with
Python integers (about 70 ms per session on the booth's machine, against the 1-5 s a real chip
takes to read; constant time matters little on the terminal side, whose secrets are single-use).
Both ends of the protocol live here: the terminal (``perform_pace``) and the helpers the virtual
chip uses.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from asn1crypto import core

from devices.chip import tlv
from devices.chip.apdu import AccessDeniedError, ChipError, Command, Response, Transport, exchange
from devices.chip.bac import AccessKey
from devices.chip.crypto import CipherKind, aes_cmac, decrypt, kdf
from devices.chip.lds import SecurityInfo
from devices.chip.sm import SessionKeys

PACE_ECDH_GM_AES128 = "0.4.0.127.0.7.2.2.4.2.2"
PARAM_P256 = 12  # standardized domain parameter ids (Doc 9303-11 9.5.1): NIST P-256
PARAM_BRAINPOOL_P256 = 13  # brainpoolP256r1, common on European passports


@dataclass(frozen=True)
class Curve:
    p: int
    a: int
    b: int
    g: tuple[int, int]
    n: int

    @property
    def size(self) -> int:
        return (self.p.bit_length() + 7) // 8


P256 = Curve(
    p=0xFFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF,
    a=0xFFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFC,
    b=0x5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B,
    g=(
        0x6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296,
        0x4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5,
    ),
    n=0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551,
)
BRAINPOOL_P256 = Curve(
    p=0xA9FB57DBA1EEA9BC3E660A909D838D726E3BF623D52620282013481D1F6E5377,
    a=0x7D5A0975FC2C3057EEF67530417AFFE7FB8055C126DC5C6CE94A4B44F330B5D9,
    b=0x26DC5C6CE94A4B44F330B5D9BBD77CBF958416295CF7E1CE6BCCDC18FF8C07B6,
    g=(
        0x8BD2AEB9CB7E57CB2C4B482FFC81B7AFB9DE27E1E3BD23C23A4453BD9ACE3262,
        0x547EF835C3DAC4FD97F8461A14611DC9C27745132DED8E545C1D54C72F046997,
    ),
    n=0xA9FB57DBA1EEA9BC3E660A909D838D718C397AA3B561A6F7901E0E82974856A7,
)
CURVES = {PARAM_P256: P256, PARAM_BRAINPOOL_P256: BRAINPOOL_P256}

Point = tuple[int, int] | None  # None is the point at infinity


def add(curve: Curve, p1: Point, p2: Point) -> Point:
    if p1 is None:
        return p2
    if p2 is None:
        return p1
    (x1, y1), (x2, y2) = p1, p2
    if x1 == x2 and (y1 + y2) % curve.p == 0:
        return None
    if p1 == p2:
        slope = (3 * x1 * x1 + curve.a) * pow(2 * y1, -1, curve.p)
    else:
        slope = (y2 - y1) * pow(x2 - x1, -1, curve.p)
    x3 = (slope * slope - x1 - x2) % curve.p
    return x3, (slope * (x1 - x3) - y1) % curve.p


def multiply(curve: Curve, k: int, point: Point) -> Point:
    result: Point = None
    addend = point
    while k:
        if k & 1:
            result = add(curve, result, addend)
        addend = add(curve, addend, addend)
        k >>= 1
    return result


def encode_point(curve: Curve, point: Point) -> bytes:
    if point is None:
        raise ValueError("cannot encode the point at infinity")
    return b"\x04" + point[0].to_bytes(curve.size, "big") + point[1].to_bytes(curve.size, "big")


def decode_point(curve: Curve, data: bytes) -> tuple[int, int]:
    """An uncompressed point, checked to lie on the curve (an invalid point leaks the key)."""
    if len(data) != 1 + 2 * curve.size or data[0] != 4:
        raise ChipError("PACE: malformed public point")
    x, y = int.from_bytes(data[1 : 1 + curve.size], "big"), int.from_bytes(data[1 + curve.size :], "big")
    if not (0 <= x < curve.p and 0 <= y < curve.p) or (y * y - x * x * x - curve.a * x - curve.b) % curve.p:
        raise ChipError("PACE: public point is not on the curve")
    return x, y


def keypair(curve: Curve, generator: Point) -> tuple[int, tuple[int, int]]:
    secret = secrets.randbelow(curve.n - 1) + 1
    public = multiply(curve, secret, generator)
    assert public is not None  # a non-zero scalar below n times a generator is never infinity
    return secret, public


def mapped_generator(curve: Curve, nonce: bytes, shared: Point) -> Point:
    """Generic Mapping: G~ = s*G + H."""
    return add(curve, multiply(curve, int.from_bytes(nonce, "big"), curve.g), shared)


def password_key(key: AccessKey) -> bytes:
    return kdf(key.seed, 3, CipherKind.AES128)


def public_key_object(oid: str, curve: Curve, point: Point) -> bytes:
    return tlv.encode(
        0x7F49, core.ObjectIdentifier(oid).dump() + tlv.encode(0x86, encode_point(curve, point))
    )


def token(ks_mac: bytes, oid: str, curve: Curve, point: Point) -> bytes:
    return aes_cmac(ks_mac, public_key_object(oid, curve, point))


def session_keys(curve: Curve, shared: Point) -> SessionKeys:
    if shared is None:
        raise ChipError("PACE: key agreement produced the point at infinity")
    secret = shared[0].to_bytes(curve.size, "big")
    return SessionKeys(
        CipherKind.AES128, kdf(secret, 1, CipherKind.AES128), kdf(secret, 2, CipherKind.AES128), 0
    )


@dataclass(frozen=True)
class PaceOffer:
    oid: str
    parameter_id: int


def supported_offer(infos: list[SecurityInfo]) -> PaceOffer | None:
    """The PACE variant of EF.CardAccess this terminal speaks, if the chip offers it."""
    for info in infos:
        if info.protocol == PACE_ECDH_GM_AES128 and info.optional is not None:
            parameter = int(info.optional.native)
            if parameter in CURVES:
                return PaceOffer(info.protocol, parameter)
    return None


def _general_authenticate(transport: Transport, tag: int, value: bytes, *, last: bool) -> bytes:
    data = tlv.encode(0x7C, tlv.encode(tag, value) if tag else b"")
    response = exchange(transport, Command(0x00 if last else 0x10, 0x86, 0x00, 0x00, data, le=0))
    if not response.ok:
        if last:
            raise AccessDeniedError(
                "The chip refused access (PACE): the MRZ read from the page does not open this chip. "
                "Check the MRZ (document number, dates) or enter it by hand."
            )
        raise ChipError(f"PACE step refused by the chip (status {response.sw:04X})")
    try:
        return tlv.parse_one(response.data, expected_tag=0x7C).children()[0].value
    except (tlv.TLVError, IndexError) as exc:
        raise ChipError(f"PACE: malformed chip answer: {exc}") from exc


def perform_pace(transport: Transport, key: AccessKey, offer: PaceOffer) -> SessionKeys:
    """The terminal's four General Authenticate steps; returns the session keys."""
    curve = CURVES[offer.parameter_id]
    oid_value = core.ObjectIdentifier(offer.oid).dump()[2:]
    mse = (
        tlv.encode(0x80, oid_value)
        + tlv.encode(0x83, b"\x01")
        + tlv.encode(0x84, bytes([offer.parameter_id]))
    )
    answer: Response = exchange(transport, Command(0x00, 0x22, 0xC1, 0xA4, mse))
    if not answer.ok:
        raise ChipError(f"the chip refused to start PACE (status {answer.sw:04X})")
    encrypted_nonce = _general_authenticate(transport, 0, b"", last=False)
    nonce = decrypt(CipherKind.AES128, password_key(key), encrypted_nonce)
    map_secret, map_public = keypair(curve, curve.g)
    chip_map = decode_point(
        curve, _general_authenticate(transport, 0x81, encode_point(curve, map_public), last=False)
    )
    generator = mapped_generator(curve, nonce, multiply(curve, map_secret, chip_map))
    secret, public = keypair(curve, generator)
    chip_public = decode_point(
        curve, _general_authenticate(transport, 0x83, encode_point(curve, public), last=False)
    )
    if chip_public == public:
        raise ChipError("PACE: the chip echoed our public key")
    keys = session_keys(curve, multiply(curve, secret, chip_public))
    chip_token = _general_authenticate(
        transport, 0x85, token(keys.ks_mac, offer.oid, curve, chip_public), last=True
    )
    if chip_token != token(keys.ks_mac, offer.oid, curve, public):
        raise AccessDeniedError("The chip's PACE token does not verify: access not established.")
    return keys
