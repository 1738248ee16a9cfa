"""``station setup``: first run on a new booth, and ``station setup --upgrade`` after a new release.

First run writes the booth's configuration file (identity and central link), checks the central
server accepts the booth's token (unless ``--offline``), creates the store and its first
administrator. Run again, it changes only what it is given and keeps an existing administrator,
so a booth can be re-registered (a new token) without losing anything. The token is never taken
on the command line (process lists show arguments): from ``--token-file`` or a prompt.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from station.auth import AuthError
from station.cli import CommandError
from station.cli.cmd_config import add_config_option
from station.config import Config, ConfigError, default_config_path, write_booth_file
from station.firstrun import (
    BoothIdentity,
    CentralLink,
    SetupError,
    admins,
    configure,
    create_admin,
    upgrade_store,
    verify_registration,
)
from station.store import KnownStoreError, Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "setup",
        help="set up this booth: configuration, first administrator, central registration",
        description="First run: writes the booth's configuration file, checks the booth's registration"
        " with the central server, creates the store and the first administrator. With --upgrade: backs"
        " up the store and applies the migrations of this release.",
    )
    add_config_option(parser)
    parser.add_argument("--upgrade", action="store_true", help="back up and migrate the store; nothing else")
    booth = parser.add_argument_group("booth")
    booth.add_argument("--crossing-point", help="border crossing point code")
    booth.add_argument("--booth-id", help="this booth's identifier (as registered on the central side)")
    booth.add_argument("--direction", choices=("entry", "exit", "both"))
    booth.add_argument("--lane")
    central = parser.add_argument_group("central server")
    central.add_argument("--central-url", help="base URL of the central API (https://host:port)")
    central.add_argument(
        "--token-file", type=Path, help="file holding the token from `station central booths add`"
    )
    central.add_argument("--ca-file", default="", help="PEM file of the CA of the central server")
    central.add_argument("--client-cert", default="", help="PEM file with this booth's certificate and key")
    central.add_argument("--list-public-key", default="", help="PEM file of the list signing public key")
    central.add_argument("--offline", action="store_true", help="no central server: work offline only")
    admin = parser.add_argument_group("first administrator")
    admin.add_argument("--admin-id", default="admin", help="login ID (default: admin)")
    admin.add_argument("--admin-name", default="Booth administrator", help="full name shown on screen")
    admin.add_argument("--pin-stdin", action="store_true", help="read the administrator's PIN from stdin")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    path = Path(args.config) if args.config else default_config_path()
    try:
        base = Config.load(path) if path.exists() else Config.defaults()
    except ConfigError as exc:
        raise CommandError(str(exc), 2) from None
    try:
        if args.upgrade:
            print(upgrade_store(base.store_path()).summary())
            return 0
        return _first_run(args, base, path)
    except SetupError as exc:
        raise CommandError(str(exc)) from None
    except KnownStoreError as exc:
        raise CommandError(f"the store cannot be used: {exc}") from None


def _first_run(args: argparse.Namespace, base: Config, path: Path) -> int:
    identity = BoothIdentity(
        crossing_point=args.crossing_point or _ask("Crossing point code", base, base.booth.crossing_point),
        booth_id=args.booth_id or _ask("Booth ID", base, base.booth.booth_id),
        direction=args.direction,
        lane=args.lane,
    )
    link = None if args.offline else _central_link(args, base)
    try:
        config = configure(base, booth=identity, central=link, path=path)
    except ConfigError as exc:
        raise CommandError(str(exc), 2) from None
    if link is not None:
        print(verify_registration(config))
    with Store.from_config(config) as store:
        existing = admins(store, config)
        if existing:
            print(f"administrator {existing[0].officer_id} exists in {config.store_path()}; kept")
        else:
            _create_admin(args, store, config)
            print(f"administrator {args.admin_id} created in {config.store_path()}")
    backup = write_booth_file(config, path)
    print(f"configuration written to {path}" + (f" (previous file kept as {backup})" if backup else ""))
    print("next: `station selftest`, then `station config show` to review the settings")
    return 0


def _central_link(args: argparse.Namespace, base: Config) -> CentralLink | None:
    url = args.central_url
    if not url and sys.stdin.isatty():
        url = (
            input(f"Central server URL, empty for offline [{base.central.url}]: ").strip() or base.central.url
        )
    elif not url:
        if not base.central.url:
            raise CommandError("give the central server: --central-url URL --token-file PATH, or --offline")
        url = base.central.url
    if not url:
        return None
    same_server = url.rstrip("/") == base.central.url
    return CentralLink(
        url=url,
        token=_token(args, base.central.token if same_server else ""),
        ca_file=_absolute(args.ca_file) or (base.central.ca_file if same_server else ""),
        client_cert=_absolute(args.client_cert) or (base.central.client_cert if same_server else ""),
        list_public_key=_absolute(args.list_public_key) or base.central.list_public_key,
    )


def _absolute(option: str) -> str:
    """A file named on the command line is relative to where setup runs; in the file, relative paths
    mean relative to the file. Written absolute, the file keeps pointing at what was named."""
    return str(Path(option).expanduser().resolve()) if option else ""


def _create_admin(args: argparse.Namespace, store: Store, config: Config) -> None:
    pin = _pin(args)
    try:
        create_admin(store, config, officer_id=args.admin_id, name=args.admin_name, pin=pin, actor=_actor())
    except (AuthError, ValueError) as exc:
        raise CommandError(f"administrator not created: {exc}") from None


def _actor() -> str:
    return f"setup:{getpass.getuser()}"


def _ask(question: str, base: Config, current: str) -> str:
    """A booth setting not given as an option: asked on a terminal; else kept from an existing file."""
    if sys.stdin.isatty():
        return input(f"{question} [{current}]: ").strip() or current
    if base.source is None:
        raise CommandError(f"{question.lower()} is required: give it as an option (no terminal to ask on)")
    return current


def _token(args: argparse.Namespace, current: str) -> str:
    token: str
    if args.token_file is not None:
        try:
            token = args.token_file.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"cannot read the token file {args.token_file}: {exc}") from None
    elif sys.stdin.isatty():
        token = getpass.getpass("Booth token (from `station central booths add`; empty: keep): ").strip()
        token = token or current
    elif current:
        token = current
    else:
        raise CommandError("a central URL needs the booth's token: --token-file PATH")
    if not token:
        raise CommandError("the booth token is empty")
    return token


def _pin(args: argparse.Namespace) -> str:
    if args.pin_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise CommandError("the administrator's PIN is needed: --pin-stdin, or run on a terminal")
    pin = getpass.getpass(f"PIN for {args.admin_id}: ")
    if getpass.getpass("Repeat the PIN: ") != pin:
        raise CommandError("the two PINs differ")
    return pin
