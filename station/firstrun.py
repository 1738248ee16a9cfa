"""Installing a booth: its configuration file, its first administrator, its registration with the
central side, and upgrading its store to a new release.

Registration: the central operator registers the booth (``station central booths add BOOTH_ID`` on
the central host) and hands over the token it prints. The booth checks that token against the
server before saving it, so a mistyped URL, a wrong CA file or a revoked token is found at
installation, with the installer at the booth, and not at the first sync in the middle of a shift.

An upgrade never rebuilds the store: the new release opens the same file and applies its numbered
migrations (``station.store.schema``). ``upgrade_store`` first copies the database with SQLite's
online backup, so an upgrade that goes wrong can be rolled back with the old release.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from station.auth import Auth, Officer, Role
from station.config import Config
from station.store import Store
from station.store.schema import current_version, discover
from station.sync_service import link_settings
from sync.errors import SyncError
from sync.transport import Transport

REGISTRATION_PROBE = "/v1/files/booth-setup-check/probe"
"""An authenticated read with no side effect. The API has no "who am I" call; asking how much of a
file of an unknown event the server holds answers "0 bytes" for a token the server knows and 401
for any other, which is exactly the question setup asks."""


class SetupError(Exception):
    """The booth cannot be set up as asked; the message says what to fix."""


@dataclass(frozen=True)
class BoothIdentity:
    crossing_point: str
    booth_id: str
    direction: str | None = None
    lane: str | None = None


@dataclass(frozen=True)
class CentralLink:
    url: str
    token: str
    ca_file: str = ""
    client_cert: str = ""
    list_public_key: str = ""


def configure(base: Config, *, booth: BoothIdentity, central: CentralLink | None, path: Path) -> Config:
    """``base`` with this booth's identity and central link, validated as if loaded from ``path``.

    Everything else in ``base`` (devices, thresholds, a store path) is kept: setup on a booth that
    already has a file only changes what it was asked to change."""
    data: dict[str, Any] = {section.name: section.as_dict() for section in base.sections()}
    data["devices"] = [device.to_toml_table() for device in base.devices]
    booth_values: Mapping[str, str | None] = {
        "crossing_point": booth.crossing_point,
        "booth_id": booth.booth_id,
        "direction": booth.direction,
        "lane": booth.lane,
    }
    data["booth"].update({k: v for k, v in booth_values.items() if v is not None})
    if central is not None:
        data["central"].update(
            url=central.url,
            token=central.token,
            ca_file=central.ca_file,
            client_cert=central.client_cert,
            list_public_key=central.list_public_key,
        )
    for section in data.values():
        if isinstance(section, dict):
            for key, value in section.items():
                if isinstance(value, tuple):
                    section[key] = list(value)  # as TOML gives lists, so validation sees the file's types
    return Config.from_mapping(data, source=path)


def verify_registration(config: Config) -> str:
    """Check that the central server at ``[central] url`` answers and accepts the booth's token.

    Returns a one-line summary; raises ``SetupError`` with the transport's reason (unreachable,
    TLS, refused credentials, not a central server)."""
    try:
        transport = Transport(link_settings(config))
    except SyncError as exc:
        raise SetupError(str(exc)) from None
    try:
        health = transport.request("GET", "/v1/health")
        body = health.json() if health.status == 200 else None
        if not isinstance(body, dict) or body.get("status") != "ok":
            raise SetupError(
                f"{config.central.url} does not look like a Border Station central server"
                f" (GET /v1/health answered HTTP {health.status})"
            )
        probe = transport.request("GET", REGISTRATION_PROBE)
        if probe.status != 200:
            raise SetupError(
                f"the central server answered HTTP {probe.status} to the registration check;"
                " is the URL the API's base (https://host:port)?"
            )
    except SyncError as exc:
        raise SetupError(str(exc)) from None
    finally:
        transport.close()
    return f"registered with {config.central.url} (API {body.get('api', '?')})"


def admins(store: Store, config: Config) -> list[Officer]:
    """The booth's administrator accounts (setup creates the first one only when there is none)."""
    return [o for o in Auth(store, settings=config.session).officers() if o.role is Role.ADMIN]


def create_admin(
    store: Store, config: Config, *, officer_id: str, name: str, pin: str, actor: str
) -> Officer:
    """The first administrator, through the same checks as ``station users add`` (PIN rules, audit)."""
    return Auth(store, settings=config.session).add_officer(officer_id, name, Role.ADMIN, pin, actor=actor)


@dataclass(frozen=True)
class Upgrade:
    before: int
    after: int
    backup: Path | None

    def summary(self) -> str:
        if self.before == self.after:
            return f"store schema already at version {self.after}; nothing to migrate"
        return f"store schema migrated from version {self.before} to {self.after}; backup at {self.backup}"


def upgrade_store(path: Path, *, now: datetime | None = None) -> Upgrade:
    """Back up the store's database at ``path`` (SQLite's online backup), then open it with this
    release, which applies the pending migrations. Records, images and officers are kept: migrations
    only add, and never touch the image files."""
    if not path.exists():
        raise SetupError(f"no store at {path}: nothing to upgrade (run `station setup` for a new booth)")
    latest = discover()[-1].version
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        before = current_version(conn)
    backup = None
    if before < latest:
        stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
        backup = path.with_name(f"{path.stem}.before-v{latest:04d}-{stamp}{path.suffix}")
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        target = sqlite3.connect(backup)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
    with Store.open(path) as store, store.read() as conn:
        after = current_version(conn)
    return Upgrade(before, after, backup)
