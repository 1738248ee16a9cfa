"""``station mrz parse``: MRZ text in, one JSON object per MRZ out (for scripts and benchmarks)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Iterator

from mrz import MRZError, parse
from station.cli import CommandError

_DESCRIPTION = """\
Parse, check and correct machine readable zones (ICAO Doc 9303: TD1, TD2, TD3, MRV-A, MRV-B and
the pre-2021 French ID card) and print one JSON object per MRZ:

  {"mrz": "...", "format": "TD3", "valid": true, "fields": {...}, "checks": {...},
   "corrections": [...], "findings": [...], "elapsed_ms": 0.2}

The lines of one MRZ are separated by real newlines; several MRZs by a blank line. A literal
backslash-n is not a line break: in a shell write $'LINE1\\nLINE2', or pipe the text in with '-'.
Corrections and finding evidence count lines and positions from 1, as Doc 9303 does.
Exit status: 0 when every MRZ parsed (even with failed checks), 1 when some input is not an MRZ."""

_EXAMPLE = """\
example:
  station mrz parse $'I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\\nD231458907UTO7408122F1204159<<<<<<<6'
  cat scans.txt | station mrz parse -"""


def register(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds the ``parse`` action to ``station mrz``."""
    parser = actions.add_parser(
        "parse",
        help="parse MRZ text and print JSON",
        description=_DESCRIPTION,
        epilog=_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "text",
        nargs="?",
        default="-",
        help="the MRZ text (real newlines between lines); '-' or nothing reads standard input",
    )
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        metavar="YYYY-MM-DD",
        help="the date that anchors two-digit years (default: today)",
    )
    parser.add_argument(
        "--no-correct", action="store_true", help="report OCR confusions, do not correct them"
    )
    parser.add_argument("--pretty", action="store_true", help="indent the JSON (one object per block)")
    parser.set_defaults(handler=run)


def split_blocks(text: str) -> Iterator[str]:
    """MRZs separated by one or more blank lines."""
    block: list[str] = []
    for line in text.splitlines():
        if line.strip():
            block.append(line)
        elif block:
            yield "\n".join(block)
            block = []
    if block:
        yield "\n".join(block)


def _read_stdin() -> str:
    """Bytes that are not UTF-8 become U+FFFD, which the parser then names as not an MRZ
    character, instead of a decoding traceback."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:
        return sys.stdin.read()
    data: bytes = buffer.read()
    return data.decode("utf-8", errors="replace")


def run(args: argparse.Namespace) -> int:
    text = _read_stdin() if args.text == "-" else args.text
    blocks = list(split_blocks(text))
    if not blocks:
        raise CommandError("no MRZ text given (pass it as an argument or on standard input)")
    failed = 0
    for number, block in enumerate(blocks, 1):
        started = time.perf_counter()
        try:
            result = parse(block, today=args.today, correct=not args.no_correct)
        except MRZError as exc:
            failed += 1
            where = f"MRZ {number}: " if len(blocks) > 1 else ""
            hint = ""
            if "\\n" in block:
                hint = " (the text holds a literal \\n: separate lines with real newlines: $'LINE1\\nLINE2')"
            print(f"station: {where}{exc}{hint}", file=sys.stderr)
            continue
        out = result.to_json()
        out["elapsed_ms"] = round((time.perf_counter() - started) * 1000, 3)
        print(json.dumps(out, ensure_ascii=False, indent=2 if args.pretty else None))
    return 1 if failed else 0
