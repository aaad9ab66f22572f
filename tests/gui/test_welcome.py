"""First start: the welcome dialog sets up the office, loads demo data or opens another file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.services.office import OfficeKind
from desktop.ui.dialogs.welcome import WelcomeChoice, WelcomeDialog
from desktop.ui.jobs import Job
from desktop.ui.main_window import MainWindow


def _window_with_welcome(qtbot: QtBot, services: AppServices) -> tuple[MainWindow, WelcomeDialog]:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.show_welcome()
    dialog = window.welcome_dialog
    assert dialog is not None and dialog.isVisible()
    return window, dialog


def test_window_without_office_says_so(qtbot: QtBot, services: AppServices):
    window = MainWindow(services)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Sigap — kantor belum disiapkan"
    assert window.office_label.text() == "Kantor belum disiapkan"
    assert window.device_label.text() == "Perangkat: –"


def test_set_up_office_with_a_corrected_region_code(qtbot: QtBot, services: AppServices):
    window, dialog = _window_with_welcome(qtbot, services)
    qtbot.mouseClick(dialog.set_up_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == dialog.PAGE_SET_UP
    form = dialog.form

    qtbot.keyClicks(form.region_edit, "16.2")
    qtbot.keyClicks(form.name_edit, "Dinas Sosial OKI")
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert form.region_error.isVisible()
    assert form.region_error.text() == (
        "Kode wilayah 16.2 tidak dikenali. Tulis seperti 16, 16.02, 16.02.05 atau "
        "16.02.05.2001 (boleh tanpa titik)."
    )
    assert form.name_edit.text() == "Dinas Sosial OKI"  # nothing typed is lost
    assert services.office.info() is None

    # A kecamatan code is a real code, but not for a regency office.
    form.region_edit.clear()
    qtbot.keyClicks(form.region_edit, "16.02.05")
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert "kode kecamatan" in form.region_error.text()
    assert services.office.info() is None

    form.region_edit.clear()
    qtbot.keyClicks(form.region_edit, "1602")
    assert not form.region_error.isVisible()
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: window.welcome_dialog is None)
    info = services.office.info()
    assert info is not None and info.region_code == "16.02"
    assert window.windowTitle() == "Sigap — Dinas Sosial OKI"
    assert window.office_label.text() == "Dinas Sosial OKI · Kantor kabupaten (pusat)"
    assert window.device_label.text() == f"Perangkat: {info.device_short}"


def test_kecamatan_office_needs_a_name(qtbot: QtBot, services: AppServices):
    _window, dialog = _window_with_welcome(qtbot, services)
    dialog.set_up_button.click()
    form = dialog.form
    form.kind_combo.setCurrentIndex(1)
    assert form.region_edit.placeholderText() == "contoh: 16.02.05"
    qtbot.keyClicks(form.region_edit, "16.02.05")
    # The button stays grey, and the line under the form says why.
    assert not dialog.submit_button.isEnabled()
    assert form.reason_line.isVisible()
    assert form.reason_line.text() == "Isi Nama kantor (bertanda *) untuk melanjutkan."
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert services.office.info() is None
    qtbot.keyClicks(form.name_edit, "   ")
    assert not dialog.submit_button.isEnabled()
    qtbot.keyClicks(form.name_edit, "Kantor Camat Kayu Agung")
    assert dialog.submit_button.isEnabled()
    assert not form.reason_line.isVisible()
    assert form.region_edit.text() == "16.02.05"


def test_demo_data_goes_into_a_separate_database(qtbot: QtBot, services: AppServices):
    window, dialog = _window_with_welcome(qtbot, services)
    assert "x-contoh.db" in dialog.demo_button.description()
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)

    assert dialog.choice is WelcomeChoice.DEMO
    qtbot.waitUntil(lambda: not Job.running(), timeout=60_000)

    assert window.services.path.name == "x-contoh.db"
    assert window.db_label.text() == "Basis data: x-contoh.db"
    assert window.roster_tab.workers_card.value_label.text() == "2.000"
    window.claims_tab.wait_for_queries()
    qtbot.waitUntil(lambda: window.claims_tab.model.rowCount() > 0)
    assert "(data contoh)" in window.windowTitle()
    assert window.statusBar().currentMessage() == (
        "Data contoh dimuat ke x-contoh.db: 2.000 peserta dan 60 klaim."
    )
    assert window.welcome_dialog is None
    # The database the user opened is left alone, ready for the real office.
    original = AppServices.open(services.path)
    try:
        assert original.office.info() is None
        assert original.health.counts()["worker"] == 0
    finally:
        original.close()


def test_an_existing_demo_database_is_reused(qtbot: QtBot, services: AppServices):
    demo = AppServices.open(services.path.with_name("x-contoh.db"))
    demo.demo.generate(workers=50, seed=3)
    demo.close()
    window, dialog = _window_with_welcome(qtbot, services)
    dialog.demo_button.click()
    assert Job.running() == []
    assert window.roster_tab.workers_card.value_label.text() == "50"


def test_open_another_database_from_the_welcome_dialog(
    qtbot: QtBot, services: AppServices, tmp_path, monkeypatch: pytest.MonkeyPatch
):
    other = AppServices.open(tmp_path / "kantor-lain.db")
    other.office.set_up(kind=OfficeKind.HUB, region="16.02", name="Kantor Lain")
    other.close()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "kantor-lain.db"), "")
    )
    window, dialog = _window_with_welcome(qtbot, services)
    dialog.open_button.click()

    qtbot.waitUntil(lambda: window.windowTitle() == "Sigap — Kantor Lain")
    assert window.services.path.name == "kantor-lain.db"
    assert window.db_label.text() == "Basis data: kantor-lain.db"
    assert window.welcome_dialog is None
