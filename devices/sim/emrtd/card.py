"""The virtual chip: the travel-document application's commands, answered the way ICAO 9303 chips
answer them, including the refusals (no access before BAC/PACE, a wrong key, a broken checksum).

``VirtualChip.transmit`` is a ``Transport``: tests plug it straight into the reader, and the vpcd
bridge feeds it APDUs from pcscd. ``ChipSlot`` is an in-process reader slot a document can be
lifted from and put back onto, to test resumed reads.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from asn1crypto import core
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa, utils

from devices.chip import pace, tlv
from devices.chip.apdu import (
    CardRemovedError,
    ChipError,
    Command,
    NoCardError,
    Response,
    SecureMessagingError,
)
from devices.chip.bac import derive_bac_keys, session_from_seed
from devices.chip.chip_auth import CA_ECDH_AES128
from devices.chip.chip_auth import session_keys as chip_auth_keys
from devices.chip.crypto import CipherKind, decrypt, encrypt, pad, retail_mac
from devices.chip.lds import CARD_ACCESS_FID, FILES, LDS_AID
from devices.chip.sm import SessionKeys
from devices.sim.emrtd.passport import ChipImage

SW_OK = 0x9000
SW_AUTH_FAILED = 0x6300
SW_WRONG_LENGTH = 0x6700
SW_SECURITY_NOT_SATISFIED = 0x6982
SW_SM_MISSING = 0x6987
SW_SM_INCORRECT = 0x6988
SW_NOT_FOUND = 0x6A82
SW_WRONG_P1P2 = 0x6B00
SW_CONDITIONS = 0x6985
SW_INS_UNKNOWN = 0x6D00

ATR = bytes.fromhex("3B8880011122334455667788")  # contactless-style ATR; pcscd only needs it well-formed
_FID_TO_NAME = {fid: name for name, (fid, _) in FILES.items()}
_SFI_TO_NAME = {fid & 0x1F: name for name, (fid, _) in FILES.items()}


@dataclass
class _PaceState:
    offer: pace.PaceOffer
    nonce: bytes = b""
    generator: pace.Point = None
    secret: int = 0
    public: pace.Point = None
    terminal_public: pace.Point = None
    step: int = 0


class VirtualChip:
    """One chip serving ``image``. ``counts`` tallies commands by name, so tests can see, e.g.,
    that a wrong key was tried once and not in a storm."""

    def __init__(
        self, image: ChipImage, *, random: Callable[[int], bytes] = os.urandom, open_access: bool = False
    ) -> None:
        """``open_access``: serve the data groups without BAC/PACE, like first-generation chips
        (used as the benchmark's baseline of plain reads)."""
        self.image = image
        self._open_access = open_access
        self._random = random
        self.counts: Counter[str] = Counter()
        self.reset()

    def reset(self) -> None:
        """Power cycle: a chip forgets its session when it leaves the field."""
        self._app_selected = False
        self._current: str | None = None
        self._sm: SessionKeys | None = None
        self._rnd_ic: bytes | None = None
        self._pace: _PaceState | None = None
        self._ca_selected = False
        self._next_sm: SessionKeys | None = None  # keys agreed by chip authentication, used after this answer

    @property
    def _access_granted(self) -> bool:
        return self._sm is not None or self._open_access

    # --- dispatch -------------------------------------------------------------------------------

    def transmit(self, apdu: bytes) -> bytes:
        try:
            command = Command.from_bytes(apdu)
        except ValueError:
            return Response(b"", SW_WRONG_LENGTH).to_bytes()
        secured = self._sm is not None and command.cla & 0x0C == 0x0C
        if self._sm is not None and not secured:
            self._sm = None  # a plain command ends the secure session (Doc 9303-11 9.8.4)
        if secured:
            assert self._sm is not None
            try:
                command = self._sm.unprotect_command(command)
            except (SecureMessagingError, ValueError, tlv.TLVError):
                self._sm = None
                self.counts["sm_error"] += 1
                return Response(b"", SW_SM_INCORRECT).to_bytes()
        response = self._handle(command)
        if secured and self._sm is not None:
            response = self._sm.protect_response(response)
        if self._next_sm is not None:
            self._sm, self._next_sm = self._next_sm, None
        return response.to_bytes()

    def _handle(self, command: Command) -> Response:
        handlers = {
            0xA4: self._select,
            0xB0: self._read_binary,
            0x84: self._get_challenge,
            0x82: self._mutual_authenticate,
            0x88: self._internal_authenticate,
            0x22: self._manage_security_environment,
            0x86: self._general_authenticate,
        }
        handler = handlers.get(command.ins)
        if handler is None:
            return Response(b"", SW_INS_UNKNOWN)
        self.counts[handler.__name__.lstrip("_")] += 1
        return handler(command)

    # --- files ----------------------------------------------------------------------------------

    def _select(self, command: Command) -> Response:
        if command.p1 == 0x04:
            if command.data != LDS_AID:
                return Response(b"", SW_NOT_FOUND)
            self._app_selected, self._current = True, None
            return Response(b"", SW_OK)
        if command.p1 in (0x00, 0x02) and len(command.data) == 2:
            fid = int.from_bytes(command.data, "big")
            if fid == CARD_ACCESS_FID and self.image.card_access is not None:
                self._current = "CardAccess"
                return Response(b"", SW_OK)
            name = _FID_TO_NAME.get(fid)
            if name is None or name not in self.image.files or not self._app_selected:
                return Response(b"", SW_NOT_FOUND)
            if not self._access_granted:
                return Response(b"", SW_SECURITY_NOT_SATISFIED)
            self._current = name
            return Response(b"", SW_OK)
        return Response(b"", SW_WRONG_P1P2)

    def _file(self, name: str) -> bytes | None:
        if name == "CardAccess":
            return self.image.card_access
        return self.image.files.get(name)

    def _read_binary(self, command: Command) -> Response:
        if command.p1 & 0x80:
            name = _SFI_TO_NAME.get(command.p1 & 0x1F)
            if name is None or name not in self.image.files:
                return Response(b"", SW_NOT_FOUND)
            if not self._access_granted:
                return Response(b"", SW_SECURITY_NOT_SATISFIED)
            self._current, offset = name, command.p2
        else:
            offset = (command.p1 << 8) | command.p2
        if self._current is None:
            return Response(b"", SW_CONDITIONS)
        if self._current != "CardAccess" and not self._access_granted:
            return Response(b"", SW_SECURITY_NOT_SATISFIED)
        data = self._file(self._current) or b""
        if offset > len(data):
            return Response(b"", SW_WRONG_P1P2)
        length = command.le if command.le else 256
        return Response(data[offset : offset + length], SW_OK)

    # --- BAC ------------------------------------------------------------------------------------

    def _get_challenge(self, command: Command) -> Response:
        self._rnd_ic = self._random(8)
        return Response(self._rnd_ic, SW_OK)

    def _mutual_authenticate(self, command: Command) -> Response:
        rnd_ic, self._rnd_ic = self._rnd_ic, None
        if rnd_ic is None or len(command.data) != 40 or not self._app_selected:
            return Response(b"", SW_CONDITIONS)
        k_enc, k_mac = derive_bac_keys(self.image.access_key)
        e_ifd, m_ifd = command.data[:32], command.data[32:]
        if retail_mac(k_mac, pad(e_ifd, 8)) != m_ifd:
            return Response(b"", SW_AUTH_FAILED)
        plain = decrypt(CipherKind.DES3, k_enc, e_ifd)
        rnd_ifd, k_ifd = plain[:8], plain[16:32]
        if plain[8:16] != rnd_ic:
            return Response(b"", SW_AUTH_FAILED)
        k_ic = self._random(16)
        e_ic = encrypt(CipherKind.DES3, k_enc, rnd_ic + rnd_ifd + k_ic)
        answer = e_ic + retail_mac(k_mac, pad(e_ic, 8))
        seed = bytes(a ^ b for a, b in zip(k_ifd, k_ic, strict=True))
        self._sm = session_from_seed(seed, int.from_bytes(rnd_ic[4:] + rnd_ifd[4:], "big"), CipherKind.DES3)
        return Response(answer, SW_OK)

    # --- active authentication ------------------------------------------------------------------

    def _internal_authenticate(self, command: Command) -> Response:
        key = self.image.aa_key
        if key is None:
            return Response(b"", SW_INS_UNKNOWN)
        if not self._access_granted:
            return Response(b"", SW_SECURITY_NOT_SATISFIED)
        if isinstance(key, rsa.RSAPrivateKey):
            return Response(self._iso9796_2_sign(key, command.data), SW_OK)
        der = key.sign(command.data, ec.ECDSA(hashes.SHA256()))
        r, s = utils.decode_dss_signature(der)
        return Response(r.to_bytes(32, "big") + s.to_bytes(32, "big"), SW_OK)

    def _iso9796_2_sign(self, key: rsa.RSAPrivateKey, challenge: bytes) -> bytes:
        """ISO/IEC 9796-2 scheme 1, SHA-1, partial recovery: 6A || M1 || SHA1(M1 || challenge) || BC."""
        numbers = key.private_numbers()
        n = numbers.public_numbers.n
        size = (n.bit_length() + 7) // 8
        m1 = self._random(size - 20 - 2)
        representative = b"\x6a" + m1 + hashlib.sha1(m1 + challenge).digest() + b"\xbc"
        return pow(int.from_bytes(representative, "big"), numbers.d, n).to_bytes(size, "big")

    # --- PACE -----------------------------------------------------------------------------------

    def _manage_security_environment(self, command: Command) -> Response:
        if (command.p1, command.p2) == (0x41, 0xA4):
            return self._set_chip_auth(command)
        if (command.p1, command.p2) != (0xC1, 0xA4) or self.image.card_access is None:
            return Response(b"", SW_WRONG_P1P2)
        try:
            fields = {item.tag: item.value for item in tlv.parse_all(command.data)}
            oid = core.ObjectIdentifier.load(b"\x06" + bytes([len(fields[0x80])]) + fields[0x80]).dotted
        except (KeyError, ValueError, tlv.TLVError):
            return Response(b"", SW_WRONG_LENGTH)
        parameter = fields.get(0x84, bytes([pace.PARAM_P256]))[0]
        if oid != pace.PACE_ECDH_GM_AES128 or parameter not in pace.CURVES or fields.get(0x83) != b"\x01":
            return Response(b"", SW_WRONG_P1P2)
        self._pace = _PaceState(pace.PaceOffer(oid, parameter))
        self._sm = None
        return Response(b"", SW_OK)

    def _set_chip_auth(self, command: Command) -> Response:
        if self.image.ca_key is None or self._sm is None:
            return Response(b"", SW_CONDITIONS)
        fields = {item.tag: item.value for item in tlv.parse_all(command.data)}
        if fields.get(0x80) != core.ObjectIdentifier(CA_ECDH_AES128).dump()[2:]:
            return Response(b"", SW_WRONG_P1P2)
        self._ca_selected = True
        return Response(b"", SW_OK)

    def _chip_authenticate(self, command: Command) -> Response:
        self._ca_selected = False
        key = self.image.ca_key
        assert key is not None  # _set_chip_auth checked it
        try:
            items = tlv.parse_one(command.data, expected_tag=0x7C).children()
            terminal = ec.EllipticCurvePublicKey.from_encoded_point(key.curve, items[0].value)
        except (tlv.TLVError, IndexError, ValueError):
            return Response(b"", SW_WRONG_LENGTH)
        self._next_sm = chip_auth_keys(key.exchange(ec.ECDH(), terminal))
        return Response(tlv.encode(0x7C, b""), SW_OK)

    def _general_authenticate(self, command: Command) -> Response:
        if self._ca_selected:
            return self._chip_authenticate(command)
        state = self._pace
        if state is None:
            return Response(b"", SW_CONDITIONS)
        curve = pace.CURVES[state.offer.parameter_id]
        try:
            items = tlv.parse_one(command.data, expected_tag=0x7C).children()
            value = items[0].value if items else b""
            if state.step == 0:
                state.nonce = self._random(16)
                encrypted = encrypt(CipherKind.AES128, pace.password_key(self.image.access_key), state.nonce)
                answer = tlv.encode(0x80, encrypted)
            elif state.step == 1:
                terminal_map = pace.decode_point(curve, value)
                secret, public = pace.keypair(curve, curve.g)
                shared = pace.multiply(curve, secret, terminal_map)
                state.generator = pace.mapped_generator(curve, state.nonce, shared)
                answer = tlv.encode(0x82, pace.encode_point(curve, public))
            elif state.step == 2:
                state.secret, state.public = pace.keypair(curve, state.generator)
                state.terminal_public = pace.decode_point(curve, value)
                answer = tlv.encode(0x84, pace.encode_point(curve, state.public))
            else:
                terminal_public = state.terminal_public
                keys = pace.session_keys(curve, pace.multiply(curve, state.secret, terminal_public))
                self._pace = None
                if value != pace.token(keys.ks_mac, state.offer.oid, curve, state.public):
                    return Response(b"", SW_AUTH_FAILED)
                answer = tlv.encode(0x86, pace.token(keys.ks_mac, state.offer.oid, curve, terminal_public))
                self._sm = keys
                return Response(tlv.encode(0x7C, answer), SW_OK)
        except (tlv.TLVError, IndexError, ValueError, ChipError):
            self._pace = None
            return Response(b"", SW_WRONG_LENGTH)
        state.step += 1
        return Response(tlv.encode(0x7C, answer), SW_OK)


class ChipSlot:
    """An in-process reader slot: ``connect`` waits for a chip, ``lift``/``put_back`` move the
    document, and ``lift_after`` lifts it in the middle of the N-th exchange from now (a traveller
    taking the passport away mid-read)."""

    def __init__(self, chip: VirtualChip | None = None) -> None:
        self._chip = chip
        self._changed = threading.Condition()
        self._lift_countdown: int | None = None
        self._present = chip is not None
        self.exchanges = 0

    def put_back(self, chip: VirtualChip | None = None) -> None:
        with self._changed:
            self._chip = chip or self._chip
            if self._chip is not None:
                self._chip.reset()
            self._present = True
            self._changed.notify_all()

    def lift(self) -> None:
        with self._changed:
            self._present = False
            self._changed.notify_all()

    def lift_after(self, exchanges: int) -> None:
        self._lift_countdown = exchanges

    @property
    def present(self) -> bool:
        return self._present

    def connect(self, timeout: float) -> _SlotTransport:
        with self._changed:
            if not self._changed.wait_for(lambda: self.present and self._chip is not None, timeout):
                raise NoCardError("no chip on the reader")
            assert self._chip is not None
            self._chip.reset()
            return _SlotTransport(self, self._chip)

    def _transmit(self, chip: VirtualChip, apdu: bytes) -> bytes:
        with self._changed:
            if not self.present:
                raise CardRemovedError("the document was lifted from the reader")
            self.exchanges += 1
            if self._lift_countdown is not None:
                self._lift_countdown -= 1
                if self._lift_countdown <= 0:
                    self._lift_countdown = None
                    self._present = False
                    self._changed.notify_all()
                    raise CardRemovedError("the document was lifted from the reader")
        return chip.transmit(apdu)


class _SlotTransport:
    def __init__(self, slot: ChipSlot, chip: VirtualChip) -> None:
        self._slot, self._chip = slot, chip

    def transmit(self, apdu: bytes) -> bytes:
        return self._slot._transmit(self._chip, apdu)

    def close(self) -> None:
        """Nothing to release in-process (the protocol exists for PC/SC handles)."""
