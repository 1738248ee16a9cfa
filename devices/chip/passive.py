"""Passive authentication primitives (Doc 9303-11 §5.1): the Document Security Object (EF.SOD),
its CMS signature, the document signer's chain to a trusted CSCA, revocation, data group hashes.

Each step returns a result with a reason rather than raising, so the station can report exactly
which step failed and why (which hash, which certificate), and tell "failed" from "could not run".
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from asn1crypto import algos, cms, core
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from devices.chip import tlv

LDS_SECURITY_OBJECT_OID = "2.23.136.1.1.1"


class SODError(ValueError):
    """EF.SOD cannot be parsed; the message says where it broke."""


class DataGroupHash(core.Sequence):  # type: ignore[misc]  # asn1crypto is untyped
    _fields = [  # noqa: RUF012 - asn1crypto reads this class attribute
        ("data_group_number", core.Integer),
        ("data_group_hash_value", core.OctetString),
    ]


class DataGroupHashValues(core.SequenceOf):  # type: ignore[misc]  # asn1crypto is untyped
    _child_spec = DataGroupHash


class LDSVersionInfo(core.Sequence):  # type: ignore[misc]  # asn1crypto is untyped
    _fields = [  # noqa: RUF012 - asn1crypto reads this class attribute
        ("lds_version", core.PrintableString),
        ("unicode_version", core.PrintableString),
    ]


class LDSSecurityObject(core.Sequence):  # type: ignore[misc]  # asn1crypto is untyped
    _fields = [  # noqa: RUF012 - asn1crypto reads this class attribute
        ("version", core.Integer),
        ("hash_algorithm", algos.DigestAlgorithm),
        ("data_group_hash_values", DataGroupHashValues),
        ("lds_version_info", LDSVersionInfo, {"optional": True}),
    ]


@dataclass(frozen=True)
class SecurityObject:
    hash_algorithm: str  # hashlib name, e.g. "sha256"
    hashes: Mapping[int, bytes]
    signed_data: cms.SignedData
    signer_certificate: x509.Certificate | None


def parse_sod(data: bytes) -> SecurityObject:
    try:
        content = tlv.parse_one(data, expected_tag=0x77).value
        info = cms.ContentInfo.load(content)
        if info["content_type"].native != "signed_data":
            raise SODError(f"EF.SOD holds {info['content_type'].native}, not signed data")
        signed = info["content"]
        encap = signed["encap_content_info"]
        if encap["content_type"].dotted != LDS_SECURITY_OBJECT_OID:
            raise SODError(f"EF.SOD signs {encap['content_type'].dotted}, not an LDS security object")
        lso = LDSSecurityObject.load(encap["content"].native)
        algorithm = lso["hash_algorithm"]["algorithm"].native
        values = {
            int(h["data_group_number"].native): h["data_group_hash_value"].native
            for h in lso["data_group_hash_values"]
        }
        certificate = _signer_certificate(signed)
    except (ValueError, TypeError, KeyError, tlv.TLVError) as exc:
        if isinstance(exc, SODError):
            raise
        raise SODError(f"EF.SOD is malformed: {exc}") from exc
    return SecurityObject(algorithm, values, signed, certificate)


def _signer_certificate(signed: cms.SignedData) -> x509.Certificate | None:
    infos = signed["signer_infos"]
    if len(infos) != 1:
        raise SODError(f"EF.SOD has {len(infos)} signers, expected one")
    sid = infos[0]["sid"]
    for choice in signed["certificates"] or []:
        if choice.name != "certificate":
            continue
        cert = choice.chosen
        if sid.name == "issuer_and_serial_number":
            match = (
                cert.issuer == sid.chosen["issuer"]
                and cert.serial_number == sid.chosen["serial_number"].native
            )
        else:
            match = cert.key_identifier == sid.chosen.native
        if match:
            return x509.load_der_x509_certificate(cert.dump())
    return None


@dataclass(frozen=True)
class StepResult:
    """One step of passive authentication: ``ok`` is None when the step could not run."""

    ok: bool | None
    reason: str
    evidence: Mapping[str, object] = field(default_factory=dict)


def verify_signature(sod: SecurityObject) -> StepResult:
    """The CMS signature over the LDS security object, with the document signer's key."""
    cert = sod.signer_certificate
    if cert is None:
        return StepResult(None, "EF.SOD carries no document signer certificate to verify it with")
    signer = sod.signed_data["signer_infos"][0]
    evidence: dict[str, object] = {
        "signer": cert.subject.rfc4514_string(),
        "serial": f"{cert.serial_number:x}",
    }
    digest_name = signer["digest_algorithm"]["algorithm"].native
    content: bytes = sod.signed_data["encap_content_info"]["content"].native
    signed_attrs = signer["signed_attrs"]
    if signed_attrs.native is not None and len(signed_attrs):
        message_digest = next(
            (a["values"][0].native for a in signed_attrs if a["type"].native == "message_digest"), None
        )
        if message_digest != hashlib.new(digest_name, content).digest():
            return StepResult(False, "the signed message digest does not match the security object", evidence)
        to_verify = b"\x31" + signed_attrs.dump()[1:]  # signed over the SET, not the [0] tag
    else:
        to_verify = content
    try:
        _verify(cert, signer["signature_algorithm"], digest_name, signer["signature"].native, to_verify)
    except InvalidSignature:
        return StepResult(
            False, "the security object's signature does not verify with the signer's key", evidence
        )
    except (UnsupportedAlgorithm, ValueError) as exc:
        return StepResult(None, f"signature algorithm not supported: {exc}", evidence)
    return StepResult(True, "the security object is signed by the document signer", evidence)


def _hash(name: str) -> hashes.HashAlgorithm:
    algorithms: dict[str, hashes.HashAlgorithm] = {
        "sha1": hashes.SHA1(),
        "sha224": hashes.SHA224(),
        "sha256": hashes.SHA256(),
        "sha384": hashes.SHA384(),
        "sha512": hashes.SHA512(),
    }
    if name not in algorithms:
        raise UnsupportedAlgorithm(f"hash {name}")
    return algorithms[name]


def _verify(
    cert: x509.Certificate,
    algorithm: algos.SignedDigestAlgorithm,
    digest_name: str,
    signature: bytes,
    data: bytes,
) -> None:
    key = cert.public_key()
    kind = algorithm.signature_algo
    if kind == "rsassa_pss" and isinstance(key, rsa.RSAPublicKey):
        params = algorithm["parameters"]
        pss_hash = _hash(params["hash_algorithm"]["algorithm"].native)
        pss = padding.PSS(padding.MGF1(pss_hash), params["salt_length"].native)
        key.verify(signature, data, pss, pss_hash)
        return
    try:
        hash_name = algorithm.hash_algo  # e.g. sha256_ecdsa names its hash
    except ValueError:
        hash_name = digest_name  # plain "ecdsa" / "rsassa_pkcs1v15": the digest algorithm applies
    if kind == "rsassa_pkcs1v15" and isinstance(key, rsa.RSAPublicKey):
        key.verify(signature, data, padding.PKCS1v15(), _hash(hash_name))
    elif kind == "ecdsa" and isinstance(key, ec.EllipticCurvePublicKey):
        key.verify(signature, data, ec.ECDSA(_hash(hash_name)))
    else:
        raise UnsupportedAlgorithm(f"{kind} with a {type(key).__name__}")


@dataclass(frozen=True)
class TrustAnchors:
    """What passive authentication trusts: CSCA certificates and the CRLs they issued."""

    cscas: Sequence[x509.Certificate]
    crls: Sequence[x509.CertificateRevocationList] = ()


def _valid_on(cert: x509.Certificate, today: datetime.date) -> bool:
    return cert.not_valid_before_utc.date() <= today <= cert.not_valid_after_utc.date()


def verify_chain(
    sod: SecurityObject, anchors: TrustAnchors, today: datetime.date
) -> tuple[StepResult, x509.Certificate | None]:
    """The document signer certificate issued by a trusted CSCA, both valid today."""
    cert = sod.signer_certificate
    if cert is None:
        return StepResult(None, "no document signer certificate in EF.SOD"), None
    if not anchors.cscas:
        return StepResult(None, "no CSCA certificates are loaded in the trust list"), None
    evidence: dict[str, object] = {
        "signer": cert.subject.rfc4514_string(),
        "issuer": cert.issuer.rfc4514_string(),
        "serial": f"{cert.serial_number:x}",
    }
    candidates = [c for c in anchors.cscas if c.subject == cert.issuer]
    if not candidates:
        return StepResult(False, "the document signer's issuer is not a trusted CSCA", evidence), None
    for csca in candidates:
        try:
            cert.verify_directly_issued_by(csca)
        except (InvalidSignature, ValueError, TypeError, UnsupportedAlgorithm):
            continue
        evidence["csca"] = csca.subject.rfc4514_string()
        if not _valid_on(cert, today):
            evidence["not_after"] = cert.not_valid_after_utc.date().isoformat()
            evidence["not_before"] = cert.not_valid_before_utc.date().isoformat()
            return StepResult(False, "the document signer certificate is not valid today", evidence), csca
        return StepResult(True, "the document signer chains to a trusted CSCA", evidence), csca
    return StepResult(
        False, "no trusted CSCA of that name signed the document signer certificate", evidence
    ), None


def check_revocation(
    cert: x509.Certificate, csca: x509.Certificate, anchors: TrustAnchors, today: datetime.date
) -> StepResult:
    """Whether ``cert`` is on a CRL that ``csca`` signed; None when no such CRL is loaded."""
    evidence: dict[str, object] = {"serial": f"{cert.serial_number:x}", "csca": csca.subject.rfc4514_string()}
    crls = [c for c in anchors.crls if c.issuer == csca.subject and c.is_signature_valid(csca.public_key())]  # type: ignore[arg-type]
    if not crls:
        return StepResult(None, "no CRL from this CSCA is loaded, revocation unknown", evidence)
    for crl in crls:
        revoked = crl.get_revoked_certificate_by_serial_number(cert.serial_number)
        if revoked is not None:
            evidence["revoked_on"] = revoked.revocation_date_utc.isoformat()
            return StepResult(False, "the document signer certificate is revoked", evidence)
    newest = max(crls, key=lambda c: c.last_update_utc)
    evidence["crl_issued"] = newest.last_update_utc.date().isoformat()
    if newest.next_update_utc is not None and newest.next_update_utc.date() < today:
        evidence["crl_next_update"] = newest.next_update_utc.date().isoformat()
        return StepResult(None, "the newest CRL from this CSCA is out of date, revocation unknown", evidence)
    return StepResult(True, "the document signer certificate is not revoked", evidence)


@dataclass(frozen=True)
class HashComparison:
    data_group: str
    ok: bool
    expected: str  # hex, "" when the SOD has no hash for it
    actual: str


def compare_hashes(sod: SecurityObject, groups: Mapping[str, bytes]) -> list[HashComparison]:
    """Every data group read, hashed and compared with the SOD (a DG the SOD lacks fails)."""
    results = []
    for name in sorted((n for n in groups if n.startswith("DG")), key=lambda n: int(n[2:])):
        actual = hashlib.new(sod.hash_algorithm, groups[name]).hexdigest()
        expected = sod.hashes.get(int(name[2:]))
        results.append(
            HashComparison(
                name,
                expected is not None and expected.hex() == actual,
                expected.hex() if expected else "",
                actual,
            )
        )
    return results
