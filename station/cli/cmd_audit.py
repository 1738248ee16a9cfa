"""``station audit``: verify the hash-chained audit log, or show its last entries.

``verify`` opens the database read-only (it must not change what it judges) and exits 0 when the
chain and its anchors agree, 1 naming the first bad entry otherwise, 2 when there is no audit log
to judge (no such file, not a booth database)."""

from __future__ import annotations

import argparse
import json
import sqlite3
from pathlib import Path

from station import audit
from station.cli import CommandError
from station.cli.cmd_config import add_store_options, db_path
from station.store.anchor import head_file_path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("audit", help="verify and read the audit log")
    actions = parser.add_subparsers(dest="audit_command", metavar="ACTION")
    actions.required = True

    verify = actions.add_parser("verify", help="detect edited, deleted or truncated entries")
    verify.add_argument("--head-file", type=Path, help="anchor file (default: <db>.audit-head)")
    add_store_options(verify)
    verify.set_defaults(handler=_verify)

    show = actions.add_parser("show", help="print the last entries")
    show.add_argument("--last", type=int, default=20, metavar="N", help="how many (default 20)")
    show.add_argument("--json", action="store_true", help="one JSON object per entry")
    add_store_options(show)
    show.set_defaults(handler=_show)


def _connect(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise CommandError(f"{path}: no such database", 2)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        conn.execute("SELECT 1 FROM audit_log LIMIT 1")
    except sqlite3.Error as exc:
        raise CommandError(f"{path}: not a booth database with an audit log ({exc})", 2) from None
    return conn


def _verify(args: argparse.Namespace) -> int:
    path = db_path(args)
    conn = _connect(path)
    try:
        result = audit.verify(conn, args.head_file or head_file_path(path))
    finally:
        conn.close()
    print(result.summary())
    return 0 if result.ok else 1


def _show(args: argparse.Namespace) -> int:
    conn = _connect(db_path(args))
    try:
        for entry in audit.entries(conn, last=args.last):
            if args.json:
                print(json.dumps(entry.__dict__, ensure_ascii=False))
            else:
                details = json.dumps(entry.details, ensure_ascii=False) if entry.details else ""
                head = f"#{entry.seq:<6} {entry.at}  {entry.actor:<20} {entry.action:<24}"
                print(f"{head} {entry.target} {details}")
    finally:
        conn.close()
    return 0
