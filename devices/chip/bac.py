"""Basic Access Control (Doc 9303-11 §4.3): the access key from the MRZ and the terminal's side of
the mutual authentication, ending in secure-messaging session keys.

The key is the document number, birth date and expiry date with their check digits, so it is taken
from the MRZ the station already read. A failed authentication is reported once as
``AccessDeniedError``: retrying the same wrong key cannot succeed, and some chips slow down or count
failed attempts.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass

from devices.chip.apdu import AccessDeniedError, ChipError, Command, Transport, exchange
from devices.chip.crypto import CipherKind, decrypt, encrypt, kdf, pad, retail_mac
from devices.chip.sm import SessionKeys
from mrz.checkdigit import check_digit


class MRZKeyError(ValueError):
    """The text does not hold the fields a chip access key is made of."""


@dataclass(frozen=True)
class AccessKey:
    """The MRZ fields that open the chip (BAC and PACE with the MRZ as password)."""

    document_number: str
    birth_date: str  # YYMMDD as in the MRZ
    expiry_date: str  # YYMMDD

    @property
    def mrz_information(self) -> str:
        number = self.document_number.ljust(9, "<")
        return (
            number
            + check_digit(number)
            + self.birth_date
            + check_digit(self.birth_date)
            + self.expiry_date
            + check_digit(self.expiry_date)
        )

    @property
    def seed(self) -> bytes:
        """SHA-1 of the MRZ information; its first 16 bytes are BAC's Kseed, all 20 PACE's K."""
        return hashlib.sha1(self.mrz_information.encode("ascii")).digest()

    @classmethod
    def from_mrz(cls, text: str) -> AccessKey:
        """The key from a printed or chip MRZ of format TD1, TD2 or TD3 (lines joined by newlines)."""
        lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
        shape = tuple(len(line) for line in lines)
        if shape == (30, 30, 30):
            number, line2 = lines[0][5:14], lines[1]
            if lines[0][14] == "<":  # Doc 9303-5 4.2.4: long number continues in the optional data
                extra = lines[0][15:30].split("<", 1)[0]
                number = number + extra[:-1]
            birth, expiry = line2[0:6], line2[8:14]
        elif shape in ((44, 44), (36, 36)):
            line2 = lines[1]
            number, birth, expiry = line2[0:9], line2[13:19], line2[21:27]
        else:
            raise MRZKeyError(f"not a TD1/TD2/TD3 MRZ (line lengths {shape})")
        number = number.rstrip("<")
        if not number or not (birth.isdigit() and expiry.isdigit()):
            raise MRZKeyError("the MRZ lacks a document number or readable dates")
        return cls(number, birth, expiry)


def derive_bac_keys(key: AccessKey) -> tuple[bytes, bytes]:
    """(Kenc, Kmac) for the mutual authentication."""
    seed = key.seed[:16]
    return kdf(seed, 1, CipherKind.DES3), kdf(seed, 2, CipherKind.DES3)


def session_from_seed(seed: bytes, ssc: int, kind: CipherKind) -> SessionKeys:
    return SessionKeys(kind, kdf(seed, 1, kind), kdf(seed, 2, kind), ssc)


def perform_bac(
    transport: Transport, key: AccessKey, *, random: Callable[[int], bytes] = os.urandom
) -> SessionKeys:
    """Runs GET CHALLENGE and MUTUAL AUTHENTICATE once; returns the session keys."""
    k_enc, k_mac = derive_bac_keys(key)
    challenge = exchange(transport, Command(0x00, 0x84, 0x00, 0x00, le=8))
    if not challenge.ok or len(challenge.data) != 8:
        raise ChipError(f"the chip did not give a BAC challenge (status {challenge.sw:04X})")
    rnd_ic = challenge.data
    rnd_ifd, k_ifd = random(8), random(16)
    e_ifd = encrypt(CipherKind.DES3, k_enc, rnd_ifd + rnd_ic + k_ifd)
    m_ifd = retail_mac(k_mac, pad(e_ifd, 8))
    answer = exchange(transport, Command(0x00, 0x82, 0x00, 0x00, e_ifd + m_ifd, le=40))
    if not answer.ok or len(answer.data) != 40:
        raise AccessDeniedError(
            "The chip refused access (BAC): the MRZ read from the page does not open this chip. "
            "Check the MRZ (document number, dates) or enter it by hand."
        )
    e_ic, m_ic = answer.data[:32], answer.data[32:]
    if retail_mac(k_mac, pad(e_ic, 8)) != m_ic:
        raise AccessDeniedError("The chip's BAC answer failed its MAC: access not established.")
    plain = decrypt(CipherKind.DES3, k_enc, e_ic)
    if plain[:8] != rnd_ic or plain[8:16] != rnd_ifd:
        raise AccessDeniedError("The chip's BAC answer does not match our challenge: access not established.")
    k_ic = plain[16:32]
    seed = bytes(a ^ b for a, b in zip(k_ifd, k_ic, strict=True))
    ssc = int.from_bytes(rnd_ic[4:] + rnd_ifd[4:], "big")
    return session_from_seed(seed, ssc, CipherKind.DES3)
