"""``station sync``: the booth's link to the central side, seen and driven from a terminal.

``status`` reads what the sync worker recorded in the booth's store (backlog, oldest unsent, last
success, last error, lists held and their expiry), so it works while the station app runs.
``now`` runs one sync round in this process and prints what it did. ``requeue`` puts records the
central side rejected back in the queue, once a supervisor has had the cause fixed.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from station.cli import CommandError
from station.cli.cmd_config import add_store_options, db_path, load_config
from station.store import KnownStoreError, Store
from station.sync_service import SyncService
from sync.client import SyncStatus, connect_booth_db, read_sync_status
from sync.errors import SyncError
from sync.state import read_status


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("sync", help="the booth's sync with the central side")
    actions = parser.add_subparsers(dest="sync_command", metavar="ACTION")
    actions.required = True

    status = actions.add_parser("status", help="backlog, last success, last error, lists held")
    add_store_options(status)
    status.add_argument("--json", action="store_true", help="print one JSON object")
    status.set_defaults(handler=_status)

    now = actions.add_parser("now", help="send the backlog and pull lists now")
    add_store_options(now)
    now.set_defaults(handler=_now)

    requeue = actions.add_parser("requeue", help="queue records the central side rejected again")
    add_store_options(requeue)
    requeue.set_defaults(handler=_requeue)


def _open_db(args: argparse.Namespace) -> Path:
    path = db_path(args)
    try:
        Store.open(path).close()  # create/migrate, with the store's plain errors for a bad file
    except KnownStoreError as exc:
        raise CommandError(str(exc)) from None
    return path


def _print_status(status: SyncStatus) -> None:
    print(f"backlog:        {status.backlog} record(s), {status.pending_files} file(s)")
    print(f"oldest unsent:  {status.oldest_unsent or '-'}")
    print(f"last success:   {status.last_success or 'never'}")
    print(
        f"last error:     {status.last_error or '-'}"
        + (f" (at {status.last_error_at})" if status.last_error_at else "")
    )
    print(f"rejected:       {status.rejected}")
    for kind, (version, expires) in sorted(status.lists.items()):
        print(f"list {kind}: version {version}, expires {expires}")
    for warning in status.warnings:
        print(f"WARNING: {warning}")


def _status(args: argparse.Namespace) -> int:
    conn = connect_booth_db(_open_db(args))
    try:
        status = read_sync_status(conn)
        receipt = read_status(conn).get("audit_receipt")
    finally:
        conn.close()
    if args.json:
        print(json.dumps({**status.to_json(), "audit_receipt": json.loads(receipt) if receipt else None}))
    else:
        _print_status(status)
        if receipt:
            held = json.loads(receipt)
            print(
                f"audit head:     entry {held['seq']} received by the central side at {held['received_at']}"
            )
    return 0


def _now(args: argparse.Namespace) -> int:
    config = load_config(args)
    path = _open_db(args)
    try:
        service = SyncService(config, db_path=path)
    except SyncError as exc:
        raise CommandError(str(exc), 2) from None
    try:
        report = service.run_once()
    except SyncError as exc:
        raise CommandError(f"sync failed: {exc} (nothing is lost; the records stay queued)") from None
    finally:
        service.stop()
    print(
        f"sent {report.accepted} record(s) ({report.duplicates} already held), {report.rejected} rejected,"
        f" {report.files_done} file(s); lists applied: {', '.join(report.lists_applied) or 'none'}"
    )
    for problem in report.problems:
        print(f"WARNING: {problem}")
    return 0


def _requeue(args: argparse.Namespace) -> int:
    conn = connect_booth_db(_open_db(args))
    try:
        count = conn.execute(
            "UPDATE outbox SET state = 'pending', attempts = 0 WHERE state = 'rejected'"
        ).rowcount
    finally:
        conn.close()
    print(f"{count} rejected record(s) queued again")
    return 0
