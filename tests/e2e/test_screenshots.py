"""The real window on a real X display: walk through first start and take the screenshots.

Not part of the default run (pyproject ignores tests/e2e). Run it on Xvfb::

    Xvfb :99 -screen 0 1280x800x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python -m pytest tests/e2e -o addopts="" -q

The PNGs land in docs/screenshots/ (``SIGAP_SCREENSHOTS`` chooses another folder). Look at
them: clipped text, empty areas and English words in the Indonesian UI are bugs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.ui.dialogs.demo import demo_job
from desktop.ui.dialogs.health import HealthReportDialog
from desktop.ui.dialogs.region_import import RegionImportSummaryDialog
from desktop.ui.i18n import install_translator
from desktop.ui.jobs import Job
from desktop.ui.main_window import MainWindow
from tests.e2e.screens import REAL_DISPLAY, shoot

pytestmark = REAL_DISPLAY


def test_first_start_demo_data_and_dialogs(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    services = AppServices.open(tmp_path / "sigap.db")
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    window.show_welcome()
    dialog = window.welcome_dialog
    assert dialog is not None
    shoot(qtbot, "welcome")

    qtbot.mouseClick(dialog.set_up_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.form.region_edit, "16.2")
    qtbot.keyClicks(dialog.form.name_edit, "Dinas Sosial Kabupaten Ogan Komering Ilir")
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert dialog.form.region_error.isVisible()
    shoot(qtbot, "welcome-set-up-error")

    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not Job.running(), timeout=60_000)
    assert window.services.path.name == "sigap-contoh.db"
    shoot(qtbot, "main-peserta")
    window.tabs.setCurrentIndex(1)
    shoot(qtbot, "main-klaim")
    window.tabs.setCurrentIndex(2)
    shoot(qtbot, "main-laporan")
    window.tabs.setCurrentIndex(0)

    window.check_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(HealthReportDialog) is not None)
    shoot(qtbot, "check-database")
    window.findChild(HealthReportDialog).accept()

    regions = tmp_path / "wilayah-kayuagung.csv"
    regions.write_text(
        "kode,nama\n"
        "16.02.05,Kayu Agung\n"
        "16.02.05.1001,Kelurahan Jua-Jua\n"
        "16.02.05.2002,Desa Sukadana\n"
        "16.02.05.20x3,Desa Salah Kode\n"
        "16.02.05.2004,\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(regions), ""))
    window.import_regions_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(RegionImportSummaryDialog) is not None)
    shoot(qtbot, "region-import")
    window.findChild(RegionImportSummaryDialog).accept()
    window.close()


def test_progress_dialog_and_cancel(qtbot: QtBot, tmp_path: Path, no_blocking_message_boxes):
    services = AppServices.open(tmp_path / "besar.db")
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    job = demo_job(window, services.demo, workers=300_000)
    job.start()
    qtbot.waitUntil(lambda: job._dialog is not None and job._dialog.value() > 0, timeout=60_000)
    assert " dari 300.000" in job._dialog.labelText()
    shoot(qtbot, "progress")
    with qtbot.waitSignal(job.finished, timeout=120_000):
        job.cancel()
    assert no_blocking_message_boxes[-1] == "Dibatalkan. Tidak ada data yang diubah."
    assert services.health.counts()["worker"] == 0
    assert Job.running() == []
    window.close()


def test_english_window(qtbot: QtBot, qapp: QApplication, tmp_path: Path):
    services = AppServices.open(tmp_path / "english.db")
    services.demo.generate(workers=2_000, seed=1)
    translator = install_translator(qapp, "en")
    assert translator is not None
    try:
        window = MainWindow(services)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        shoot(qtbot, "main-english")
        window.close()
    finally:
        qapp.removeTranslator(translator)
        install_translator(qapp, "id")
