"""A claim walked through in the real window, as a regency clerk would on the day: a worker
of the demo regency dies, the claim is opened from the worker's row in the roster, the
window switches to the Klaim tab, the documents are ticked one by one, recommending with
one missing is refused, the file is completed, recommended, verified, approved, filed with
BPJS and recorded as paid; the deadline and the timeline are read off the screen. Run::

    Xvfb :96 -screen 0 1366x768x24 &
    DISPLAY=:96 QT_QPA_PLATFORM=xcb .venv/bin/python -m pytest \\
        tests/e2e/test_claim_walk_screens.py -o addopts="" -q

PNGs: docs/screenshots/claim-walk-<n>-<stage>.png.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain.claims import ClaimKind, ClaimStatus
from desktop.services.app import AppServices
from desktop.ui.claims.new_claim import NewClaimDialog
from desktop.ui.main_window import MainWindow
from tests.e2e.screens import REAL_DISPLAY, shoot
from tests.gui.test_claim_detail import joined, step, tick
from tests.gui.worker_form_steps import type_date, type_into

pytestmark = REAL_DISPLAY

TODAY = date.today()
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def services(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServices]:
    path = tmp_path / "sigap-contoh.db"
    made = AppServices.open(path)
    made.demo.generate(workers=5_000, seed=3)
    made.close()
    opened = AppServices.open(path)
    yield opened
    opened.close()


def a_living_worker(services: AppServices) -> tuple[str, str]:
    """An active worker covered since before this year, without a claim."""
    with services.database.engine.connect() as conn:
        row = conn.exec_driver_sql(
            "SELECT id, name FROM worker WHERE status = 'aktif' AND coverage_start <= ? "
            "AND (coverage_end IS NULL OR coverage_end >= ?) AND programmes LIKE '%JKM%' "
            "AND id NOT IN (SELECT worker_id FROM claim WHERE worker_id IS NOT NULL) "
            "ORDER BY id LIMIT 1",
            ((TODAY - timedelta(days=200)).isoformat(), TODAY.isoformat()),
        ).first()
    assert row is not None
    return str(row[0]), str(row[1])


def test_a_claim_walked_from_the_roster_to_payment(
    qtbot: QtBot, services: AppServices, no_blocking_message_boxes: list[str]
) -> None:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.setGeometry(screen.availableGeometry().adjusted(0, 0, 0, -40))
    window.show()
    qtbot.waitExposed(window)
    worker, name = a_living_worker(services)
    roster = window.roster_tab
    roster.search_edit.setText(name)
    roster.wait_for_queries()
    qtbot.wait(400)

    # Opened from the worker's row, JKM preset.
    dialog = roster.open_claim(worker, ClaimKind.JKM)
    assert isinstance(dialog, NewClaimDialog)
    qtbot.waitExposed(dialog)
    died = TODAY - timedelta(days=6)
    type_date(qtbot, dialog.event_edit, died)
    type_date(qtbot, dialog.reported_edit, TODAY - timedelta(days=4))
    dialog.akta_edit.setText("1602-KM-0001")
    shoot(qtbot, "claim-walk-1-new")
    assert dialog.save_button.isEnabled(), dialog.save_button.toolTip()
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.claims_tab, timeout=5000)
    tab = window.claims_tab
    tab.wait_for_queries()
    view = tab.detail
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.subject_name == name)
    assert "Diusulkan" in view.subtitle.text()
    shoot(qtbot, "claim-walk-2-opened")

    detail = view.detail
    assert detail is not None
    required = [d.item for d in detail.documents if d.required]
    *first, last = required
    for item in first:
        tick(qtbot, view, item, TODAY - timedelta(days=3))
    refused = step(qtbot, view, ClaimStatus.DIREKOMENDASIKAN, TODAY - timedelta(days=3))
    assert refused.isVisible() and last.label in refused.message.text()
    shoot(qtbot, "claim-walk-3-refused")
    refused.done(0)
    tick(qtbot, view, last, TODAY - timedelta(days=2))
    # The heir it is paid to, through the heir dialog.
    heir = view.edit_heir(None)
    qtbot.waitExposed(heir)
    type_into(qtbot, heir.name_edit, "Siti Rahmah")
    heir.relationship_combo.setCurrentIndex(heir.relationship_combo.findData("istri"))
    heir.payee_check.setChecked(True)
    type_into(qtbot, heir.bank_edit, "Bank Sumsel Babel")
    type_into(qtbot, heir.account_edit, "1230 4567 8901")
    shoot(qtbot, "claim-walk-3b-heir")
    qtbot.mouseClick(heir.save_button, LEFT)
    assert not heir.isVisible(), heir.message.text()
    # A spouse heir asks for the marriage book too.
    for item in view.detail.missing if view.detail is not None else ():
        tick(qtbot, view, item, TODAY - timedelta(days=2))
    step(qtbot, view, ClaimStatus.DIREKOMENDASIKAN, TODAY - timedelta(days=2))
    step(qtbot, view, ClaimStatus.DIVERIFIKASI, TODAY - timedelta(days=1))
    deadline = TODAY - timedelta(days=1) + timedelta(days=7)
    assert f"{deadline:%d-%m-%Y}" in joined(view.status_section)
    shoot(qtbot, "claim-walk-4-verified")
    step(qtbot, view, ClaimStatus.DISETUJUI, TODAY, extra="400.9/77/DINSOS/2026")
    step(qtbot, view, ClaimStatus.DIAJUKAN_BPJS, TODAY)
    step(qtbot, view, ClaimStatus.DIBAYAR_BPJS, TODAY, extra="TRF-0001")
    assert "Dibayar BPJS" in view.subtitle.text()
    view.scroll_area.verticalScrollBar().setValue(view.scroll_area.verticalScrollBar().maximum())
    QApplication.processEvents()
    timeline = joined(view.timeline_section)
    for label in ("Diusulkan", "Direkomendasikan", "Diverifikasi", "Disetujui", "Dibayar BPJS"):
        assert label in timeline
    shoot(qtbot, "claim-walk-5-paid")
