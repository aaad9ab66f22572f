"""The worker form in a real window (issue 18, item 7): empty, filled from the NIK, and with a
birth date after today refused at the field; the whole dialog inside the screen.

Run on Xvfb, once per screen size (the PNG names end in the screen's width):
    Xvfb :103 -screen 0 1366x768x24 &
    DISPLAY=:103 QT_QPA_PLATFORM=xcb .venv/bin/pytest tests/e2e/test_worker_form_screens.py
the same with a 1920x1080 screen; the PNGs land in docs/screenshots/worker-form-*.png.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.ui.main_window import MainWindow
from desktop.ui.roster.status_dialog import StatusDialog
from desktop.ui.roster.worker_dialog import WorkerDialog
from tests.e2e.screens import REAL_DISPLAY, shoot

pytestmark = REAL_DISPLAY

NIK = "1602054107900003"  # a woman born 1 July 1990, kecamatan 16.02.05
TASKBAR = 40


def type_over(qtbot: QtBot, widget: object, text: str) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))  # type: ignore[arg-type]
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # type: ignore[arg-type]
    qtbot.keyClicks(widget, text)  # type: ignore[arg-type]


def test_the_worker_form_in_a_real_window(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    width = screen.size().width()
    services = AppServices.open(tmp_path / "sigap.db")
    services.demo.generate(workers=40, seed=7)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.showMaximized()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.roster_tab)
    qtbot.mouseClick(window.roster_tab.add_button, Qt.MouseButton.LeftButton)
    dialog = window.roster_tab.findChild(WorkerDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.wait(300)

    frame = dialog.frameGeometry()
    assert frame.height() <= screen.size().height() - TASKBAR, frame
    assert screen.geometry().contains(frame), (frame, screen.geometry())
    form = dialog.form
    shoot(qtbot, f"worker-form-empty-{width}")

    qtbot.keyClicks(form.nik_edit, NIK)
    qtbot.keyClicks(form.name_edit, "Siti Rahma")
    assert form.birth_date_edit.displayText() == "01-07-1990"
    assert form.sex_combo.currentText() == "Perempuan"
    shoot(qtbot, f"worker-form-nik-{width}")

    type_over(qtbot, form.birth_date_edit, (date.today() + timedelta(days=2)).strftime("%d%m%Y"))
    assert form.birth_message.message() == "Tanggal lahir tidak boleh setelah hari ini."
    assert not dialog.save_button.isEnabled()
    shoot(qtbot, f"worker-form-future-birth-{width}")

    form.birth_date_edit.setFocus()
    qtbot.keyClick(form.birth_date_edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert form.birth_date_edit.calendar is not None
    shoot(qtbot, f"worker-form-calendar-{width}")
    qtbot.keyClick(form.birth_date_edit.calendar, Qt.Key.Key_Escape)
    dialog.done(0)  # thrown away without the unsaved-changes question

    # A stored worker: the status row, Ubah status… and the history tab.
    worker = window.roster_tab.model.worker(0)
    assert worker is not None
    stored = window.roster_tab.open_worker(worker.id)
    assert stored is not None
    qtbot.waitExposed(stored)
    assert screen.geometry().contains(stored.frameGeometry())
    shoot(qtbot, f"worker-form-record-{width}")

    # Ubah status…: the status dialog over the form, inside the screen.
    qtbot.mouseClick(stored.status_button, Qt.MouseButton.LeftButton)
    status = stored.findChild(StatusDialog)
    assert status is not None
    qtbot.waitExposed(status)
    status.status_combo.setCurrentIndex(status.status_combo.findData("nonaktif"))
    assert screen.geometry().contains(status.frameGeometry())
    shoot(qtbot, f"worker-status-{width}")
    status.done(0)
    stored.done(0)

    # The kecamatan picker finds a place by any part of its name.
    qtbot.mouseClick(window.roster_tab.add_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in window.roster_tab.findChildren(WorkerDialog) if d.isVisible())
    qtbot.waitExposed(dialog)
    picker = dialog.form.district_combo
    picker.setFocus()
    line = picker.lineEdit()
    assert line is not None
    qtbot.keyClicks(line, "agung")
    completer = picker.completer()
    assert completer is not None
    qtbot.waitUntil(completer.popup().isVisible)
    shoot(qtbot, f"worker-form-kecamatan-ketik-{width}")
    dialog.done(0)

    # Ekspor…: what the file holds and that it imports back.
    export = window.roster_tab.export()
    assert export is not None
    qtbot.waitExposed(export)
    assert screen.geometry().contains(export.frameGeometry())
    shoot(qtbot, f"roster-export-{width}")
    export.done(0)

    services.close()
