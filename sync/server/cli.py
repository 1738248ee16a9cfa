"""Commands of the reference central server, shared by ``station central ...`` and ``python -m sync.server``.

``serve`` binds its socket itself, so ``--port 0`` works: it prints the bound address on one line
(``central server listening on http://127.0.0.1:PORT``) before it starts, and ``GET /v1/health``
answers once it is ready. Operator commands (``booths add``, ``publish``, ``keygen``) act on the
database directly: they run on the central host, not over the network.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import ssl
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from sync.errors import ConfigurationError
from sync.lists import ALL_BOOTHS, LIST_KINDS, generate_key, load_private_key, sign_list
from sync.server.storage import ConflictError, hash_token, open_storage
from sync.trusted_certificates import KIND as TRUSTED_CERTIFICATES
from sync.trusted_certificates import BundleError, records_from_bundle

DEFAULT_DB = "central.sqlite"
FAULTS_ENV = "CENTRAL_TEST_FAULTS"
ADMIN_TOKEN_ENV = "CENTRAL_ADMIN_TOKEN"


class CentralCommandError(Exception):
    """A problem the operator can fix; printed as one line."""


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = sub.add_parser("serve", help="run the reference central server")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8443, help="port; 0 picks a free one and prints it")
    serve.add_argument(
        "--db", default=DEFAULT_DB, help="SQLite file or postgresql:// URL (default central.sqlite)"
    )
    serve.add_argument("--list-key", help="Ed25519 private key (PEM) to sign alert feeds and audit receipts")
    serve.add_argument("--tls-cert", help="server certificate chain (PEM); with --tls-key serves HTTPS")
    serve.add_argument("--tls-key", help="server private key (PEM)")
    serve.add_argument("--client-ca", help="require booth client certificates signed by this CA (mutual TLS)")
    serve.set_defaults(central_handler=cmd_serve)

    publish = sub.add_parser("publish", help="sign a list and publish it")
    publish.add_argument("kind", choices=[k for k in LIST_KINDS if k != "alerts"])
    publish.add_argument(
        "file",
        help='JSON file: a list of records, or {"records": [...]}; for trusted_certificates also a PEM/DER'
        " bundle of CSCA certificates and CRLs",
    )
    publish.add_argument("--key", required=True, help="Ed25519 private key (PEM) of the central side")
    publish.add_argument("--db", default=DEFAULT_DB, help="SQLite file or postgresql:// URL")
    publish.add_argument(
        "--booth", default=ALL_BOOTHS, help="the booth the list is for (default: every booth)"
    )
    publish.add_argument("--version", type=int, help="list version (default: newest published + 1)")
    publish.add_argument(
        "--delta", type=int, metavar="BASE", help="publish as a delta on top of version BASE"
    )
    publish.add_argument(
        "--valid-days", type=float, default=7.0, help="days until the list expires (default 7)"
    )
    publish.set_defaults(central_handler=cmd_publish)

    booths = sub.add_parser("booths", help="manage booth registrations")
    booths_sub = booths.add_subparsers(dest="booths_command", metavar="ACTION", required=True)
    add = booths_sub.add_parser("add", help="register a booth (or issue it a new token); prints the token")
    add.add_argument("booth_id")
    add.add_argument("--db", default=DEFAULT_DB, help="SQLite file or postgresql:// URL")
    add.set_defaults(central_handler=cmd_booths_add)

    revoke = booths_sub.add_parser("revoke", help="revoke a booth's token (a stolen or retired booth)")
    revoke.add_argument("booth_id")
    revoke.add_argument("--db", default=DEFAULT_DB, help="SQLite file or postgresql:// URL")
    revoke.set_defaults(central_handler=cmd_booths_revoke)

    keygen = sub.add_parser("keygen", help="make an Ed25519 list signing key pair")
    keygen.add_argument("--out", default="central-list", help="file prefix: writes PREFIX.key and PREFIX.pub")
    keygen.set_defaults(central_handler=cmd_keygen)

    openapi = sub.add_parser("openapi", help="print the API's OpenAPI document (JSON)")
    openapi.set_defaults(central_handler=cmd_openapi)


def _storage(target: str) -> Any:
    try:
        return open_storage(target)
    except Exception as exc:  # sqlite3/psycopg errors differ; the operator needs the reason, not a trace
        raise CentralCommandError(f"cannot open the central database {target!r}: {exc}") from exc


def _read_key(path: str) -> Any:
    try:
        return load_private_key(Path(path).read_bytes())
    except OSError as exc:
        raise CentralCommandError(f"cannot read key {path}: {exc.strerror or exc}") from exc
    except ConfigurationError as exc:
        raise CentralCommandError(f"{path}: {exc}") from exc


def cmd_serve(args: argparse.Namespace) -> int:
    # the server's own dependencies (the `central` extra) load only when a server is started
    import uvicorn  # noqa: PLC0415

    from sync.server.app import ServerSettings, create_app  # noqa: PLC0415

    if bool(args.tls_cert) != bool(args.tls_key):
        raise CentralCommandError("--tls-cert and --tls-key go together")
    if args.client_ca and not args.tls_cert:
        raise CentralCommandError("--client-ca needs --tls-cert and --tls-key")
    storage = _storage(args.db)
    admin = os.environ.get(ADMIN_TOKEN_ENV)
    settings = ServerSettings(
        storage=storage,
        signing_key=_read_key(args.list_key) if args.list_key else None,
        test_faults=os.environ.get(FAULTS_ENV) == "1",
        admin_token_hash=hash_token(admin) if admin else None,
    )
    app = create_app(settings)
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    # IPPROTO_TCP explicitly: asyncio turns Nagle off only on sockets that say they are TCP, and with
    # Nagle on, a reply written in two parts waits 40 ms for a delayed ACK on every reused connection
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((args.host, args.port))
    except OSError as exc:
        raise CentralCommandError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from exc
    port = sock.getsockname()[1]
    ssl_options: dict[str, Any] = {}
    if args.tls_cert:
        ssl_options = {"ssl_certfile": args.tls_cert, "ssl_keyfile": args.tls_key}
        if args.client_ca:
            ssl_options.update(ssl_ca_certs=args.client_ca, ssl_cert_reqs=ssl.CERT_REQUIRED)
    scheme = "https" if args.tls_cert else "http"
    config = uvicorn.Config(app, log_level="warning", access_log=False, timeout_keep_alive=30, **ssl_options)
    print(
        f"central server listening on {scheme}://{args.host}:{port} (database: {storage.dialect})", flush=True
    )
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        storage.close()
    return 0


def _read_records(kind: str, file: str) -> Any:
    try:
        raw = Path(file).read_bytes()
    except OSError as exc:
        raise CentralCommandError(f"cannot read {file}: {exc.strerror or exc}") from exc
    if kind == TRUSTED_CERTIFICATES and not raw.lstrip().startswith((b"[", b"{")):
        try:
            return records_from_bundle(raw)
        except BundleError as exc:
            raise CentralCommandError(f"{file}: {exc}") from exc
    try:
        data = json.loads(raw.decode("utf-8"))
    except ValueError as exc:
        raise CentralCommandError(f"{file} is not JSON: {exc}") from exc
    return data.get("records") if isinstance(data, dict) else data


def cmd_publish(args: argparse.Namespace) -> int:
    key = _read_key(args.key)
    records = _read_records(args.kind, args.file)
    if not isinstance(records, list):
        raise CentralCommandError(f'{args.file}: expected a list of records or {{"records": [...]}}')
    storage = _storage(args.db)
    try:
        version = args.version or storage.latest_list_version(args.kind) + 1
        envelope = sign_list(
            key,
            kind=args.kind,
            version=version,
            records=records,
            booth=args.booth,
            delta=args.delta is not None,
            base_version=args.delta,
            valid_for=timedelta(days=args.valid_days),
        )
        storage.publish_list(
            kind=args.kind,
            booth=args.booth,
            version=version,
            base_version=args.delta,
            delta=args.delta is not None,
            envelope=json.dumps(envelope, sort_keys=True),
        )
    except (ConflictError, ValueError) as exc:
        raise CentralCommandError(str(exc)) from exc
    finally:
        storage.close()
    target = "every booth" if args.booth == ALL_BOOTHS else f"booth {args.booth}"
    print(f"published {args.kind} list version {version} ({len(records)} records) for {target}")
    return 0


def cmd_booths_add(args: argparse.Namespace) -> int:
    storage = _storage(args.db)
    try:
        token = storage.add_booth(args.booth_id)
    finally:
        storage.close()
    print(token)
    print(
        f"booth {args.booth_id} registered; put this token in its config ([central] token)", file=sys.stderr
    )
    return 0


def cmd_booths_revoke(args: argparse.Namespace) -> int:
    storage = _storage(args.db)
    try:
        revoked = storage.revoke_booth(args.booth_id)
    finally:
        storage.close()
    if not revoked:
        raise CentralCommandError(f"no booth {args.booth_id} is registered")
    print(f"booth {args.booth_id}: token revoked; its requests are refused from now on")
    return 0


def cmd_keygen(args: argparse.Namespace) -> int:
    private, public = generate_key()
    key_path, pub_path = Path(f"{args.out}.key"), Path(f"{args.out}.pub")
    if key_path.exists():
        raise CentralCommandError(f"{key_path} exists; refusing to overwrite a signing key")
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(private)
    pub_path.write_bytes(public)
    print(f"wrote {key_path} (keep it on the central side) and {pub_path} (pin it in each booth's config)")
    return 0


def openapi_document() -> dict[str, Any]:
    from sync.server.app import ServerSettings, create_app  # noqa: PLC0415 - FastAPI only when asked
    from sync.server.storage import SqliteStorage  # noqa: PLC0415

    return create_app(ServerSettings(storage=SqliteStorage(":memory:"))).openapi()


def cmd_openapi(args: argparse.Namespace) -> int:
    print(json.dumps(openapi_document(), indent=2, sort_keys=True))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sync.server", description="Reference central server.")
    add_commands(parser.add_subparsers(dest="command", metavar="COMMAND", required=True))
    args = parser.parse_args(argv)
    try:
        status: int = args.central_handler(args)
    except CentralCommandError as exc:
        print(f"central: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return status
