"""``station lists``: load screening lists into the booth's store, and show which versions it holds.

``station lists load KIND FILE`` replaces list KIND (persons, documents, api, history) by the
file's records in one transaction: a bad file is reported with its line number and nothing of it
is loaded. The file formats are described in :mod:`station.screening.lists`. KIND ``csca`` adds the
CSCA certificates and CRLs of a PEM/DER bundle or an ICAO master list to the chip trust list
(:mod:`station.chip_trust`), also all or nothing.
"""

from __future__ import annotations

import argparse
import json
import time

from station.chip_trust import TrustListError, load_trust_list
from station.cli import CommandError
from station.cli.cmd_config import add_store_options, db_path
from station.screening.lists import KINDS, ListFormatError, list_versions, load_file
from station.store import KnownStoreError, Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("lists", help="screening lists: load from files, show versions")
    actions = parser.add_subparsers(dest="lists_command", metavar="ACTION")
    actions.required = True

    load = actions.add_parser("load", help="replace a screening list by the records of a CSV or JSON file")
    load.add_argument("kind", choices=(*KINDS, "csca"), help="which list")
    load.add_argument("file", help="CSV (header line first), JSON array, or JSON Lines (.jsonl) file")
    load.add_argument("--version", dest="list_version", help="version label (default: file name + hash)")
    add_store_options(load)
    load.set_defaults(handler=_load)

    show = actions.add_parser("show", help="print the lists the booth holds (JSON)")
    add_store_options(show)
    show.set_defaults(handler=_show)


def open_store(args: argparse.Namespace) -> Store:
    try:
        return Store.open(db_path(args))
    except KnownStoreError as exc:
        raise CommandError(f"cannot open the booth store: {exc}") from None


def _load(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    if args.kind == "csca":
        return _load_csca(args)
    with open_store(args) as store:
        try:
            with store.transaction() as conn:
                count = load_file(conn, args.kind, args.file, args.list_version)
        except ListFormatError as exc:
            raise CommandError(f"{exc} (nothing loaded)", 2) from None
        except KnownStoreError as exc:
            raise CommandError(f"cannot write the booth store: {exc} (nothing loaded)") from None
    print(f"{args.kind}: {count} entries loaded from {args.file} in {time.perf_counter() - started:.1f} s")
    return 0


def _load_csca(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        try:
            report = load_trust_list(store, args.file)
        except TrustListError as exc:
            raise CommandError(f"{exc} (nothing loaded)", 2) from None
        except KnownStoreError as exc:
            raise CommandError(f"cannot write the booth store: {exc} (nothing loaded)") from None
    print(
        f"csca: {report.cscas_added} CSCA certificates and {report.crls_added} CRLs added,"
        f" {report.already_known} already known, from {args.file}"
    )
    return 0


def _show(args: argparse.Namespace) -> int:
    with open_store(args) as store, store.read() as conn:
        print(json.dumps(list_versions(conn), indent=2, sort_keys=True))
    return 0
