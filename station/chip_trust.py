"""The booth's eMRTD trust list: the CSCA certificates passive authentication chains document
signers to, and the CRLs those CSCAs issued.

It is loaded from a file (PEM or DER certificates and CRLs, or an ICAO CSCA master list) into the
store's ``chip_trust`` table, or arrives through sync as the signed ``trusted_certificates`` list
(:func:`apply_trust_records`, the list's applier). Either way each entry's shape is checked (a
CSCA must be a CA certificate, a CRL must parse) and nothing is half-applied: one transaction.
The master list's own CMS signature is not checked here: a file is loaded by an administrator who
vouches for it, and lists from the central side are verified by sync (Ed25519 envelope signed by
the pinned central key) before they are applied.

Entries from sync carry the source ``sync:v<version>``; a full snapshot replaces the synced entries
and leaves the ones an administrator loaded from files.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import hashlib
import logging
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from asn1crypto import cms, core
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from devices.chip.passive import TrustAnchors
from sync.errors import ListRejectedError
from sync.trusted_certificates import KIND as LIST_KIND

if TYPE_CHECKING:
    from station.store import Store

log = logging.getLogger(__name__)

CSCA_MASTER_LIST_OID = "2.23.136.1.1.2"
SYNC_SOURCE_PREFIX = "sync:"


class TrustListError(ValueError):
    """A trust list file cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class TrustList:
    cscas: tuple[x509.Certificate, ...] = ()
    crls: tuple[x509.CertificateRevocationList, ...] = ()

    @property
    def anchors(self) -> TrustAnchors:
        return TrustAnchors(self.cscas, self.crls)


@dataclass(frozen=True)
class LoadReport:
    cscas_added: int = 0
    crls_added: int = 0
    already_known: int = 0
    problems: tuple[str, ...] = field(default_factory=tuple)


class _CertificateSet(core.SetOf):  # type: ignore[misc]  # asn1crypto is untyped
    _child_spec = asn1_x509.Certificate


class _CscaMasterList(core.Sequence):  # type: ignore[misc]  # asn1crypto is untyped
    _fields = [  # noqa: RUF012 - asn1crypto reads this class attribute
        ("version", core.Integer),
        ("cert_list", _CertificateSet),
    ]


def parse_trust_file(data: bytes, name: str = "trust list") -> TrustList:
    """CSCA certificates and CRLs from PEM (any mix), one DER certificate or CRL, or a master list."""
    if b"-----BEGIN" in data:
        return _parse_pem(data, name)
    for loader in (_der_certificate, _der_crl, _master_list):
        parsed = loader(data)
        if parsed is not None:
            return parsed
    raise TrustListError(f"{name}: not a certificate, CRL or CSCA master list (PEM or DER)")


def _parse_pem(data: bytes, name: str) -> TrustList:
    cscas: list[x509.Certificate] = []
    crls: list[x509.CertificateRevocationList] = []
    for block in data.split(b"-----BEGIN ")[1:]:
        pem = b"-----BEGIN " + block
        try:
            if pem.startswith(b"-----BEGIN CERTIFICATE-----"):
                cscas.append(x509.load_pem_x509_certificate(pem))
            elif pem.startswith(b"-----BEGIN X509 CRL-----"):
                crls.append(x509.load_pem_x509_crl(pem))
            else:
                raise TrustListError(
                    f"{name}: unexpected PEM block {pem.splitlines()[0].decode(errors='replace')}"
                )
        except ValueError as exc:
            if isinstance(exc, TrustListError):
                raise
            raise TrustListError(f"{name}: a PEM block does not parse: {exc}") from exc
    return TrustList(tuple(cscas), tuple(crls))


def _der_certificate(data: bytes) -> TrustList | None:
    try:
        return TrustList(cscas=(x509.load_der_x509_certificate(data),))
    except ValueError:
        return None


def _der_crl(data: bytes) -> TrustList | None:
    try:
        return TrustList(crls=(x509.load_der_x509_crl(data),))
    except ValueError:
        return None


def _master_list(data: bytes) -> TrustList | None:
    try:
        info = cms.ContentInfo.load(data)
        encap = info["content"]["encap_content_info"]
        if encap["content_type"].dotted != CSCA_MASTER_LIST_OID:
            return None
        master = _CscaMasterList.load(encap["content"].native)
        certs = tuple(x509.load_der_x509_certificate(c.dump()) for c in master["cert_list"])
    except (ValueError, TypeError, KeyError):
        return None
    return TrustList(cscas=certs)


def _fingerprint(der: bytes) -> str:
    return hashlib.sha256(der).hexdigest()


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


@contextmanager
def _writer(store_or_conn: Store | sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    if isinstance(store_or_conn, sqlite3.Connection):
        yield store_or_conn
    else:
        with store_or_conn.transaction() as conn:
            yield conn


@contextmanager
def _reader(store_or_conn: Store | sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    if isinstance(store_or_conn, sqlite3.Connection):
        yield store_or_conn
    else:
        with store_or_conn.read() as conn:
            yield conn


def load_trust_list(
    store_or_conn: Store | sqlite3.Connection, path: str | Path, *, now: datetime.datetime | None = None
) -> LoadReport:
    """Adds the CSCAs and CRLs of the file at ``path`` to the store in one transaction.

    With a ``Store`` the transaction is the store's; with a bare connection the caller's
    transaction is used (nothing is committed here). Non-CA certificates are refused, with the
    whole file: a trust list with a document signer in it is a mistake to fix, not to half-load.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TrustListError(f"{path}: cannot read the file: {exc.strerror}") from exc
    trust = parse_trust_file(data, str(path))
    if not trust.cscas and not trust.crls:
        raise TrustListError(f"{path}: no certificates or CRLs in the file")
    not_ca = [c.subject.rfc4514_string() for c in trust.cscas if not _is_ca(c)]
    if not_ca:
        raise TrustListError(f"{path}: not CSCA (CA) certificates: {'; '.join(not_ca)}")
    with _writer(store_or_conn) as conn:
        return _insert(conn, trust, path.name, now)


def _entries(trust: TrustList) -> list[tuple[str, str, bytes]]:
    entries = [
        ("csca", c.subject.rfc4514_string(), c.public_bytes(serialization.Encoding.DER)) for c in trust.cscas
    ]
    entries += [
        ("crl", c.issuer.rfc4514_string(), c.public_bytes(serialization.Encoding.DER)) for c in trust.crls
    ]
    return entries


def _insert(
    conn: sqlite3.Connection, trust: TrustList, source: str, now: datetime.datetime | None
) -> LoadReport:
    loaded_at = (now or datetime.datetime.now(datetime.UTC)).isoformat()
    added = {"csca": 0, "crl": 0}
    known = 0
    for kind, subject, der in _entries(trust):
        cursor = conn.execute(
            "INSERT OR IGNORE INTO chip_trust (fingerprint, kind, subject, der, source, loaded_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (_fingerprint(der), kind, subject, der, source, loaded_at),
        )
        if cursor.rowcount:
            added[kind] += 1
        else:
            known += 1
    return LoadReport(added["csca"], added["crl"], known)


def _parse_record(number: int, record: Any) -> tuple[bool, TrustList]:
    """One ``trusted_certificates`` record as (remove?, the entry); ``ListRejectedError`` names it."""
    where = f"{LIST_KIND} list refused: record {number}"
    if not isinstance(record, dict) or record.get("type") not in ("csca", "crl"):
        raise ListRejectedError(f"{where} is not a {{type: csca|crl, der: ...}} entry")
    try:
        der = base64.b64decode(str(record.get("der", "")), validate=True)
        if record["type"] == "csca":
            cert = x509.load_der_x509_certificate(der)
            if not _is_ca(cert):
                raise ListRejectedError(f"{where}: {cert.subject.rfc4514_string()} is not a CA certificate")
            entry = TrustList(cscas=(cert,))
        else:
            entry = TrustList(crls=(x509.load_der_x509_crl(der),))
    except (binascii.Error, ValueError) as exc:
        if isinstance(exc, ListRejectedError):
            raise
        raise ListRejectedError(f"{where}: its {record['type']} does not parse ({exc})") from None
    return bool(record.get("remove", False)), entry


def apply_trust_records(
    conn: sqlite3.Connection, kind: str, version: int, records: Sequence[Any], delta: bool
) -> None:
    """Applies a verified ``trusted_certificates`` list inside sync's transaction (never commits).

    Every record is checked before anything is written; one bad record refuses the whole list
    (``ListRejectedError``: sync logs it, rolls back and keeps the trust list it had). A snapshot
    replaces the entries earlier lists brought; a delta adds, or removes those marked ``remove``.
    """
    parsed = [_parse_record(number, record) for number, record in enumerate(records, start=1)]
    if not delta:
        conn.execute("DELETE FROM chip_trust WHERE source LIKE ?", (SYNC_SOURCE_PREFIX + "%",))
    removed = 0
    for remove, entry in parsed:
        if remove:
            for _, _, der in _entries(entry):
                removed += conn.execute(
                    "DELETE FROM chip_trust WHERE fingerprint = ? AND source LIKE ?",
                    (_fingerprint(der), SYNC_SOURCE_PREFIX + "%"),
                ).rowcount
    added = TrustList(
        tuple(c for remove, e in parsed if not remove for c in e.cscas),
        tuple(c for remove, e in parsed if not remove for c in e.crls),
    )
    report = _insert(conn, added, f"{SYNC_SOURCE_PREFIX}v{version}", None)
    log.info(
        "chip trust list %s v%d applied: %d CSCA, %d CRL added, %d known, %d removed",
        "delta" if delta else "snapshot",
        version,
        report.cscas_added,
        report.crls_added,
        report.already_known,
        removed,
    )


def trust_list_from_store(store_or_conn: Store | sqlite3.Connection) -> TrustList:
    """The trust list as stored (empty when nothing was loaded yet)."""
    with _reader(store_or_conn) as conn:
        rows = conn.execute("SELECT kind, der FROM chip_trust ORDER BY loaded_at, fingerprint").fetchall()
    cscas = tuple(x509.load_der_x509_certificate(der) for kind, der in rows if kind == "csca")
    crls = tuple(x509.load_der_x509_crl(der) for kind, der in rows if kind == "crl")
    return TrustList(cscas, crls)
