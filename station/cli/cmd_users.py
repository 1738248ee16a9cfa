"""``station users``: officer accounts on this booth (add, list, lock, unlock, set a PIN).

Run by someone with a shell on the booth (e.g. to create the first administrator); the audit log
records them as ``cli:<login name>``. PINs are asked without echo, or read from stdin with
``--pin-stdin`` (one line) for scripts."""

from __future__ import annotations

import argparse
import getpass
import json
import sys

from station.auth import Auth, AuthError, Officer, Role
from station.cli import CommandError
from station.cli.cmd_config import add_store_options, load_config
from station.store import KnownStoreError, Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("users", help="manage officer accounts")
    actions = parser.add_subparsers(dest="users_command", metavar="ACTION")
    actions.required = True

    add = actions.add_parser("add", help="add an officer")
    add.add_argument("officer_id", help="login ID (letters, digits, '-', '_', '.')")
    add.add_argument("--name", required=True, help="full name shown on screen")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--pin-stdin", action="store_true", help="read the PIN from standard input")
    add_store_options(add)
    add.set_defaults(handler=_add)

    listing = actions.add_parser("list", help="list officers")
    listing.add_argument("--json", action="store_true", help="one JSON object per officer")
    add_store_options(listing)
    listing.set_defaults(handler=_list)

    lock = actions.add_parser("lock", help="disable an account until it is unlocked")
    lock.add_argument("officer_id")
    lock.add_argument("--reason", default="", help="why (written to the audit log)")
    add_store_options(lock)
    lock.set_defaults(handler=_lock)

    unlock = actions.add_parser("unlock", help="re-enable an account and lift a PIN lockout")
    unlock.add_argument("officer_id")
    add_store_options(unlock)
    unlock.set_defaults(handler=_unlock)

    set_pin = actions.add_parser("set-pin", help="set a new PIN for an officer")
    set_pin.add_argument("officer_id")
    set_pin.add_argument("--pin-stdin", action="store_true", help="read the PIN from standard input")
    add_store_options(set_pin)
    set_pin.set_defaults(handler=_set_pin)


def _actor() -> str:
    return f"cli:{getpass.getuser()}"


def _open(args: argparse.Namespace) -> tuple[Store, Auth]:
    config = load_config(args)
    try:
        store = (
            Store.open(args.db, min_free_mb=config.store.min_free_mb)
            if args.db
            else Store.from_config(config)
        )
    except KnownStoreError as exc:
        raise CommandError(str(exc)) from None
    return store, Auth(store, settings=config.session)


def _read_pin(args: argparse.Namespace) -> str:
    if args.pin_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    pin = getpass.getpass("PIN: ")
    if getpass.getpass("Repeat the PIN: ") != pin:
        raise CommandError("the two PINs differ")
    return pin


def _run(args: argparse.Namespace, action: str) -> int:
    store, auth = _open(args)
    try:
        if action == "add":
            pin = _read_pin(args)
            officer = auth.add_officer(args.officer_id, args.name, args.role, pin, actor=_actor())
            print(f"added {officer.officer_id} ({officer.role.value})")
        elif action == "list":
            for officer in auth.officers():
                print(json.dumps(_as_json(officer)) if args.json else _as_line(officer))
        elif action == "lock":
            auth.disable(args.officer_id, actor=_actor(), reason=args.reason)
            print(f"locked {args.officer_id}")
        elif action == "unlock":
            auth.unlock_account(args.officer_id, actor=_actor())
            print(f"unlocked {args.officer_id}")
        elif action == "set-pin":
            auth.set_pin(args.officer_id, _read_pin(args), actor=_actor())
            print(f"new PIN set for {args.officer_id}")
    except KeyError:
        raise CommandError(f"no officer {args.officer_id!r}") from None
    except (AuthError, ValueError, KnownStoreError) as exc:
        raise CommandError(str(exc)) from None
    finally:
        store.close()
    return 0


def _as_json(officer: Officer) -> dict[str, object]:
    return {
        "officer_id": officer.officer_id,
        "name": officer.name,
        "role": officer.role.value,
        "disabled": officer.disabled,
        "locked_until": officer.locked_until.isoformat() if officer.locked_until else None,
        "failed_attempts": officer.failed_attempts,
    }


def _as_line(officer: Officer) -> str:
    state = "disabled" if officer.disabled else ("locked out" if officer.locked_until else "active")
    return f"{officer.officer_id:<16} {officer.role.value:<10} {state:<10} {officer.name}"


def _add(args: argparse.Namespace) -> int:
    return _run(args, "add")


def _list(args: argparse.Namespace) -> int:
    return _run(args, "list")


def _lock(args: argparse.Namespace) -> int:
    return _run(args, "lock")


def _unlock(args: argparse.Namespace) -> int:
    return _run(args, "unlock")


def _set_pin(args: argparse.Namespace) -> int:
    return _run(args, "set-pin")
