"""Every step of the roster import wizard in a real window, on the screen it runs on.

Run it once per screen size (issue 18, item 6):

    DISPLAY=:109 QT_QPA_PLATFORM=xcb .venv/bin/pytest tests/e2e/test_import_wizard_screens.py
    DISPLAY=:110 QT_QPA_PLATFORM=xcb .venv/bin/pytest tests/e2e/test_import_wizard_screens.py

with Xvfb at 1366×768 on :109 and 1920×1080 on :110. The file is 20,000 rows with rejected
rows near its end; the PNGs are docs/screenshots/import-<step>-<screen width>.png.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.services import roster_import
from desktop.services.app import AppServices
from desktop.services.office import OfficeKind
from desktop.services.roster_import import RosterImportService
from desktop.ui.main_window import MainWindow
from desktop.ui.roster import import_wizard
from desktop.ui.roster.import_wizard import PAGE_DONE, PAGE_MAPPING, PAGE_PREVIEW
from tests import fixtures_messy as messy
from tests.e2e.screens import REAL_DISPLAY, shoot
from tests.gui.test_import_wizard_rejected_rows import SHORT_NIK_ROW, write_big_csv

pytestmark = REAL_DISPLAY


def click(qtbot: QtBot, button: QWidget) -> None:
    assert button.isEnabled() and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def inside_screen(widget: QWidget) -> bool:
    screen = widget.screen().geometry()
    return screen.contains(widget.frameGeometry())


def test_every_step_of_the_import_wizard(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    size = screen.size().width()

    def snap(step: str) -> None:
        shoot(qtbot, f"import-{step}-{size}")

    monkeypatch.setattr(import_wizard, "mapping_memory_path", lambda: tmp_path / "maps.json")
    services = AppServices.open(tmp_path / "sigap.db")
    services.office.set_up(kind=OfficeKind.HUB, region="16.02", name="Dinas Sosial OKI")
    services.regions.import_file(messy.write_regions(tmp_path), actor=services.office.local_actor())
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.setGeometry(screen.availableGeometry())
    window.show()
    qtbot.waitExposed(window)
    path, _bad = write_big_csv(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))

    # Step 1: the file.
    wizard = window.roster_tab.import_file()
    assert wizard is not None
    qtbot.waitExposed(wizard)
    assert inside_screen(wizard)
    if size <= 1366:
        assert wizard.frameGeometry().height() <= 700
    else:
        assert wizard.width() >= 1500
    click(qtbot, wizard.choose_button)
    snap("file")

    # Step 2: the columns.
    with qtbot.waitSignal(wizard.previewReady, timeout=120_000):
        click(qtbot, wizard.next_button)
    assert wizard.pages.currentIndex() == PAGE_MAPPING
    snap("mapping")

    # Step 3: every row; the first rejected row (15000 of 20,001) is chosen and explained.
    click(qtbot, wizard.next_button)
    assert wizard.pages.currentIndex() == PAGE_PREVIEW
    assert wizard.row_reasons.text().startswith(f"Baris {SHORT_NIK_ROW} · ")
    snap("preview")
    combo = wizard.preview_rows.show_combo
    combo.setCurrentIndex(combo.findText("Hanya yang ditolak (3)"))
    assert wizard.preview_model.rowCount() == 3
    wizard.preview_table.selectRow(1)
    snap("preview-rejected")

    # The import, slowed down so that its progress can be photographed.
    monkeypatch.setattr(roster_import, "BATCH", 500)
    real_run = RosterImportService.run

    def slow_run(self: RosterImportService, preview: Any, **kwargs: Any) -> Any:
        progress = kwargs["progress"]

        def slowly(done: int, total: int, stage: str) -> None:
            progress(done, total, stage)
            time.sleep(0.1)

        return real_run(self, preview, **{**kwargs, "progress": slowly})

    monkeypatch.setattr(RosterImportService, "run", slow_run)
    click(qtbot, wizard.next_button)

    def progress_shown() -> bool:
        dialog = wizard.findChild(QProgressDialog)
        return dialog is not None and dialog.isVisible() and dialog.value() > 0

    qtbot.waitUntil(progress_shown, timeout=60_000)
    snap("progress")

    # The result, in the shared words, with the rejected rows.
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == PAGE_DONE, timeout=120_000)
    assert wizard.count_labels["added"].text() == "19.997"
    snap("result")
    click(qtbot, wizard.next_button)
    window.close()
    services.close()
