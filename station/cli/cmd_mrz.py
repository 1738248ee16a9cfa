"""``station mrz``: the MRZ tools (``parse`` text, ``read`` images)."""

from __future__ import annotations

import argparse

from station.cli import mrz_parse, mrz_read


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("mrz", help="parse MRZ text or read MRZs from images")
    actions = parser.add_subparsers(dest="mrz_command", metavar="ACTION")
    actions.required = True
    mrz_parse.register(actions)
    mrz_read.register(actions)
