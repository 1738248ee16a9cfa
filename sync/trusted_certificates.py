"""The ``trusted_certificates`` list: the eMRTD trust list (CSCA certificates and their CRLs) as the
central side publishes it and booths apply it.

Each record is ``{"type": "csca" | "crl", "der": "<base64 DER>"}``; a delta may also carry
``{"type": ..., "der": ..., "remove": true}`` to withdraw an entry. The list travels in the same
Ed25519-signed envelope as every other list (:mod:`sync.lists`), so a booth applies it only when the
central key signed it. This module turns a PEM/DER bundle (what a country's CSCA or an ICAO master
list extract comes as) into records, so an operator publishes with
``station central publish trusted_certificates bundle.pem --key KEY``.
"""

from __future__ import annotations

import base64
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization

KIND = "trusted_certificates"
RECORD_TYPES = ("csca", "crl")


class BundleError(ValueError):
    """The bundle holds something that is not a certificate or CRL; the message says what."""


def _record(kind: str, der: bytes) -> dict[str, Any]:
    return {"type": kind, "der": base64.b64encode(der).decode("ascii")}


def records_from_bundle(data: bytes) -> list[dict[str, Any]]:
    """Records for every certificate and CRL in ``data``: PEM blocks in any mix, or one DER item."""
    records: list[dict[str, Any]] = []
    if b"-----BEGIN" not in data:
        try:
            der = x509.load_der_x509_certificate(data).public_bytes(serialization.Encoding.DER)
            return [_record("csca", der)]
        except ValueError:
            pass
        try:
            return [_record("crl", x509.load_der_x509_crl(data).public_bytes(serialization.Encoding.DER))]
        except ValueError:
            raise BundleError("not a PEM bundle, DER certificate or DER CRL") from None
    for number, block in enumerate(data.split(b"-----BEGIN ")[1:], start=1):
        pem = b"-----BEGIN " + block
        try:
            if pem.startswith(b"-----BEGIN CERTIFICATE-----"):
                cert = x509.load_pem_x509_certificate(pem)
                records.append(_record("csca", cert.public_bytes(serialization.Encoding.DER)))
            elif pem.startswith(b"-----BEGIN X509 CRL-----"):
                crl = x509.load_pem_x509_crl(pem)
                records.append(_record("crl", crl.public_bytes(serialization.Encoding.DER)))
            else:
                header = pem.split(b"\n", 1)[0].decode(errors="replace")
                raise BundleError(f"PEM block {number} is not a certificate or CRL ({header})")
        except ValueError as exc:
            if isinstance(exc, BundleError):
                raise
            raise BundleError(f"PEM block {number} does not parse: {exc}") from exc
    if not records:
        raise BundleError("no certificates or CRLs in the bundle")
    return records
