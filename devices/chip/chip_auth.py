"""Chip authentication (Doc 9303-11 §6.2), ECDH with AES-128: the chip proves it holds the private
key of DG14's ChipAuthenticationPublicKeyInfo by agreeing on new secure-messaging keys with the
terminal's ephemeral key. A cloned chip cannot: after the switch its answers fail their MAC.

The proof is implicit (no signature to store), so the reader records the outcome and the station
reports it; DG14 itself is covered by passive authentication's hash check.
"""

from __future__ import annotations

from dataclasses import dataclass

from asn1crypto import core
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from devices.chip import tlv
from devices.chip.apdu import Command, SecureMessagingError, exchange
from devices.chip.crypto import CipherKind, kdf
from devices.chip.lds import SecurityInfo
from devices.chip.sm import SecureChannel, SessionKeys

CA_ECDH_AES128 = "0.4.0.127.0.7.2.2.3.2.2"
PK_ECDH = "0.4.0.127.0.7.2.2.1.2"


@dataclass(frozen=True)
class ChipAuthOffer:
    oid: str
    public_key: ec.EllipticCurvePublicKey
    key_id: int | None


def offer_from_dg14(infos: list[SecurityInfo]) -> ChipAuthOffer | None:
    """The chip-authentication variant this terminal speaks, with the chip's public key."""
    info = next((i for i in infos if i.protocol == CA_ECDH_AES128), None)
    key_info = next((i for i in infos if i.protocol == PK_ECDH), None)
    if info is None or key_info is None:
        return None
    key = serialization.load_der_public_key(key_info.required_der)
    if not isinstance(key, ec.EllipticCurvePublicKey):
        return None
    key_id = int(info.optional.native) if info.optional is not None else None
    return ChipAuthOffer(info.protocol, key, key_id)


def session_keys(shared_secret: bytes) -> SessionKeys:
    return SessionKeys(
        CipherKind.AES128,
        kdf(shared_secret, 1, CipherKind.AES128),
        kdf(shared_secret, 2, CipherKind.AES128),
        0,
    )


def _uncompressed(key: ec.EllipticCurvePublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)


def perform_chip_auth(channel: SecureChannel, offer: ChipAuthOffer, probe: Command) -> tuple[bool, str]:
    """Runs CA on an open secure channel and switches it to the new keys; ``probe`` (a harmless
    command such as selecting EF.COM) must then succeed under them. Returns (ok, reason)."""
    ephemeral = ec.generate_private_key(offer.public_key.curve)
    oid_value = _oid_value(offer.oid)
    mse = tlv.encode(0x80, oid_value)
    if offer.key_id is not None:
        mse += tlv.encode(0x84, offer.key_id.to_bytes(max(1, (offer.key_id.bit_length() + 7) // 8), "big"))
    answer = exchange(channel, Command(0x00, 0x22, 0x41, 0xA4, mse))
    if not answer.ok:
        return False, f"the chip refused to start chip authentication (status {answer.sw:04X})"
    data = tlv.encode(0x7C, tlv.encode(0x80, _uncompressed(ephemeral.public_key())))
    answer = exchange(channel, Command(0x00, 0x86, 0x00, 0x00, data, le=0))
    if not answer.ok:
        return False, f"the chip refused the ephemeral key (status {answer.sw:04X})"
    channel.keys = session_keys(ephemeral.exchange(ec.ECDH(), offer.public_key))
    try:
        confirmed = exchange(channel, probe)
    except SecureMessagingError:
        return False, "the chip's answers fail under the agreed keys: it does not hold the DG14 private key"
    if not confirmed.ok:
        return False, f"the chip failed under the agreed keys (status {confirmed.sw:04X})"
    return True, "the chip holds the private key of DG14"


def _oid_value(dotted: str) -> bytes:
    return bytes(core.ObjectIdentifier(dotted).dump()[2:])
