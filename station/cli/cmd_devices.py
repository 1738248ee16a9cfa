"""``station devices``: what devices the booth has, and a diagnostic read from a serial MRZ reader.

``station devices read`` prints every event as it happens (one JSON object per line with
``--json``), so an engineer at the booth, a script or a test can see exactly what the reader sends:
scans, failed reads, the port going away and coming back.
"""

from __future__ import annotations

import argparse
import json
import queue
import sys
import time
from typing import Any

from serial.tools import list_ports

from devices.base import DRIVERS, DeviceConfig, EventQueue, create
from devices.scan import DeviceEvent, DocumentScan
from station.cli import CommandError
from station.cli.cmd_config import add_config_option, load_config

PROTOCOL_DRIVERS = {"plain": "serial-plain", "desko": "serial-desko", "rte": "serial-rte"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("devices", help="list the booth's devices; read from a serial MRZ reader")
    actions = parser.add_subparsers(dest="devices_command", metavar="ACTION")
    actions.required = True

    listing = actions.add_parser("list", help="configured devices and the serial ports present")
    add_config_option(listing)
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    listing.set_defaults(handler=list_devices)

    read = actions.add_parser("read", help="read documents from a serial MRZ reader and print them")
    read.add_argument("--protocol", choices=sorted(PROTOCOL_DRIVERS), required=True)
    read.add_argument("--port", required=True, help="serial port, e.g. /dev/ttyUSB0, COM3 or a pty")
    read.add_argument("--baud", type=int, default=9600)
    read.add_argument("--parity", choices=["N", "E", "O", "M", "S"], default="N")
    read.add_argument("--bytesize", type=int, choices=[5, 6, 7, 8], default=8)
    read.add_argument("--stopbits", type=float, choices=[1, 1.5, 2], default=1)
    read.add_argument("--idle-gap", type=float, default=0.5, help="seconds of silence that end a frame")
    read.add_argument("--count", type=int, help="exit after this many scans")
    read.add_argument("--timeout", type=float, help="give up after this many seconds")
    read.add_argument("--json", action="store_true", help="one JSON object per event")
    read.set_defaults(handler=read_devices)


def list_devices(args: argparse.Namespace) -> int:
    config = load_config(args)
    rows: list[dict[str, Any]] = [
        {"configured": True, "name": d.name, "kind": d.kind, "driver": d.driver, "port": d.port}
        for d in config.devices
    ]
    rows += [
        {"configured": False, "port": p.device, "description": p.description, "hwid": p.hwid}
        for p in sorted(list_ports.comports(), key=lambda p: p.device)
    ]
    if args.json:
        for row in rows:
            print(json.dumps(row))
        return 0
    if not config.devices:
        print("configured devices: none" + (f" ({config.source})" if config.source else " (no booth file)"))
    for d in config.devices:
        known = "" if d.driver in DRIVERS else "  (driver not known to this station)"
        print(f"configured  {d.name:12} {d.kind:12} {d.driver:14} {d.port}{known}")
    ports = [row for row in rows if not row["configured"]]
    if not ports:
        print("serial ports: none detected")
    for row in ports:
        print(f"serial      {row['port']:30} {row['description']}")
    return 0


def _event_json(event: DeviceEvent) -> dict[str, Any]:
    if isinstance(event, DocumentScan):
        return {
            "event": "scan",
            "mrz": event.mrz_text,
            "source": event.source,
            "at": event.finished_at.isoformat(),
        }
    return {
        "event": "status",
        "state": str(event.state),
        "reason": event.reason,
        "source": event.source,
        "at": event.at.isoformat(),
    }


def _event_text(event: DeviceEvent) -> str:
    if isinstance(event, DocumentScan):
        return f"scan    {(event.mrz_text or '').replace(chr(10), ' / ')}"
    return f"status  {event.state}" + (f": {event.reason}" if event.reason else "")


def read_devices(args: argparse.Namespace) -> int:
    if args.count is not None and args.count < 1:
        raise CommandError("--count must be at least 1", 2)
    config = DeviceConfig(
        name=args.port,
        driver=PROTOCOL_DRIVERS[args.protocol],
        port=args.port,
        baud=args.baud,
        parity=args.parity,
        bytesize=args.bytesize,
        stopbits=args.stopbits,
        options={"idle_gap": args.idle_gap},
    )
    events = EventQueue()
    device = create(config, events)
    deadline = None if args.timeout is None else time.monotonic() + args.timeout
    scans = 0
    device.open()
    try:
        while args.count is None or scans < args.count:
            wait = 0.5 if deadline is None else deadline - time.monotonic()
            if wait <= 0:
                got = "" if args.count is None else f" with {scans} of {args.count} scans"
                raise CommandError(f"timed out after {args.timeout:g} s{got}", 3)
            try:
                event = events.get(timeout=min(wait, 0.5))
            except queue.Empty:
                continue
            scans += isinstance(event, DocumentScan)
            print(json.dumps(_event_json(event)) if args.json else _event_text(event), flush=True)
    except KeyboardInterrupt:
        print(f"stopped after {scans} scan(s)", file=sys.stderr)
        return 130
    finally:
        device.close()
    return 0
