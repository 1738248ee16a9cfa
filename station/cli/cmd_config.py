"""``station config``: check a booth file, show the effective settings, print the documented example.

Also home of the ``--config``/``--db`` options that the store-backed commands (``users``, ``audit``)
share, so they find the booth's files the same way."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from station.cli import CommandError
from station.config import Config, ConfigError, default_config_path, render_example


def add_config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        metavar="PATH",
        help="booth configuration file (default: $STATION_CONFIG or the platform's)",
    )


def add_store_options(parser: argparse.ArgumentParser) -> None:
    add_config_option(parser)
    parser.add_argument(
        "--db", metavar="PATH", help="booth database (default: store.path from the configuration)"
    )


def load_config(args: argparse.Namespace) -> Config:
    try:
        return Config.load(args.config)
    except ConfigError as exc:
        raise CommandError(str(exc), 2) from None


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else load_config(args).store_path()


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("config", help="check and show the booth's configuration")
    actions = parser.add_subparsers(dest="config_command", metavar="ACTION")
    actions.required = True

    check = actions.add_parser("check", help="validate a booth configuration file")
    check.add_argument("file", type=Path, help="TOML file to check")
    check.set_defaults(handler=_check)

    show = actions.add_parser("show", help="print the effective settings as TOML")
    show.add_argument(
        "--show-secrets", action="store_true", help="print the central token instead of <hidden>"
    )
    add_config_option(show)
    show.set_defaults(handler=_show)

    example = actions.add_parser("example", help="print the documented example file")
    example.set_defaults(handler=_example)


def _check(args: argparse.Namespace) -> int:
    try:
        Config.load(args.file)
    except ConfigError as exc:
        for problem in exc.problems:
            print(f"{exc.source}: {problem}", file=sys.stderr)
        return 1
    print(f"{args.file}: OK")
    return 0


def _show(args: argparse.Namespace) -> int:
    config = load_config(args)
    where = str(config.source) if config.source else f"built-in defaults (no file at {default_config_path()})"
    print(f"# effective configuration from: {where}")
    print(f"# store file: {config.store_path()}")
    print(config.to_toml(hide_secrets=not args.show_secrets), end="")
    return 0


def _example(args: argparse.Namespace) -> int:
    print(render_example(), end="")
    return 0
