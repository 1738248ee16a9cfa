"""Secure messaging (Doc 9303-11 §9.8): both ends of one session.

``SessionKeys`` holds KSenc, KSmac and the send sequence counter, and knows how the terminal
protects a command and checks a response, and how a chip checks a command and protects a response.
The virtual chip uses the chip side, the reader the terminal side; both are pinned to the worked
example of Doc 9303-11 Appendix D in the tests, so they cannot agree on a shared mistake.
"""

from __future__ import annotations

from dataclasses import dataclass

from devices.chip import tlv
from devices.chip.apdu import Command, Response, SecureMessagingError, Transport
from devices.chip.crypto import CipherKind, aes_ecb_block, block_size, decrypt, encrypt, mac, pad, unpad


@dataclass
class SessionKeys:
    kind: CipherKind
    ks_enc: bytes
    ks_mac: bytes
    ssc: int

    @property
    def _block(self) -> int:
        return block_size(self.kind)

    def _ssc_bytes(self) -> bytes:
        return self.ssc.to_bytes(self._block, "big")

    def _iv(self) -> bytes | None:
        # 3DES uses a zero IV; AES uses E(KSenc, SSC) (Doc 9303-11 9.8.6.1)
        return aes_ecb_block(self.ks_enc, self._ssc_bytes()) if self.kind is CipherKind.AES128 else None

    def _mac(self, data: bytes) -> bytes:
        return mac(self.kind, self.ks_mac, pad(self._ssc_bytes() + data, self._block))

    def _encrypted_do(self, ins: int, plain: bytes) -> bytes:
        cipher = encrypt(self.kind, self.ks_enc, pad(plain, self._block), self._iv())
        # odd INS (e.g. READ BINARY B1) carries BER-TLV data: DO85 without the padding indicator
        return tlv.encode(0x85, cipher) if ins & 1 else tlv.encode(0x87, b"\x01" + cipher)

    # --- terminal side -------------------------------------------------------------------------

    def protect(self, command: Command) -> Command:
        self.ssc += 1
        cla = command.cla | 0x0C
        header = pad(bytes([cla, command.ins, command.p1, command.p2]), self._block)
        body = b""
        if command.data:
            body += self._encrypted_do(command.ins, command.data)
        if command.le is not None:
            body += tlv.encode(0x97, bytes([command.le]))
        checksum = self._mac(header + body)
        return Command(cla, command.ins, command.p1, command.p2, body + tlv.encode(0x8E, checksum), le=0)

    def unprotect(self, response: Response) -> Response:
        self.ssc += 1
        if not response.data:
            # the chip answers an error in plain (e.g. 6987/6988 when it rejects our checksum)
            raise SecureMessagingError(f"chip answered {response.sw:04X} without secure messaging")
        try:
            items = tlv.parse_all(response.data)
        except tlv.TLVError as exc:
            raise SecureMessagingError(f"secured response is not TLV: {exc}") from exc
        by_tag = {item.tag: item for item in items}
        checksum = by_tag.get(0x8E)
        if checksum is None:
            raise SecureMessagingError("secured response has no checksum")
        covered = b"".join(tlv.encode(i.tag, i.value) for i in items if i.tag in (0x85, 0x87, 0x99))
        if self._mac(covered) != checksum.value:
            raise SecureMessagingError("secured response failed its MAC: the session is not trusted")
        status = by_tag.get(0x99)
        sw = int.from_bytes(status.value, "big") if status else response.sw
        return Response(self._decrypted(by_tag), sw)

    def _decrypted(self, by_tag: dict[int, tlv.TLV]) -> bytes:
        do87, do85 = by_tag.get(0x87), by_tag.get(0x85)
        if do87 is None and do85 is None:
            return b""
        cipher = do87.value[1:] if do87 is not None else do85.value  # type: ignore[union-attr]
        try:
            return unpad(decrypt(self.kind, self.ks_enc, cipher, self._iv()))
        except ValueError as exc:
            raise SecureMessagingError(f"secured data does not decrypt: {exc}") from exc

    # --- chip side -----------------------------------------------------------------------------

    def unprotect_command(self, command: Command) -> Command:
        """The plain command inside a protected one; raises on a bad checksum."""
        self.ssc += 1
        items = tlv.parse_all(command.data)
        by_tag = {item.tag: item for item in items}
        checksum = by_tag.get(0x8E)
        if checksum is None:
            raise SecureMessagingError("protected command has no checksum")
        header = pad(bytes([command.cla, command.ins, command.p1, command.p2]), self._block)
        covered = b"".join(tlv.encode(i.tag, i.value) for i in items if i.tag in (0x85, 0x87, 0x97))
        if self._mac(header + covered) != checksum.value:
            raise SecureMessagingError("protected command failed its MAC")
        le_do = by_tag.get(0x97)
        le = le_do.value[0] if le_do is not None else None
        return Command(command.cla & ~0x0C, command.ins, command.p1, command.p2, self._decrypted(by_tag), le)

    def protect_response(self, response: Response) -> Response:
        self.ssc += 1
        body = b""
        if response.data:
            body += self._encrypted_do(0, response.data)
        body += tlv.encode(0x99, response.sw.to_bytes(2, "big"))
        return Response(body + tlv.encode(0x8E, self._mac(body)), response.sw)


class SecureChannel:
    """A ``Transport`` that protects every command with ``keys`` and checks every response."""

    def __init__(self, inner: Transport, keys: SessionKeys) -> None:
        self._inner = inner
        self.keys = keys

    def transmit(self, apdu: bytes) -> bytes:
        protected = self.keys.protect(Command.from_bytes(apdu))
        raw = Response.from_bytes(self._inner.transmit(protected.to_bytes()))
        return self.keys.unprotect(raw).to_bytes()
