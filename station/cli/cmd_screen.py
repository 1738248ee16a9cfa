"""``station screen``: screen one traveller against the booth's lists, as the checks do.

``station screen --surname S --given G [--birth YYYY-MM-DD] [--nationality XXX] [--doc N --state XXX] --json``
prints ``{"hits": [{"kind": "person"|"document", "id": ..., "score": 0..1, "explanation": {...}}],
"lists": {...}, "elapsed_ms": ...}``; the exit status is 0 with or without hits.
"""

from __future__ import annotations

import argparse
import datetime
import json
import time
from typing import Any

from station.cli import CommandError
from station.cli.cmd_config import add_store_options, load_config
from station.cli.cmd_lists import open_store
from station.screening.documents import screen_document
from station.screening.lists import list_versions
from station.screening.persons import PersonQuery, ScreeningSettings, screen_person


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "screen", help="screen a traveller against the watchlist and lost/stolen documents"
    )
    parser.add_argument("--surname", default="", help="family name (any script)")
    parser.add_argument("--given", default="", help="given names (any script)")
    parser.add_argument("--birth", default="", metavar="YYYY-MM-DD", help="birth date (or year)")
    parser.add_argument("--nationality", default="", metavar="XXX", help="3-letter nationality code")
    parser.add_argument("--doc", default="", metavar="N", help="document number")
    parser.add_argument("--state", default="", metavar="XXX", help="document's issuing state")
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_store_options(parser)
    parser.set_defaults(handler=_screen)


def _screen(args: argparse.Namespace) -> int:
    if not (args.surname or args.given) and not args.doc:
        raise CommandError("give a name (--surname/--given) or a document (--doc with --state)", 2)
    if args.doc and not args.state:
        raise CommandError("--doc needs --state (the document's issuing state)", 2)
    if args.birth and not _is_birth(args.birth):
        raise CommandError(f"--birth {args.birth!r}: expected YYYY-MM-DD or YYYY", 2)
    settings = ScreeningSettings.from_config(load_config(args))
    started = time.perf_counter()
    hits: list[dict[str, Any]] = []
    with open_store(args) as store, store.read() as conn:
        versions = list_versions(conn)
        if args.surname or args.given:
            query = PersonQuery(args.surname, args.given, args.birth, args.nationality.upper())
            for hit in screen_person(conn, query, settings):
                hits.append(
                    {
                        "kind": "person",
                        "id": hit.person.id,
                        "score": round(hit.score, 3),
                        "explanation": hit.explanation(),
                    }
                )
        if args.doc:
            for doc in screen_document(conn, args.doc, args.state):
                hits.append(
                    {"kind": "document", "id": doc.id, "score": 1.0, "explanation": doc.explanation()}
                )
    elapsed = (time.perf_counter() - started) * 1000
    if args.json:
        out = {
            "hits": hits,
            "lists": versions,
            "threshold": settings.threshold,
            "elapsed_ms": round(elapsed, 2),
        }
        print(json.dumps(out, ensure_ascii=False))
    elif not hits:
        print("no hits")
    else:
        for row in hits:
            print(f"{row['kind']} {row['id']} score {row['score']:.2f}: {row['explanation']['summary']}")
    return 0


def _is_birth(value: str) -> bool:
    if len(value) == 4 and value.isdigit():
        return True
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10
