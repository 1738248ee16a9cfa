"""``station central``: the reference central server and its operator commands.

``serve`` runs the server (FastAPI + uvicorn, the ``central`` extra); ``publish`` signs a list and
publishes it; ``booths add`` registers a booth and prints its token; ``keygen`` makes the list
signing key pair; ``openapi`` prints the API document. The commands live in ``sync.server.cli``
(also runnable as ``python -m sync.server``); this module only plugs them into ``station``.
"""

from __future__ import annotations

import argparse

from station.cli import CommandError
from sync.server.cli import CentralCommandError, add_commands


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("central", help="the reference central server (serve, publish, booths, keygen)")
    add_commands(parser.add_subparsers(dest="central_command", metavar="ACTION", required=True))
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    try:
        status: int = args.central_handler(args)
    except CentralCommandError as exc:
        raise CommandError(str(exc)) from None
    return status
