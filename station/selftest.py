"""``station selftest``: prove that an installed booth (frozen build or source tree) can do its work.

Every step runs offline and without devices, on the files the booth ships with: parse the built-in
sample's MRZ; read that MRZ from the sample image with the default OCR engine (this loads the trained
model); write and read back a record with an image in a temporary store (this applies every
migration); find the face on the sample page with dlib's models; render the main window offscreen;
load the Arabic translation and a font that can show it. A missing model, Qt plugin,
translation or migration file in a bundle shows up here, at installation, rather than at the first
traveller.

The two Qt steps live in ``ui.selftest_window``, loaded by name: ``station`` never imports ``ui``
(the layering rule), and the core steps still run where Qt cannot.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from mrz import MRZError, parse
from mrz.ocr.engines import OwnEngine
from mrz.ocr.recognise import MODEL_PATH, Recogniser
from station.checks import face
from station.store import KnownStoreError, Store
from station.store.schema import current_version, discover

log = logging.getLogger(__name__)

SAMPLE_DIR = Path(__file__).resolve().parents[1] / "resources" / "selftest"
UI_MODULE = "ui.selftest_window"


class SelftestError(Exception):
    """A step found the booth unfit; the message says what is wrong and where."""


@dataclass(frozen=True)
class SelftestFiles:
    """What the self-test reads. The defaults are the shipped files; tests point one elsewhere to
    prove its step fails with a clear message."""

    sample_image: Path = SAMPLE_DIR / "sample.png"
    sample_mrz: Path = SAMPLE_DIR / "sample.mrz"
    ocr_model: Path = MODEL_PATH
    i18n_dir: Path | None = None  # None: the directory the UI loads translations from
    face_models: Path | None = None  # None: the models of the installed face-recognition-models
    store_dir: Path | None = None  # None: a temporary directory; give the booth's data disk to test it


@dataclass(frozen=True)
class StepResult:
    name: str
    ok: bool
    detail: str
    elapsed_ms: float

    def line(self) -> str:
        status = "ok" if self.ok else "FAILED"
        return f"{self.name:<13} {status:<6} {self.elapsed_ms:8.0f} ms  {self.detail}"


@dataclass
class StepContext:
    """What the steps share: the files to check, a scratch folder, the sample's MRZ once read."""

    files: SelftestFiles
    workdir: Path
    expected_mrz: str = ""


def _read_expected(ctx: StepContext) -> str:
    if not ctx.expected_mrz:
        try:
            ctx.expected_mrz = ctx.files.sample_mrz.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise SelftestError(f"cannot read the sample MRZ {ctx.files.sample_mrz}: {exc}") from None
    return ctx.expected_mrz


def step_mrz_parse(ctx: StepContext) -> str:
    text = _read_expected(ctx)
    try:
        result = parse(text, correct=False)
    except MRZError as exc:
        raise SelftestError(f"{ctx.files.sample_mrz} is not an MRZ: {exc}") from None
    if not result.valid:
        failed = ", ".join(name for name, good in result.checks.items() if not good)
        raise SelftestError(f"the sample MRZ's check digits fail ({failed})")
    return f"{result.format.name}, check digits valid"


def step_mrz_ocr(ctx: StepContext) -> str:
    expected = _read_expected(ctx)
    try:
        recogniser = Recogniser.load(ctx.files.ocr_model)
    except Exception as exc:  # ModelError, or numpy's own errors for a damaged file
        raise SelftestError(f"the OCR model cannot be loaded: {exc}") from None
    try:
        data = ctx.files.sample_image.read_bytes()
    except OSError as exc:
        raise SelftestError(f"cannot read the sample image {ctx.files.sample_image}: {exc}") from None
    reading = OwnEngine(recogniser).read(data)
    if reading.result is None:
        raise SelftestError(f"no MRZ read from {ctx.files.sample_image}: {reading.error}")
    if reading.result.mrz != expected:
        raise SelftestError(f"the sample image reads {reading.result.mrz!r}, expected {expected!r}")
    return f"read {ctx.files.sample_image.name} with the default engine"


def step_store(ctx: StepContext) -> str:
    base = ctx.files.store_dir or ctx.workdir
    try:
        folder = Path(tempfile.mkdtemp(prefix="station-selftest-", dir=base))
    except OSError as exc:
        raise SelftestError(f"cannot create a store in {base}: {exc.strerror or exc}") from None
    try:
        return _write_and_read_store(folder / "booth.sqlite")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _write_and_read_store(path: Path) -> str:
    image = b"\x89PNG selftest image bytes"
    try:
        with Store.open(path) as store:
            record_id = store.append("selftest", {"step": "store"}, images={"white": image})
        return _read_back(path, record_id, image)
    except KnownStoreError as exc:  # full disk, I/O error, damaged file: the store's own clear words
        raise SelftestError(f"the store at {path} cannot be used: {exc}") from None


def _read_back(path: Path, record_id: str, image: bytes) -> str:
    with Store.open(path) as store:
        record = store.get(record_id)
        if record is None or record.body.get("step") != "store":
            raise SelftestError(f"the record written to {path} did not read back")
        if store.image_bytes(record_id, "white") != image:
            raise SelftestError("the image written to the store read back different")
        with store.read() as conn:
            version = current_version(conn)
    latest = discover()[-1].version
    if version != latest:
        raise SelftestError(f"the store's schema is at version {version}, the newest migration is {latest}")
    return f"record and image written and read back, schema version {version}"


def step_face(ctx: StepContext) -> str:
    """The face check's engine loads its models and finds the face on the sample page. Face matching
    is an optional part of a source install; a missing dlib there is reported, not failed."""
    if ctx.files.face_models is None and importlib.util.find_spec("dlib") is None:
        return "dlib is not installed (optional): the face check will report 'not checked'"
    try:
        engine = face.FaceEngine(ctx.files.face_models) if ctx.files.face_models else face.engine()
    except Exception as exc:  # FaceEngineUnavailableError, or dlib's RuntimeError for a bad model file
        raise SelftestError(f"the face models cannot be loaded: {exc}") from None
    try:
        data = np.frombuffer(ctx.files.sample_image.read_bytes(), np.uint8)
    except OSError as exc:
        raise SelftestError(f"cannot read the sample image {ctx.files.sample_image}: {exc}") from None
    image = cv2.imdecode(data, cv2.IMREAD_COLOR) if data.size else None
    if image is None:
        raise SelftestError(f"{ctx.files.sample_image} is not an image")
    found = engine.largest_face(np.asarray(image, np.uint8))
    if found is None:
        raise SelftestError(f"no face found in the photo of {ctx.files.sample_image}")
    return f"models loaded, face found, descriptor of {found.descriptor.size} values"


def _ui() -> object:
    if sys.platform.startswith("linux") and not (
        os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no display: Qt would abort instead of failing
    try:
        return importlib.import_module(UI_MODULE)
    except ImportError as exc:
        raise SelftestError(f"the user interface cannot be loaded: {exc}") from None


def step_window(ctx: StepContext) -> str:
    render: Callable[[Path], str] = _ui().render_main_window  # type: ignore[attr-defined]
    return render(ctx.workdir / "window")


def step_translations(ctx: StepContext) -> str:
    check: Callable[[Path | None], str] = _ui().check_translation  # type: ignore[attr-defined]
    return check(ctx.files.i18n_dir)


STEPS: tuple[tuple[str, Callable[[StepContext], str]], ...] = (
    ("mrz-parse", step_mrz_parse),
    ("mrz-ocr", step_mrz_ocr),
    ("store", step_store),
    ("face", step_face),
    ("window", step_window),
    ("translations", step_translations),
)


def run(files: SelftestFiles | None = None) -> Iterator[StepResult]:
    """Run every step in order in one temporary directory (removed after); yields each result as it ends."""
    with tempfile.TemporaryDirectory(prefix="station-selftest-") as folder:
        ctx = StepContext(files or SelftestFiles(), Path(folder))
        for name, step in STEPS:
            started = time.perf_counter()
            try:
                detail, ok = step(ctx), True
            except SelftestError as exc:
                log.info("selftest step %s failed: %s", name, exc)
                detail, ok = str(exc), False
            except Exception as exc:  # the self-test's job is to report any failure, not to crash on it
                log.error("selftest step %s crashed", name, exc_info=True)  # a bug: keep the traceback
                detail, ok = f"{type(exc).__name__}: {exc}", False
            yield StepResult(name, ok, detail, (time.perf_counter() - started) * 1000)
