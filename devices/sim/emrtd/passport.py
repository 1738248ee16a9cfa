"""The chip contents of a synthetic passport: EF.COM, DG1, DG2, DG14, DG15, EF.SOD signed by the
test PKI, EF.CardAccess when PACE is offered, and the active-authentication key; plus the forged
variants the chip checks must catch.

``ChipImage`` is what a virtual chip serves; it round-trips through JSON so a chip process (the
vpcd card) can serve exactly what a test built.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import cv2
from asn1crypto import algos, cms, core, keys
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from devices.chip import tlv
from devices.chip.active import AA_INFO_OID
from devices.chip.bac import AccessKey
from devices.chip.chip_auth import CA_ECDH_AES128, PK_ECDH
from devices.chip.lds import FILES
from devices.chip.pace import PACE_ECDH_GM_AES128, PARAM_P256
from devices.chip.passive import LDS_SECURITY_OBJECT_OID, LDSSecurityObject
from devices.sim.document import draw_face
from devices.sim.emrtd.pki import Signer, TestPKI, derived_key

ECDSA_PLAIN_SHA256 = "0.4.0.127.0.7.1.1.4.1.3"
AAKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey


class Forgery(enum.StrEnum):
    """What is wrong with a chip; each one must produce its own failing finding."""

    GENUINE = "genuine"
    ALTERED_DG1 = "altered-dg1"  # DG1 rewritten after signing: its hash no longer matches
    SWAPPED_DG2 = "swapped-dg2"  # another face in DG2: its hash no longer matches
    UNTRUSTED_SIGNER = "untrusted-signer"  # SOD signed under a CSCA the booth does not trust
    REVOKED_SIGNER = "revoked-signer"  # SOD signed by a document signer on the CSCA's CRL
    CLONED_CHIP = "cloned-chip"  # data copied to a chip without the original AA private key


@dataclass(frozen=True)
class ChipImage:
    files: Mapping[str, bytes]
    access_key: AccessKey
    aa_key: AAKey | None = None
    card_access: bytes | None = None  # EF.CardAccess: present when the chip offers PACE
    ca_key: ec.EllipticCurvePrivateKey | None = None  # chip authentication key (public half in DG14)
    extras: Mapping[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "files": {name: data.hex() for name, data in self.files.items()},
            "access_key": [
                self.access_key.document_number,
                self.access_key.birth_date,
                self.access_key.expiry_date,
            ],
            "aa_key": _pem(self.aa_key) if self.aa_key else None,
            "card_access": self.card_access.hex() if self.card_access is not None else None,
            "ca_key": _pem(self.ca_key) if self.ca_key else None,
            "extras": dict(self.extras),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ChipImage:
        aa_key = None
        if data.get("aa_key"):
            loaded = serialization.load_pem_private_key(data["aa_key"].encode(), None)
            if not isinstance(loaded, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
                raise ValueError("the chip image's AA key is neither EC nor RSA")
            aa_key = loaded
        return cls(
            files={name: bytes.fromhex(h) for name, h in data["files"].items()},
            access_key=AccessKey(*data["access_key"]),
            aa_key=aa_key,
            card_access=bytes.fromhex(data["card_access"]) if data.get("card_access") else None,
            ca_key=_ec_key(data["ca_key"]) if data.get("ca_key") else None,
            extras=dict(data.get("extras", {})),
        )

    def save(self, path: str) -> None:
        with open(path, "w", encoding="utf-8") as out:
            json.dump(self.to_json(), out)

    @classmethod
    def load(cls, path: str) -> ChipImage:
        with open(path, encoding="utf-8") as src:
            return cls.from_json(json.load(src))


def _pem(key: AAKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def _ec_key(pem: str) -> ec.EllipticCurvePrivateKey:
    loaded = serialization.load_pem_private_key(pem.encode(), None)
    if not isinstance(loaded, ec.EllipticCurvePrivateKey):
        raise ValueError("the chip image's chip-authentication key is not an EC key")
    return loaded


def face_jpeg(seed: int, *, size: int = 20_000) -> bytes:
    """A drawn portrait as JPEG, padded with comment segments to about ``size`` bytes (a chip's
    DG2 is typically 15-25 KB; the padding keeps benchmarks honest about bytes on the wire)."""
    ok, encoded = cv2.imencode(".jpg", draw_face(240, 320, seed), [cv2.IMWRITE_JPEG_QUALITY, 90])
    if not ok:
        raise RuntimeError("JPEG encoding failed")
    jpeg = encoded.tobytes()
    padding = b""
    while len(jpeg) + len(padding) + 4 < size:
        chunk = min(65_533, size - len(jpeg) - len(padding) - 4)
        padding += b"\xff\xfe" + (chunk + 2).to_bytes(2, "big") + bytes(chunk)
    return jpeg[:2] + padding + jpeg[2:]


def encode_dg1(mrz_text: str) -> bytes:
    return tlv.encode(0x61, tlv.encode(0x5F1F, mrz_text.replace("\n", "").encode("ascii")))


def encode_dg2(jpeg: bytes, width: int = 240, height: int = 320) -> bytes:
    image_info = (
        bytes([1, 0]) + width.to_bytes(2, "big") + height.to_bytes(2, "big") + bytes([1, 2, 0, 0, 0, 0])
    )
    facial_info = (20 + 12 + len(jpeg)).to_bytes(4, "big") + bytes(16)
    body = facial_info + image_info + jpeg
    record = b"FAC\x00010\x00" + (14 + len(body)).to_bytes(4, "big") + (1).to_bytes(2, "big") + body
    header = tlv.encode(
        0xA1, tlv.encode(0x81, b"\x02") + tlv.encode(0x87, b"\x01\x01") + tlv.encode(0x88, b"\x00\x08")
    )
    template = tlv.encode(0x7F60, header + tlv.encode(0x5F2E, record))
    return tlv.encode(0x75, tlv.encode(0x7F61, tlv.encode(0x02, b"\x01") + template))


def encode_dg14(*, aa: bool, ca_public: ec.EllipticCurvePublicKey | None = None) -> bytes:
    """SecurityInfos: ActiveAuthenticationInfo (ECDSA with SHA-256) and/or ChipAuthenticationInfo
    with its ChipAuthenticationPublicKeyInfo (ECDH, AES-128)."""
    infos = []
    if ca_public is not None:
        spki = ca_public.public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        infos.append(_sequence(core.ObjectIdentifier(CA_ECDH_AES128), core.Integer(1)))
        infos.append(tlv.encode(0x30, core.ObjectIdentifier(PK_ECDH).dump() + spki))
    if aa:
        infos.append(
            _sequence(
                core.ObjectIdentifier(AA_INFO_OID), core.Integer(1), core.ObjectIdentifier(ECDSA_PLAIN_SHA256)
            )
        )
    return tlv.encode(0x6E, tlv.encode(0x31, b"".join(infos)))


def encode_card_access(parameter_id: int = PARAM_P256) -> bytes:
    """SecurityInfos with one PACEInfo: ECDH Generic Mapping, AES-128, on the curve ``parameter_id``."""
    info = _sequence(core.ObjectIdentifier(PACE_ECDH_GM_AES128), core.Integer(2), core.Integer(parameter_id))
    return tlv.encode(0x31, info)


def _sequence(*items: core.Asn1Value) -> bytes:
    return tlv.encode(0x30, b"".join(item.dump() for item in items))


def encode_dg15(public_key: ec.EllipticCurvePublicKey | rsa.RSAPublicKey) -> bytes:
    spki = public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    keys.PublicKeyInfo.load(spki)  # sanity: it is a SubjectPublicKeyInfo
    return tlv.encode(0x6F, spki)


def encode_com(groups: list[str]) -> bytes:
    tags = bytes(FILES[name][1] for name in groups)
    return tlv.encode(
        0x60, tlv.encode(0x5F01, b"0107") + tlv.encode(0x5F36, b"040000") + tlv.encode(0x5C, tags)
    )


def sign_sod(groups: Mapping[str, bytes], signer: Signer) -> bytes:
    """EF.SOD: an LDSSecurityObject of SHA-256 hashes, in CMS SignedData signed by ``signer``."""
    lso = LDSSecurityObject(
        {
            "version": 0,
            "hash_algorithm": {"algorithm": "sha256"},
            "data_group_hash_values": [
                {"data_group_number": int(name[2:]), "data_group_hash_value": hashlib.sha256(data).digest()}
                for name, data in sorted(groups.items(), key=lambda item: int(item[0][2:]))
            ],
        }
    )
    content = lso.dump()
    attrs = cms.CMSAttributes(
        [
            cms.CMSAttribute({"type": "content_type", "values": [cms.ContentType(LDS_SECURITY_OBJECT_OID)]}),
            cms.CMSAttribute({"type": "message_digest", "values": [hashlib.sha256(content).digest()]}),
        ]
    )
    signature = signer.key.sign(attrs.dump(), ec.ECDSA(hashes.SHA256()))
    certificate = cms.Certificate.load(signer.certificate.public_bytes(serialization.Encoding.DER))
    signer_info = cms.SignerInfo(
        {
            "version": "v1",
            "sid": cms.SignerIdentifier(
                {
                    "issuer_and_serial_number": {
                        "issuer": certificate.issuer,
                        "serial_number": certificate.serial_number,
                    }
                }
            ),
            "digest_algorithm": algos.DigestAlgorithm({"algorithm": "sha256"}),
            "signed_attrs": attrs,
            "signature_algorithm": algos.SignedDigestAlgorithm({"algorithm": "sha256_ecdsa"}),
            "signature": signature,
        }
    )
    signed = cms.SignedData(
        {
            "version": "v3",
            "digest_algorithms": [algos.DigestAlgorithm({"algorithm": "sha256"})],
            "encap_content_info": {"content_type": LDS_SECURITY_OBJECT_OID, "content": content},
            "certificates": [certificate],
            "signer_infos": [signer_info],
        }
    )
    return tlv.encode(0x77, cms.ContentInfo({"content_type": "signed_data", "content": signed}).dump())


def _aa_key(seed: str, algorithm: str) -> AAKey:
    if algorithm == "ecdsa":
        return derived_key(seed)
    if algorithm == "rsa":
        return rsa.generate_private_key(public_exponent=65537, key_size=1024)
    raise ValueError(f"unknown active-authentication algorithm {algorithm!r}")


def _altered_mrz(mrz_text: str) -> str:
    """The MRZ with one letter of the name changed: check digits still pass, the hash does not."""
    line1, *rest = mrz_text.split("\n")
    position = 5
    replacement = "X" if line1[position] != "X" else "Y"
    return "\n".join([line1[:position] + replacement + line1[position + 1 :], *rest])


def build_chip(
    mrz_text: str,
    pki: TestPKI,
    *,
    forgery: Forgery = Forgery.GENUINE,
    face_seed: int = 1,
    dg2_size: int = 20_000,
    pace: bool = False,
    pace_parameter: int = PARAM_P256,
    active_auth: bool = True,
    aa_algorithm: str = "ecdsa",
    chip_auth: bool = False,
) -> ChipImage:
    """A chip for the traveller of ``mrz_text``, genuine or with one ``forgery``.

    ``aa_algorithm`` is ``"ecdsa"`` (P-256, announced in DG14) or ``"rsa"`` (1024-bit, ISO/IEC
    9796-2 signatures as most issued passports use; no DG14 needed)."""
    aa_key = _aa_key(f"aa/{mrz_text}", aa_algorithm) if active_auth else None
    groups: dict[str, bytes] = {
        "DG1": encode_dg1(mrz_text),
        "DG2": encode_dg2(face_jpeg(face_seed, size=dg2_size)),
    }
    if aa_key is not None:
        groups["DG15"] = encode_dg15(aa_key.public_key())
    ca_key = derived_key(f"ca/{mrz_text}") if chip_auth else None
    ecdsa_aa = aa_key is not None and aa_algorithm == "ecdsa"
    if ecdsa_aa or ca_key is not None:
        groups["DG14"] = encode_dg14(aa=ecdsa_aa, ca_public=ca_key.public_key() if ca_key else None)
    signer = {
        Forgery.UNTRUSTED_SIGNER: pki.untrusted_signer,
        Forgery.REVOKED_SIGNER: pki.revoked_signer,
    }.get(forgery, pki.document_signer)
    sod = sign_sod(groups, signer)
    if forgery is Forgery.ALTERED_DG1:
        groups["DG1"] = encode_dg1(_altered_mrz(mrz_text))
    elif forgery is Forgery.SWAPPED_DG2:
        groups["DG2"] = encode_dg2(face_jpeg(face_seed + 1000, size=dg2_size))
    elif forgery is Forgery.CLONED_CHIP:
        # a clone copies the data groups but cannot read the original's private keys
        aa_key = _aa_key(f"clone/{mrz_text}", aa_algorithm) if aa_key is not None else None
        ca_key = derived_key(f"clone-ca/{mrz_text}") if ca_key is not None else None
    files = {"COM": encode_com(sorted(groups, key=lambda n: int(n[2:]))), "SOD": sod, **groups}
    return ChipImage(
        files=files,
        access_key=AccessKey.from_mrz(mrz_text),
        aa_key=aa_key,
        card_access=encode_card_access(pace_parameter) if pace else None,
        ca_key=ca_key,
        extras={"forgery": forgery.value},
    )
