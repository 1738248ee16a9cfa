"""``station demo --screenshots DIR``: walk the main screens of a demo booth in every language and save
a PNG of each (``<screen>-<language>.png``), offscreen. The test suite runs the same walk.

The walk is the real flow: log in, a simulated document through the scanner, a referral, second line
taking it, the supervisor's view, the lock screen and the administrator's screens.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from station.auth import Role
from station.demo import DEMO_PINS
from ui.app import DemoSession, prepare_app
from ui.i18n import I18N_DIR, PREFIX, SOURCE_LANGUAGE
from ui.i18n_build import TranslationBuildError, build
from ui.qt import QtCore, QtWidgets

SCREENS = (
    "login",
    "primary",
    "refer",
    "second-line",
    "supervisor",
    "lock",
    "admin",
    "admin-users",
    "admin-settings",
)
TIMEOUT_MS = 30_000


class ScreenshotError(RuntimeError):
    """The screenshots cannot be taken; the message is one line for the user."""


class WalkError(ScreenshotError):
    """A step of the walk did not happen in time (the message says which)."""


def _wait_until(predicate: Callable[[], bool], what: str, timeout_ms: int = TIMEOUT_MS) -> None:
    timer = QtCore.QElapsedTimer()
    timer.start()
    while not predicate():
        if timer.elapsed() > timeout_ms:
            raise WalkError(f"screenshot walk: timed out waiting for {what}")
        QtCore.QCoreApplication.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 50)
        QtCore.QThread.msleep(10)


def _wait_signal(signal: QtCore.SignalInstance, start: Callable[[], None], what: str) -> list:
    got: list = []
    handler = lambda *args: got.append(args)  # noqa: E731 - a one-line slot
    signal.connect(handler)
    try:
        start()
        _wait_until(lambda: bool(got), what)
    finally:
        signal.disconnect(handler)
    return list(got[0])


def _settle(app: QtWidgets.QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def _login(session: DemoSession, role: Role) -> None:
    officer_id, _name, pin = DEMO_PINS[role]
    screen = session.window.login_screen
    screen.officer.setText(officer_id)
    screen.pin.setText(pin)
    _wait_signal(session.booth.logged_in, screen.submit, f"{role.value} login")


def walk(session: DemoSession, language: str, directory: Path) -> list[Path]:
    """Every main screen of ``session`` in ``language``, saved into ``directory``."""
    app = QtWidgets.QApplication.instance()
    assert isinstance(app, QtWidgets.QApplication)
    window, booth = session.window, session.booth
    written: list[Path] = []

    def shot(name: str) -> None:
        _settle(app)
        path = directory / f"{name}-{language}.png"
        if not window.grab().save(str(path)):
            raise WalkError(f"cannot write {path}")
        written.append(path)

    session.language.set(language)
    if booth.session is not None:
        booth.logout()
    shot("login")
    _login(session, Role.SUPERVISOR)
    window.show_screen("primary")
    _wait_signal(booth.inspection_ready, session.present_next, "the first simulated document")
    primary = window.primary
    shot("primary")
    primary.trigger("refer")
    primary.reason.setCurrentIndex(max(0, primary.reason.findData("DOC")))
    note = "UV glow" if language == "en" else "توهج تحت الأشعة فوق البنفسجية"
    primary.note.setText(note)
    shot("refer")
    _wait_signal(booth.decision_saved, primary._confirm_form, "the referral to be saved")
    second = window.second_line
    window.show_screen("second_line")
    second.refresh()
    _wait_until(
        lambda: any(note in second.queue.item(i).text() for i in range(second.queue.count())),
        "the referral in the queue",
    )
    rows = [i for i in range(second.queue.count()) if note in second.queue.item(i).text()]
    second.queue.setCurrentRow(rows[-1])
    second.take_selected()
    _wait_until(lambda: second.inspection is not None, "the referral to be taken")
    second.flick()
    shot("second-line")
    window.show_screen("supervisor")
    window.supervisor.refresh()
    _wait_signal(booth.health, booth.poll_health, "the booth's health")
    booth.tasks.wait()
    shot("supervisor")
    booth.lock()
    shot("lock")
    booth.logout()
    _login(session, Role.ADMIN)
    window.show_screen("admin")
    window.admin.refresh()
    booth.tasks.wait()
    shot("admin")
    admin = window.admin
    _wait_until(lambda: admin.users.rowCount() > 0, "the officers list")
    for index, name in ((1, "admin-users"), (2, "admin-settings")):
        admin.tabs.setCurrentIndex(index)
        shot(name)
    admin.tabs.setCurrentIndex(0)
    booth.logout()
    return written


def take_screenshots(directory: Path, languages: tuple[str, ...] = ("en", "ar")) -> list[Path]:
    """Run a demo booth offscreen (set ``QT_QPA_PLATFORM=offscreen`` first) and walk it.

    Raises ``ScreenshotError`` before any window opens when the folder cannot be made or a language's
    translation cannot be built or loaded: screenshots of an untranslated screen would pass for Arabic.
    """
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ScreenshotError(f"cannot create {directory}: {exc.strerror or exc}") from None
    with tempfile.TemporaryDirectory(prefix="border-station-shots-") as folder:
        root = Path(folder)
        translations = _compiled_translations(root / "i18n", languages)
        app = prepare_app()
        session = DemoSession(app, root / "booth", i18n_dir=translations, camera=True)
        session.window.resize(1366, 820)
        session.window.show()
        try:
            written = []
            for language in languages:
                written += walk(session, language, directory)
        finally:
            session.language.set("en")
            session.close()
    return written


def _compiled_translations(folder: Path, languages: tuple[str, ...]) -> Path:
    """The translation sources compiled into ``folder``; each of ``languages`` must load."""
    folder.mkdir()
    for source in I18N_DIR.glob("*.ts"):
        shutil.copy(source, folder)
    try:
        build(folder)
    except TranslationBuildError as exc:
        raise ScreenshotError(f"the translations cannot be built: {exc}") from None
    for language in languages:
        if language != SOURCE_LANGUAGE and not QtCore.QTranslator().load(f"{PREFIX}{language}", str(folder)):
            expected = I18N_DIR / f"{PREFIX}{language}.ts"
            raise ScreenshotError(f"no translation for {language!r} can be loaded (from {expected})")
    return folder
