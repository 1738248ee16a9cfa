"""The second-line examination report as a PDF, written with Qt's own writer (QTextDocument -> QPdfWriter).

Runs on a worker thread (painting on a QPdfWriter and laying out a QTextDocument are allowed off the
GUI thread); the bytes are then stored with ``store.append`` so they are synced like every record.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from station.domain import Examination, Inspection
from ui.codes import decision_word, examination_verdict_word, finding_text, finding_title, findings_catalogue
from ui.qt import QtCore, QtGui
from ui.widgets import status_word, to_qimage

REPORT_KIND = "examination_report"


@dataclass(frozen=True)
class ReportInput:
    inspection: Inspection
    examination: Examination
    checklist: Sequence[tuple[str, bool]]
    images: Mapping[str, object]  # light -> numpy image
    right_to_left: bool = False


def report_html(data: ReportInput) -> str:
    inspection, examination = data.inspection, data.examination
    esc = html.escape
    rows = []
    if inspection.traveller is not None:
        t = inspection.traveller
        rows += [
            (QtCore.QCoreApplication.translate("Report", "Surname"), t.surname),
            (QtCore.QCoreApplication.translate("Report", "Given names"), t.given_names),
            (QtCore.QCoreApplication.translate("Report", "Nationality"), t.nationality),
            (QtCore.QCoreApplication.translate("Report", "Date of birth"), str(t.birth_date or "—")),
        ]
    if inspection.document is not None:
        d = inspection.document
        rows += [
            (
                QtCore.QCoreApplication.translate("Report", "Document"),
                f"{d.document_code} {d.issuing_state} {d.document_number}",
            ),
            (QtCore.QCoreApplication.translate("Report", "Date of expiry"), str(d.expiry_date or "—")),
        ]
    rows += [
        (
            QtCore.QCoreApplication.translate("Report", "Verdict"),
            examination_verdict_word(examination.verdict),
        ),
        (
            QtCore.QCoreApplication.translate("Report", "Final decision"),
            decision_word(examination.final_decision)
            + (f" ({examination.reason_code})" if examination.reason_code else ""),
        ),
        (QtCore.QCoreApplication.translate("Report", "Examiner"), examination.examiner.officer_id),
        (QtCore.QCoreApplication.translate("Report", "Time"), examination.at.isoformat(timespec="seconds")),
        (QtCore.QCoreApplication.translate("Report", "Inspection"), inspection.inspection_id),
    ]
    if inspection.booth is not None:
        b = inspection.booth
        place = f"{b.crossing_point} / {b.booth_id} ({b.direction}, {b.lane})"
        rows.append((QtCore.QCoreApplication.translate("Report", "Booth"), place))
    table = "".join(f"<tr><td><b>{esc(k)}</b></td><td>{esc(v)}</td></tr>" for k, v in rows)
    checks = "".join(f"<li>{'☑' if ok else '☐'} {esc(name)}</li>" for name, ok in data.checklist)
    catalogue = findings_catalogue()
    findings = "".join(
        f"<li><b>{esc(finding_title(f.code, catalogue))}</b> ({esc(status_word(f.status))}):"
        f" {esc(finding_text(f, catalogue))}</li>"
        for f in inspection.findings
    )
    images = "".join(
        f'<p>{esc(light)}<br/><img src="image://{esc(light)}" width="420"/></p>' for light in data.images
    )
    direction = ' dir="rtl"' if data.right_to_left else ""
    title = QtCore.QCoreApplication.translate("Report", "Second-line examination report")
    note = QtCore.QCoreApplication.translate("Report", "Note")
    checked = QtCore.QCoreApplication.translate("Report", "Security features checked")
    automatic = QtCore.QCoreApplication.translate("Report", "Automatic findings")
    pictures = QtCore.QCoreApplication.translate("Report", "Images")
    return (
        f"<html><body{direction}><h1>{esc(title)}</h1><table cellpadding='4'>{table}</table>"
        f"<h2>{esc(note)}</h2><p>{esc(examination.note or '—')}</p>"
        f"<h2>{esc(checked)}</h2><ul>{checks}</ul>"
        f"<h2>{esc(automatic)}</h2><ul>{findings}</ul>"
        f"<h2>{esc(pictures)}</h2>{images}</body></html>"
    )


def write_pdf(data: ReportInput) -> bytes:
    """The report as PDF bytes (A4)."""
    document = QtGui.QTextDocument()
    for light, image in data.images.items():
        document.addResource(
            QtGui.QTextDocument.ResourceType.ImageResource,
            QtCore.QUrl(f"image://{light}"),
            to_qimage(image),  # type: ignore[arg-type]
        )
    document.setHtml(report_html(data))
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    writer = QtGui.QPdfWriter(buffer)
    writer.setPageSize(QtGui.QPageSize(QtGui.QPageSize.PageSizeId.A4))
    writer.setResolution(150)
    writer.setTitle(QtCore.QCoreApplication.translate("Report", "Second-line examination report"))
    writer.setCreator("Border Station")
    document.print_(writer)
    del writer
    buffer.close()
    return bytes(buffer.data().data())
