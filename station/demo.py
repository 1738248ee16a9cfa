"""The demo booth: everything ``station demo`` needs, headless, in one temporary folder.

A real booth store, officers for every role (PINs printed by ``station demo``), screening lists
generated from fictional people and loaded through the screening loaders, a hot-folder scanner
watched by the real driver, and (optionally) the reference central server embedded on 127.0.0.1
with this booth registered, so the outbox really drains. :meth:`DemoBooth.present_next` renders the
next document of a fixed script (some genuine, some with defects, a watchlist and a lost/stolen hit,
a minor, an unreadable MRZ) into the hot folder, exactly as a scanner would deliver it; each passport's
chip (genuine, or forged for one case) is put on the simulated desk chip reader just before, and the
booth's chip trust list holds the demo's test CSCA, so the chip checks run as at a real booth.

Nothing here imports Qt: the UI (``ui.app``) and the tests drive it.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import random
import socket
import threading
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher

from devices.hotfolder import LIGHT_SUFFIX, MARKER_SUFFIX, MRZ_SUFFIX
from devices.sim.desk_camera import seat_traveller
from devices.sim.document import Defect, photo_seed, render_document_scan
from devices.sim.emrtd.desk import place_chip, take_chip
from devices.sim.emrtd.passport import Forgery, build_chip
from devices.sim.emrtd.pki import make_pki
from devices.sim.faces import seed_for_sex
from devices.sim.scanner import encode_png, write_atomically
from mrz import DocumentFormat, build, parse
from mrz.synthetic import random_fields, random_identity
from station.auth import Auth, Role
from station.chip_trust import load_trust_list
from station.clock import Clock
from station.config import Config
from station.screening.lists import load_file
from station.startup import open_booth_store

log = logging.getLogger(__name__)

SCANNER = "scanner"
WEDGE = "wedge"
CAMERA = "camera"
DEMO_FACE_THRESHOLD = 0.73
CHIP = "chip"
CHIP_TIMEOUT_S = 5.0
DEMO_PINS: dict[Role, tuple[str, str, str]] = {
    Role.OFFICER: ("officer", "Olga Officer", "135790"),
    Role.EXAMINER: ("examiner", "Emre Examiner", "246801"),
    Role.SUPERVISOR: ("supervisor", "Sami Supervisor", "357912"),
    Role.ADMIN: ("admin", "Ada Admin", "468023"),
}
"""Demo accounts: role -> (officer id, name, PIN). Fictional, for the demo store only."""


@dataclass(frozen=True)
class DemoCase:
    """One document of the demo script: what it shows a newcomer."""

    title: str
    defects: frozenset[Defect] = frozenset()
    watchlist: bool = False
    lost: bool = False
    minor: bool = False
    mrz_readable: bool = True
    chip: Forgery | None = Forgery.GENUINE  # None: a document without a chip


SCRIPT: tuple[DemoCase, ...] = (
    DemoCase("genuine passport"),
    DemoCase("watchlist hit", watchlist=True),
    DemoCase("paper glows under UV", frozenset({Defect.UV_BRIGHT_PAPER})),
    DemoCase("genuine passport of a minor", minor=True),
    DemoCase("substituted photo", frozenset({Defect.SUBSTITUTED_PHOTO})),
    DemoCase("lost or stolen document", lost=True),
    DemoCase("altered expiry date", frozenset({Defect.ALTERED_DATE})),
    DemoCase("MRZ not read by the scanner", mrz_readable=False),
    DemoCase("MRZ printed in the wrong ink", frozenset({Defect.IR_INVISIBLE_MRZ})),
    DemoCase("chip data rewritten after signing", chip=Forgery.ALTERED_DG1),
)


@dataclass(frozen=True)
class Presented:
    """A document the simulated scanner has just delivered into the hot folder."""

    case: DemoCase
    document_id: str
    mrz_text: str


class EmbeddedCentral:
    """The reference central server (``sync.server``) on 127.0.0.1 in a thread of this process."""

    def __init__(self, db: Path) -> None:
        import uvicorn  # noqa: PLC0415 - the server's dependencies load only when a demo starts one

        from sync.server.app import ServerSettings, create_app  # noqa: PLC0415
        from sync.server.storage import open_storage  # noqa: PLC0415

        self.storage = open_storage(db)
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self.port: int = self._sock.getsockname()[1]
        config = uvicorn.Config(
            create_app(ServerSettings(storage=self.storage)), log_level="warning", access_log=False
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._sock]}, name="demo-central", daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 20.0) -> None:
        self._thread.start()
        deadline = threading.Event()
        for _ in range(int(timeout / 0.05)):
            if self._server.started:
                return
            deadline.wait(0.05)
        raise RuntimeError("the demo central server did not start")

    def add_booth(self, booth_id: str) -> str:
        return str(self.storage.add_booth(booth_id))

    def event_ids(self, booth: str | None = None) -> list[str]:
        return list(self.storage.event_ids(booth))

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(10)
        self._sock.close()
        self.storage.close()


class DemoBooth:
    """A complete booth in ``root``: config, store, officers, lists, hot folder (and central server)."""

    def __init__(
        self,
        root: Path,
        *,
        seed: int = 2026,
        central: bool = False,
        today: dt.date | None = None,
        clock: Clock | None = None,
        camera: bool = False,
    ) -> None:
        self.root = root
        self.today = today or dt.date.today()
        self._rng = random.Random(seed)
        self._next = 0
        self._lock = threading.Lock()
        self.hot_folder = root / "scanner"
        self.hot_folder.mkdir(parents=True, exist_ok=True)
        self.chip_folder = root / "chip-reader"
        self.chip_folder.mkdir(parents=True, exist_ok=True)
        self.camera_folder = root / "camera" if camera else None
        self.pki = make_pki("UTO", seed=f"demo-{seed}")
        self.central: EmbeddedCentral | None = None
        central_table: dict[str, Any] = {}
        if central:
            self.central = EmbeddedCentral(root / "central.sqlite")
            self.central.start()
            central_table = {"url": self.central.url, "token": self.central.add_booth("B01")}
        self.config = Config.from_mapping(
            {
                "booth": {"crossing_point": "DEMO", "booth_id": "B01", "direction": "entry", "lane": "1"},
                "central": central_table,
                "store": {"path": str(root / "booth.sqlite"), "min_free_mb": 0},
                # dlib's descriptor, trained on photographs, finds all drawn faces rather alike: on the
                # simulators' faces its equal-error point is a score of 0.73 (bench.face), not the 0.6
                # a real booth uses; the demo must tell its fictional travellers apart
                "face": {"threshold": DEMO_FACE_THRESHOLD},
                "devices": [
                    {
                        "name": SCANNER,
                        "kind": "scanner",
                        "driver": "hotfolder",
                        "port": str(self.hot_folder),
                        "settle": 0.2,
                    },
                    {"name": WEDGE, "kind": "mrz_reader", "driver": "wedge"},
                    {
                        "name": CHIP,
                        "kind": "chip_reader",
                        "driver": "emrtd-sim",
                        "port": str(self.chip_folder),
                        "timeout_s": CHIP_TIMEOUT_S,
                    },
                    *self._camera(),
                ],
            },
            source=root / "booth.toml",
        )
        self.store, self.start_report = open_booth_store(self.config, clock=clock)
        # cheaper PIN hashing than a real booth: the demo starts in a second on a small laptop
        self.auth = Auth(
            self.store,
            settings=self.config.session,
            hasher=PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1),
        )
        for role, (officer_id, name, pin) in DEMO_PINS.items():
            self.auth.add_officer(officer_id, name, role, pin, actor="demo:setup")
        self.documents = [self._mrz_for(case) for case in SCRIPT]
        self._load_lists()
        self._load_chip_trust()

    def _camera(self) -> list[dict[str, Any]]:
        """The simulated live camera, if wanted: it films whoever :meth:`present` seats at the desk."""
        if self.camera_folder is None:
            return []
        return [{"name": CAMERA, "kind": "camera", "driver": "camera-sim", "port": str(self.camera_folder)}]

    # --- documents ---------------------------------------------------------------------------------

    def _mrz_for(self, case: DemoCase) -> str:
        identity = random_identity(self._rng, today=self.today)
        fields = random_fields(self._rng, DocumentFormat.TD3, identity=identity, today=self.today)
        if case.minor:
            fields["birth_date"] = self.today.replace(year=self.today.year - 11)
        fmt = fields.pop("fmt")
        return build(fmt, **fields)

    def present_next(self) -> Presented:
        """Render the next scripted document into the hot folder (blocking: ~1 s; not on a GUI thread)."""
        with self._lock:
            index = self._next % len(SCRIPT)
            self._next += 1
        return self.present(index)

    def present(self, index: int) -> Presented:
        """Render document ``index`` of ``SCRIPT`` into the hot folder, as the scanner delivers it."""
        case = SCRIPT[index]
        mrz_text = self.documents[index]
        # the page's photo shows someone of the sex its MRZ says
        seed = seed_for_sex(self._rng, str(parse(mrz_text).fields.get("sex", "")))
        scan = render_document_scan(mrz_text, defects=case.defects, seed=seed)
        document_id = f"demo{index:02d}-{uuid.uuid4().hex[:8]}"
        # at the desk stands the person whose photo is printed on the page: the holder, or with a
        # substituted photo the impostor, whom the chip's photo (the holder's) then gives away
        if self.camera_folder is not None:
            seat_traveller(self.camera_folder, photo_seed(seed, case.defects))
        # the chip is on the reader before the scanner delivers the page, as on a real desk
        if case.chip is None:
            take_chip(self.chip_folder)
        else:
            place_chip(
                self.chip_folder,
                build_chip(mrz_text, self.pki, forgery=case.chip, face_seed=seed, chip_auth=True),
            )
        for light, image in scan.images.items():
            write_atomically(self.hot_folder / f"{document_id}{LIGHT_SUFFIX[light]}", encode_png(image))
        if case.mrz_readable:
            write_atomically(self.hot_folder / f"{document_id}{MRZ_SUFFIX}", mrz_text.encode("ascii") + b"\n")
        write_atomically(self.hot_folder / f"{document_id}{MARKER_SUFFIX}", b"")
        log.info("demo: presented %s (%s)", document_id, case.title)
        return Presented(case, document_id, mrz_text)

    # --- chip trust list -----------------------------------------------------------------------------

    def _load_chip_trust(self) -> None:
        """The demo country's CSCA and CRL, loaded as an administrator would (``station lists load
        csca``), so genuine demo chips pass passive authentication."""
        bundle = self.root / "lists" / "csca.pem"
        bundle.write_bytes(self.pki.trust_bundle_pem())
        load_trust_list(self.store, bundle)

    # --- screening lists ---------------------------------------------------------------------------

    def _load_lists(self) -> None:

        lists = self.root / "lists"
        lists.mkdir(exist_ok=True)
        persons: list[dict[str, str]] = []
        documents: list[dict[str, str]] = []
        api: list[dict[str, str]] = []
        for number in range(40):  # fictional persons of interest nobody in the script matches
            other = random_identity(self._rng, today=self.today)
            persons.append(
                {
                    "id": f"W{number:04d}",
                    "surname": other.surname,
                    "given_names": other.given_names,
                    "aliases": "",
                    "birth_date": "",
                    "nationality": "",
                    "reason": "demo entry",
                    "action": "refer",
                }
            )
        for case, mrz_text in zip(SCRIPT, self.documents, strict=True):
            fields = parse(mrz_text).fields
            if case.watchlist:
                persons.append(
                    {
                        "id": "W9999",
                        "surname": str(fields["surname"]),
                        "given_names": str(fields["given_names"]),
                        "aliases": "",
                        "birth_date": str(fields["birth_date"]),
                        "nationality": str(fields["nationality"]),
                        "reason": "Wanted for questioning (fictional demo entry)",
                        "action": "refer",
                    }
                )
            if case.lost:
                documents.append(
                    {
                        "number": str(fields["document_number"]),
                        "issuing_state": str(fields["issuing_state"]),
                        "type": "P",
                        "status": "stolen",
                    }
                )
            api.append(
                {
                    "id": "",
                    "flight": "DM1024",
                    "expected_date": self.today.isoformat(),
                    "document_number": str(fields["document_number"]),
                    "issuing_state": str(fields["issuing_state"]),
                    "surname": str(fields["surname"]),
                    "given_names": str(fields["given_names"]),
                    "birth_date": str(fields["birth_date"]),
                    "nationality": str(fields["nationality"]),
                    "pnr": "",
                    "flags": "",
                }
            )
        documents.append({"number": "X0000001", "issuing_state": "UTO", "type": "P", "status": "lost"})
        files = {
            "persons": _write_csv(lists / "persons.csv", persons),
            "documents": _write_csv(lists / "documents.csv", documents),
            "api": _write_csv(lists / "api.csv", api),
        }
        with self.store.transaction() as conn:
            for kind, path in files.items():
                load_file(conn, kind, path)

    def close(self) -> None:
        self.store.close()
        if self.central is not None:
            self.central.stop()


def _write_csv(path: Path, rows: Sequence[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path
