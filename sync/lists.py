"""Signed inbound lists: the envelope, its Ed25519 signature, and the rules for accepting one.

A list (persons: the watchlist; documents: lost/stolen documents; api: advance passenger lists;
history; alerts; reference specimens; trusted certificates) travels as an *envelope*:
``{"body": "<canonical JSON text>", "signature": "<base64>", "key_id": "<hex>"}``. The signature
covers the exact bytes of ``body``, so no re-serialisation can change what was signed. The body
names the list ``kind``, the ``booth`` it is for (``"*"``: every booth), a ``version`` (a strictly
increasing integer per kind), whether it is a ``delta`` (changes on top of ``base_version``) or a
full snapshot, when it was issued and when it ``expires``, and the ``records``.

A booth accepts a list only if: the signature verifies with the key pinned in its config; the kind
is the one it asked for and the booth is itself or ``"*"`` (no mix-and-match); the version is
newer than the one it holds (no rollback, no replay); a delta starts from exactly the version held.
An expired list is still *accepted* when it is newer (it is the best the booth can get) and an
expired held list stays in use; the status then warns "lists out of date".
"""

from __future__ import annotations

import base64
import hashlib
import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from sync.errors import ConfigurationError, ListRejectedError

ENVELOPE_FORMAT = "border-station-list/1"
ALL_BOOTHS = "*"
LIST_KINDS = ("persons", "documents", "api", "history", "alerts", "specimens", "trusted_certificates")

ApplyList = Callable[[sqlite3.Connection, str, int, Sequence[Any], bool], None]
"""``apply(conn, kind, version, records, delta)``: write a verified list inside the open transaction."""


@dataclass(frozen=True)
class VerifiedList:
    kind: str
    booth: str
    version: int
    base_version: int | None
    delta: bool
    issued_at: str
    expires_at: str
    records: list[Any]

    def expired(self, now: datetime) -> bool:
        return _parse_time(self.expires_at) <= now


@dataclass(frozen=True)
class HeldList:
    kind: str
    version: int
    expires_at: str
    applied_at: str


def key_id(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def generate_key() -> tuple[bytes, bytes]:
    """A new signing key as (private PEM, public PEM)."""
    private = Ed25519PrivateKey.generate()
    return (
        private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ),
        private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ),
    )


def load_private_key(pem: bytes) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError) as exc:
        raise ConfigurationError(f"the list signing key is not a PEM private key: {exc}") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise ConfigurationError("the list signing key is not an Ed25519 key")
    return key


def load_public_key(pem: bytes) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(pem)
    except (ValueError, TypeError) as exc:
        raise ConfigurationError(f"the pinned list key is not a PEM public key: {exc}") from exc
    if not isinstance(key, Ed25519PublicKey):
        raise ConfigurationError("the pinned list key is not an Ed25519 key")
    return key


def _now() -> datetime:
    return datetime.now(UTC)


def _parse_time(text: str) -> datetime:
    when = datetime.fromisoformat(text)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def sign_list(
    key: Ed25519PrivateKey,
    *,
    kind: str,
    version: int,
    records: Sequence[Any],
    booth: str = ALL_BOOTHS,
    delta: bool = False,
    base_version: int | None = None,
    valid_for: timedelta = timedelta(days=7),
    issued_at: datetime | None = None,
) -> dict[str, str]:
    """The signed envelope of a list (what the central side publishes)."""
    if version < 1:
        raise ValueError("list versions start at 1")
    if delta and base_version is None:
        raise ValueError("a delta needs the base_version it applies to")
    issued = issued_at or _now()
    body = {
        "format": ENVELOPE_FORMAT,
        "kind": kind,
        "booth": booth,
        "version": version,
        "delta": delta,
        "base_version": base_version if delta else None,
        "issued_at": issued.isoformat(timespec="seconds"),
        "expires_at": (issued + valid_for).isoformat(timespec="seconds"),
        "records": list(records),
    }
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    signature = key.sign(text.encode())
    return {
        "body": text,
        "signature": base64.b64encode(signature).decode(),
        "key_id": key_id(key.public_key()),
    }


class ListVerifier:
    """Checks envelopes against the pinned key, this booth's id and the versions already held."""

    def __init__(self, public_key: Ed25519PublicKey, booth_id: str) -> None:
        self.public_key = public_key
        self.booth_id = booth_id

    def verify(self, envelope: Any, *, kind: str, held_version: int) -> VerifiedList:
        if not isinstance(envelope, dict) or not all(
            isinstance(envelope.get(k), str) for k in ("body", "signature")
        ):
            raise ListRejectedError(f"{kind} list refused: not a signed list envelope")
        try:
            signature = base64.b64decode(envelope["signature"], validate=True)
            self.public_key.verify(signature, envelope["body"].encode())
        except (InvalidSignature, ValueError):
            raise ListRejectedError(
                f"{kind} list refused: the signature does not verify with the pinned central key"
            ) from None
        try:
            body = json.loads(envelope["body"])
            result = VerifiedList(
                kind=str(body["kind"]),
                booth=str(body["booth"]),
                version=int(body["version"]),
                base_version=None if body.get("base_version") is None else int(body["base_version"]),
                delta=bool(body["delta"]),
                issued_at=str(body["issued_at"]),
                expires_at=str(body["expires_at"]),
                records=list(body["records"]),
            )
            _parse_time(result.expires_at)
            if body.get("format") != ENVELOPE_FORMAT:
                raise ValueError(f"unknown format {body.get('format')!r}")
        except (KeyError, TypeError, ValueError) as exc:
            raise ListRejectedError(f"{kind} list refused: signed but malformed ({exc})") from None
        if result.kind != kind:
            raise ListRejectedError(f"{kind} list refused: the signed list is a {result.kind} list")
        if result.booth not in (ALL_BOOTHS, self.booth_id):
            raise ListRejectedError(
                f"{kind} list refused: it is meant for booth {result.booth}, not this booth"
            )
        if result.version <= held_version:
            raise ListRejectedError(
                f"{kind} list refused: version {result.version} is not newer than the version held"
                f" ({held_version}); a replayed or rolled-back list"
            )
        if result.delta and result.base_version != held_version:
            raise ListRejectedError(
                f"{kind} list refused: the delta applies to version {result.base_version}, this booth holds"
                f" {held_version}"
            )
        return result


# --- the booth's record of which list versions it holds (table from migration 0020) --------------


def held_lists(conn: sqlite3.Connection) -> dict[str, HeldList]:
    rows = conn.execute("SELECT kind, version, expires_at, applied_at FROM sync_lists").fetchall()
    return {r[0]: HeldList(r[0], int(r[1]), r[2], r[3]) for r in rows}


def held_version(conn: sqlite3.Connection, kind: str) -> int:
    row = conn.execute("SELECT version FROM sync_lists WHERE kind = ?", (kind,)).fetchone()
    return int(row[0]) if row else 0


def apply_verified(
    conn: sqlite3.Connection,
    verifier: ListVerifier,
    envelope: Any,
    *,
    kind: str,
    apply: ApplyList,
    now: datetime | None = None,
) -> VerifiedList:
    """Verify and apply one envelope in ONE transaction: the old list stays whole unless all of it lands.

    The held version is read inside the transaction (BEGIN IMMEDIATE), so two workers cannot both
    apply the same update, and a crash at any point leaves either the old list or the new one.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        verified = verifier.verify(envelope, kind=kind, held_version=held_version(conn, kind))
        apply(conn, verified.kind, verified.version, verified.records, verified.delta)
        conn.execute(
            "INSERT INTO sync_lists (kind, version, expires_at, applied_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (kind) DO UPDATE SET version = excluded.version,"
            " expires_at = excluded.expires_at, applied_at = excluded.applied_at",
            (kind, verified.version, verified.expires_at, (now or _now()).isoformat(timespec="seconds")),
        )
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return verified


def out_of_date(held: dict[str, HeldList], now: datetime) -> list[str]:
    """Kinds whose held list has expired (still in use; the status warns)."""
    return sorted(k for k, h in held.items() if _parse_time(h.expires_at) <= now)
