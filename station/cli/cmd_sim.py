"""``station sim``: simulated devices that speak the same bytes (or write the same files) as real ones.

- ``station sim reader``: writes MRZ reader frames of generated documents to a serial port or pty,
  with faults on request, and prints one JSON line per frame sent;
- ``station sim scanner``: renders generated documents under white/IR/UV light into a hot folder;
- ``station sim camera``: writes a video file a ``camera`` device can play as its source.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

import serial

from devices.sim.camera import write_video
from devices.sim.document import Defect
from devices.sim.reader import ENCODERS, Fault, simulate
from devices.sim.scanner import write_document_set
from station.cli import CommandError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("sim", help="simulated readers, scanners and cameras for tests and demos")
    actions = parser.add_subparsers(dest="sim_command", metavar="DEVICE")
    actions.required = True

    reader = actions.add_parser("reader", help="send MRZ reader frames to a serial port")
    reader.add_argument("--protocol", choices=sorted(ENCODERS), required=True)
    reader.add_argument("--port", required=True, help="serial port or pty to write to")
    reader.add_argument("--baud", type=int, default=9600)
    reader.add_argument("--count", type=int, default=1, help="good documents to send (default 1)")
    reader.add_argument("--interval", type=float, default=0.2, help="seconds between documents")
    reader.add_argument(
        "--fault",
        action="append",
        default=[],
        choices=[str(f) for f in Fault],
        help="inject a fault (repeatable)",
    )
    reader.add_argument("--fault-every", type=int, default=2, help="inject faults before every Nth document")
    reader.add_argument("--seed", type=int, default=0)
    reader.set_defaults(handler=sim_reader)

    scanner = actions.add_parser("scanner", help="render white/IR/UV image sets into a hot folder")
    scanner.add_argument("--folder", required=True, type=Path)
    scanner.add_argument("--count", type=int, default=1)
    scanner.add_argument(
        "--defect", action="append", default=[], choices=[str(d) for d in Defect], help="repeatable"
    )
    scanner.add_argument("--seed", type=int, default=0)
    scanner.set_defaults(handler=sim_scanner)

    camera = actions.add_parser("camera", help="write a video file to use as a camera source")
    camera.add_argument("--out", required=True, type=Path, help="video file (.avi)")
    camera.add_argument("--seconds", type=float, default=3.0)
    camera.add_argument("--fps", type=int, default=10)
    camera.add_argument("--seed", type=int, default=0)
    camera.set_defaults(handler=sim_camera)


def _print(line: dict[str, Any]) -> None:
    print(json.dumps(line), flush=True)


def sim_reader(args: argparse.Namespace) -> int:
    try:
        port = serial.Serial(args.port, args.baud, timeout=1, write_timeout=5)
    except (serial.SerialException, OSError) as exc:
        raise CommandError(f"cannot open {args.port}: {exc}", 2) from None
    try:
        simulate(
            port,
            args.protocol,
            count=args.count,
            interval=args.interval,
            faults=[Fault(f) for f in args.fault],
            fault_every=max(1, args.fault_every),
            seed=args.seed,
            report=_print,
        )
    except ValueError as exc:
        raise CommandError(str(exc), 2) from None
    except (serial.SerialException, OSError) as exc:
        raise CommandError(f"port {args.port} failed: {exc}", 1) from None
    finally:
        port.close()
    return 0


def sim_scanner(args: argparse.Namespace) -> int:
    rng = random.Random(args.seed)
    defects = frozenset(Defect(d) for d in args.defect)
    for _ in range(args.count):
        written = write_document_set(args.folder, rng, defects=defects)
        _print(
            {"event": "written", "id": written.document_id, "mrz": written.mrz_text, "defects": args.defect}
        )
    return 0


def sim_camera(args: argparse.Namespace) -> int:
    frames = write_video(args.out, seconds=args.seconds, fps=args.fps, seed=args.seed)
    _print({"event": "written", "file": str(args.out), "frames": frames})
    return 0
