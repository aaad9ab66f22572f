"""The dialogs of first start and of Berkas in a real window, at 1366×768 and 1920×1080
(issue 18, items 6-8): each fits the screen less a taskbar, nothing in it is cut, and the
welcome's focused choice is plain to see. Run once per screen size::

    Xvfb :107 -screen 0 1366x768x24 &
    Xvfb :108 -screen 0 1920x1080x24 &
    DISPLAY=:107 QT_QPA_PLATFORM=xcb .venv/bin/python -m pytest \
        tests/e2e/test_dialog_screens.py -o addopts="" -q
    DISPLAY=:108 QT_QPA_PLATFORM=xcb .venv/bin/python -m pytest \
        tests/e2e/test_dialog_screens.py -o addopts="" -q

The PNGs land in docs/screenshots/dialog-<name>-<1366|1920>.png."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from desktop.domain.findings import Finding
from desktop.services.app import AppServices
from desktop.services.office import OfficeKind
from desktop.services.regions import RegionImportResult, RowProblem
from desktop.ui.dialogs.demo import DemoDialog
from desktop.ui.dialogs.health import HealthReportDialog
from desktop.ui.dialogs.office_setup import OfficeSetupDialog
from desktop.ui.dialogs.region_import import RegionImportSummaryDialog
from desktop.ui.main_window import MainWindow
from tests.e2e.screens import REAL_DISPLAY, shoot
from tests.gui.fit import assert_fits, assert_nothing_cut

pytestmark = REAL_DISPLAY

REGION_REASON = (
    "Kode wilayah {code} tidak dikenali. Tulis seperti 16, 16.02, 16.02.05 atau "
    "16.02.05.2001 (boleh tanpa titik), lalu impor lagi berkas ini."
)


def screen_tag() -> str:
    """"1366" on the small screen, "1920" on the big one."""
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    return "1366" if screen.geometry().width() <= 1366 else "1920"


def on_screen(qtbot: QtBot, dialog: QDialog, name: str) -> None:
    """Check the shown dialog fits and cuts nothing, then photograph the screen."""
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    screen = dialog.screen().availableGeometry()
    QCursor.setPos(screen.bottomRight())  # no hover look on what lies under the pointer
    qtbot.wait(200)
    frame = dialog.frameGeometry()
    assert screen.contains(frame), f"{name}: {frame} leaves the screen {screen}"
    assert_fits(dialog)
    assert_nothing_cut(dialog)
    shoot(qtbot, f"dialog-{name}-{screen_tag()}")


def test_dialogs_on_a_real_screen(qtbot: QtBot, qapp: QApplication, tmp_path: Path):
    services = AppServices.open(tmp_path / "sigap.db")
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    # First start: the first choice has the keyboard focus, and shows it.
    window.show_welcome()
    welcome = window.welcome_dialog
    assert welcome is not None
    on_screen(qtbot, welcome, "welcome")
    assert QApplication.focusWidget() is welcome.set_up_button
    qtbot.keyClick(welcome.set_up_button, Qt.Key.Key_Down)
    qtbot.keyClick(welcome.join_button, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is welcome.demo_button
    on_screen(qtbot, welcome, "welcome-keyboard")
    welcome.reject()
    qtbot.waitUntil(lambda: window.welcome_dialog is None)

    # Berkas → Siapkan kantor…: empty (the grey button says why), then a wrong code.
    setup = OfficeSetupDialog(services.office, services.regions, window)
    setup.open()
    on_screen(qtbot, setup, "office-setup")
    qtbot.keyClicks(setup.form.region_edit, "16.2")
    qtbot.keyClicks(setup.form.name_edit, "Dinas Sosial Kabupaten Ogan Komering Ilir")
    qtbot.mouseClick(setup.ok_button, Qt.MouseButton.LeftButton)
    assert setup.form.region_error.isVisible()
    on_screen(qtbot, setup, "office-setup-error")
    setup.reject()

    services.office.set_up(
        kind=OfficeKind.HUB, region="16.02", name="Dinas Sosial Kabupaten Ogan Komering Ilir"
    )
    services.demo.generate(workers=300, seed=1)
    window.refresh()

    demo = DemoDialog(window, database=services.path)
    demo.open()
    on_screen(qtbot, demo, "demo")
    demo.reject()

    report = services.health.check()
    # A fault and a notice beside the real findings, to show both sections.
    report.problems.append(
        Finding.error(
            "check.guards", "Pengaman tulis hilang pada tabel: {tables}.", tables="worker, claim"
        )
    )
    report.notices.append(
        Finding.error(
            "check.active_duplicates",
            "{count} NIK dipakai lebih dari satu peserta aktif (mis. {names}). Satu orang "
            "hanya boleh punya satu data aktif: gabungkan di Sinkronisasi, tab Data ganda, "
            "atau nonaktifkan data yang salah.",
            count=2,
            names="Siti Aminah, Budi Santoso",
        )
    )
    health = HealthReportDialog(
        report, services.path.name, window, file_size=services.path.stat().st_size
    )
    health.open()
    on_screen(qtbot, health, "health")
    health.reject()

    result = RegionImportResult(
        added=91_162,
        updated=3,
        unchanged=12,
        rejected=[
            RowProblem(row, Finding.error("region.code", REGION_REASON, code=f"16.{row}"))
            for row in range(12_001, 12_151)
        ],
    )
    summary = RegionImportSummaryDialog(result, "wilayah-kemendagri.csv", window)
    summary.open()
    on_screen(qtbot, summary, "region-import")
    summary.reject()
    services.close()
