"""Active authentication (Doc 9303-11 §6.1): the chip proves it holds the private key whose public
half is in DG15, by signing a fresh challenge. A cloned chip copies DG15 but not the key, so its
signature fails. The reader records the challenge and the answer; verification is a pure function,
so it can be redone later from the stored data.
"""

from __future__ import annotations

import hashlib

from asn1crypto import keys
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa, utils

from devices.chip.lds import SecurityInfo

AA_INFO_OID = "2.23.136.1.1.5"
# BSI TR-03111 ecdsa-plain-signatures
ECDSA_PLAIN: dict[str, str] = {
    "0.4.0.127.0.7.1.1.4.1.1": "sha1",
    "0.4.0.127.0.7.1.1.4.1.2": "sha224",
    "0.4.0.127.0.7.1.1.4.1.3": "sha256",
    "0.4.0.127.0.7.1.1.4.1.4": "sha384",
    "0.4.0.127.0.7.1.1.4.1.5": "sha512",
}
# ISO/IEC 10118-3 hash identifiers used in ISO/IEC 9796-2 two-byte trailers
_ISO9796_HASH = {0x33: "sha1", 0x34: "sha256", 0x35: "sha512", 0x36: "sha384", 0x38: "sha224"}
_HASHES: dict[str, hashes.HashAlgorithm] = {
    "sha1": hashes.SHA1(),
    "sha224": hashes.SHA224(),
    "sha256": hashes.SHA256(),
    "sha384": hashes.SHA384(),
    "sha512": hashes.SHA512(),
}


class ActiveAuthError(ValueError):
    """Active authentication cannot be judged (unsupported key or algorithm); not a failure."""


def ecdsa_hash_from_dg14(infos: list[SecurityInfo]) -> str | None:
    """The hash of an ECDSA active authentication, from DG14's ActiveAuthenticationInfo."""
    for info in infos:
        if info.protocol == AA_INFO_OID and info.optional is not None:
            return ECDSA_PLAIN.get(str(info.optional.dotted))
    return None


def verify(
    public_key: keys.PublicKeyInfo, challenge: bytes, signature: bytes, ecdsa_hash: str | None
) -> bool:
    """Whether ``signature`` is the chip's answer to ``challenge`` under DG15's key."""
    key = serialization.load_der_public_key(public_key.dump())
    if isinstance(key, ec.EllipticCurvePublicKey):
        if ecdsa_hash is None:
            raise ActiveAuthError("ECDSA active authentication without an ActiveAuthenticationInfo in DG14")
        size = len(signature) // 2
        der = utils.encode_dss_signature(
            int.from_bytes(signature[:size], "big"), int.from_bytes(signature[size:], "big")
        )
        try:
            key.verify(der, challenge, ec.ECDSA(_HASHES[ecdsa_hash]))
        except InvalidSignature:
            return False
        return True
    if isinstance(key, rsa.RSAPublicKey):
        return _verify_iso9796_2(key, challenge, signature)
    raise ActiveAuthError(f"active authentication with a {type(key).__name__} is not supported")


def _verify_iso9796_2(key: rsa.RSAPublicKey, challenge: bytes, signature: bytes) -> bool:
    """ISO/IEC 9796-2 digital signature scheme 1 with partial message recovery."""
    numbers = key.public_numbers()
    size = (numbers.n.bit_length() + 7) // 8
    value = pow(int.from_bytes(signature, "big"), numbers.e, numbers.n)
    message = value.to_bytes(size, "big")
    if message[-1] == 0xBC:
        name, trailer = "sha1", 1
    elif message[-1] == 0xCC and message[-2] in _ISO9796_HASH:
        name, trailer = _ISO9796_HASH[message[-2]], 2
    else:
        return False
    if message[0] & 0xC0 != 0x40 or not message[0] & 0x20:  # header 01, partial recovery flag
        return False
    digest_size = hashlib.new(name).digest_size
    digest = message[-trailer - digest_size : -trailer]
    recovered = message[1 : -trailer - digest_size]
    return hashlib.new(name, recovered + challenge).digest() == digest
