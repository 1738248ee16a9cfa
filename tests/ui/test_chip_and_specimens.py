"""The chip in the booth's screens (read progress on the primary line, the chip column beside the MRZ
in second line, mismatches marked) and the reference specimens beside the document's images."""

from __future__ import annotations

import shutil
from pathlib import Path

import cv2
import numpy as np

from station.auth import Role
from station.demo import SCRIPT
from ui.qt import QtCore
from ui.specimens import SPECIMENS_DIR, load

from .conftest import OFFSCREEN_NOISE, SIGNAL_TIMEOUT, login

pytestmark = OFFSCREEN_NOISE

FORGED_CHIP = next(i for i, case in enumerate(SCRIPT) if case.title == "chip data rewritten after signing")


def _present_and_refer(qtbot, session, index: int, note: str):
    """The officer presents demo document ``index`` and refers it; the examiner takes it."""
    login(qtbot, session, Role.OFFICER)
    progress = []
    session.booth.chip_progress.connect(progress.append)
    primary = session.window.primary
    with qtbot.wait_signal(session.booth.inspection_ready, timeout=SIGNAL_TIMEOUT) as ready:
        session.booth.run(lambda: session.demo.present(index), lambda _p: None)
    current = ready.args[0]
    assert not primary.chip_bar.isVisible()  # the bar goes once the inspection is shown
    qtbot.keyClick(primary, QtCore.Qt.Key.Key_F7)
    primary.reason.setCurrentIndex(primary.reason.findData("DOC"))
    qtbot.keyClicks(primary.note, note)
    with qtbot.wait_signal(session.booth.decision_saved, timeout=SIGNAL_TIMEOUT):
        qtbot.keyClick(primary.note, QtCore.Qt.Key.Key_Return)
    session.booth.logout()
    login(qtbot, session, Role.EXAMINER)
    second = session.window.second_line
    session.window.show_screen("second_line")
    qtbot.wait_until(lambda: second.queue.count() == 1, timeout=SIGNAL_TIMEOUT)
    second.queue.setCurrentRow(0)
    second.take_selected()
    qtbot.wait_until(lambda: second.inspection is not None, timeout=SIGNAL_TIMEOUT)
    return current, progress, second


def _column(second, col: int) -> dict[str, str]:
    return {
        second.data.item(r, 0).text(): second.data.item(r, col).text() for r in range(second.data.rowCount())
    }


def test_a_genuine_chip_is_read_with_progress_and_agrees_with_the_mrz(qtbot, session):
    current, progress, second = _present_and_refer(qtbot, session, 0, "chip check")
    assert current.chip is not None and current.chip["surname"] == current.inspection.traveller.surname
    assert progress and {p.group for p in progress} >= {"DG1", "DG2"}
    assert all(0 <= p.done <= p.total for p in progress)
    assert len(progress) < 40  # coalesced: the reader reports every block, the screen needs far fewer
    mrz, chip = _column(second, 1), _column(second, 2)
    assert chip == mrz  # every field: the chip's value, equal to the MRZ's
    assert not any("≠" in text for text in chip.values())


def test_a_rewritten_chip_field_is_marked_in_second_line(qtbot, session):
    _current, _progress, second = _present_and_refer(qtbot, session, FORGED_CHIP, "chip differs")
    marked = [r for r in range(second.data.rowCount()) if second.data.item(r, 2).text().startswith("≠")]
    assert marked, _column(second, 2)
    for row in marked:
        assert second.data.item(row, 2).font().bold()
        assert second.data.item(row, 1).text() != second.data.item(row, 2).text().removeprefix("≠ ")


def test_the_specimen_follows_the_light_of_the_large_view(qtbot, session):
    current, _progress, second = _present_and_refer(qtbot, session, 0, "specimen")
    state = current.inspection.document.issuing_state
    assert second.reference is not None and second.reference.issuing_state == state
    assert state in second.specimen.text()
    assert second.specimen_view._pixmap is not None
    white = second.specimen_view._pixmap.toImage()
    second.flick()  # to IR: the specimen's IR page, which has no colour
    infrared = second.specimen_view._pixmap.toImage()
    assert white != infrared and infrared.isGrayscale()


def test_specimens_are_found_by_state_type_and_format_and_never_by_a_path(tmp_path: Path):
    folder = tmp_path / "KWT"
    folder.mkdir()
    page = np.full((60, 90, 3), 200, np.uint8)
    cv2.imwrite(str(folder / "P-TD3-white.jpg"), page)
    (folder / "P-TD3-uv.jpg").write_bytes(b"not a jpeg")  # a corrupt file is skipped, not fatal
    specimen = load("KWT", "PO", "TD3", tmp_path)
    assert specimen is not None and set(specimen.images) == {"white"} and specimen.kind == "KWT P TD3"
    assert load("KWT", "P", "TD1", tmp_path) is None
    assert load("UTO", "P", "TD3", tmp_path) is None
    assert load("../KWT", "P", "TD3", tmp_path) is None
    assert load("KWT", "P", "../TD3", tmp_path) is None
    shutil.rmtree(folder)
    assert load("KWT", "P", "TD3", tmp_path) is None


def test_the_shipped_specimens_cover_the_demo_and_stay_small(session):
    from mrz import parse

    for text in session.demo.documents:
        fields = parse(text).fields
        specimen = load(str(fields["issuing_state"]), str(fields["document_code"]), "TD3")
        assert specimen is not None and set(specimen.images) == {"white", "ir", "uv"}, fields["issuing_state"]
    total = sum(p.stat().st_size for p in SPECIMENS_DIR.rglob("*") if p.is_file())
    assert total < 3_000_000
