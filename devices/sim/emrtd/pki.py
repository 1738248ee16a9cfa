"""A throw-away country signing PKI for tests and the demo: a CSCA, a document signer it issued,
a CRL, and a second "untrusted" CSCA for forged documents. Keys are P-256 (fast to make); keys
can be derived from a seed so two processes can agree on the same PKI without sharing files.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

_P256_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551


def derived_key(seed: str) -> ec.EllipticCurvePrivateKey:
    """A P-256 key fixed by ``seed`` (test data only)."""
    value = int.from_bytes(hashlib.sha256(seed.encode()).digest(), "big") % (_P256_ORDER - 1) + 1
    return ec.derive_private_key(value, ec.SECP256R1())


def _name(country: str, common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, country),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Border Station Test PKI"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _serial(seed: str) -> int:
    return int.from_bytes(hashlib.sha256(b"serial" + seed.encode()).digest()[:8], "big") | 1


@dataclass(frozen=True)
class Signer:
    certificate: x509.Certificate
    key: ec.EllipticCurvePrivateKey


@dataclass(frozen=True)
class TestPKI:
    csca: Signer
    document_signer: Signer
    revoked_signer: Signer  # issued by the CSCA, then put on its CRL
    untrusted_csca: Signer
    untrusted_signer: Signer  # issued by the untrusted CSCA
    crl: x509.CertificateRevocationList

    def trust_bundle_pem(self) -> bytes:
        """What a booth would load as its trust list: the CSCA certificate and its CRL."""
        return self.csca.certificate.public_bytes(serialization.Encoding.PEM) + self.crl.public_bytes(
            serialization.Encoding.PEM
        )


def make_pki(country: str = "UTO", *, seed: str = "test", now: datetime.datetime | None = None) -> TestPKI:
    """A PKI valid around ``now`` (default: the current time)."""
    now = now or datetime.datetime.now(datetime.UTC)
    start, end = now - datetime.timedelta(days=365), now + datetime.timedelta(days=3650)
    alpha2 = country[:2]

    def ca(tag: str, common_name: str) -> Signer:
        key = derived_key(f"{seed}/{tag}")
        name = _name(alpha2, common_name)
        cert = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(_serial(f"{seed}/{tag}"))
            .not_valid_before(start)
            .not_valid_after(end)
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(
                x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
            )
            .sign(key, hashes.SHA256())
        )
        return Signer(cert, key)

    def signer(tag: str, issuer: Signer, common_name: str) -> Signer:
        key = derived_key(f"{seed}/{tag}")
        cert = (
            x509.CertificateBuilder()
            .subject_name(_name(alpha2, common_name))
            .issuer_name(issuer.certificate.subject)
            .public_key(key.public_key())
            .serial_number(_serial(f"{seed}/{tag}"))
            .not_valid_before(start)
            .not_valid_after(end)
            .add_extension(
                x509.KeyUsage(True, False, False, False, False, False, False, False, False), critical=True
            )
            .sign(issuer.key, hashes.SHA256())
        )
        return Signer(cert, key)

    csca = ca("csca", f"CSCA {country}")
    untrusted = ca("untrusted-csca", f"CSCA {country}")  # same name, different key: a forger's CSCA
    revoked = signer("revoked-ds", csca, f"Document Signer {country} 2")
    crl = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(csca.certificate.subject)
        .last_update(now - datetime.timedelta(days=1))
        .next_update(now + datetime.timedelta(days=90))
        .add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(revoked.certificate.serial_number)
            .revocation_date(now - datetime.timedelta(days=2))
            .build()
        )
        .sign(csca.key, hashes.SHA256())
    )
    return TestPKI(
        csca=csca,
        document_signer=signer("ds", csca, f"Document Signer {country} 1"),
        revoked_signer=revoked,
        untrusted_csca=untrusted,
        untrusted_signer=signer("untrusted-ds", untrusted, f"Document Signer {country} 1"),
        crl=crl,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m devices.sim.emrtd.pki OUT``: the test PKI's trust bundle (CSCA + CRL, PEM), e.g. for
    the reference central server to publish as a ``trusted_certificates`` list."""
    parser = argparse.ArgumentParser(description=main.__doc__.splitlines()[0] if main.__doc__ else None)
    parser.add_argument("out", help="PEM file to write")
    parser.add_argument("--country", default="UTO", help="issuing state code (default UTO)")
    parser.add_argument("--seed", default="test", help="seed the keys derive from (default 'test')")
    args = parser.parse_args(argv)
    Path(args.out).write_bytes(make_pki(args.country, seed=args.seed).trust_bundle_pem())
    print(f"wrote the {args.country} test CSCA and CRL to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
