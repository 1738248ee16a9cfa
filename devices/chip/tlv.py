"""BER-TLV as ICAO 9303 uses it (multi-byte tags, definite lengths), as pure functions of bytes.

Chip data comes from a device that may be forged or torn, so every parse error is a ``TLVError``
with the offset where the bytes stopped making sense, never an ``IndexError``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


class TLVError(ValueError):
    """The bytes are not well-formed BER-TLV."""


@dataclass(frozen=True)
class TLV:
    tag: int
    value: bytes

    def children(self) -> list[TLV]:
        """The value parsed as a sequence of TLVs (for constructed tags)."""
        return parse_all(self.value)

    def find(self, tag: int) -> TLV | None:
        """The first direct child with ``tag``, or ``None``."""
        return next((child for child in self.children() if child.tag == tag), None)

    def require(self, tag: int) -> TLV:
        found = self.find(tag)
        if found is None:
            raise TLVError(f"tag {tag:X} missing inside {self.tag:X}")
        return found


def _read_tag(data: bytes, pos: int) -> tuple[int, int]:
    if pos >= len(data):
        raise TLVError(f"tag expected at offset {pos}, data ends")
    tag = data[pos]
    pos += 1
    if tag & 0x1F == 0x1F:
        while True:
            if pos >= len(data):
                raise TLVError(f"multi-byte tag truncated at offset {pos}")
            byte = data[pos]
            tag = (tag << 8) | byte
            pos += 1
            if not byte & 0x80:
                break
            if tag > 0xFFFFFF:
                raise TLVError(f"tag longer than 3 bytes at offset {pos}")
    return tag, pos


def _read_length(data: bytes, pos: int) -> tuple[int, int]:
    if pos >= len(data):
        raise TLVError(f"length expected at offset {pos}, data ends")
    first = data[pos]
    pos += 1
    if first < 0x80:
        return first, pos
    count = first & 0x7F
    if count == 0 or count > 4:
        raise TLVError(f"unsupported length form {first:#04x} at offset {pos - 1}")
    if pos + count > len(data):
        raise TLVError(f"length truncated at offset {pos}")
    return int.from_bytes(data[pos : pos + count], "big"), pos + count


def parse_header(data: bytes, pos: int = 0) -> tuple[int, int, int]:
    """``(tag, length, value_offset)`` of the TLV at ``pos``; the value itself may not be there yet
    (a reader uses this on a file's first bytes to learn how long the file is)."""
    tag, pos = _read_tag(data, pos)
    length, pos = _read_length(data, pos)
    return tag, length, pos


def iter_tlv(data: bytes) -> Iterator[TLV]:
    pos = 0
    while pos < len(data):
        tag, length, start = parse_header(data, pos)
        end = start + length
        if end > len(data):
            raise TLVError(
                f"value of tag {tag:X} needs {length} bytes at offset {start}, {len(data) - start} left"
            )
        yield TLV(tag, data[start:end])
        pos = end


def parse_all(data: bytes) -> list[TLV]:
    return list(iter_tlv(data))


def parse_one(data: bytes, *, expected_tag: int | None = None) -> TLV:
    """Exactly one TLV spanning ``data`` (trailing bytes are an error: a torn or padded file)."""
    items = parse_all(data)
    if len(items) != 1:
        raise TLVError(f"expected one TLV, found {len(items)}")
    if expected_tag is not None and items[0].tag != expected_tag:
        raise TLVError(f"expected tag {expected_tag:X}, found {items[0].tag:X}")
    return items[0]


def encode_length(length: int) -> bytes:
    if length < 0x80:
        return bytes([length])
    raw = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(raw)]) + raw


def encode_tag(tag: int) -> bytes:
    return tag.to_bytes(max(1, (tag.bit_length() + 7) // 8), "big")


def encode(tag: int, value: bytes) -> bytes:
    return encode_tag(tag) + encode_length(len(value)) + value
