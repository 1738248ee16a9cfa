"""The Logical Data Structure of the travel-document application (Doc 9303-10): file identifiers,
and parsers for EF.COM, DG1 (the chip's MRZ), DG2 (the face image), DG14/EF.CardAccess
(SecurityInfos) and DG15 (the active-authentication public key).

Data groups are held by name (``"COM"``, ``"SOD"``, ``"DG1"`` ...) everywhere, the way
``DocumentScan.chip`` carries them.
"""

from __future__ import annotations

from dataclasses import dataclass

from asn1crypto import core, keys

from devices.chip import tlv

LDS_AID = bytes.fromhex("A0000002471001")
CARD_ACCESS_FID = 0x011C

# name -> (file identifier, outer tag)
FILES: dict[str, tuple[int, int]] = {
    "COM": (0x011E, 0x60),
    "SOD": (0x011D, 0x77),
    **{
        f"DG{n}": (0x0100 + n, tag)
        for n, tag in zip(
            range(1, 17),
            (
                0x61,
                0x75,
                0x63,
                0x76,
                0x65,
                0x66,
                0x67,
                0x68,
                0x69,
                0x6A,
                0x6B,
                0x6C,
                0x6D,
                0x6E,
                0x6F,
                0x70,
            ),
            strict=True,
        )
    },
}
TAG_TO_NAME = {tag: name for name, (_, tag) in FILES.items()}


class LDSError(ValueError):
    """A data group is malformed; the message names which and why."""


@dataclass(frozen=True)
class Com:
    lds_version: str
    unicode_version: str
    data_groups: tuple[str, ...]


def parse_com(data: bytes) -> Com:
    try:
        outer = tlv.parse_one(data, expected_tag=0x60)
        version = outer.find(0x5F01)
        unicode_version = outer.find(0x5F36)
        tags = outer.require(0x5C).value
    except tlv.TLVError as exc:
        raise LDSError(f"EF.COM is malformed: {exc}") from exc
    names = tuple(TAG_TO_NAME.get(t, f"tag {t:02X}") for t in tags)
    return Com(
        version.value.decode("ascii", "replace") if version else "",
        unicode_version.value.decode("ascii", "replace") if unicode_version else "",
        names,
    )


def parse_dg1(data: bytes) -> str:
    """The MRZ stored on the chip, as lines joined by ``\\n`` (like ``DocumentScan.mrz_text``)."""
    try:
        raw = tlv.parse_one(data, expected_tag=0x61).require(0x5F1F).value.decode("ascii")
    except (tlv.TLVError, UnicodeDecodeError) as exc:
        raise LDSError(f"DG1 is malformed: {exc}") from exc
    width = {90: 30, 72: 36, 88: 44}.get(len(raw))
    if width is None:
        raise LDSError(f"DG1 holds an MRZ of {len(raw)} characters, not 72, 88 or 90")
    return "\n".join(raw[i : i + width] for i in range(0, len(raw), width))


@dataclass(frozen=True)
class FaceImage:
    mime: str  # "image/jpeg" or "image/jp2"
    data: bytes
    width: int
    height: int


_JPEG_SOI = b"\xff\xd8\xff"
_JP2_SIGNATURE = b"\x00\x00\x00\x0cjP  \r\n\x87\n"
_J2K_CODESTREAM = b"\xff\x4f\xff\x51"


def parse_dg2(data: bytes) -> list[FaceImage]:
    """The face images in DG2 (biometric information templates holding ISO/IEC 19794-5 records)."""
    try:
        group = tlv.parse_one(data, expected_tag=0x75).require(0x7F61)
        blocks = [
            (child.find(0x5F2E) or child.find(0x7F2E)) for child in group.children() if child.tag == 0x7F60
        ]
    except tlv.TLVError as exc:
        raise LDSError(f"DG2 is malformed: {exc}") from exc
    faces = [parse_face_record(block.value) for block in blocks if block is not None]
    if not faces:
        raise LDSError("DG2 holds no face image")
    return faces


def parse_face_record(record: bytes) -> FaceImage:
    """ISO/IEC 19794-5 facial record: general header, facial information, feature points, image info."""
    if record[:4] != b"FAC\x00" or len(record) < 46:
        raise LDSError("DG2 face record does not start with an ISO/IEC 19794-5 header")
    pos = 14
    feature_points = int.from_bytes(record[pos + 4 : pos + 6], "big")
    pos += 20 + 8 * feature_points
    if pos + 12 > len(record):
        raise LDSError("DG2 face record is truncated")
    data_type = record[pos + 1]
    width = int.from_bytes(record[pos + 2 : pos + 4], "big")
    height = int.from_bytes(record[pos + 4 : pos + 6], "big")
    image = record[pos + 12 :]
    if image.startswith(_JPEG_SOI) and data_type == 0:
        mime = "image/jpeg"
    elif image.startswith((_JP2_SIGNATURE, _J2K_CODESTREAM)) and data_type == 1:
        mime = "image/jp2"
    else:
        raise LDSError("DG2 face image is neither JPEG nor JPEG 2000")
    return FaceImage(mime, image, width, height)


class _SecurityInfo(core.Sequence):  # type: ignore[misc]  # asn1crypto is untyped
    _fields = [  # noqa: RUF012 - asn1crypto reads this class attribute
        ("protocol", core.ObjectIdentifier),
        ("required_data", core.Any),
        ("optional_data", core.Any, {"optional": True}),
    ]


class _SecurityInfos(core.SetOf):  # type: ignore[misc]  # asn1crypto is untyped
    _child_spec = _SecurityInfo


@dataclass(frozen=True)
class SecurityInfo:
    protocol: str  # dotted OID
    required: core.Asn1Value
    optional: core.Asn1Value | None
    required_der: bytes = b""  # e.g. the SubjectPublicKeyInfo of a ChipAuthenticationPublicKeyInfo


def parse_security_infos(data: bytes) -> list[SecurityInfo]:
    """The SecurityInfos of EF.CardAccess (bare SET) or DG14 (inside tag 6E)."""
    try:
        if data[:1] == b"\x6e":
            data = tlv.parse_one(data, expected_tag=0x6E).value
        parsed = _SecurityInfos.load(data)
        result = []
        for info in parsed:
            optional = info["optional_data"]
            result.append(
                SecurityInfo(
                    info["protocol"].dotted,
                    info["required_data"].parsed,
                    optional.parsed if optional.native is not None else None,
                    info["required_data"].dump(),
                )
            )
        return result
    except (ValueError, TypeError, tlv.TLVError) as exc:
        raise LDSError(f"SecurityInfos are malformed: {exc}") from exc


def parse_dg15(data: bytes) -> keys.PublicKeyInfo:
    """The active-authentication public key (SubjectPublicKeyInfo inside tag 6F)."""
    try:
        spki = keys.PublicKeyInfo.load(tlv.parse_one(data, expected_tag=0x6F).value)
        _ = spki.algorithm  # forces parsing, so a malformed key fails here
    except (ValueError, TypeError, tlv.TLVError) as exc:
        raise LDSError(f"DG15 is malformed: {exc}") from exc
    return spki
