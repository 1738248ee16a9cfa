"""The symmetric primitives of ICAO 9303-11: key derivation, 3DES and AES in CBC with a zero or
derived IV, ISO 9797-1 padding, the retail MAC and AES-CMAC. Built on ``cryptography``."""

from __future__ import annotations

import enum
import hashlib

from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
from cryptography.hazmat.primitives import cmac
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


class CipherKind(enum.StrEnum):
    """The secure-messaging cipher: BAC always uses 3DES; PACE says which in its OID."""

    DES3 = "3des"
    AES128 = "aes128"


def pad(data: bytes, block: int) -> bytes:
    """ISO/IEC 9797-1 padding method 2: 0x80 then zeros to a whole block (always adds a byte)."""
    padded = data + b"\x80"
    return padded + b"\x00" * (-len(padded) % block)


def unpad(data: bytes) -> bytes:
    stripped = data.rstrip(b"\x00")
    if not stripped.endswith(b"\x80"):
        raise ValueError("bad ISO 9797-1 padding")
    return stripped[:-1]


def _adjust_parity(key: bytes) -> bytes:
    return bytes((b & 0xFE) | ((bin(b & 0xFE).count("1") + 1) % 2) for b in key)


def kdf(seed: bytes, counter: int, kind: CipherKind) -> bytes:
    """Doc 9303-11 9.7.1: counter 1 = encryption key, 2 = MAC key, 3 = PACE password key."""
    if kind is CipherKind.DES3:
        digest = hashlib.sha1(seed + counter.to_bytes(4, "big")).digest()
        return _adjust_parity(digest[:16])
    return hashlib.sha1(seed + counter.to_bytes(4, "big")).digest()[:16]


def block_size(kind: CipherKind) -> int:
    return 8 if kind is CipherKind.DES3 else 16


def _des3(key: bytes) -> TripleDES:
    return TripleDES(key + key[:8] if len(key) == 16 else key)


def encrypt(kind: CipherKind, key: bytes, data: bytes, iv: bytes | None = None) -> bytes:
    """CBC encryption of block-aligned ``data``; the IV defaults to zeros."""
    if kind is CipherKind.DES3:
        enc = Cipher(_des3(key), modes.CBC(iv or bytes(8))).encryptor()
    else:
        enc = Cipher(algorithms.AES(key), modes.CBC(iv or bytes(16))).encryptor()
    return enc.update(data) + enc.finalize()


def decrypt(kind: CipherKind, key: bytes, data: bytes, iv: bytes | None = None) -> bytes:
    if len(data) % block_size(kind):
        raise ValueError("ciphertext is not a whole number of blocks")
    if kind is CipherKind.DES3:
        dec = Cipher(_des3(key), modes.CBC(iv or bytes(8))).decryptor()
    else:
        dec = Cipher(algorithms.AES(key), modes.CBC(iv or bytes(16))).decryptor()
    return dec.update(data) + dec.finalize()


def aes_ecb_block(key: bytes, block: bytes) -> bytes:
    """One AES block, used to derive the SM IV from the send sequence counter."""
    enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return enc.update(block) + enc.finalize()


def retail_mac(key: bytes, padded: bytes) -> bytes:
    """ISO 9797-1 MAC algorithm 3 (DES CBC with a 3DES final block) over already padded data."""
    ka, kb = key[:8], key[8:16]
    chain = bytes(8)
    if len(padded) > 8:
        chain = encrypt(CipherKind.DES3, ka + ka, padded[:-8])[-8:]
    last = bytes(a ^ b for a, b in zip(chain, padded[-8:], strict=True))
    ecb = Cipher(_des3(ka + kb), modes.ECB()).encryptor()
    return ecb.update(last) + ecb.finalize()


def aes_cmac(key: bytes, data: bytes) -> bytes:
    mac = cmac.CMAC(algorithms.AES(key))
    mac.update(data)
    return mac.finalize()[:8]


def mac(kind: CipherKind, key: bytes, padded: bytes) -> bytes:
    """The 8-byte SM checksum of already padded data."""
    return retail_mac(key, padded) if kind is CipherKind.DES3 else aes_cmac(key, padded)
