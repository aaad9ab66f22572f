"""The new-claim dialog (a worker's JKM claim, a resident's santunan, a refusal under its
field) and the holiday list in a real window, over the main window; each fits the screen
less a taskbar and cuts nothing. Run on Xvfb::

    Xvfb :94 -screen 0 1366x768x24 &
    DISPLAY=:94 QT_QPA_PLATFORM=xcb .venv/bin/python -m pytest \
        tests/e2e/test_new_claim_screens.py -o addopts="" -q

The PNGs land in docs/screenshots/new-claim.png, new-claim-search.png, new-claim-santunan.png,
new-claim-refused.png and holidays.png."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from desktop.domain.categories import WorkerStatus
from desktop.domain.claims import ClaimKind
from desktop.services.app import AppServices
from desktop.ui.claims.new_claim import NewClaimDialog
from desktop.ui.dialogs.holidays import HolidaysDialog
from desktop.ui.main_window import MainWindow
from tests.e2e.screens import REAL_DISPLAY, shoot
from tests.gui.fit import assert_fits, assert_nothing_cut

pytestmark = REAL_DISPLAY

RESIDENT_NIK = "1602064107550002"  # a woman born 1 July 1955, kecamatan 16.02.06
TODAY = date.today()


def on_screen(qtbot: QtBot, dialog: QDialog, name: str) -> None:
    """Check the shown dialog fits and cuts nothing, then photograph the screen."""
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    screen = dialog.screen().availableGeometry()
    QCursor.setPos(screen.bottomRight())
    qtbot.wait(200)
    frame = dialog.frameGeometry()
    assert screen.contains(frame), f"{name}: {frame} leaves the screen {screen}"
    assert_fits(dialog)
    assert_nothing_cut(dialog)
    shoot(qtbot, name)


def type_date(qtbot: QtBot, field: object, day: date) -> None:
    field.setFocus()  # type: ignore[attr-defined]
    field.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClick(field, Qt.Key.Key_Delete)  # type: ignore[arg-type]
    field.setCursorPosition(0)  # type: ignore[attr-defined]
    qtbot.keyClicks(field, day.strftime("%d%m%Y"))  # type: ignore[arg-type]


def workers_of(services: AppServices) -> list[tuple[str, date]]:
    conn = sqlite3.connect(services.path)
    try:
        rows = conn.execute(
            "SELECT id, coverage_start FROM worker WHERE status = 'aktif' "
            "AND coverage_start IS NOT NULL ORDER BY name LIMIT 2"
        ).fetchall()
    finally:
        conn.close()
    return [(str(i), date.fromisoformat(str(start))) for i, start in rows]


def test_new_claim_and_holidays_on_a_real_screen(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    services = AppServices.open(tmp_path / "sigap.db")
    services.demo.generate(workers=40, seed=7)
    admin = services.office.local_actor()
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.showMaximized()
    qtbot.waitExposed(window)
    [(deceased, _start), (alive, covered_from)] = workers_of(services)
    died = TODAY - timedelta(days=6)
    services.workers.set_status(admin, deceased, WorkerStatus.MENINGGAL, death_date=died)

    # A JKM claim for a deceased worker: the worker shown, the date of death from the roster.
    dialog = NewClaimDialog(services, worker_id=deceased, kind=ClaimKind.JKM, parent=window)
    dialog.show()
    qtbot.keyClicks(dialog.akta_edit, "474.3/0123/2026")
    on_screen(qtbot, dialog, "new-claim")
    dialog.done(0)

    # No worker given: found by a part of the name, the NIK masked in the list.
    dialog = NewClaimDialog(services, kind=ClaimKind.JKK_DEATH, parent=window)
    dialog.show()
    qtbot.keyClicks(dialog.search_edit, "an")
    qtbot.keyClicks(dialog.search_edit, "a")
    qtbot.waitUntil(lambda: dialog.worker_list.count() > 0, timeout=5000)
    on_screen(qtbot, dialog, "new-claim-search")
    dialog.done(0)

    # A santunan for a resident not in the roster, the decile not known yet.
    dialog = NewClaimDialog(services, kind=ClaimKind.SANTUNAN, parent=window)
    dialog.show()
    qtbot.keyClicks(dialog.nik_edit, RESIDENT_NIK)
    qtbot.keyClicks(dialog.name_edit, "Siti Aminah")
    dialog.district_combo.setCurrentIndex(max(0, dialog.district_combo.findData("16.02.06")))
    dialog.village_combo.setCurrentIndex(0)
    type_date(qtbot, dialog.event_edit, TODAY - timedelta(days=3))
    on_screen(qtbot, dialog, "new-claim-santunan")
    dialog.done(0)

    # A refusal: a death before the worker's coverage, said under the date, the form kept.
    dialog = NewClaimDialog(services, worker_id=alive, kind=ClaimKind.JKM, parent=window)
    dialog.show()
    type_date(qtbot, dialog.event_edit, covered_from - timedelta(days=40))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.event_message.kind() == "error"
    on_screen(qtbot, dialog, "new-claim-refused")
    dialog.done(0)

    # The holiday list of the regency's admin.
    for day, name in [
        (date(TODAY.year, 1, 1), "Tahun Baru Masehi"),
        (date(TODAY.year, 8, 17), "Hari Kemerdekaan RI"),
        (date(TODAY.year, 12, 25), "Hari Raya Natal"),
        (date(TODAY.year, 12, 26), "Cuti bersama Hari Raya Natal"),
        (date(TODAY.year + 1, 1, 1), "Tahun Baru Masehi"),
    ]:
        services.holidays.add_holiday(admin, day, name)
    holidays = HolidaysDialog(services, parent=window)
    holidays.show()
    holidays.date_edit.setFocus()
    qtbot.keyClicks(holidays.date_edit, date(TODAY.year + 1, 8, 17).strftime("%d%m%Y"))
    on_screen(qtbot, holidays, "holidays")
    holidays.done(0)
    window.close()
    services.close()
